/* warc.h - a streaming reader of WARC 1.0 / 1.1 files (ISO 28500).
 *
 * Reads plain WARC, whole-file gzip and gzip-per-record (one gzip member
 * per record, the usual .warc.gz) from a file descriptor or from memory,
 * holding one record at a time: memory stays flat whatever the file size.
 *
 * Each call to wn_warc_next yields one record with an outcome:
 *   WN_WARC_HTML     an HTML page: a `response` record whose HTTP status is
 *                    2xx and whose Content-Type is HTML (or, without one,
 *                    whose body sniffs as HTML), or a `resource` record of
 *                    type text/html. body is the HTTP entity, de-chunked
 *                    and inflated when the archive kept those codings.
 *   WN_WARC_SKIPPED  anything else that was read fine (warcinfo, request,
 *                    metadata, revisit, images, redirects, 404s...);
 *                    skip_reason says why.
 *   WN_WARC_FAILED   a record that could not be read: a corrupt gzip
 *                    member, a truncated record, a header that does not
 *                    parse, an HTML body larger than the cap. error says
 *                    what; reading resumes at the next record (the next
 *                    gzip member, or the next line starting "WARC/1.").
 * Every record read is counted exactly once in wn_warc_stats.
 *
 * A Content-Length is never trusted for allocation: bodies are read in
 * pieces and only an HTML body up to `max_body` bytes is kept; a header
 * claiming 10 TB is skipped by reading (or, at end of file, reported as
 * truncated), never allocated.
 */
#ifndef WN_WARC_H
#define WN_WARC_H

#include <stddef.h>
#include <stdint.h>

#include "winnow.h"

typedef struct wn_warc_reader wn_warc_reader;

typedef enum wn_warc_outcome {
    WN_WARC_HTML = 0,
    WN_WARC_SKIPPED,
    WN_WARC_FAILED
} wn_warc_outcome;

typedef struct wn_warc_record {
    wn_warc_outcome outcome;
    /* WARC header fields, NUL-terminated, "" when absent. */
    const char *type;         /* WARC-Type: "response", "request", ... */
    const char *target_uri;   /* WARC-Target-URI, without <> */
    const char *date;         /* WARC-Date */
    const char *record_id;    /* WARC-Record-ID, as written ("<urn:uuid:...>") */
    /* From the HTTP response head (response records). */
    int http_status;          /* 0 when there is none */
    const char *mime;         /* payload MIME type, "" when absent */
    const char *charset;      /* Content-Type charset parameter, or NULL */
    /* WN_WARC_HTML: the payload, malloc'd and NUL-terminated. The record
     * owns it until wn_warc_record_free; a caller may take it (set body to
     * NULL after copying the pointer) and free() it itself. */
    char *body;
    size_t body_len;
    uint64_t offset;          /* where the record starts in the
                               * uncompressed stream */
    const char *skip_reason;  /* WN_WARC_SKIPPED: static text */
    wn_error error;           /* WN_WARC_FAILED */
    char *strings_;           /* internal: storage of the strings above */
} wn_warc_record;

typedef struct wn_warc_stats {
    uint64_t records;         /* records read = html + skipped + failed */
    uint64_t html;
    uint64_t skipped;
    uint64_t failed;
    uint64_t raw_bytes;       /* bytes consumed from the file so far */
} wn_warc_stats;

/* Open a reader on fd (not closed by the reader). `prefix` holds bytes
 * already read from fd (e.g. to sniff the format), may be NULL/0; it is
 * copied. max_body 0 = WN_DEFAULT_MAX_INPUT. */
wn_status wn_warc_open_fd(int fd, const void *prefix, size_t prefix_len, size_t max_body,
                          wn_warc_reader **out, wn_error *err);

/* Open a reader on memory (not copied: it must outlive the reader). */
wn_status wn_warc_open_mem(const void *data, size_t len, size_t max_body, wn_warc_reader **out,
                           wn_error *err);

/* Read the next record into *rec (whose previous contents are freed
 * first; zero it before the first call). Returns 1 when a record was
 * produced, 0 at the end of the input. */
int wn_warc_next(wn_warc_reader *r, wn_warc_record *rec);

/* Free what a record owns and zero it. */
void wn_warc_record_free(wn_warc_record *rec);

/* Counters so far. */
wn_warc_stats wn_warc_get_stats(const wn_warc_reader *r);

/* Close the reader (not the fd). NULL is allowed. */
void wn_warc_close(wn_warc_reader *r);

/* Whether bytes (the start of a file) look like a WARC: "WARC/1." at the
 * start, after inflating when they are gzip. Give a few KiB: the first
 * deflate block header alone can take a few hundred bytes. */
int wn_warc_sniff(const void *p, size_t len);

#endif
