/* file.c - read a file, stdin or a gzip stream into memory, with a cap
 * (see input.h). */
#include "input/input.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define CHUNK (64u * 1024)

wn_status
wn_input_error(wn_error *err, wn_status code, size_t offset, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        err->code = code;
        err->offset = offset;
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return code;
}

bool
wn_input_is_gzip(const void *p, size_t len)
{
    const unsigned char *b = p;
    return len >= 2 && b[0] == 0x1f && b[1] == 0x8b;
}

/* A heap buffer that refuses to grow past `max` bytes (plus the NUL). */
typedef struct capbuf {
    char *ptr;
    size_t len, cap, max;
} capbuf;

/* Make room for at least one more byte; false (with *st set) when the cap
 * is reached or memory runs out. */
static bool
capbuf_grow(capbuf *b, wn_status *st)
{
    if (b->len < b->cap)
        return true;
    if (b->len >= b->max) {
        *st = WN_ERR_LIMIT;
        return false;
    }
    size_t cap = b->cap ? b->cap * 2 : CHUNK;
    if (cap > b->max || cap < b->cap)
        cap = b->max;
    char *p = realloc(b->ptr, cap + 1);
    if (!p) {
        *st = WN_ERR_NOMEM;
        return false;
    }
    b->ptr = p;
    b->cap = cap;
    return true;
}

static void
capbuf_append(capbuf *b, const void *src, size_t n, wn_status *st)
{
    const char *s = src;
    while (n && *st == WN_OK) {
        if (!capbuf_grow(b, st))
            return;
        size_t k = b->cap - b->len < n ? b->cap - b->len : n;
        memcpy(b->ptr + b->len, s, k);
        b->len += k;
        s += k;
        n -= k;
    }
}

/* Read up to n bytes, retrying on EINTR; -1 on error. */
static ssize_t
read_some(int fd, void *p, size_t n)
{
    for (;;) {
        ssize_t r = read(fd, p, n);
        if (r >= 0 || errno != EINTR)
            return r;
    }
}

/* Feed `in` to the inflater, appending output to b. *ended is set when a
 * gzip member ends exactly; the caller decides whether another follows. */
static int
inflate_feed(z_stream *zs, const unsigned char *in, size_t len, capbuf *b, wn_status *st,
             bool *in_member)
{
    zs->next_in = (unsigned char *)in;
    zs->avail_in = (uInt)len;
    while (*st == WN_OK) {
        if (!*in_member) {
            /* between members: another one must start with the magic;
             * anything else is trailing padding and ignored, as gzip does */
            if (zs->avail_in == 0)
                return Z_OK;
            if (zs->avail_in >= 2 && !wn_input_is_gzip(zs->next_in, zs->avail_in)) {
                zs->avail_in = 0;
                return Z_OK;
            }
            inflateReset(zs);
            *in_member = true;
        }
        if (!capbuf_grow(b, st))
            return Z_BUF_ERROR;
        zs->next_out = (unsigned char *)b->ptr + b->len;
        zs->avail_out = (uInt)(b->cap - b->len);
        uInt before = zs->avail_out;
        int z = inflate(zs, Z_NO_FLUSH);
        b->len += before - zs->avail_out;
        if (z == Z_STREAM_END) {
            *in_member = false;
            continue;
        }
        if (z == Z_BUF_ERROR || (z == Z_OK && zs->avail_in == 0 && zs->avail_out != 0))
            return Z_OK; /* needs more input */
        if (z != Z_OK)
            return z;
    }
    return Z_BUF_ERROR;
}

static wn_status
finish(capbuf *b, wn_status st, size_t max, char **out, size_t *out_len, wn_error *err)
{
    if (st != WN_OK) {
        free(b->ptr);
        if (st == WN_ERR_LIMIT)
            return wn_input_error(err, st, max, "input exceeds the limit of %zu bytes (max_input)",
                                  max);
        if (st == WN_ERR_NOMEM)
            return wn_input_error(err, st, (size_t)-1, "out of memory");
        return st; /* message already set */
    }
    if (!b->ptr) {
        b->ptr = malloc(1);
        if (!b->ptr)
            return wn_input_error(err, WN_ERR_NOMEM, (size_t)-1, "out of memory");
    }
    b->ptr[b->len] = '\0';
    *out = b->ptr;
    *out_len = b->len;
    return WN_OK;
}

wn_status
wn_input_read_fd(int fd, const void *prefix, size_t prefix_len, size_t max, char **out,
                 size_t *out_len, wn_error *err)
{
    *out = NULL;
    *out_len = 0;
    if (max == 0)
        max = WN_DEFAULT_MAX_INPUT;
    capbuf b = {NULL, 0, 0, max};
    wn_status st = WN_OK;
    unsigned char *chunk = malloc(CHUNK);
    if (!chunk)
        return wn_input_error(err, WN_ERR_NOMEM, (size_t)-1, "out of memory");
    /* gzip is decided by the first two bytes, whether they came in the
     * prefix or have to be read */
    size_t have = 0;
    if (prefix_len) {
        size_t k = prefix_len < CHUNK ? prefix_len : CHUNK;
        memcpy(chunk, prefix, k);
        have = k;
    }
    bool eof = false;
    while (have < 2 && !eof) {
        ssize_t r = read_some(fd, chunk + have, CHUNK - have);
        if (r < 0) {
            free(chunk);
            return wn_input_error(err, WN_ERR_IO, have, "read error: %s", strerror(errno));
        }
        if (r == 0)
            eof = true;
        have += (size_t)r;
    }
    bool gz = wn_input_is_gzip(chunk, have);
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    bool in_member = true;
    if (gz && inflateInit2(&zs, 15 + 16) != Z_OK) {
        free(chunk);
        return wn_input_error(err, WN_ERR_NOMEM, (size_t)-1, "out of memory");
    }
    size_t consumed = 0;              /* raw bytes handled so far */
    const unsigned char *pre = prefix; /* the part of prefix beyond CHUNK */
    size_t pre_rest = prefix_len > CHUNK ? prefix_len - CHUNK : 0;
    for (;;) {
        if (have) {
            if (gz) {
                int z = inflate_feed(&zs, chunk, have, &b, &st, &in_member);
                if (st == WN_OK && z != Z_OK)
                    st = wn_input_error(err, WN_ERR_FORMAT, consumed, "corrupt gzip data: %s",
                                        zs.msg ? zs.msg : "bad stream");
            } else {
                capbuf_append(&b, chunk, have, &st);
            }
            consumed += have;
            have = 0;
        }
        if (st != WN_OK || eof)
            break;
        if (pre_rest) {
            have = pre_rest < CHUNK ? pre_rest : CHUNK;
            memcpy(chunk, pre + (prefix_len - pre_rest), have);
            pre_rest -= have;
            continue;
        }
        ssize_t r = read_some(fd, chunk, CHUNK);
        if (r < 0) {
            st = wn_input_error(err, WN_ERR_IO, consumed, "read error: %s", strerror(errno));
            break;
        }
        if (r == 0)
            eof = true;
        have = (size_t)r;
    }
    if (gz) {
        if (st == WN_OK && in_member)
            st = wn_input_error(err, WN_ERR_FORMAT, consumed, "truncated gzip data");
        inflateEnd(&zs);
    }
    free(chunk);
    return finish(&b, st, max, out, out_len, err);
}

wn_status
wn_input_read_file(const char *path, size_t max, char **out, size_t *out_len, wn_error *err)
{
    *out = NULL;
    *out_len = 0;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return wn_input_error(err, WN_ERR_IO, (size_t)-1, "cannot open: %s", strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        close(fd);
        return wn_input_error(err, WN_ERR_IO, (size_t)-1, "is a directory");
    }
    wn_status st = wn_input_read_fd(fd, NULL, 0, max, out, out_len, err);
    close(fd);
    return st;
}

wn_status
wn_input_inflate(const void *in, size_t len, size_t max, char **out, size_t *out_len,
                 wn_error *err)
{
    *out = NULL;
    *out_len = 0;
    if (max == 0)
        max = WN_DEFAULT_MAX_INPUT;
    /* 15+32: zlib or gzip by header; servers that say "deflate" but send
     * raw deflate (an old IIS habit) get a second try with -15 */
    static const int window_bits[2] = {15 + 32, -15};
    wn_status st = WN_OK;
    for (int attempt = 0; attempt < 2; attempt++) {
        capbuf b = {NULL, 0, 0, max};
        z_stream zs;
        memset(&zs, 0, sizeof zs);
        if (inflateInit2(&zs, window_bits[attempt]) != Z_OK)
            return wn_input_error(err, WN_ERR_NOMEM, (size_t)-1, "out of memory");
        bool in_member = true;
        st = WN_OK;
        int z = inflate_feed(&zs, in, len, &b, &st, &in_member);
        inflateEnd(&zs);
        /* a body cut short (a crawler's size cap) keeps what inflated, as
         * a browser shows a partial page */
        if (st == WN_OK && (z != Z_OK || in_member) && b.len == 0)
            st = wn_input_error(err, WN_ERR_FORMAT, (size_t)-1, "corrupt compressed data");
        if (st == WN_OK || st == WN_ERR_LIMIT || st == WN_ERR_NOMEM || attempt == 1)
            return finish(&b, st, max, out, out_len, err);
        free(b.ptr);
    }
    return st;
}
