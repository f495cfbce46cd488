/* test_limits.c - every named limit of wn_options (winnow.h) is enforced and
 * reported as docs/LIMITS.md says: max_input and max_memory refuse with
 * WN_ERR_LIMIT and a message naming the limit; max_depth and max_attrs
 * truncate (the page still parses; nesting is flattened, extra attributes
 * dropped); max_output refuses the render with WN_ERR_LIMIT while the
 * result stays usable for other formats. Zero means the default. */
#include "harness.h"
#include "pipeline.h"
#include "winnow.h"

static char *
repeat(const char *head, const char *unit, size_t times, const char *tail, size_t *len)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *p = malloc(hl + ul * times + tl + 1);
    memcpy(p, head, hl);
    for (size_t i = 0; i < times; i++)
        memcpy(p + hl + i * ul, unit, ul);
    memcpy(p + hl + ul * times, tail, tl + 1);
    *len = hl + ul * times + tl;
    return p;
}

static void
opts_zero(wn_options *o)
{
    memset(o, 0, sizeof *o);
}

TEST(defaults_are_documented_values)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_opts_resolved r;
    CHECK_EQ_INT(wn_opts_resolve(NULL, &a, &r), WN_OK);
    CHECK_EQ_INT(r.max_input, WN_DEFAULT_MAX_INPUT);
    CHECK_EQ_INT(r.max_depth, WN_DEFAULT_MAX_DEPTH);
    CHECK_EQ_INT(r.max_attrs, WN_DEFAULT_MAX_ATTRS);
    CHECK_EQ_INT(r.max_output, WN_DEFAULT_MAX_OUTPUT);
    CHECK_EQ_INT(r.max_memory, WN_DEFAULT_MAX_MEMORY);
    wn_arena_free_all(&a);
}

TEST(max_input_refuses)
{
    size_t len;
    char *html = repeat("<p>", "word ", 100, "</p>", &len);
    wn_options o;
    opts_zero(&o);
    o.max_input = len - 1;
    wn_result *r = NULL;
    wn_error err;
    CHECK_EQ_INT(wn_extract(html, len, &o, &r, &err), WN_ERR_LIMIT);
    CHECK(r == NULL);
    CHECK_EQ_INT(err.code, WN_ERR_LIMIT);
    CHECK(strstr(err.message, "exceeds the limit") != NULL);
    wn_doc *d = NULL;
    CHECK_EQ_INT(wn_doc_parse(html, len, &o, &d, &err), WN_ERR_LIMIT);
    CHECK(d == NULL);
    o.max_input = len; /* exactly at the limit is accepted */
    CHECK_EQ_INT(wn_extract(html, len, &o, &r, &err), WN_OK);
    wn_result_free(r);
    free(html);
}

static size_t
dom_depth(const wn_dom *dom)
{
    size_t max = 0;
    wn_walk w;
    wn_walk_init(&w, dom->root);
    wn_node *n;
    bool entering;
    while (wn_walk_next(&w, &n, &entering)) {
        if (!entering)
            continue;
        size_t d = 0;
        for (const wn_node *p = n; p->parent; p = p->parent)
            d++;
        if (d > max)
            max = d;
    }
    return max;
}

TEST(max_depth_flattens)
{
    size_t len;
    char *html = repeat("", "<div>", 1000, "deep words here", &len);
    wn_options o;
    opts_zero(&o);
    o.max_depth = 20;
    wn_doc *d = NULL;
    wn_error err;
    CHECK_EQ_INT(wn_doc_parse(html, len, &o, &d, &err), WN_OK);
    if (d) {
        size_t depth = dom_depth(d->dom);
        CHECK(depth <= 20 + 2); /* the limit, plus the text node below it */
        CHECK(depth >= 10);
        wn_doc_free(d);
    }
    o.max_depth = 0; /* default 512: 1000 divs are flattened at 512 */
    CHECK_EQ_INT(wn_doc_parse(html, len, &o, &d, &err), WN_OK);
    if (d) {
        size_t depth = dom_depth(d->dom);
        CHECK(depth <= WN_DEFAULT_MAX_DEPTH + 2);
        CHECK(depth > 100);
        wn_doc_free(d);
    }
    /* the text survives the flattening */
    wn_result *r = NULL;
    o.max_depth = 20;
    CHECK_EQ_INT(wn_extract(html, len, &o, &r, &err), WN_OK);
    if (r) {
        wn_str t;
        CHECK_EQ_INT(wn_result_render(r, WN_FORMAT_TEXT, &t, &err), WN_OK);
        wn_result_free(r);
    }
    free(html);
}

TEST(max_attrs_truncates)
{
    size_t len;
    char *html = repeat("<div id=first", " data-x=1 a=2 b=3 c=4 d=5", 20, ">text</div>", &len);
    wn_options o;
    opts_zero(&o);
    o.max_attrs = 5;
    wn_doc *d = NULL;
    wn_error err;
    CHECK_EQ_INT(wn_doc_parse(html, len, &o, &d, &err), WN_OK);
    if (d) {
        wn_walk w;
        wn_walk_init(&w, d->dom->root);
        wn_node *n;
        bool entering;
        int divs = 0;
        while (wn_walk_next(&w, &n, &entering)) {
            if (entering && n->name && strcmp(n->name, "div") == 0) {
                divs++;
                CHECK_EQ_INT(n->n_attrs, 5);
                /* the first attributes are the ones kept */
                CHECK(n->n_attrs > 0 && n->attrs[0].name_len == 2 && memcmp(n->attrs[0].name, "id", 2) == 0);
            }
        }
        CHECK_EQ_INT(divs, 1);
        wn_doc_free(d);
    }
    free(html);
}

TEST(max_output_refuses_render)
{
    size_t len;
    char *html = repeat("<article><h1>Title</h1>", "<p>Some words of a paragraph in the article.</p>",
                        200, "</article>", &len);
    wn_options o;
    opts_zero(&o);
    o.max_output = 256;
    wn_result *r = NULL;
    wn_error err;
    CHECK_EQ_INT(wn_extract(html, len, &o, &r, &err), WN_OK);
    if (r) {
        for (int f = WN_FORMAT_TEXT; f <= WN_FORMAT_HTML; f++) {
            wn_str out = {NULL, 0};
            memset(&err, 0, sizeof err);
            CHECK_EQ_INT(wn_result_render(r, (wn_format)f, &out, &err), WN_ERR_LIMIT);
            CHECK_EQ_INT(err.code, WN_ERR_LIMIT);
            CHECK(strstr(err.message, "max_output") != NULL);
            CHECK(out.ptr == NULL);
        }
        wn_result_free(r);
    }
    o.max_output = 1u << 20; /* enough: every format renders */
    CHECK_EQ_INT(wn_extract(html, len, &o, &r, &err), WN_OK);
    if (r) {
        for (int f = WN_FORMAT_TEXT; f <= WN_FORMAT_HTML; f++) {
            wn_str out = {NULL, 0};
            CHECK_EQ_INT(wn_result_render(r, (wn_format)f, &out, &err), WN_OK);
            CHECK(out.len > 256 && out.len <= (1u << 20));
        }
        wn_result_free(r);
    }
    free(html);
}

TEST(max_memory_refuses_at_every_stage)
{
    size_t len;
    char *html = repeat("<article><h1>Title</h1>", "<p>Some words of a paragraph, <b>bold</b>.</p>",
                        2000, "</article>", &len);
    wn_options o;
    opts_zero(&o);
    /* Sweep the limit from tiny to enough: every call either succeeds or
     * fails with WN_ERR_LIMIT and a message naming max_memory; never NOMEM. */
    int limited = 0, ok = 0;
    for (size_t m = 4096; m <= (64u << 20); m += m / 3) {
        o.max_memory = m;
        wn_result *r = NULL;
        wn_error err;
        memset(&err, 0, sizeof err);
        wn_status st = wn_extract(html, len, &o, &r, &err);
        if (st == WN_OK) {
            ok++;
            for (int f = WN_FORMAT_TEXT; f <= WN_FORMAT_HTML; f++) {
                wn_str out;
                wn_status rs = wn_result_render(r, (wn_format)f, &out, &err);
                if (rs != WN_OK) {
                    CHECK_EQ_INT(rs, WN_ERR_LIMIT);
                    CHECK(strstr(err.message, "max_memory") != NULL);
                }
            }
            wn_result_free(r);
        } else {
            limited++;
            if (st != WN_ERR_LIMIT)
                fprintf(stderr, "max_memory %zu: status %d (%s)\n", m, st, err.message);
            CHECK_EQ_INT(st, WN_ERR_LIMIT);
            CHECK(strstr(err.message, "max_memory") != NULL);
            CHECK(r == NULL);
        }
    }
    CHECK(limited > 0);
    CHECK(ok > 0);
    free(html);
}

TEST(zero_means_default)
{
    wn_options o;
    opts_zero(&o);
    wn_result *r = NULL;
    wn_error err;
    static const char html[] = "<p>hello</p>";
    CHECK_EQ_INT(wn_extract(html, sizeof html - 1, &o, &r, &err), WN_OK);
    if (r)
        CHECK_EQ_INT(r->doc->opts.max_memory, WN_DEFAULT_MAX_MEMORY);
    wn_result_free(r);
}

int
main(void)
{
    RUN(defaults_are_documented_values);
    RUN(max_input_refuses);
    RUN(max_depth_flattens);
    RUN(max_attrs_truncates);
    RUN(max_output_refuses_render);
    RUN(max_memory_refuses_at_every_stage);
    RUN(zero_means_default);
    return harness_done();
}
