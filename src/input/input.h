/* input.h - getting page bytes into memory: files, stdin, gzip.
 *
 * Everything here works on the heap (malloc/free), not in a document
 * arena: the bytes are read before a document exists, and the CLI hands
 * them from a reader thread to a worker. Every reader takes a cap (the
 * caller's max_input) and stops with WN_ERR_LIMIT instead of growing past
 * it, so a gzip bomb or an endless pipe costs at most the cap.
 *
 * gzip is recognised by its magic bytes (1f 8b), never by the file name;
 * concatenated gzip members (as `cat a.gz b.gz` makes) are read as one.
 */
#ifndef WN_INPUT_H
#define WN_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "winnow.h"

/* Whether the bytes start with the gzip magic. */
bool wn_input_is_gzip(const void *p, size_t len);

/* Read everything from `fd` (preceded by `prefix`, bytes the caller has
 * already read from it, may be NULL/0) into a malloc'd, NUL-terminated
 * buffer, inflating it when it is gzip. More than `max` bytes (after
 * inflation) is WN_ERR_LIMIT. On success the caller frees *out. Does not
 * close fd. */
wn_status wn_input_read_fd(int fd, const void *prefix, size_t prefix_len, size_t max, char **out,
                           size_t *out_len, wn_error *err);

/* Open, read (as wn_input_read_fd) and close a file. Errors say what failed:
 * "cannot open: No such file or directory", "is a directory", ... */
wn_status wn_input_read_file(const char *path, size_t max, char **out, size_t *out_len,
                             wn_error *err);

/* Inflate a gzip, zlib or raw-deflate buffer in memory (HTTP
 * Content-Encoding: gzip / deflate) into a malloc'd, NUL-terminated buffer
 * of at most `max` bytes. */
wn_status wn_input_inflate(const void *in, size_t len, size_t max, char **out, size_t *out_len,
                           wn_error *err);

/* Fill *err (when not NULL) and return `code`. printf-style message. */
wn_status wn_input_error(wn_error *err, wn_status code, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
