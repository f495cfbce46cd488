/* classify.c - page type from generic features and a linear model.
 *
 * Phases:
 *   1. URL: path words (forum, product, docs, blog, category, ...), depth,
 *      slug length, a date in the path, a query string.
 *   2. Declared types: schema.org @type values in JSON-LD and itemtype,
 *      and og:type.
 *   3. One walk over the DOM (script, style and template content skipped)
 *      counting long paragraphs, code, prices, cart buttons, post-like and
 *      user-like blocks, repeated card-like siblings, headings, dates, link
 *      density.
 *   4. A softmax over the generated weights (classify_model.h) picks the
 *      type. Features are counts with log scaling, so no rule depends on a
 *      single site's markup.
 */
#include "classify.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "classify_model.h"
#include "classify_words.h"
#include "score/class_words.h"
#include "clean/clean.h"
#include "score/score.h"
#include "parse/dom.h"
#include "util/swar.h"

#if defined(__SSE2__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#include <emmintrin.h>
#define CLASS_SSE2 1
#endif

_Static_assert((CLS_POST | CLS_USER | CLS_DOC) << WN_TOK_WORDS_SHIFT < WN_TOK_ITEMTYPE,
               "the class words fit above the token bits in clean's cache");

#define WN_FEATURE_NAME(name) #name,
const char *const wn_page_feature_names[WN_FEAT__COUNT] = {WN_PAGE_FEATURES(WN_FEATURE_NAME)};
#undef WN_FEATURE_NAME

/* Children considered when looking for repeated siblings (bounds the cost on
 * elements with 10^5 children). */
#define WN_CLASSIFY_MAX_SIBLINGS 512

static int
lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static bool
is_alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Case-insensitive search of an ASCII needle in s[0..n). */
static bool
contains_ci(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    if (m == 0 || n < m)
        return false;
    for (size_t i = 0; i + m <= n; i++) {
        if (lower((unsigned char)s[i]) != needle[0])
            continue;
        size_t k = 1;
        while (k < m && lower((unsigned char)s[i + k]) == needle[k])
            k++;
        if (k == m)
            return true;
    }
    return false;
}

/* Bits of a word in one of the generated tables (classify_words.h): hash,
 * then linear probing up to an empty slot. */
static unsigned
cw_find(const wn_cw_entry *tab, uint32_t mask, unsigned shift, uint32_t h, const char *w, size_t n)
{
    for (uint32_t s = (h >> shift) & mask; tab[s].word; s = (s + 1) & mask)
        if (tab[s].len == n && memcmp(tab[s].word, w, n) == 0)
            return tab[s].bits;
    return 0;
}

static uint32_t
cw_hash(const char *w, size_t n)
{
    uint32_t h = WN_CW_SEED;
    for (size_t i = 0; i < n; i++)
        h = WN_CW_STEP(h, (unsigned char)w[i]);
    return h;
}

/* ---- 1. URL ------------------------------------------------------------ */

/* The word lists are in tools/gen_classify_words.py (URL_WORDS): bit k of
 * a word's entry is feature WN_FEAT_url_forum + k. */
_Static_assert(WN_FEAT_url_service == WN_FEAT_url_forum + 6, "url word features in order");

static void
url_word(double *f, const char *w, size_t n)
{
    if (n < WN_URL_WORDS_MIN_LEN || n > WN_URL_WORDS_MAX_LEN)
        return;
    unsigned bits = cw_find(wn_url_words, WN_URL_WORDS_SIZE - 1, WN_URL_WORDS_SHIFT, cw_hash(w, n), w, n);
    for (int k = 0; bits; k++, bits >>= 1)
        if (bits & 1)
            f[WN_FEAT_url_forum + k] = 1;
}

static void
url_features(const char *url, size_t len, double *f)
{
    if (!url || len == 0)
        return;
    char low[512];
    if (len >= sizeof low)
        len = sizeof low - 1;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)lower((unsigned char)url[i]);
    low[len] = '\0';
    const char *p = strstr(low, "://");
    p = p ? p + 3 : low;
    /* host: first label words (forum.x, docs.x, shop.x, community.x) */
    const char *host_end = p + strcspn(p, "/?#");
    const char *label_end = p + strcspn(p, ".");
    if (label_end < host_end)
        url_word(f, p, (size_t)(label_end - p));
    const char *q = strchr(host_end, '?');
    if (q && q[1])
        f[WN_FEAT_url_query] = 1;
    const char *path_end = host_end + strcspn(host_end, "?#");
    int depth = 0, max_slug = 0;
    const char *s = host_end;
    while (s < path_end) {
        while (s < path_end && *s == '/')
            s++;
        const char *e = s;
        while (e < path_end && *e != '/')
            e++;
        if (e > s) {
            depth++;
            size_t n = (size_t)(e - s);
            /* strip a file extension */
            const char *dot = memchr(s, '.', n);
            size_t stem = dot ? (size_t)(dot - s) : n;
            url_word(f, s, stem);
            if (n == 4 && s[0] >= '1' && s[0] <= '2') {
                int y = atoi(s);
                if (y >= 1995 && y <= 2035)
                    f[WN_FEAT_url_dated] = 1;
            }
            /* words of a slug: a-b-c -> 3 */
            int words = 0;
            size_t i = 0;
            while (i < stem) {
                while (i < stem && !is_alnum(s[i]))
                    i++;
                size_t b = i;
                while (i < stem && is_alnum(s[i]))
                    i++;
                if (i > b) {
                    words++;
                    if (words > 1 || i < stem)
                        url_word(f, s + b, i - b);
                }
            }
            if (words > max_slug)
                max_slug = words;
        }
        s = e;
    }
    f[WN_FEAT_url_depth] = depth;
    f[WN_FEAT_url_slug_words] = max_slug;
}

/* ---- 2. declared types ------------------------------------------------- */

/* The type lists are in tools/gen_classify_words.py (SCHEMA_TYPES): bit k
 * of a type's entry is feature WN_FEAT_schema_article + k. */
_Static_assert(WN_FEAT_schema_offer == WN_FEAT_schema_article + 6, "schema features in order");

static void
schema_type(double *f, const char *t, size_t n)
{
    if (n < WN_SCHEMA_TYPES_MIN_LEN || n > WN_SCHEMA_TYPES_MAX_LEN)
        return;
    unsigned bits = cw_find(wn_schema_types, WN_SCHEMA_TYPES_SIZE - 1, WN_SCHEMA_TYPES_SHIFT,
                            cw_hash(t, n), t, n);
    for (int k = 0; bits; k++, bits >>= 1)
        if (bits & 1)
            f[WN_FEAT_schema_article + k] = 1;
}

/* Read the "@type" values out of JSON-LD text without a full parse: each
 * "@type" is followed by a string or an array of strings. */
static void
jsonld_types(double *f, const char *s, size_t n)
{
    size_t i = 0;
    while (i + 7 < n) {
        const char *hit = memchr(s + i, '@', n - i);
        if (!hit)
            break;
        i = (size_t)(hit - s) + 1;
        if (i + 5 > n || memcmp(s + i, "type\"", 5) != 0)
            continue;
        i += 5;
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == ':'))
            i++;
        bool array = i < n && s[i] == '[';
        if (array)
            i++;
        while (i < n) {
            while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ||
                             s[i] == ','))
                i++;
            if (i >= n || s[i] != '"')
                break;
            size_t b = ++i;
            while (i < n && s[i] != '"')
                i++;
            const char *t = s + b;
            size_t tl = i - b;
            /* "http://schema.org/Product" -> "Product" */
            for (size_t k = tl; k > 0; k--)
                if (t[k - 1] == '/' || t[k - 1] == ':') {
                    t += k;
                    tl -= k;
                    break;
                }
            schema_type(f, t, tl);
            i++;
            if (!array)
                break;
        }
    }
}

/* ---- 3. the DOM walk ---------------------------------------------------- */

/* The class values met last, by a hash of their length and first and last
 * eight bytes: a page repeats its item classes many times. */
enum { CLASS_MEMO = 256 }; /* a power of two */
typedef struct class_memo {
    const char *v;
    size_t len;
    unsigned bits;
} class_memo;

static unsigned
class_bits_memo(class_memo *memo, const char *v, size_t len)
{
    if (len < 4)
        return wn_class_words_of(v, len);
    uint64_t a, b;
    if (len >= 8) {
        memcpy(&a, v, 8);
        memcpy(&b, v + len - 8, 8);
    } else {
        a = wn_sw_load_partial(v, len);
        b = 0;
    }
    uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15u) ^ len) * 0xD6E8FEB86659FD93u;
    class_memo *m = &memo[h >> 56 & (CLASS_MEMO - 1)];
    if (m->v && m->len == len && memcmp(m->v, v, len) == 0)
        return m->bits;
    m->v = v;
    m->len = len;
    m->bits = wn_class_words_of(v, len);
    return m->bits;
}

/* One scan of an element's attributes: the class/id vocabulary bits, and
 * the itemtype value (NULL if none). */
static unsigned
node_attr_scan(const wn_node *n, class_memo *memo, const char **itemtype, size_t *itemtype_len)
{
    unsigned bits = 0;
    for (uint32_t i = 0; i < n->n_attrs; i++) {
        const wn_attr *a = &n->attrs[i];
        if (a->name_len == 5 && memcmp(a->name, "class", 5) == 0)
            bits |= a->value ? class_bits_memo(memo, a->value, a->value_len) : 0;
        else if (a->name_len == 2 && memcmp(a->name, "id", 2) == 0)
            bits |= wn_class_words_of(a->value, a->value_len);
        else if (a->name_len == 8 && !*itemtype && a->ns == WN_ATTR_NS_NONE &&
                 memcmp(a->name, "itemtype", 8) == 0) {
            *itemtype = a->value ? a->value : "";
            *itemtype_len = a->value_len;
        }
    }
    return bits;
}

/* The wn_phrase_quad bit of the four bytes at s (tools/gen_classify_words.py). */
static inline unsigned
quad_hash(const char *s)
{
    uint32_t key = (uint32_t)(unsigned char)s[0] | (uint32_t)(unsigned char)s[1] << 8 |
                   (uint32_t)(unsigned char)s[2] << 16 | (uint32_t)(unsigned char)s[3] << 24;
    return (key * WN_PHRASE_QUAD_MUL) >> (32 - WN_PHRASE_QUAD_BITS);
}

/* Which phrase sets (WN_PHRASE_*, of `want`) occur in the lower-cased short
 * text low[0..n): one pass over the text, trying at each byte only where a
 * phrase may start with the next four bytes (wn_phrase_quad), and there
 * only the phrases that start with the byte (wn_phrase_start). */
static unsigned
phrase_sets(const char *low, size_t n, unsigned want)
{
    size_t min = (want & WN_PHRASE_REPLY)  ? WN_PHRASE_REPLY_MIN_LEN
                 : (want & WN_PHRASE_CART) ? WN_PHRASE_CART_MIN_LEN
                                           : WN_PHRASE_SERVICE_MIN_LEN;
    _Static_assert(WN_PHRASE_REPLY_MIN_LEN >= 4 && WN_PHRASE_CART_MIN_LEN >= 4 &&
                       WN_PHRASE_SERVICE_MIN_LEN >= 4,
                   "phrase_sets reads four bytes at each position");
    if (n < min)
        return 0;
    unsigned got = 0;
    /* up to 64 positions at a time: first the mask of those that pass the
     * four-byte filter (no branch per position), then those in order */
    for (size_t base = 0; base + min <= n; base += 64) {
        size_t end = n - min + 1 - base < 64 ? n - min + 1 : base + 64;
        uint64_t cand = 0;
        for (size_t i = base; i < end; i++) {
            unsigned h = quad_hash(low + i);
            cand |= ((wn_phrase_quad[h >> 6] >> (h & 63)) & 1) << (i - base);
        }
        for (; cand; cand &= cand - 1) {
            size_t i = base + (size_t)__builtin_ctzll(cand);
            unsigned c = (unsigned char)low[i];
            for (unsigned k = wn_phrase_start[c]; k < wn_phrase_start[c + 1]; k++) {
                const wn_cw_entry *p = &wn_phrases[k];
                if (!(p->bits & want & ~got) || p->len > n - i || low[i + 1] != p->word[1] ||
                    memcmp(low + i, p->word, p->len) != 0)
                    continue;
                got |= p->bits;
                if (got == want)
                    return got;
            }
        }
    }
    return got;
}

/* Length of the leading run of ' ', '\n' and '\t' in s[0..n), eight bytes
 * at a time; the last bytes by a partial load, whose zero padding counts as
 * not blank (so the answer is at most n) - no branch per byte. */
static size_t
skip_blank(const char *s, size_t n)
{
    size_t b = 0;
    while (n - b >= 8) {
        uint64_t other = ~wn_sw_blank(wn_sw_load(s + b)) & WN_SW_HIGH;
        if (other)
            return b + wn_sw_first(other);
        b += 8;
    }
    if (b == n)
        return b;
    uint64_t other = ~wn_sw_blank(wn_sw_load_partial(s + b, n - b)) & WN_SW_HIGH;
    return b + wn_sw_first(other);
}

/* s[0..len) without its trailing ' ', '\n' and '\t' (s[b] is not blank,
 * b < len): eight bytes at a time from the end, then a byte at a time. */
static inline size_t
trim_blank_end(const char *s, size_t b, size_t len)
{
    while (len - b >= 8) {
        uint64_t other = ~wn_sw_blank(wn_sw_load(s + len - 8)) & WN_SW_HIGH;
        if (other)
            return len - 8 + wn_sw_last(other) + 1;
        len -= 8;
    }
    while (len > b && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t'))
        len--;
    return len;
}

#ifdef CLASS_SSE2
/* Bit k: byte k of s[0..16) is '$', 0xE2 or 0xC2. */
static inline unsigned
sign_bytes16(const char *s)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i m = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('$')),
                             _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)),
                                          _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2))));
    return (unsigned)_mm_movemask_epi8(m);
}
#endif

/* A price: a currency sign next to a digit ("$19.99", "€ 5", "19,99 €").
 * The signs start with '$', 0xE2 or 0xC2: blocks of 32 or 16 (SSE2) or eight
 * bytes without those bytes are skipped whole. */
static bool
has_price(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
#ifdef CLASS_SSE2
        if (n - i >= 16) {
            /* 32 bytes a step where there are (one branch for both halves) */
            unsigned bits = sign_bytes16(s + i);
            size_t step = 16;
            if (n - i >= 32) {
                bits |= sign_bytes16(s + i + 16) << 16;
                step = 32;
            }
            if (!bits) {
                i += step;
                continue;
            }
            i += (size_t)__builtin_ctz(bits); /* the first sign byte */
        } else
#endif
        if (n - i >= 8) {
            uint64_t x = wn_sw_load(s + i);
            uint64_t m = wn_sw_zero(x ^ (WN_SW_ONES * '$'));
            if (x & WN_SW_HIGH)
                m |= wn_sw_zero(x ^ (WN_SW_ONES * 0xE2)) | wn_sw_zero(x ^ (WN_SW_ONES * 0xC2));
            if (!m) {
                i += 8;
                continue;
            }
            i += wn_sw_first(m); /* the first sign byte */
        }
        /* '$'; the euro, rupee and rouble signs (E2 82 AC, B9, BD); the
         * pound and yen signs (C2 A3, A5) */
        const unsigned char *u = (const unsigned char *)s + i;
        size_t m = 0;
        if (u[0] == '$')
            m = 1;
        else if (u[0] == 0xE2 && n - i >= 3 && u[1] == 0x82 &&
                 (u[2] == 0xAC || u[2] == 0xB9 || u[2] == 0xBD))
            m = 3;
        else if (u[0] == 0xC2 && n - i >= 2 && (u[1] == 0xA3 || u[1] == 0xA5))
            m = 2;
        if (m && wn_digit_beside(s, n, i, i + m))
            return true;
        i++;
    }
    return false;
}

/* "July 26, 2023", "26 Jul 2023", "2023-07-26", "26/07/2023" (`low` is
 * lower-cased, n <= 60, with `digits` ASCII digits). */
static bool
is_date_text(const char *low, size_t n, int digits)
{
    /* the three letters of each month as a number, at its slot of a perfect
     * hash: (key * MONTH_MUL) >> 28 (the other slots 0, no key) */
#define MONTH_KEY(a, b, c) ((uint32_t)(a) | (uint32_t)(b) << 8 | (uint32_t)(c) << 16)
#define MONTH_MUL 0x3b6fe507u
    static const uint32_t months[16] = {
        [6] = MONTH_KEY('j', 'a', 'n'),  [8] = MONTH_KEY('f', 'e', 'b'),  [11] = MONTH_KEY('m', 'a', 'r'),
        [7] = MONTH_KEY('a', 'p', 'r'),  [15] = MONTH_KEY('m', 'a', 'y'), [2] = MONTH_KEY('j', 'u', 'n'),
        [5] = MONTH_KEY('j', 'u', 'l'),  [12] = MONTH_KEY('a', 'u', 'g'), [0] = MONTH_KEY('s', 'e', 'p'),
        [13] = MONTH_KEY('o', 'c', 't'), [9] = MONTH_KEY('n', 'o', 'v'),  [14] = MONTH_KEY('d', 'e', 'c'),
    };
    if (n < 6 || digits < 1)
        return false;
    for (size_t i = 0; i + 3 <= n; i++) {
        if (low[i] < 'a' || low[i] > 'y' || (i > 0 && low[i - 1] >= 'a' && low[i - 1] <= 'z'))
            continue;
        uint32_t key = MONTH_KEY((unsigned char)low[i], (unsigned char)low[i + 1],
                                 (unsigned char)low[i + 2]);
        if (months[(uint32_t)(key * MONTH_MUL) >> 28] == key)
            return true;
    }
#undef MONTH_KEY
#undef MONTH_MUL
    if (digits < 6)
        return false;
    for (size_t i = 0; i + 8 <= n; i++)
        if (low[i] >= '0' && low[i] <= '9' &&
            (low[i + 2] == '/' || low[i + 2] == '.' || low[i + 4] == '-'))
            return true;
    return false;
}

typedef struct frame {
    size_t text;
    size_t link;
    size_t link_children; /* element children with a link inside */
} frame;

typedef struct walk_state {
    frame *stack;
    size_t depth, cap;
    bool ok;
} walk_state;

static bool
grow(walk_state *ws)
{
    size_t cap = ws->cap ? ws->cap * 2 : 64;
    frame *s = realloc(ws->stack, cap * sizeof *s);
    if (!s)
        return false;
    ws->stack = s;
    ws->cap = cap;
    return true;
}

static inline bool
push(walk_state *ws)
{
    if (ws->depth == ws->cap && !grow(ws))
        return false;
    frame *f = &ws->stack[ws->depth++];
    f->text = 0;
    f->link = 0;
    f->link_children = 0;
    return true;
}

/* The next step of a depth-first walk from `root` (the order of wn_walk_next):
 * elements and the document are entered, then left; other nodes are only
 * entered. Clearing *enter before the step skips the children of an
 * element without leaving it. */
static inline wn_node *
walk_step(wn_node *cur, bool *enter, const wn_node *root)
{
    if (*enter && (cur->type == WN_NODE_ELEMENT || cur->type == WN_NODE_DOCUMENT)) {
        if (cur->first_child)
            return cur->first_child;
        *enter = false;
        return cur;
    }
    if (cur == root)
        return NULL;
    if (cur->next) {
        *enter = true;
        return cur->next;
    }
    *enter = false;
    return cur->parent;
}

static uint32_t
sibling_signature(const wn_node *n)
{
    uint32_t h = 2166136261u ^ n->tag;
    size_t len;
    const char *c = wn_node_attr(n, "class", &len);
    if (c)
        for (size_t i = 0, m = len < 64 ? len : 64; i < m; i++) {
            h ^= (unsigned char)c[i];
            h *= 16777619u;
        }
    else if (n->tag == WN_TAG_UNKNOWN && n->name)
        for (size_t i = 0; i < n->name_len; i++) {
            h ^= (unsigned char)n->name[i];
            h *= 16777619u;
        }
    return h;
}

static int
cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Largest group of element siblings with the same tag and class, each with
 * a link inside (has_link, by node index, filled when leaving elements):
 * product grids, article cards, search results. Runs when leaving the
 * parent, so its children are known. */
static int
repeated_children(const wn_node *parent, const uint8_t *has_link, uint32_t node_count)
{
    uint32_t sig[WN_CLASSIFY_MAX_SIBLINGS];
    int n = 0;
    for (const wn_node *c = parent->first_child; c && n < WN_CLASSIFY_MAX_SIBLINGS; c = c->next) {
        if (c->type != WN_NODE_ELEMENT || c->index >= node_count || !has_link[c->index])
            continue;
        sig[n++] = sibling_signature(c);
    }
    if (n < 3)
        return 0;
    if (n <= 32) {
        /* most parents have a few children: an insertion sort, inline */
        for (int i = 1; i < n; i++) {
            uint32_t v = sig[i];
            int j = i;
            for (; j > 0 && sig[j - 1] > v; j--)
                sig[j] = sig[j - 1];
            sig[j] = v;
        }
    } else {
        qsort(sig, (size_t)n, sizeof sig[0], cmp_u32);
    }
    int best = 1, run = 1;
    for (int i = 1; i < n; i++) {
        run = sig[i] == sig[i - 1] ? run + 1 : 1;
        if (run > best)
            best = run;
    }
    return best;
}

/* The page's own idea of its URL: <link rel=canonical>, else og:url. */
static const char *
page_url(const wn_dom *dom, size_t *len)
{
    const char *og = NULL;
    size_t og_len = 0;
    wn_walk w;
    wn_node *n;
    bool enter;
    wn_walk_init(&w, dom->root);
    while (wn_walk_next(&w, &n, &enter)) {
        if (!enter || n->type != WN_NODE_ELEMENT)
            continue;
        if (n->tag == WN_TAG_BODY)
            break;
        size_t l;
        const char *v;
        if (n->tag == WN_TAG_LINK && (v = wn_node_attr(n, "rel", &l)) && contains_ci(v, l, "canonical") &&
            (v = wn_node_attr(n, "href", len)) && *len)
            return v;
        if (n->tag == WN_TAG_META && !og && (v = wn_node_attr(n, "property", &l)) && l == 6 &&
            contains_ci(v, l, "og:url") && (v = wn_node_attr(n, "content", &l)) && l) {
            og = v;
            og_len = l;
        }
    }
    *len = og_len;
    return og;
}

void
wn_page_features(const wn_doc *doc, const char *url, size_t url_len, double feats[WN_FEAT__COUNT])
{
    memset(feats, 0, sizeof(double) * WN_FEAT__COUNT);
    if (!url && doc && doc->dom)
        url = page_url(doc->dom, &url_len);
    url_features(url, url_len, feats);
    /* no URL known: its features are missing, not zero (a home page's
     * depth is 0); the model reads them as the training pages' mean */
    if (!url || !url_len)
        for (int i = WN_FEAT_url_depth; i <= WN_FEAT_url_service; i++)
            feats[i] = NAN;
    if (!doc || !doc->dom)
        return;

    walk_state ws = {0};
    ws.ok = push(&ws);
    class_memo memo[CLASS_MEMO] = {{0}};
    /* per node: a link inside (links without text count too) */
    uint32_t node_count = doc->dom->node_count;
    uint8_t *has_link = calloc(node_count ? node_count : 1, 1);
    size_t p_text = 0, total_text = 0, link_text = 0;
    int in_link = 0, in_button = 0;
    const wn_node *root = doc->dom->root;
    /* text figures the clean stage counted: a text node it found blank
     * (figure 1: no byte but whitespace) is skipped without a scan */
    const uint32_t *chars = doc->cache ? doc->cache->text_chars : NULL;
    uint32_t n_chars = chars ? doc->cache->n : 0;
    /* and the class words of the elements whose token bits it computed
     * (WN_TOK_WORDS_SHIFT), with whether they have an itemtype: of their
     * first class and first id attributes, which are all their class and id
     * values, the parser dropping duplicate attributes and giving these no
     * namespace */
    const uint16_t *tok = doc->cache ? doc->cache->token_bits : NULL;
    uint32_t n_tok = tok ? doc->cache->n : 0;
    bool enter = true;
    for (wn_node *n = doc->dom->root; n && ws.ok; n = walk_step(n, &enter, root)) {
        __builtin_prefetch((const char *)n + 8 * sizeof *n);
        if (n->type == WN_NODE_TEXT) {
            if (n->index < n_chars && chars[n->index] == 1)
                continue;
            const char *s = n->data;
            size_t len = n->len, b = skip_blank(s, len);
            if (b == len)
                continue;
            len = trim_blank_end(s, b, len);
            size_t tl = len - b;
            s += b;
            ws.stack[ws.depth - 1].text += tl;
            total_text += tl;
            if (in_link) {
                ws.stack[ws.depth - 1].link += tl;
                link_text += tl;
            }
            if (tl > 60 && has_price(s, tl))
                feats[WN_FEAT_price]++;
            if (tl <= 60) {
                char low[64];
                int digits = 0;
                /* the bytes a currency sign starts with ('$', 0xE2, 0xC2):
                 * has_price runs only when one occurs */
                uint64_t sign = 0;
                size_t k = 0;
                /* eight bytes at a time; the last ones by a partial load,
                 * whose zero padding is no sign, letter or digit (low has
                 * room: tl <= 60) */
                for (; k < tl; k += 8) {
                    uint64_t x = tl - k >= 8 ? wn_sw_load(s + k) : wn_sw_load_partial(s + k, tl - k);
                    sign |= wn_sw_zero(x ^ (WN_SW_ONES * '$')) | wn_sw_zero(x ^ (WN_SW_ONES * 0xE2)) |
                            wn_sw_zero(x ^ (WN_SW_ONES * 0xC2));
                    x |= wn_sw_range(x, 'A', 'Z') >> 2; /* 0x80 >> 2 = 0x20 */
                    memcpy(low + k, &x, 8);
                    digits += (int)wn_sw_count(wn_sw_range(x, '0', '9'));
                }
                if (sign && has_price(s, tl))
                    feats[WN_FEAT_price]++;
                if (tl <= 40) {
                    unsigned want = WN_PHRASE_CART;
                    if (tl <= 20)
                        want |= WN_PHRASE_REPLY;
                    if (in_link || in_button)
                        want |= WN_PHRASE_SERVICE;
                    unsigned got = phrase_sets(low, tl, want);
                    if (got & WN_PHRASE_CART)
                        feats[WN_FEAT_cart]++;
                    if (got & WN_PHRASE_REPLY)
                        feats[WN_FEAT_reply_words]++;
                    if (got & WN_PHRASE_SERVICE)
                        feats[WN_FEAT_service_words]++;
                }
                if (is_date_text(low, tl, digits))
                    feats[WN_FEAT_date_text]++;
            }
            continue;
        }
        if (n->type != WN_NODE_ELEMENT)
            continue;
        if (enter) {
            switch (n->tag) {
            case WN_TAG_SCRIPT: {
                size_t tl;
                const char *type = wn_node_attr(n, "type", &tl);
                if (type && contains_ci(type, tl, "ld+json"))
                    for (wn_node *c = n->first_child; c; c = c->next)
                        if (c->type == WN_NODE_TEXT)
                            jsonld_types(feats, c->data, c->len);
                enter = false; /* skip the children */
                continue;
            }
            case WN_TAG_STYLE:
            case WN_TAG_TEMPLATE:
            case WN_TAG_NOSCRIPT:
            case WN_TAG_SVG:
            case WN_TAG_MATH:
                enter = false; /* skip the children */
                continue;
            case WN_TAG_META: {
                size_t pl, cl;
                const char *prop = wn_node_attr(n, "property", &pl);
                const char *content = wn_node_attr(n, "content", &cl);
                if (prop && content && pl == 7 && contains_ci(prop, pl, "og:type")) {
                    if (contains_ci(content, cl, "article"))
                        feats[WN_FEAT_og_article] = 1;
                    else if (contains_ci(content, cl, "product"))
                        feats[WN_FEAT_og_product] = 1;
                    else if (contains_ci(content, cl, "website"))
                        feats[WN_FEAT_og_website] = 1;
                }
                break;
            }
            case WN_TAG_A:
                in_link++;
                break;
            case WN_TAG_BUTTON:
                in_button++;
                break;
            case WN_TAG_PRE:
                feats[WN_FEAT_pre]++;
                break;
            case WN_TAG_CODE:
                feats[WN_FEAT_code]++;
                break;
            case WN_TAG_ARTICLE:
                feats[WN_FEAT_article_el]++;
                break;
            case WN_TAG_TIME:
                feats[WN_FEAT_time_el]++;
                break;
            case WN_TAG_H1:
                feats[WN_FEAT_h1]++;
                break;
            case WN_TAG_H2:
                feats[WN_FEAT_h2]++;
                break;
            case WN_TAG_H3:
                feats[WN_FEAT_h3]++;
                break;
            case WN_TAG_FORM:
                feats[WN_FEAT_forms]++;
                break;
            case WN_TAG_INPUT:
            case WN_TAG_SELECT:
            case WN_TAG_TEXTAREA:
                feats[WN_FEAT_inputs]++;
                break;
            case WN_TAG_IMG:
                feats[WN_FEAT_img]++;
                break;
            case WN_TAG_TABLE:
                feats[WN_FEAT_table]++;
                break;
            case WN_TAG_DL:
                feats[WN_FEAT_dl]++;
                break;
            default:
                break;
            }
            if (n->n_attrs) {
                const char *itemtype = NULL;
                size_t il = 0;
                uint16_t t = n->index < n_tok ? tok[n->index] : 0;
                unsigned bits;
                if (t & WN_TOK_KNOWN) {
                    bits = (t & ~WN_TOK_ITEMTYPE) >> WN_TOK_WORDS_SHIFT;
                    if (t & WN_TOK_ITEMTYPE)
                        itemtype = wn_node_attr(n, "itemtype", &il);
                } else {
                    bits = node_attr_scan(n, memo, &itemtype, &il);
                }
                if (itemtype) {
                    size_t k = il;
                    while (k > 0 && itemtype[k - 1] != '/')
                        k--;
                    schema_type(feats, itemtype + k, il - k);
                }
                if (bits & CLS_POST)
                    feats[WN_FEAT_post_like]++;
                if (bits & CLS_USER)
                    feats[WN_FEAT_user_like]++;
                if (bits & CLS_DOC)
                    feats[WN_FEAT_doc_words]++;
            }
            if (!n->first_child) {
                /* no children: leaving it would fold a frame of zeros into
                 * its parent's, so it is left here, without a frame - what
                 * leaving does to an empty element is undone or done now */
                if (n->tag == WN_TAG_A) {
                    in_link--;
                    if (has_link && n->index < node_count) {
                        has_link[n->index] = 1;
                        ws.stack[ws.depth - 1].link_children++;
                    }
                } else if (n->tag == WN_TAG_BUTTON) {
                    in_button--;
                }
                enter = false; /* the next step goes to its sibling or parent */
                continue;
            }
            if (!push(&ws))
                ws.ok = false;
        } else {
            /* leaving: fold this element's totals into its parent */
            frame f = ws.stack[--ws.depth];
            if (ws.depth == 0) {
                ws.depth = 1; /* the document frame */
                ws.stack[0] = f;
            } else {
                ws.stack[ws.depth - 1].text += f.text;
                ws.stack[ws.depth - 1].link += f.link;
            }
            if (has_link && n->index < node_count &&
                (n->tag == WN_TAG_A || f.link > 0 || f.link_children > 0)) {
                has_link[n->index] = 1;
                ws.stack[ws.depth - 1].link_children++;
            }
            /* the largest group cannot be larger than the children with a link */
            if (has_link && f.link_children >= 3 && (double)f.link_children > feats[WN_FEAT_card_group]) {
                int rep = repeated_children(n, has_link, node_count);
                if (rep > feats[WN_FEAT_card_group])
                    feats[WN_FEAT_card_group] = rep;
            }
            switch (n->tag) {
            case WN_TAG_A:
                in_link--;
                break;
            case WN_TAG_BUTTON:
                in_button--;
                break;
            case WN_TAG_H2:
            case WN_TAG_H3:
            case WN_TAG_H4:
                if (f.text > 0 && f.link * 10 >= f.text * 8)
                    feats[WN_FEAT_heading_links]++;
                break;
            case WN_TAG_P:
                if (f.text > 0)
                    feats[WN_FEAT_p_all]++;
                if (f.text >= 80 && f.link * 2 < f.text) {
                    feats[WN_FEAT_p_long]++;
                    p_text += f.text;
                }
                break;
            case WN_TAG_LI:
                if (f.text > 0 && f.link * 10 >= f.text * 8)
                    feats[WN_FEAT_li_link]++;
                break;
            default:
                break;
            }
        }
    }
    free(ws.stack);
    free(has_link);
    feats[WN_FEAT_text_len] = (double)total_text;
    feats[WN_FEAT_link_density] = total_text ? (double)link_text / (double)total_text : 0;
    feats[WN_FEAT_p_text_share] = total_text ? (double)p_text / (double)total_text : 0;
    double cg = feats[WN_FEAT_card_group];
    feats[WN_FEAT_card_group_price] = feats[WN_FEAT_price] < cg ? feats[WN_FEAT_price] : cg;
}

wn_page_type
wn_classify_features(const double feats[WN_FEAT__COUNT])
{
    double x[WN_FEAT__COUNT];
    for (int i = 0; i < WN_FEAT__COUNT; i++) {
        double v = feats[i];
        if (isnan(v)) { /* missing: the mean */
            x[i] = 0;
            continue;
        }
        if (wn_model_log_feature[i])
            v = log1p(v < 0 ? 0 : v);
        x[i] = (v - wn_model_mean[i]) / wn_model_scale[i];
    }
    int best = 0;
    double best_score = -1e300;
    for (int c = 0; c < WN_MODEL_CLASSES; c++) {
        double s = wn_model_bias[c];
        for (int i = 0; i < WN_FEAT__COUNT; i++)
            s += wn_model_weight[c][i] * x[i];
        if (s > best_score) {
            best_score = s;
            best = c;
        }
    }
    return (wn_page_type)wn_model_class[best];
}

wn_page_type
wn_classify_page(const wn_doc *doc, const wn_metadata *meta)
{
    const char *url = NULL;
    size_t url_len = 0;
    if (meta && meta->url.ptr) {
        url = meta->url.ptr;
        url_len = meta->url.len;
    } else if (doc && doc->opts.url) {
        url = doc->opts.url;
        url_len = doc->opts.url_len;
    }
    double f[WN_FEAT__COUNT];
    wn_page_features(doc, url, url_len, f);
    return wn_classify_features(f);
}
