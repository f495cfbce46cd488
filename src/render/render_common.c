/* render_common.c - what the Markdown, HTML and JSON renderers share (see
 * render.h): the never-rendered subtrees, block detection, safe absolute
 * URLs, code block languages and JSON string escaping. */
#include "render/render.h"

#include <string.h>

#include "util/url.h"

bool
wn_render_skipped(const wn_node *n, uint32_t opt_flags)
{
    if (n->type != WN_NODE_ELEMENT)
        return n->type == WN_NODE_COMMENT || n->type == WN_NODE_DOCTYPE;
    if (n->flags & (WN_NF_DROP | WN_NF_BOILER | WN_NF_HEADLINE | WN_NF_BYLINE))
        return true;
    if (n->ns != WN_NS_HTML)
        return true; /* SVG and MathML: drawings and formulas, never prose */
    if ((opt_flags & WN_OPT_NO_CAPTIONS) &&
        ((n->flags & WN_NF_CAPTION) || n->tag == WN_TAG_FIGCAPTION || n->tag == WN_TAG_CAPTION))
        return true;
    switch (n->tag) {
    case WN_TAG_TABLE:
        return (opt_flags & WN_OPT_NO_TABLES) != 0;
    case WN_TAG_SCRIPT:
    case WN_TAG_STYLE:
    case WN_TAG_TEMPLATE:
    case WN_TAG_HEAD:
    case WN_TAG_TITLE:
    case WN_TAG_META:
    case WN_TAG_LINK:
    case WN_TAG_BASE:
    case WN_TAG_IFRAME:
    case WN_TAG_FRAME:
    case WN_TAG_FRAMESET:
    case WN_TAG_OBJECT:
    case WN_TAG_EMBED:
    case WN_TAG_APPLET:
    case WN_TAG_PARAM:
    case WN_TAG_NOEMBED:
    case WN_TAG_NOFRAMES:
    case WN_TAG_INPUT:
    case WN_TAG_SELECT:
    case WN_TAG_OPTION:
    case WN_TAG_OPTGROUP:
    case WN_TAG_DATALIST:
    case WN_TAG_TEXTAREA:
    case WN_TAG_BUTTON:
    case WN_TAG_OUTPUT:
    case WN_TAG_PROGRESS:
    case WN_TAG_METER:
    case WN_TAG_KEYGEN:
    case WN_TAG_AUDIO:
    case WN_TAG_VIDEO:
    case WN_TAG_SOURCE:
    case WN_TAG_TRACK:
    case WN_TAG_CANVAS:
    case WN_TAG_MAP:
    case WN_TAG_AREA:
    case WN_TAG_PLAINTEXT:
    case WN_TAG_SVG:
    case WN_TAG_MATH:
    case WN_TAG_RT: /* ruby's readings (furigana) annotate the text beside them */
    case WN_TAG_RP:
        return true;
    default:
        return false;
    }
}

bool
wn_render_is_block(const wn_node *n)
{
    if (n->type != WN_NODE_ELEMENT || n->ns != WN_NS_HTML)
        return false;
    switch (n->tag) {
    case WN_TAG_ADDRESS:
    case WN_TAG_ARTICLE:
    case WN_TAG_ASIDE:
    case WN_TAG_BLOCKQUOTE:
    case WN_TAG_BODY:
    case WN_TAG_CAPTION:
    case WN_TAG_CENTER:
    case WN_TAG_DD:
    case WN_TAG_DETAILS:
    case WN_TAG_DIALOG:
    case WN_TAG_DIR:
    case WN_TAG_DIV:
    case WN_TAG_DL:
    case WN_TAG_DT:
    case WN_TAG_FIELDSET:
    case WN_TAG_FIGCAPTION:
    case WN_TAG_FIGURE:
    case WN_TAG_FOOTER:
    case WN_TAG_FORM:
    case WN_TAG_H1:
    case WN_TAG_H2:
    case WN_TAG_H3:
    case WN_TAG_H4:
    case WN_TAG_H5:
    case WN_TAG_H6:
    case WN_TAG_HEADER:
    case WN_TAG_HGROUP:
    case WN_TAG_HR:
    case WN_TAG_HTML:
    case WN_TAG_LEGEND:
    case WN_TAG_LI:
    case WN_TAG_LISTING:
    case WN_TAG_MAIN:
    case WN_TAG_MENU:
    case WN_TAG_NAV:
    case WN_TAG_OL:
    case WN_TAG_P:
    case WN_TAG_PRE:
    case WN_TAG_SEARCH:
    case WN_TAG_SECTION:
    case WN_TAG_SUMMARY:
    case WN_TAG_TABLE:
    case WN_TAG_TBODY:
    case WN_TAG_TD:
    case WN_TAG_TFOOT:
    case WN_TAG_TH:
    case WN_TAG_THEAD:
    case WN_TAG_TR:
    case WN_TAG_UL:
    case WN_TAG_XMP:
    case WN_TAG_NOSCRIPT:
        return true;
    default:
        return false;
    }
}

static bool
ascii_prefix_ci(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    if (n < k)
        return false;
    for (size_t i = 0; i < k; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != prefix[i])
            return false;
    }
    return true;
}

wn_str
wn_render_base_url(const wn_result *r)
{
    wn_str base = {r->doc->opts.url, r->doc->opts.url_len};
    if (!r->doc->dom)
        return base;
    /* the first <base href> counts (HTML Standard, "document base URL") */
    wn_walk w;
    wn_node *n;
    bool entering;
    wn_walk_init(&w, r->doc->dom->root);
    while (wn_walk_next(&w, &n, &entering)) {
        if (!entering || !wn_node_is(n, WN_TAG_BASE))
            continue;
        size_t len;
        const char *href = wn_node_attr(n, "href", &len);
        if (!href)
            continue;
        size_t out_len;
        char *abs = wn_url_resolve(&r->doc->arena, base.ptr, base.len, href, len, &out_len);
        if (abs &&
            (ascii_prefix_ci(abs, out_len, "http:") || ascii_prefix_ci(abs, out_len, "https:"))) {
            base.ptr = abs;
            base.len = out_len;
        }
        break;
    }
    return base;
}

/* The scheme of u[0..n) ("" when the reference is relative), lower-cased into
 * `out` (size 16); false when u has a ':' before any '/', '?', '#' but what
 * precedes it is not a scheme we could name. */
static bool
url_scheme(const char *u, size_t n, char out[16])
{
    out[0] = '\0';
    size_t i = 0;
    while (i < n && u[i] != ':' && u[i] != '/' && u[i] != '?' && u[i] != '#')
        i++;
    if (i == n || u[i] != ':')
        return true;
    if (i == 0 || i >= 16)
        return false;
    for (size_t k = 0; k < i; k++) {
        char c = u[k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        bool ok = (c >= 'a' && c <= 'z') ||
                  (k > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
        if (!ok)
            return false;
        out[k] = c;
    }
    out[i] = '\0';
    return true;
}

static bool
scheme_allowed(const char *scheme, int kind)
{
    if (!strcmp(scheme, "http") || !strcmp(scheme, "https"))
        return true;
    return kind == WN_RURL_LINK && !strcmp(scheme, "mailto");
}

const char *
wn_render_url(const wn_result *r, wn_str base, const char *ref, size_t n, int kind, size_t *out_len)
{
    wn_arena *a = &r->doc->arena;
    if (!ref)
        return NULL;
    /* trim C0 controls and spaces at both ends (URL Standard) */
    while (n && (unsigned char)ref[0] <= 0x20) {
        ref++;
        n--;
    }
    while (n && (unsigned char)ref[n - 1] <= 0x20)
        n--;
    if (!n)
        return NULL;
    char *clean = wn_arena_alloc(a, n + 1);
    if (!clean)
        return NULL;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)ref[i];
        if (c == '\t' || c == '\n' || c == '\r')
            continue; /* browsers remove these anywhere in a URL */
        if (c < 0x20 || c == 0x7f)
            return NULL;
        clean[m++] = (char)c;
    }
    clean[m] = '\0';
    char scheme[16];
    if (!url_scheme(clean, m, scheme))
        return NULL;
    if (scheme[0] && !scheme_allowed(scheme, kind))
        return NULL;
    size_t len;
    const char *abs = wn_url_resolve(a, base.ptr, base.len, clean, m, &len);
    if (!abs) {
        if (scheme[0])
            return NULL;
        abs = clean; /* relative and no base: the best we can give */
        len = m;
    } else {
        if (!url_scheme(abs, len, scheme) || !scheme_allowed(scheme, kind))
            return NULL;
    }
    size_t extra = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)abs[i];
        if (c < 0x20 || c == 0x7f)
            return NULL;
        /* a script scheme anywhere (say after an encoded newline) is never
         * needed by a real link and only invites trouble downstream */
        if ((c == ':' && i >= 10 && ascii_prefix_ci(abs + i - 10, 10, "javascript")) ||
            (c == ':' && i >= 8 && ascii_prefix_ci(abs + i - 8, 8, "vbscript")) ||
            (c == ':' && i >= 4 && ascii_prefix_ci(abs + i - 4, 4, "data") &&
             (i == 4 || !((abs[i - 5] | 0x20) >= 'a' && (abs[i - 5] | 0x20) <= 'z'))))
            return NULL;
        if (c == ' ')
            extra += 2;
    }
    if (!extra) {
        *out_len = len;
        return abs;
    }
    char *enc = wn_arena_alloc(a, len + extra + 1);
    if (!enc)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        if (abs[i] == ' ') {
            memcpy(enc + k, "%20", 3);
            k += 3;
        } else {
            enc[k++] = abs[i];
        }
    }
    enc[k] = '\0';
    *out_len = k;
    return enc;
}

bool
wn_render_img_is_fallback(const wn_node *img)
{
    const wn_node *p = img->parent;
    for (int up = 0; p && up < 3 && !wn_node_is(p, WN_TAG_NOSCRIPT); up++)
        p = p->parent;
    if (!p || !wn_node_is(p, WN_TAG_NOSCRIPT))
        return false;
    const wn_node *prev = p->prev;
    while (prev && prev->type != WN_NODE_ELEMENT)
        prev = prev->prev;
    return prev && (wn_node_is(prev, WN_TAG_IMG) || wn_node_is(prev, WN_TAG_PICTURE));
}

const char *
wn_render_img_src(const wn_node *img, size_t *len)
{
    size_t n;
    const char *src = wn_node_attr(img, "src", &n);
    size_t i = 0;
    while (src && i < n && wn_render_is_space((unsigned char)src[i]))
        i++;
    if (src && i < n && !ascii_prefix_ci(src + i, n - i, "data:")) {
        *len = n;
        return src;
    }
    static const char *const lazy[] = {"data-src", "data-original", "data-lazy-src"};
    for (size_t k = 0; k < sizeof lazy / sizeof lazy[0]; k++) {
        const char *v = wn_node_attr(img, lazy[k], &n);
        if (v && n) {
            *len = n;
            return v;
        }
    }
    /* the first candidate of srcset: a URL up to whitespace or a comma */
    const char *set = wn_node_attr(img, "srcset", &n);
    if (!set)
        set = wn_node_attr(img, "data-srcset", &n);
    if (set) {
        i = 0;
        while (i < n && wn_render_is_space((unsigned char)set[i]))
            i++;
        size_t start = i;
        while (i < n && !wn_render_is_space((unsigned char)set[i]))
            i++;
        while (i > start && set[i - 1] == ',')
            i--;
        if (i > start) {
            *len = i - start;
            return set + start;
        }
    }
    return NULL;
}

const char *
wn_render_class_language(const wn_node *n, size_t *len)
{
    size_t cl;
    const char *c = wn_node_attr(n, "class", &cl);
    if (!c)
        return NULL;
    size_t i = 0;
    while (i < cl) {
        while (i < cl && wn_render_is_space((unsigned char)c[i]))
            i++;
        size_t start = i;
        while (i < cl && !wn_render_is_space((unsigned char)c[i]))
            i++;
        const char *tok = c + start;
        size_t tl = i - start, skip = 0;
        if (tl > 9 && !memcmp(tok, "language-", 9))
            skip = 9;
        else if (tl > 5 && !memcmp(tok, "lang-", 5))
            skip = 5;
        if (!skip)
            continue;
        size_t k = skip;
        while (k < tl && k - skip < 32) {
            char ch = tok[k];
            if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                  (ch >= '0' && ch <= '9') || ch == '_' || ch == '+' || ch == '#' || ch == '.' ||
                  ch == '-'))
                break;
            k++;
        }
        if (k > skip) {
            *len = k - skip;
            return tok + skip;
        }
    }
    return NULL;
}

const char *
wn_render_code_language(const wn_node *pre, size_t *len)
{
    const char *l = wn_render_class_language(pre, len);
    if (l)
        return l;
    for (const wn_node *c = pre->first_child; c; c = c->next) {
        if (c->type == WN_NODE_ELEMENT)
            return wn_node_is(c, WN_TAG_CODE) ? wn_render_class_language(c, len) : NULL;
    }
    return NULL;
}

long
wn_render_attr_int(const wn_node *n, const char *name, long dflt, long lo, long hi)
{
    size_t len;
    const char *v = wn_node_attr(n, name, &len);
    if (!v)
        return dflt;
    size_t i = 0;
    while (i < len && wn_render_is_space((unsigned char)v[i]))
        i++;
    bool neg = false;
    if (i < len && (v[i] == '-' || v[i] == '+')) {
        neg = v[i] == '-';
        i++;
    }
    if (i == len || v[i] < '0' || v[i] > '9' || (neg && lo >= 0))
        return dflt;
    long x = 0;
    while (i < len && v[i] >= '0' && v[i] <= '9') {
        if (x < 100000000L)
            x = x * 10 + (v[i] - '0');
        i++;
    }
    if (neg)
        x = -x;
    return x < lo ? lo : x > hi ? hi : x;
}

/* Length of the valid UTF-8 sequence at s[0..n), 0 if invalid. */
static size_t
utf8_len(const unsigned char *s, size_t n, unsigned *cp)
{
    unsigned c = s[0];
    size_t k;
    unsigned min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        k = 2;
        min = 0x80;
        *cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        k = 3;
        min = 0x800;
        *cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 4;
        min = 0x10000;
        *cp = c & 0x07;
    } else {
        return 0;
    }
    if (n < k)
        return 0;
    for (size_t i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        *cp = (*cp << 6) | (s[i] & 0x3F);
    }
    if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
        return 0;
    return k;
}

void
wn_render_json_string(wn_buf *b, const char *s, size_t n)
{
    if (!s || !n) {
        wn_buf_puts(b, "null");
        return;
    }
    const unsigned char *u = (const unsigned char *)s;
    wn_buf_putc(b, '"');
    size_t run = 0; /* start of the pending run of bytes copied as they are */
    size_t i = 0;
    while (i < n) {
        unsigned c = u[i];
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
            i++;
            continue;
        }
        unsigned cp = 0;
        size_t k = c < 0x80 ? 1 : utf8_len(u + i, n - i, &cp);
        if (k > 1 && cp != 0x2028 && cp != 0x2029) {
            i += k;
            continue;
        }
        wn_buf_append(b, s + run, i - run);
        if (k == 0) {
            wn_buf_puts(b, "\xEF\xBF\xBD"); /* invalid byte: U+FFFD */
            k = 1;
        } else if (c == '"' || c == '\\') {
            wn_buf_putc(b, '\\');
            wn_buf_putc(b, (char)c);
        } else if (c == '\n') {
            wn_buf_puts(b, "\\n");
        } else if (c == '\t') {
            wn_buf_puts(b, "\\t");
        } else if (c == '\r') {
            wn_buf_puts(b, "\\r");
        } else if (k == 1) {
            wn_buf_printf(b, "\\u%04x", c);
        } else {
            wn_buf_printf(b, "\\u%04x", cp);
        }
        i += k;
        run = i;
    }
    wn_buf_append(b, s + run, n - run);
    wn_buf_putc(b, '"');
}

void
wn_render_stack_push(wn_render_stack *s, unsigned char x)
{
    if (s->failed)
        return;
    if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        unsigned char *v = wn_arena_realloc(s->arena, s->v, s->cap, cap);
        if (!v) {
            s->failed = true;
            return;
        }
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = x;
}

unsigned char
wn_render_stack_pop(wn_render_stack *s)
{
    return s->n ? s->v[--s->n] : 0;
}

/* Is cp a code point emoji are written with (pictographs, symbols,
 * dingbats, flags) or one that joins or styles them? *shown: it is seen
 * (not a joiner, a variation selector or a tag). */
static bool
emoji_cp(unsigned cp, bool *shown)
{
    *shown = true;
    if ((cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xA9 ||
        cp == 0xAE || cp == 0x2122 || cp == 0x3030 || cp == 0x303D || cp == 0x3297 ||
        cp == 0x3299)
        return true;
    *shown = false;
    return cp == 0x200D || cp == 0xFE0E || cp == 0xFE0F || cp == 0x20E3 ||
           (cp >= 0xE0020 && cp <= 0xE007F);
}

const char *
wn_render_emoji_alt(const wn_node *img, size_t *len)
{
    size_t l;
    const char *alt = wn_node_attr(img, "alt", &l);
    if (!alt || !l || l > 32)
        return NULL;
    bool any = false;
    for (size_t i = 0; i < l;) {
        unsigned char c = (unsigned char)alt[i];
        unsigned cp;
        size_t k;
        if (c < 0x80)
            return NULL;
        else if (c >= 0xC2 && c < 0xE0)
            cp = c & 0x1F, k = 1;
        else if (c >= 0xE0 && c < 0xF0)
            cp = c & 0x0F, k = 2;
        else if (c >= 0xF0 && c < 0xF5)
            cp = c & 0x07, k = 3;
        else
            return NULL;
        if (i + k >= l)
            return NULL;
        for (size_t j = 1; j <= k; j++) {
            unsigned char d = (unsigned char)alt[i + j];
            if ((d & 0xC0) != 0x80)
                return NULL;
            cp = cp << 6 | (d & 0x3F);
        }
        bool shown;
        if (!emoji_cp(cp, &shown))
            return NULL;
        any = any || shown;
        i += k + 1;
    }
    if (!any)
        return NULL;
    *len = l;
    return alt;
}

int
wn_render_special(const wn_node *n, uint32_t opt_flags)
{
    if (n->type != WN_NODE_ELEMENT ||
        (n->flags & (WN_NF_DROP | WN_NF_BOILER | WN_NF_HEADLINE | WN_NF_BYLINE)))
        return WN_RENDER_PLAIN;
    if (wn_render_is_math(n))
        return WN_RENDER_FORMULA;
    if (!wn_node_is(n, WN_TAG_IMG))
        return WN_RENDER_PLAIN;
    size_t l;
    if (wn_render_math_img(n, &l))
        return WN_RENDER_FORMULA;
    if (!(opt_flags & WN_OPT_IMAGES) && wn_render_emoji_alt(n, &l))
        return WN_RENDER_EMOJI;
    return WN_RENDER_PLAIN;
}
