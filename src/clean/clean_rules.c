/* clean_rules.c - the class/id vocabulary and its tokenizer.
 *
 * The words are generic web-page vocabulary (what front-end developers call
 * navigation, share bars, ad slots, comment sections, article bodies), never
 * a class seen on one site. See clean.h for how values are tokenised.
 */
#include <string.h>

#include "clean/clean.h"

typedef struct vocab_word {
    const char *word;
    uint8_t len;
    uint8_t bits;
} vocab_word;

#define W(word, bits) {word, (uint8_t)(sizeof word - 1), (uint8_t)(bits)}

#define D WN_TOK_DROP
#define N WN_TOK_NEG
#define P WN_TOK_POS
#define B WN_TOK_BYLINE
#define C WN_TOK_CAPTION
#define M (WN_TOK_NEG | WN_TOK_COMMENTS)

/* One array per first letter, each sorted by word (byte order) for a binary
 * search: keep them sorted when adding words, and a new first letter needs
 * its array in vocab_letters (test_clean checks both). The bits say the
 * category:
 *   D  never content: navigation and menus, sharing and social, ads and
 *      promotion, banners, dialogs, subscriptions;
 *   N  usually boilerplate, judged with the text it holds (related,
 *      footers, sidebars, tags, bios, pagination, calls to action);
 *   M  a comment section (N as well);
 *   P  usually the article;
 *   B  bylines and dates;  C  captions and credits. */
static const vocab_word vocab_a[] = {
    W("ad", D), W("addthis", D), W("ads", D), W("adsense", D), W("adslot", D), W("adunit", D),
    W("advert", D), W("advertisement", D), W("advertising", D), W("adverts", D), W("article", P),
    W("articlebody", P), W("aside", N), W("author", B), W("authorbio", N), W("authorbox", N),
    W("authorname", B), W("authors", B),
};
static const vocab_word vocab_b[] = {
    W("banner", N), W("bio", N), W("blog", P), W("body", P), W("breadcrumb", D),
    W("breadcrumbs", D), W("byline", B), W("bylines", B),
};
static const vocab_word vocab_c[] = {
    W("caption", C), W("captions", C), W("ccpa", D), W("comment", M), W("commentlist", M),
    W("comments", M), W("consent", D), W("content", P), W("cookie", D), W("cookies", D),
    W("credit", C), W("credits", C), W("crumbs", D), W("cta", N),
};
static const vocab_word vocab_d[] = {
    W("date", B), W("dateline", B), W("dates", B), W("dfp", D), W("disqus", M), W("drawer", D),
    W("dropdown", D),
};
static const vocab_word vocab_e[] = {
    W("entry", P), W("entrycontent", P),
};
static const vocab_word vocab_f[] = {
    W("figcaption", C), W("follow", N), W("foot", N), W("footer", N),
};
static const vocab_word vocab_g[] = {
    W("gdpr", D),
};
static const vocab_word vocab_h[] = {
    W("header", N), W("hentry", P),
};
static const vocab_word vocab_l[] = {
    W("lightbox", D), W("links", N), W("login", D),
};
static const vocab_word vocab_m[] = {
    W("main", P), W("masthead", N), W("megamenu", D), W("menu", D), W("menubar", D), W("menus", D),
    W("meta", B), W("modal", D), W("more", N), W("mostpopular", N), W("mostread", N),
};
static const vocab_word vocab_n[] = {
    W("nav", D), W("navbar", D), W("navigation", D), W("newsletter", D),
};
static const vocab_word vocab_o[] = {
    W("offcanvas", D), W("outbrain", N),
};
static const vocab_word vocab_p[] = {
    W("pager", N), W("pagination", N), W("paywall", N), W("popover", D), W("popular", N),
    W("popup", D), W("post", P), W("postbody", P), W("postcontent", P), W("posted", B),
    W("print", D), W("promo", D), W("promos", D), W("promotion", D), W("prose", P),
    W("pubdate", B), W("published", B),
};
static const vocab_word vocab_r[] = {
    W("rail", N), W("recirc", N), W("recirculation", N), W("recommendations", N),
    W("recommended", N), W("related", N), W("respond", M), W("richtext", P), W("rte", P),
};
static const vocab_word vocab_s[] = {
    W("searchbox", D), W("searchform", D), W("share", D), W("sharebar", D), W("shares", D),
    W("sharethis", D), W("sharing", D), W("sidebar", N), W("signature", N), W("signatures", N),
    W("signin", D), W("signup", D), W("skip", D), W("skiplink", D), W("social", D),
    W("socialmedia", D), W("socials", D), W("sponsor", D), W("sponsored", D), W("sponsors", D),
    W("story", P), W("storybody", P), W("submenu", D), W("subnav", D), W("subscribe", D),
    W("subscription", D),
};
static const vocab_word vocab_t[] = {
    W("taboola", N), W("tag", N), W("tagcloud", N), W("taglist", N), W("tags", N), W("teaser", N),
    W("teasers", N), W("text", P), W("timestamp", B), W("toolbar", D), W("tooltip", D),
    W("topbar", D), W("trending", N),
};
static const vocab_word vocab_u[] = {
    W("usercard", N), W("userinfo", N),
};
static const vocab_word vocab_v[] = {
    W("vote", N), W("votes", N), W("voting", N),
};
#define LETTER(c) {vocab_##c, sizeof vocab_##c / sizeof vocab_##c[0]}
/* The words of each first letter a..z. */
static const struct {
    const vocab_word *w;
    size_t n;
} vocab_letters[26] = {
    LETTER(a), LETTER(b), LETTER(c), LETTER(d),
    LETTER(e), LETTER(f), LETTER(g), LETTER(h),
    {NULL, 0}, {NULL, 0}, {NULL, 0}, LETTER(l),
    LETTER(m), LETTER(n), LETTER(o), LETTER(p),
    {NULL, 0}, LETTER(r), LETTER(s), LETTER(t),
    LETTER(u), LETTER(v), {NULL, 0}, {NULL, 0},
    {NULL, 0}, {NULL, 0},
};
#undef LETTER


#undef W
#undef D
#undef N
#undef P
#undef B
#undef C
#undef M

/* Whole class names (not tokens) that hide an element from sighted readers. */
typedef struct hidden_class {
    const char *name;
    size_t len;
} hidden_class;

#define HC(name) {name, sizeof name - 1}
static const hidden_class hidden_classes[] = {
    HC("sr-only"), HC("sr-only-focusable"), HC("screen-reader-text"), HC("screen-reader-only"),
    HC("screenreader"), HC("visually-hidden"), HC("visuallyhidden"), HC("visually_hidden"),
    HC("a11y-hidden"), HC("hidden"), HC("hide"), HC("d-none"), HC("is-hidden"), HC("u-hidden"),
    HC("offscreen"), HC("element-invisible"), HC("invisible"),
};
#undef HC

/* Longest and shortest vocabulary words: longer or shorter tokens are not
 * looked up (wn_token_vocab_sorted checks the bounds too). */
#define VOCAB_MIN_LEN 2
#define VOCAB_MAX_LEN 15

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

/* Byte order of a token against a vocabulary word (a prefix sorts first). */
static inline int
vocab_cmp(const char *tok, size_t n, const vocab_word *v)
{
    size_t m = n < v->len ? n : v->len;
    for (size_t i = 0; i < m; i++)
        if (tok[i] != v->word[i])
            return (unsigned char)tok[i] < (unsigned char)v->word[i] ? -1 : 1;
    return n < v->len ? -1 : n > v->len ? 1 : 0;
}

/* Binary search of a lower-case token among the words of its first letter. */
static inline uint32_t
vocab_find(const char *tok, size_t n)
{
    if (n < VOCAB_MIN_LEN || n > VOCAB_MAX_LEN)
        return 0;
    unsigned letter = (unsigned char)tok[0] - (unsigned)'a';
    if (letter >= 26)
        return 0;
    const vocab_word *w = vocab_letters[letter].w;
    size_t lo = 0, hi = vocab_letters[letter].n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = vocab_cmp(tok, n, &w[mid]);
        if (c == 0)
            return w[mid].bits;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

uint32_t
wn_token_class(const char *tok, size_t n)
{
    if (n == 0 || n > 32)
        return 0;
    return vocab_find(tok, n);
}

bool
wn_token_vocab_sorted(void)
{
    for (unsigned l = 0; l < 26; l++) {
        const vocab_word *w = vocab_letters[l].w;
        for (size_t i = 0; i < vocab_letters[l].n; i++) {
            if (w[i].len < VOCAB_MIN_LEN || w[i].len > VOCAB_MAX_LEN ||
                (unsigned char)w[i].word[0] != 'a' + l)
                return false;
            for (size_t k = 0; k < w[i].len; k++)
                if (!((w[i].word[k] >= 'a' && w[i].word[k] <= 'z') ||
                      (w[i].word[k] >= '0' && w[i].word[k] <= '9')))
                    return false; /* tokens are lower-case alphanumerics */
            if (i && vocab_cmp(w[i].word, w[i].len, &w[i - 1]) <= 0)
                return false;
        }
    }
    return true;
}

/* Tokens of a class or id value. Token boundaries: any non-alphanumeric
 * byte, lower->Upper case changes and letter<->digit changes. Non-ASCII
 * bytes end tokens too.
 *
 * An alphanumeric run that looks like a generated hash (CSS modules,
 * styled-components: "UbbKhW", "4pDFEa", "sc-aXZVg") rather than words is
 * skipped whole: letters mixed with digits and capitals, or several one- or
 * two-letter camelCase parts (a hash can spell "ad"). Tokens over 32 bytes
 * are no word. */
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
    return (digits && upper && digits < n) || short_parts >= 2;
}

/* Call fn for each token of s, lower-cased (the slow, general form, for
 * tests); names_bits below is the same split for the vocabulary. */
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

/* Is the class name s[0..n) a "visually hidden" one? */
static inline bool
name_hidden(const unsigned char *s, size_t n)
{
    for (size_t k = 0; k < sizeof hidden_classes / sizeof hidden_classes[0]; k++) {
        const char *h = hidden_classes[k].name;
        if (hidden_classes[k].len != n)
            continue;
        size_t j = 0;
        while (j < n && lower(s[j]) == h[j])
            j++;
        if (j == n)
            return true;
    }
    return false;
}

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

/* wn_tokens_classify in one pass over the value (the same split as
 * tokens_each, class name by class name), and with `hidden` the
 * visually-hidden class names too (WN_TOK_HIDDEN; none in a value with a
 * ':' anywhere: "hidden md:block" is hidden on small screens only). Each
 * token is lower-cased as it is read and looked up at its end; the bits of
 * an alphanumeric run count unless it looks hashed, those of a class name
 * unless it is a utility class. */
static uint32_t
value_bits(const char *str, size_t n, bool hidden)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t bits = 0;
    bool colon = false, hidden_name = false;
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
                        colon = true;
                    i++;
                }
                break;
            }
            if (k == K_OTHER) {
                i++;
                continue;
            }
            /* an alphanumeric run */
            size_t run_start = i, upper = 0, digits = 0, short_parts = 0, part = 0, t = 0;
            uint32_t run_acc = 0;
            char tok[VOCAB_MAX_LEN];
            int pk = k;
            while (i < n) {
                int c = s[i];
                k = byte_kind(c);
                if (k != K_LOWER && k != K_UPPER && k != K_DIGIT)
                    break;
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
                    run_acc |= vocab_find(tok, t);
                    t = 0;
                }
                if (t < VOCAB_MAX_LEN)
                    tok[t] = (char)lower(c);
                t++;
                pk = k;
                i++;
            }
            run_acc |= vocab_find(tok, t);
            size_t rn = i - run_start;
            if (upper && part <= 2 && rn > 2)
                short_parts++;
            if (!((digits && upper && digits < rn) || short_parts >= 2))
                name_acc |= run_acc; /* not hashed */
        }
        if (!utility)
            bits |= name_acc;
        if (hidden && !hidden_name && name_hidden(s + name_start, i - name_start))
            hidden_name = true;
    }
    if (hidden_name && !colon)
        bits |= WN_TOK_HIDDEN;
    return bits;
}

uint32_t
wn_tokens_classify(const char *s, size_t n)
{
    return s ? value_bits(s, n, false) : 0;
}

uint32_t
wn_tokens_classify_class(const char *s, size_t n)
{
    return s ? value_bits(s, n, true) : 0;
}

typedef struct has_ctx {
    const char *word;
    size_t len;
    bool found;
} has_ctx;

static bool
has_cb(const char *tok, size_t n, void *ctx)
{
    has_ctx *h = ctx;
    if (n == h->len && memcmp(tok, h->word, n) == 0)
        h->found = true;
    return h->found;
}

bool
wn_tokens_has(const char *s, size_t n, const char *word)
{
    has_ctx h = {word, strlen(word), false};
    if (s)
        tokens_each(s, n, has_cb, &h);
    return h.found;
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

static uint32_t
node_token_bits(wn_doc_cache *c, const wn_node *n)
{
    if (!n || n->type != WN_NODE_ELEMENT)
        return 0;
    /* the first class and the first id attribute, in one scan */
    const wn_attr *cls = NULL, *id = NULL;
    for (uint32_t i = 0; i < n->n_attrs; i++) {
        const wn_attr *a = &n->attrs[i];
        if (a->ns != WN_ATTR_NS_NONE)
            continue;
        if (!cls && a->name_len == 5 && memcmp(a->name, "class", 5) == 0)
            cls = a;
        else if (!id && a->name_len == 2 && a->name[0] == 'i' && a->name[1] == 'd')
            id = a;
    }
    uint32_t bits = 0;
    if (cls && cls->value)
        bits |= class_bits(c, cls->value, cls->value_len);
    if (id && id->value)
        bits |= value_bits(id->value, id->value_len, false);
    return bits;
}

uint32_t
wn_node_token_bits(const wn_node *n)
{
    return node_token_bits(NULL, n);
}

wn_doc_cache *
wn_doc_cache_get(wn_doc *doc)
{
    if (doc->cache)
        return doc->cache;
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
wn_doc_token_bits(wn_doc *doc, const wn_node *n)
{
    if (!n || n->type != WN_NODE_ELEMENT)
        return 0;
    wn_doc_cache *c = wn_doc_cache_get(doc);
    if (!c || n->index >= c->n)
        return wn_node_token_bits(n); /* OOM, or a node made after the parse */
    uint8_t b = c->token_bits[n->index];
    if (!b) {
        b = (uint8_t)(node_token_bits(c, n) | WN_TOK_KNOWN);
        c->token_bits[n->index] = b;
    }
    return b & ~WN_TOK_KNOWN;
}
