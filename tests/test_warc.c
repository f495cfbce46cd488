/* test_warc.c - the streaming WARC reader: plain, whole-file gzip and
 * gzip-per-record files, from memory and from a file descriptor; corrupt
 * members, truncation, junk, absurd lengths, non-HTML and non-response
 * records. The invariant everywhere: every record read is counted once,
 * html + skipped + failed == records. WARCs are built here with zlib. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "harness.h"
#include "input/warc.h"

/* ------------------------------------------------------------------------ */
/* Building WARCs                                                           */

typedef struct sbuf {
    char *p;
    size_t len, cap;
} sbuf;

static void
sb_add(sbuf *b, const void *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->p = realloc(b->p, cap);
        b->cap = cap;
    }
    memcpy(b->p + b->len, p, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void
sb_str(sbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

static void
gzip_append(sbuf *out, const char *p, size_t n)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    size_t cap = deflateBound(&zs, (uLong)n) + 64;
    unsigned char *tmp = malloc(cap);
    zs.next_in = (unsigned char *)p;
    zs.avail_in = (uInt)n;
    zs.next_out = tmp;
    zs.avail_out = (uInt)cap;
    deflate(&zs, Z_FINISH);
    sb_add(out, tmp, cap - zs.avail_out);
    deflateEnd(&zs);
    free(tmp);
}

/* One WARC record (header + block + CRLF CRLF) into b. */
static void
record(sbuf *b, const char *type, const char *uri, const char *ctype, const char *block,
       size_t block_len, int n)
{
    char h[8192];
    snprintf(h, sizeof h,
             "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n"
             "WARC-Date: 2024-05-0%dT10:00:00Z\r\n%s%s%sContent-Type: %s\r\nContent-Length: %zu\r\n\r\n",
             type, n, 1 + n % 9, uri ? "WARC-Target-URI: " : "", uri ? uri : "", uri ? "\r\n" : "",
             ctype, block_len);
    sb_str(b, h);
    sb_add(b, block, block_len);
    sb_str(b, "\r\n\r\n");
}

/* An HTTP response: head + body. */
static char *
http(const char *status, const char *headers, const char *body, size_t body_len, size_t *len)
{
    sbuf b = {0};
    sb_str(&b, "HTTP/1.1 ");
    sb_str(&b, status);
    sb_str(&b, "\r\n");
    sb_str(&b, headers);
    sb_str(&b, "\r\n");
    sb_add(&b, body, body_len);
    *len = b.len;
    return b.p;
}

/* A page long enough that a corrupt byte lands in its body. */
static char *
page(const char *word, size_t *len)
{
    sbuf b = {0};
    sb_str(&b, "<!doctype html><html><head><title>");
    sb_str(&b, word);
    sb_str(&b, "</title></head><body><article>");
    for (int i = 0; i < 60; i++) {
        char para[200];
        snprintf(para, sizeof para, "<p>Paragraph %d about %s, with %d distinct words %x.</p>\n",
                 i, word, i * 7919 % 1000, (unsigned)(i * 2654435761u));
        sb_str(&b, para);
    }
    sb_str(&b, "</article></body></html>");
    *len = b.len;
    return b.p;
}

#define N_RECORDS 11

/* The expected outcome of each record built by build_records(). */
static const wn_warc_outcome expected[N_RECORDS] = {
    WN_WARC_SKIPPED, /* warcinfo */
    WN_WARC_SKIPPED, /* request */
    WN_WARC_HTML,    /* page one */
    WN_WARC_SKIPPED, /* image/png */
    WN_WARC_SKIPPED, /* 404 */
    WN_WARC_HTML,    /* wrong charset label */
    WN_WARC_HTML,    /* chunked */
    WN_WARC_HTML,    /* Content-Encoding: gzip */
    WN_WARC_HTML,    /* resource text/html */
    WN_WARC_SKIPPED, /* metadata */
    WN_WARC_HTML,    /* no Content-Type: sniffed */
};

/* Build the records, each as its own string (so callers can compress
 * them per record or as a whole). */
static void
build_records(sbuf rec[N_RECORDS])
{
    memset(rec, 0, sizeof(sbuf) * N_RECORDS);
    const char *info = "software: test_warc\r\nformat: WARC File Format 1.1\r\n";
    record(&rec[0], "warcinfo", NULL, "application/warc-fields", info, strlen(info), 0);
    const char *req = "GET /one HTTP/1.1\r\nHost: example.org\r\n\r\n";
    record(&rec[1], "request", "http://example.org/one", "application/http; msgtype=request", req,
           strlen(req), 1);
    size_t plen, hlen;
    char *p = page("aardvark", &plen);
    char *h = http("200 OK", "Content-Type: text/html; charset=utf-8\r\n", p, plen, &hlen);
    record(&rec[2], "response", "http://example.org/one", "application/http; msgtype=response", h,
           hlen, 2);
    free(h);
    h = http("200 OK", "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n....", 12, &hlen);
    record(&rec[3], "response", "http://example.org/logo.png", "application/http; msgtype=response",
           h, hlen, 3);
    free(h);
    h = http("404 Not Found", "Content-Type: text/html\r\n", "<html>gone</html>", 17, &hlen);
    record(&rec[4], "response", "http://example.org/gone", "application/http; msgtype=response", h,
           hlen, 4);
    free(h);
    free(p);
    p = page("bison", &plen);
    h = http("200 OK", "content-type: text/html;charset=\"x-no-such-charset\"\r\n", p, plen, &hlen);
    record(&rec[5], "response", "http://example.org/two", "application/http; msgtype=response", h,
           hlen, 5);
    free(h);
    const char *chunked = "7\r\n<p>chun\r\n9\r\nked body<\r\n3\r\n/p>\r\n0\r\n\r\n";
    h = http("200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", chunked,
             strlen(chunked), &hlen);
    record(&rec[6], "response", "http://example.org/three", "application/http; msgtype=response", h,
           hlen, 6);
    free(h);
    sbuf gz = {0};
    gzip_append(&gz, "<p>gzipped body</p>", 19);
    h = http("200 OK", "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", gz.p, gz.len, &hlen);
    record(&rec[7], "response", "http://example.org/four", "application/http; msgtype=response", h,
           hlen, 7);
    free(h);
    free(gz.p);
    record(&rec[8], "resource", "file:///five.html", "text/html; charset=iso-8859-1",
           "<p>resource</p>", 15, 8);
    const char *meta = "fetchTimeMs: 12\r\n";
    record(&rec[9], "metadata", "http://example.org/one", "application/warc-fields", meta,
           strlen(meta), 9);
    h = http("200 OK", "Server: x\r\n", "\n  <!DOCTYPE html><p>sniffed</p>", 32, &hlen);
    record(&rec[10], "response", "<http://example.org/six>", "application/http; msgtype=response", h,
           hlen, 10);
    free(h);
    free(p);
}

static void
free_records(sbuf rec[N_RECORDS])
{
    for (int i = 0; i < N_RECORDS; i++)
        free(rec[i].p);
}

enum { PLAIN, GZ_RECORD, GZ_WHOLE };

static sbuf
build_file(int how)
{
    sbuf rec[N_RECORDS], plain = {0}, out = {0};
    build_records(rec);
    for (int i = 0; i < N_RECORDS; i++) {
        if (how == GZ_RECORD)
            gzip_append(&out, rec[i].p, rec[i].len);
        else
            sb_add(&plain, rec[i].p, rec[i].len);
    }
    if (how == PLAIN)
        out = plain;
    else if (how == GZ_WHOLE) {
        gzip_append(&out, plain.p, plain.len);
        free(plain.p);
    }
    free_records(rec);
    return out;
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                  */

typedef struct outcome_log {
    wn_warc_outcome o[64];
    char uri[64][80];
    char err[64][200];
    int n;
} outcome_log;

/* Read all records; check the accounting invariant. */
static wn_warc_stats
read_all(wn_warc_reader *r, outcome_log *log)
{
    wn_warc_record rec;
    memset(&rec, 0, sizeof rec);
    memset(log, 0, sizeof *log);
    int guard = 0;
    while (wn_warc_next(r, &rec) && guard++ < 1000) {
        if (log->n < 64) {
            log->o[log->n] = rec.outcome;
            snprintf(log->uri[log->n], sizeof log->uri[0], "%s", rec.target_uri);
            if (rec.outcome == WN_WARC_FAILED)
                snprintf(log->err[log->n], sizeof log->err[0], "%s", rec.error.message);
        }
        if (rec.outcome == WN_WARC_HTML)
            CHECK(rec.body != NULL && rec.body[rec.body_len] == '\0');
        else
            CHECK(rec.body == NULL);
        log->n++;
    }
    CHECK(guard < 1000);
    wn_warc_record_free(&rec);
    wn_warc_stats st = wn_warc_get_stats(r);
    CHECK_EQ_INT(st.records, (uint64_t)log->n);
    CHECK_EQ_INT(st.html + st.skipped + st.failed, st.records);
    /* at the end, it stays at the end */
    CHECK_EQ_INT(wn_warc_next(r, &rec), 0);
    wn_warc_record_free(&rec);
    return st;
}

static void
check_all_records(const sbuf *f)
{
    wn_warc_reader *r;
    CHECK_EQ_INT(wn_warc_open_mem(f->p, f->len, 0, &r, NULL), WN_OK);
    outcome_log log;
    wn_warc_stats st = read_all(r, &log);
    CHECK_EQ_INT(log.n, N_RECORDS);
    for (int i = 0; i < N_RECORDS && i < log.n; i++) {
        if (log.o[i] != expected[i])
            fprintf(stderr, "record %d: outcome %d, expected %d (%s)\n", i, log.o[i], expected[i],
                    log.err[i]);
        CHECK_EQ_INT(log.o[i], expected[i]);
    }
    CHECK_EQ_INT(st.html, 6);
    CHECK_EQ_INT(st.skipped, 5);
    CHECK_EQ_INT(st.failed, 0);
    CHECK_EQ_INT(st.raw_bytes, f->len);
    wn_warc_close(r);
}

TEST(plain)
{
    sbuf f = build_file(PLAIN);
    check_all_records(&f);
    free(f.p);
}

TEST(gzip_per_record)
{
    sbuf f = build_file(GZ_RECORD);
    check_all_records(&f);
    free(f.p);
}

TEST(gzip_whole_file)
{
    sbuf f = build_file(GZ_WHOLE);
    check_all_records(&f);
    free(f.p);
}

/* Fields and payloads of the HTML records. */
TEST(record_fields)
{
    sbuf f = build_file(GZ_RECORD);
    wn_warc_reader *r;
    CHECK_EQ_INT(wn_warc_open_mem(f.p, f.len, 0, &r, NULL), WN_OK);
    wn_warc_record rec;
    memset(&rec, 0, sizeof rec);
    int i = 0;
    while (wn_warc_next(r, &rec)) {
        if (i == 0)
            CHECK_EQ_STR(rec.type, "warcinfo");
        if (i == 2) {
            CHECK_EQ_STR(rec.target_uri, "http://example.org/one");
            CHECK_EQ_STR(rec.record_id, "<urn:uuid:00000000-0000-0000-0000-000000000002>");
            CHECK_EQ_STR(rec.date, "2024-05-03T10:00:00Z");
            CHECK_EQ_INT(rec.http_status, 200);
            CHECK_EQ_STR(rec.mime, "text/html");
            CHECK_EQ_STR(rec.charset, "utf-8");
            CHECK(rec.body_len > 1000 && strncmp(rec.body, "<!doctype html>", 15) == 0);
            CHECK(strstr(rec.body, "aardvark") != NULL);
        }
        if (i == 3)
            CHECK_EQ_STR(rec.skip_reason, "not HTML");
        if (i == 4) {
            CHECK_EQ_INT(rec.http_status, 404);
            CHECK_EQ_STR(rec.skip_reason, "HTTP status is not 2xx");
        }
        if (i == 5) /* a label nobody knows is passed on; decoding judges it */
            CHECK_EQ_STR(rec.charset, "x-no-such-charset");
        if (i == 6)
            CHECK_EQ_MEM(rec.body, rec.body_len, "<p>chunked body</p>");
        if (i == 7)
            CHECK_EQ_MEM(rec.body, rec.body_len, "<p>gzipped body</p>");
        if (i == 8) {
            CHECK_EQ_MEM(rec.body, rec.body_len, "<p>resource</p>");
            CHECK_EQ_STR(rec.charset, "iso-8859-1");
            CHECK_EQ_INT(rec.http_status, 0);
        }
        if (i == 10) {
            CHECK_EQ_STR(rec.target_uri, "http://example.org/six");
            CHECK(strstr(rec.body, "sniffed") != NULL);
        }
        i++;
    }
    CHECK_EQ_INT(i, N_RECORDS);
    /* a caller may take the body */
    wn_warc_record_free(&rec);
    wn_warc_close(r);
    free(f.p);
}

/* A member corrupted in the middle: that record fails, the others (before
 * and after) are read. */
TEST(corrupt_member)
{
    sbuf rec[N_RECORDS], f = {0};
    build_records(rec);
    size_t start2 = 0, len2 = 0;
    for (int i = 0; i < N_RECORDS; i++) {
        size_t before = f.len;
        gzip_append(&f, rec[i].p, rec[i].len);
        if (i == 2) {
            start2 = before;
            len2 = f.len - before;
        }
    }
    free_records(rec);
    /* scramble a stretch in the middle of member 2 (the aardvark page) */
    for (size_t k = start2 + len2 / 2; k < start2 + len2 / 2 + 40; k++)
        f.p[k] = (char)(f.p[k] ^ 0x5a);
    wn_warc_reader *r;
    CHECK_EQ_INT(wn_warc_open_mem(f.p, f.len, 0, &r, NULL), WN_OK);
    outcome_log log;
    wn_warc_stats st = read_all(r, &log);
    CHECK_EQ_INT(log.n, N_RECORDS);
    for (int i = 0; i < N_RECORDS && i < log.n; i++)
        CHECK_EQ_INT(log.o[i], i == 2 ? WN_WARC_FAILED : expected[i]);
    CHECK(strstr(log.err[2], "gzip") != NULL);
    CHECK_EQ_INT(st.failed, 1);
    CHECK_EQ_INT(st.html, 5);
    wn_warc_close(r);
    free(f.p);
}

/* Damage anywhere in a member (its header, its middle, its CRC): exactly
 * that record fails and every other record is read. */
TEST(corrupt_member_anywhere)
{
    sbuf rec[N_RECORDS], f = {0};
    build_records(rec);
    size_t start5 = 0, len5 = 0;
    for (int i = 0; i < N_RECORDS; i++) {
        size_t before = f.len;
        gzip_append(&f, rec[i].p, rec[i].len);
        if (i == 5) {
            start5 = before;
            len5 = f.len - before;
        }
    }
    free_records(rec);
    int bad_runs = 0;
    for (size_t at = start5 + 3; at < start5 + len5; at += len5 / 23 + 1) {
        for (size_t width = 1; width <= 9; width += 8) {
            char *copy = malloc(f.len);
            memcpy(copy, f.p, f.len);
            for (size_t k = at; k < at + width && k < start5 + len5; k++)
                copy[k] = (char)(copy[k] ^ 0xa5);
            wn_warc_reader *r;
            CHECK_EQ_INT(wn_warc_open_mem(copy, f.len, 0, &r, NULL), WN_OK);
            outcome_log log;
            wn_warc_stats st = read_all(r, &log);
            bool ok = log.n == N_RECORDS && st.failed == 1 && log.o[5] == WN_WARC_FAILED;
            for (int i = 0; ok && i < N_RECORDS; i++)
                ok = i == 5 || log.o[i] == expected[i];
            if (!ok) {
                bad_runs++;
                fprintf(stderr, "damage at +%zu (%zu bytes): %d records, %llu failed\n",
                        at - start5, width, log.n, (unsigned long long)st.failed);
            }
            wn_warc_close(r);
            free(copy);
        }
    }
    CHECK_EQ_INT(bad_runs, 0);
    free(f.p);
}

/* The last record cut short, plain and gzip: it fails, the rest are read. */
TEST(truncated_last)
{
    for (int how = PLAIN; how <= GZ_RECORD; how++) {
        sbuf f = build_file(how);
        size_t cut = how == PLAIN ? 30 : 40;
        /* the last record (the sniffed page) loses its tail */
        wn_warc_reader *r;
        CHECK_EQ_INT(wn_warc_open_mem(f.p, f.len - cut, 0, &r, NULL), WN_OK);
        outcome_log log;
        wn_warc_stats st = read_all(r, &log);
        CHECK_EQ_INT(log.n, N_RECORDS);
        CHECK_EQ_INT(log.o[N_RECORDS - 1], WN_WARC_FAILED);
        CHECK(strstr(log.err[N_RECORDS - 1], "truncated") != NULL);
        CHECK_EQ_INT(st.failed, 1);
        CHECK_EQ_INT(st.html, 5);
        wn_warc_close(r);
        free(f.p);
    }
}

TEST(empty_input)
{
    wn_warc_reader *r;
    CHECK_EQ_INT(wn_warc_open_mem("", 0, 0, &r, NULL), WN_OK);
    outcome_log log;
    wn_warc_stats st = read_all(r, &log);
    CHECK_EQ_INT(st.records, 0);
    wn_warc_close(r);
    /* only blank lines: still no record */
    CHECK_EQ_INT(wn_warc_open_mem("\r\n\r\n\n", 5, 0, &r, NULL), WN_OK);
    st = read_all(r, &log);
    CHECK_EQ_INT(st.records, 0);
    wn_warc_close(r);
}

/* A header claiming 10 TB: not allocated; read to the end and reported. */
TEST(absurd_length)
{
    sbuf f = build_file(PLAIN);
    sb_str(&f, "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\n"
               "Content-Length: 10995116277760\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
               "\r\n<p>not really ten terabytes</p>");
    wn_warc_reader *r;
    CHECK_EQ_INT(wn_warc_open_mem(f.p, f.len, 0, &r, NULL), WN_OK);
    outcome_log log;
    wn_warc_stats st = read_all(r, &log);
    CHECK_EQ_INT(log.n, N_RECORDS + 1);
    CHECK_EQ_INT(log.o[N_RECORDS], WN_WARC_FAILED);
    CHECK_EQ_INT(st.failed, 1);
    wn_warc_close(r);
    free(f.p);
}

/* A body over the cap fails with a limit error; the next record is read. */
TEST(body_over_limit)
{
    sbuf f = build_file(GZ_RECORD);
    wn_warc_reader *r;
    CHECK_EQ_INT(wn_warc_open_mem(f.p, f.len, 1000, &r, NULL), WN_OK);
    wn_warc_record rec;
    memset(&rec, 0, sizeof rec);
    int i = 0, limit_errors = 0;
    while (wn_warc_next(r, &rec)) {
        if (i == 2 || i == 5) { /* the two long pages */
            CHECK_EQ_INT(rec.outcome, WN_WARC_FAILED);
            CHECK_EQ_INT(rec.error.code, WN_ERR_LIMIT);
            limit_errors++;
        } else {
            CHECK_EQ_INT(rec.outcome, expected[i]);
        }
        i++;
    }
    CHECK_EQ_INT(i, N_RECORDS);
    CHECK_EQ_INT(limit_errors, 2);
    wn_warc_record_free(&rec);
    wn_warc_close(r);
    free(f.p);
}

/* Junk between records, a header without Content-Length, a header that
 * never ends: each one failure, and reading goes on. */
TEST(junk_and_bad_headers)
{
    sbuf rec[N_RECORDS], f = {0};
    build_records(rec);
    sb_add(&f, rec[2].p, rec[2].len);
    sb_str(&f, "this is not a WARC record\nnor is this\n");
    sb_add(&f, rec[5].p, rec[5].len);
    sb_str(&f, "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: twelve\r\n\r\nsome body\r\n\r\n");
    sb_add(&f, rec[6].p, rec[6].len);
    free_records(rec);
    wn_warc_reader *r;
    CHECK_EQ_INT(wn_warc_open_mem(f.p, f.len, 0, &r, NULL), WN_OK);
    outcome_log log;
    wn_warc_stats st = read_all(r, &log);
    CHECK_EQ_INT(log.n, 5);
    CHECK_EQ_INT(log.o[0], WN_WARC_HTML);
    CHECK_EQ_INT(log.o[1], WN_WARC_FAILED);
    CHECK_EQ_INT(log.o[2], WN_WARC_HTML);
    CHECK_EQ_INT(log.o[3], WN_WARC_FAILED);
    CHECK(strstr(log.err[3], "Content-Length") != NULL);
    CHECK_EQ_INT(log.o[4], WN_WARC_HTML);
    CHECK_EQ_INT(st.html, 3);
    wn_warc_close(r);
    free(f.p);
}

/* Reading through a file descriptor, with a sniffed prefix handed over,
 * gives the same records as reading from memory. */
TEST(from_fd_with_prefix)
{
    for (int how = PLAIN; how <= GZ_WHOLE; how++) {
        sbuf f = build_file(how);
        FILE *tmp = tmpfile();
        CHECK(tmp != NULL);
        if (!tmp) {
            free(f.p);
            return;
        }
        fwrite(f.p, 1, f.len, tmp);
        fflush(tmp);
        rewind(tmp);
        int fd = fileno(tmp);
        char prefix[4096];
        ssize_t got = read(fd, prefix, sizeof prefix);
        CHECK(got > 0 && (size_t)got == (f.len < sizeof prefix ? f.len : sizeof prefix));
        CHECK(wn_warc_sniff(prefix, (size_t)got));
        wn_warc_reader *r;
        CHECK_EQ_INT(wn_warc_open_fd(fd, prefix, (size_t)got, 0, &r, NULL), WN_OK);
        outcome_log log;
        wn_warc_stats st = read_all(r, &log);
        CHECK_EQ_INT(log.n, N_RECORDS);
        CHECK_EQ_INT(st.html, 6);
        CHECK_EQ_INT(st.failed, 0);
        CHECK_EQ_INT(st.raw_bytes, f.len);
        wn_warc_close(r);
        fclose(tmp);
        free(f.p);
    }
}

/* A big file through the fd path: records cross window and buffer
 * boundaries. */
TEST(many_records)
{
    sbuf f = {0};
    size_t plen, hlen;
    char *p = page("capybara", &plen);
    char *h = http("200 OK", "Content-Type: text/html\r\n", p, plen, &hlen);
    for (int i = 0; i < 300; i++) {
        sbuf one = {0};
        record(&one, "response", "http://example.org/many", "application/http; msgtype=response", h,
               hlen, i);
        gzip_append(&f, one.p, one.len);
        free(one.p);
    }
    free(h);
    free(p);
    wn_warc_reader *r;
    CHECK_EQ_INT(wn_warc_open_mem(f.p, f.len, 0, &r, NULL), WN_OK);
    outcome_log log;
    wn_warc_stats st = read_all(r, &log);
    CHECK_EQ_INT(st.records, 300);
    CHECK_EQ_INT(st.html, 300);
    wn_warc_close(r);
    free(f.p);
}

/* Members of every size through the fd path: small ones (inflated whole
 * in one call), one whose compressed bytes exceed what the reader brings in
 * for a one-call inflate (256 KiB), one that inflates past the one-call
 * output cap (8 MiB); the large ones stream through zlib. Every body comes
 * out byte for byte, in order, wherever the member was inflated. */
TEST(members_of_every_size)
{
    enum { N = 7 };
    static const size_t body_sizes[N] = {3000, 9 << 20, 2000, 900000, 5000, 12 << 20, 100};
    static const bool noisy[N] = {false, false, false, true, false, false, false};
    sbuf f = {0};
    char *bodies[N];
    uint32_t x = 12345;
    for (int i = 0; i < N; i++) {
        size_t n = body_sizes[i];
        char *b = malloc(n + 1);
        size_t k = (size_t)snprintf(b, n, "<html><body><p>record %d ", i);
        for (; k < n; k++) {
            x = x * 1103515245u + 12345u;
            /* noisy: random letters (compress ~1.6:1, so 900 KB stays over
             * 256 KiB compressed); otherwise a repeating text */
            b[k] = noisy[i] ? (char)('a' + (x >> 16) % 26) : "lorem ipsum dolor "[k % 18];
        }
        b[n] = '\0';
        bodies[i] = b;
        size_t hlen;
        char *h = http("200 OK", "Content-Type: text/html\r\n", b, n, &hlen);
        sbuf one = {0};
        record(&one, "response", "http://example.org/size", "application/http; msgtype=response", h,
               hlen, i);
        gzip_append(&f, one.p, one.len);
        free(one.p);
        free(h);
    }
    FILE *tmp = tmpfile();
    CHECK(tmp != NULL);
    if (!tmp)
        return;
    CHECK_EQ_INT(fwrite(f.p, 1, f.len, tmp), f.len);
    fflush(tmp);
    rewind(tmp);
    wn_warc_reader *r;
    CHECK_EQ_INT(wn_warc_open_fd(fileno(tmp), NULL, 0, 0, &r, NULL), WN_OK);
    wn_warc_record rec;
    memset(&rec, 0, sizeof rec);
    int i = 0;
    while (wn_warc_next(r, &rec) && i < N + 1) {
        CHECK_EQ_INT(rec.outcome, WN_WARC_HTML);
        if (i < N && rec.outcome == WN_WARC_HTML) {
            CHECK_EQ_INT(rec.body_len, body_sizes[i]);
            CHECK(rec.body_len == body_sizes[i] && memcmp(rec.body, bodies[i], rec.body_len) == 0);
        }
        i++;
    }
    CHECK_EQ_INT(i, N);
    wn_warc_stats st = wn_warc_get_stats(r);
    CHECK_EQ_INT(st.html, N);
    CHECK_EQ_INT(st.failed, 0);
    CHECK_EQ_INT(st.raw_bytes, f.len);
    wn_warc_record_free(&rec);
    wn_warc_close(r);
    fclose(tmp);
    for (int k = 0; k < N; k++)
        free(bodies[k]);
    free(f.p);
}

/* Header values are kept whole, however long (tracking-laden URLs). */
TEST(long_uri)
{
    char uri[6000];
    memcpy(uri, "http://example.org/?q=", 22);
    memset(uri + 22, 'x', sizeof uri - 23);
    uri[sizeof uri - 1] = '\0';
    size_t hlen;
    char *h = http("200 OK", "Content-Type: text/html\r\n", "<p>long</p>", 11, &hlen);
    sbuf f = {0};
    record(&f, "response", uri, "application/http; msgtype=response", h, hlen, 1);
    free(h);
    wn_warc_reader *r;
    CHECK_EQ_INT(wn_warc_open_mem(f.p, f.len, 0, &r, NULL), WN_OK);
    wn_warc_record rec;
    memset(&rec, 0, sizeof rec);
    CHECK_EQ_INT(wn_warc_next(r, &rec), 1);
    CHECK_EQ_INT(rec.outcome, WN_WARC_HTML);
    CHECK_EQ_STR(rec.target_uri, uri);
    CHECK_EQ_STR(rec.mime, "text/html");
    wn_warc_record_free(&rec);
    wn_warc_close(r);
    free(f.p);
}

TEST(sniff)
{
    CHECK(wn_warc_sniff("WARC/1.0\r\n", 10));
    CHECK(wn_warc_sniff("WARC/1.1\r\n", 10));
    CHECK(!wn_warc_sniff("<!doctype html>", 15));
    CHECK(!wn_warc_sniff("", 0));
    sbuf gz = {0};
    gzip_append(&gz, "WARC/1.0\r\nWARC-Type: warcinfo\r\n", 31);
    CHECK(wn_warc_sniff(gz.p, gz.len));
    free(gz.p);
    gz = (sbuf){0};
    gzip_append(&gz, "<html><body>hello</body></html>", 31);
    CHECK(!wn_warc_sniff(gz.p, gz.len));
    free(gz.p);
}

int
main(void)
{
    RUN(plain);
    RUN(gzip_per_record);
    RUN(gzip_whole_file);
    RUN(record_fields);
    RUN(corrupt_member);
    RUN(corrupt_member_anywhere);
    RUN(truncated_last);
    RUN(empty_input);
    RUN(absurd_length);
    RUN(body_over_limit);
    RUN(junk_and_bad_headers);
    RUN(from_fd_with_prefix);
    RUN(many_records);
    RUN(members_of_every_size);
    RUN(long_uri);
    RUN(sniff);
    return harness_done();
}
