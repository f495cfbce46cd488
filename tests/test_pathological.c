/* test_pathological.c - hostile input through the whole pipeline.
 *
 * Every case must complete (no crash, no hang: ctest's timeout catches a
 * hang), return WN_OK or a clear limit error, render all four formats, and
 * keep its peak memory within a bound proportional to the input. Timing is
 * not asserted here: bench/bench_sizes.c shows the cost per byte stays flat
 * as inputs grow (docs/LIMITS.md has the table). */
#include "harness.h"
#include "input/warc.h"
#include "winnow.h"

#include <stdint.h>

/* Under AddressSanitizer the 100 MB line is scaled down (shadow memory and
 * redzones make it slow and large); WN_TEST_BIG_MB overrides either way. */
#if defined(__SANITIZE_ADDRESS__)
#define WN_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WN_UNDER_ASAN 1
#endif
#endif
#ifndef WN_UNDER_ASAN
#define WN_UNDER_ASAN 0
#endif

/* ---- a counting allocator: peak bytes in use ---------------------------- */

typedef struct counter {
    size_t in_use;
    size_t peak;
} counter;

typedef struct hdr {
    size_t size;
    size_t pad;
} hdr;

static void *
c_malloc(size_t n, void *ctx)
{
    counter *c = ctx;
    hdr *h = malloc(sizeof(hdr) + n);
    if (!h)
        return NULL;
    h->size = n;
    c->in_use += n;
    if (c->in_use > c->peak)
        c->peak = c->in_use;
    return h + 1;
}

static void *
c_realloc(void *p, size_t n, void *ctx)
{
    counter *c = ctx;
    if (!p)
        return c_malloc(n, ctx);
    hdr *h = (hdr *)p - 1;
    size_t old = h->size;
    hdr *nh = realloc(h, sizeof(hdr) + n);
    if (!nh)
        return NULL;
    nh->size = n;
    c->in_use = c->in_use - old + n;
    if (c->in_use > c->peak)
        c->peak = c->in_use;
    return nh + 1;
}

static void
c_free(void *p, void *ctx)
{
    counter *c = ctx;
    if (!p)
        return;
    hdr *h = (hdr *)p - 1;
    c->in_use -= h->size;
    free(h);
}

/* ---- input builders ------------------------------------------------------ */

typedef struct sbuf {
    char *p;
    size_t len, cap;
} sbuf;

static void
put(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->p = realloc(b->p, cap);
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void
puts_n(sbuf *b, const char *s, size_t times)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < times; i++)
        put(b, s, n);
}

static void
putz(sbuf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* Run one hostile input through everything; check completion and memory. */
static void
run_case(const char *name, const char *html, size_t len, wn_status allowed_error)
{
    counter c = {0, 0};
    wn_allocator al = {c_malloc, c_realloc, c_free, &c};
    wn_options o;
    memset(&o, 0, sizeof o);
    o.allocator = &al;
    o.flags = WN_OPT_LINKS | WN_OPT_IMAGES | WN_OPT_MARKDOWN_IN_JSON;
    o.url = "https://example.org/dir/page.html";
    wn_result *r = NULL;
    wn_error err;
    wn_status st = wn_extract(html, len, &o, &r, &err);
    if (st != WN_OK) {
        if (st != allowed_error)
            fprintf(stderr, "%s: status %d (%s)\n", name, st, err.message);
        CHECK(st == allowed_error);
        CHECK(err.message[0] != '\0');
    } else {
        for (int f = WN_FORMAT_TEXT; f <= WN_FORMAT_HTML; f++) {
            wn_str out = {0};
            wn_status rs = wn_result_render(r, (wn_format)f, &out, &err);
            CHECK(rs == WN_OK || rs == WN_ERR_LIMIT);
            if (rs == WN_OK)
                CHECK(out.ptr != NULL && strlen(out.ptr) == out.len);
        }
        wn_result_free(r);
    }
    CHECK_EQ_INT(c.in_use, 0); /* everything returned */
    /* bounded: a fixed multiple of the input plus a constant. Markup made
     * of tiny elements ("<p>x", "<p><b>x</p>") is the worst case per byte:
     * two or three nodes per 4-10 bytes, each with parse, score and render
     * state (about 190x at worst on 2026-11-28, see docs/LIMITS.md). */
    size_t bound = 128 * len + (64u << 20);
    if (c.peak > bound)
        fprintf(stderr, "%s: peak %zu bytes for %zu input bytes\n", name, c.peak, len);
    CHECK(c.peak <= bound);
    printf("  %-34s %10zu bytes in, peak %8.1f MB (%.1fx input)\n", name, len, c.peak / 1048576.0,
           len ? (double)c.peak / (double)len : 0.0);
}

static void
run_sbuf(const char *name, sbuf *b)
{
    run_case(name, b->p ? b->p : "", b->len, WN_OK);
    free(b->p);
    memset(b, 0, sizeof *b);
}

TEST(deep_nesting)
{
    sbuf b = {0};
    puts_n(&b, "<div>", 100000);
    putz(&b, "deep text");
    run_sbuf("100,000 nested <div>", &b);
    puts_n(&b, "<div>", 100000);
    puts_n(&b, "</div>", 100000);
    run_sbuf("100,000 nested, closed", &b);
    puts_n(&b, "<table><tr><td>", 20000);
    putz(&b, "cell");
    run_sbuf("20,000 nested tables", &b);
    puts_n(&b, "<ul><li>", 50000);
    putz(&b, "item");
    run_sbuf("50,000 nested lists", &b);
    puts_n(&b, "<b><i><a href=x>", 30000);
    putz(&b, "text");
    run_sbuf("90,000 unclosed formatting", &b);
    puts_n(&b, "<p><b>x</p>", 50000);
    run_sbuf("50,000 misnested b/p (adoption)", &b);
    puts_n(&b, "<svg><g>", 50000);
    run_sbuf("100,000 nested svg/g", &b);
    puts_n(&b, "<div role=button>", 100000);
    putz(&b, "<h2>card</h2>");
    run_sbuf("100,000 nested role=button", &b);
    putz(&b, "<head><meta property=og:type content=product></head><p>$5 ");
    puts_n(&b, "<ul><li class=c><a href=x>a</a> $1</li><li class=c><a href=y>b</a> $2</li>"
               "<li class=c><a href=z>c</a> $3</li>", 30000);
    run_sbuf("30,000 nested product card grids", &b);
    puts_n(&b, "<div itemscope itemprop=author><span class=author>", 50000);
    putz(&b, "<p>By Jo Roe</p>");
    run_sbuf("100,000 nested byline items", &b);
}

TEST(many_things)
{
    sbuf b = {0};
    putz(&b, "<p>");
    puts_n(&b, "<br>", 45000);
    run_sbuf("45,000 <br>", &b);
    putz(&b, "<div");
    char attr[32];
    for (int i = 0; i < 1000000; i++) {
        int n = snprintf(attr, sizeof attr, " a%d=v", i);
        put(&b, attr, (size_t)n);
    }
    putz(&b, ">x</div>");
    run_sbuf("1,000,000 attributes", &b);
    putz(&b, "<div");
    puts_n(&b, " dup=1", 200000);
    putz(&b, ">x</div>");
    run_sbuf("200,000 duplicate attributes", &b);
    putz(&b, "<p>");
    puts_n(&b, "&amp;&lt;&#x41;&notin;&nosuchentity;", 200000);
    run_sbuf("1,000,000 entities", &b);
    putz(&b, "<table>");
    puts_n(&b, "foster text ", 100000);
    run_sbuf("foster-parented text", &b);
    putz(&b, "<select>");
    puts_n(&b, "<option>o", 100000);
    run_sbuf("100,000 options", &b);
    puts_n(&b, "<p>para ", 200000);
    run_sbuf("200,000 paragraphs", &b);
}

TEST(long_lines_and_unclosed)
{
    sbuf b = {0};
    size_t mb = getenv("WN_TEST_BIG_MB") ? (size_t)atoi(getenv("WN_TEST_BIG_MB"))
                : WN_UNDER_ASAN                ? 8
                                               : 100;
    if (mb != 100)
        printf("  (single line scaled to %zu MB: %s)\n", mb,
               getenv("WN_TEST_BIG_MB") ? "WN_TEST_BIG_MB" : "AddressSanitizer build");
    putz(&b, "<html><body><p>");
    puts_n(&b, "word ", mb * 1024 * 1024 / 5);
    char name[64];
    snprintf(name, sizeof name, "%zu MB single line", mb);
    run_sbuf(name, &b);
    putz(&b, "<p>before<!-- never closed ");
    puts_n(&b, "comment body ", 100000);
    run_sbuf("unclosed comment", &b);
    putz(&b, "<p>before<script>");
    puts_n(&b, "var x = '<!--<script>'; ", 50000);
    run_sbuf("unclosed script", &b);
    putz(&b, "<title>");
    puts_n(&b, "title ", 100000);
    run_sbuf("unclosed title", &b);
    putz(&b, "<textarea>");
    puts_n(&b, "<p>not a tag</p>", 50000);
    run_sbuf("unclosed textarea", &b);
    puts_n(&b, "<", 1000000);
    run_sbuf("1,000,000 '<'", &b);
    puts_n(&b, "<!", 500000);
    run_sbuf("500,000 '<!'", &b);
}

TEST(bad_bytes)
{
    sbuf b = {0};
    for (int i = 0; i < 200000; i++) {
        char c = (char)((i * 7919) & 0xff);
        put(&b, &c, 1);
    }
    run_sbuf("binary junk", &b);
    putz(&b, "<p>");
    for (int i = 0; i < 100000; i++)
        put(&b, "a\0b", 3);
    run_sbuf("NUL bytes", &b);
    putz(&b, "<meta charset=utf-8><p>");
    puts_n(&b, "\xC3\x28\xA0\xA1\xE2\x28\xA1\xF0\x28\x8C\xBC\xF8\xA1\xA1\xA1\xA1", 50000);
    run_sbuf("invalid UTF-8", &b);
    put(&b, "\xFF\xFE<\0p\0>\0", 8);
    for (int i = 0; i < 50000; i++)
        put(&b, "\x00\xD8x\0", 4); /* lone surrogates in UTF-16LE */
    run_sbuf("UTF-16 lone surrogates", &b);
    putz(&b, "<meta charset=shift_jis><p>");
    puts_n(&b, "\x82\xA0\x81\xFF\x80", 50000);
    run_sbuf("broken Shift_JIS", &b);
}

TEST(hostile_metadata)
{
    sbuf b = {0};
    putz(&b, "<script type=application/ld+json>");
    puts_n(&b, "[{\"a\":", 100000);
    putz(&b, "</script><p>text</p>");
    run_sbuf("JSON-LD nested 100,000 deep", &b);
    putz(&b, "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"author\":[");
    puts_n(&b, "{\"@type\":\"Person\",\"name\":\"A B\"},", 100000);
    putz(&b, "{}],\"datePublished\":\"9999-99-99\"}</script><p>text</p>");
    run_sbuf("JSON-LD 100,000 authors", &b);
    putz(&b, "<meta property=article:published_time content=9999-99-99>"
             "<meta name=date content='2999-01-01'><time datetime='0000-00-00'>x</time>");
    puts_n(&b, "<meta name=author content='By By By and and'>", 10000);
    run_sbuf("impossible dates, 10,000 authors", &b);
}

/* A WARC record whose header claims a 10 TB body, then one that claims
 * 2^64 + 1 bytes, then a good record: nothing is allocated for the claims,
 * every record is accounted for and the good page still comes out. */
TEST(warc_huge_claims)
{
    sbuf b = {0};
    putz(&b, "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 10995116277760\r\n\r\n"
             "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>");
    puts_n(&b, "x", 100000);
    putz(&b, "\r\n\r\nWARC/1.1\r\nWARC-Type: response\r\n"
             "Content-Length: 18446744073709551617\r\n\r\n");
    static const char page[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>good</p>";
    char head[128];
    snprintf(head, sizeof head, "\r\n\r\nWARC/1.1\r\nWARC-Type: response\r\nContent-Length: %zu\r\n\r\n",
             sizeof page - 1);
    putz(&b, head);
    putz(&b, page);
    putz(&b, "\r\n\r\n");
    wn_warc_reader *r = NULL;
    CHECK_EQ_INT(wn_warc_open_mem(b.p, b.len, 1u << 20, &r, NULL), WN_OK);
    if (!r) {
        free(b.p);
        return;
    }
    wn_warc_record rec;
    memset(&rec, 0, sizeof rec);
    uint64_t n = 0, failed_with_message = 0;
    while (wn_warc_next(r, &rec)) {
        n++;
        if (rec.outcome == WN_WARC_FAILED && rec.error.message[0])
            failed_with_message++;
        CHECK(rec.body_len <= (1u << 20));
        CHECK(n < 100);
        if (n >= 100)
            break;
    }
    wn_warc_record_free(&rec);
    wn_warc_stats st = wn_warc_get_stats(r);
    CHECK_EQ_INT(st.records, n);
    CHECK_EQ_INT(st.html + st.skipped + st.failed, st.records);
    CHECK(st.failed >= 1);
    CHECK_EQ_INT(failed_with_message, st.failed);
    printf("  WARC claiming 10 TB / 2^64+1 bytes: %llu records (%llu html, %llu skipped, "
           "%llu failed)\n",
           (unsigned long long)st.records, (unsigned long long)st.html,
           (unsigned long long)st.skipped, (unsigned long long)st.failed);
    wn_warc_close(r);
    free(b.p);
}

TEST(every_truncation_point)
{
    size_t len;
    char *page = harness_read_file("../examples/article.html", &len);
    CHECK(page != NULL);
    if (!page)
        return;
    int ok = 0;
    for (size_t cut = 0; cut <= len; cut += (len > 20000 ? 7 : 1)) {
        wn_result *r;
        wn_error err;
        if (wn_extract(page, cut, NULL, &r, &err) == WN_OK) {
            wn_str s;
            for (int f = WN_FORMAT_TEXT; f <= WN_FORMAT_HTML; f++)
                wn_result_render(r, (wn_format)f, &s, &err);
            wn_result_free(r);
            ok++;
        }
    }
    CHECK(ok > 0);
    printf("  every truncation of examples/article.html: %d prefixes extracted\n", ok);
    free(page);
}

TEST(limits_refuse_clearly)
{
    sbuf b = {0};
    puts_n(&b, "<p>x</p>", 1000);
    wn_options o;
    memset(&o, 0, sizeof o);
    o.max_input = 100;
    wn_result *r;
    wn_error err;
    CHECK_EQ_INT(wn_extract(b.p, b.len, &o, &r, &err), WN_ERR_LIMIT);
    CHECK(strstr(err.message, "limit") != NULL);
    o.max_input = 0;
    o.max_memory = 256 * 1024; /* far too small for this page */
    wn_status st = wn_extract(b.p, b.len, &o, &r, &err);
    CHECK(st == WN_ERR_LIMIT || st == WN_OK);
    if (st == WN_OK)
        wn_result_free(r);
    free(b.p);
}

int
main(void)
{
    RUN(deep_nesting);
    RUN(many_things);
    RUN(long_lines_and_unclosed);
    RUN(bad_bytes);
    RUN(hostile_metadata);
    RUN(warc_huge_claims);
    RUN(every_truncation_point);
    RUN(limits_refuse_clearly);
    return harness_done();
}
