/* clean.h - internals shared by clean/ and score/: class/id token vocabulary.
 *
 * A class or id value is split into tokens on every non-alphanumeric byte
 * and on camelCase boundaries ("article__share", "socialShare" and
 * "share-bar" all yield the token "share"); tokens are lower-cased and
 * compared whole, so "shareholder", "header" and "adjective" do not match
 * "share" or "ad". Each vocabulary word carries one or more WN_TOK_* bits.
 */
#ifndef WN_CLEAN_H
#define WN_CLEAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parse/dom.h"
#include "pipeline.h"
#include "score/score.h"

#define WN_TOK_DROP     0x01u /* never content: navigation, sharing, ads, banners */
#define WN_TOK_NEG      0x02u /* usually boilerplate: related, comments, sidebars */
#define WN_TOK_POS      0x04u /* usually the article: article, body, content, post */
#define WN_TOK_BYLINE   0x08u /* byline, author, dateline, date */
#define WN_TOK_CAPTION  0x10u /* caption, credit */
#define WN_TOK_HIDDEN   0x20u /* visually hidden helpers (sr-only, visually-hidden) */
#define WN_TOK_COMMENTS 0x40u /* a comment section (large but never the article) */

/* The WN_TOK_* bits of one token (lower-case bytes, length n); 0 if unknown. */
uint32_t wn_token_class(const char *tok, size_t n);

/* Union of the WN_TOK_* bits of every token of `s` (a class or id value). */
uint32_t wn_tokens_classify(const char *s, size_t n);

/* wn_tokens_classify of a class value, with WN_TOK_HIDDEN when one of its
 * class names hides the element (as for a class attribute; for tests). */
uint32_t wn_tokens_classify_class(const char *s, size_t n);

/* For tests: the page-type features' class words clean's scan of the class
 * value s[0..n) finds beside its tokens (WN_TOK_WORDS_SHIFT), which must be
 * wn_class_words_of's (score/class_words.h). */
unsigned wn_tokens_class_words(const char *s, size_t n);

/* Union over the element's class and id attributes (0 for non-elements). */
uint32_t wn_node_token_bits(const wn_node *n);

/* Per-document caches shared by clean/ and score/, indexed by node->index
 * (class and id values never change after parsing, so an element's token
 * bits are computed once however many passes ask for them). */
/* The text and link text under an element (wn_stat's text and link, under
 * the WN_NF_DROP flags), as clean's first pass sums them. */
typedef struct wn_subtree_text {
    uint32_t text, link;
} wn_subtree_text;

#define WN_CACHE_MAINS 16

typedef struct wn_doc_cache {
    /* WN_TOK_* | WN_TOK_KNOWN, and for the page-type features the class
     * words << WN_TOK_WORDS_SHIFT and WN_TOK_ITEMTYPE (below); 0 = not
     * computed yet */
    uint16_t *token_bits;
    uint32_t *text_chars;   /* text nodes: non-whitespace bytes + 1; 0 = not yet */
    uint32_t *text_commas;  /* text nodes: clause punctuation (score_stats.c) */
    uint32_t n;             /* entries: dom->node_count + 1 */
    /* the document's text and link text under the WN_NF_DROP flags wn_clean
     * left (drop_totals true until wn_score's first pass takes them), and
     * a statistics array it no longer needs */
    bool drop_totals;
    uint32_t drop_text, drop_link;
    wn_stats scratch;
    /* each element's text and link text under the WN_NF_DROP flags wn_clean
     * left, for the elements it walked and did not drop (NULL when it could
     * not keep them: elements shown again, totals over 32 bits, OOM) */
    const wn_subtree_text *subtree;
    /* the outermost <main> and role="main" elements (role compared as
     * score's region search does: exactly "main", any case) clean kept, in
     * document order; mains_known false when there were too many */
    bool mains_known;
    uint8_t n_mains;
    const wn_node *mains[WN_CACHE_MAINS];
    /* the elements clean kept whose class/id words say comments, negative
     * or droppable and not positive (<html>, <body>, <main> left out), in
     * document order: what score's negative-block pass tests; negs_known
     * false when clean could not list them (OOM) */
    bool negs_known;
    uint32_t n_negs, cap_negs;
    wn_node **negs;
    /* class values classified lately (pages repeat them on list items and
     * cards), by a hash of their length and end bytes */
    struct {
        const char *v;
        uint32_t len;
        uint32_t bits;
    } class_memo[64];
} wn_doc_cache;

#define WN_TOK_KNOWN    0x80u /* cache marker, never returned */
_Static_assert((WN_TOK_DROP | WN_TOK_NEG | WN_TOK_POS | WN_TOK_BYLINE | WN_TOK_CAPTION |
                WN_TOK_HIDDEN | WN_TOK_COMMENTS) < WN_TOK_KNOWN,
               "token bits fit beside the cache marker in a byte");

/* The page-type features tokenize the same class and id values with their
 * own words (CLS_*, score/class_words.h). The scan that computes an
 * element's token bits finds those too, from the same masks, and the cache
 * keeps them above the token bits (in entries with WN_TOK_KNOWN), with
 * whether the element has an itemtype attribute, the one other attribute
 * the features walk reads: it does not go through those elements'
 * attributes again. */
#define WN_TOK_WORDS_SHIFT 8
#define WN_TOK_ITEMTYPE 0x8000u

/* The document's caches, allocated in its arena on first use; NULL on OOM
 * (inline: asked for once per text node and element by the walks). */
wn_doc_cache *wn_doc_cache_make(wn_doc *doc);

static inline wn_doc_cache *
wn_doc_cache_get(wn_doc *doc)
{
    return doc->cache ? doc->cache : wn_doc_cache_make(doc);
}

/* wn_node_token_bits through the document's cache. */
uint32_t wn_doc_token_bits(wn_doc *doc, const wn_node *n);

/* Clear `bits` from the element's cached WN_TOK_* bits: what its name
 * says is not so on this page (score: a block named for comments that
 * opens the page). No effect without the cache (OOM). */
void wn_doc_token_bits_clear(wn_doc *doc, const wn_node *n, uint32_t bits);

/* wn_doc_token_bits of an element whose first class and first id attributes
 * (no namespace; NULL when absent) the caller has found already, and
 * whether it has an itemtype attribute (no namespace). */
uint32_t wn_doc_token_bits_attrs(wn_doc *doc, const wn_node *n, const wn_attr *cls,
                                 const wn_attr *id, bool itemtype);

/* Does the element hold a <blockquote> with text within its first nodes?
 * An embedded post (a tweet, a social-media quote) is a quotation of the
 * article, even in a wrapper named "social" or "embed". */
bool wn_holds_quote(const wn_node *n);

/* For tests: is every word of the generated vocabulary table (and every
 * hidden class name) found by the lookup, with its bits? */
bool wn_token_vocab_check(void);

/* For tests: the k-th visually-hidden class name, NULL past the last. */
const char *wn_hidden_class_name(size_t k);

/* Whole-value helpers of the tokenizer (tests, and score's product-page
 * review test): true when the token `word` occurs in the class/id value `s`. */
bool wn_tokens_has(const char *s, size_t n, const char *word);
/* Whether any of words[0..count) is one of the tokens (one pass). */
bool wn_tokens_has_any(const char *s, size_t n, const char *const *words, size_t count);

/* Streamed server rendering (streamed.c): move each hidden segment the
 * tree builder recorded to its placeholder, as the page's script would.
 * First in wn_clean; once per document. */
void wn_streamed_relocate(wn_doc *doc);

#endif
