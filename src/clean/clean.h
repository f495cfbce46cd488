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

/* Union over the element's class and id attributes (0 for non-elements). */
uint32_t wn_node_token_bits(const wn_node *n);

/* Whole-value helpers of the tokenizer for tests: true when the token `word`
 * occurs in the class/id value `s`. */
bool wn_tokens_has(const char *s, size_t n, const char *word);

#endif
