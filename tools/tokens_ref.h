/* tokens_ref.h - the class/id tokenizer of src/clean/clean_rules.c as it was
 * at commit 9622786 (sorted per-letter vocabulary, binary search, a
 * byte_kind() per byte), frozen as the reference for tools/wn_tokdiff.c.
 * Do not edit: it is what the fast tokenizer must agree with (a word added
 * to the vocabulary since must be added here too for the comparison to
 * pass). */
#ifndef WN_TOKENS_REF_H
#define WN_TOKENS_REF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/* Lower-case hexadecimal with digits and letters taking turns three times or
 * more, in a run of 6 bytes or more: a generated id, no words. */
static bool
ref_hex_hashed(const unsigned char *s, size_t n)
{
    size_t switches = 0, digits = 0;
    if (n < 6)
        return false;
    for (size_t i = 0; i < n; i++) {
        bool d = s[i] >= '0' && s[i] <= '9';
        if (d)
            digits++;
        else if (s[i] < 'a' || s[i] > 'f')
            return false;
        if (i > 0 && d != (s[i - 1] >= '0' && s[i - 1] <= '9'))
            switches++;
    }
    return digits && digits < n && switches >= 3;
}

/* wn_tokens_classify in one pass over the value (the same split as
 * tokens_each, class name by class name), and with `hidden` the
 * visually-hidden class names too (WN_TOK_HIDDEN; none in a value with a
 * ':' anywhere: "hidden md:block" is hidden on small screens only). Each
 * token is lower-cased as it is read and looked up at its end; the bits of
 * an alphanumeric run count unless it looks hashed, those of a class name
 * unless it is a utility class. */
static uint32_t
ref_value_bits(const char *str, size_t n, bool hidden)
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
            if (!((digits && upper && digits < rn) || short_parts >= 2 ||
                  ref_hex_hashed(s + run_start, rn)))
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

#endif
