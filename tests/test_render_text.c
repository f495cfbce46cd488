/* test_render_text.c - wn_render_text: blocks, lines, cells, <pre>, <br>,
 * whitespace, and which flagged subtrees are skipped. The content root is
 * set by hand to <body>, so these tests do not depend on scoring. */
#include "extract_helper.h"
#include "harness.h"

/* Parse, make <body> the only root, apply `flag` to the element with id
 * "x" (if any), render. */
static const char *
render(fx *f, const char *html, uint32_t opts, uint32_t flag)
{
    memset(f, 0, sizeof *f);
    f->doc = fx_parse(html, opts);
    if (!f->doc)
        return NULL;
    wn_node *body = NULL;
    wn_walk w;
    wn_node *n;
    bool e;
    wn_walk_init(&w, f->doc->dom->root);
    while (wn_walk_next(&w, &n, &e))
        if (e && wn_node_is(n, WN_TAG_BODY)) {
            body = n;
            break;
        }
    if (!body)
        return NULL;
    wn_node *x = fx_by_id(f->doc, "x");
    if (x)
        x->flags |= flag;
    static wn_node *roots[1];
    roots[0] = body;
    f->res.content.roots = roots;
    f->res.content.n_roots = 1;
    f->res.doc = f->doc;
    return fx_render(f);
}

TEST(paragraphs_and_whitespace)
{
    fx f;
    CHECK_EQ_STR(render(&f, "<body><p>  One \n\t two  </p><p>Three</p>  <div>Four <b>five</b>"
                            "<i>six</i></div></body>", 0, 0),
                 "One two\n\nThree\n\nFour fivesix");
    fx_free(&f);
    /* single spaces inside a run, a space at the end before an element, CR/FF runs */
    CHECK_EQ_STR(render(&f, "<body><p>a b c \r\fd e\f f <b> g h</b> i</p></body>", 0, 0),
                 "a b c d e f g h i");
    fx_free(&f);
}

/* blanks of every kind at every offset of text longer than the eight bytes
 * the renderer looks at in one step: the same as collapsing by hand */
TEST(whitespace_at_every_offset)
{
    static const char *const seps[] = {" ", "  ", "\t", " \n", "\r", "\f", " \f", "\v"};
    int bad = 0;
    for (size_t k = 0; k < sizeof seps / sizeof *seps; k++)
        for (size_t pos = 1; pos < 24; pos++) {
            char text[64], html[128], want[64];
            const char *word = "abcdefghijklmnopqrstuvwxyz";
            snprintf(text, sizeof text, "%.*s%sx y%s", (int)pos, word, seps[k], pos % 3 ? " " : "");
            snprintf(html, sizeof html, "<body><p>%s</p></body>", text);
            size_t w = 0;
            bool sp = false;
            for (const char *c = text; *c; c++) {
                bool blank = *c == ' ' || *c == '\n' || *c == '\t' || *c == '\r' || *c == '\f';
                if (blank) {
                    sp = w > 0;
                    continue;
                }
                if (sp)
                    want[w++] = ' ';
                sp = false;
                want[w++] = *c == '\r' ? '\n' : *c;
            }
            want[w] = 0;
            fx f;
            const char *got = render(&f, html, 0, 0);
            bad += !got || strcmp(got, want) != 0;
            fx_free(&f);
        }
    CHECK_EQ_INT(bad, 0);
}

TEST(headings_lists_and_tables)
{
    fx f;
    CHECK_EQ_STR(render(&f, "<body><h2>Title</h2><ul><li>a</li><li>b <em>c</em></li></ul>"
                            "<table><tr><th>k</th><th>v</th></tr><tr><td>1</td><td>2</td></tr>"
                            "</table><dl><dt>term</dt><dd>def</dd></dl></body>", 0, 0),
                 "Title\n\na\nb c\n\nk | v\n1 | 2\n\nterm\ndef");
    fx_free(&f);
    CHECK_EQ_STR(render(&f, "<body><p>Before</p><table><tr><td>1</td></tr></table><p>After</p>"
                            "</body>", WN_OPT_NO_TABLES, 0),
                 "Before\n\nAfter");
    fx_free(&f);
}

TEST(pre_kept_exactly)
{
    fx f;
    CHECK_EQ_STR(render(&f, "<body><p>Code:</p><pre>int  x;\n    y = 1;\n\n  z</pre></body>", 0, 0),
                 "Code:\n\nint  x;\n    y = 1;\n\n  z");
    fx_free(&f);
}

TEST(line_breaks)
{
    fx f;
    CHECK_EQ_STR(render(&f, "<body><p>one<br>two<br><br>three</p></body>", 0, 0),
                 "one\ntwo\n\nthree");
    fx_free(&f);
}

TEST(flagged_subtrees_skipped)
{
    static const char page[] =
        "<body><p>Keep</p><div id=x><p>Flagged</p></div><p>Also</p></body>";
    const uint32_t skip[] = {WN_NF_DROP, WN_NF_BOILER, WN_NF_HEADLINE, WN_NF_BYLINE};
    for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++) {
        fx f;
        CHECK_EQ_STR(render(&f, page, 0, skip[i]), "Keep\n\nAlso");
        fx_free(&f);
    }
    /* captions: kept, unless scoring found them asides (an article's:
     * they describe images the text does not show) */
    fx f;
    CHECK_EQ_STR(render(&f, page, 0, WN_NF_CAPTION), "Keep\n\nFlagged\n\nAlso");
    f.res.content.captions_aside = true;
    CHECK_EQ_STR(fx_render(&f), "Keep\n\nAlso");
    fx_free(&f);
    CHECK_EQ_STR(render(&f, page, WN_OPT_NO_CAPTIONS, WN_NF_CAPTION), "Keep\n\nAlso");
    fx_free(&f);
}

TEST(scripts_and_foreign_content_never_rendered)
{
    fx f;
    CHECK_EQ_STR(render(&f, "<body><p>A</p><script>var x = 1;</script><style>p{}</style>"
                            "<svg><title>Icon</title></svg><p>B</p></body>", 0, 0),
                 "A\n\nB");
    fx_free(&f);
}

/* ruby: the annotated text stays, its readings and their parentheses go */
TEST(ruby_readings_left_out)
{
    fx f;
    CHECK_EQ_STR(render(&f, "<body><p>a<ruby>KAN<rp>(</rp><rt>kan</rt><rp>)</rp>JI<rt>ji</rt>"
                            "</ruby>b</p></body>", 0, 0),
                 "aKANJIb");
    fx_free(&f);
}

/* an emoji drawn as an image is its character; other images write nothing */
TEST(emoji_images)
{
    fx f;
    CHECK_EQ_STR(render(&f, "<body><p>fun <img alt='\xF0\x9F\x98\x80' src=e.png> and "
                            "<img alt='\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7' src=f.png>! "
                            "<img alt='A cat' src=c.jpg><img alt='\xE2\x80\x8D' src=z.png>"
                            "end</p></body>",
                            0, 0),
                 "fun \xF0\x9F\x98\x80 and \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7! end");
    fx_free(&f);
}

TEST(empty_content)
{
    fx f;
    CHECK_EQ_STR(render(&f, "<body></body>", 0, 0), "");
    fx_free(&f);
}

int
main(void)
{
    RUN(paragraphs_and_whitespace);
    RUN(whitespace_at_every_offset);
    RUN(headings_lists_and_tables);
    RUN(pre_kept_exactly);
    RUN(line_breaks);
    RUN(flagged_subtrees_skipped);
    RUN(scripts_and_foreign_content_never_rendered);
    RUN(ruby_readings_left_out);
    RUN(emoji_images);
    RUN(empty_content);
    return harness_done();
}
