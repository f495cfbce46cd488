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

static const vocab_word vocab[] = {
    /* navigation and menus */
    W("nav", D), W("navbar", D), W("navigation", D), W("subnav", D), W("menu", D), W("menus", D),
    W("menubar", D), W("submenu", D), W("megamenu", D), W("breadcrumb", D), W("breadcrumbs", D),
    W("crumbs", D), W("skip", D), W("skiplink", D), W("offcanvas", D), W("drawer", D),
    W("dropdown", D), W("topbar", D), W("toolbar", D), W("searchbox", D),
    W("searchform", D), W("login", D), W("signin", D), W("tooltip", D),
    /* sharing and social */
    W("share", D), W("shares", D), W("sharing", D), W("sharebar", D), W("sharethis", D),
    W("addthis", D), W("social", D), W("socials", D), W("socialmedia", D),
    /* ads and promotion */
    W("ad", D), W("ads", D), W("adslot", D), W("adunit", D), W("adsense", D), W("advert", D),
    W("adverts", D), W("advertisement", D), W("advertising", D), W("dfp", D), W("sponsor", D),
    W("sponsors", D), W("sponsored", D), W("promo", D), W("promos", D), W("promotion", D),
    /* banners, dialogs, subscriptions */
    W("cookie", D), W("cookies", D), W("consent", D), W("gdpr", D), W("ccpa", D), W("modal", D),
    W("popup", D), W("popover", D), W("lightbox", D), W("newsletter", D), W("subscribe", D),
    W("subscription", D), W("signup", D), W("print", D),
    /* usually boilerplate, judged with the text they hold */
    W("related", N), W("recommended", N), W("recommendations", N), W("recirc", N),
    W("recirculation", N), W("trending", N), W("popular", N), W("mostread", N),
    W("mostpopular", N), W("footer", N), W("foot", N), W("sidebar", N), W("rail", N),
    W("tags", N), W("tag", N), W("tagcloud", N), W("taglist", N),
    W("bio", N), W("authorbio", N), W("authorbox", N), W("outbrain", N), W("taboola", N),
    W("banner", N), W("paywall", N), W("pagination", N), W("pager", N), W("follow", N),
    W("more", N), W("links", N), W("masthead", N), W("header", N), W("aside", N), W("cta", N),
    W("teaser", N), W("teasers", N),
    W("signature", N), W("signatures", N), W("vote", N), W("votes", N), W("voting", N),
    W("usercard", N), W("userinfo", N),
    W("comment", M), W("comments", M), W("commentlist", M), W("disqus", M), W("respond", M),
    /* usually the article */
    W("article", P), W("articlebody", P), W("body", P), W("content", P), W("entry", P),
    W("entrycontent", P), W("main", P), W("post", P), W("postbody", P), W("postcontent", P),
    W("story", P), W("storybody", P), W("text", P), W("blog", P), W("prose", P), W("richtext", P),
    W("rte", P), W("hentry", P),
    /* bylines and captions */
    W("byline", B), W("bylines", B), W("author", B), W("authors", B), W("authorname", B),
    W("dateline", B), W("date", B), W("dates", B), W("timestamp", B), W("published", B),
    W("pubdate", B), W("posted", B), W("meta", B),
    W("caption", C), W("captions", C), W("figcaption", C), W("credit", C), W("credits", C),
};

#undef W
#undef D
#undef N
#undef P
#undef B
#undef C
#undef M

/* Whole class names (not tokens) that hide an element from sighted readers. */
static const char *const hidden_classes[] = {
    "sr-only", "sr-only-focusable", "screen-reader-text", "screen-reader-only", "screenreader",
    "visually-hidden", "visuallyhidden", "visually_hidden", "a11y-hidden", "hidden", "hide",
    "d-none", "is-hidden", "u-hidden", "offscreen", "element-invisible", "invisible",
};

static int
lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static bool
is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(int c)
{
    return c >= '0' && c <= '9';
}

uint32_t
wn_token_class(const char *tok, size_t n)
{
    if (n == 0 || n > 32)
        return 0;
    for (size_t i = 0; i < sizeof vocab / sizeof vocab[0]; i++) {
        const char *w = vocab[i].word;
        if (vocab[i].len == n && w[0] == tok[0] && memcmp(w, tok, n) == 0)
            return vocab[i].bits;
    }
    return 0;
}

/* Call fn for each token of s; tokens are lower-cased into a small buffer.
 * Token boundaries: any non-alphanumeric byte, lower->Upper case changes
 * and letter<->digit changes. Non-ASCII bytes end tokens too. */
typedef bool (*token_fn)(const char *tok, size_t n, void *ctx);

/* Does the alphanumeric run s[0..n) look like a generated hash (CSS
 * modules, styled-components: "UbbKhW", "4pDFEa", "sc-aXZVg") rather than
 * words? Letters mixed with digits and capitals, or several one- or
 * two-letter camelCase parts. Its tokens are ignored: a hash can spell "ad". */
static bool
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

static void
tokens_each(const char *s, size_t n, token_fn fn, void *ctx)
{
    char tok[33];
    size_t tl = 0;
    bool overflow = false;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && (i == 0 || !(is_alpha((unsigned char)s[i - 1]) ||
                                  is_digit((unsigned char)s[i - 1])))) {
            /* start of an alphanumeric run: skip it whole if hashed */
            size_t j = i;
            while (j < n && (is_alpha((unsigned char)s[j]) || is_digit((unsigned char)s[j])))
                j++;
            if (j > i && looks_hashed(s + i, j - i)) {
                i = j - 1;
                continue;
            }
        }
        int c = i < n ? (unsigned char)s[i] : 0;
        bool alnum = is_alpha(c) || is_digit(c);
        bool boundary = !alnum;
        if (alnum && i > 0 && tl > 0) {
            int p = (unsigned char)s[i - 1];
            if (p >= 'a' && p <= 'z' && c >= 'A' && c <= 'Z')
                boundary = true;
            else if (is_digit(p) != is_digit(c))
                boundary = true;
        }
        if (boundary && (tl > 0 || overflow)) {
            if (!overflow && fn(tok, tl, ctx))
                return;
            tl = 0;
            overflow = false;
        }
        if (alnum) {
            if (tl < sizeof tok - 1)
                tok[tl++] = (char)lower(c);
            else
                overflow = true;
        }
    }
}

static bool
classify_cb(const char *tok, size_t n, void *ctx)
{
    *(uint32_t *)ctx |= wn_token_class(tok, n);
    return false;
}

static bool
is_ws(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Utility-CSS class names with variants or arbitrary values
 * ("lg:has-[>[data-slot=banner]]:pt-0") describe styling, not purpose. */
static bool
is_utility_class(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == ':' || s[i] == '[' || s[i] == '(' || s[i] == '=')
            return true;
    return false;
}

uint32_t
wn_tokens_classify(const char *s, size_t n)
{
    uint32_t bits = 0;
    if (!s)
        return 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && is_ws((unsigned char)s[i]))
            i++;
        size_t start = i;
        while (i < n && !is_ws((unsigned char)s[i]))
            i++;
        if (i > start && !is_utility_class(s + start, i - start))
            tokens_each(s + start, i - start, classify_cb, &bits);
    }
    return bits;
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

/* Is one of the whitespace-separated class names a "visually hidden" one? */
static bool
class_hidden(const char *s, size_t n)
{
    /* "hidden md:block": hidden on small screens only */
    if (memchr(s, ':', n))
        return false;
    size_t i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f'))
            i++;
        size_t start = i;
        while (i < n && !(s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f'))
            i++;
        size_t len = i - start;
        for (size_t k = 0; len && k < sizeof hidden_classes / sizeof hidden_classes[0]; k++) {
            const char *h = hidden_classes[k];
            if (strlen(h) != len)
                continue;
            size_t j = 0;
            while (j < len && lower((unsigned char)s[start + j]) == h[j])
                j++;
            if (j == len)
                return true;
        }
    }
    return false;
}

uint32_t
wn_node_token_bits(const wn_node *n)
{
    if (!n || n->type != WN_NODE_ELEMENT)
        return 0;
    uint32_t bits = 0;
    size_t len;
    const char *v = wn_node_attr(n, "class", &len);
    if (v) {
        bits |= wn_tokens_classify(v, len);
        if (class_hidden(v, len))
            bits |= WN_TOK_HIDDEN;
    }
    v = wn_node_attr(n, "id", &len);
    if (v)
        bits |= wn_tokens_classify(v, len);
    return bits;
}
