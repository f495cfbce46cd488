/* render_text.c - the content as plain text.
 *
 * Paragraphs and other blocks are separated by a blank line; headings, list
 * items, definition terms and table rows sit on lines of their own; table
 * cells are joined with " | "; <br> is a line break. Whitespace collapses
 * to single spaces except inside <pre>, which is copied exactly. Subtrees
 * flagged DROP, BOILER, HEADLINE or BYLINE are skipped; captions are kept
 * unless WN_OPT_NO_CAPTIONS or scoring found them asides (an article's: a
 * caption describes an image plain text does not show; not when captions
 * make half the text), tables unless WN_OPT_NO_TABLES; ruby's readings
 * (<rt>, <rp>) are left out, the text they annotate kept. One explicit
 * walk per content root: no recursion, linear in the content's size.
 */
#include "pipeline.h"
#include "render/render.h"
#include "score/score.h"
#include "util/swar.h"

enum { BREAK_NONE = 0, BREAK_SPACE, BREAK_LINE, BREAK_PARA };

typedef struct text_out {
    wn_buf *b;
    int pending;       /* strongest break requested since the last text */
    bool any;          /* something written */
} text_out;

static void
want(text_out *t, int brk)
{
    if (brk > t->pending)
        t->pending = brk;
}

static void
flush(text_out *t)
{
    if (t->any) {
        if (t->pending == BREAK_PARA)
            wn_buf_puts(t->b, "\n\n");
        else if (t->pending == BREAK_LINE)
            wn_buf_putc(t->b, '\n');
        else if (t->pending == BREAK_SPACE)
            wn_buf_putc(t->b, ' ');
    }
    t->pending = BREAK_NONE;
    t->any = true;
}

/* ' ', '\n', '\t', '\r', '\f' */
#define SPACE_BITS ((1ull << ' ') | (1ull << '\n') | (1ull << '\t') | (1ull << '\r') | (1ull << '\f'))

static inline bool
is_space(unsigned char c)
{
    return c <= ' ' && ((SPACE_BITS >> c) & 1);
}

/* High bits of the bytes of x that are '\n', '\t', '\r' or '\f' (the
 * blanks of is_space other than ' '): 0x09..0x0D without 0x0B. */
static inline uint64_t
space_other(uint64_t x)
{
    return wn_sw_range(x, '\t', '\r') & ~wn_sw_zero(x ^ (WN_SW_ONES * 0x0B));
}

/* Collapsed text: runs of whitespace become one pending space. Words
 * separated by one ' ' are copied as one run (what collapsing would write
 * for them), so most text goes out in one append. */
static void
put_text(text_out *t, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (is_space((unsigned char)s[i])) {
            want(t, BREAK_SPACE);
            while (i < n && is_space((unsigned char)s[i]))
                i++;
            continue;
        }
        size_t j = i;
        /* eight bytes at a time: the run ends at a blank other than ' ', or
         * at a ' ' followed by a blank */
        while (n - j >= 9) {
            uint64_t x = wn_sw_load(s + j), y = wn_sw_load(s + j + 1);
            uint64_t stop = space_other(x) | (wn_sw_zero(x ^ (WN_SW_ONES * ' ')) &
                                              (space_other(y) | wn_sw_zero(y ^ (WN_SW_ONES * ' '))));
            if (stop) {
                j += wn_sw_first(stop);
                goto run_end;
            }
            j += 8;
        }
        for (;;) {
            while (j < n && !is_space((unsigned char)s[j]))
                j++;
            if (j + 1 < n && s[j] == ' ' && !is_space((unsigned char)s[j + 1]))
                j++;
            else
                break;
        }
    run_end:
        flush(t);
        wn_buf_append(t->b, s + i, j - i);
        i = j;
    }
}

/* Preformatted text, exactly (a leading newline after <pre> is already
 * removed by the parser). */
static void
put_pre(text_out *t, const char *s, size_t n)
{
    if (!n)
        return;
    flush(t);
    wn_buf_append(t->b, s, n);
}

static int
block_break(const wn_node *n)
{
    if (n->type != WN_NODE_ELEMENT || n->ns != WN_NS_HTML)
        return BREAK_NONE;
    switch (n->tag) {
    case WN_TAG_LI: case WN_TAG_DT: case WN_TAG_DD: case WN_TAG_TR: case WN_TAG_CAPTION:
    case WN_TAG_SUMMARY: case WN_TAG_LEGEND:
        return BREAK_LINE;
    case WN_TAG_TD: case WN_TAG_TH:
        return BREAK_NONE; /* joined with " | " */
    default:
        return wn_tag_is_block(n) ? BREAK_PARA : BREAK_NONE;
    }
}

static bool
skipped(const wn_node *n, uint32_t opts)
{
    if (n->flags & (WN_NF_DROP | WN_NF_BOILER | WN_NF_HEADLINE | WN_NF_BYLINE))
        return true;
    if ((opts & WN_OPT_NO_CAPTIONS) && (n->flags & WN_NF_CAPTION))
        return true;
    if ((opts & WN_OPT_NO_TABLES) && wn_node_is(n, WN_TAG_TABLE))
        return true;
    if (n->type == WN_NODE_ELEMENT && n->ns == WN_NS_HTML &&
        (n->tag == WN_TAG_SCRIPT || n->tag == WN_TAG_STYLE || n->tag == WN_TAG_TEMPLATE ||
         n->tag == WN_TAG_HEAD || n->tag == WN_TAG_RT || n->tag == WN_TAG_RP))
        return true;
    return n->type == WN_NODE_ELEMENT && n->ns != WN_NS_HTML;
}

/* A formula (a <math>, or an <img> whose alt text is its TeX) as TeX
 * between $ signs, $$ and a paragraph of its own for a display formula;
 * anything else writes nothing. */
static void
put_math(text_out *t, const wn_node *n)
{
    bool display = false;
    size_t l = 0;
    const char *alt = NULL;
    if (wn_render_is_math(n))
        display = wn_render_math_display(n);
    else if (!(alt = wn_render_math_img(n, &l)))
        return;
    if (display)
        want(t, BREAK_PARA);
    /* written after the break, then taken back if the formula is empty */
    size_t at = t->b->len;
    int pending = t->pending;
    bool any = t->any;
    flush(t);
    size_t open = t->b->len;
    wn_buf_puts(t->b, display ? "$$" : "$");
    size_t body = t->b->len;
    bool ok = alt ? wn_render_math_source(t->b, alt, l) : wn_render_math(n, t->b);
    if (!ok || t->b->len == body) {
        t->b->len = at < open ? at : open;
        t->pending = pending;
        t->any = any;
        return;
    }
    wn_buf_puts(t->b, display ? "$$" : "$");
    if (display)
        want(t, BREAK_PARA);
}

wn_status
wn_render_text(const wn_result *r, wn_buf *out)
{
    if (!r || !out)
        return WN_ERR_INVALID;
    uint32_t opts = r->doc ? r->doc->opts.flags : 0;
    if (r->content.captions_aside && !(opts & WN_OPT_CAPTIONS)) /* (see the top of the file) */
        opts |= WN_OPT_NO_CAPTIONS;
    text_out t = {out, BREAK_NONE, false};
    for (size_t i = 0; i < r->content.n_roots; i++) {
        wn_node *root = r->content.roots[i];
        if (!root)
            continue;
        want(&t, BREAK_PARA);
        size_t pre = 0;
        wn_walk w;
        wn_node *n;
        bool e;
        wn_walk_init(&w, root);
        while (wn_walk_next(&w, &n, &e)) {
            if (n->type == WN_NODE_TEXT) {
                if (pre)
                    put_pre(&t, n->data, n->len);
                else
                    put_text(&t, n->data, n->len);
                continue;
            }
            if (n->type != WN_NODE_ELEMENT)
                continue;
            /* plain text writes no image: an emoji's always as its character */
            int special = e && n != root ? wn_render_special(n, opts & ~(uint32_t)WN_OPT_IMAGES)
                                         : WN_RENDER_PLAIN;
            if (special) {
                size_t el;
                if (special == WN_RENDER_FORMULA) {
                    put_math(&t, n);
                } else {
                    const char *alt = wn_render_emoji_alt(n, &el);
                    put_text(&t, alt, el);
                }
                wn_walk_skip_children(&w);
                continue;
            }
            if (e && n != root && skipped(n, opts)) {
                wn_walk_skip_children(&w);
                continue;
            }
            if (wn_node_is(n, WN_TAG_BR)) {
                /* one <br> ends a line; a second in a row ends a paragraph */
                if (e)
                    want(&t, t.pending >= BREAK_LINE ? BREAK_PARA : BREAK_LINE);
                continue;
            }
            if (wn_node_is(n, WN_TAG_PRE)) {
                if (e)
                    pre++;
                else if (pre)
                    pre--;
            }
            if (wn_node_is(n, WN_TAG_TD) || wn_node_is(n, WN_TAG_TH)) {
                if (!e)
                    continue;
                /* cells after the first of a row are joined by " | " */
                const wn_node *p = n->prev;
                while (p && p->type != WN_NODE_ELEMENT)
                    p = p->prev;
                if (p && t.any && t.pending < BREAK_LINE) {
                    t.pending = BREAK_NONE;
                    wn_buf_puts(out, " | ");
                }
                continue;
            }
            int brk = block_break(n);
            if (brk)
                want(&t, brk);
        }
    }
    return out->failed ? (wn_status)out->failed : WN_OK;
}
