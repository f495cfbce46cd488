/* test_input.c - reading files and stdin-like descriptors with gzip
 * auto-detection and a cap (src/input/file.c), and the HTTP response head
 * parser (src/input/http.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "harness.h"
#include "input/http.h"
#include "input/input.h"

static char *
gzip_mem(const char *p, size_t n, size_t *out_len, int window_bits)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    deflateInit2(&zs, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
    size_t cap = deflateBound(&zs, (uLong)n) + 64;
    char *out = malloc(cap);
    zs.next_in = (unsigned char *)p;
    zs.avail_in = (uInt)n;
    zs.next_out = (unsigned char *)out;
    zs.avail_out = (uInt)cap;
    deflate(&zs, Z_FINISH);
    *out_len = cap - zs.avail_out;
    deflateEnd(&zs);
    return out;
}

/* A temporary file holding p[0..n); its path is written to `path`. */
static void
temp_file(char *path, size_t cap, const void *p, size_t n)
{
    snprintf(path, cap, "/tmp/wn_test_input_XXXXXX");
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    CHECK_EQ_INT(write(fd, p, n), (long long)n);
    close(fd);
}

static const char page[] = "<!doctype html><title>t</title><p>Some text about lemurs.</p>\n";

TEST(plain_file)
{
    char path[64];
    temp_file(path, sizeof path, page, sizeof page - 1);
    char *out;
    size_t len;
    CHECK_EQ_INT(wn_input_read_file(path, 0, &out, &len, NULL), WN_OK);
    CHECK_EQ_MEM(out, len, page);
    CHECK(out[len] == '\0');
    free(out);
    unlink(path);
}

TEST(gzip_file)
{
    size_t zlen;
    char *z = gzip_mem(page, sizeof page - 1, &zlen, 15 + 16);
    char path[64];
    temp_file(path, sizeof path, z, zlen);
    char *out;
    size_t len;
    CHECK_EQ_INT(wn_input_read_file(path, 0, &out, &len, NULL), WN_OK);
    CHECK_EQ_MEM(out, len, page);
    free(out);
    unlink(path);
    /* two members, as `cat a.gz b.gz` makes: read as one */
    char *two = malloc(2 * zlen);
    memcpy(two, z, zlen);
    memcpy(two + zlen, z, zlen);
    temp_file(path, sizeof path, two, 2 * zlen);
    CHECK_EQ_INT(wn_input_read_file(path, 0, &out, &len, NULL), WN_OK);
    CHECK_EQ_INT(len, 2 * (sizeof page - 1));
    free(out);
    unlink(path);
    /* a truncated gzip file is an error, not a silent half page */
    temp_file(path, sizeof path, z, zlen - 10);
    wn_error err;
    CHECK_EQ_INT(wn_input_read_file(path, 0, &out, &len, &err), WN_ERR_FORMAT);
    CHECK(strstr(err.message, "gzip") != NULL);
    unlink(path);
    free(two);
    free(z);
}

/* The cap holds for plain input and for what gzip inflates to (a bomb). */
TEST(limits)
{
    size_t big = 1u << 20;
    char *zeros = calloc(1, big);
    size_t zlen;
    char *z = gzip_mem(zeros, big, &zlen, 15 + 16);
    CHECK(zlen < 4096); /* a small file that inflates to 1 MiB */
    char path[64];
    temp_file(path, sizeof path, z, zlen);
    char *out = NULL;
    size_t len;
    wn_error err;
    CHECK_EQ_INT(wn_input_read_file(path, 100000, &out, &len, &err), WN_ERR_LIMIT);
    CHECK(out == NULL);
    CHECK(strstr(err.message, "limit") != NULL);
    CHECK_EQ_INT(wn_input_read_file(path, big, &out, &len, &err), WN_OK);
    CHECK_EQ_INT(len, big);
    free(out);
    unlink(path);
    temp_file(path, sizeof path, zeros, 5000);
    CHECK_EQ_INT(wn_input_read_file(path, 4999, &out, &len, &err), WN_ERR_LIMIT);
    CHECK_EQ_INT(wn_input_read_file(path, 5000, &out, &len, &err), WN_OK);
    free(out);
    unlink(path);
    free(z);
    free(zeros);
}

TEST(errors_name_the_problem)
{
    char *out;
    size_t len;
    wn_error err;
    CHECK_EQ_INT(wn_input_read_file("/nonexistent/page.html", 0, &out, &len, &err), WN_ERR_IO);
    CHECK_EQ_STR(err.message, "cannot open: No such file or directory");
    CHECK_EQ_INT(wn_input_read_file("/tmp", 0, &out, &len, &err), WN_ERR_IO);
    CHECK_EQ_STR(err.message, "is a directory");
}

/* A descriptor after a sniffed prefix: the prefix and the rest join up,
 * and gzip is recognised even when its magic sits in the prefix. */
TEST(fd_with_prefix)
{
    size_t zlen;
    char *z = gzip_mem(page, sizeof page - 1, &zlen, 15 + 16);
    for (size_t split = 0; split <= 3; split++) {
        int fds[2];
        CHECK_EQ_INT(pipe(fds), 0);
        CHECK_EQ_INT(write(fds[1], z + split, zlen - split), (long long)(zlen - split));
        close(fds[1]);
        char *out;
        size_t len;
        CHECK_EQ_INT(wn_input_read_fd(fds[0], z, split, 0, &out, &len, NULL), WN_OK);
        CHECK_EQ_MEM(out, len, page);
        free(out);
        close(fds[0]);
    }
    /* empty input: an empty page, not an error */
    int fds[2];
    CHECK_EQ_INT(pipe(fds), 0);
    close(fds[1]);
    char *out;
    size_t len;
    CHECK_EQ_INT(wn_input_read_fd(fds[0], NULL, 0, 0, &out, &len, NULL), WN_OK);
    CHECK_EQ_INT(len, 0);
    CHECK(out && out[0] == '\0');
    free(out);
    close(fds[0]);
    free(z);
}

TEST(inflate_memory)
{
    char *out;
    size_t len, zlen;
    static const int bits[3] = {15 + 16, 15, -15}; /* gzip, zlib, raw deflate */
    for (int i = 0; i < 3; i++) {
        char *z = gzip_mem(page, sizeof page - 1, &zlen, bits[i]);
        CHECK_EQ_INT(wn_input_inflate(z, zlen, 0, &out, &len, NULL), WN_OK);
        CHECK_EQ_MEM(out, len, page);
        free(out);
        /* cut short: what inflated is kept, as a browser shows a partial page */
        CHECK_EQ_INT(wn_input_inflate(z, zlen - 6, 0, &out, &len, NULL), WN_OK);
        CHECK(len > 0 && len <= sizeof page - 1 && memcmp(out, page, len) == 0);
        free(out);
        free(z);
    }
    wn_error err;
    CHECK_EQ_INT(wn_input_inflate("not compressed at all", 21, 0, &out, &len, &err),
                 WN_ERR_FORMAT);
}

TEST(http_head)
{
    const char *r = "HTTP/1.1 200 OK\r\nServer: x\r\nContent-Type: Text/HTML ; Charset=\"ISO-8859-1\""
                    "\r\nContent-Encoding: gzip\r\nTransfer-Encoding: gzip, chunked\r\n\r\nBODY";
    wn_http_head h;
    CHECK_EQ_INT(wn_http_parse_head(r, strlen(r), &h), WN_OK);
    CHECK_EQ_INT(h.status, 200);
    CHECK_EQ_MEM(h.mime.ptr, h.mime.len, "Text/HTML");
    CHECK_EQ_MEM(h.charset.ptr, h.charset.len, "ISO-8859-1");
    CHECK_EQ_MEM(h.content_encoding.ptr, h.content_encoding.len, "gzip");
    CHECK(h.chunked);
    CHECK_EQ_MEM(r + h.head_len, strlen(r) - h.head_len, "BODY");
    CHECK(wn_http_is_html(h.mime, NULL, 0));
    /* bare LF, HTTP/2, no reason phrase, folded line, no Content-Type */
    const char *r2 = "HTTP/2 301\nLocation: /x\n  folded\n\n";
    CHECK_EQ_INT(wn_http_parse_head(r2, strlen(r2), &h), WN_OK);
    CHECK_EQ_INT(h.status, 301);
    CHECK(h.mime.ptr == NULL && h.charset.ptr == NULL && !h.chunked);
    CHECK_EQ_INT(h.head_len, strlen(r2));
    /* not HTTP, or a head that never ends */
    CHECK_EQ_INT(wn_http_parse_head("<html>", 6, &h), WN_ERR_FORMAT);
    const char *r3 = "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n";
    CHECK_EQ_INT(wn_http_parse_head(r3, strlen(r3), &h), WN_ERR_FORMAT);
    CHECK_EQ_INT(wn_http_parse_head("HTTP/1.1 abc\r\n\r\n", 16, &h), WN_ERR_FORMAT);
}

TEST(content_type)
{
    wn_str m, c;
    wn_http_parse_content_type("text/html;charset=utf-8", 23, &m, &c);
    CHECK_EQ_MEM(m.ptr, m.len, "text/html");
    CHECK_EQ_MEM(c.ptr, c.len, "utf-8");
    const char *v = "application/xhtml+xml; q=1; charset='windows-1251' ";
    wn_http_parse_content_type(v, strlen(v), &m, &c);
    CHECK_EQ_MEM(m.ptr, m.len, "application/xhtml+xml");
    CHECK_EQ_MEM(c.ptr, c.len, "windows-1251");
    CHECK(wn_http_is_html(m, NULL, 0));
    wn_http_parse_content_type("text/plain", 10, &m, &c);
    CHECK(c.ptr == NULL);
    CHECK(!wn_http_is_html(m, "<html>", 6));
    wn_http_parse_content_type("", 0, &m, &c);
    CHECK(m.ptr == NULL && c.ptr == NULL);
}

TEST(sniff_html)
{
    wn_str none = {NULL, 0};
    CHECK(wn_http_is_html(none, "\xEF\xBB\xBF  <!DOCTYPE html><p>x", 27));
    CHECK(wn_http_is_html(none, "<HTML><body>", 12));
    CHECK(!wn_http_is_html(none, "{\"json\": true}", 14));
    CHECK(!wn_http_is_html(none, "<?xml version='1.0'?><rss>", 26));
    CHECK(!wn_http_is_html(none, "", 0));
}

TEST(dechunk)
{
    char a[] = "4\r\nWiki\r\n5;ext=1\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nTrailer: x\r\n\r\n";
    size_t n = wn_http_dechunk(a, strlen(a));
    CHECK_EQ_MEM(a, n, "Wikipedia in\r\n\r\nchunks.");
    /* a body stored de-chunked under a chunked header is left alone */
    char b[] = "<html><body>already plain</body></html>";
    n = wn_http_dechunk(b, strlen(b));
    CHECK_EQ_MEM(b, n, "<html><body>already plain</body></html>");
    /* truncated inside a chunk: what is there is kept */
    char c[] = "a\r\n01234";
    n = wn_http_dechunk(c, strlen(c));
    CHECK_EQ_MEM(c, n, "01234");
    /* an absurd size does not overflow */
    char d[] = "ffffffffffffffffffffffff\r\nxyz";
    n = wn_http_dechunk(d, strlen(d));
    CHECK(n <= strlen("ffffffffffffffffffffffff\r\nxyz"));
}

int
main(void)
{
    RUN(plain_file);
    RUN(gzip_file);
    RUN(limits);
    RUN(errors_name_the_problem);
    RUN(fd_with_prefix);
    RUN(inflate_memory);
    RUN(http_head);
    RUN(content_type);
    RUN(sniff_html);
    RUN(dechunk);
    return harness_done();
}
