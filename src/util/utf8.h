/* utf8.h - one code point as UTF-8, for the stages that write text they
 * decoded themselves: the decoder, the tokenizer's character references,
 * JSON strings, metadata text and the growable buffer.
 */
#ifndef WN_UTF8_H
#define WN_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Writes cp (at most 0x10FFFF) to o[0..4) as 1 to 4 bytes; returns how
 * many. Surrogates are written as they are: callers that may meet them use
 * wn_utf8_put_valid. */
static inline size_t
wn_utf8_put(char *o, uint32_t cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* wn_utf8_put with a surrogate or a value over 0x10FFFF written as U+FFFD. */
static inline size_t
wn_utf8_put_valid(char *o, uint32_t cp)
{
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    return wn_utf8_put(o, cp);
}

#endif
