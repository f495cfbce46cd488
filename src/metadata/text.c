/* text.c - small string helpers shared by the metadata extractors: cleaning
 * values (trim, collapse, a few entities), gathering an element's text,
 * loose comparisons, and just enough UTF-8 to tell words apart.
 */
#include <string.h>

#include "clean/clean.h"
#include "metadata.h"
#include "util/swar.h"
#include "util/utf8.h"

static bool
is_space_at(const char *s, size_t n, size_t i, size_t *len)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
        *len = 1;
        return true;
    }
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) { /* no-break space */
        *len = 2;
        return true;
    }
    if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        (((unsigned char)s[i + 2] >= 0x80 && (unsigned char)s[i + 2] <= 0x8B) ||
         (unsigned char)s[i + 2] == 0xAF)) { /* U+2000..200B, U+202F */
        *len = 3;
        return true;
    }
    if (c == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x80) { /* ideographic space */
        *len = 3;
        return true;
    }
    return false;
}

/* A numeric or one of a few named character references at s[i] ('&'). */
static size_t
entity_at(const char *s, size_t n, size_t i, char *out, size_t *out_len)
{
    static const struct {
        const char *name;
        const char *utf8;
    } named[] = {
        {"amp;", "&"}, {"quot;", "\""}, {"apos;", "'"}, {"lt;", "<"}, {"gt;", ">"},
        {"nbsp;", " "}, {"rsquo;", "\xE2\x80\x99"}, {"lsquo;", "\xE2\x80\x98"},
        {"ldquo;", "\xE2\x80\x9C"}, {"rdquo;", "\xE2\x80\x9D"}, {"ndash;", "\xE2\x80\x93"},
        {"mdash;", "\xE2\x80\x94"}, {"hellip;", "\xE2\x80\xA6"},
    };
    for (size_t k = 0; k < sizeof named / sizeof named[0]; k++) {
        size_t l = strlen(named[k].name);
        if (i + 1 + l <= n && memcmp(s + i + 1, named[k].name, l) == 0) {
            *out_len = strlen(named[k].utf8);
            memcpy(out, named[k].utf8, *out_len);
            return 1 + l;
        }
    }
    if (i + 3 < n && s[i + 1] == '#') {
        size_t j = i + 2;
        unsigned long cp = 0;
        bool hex = s[j] == 'x' || s[j] == 'X';
        if (hex)
            j++;
        size_t start = j;
        while (j < n && j - start < 7) {
            char c = s[j];
            int d = c >= '0' && c <= '9' ? c - '0'
                    : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                    : -1;
            if (d < 0)
                break;
            cp = cp * (hex ? 16 : 10) + (unsigned long)d;
            j++;
        }
        if (j > start && j < n && s[j] == ';' && cp > 0 && cp <= 0x10FFFF &&
            !(cp >= 0xD800 && cp <= 0xDFFF)) {
            char tmp[8];
            size_t l = wn_utf8_put(tmp, (uint32_t)cp);
            memcpy(out, tmp, l);
            *out_len = l;
            return j + 1 - i;
        }
    }
    return 0;
}

/* UTF-8 read as Latin-1 and encoded again: "\xC3\xA2\xC2\x80\xC2\x94" is
 * "\xE2\x80\x94" (an em dash) gone through that twice. A sequence with a
 * C1 control (U+0080..U+009F), which no text holds, gives the string away;
 * then (any_c1) the others are taken back too ("\xC3\x82\xC2\xB6", a
 * pilcrow). The original bytes go to out; returns how many (0: none here). */
static size_t
mojibake_at(const char *s, size_t n, size_t i, char *out, bool any_c1)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[i] != 0xC3 || i + 1 >= n || u[i + 1] < 0x82 || u[i + 1] > 0xB4)
        return 0;
    unsigned lead = 0xC0u + (u[i + 1] - 0x80u);
    size_t cont = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
    if (i + 2 + 2 * cont > n)
        return 0;
    bool c1 = false;
    unsigned char b[4] = {(unsigned char)lead, 0, 0, 0};
    for (size_t j = 0; j < cont; j++) {
        unsigned char x = u[i + 2 + 2 * j], y = u[i + 3 + 2 * j];
        if (x != 0xC2 || y < 0x80 || y > 0xBF)
            return 0;
        c1 |= y <= 0x9F;
        b[j + 1] = y;
    }
    /* no overlong forms, surrogates or code points past U+10FFFF */
    if ((!c1 && !any_c1) || (lead == 0xE0 && b[1] < 0xA0) || (lead == 0xED && b[1] >= 0xA0) ||
        (lead == 0xF0 && b[1] < 0x90) || (lead == 0xF4 && b[1] >= 0x90))
        return 0;
    memcpy(out, b, cont + 1);
    return cont + 1;
}

wn_str
wn_meta_clean(wn_arena *a, const char *s, size_t n)
{
    wn_str r = {NULL, 0};
    if (!s || !n)
        return r;
    char *o = wn_arena_alloc(a, n + 1);
    if (!o)
        return r;
    size_t k = 0;
    bool space = false;
    bool mojibake = false;
    for (const char *p = memchr(s, 0xC3, n); p && !mojibake;
         p = memchr(p + 1, 0xC3, (size_t)(s + n - (p + 1)))) {
        char tmp[4];
        mojibake = mojibake_at(s, n, (size_t)(p - s), tmp, false);
    }
    /* bytes that are copied as they are: printable ASCII but '&', and the
     * bytes of UTF-8 sequences except the leads of spaces (C2, E2, E3) and,
     * in a text with mojibake, of its repairs (C3) */
    const unsigned char special_lead = mojibake ? 0xC3 : 0xC2;
    for (size_t i = 0; i < n;) {
        /* eight plain bytes at a time, up to the first other one; the
         * output never runs ahead of the input (k <= i), so the whole
         * eight-byte store stays inside o's n + 1 bytes */
        while (!space && n - i >= 8) {
            uint64_t x = wn_sw_load(s + i);
            /* a lone ' ' between two plain bytes is copied as it is too,
             * once the output has begun */
            uint64_t sp = wn_sw_zero(x ^ (WN_SW_ONES * ' '));
            uint64_t other = wn_sw_zero(x) | wn_sw_range(x, 1, 0x1F) |
                             wn_sw_zero(x ^ (WN_SW_ONES * '&')) | wn_sw_zero(x ^ (WN_SW_ONES * 0x7F)) |
                             wn_sw_zero(x ^ (WN_SW_ONES * 0xC2)) | wn_sw_zero(x ^ (WN_SW_ONES * 0xE2)) |
                             wn_sw_zero(x ^ (WN_SW_ONES * 0xE3)) |
                             wn_sw_zero(x ^ (WN_SW_ONES * special_lead));
            /* the mark of the byte after each (the last byte's: unknown) */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            uint64_t next = ((other | sp) << 8) | 0x80u;
#else
            uint64_t next = ((other | sp) >> 8) | (0x80ull << 56);
#endif
            other |= k ? sp & next : sp;
            size_t run = other ? wn_sw_first(other) : 8;
            memcpy(o + k, &x, 8);
            k += run;
            i += run;
            if (run < 8)
                break;
        }
        if (i >= n)
            break;
        unsigned char b = (unsigned char)s[i];
        if (!space && b > 0x20 && b != '&' && b != 0x7F && b != 0xC2 && b != 0xE2 && b != 0xE3 &&
            b != special_lead) {
            o[k++] = (char)b;
            i++;
            continue;
        }
        size_t sl;
        if (is_space_at(s, n, i, &sl)) {
            space = true;
            i += sl;
            continue;
        }
        /* a soft hyphen is an invisible break point inside a word:
         * "Assis&shy;tance" reads "Assistance" */
        if ((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) {
            i += 2;
            continue;
        }
        if (s[i] == '&') {
            char ent[8];
            size_t el = 0;
            size_t used = entity_at(s, n, i, ent, &el);
            size_t esl = 0;
            if (used && el <= used) {
                if (el && is_space_at(ent, el, 0, &esl) && esl == el) {
                    /* &nbsp; &emsp; &#32;: a space, as the characters
                     * written out are (still pending: runs collapse) */
                    space = true;
                } else if (el == 2 && ent[0] == '\xC2' && ent[1] == '\xAD') {
                    /* &#173;: a soft hyphen, as above */
                } else {
                    if (space && k)
                        o[k++] = ' ';
                    space = false;
                    memcpy(o + k, ent, el);
                    k += el;
                }
                i += used;
                continue;
            }
        }
        if (space && k)
            o[k++] = ' ';
        space = false;
        size_t ml = mojibake ? mojibake_at(s, n, i, o + k, true) : 0;
        if (ml) {
            k += ml;
            i += 2 + 2 * (ml - 1);
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        o[k++] = c < 0x20 || c == 0x7F ? ' ' : (char)c;
        i++;
    }
    while (k && o[k - 1] == ' ')
        k--;
    if (!k)
        return r;
    o[k] = '\0';
    r.ptr = o;
    r.len = k;
    return r;
}

/* Does an element (not text, blank text skipped) come right before n? */
static bool
after_element(const wn_node *n)
{
    for (const wn_node *p = n->prev; p; p = p->prev) {
        if (p->type == WN_NODE_ELEMENT)
            return true;
        if (p->type != WN_NODE_TEXT)
            continue;
        for (size_t i = 0; i < p->len; i++)
            if (p->data[i] != ' ' && p->data[i] != '\n' && p->data[i] != '\t' &&
                p->data[i] != '\r')
                return false;
    }
    return false;
}

enum { TEXT_SPLIT = 1, TEXT_HEADING = 2, TEXT_SR = 4 };

bool
wn_meta_heading_skips(const wn_node *n, bool screen_reader)
{
    if (n->type != WN_NODE_ELEMENT)
        return false;
    if (n->tag == WN_TAG_BUTTON || wn_node_has_attr(n, "hidden"))
        return true;
    size_t l;
    const char *v = screen_reader ? wn_node_attr(n, "class", &l) : NULL;
    return v && (wn_tokens_classify_class(v, l) & WN_TOK_HIDDEN);
}

static wn_str
node_text(wn_arena *a, const wn_node *root, size_t max, int mode)
{
    bool split_siblings = mode & TEXT_SPLIT;
    wn_buf b;
    wn_buf_init(&b, a, 0);
    wn_walk w;
    wn_node *n;
    bool enter;
    wn_walk_init(&w, (wn_node *)root);
    size_t cap = max;
    while (wn_walk_next(&w, &n, &enter) && b.len < cap) {
        if (!enter)
            continue;
        if (n->type == WN_NODE_ELEMENT) {
            if (n->tag == WN_TAG_SCRIPT || n->tag == WN_TAG_STYLE || n->tag == WN_TAG_TEMPLATE ||
                n->tag == WN_TAG_NOSCRIPT || n->tag == WN_TAG_SVG) {
                wn_walk_skip_children(&w);
                continue;
            }
            /* a heading's button ("Copy item path"), hidden pop-up or
             * screen-reader-only label ("Collection: ") is not its text */
            if ((mode & TEXT_HEADING) && n != root && wn_meta_heading_skips(n, mode & TEXT_SR)) {
                wn_walk_skip_children(&w);
                continue;
            }
            /* a line break, too, ends a byline's segment: "Jane Doe<br>4
             * August 2010" */
            if (split_siblings && n != root && b.len && (after_element(n) || n->tag == WN_TAG_BR))
                wn_buf_puts(&b, " | ");
            else if (n->tag == WN_TAG_BR || n->tag == WN_TAG_P || n->tag == WN_TAG_DIV ||
                     n->tag == WN_TAG_LI)
                wn_buf_putc(&b, ' ');
        } else if (n->type == WN_NODE_TEXT) {
            wn_buf_append(&b, n->data, n->len < cap ? n->len : cap);
        }
    }
    if (b.failed || !b.len)
        return (wn_str){NULL, 0};
    return wn_meta_clean(a, b.ptr, b.len);
}

wn_str
wn_meta_node_text(wn_arena *a, const wn_node *root, size_t max)
{
    return node_text(a, root, max, 0);
}

/* A heading printed twice, once for wide and once for narrow screens
 * ("<span class=wide>News</span><span class=narrow>News</span>", styles
 * showing one): below the elements that hold all its text, two parts
 * (elements or text) with the same text and nothing else. One copy, else
 * `whole`. */
static wn_str
one_copy(wn_arena *a, const wn_node *root, size_t max, int mode, wn_str whole)
{
    const wn_node *n = root;
    for (int depth = 0; depth < 8; depth++) {
        const wn_node *el[2] = {NULL, NULL};
        wn_str tx[2];
        size_t k = 0, seen = 0;
        for (const wn_node *c = n->first_child; c; c = c->next) {
            wn_str t;
            if (c->type == WN_NODE_TEXT)
                t = wn_meta_clean(a, c->data, c->len < max ? c->len : max);
            else if (c->type != WN_NODE_ELEMENT || wn_meta_heading_skips(c, mode & TEXT_SR))
                continue;
            else if (++seen > 6) /* a row of icons and words, not two copies */
                return whole;
            else
                t = node_text(a, c, max, mode);
            if (!t.len)
                continue;
            if (k == 2)
                return whole;
            el[k] = c;
            tx[k++] = t;
        }
        if (k == 1 && el[0]->type == WN_NODE_ELEMENT) {
            n = el[0];
            continue;
        }
        if (k == 2 && tx[0].len == tx[1].len && memcmp(tx[0].ptr, tx[1].ptr, tx[0].len) == 0)
            return tx[0];
        return whole;
    }
    return whole;
}

wn_str
wn_meta_heading_text(wn_arena *a, const wn_node *root, size_t max)
{
    /* without its screen-reader-only text, unless that is all of it (a
     * logo's hidden site name) */
    int mode = TEXT_HEADING | TEXT_SR;
    wn_str t = node_text(a, root, max, mode);
    if (!t.ptr) {
        mode = TEXT_HEADING;
        t = node_text(a, root, max, mode);
    }
    return t.ptr ? one_copy(a, root, max, mode, t) : t;
}

/* As wn_meta_node_text, and an element right after another element (no
 * text between, blank aside) starts a new segment, " | ":
 * "<span>Jane Doe</span><span>Founder at Acme</span>" reads "Jane Doe |
 * Founder at Acme" (a name, then its role), not "Jane DoeFounder at Acme".
 * For bylines; titles keep their styled letters together. */
wn_str
wn_meta_node_text_split(wn_arena *a, const wn_node *root, size_t max)
{
    return node_text(a, root, max, TEXT_SPLIT);
}

static char
lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

bool
wn_meta_icontains(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    if (!s || n < l)
        return false;
    if (l == 0)
        return true;
    /* first byte tested inline: most positions fail there */
    char first = lower(lit[0]);
    for (size_t i = 0; i + l <= n; i++) {
        if (lower(s[i]) != first)
            continue;
        size_t k = 1;
        while (k < l && lower(s[i + k]) == lower(lit[k]))
            k++;
        if (k == l)
            return true;
    }
    return false;
}

size_t
wn_meta_fold(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    bool gap = false;
    for (size_t i = 0; i < n && k + 5 < cap;) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) { /* ASCII inline: letters, digits and '_' make words */
            bool wc = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
                      (b >= '0' && b <= '9') || b == '_';
            i++;
            if (!wc) {
                gap = true;
                continue;
            }
            if (gap && k)
                out[k++] = ' ';
            gap = false;
            out[k++] = lower((char)b);
            continue;
        }
        size_t st = i;
        unsigned cp = wn_meta_u8next(s, n, &i);
        if (cp == 0xAD) /* a soft hyphen joins the word it breaks */
            continue;
        if (!wn_meta_is_word_cp(cp)) {
            gap = true;
            continue;
        }
        if (gap && k)
            out[k++] = ' ';
        gap = false;
        if (cp < 0x80) {
            out[k++] = lower((char)cp);
        } else {
            memcpy(out + k, s + st, i - st);
            k += i - st;
        }
    }
    out[k] = '\0';
    return k;
}
