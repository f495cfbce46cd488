/* clean_rules.c - the class/id tokenizer and its vocabulary lookup.
 *
 * The vocabulary (generic web-page words: navigation, share bars, ad slots,
 * comment sections, article bodies, never a class seen on one site) and the
 * visually-hidden class names are listed in tools/gen_clean_words.py, which
 * generates the tables of clean/clean_words.h. See clean.h for how values
 * are tokenised.
 */
#include <string.h>

#include "clean/clean.h"
#include "clean/clean_words.h"
#include "score/class_words.h"
#include "util/swar.h"

/* The mask tokenizer reads 16 bytes per SSE2 step (little-endian, as the
 * packing of tokens assumes); WN_NO_SIMD builds the portable byte loop
 * alone, to test it. */
#if defined(__SSE2__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && \
    !defined(WN_NO_SIMD)
#include <emmintrin.h>
#define TOKENS_SSE2 1
#endif

static inline int
lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static inline bool
is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static inline bool
is_alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c);
}

static inline bool
is_ws(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* ---- the vocabulary lookup ---------------------------------------------- */

/* OR-ed into a letter, this bit lower-cases it; OR-ed into any other byte it
 * gives no letter (only 'A'..'Z' and 'a'..'z' land in 'a'..'z'), so a token
 * of letters compares lower-cased and one with another byte matches no word. */
#define CASE_BIT 0x20u

/* The index of letter c of either case in the letter masks of
 * clean_words.h: c & 31, 'a' or 'A' -> 1 .. 'z' or 'Z' -> 26; 0, a bit and
 * a row no mask has, for any other byte. */
static inline unsigned
letter_index(unsigned char c)
{
    return (unsigned)(c | CASE_BIT) - 'a' < 26 ? c & 31u : 0;
}

/* Can the token s[0..n) (n >= 1) be a vocabulary word: do its length and
 * its first and last letters occur together in one (wn_vocab_ends)? */
static inline bool
vocab_candidate(const unsigned char *s, size_t n)
{
    size_t li = n <= WN_VOCAB_MAX_LEN ? n : 0; /* no word: row 0 is empty */
    return (wn_vocab_ends[li][letter_index(s[0])] >> letter_index(s[n - 1])) & 1;
}

/* vocab_candidate of a token of letters: its letters & 31 index the table
 * as they are, and its length is taken modulo 16 (the longest word is
 * shorter), which lets a few longer tokens through to the lookup, never a
 * word the lookup would not find. */
_Static_assert(WN_VOCAB_MAX_LEN < 16, "token lengths modulo 16 keep every word's row");
static inline bool
vocab_candidate_letters(const unsigned char *s, size_t n)
{
    return (wn_vocab_ends[n & 15][s[0] & 31] >> (s[n - 1] & 31)) & 1;
}

/* Bytes s[0..n) (n <= 8) as a little-endian integer, zero bytes after them:
 * the packing of the words in wn_vocab_keys. */
static inline uint64_t
pack8(const unsigned char *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n == 8)
        return wn_sw_load((const char *)s);
    return n ? wn_sw_load_partial((const char *)s, n) : 0;
#else
    uint64_t x = 0;
    for (size_t k = 0; k < n; k++)
        x |= (uint64_t)s[k] << (8 * k);
    return x;
#endif
}

/* CASE_BIT in each of the low n bytes (n <= 8). */
static inline uint64_t
case_bits(size_t n)
{
    const uint64_t all = WN_SW_ONES * CASE_BIT;
    return n >= 8 ? all : all & ((UINT64_C(1) << (8 * n)) - 1);
}

/* The WN_TOK_* bits of the token packed as the words are (lo, hi): its slot
 * of the generated table, then the next ones up to an empty slot. */
static inline uint32_t
vocab_find(uint64_t lo, uint64_t hi)
{
    uint32_t slot = (uint32_t)(((lo ^ hi * WN_VOCAB_HI_MUL) * WN_VOCAB_MUL) >> (64 - WN_VOCAB_BITS));
    for (; wn_vocab_keys[slot][0]; slot = (slot + 1) & (WN_VOCAB_SIZE - 1))
        if (wn_vocab_keys[slot][0] == lo && wn_vocab_keys[slot][1] == hi)
            return wn_vocab_bits[slot];
    return 0;
}

/* The WN_TOK_* bits of the token s[0..n) (2 <= n <= WN_VOCAB_MAX_LEN),
 * compared lower-cased, reading s[0..n) only. */
static inline uint32_t
vocab_lookup(const unsigned char *s, size_t n)
{
    size_t n_lo = n < 8 ? n : 8;
    return vocab_find(pack8(s, n_lo) | case_bits(n_lo), pack8(s + n_lo, n - n_lo) | case_bits(n - n_lo));
}

/* The WN_TOK_* bits of a token of a class or id value (letters only, or
 * digits only, which no word is), compared lower-cased. */
static inline uint32_t
token_bits(const unsigned char *s, size_t n)
{
    return n >= WN_VOCAB_MIN_LEN && vocab_candidate(s, n) ? vocab_lookup(s, n) : 0;
}

uint32_t
wn_token_class(const char *tok, size_t n)
{
    if (n == 0 || n > 32)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (tok[k] >= 'A' && tok[k] <= 'Z')
            return 0; /* the words are lower case; a token is given lower-cased */
    return token_bits((const unsigned char *)tok, n);
}

/* The names of length n equal to s[0..n) lower-cased? */
static inline bool
hidden_compare(const unsigned char *s, size_t n)
{
    for (unsigned k = wn_hidden_start[n]; k < wn_hidden_start[n + 1]; k++) {
        const char *h = wn_hidden_names[k];
        size_t j = 0;
        while (j < n && lower(s[j]) == h[j])
            j++;
        if (j == n)
            return true;
    }
    return false;
}

/* Is the class name s[0..n) a "visually hidden" one? Its length, first and
 * last letters must occur together in one (wn_hidden_ends), then the few
 * names of that length are compared lower-cased. */
static inline bool
name_hidden(const unsigned char *s, size_t n)
{
    return n && n <= WN_HIDDEN_MAX_LEN &&
           ((wn_hidden_ends[n][letter_index(s[0])] >> letter_index(s[n - 1])) & 1) &&
           hidden_compare(s, n);
}

/* name_hidden of a name known to start and end with letters. */
static inline bool
name_hidden_letters(const unsigned char *s, size_t n)
{
    return n <= WN_HIDDEN_MAX_LEN && ((wn_hidden_ends[n][s[0] & 31] >> (s[n - 1] & 31)) & 1) &&
           hidden_compare(s, n);
}

/* Is the class name s[0..n) a hidden name behind a utility prefix of one
 * to four letters and a hyphen ("u-sr-only", "h-sr-only", "tw-sr-only":
 * a design system's namespace), but not "not-" (Tailwind's "not-sr-only"
 * shows again)? */
static inline bool
name_hidden_prefixed(const unsigned char *s, size_t n)
{
    if (!n || !((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'))
        return false;
    for (size_t p = 1; p <= 4 && p + 1 < n; p++) {
        unsigned char c = s[p];
        if (c == '-') {
            if (p == 3 && lower(s[0]) == 'n' && lower(s[1]) == 'o' && lower(s[2]) == 't')
                return false;
            /* (the screen-reader names only: sr-only, screen-reader-text,
             * visually-hidden; not "hidden" or "offscreen" after any word) */
            return (lower(s[p + 1]) == 's' || lower(s[p + 1]) == 'v') &&
                   name_hidden(s + p + 1, n - p - 1);
        }
        if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            return false;
    }
    return false;
}

const char *
wn_hidden_class_name(size_t k)
{
    return k < WN_HIDDEN_NAMES ? wn_hidden_names[k] : NULL;
}

bool
wn_token_vocab_check(void)
{
    size_t words = 0;
    for (uint32_t slot = 0; slot < WN_VOCAB_SIZE; slot++) {
        if (!wn_vocab_keys[slot][0])
            continue;
        /* unpack the word: lower-case letters, then zero bytes */
        unsigned char w[16];
        size_t len = 0;
        for (size_t k = 0; k < 16; k++) {
            w[k] = (unsigned char)(wn_vocab_keys[slot][k / 8] >> (8 * (k % 8)));
            if (w[k] && len != k)
                return false; /* a byte after a zero */
            if (w[k] && !(w[k] >= 'a' && w[k] <= 'z'))
                return false;
            len += w[k] != 0;
        }
        /* found from its first slot and through the filter, with its bits */
        if (len < WN_VOCAB_MIN_LEN || len > WN_VOCAB_MAX_LEN || !wn_vocab_bits[slot] ||
            token_bits(w, len) != wn_vocab_bits[slot])
            return false;
        w[0] = (unsigned char)(w[0] - 32); /* upper case compares lower-cased */
        if (token_bits(w, len) != wn_vocab_bits[slot])
            return false;
        words++;
    }
    for (unsigned k = 0; k < WN_HIDDEN_NAMES; k++) {
        size_t len = strlen(wn_hidden_names[k]);
        if (!name_hidden((const unsigned char *)wn_hidden_names[k], len))
            return false;
    }
    return words == WN_VOCAB_WORDS;
}

/* ---- tokens of a value -------------------------------------------------- */

/* Tokens of a class or id value. Token boundaries: any non-alphanumeric
 * byte, lower->Upper case changes and letter<->digit changes. Non-ASCII
 * bytes end tokens too.
 *
 * An alphanumeric run that looks like a generated hash (CSS modules,
 * styled-components: "UbbKhW", "4pDFEa", "sc-aXZVg") rather than words is
 * skipped whole: letters mixed with digits and capitals, or several one- or
 * two-letter camelCase parts (a hash can spell "ad"). Tokens over 32 bytes
 * are no word. */
/* Lower-case hexadecimal with digits and letters taking turns three times
 * or more, in a run of HEX_HASH_MIN bytes or more: a generated id
 * ("component_1ad269af0d"), not words ("ad300x250" holds an x). */
#define HEX_HASH_MIN 6
static inline bool
hex_hashed(const char *s, size_t n)
{
    if (n < HEX_HASH_MIN)
        return false;
    size_t switches = 0, digits = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        if (is_digit(c))
            digits++;
        else if (c < 'a' || c > 'f')
            return false;
        if (i > 0 && is_digit(c) != is_digit((unsigned char)s[i - 1]))
            switches++;
    }
    return digits && digits < n && switches >= 3;
}

static inline bool
looks_hashed(const char *s, size_t n)
{
    size_t upper = 0, digits = 0, short_parts = 0, part = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') {
            upper++;
            if (i > 0 && part > 0 && part <= 2)
                short_parts++;
            part = 1;
        } else {
            if (is_digit(c))
                digits++;
            part++;
        }
    }
    if (upper && part <= 2 && n > 2)
        short_parts++;
    return (digits && upper && digits < n) || short_parts >= 2 || hex_hashed(s, n);
}

/* Call fn for each token of s, lower-cased (the slow, general form, for
 * tests); value_bits below is the same split for the vocabulary. */
typedef bool (*token_fn)(const char *tok, size_t n, void *ctx);

static inline bool
token_emit(const char *s, size_t n, token_fn fn, void *ctx)
{
    char tok[32];
    if (n > sizeof tok)
        return false;
    for (size_t k = 0; k < n; k++)
        tok[k] = (char)lower((unsigned char)s[k]);
    return fn(tok, n, ctx);
}

static void
tokens_each(const char *s, size_t n, token_fn fn, void *ctx)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && !is_alnum((unsigned char)s[i]))
            i++;
        size_t j = i;
        while (j < n && is_alnum((unsigned char)s[j]))
            j++;
        if (j == i)
            break;
        if (!looks_hashed(s + i, j - i)) {
            size_t t = i;
            for (size_t k = i + 1; k < j; k++) {
                int p = (unsigned char)s[k - 1], c = (unsigned char)s[k];
                if ((p >= 'a' && p <= 'z' && c >= 'A' && c <= 'Z') || is_digit(p) != is_digit(c)) {
                    if (token_emit(s + t, k - t, fn, ctx))
                        return;
                    t = k;
                }
            }
            if (token_emit(s + t, j - t, fn, ctx))
                return;
        }
        i = j;
    }
}

/* What the tokenizers of a value gather besides the token bits: whether a
 * class name is a visually-hidden one, whether a ':' occurs anywhere, the
 * page-type features' class words (CLS_*). */
typedef struct value_state {
    bool want_hidden; /* a class value: look for hidden names */
    bool hidden_name;
    bool colon;
    unsigned words;
} value_state;

enum { K_OTHER, K_LOWER, K_UPPER, K_DIGIT, K_WS, K_UTILITY };

static inline int
byte_kind(int c)
{
    if (c >= 'a' && c <= 'z')
        return K_LOWER;
    if (c == '-' || c == '_')
        return K_OTHER;
    if (c >= 'A' && c <= 'Z')
        return K_UPPER;
    if (c >= '0' && c <= '9')
        return K_DIGIT;
    if (is_ws(c))
        return K_WS;
    /* utility-CSS class names with variants or arbitrary values
     * ("lg:has-[>[data-slot=banner]]:pt-0") describe styling, not purpose */
    if (c == ':' || c == '[' || c == '(' || c == '=')
        return K_UTILITY;
    return K_OTHER;
}

/* The token bits of s[0..n) a byte at a time (the portable form, and the
 * rest of a value with a class name of 64 bytes or more): class name by
 * class name, each alphanumeric run scanned once, its tokens looked up at
 * their ends. The bits of a run count unless it looks hashed, those of a
 * class name unless it is a utility class. */
static uint32_t
value_bits_bytes(const unsigned char *s, size_t n, value_state *st)
{
    uint32_t bits = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && is_ws(s[i]))
            i++;
        if (i >= n)
            break;
        size_t name_start = i;
        uint32_t name_acc = 0;
        bool utility = false;
        while (i < n) {
            int k = byte_kind(s[i]);
            if (k == K_WS)
                break;
            if (k == K_UTILITY) {
                utility = true; /* no tokens: on to the end of the name */
                while (i < n && !is_ws(s[i])) {
                    if (s[i] == ':')
                        st->colon = true;
                    i++;
                }
                break;
            }
            if (k == K_OTHER) {
                i++;
                continue;
            }
            /* an alphanumeric run */
            size_t run_start = i, upper = 0, digits = 0, short_parts = 0, part = 0, t = i;
            size_t switches = 0;
            bool hex = true;
            uint32_t run_acc = 0;
            int pk = k;
            while (i < n) {
                k = byte_kind(s[i]);
                if (k != K_LOWER && k != K_UPPER && k != K_DIGIT)
                    break;
                if (k != K_DIGIT && !(s[i] >= 'a' && s[i] <= 'f'))
                    hex = false;
                if (i > run_start && (pk == K_DIGIT) != (k == K_DIGIT))
                    switches++;
                if (k == K_UPPER) {
                    upper++;
                    if (i > run_start && part > 0 && part <= 2)
                        short_parts++;
                    part = 1;
                } else {
                    if (k == K_DIGIT)
                        digits++;
                    part++;
                }
                if (i > run_start &&
                    ((pk == K_LOWER && k == K_UPPER) || (pk == K_DIGIT) != (k == K_DIGIT))) {
                    run_acc |= token_bits(s + t, i - t);
                    t = i;
                }
                pk = k;
                i++;
            }
            run_acc |= token_bits(s + t, i - t);
            size_t rn = i - run_start;
            if (upper && part <= 2 && rn > 2)
                short_parts++;
            bool hex_hash = hex && digits && digits < rn && rn >= HEX_HASH_MIN && switches >= 3;
            if (!((digits && upper && digits < rn) || short_parts >= 2 || hex_hash))
                name_acc |= run_acc; /* not hashed */
        }
        if (!utility)
            bits |= name_acc;
        if (st->want_hidden && !st->hidden_name &&
            (name_hidden(s + name_start, i - name_start) ||
             name_hidden_prefixed(s + name_start, i - name_start)))
            st->hidden_name = true;
    }
    return bits;
}

#ifdef TOKENS_SSE2
/* The same split from bit masks of a piece of the value, 64 bytes at most
 * (bit k stands for byte k): the class names, the alphanumeric runs and the
 * token boundaries all come from shifts and ANDs of the masks, and the
 * loops run over what the masks single out (token starts, names holding a
 * utility byte, runs holding a capital) rather than over the bytes. */
typedef struct piece_masks {
    uint64_t alpha, upper, digit; /* letters, 'A'..'Z', '0'..'9' */
    uint64_t space;               /* the whitespace that separates class names */
    uint64_t utility;             /* ':', '[', '(', '=' */
} piece_masks;

/* Bits [a, b) (a <= b <= 64). */
static inline uint64_t
bit_span(unsigned a, unsigned b)
{
    uint64_t below_b = b >= 64 ? ~UINT64_C(0) : (UINT64_C(1) << b) - 1;
    return below_b & ~((UINT64_C(1) << a) - 1);
}

/* The run of set bits of m holding bit p (set). */
static inline uint64_t
run_at(uint64_t m, unsigned p)
{
    uint64_t after = ~m >> p; /* bit 0 is clear */
    unsigned end = after ? p + (unsigned)__builtin_ctzll(after) : 64;
    uint64_t before = ~m & ((UINT64_C(1) << p) - 1);
    unsigned start = before ? 64 - (unsigned)__builtin_clzll(before) : 0;
    return bit_span(start, end);
}

/* Does the alphanumeric run `run` look hashed (as in value_bits_bytes)? Its
 * capitals `upper` (not empty) and its digits `digit`. A part starts at the
 * run's first byte and at each capital; a capital after the first byte
 * closes a short part when the part before it began one or two bytes
 * earlier, and the last part is short when it is one or two bytes long
 * and begins at a capital (in a run over two bytes). Two short parts, or
 * capitals with digits, make a hash. */
static inline bool
run_hashed(uint64_t run, uint64_t upper, uint64_t digit)
{
    if (digit)
        return true;
    uint64_t first = run & ~(run << 1), last = run & ~(run >> 1);
    uint64_t part_starts = upper | first;
    uint64_t short_parts = upper & ~first & ((part_starts << 1) | (part_starts << 2));
    bool over_two = (run & (run >> 1) & (run >> 2)) != 0;
    bool short_last = over_two && (upper & (last | (last >> 1)));
    return (short_parts & (short_parts - 1)) || (short_parts && short_last);
}

/* hex_hashed of the run `run` (no capital in it) of the piece in buf, its
 * digits `digit`: the turns between digits and letters from the masks,
 * then its letters a..f. */
static inline bool
run_hex_hashed(const unsigned char *buf, uint64_t run, uint64_t digit)
{
    uint64_t letters = run & ~digit;
    if (!letters || __builtin_popcountll(run) < HEX_HASH_MIN)
        return false;
    if (__builtin_popcountll((digit ^ (digit >> 1)) & run & (run >> 1)) < 3)
        return false;
    for (; letters; letters &= letters - 1) {
        unsigned char c = buf[__builtin_ctzll(letters)];
        if (c < 'a' || c > 'f')
            return false;
    }
    return true;
}

/* The low bytes of a token read as two 64-bit words, by its length (16 for
 * any longer token: no word is 16 bytes long, so its 16 letters match none). */
#define LEN_MASK(l) ((l) >= 8 ? ~UINT64_C(0) : (UINT64_C(1) << (8 * ((l) & 7))) - 1)
#define LEN_MASKS(l) {LEN_MASK(l), (l) <= 8 ? 0 : LEN_MASK((l) - 8)}
static const uint64_t token_len_masks[17][2] = {
    LEN_MASKS(0),  LEN_MASKS(1),  LEN_MASKS(2),  LEN_MASKS(3),  LEN_MASKS(4),  LEN_MASKS(5),
    LEN_MASKS(6),  LEN_MASKS(7),  LEN_MASKS(8),  LEN_MASKS(9),  LEN_MASKS(10), LEN_MASKS(11),
    LEN_MASKS(12), LEN_MASKS(13), LEN_MASKS(14), LEN_MASKS(15), LEN_MASKS(16),
};
#undef LEN_MASKS
#undef LEN_MASK

/* The copy of a piece the mask tokenizer reads: its bytes, then at least 16
 * zero bytes, so a token is read with two 8-byte loads wherever it ends. */
#define PIECE_MAX 64
#define PIECE_BUF (PIECE_MAX + 16)

/* The token bits of the piece copied to buf whose bytes (the bits of
 * `valid`) are whole class names, given its masks. */
static uint32_t
piece_bits(const unsigned char *buf, uint64_t valid, const piece_masks *m, value_state *st)
{
    uint64_t alpha = m->alpha, lower = alpha & ~m->upper, alnum = alpha | m->digit;
    uint64_t names = valid & ~m->space;
    uint64_t dead = 0; /* bytes whose tokens do not count */
    /* utility-CSS names: every byte of a name with a utility byte */
    for (uint64_t u = m->utility; u;) {
        uint64_t name = run_at(names, (unsigned)__builtin_ctzll(u));
        dead |= name;
        u &= ~name;
    }
    /* runs that look hashed (only a run with a capital can) */
    for (uint64_t up = m->upper & ~dead; up;) {
        uint64_t run = run_at(alnum, (unsigned)__builtin_ctzll(up));
        if (run_hashed(run, m->upper & run, m->digit & run))
            dead |= run;
        up &= ~run;
    }
    /* and runs of lower-case hexadecimal (only a run with a digit can) */
    for (uint64_t dg = m->digit & ~dead; dg;) {
        uint64_t run = run_at(alnum, (unsigned)__builtin_ctzll(dg));
        if (!(run & m->upper) && run_hex_hashed(buf, run, m->digit & run))
            dead |= run;
        dg &= ~run;
    }
    /* Tokens of letters (no word has a digit; a token of digits is none):
     * they start at a letter after a byte that is no letter, or at a
     * capital after a lower-case letter, and end likewise. No word is one
     * letter long: a token that starts at its last byte is not looked at. */
    uint64_t starts = (alpha & ~(alpha << 1)) | (m->upper & (lower << 1));
    uint64_t lasts = (alpha & ~(alpha >> 1)) | (lower & (m->upper >> 1));
    uint64_t look = starts & ~lasts & ~dead;
    /* The page-type features' class words (class_words.h) are tokens of
     * letters too, split the same way, but a digit belongs to the token
     * there (which then is no word, all of them being letters): the tokens
     * here with no digit on either side are theirs. */
    uint64_t digit_before = m->digit << 1, digit_after = m->digit >> 1;
    uint32_t bits = 0;
    unsigned words = 0;
    const uint64_t fold = WN_SW_ONES * CASE_BIT;
    while (look) {
        unsigned b = (unsigned)__builtin_ctzll(look);
        unsigned len = (unsigned)__builtin_ctzll(lasts >> b) + 1;
        if (vocab_candidate_letters(buf + b, len)) {
            const uint64_t *lm = token_len_masks[len < 16 ? len : 16];
            bits |= vocab_find((wn_sw_load((const char *)buf + b) | fold) & lm[0],
                               (wn_sw_load((const char *)buf + b + 8) | fold) & lm[1]);
        }
        if (wn_class_candidate_letters(buf + b, len) &&
            !(((digit_before >> b) | (digit_after >> (b + len - 1))) & 1))
            words |= wn_class_token_bits(buf + b, len);
        look &= look - 1;
    }
    /* the features' words count in hashed runs and utility names too */
    if (dead)
        words |= wn_class_words_of_masks((const char *)buf, lower & dead, m->upper & dead,
                                         m->digit & dead);
    st->words |= words;
    for (uint64_t u = m->utility; u && !st->colon; u &= u - 1)
        st->colon = buf[__builtin_ctzll(u)] == ':';
    if (st->want_hidden && !st->hidden_name && !st->colon) {
        /* every hidden name starts and ends with a letter */
        uint64_t first = names & ~(names << 1), last = names & ~(names >> 1);
        while (first) {
            unsigned a = (unsigned)__builtin_ctzll(first), z = (unsigned)__builtin_ctzll(last);
            if ((alpha >> a) & (alpha >> z) & 1 &&
                (name_hidden_letters(buf + a, z - a + 1) ||
                 name_hidden_prefixed(buf + a, z - a + 1))) {
                st->hidden_name = true;
                break;
            }
            first &= first - 1;
            last &= last - 1;
        }
    }
    return bits;
}

/* The masks of the 16 bytes v (bit k: byte k), or-ed in at bit `at`.
 * A range test is one add and one compare: adding 0x80 - lo (wrapping)
 * moves lo..hi to 0x80.., the lowest signed bytes, and every other byte
 * above them. Letters are tested lower-cased (v | 0x20); a letter is a
 * capital when it is below 'a' (bytes >= 0x80 are in no range). */
static inline void
masks16(__m128i v, unsigned at, piece_masks *m)
{
#define EQ(x, c) _mm_cmpeq_epi8(x, _mm_set1_epi8(c))
#define IN(x, lo, hi) _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - (lo)))), \
                                     _mm_set1_epi8((char)(0x80 + (hi) - (lo) + 1)))
#define BITS(x) ((uint64_t)(unsigned)_mm_movemask_epi8(x) << at)
    __m128i alpha = IN(_mm_or_si128(v, _mm_set1_epi8(CASE_BIT)), 'a', 'z');
    m->alpha |= BITS(alpha);
    m->upper |= BITS(_mm_and_si128(alpha, _mm_cmplt_epi8(v, _mm_set1_epi8('a'))));
    m->digit |= BITS(IN(v, '0', '9'));
    /* '\t' '\n' '\f' '\r' are 9..13 but for '\v' (11) */
    m->space |= BITS(_mm_or_si128(_mm_andnot_si128(EQ(v, '\v'), IN(v, '\t', '\r')), EQ(v, ' ')));
    m->utility |= BITS(_mm_or_si128(_mm_or_si128(EQ(v, ':'), EQ(v, '[')),
                                    _mm_or_si128(EQ(v, '('), EQ(v, '='))));
#undef EQ
#undef IN
#undef BITS
}

/* The masks of s[0..64), copied to buf. */
static inline piece_masks
masks64(const unsigned char *s, unsigned char *buf)
{
    piece_masks m = {0, 0, 0, 0, 0};
    for (unsigned k = 0; k < PIECE_MAX; k += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + k));
        _mm_storeu_si128((__m128i *)(void *)(buf + k), v);
        masks16(v, k, &m);
    }
    _mm_storeu_si128((__m128i *)(void *)(buf + PIECE_MAX), _mm_setzero_si128());
    return m;
}

/* The masks of s[0..n) (1 <= n <= 64), copied to buf, reading no byte past
 * it: whole 16-byte steps, then the last 16 bytes again (their bits shifted
 * down to drop those already in), or for n < 16 the bytes by two partial
 * loads (zero bytes after them, in no mask). */
static inline piece_masks
masks_tail(const unsigned char *s, size_t n, unsigned char *buf)
{
    piece_masks m = {0, 0, 0, 0, 0};
    if (n < 16) {
        const char *c = (const char *)s;
        uint64_t a = n >= 8 ? wn_sw_load(c) : wn_sw_load_partial(c, n);
        uint64_t b = n > 8 ? wn_sw_load_partial(c + 8, n - 8) : 0;
        __m128i v = _mm_set_epi64x((long long)b, (long long)a);
        _mm_storeu_si128((__m128i *)(void *)buf, v);
        _mm_storeu_si128((__m128i *)(void *)(buf + 16), _mm_setzero_si128());
        masks16(v, 0, &m);
        return m;
    }
    size_t k = 0;
    for (; n - k >= 16; k += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + k));
        _mm_storeu_si128((__m128i *)(void *)(buf + k), v);
        masks16(v, (unsigned)k, &m);
    }
    if (k < n) {
        piece_masks t = {0, 0, 0, 0, 0};
        unsigned drop = (unsigned)(16 - (n - k));
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
        _mm_storeu_si128((__m128i *)(void *)(buf + n - 16), v);
        masks16(v, 0, &t);
        m.alpha |= (t.alpha >> drop) << k;
        m.upper |= (t.upper >> drop) << k;
        m.digit |= (t.digit >> drop) << k;
        m.space |= (t.space >> drop) << k;
        m.utility |= (t.utility >> drop) << k;
    }
    _mm_storeu_si128((__m128i *)(void *)(buf + n), _mm_setzero_si128());
    return m;
}

/* Keep the bits of `keep` in every mask. */
static inline void
masks_keep(piece_masks *m, uint64_t keep)
{
    m->alpha &= keep;
    m->upper &= keep;
    m->digit &= keep;
    m->space &= keep;
    m->utility &= keep;
}
#endif

/* The WN_TOK_* bits of a class or id value (with `hidden`, a class value:
 * WN_TOK_HIDDEN when a class name is a visually-hidden one, unless a ':'
 * occurs anywhere, as in "hidden md:block", hidden on small screens only),
 * and above them (WN_TOK_WORDS_SHIFT) the page-type features' class words.
 * With SSE2, pieces of at most 64 bytes that end before a whitespace byte
 * (so no class name is cut, nor a token of either kind) go through the
 * masks; a class name of 64 bytes or more sends the rest to the byte loop. */
static uint32_t
value_bits(const char *str, size_t n, bool hidden)
{
    const unsigned char *s = (const unsigned char *)str;
    value_state st = {hidden, false, false, 0};
    uint32_t bits = 0;
#ifdef TOKENS_SSE2
    unsigned char buf[PIECE_BUF];
    while (n) {
        piece_masks m;
        uint64_t valid;
        size_t used;
        if (n > PIECE_MAX) {
            m = masks64(s, buf);
            if (!m.space)
                break; /* a class name of 64 bytes or more */
            unsigned p = 63 - (unsigned)__builtin_clzll(m.space); /* the last whitespace */
            valid = (UINT64_C(1) << p) - 1;
            masks_keep(&m, valid);
            used = p + 1;
        } else {
            m = masks_tail(s, n, buf);
            valid = n == PIECE_MAX ? ~UINT64_C(0) : (UINT64_C(1) << n) - 1;
            used = n;
        }
        bits |= piece_bits(buf, valid, &m, &st);
        s += used;
        n -= used;
    }
#endif
    if (n) {
        bits |= value_bits_bytes(s, n, &st);
        st.words |= wn_class_words_of((const char *)s, n);
    }
    if (st.hidden_name && !st.colon)
        bits |= WN_TOK_HIDDEN;
    return bits | st.words << WN_TOK_WORDS_SHIFT;
}

/* The WN_TOK_* bits of value_bits' answer. */
static inline uint32_t
tok_only(uint32_t bits)
{
    return bits & ((1u << WN_TOK_WORDS_SHIFT) - 1);
}

uint32_t
wn_tokens_classify(const char *s, size_t n)
{
    return s ? tok_only(value_bits(s, n, false)) : 0;
}

uint32_t
wn_tokens_classify_class(const char *s, size_t n)
{
    return s ? tok_only(value_bits(s, n, true)) : 0;
}

unsigned
wn_tokens_class_words(const char *s, size_t n)
{
    return s ? value_bits(s, n, true) >> WN_TOK_WORDS_SHIFT : 0;
}

typedef struct has_ctx {
    const char *const *words;
    size_t count;
    bool found;
} has_ctx;

static bool
has_cb(const char *tok, size_t n, void *ctx)
{
    has_ctx *h = ctx;
    for (size_t k = 0; k < h->count && !h->found; k++)
        if (strlen(h->words[k]) == n && memcmp(tok, h->words[k], n) == 0)
            h->found = true;
    return h->found;
}

bool
wn_tokens_has_any(const char *s, size_t n, const char *const *words, size_t count)
{
    has_ctx h = {words, count, false};
    if (s)
        tokens_each(s, n, has_cb, &h);
    return h.found;
}

bool
wn_tokens_has(const char *s, size_t n, const char *word)
{
    return wn_tokens_has_any(s, n, &word, 1);
}

/* The bits of a class value (WN_TOK_HIDDEN included) through the memo of
 * the document's cache when there is one. */
static uint32_t
class_bits(wn_doc_cache *c, const char *v, size_t len)
{
    if (!c || len < 4 || len > UINT32_MAX)
        return value_bits(v, len, true);
    /* a hash of the length and the first and last eight bytes (at most) */
    uint64_t a = 0, b = 0;
    size_t k = len < 8 ? len : 8;
    memcpy(&a, v, k);
    memcpy(&b, v + len - k, k);
    uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15u) ^ len) * 0xD6E8FEB86659FD93u;
    size_t slot = (size_t)(h >> 58);
    if (c->class_memo[slot].v && c->class_memo[slot].len == len &&
        memcmp(c->class_memo[slot].v, v, len) == 0)
        return c->class_memo[slot].bits;
    uint32_t bits = value_bits(v, len, true);
    c->class_memo[slot].v = v;
    c->class_memo[slot].len = (uint32_t)len;
    c->class_memo[slot].bits = bits;
    return bits;
}

/* The bits of an element's first class and first id attributes (either
 * NULL when absent), as value_bits gives them. */
static uint32_t
attrs_token_bits(wn_doc_cache *c, const wn_attr *cls, const wn_attr *id)
{
    uint32_t bits = 0;
    if (cls && cls->value)
        bits |= class_bits(c, cls->value, cls->value_len);
    if (id && id->value)
        bits |= value_bits(id->value, id->value_len, false);
    return bits;
}

/* attrs_token_bits of the element, and WN_TOK_ITEMTYPE when it has an
 * itemtype attribute. */
static uint32_t
node_token_bits(wn_doc_cache *c, const wn_node *n)
{
    if (!n || n->type != WN_NODE_ELEMENT)
        return 0;
    /* the first class and the first id attribute, in one scan */
    const wn_attr *cls = NULL, *id = NULL;
    uint32_t itemtype = 0;
    for (uint32_t i = 0; i < n->n_attrs; i++) {
        const wn_attr *a = &n->attrs[i];
        if (a->ns != WN_ATTR_NS_NONE)
            continue;
        if (!cls && a->name_len == 5 && memcmp(a->name, "class", 5) == 0)
            cls = a;
        else if (!id && a->name_len == 2 && a->name[0] == 'i' && a->name[1] == 'd')
            id = a;
        else if (a->name_len == 8 && memcmp(a->name, "itemtype", 8) == 0)
            itemtype = WN_TOK_ITEMTYPE;
    }
    return attrs_token_bits(c, cls, id) | itemtype;
}

uint32_t
wn_node_token_bits(const wn_node *n)
{
    return tok_only(node_token_bits(NULL, n));
}

wn_doc_cache *
wn_doc_cache_make(wn_doc *doc)
{
    wn_doc_cache *c = wn_arena_calloc(&doc->arena, 1, sizeof *c);
    if (!c)
        return NULL;
    c->n = doc->dom->node_count + 1;
    c->token_bits = wn_arena_calloc(&doc->arena, c->n, sizeof *c->token_bits);
    c->text_chars = wn_arena_calloc(&doc->arena, c->n, sizeof *c->text_chars);
    c->text_commas = wn_arena_alloc(&doc->arena, (size_t)c->n * sizeof *c->text_commas);
    if (!c->token_bits || !c->text_chars || !c->text_commas)
        return NULL;
    doc->cache = c;
    return c;
}

uint32_t
wn_doc_token_bits_attrs(wn_doc *doc, const wn_node *n, const wn_attr *cls, const wn_attr *id,
                        bool itemtype)
{
    if (!n || n->type != WN_NODE_ELEMENT)
        return 0;
    wn_doc_cache *c = wn_doc_cache_get(doc);
    if (!c || n->index >= c->n)
        return tok_only(attrs_token_bits(NULL, cls, id)); /* OOM, or a node made after the parse */
    uint16_t b = c->token_bits[n->index];
    if (!b) {
        b = (uint16_t)(attrs_token_bits(c, cls, id) | (itemtype ? WN_TOK_ITEMTYPE : 0) |
                       WN_TOK_KNOWN);
        c->token_bits[n->index] = b;
    }
    return tok_only(b) & ~WN_TOK_KNOWN;
}

uint32_t
wn_doc_token_bits(wn_doc *doc, const wn_node *n)
{
    if (!n || n->type != WN_NODE_ELEMENT)
        return 0;
    wn_doc_cache *c = wn_doc_cache_get(doc);
    if (!c || n->index >= c->n)
        return wn_node_token_bits(n); /* OOM, or a node made after the parse */
    uint16_t b = c->token_bits[n->index];
    if (!b) {
        b = (uint16_t)(node_token_bits(c, n) | WN_TOK_KNOWN);
        c->token_bits[n->index] = b;
    }
    return tok_only(b) & ~WN_TOK_KNOWN;
}

void
wn_doc_token_bits_clear(wn_doc *doc, const wn_node *n, uint32_t bits)
{
    wn_doc_token_bits(doc, n); /* computed first, so that the cleared bits stay cleared */
    wn_doc_cache *c = wn_doc_cache_get(doc);
    if (c && n && n->type == WN_NODE_ELEMENT && n->index < c->n && c->token_bits[n->index])
        c->token_bits[n->index] &= (uint16_t)~bits;
}
