/* warc.c - streaming WARC 1.0/1.1 reader (see warc.h).
 *
 * Three layers, each knowing only the one below:
 *
 *  1. raw bytes: from a file descriptor (through a buffer) or from memory.
 *  2. the uncompressed stream: a copy of the raw bytes, or their inflation
 *     member by member. A member whose compressed bytes are at hand is
 *     inflated in one call by libdeflate (several times faster than zlib's
 *     streaming inflate, CRC checked); a large, damaged or cut member goes
 *     through zlib's streaming inflate, which finds where it breaks. A corrupt or truncated gzip member becomes a
 *     "discontinuity": the stream remembers the uncompressed offset where
 *     the good data stopped, scans the raw bytes for the next gzip magic
 *     and goes on inflating from there. Data before the discontinuity stays
 *     readable; the record layer learns of the break only when it reaches
 *     that offset, so a break never costs the records before it.
 *  3. records: header block ("WARC/1.x" line, fields, blank line), then
 *     Content-Length bytes of block, then CRLF CRLF. A record cut by a
 *     discontinuity or by the end of the input fails; a header that does
 *     not parse fails and the reader rescans for a line starting "WARC/1.".
 *
 * Only the uncompressed window (256 KiB) and one HTML body (capped) are
 * held at a time.
 */
#include "input/warc.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libdeflate.h>
#include <zlib.h>

#include "input/http.h"
#include "input/input.h"

#define RAW_CHUNK (1024u * 1024)
#define FAST_IN_MIN (256u * 1024)            /* compressed bytes at hand for a one-call member */
#define FAST_OUT_FIRST (1024u * 1024)        /* first size of the one-call output buffer */
#define FAST_OUT_MAX (8u * 1024 * 1024)      /* larger members stream through zlib */
#define WINDOW (256u * 1024)
#define MAX_HEADER (64u * 1024) /* a WARC header block longer than this is junk */
#define HEAD_PEEK (64u * 1024)  /* bytes of a response read before deciding on it */
#define MAX_HTTP_STR 256u       /* longest HTTP head value kept (MIME type, charset) */
#define LOOKAHEAD (64u * 1024)  /* read past a record to see its gzip member end */

struct wn_warc_reader {
    /* layer 1 */
    int fd;                       /* -1: memory */
    const unsigned char *mem;
    size_t mem_len, mem_pos;
    unsigned char *raw;
    size_t raw_cap, raw_pos, raw_end;
    bool raw_eof;
    int raw_errno;
    uint64_t raw_consumed;
    /* layer 2 */
    bool gz;
    bool in_member;
    bool resyncing;               /* skipping after a reported error: quiet */
    z_stream zs;
    struct libdeflate_decompressor *ld; /* one-call inflate of whole members */
    unsigned char *mb;            /* a member inflated whole, copied out to buf */
    size_t mb_cap, mb_pos, mb_len;
    unsigned char *buf;
    size_t pos, end;
    uint64_t base;                /* stream offset of buf[0] */
    bool eof;                     /* no more stream data will come */
    bool disc;                    /* a break is pending at disc_at */
    uint64_t disc_at;
    uint64_t member_start;        /* stream offset where the current member began */
    uint64_t disc_member;         /* ... where the member of the break began */
    char disc_msg[160];
    /* layer 3 */
    size_t max_body;
    wn_warc_stats stats;
};

/* ------------------------------------------------------------------------ */
/* Layer 1: raw bytes                                                       */

static ssize_t
read_some(int fd, void *p, size_t n)
{
    for (;;) {
        ssize_t r = read(fd, p, n);
        if (r >= 0 || errno != EINTR)
            return r;
    }
}

/* At least `min` raw bytes at *p unless the input ends first. */
static size_t
raw_avail(wn_warc_reader *r, size_t min, const unsigned char **p)
{
    if (r->fd < 0) {
        *p = r->mem + r->mem_pos;
        return r->mem_len - r->mem_pos;
    }
    while (r->raw_end - r->raw_pos < min && !r->raw_eof) {
        if (r->raw_pos > 0) {
            memmove(r->raw, r->raw + r->raw_pos, r->raw_end - r->raw_pos);
            r->raw_end -= r->raw_pos;
            r->raw_pos = 0;
        }
        ssize_t k = read_some(r->fd, r->raw + r->raw_end, r->raw_cap - r->raw_end);
        if (k <= 0) {
            r->raw_eof = true;
            if (k < 0)
                r->raw_errno = errno;
            break;
        }
        r->raw_end += (size_t)k;
    }
    *p = r->raw + r->raw_pos;
    return r->raw_end - r->raw_pos;
}

static void
raw_consume(wn_warc_reader *r, size_t n)
{
    if (r->fd < 0)
        r->mem_pos += n;
    else
        r->raw_pos += n;
    r->raw_consumed += n;
}

/* ------------------------------------------------------------------------ */
/* Layer 2: the uncompressed stream                                         */

/* Record a break at the current end of the stream (only the first one
 * before the record layer takes it). */
static void
set_disc(wn_warc_reader *r, const char *fmt, unsigned long long at, const char *detail)
{
    if (r->disc)
        return;
    r->disc = true;
    r->disc_at = r->base + r->end;
    /* a damaged member spoils every record in it (its CRC covers them
     * all); junk between members spoils none */
    r->disc_member = r->in_member ? r->member_start : r->disc_at;
    snprintf(r->disc_msg, sizeof r->disc_msg, fmt, at, detail ? detail : "");
}

/* Skip raw bytes up to the next gzip member header (1f 8b 08). Returns
 * whether one was found; *junk tells whether anything but padding (NUL,
 * whitespace) was skipped. */
static bool
skip_to_magic(wn_warc_reader *r, bool *junk)
{
    for (;;) {
        const unsigned char *p;
        size_t n = raw_avail(r, 3, &p);
        size_t i = 0;
        while (n >= 3 && i + 3 <= n) {
            const unsigned char *m = memchr(p + i, 0x1f, n - 2 - i);
            if (!m)
                break;
            size_t at = (size_t)(m - p);
            if (m[1] == 0x8b && m[2] == 0x08) {
                for (size_t k = 0; k < at; k++)
                    if (p[k] && p[k] != '\r' && p[k] != '\n' && p[k] != ' ')
                        *junk = true;
                raw_consume(r, at);
                return true;
            }
            i = at + 1;
        }
        size_t drop = n >= 3 ? n - 2 : n;
        for (size_t k = 0; k < drop; k++)
            if (p[k] && p[k] != '\r' && p[k] != '\n' && p[k] != ' ')
                *junk = true;
        raw_consume(r, drop);
        if (n < 3)
            return false;
    }
}

/* The fast path: inflate the member at the raw position in one call, when
 * its compressed bytes are all in the raw buffer (at least FAST_IN_MIN are
 * brought in) and it inflates to at most FAST_OUT_MAX. On success the
 * member's bytes are in mb and its compressed bytes consumed. Otherwise
 * nothing is consumed and the caller streams the member through zlib,
 * which also says where a damaged or cut member breaks. */
static bool
fast_member(wn_warc_reader *r)
{
    if (!r->ld)
        return false;
    const unsigned char *p;
    size_t n = raw_avail(r, FAST_IN_MIN, &p);
    for (;;) {
        if (r->mb_cap == 0 || r->mb == NULL) {
            r->mb = malloc(FAST_OUT_FIRST);
            if (!r->mb)
                return false;
            r->mb_cap = FAST_OUT_FIRST;
        }
        size_t used = 0, made = 0;
        enum libdeflate_result res =
            libdeflate_gzip_decompress_ex(r->ld, p, n, r->mb, r->mb_cap, &used, &made);
        if (res == LIBDEFLATE_SUCCESS && used > 0 && used <= n) {
            raw_consume(r, used);
            r->mb_pos = 0;
            r->mb_len = made;
            return true;
        }
        if (res != LIBDEFLATE_INSUFFICIENT_SPACE || r->mb_cap >= FAST_OUT_MAX)
            return false;
        size_t cap = r->mb_cap * 4 < FAST_OUT_MAX ? r->mb_cap * 4 : FAST_OUT_MAX;
        unsigned char *mb = malloc(cap);
        if (!mb)
            return false;
        free(r->mb);
        r->mb = mb;
        r->mb_cap = cap;
    }
}

/* Append more stream bytes at buf[end..WINDOW) (there must be room), or
 * set eof, or set a pending break. */
static void
produce(wn_warc_reader *r)
{
    const unsigned char *p;
    if (!r->gz) {
        size_t n = raw_avail(r, 1, &p);
        if (n == 0) {
            if (r->raw_errno)
                set_disc(r, "read error at byte %llu: %s", (unsigned long long)r->raw_consumed,
                         strerror(r->raw_errno));
            r->eof = true;
            return;
        }
        size_t k = n < WINDOW - r->end ? n : WINDOW - r->end;
        memcpy(r->buf + r->end, p, k);
        raw_consume(r, k);
        r->end += k;
        return;
    }
    for (;;) {
        if (r->mb_pos < r->mb_len) {
            /* a member inflated whole: hand it out window by window */
            size_t room = WINDOW - r->end;
            size_t k = r->mb_len - r->mb_pos < room ? r->mb_len - r->mb_pos : room;
            memcpy(r->buf + r->end, r->mb + r->mb_pos, k);
            r->mb_pos += k;
            r->end += k;
            if (r->mb_pos == r->mb_len) {
                r->mb_pos = r->mb_len = 0;
                r->in_member = false;
                r->resyncing = false;
            }
            return;
        }
        if (!r->in_member) {
            size_t n = raw_avail(r, 3, &p);
            if (n == 0) {
                r->eof = true;
                return;
            }
            if (n < 3 || p[0] != 0x1f || p[1] != 0x8b || p[2] != 0x08) {
                uint64_t at = r->raw_consumed;
                bool junk = false;
                bool found = skip_to_magic(r, &junk);
                if (junk && !r->resyncing) {
                    set_disc(r, "unreadable bytes at byte %llu%s (not a gzip member)",
                             (unsigned long long)at, "");
                }
                if (!found) {
                    r->eof = true;
                    return;
                }
                if (r->disc)
                    return;
            }
            r->member_start = r->base + r->end;
            if (fast_member(r)) {
                if (r->mb_len == 0) { /* an empty member */
                    r->resyncing = false;
                    continue;
                }
                r->in_member = true;
                continue;
            }
            inflateReset(&r->zs);
            r->in_member = true;
        }
        size_t n = raw_avail(r, 1, &p);
        if (n == 0) {
            set_disc(r, "truncated gzip member at byte %llu%s", (unsigned long long)r->raw_consumed,
                     r->raw_errno ? " (read error)" : "");
            r->in_member = false;
            r->eof = true;
            return;
        }
        size_t room = WINDOW - r->end;
        uInt in_n = n > (1u << 30) ? (1u << 30) : (uInt)n;
        r->zs.next_in = (unsigned char *)p;
        r->zs.avail_in = in_n;
        r->zs.next_out = r->buf + r->end;
        r->zs.avail_out = (uInt)room;
        int z = inflate(&r->zs, Z_NO_FLUSH);
        size_t used = in_n - r->zs.avail_in;
        size_t made = room - r->zs.avail_out;
        raw_consume(r, used);
        r->end += made;
        if (z == Z_STREAM_END) {
            r->in_member = false;
            r->resyncing = false;
            if (made)
                return;
            continue;
        }
        if ((z == Z_OK || z == Z_BUF_ERROR) && (used || made)) {
            if (made)
                return;
            continue;
        }
        /* a corrupt member: report it, then look for the next one from
         * here (at least one byte on, so the same header is not retried) */
        uint64_t at = r->raw_consumed;
        set_disc(r, "corrupt gzip member at byte %llu: %s", (unsigned long long)at,
                 r->zs.msg ? r->zs.msg : "bad data");
        if (used == 0)
            raw_consume(r, 1);
        r->in_member = false;
        r->resyncing = true;
        return;
    }
}

/* Make at least n bytes (n <= WINDOW / 2) readable at buf[pos..) unless the
 * stream ends or reaches a pending break first; returns what is readable
 * before the end or the break. */
static size_t
need(wn_warc_reader *r, size_t n)
{
    for (;;) {
        size_t lim = r->disc ? (size_t)(r->disc_at - r->base) : r->end;
        if (lim - r->pos >= n || r->eof || (r->disc && r->end >= lim))
            return lim - r->pos;
        if (r->end == WINDOW) {
            memmove(r->buf, r->buf + r->pos, r->end - r->pos);
            r->base += r->pos;
            r->end -= r->pos;
            r->pos = 0;
        }
        produce(r);
    }
}

/* gzip checks a member's CRC only at its end, so a record whose member is
 * damaged after the record's last byte may still have been decoded from
 * garbage. Before a record is accepted, read ahead (a bounded amount)
 * until the member holding it ends; false when that member broke. */
static bool
member_ok(wn_warc_reader *r, uint64_t rec_start)
{
    if (!r->gz)
        return true;
    while (!r->disc && !r->eof && r->in_member && r->member_start <= rec_start &&
           r->end - r->pos < LOOKAHEAD) {
        if (r->end == WINDOW) {
            memmove(r->buf, r->buf + r->pos, r->end - r->pos);
            r->base += r->pos;
            r->end -= r->pos;
            r->pos = 0;
        }
        produce(r);
    }
    return !(r->disc && r->disc_member <= rec_start);
}

/* Whether the reader stands at a pending break (nothing readable before
 * it); if so, take it: move past it and copy its message. */
static bool
take_disc(wn_warc_reader *r, wn_error *err)
{
    if (!r->disc || r->base + r->pos < r->disc_at)
        return false;
    r->pos = (size_t)(r->disc_at - r->base);
    r->disc = false;
    wn_input_error(err, WN_ERR_FORMAT, (size_t)r->disc_at, "%s", r->disc_msg);
    return true;
}

/* Failed record for a break met before `pos` reached it: drop the bytes
 * up to the break. */
static void
jump_to_disc(wn_warc_reader *r, wn_error *err)
{
    r->pos = (size_t)(r->disc_at - r->base);
    r->disc = false;
    wn_input_error(err, WN_ERR_FORMAT, (size_t)r->disc_at, "%s", r->disc_msg);
}

/* ------------------------------------------------------------------------ */
/* Layer 3: records                                                         */

static bool
at_record_start(const unsigned char *p, size_t n)
{
    return n >= 6 && memcmp(p, "WARC/", 5) == 0 && p[5] >= '0' && p[5] <= '9';
}

/* Skip to the next line that starts "WARC/<digit>" (or the end, or a
 * break). Drops at least the rest of the current line. */
static void
resync(wn_warc_reader *r)
{
    for (;;) {
        size_t n = need(r, 1);
        if (n == 0) {
            /* a break right after the junk is part of the same damage:
             * one failure, not two */
            if (r->disc && r->base + r->pos >= r->disc_at) {
                r->pos = (size_t)(r->disc_at - r->base);
                r->disc = false;
            }
            return;
        }
        const unsigned char *nl = memchr(r->buf + r->pos, '\n', n);
        if (!nl) {
            r->pos += n;
            continue;
        }
        r->pos = (size_t)(nl - r->buf) + 1;
        if (at_record_start(r->buf + r->pos, need(r, 6)))
            return;
    }
}

/* Length of the header block at p (through its blank line), 0 if no blank
 * line is in p[0..n). Bare LF line ends are accepted. */
static size_t
header_end(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        const unsigned char *nl = memchr(p + i, '\n', n - i);
        if (!nl)
            return 0;
        size_t at = (size_t)(nl - p) + 1;
        if (at < n && p[at] == '\n')
            return at + 1;
        if (at + 1 < n && p[at] == '\r' && p[at + 1] == '\n')
            return at + 2;
        i = at - 1;
    }
    return 0;
}

static bool
name_is(const char *p, size_t n, const char *lit)
{
    if (strlen(lit) != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = p[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != lit[i])
            return false;
    }
    return true;
}

/* String storage for one record: values copied after each other. */
typedef struct strpool {
    char *base;
    size_t len, cap;
} strpool;

static const char *
pool_add(strpool *sp, const char *p, size_t n)
{
    if (!sp->base || sp->len + n + 1 > sp->cap)
        return "";
    char *s = sp->base + sp->len;
    memcpy(s, p, n);
    s[n] = '\0';
    sp->len += n + 1;
    return s;
}

static size_t
cap_len(size_t n)
{
    return n < MAX_HTTP_STR ? n : MAX_HTTP_STR;
}

typedef struct header {
    const char *type, *target_uri, *date, *record_id, *content_type;
    uint64_t content_length;
    bool has_length;
} header;

static void
trim(const char **p, size_t *n)
{
    while (*n && (**p == ' ' || **p == '\t')) {
        (*p)++;
        (*n)--;
    }
    while (*n && ((*p)[*n - 1] == ' ' || (*p)[*n - 1] == '\t' || (*p)[*n - 1] == '\r'))
        (*n)--;
}

static void
parse_header(const char *p, size_t n, strpool *sp, header *h)
{
    h->type = h->target_uri = h->date = h->record_id = h->content_type = "";
    const char *nl = memchr(p, '\n', n);
    size_t i = nl ? (size_t)(nl - p) + 1 : n; /* past the version line */
    while (i < n) {
        nl = memchr(p + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - p) : n;
        const char *line = p + i;
        size_t len = end - i;
        i = end + 1;
        const char *colon = memchr(line, ':', len);
        if (!colon)
            continue;
        const char *name = line;
        size_t name_len = (size_t)(colon - line);
        const char *v = colon + 1;
        size_t vn = len - name_len - 1;
        trim(&name, &name_len);
        trim(&v, &vn);
        if (name_is(name, name_len, "warc-type")) {
            h->type = pool_add(sp, v, vn);
        } else if (name_is(name, name_len, "warc-target-uri")) {
            if (vn >= 2 && v[0] == '<' && v[vn - 1] == '>') { /* WARC 1.0 drafts */
                v++;
                vn -= 2;
            }
            h->target_uri = pool_add(sp, v, vn);
        } else if (name_is(name, name_len, "warc-date")) {
            h->date = pool_add(sp, v, vn);
        } else if (name_is(name, name_len, "warc-record-id")) {
            h->record_id = pool_add(sp, v, vn);
        } else if (name_is(name, name_len, "content-type")) {
            h->content_type = pool_add(sp, v, vn);
        } else if (name_is(name, name_len, "content-length")) {
            uint64_t x = 0;
            size_t k = 0;
            while (k < vn && v[k] >= '0' && v[k] <= '9') {
                unsigned d = (unsigned)(v[k] - '0');
                if (x > (UINT64_MAX - d) / 10)
                    break;
                x = x * 10 + d;
                k++;
            }
            if (k == vn && k > 0) {
                h->content_length = x;
                h->has_length = true;
            }
        }
    }
}

/* A heap buffer for a body. */
typedef struct body {
    char *ptr;
    size_t len, cap;
    bool oom;
} body;

static void
body_append(body *b, const unsigned char *p, size_t n)
{
    if (b->oom || n == 0)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64 * 1024;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *q = realloc(b->ptr, cap);
        if (!q) {
            b->oom = true;
            return;
        }
        b->ptr = q;
        b->cap = cap;
    }
    memcpy(b->ptr + b->len, p, n);
    b->len += n;
}

enum { BODY_OK, BODY_TRUNCATED, BODY_BROKEN };

/* Consume block bytes until *done == len, keeping them in b (when given)
 * while b holds fewer than `keep` bytes. */
static int
stream_block(wn_warc_reader *r, uint64_t len, uint64_t *done, body *b, size_t keep)
{
    while (*done < len) {
        size_t avail = need(r, 1);
        if (avail == 0)
            return r->disc ? BODY_BROKEN : BODY_TRUNCATED;
        size_t k = (uint64_t)avail < len - *done ? avail : (size_t)(len - *done);
        if (b && b->len < keep) {
            size_t c = keep - b->len < k ? keep - b->len : k;
            body_append(b, r->buf + r->pos, c);
        }
        r->pos += k;
        *done += k;
    }
    return BODY_OK;
}

void
wn_warc_record_free(wn_warc_record *rec)
{
    if (!rec)
        return;
    free(rec->body);
    free(rec->strings_);
    memset(rec, 0, sizeof *rec);
}

static int
fail(wn_warc_reader *r, wn_warc_record *rec)
{
    rec->outcome = WN_WARC_FAILED;
    free(rec->body);
    rec->body = NULL;
    rec->body_len = 0;
    r->stats.records++;
    r->stats.failed++;
    return 1;
}

static int
skip(wn_warc_reader *r, wn_warc_record *rec, const char *why)
{
    if (!member_ok(r, rec->offset)) {
        jump_to_disc(r, &rec->error);
        return fail(r, rec);
    }
    rec->outcome = WN_WARC_SKIPPED;
    rec->skip_reason = why;
    free(rec->body);
    rec->body = NULL;
    rec->body_len = 0;
    r->stats.records++;
    r->stats.skipped++;
    return 1;
}

/* The end of a block that could not be read whole. */
static int
fail_block(wn_warc_reader *r, wn_warc_record *rec, int how, uint64_t done, uint64_t len)
{
    if (how == BODY_BROKEN)
        jump_to_disc(r, &rec->error);
    else
        wn_input_error(&rec->error, WN_ERR_FORMAT, (size_t)rec->offset,
                       "truncated record: %llu of %llu bytes", (unsigned long long)done,
                       (unsigned long long)len);
    return fail(r, rec);
}

/* Turn the kept bytes b (HTTP head + entity, or a bare entity) into the
 * record's body: de-chunk, inflate. */
static int
finish_html(wn_warc_reader *r, wn_warc_record *rec, body *b, size_t head_len, bool chunked,
            const char *coding)
{
    if (!member_ok(r, rec->offset)) {
        free(b->ptr);
        b->ptr = NULL;
        jump_to_disc(r, &rec->error);
        return fail(r, rec);
    }
    memmove(b->ptr, b->ptr + head_len, b->len - head_len);
    b->len -= head_len;
    if (chunked)
        b->len = wn_http_dechunk(b->ptr, b->len);
    if (coding && (name_is(coding, strlen(coding), "gzip") ||
                   name_is(coding, strlen(coding), "x-gzip") ||
                   name_is(coding, strlen(coding), "deflate"))) {
        char *out;
        size_t out_len;
        wn_status st = wn_input_inflate(b->ptr, b->len, r->max_body, &out, &out_len, &rec->error);
        free(b->ptr);
        b->ptr = NULL;
        if (st != WN_OK)
            return fail(r, rec);
        b->ptr = out;
        b->len = out_len;
    }
    b->ptr[b->len] = '\0';
    rec->body = b->ptr;
    rec->body_len = b->len;
    b->ptr = NULL;
    rec->outcome = WN_WARC_HTML;
    r->stats.records++;
    r->stats.html++;
    return 1;
}

int
wn_warc_next(wn_warc_reader *r, wn_warc_record *rec)
{
    wn_warc_record_free(rec);
    rec->type = rec->target_uri = rec->date = rec->record_id = rec->mime = "";
    /* between records: CR LF (the block trailer), stray padding */
    for (;;) {
        if (take_disc(r, &rec->error)) {
            rec->offset = r->base + r->pos;
            return fail(r, rec);
        }
        size_t n = need(r, 1);
        if (n == 0) {
            if (take_disc(r, &rec->error))
                return fail(r, rec);
            return 0;
        }
        unsigned char c = r->buf[r->pos];
        if (c != '\r' && c != '\n' && c != ' ' && c != '\t' && c != '\0')
            break;
        r->pos++;
    }
    rec->offset = r->base + r->pos;
    size_t n = need(r, 6);
    if (!at_record_start(r->buf + r->pos, n)) {
        if (n < 6 && !r->disc)
            wn_input_error(&rec->error, WN_ERR_FORMAT, (size_t)rec->offset,
                           "truncated record at byte %llu", (unsigned long long)rec->offset);
        else
            wn_input_error(&rec->error, WN_ERR_FORMAT, (size_t)rec->offset,
                           "no WARC record at byte %llu (skipped to the next one)",
                           (unsigned long long)rec->offset);
        if (n < 6 && r->disc)
            jump_to_disc(r, &rec->error);
        else
            resync(r);
        return fail(r, rec);
    }
    /* the header block */
    n = need(r, MAX_HEADER); /* less only at the end or a break */
    size_t hlen = header_end(r->buf + r->pos, n < MAX_HEADER ? n : MAX_HEADER);
    if (!hlen) {
        if (n >= MAX_HEADER) {
            wn_input_error(&rec->error, WN_ERR_FORMAT, (size_t)rec->offset,
                           "WARC header at byte %llu longer than %u bytes",
                           (unsigned long long)rec->offset, MAX_HEADER);
            resync(r);
        } else if (r->disc) {
            jump_to_disc(r, &rec->error);
        } else {
            wn_input_error(&rec->error, WN_ERR_FORMAT, (size_t)rec->offset,
                           "truncated WARC header at byte %llu", (unsigned long long)rec->offset);
            r->pos += n;
        }
        return fail(r, rec);
    }
    /* room for every header value (each shorter than its line, so all of
     * them fit in hlen) and three HTTP head values */
    size_t pool_cap = hlen + 3 * (MAX_HTTP_STR + 1);
    strpool sp = {malloc(pool_cap), 0, pool_cap};
    if (!sp.base) {
        wn_input_error(&rec->error, WN_ERR_NOMEM, (size_t)rec->offset, "out of memory");
        r->pos += hlen;
        resync(r);
        return fail(r, rec);
    }
    rec->strings_ = sp.base;
    header h;
    memset(&h, 0, sizeof h);
    parse_header((const char *)r->buf + r->pos, hlen, &sp, &h);
    r->pos += hlen;
    rec->type = h.type;
    rec->target_uri = h.target_uri;
    rec->date = h.date;
    rec->record_id = h.record_id;
    if (!h.has_length) {
        wn_input_error(&rec->error, WN_ERR_FORMAT, (size_t)rec->offset,
                       "WARC record at byte %llu has no valid Content-Length",
                       (unsigned long long)rec->offset);
        resync(r);
        return fail(r, rec);
    }
    uint64_t len = h.content_length, done = 0;
    bool response = strcmp(h.type, "response") == 0;
    bool resource = strcmp(h.type, "resource") == 0;
    wn_str ct_mime, ct_charset;
    wn_http_parse_content_type(h.content_type, strlen(h.content_type), &ct_mime, &ct_charset);
    bool http = response && (!ct_mime.ptr || (ct_mime.len == 16 && name_is(ct_mime.ptr, 16,
                                                                            "application/http")));
    bool html_resource = resource && ct_mime.ptr && wn_http_is_html(ct_mime, NULL, 0);
    if (!http && !html_resource) {
        int how = stream_block(r, len, &done, NULL, 0);
        if (how != BODY_OK)
            return fail_block(r, rec, how, done, len);
        return skip(r, rec, response ? "response is not HTTP" :
                            resource ? "resource is not HTML" : "not a response record");
    }
    body b = {NULL, 0, 0, false};
    size_t head_len = 0;
    bool chunked = false;
    const char *coding = NULL;
    if (html_resource) {
        rec->mime = pool_add(&sp, ct_mime.ptr, cap_len(ct_mime.len));
        if (ct_charset.ptr)
            rec->charset = pool_add(&sp, ct_charset.ptr, cap_len(ct_charset.len));
    } else {
        /* read the HTTP head first: it decides whether the rest is kept */
        int how = stream_block(r, len < HEAD_PEEK ? len : HEAD_PEEK, &done, &b, HEAD_PEEK);
        if (how != BODY_OK) {
            free(b.ptr);
            return fail_block(r, rec, how, done, len);
        }
        if (b.oom) {
            free(b.ptr);
            wn_input_error(&rec->error, WN_ERR_NOMEM, (size_t)rec->offset, "out of memory");
            how = stream_block(r, len, &done, NULL, 0);
            if (how != BODY_OK)
                return fail_block(r, rec, how, done, len);
            return fail(r, rec);
        }
        wn_http_head hh;
        if (b.len == 0 || wn_http_parse_head(b.ptr, b.len, &hh) != WN_OK) {
            free(b.ptr);
            how = stream_block(r, len, &done, NULL, 0);
            if (how != BODY_OK)
                return fail_block(r, rec, how, done, len);
            wn_input_error(&rec->error, WN_ERR_FORMAT, (size_t)rec->offset,
                           "response record at byte %llu: no HTTP response head",
                           (unsigned long long)rec->offset);
            return fail(r, rec);
        }
        rec->http_status = hh.status;
        if (hh.mime.ptr)
            rec->mime = pool_add(&sp, hh.mime.ptr, cap_len(hh.mime.len));
        if (hh.charset.ptr)
            rec->charset = pool_add(&sp, hh.charset.ptr, cap_len(hh.charset.len));
        const char *why = NULL;
        if (hh.status < 200 || hh.status > 299)
            why = "HTTP status is not 2xx";
        else if (!wn_http_is_html(hh.mime, b.ptr + hh.head_len, b.len - hh.head_len))
            why = "not HTML";
        if (why) {
            free(b.ptr);
            how = stream_block(r, len, &done, NULL, 0);
            if (how != BODY_OK)
                return fail_block(r, rec, how, done, len);
            return skip(r, rec, why);
        }
        head_len = hh.head_len;
        chunked = hh.chunked;
        if (hh.content_encoding.ptr)
            coding = pool_add(&sp, hh.content_encoding.ptr, cap_len(hh.content_encoding.len));
    }
    if (len - head_len > r->max_body) {
        free(b.ptr);
        int how = stream_block(r, len, &done, NULL, 0);
        if (how != BODY_OK)
            return fail_block(r, rec, how, done, len);
        wn_input_error(&rec->error, WN_ERR_LIMIT, (size_t)rec->offset,
                       "HTML body of %llu bytes exceeds the limit of %zu bytes (max_input)",
                       (unsigned long long)(len - head_len), r->max_body);
        return fail(r, rec);
    }
    int how = stream_block(r, len, &done, &b, (size_t)len);
    if (how != BODY_OK) {
        free(b.ptr);
        return fail_block(r, rec, how, done, len);
    }
    if (!b.ptr && !b.oom) { /* an empty body */
        b.ptr = malloc(1);
        b.cap = 1;
        b.oom = !b.ptr;
    }
    if (b.oom) {
        free(b.ptr);
        wn_input_error(&rec->error, WN_ERR_NOMEM, (size_t)rec->offset, "out of memory");
        return fail(r, rec);
    }
    return finish_html(r, rec, &b, head_len, chunked, coding);
}

wn_warc_stats
wn_warc_get_stats(const wn_warc_reader *r)
{
    wn_warc_stats s = r->stats;
    s.raw_bytes = r->raw_consumed;
    return s;
}

static wn_status
open_common(wn_warc_reader *r, size_t max_body, wn_warc_reader **out, wn_error *err)
{
    r->max_body = max_body ? max_body : WN_DEFAULT_MAX_INPUT;
    r->buf = malloc(WINDOW);
    if (!r->buf) {
        wn_warc_close(r);
        return wn_input_error(err, WN_ERR_NOMEM, (size_t)-1, "out of memory");
    }
    const unsigned char *p;
    size_t n = raw_avail(r, 2, &p);
    r->gz = n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
    if (r->gz) {
        if (inflateInit2(&r->zs, 15 + 16) != Z_OK) {
            r->gz = false;
            wn_warc_close(r);
            return wn_input_error(err, WN_ERR_NOMEM, (size_t)-1, "out of memory");
        }
        r->ld = libdeflate_alloc_decompressor(); /* NULL: zlib alone, slower */
    }
    *out = r;
    return WN_OK;
}

wn_status
wn_warc_open_fd(int fd, const void *prefix, size_t prefix_len, size_t max_body,
                wn_warc_reader **out, wn_error *err)
{
    *out = NULL;
    wn_warc_reader *r = calloc(1, sizeof *r);
    if (!r)
        return wn_input_error(err, WN_ERR_NOMEM, (size_t)-1, "out of memory");
    r->fd = fd;
    r->raw_cap = prefix_len > RAW_CHUNK ? prefix_len : RAW_CHUNK;
    r->raw = malloc(r->raw_cap);
    if (!r->raw) {
        free(r);
        return wn_input_error(err, WN_ERR_NOMEM, (size_t)-1, "out of memory");
    }
    if (prefix_len)
        memcpy(r->raw, prefix, prefix_len);
    r->raw_end = prefix_len;
    return open_common(r, max_body, out, err);
}

wn_status
wn_warc_open_mem(const void *data, size_t len, size_t max_body, wn_warc_reader **out,
                 wn_error *err)
{
    *out = NULL;
    wn_warc_reader *r = calloc(1, sizeof *r);
    if (!r)
        return wn_input_error(err, WN_ERR_NOMEM, (size_t)-1, "out of memory");
    r->fd = -1;
    r->mem = data ? data : (const void *)"";
    r->mem_len = data ? len : 0;
    return open_common(r, max_body, out, err);
}

void
wn_warc_close(wn_warc_reader *r)
{
    if (!r)
        return;
    if (r->gz)
        inflateEnd(&r->zs);
    if (r->ld)
        libdeflate_free_decompressor(r->ld);
    free(r->mb);
    free(r->raw);
    free(r->buf);
    free(r);
}

int
wn_warc_sniff(const void *p, size_t len)
{
    unsigned char head[16];
    const unsigned char *b = p;
    size_t n = len;
    if (wn_input_is_gzip(p, len)) {
        z_stream zs;
        memset(&zs, 0, sizeof zs);
        if (inflateInit2(&zs, 15 + 16) != Z_OK)
            return 0;
        zs.next_in = (unsigned char *)p;
        zs.avail_in = len > (1u << 30) ? (1u << 30) : (uInt)len;
        zs.next_out = head;
        zs.avail_out = sizeof head;
        inflate(&zs, Z_NO_FLUSH);
        n = sizeof head - zs.avail_out;
        inflateEnd(&zs);
        b = head;
    }
    return at_record_start(b, n) && n >= 7 && (b[5] == '1' || b[5] == '0') && b[6] == '.';
}
