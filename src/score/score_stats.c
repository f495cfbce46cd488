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
#include "score/stats_walk.h"

bool
wn_tag_is_block(const wn_node *n)
{
    return wn_stats_block(n);
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

/* The blank bytes (space, \n, \t, \r, \f), commas and lead bytes of
 * the wide commas (0xEF, 0xE3) among the 16 bytes of v, as 0xFF lanes. */
#if defined(__SSE2__)
static inline void
text_lanes(__m128i v, __m128i *ws, __m128i *cm, __m128i *lead)
{
    const __m128i sp = _mm_set1_epi8(' '), nl = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t'),
                  cr = _mm_set1_epi8('\r'), ff = _mm_set1_epi8('\f'), comma = _mm_set1_epi8(','),
                  ef = _mm_set1_epi8((char)0xEF), e3 = _mm_set1_epi8((char)0xE3);
    __m128i w = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, sp), _mm_cmpeq_epi8(v, nl)),
                             _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, cr)));
    *ws = _mm_or_si128(w, _mm_cmpeq_epi8(v, ff));
    *cm = _mm_cmpeq_epi8(v, comma);
    *lead = _mm_or_si128(_mm_cmpeq_epi8(v, ef), _mm_cmpeq_epi8(v, e3));
}

/* The sum of the 16 bytes of v. */
static inline uint32_t
sum_bytes(__m128i v)
{
    __m128i s = _mm_sad_epu8(v, _mm_setzero_si128());
    return (uint32_t)_mm_cvtsi128_si32(s) + (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(s, 8));
}

static inline uint32_t
load32(const unsigned char *p)
{
    uint32_t x;
    memcpy(&x, p, 4);
    return x;
}
#endif

/* The byte loop: what the SSE2 code below counts, over s[i..n). */
static void
text_count_bytes(const unsigned char *s, size_t i, size_t n, uint32_t *chars, uint32_t *commas)
{
    uint32_t c = 0, k = 0;
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
    *chars += c;
    *commas += k;
}

/* Count non-whitespace bytes (UTF-8 continuation bytes included: a rough
 * but monotonic size) and punctuation that separates clauses. With SSE2,
 * 16 bytes at a time; the last bytes (most text nodes are shorter than 16)
 * also in a register, read without going past s[n - 1]: the last 16 bytes
 * again, or under 16, the first and last 8, 4 or (under 4) single bytes,
 * the lanes read twice or not at all masked out. */
void
wn_text_count(const char *str, size_t n, uint32_t *chars, uint32_t *commas)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t c = 0, k = 0;
#if defined(__SSE2__)
    size_t i = 0;
    __m128i wsv, cmv, leadv;
    /* blocks of 16 bytes, blanks and commas counted in byte lanes (at
     * most 255 blocks between sums) */
    while (i + 16 <= n) {
        size_t stop = n - i > 255 * 16 ? i + 255 * 16 : n, start = i;
        __m128i blanks = _mm_setzero_si128(), cms = _mm_setzero_si128();
        for (; i + 16 <= stop; i += 16) {
            text_lanes(_mm_loadu_si128((const __m128i *)(const void *)(s + i)), &wsv, &cmv, &leadv);
            blanks = _mm_sub_epi8(blanks, wsv);
            cms = _mm_sub_epi8(cms, cmv);
            unsigned lead = (unsigned)_mm_movemask_epi8(leadv);
            while (lead) {
                if (wide_comma(s, i + (size_t)__builtin_ctz(lead), n))
                    k++;
                lead &= lead - 1;
            }
        }
        c += (uint32_t)(i - start) - sum_bytes(blanks);
        k += sum_bytes(cms);
    }
    if (i < n) {
        __m128i v;
        unsigned valid;
        if (n >= 16) {
            v = _mm_loadu_si128((const __m128i *)(const void *)(s + n - 16));
            valid = (0xFFFFu << (16 - (n - i))) & 0xFFFFu;
        } else if (n >= 8) {
            v = _mm_unpacklo_epi64(_mm_loadl_epi64((const __m128i *)(const void *)s),
                                   _mm_loadl_epi64((const __m128i *)(const void *)(s + n - 8)));
            valid = 0xFFu | ((0xFFu << (16 - n)) & 0xFFu) << 8;
        } else if (n >= 4) {
            v = _mm_unpacklo_epi32(_mm_cvtsi32_si128((int)load32(s)),
                                   _mm_cvtsi32_si128((int)load32(s + n - 4)));
            valid = 0xFu | ((0xFu << (8 - n)) & 0xFu) << 4;
        } else {
            v = _mm_cvtsi32_si128((int)(s[0] | (uint32_t)s[n >> 1] << 8 | (uint32_t)s[n - 1] << 16));
            valid = (1u << n) - 1;
        }
        text_lanes(v, &wsv, &cmv, &leadv);
        unsigned ws = (unsigned)_mm_movemask_epi8(wsv), cm = (unsigned)_mm_movemask_epi8(cmv),
                 lead = (unsigned)_mm_movemask_epi8(leadv);
        if (lead & valid) { /* rare: the byte loop tells wide commas */
            uint32_t c2 = 0, k2 = 0;
            text_count_bytes(s, i, n, &c2, &k2);
            c += c2;
            k += k2;
        } else {
            /* both counts in one popcount, a 16-bit half each */
            uint32_t x = (valid & ~ws) | (valid & cm) << 16;
            x = x - ((x >> 1) & 0x55555555u);
            x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
            x = (x + (x >> 4)) & 0x0F0F0F0Fu;
            x = (x + (x >> 8)) & 0x001F001Fu;
            c += x & 0xFFFFu;
            k += x >> 16;
        }
    }
#else
    text_count_bytes(s, 0, n, &c, &k);
#endif
    *chars = c;
    *commas = k;
}

/* The byte loop alone, for tests: must equal wn_text_count. */
void
wn_text_count_plain(const char *str, size_t n, uint32_t *chars, uint32_t *commas)
{
    *chars = 0;
    *commas = 0;
    text_count_bytes((const unsigned char *)str, 0, n, chars, commas);
}

void
wn_text_figures(wn_doc *doc, const wn_node *t, uint32_t *chars, uint32_t *commas)
{
    wn_node_text_figures(wn_doc_cache_get(doc), t, chars, commas);
}

bool
wn_stats_compute(wn_stats *st, wn_doc *doc, uint32_t skip_flags, uint32_t unless_flags)
{
    wn_dom *dom = doc->dom;
    wn_doc_cache *cache = wn_doc_cache_get(doc); /* NULL on OOM: counted each time */
    uint32_t n = dom->node_count + 1;
    if (!wn_stats_reserve(st, &doc->arena, n))
        return false;
    memset(st->s, 0, (size_t)n * sizeof *st->s);
    wn_stats_walk(st, cache, dom->root, skip_flags, unless_flags, false, 0, NULL, NULL, NULL);
    return true;
}

size_t
wn_stats_subtree(wn_stats *st, wn_doc *doc, wn_node *node, uint32_t skip_flags)
{
    uint32_t n = doc->dom->node_count + 1;
    if (!node || node->index >= n || !wn_stats_reserve(st, &doc->arena, n))
        return 0;
    uint32_t in_link = 0;
    for (const wn_node *a = node->parent; a; a = a->parent)
        if (wn_node_is(a, WN_TAG_A))
            in_link++;
    return wn_stats_walk(st, wn_doc_cache_get(doc), node, skip_flags, 0, true, in_link, NULL, NULL,
                         NULL);
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
