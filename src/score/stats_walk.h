/* stats_walk.h - the statistics walk of score_stats.c, inline, so that a
 * caller can do its own work in the same walk: score.c scores its
 * candidates as the walk leaves each element, when the element's figures
 * are complete, instead of walking the tree a second time.
 */
#ifndef WN_STATS_WALK_H
#define WN_STATS_WALK_H

#include <string.h>

#include "clean/clean.h"
#include "score/score.h"

/* Non-whitespace bytes and clause punctuation of s[0..n) (score_stats.c). */
void wn_text_count(const char *s, size_t n, uint32_t *chars, uint32_t *commas);
/* The same by a plain byte loop (tests compare the two). */
void wn_text_count_plain(const char *s, size_t n, uint32_t *chars, uint32_t *commas);

/* wn_tag_is_block, inline (the walks ask it of every element) */
static inline bool
wn_stats_block(const wn_node *n)
{
    if (!n || n->type != WN_NODE_ELEMENT || n->ns != WN_NS_HTML)
        return false;
    switch (n->tag) {
    case WN_TAG_P: case WN_TAG_DIV: case WN_TAG_SECTION: case WN_TAG_ARTICLE: case WN_TAG_MAIN:
    case WN_TAG_ASIDE: case WN_TAG_HEADER: case WN_TAG_FOOTER: case WN_TAG_NAV:
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5: case WN_TAG_H6:
    case WN_TAG_UL: case WN_TAG_OL: case WN_TAG_LI: case WN_TAG_DL: case WN_TAG_DT: case WN_TAG_DD:
    case WN_TAG_TABLE: case WN_TAG_TBODY: case WN_TAG_THEAD: case WN_TAG_TFOOT: case WN_TAG_TR:
    case WN_TAG_TD: case WN_TAG_TH: case WN_TAG_CAPTION: case WN_TAG_PRE: case WN_TAG_BLOCKQUOTE:
    case WN_TAG_FIGURE: case WN_TAG_FIGCAPTION: case WN_TAG_FORM: case WN_TAG_FIELDSET:
    case WN_TAG_HR: case WN_TAG_ADDRESS: case WN_TAG_DETAILS: case WN_TAG_SUMMARY:
    case WN_TAG_CENTER: case WN_TAG_HGROUP: case WN_TAG_DIALOG: case WN_TAG_MENU:
    case WN_TAG_LEGEND: case WN_TAG_LISTING: case WN_TAG_XMP: case WN_TAG_BODY: case WN_TAG_HTML:
    case WN_TAG_DIR: case WN_TAG_NOSCRIPT: case WN_TAG_SEARCH:
        return true;
    default:
        return false;
    }
}

static inline uint32_t
wn_sat_add(uint32_t a, uint32_t b)
{
    uint32_t s = a + b;
    return s < a ? UINT32_MAX : s;
}

/* wn_text_count of a text node, through the doc's cache when there is one. */
static inline void
wn_node_text_figures(wn_doc_cache *c, const wn_node *t, uint32_t *chars, uint32_t *commas)
{
    if (c && t->index < c->n && c->text_chars[t->index]) {
        *chars = c->text_chars[t->index] - 1;
        *commas = c->text_commas[t->index];
        return;
    }
    wn_text_count(t->data, t->len, chars, commas);
    if (c && t->index < c->n && *chars < UINT32_MAX) {
        c->text_chars[t->index] = *chars + 1;
        c->text_commas[t->index] = *commas;
    }
}

/* An array for n entries in st (kept when large enough), not zeroed. */
static inline bool
wn_stats_reserve(wn_stats *st, wn_arena *arena, uint32_t n)
{
    if (!st->s || st->n < n) {
        st->s = wn_arena_alloc(arena, (size_t)n * sizeof *st->s);
        if (!st->s)
            return false;
    }
    st->n = n;
    return true;
}

/* Called for each element (and the document) the walk enters and does not
 * skip, and when it leaves it, its figures then complete (s). */
typedef void (*wn_stats_enter_fn)(void *ctx, wn_node *node);
typedef void (*wn_stats_leave_fn)(void *ctx, wn_node *node, const wn_stat *s);

/* The statistics walk from `top`. Whole document (`subtree` false): st
 * zeroed beforehand, every figure propagates to the parent. Subtree: each
 * visited node's entry is zeroed as it is entered and nothing goes above
 * `top`, whose figures are then those the whole-document walk would give
 * it (`in_link` says whether `top` lies inside a link). `enter` and
 * `leave` (either may be NULL) are called with `ctx`. Returns the number
 * of steps. */
static inline __attribute__((always_inline)) size_t
wn_stats_walk(wn_stats *st, wn_doc_cache *cache, wn_node *top, uint32_t skip_flags,
              uint32_t unless_flags, bool subtree, uint32_t in_link, wn_stats_enter_fn enter,
              wn_stats_leave_fn leave, void *ctx)
{
    uint32_t n = st->n;
    size_t steps = 0;
    wn_walk w;
    wn_node *node;
    bool entering;
    uint32_t depth = 0;
    wn_walk_init(&w, top);
    while (wn_walk_next(&w, &node, &entering)) {
        steps++;
        if (node->index >= n)
            continue; /* not expected: nodes created after the count */
        wn_stat *s = &st->s[node->index];
        if (node->type == WN_NODE_TEXT) {
            if (!entering || !node->parent || node->parent->index >= n || node == top)
                continue;
            uint32_t chars, commas;
            wn_node_text_figures(cache, node, &chars, &commas);
            wn_stat *p = &st->s[node->parent->index];
            p->text = wn_sat_add(p->text, chars);
            p->commas = wn_sat_add(p->commas, commas);
            if (in_link)
                p->link = wn_sat_add(p->link, chars);
            continue;
        }
        if (node->type != WN_NODE_ELEMENT && node->type != WN_NODE_DOCUMENT)
            continue;
        bool up = node->parent && node->parent->index < n && !(subtree && node == top);
        if (entering) {
            if ((node->flags & skip_flags) && !(node->flags & unless_flags)) {
                wn_walk_skip_children(&w);
                continue;
            }
            if (subtree)
                memset(s, 0, sizeof *s);
            s->depth = depth < UINT16_MAX ? (uint16_t)depth : UINT16_MAX;
            depth++;
            if (wn_node_is(node, WN_TAG_A))
                in_link++;
            if (up && wn_stats_block(node)) {
                wn_stat *p = &st->s[node->parent->index];
                if (p->blocks < UINT16_MAX)
                    p->blocks++;
            }
            if (enter)
                enter(ctx, node);
            continue;
        }
        depth--;
        if (wn_node_is(node, WN_TAG_A) && in_link)
            in_link--;
        bool block = wn_stats_block(node);
        /* loose text: until now the fields hold what block children gave */
        s->loose = s->text - s->loose;
        s->loose_link = s->link - s->loose_link;
        s->loose_commas = s->commas - s->loose_commas;
        /* a paragraph: a leaf block (or a <p>) with enough text, few links;
         * or a block's loose text (lines separated by <br>) */
        if ((wn_node_is(node, WN_TAG_P) || (s->blocks == 0 && block)) &&
            s->text >= 80 && s->link * 3 < s->text && s->paras == 0)
            s->paras = 1;
        else if (s->blocks > 0 && block && s->loose >= 80 &&
                 s->loose_link * 3 < s->loose)
            s->paras = wn_sat_add(s->paras, 1);
        if (up) {
            wn_stat *p = &st->s[node->parent->index];
            if (block) {
                p->loose = wn_sat_add(p->loose, s->text);
                p->loose_link = wn_sat_add(p->loose_link, s->link);
                p->loose_commas = wn_sat_add(p->loose_commas, s->commas);
            }
            p->text = wn_sat_add(p->text, s->text);
            p->link = wn_sat_add(p->link, s->link);
            p->paras = wn_sat_add(p->paras, s->paras);
            p->commas = wn_sat_add(p->commas, s->commas);
        }
        if (leave)
            leave(ctx, node, s);
    }
    return steps;
}

#endif
