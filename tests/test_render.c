/* test_render.c - the Markdown, HTML and JSON renderers.
 *
 * The results are built by hand so that these tests judge the renderers
 * alone: a small nesting tree builder over our tokenizer (well-formed
 * input only, no WHATWG repair) makes the DOM, `data-root` marks the
 * content roots, `data-flag="boiler drop headline byline caption"` the
 * stage flags, and the <head> gives the metadata. Golden pages live in
 * tests/corpus/render/ with their expected outputs beside them (a folder
 * of their own: the pages directly in tests/corpus are extraction goldens
 * with .expected.txt files); set
 * WN_UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate
 * change (and read the diff).
 *
 * Three functions of other modules are replaced here by weak test doubles
 * so that the expected outputs do not move when those modules change:
 * wn_url_resolve answers the (base, reference) pairs the pages use,
 * wn_render_text is a plain concatenation, and wn_page_type_name avoids
 * linking the whole pipeline. A strong definition linked in wins.
 */
#include <ctype.h>
#include <strings.h>

#include "harness.h"
#include "json_reader.h"
#include "parse/tokenizer.h"
#include "parse/tree.h"
#include "pipeline.h"
#include "render/render.h"
#include "util/url.h"

/* ---- test doubles ---------------------------------------------------------- */

__attribute__((weak)) const char *
wn_page_type_name(wn_page_type t)
{
    static const char *const names[] = {"article", "forum",         "product", "collection",
                                        "listing", "documentation", "service", "other"};
    return (unsigned)t < 8 ? names[t] : "other";
}

/* The pairs the test pages resolve (RFC 3986 answers), nothing more. */
static const char *const url_answers[][3] = {
    {"https://example.org/news/story.html", "/img/lead.jpg", "https://example.org/img/lead.jpg"},
    {"https://example.org/news/story.html", "chart.png", "https://example.org/news/chart.png"},
    {"https://example.org/news/story.html", "../about/", "https://example.org/about/"},
    {"https://example.org/news/story.html", "//cdn.example.net/a.png",
     "https://cdn.example.net/a.png"},
    {"https://example.org/news/story.html", "?page=2",
     "https://example.org/news/story.html?page=2"},
    {"https://example.org/news/story.html", "x", "https://example.org/news/x"},
    {"https://example.org/news/story.html", "https://other.example/", "https://other.example/"},
    {"https://example.org/news/story.html", "http://t.example/p?a=1&b=2",
     "http://t.example/p?a=1&b=2"},
    {"https://example.org/news/story.html", "mailto:desk@example.org", "mailto:desk@example.org"},
    {"https://example.org/news/story.html", "https://evil.example/base/",
     "https://evil.example/base/"},
    {"https://evil.example/base/", "x", "https://evil.example/base/x"},
    {"https://evil.example/base/", "chart.png", "https://evil.example/base/chart.png"},
    {"https://evil.example/base/", "/img/lead.jpg", "https://evil.example/img/lead.jpg"},
    {"https://evil.example/base/", "../about/", "https://evil.example/about/"},
    {"https://example.org/news/story.html", "pics/a b.png",
     "https://example.org/news/pics/a b.png"},
    {"https://example.org/news/story.html", "/wiki/Foo_(bar)",
     "https://example.org/wiki/Foo_(bar)"},
    {"https://example.org/news/story.html", "//evil.example/%0ajavascript:alert(1)",
     "https://evil.example/%0ajavascript:alert(1)"},
};

__attribute__((weak)) char *
wn_url_resolve(wn_arena *a, const char *base, size_t base_len, const char *ref, size_t ref_len,
               size_t *out_len)
{
    for (size_t i = 0; i < sizeof url_answers / sizeof url_answers[0]; i++) {
        if (base && strlen(url_answers[i][0]) == base_len &&
            !memcmp(base, url_answers[i][0], base_len) && strlen(url_answers[i][1]) == ref_len &&
            !memcmp(ref, url_answers[i][1], ref_len)) {
            *out_len = strlen(url_answers[i][2]);
            return wn_arena_strndup(a, url_answers[i][2], *out_len);
        }
    }
    size_t k = 0;
    while (k < ref_len && isalpha((unsigned char)ref[k]))
        k++;
    if (k && k < ref_len && ref[k] == ':') { /* already absolute */
        *out_len = ref_len;
        return wn_arena_strndup(a, ref, ref_len);
    }
    return NULL;
}

__attribute__((weak)) wn_status
wn_render_text(const wn_result *r, wn_buf *out)
{
    bool space = false, para = false;
    for (size_t i = 0; i < r->content.n_roots; i++) {
        wn_walk w;
        wn_node *n;
        bool e;
        wn_walk_init(&w, r->content.roots[i]);
        while (wn_walk_next(&w, &n, &e)) {
            if (n->type == WN_NODE_ELEMENT) {
                if (e && n != r->content.roots[i] && wn_render_skipped(n, r->doc->opts.flags))
                    wn_walk_skip_children(&w);
                else if (wn_render_is_block(n))
                    para = true;
                continue;
            }
            for (size_t k = 0; n->type == WN_NODE_TEXT && k < n->len; k++) {
                if (wn_render_is_space((unsigned char)n->data[k])) {
                    space = true;
                    continue;
                }
                if (out->len && para)
                    wn_buf_puts(out, "\n\n");
                else if (out->len && space)
                    wn_buf_putc(out, ' ');
                para = space = false;
                wn_buf_putc(out, n->data[k]);
            }
        }
        para = true;
    }
    return WN_OK;
}

/* ---- building a result by hand ---------------------------------------------- */

static bool
is_void(wn_tag t)
{
    switch (t) {
    case WN_TAG_AREA:
    case WN_TAG_BASE:
    case WN_TAG_BR:
    case WN_TAG_COL:
    case WN_TAG_EMBED:
    case WN_TAG_HR:
    case WN_TAG_IMG:
    case WN_TAG_INPUT:
    case WN_TAG_LINK:
    case WN_TAG_META:
    case WN_TAG_PARAM:
    case WN_TAG_SOURCE:
    case WN_TAG_TRACK:
    case WN_TAG_WBR:
        return true;
    default:
        return false;
    }
}

static uint32_t
flag_bits(const char *v, size_t n)
{
    static const struct {
        const char *name;
        uint32_t bit;
    } names[] = {
        {"boiler", WN_NF_BOILER}, {"drop", WN_NF_DROP},       {"headline", WN_NF_HEADLINE},
        {"byline", WN_NF_BYLINE}, {"caption", WN_NF_CAPTION},
    };
    uint32_t f = 0;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t k = strlen(names[i].name);
        for (size_t j = 0; j + k <= n; j++)
            if (!memcmp(v + j, names[i].name, k))
                f |= names[i].bit;
    }
    return f;
}

static wn_str
arena_str(wn_arena *a, const char *s, size_t n)
{
    wn_str r = {wn_arena_strndup(a, s, n), n};
    return r;
}

/* Metadata from <head>: title, meta author (each), meta tag (each),
 * description, date, image + image-caption, site, section; html lang. */
static void
read_meta(wn_result *r, wn_node *n)
{
    wn_arena *a = &r->doc->arena;
    wn_metadata *m = &r->meta;
    size_t len, clen;
    if (wn_node_is(n, WN_TAG_HTML)) {
        const char *lang = wn_node_attr(n, "lang", &len);
        if (lang)
            m->language = arena_str(a, lang, len);
        return;
    }
    if (!wn_node_is(n, WN_TAG_META))
        return;
    const char *name = wn_node_attr(n, "name", &len);
    const char *content = wn_node_attr(n, "content", &clen);
    if (!name || !content)
        return;
    wn_str v = arena_str(a, content, clen);
    char key[32];
    snprintf(key, sizeof key, "%.*s", (int)len, name);
    name = key;
    if (!strcmp(name, "author") || !strcmp(name, "tag")) {
        bool author = !strcmp(name, "author");
        const wn_str **list = author ? &m->authors : &m->tags;
        size_t *cnt = author ? &m->n_authors : &m->n_tags;
        wn_str *nl = wn_arena_alloc(a, (*cnt + 1) * sizeof *nl);
        if (*cnt)
            memcpy(nl, *list, *cnt * sizeof *nl);
        nl[(*cnt)++] = v;
        *list = nl;
    } else if (!strcmp(name, "description")) {
        m->description = v;
    } else if (!strcmp(name, "date")) {
        m->date_published = v;
    } else if (!strcmp(name, "modified")) {
        m->date_modified = v;
    } else if (!strcmp(name, "site")) {
        m->site_name = v;
    } else if (!strcmp(name, "section")) {
        m->section = v;
    } else if (!strcmp(name, "image")) {
        m->image_url = v;
    } else if (!strcmp(name, "image-caption")) {
        m->image_caption = v;
    } else if (!strcmp(name, "words")) {
        m->word_count = (size_t)atol(v.ptr);
    } else if (!strcmp(name, "page-type")) {
        m->page_type = (wn_page_type)atoi(v.ptr);
    }
}

/* Parse well-formed `html` into a result (a plain nesting builder over our
 * tokenizer, or with `whatwg` the real tree builder); roots are the
 * data-root elements (or <body> when there is none). */
static wn_result *
build_with(const char *html, uint32_t flags, const char *url, bool whatwg)
{
    wn_arena arena;
    wn_arena_init(&arena, NULL, 0);
    wn_doc *doc = wn_arena_calloc(&arena, 1, sizeof *doc);
    doc->arena = arena;
    wn_arena *a = &doc->arena;
    doc->opts.flags = flags;
    doc->opts.max_output = WN_DEFAULT_MAX_OUTPUT;
    if (url) {
        doc->opts.url_len = strlen(url);
        doc->opts.url = wn_arena_strndup(a, url, doc->opts.url_len);
    }
    wn_result *r = wn_arena_calloc(a, 1, sizeof *r);
    r->doc = doc;
    wn_dom *d;
    if (whatwg) {
        wn_parse_opts po = {0, 0, 0, 1};
        if (wn_tree_parse(a, html, strlen(html), &po, &d) != WN_OK)
            d = wn_dom_new(a);
    } else {
        d = wn_dom_new(a);
        size_t cap = 64, depth = 0;
        wn_node **stack = malloc(cap * sizeof *stack);
        stack[depth++] = d->root;
        wn_tokenizer *t = wn_tokenizer_new(a, html, strlen(html), 1024);
        wn_token tok;
        while (wn_tokenizer_next(t, &tok) && tok.type != WN_TOK_EOF) {
            wn_node *top = stack[depth - 1];
            if (tok.type == WN_TOK_CHARACTER) {
                if (top->last_child && top->last_child->type == WN_NODE_TEXT)
                    wn_text_append(d, top->last_child, tok.data, tok.len);
                else
                    wn_node_append(top, wn_dom_text(d, tok.data, tok.len));
            } else if (tok.type == WN_TOK_START_TAG) {
                wn_ns ns = top->type == WN_NODE_ELEMENT ? (wn_ns)top->ns : WN_NS_HTML;
                if (tok.tag == WN_TAG_SVG)
                    ns = WN_NS_SVG;
                else if (tok.tag == WN_TAG_MATH)
                    ns = WN_NS_MATHML;
                wn_node *el = wn_dom_element(d, tok.tag, ns, tok.name, tok.name_len);
                el->attrs = tok.attrs;
                el->n_attrs = tok.n_attrs;
                wn_node_append(top, el);
                if (tok.tag == WN_TAG_SCRIPT || tok.tag == WN_TAG_STYLE ||
                    tok.tag == WN_TAG_TITLE || tok.tag == WN_TAG_TEXTAREA) {
                    wn_tokenizer_set_state(t, tok.tag == WN_TAG_SCRIPT  ? WN_TOKSTATE_SCRIPT_DATA
                                              : tok.tag == WN_TAG_STYLE ? WN_TOKSTATE_RAWTEXT
                                                                        : WN_TOKSTATE_RCDATA);
                    wn_tokenizer_set_last_start_tag(t, tok.name, tok.name_len);
                }
                if (!is_void(tok.tag) && !tok.self_closing) {
                    if (depth == cap)
                        stack = realloc(stack, (cap *= 2) * sizeof *stack);
                    stack[depth++] = el;
                }
            } else if (tok.type == WN_TOK_END_TAG) {
                size_t k = depth;
                while (k > 1 && strcmp(stack[k - 1]->name, tok.name) != 0)
                    k--;
                if (k > 1)
                    depth = k - 1;
            }
        }
        free(stack);
    }
    doc->dom = d;

    /* flags, roots and metadata from the markup */
    size_t n_roots = 0;
    wn_node **roots = wn_arena_alloc(a, 4096 * sizeof *roots);
    wn_node *body = NULL, *title = NULL;
    wn_walk w;
    wn_node *el;
    bool entering;
    wn_walk_init(&w, d->root);
    while (wn_walk_next(&w, &el, &entering)) {
        if (!entering || el->type != WN_NODE_ELEMENT)
            continue;
        size_t len;
        const char *fl = wn_node_attr(el, "data-flag", &len);
        if (fl)
            el->flags |= flag_bits(fl, len);
        if (wn_node_has_attr(el, "data-root") && n_roots < 4096) {
            roots[n_roots++] = el;
            el->flags |= WN_NF_CONTENT;
        }
        if (wn_node_is(el, WN_TAG_BODY) && !body)
            body = el;
        if (wn_node_is(el, WN_TAG_TITLE) && !title)
            title = el;
        read_meta(r, el);
    }
    if (!n_roots && body)
        roots[n_roots++] = body;
    r->content.roots = roots;
    r->content.n_roots = n_roots;
    r->content.page_type = r->meta.page_type;
    if (title && title->first_child)
        r->meta.title = arena_str(a, title->first_child->data, title->first_child->len);
    return r;
}

static wn_result *
build(const char *html, uint32_t flags, const char *url)
{
    return build_with(html, flags, url, false);
}

static void
free_result(wn_result *r)
{
    wn_arena arena = r->doc->arena;
    wn_arena_free_all(&arena);
}

typedef wn_status (*render_fn)(wn_result *r, wn_buf *out);

static wn_status
md_fn(wn_result *r, wn_buf *out)
{
    return wn_render_markdown(r, out);
}

static wn_status
html_fn(wn_result *r, wn_buf *out)
{
    return wn_render_html(r, out);
}

/* Render `html` (roots marked or body) and return a malloc'd copy. */
static char *
render_with(render_fn fn, const char *html, uint32_t flags, const char *url, bool whatwg)
{
    wn_result *r = build_with(html, flags, url, whatwg);
    wn_buf b;
    wn_buf_init(&b, &r->doc->arena, 0);
    wn_status st = fn(r, &b);
    char *s = NULL;
    if (st == WN_OK) {
        s = malloc(b.len + 1);
        if (b.len)
            memcpy(s, b.ptr, b.len);
        s[b.len] = '\0';
    }
    free_result(r);
    return s;
}

static char *
render(render_fn fn, const char *html, uint32_t flags, const char *url)
{
    return render_with(fn, html, flags, url, false);
}

__attribute__((unused)) static char *
md(const char *html, uint32_t flags)
{
    return render(md_fn, html, flags, "https://example.org/news/story.html");
}

#define CHECK_MD(html, flags, expected)                                                            \
    do {                                                                                           \
        char *got_ = md(html, flags);                                                              \
        CHECK_EQ_STR(got_, expected);                                                              \
        free(got_);                                                                                \
    } while (0)

#define CHECK_HTML(html, flags, expected)                                                          \
    do {                                                                                           \
        char *got_ = render(html_fn, html, flags, "https://example.org/news/story.html");          \
        CHECK_EQ_STR(got_, expected);                                                              \
        free(got_);                                                                                \
    } while (0)

/* ---- Markdown ---------------------------------------------------------------- */

#define LI (WN_OPT_LINKS | WN_OPT_IMAGES)

TEST(md_paragraphs_and_inline)
{
    CHECK_MD("<body><p>a  b\n c</p><div>d <em>e </em>f</div></body>", 0, "a b c\n\nd *e* f");
    CHECK_MD("<body><p><strong> bold </strong>x<em></em>y</p></body>", 0, "**bold** xy");
    CHECK_MD("<body><p>one<br>two<br></p></body>", 0, "one\\\ntwo");
    CHECK_MD("<body><p><em>a <em>nested</em> b</em></p></body>", 0, "*a nested b*");
    CHECK_MD("<body><p>x<s>gone</s> <del>old</del></p></body>", 0, "x~~gone~~ ~~old~~");
    /* marks around blocks close at the end of each block and open again */
    CHECK_MD("<body><strong><h2>H</h2><p>a <em>b</em></p></strong><p>c</p></body>", 0,
             "## **H**\n\n**a *b***\n\nc");
    CHECK_MD("<body><p><strong>a&#160;</strong><strong>b</strong> <b>[</b><b>c</b></p></body>", 0,
             "**a** **b** **\\[c**");
    CHECK_MD("<body><a href=\"x\"><p>one</p><p>two</p></a></body>", WN_OPT_LINKS,
             "[one](https://example.org/news/x)\n\n[two](https://example.org/news/x)");
    CHECK_MD("<body><h3>Head <em>ing</em></h3><h6>C #</h6><p>t</p></body>", 0,
             "### Head *ing*\n\n###### C \\#\n\nt");
}

TEST(md_escapes)
{
    CHECK_MD("<body><p>*a* _b_ [c] `d` &lt;e&gt; \\ f|g &amp;amp; &amp; h</p></body>", 0,
             "\\*a\\* \\_b\\_ \\[c\\] \\`d\\` \\<e> \\\\ f|g \\&amp; & h");
    CHECK_MD("<body><p># not a heading</p><p>- not a list</p><p>+ no</p><p>1. no</p>"
             "<p>2) no</p><p>&gt; no quote</p><p>~~~ no fence</p><p>=</p></body>",
             0,
             "\\# not a heading\n\n\\- not a list\n\n\\+ no\n\n1\\. no\n\n2\\) no\n\n"
             "\\> no quote\n\n\\~\\~\\~ no fence\n\n\\=");
    CHECK_MD("<body><p>a<br>- b<br>12. c</p></body>", 0, "a\\\n\\- b\\\n12\\. c");
    CHECK_MD("<body><p><s>struck</s> at the start</p></body>", 0, "~~struck~~ at the start");
    /* emphasis that CommonMark could not open or close is left out */
    CHECK_MD("<body><p>review<em>.</em> Then <em>(CNN)</em>President, <b>\"</b>Quote "
             "<em>(ok)</em> end.</p></body>",
             0, "review. Then (CNN)President, \"Quote *(ok)* end.");
    CHECK_MD("<body><p><em>very </em><strong><em>tannic</em></strong><em>. Now</em> "
             "<b>x.&#8239;</b>You <b>(<b>a</b></b><b>)</b>b</p></body>",
             0, "*very* ***tannic***. Now **x.** You (a)b");
    CHECK_MD("<body><p>a ~b~ <code>U+00DF</code><code>0x`C3</code> <code>x</code></p></body>", 0,
             "a \\~b\\~ ``U+00DF0x`C3`` `x`");
}

TEST(md_code)
{
    CHECK_MD("<body><p>use <code>a`b</code> or <code>`x`</code> <code> </code>.</p></body>", 0,
             "use ``a`b`` or `` `x` `` .");
    CHECK_MD("<body><pre>  two\n\tand tab\n\n  end\n</pre></body>", 0,
             "```\n  two\n\tand tab\n\n  end\n```");
    CHECK_MD("<body><pre class=\"lang-c\">x ``` y</pre></body>", 0, "````c\nx ``` y\n````");
    CHECK_MD("<body><pre><code class=\"language-rust\">fn main() {}</code></pre></body>", 0,
             "```rust\nfn main() {}\n```");
    CHECK_MD("<body><pre>   \n</pre><p>after</p></body>", 0, "after");
}

TEST(md_lists)
{
    CHECK_MD("<body><ul><li>a</li><li>b<ul><li>c</li></ul></li></ul></body>", 0, "- a\n- b\n  - c");
    CHECK_MD("<body><ol start=\"9\"><li>nine</li><li>ten<ol><li>x</li></ol></li><li>11</li>"
             "</ol></body>",
             0, "9. nine\n10. ten\n    1. x\n11. 11");
    CHECK_MD("<body><ul><li><p>p1</p><p>p2</p></li><li>q</li></ul></body>", 0, "- p1\n\n  p2\n- q");
    CHECK_MD("<body><ul><li><ul><li>deep</li></ul></li></ul></body>", 0, "- - deep");
    CHECK_MD("<body><ul><li>a</li></ul><ul><li>b</li></ul></body>", 0, "- a\n\n* b");
    CHECK_MD("<body><ol><li>Home</li> &gt; <li>News</li></ol></body>", 0,
             "1. Home\n\n\\>\n\n2. News");
    CHECK_MD("<body><ul><li>code<pre>x\n  y</pre></li></ul></body>", 0,
             "- code\n\n  ```\n  x\n    y\n  ```");
    CHECK_MD("<body><ul><li></li><li data-flag=\"boiler\">ad</li><li>b</li></ul></body>", 0, "- b");
}

TEST(md_blockquote)
{
    CHECK_MD("<body><p>x</p><blockquote><p>a</p><p>b</p><blockquote>c</blockquote></blockquote>"
             "<p>y</p></body>",
             0, "x\n\n> a\n>\n> b\n>\n> > c\n\ny");
    CHECK_MD("<body><blockquote><ul><li>a</li><li>b</li></ul></blockquote></body>", 0,
             "> - a\n> - b");
}

TEST(md_links_images)
{
    const char *page = "<body><p><a href=\"x\">link</a> <img src=\"/img/lead.jpg\" alt=\"a]b\">"
                       " <a href=\"javascript:alert(1)\">bad</a> <a href=\"x\"></a>"
                       "<a href=\"/wiki/Foo_(bar)\">paren</a></p></body>";
    CHECK_MD(page, 0, "link bad paren");
    CHECK_MD(page, WN_OPT_LINKS,
             "[link](https://example.org/news/x) bad "
             "[paren](https://example.org/wiki/Foo_\\(bar\\))");
    CHECK_MD(page, LI,
             "[link](https://example.org/news/x) "
             "![a\\]b](https://example.org/img/lead.jpg) bad "
             "[paren](https://example.org/wiki/Foo_\\(bar\\))");
    CHECK_MD("<body><p><a href=\"x\"><img src=\"chart.png\" alt=\"c\"></a></p></body>", LI,
             "[![c](https://example.org/news/chart.png)](https://example.org/news/x)");
    CHECK_MD("<body><p><img src=\"pics/a b.png\" alt=\"\"></p></body>", LI,
             "![](https://example.org/news/pics/a%20b.png)");
    /* lazy images: the real URL is in data-src when src is a placeholder */
    CHECK_MD("<body><p><img src=\"data:image/gif;base64,R0lGOD\" data-src=\"chart.png\" "
             "alt=\"z\"></p></body>",
             LI, "![z](https://example.org/news/chart.png)");
    CHECK_MD("<body><p><img src=\"data:x\" data-src=\"chart.png\" alt=\"z\"><noscript>"
             "<img src=\"chart.png\" alt=\"z\"></noscript></p></body>",
             LI, "![z](https://example.org/news/chart.png)");
}

TEST(md_figures_and_captions)
{
    const char *page = "<body><figure><img src=\"chart.png\" alt=\"c\"><figcaption>The "
                       "<em>caption</em></figcaption></figure><p>after</p>"
                       "<div data-flag=\"caption\">flagged caption</div></body>";
    CHECK_MD(page, WN_OPT_IMAGES,
             "![c](https://example.org/news/chart.png)\n\n*The caption*\n\n"
             "after\n\n*flagged caption*");
    CHECK_MD(page, WN_OPT_IMAGES | WN_OPT_NO_CAPTIONS,
             "![c](https://example.org/news/chart.png)\n\nafter");
    CHECK_MD(page, 0, "*The caption*\n\nafter\n\n*flagged caption*");
}

TEST(md_tables)
{
    CHECK_MD("<body><table><tr><td>a</td><td>b|c</td></tr><tr><td colspan=\"2\">wide</td></tr>"
             "</table></body>",
             0, "| a | b\\|c |\n| --- | --- |\n| wide |  |");
    /* rowspan: the spanned cell is an empty cell below */
    CHECK_MD("<body><table><tr><th rowspan=\"3\">r</th><th>x</th></tr><tr><td>y</td></tr>"
             "<tr><td>z</td></tr></table></body>",
             0, "| r | x |\n| --- | --- |\n|  | y |\n|  | z |");
    /* ragged rows are padded; cell content is one line */
    CHECK_MD("<body><table><tr><td>a</td><td>b</td><td>c</td></tr><tr><td><p>p1</p><p>p2</p>"
             "</td><td>l1<br>l2</td></tr></table></body>",
             0, "| a | b | c |\n| --- | --- | --- |\n| p1 p2 | l1<br>l2 |  |");
    CHECK_MD("<body><table><tr><td><code>x|y</code></td><td><ul><li>i</li><li>j</li></ul></td>"
             "</tr></table></body>",
             0, "| `x\\|y` | i j |\n| --- | --- |");
    /* layout tables (one column, or tables in tables) are read as blocks */
    CHECK_MD("<body><table><tr><td><p>one</p></td></tr><tr><td>two</td></tr></table></body>", 0,
             "one\n\ntwo");
    CHECK_MD("<body><table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td><td>side"
             "</td></tr></table></body>",
             0, "| a | b |\n| --- | --- |\n\nside");
    CHECK_MD("<body><p>x</p><table><tr><td>a</td><td>b</td></tr></table><p>y</p></body>",
             WN_OPT_NO_TABLES, "x\n\ny");
    CHECK_MD("<body><table><caption>Cap</caption><tr><td>a</td><td>b</td></tr></table></body>", 0,
             "*Cap*\n\n| a | b |\n| --- | --- |");
    CHECK_MD("<body><p>x</p><table><tr><td></td><td> </td></tr><tr><td>a</td><td></td></tr>"
             "<tr><td><img src=\"chart.png\"></td><td></td></tr></table><table><tr><td></td><td>"
             "</td></tr></table></body>",
             0, "x\n\n| a |  |\n| --- | --- |");
    CHECK_MD("<body><table><caption>Cap</caption><tr><td>a</td><td>b</td></tr></table></body>",
             WN_OPT_NO_CAPTIONS, "| a | b |\n| --- | --- |");
}

TEST(md_flags_and_roots)
{
    const char *page =
        "<body><p>out</p><div data-root><h1 data-flag=\"headline\">Head</h1><p data-flag="
        "\"byline\">By X</p><p>in <span data-flag=\"boiler\">share</span>one</p>"
        "<script>var x;</script><style>p{}</style><svg><text>t</text></svg></div>"
        "<p>out</p><section data-root><p>two</p></section></body>";
    CHECK_MD(page, 0, "in one\n\ntwo");
    CHECK_MD("<html><head><title>T *x*</title></head><body><p>b</p></body></html>", 0,
             "# T \\*x\\*\n\nb");
    CHECK_MD("<body><p>a</p><hr><p>b</p><dl><dt>term</dt><dd>def</dd></dl></body>", 0,
             "a\n\n* * *\n\nb\n\n**term**\n\ndef");
}

/* ---- HTML ------------------------------------------------------------------- */

/* formulas: TeX between $ (Markdown) or in a math span between \( \)
 * (HTML), escaped there; a pipe inside a table cell escaped for GFM */
TEST(md_html_math)
{
    /* ruby's readings are no text of their own */
    CHECK_MD("<body><p>a<ruby>KAN<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>b</p></body>", 0, "aKANb");
    CHECK_MD("<body><p>So <math><msup><mi>x</mi><mn>2</mn></msup></math> and "
             "<math display=block><mi>y</mi></math>.</p></body>",
             0, "So ${x}^{2}$ and $$y$$.");
    CHECK_MD("<body><table><tr><th>f</th><th>g</th></tr><tr><td><math><mo>|</mo><mi>x</mi>"
             "<mo>|</mo></math></td><td>1</td></tr></table></body>",
             0, "| f | g |\n| --- | --- |\n| $\\|x\\|$ | 1 |");
    CHECK_HTML("<body><p>So <math><semantics><mi>x</mi><annotation encoding='application/x-tex'>"
               "x&lt;script&gt;</annotation></semantics></math> and <img alt='{\\displaystyle "
               "a&amp;b}' src=f.png>.</p></body>",
               0,
               "<article>\n<p>So <span class=\"math inline\">\\(x&lt;script&gt;\\)</span> "
               "and <span class=\"math inline\">\\(a&amp;b\\)</span>.</p>\n</article>");
}

TEST(html_structure)
{
    CHECK_HTML("<body><div>a</div><div>b <span>c</span></div></body>", 0,
               "<article>\n<p>a</p>\n<p>b c</p>\n</article>");
    CHECK_HTML("<body><ul><li><div>a</div><div>b</div></li></ul></body>", 0,
               "<article>\n<ul>\n<li>a<br>b</li>\n</ul>\n</article>");
    CHECK_HTML("<body><p>x<br>y</p><hr><pre class=\"lang-c\"> a\n  b</pre></body>", 0,
               "<article>\n<p>x<br>y</p>\n<hr>\n<pre class=\"language-c\"> a\n  b</pre>\n"
               "</article>");
    CHECK_HTML("<body><p><a href=\"x\">l</a> <img src=\"chart.png\" alt=\"c\"></p></body>", 0,
               "<article>\n<p>l</p>\n</article>");
    CHECK_HTML("<body><p><a href=\"x\">l</a> <img src=\"chart.png\" alt=\"c\"></p></body>", LI,
               "<article>\n<p><a href=\"https://example.org/news/x\">l</a> <img src=\""
               "https://example.org/news/chart.png\" alt=\"c\"></p>\n</article>");
    CHECK_HTML("<body><td>cell</td><li>item</li></body>", 0,
               "<article>\n<p>cell</p>\n<p>item</p>\n</article>");
    CHECK_HTML("<body><table><tr><td>a</td></tr></table><figure><figcaption>c</figcaption>"
               "</figure></body>",
               WN_OPT_NO_TABLES | WN_OPT_NO_CAPTIONS, "<article>\n</article>");
    CHECK_HTML("<body><p>a<i> </i><b></b></p><p> </p><blockquote><p><em>x</em></p></blockquote>"
               "<table><tr><td></td></tr></table></body>",
               0,
               "<article>\n<p>a </p>\n<blockquote>\n<p><em>x</em></p>\n</blockquote>\n<table>\n"
               "<tr>\n<td></td>\n</tr>\n</table>\n</article>");
    CHECK_HTML("<html><head><title>A &amp; B</title></head><body><p data-flag=\"headline\">"
               "A</p><p>t</p></body></html>",
               0, "<article>\n<h1>A &amp; B</h1>\n<p>t</p>\n</article>");
}

/* The output of the HTML renderer, re-tokenized: only allowed elements and
 * attributes, URLs only http(s)/mailto. */
static bool
html_is_clean(const char *out, char *why, size_t why_len)
{
    static const char *const allowed =
        " p h1 h2 h3 h4 h5 h6 ul ol li dl dt dd blockquote pre code em strong b i u s sub sup br "
        "hr table thead tbody tfoot tr th td caption figure figcaption img a q cite abbr time mark "
        "small article span ";
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_tokenizer *t = wn_tokenizer_new(&a, out, strlen(out), 1024);
    wn_token tok;
    bool ok = true;
    while (ok && wn_tokenizer_next(t, &tok) && tok.type != WN_TOK_EOF) {
        if (tok.type == WN_TOK_COMMENT || tok.type == WN_TOK_DOCTYPE) {
            snprintf(why, why_len, "comment or doctype");
            ok = false;
        }
        if (tok.type != WN_TOK_START_TAG)
            continue;
        char name[40];
        snprintf(name, sizeof name, " %.*s ", (int)tok.name_len, tok.name);
        if (!strstr(allowed, name)) {
            snprintf(why, why_len, "element <%s>", tok.name);
            ok = false;
        }
        for (uint32_t i = 0; ok && i < tok.n_attrs; i++) {
            const wn_attr *at = &tok.attrs[i];
            char an[40];
            snprintf(an, sizeof an, "%.*s", (int)at->name_len, at->name);
            bool good =
                (!strcmp(an, "href") && tok.tag == WN_TAG_A) ||
                (tok.tag == WN_TAG_IMG && (!strcmp(an, "src") || !strcmp(an, "alt") ||
                                           !strcmp(an, "width") || !strcmp(an, "height"))) ||
                ((tok.tag == WN_TAG_TD || tok.tag == WN_TAG_TH) &&
                 (!strcmp(an, "colspan") || !strcmp(an, "rowspan"))) ||
                (tok.tag == WN_TAG_OL && !strcmp(an, "start")) ||
                (tok.tag == WN_TAG_TIME && !strcmp(an, "datetime")) ||
                ((tok.tag == WN_TAG_CODE || tok.tag == WN_TAG_PRE) && !strcmp(an, "class") &&
                 !strncmp(at->value, "language-", 9)) ||
                (tok.tag == WN_TAG_SPAN && !strcmp(an, "class") &&
                 ((at->value_len == 11 && !strncmp(at->value, "math inline", 11)) ||
                  (at->value_len == 12 && !strncmp(at->value, "math display", 12))));
            if (good && (!strcmp(an, "href") || !strcmp(an, "src")))
                good = !strncmp(at->value, "https://", 8) || !strncmp(at->value, "http://", 7) ||
                       (!strcmp(an, "href") && !strncmp(at->value, "mailto:", 7));
            if (!good) {
                snprintf(why, why_len, "attribute %s=\"%s\" on <%s>", an, at->value, tok.name);
                ok = false;
            }
        }
    }
    wn_arena_free_all(&a);
    return ok;
}

static bool
contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = hay; *p; p++)
        if (!strncasecmp(p, needle, n))
            return true;
    return false;
}

/* " on<letters>=" inside a tag, outside quoted attribute values (an event
 * handler attribute; escaped text and values cannot be one). */
static bool
has_handler(const char *s)
{
    bool in_tag = false;
    char quote = 0;
    for (const char *p = s; *p; p++) {
        if (quote) {
            if (*p == quote)
                quote = 0;
            continue;
        }
        if (*p == '<')
            in_tag = true;
        else if (*p == '>')
            in_tag = false;
        else if (in_tag && (*p == '"' || *p == '\''))
            quote = *p;
        if (!in_tag || !isspace((unsigned char)p[0]) || strncasecmp(p + 1, "on", 2))
            continue;
        const char *q = p + 3;
        while (isalpha((unsigned char)*q))
            q++;
        if (q > p + 3 && *q == '=')
            return true;
    }
    return false;
}

static void
check_safe(const char *html, const char *label)
{
    /* both tree builders: the WHATWG one is what mutation XSS aims at */
    for (int variant = 0; variant < 4; variant++) {
        uint32_t flags = variant & 1 ? LI : 0;
        char *out =
            render_with(html_fn, html, flags, "https://example.org/news/story.html", variant >= 2);
        CHECK(out != NULL);
        if (!out)
            continue;
        char why[200] = "";
        bool clean = html_is_clean(out, why, sizeof why);
        static const char *const bad[] = {
            "<script", "javascript:", "vbscript:", "data:",      "<base",   "<svg",
            "<math",   "style=",      "srcset",    "formaction", "<iframe", "<object",
            "<embed",  "<style",      "<noscript", "<form",      "<input"};
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            if (contains_ci(out, bad[i])) {
                snprintf(why, sizeof why, "contains %s", bad[i]);
                clean = false;
            }
        }
        if (has_handler(out)) {
            snprintf(why, sizeof why, "has an on*= handler");
            clean = false;
        }
        CHECK(clean);
        if (!clean)
            fprintf(stderr, "  unsafe (%s) for %s:\n%s\n", why, label, out);
        free(out);
    }
}

TEST(html_xss)
{
    static const char *const payloads[] = {
        "<p onclick=alert(1) onmouseover='alert(1)' style='x'>t</p>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"  JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"java&#x0A;script:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;script&#58;alert(1)\">x</a>",
        "<a href=\"\x01javascript:alert(1)\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<a href=\"DATA:text/html;base64,PHNjcmlwdD4=\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<img src=\"javascript:alert(1)\">",
        "<img src=x onerror=alert(1)>",
        "<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">",
        "<img srcset=\"javascript:alert(1) 1x\">",
        "<img src=\"x\" srcset=\"javascript:alert(1)\">",
        "<img src=\"mailto:a@b\">",
        "<svg onload=alert(1)><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph>"
        "</table></mtext></math>",
        "<math href=\"javascript:alert(1)\">x</math>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">t</p></noscript>",
        "<base href=\"javascript:alert(1)//\"><a href=\"x\">x</a>",
        "<base href=\"data:text/html,x\"><a href=\"x\">x</a>",
        "<script>alert(1)</script><style>*{x:expression(alert(1))}</style>",
        "<iframe src=\"javascript:alert(1)\"></iframe><iframe srcdoc=\"<script>x</script>\">",
        "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">b"
        "</button><input onfocus=alert(1) autofocus></form>",
        "<p title='\" onmouseover=\"alert(1)'>t</p>",
        "<p>\"><script>alert(1)</script></p>",
        "<p>&lt;img src=x onerror=alert(1)&gt;</p>",
        "<time datetime='\"><svg onload=alert(1)>'>t</time>",
        "<td colspan='1\" onclick=\"alert(1)'>x</td>",
        "<pre class='language-x\" onclick=\"alert(1)'>x</pre>",
        "<code class='lang-\"><script>'>x</code>",
        "<a href=\"https://ok.example/\" onclick=\"alert(1)\" style=\"x\" target=_blank>ok</a>",
        "<div style=\"background:url(javascript:alert(1))\">t</div>",
        "<textarea></textarea><img src=x onerror=alert(1)>",
        "<xmp></xmp><img src=x onerror=alert(1)></xmp>",
        "<table><tr><td><a href=javascript:alert(1)>t</a></td></tr></table>",
        "<link rel=stylesheet href=\"javascript:alert(1)\"><meta http-equiv=refresh "
        "content=\"0;url=javascript:alert(1)\">",
        "<a href=\"https://ok.example/\x0bjavascript:\">v</a>",
        "<video><source onerror=alert(1)></video><audio src=x onerror=alert(1)>",
        "<details open ontoggle=alert(1)><summary>s</summary>d</details>",
        "<isindex action=javascript:alert(1) type=image>",
        "<a href=\"//evil.example/%0ajavascript:alert(1)\">x</a>",
    };
    for (size_t i = 0; i < sizeof payloads / sizeof payloads[0]; i++) {
        char page[1024];
        snprintf(page, sizeof page, "<body>%s</body>", payloads[i]);
        check_safe(page, payloads[i]);
    }
    char *page = harness_read_file("corpus/render/render_xss.html", NULL);
    CHECK(page != NULL);
    if (page)
        check_safe(page, "corpus/render/render_xss.html");
    free(page);
}

TEST(html_deep_tree)
{
    /* 100,000 nested elements: no recursion, and the renderers finish */
    size_t depth = 100000;
    char *html = malloc(depth * 13 + 64);
    char *p = html;
    p += sprintf(p, "<body>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, i % 3 ? "<div>" : i % 2 ? "<ul><li>" : "<blockquote>");
    p += sprintf(p, "deep</body>");
    char *a = render(html_fn, html, 0, NULL);
    CHECK(a && strstr(a, "deep"));
    char *b = render(md_fn, html, 0, NULL);
    CHECK(b && strstr(b, "deep"));
    free(a);
    free(b);
    free(html);
}

/* ---- JSON -------------------------------------------------------------------- */

static char *
json_of(const char *html, uint32_t flags, const char *url)
{
    wn_result *r = build(html, flags, url);
    wn_buf b;
    wn_buf_init(&b, &r->doc->arena, 0);
    wn_status st = wn_render_json(r, &b);
    char *s = NULL;
    if (st == WN_OK) {
        s = malloc(b.len + 1);
        memcpy(s, b.ptr, b.len);
        s[b.len] = '\0';
    }
    /* the text rendering is now cached in the result */
    CHECK(r->rendered[WN_FORMAT_TEXT].ptr != NULL);
    CHECK(((flags & WN_OPT_MARKDOWN_IN_JSON) != 0) ==
          (r->rendered[WN_FORMAT_MARKDOWN].ptr != NULL));
    free_result(r);
    return s;
}

TEST(json_keys_and_nulls)
{
    char *j = json_of("<body><p>hello</p></body>", 0, NULL);
    CHECK_EQ_STR(j, "{\"url\":null,\"title\":null,\"authors\":[],\"date_published\":null,"
                    "\"date_modified\":null,\"site_name\":null,\"section\":null,\"tags\":[],"
                    "\"description\":null,\"language\":null,\"image\":null,\"page_type\":"
                    "\"article\",\"text\":\"hello\",\"word_count\":0}");
    free(j);
    j = json_of("<html><head><meta name=\"author\" content=\"\"><meta name=\"author\" "
                "content=\"A\"><meta name=\"image\" content=\"https://x/i.png\"><meta "
                "name=\"page-type\" content=\"1\"></head><body><p>q</p></body></html>",
                WN_OPT_MARKDOWN_IN_JSON, "https://example.org/news/story.html");
    CHECK_EQ_STR(j, "{\"url\":\"https://example.org/news/story.html\",\"title\":null,"
                    "\"authors\":[\"A\"],\"date_published\":null,\"date_modified\":null,"
                    "\"site_name\":null,\"section\":null,\"tags\":[],\"description\":null,"
                    "\"language\":null,\"image\":{\"url\":\"https://x/i.png\",\"caption\":null},"
                    "\"page_type\":\"forum\",\"text\":\"q\",\"markdown\":\"q\",\"word_count\":0}");
    free(j);
}

TEST(json_string_escaping)
{
    wn_buf b;
    wn_buf_init(&b, NULL, 0);
    const char s[] =
        "a\"b\\c\n\t\r\x01\x1f\x7f \xe2\x80\xa8\xe2\x80\xa9 \xc3\xa9 \xff \xed\xa0\x80 "
        "\xf0\x9f\x98\x80 \xe2\x82";
    wn_render_json_string(&b, s, sizeof s - 1);
    wn_buf_cstr(&b);
    CHECK_EQ_STR(b.ptr, "\"a\\\"b\\\\c\\n\\t\\r\\u0001\\u001f\\u007f \\u2028\\u2029 \xc3\xa9 "
                        "\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd \xf0\x9f\x98\x80 "
                        "\xef\xbf\xbd\xef\xbf\xbd\"");
    b.len = 0;
    wn_render_json_string(&b, "", 0);
    wn_render_json_string(&b, NULL, 3);
    wn_buf_cstr(&b);
    CHECK_EQ_STR(b.ptr, "nullnull");
    wn_buf_free(&b);
}

/* ---- limits ------------------------------------------------------------------ */

TEST(output_limit)
{
    wn_result *r = build("<body><p>some words that do not fit</p><table><tr><td>a</td><td>b</td>"
                         "</tr></table></body>",
                         LI, NULL);
    for (size_t limit = 1; limit < 45; limit += 4) {
        wn_buf b;
        wn_buf_init(&b, &r->doc->arena, limit);
        CHECK_EQ_INT(wn_render_markdown(r, &b), WN_ERR_LIMIT);
        wn_buf_init(&b, &r->doc->arena, limit);
        CHECK_EQ_INT(wn_render_html(r, &b), WN_ERR_LIMIT);
        wn_buf_init(&b, &r->doc->arena, limit);
        CHECK_EQ_INT(wn_render_json(r, &b), WN_ERR_LIMIT);
    }
    free_result(r);
}

/* ---- random markup ------------------------------------------------------------ */

/* Token soup through the WHATWG tree builder and every renderer with random
 * options: no crash (ASan), HTML clean, JSON parses, Markdown ends without
 * a dangling line prefix. */
TEST(random_markup)
{
    static const char *const pieces[] = {
        "<p>",
        "</p>",
        "<div>",
        "</div>",
        "<ul>",
        "<li>",
        "</li>",
        "</ul>",
        "<ol start=3>",
        "</ol>",
        "<table>",
        "<tr>",
        "<td colspan=2>",
        "<th rowspan=3>",
        "</td>",
        "</tr>",
        "</table>",
        "<pre class=language-c>",
        "</pre>",
        "<code>",
        "</code>",
        "<em>",
        "</em>",
        "<strong>",
        "</strong>",
        "<a href=x>",
        "<a href='javascript:alert(1)'>",
        "</a>",
        "<img src=chart.png alt='a]b'>",
        "<img src=x onerror=alert(1)>",
        "<br>",
        "<hr>",
        "<blockquote>",
        "</blockquote>",
        "<h2>",
        "</h2>",
        "<figure>",
        "<figcaption>",
        "</figcaption>",
        "</figure>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript>",
        "</noscript>",
        "<script>x</script>",
        "<style>y</style>",
        "<s>",
        "</s>",
        "<dl><dt>",
        "<dd>",
        "</dl>",
        "<caption>",
        "text ",
        "* _ ` [ ] | # - + > ~ < & \\ ",
        "1. ",
        "\n",
        "  ",
        "\xc2\xa0",
        "\xe2\x80\xa8",
        "\t",
        "<span data-flag=boiler>",
        "</span>",
        "<base href='javascript:x'>",
        "<textarea>",
        "</textarea>",
        "<xmp>",
        "</xmp>",
        "<p title='\" onclick=x'>",
        "``",
        "***",
        "<template>",
        "</template>",
        "<select><option>o</select>",
        "<table><td>",
        "<form>",
        "</form>",
        "<b>",
        "</b>",
        "<i>",
        "</i>",
        "(",
        ")",
        ".",
        "word",
        "<p data-flag=caption>",
        "\x01",
        "\xff",
    };
    static const uint32_t opt_bits[] = {WN_OPT_LINKS, WN_OPT_IMAGES, WN_OPT_NO_TABLES,
                                        WN_OPT_NO_CAPTIONS, WN_OPT_MARKDOWN_IN_JSON};
    const size_t n_pieces = sizeof pieces / sizeof pieces[0];
    unsigned long long seed = 0x9E3779B97F4A7C15ull;
    char page[8192];
    for (int iter = 0; iter < 400; iter++) {
        size_t len = (size_t)snprintf(page, sizeof page, "<body>");
        int count = 10 + (int)(seed % 90);
        for (int k = 0; k < count; k++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            const char *piece = pieces[(seed >> 33) % n_pieces];
            size_t pl = strlen(piece);
            if (len + pl + 1 >= sizeof page)
                break;
            memcpy(page + len, piece, pl);
            len += pl;
        }
        page[len] = '\0';
        uint32_t flags = 0;
        for (size_t b = 0; b < 5; b++)
            if ((seed >> (40 + b)) & 1)
                flags |= opt_bits[b];
        wn_result *r = build_with(page, flags, "https://example.org/news/story.html", true);
        wn_buf b;
        wn_buf_init(&b, &r->doc->arena, 0);
        CHECK_EQ_INT(wn_render_html(r, &b), WN_OK);
        const char *html = wn_buf_cstr(&b);
        char why[200] = "";
        bool clean = html && html_is_clean(html, why, sizeof why) && !has_handler(html);
        CHECK(clean);
        if (!clean)
            fprintf(stderr, "  unclean (%s) for %s\n", why, page);
        wn_buf_init(&b, &r->doc->arena, 0);
        CHECK_EQ_INT(wn_render_markdown(r, &b), WN_OK);
        const char *md_out = wn_buf_cstr(&b);
        CHECK(!md_out || b.len == 0 || (md_out[b.len - 1] != '\n' && md_out[0] != '\n'));
        wn_buf_init(&b, &r->doc->arena, 0);
        CHECK_EQ_INT(wn_render_json(r, &b), WN_OK);
        json j;
        bool parsed = b.len && json_parse(b.ptr, b.len, &j);
        CHECK(parsed);
        if (parsed) {
            CHECK(j.type == JSON_OBJ && json_get(&j, "text") && json_get(&j, "word_count"));
            CHECK((json_get(&j, "markdown") != NULL) == ((flags & WN_OPT_MARKDOWN_IN_JSON) != 0));
            json_free(&j);
        }
        free_result(r);
    }
}

/* ---- golden pages ------------------------------------------------------------ */

typedef struct golden_case {
    const char *page; /* tests/corpus/render/<page>.html */
    const char *name; /* tests/corpus/render/<name>.expected.{md,html,json} */
    uint32_t flags;
    const char *url;
} golden_case;

static const golden_case goldens[] = {
    {"render_structure", "render_structure", LI, "https://example.org/news/story.html"},
    {"render_structure", "render_structure.plain", WN_OPT_NO_CAPTIONS | WN_OPT_MARKDOWN_IN_JSON,
     NULL},
    {"render_xss", "render_xss", LI, "https://example.org/news/story.html"},
    {"render_math", "render_math", 0, "https://example.org/news/story.html"},
};

static void
check_golden(const golden_case *g, const char *ext, const char *got)
{
    char path[256];
    snprintf(path, sizeof path, "corpus/render/%s.expected.%s", g->name, ext);
    if (getenv("WN_UPDATE_GOLDEN")) {
        FILE *f = fopen(path, "wb");
        if (f) {
            fputs(got, f);
            fputc('\n', f);
            fclose(f);
        }
        return;
    }
    size_t len;
    char *want = harness_read_file(path, &len);
    CHECK(want != NULL);
    if (!want)
        return;
    if (len && want[len - 1] == '\n') /* the files end with a newline; outputs do not */
        want[--len] = '\0';
    CHECK_EQ_STR(got, want);
    free(want);
}

TEST(golden)
{
    for (size_t i = 0; i < sizeof goldens / sizeof goldens[0]; i++) {
        const golden_case *g = &goldens[i];
        char path[256];
        snprintf(path, sizeof path, "corpus/render/%s.html", g->page);
        char *html = harness_read_file(path, NULL);
        CHECK(html != NULL);
        if (!html)
            continue;
        char *out = render(md_fn, html, g->flags, g->url);
        check_golden(g, "md", out ? out : "(failed)");
        free(out);
        /* the same page through the WHATWG tree builder reads the same
         * (not the XSS page: an <img> leaves <svg> there, by design) */
        if (!strstr(g->page, "xss")) {
            out = render_with(md_fn, html, g->flags, g->url, true);
            check_golden(g, "md", out ? out : "(failed)");
            free(out);
        }
        out = render(html_fn, html, g->flags, g->url);
        check_golden(g, "html", out ? out : "(failed)");
        free(out);
        out = json_of(html, g->flags, g->url);
        check_golden(g, "json", out ? out : "(failed)");
        free(out);
        free(html);
    }
}

/* With WN_JSON_DUMP=dir: write the JSON of hostile strings to files in that directory for
 * tests/test_render_json.sh to check with Python's parser. */
static void
dump_json(const char *dir)
{
    static const char *const pages[] = {
        "<html><head><title>ctl \x01\x02\x1f \x7f tab\tnl\n</title></head><body><p>"
        "\xe2\x80\xa8 line \xe2\x80\xa9 para \\ \"q\" </script> \xff\xfe bad</p></body></html>",
        "<html><head><meta name=\"author\" content=\"\xed\xa0\x80 surrogate\">"
        "<meta name=\"tag\" content=\"\xf0\x9f\x98\x80\"><meta name=\"image\" "
        "content=\"https://x/\\\"\"></head><body><pre>\x0b\x0c</pre></body></html>",
        "<body></body>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        char *j = json_of(pages[i], WN_OPT_MARKDOWN_IN_JSON, NULL);
        char path[512];
        snprintf(path, sizeof path, "%s/hostile%zu.json", dir, i);
        FILE *f = fopen(path, "wb");
        if (f && j)
            fputs(j, f);
        if (f)
            fclose(f);
        free(j);
    }
}

int
main(void)
{
    if (getenv("WN_HTML_DUMP")) { /* debugging: the WHATWG-parsed page as HTML */
        char *page = harness_read_file(getenv("WN_HTML_DUMP"), NULL);
        char *out = page ? render_with(html_fn, page, LI, NULL, true) : NULL;
        printf("%s\n", out ? out : "(failed)");
        free(out);
        free(page);
        return 0;
    }
    if (getenv("WN_JSON_DUMP")) {
        dump_json(getenv("WN_JSON_DUMP"));
        return 0;
    }
    RUN(md_paragraphs_and_inline);
    RUN(md_escapes);
    RUN(md_code);
    RUN(md_lists);
    RUN(md_blockquote);
    RUN(md_links_images);
    RUN(md_figures_and_captions);
    RUN(md_tables);
    RUN(md_html_math);
    RUN(md_flags_and_roots);
    RUN(html_structure);
    RUN(html_xss);
    RUN(html_deep_tree);
    RUN(json_keys_and_nulls);
    RUN(json_string_escaping);
    RUN(output_limit);
    RUN(random_markup);
    RUN(golden);
    return harness_done();
}
