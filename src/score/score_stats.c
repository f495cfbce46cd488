/* score_stats.c - per-node subtree statistics in one post-order walk.
 *
 * Every later decision (is this block link-dense? does this container hold
 * the article's paragraphs?) reads these figures, so they are computed once
 * per pass, in O(nodes + text bytes), with no recursion: a text node adds to
 * its parent, and an element adds its totals to its parent when the walk
 * leaves it.
 */
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "clean/clean.h"
#include "score/score.h"

static inline bool
tag_is_block(const wn_node *n)
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

bool
wn_tag_is_block(const wn_node *n)
{
    return tag_is_block(n);
}

static inline uint32_t
sat_add(uint32_t a, uint32_t b)
{
    uint32_t s = a + b;
    return s < a ? UINT32_MAX : s;
}

/* Is s[i], a byte 0xEF or 0xE3, the start of a comma or full stop:
 * U+FF0C fullwidth comma, U+3001 ideographic comma, U+3002 full stop? */
static inline bool
wide_comma(const unsigned char *s, size_t i, size_t n)
{
    if (i + 2 >= n)
        return false;
    if (s[i] == 0xEF)
        return s[i + 1] == 0xBC && s[i + 2] == 0x8C;
    return s[i + 1] == 0x80 && (s[i + 2] == 0x81 || s[i + 2] == 0x82);
}

/* Bits set in a 16-bit mask, without the library call __builtin_popcount
 * makes when the target has no popcount instruction. */
static inline uint32_t
pop16(unsigned x)
{
    x = x - ((x >> 1) & 0x5555u);
    x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
    x = (x + (x >> 4)) & 0x0F0Fu;
    return (x + (x >> 8)) & 0x1Fu;
}

/* Count non-whitespace bytes (UTF-8 continuation bytes included: a rough
 * but monotonic size) and punctuation that separates clauses. With SSE2,
 * 16 bytes at a time. */
static void
text_figures(const char *str, size_t n, uint32_t *chars, uint32_t *commas)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t c = 0, k = 0;
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i sp = _mm_set1_epi8(' '), nl = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t'),
                  cr = _mm_set1_epi8('\r'), ff = _mm_set1_epi8('\f'), comma = _mm_set1_epi8(','),
                  ef = _mm_set1_epi8((char)0xEF), e3 = _mm_set1_epi8((char)0xE3);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(v, nl)),
                                  _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, cr)));
        ws = _mm_or_si128(ws, _mm_cmpeq_epi8(v, ff));
        c += 16u - pop16((unsigned)_mm_movemask_epi8(ws));
        unsigned cm = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, comma));
        if (cm)
            k += pop16(cm);
        unsigned lead = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(v, ef), _mm_cmpeq_epi8(v, e3)));
        while (lead) {
            if (wide_comma(s, i + (size_t)__builtin_ctz(lead), n))
                k++;
            lead &= lead - 1;
        }
    }
#endif
    for (; i < n; i++) {
        unsigned char b = s[i];
        if (b == ' ' || b == '\n' || b == '\t' || b == '\r' || b == '\f')
            continue;
        c++;
        if (b == ',')
            k++;
        else if ((b == 0xEF || b == 0xE3) && wide_comma(s, i, n))
            k++;
    }
    *chars = c;
    *commas = k;
}

/* text_figures of a text node, through the doc's cache when there is one. */
static inline void
node_text_figures(wn_doc_cache *c, const wn_node *t, uint32_t *chars, uint32_t *commas)
{
    if (c && t->index < c->n && c->text_chars[t->index]) {
        *chars = c->text_chars[t->index] - 1;
        *commas = c->text_commas[t->index];
        return;
    }
    text_figures(t->data, t->len, chars, commas);
    if (c && t->index < c->n && *chars < UINT32_MAX) {
        c->text_chars[t->index] = *chars + 1;
        c->text_commas[t->index] = *commas;
    }
}

void
wn_text_figures(wn_doc *doc, const wn_node *t, uint32_t *chars, uint32_t *commas)
{
    node_text_figures(wn_doc_cache_get(doc), t, chars, commas);
}

/* The statistics walk from `top`. Whole document (`subtree` false): st
 * zeroed beforehand, every figure propagates to the parent. Subtree: each
 * visited node's entry is zeroed as it is entered and nothing goes above
 * `top`, whose figures are then those the whole-document walk would give
 * it (`in_link` says whether `top` lies inside a link). Returns the number
 * of steps. */
static inline __attribute__((always_inline)) size_t
stats_walk(wn_stats *st, wn_doc_cache *cache, wn_node *top, uint32_t skip_flags,
           uint32_t unless_flags, bool subtree, uint32_t in_link)
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
            node_text_figures(cache, node, &chars, &commas);
            wn_stat *p = &st->s[node->parent->index];
            p->text = sat_add(p->text, chars);
            p->commas = sat_add(p->commas, commas);
            if (in_link)
                p->link = sat_add(p->link, chars);
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
            if (up && tag_is_block(node)) {
                wn_stat *p = &st->s[node->parent->index];
                if (p->blocks < UINT16_MAX)
                    p->blocks++;
            }
            continue;
        }
        depth--;
        if (wn_node_is(node, WN_TAG_A) && in_link)
            in_link--;
        bool block = tag_is_block(node);
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
            s->paras = sat_add(s->paras, 1);
        if (up) {
            wn_stat *p = &st->s[node->parent->index];
            if (block) {
                p->loose = sat_add(p->loose, s->text);
                p->loose_link = sat_add(p->loose_link, s->link);
                p->loose_commas = sat_add(p->loose_commas, s->commas);
            }
            p->text = sat_add(p->text, s->text);
            p->link = sat_add(p->link, s->link);
            p->paras = sat_add(p->paras, s->paras);
            p->commas = sat_add(p->commas, s->commas);
        }
    }
    return steps;
}

/* An array for n entries in st (kept when large enough), not zeroed. */
static bool
stats_reserve(wn_stats *st, wn_arena *arena, uint32_t n)
{
    if (!st->s || st->n < n) {
        st->s = wn_arena_alloc(arena, (size_t)n * sizeof *st->s);
        if (!st->s)
            return false;
    }
    st->n = n;
    return true;
}

bool
wn_stats_compute(wn_stats *st, wn_doc *doc, uint32_t skip_flags, uint32_t unless_flags)
{
    wn_dom *dom = doc->dom;
    wn_doc_cache *cache = wn_doc_cache_get(doc); /* NULL on OOM: counted each time */
    uint32_t n = dom->node_count + 1;
    if (!stats_reserve(st, &doc->arena, n))
        return false;
    memset(st->s, 0, (size_t)n * sizeof *st->s);
    stats_walk(st, cache, dom->root, skip_flags, unless_flags, false, 0);
    return true;
}

size_t
wn_stats_subtree(wn_stats *st, wn_doc *doc, wn_node *node, uint32_t skip_flags)
{
    uint32_t n = doc->dom->node_count + 1;
    if (!node || node->index >= n || !stats_reserve(st, &doc->arena, n))
        return 0;
    uint32_t in_link = 0;
    for (const wn_node *a = node->parent; a; a = a->parent)
        if (wn_node_is(a, WN_TAG_A))
            in_link++;
    return stats_walk(st, wn_doc_cache_get(doc), node, skip_flags, 0, true, in_link);
}

const wn_stat *
wn_sizes_of(wn_sizes *z, wn_doc *doc, wn_node *node)
{
    if (!z->whole) {
        size_t steps = z->budget ? wn_stats_subtree(&z->st, doc, node, z->skip) : 0;
        if (steps && steps < z->budget) {
            z->budget -= steps;
            return wn_stats_of(&z->st, node);
        }
        /* over budget (or OOM): the whole page's, once */
        if (!wn_stats_compute(&z->st, doc, z->skip, 0))
            return NULL;
        z->whole = true;
    }
    return wn_stats_of(&z->st, node);
}

void
wn_sizes_init(wn_sizes *z, wn_doc *doc, wn_stats st, uint32_t skip_flags)
{
    z->st = st;
    z->whole = false;
    z->skip = skip_flags;
    z->budget = (size_t)doc->dom->node_count + 1;
}
