/* score.h - internals of score/ (and clean/, which sizes blocks before it
 * trusts a class name): per-node subtree statistics computed in one
 * post-order pass, and the phases of content selection.
 */
#ifndef WN_SCORE_H
#define WN_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pipeline.h"

/* Subtree figures of one node, indexed by node->index. Text is counted in
 * non-whitespace bytes of visible text (DROP subtrees excluded). */
typedef struct wn_stat {
    uint32_t text;    /* visible text */
    uint32_t link;    /* of which inside <a> */
    uint32_t paras;   /* paragraph-like leaf blocks: >= 80 bytes, few links */
    uint32_t commas;  /* commas and sentence punctuation */
    uint32_t loose;   /* text outside block-level children (inline runs, <br> lines) */
    uint32_t loose_link;
    uint32_t loose_commas;
    uint16_t blocks;  /* block-level children (saturating) */
    uint16_t depth;   /* element depth (saturating) */
} wn_stat;

typedef struct wn_stats {
    wn_stat *s;       /* dom->node_count entries */
    uint32_t n;
} wn_stats;

/* Is this element a block for layout purposes (paragraph breaks in text)? */
bool wn_tag_is_block(const wn_node *n);

/* Fill stats for the whole document (allocated in the doc's arena; the
 * figures of each text node are counted once and kept in the doc's cache,
 * so further passes cost O(nodes), not O(text)); skips nodes
 * flagged with any bit of `skip_flags` unless they carry a bit of
 * `unless_flags`. false on OOM. */
bool wn_stats_compute(wn_stats *st, wn_doc *doc, uint32_t skip_flags, uint32_t unless_flags);

/* The figures of one element alone, as wn_stats_compute(st, doc,
 * skip_flags, 0) would give them (but its depth, 0 here), for an element
 * none of whose ancestors carries skip_flags: only its subtree is walked,
 * and only the entries of the nodes walked are written (read the element's
 * alone). Returns the steps taken, 0 on OOM (st's array is reused when
 * large enough). */
size_t wn_stats_subtree(wn_stats *st, wn_doc *doc, wn_node *node, uint32_t skip_flags);

/* Statistics asked for element by element during a walk that adds
 * skip_flags in document order (an element's subtree holds none of the
 * flags added before it is reached): each element's from its subtree
 * alone, until those walks have cost as much as one walk of the page; then
 * the whole page's, once, which hold the same figures for every element
 * the walk reaches later. */
typedef struct wn_sizes {
    wn_stats st;     /* the array (reused, given to the next user) */
    bool whole;      /* st holds the whole page's statistics */
    uint32_t skip;
    size_t budget;   /* subtree steps left */
} wn_sizes;

/* Start with the array of st (may be empty). */
void wn_sizes_init(wn_sizes *z, wn_doc *doc, wn_stats st, uint32_t skip_flags);

/* The statistics of `node` (none of whose ancestors carries the skip
 * flags); NULL on OOM. Valid until the next call. */
const wn_stat *wn_sizes_of(wn_sizes *z, wn_doc *doc, wn_node *node);

/* Non-whitespace bytes and clause punctuation of one text node (through the
 * doc's cache). */
void wn_text_figures(wn_doc *doc, const wn_node *t, uint32_t *chars, uint32_t *commas);

static inline const wn_stat *
wn_stats_of(const wn_stats *st, const wn_node *n)
{
    static const wn_stat zero;
    return (n && n->index < st->n) ? &st->s[n->index] : &zero;
}

/* Link density of a node (0..1). */
static inline double
wn_stat_link_density(const wn_stat *s)
{
    return s->text ? (double)s->link / (double)s->text : 0.0;
}

/* Phases of wn_score (score_boiler.c): mark boilerplate, headline, bylines
 * and captions inside the chosen content roots. */
typedef struct wn_score_ctx {
    wn_doc *doc;
    const wn_metadata *meta;
    wn_stats stats;
    uint32_t flags;          /* WN_OPT_* */
    wn_page_type page_type;
    double link_max;         /* link density above which a list/block is boilerplate */
} wn_score_ctx;

void wn_boiler_mark(wn_score_ctx *cx, wn_content *content);

/* Is n a data table (a first row of two or more column headers, then three
 * or more rows of cells)? Its links are its data, its class names (a
 * "sticky-header") no verdict. Reads a bounded number of rows. */
bool wn_data_table(const wn_node *n);

/* Page-type guess used by wn_score; replaceable. */
wn_page_type wn_score_page_type(wn_doc *doc, const wn_metadata *meta);

/* Is there a digit right before s[at] or right after s[end - 1], spaces
 * allowed between (a space, or a no-break space: U+00A0, or U+202F as
 * French writes "9,90 €")? (A currency sign at s[at..end) next to an
 * amount.) */
static inline bool
wn_digit_beside(const char *s, size_t n, size_t at, size_t end)
{
    for (;;) {
        if (end < n && s[end] == ' ')
            end++;
        else if (n - end >= 2 && (unsigned char)s[end] == 0xC2 && (unsigned char)s[end + 1] == 0xA0)
            end += 2;
        else if (n - end >= 3 && (unsigned char)s[end] == 0xE2 &&
                 (unsigned char)s[end + 1] == 0x80 && (unsigned char)s[end + 2] == 0xAF)
            end += 3;
        else
            break;
    }
    if (end < n && s[end] >= '0' && s[end] <= '9')
        return true;
    for (;;) {
        if (at > 0 && s[at - 1] == ' ')
            at--;
        else if (at >= 2 && (unsigned char)s[at - 2] == 0xC2 && (unsigned char)s[at - 1] == 0xA0)
            at -= 2;
        else if (at >= 3 && (unsigned char)s[at - 3] == 0xE2 && (unsigned char)s[at - 2] == 0x80 &&
                 (unsigned char)s[at - 1] == 0xAF)
            at -= 3;
        else
            break;
    }
    return at > 0 && s[at - 1] >= '0' && s[at - 1] <= '9';
}

#endif
