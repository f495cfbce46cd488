/* score.c - find the article (or the main content of a non-article page).
 *
 * Phases:
 *   1. statistics: subtree text, link text, paragraphs and commas per node
 *      (score_stats.c), with what clean dropped left out;
 *   2. candidates: every paragraph-like leaf block (p, pre, td, blockquote,
 *      a div holding only text ...) scores 1 + its commas + its length in
 *      hundreds of bytes (at most 3) and gives that score to its ancestors,
 *      the parent in full, the grandparent half, further ones less. A
 *      container's final score adds what its tag and class/id vocabulary
 *      say (article/main/itemprop=articleBody up, comment/sidebar down) and
 *      is scaled by its share of non-link text;
 *   3. the top candidate is replaced by an ancestor when the ancestor holds
 *      several near-best candidates (an article split over several
 *      containers) or scores better; then its siblings that belong to the
 *      same article join it (same class, good score, or plain paragraphs
 *      with few links), in document order;
 *   4. region fallback: when the chosen blocks hold only a small part of
 *      the page's main region's text (forums, products, listings: many
 *      similar blocks, none dominant), the main region itself (<main>,
 *      role=main, else <body>) becomes the content; a region made mostly
 *      of repeated link items is extracted as a listing on any page;
 *   5. inside the content (score_boiler.c): headline, bylines, captions and
 *      repeated captions, share bars, related lists, link-dense lists,
 *      footers and comment sections are flagged so renderers skip them.
 * WN_OPT_PRECISION / WN_OPT_RECALL move the thresholds of 3-5.
 */
#include <stdlib.h>
#include <string.h>

#include "clean/clean.h"
#include "score/classify.h"
#include "score/score.h"
#include "score/stats_walk.h"

wn_page_type
wn_score_page_type(wn_doc *doc, const wn_metadata *meta)
{
    return wn_classify_page(doc, meta);
}

static inline bool
attr_is(const wn_node *n, const char *name, const char *value)
{
    size_t len = 0;
    const char *v = wn_node_attr(n, name, &len);
    return wn_value_ieq(v, len, value, strlen(value));
}

/* A leaf block whose text is scored as a paragraph. */
static bool
is_scored_block(const wn_node *n, const wn_stat *s)
{
    if (n->type != WN_NODE_ELEMENT || n->ns != WN_NS_HTML)
        return false;
    switch (n->tag) {
    case WN_TAG_P: case WN_TAG_PRE: case WN_TAG_TD: case WN_TAG_BLOCKQUOTE: case WN_TAG_DD:
        return true;
    case WN_TAG_LI:
        return s->text >= 80;
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
    case WN_TAG_H6: case WN_TAG_TH: case WN_TAG_DT: case WN_TAG_FIGCAPTION:
        return false;
    default:
        return s->blocks == 0 && (wn_stats_block(n) || wn_node_is(n, WN_TAG_SPAN)) &&
               n->parent && !wn_node_is(n->parent, WN_TAG_P);
    }
}

static double
tag_weight(const wn_node *n)
{
    switch (n->tag) {
    case WN_TAG_DIV: return 5;
    case WN_TAG_ARTICLE: return 10;
    case WN_TAG_MAIN: return 5;
    case WN_TAG_SECTION: return 3;
    case WN_TAG_PRE: case WN_TAG_TD: case WN_TAG_BLOCKQUOTE: return 3;
    case WN_TAG_ADDRESS: case WN_TAG_OL: case WN_TAG_UL: case WN_TAG_DL: case WN_TAG_DD:
    case WN_TAG_DT: case WN_TAG_LI: case WN_TAG_FORM: return -3;
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
    case WN_TAG_H6: case WN_TAG_TH: case WN_TAG_HEADER: case WN_TAG_FOOTER: return -5;
    default: return 0;
    }
}

static double
class_weight(wn_doc *doc, const wn_node *n)
{
    uint32_t bits = wn_doc_token_bits(doc, n);
    double w = 0;
    if (bits & WN_TOK_POS)
        w += 25;
    if (bits & (WN_TOK_NEG | WN_TOK_DROP))
        w -= 25;
    if (bits & WN_TOK_COMMENTS)
        w -= 25;
    if (attr_is(n, "itemprop", "articlebody"))
        w += 40;
    if (attr_is(n, "role", "main"))
        w += 10;
    return w;
}

/* Does n's class name boilerplate beside the content (NEG or DROP words:
 * a grid "with-right-rail")? Its id is not read: ids are often a widget
 * library's handles ("share-btns-2_containerParent"). */
static bool
class_says_more(const wn_node *n)
{
    size_t len = 0;
    const char *v = wn_node_attr(n, "class", &len);
    return v && (wn_tokens_classify(v, len) & (WN_TOK_NEG | WN_TOK_DROP));
}

typedef struct cand {
    wn_node *node;
    double score;
} cand;

/* Put candidate n, scored f, into the best five (sorted by score, the
 * earlier in the document first among equal scores: rank holds each
 * element's place in a preorder walk). */
static void
best5_add(cand best5[5], wn_node *n, double f, const uint32_t *rank)
{
    for (int i = 0; i < 5; i++) {
        if (!best5[i].node || f > best5[i].score ||
            (f == best5[i].score && rank[n->index] < rank[best5[i].node->index])) {
            memmove(&best5[i + 1], &best5[i], (size_t)(4 - i) * sizeof best5[0]);
            best5[i].node = n;
            best5[i].score = f;
            return;
        }
    }
}

static double
final_score(const wn_score_ctx *cx, const double *raw, const wn_node *n)
{
    const wn_stat *s = wn_stats_of(&cx->stats, n);
    return (raw[n->index] + tag_weight(n) + class_weight(cx->doc, n)) * (1.0 - wn_stat_link_density(s));
}

/* The paragraph score alone, scaled by non-link share. */
static double
content_score(const wn_score_ctx *cx, const double *raw, const wn_node *n)
{
    const wn_stat *s = wn_stats_of(&cx->stats, n);
    return raw[n->index] * (1.0 - wn_stat_link_density(s));
}

static wn_node *
find_body(wn_dom *dom)
{
    wn_walk w;
    wn_node *n;
    bool e;
    wn_walk_init(&w, dom->root);
    while (wn_walk_next(&w, &n, &e)) {
        if (!e || n->type != WN_NODE_ELEMENT)
            continue;
        if (wn_node_is(n, WN_TAG_BODY))
            return n;
        if (!wn_node_is(n, WN_TAG_HTML))
            wn_walk_skip_children(&w);
    }
    return dom->root;
}

/* Does a paragraph lie before the roots inside region: in a previous
 * sibling of roots[0] or of one of its ancestors below the region, that is
 * no root and holds none? Reads at most PARA_BEFORE_MAX siblings. */
#define PARA_BEFORE_MAX 256
static bool
paragraph_before(const wn_score_ctx *cx, wn_node *const *roots, size_t n_roots,
                 const wn_node *region)
{
    size_t steps = 0;
    for (const wn_node *a = roots[0]; a && a != region; a = a->parent)
        for (const wn_node *b = a->prev; b; b = b->prev) {
            if (++steps > PARA_BEFORE_MAX)
                return false;
            if (b->type != WN_NODE_ELEMENT || wn_stats_of(&cx->stats, b)->paras == 0)
                continue;
            bool holds_root = false;
            for (size_t i = 0; i < n_roots && !holds_root; i++)
                for (const wn_node *r = roots[i]; r && r != region; r = r->parent)
                    if (r == b) {
                        holds_root = true;
                        break;
                    }
            if (!holds_root)
                return true;
        }
    return false;
}

/* The main region: the <main> / role=main with most text, else body. */
static wn_node *
find_region(const wn_score_ctx *cx, wn_node *body)
{
    wn_walk w;
    wn_node *n, *best = NULL;
    bool e;
    uint32_t best_text = 0;
    /* clean listed them as it walked (those under the body count) */
    wn_doc_cache *cache = cx->doc->cache;
    if (cache && cache->mains_known) {
        for (uint8_t i = 0; i < cache->n_mains; i++) {
            wn_node *m = (wn_node *)cache->mains[i];
            const wn_node *a = m;
            while (a && a != body)
                a = a->parent;
            if (!a)
                continue;
            const wn_stat *s = wn_stats_of(&cx->stats, m);
            if (s->text > best_text) {
                best = m;
                best_text = s->text;
            }
        }
        goto chosen;
    }
    wn_walk_init(&w, body);
    while (wn_walk_next(&w, &n, &e)) {
        if (!e || n->type != WN_NODE_ELEMENT)
            continue;
        if (n->flags & WN_NF_DROP) {
            wn_walk_skip_children(&w);
            continue;
        }
        if (wn_node_is(n, WN_TAG_MAIN) || attr_is(n, "role", "main")) {
            const wn_stat *s = wn_stats_of(&cx->stats, n);
            if (s->text > best_text) {
                best = n;
                best_text = s->text;
            }
            wn_walk_skip_children(&w);
        }
    }
chosen:;
    const wn_stat *bs = wn_stats_of(&cx->stats, body);
    /* a <main> holding a sliver of the page is a mislabelled widget */
    if (best && (double)best_text >= 0.25 * (double)bs->text)
        return best;
    return body;
}

static uint32_t
good_text(const wn_score_ctx *cx, const wn_node *n)
{
    const wn_stat *s = wn_stats_of(&cx->stats, n);
    return s->text - s->link;
}

static bool
same_class(const wn_node *a, const wn_node *b)
{
    size_t la, lb;
    const char *ca = wn_node_attr(a, "class", &la);
    const char *cb = wn_node_attr(b, "class", &lb);
    return ca && cb && la && la == lb && memcmp(ca, cb, la) == 0;
}

/* Does the node's text end like a sentence? Checks its last text node. */
static bool
ends_sentence(const wn_node *n)
{
    const wn_node *t = n;
    while (t && t->type == WN_NODE_ELEMENT && t->last_child)
        t = t->last_child;
    if (!t || t->type != WN_NODE_TEXT)
        return false;
    size_t l = t->len;
    while (l && (t->data[l - 1] == ' ' || t->data[l - 1] == '\n' || t->data[l - 1] == '\t'))
        l--;
    if (!l)
        return false;
    char c = t->data[l - 1];
    return c == '.' || c == '!' || c == '?' || c == ':' || c == '"';
}

/* Does the element hold two or more <article> children (teasers of other
 * articles)? */
static bool
holds_articles(const wn_node *n)
{
    int k = 0;
    for (const wn_node *c = n->first_child; c; c = c->next)
        if (wn_node_is(c, WN_TAG_ARTICLE) && !(c->flags & WN_NF_DROP) && ++k >= 2)
            return true;
    return false;
}

/* Repeated items: element children alike (same tag and first class name)
 * with a link inside, as the cards of a list of articles, products or
 * search results. A group's text is summed over its items. */
#define ITEM_KINDS 16
#define ITEM_CHILDREN_MAX 512

typedef struct item_group {
    uint64_t text, link;
    uint32_t count;
} item_group;

/* Hash of an element's tag and first class name. */
static uint32_t
item_signature(const wn_node *n)
{
    uint32_t h = 2166136261u ^ (uint32_t)n->tag;
    size_t len;
    const char *c = wn_node_attr(n, "class", &len);
    if (c) {
        size_t i = 0;
        while (i < len && (c[i] == ' ' || c[i] == '\t' || c[i] == '\n'))
            i++;
        for (; i < len && c[i] != ' ' && c[i] != '\t' && c[i] != '\n'; i++) {
            h ^= (unsigned char)c[i];
            h *= 16777619u;
        }
        h ^= 0x9e3779b9u; /* a class, even an empty first one */
    }
    return h;
}

/* The largest group (by text) of the element's children alike; into *best
 * if larger. Bounded: the first ITEM_CHILDREN_MAX children, ITEM_KINDS
 * kinds. */
static void
item_group_of(const wn_score_ctx *cx, const wn_node *parent, item_group *best)
{
    uint32_t sig[ITEM_KINDS];
    item_group g[ITEM_KINDS];
    int kinds = 0, seen = 0;
    for (const wn_node *c = parent->first_child; c && seen < ITEM_CHILDREN_MAX; c = c->next, seen++) {
        if (c->type != WN_NODE_ELEMENT || (c->flags & (WN_NF_DROP | WN_NF_BOILER)))
            continue;
        const wn_stat *cs = wn_stats_of(&cx->stats, c);
        if (!cs->link)
            continue;
        uint32_t h = item_signature(c);
        int k = 0;
        while (k < kinds && sig[k] != h)
            k++;
        if (k == kinds) {
            if (kinds == ITEM_KINDS)
                continue;
            sig[kinds] = h;
            g[kinds] = (item_group){0, 0, 0};
            kinds++;
        }
        g[k].text += cs->text;
        g[k].link += cs->link;
        g[k].count++;
    }
    for (int k = 0; k < kinds; k++)
        if (g[k].count >= 3 && g[k].text > best->text)
            *best = g[k];
}

/* Levels above the best candidate looked at for a list it is one item of. */
#define ITEMS_UP 8
#define ITEMS_ALIKE 3

/* The parent of a list of items alike (same tag and first class name, each
 * with a link; ITEMS_ALIKE or more of them with a paragraph) that the best
 * candidate `top` lies in one item of, when the items together hold
 * `min_text` bytes of text: a blog's index of whole posts and excerpts, a
 * page of cards with summaries (not a story's teasers, without prose).
 * NULL when there is none below `stop`. Reads each ancestor's children
 * once (at most ITEM_CHILDREN_MAX). */
static wn_node *
items_parent(const wn_score_ctx *cx, wn_node *top, const wn_node *stop, double min_text)
{
    wn_node *a = top;
    for (int up = 0; up < ITEMS_UP && a && a != stop && a->parent && a->parent != stop;
         up++, a = a->parent) {
        wn_node *p = a->parent;
        if (p->type != WN_NODE_ELEMENT || (double)wn_stats_of(&cx->stats, p)->text < min_text)
            continue;
        uint32_t sig = item_signature(a);
        int alike = 0, seen = 0;
        uint64_t text = 0;
        for (const wn_node *c = p->first_child; c && seen < ITEM_CHILDREN_MAX;
             c = c->next, seen++) {
            if (c->type != WN_NODE_ELEMENT || (c->flags & (WN_NF_DROP | WN_NF_BOILER)))
                continue;
            const wn_stat *cs = wn_stats_of(&cx->stats, c);
            if (!cs->link || item_signature(c) != sig)
                continue;
            alike += cs->paras > 0;
            text += cs->text;
        }
        if (alike >= ITEMS_ALIKE && (double)text >= min_text)
            return p;
    }
    return NULL;
}

static wn_status
set_roots(wn_doc *doc, wn_content *out, wn_node **nodes, size_t n)
{
    out->roots = wn_arena_alloc(&doc->arena, (n ? n : 1) * sizeof *out->roots);
    if (!out->roots)
        return WN_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        out->roots[i] = nodes[i];
        nodes[i]->flags |= WN_NF_CONTENT;
    }
    out->n_roots = n;
    return WN_OK;
}

/* Elements sharing tag and first class name that make a repeated
 * component, at least this many. */
#define REPEAT_MIN 3
/* On list pages, the share of the page's text (links included) such a
 * component holds, and the bytes a copy holds on average. */
#define REPEAT_SHARE 0.15
#define REPEAT_ITEM 50

/* Hash of an element's tag and first class name (a template's elements
 * share it; later names often vary: variants, item ids). 0 without a class. */
static uint32_t
first_class_sig(const wn_node *n)
{
    size_t len;
    const char *v = wn_node_attr(n, "class", &len);
    size_t i = 0;
    while (v && i < len && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n'))
        i++;
    if (!v || i == len)
        return 0;
    uint32_t h = 2166136261u ^ n->tag;
    for (; i < len && v[i] != ' ' && v[i] != '\t' && v[i] != '\n'; i++) {
        h ^= (unsigned char)v[i];
        h *= 16777619u;
    }
    return h ? h : 1;
}

/* Is an element's class/id vocabulary only NEG (no DROP, comments or POS
 * word)? */
static bool
neg_only(uint32_t bits)
{
    return (bits & WN_TOK_NEG) && !(bits & (WN_TOK_DROP | WN_TOK_COMMENTS | WN_TOK_POS));
}

typedef struct sig_text {
    uint32_t sig;  /* first_class_sig */
    uint32_t text; /* the element's text, links included */
    uint32_t head; /* 1 when the element is or holds a heading */
} sig_text;

/* Nodes read to find a heading in an element */
#define HEADING_NODES 12

/* Is n a heading (h1..h6), or does one open it (within its first
 * HEADING_NODES nodes)? A card's title row: an item's name, however short. */
static bool
opens_with_heading(wn_node *n)
{
    wn_walk w;
    wn_node *m;
    bool e;
    int steps = 0;
    wn_walk_init(&w, n);
    while (wn_walk_next(&w, &m, &e) && steps++ < HEADING_NODES) {
        if (!e || m->type != WN_NODE_ELEMENT)
            continue;
        if (m->flags & WN_NF_DROP) {
            wn_walk_skip_children(&w);
            continue;
        }
        switch (m->tag) {
        case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
        case WN_TAG_H6:
            return true;
        default:
            break;
        }
    }
    return false;
}

static int
cmp_sig_text(const void *a, const void *b)
{
    uint32_t x = ((const sig_text *)a)->sig, y = ((const sig_text *)b)->sig;
    return x < y ? -1 : x > y;
}

/* The text of an element (links included) under the negative-block pass's
 * flags: clean's sums when it kept them, else the statistics. UINT32_MAX
 * when they cannot be had. */
static uint32_t
neg_text(wn_doc *doc, const wn_subtree_text *subtree, uint32_t nn, wn_sizes *z, wn_node *n)
{
    if (subtree && n->index < nn)
        return subtree[n->index].text;
    const wn_stat *s = wn_sizes_of(z, doc, n);
    return s ? s->text : UINT32_MAX;
}

/* On a service page (a landing page built of modules), an element whose
 * class carries a NEG word ("cta", "banner", "follow", "header") but that
 * REPEAT_MIN elements with such words share by tag and first class name is
 * a template repeated down the page: the service cards, the testimonials,
 * the feature rows the page is made of, not its one footer or sidebar. They
 * get WN_NF_REPEATED, which the negative-block and boilerplate passes
 * respect. On a listing or collection page the same holds for a template
 * whose copies hold `min_text` bytes of text together (a share of the
 * page's) and REPEAT_ITEM each on average: the page's product cards whose
 * class names "links" or "footer" for a hover style or the card's bottom
 * row, not a row of short tag links. `list` holds the page's elements with
 * negative words (clean's list), else the tree is walked for them. */
static void
mark_repeated(wn_score_ctx *cx, wn_node *const *list, uint32_t n_list, double min_text,
              const wn_subtree_text *subtree, uint32_t nn, wn_sizes *z)
{
    wn_arena *a = &cx->doc->arena;
    uint32_t cap = n_list, n = 0;
    wn_node **els = NULL;
    if (!list) {
        /* (no list from clean: the elements with NEG words, from a walk) */
        uint32_t k = 0;
        wn_walk w;
        wn_node *e;
        bool enter;
        for (int pass = 0; pass < 2; pass++) {
            wn_walk_init(&w, cx->doc->dom->root);
            k = 0;
            while (wn_walk_next(&w, &e, &enter)) {
                if (!enter || e->type != WN_NODE_ELEMENT)
                    continue;
                if (e->flags & WN_NF_DROP) {
                    wn_walk_skip_children(&w);
                    continue;
                }
                if (neg_only(wn_doc_token_bits(cx->doc, e))) {
                    if (pass)
                        els[k] = e;
                    k++;
                }
            }
            if (pass || k < REPEAT_MIN)
                break;
            if (!(els = wn_arena_alloc(a, (size_t)k * sizeof *els)))
                return;
        }
        if (!els)
            return;
        list = els;
        cap = n_list = k;
    }
    if (cap < REPEAT_MIN)
        return;
    uint32_t *sig = wn_arena_alloc(a, (size_t)cap * sizeof *sig);
    sig_text *sorted = wn_arena_alloc(a, (size_t)cap * sizeof *sorted);
    if (!sig || !sorted)
        return;
    for (uint32_t i = 0; i < n_list; i++) {
        sig[i] = neg_only(wn_doc_token_bits(cx->doc, list[i])) ? first_class_sig(list[i]) : 0;
        if (sig[i]) {
            uint32_t t = min_text > 0 ? neg_text(cx->doc, subtree, nn, z, list[i]) : 0;
            if (t == UINT32_MAX)
                return;
            sorted[n].sig = sig[i];
            sorted[n].head = min_text > 0 && opens_with_heading(list[i]);
            sorted[n++].text = t;
        }
    }
    if (n < REPEAT_MIN)
        return;
    qsort(sorted, n, sizeof *sorted, cmp_sig_text);
    /* each run of one signature: its length and total text, at its first
     * entry */
    uint32_t *run_len = wn_arena_alloc(a, (size_t)n * 3 * sizeof *run_len);
    if (!run_len)
        return;
    uint32_t *run_text = run_len + n, *run_head = run_len + 2 * (size_t)n;
    for (uint32_t i = 0; i < n;) {
        uint32_t j = i, h = 0;
        uint64_t t = 0;
        while (j < n && sorted[j].sig == sorted[i].sig) {
            h += sorted[j].head;
            t += sorted[j++].text;
        }
        run_len[i] = j - i;
        run_text[i] = t > UINT32_MAX ? UINT32_MAX : (uint32_t)t;
        run_head[i] = h;
        i = j;
    }
    for (uint32_t i = 0; i < n_list; i++) {
        if (!sig[i])
            continue;
        /* the first of sig[i] in sorted */
        uint32_t lo = 0, hi = n;
        while (lo < hi) {
            uint32_t mid = lo + (hi - lo) / 2;
            if (sorted[mid].sig < sig[i])
                lo = mid + 1;
            else
                hi = mid;
        }
        if (run_len[lo] >= REPEAT_MIN && (double)run_text[lo] >= min_text &&
            (min_text <= 0 || run_text[lo] >= REPEAT_ITEM * run_len[lo] ||
             run_head[lo] == run_len[lo]))
            list[i]->flags |= WN_NF_REPEATED;
    }
}

/* Does less than OPENS_BEFORE bytes of visible non-link text come before
 * element `n` in the page (a headline at most)? Walks from the top, and
 * stops at that much. */
#define OPENS_BEFORE 200
static bool
opens_page(wn_doc *doc, const wn_node *n)
{
    uint64_t before = 0;
    uint32_t in_link = 0;
    wn_walk w;
    wn_node *t;
    bool e;
    wn_walk_init(&w, doc->dom->root);
    while (wn_walk_next(&w, &t, &e)) {
        if (t == n)
            return true;
        if (t->type == WN_NODE_TEXT) {
            uint32_t chars, commas;
            wn_text_figures(doc, t, &chars, &commas);
            if (!in_link && (before += chars) >= OPENS_BEFORE)
                return false;
        } else if (t->type == WN_NODE_ELEMENT) {
            if (e && (t->flags & WN_NF_DROP))
                wn_walk_skip_children(&w);
            else if (wn_node_is(t, WN_TAG_A))
                in_link = e ? in_link + 1 : in_link - (in_link > 0);
        }
    }
    return false;
}

/* Does the element hold an <h1> with HERO_H1_MIN bytes of its own text
 * (not a logo: not all in a link)? Reads at most *budget nodes, shared by
 * the page's calls. */
#define HERO_H1_MIN 8
static bool
holds_h1(wn_score_ctx *cx, wn_sizes *z, wn_node *n, size_t *budget)
{
    wn_walk w;
    wn_node *d;
    bool e;
    wn_walk_init(&w, n);
    while (wn_walk_next(&w, &d, &e)) {
        if (*budget == 0)
            return false;
        (*budget)--;
        if (!e || d->type != WN_NODE_ELEMENT)
            continue;
        if (d->flags & WN_NF_DROP) {
            wn_walk_skip_children(&w);
            continue;
        }
        if (wn_node_is(d, WN_TAG_H1)) {
            const wn_stat *s = wn_sizes_of(z, cx->doc, d);
            if (s && s->text - s->link >= HERO_H1_MIN)
                return true;
            wn_walk_skip_children(&w);
        }
    }
    return false;
}

/* Is the element part of a code block: a <pre> or <code> at most
 * CODE_LEVELS above it? (A highlighter's spans: "token comment".) */
#define CODE_LEVELS 4
static bool
in_code(const wn_node *n)
{
    const wn_node *a = n->parent;
    for (int k = 0; k < CODE_LEVELS && a && a->type == WN_NODE_ELEMENT; k++, a = a->parent)
        if (wn_node_is(a, WN_TAG_PRE) || wn_node_is(a, WN_TAG_CODE))
            return true;
    return false;
}

/* Before scoring: comment sections (except on forums, where they are the
 * content) and blocks whose class/id says boilerplate (footer, sidebar,
 * related ...) and that hold no run of real paragraphs are set aside, so
 * they can neither win nor add to a container's score. */
static void
mark_negative(wn_score_ctx *cx, wn_node *root)
{
    bool forum = cx->page_type == WN_PAGE_FORUM;
    wn_doc_cache *cache = wn_doc_cache_get(cx->doc);
    /* the page's totals under the flags wn_clean left (else computed) and,
     * for the few elements whose size decides, their statistics */
    wn_sizes z;
    double page_good, page_all;
    /* a list page's items are mostly links: its blocks are sized by all
     * their text */
    bool list_page = cx->page_type == WN_PAGE_LISTING || cx->page_type == WN_PAGE_COLLECTION;
    const wn_subtree_text *subtree = cache && cache->drop_totals ? cache->subtree : NULL;
    uint32_t nn = cx->doc->dom->node_count + 1;
    if (cache && cache->drop_totals) {
        wn_sizes_init(&z, cx->doc, cache->scratch, WN_NF_DROP);
        cache->scratch.s = NULL;
        cache->drop_totals = false;
        page_good = (double)(cache->drop_text - cache->drop_link);
        page_all = (double)cache->drop_text;
    } else {
        wn_stats st = {0};
        if (!wn_stats_compute(&st, cx->doc, WN_NF_DROP, 0))
            return;
        wn_sizes_init(&z, cx->doc, st, WN_NF_DROP);
        z.whole = true;
        const wn_stat *all = wn_stats_of(&st, cx->doc->dom->root);
        page_good = (double)(all->text - all->link);
        page_all = (double)all->text;
    }
    /* the elements to test: clean's list of them when it made one (in
     * document order; those inside an element marked here are passed
     * over, as the walk would skip them), else a walk of the tree */
    bool listed = cache && cache->negs_known && root == cx->doc->dom->root;
    if (cx->page_type == WN_PAGE_SERVICE || list_page)
        mark_repeated(cx, listed ? cache->negs : NULL, listed ? cache->n_negs : 0,
                      list_page ? REPEAT_SHARE * page_all : 0, subtree, nn, &z);
    const wn_node *marked = NULL; /* the last element marked, while listed */
    bool hero = (cx->page_type == WN_PAGE_SERVICE || cx->page_type == WN_PAGE_DOCUMENTATION) && wn_dom_made(cx->doc->dom, WN_TAG_H1);
    size_t h1_budget = 2 * (size_t)cx->doc->dom->node_count + 1; /* holds_h1's */
    uint32_t next = 0;
    int opens_left = 4; /* opens_page walks, per page */
    wn_walk w;
    wn_node *n;
    bool e;
    wn_walk_init(&w, root);
    for (;;) {
        if (listed) {
            if (next == cache->n_negs)
                break;
            n = cache->negs[next++];
            if (marked) {
                const wn_node *a = n->parent;
                while (a && a != marked)
                    a = a->parent;
                if (a)
                    continue;
            }
        } else {
            if (!wn_walk_next(&w, &n, &e))
                break;
            if (!e || n->type != WN_NODE_ELEMENT)
                continue;
            if (n->flags & WN_NF_DROP) {
                wn_walk_skip_children(&w);
                continue;
            }
            if (wn_node_is(n, WN_TAG_BODY) || wn_node_is(n, WN_TAG_HTML) ||
                wn_node_is(n, WN_TAG_MAIN))
                continue;
        }
        uint32_t bits = wn_doc_token_bits(cx->doc, n);
        if ((bits & WN_TOK_POS) || (wn_node_is(n, WN_TAG_TABLE) && wn_data_table(n)))
            continue;
        if (in_code(n))
            continue;
        bool boiler;
        if (bits & WN_TOK_COMMENTS) {
            boiler = !forum;
            /* comments follow what they comment on: a block named for
             * them with half the page's prose and nothing before it but
             * a headline is the page (a wrapper for comments on a
             * selection of the story's text); its name says nothing here */
            /* (its text and link text from clean's sums when it kept
             * them, as below) */
            const wn_stat *s = NULL;
            bool sized = subtree && n->index < nn;
            if (boiler && opens_left > 0 && (sized || (s = wn_sizes_of(&z, cx->doc, n))) &&
                (sized ? (double)(subtree[n->index].text - subtree[n->index].link)
                       : (double)(s->text - s->link)) >= 0.5 * page_good) {
                opens_left--;
                if (opens_page(cx->doc, n)) {
                    wn_doc_token_bits_clear(cx->doc, n, WN_TOK_COMMENTS | WN_TOK_NEG);
                    boiler = false;
                }
            }
        } else if (bits & (WN_TOK_NEG | WN_TOK_DROP)) {
            /* its text and link text from clean's sums when it kept them;
             * its paragraphs count only from 1,500 bytes of text on */
            uint32_t text, link;
            const wn_stat *s = NULL;
            if (subtree && n->index < nn) {
                text = subtree[n->index].text;
                link = subtree[n->index].link;
            } else {
                if (!(s = wn_sizes_of(&z, cx->doc, n)))
                    return;
                text = s->text;
                link = s->link;
            }
            /* a block with most of the page's prose is no footer or header */
            bool big = (double)(text - link) >= 0.4 * page_good ||
                       (list_page && (double)text >= 0.4 * page_all);
            if (!big && text >= 1500) {
                if (!s && !(s = wn_sizes_of(&z, cx->doc, n)))
                    return;
                big = s->paras >= 3;
            }
            boiler = !big && !((bits & WN_TOK_DROP) && wn_holds_quote(n)) &&
                     !(n->flags & WN_NF_REPEATED);
            /* on a service page, a banner or header holding the page's
             * <h1> is its hero: the claim the page makes (on a
             * documentation page: its title and summary) */
            if (boiler && hero && !(bits & WN_TOK_DROP) && h1_budget &&
                holds_h1(cx, &z, n, &h1_budget)) {
                /* (and what it holds: its title, its quote) */
                if (listed)
                    marked = n;
                else
                    wn_walk_skip_children(&w);
                continue;
            }
        } else {
            continue;
        }
        if (boiler) {
            n->flags |= WN_NF_BOILER;
            if (listed)
                marked = n;
            else
                wn_walk_skip_children(&w);
        }
    }
    cx->stats = z.st; /* the array is reused by the next statistics */
}

/* Phases 2 and 3, in the statistics walk (stats_walk.h): when the walk
 * leaves an element its figures are complete, its paragraph score goes to
 * its ancestors, and its own score is complete (only its own text and its
 * descendants' add to it), so it may join the best five. Only the
 * elements of top_el's subtree are candidates. */
typedef struct cand_walk {
    wn_score_ctx *cx;
    double *raw;      /* paragraph scores, by node index */
    uint32_t *rank;   /* preorder rank of each element entered */
    uint32_t nn, next_rank;
    wn_node *body, *top_el;
    bool in_top;      /* the walk is inside top_el */
    cand best5[5];
} cand_walk;

static inline void
cand_enter(void *ctx, wn_node *n)
{
    cand_walk *cw = ctx;
    if (n->type != WN_NODE_ELEMENT)
        return;
    if (n == cw->top_el)
        cw->in_top = true;
    if (cw->in_top && n->index < cw->nn)
        cw->rank[n->index] = cw->next_rank++;
}

static inline void
cand_leave(void *ctx, wn_node *n, const wn_stat *s)
{
    cand_walk *cw = ctx;
    if (n->type != WN_NODE_ELEMENT || !cw->in_top)
        return;
    if (n == cw->top_el)
        cw->in_top = false;
    double *raw = cw->raw;
    uint32_t len = 0, commas = 0;
    wn_node *from = NULL;
    if (s->text >= 25 && is_scored_block(n, s)) {
        len = s->text;
        commas = s->commas;
        from = n->parent;
    } else if (s->blocks > 0 && s->loose >= 25 && wn_stats_block(n) &&
               s->loose_link * 2 < s->loose) {
        /* text between the blocks (lines with <br>s) is a paragraph of
         * this element: scored for the element and up */
        len = s->loose;
        commas = s->loose_commas;
        from = n;
    }
    if (from) {
        double cs = 1.0 + (commas > 20 ? 20 : commas) + (len / 100 > 3 ? 3 : len / 100);
        int level = 0;
        for (wn_node *a = from; a && level < 5; a = a->parent, level++) {
            if (a->type != WN_NODE_ELEMENT)
                break;
            double div = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
            raw[a->index] += cs / div;
            if (a == cw->body || a == cw->top_el)
                break;
        }
    }
    if (raw[n->index] > 0 && !wn_node_is(n, WN_TAG_HTML))
        best5_add(cw->best5, n, final_score(cw->cx, raw, n), cw->rank);
}

/* The largest group of repeated items (item_group_of) among the elements
 * of the region, the region too, with links and 70% of its text (a group
 * is no larger than its parent), in the order a walk leaves them; into
 * *best. None when the scoring walk skipped the region. An element's text
 * and links are no more than its parent's (the figures sum), so the walk
 * goes down only into elements that qualify. */
static void
region_items(const wn_score_ctx *cx, wn_node *region, const wn_node *top_el, item_group *best)
{
    if (region->type != WN_NODE_ELEMENT)
        return;
    for (const wn_node *a = region; a; a = a->parent) {
        if (a->type == WN_NODE_ELEMENT && (a->flags & (WN_NF_DROP | WN_NF_BOILER)))
            return;
        if (a == top_el)
            break;
    }
    uint32_t min_text = (uint32_t)(0.7 * (double)wn_stats_of(&cx->stats, region)->text);
    wn_walk w;
    wn_node *n;
    bool e;
    wn_walk_init(&w, region);
    while (wn_walk_next(&w, &n, &e)) {
        if (n->type != WN_NODE_ELEMENT)
            continue;
        if (!e) {
            item_group_of(cx, n, best);
            continue;
        }
        const wn_stat *s = wn_stats_of(&cx->stats, n);
        if ((n->flags & (WN_NF_DROP | WN_NF_BOILER)) || !s->link || s->text < min_text)
            wn_walk_skip_children(&w);
    }
}

wn_status
wn_score(wn_doc *doc, const wn_metadata *meta, wn_content *out)
{
    if (!doc || !doc->dom || !out)
        return WN_ERR_INVALID;
    memset(out, 0, sizeof *out);
    wn_score_ctx cx;
    memset(&cx, 0, sizeof cx);
    cx.doc = doc;
    cx.meta = meta;
    cx.flags = doc->opts.flags;
    cx.link_max = (cx.flags & WN_OPT_PRECISION) ? 0.35 : (cx.flags & WN_OPT_RECALL) ? 0.7 : 0.5;
    out->page_type = cx.page_type = wn_score_page_type(doc, meta);
    wn_dom *dom = doc->dom;
    /* comment sections are never the article (but are a forum's posts) */
    mark_negative(&cx, dom->root);
    uint32_t nn = dom->node_count + 1;
    cand_walk cw;
    memset(&cw, 0, sizeof cw);
    cw.cx = &cx;
    cw.nn = nn;
    cw.raw = wn_arena_calloc(&doc->arena, nn, sizeof *cw.raw);
    cw.rank = wn_arena_alloc(&doc->arena, (size_t)nn * sizeof *cw.rank);
    if (!cw.raw || !cw.rank || !wn_stats_reserve(&cx.stats, &doc->arena, nn))
        return WN_ERR_NOMEM;
    double *raw = cw.raw;
    wn_node *body = cw.body = find_body(dom);
    /* candidates are looked for in the whole tree: a page whose markup is
     * broken may have content after </body> */
    wn_node *top_el = body;
    while (top_el->parent && top_el->parent->type == WN_NODE_ELEMENT)
        top_el = top_el->parent;
    cw.top_el = top_el;
    cw.in_top = top_el == dom->root;
    /* phase 1, with phases 2 and 3 done as the walk leaves each element */
    memset(cx.stats.s, 0, (size_t)nn * sizeof *cx.stats.s);
    wn_stats_walk(&cx.stats, wn_doc_cache_get(doc), dom->root, WN_NF_DROP | WN_NF_BOILER, 0,
                  false, 0, cand_enter, cand_leave, &cw);
    cand top = {NULL, 0};
    cand *best5 = cw.best5;
    wn_node *region = find_region(&cx, body);
    /* on pages taken for articles or service pages, the largest group of
     * repeated items in the main region: a region made of them is a list,
     * whatever the page type */
    bool find_items = cx.page_type == WN_PAGE_ARTICLE || cx.page_type == WN_PAGE_SERVICE;
    item_group items = {0, 0, 0};
    if (find_items)
        region_items(&cx, region, top_el, &items);
    top = best5[0];
    /* a region whose text is mostly one group of 3+ items alike, a third
     * of it or more in links, is a list of teasers, cards or results:
     * extracted as a listing (the reported page type stays) */
    if (find_items) {
        const wn_stat *rs = wn_stats_of(&cx.stats, region);
        if (items.count >= 3 && (double)items.text >= 0.7 * (double)rs->text &&
            (double)items.link >= 0.3 * (double)items.text)
            cx.page_type = WN_PAGE_LISTING;
    }
    if (!top.node) {
        wn_node *r = region;
        wn_status st = set_roots(doc, out, &r, 1);
        if (st == WN_OK)
            wn_boiler_mark(&cx, out);
        return st;
    }
    /* an ancestor holding several near-best candidates is the article */
    {
        int near = 0;
        for (int i = 1; i < 5; i++)
            if (best5[i].node && best5[i].score >= 0.75 * top.score)
                near++;
        if (near >= 2) {
            /* count, on each node's aux, how many near-best candidates it
             * contains (one walk up per candidate: linear in depth), then
             * take the nearest ancestor of the top containing two */
            double bar = 0.75 * top.score;
            for (int pass = 0; pass < 2; pass++)
                for (int i = 1; i < 5; i++) {
                    if (!best5[i].node || best5[i].score < bar)
                        continue;
                    for (wn_node *b = best5[i].node; b; b = b->parent)
                        b->aux = pass ? b->aux + 1 : 0;
                }
            for (wn_node *a = top.node->parent; a && a != body->parent; a = a->parent) {
                if (a->aux >= 2) {
                    top.node = a;
                    top.score = final_score(&cx, raw, a);
                    break;
                }
                if (a == body)
                    break;
            }
            for (int i = 1; i < 5; i++) {
                if (!best5[i].node || best5[i].score < bar)
                    continue;
                for (wn_node *b = best5[i].node; b; b = b->parent)
                    b->aux = 0;
            }
        }
    }
    /* climb while the parent's own paragraphs score better (Readability's
     * rule, on content alone: a wrapper's class name must not lift it) */
    {
        double last = content_score(&cx, raw, top.node), threshold = last / 3.0;
        for (wn_node *a = top.node->parent; a && a != body && a->type == WN_NODE_ELEMENT;
             a = a->parent) {
            if (raw[a->index] <= 0)
                continue;
            double f = content_score(&cx, raw, a);
            if (f < threshold)
                break;
            if (f > last) {
                top.node = a;
                top.score = final_score(&cx, raw, a);
                break;
            }
            last = f;
        }
    }
    /* a block inside what the markup names the article's body
     * (itemprop=articleBody) is a part of it: a gallery's captions or a
     * fact box that outscores the story's own paragraphs (not when its
     * class words say it holds more: a grid "with-right-rail") */
    for (wn_node *a = top.node->parent; a && a != body && a->type == WN_NODE_ELEMENT;
         a = a->parent)
        if (attr_is(a, "itemprop", "articlebody") && !class_says_more(a)) {
            top.node = a;
            top.score = final_score(&cx, raw, a);
            break;
        }
    /* an only child stands for its parent */
    while (top.node->parent && top.node != body && top.node->parent != body &&
           top.node->parent->type == WN_NODE_ELEMENT &&
           good_text(&cx, top.node->parent) == good_text(&cx, top.node))
        top.node = top.node->parent;

    /* siblings of the same article */
    wn_node **roots = NULL;
    size_t n_roots = 0;
    {
        size_t cap = 0;
        wn_node *parent = top.node->parent;
        if (top.node == body || !parent) {
            cap = 1;
        } else {
            for (wn_node *c = parent->first_child; c; c = c->next)
                cap++;
        }
        roots = wn_arena_alloc(&doc->arena, cap * sizeof *roots);
        if (!roots)
            return WN_ERR_NOMEM;
        double factor = (cx.flags & WN_OPT_PRECISION) ? 0.3 : (cx.flags & WN_OPT_RECALL) ? 0.1 : 0.2;
        double threshold = top.score * factor > 10 ? top.score * factor : 10;
        if (top.node == body || !parent) {
            roots[n_roots++] = top.node;
        } else {
            for (wn_node *c = parent->first_child; c; c = c->next) {
                if (c == top.node) {
                    roots[n_roots++] = c;
                    continue;
                }
                if (c->type != WN_NODE_ELEMENT || (c->flags & (WN_NF_DROP | WN_NF_BOILER)))
                    continue;
                const wn_stat *s = wn_stats_of(&cx.stats, c);
                if (!s->text)
                    continue;
                double bonus = same_class(c, top.node) ? top.score * 0.2 : 0;
                bool keep = false;
                if (raw[c->index] > 0 && final_score(&cx, raw, c) + bonus >= threshold &&
                    content_score(&cx, raw, c) + bonus >= threshold * 0.5)
                    keep = true;
                else if (wn_node_is(c, WN_TAG_P) || (wn_stats_block(c) && s->blocks == 0)) {
                    double ld = wn_stat_link_density(s);
                    if (s->text > 80 && ld < 0.25)
                        keep = true;
                    else if (s->text <= 80 && ld == 0 && ends_sentence(c) &&
                             !(cx.flags & WN_OPT_PRECISION))
                        keep = true;
                }
                uint32_t bits = wn_doc_token_bits(doc, c);
                if ((bits & WN_TOK_COMMENTS) && !(bits & WN_TOK_POS))
                    keep = false;
                if (keep && holds_articles(c))
                    keep = false; /* a list of other articles */
                if (keep)
                    roots[n_roots++] = c;
            }
        }
    }

    /* phase 4: region fallback for pages without one dominant block */
    {
        /* measured in prose, but listings in all their text, since their
         * items are mostly link text */
        bool prose = cx.page_type != WN_PAGE_LISTING && cx.page_type != WN_PAGE_COLLECTION;
        uint64_t chosen = 0, chosen_good = 0, paras = 0;
        for (size_t i = 0; i < n_roots; i++) {
            chosen += prose ? good_text(&cx, roots[i]) : wn_stats_of(&cx.stats, roots[i])->text;
            chosen_good += good_text(&cx, roots[i]);
            paras += wn_stats_of(&cx.stats, roots[i])->paras;
        }
        uint64_t whole = prose ? good_text(&cx, region) : wn_stats_of(&cx.stats, region)->text;
        uint64_t whole_good = good_text(&cx, region);
        double share = whole ? (double)chosen / (double)whole : 1.0;
        /* an article by its shape (several paragraphs, most of the prose),
         * whatever the listing classification says */
        if (!prose && paras >= 5 && whole_good && (double)chosen_good >= 0.5 * (double)whole_good)
            share = 1.0;
        /* an article is one block, but not one section of a page's own
         * <main>: blocks holding under half of what the page marks up as
         * its main content are a part of it (a landing page's sections) */
        double need = cx.page_type != WN_PAGE_ARTICLE ? 0.9 : region != body ? 0.5 : 0.2;
        if (cx.flags & WN_OPT_RECALL)
            need += 0.15;
        if (cx.flags & WN_OPT_PRECISION)
            need -= 0.2;
        bool inside = false, in_frame = false;
        for (wn_node *a = roots[0]; a; a = a->parent) {
            if (a == region)
                inside = true;
            if (wn_node_is(a, WN_TAG_FOOTER) || wn_node_is(a, WN_TAG_HEADER))
                in_frame = true;
        }
        /* on other pages, blocks outside the page's <main>, holding under
         * half as much and no run of paragraphs (a footer or a form next to
         * a product grid), are not the content either: the list in <main>
         * is */
        bool beside = !inside && region != body && cx.page_type != WN_PAGE_ARTICLE &&
                      share < 0.5 && paras < 3;
        /* on a forum, blocks that are the replies, with the opening post
         * before them in the region (a question above its answers) */
        if (cx.page_type == WN_PAGE_FORUM && inside && share >= need && roots[0] != region &&
            region != body && paragraph_before(&cx, roots, n_roots, region))
            share = 0.0;
        /* and blocks in a <header> or <footer> beside the <main> (a
         * banner's blurb, legal small print: often a page's longest prose)
         * never are */
        if ((share < need && (inside || region == body || beside)) ||
            (in_frame && !inside && region != body)) {
            roots[0] = region;
            n_roots = 1;
        } else if (share < 0.5 && inside) {
            /* blocks that are one item of a list of items alike holding
             * most of the region (a blog's index of whole posts, cards
             * with summaries): the list is the content */
            double most = 0.5 * (double)wn_stats_of(&cx.stats, region)->text;
            wn_node *p = items_parent(&cx, roots[0], region, most);
            if (p) {
                roots[0] = p;
                n_roots = 1;
            }
        }
    }

    wn_status st = set_roots(doc, out, roots, n_roots);
    if (st != WN_OK)
        return st;
    wn_boiler_mark(&cx, out);
    return WN_OK;
}
