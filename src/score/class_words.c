/* class_words.c - the class/id words of the page-type features: the scan
 * of a value for them (see class_words.h). */
#include "score/class_words.h"

#include "score/classify_words.h"
#include "util/swar.h"

#if defined(__SSE2__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#include <emmintrin.h>
#define CLASS_SSE2 1
#endif

/* Bits of the token u[0..n) (alphanumerics; compared lower-cased), whose
 * FNV-1a hash of the lower-cased bytes is h. */
static unsigned
class_word_bits(const unsigned char *u, size_t n, uint32_t h)
{
    const uint32_t mask = WN_CLASS_WORDS_SIZE - 1;
    for (uint32_t s = (h >> WN_CLASS_WORDS_SHIFT) & mask; wn_class_words[s].word; s = (s + 1) & mask) {
        const wn_cw_entry *e = &wn_class_words[s];
        if (e->len != n)
            continue;
        size_t k = 0;
        /* alphanumerics: | 0x20 lower-cases letters and keeps digits */
        while (k < n && (u[k] | 0x20) == (unsigned char)e->word[k])
            k++;
        if (k == n)
            return e->bits;
    }
    return 0;
}

/* Whether the token u[b..e) can be a class word: its length, first and last
 * letters occur together in some word (wn_class_first, wn_class_last; both
 * are 0 for lengths without words). No branch: lengths past the longest
 * word index 0, bytes that are not letters shift to bit 31, never set. */
static inline unsigned
class_candidate(const unsigned char *u, size_t b, size_t e)
{
    size_t wl = e - b;
    size_t li = wl <= WN_CLASS_WORDS_MAX_LEN ? wl : 0;
    /* letters | 0x20 are lower-case; digits and the rest fall outside 0..25 */
    unsigned first = (unsigned)(u[b] | 0x20) - 'a', last = (unsigned)(u[e - 1] | 0x20) - 'a';
    first = first < 26 ? first : 31;
    last = last < 26 ? last : 31;
    return (wn_class_first[li] >> first) & (wn_class_last[li] >> last) & 1;
}

unsigned
wn_class_token_bits(const unsigned char *u, size_t n)
{
    uint32_t h = WN_CW_SEED;
    for (size_t k = 0; k < n; k++)
        h = WN_CW_STEP(h, u[k] | 0x20);
    return class_word_bits(u, n, h);
}

/* Union of the vocabulary bits of a class/id value's tokens (split on
 * non-alphanumerics and lower->upper case changes, compared lower-cased).
 * Only tokens whose length, first and last letters some word has
 * (wn_class_first, wn_class_last) are hashed and looked up. A byte at a
 * time with the generated state table. */
static unsigned
class_bits_bytes(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned bits = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && wn_class_step[0][u[i]] == 2)
            i++;
        if (i == n)
            break;
        size_t b = i;
        unsigned st = wn_class_step[0][u[i++]];
        while (i < n) {
            unsigned next = wn_class_step[st][u[i]];
            if (next == 2)
                break;
            st = next;
            i++;
        }
        if (class_candidate(u, b, i))
            bits |= wn_class_token_bits(u + b, i - b);
    }
    return bits;
}

#ifdef CLASS_SSE2
/* Bit k of *lower, *upper, *digit: byte k of v is one (signed compares:
 * bytes >= 0x80 are negative, in no range). */
static inline void
class_masks16(__m128i v, uint64_t *lower, uint64_t *upper, uint64_t *digit)
{
    __m128i lo = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('a' - 1)),
                               _mm_cmplt_epi8(v, _mm_set1_epi8('z' + 1)));
    __m128i up = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('A' - 1)),
                               _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
    __m128i dg = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                               _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
    *lower = (uint64_t)(unsigned)_mm_movemask_epi8(lo);
    *upper = (uint64_t)(unsigned)_mm_movemask_epi8(up);
    *digit = (uint64_t)(unsigned)_mm_movemask_epi8(dg);
}
#endif

/* class_bits_bytes without a branch per byte or per token boundary: for a
 * value (in pieces of at most 64 bytes), bit masks of its lower-case letters, upper-case
 * letters and digits (16 bytes per SSE2 step; the last bytes by an
 * overlapping load, or two partial loads when the value is shorter than 16)
 * give where tokens start (an alphanumeric after a byte that is not, or an
 * upper-case letter after a lower-case one) and where they end; the tokens
 * are then taken from the masks one bit at a time. */
/* The tokens of s given the masks of its (at most 64) bytes. A token with
 * a digit matches no word (all are letters): the tokens looked at are those
 * of letters with no digit on either side, two letters or more, tested by
 * the filter for tokens of letters first. */
static inline unsigned
class_bits_masks(const char *s, uint64_t lower, uint64_t upper, uint64_t digit)
{
    uint64_t alpha = lower | upper;
    uint64_t starts = (alpha & ~(alpha << 1)) | (upper & (lower << 1));
    uint64_t lasts = (alpha & ~(alpha >> 1)) | (lower & (upper >> 1));
    uint64_t look = starts & ~lasts & ~(digit << 1), ends = lasts & ~(digit >> 1);
    const unsigned char *u = (const unsigned char *)s;
    unsigned bits = 0;
    while (look) {
        size_t b = (size_t)__builtin_ctzll(look);
        size_t n = (size_t)__builtin_ctzll(lasts >> b) + 1;
        if (wn_class_candidate_letters(u + b, n) && ((ends >> (b + n - 1)) & 1))
            bits |= wn_class_token_bits(u + b, n);
        look &= look - 1;
    }
    return bits;
}

#ifdef CLASS_SSE2
static inline void
class_masks64(const char *s, uint64_t *lower, uint64_t *upper, uint64_t *digit)
{
    *lower = *upper = *digit = 0;
    for (size_t k = 0; k < 64; k += 16) {
        uint64_t l, u, d;
        class_masks16(_mm_loadu_si128((const __m128i *)(const void *)(s + k)), &l, &u, &d);
        *lower |= l << k;
        *upper |= u << k;
        *digit |= d << k;
    }
}
#endif

static unsigned
class_bits(const char *s, size_t n)
{
#ifdef CLASS_SSE2
    if (n == 0)
        return 0;
    unsigned bits = 0;
    /* longer values in pieces of at most 64 bytes, each ending before the
     * last byte of the 64 that is not alphanumeric (no token crosses it) */
    while (n > 64) {
        uint64_t lower, upper, digit;
        class_masks64(s, &lower, &upper, &digit);
        uint64_t sep = ~(lower | upper | digit);
        if (!sep)
            return bits | class_bits_bytes(s, n);
        size_t p = 63 - (size_t)__builtin_clzll(sep);
        uint64_t keep = (1ull << p) - 1; /* p <= 63 */
        bits |= class_bits_masks(s, lower & keep, upper & keep, digit & keep);
        s += p + 1;
        n -= p + 1;
    }
    if (n == 0)
        return bits;
    uint64_t lower = 0, upper = 0, digit = 0;
    if (n < 16) {
        uint64_t a = n >= 8 ? wn_sw_load(s) : wn_sw_load_partial(s, n);
        uint64_t b = n > 8 ? wn_sw_load_partial(s + 8, n - 8) : 0;
        class_masks16(_mm_set_epi64x((long long)b, (long long)a), &lower, &upper, &digit);
    } else {
        size_t k = 0;
        for (; n - k >= 16; k += 16) {
            uint64_t l, u, d;
            class_masks16(_mm_loadu_si128((const __m128i *)(const void *)(s + k)), &l, &u, &d);
            lower |= l << k;
            upper |= u << k;
            digit |= d << k;
        }
        if (k < n) {
            /* the last 16 bytes; those before k are already in */
            uint64_t l, u, d;
            size_t sh = 16 - (n - k);
            class_masks16(_mm_loadu_si128((const __m128i *)(const void *)(s + n - 16)), &l, &u, &d);
            lower |= (l >> sh) << k;
            upper |= (u >> sh) << k;
            digit |= (d >> sh) << k;
        }
    }
    return bits | class_bits_masks(s, lower, upper, digit);
#else
    return class_bits_bytes(s, n);
#endif
}

unsigned
wn_class_words_of(const char *s, size_t n)
{
    return class_bits(s, n);
}

unsigned
wn_class_words_of_masks(const char *s, uint64_t lower, uint64_t upper, uint64_t digit)
{
    return class_bits_masks(s, lower, upper, digit);
}
