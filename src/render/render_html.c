/* render_html.c - the content as clean, safe HTML.
 *
 * The output is meant to be shown in a reader, so it is rebuilt from the
 * DOM rather than copied: only an allow-list of elements is written, each
 * with an allow-list of attributes whose values are checked (URLs made
 * absolute and limited to http, https and mailto; numbers parsed); every
 * other element is either unwrapped (its children kept) or, for script,
 * style, embedded content, SVG, MathML and form controls, left out with
 * its content. Text and attribute values are escaped. Nothing that parses
 * as raw text (script, style, textarea, noscript, title, xmp ...) is ever
 * written, so the output re-parses into the tree it was written from and
 * mutation XSS has nothing to work with.
 *
 * Unwrapped blocks (div, section ...) still separate paragraphs: inline
 * content directly inside the article or a blockquote/figure is wrapped in
 * an implicit <p>, and inside other blocks (li, td ...) a block boundary
 * between two runs of inline content becomes a <br>.
 */
#include <string.h>

#include "render/render.h"

enum { ACT_SKIP_EXIT = 0, ACT_UNWRAP, ACT_UNWRAP_BLOCK, ACT_INLINE, ACT_BLOCK, ACT_PRE, ACT_LINK };

typedef struct html_out {
    const wn_result *r;
    wn_buf *b;
    uint32_t flags;
    wn_str base;
    wn_render_stack acts;    /* ACT_* per entered element */
    wn_render_stack emitted; /* tag ids of the open written elements */
    size_t *opened;          /* per emitted element: where its start tag begins */
    size_t cap_opened;
    bool failed;
    size_t pre;         /* open <pre> depth: text is copied exactly */
    size_t links;       /* open <a> depth: links do not nest */
    size_t implicit_at; /* emitted.n at which the implicit <p> sits; 0 = none */
    bool has_inline;    /* inline content since the current block opened */
    bool pending_space;
    bool pending_br;
} html_out;

static void
put_escaped(wn_buf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep;
        switch (s[i]) {
        case '&':
            rep = "&amp;";
            break;
        case '<':
            rep = "&lt;";
            break;
        case '>':
            rep = "&gt;";
            break;
        case '"':
            rep = "&quot;";
            break;
        case '\'':
            rep = "&#39;";
            break;
        case '\0':
            rep = "\xEF\xBF\xBD";
            break;
        default:
            continue;
        }
        wn_buf_append(b, s + run, i - run);
        wn_buf_puts(b, rep);
        run = i + 1;
    }
    wn_buf_append(b, s + run, n - run);
}

/* Escaped text with whitespace runs collapsed and the ends trimmed. */
static void
put_collapsed(wn_buf *b, const char *s, size_t n)
{
    size_t i = 0;
    bool any = false;
    while (i < n) {
        if (wn_render_is_space((unsigned char)s[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && !wn_render_is_space((unsigned char)s[j]))
            j++;
        if (any)
            wn_buf_putc(b, ' ');
        put_escaped(b, s + i, j - i);
        any = true;
        i = j;
    }
}

static void
put_attr(wn_buf *b, const char *name, const char *v, size_t n)
{
    wn_buf_putc(b, ' ');
    wn_buf_puts(b, name);
    wn_buf_puts(b, "=\"");
    put_escaped(b, v, n);
    wn_buf_putc(b, '"');
}

static void
put_attr_int(wn_buf *b, const char *name, long v)
{
    wn_buf_printf(b, " %s=\"%ld\"", name, v);
}

/* An element is about to be written at the end of the output. */
static void
note_open(html_out *h)
{
    size_t n = h->emitted.n;
    if (n >= h->cap_opened) {
        size_t cap = h->cap_opened ? h->cap_opened * 2 : 64;
        size_t *v = wn_arena_realloc(&h->r->doc->arena, h->opened, h->cap_opened * sizeof *v,
                                     cap * sizeof *v);
        if (!v) {
            h->failed = true;
            return;
        }
        h->opened = v;
        h->cap_opened = cap;
    }
    h->opened[n] = h->b->len;
}

/* Before the end tag of the top element: when it holds nothing but
 * whitespace (an icon's <i></i>, a figure whose image was left out), take
 * its start tag back instead. Table cells and list items stay: they keep
 * the table's shape and the list's numbering. Returns true if removed. */
static bool
drop_if_empty(html_out *h, unsigned tag)
{
    switch (tag) {
    case WN_TAG_TD:
    case WN_TAG_TH:
    case WN_TAG_TR:
    case WN_TAG_THEAD:
    case WN_TAG_TBODY:
    case WN_TAG_TFOOT:
    case WN_TAG_LI:
    case WN_TAG_DT:
    case WN_TAG_DD:
        return false;
    default:
        break;
    }
    if (h->failed || h->b->failed || !h->emitted.n || h->emitted.n - 1 >= h->cap_opened)
        return false;
    size_t start = h->opened[h->emitted.n - 1];
    size_t i = start;
    while (i < h->b->len && h->b->ptr[i] != '>')
        i++;
    for (i++; i < h->b->len; i++)
        if (!wn_render_is_space((unsigned char)h->b->ptr[i]))
            return false;
    h->b->len = start;
    return true;
}

static unsigned
top_tag(const html_out *h)
{
    return h->emitted.n ? h->emitted.v[h->emitted.n - 1] : WN_TAG_UNKNOWN;
}

static void
close_implicit(html_out *h)
{
    if (h->implicit_at && h->implicit_at == h->emitted.n) {
        if (!drop_if_empty(h, WN_TAG_P))
            wn_buf_puts(h->b, "</p>\n");
        wn_render_stack_pop(&h->emitted);
        h->implicit_at = 0;
        h->has_inline = false;
        h->pending_space = false;
    }
}

/* Inline content is about to be written: open the implicit paragraph where
 * the container wants blocks, and turn a pending block boundary into <br>. */
static void
begin_inline(html_out *h)
{
    unsigned top = top_tag(h);
    if (!h->pre && (top == WN_TAG_UNKNOWN || top == WN_TAG_BLOCKQUOTE || top == WN_TAG_FIGURE)) {
        note_open(h);
        wn_buf_puts(h->b, "<p>");
        wn_render_stack_push(&h->emitted, WN_TAG_P);
        h->implicit_at = h->emitted.n;
        h->has_inline = false;
        h->pending_space = false;
        h->pending_br = false;
    }
    if (h->pending_br && h->has_inline)
        wn_buf_puts(h->b, "<br>");
    else if (h->pending_space && h->has_inline)
        wn_buf_putc(h->b, ' ');
    h->pending_br = false;
    h->pending_space = false;
    h->has_inline = true;
}

/* A block starts or ends here without an element of its own. */
static void
block_boundary(html_out *h)
{
    if (h->pre)
        return;
    if (h->implicit_at && h->implicit_at == h->emitted.n)
        close_implicit(h);
    else if (h->has_inline)
        h->pending_br = true;
    h->pending_space = false;
}

static void
put_text(html_out *h, const char *s, size_t n)
{
    if (h->pre) {
        if (n) {
            begin_inline(h);
            put_escaped(h->b, s, n);
        }
        return;
    }
    size_t i = 0;
    while (i < n) {
        if (wn_render_is_space((unsigned char)s[i])) {
            if (h->has_inline)
                h->pending_space = true;
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && !wn_render_is_space((unsigned char)s[j]))
            j++;
        begin_inline(h);
        put_escaped(h->b, s + i, j - i);
        i = j;
    }
}

/* The written name of an allowed inline element, NULL if it is not one. */
static const char *
inline_name(const wn_node *n)
{
    switch (n->tag) {
    case WN_TAG_CODE:
    case WN_TAG_EM:
    case WN_TAG_STRONG:
    case WN_TAG_B:
    case WN_TAG_I:
    case WN_TAG_U:
    case WN_TAG_S:
    case WN_TAG_SUB:
    case WN_TAG_SUP:
    case WN_TAG_Q:
    case WN_TAG_CITE:
    case WN_TAG_ABBR:
    case WN_TAG_TIME:
    case WN_TAG_MARK:
    case WN_TAG_SMALL:
        return wn_tag_name((wn_tag)n->tag);
    case WN_TAG_DEL:
    case WN_TAG_STRIKE:
        return "s";
    case WN_TAG_TT:
    case WN_TAG_KBD:
    case WN_TAG_SAMP:
        return "code";
    default:
        return NULL;
    }
}

/* Whether an allowed block element may be written under the current top:
 * table parts need their table, list items their list. */
static bool
block_fits(const html_out *h, const wn_node *n)
{
    unsigned top = top_tag(h);
    switch (n->tag) {
    case WN_TAG_LI:
        return top == WN_TAG_UL || top == WN_TAG_OL;
    case WN_TAG_DT:
    case WN_TAG_DD:
        return top == WN_TAG_DL;
    case WN_TAG_TR:
        return top == WN_TAG_TABLE || top == WN_TAG_TBODY || top == WN_TAG_THEAD ||
               top == WN_TAG_TFOOT;
    case WN_TAG_TD:
    case WN_TAG_TH:
        return top == WN_TAG_TR;
    case WN_TAG_THEAD:
    case WN_TAG_TBODY:
    case WN_TAG_TFOOT:
    case WN_TAG_CAPTION:
        return top == WN_TAG_TABLE;
    default:
        return top != WN_TAG_TABLE && top != WN_TAG_TBODY && top != WN_TAG_THEAD &&
               top != WN_TAG_TFOOT && top != WN_TAG_TR;
    }
}

static bool
is_allowed_block(const wn_node *n)
{
    switch (n->tag) {
    case WN_TAG_P:
    case WN_TAG_H1:
    case WN_TAG_H2:
    case WN_TAG_H3:
    case WN_TAG_H4:
    case WN_TAG_H5:
    case WN_TAG_H6:
    case WN_TAG_UL:
    case WN_TAG_OL:
    case WN_TAG_LI:
    case WN_TAG_DL:
    case WN_TAG_DT:
    case WN_TAG_DD:
    case WN_TAG_BLOCKQUOTE:
    case WN_TAG_TABLE:
    case WN_TAG_THEAD:
    case WN_TAG_TBODY:
    case WN_TAG_TFOOT:
    case WN_TAG_TR:
    case WN_TAG_TH:
    case WN_TAG_TD:
    case WN_TAG_CAPTION:
    case WN_TAG_FIGURE:
    case WN_TAG_FIGCAPTION:
        return true;
    default:
        return false;
    }
}

static void
open_block(html_out *h, const wn_node *n)
{
    close_implicit(h);
    wn_buf *b = h->b;
    note_open(h);
    wn_buf_putc(b, '<');
    wn_buf_puts(b, wn_tag_name((wn_tag)n->tag));
    if (n->tag == WN_TAG_OL) {
        long start = wn_render_attr_int(n, "start", 1, -1000000000L, 1000000000L);
        if (start != 1)
            put_attr_int(b, "start", start);
    } else if (n->tag == WN_TAG_TD || n->tag == WN_TAG_TH) {
        long cs = wn_render_attr_int(n, "colspan", 1, 1, 1000);
        long rs = wn_render_attr_int(n, "rowspan", 1, 0, 65534);
        if (cs != 1)
            put_attr_int(b, "colspan", cs);
        if (rs != 1)
            put_attr_int(b, "rowspan", rs);
    }
    wn_buf_putc(b, '>');
    if (n->tag != WN_TAG_P && n->tag != WN_TAG_LI && n->tag != WN_TAG_DT && n->tag != WN_TAG_DD &&
        n->tag != WN_TAG_TD && n->tag != WN_TAG_TH && n->tag != WN_TAG_CAPTION &&
        n->tag != WN_TAG_FIGCAPTION && (n->tag < WN_TAG_H1 || n->tag > WN_TAG_H6))
        wn_buf_putc(b, '\n');
    wn_render_stack_push(&h->emitted, (unsigned char)n->tag);
    h->has_inline = false;
    h->pending_space = false;
    h->pending_br = false;
}

static void
close_block(html_out *h, const wn_node *n)
{
    close_implicit(h);
    if (!drop_if_empty(h, n->tag)) {
        wn_buf_puts(h->b, "</");
        wn_buf_puts(h->b, wn_tag_name((wn_tag)n->tag));
        wn_buf_puts(h->b, ">\n");
    }
    wn_render_stack_pop(&h->emitted);
    h->has_inline = false;
    h->pending_space = false;
    h->pending_br = false;
}

static void
put_image(html_out *h, const wn_node *n)
{
    size_t len, ulen;
    const char *src = wn_render_img_src(n, &len);
    const char *url = src ? wn_render_url(h->r, h->base, src, len, WN_RURL_IMAGE, &ulen) : NULL;
    if (!url)
        return;
    begin_inline(h);
    wn_buf_puts(h->b, "<img");
    put_attr(h->b, "src", url, ulen);
    const char *alt = wn_node_attr(n, "alt", &len);
    put_attr(h->b, "alt", alt ? alt : "", alt ? len : 0);
    long w = wn_render_attr_int(n, "width", 0, 0, 100000);
    long ht = wn_render_attr_int(n, "height", 0, 0, 100000);
    if (w > 0)
        put_attr_int(h->b, "width", w);
    if (ht > 0)
        put_attr_int(h->b, "height", ht);
    wn_buf_putc(h->b, '>');
}

/* A machine-readable date or time: digits, letters, ':', '+', '-', '.',
 * spaces; anything else is not one and is left out. */
static bool
is_datetime(const char *s, size_t n)
{
    if (!n || n > 64)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              c == ':' || c == '+' || c == '-' || c == '.' || c == ' ' || c == ','))
            return false;
    }
    return true;
}

/* Enter an element; returns the ACT_* to undo on exit. */
static int
enter(html_out *h, const wn_node *n)
{
    wn_buf *b = h->b;
    switch (n->tag) {
    case WN_TAG_BR:
        if (h->pre)
            wn_buf_putc(b, '\n');
        else if (h->has_inline) {
            wn_buf_puts(b, "<br>");
            h->pending_space = false;
            h->pending_br = false;
        }
        return ACT_UNWRAP;
    case WN_TAG_HR:
        if (block_fits(h, n) && !h->pre) {
            close_implicit(h);
            wn_buf_puts(b, "<hr>\n");
            h->has_inline = false;
            h->pending_br = false;
        }
        return ACT_UNWRAP;
    case WN_TAG_IMG:
    case WN_TAG_IMAGE:
        if ((h->flags & WN_OPT_IMAGES) && !wn_render_img_is_fallback(n))
            put_image(h, n);
        return ACT_UNWRAP;
    case WN_TAG_A:
        if ((h->flags & WN_OPT_LINKS) && !h->links) {
            size_t len, ulen;
            const char *href = wn_node_attr(n, "href", &len);
            const char *url =
                href ? wn_render_url(h->r, h->base, href, len, WN_RURL_LINK, &ulen) : NULL;
            if (url) {
                begin_inline(h);
                note_open(h);
                wn_buf_puts(b, "<a");
                put_attr(b, "href", url, ulen);
                wn_buf_putc(b, '>');
                wn_render_stack_push(&h->emitted, WN_TAG_A);
                h->links++;
                return ACT_LINK;
            }
        }
        return ACT_UNWRAP;
    case WN_TAG_PRE:
    case WN_TAG_LISTING:
    case WN_TAG_XMP:
        if (!block_fits(h, n))
            return ACT_UNWRAP_BLOCK;
        close_implicit(h);
        if (!h->pre) {
            size_t len;
            const char *lang = wn_render_class_language(n, &len);
            wn_buf_puts(b, "<pre");
            if (lang) {
                wn_buf_puts(b, " class=\"language-");
                wn_buf_append(b, lang, len);
                wn_buf_putc(b, '"');
            }
            wn_buf_putc(b, '>');
        }
        h->pre++;
        h->has_inline = false;
        return ACT_PRE;
    default:
        break;
    }
    const char *iname = inline_name(n);
    if (iname) {
        begin_inline(h);
        note_open(h);
        wn_buf_putc(b, '<');
        wn_buf_puts(b, iname);
        size_t len;
        if (n->tag == WN_TAG_CODE) {
            const char *lang = wn_render_class_language(n, &len);
            if (lang) {
                wn_buf_puts(b, " class=\"language-");
                wn_buf_append(b, lang, len);
                wn_buf_putc(b, '"');
            }
        } else if (n->tag == WN_TAG_TIME) {
            const char *dt = wn_node_attr(n, "datetime", &len);
            if (dt && is_datetime(dt, len))
                put_attr(b, "datetime", dt, len);
        }
        wn_buf_putc(b, '>');
        wn_render_stack_push(&h->emitted, (unsigned char)n->tag);
        return ACT_INLINE;
    }
    if (is_allowed_block(n) && !h->pre && block_fits(h, n)) {
        open_block(h, n);
        return ACT_BLOCK;
    }
    if (wn_render_is_block(n)) {
        block_boundary(h);
        return ACT_UNWRAP_BLOCK;
    }
    return ACT_UNWRAP;
}

static void
leave(html_out *h, const wn_node *n, int act)
{
    switch (act) {
    case ACT_UNWRAP_BLOCK:
        block_boundary(h);
        break;
    case ACT_INLINE: {
        const char *iname = inline_name(n);
        if (!drop_if_empty(h, n->tag)) {
            wn_buf_puts(h->b, "</");
            wn_buf_puts(h->b, iname ? iname : "span");
            wn_buf_putc(h->b, '>');
        }
        wn_render_stack_pop(&h->emitted);
        break;
    }
    case ACT_LINK:
        if (!drop_if_empty(h, WN_TAG_A))
            wn_buf_puts(h->b, "</a>");
        wn_render_stack_pop(&h->emitted);
        h->links--;
        break;
    case ACT_PRE:
        if (--h->pre == 0) {
            wn_buf_puts(h->b, "</pre>\n");
            h->has_inline = false;
            h->pending_space = false;
            h->pending_br = false;
        }
        break;
    case ACT_BLOCK:
        close_block(h, n);
        break;
    default:
        break;
    }
}

/* A formula (a <math>, or an <img> whose alt text is its TeX) as its TeX
 * in a span of class "math inline" between \( and \), or "math display"
 * between \[ and \] (what MathJax and KaTeX pick up in a reader); the
 * MathML itself is not passed on. Returns whether it was one. */
static bool
put_math(html_out *h, const wn_node *n)
{
    size_t l = 0;
    const char *alt = NULL;
    bool display = false;
    if (wn_render_is_math(n))
        display = wn_render_math_display(n);
    else if (!(alt = wn_render_math_img(n, &l)))
        return false;
    wn_buf tex;
    wn_buf_init(&tex, &h->r->doc->arena, 0);
    bool ok = alt ? wn_render_math_source(&tex, alt, l) : wn_render_math(n, &tex);
    if (tex.failed)
        h->failed = true;
    if (!ok || !tex.len)
        return true;
    begin_inline(h);
    wn_buf_puts(h->b, display ? "<span class=\"math display\">\\[" : "<span class=\"math inline\">\\(");
    put_escaped(h->b, tex.ptr, tex.len);
    wn_buf_puts(h->b, display ? "\\]</span>" : "\\)</span>");
    return true;
}

wn_status
wn_render_html(const wn_result *r, wn_buf *out)
{
    if (!r || !out || !r->doc)
        return WN_ERR_INVALID;
    html_out h;
    memset(&h, 0, sizeof h);
    h.r = r;
    h.b = out;
    h.flags = r->doc->opts.flags;
    h.acts.arena = &r->doc->arena;
    h.emitted.arena = &r->doc->arena;
    h.base = wn_render_base_url(r);

    wn_buf_puts(out, "<article>\n");
    if (r->meta.title.ptr && r->meta.title.len) {
        wn_buf_puts(out, "<h1>");
        put_collapsed(out, r->meta.title.ptr, r->meta.title.len);
        wn_buf_puts(out, "</h1>\n");
    }
    for (size_t i = 0; i < r->content.n_roots; i++) {
        wn_node *root = r->content.roots[i];
        if (!root)
            continue;
        wn_walk w;
        wn_node *n;
        bool entering;
        wn_walk_init(&w, root);
        while (wn_walk_next(&w, &n, &entering) && !out->failed) {
            if (n->type == WN_NODE_TEXT) {
                put_text(&h, n->data, n->len);
                continue;
            }
            if (n->type != WN_NODE_ELEMENT)
                continue; /* comments; a document node as root is walked through */
            if (entering) {
                int special = n != root ? wn_render_special(n, h.flags) : WN_RENDER_PLAIN;
                if (special) {
                    size_t el;
                    if (special == WN_RENDER_FORMULA) {
                        put_math(&h, n);
                    } else {
                        const char *alt = wn_render_emoji_alt(n, &el);
                        put_text(&h, alt, el);
                    }
                    wn_walk_skip_children(&w);
                    continue;
                }
                if (n != root && wn_render_skipped(n, h.flags)) {
                    wn_walk_skip_children(&w);
                    continue;
                }
                if (n->ns != WN_NS_HTML) {
                    wn_walk_skip_children(&w);
                    continue;
                }
                wn_render_stack_push(&h.acts, (unsigned char)enter(&h, n));
            } else {
                leave(&h, n, wn_render_stack_pop(&h.acts));
            }
        }
        /* close whatever the root left open (it always closes itself) */
        close_implicit(&h);
        block_boundary(&h);
    }
    close_implicit(&h);
    wn_buf_puts(out, "</article>");
    if (h.acts.failed || h.emitted.failed || h.failed)
        return WN_ERR_NOMEM;
    return out->failed ? (wn_status)out->failed : WN_OK;
}
