/* test_render.c - the Markdown, HTML and JSON renderers.
 *
 * The results are built by hand so that these tests judge the renderers
 * alone: a small nesting tree builder over our tokenizer (well-formed
 * input only, no WHATWG repair) makes the DOM, `data-root` marks the
 * content roots, `data-flag="boiler drop headline byline caption"` the
 * stage flags, and the <head> gives the metadata. Golden pages live in
 * tests/corpus/render_*.html with their expected outputs beside them; set
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

#include "harness.h"
#include "parse/tokenizer.h"
#include "pipeline.h"
#include "render/render.h"
#include "util/url.h"

/* ---- test doubles ---------------------------------------------------------- */

__attribute__((weak)) const char *
wn_page_type_name(wn_page_type t)
{
    static const char *const names[] = {"article", "forum", "product", "collection",
                                        "listing", "documentation", "service", "other"};
    return (unsigned)t < 8 ? names[t] : "other";
}

/* The pairs the test pages resolve (RFC 3986 answers), nothing more. */
static const char *const url_answers[][3] = {
    {"https://example.org/news/story.html", "/img/lead.jpg", "https://example.org/img/lead.jpg"},
    {"https://example.org/news/story.html", "chart.png", "https://example.org/news/chart.png"},
    {"https://example.org/news/story.html", "../about/", "https://example.org/about/"},
    {"https://example.org/news/story.html", "//cdn.example.net/a.png", "https://cdn.example.net/a.png"},
    {"https://example.org/news/story.html", "?page=2", "https://example.org/news/story.html?page=2"},
    {"https://example.org/news/story.html", "x", "https://example.org/news/x"},
    {"https://example.org/news/story.html", "https://other.example/", "https://other.example/"},
    {"https://example.org/news/story.html", "http://t.example/p?a=1&b=2", "http://t.example/p?a=1&b=2"},
    {"https://example.org/news/story.html", "mailto:desk@example.org", "mailto:desk@example.org"},
    {"https://example.org/news/story.html", "https://evil.example/base/", "https://evil.example/base/"},
    {"https://evil.example/base/", "x", "https://evil.example/base/x"},
    {"https://evil.example/base/", "chart.png", "https://evil.example/base/chart.png"},
    {"https://evil.example/base/", "/img/lead.jpg", "https://evil.example/img/lead.jpg"},
    {"https://evil.example/base/", "../about/", "https://evil.example/about/"},
    {"https://example.org/news/story.html", "pics/a b.png", "https://example.org/news/pics/a b.png"},
    {"https://example.org/news/story.html", "/wiki/Foo_(bar)", "https://example.org/wiki/Foo_(bar)"},
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
    case WN_TAG_AREA: case WN_TAG_BASE: case WN_TAG_BR: case WN_TAG_COL: case WN_TAG_EMBED:
    case WN_TAG_HR: case WN_TAG_IMG: case WN_TAG_INPUT: case WN_TAG_LINK: case WN_TAG_META:
    case WN_TAG_PARAM: case WN_TAG_SOURCE: case WN_TAG_TRACK: case WN_TAG_WBR:
        return true;
    default:
        return false;
    }
}

static uint32_t
flag_bits(const char *v, size_t n)
{
    static const struct { const char *name; uint32_t bit; } names[] = {
        {"boiler", WN_NF_BOILER}, {"drop", WN_NF_DROP}, {"headline", WN_NF_HEADLINE},
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
        m->word_count = (size_t)atol(content);
    } else if (!strcmp(name, "page-type")) {
        m->page_type = (wn_page_type)atoi(content);
    }
}

/* Parse well-formed `html` into a result; roots are the data-root elements
 * (or <body> when there is none). */
static wn_result *
build(const char *html, uint32_t flags, const char *url)
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
    wn_dom *d = wn_dom_new(a);
    doc->dom = d;

    size_t cap = 64, depth = 0, n_roots = 0;
    wn_node **stack = malloc(cap * sizeof *stack);
    wn_node **roots = wn_arena_alloc(a, 4096 * sizeof *roots);
    wn_node *body = NULL, *title = NULL;
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
            size_t len;
            const char *fl = wn_node_attr(el, "data-flag", &len);
            if (fl)
                el->flags |= flag_bits(fl, len);
            if (wn_node_has_attr(el, "data-root") && n_roots < 4096) {
                roots[n_roots++] = el;
                el->flags |= WN_NF_CONTENT;
            }
            if (tok.tag == WN_TAG_BODY)
                body = el;
            if (tok.tag == WN_TAG_TITLE)
                title = el;
            read_meta(r, el);
            if (tok.tag == WN_TAG_SCRIPT || tok.tag == WN_TAG_STYLE || tok.tag == WN_TAG_TITLE ||
                tok.tag == WN_TAG_TEXTAREA) {
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
    if (!n_roots && body)
        roots[n_roots++] = body;
    r->content.roots = roots;
    r->content.n_roots = n_roots;
    r->content.page_type = r->meta.page_type;
    if (title && title->first_child)
        r->meta.title = arena_str(a, title->first_child->data, title->first_child->len);
    return r;
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
render(render_fn fn, const char *html, uint32_t flags, const char *url)
{
    wn_result *r = build(html, flags, url);
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

TEST(dump)
{
    const char *f = getenv("WN_DUMP");
    if (!f)
        return;
    char *html = harness_read_file(f, NULL);
    uint32_t fl = (uint32_t)strtoul(getenv("WN_FLAGS") ? getenv("WN_FLAGS") : "12", NULL, 0);
    char *a = render(md_fn, html, fl, "https://example.org/news/story.html");
    char *b = render(html_fn, html, fl, "https://example.org/news/story.html");
    printf("---md\n%s\n---html\n%s\n---\n", a, b);
    free(a);
    free(b);
    free(html);
}

int
main(void)
{
    RUN(dump);
    return harness_done();
}
