/* class_words.h - the class/id words of the page-type features.
 *
 * The features (classify.c) count the elements whose class or id holds a
 * word of the post, user or documentation lists (CLS_*, generated into
 * classify_words.h by tools/gen_classify_words.py). A value is split into
 * tokens on every byte that is not an ASCII letter or digit, and where a
 * capital follows a lower-case letter; tokens are compared lower-cased.
 */
#ifndef WN_CLASS_WORDS_H
#define WN_CLASS_WORDS_H

#include <stddef.h>
#include <stdint.h>

/* The CLS_* bits of the value s[0..n). */
unsigned wn_class_words_of(const char *s, size_t n);

#endif
