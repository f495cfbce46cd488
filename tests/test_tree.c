/* test_tree.c - tree construction on our own fixtures: implied elements,
 * foster parenting, the adoption agency, foreign content (an SVG icon
 * sprite), noscript as markup, templates, fragments, and the limits that
 * keep hostile nesting bounded in depth and time. */
#include <time.h>

#include "harness.h"
#include "parse/tree.h"
#include "tree_dump.h"

/* Parse `html` (document, or fragment when ctx != NULL) and return the
 * dump in a static buffer. */
static const char *
dump_of(const char *html, const char *ctx, wn_ns ns)
{
    static char out[8192];
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_dom *d = NULL;
    wn_status st = ctx ? wn_tree_parse_fragment(&a, html, strlen(html), ctx, ns, NULL, &d)
                       : wn_tree_parse(&a, html, strlen(html), NULL, &d);
    out[0] = '\0';
    if (st == WN_OK) {
        wn_buf b;
        wn_buf_init(&b, NULL, 0);
        tree_dump(&b, d->root);
        snprintf(out, sizeof out, "%.*s", (int)b.len, b.ptr ? b.ptr : "");
        wn_buf_free(&b);
    }
    wn_arena_free_all(&a);
    return out;
}

/* dump_of for a whole document, with the given options */
static const char *
dump_opts(const char *html, const wn_parse_opts *o)
{
    static char out[8192];
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_dom *d = NULL;
    out[0] = '\0';
    if (wn_tree_parse(&a, html, strlen(html), o, &d) == WN_OK) {
        wn_buf b;
        wn_buf_init(&b, NULL, 0);
        tree_dump(&b, d->root);
        snprintf(out, sizeof out, "%.*s", (int)b.len, b.ptr ? b.ptr : "");
        wn_buf_free(&b);
    }
    wn_arena_free_all(&a);
    return out;
}

static size_t
max_depth_of(wn_node *root, size_t *elements)
{
    wn_walk w;
    wn_walk_init(&w, root);
    wn_node *n;
    bool enter;
    size_t depth = 0, max = 0;
    *elements = 0;
    while (wn_walk_next(&w, &n, &enter)) {
        if (n->type != WN_NODE_ELEMENT)
            continue;
        if (enter) {
            (*elements)++;
            if (++depth > max)
                max = depth;
        } else {
            depth--;
        }
    }
    return max;
}

TEST(implied_html_head_body)
{
    CHECK_EQ_STR(dump_of("Hello", NULL, WN_NS_HTML),
                 "| <html>\n|   <head>\n|   <body>\n|     \"Hello\"\n");
    CHECK_EQ_STR(dump_of("<!DOCTYPE html><title>T</title><p>x", NULL, WN_NS_HTML),
                 "| <!DOCTYPE html>\n| <html>\n|   <head>\n|     <title>\n|       \"T\"\n"
                 "|   <body>\n|     <p>\n|       \"x\"\n");
}

TEST(quirks_from_doctype)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_dom *d;
    const char *q = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p>";
    CHECK_EQ_INT(wn_tree_parse(&a, q, strlen(q), NULL, &d), WN_OK);
    CHECK_EQ_INT(d->quirks, WN_QUIRKS);
    const char *s = "<!doctype html><p>";
    CHECK_EQ_INT(wn_tree_parse(&a, s, strlen(s), NULL, &d), WN_OK);
    CHECK_EQ_INT(d->quirks, WN_NO_QUIRKS);
    const char *none = "<p>";
    CHECK_EQ_INT(wn_tree_parse(&a, none, strlen(none), NULL, &d), WN_OK);
    CHECK_EQ_INT(d->quirks, WN_QUIRKS);
    wn_arena_free_all(&a);
}

TEST(foster_parenting)
{
    CHECK_EQ_STR(dump_of("<table><tr><td>a</td></tr>x<b>y</b></table>", NULL, WN_NS_HTML),
                 "| <html>\n|   <head>\n|   <body>\n|     \"x\"\n|     <b>\n|       \"y\"\n"
                 "|     <table>\n|       <tbody>\n|         <tr>\n|           <td>\n"
                 "|             \"a\"\n");
    /* whitespace in a table stays in the table */
    CHECK_EQ_STR(dump_of("<table> <tr><td>a</table>", NULL, WN_NS_HTML),
                 "| <html>\n|   <head>\n|   <body>\n|     <table>\n|       \" \"\n"
                 "|       <tbody>\n|         <tr>\n|           <td>\n|             \"a\"\n");
}

TEST(adoption_agency)
{
    CHECK_EQ_STR(dump_of("<b><i>a</b>c</i>", NULL, WN_NS_HTML),
                 "| <html>\n|   <head>\n|   <body>\n|     <b>\n|       <i>\n|         \"a\"\n"
                 "|     <i>\n|       \"c\"\n");
    CHECK_EQ_STR(dump_of("<a>1<p>2</a>3</p>", NULL, WN_NS_HTML),
                 "| <html>\n|   <head>\n|   <body>\n|     <a>\n|       \"1\"\n|     <p>\n"
                 "|       <a>\n|         \"2\"\n|       \"3\"\n");
}

TEST(svg_sprite)
{
    const char *html =
        "<body><svg style=\"display:none\"><symbol id=\"x\"><title>Calendar</title>"
        "<desc>An icon of a desk calendar.</desc><path d=\"M0 0\"/></symbol></svg><p>after";
    CHECK_EQ_STR(dump_of(html, NULL, WN_NS_HTML),
                 "| <html>\n|   <head>\n|   <body>\n|     <svg svg>\n"
                 "|       style=\"display:none\"\n|       <svg symbol>\n|         id=\"x\"\n"
                 "|         <svg title>\n|           \"Calendar\"\n|         <svg desc>\n"
                 "|           \"An icon of a desk calendar.\"\n|         <svg path>\n"
                 "|           d=\"M0 0\"\n|     <p>\n|       \"after\"\n");
    /* camel case names and foreign attributes */
    CHECK_EQ_STR(dump_of("<svg viewbox=\"0 0 1 1\"><clippath/><use xlink:href=\"#x\"/></svg>", NULL,
                         WN_NS_HTML),
                 "| <html>\n|   <head>\n|   <body>\n|     <svg svg>\n"
                 "|       viewBox=\"0 0 1 1\"\n|       <svg clipPath>\n|       <svg use>\n"
                 "|         xlink href=\"#x\"\n");
    /* an HTML breakout tag leaves foreign content */
    CHECK_EQ_STR(dump_of("<svg><g><p>t</p></g></svg>", NULL, WN_NS_HTML),
                 "| <html>\n|   <head>\n|   <body>\n|     <svg svg>\n|       <svg g>\n"
                 "|     <p>\n|       \"t\"\n");
}

TEST(noscript_is_markup)
{
    CHECK_EQ_STR(dump_of("<body><noscript><img src=a></noscript>", NULL, WN_NS_HTML),
                 "| <html>\n|   <head>\n|   <body>\n|     <noscript>\n|       <img>\n"
                 "|         src=\"a\"\n");
    CHECK_EQ_STR(dump_of("<head><noscript><link rel=x></noscript></head>", NULL, WN_NS_HTML),
                 "| <html>\n|   <head>\n|     <noscript>\n|       <link>\n|         rel=\"x\"\n"
                 "|   <body>\n");
}

/* A tag manager's "<noscript><iframe .../></noscript>": the spec's
 * scripting-off parse makes the rest of the page the iframe's raw text;
 * lenient, as wn_doc_parse runs, the iframe is empty and the page goes on
 * (a browser running scripts never parses the noscript's content). */
TEST(noscript_iframe_lenient)
{
    const char *body = "<body><noscript><iframe src=t height=0 /></noscript><p>Story</p>";
    wn_parse_opts spec = {0, 0, 0, 0}, lenient = {0, 0, 0, 1};
    CHECK(strstr(dump_opts(body, &spec), "<p>\n") == NULL); /* swallowed, as specified */
    CHECK_EQ_STR(dump_opts(body, &lenient),
                 "| <html>\n|   <head>\n|   <body>\n|     <noscript>\n|       <iframe>\n"
                 "|         height=\"0\"\n|         src=\"t\"\n|     <p>\n|       \"Story\"\n");
    /* an iframe left open in a noscript of the head: dropped, the body parsed */
    const char *head = "<head><noscript><iframe src=t></noscript></head><body><p>Story</p>";
    CHECK(strstr(dump_opts(head, &spec), "<p>\n") == NULL);
    CHECK(strstr(dump_opts(head, &lenient), "|     <p>\n|       \"Story\"") != NULL);
    /* an iframe outside noscript keeps its raw text */
    CHECK(strstr(dump_opts("<body><iframe><p>x</iframe>", &lenient), "\"<p>x\"") != NULL);
}

TEST(unclosed_table_at_eof)
{
    CHECK_EQ_STR(dump_of("<table><tr><td>x", NULL, WN_NS_HTML),
                 "| <html>\n|   <head>\n|   <body>\n|     <table>\n|       <tbody>\n"
                 "|         <tr>\n|           <td>\n|             \"x\"\n");
}

TEST(template_contents)
{
    CHECK_EQ_STR(dump_of("<template><td>x</td></template>", NULL, WN_NS_HTML),
                 "| <html>\n|   <head>\n|     <template>\n|       content\n|         <td>\n"
                 "|           \"x\"\n|   <body>\n");
}

TEST(fragment_td_context)
{
    CHECK_EQ_STR(dump_of("<b>x</b></td>y<td>z", "td", WN_NS_HTML),
                 "| <b>\n|   \"x\"\n| \"yz\"\n");
    CHECK_EQ_STR(dump_of("<td>a", "tr", WN_NS_HTML), "| <td>\n|   \"a\"\n");
    CHECK_EQ_STR(dump_of("<path/>", "svg", WN_NS_SVG), "| <svg path>\n");
}

TEST(text_is_zero_copy)
{
    const char *html = "<p>hello world</p>";
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_dom *d;
    CHECK_EQ_INT(wn_tree_parse(&a, html, strlen(html), NULL, &d), WN_OK);
    wn_node *body = d->root->first_child->last_child;
    wn_node *t = body->first_child->first_child;
    CHECK(t && t->type == WN_NODE_TEXT);
    CHECK(t && t->data == html + 3);
    CHECK_EQ_INT(t ? t->len : 0, 11);
    /* NULs in body text are dropped */
    const char nul[] = "<p>a\0b</p>";
    CHECK_EQ_INT(wn_tree_parse(&a, nul, sizeof nul - 1, NULL, &d), WN_OK);
    t = d->root->first_child->last_child->first_child->first_child;
    CHECK_EQ_MEM(t->data, t->len, "ab");
    wn_arena_free_all(&a);
}

/* Build `n` copies of `unit` after `prefix`. */
static char *
repeat(const char *prefix, const char *unit, size_t n, size_t *len)
{
    size_t pl = strlen(prefix), ul = strlen(unit);
    char *s = malloc(pl + ul * n + 1);
    memcpy(s, prefix, pl);
    for (size_t i = 0; i < n; i++)
        memcpy(s + pl + i * ul, unit, ul);
    *len = pl + ul * n;
    s[*len] = '\0';
    return s;
}

/* Parse hostile input; check depth and a generous time bound (quadratic
 * behaviour on these inputs takes minutes, linear takes milliseconds). */
static void
check_hostile(const char *prefix, const char *unit, size_t n, size_t max_depth,
              size_t min_elements)
{
    size_t len;
    char *s = repeat(prefix, unit, n, &len);
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_dom *d = NULL;
    wn_parse_opts o = {max_depth, 0, 0, 0};
    clock_t t0 = clock();
    CHECK_EQ_INT(wn_tree_parse(&a, s, len, &o, &d), WN_OK);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (d) {
        size_t elements;
        size_t depth = max_depth_of(d->root, &elements);
        CHECK(depth <= (max_depth ? max_depth : WN_DEFAULT_MAX_DEPTH) + 2);
        CHECK(elements >= min_elements);
    }
    CHECK(secs < 5.0);
    if (secs >= 5.0)
        fprintf(stderr, "  %s x %zu took %.2fs\n", unit, n, secs);
    wn_arena_free_all(&a);
    free(s);
}

TEST(deep_nesting_is_bounded)
{
    check_hostile("", "<div>", 100000, 0, 100000);
    check_hostile("", "<div>", 1000, 16, 1000);
    check_hostile("", "<span><table><tr><td>", 20000, 0, 20000);
    check_hostile("<svg>", "<g>", 100000, 0, 100000);
    check_hostile("", "<span><table><tr><td>", 5000, 16, 5000);
    check_hostile("", "<template><div>", 5000, 16, 5000);
}

/* Every arena limit either parses or fails cleanly with WN_ERR_NOMEM. */
TEST(memory_limit_fails_cleanly)
{
    size_t len;
    char *s = repeat("<!doctype html><title>t</title><table>",
                     "<tr><td><b>x<i>y</b>z</i><svg><g/></svg>&amp;", 300, &len);
    int ok = 0, nomem = 0;
    for (size_t lim = 512; lim < (1u << 20); lim = lim * 3 / 2) {
        wn_arena a;
        wn_arena_init(&a, NULL, lim);
        wn_dom *d = NULL;
        wn_status st = wn_tree_parse(&a, s, len, NULL, &d);
        CHECK(st == WN_OK || st == WN_ERR_NOMEM);
        if (st == WN_OK) {
            ok++;
            CHECK(d != NULL);
        } else {
            nomem++;
            CHECK(d == NULL);
        }
        wn_arena_free_all(&a);
    }
    CHECK(ok > 0);
    CHECK(nomem > 0);
    free(s);
}

TEST(hostile_flat_inputs)
{
    check_hostile("", "<br>", 45000, 0, 45000);
    check_hostile("", "<b>", 100000, 0, 100000);
    check_hostile("", "<a>x", 100000, 0, 100000);
    check_hostile("", "<p>x", 100000, 0, 100000);
    check_hostile("", "<b id=1><i>x</b>", 50000, 0, 50000);
    check_hostile("<table>", "x<b>", 50000, 0, 1);
    check_hostile("", "<table>x", 50000, 0, 1);
    check_hostile("", "<li><ul>", 50000, 0, 1);
    check_hostile("<select><button><selectedcontent></button>", "<option selected><div>x", 50000, 0,
                  50000);
}

TEST(selectedcontent_mirrors_selected_option)
{
    CHECK_EQ_STR(dump_of("<select><button><selectedcontent></button><option>A<option selected>B",
                         NULL, WN_NS_HTML),
                 "| <html>\n|   <head>\n|   <body>\n|     <select>\n|       <button>\n"
                 "|         <selectedcontent>\n|           \"B\"\n|       <option>\n"
                 "|         \"A\"\n|       <option>\n|         selected=\"\"\n|         \"B\"\n");
}

int
main(void)
{
    RUN(implied_html_head_body);
    RUN(quirks_from_doctype);
    RUN(foster_parenting);
    RUN(adoption_agency);
    RUN(svg_sprite);
    RUN(noscript_is_markup);
    RUN(noscript_iframe_lenient);
    RUN(unclosed_table_at_eof);
    RUN(template_contents);
    RUN(fragment_td_context);
    RUN(text_is_zero_copy);
    RUN(deep_nesting_is_bounded);
    RUN(hostile_flat_inputs);
    RUN(memory_limit_fails_cleanly);
    RUN(selectedcontent_mirrors_selected_option);
    return harness_done();
}
