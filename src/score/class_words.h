/* class_words.h - the class/id words of the page-type features.
 *
 * The features (classify.c) count the elements whose class or id holds a
 * word of the post, user or documentation lists (CLS_*, generated into
 * classify_words.h by tools/gen_classify_words.py). A value is split into
 * tokens on every byte that is not an ASCII letter or digit, and where a
 * capital follows a lower-case letter; tokens are compared lower-cased.
 *
 * Clean's token scan (clean_rules.c) splits the same class and id values
 * for its own vocabulary, from the same masks and into the same tokens of
 * letters: it looks these words up too, and the document's cache keeps them
 * beside its bits (WN_TOK_WORDS_SHIFT, clean/clean.h), so that the features
 * walk scans only the elements clean did not reach.
 */
#ifndef WN_CLASS_WORDS_H
#define WN_CLASS_WORDS_H

#include <stddef.h>
#include <stdint.h>

#include "score/classify_words.h"

/* The CLS_* bits of the value s[0..n). */
unsigned wn_class_words_of(const char *s, size_t n);

/* The same of a piece of at most 64 bytes that no token crosses the ends
 * of, from the masks of its lower-case letters, capitals and digits (bit k:
 * byte k of s). */
unsigned wn_class_words_of_masks(const char *s, uint64_t lower, uint64_t upper, uint64_t digit);

/* The CLS_* bits of the token u[0..n) (letters and digits). */
unsigned wn_class_token_bits(const unsigned char *u, size_t n);

/* Can the token of letters s[0..n) (n >= 1) be a class word: do its
 * length and its first and last letters occur together in one
 * (wn_class_ends)? Its letters & 31 index the table as they are, and its
 * length is taken modulo 16 (the longest word is shorter), which lets a few
 * longer tokens through to the lookup, never a word it would not find. The
 * mask scans test tokens with it (clean's tests its own words the same
 * way). */
static inline unsigned
wn_class_candidate_letters(const unsigned char *s, size_t n)
{
    return (wn_class_ends[n & 15][s[0] & 31] >> (s[n - 1] & 31)) & 1;
}

#endif
