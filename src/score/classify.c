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
#include "parse/dom.h"

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

static bool
word_in(const char *w, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n && strncmp(*list, w, n) == 0)
            return true;
    return false;
}

/* ---- 1. URL ------------------------------------------------------------ */

static const char *const url_forum_words[] = {
    "forum", "forums", "thread", "threads", "topic", "topics", "t", "viewtopic", "showthread",
    "community", "discussion", "discussions", "discuss", "questions", "question", "answers",
    "board", "boards", "comments", "r", "q", NULL};
static const char *const url_product_words[] = {
    "product", "products", "p", "dp", "itm", "item", "items", "sku", "detail", "details",
    "pd", "prod", "app", "buy", "gp", NULL};
static const char *const url_collection_words[] = {
    "c", "cat", "category", "categories", "collection", "collections", "department",
    "departments", "shop", "b", "browse", "catalog", "catalogue", "store", "s", "range", NULL};
static const char *const url_docs_words[] = {
    "docs", "doc", "documentation", "wiki", "reference", "api", "manual", "guide", "guides",
    "library", "tutorial", "tutorials", "book", "learn", "kb", "handbook", "spec", "glossary",
    "help", "faq", "howto", "developer", "developers", "sdk", "man", NULL};
static const char *const url_article_words[] = {
    "blog", "news", "article", "articles", "story", "stories", "post", "posts", "recipe",
    "recipes", "insights", "press", "magazine", "journal", "opinion", "column", "review",
    "reviews", "analysis", NULL};
static const char *const url_listing_words[] = {
    "tag", "tags", "archive", "archives", "author", "authors", "page", "latest", "all",
    "index", "search", "results", "list", "lists", "events", "jobs", NULL};
static const char *const url_service_words[] = {
    "services", "service", "solutions", "solution", "platform", "pricing", "features", "about",
    "company", "programs", "program", "degree", "enterprise", "industries", "contact",
    "careers", "plans", "business", "admissions", "courses", NULL};

static void
url_word(double *f, const char *w, size_t n)
{
    if (n == 0)
        return;
    if (word_in(w, n, url_forum_words))
        f[WN_FEAT_url_forum] = 1;
    if (word_in(w, n, url_product_words))
        f[WN_FEAT_url_product] = 1;
    if (word_in(w, n, url_collection_words))
        f[WN_FEAT_url_collection] = 1;
    if (word_in(w, n, url_docs_words))
        f[WN_FEAT_url_docs] = 1;
    if (word_in(w, n, url_article_words))
        f[WN_FEAT_url_article] = 1;
    if (word_in(w, n, url_listing_words))
        f[WN_FEAT_url_listing] = 1;
    if (word_in(w, n, url_service_words))
        f[WN_FEAT_url_service] = 1;
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

static void
schema_type(double *f, const char *t, size_t n)
{
    static const char *const article[] = {"NewsArticle", "Article", "BlogPosting", "Report",
                                          "ReportageNewsArticle", "AnalysisNewsArticle",
                                          "OpinionNewsArticle", "Recipe", "LiveBlogPosting",
                                          "ScholarlyArticle", "HowTo", "Review", NULL};
    static const char *const product[] = {"Product", "ProductGroup", "IndividualProduct",
                                          "ProductModel", "Vehicle", "Book", NULL};
    static const char *const offer[] = {"Offer", "AggregateOffer", "AggregateRating", NULL};
    static const char *const forum[] = {"DiscussionForumPosting", "QAPage", "Question", "Answer",
                                        "SocialMediaPosting", "Comment", NULL};
    static const char *const docs[] = {"TechArticle", "APIReference", "SoftwareSourceCode",
                                       NULL};
    static const char *const collection[] = {"CollectionPage", "ItemList", "OfferCatalog",
                                             "SearchResultsPage", "ProductCollection", NULL};
    static const char *const service[] = {"Service", "SoftwareApplication", "WebApplication",
                                          "LocalBusiness", "Course", "EducationalOrganization",
                                          "CollegeOrUniversity", "EducationalOccupationalProgram",
                                          "ProfessionalService", "FinancialProduct", NULL};
    if (word_in(t, n, article))
        f[WN_FEAT_schema_article] = 1;
    if (word_in(t, n, product))
        f[WN_FEAT_schema_product] = 1;
    if (word_in(t, n, offer))
        f[WN_FEAT_schema_offer] = 1;
    if (word_in(t, n, forum))
        f[WN_FEAT_schema_forum] = 1;
    if (word_in(t, n, docs))
        f[WN_FEAT_schema_docs] = 1;
    if (word_in(t, n, collection))
        f[WN_FEAT_schema_collection] = 1;
    if (word_in(t, n, service))
        f[WN_FEAT_schema_service] = 1;
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

/* Class/id vocabulary of the DOM features: one table, sorted by word, each
 * word with the features it counts for. */
#define CLS_POST 1u
#define CLS_USER 2u
#define CLS_DOC 4u

typedef struct class_word {
    const char *word;
    uint8_t len;
    uint8_t bits;
} class_word;

static const class_word class_words[] = {
    {"admonition", 10, CLS_DOC}, {"answer", 6, CLS_POST},    {"answers", 7, CLS_POST},
    {"api", 3, CLS_DOC},         {"author", 6, CLS_USER},    {"avatar", 6, CLS_USER},
    {"codehilite", 10, CLS_DOC}, {"comment", 7, CLS_POST},   {"comments", 8, CLS_POST},
    {"doc", 3, CLS_DOC},         {"docs", 4, CLS_DOC},       {"documentation", 13, CLS_DOC},
    {"highlight", 9, CLS_DOC},   {"hljs", 4, CLS_DOC},       {"member", 6, CLS_USER},
    {"message", 7, CLS_POST},    {"messages", 8, CLS_POST},  {"note", 4, CLS_DOC},
    {"post", 4, CLS_POST},       {"poster", 6, CLS_USER},    {"posts", 5, CLS_POST},
    {"prettyprint", 11, CLS_DOC}, {"profile", 7, CLS_USER},  {"replies", 7, CLS_POST},
    {"reply", 5, CLS_POST},      {"sourcecode", 10, CLS_DOC}, {"thread", 6, CLS_POST},
    {"toc", 3, CLS_DOC},         {"topic", 5, CLS_POST},     {"user", 4, CLS_USER},
    {"userinfo", 8, CLS_USER},   {"username", 8, CLS_USER},  {"warning", 7, CLS_DOC},
};

static unsigned
class_word_bits(const char *w, size_t n)
{
    size_t lo = 0, hi = sizeof class_words / sizeof class_words[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const class_word *cw = &class_words[mid];
        size_t m = n < cw->len ? n : cw->len, k = 0;
        while (k < m && w[k] == cw->word[k])
            k++;
        int c = k < m ? (unsigned char)w[k] - (unsigned char)cw->word[k]
                      : (n < cw->len ? -1 : (n > cw->len ? 1 : 0));
        if (c == 0)
            return cw->bits;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

/* Character classes for splitting class/id values: 0 separator, 1 lower-case
 * letter or digit, 2 upper-case letter. */
static const uint8_t cls_char[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
    ['A'] = 2, ['B'] = 2, ['C'] = 2, ['D'] = 2, ['E'] = 2, ['F'] = 2, ['G'] = 2, ['H'] = 2,
    ['I'] = 2, ['J'] = 2, ['K'] = 2, ['L'] = 2, ['M'] = 2, ['N'] = 2, ['O'] = 2, ['P'] = 2,
    ['Q'] = 2, ['R'] = 2, ['S'] = 2, ['T'] = 2, ['U'] = 2, ['V'] = 2, ['W'] = 2, ['X'] = 2,
    ['Y'] = 2, ['Z'] = 2,
};

/* Union of the vocabulary bits of a class/id value's tokens (split on
 * non-alphanumerics and lower->upper case changes, compared lower-cased).
 * One pass: each token is lower-cased into w as it is scanned, and only
 * tokens of a length the vocabulary has (3..13) are looked up. */
static unsigned
class_bits(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned bits = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && cls_char[u[i]] == 0)
            i++;
        size_t b = i;
        char w[16];
        size_t wl = 0;
        uint8_t prev = 0;
        while (i < n) {
            uint8_t k = cls_char[u[i]];
            if (k == 0 || (k == 2 && prev == 1 && i > b && u[i - 1] >= 'a'))
                break;
            if (wl < sizeof w)
                w[wl] = (char)(k == 2 ? u[i] + 32 : u[i]);
            wl++;
            prev = k;
            i++;
        }
        if (wl >= 3 && wl <= 13)
            bits |= class_word_bits(w, wl);
    }
    return bits;
}

static unsigned
node_class_bits(const wn_node *n)
{
    unsigned bits = 0;
    for (uint32_t i = 0; i < n->n_attrs; i++) {
        const wn_attr *a = &n->attrs[i];
        if ((a->name_len == 5 && memcmp(a->name, "class", 5) == 0) ||
            (a->name_len == 2 && memcmp(a->name, "id", 2) == 0))
            bits |= class_bits(a->value, a->value_len);
    }
    return bits;
}

/* Short phrases, matched in a lower-cased copy of short text nodes. */
typedef struct phrase {
    const char *s;
    uint8_t len;
} phrase;

#define PHRASE(x) {x, sizeof(x) - 1}

static bool
has_phrase(const char *low, size_t n, const phrase *p)
{
    const char *end = low + n - p->len + 1;
    for (const char *s = low; s < end; s++) {
        s = memchr(s, p->s[0], (size_t)(end - s));
        if (!s)
            return false;
        if (memcmp(s, p->s, p->len) == 0)
            return true;
    }
    return false;
}

static bool
any_phrase(const char *low, size_t n, const phrase *list, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (list[k].len <= n && has_phrase(low, n, &list[k]))
            return true;
    return false;
}

static bool
utf8_at(const char *s, size_t n, size_t i, const char *seq)
{
    size_t m = strlen(seq);
    return i + m <= n && memcmp(s + i, seq, m) == 0;
}

/* A price: a currency sign next to a digit ("$19.99", "€ 5", "19,99 €"),
 * or a currency code before/after a number. */
static bool
has_price(const char *s, size_t n)
{
    static const char *const signs[] = {"$", "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5",
                                        "\xE2\x82\xB9", "\xE2\x82\xBD", NULL};
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c != '$' && c != 0xE2 && c != 0xC2)
            continue;
        for (int k = 0; signs[k]; k++) {
            size_t m = strlen(signs[k]);
            if (!utf8_at(s, n, i, signs[k]))
                continue;
            size_t after = i + m;
            while (after < n && s[after] == ' ')
                after++;
            if (after < n && s[after] >= '0' && s[after] <= '9')
                return true;
            size_t before = i;
            while (before > 0 && s[before - 1] == ' ')
                before--;
            if (before > 0 && s[before - 1] >= '0' && s[before - 1] <= '9')
                return true;
        }
    }
    return false;
}

/* "July 26, 2023", "26 Jul 2023", "2023-07-26", "26/07/2023" (`low` is
 * lower-cased). */
static bool
is_date_text(const char *low, size_t n)
{
    static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    if (n > 60 || n < 6)
        return false;
    int digits = 0;
    for (size_t i = 0; i < n; i++)
        if (low[i] >= '0' && low[i] <= '9')
            digits++;
    if (digits < 1)
        return false;
    for (size_t i = 0; i + 3 <= n; i++) {
        if (low[i] < 'a' || low[i] > 'y' || (i > 0 && low[i - 1] >= 'a' && low[i - 1] <= 'z'))
            continue;
        for (int m = 0; m < 12; m++)
            if (memcmp(low + i, months + 3 * m, 3) == 0)
                return true;
    }
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
} frame;

typedef struct walk_state {
    frame *stack;
    size_t depth, cap;
    bool ok;
} walk_state;

static bool
push(walk_state *ws)
{
    if (ws->depth == ws->cap) {
        size_t cap = ws->cap ? ws->cap * 2 : 64;
        frame *s = realloc(ws->stack, cap * sizeof *s);
        if (!s)
            return false;
        ws->stack = s;
        ws->cap = cap;
    }
    ws->stack[ws->depth].text = 0;
    ws->stack[ws->depth].link = 0;
    ws->depth++;
    return true;
}

/* Whether an element child has a link (children are left before parents). */
static bool
link_child(const wn_node *n, const uint8_t *has_link, uint32_t node_count)
{
    for (const wn_node *c = n->first_child; c; c = c->next)
        if (c->type == WN_NODE_ELEMENT && c->index < node_count && has_link[c->index])
            return true;
    return false;
}

static uint32_t
sibling_signature(const wn_node *n)
{
    uint32_t h = 2166136261u ^ n->tag;
    size_t len;
    const char *c = wn_node_attr(n, "class", &len);
    if (c)
        for (size_t i = 0; i < len && i < 64; i++) {
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
    qsort(sig, (size_t)n, sizeof sig[0], cmp_u32);
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
    static const phrase cart_phrases[] = {
        PHRASE("add to cart"),       PHRASE("add to bag"),        PHRASE("add to basket"),
        PHRASE("add to trolley"),    PHRASE("buy now"),           PHRASE("in den warenkorb"),
        PHRASE("ajouter au panier"), PHRASE("a\xC3\xB1" "adir al carrito"),
        PHRASE("aggiungi al carrello"), PHRASE("in winkelwagen"), PHRASE("add to wishlist"),
        PHRASE("in stock"),          PHRASE("out of stock")};
    static const phrase reply_phrases[] = {
        PHRASE("reply"),  PHRASE("replies"),      PHRASE("quote"),       PHRASE("joined"),
        PHRASE("posts:"), PHRASE("member since"), PHRASE("report post"), PHRASE("like"),
        PHRASE("permalink"), PHRASE("upvote")};
    static const phrase service_phrases[] = {
        PHRASE("contact us"),   PHRASE("get started"),  PHRASE("request a demo"),
        PHRASE("book a demo"),  PHRASE("free trial"),   PHRASE("get a quote"),
        PHRASE("schedule a"),   PHRASE("talk to sales"), PHRASE("our services"),
        PHRASE("learn more"),   PHRASE("start now"),    PHRASE("sign up free"),
        PHRASE("try it free"),  PHRASE("apply now"),    PHRASE("request info")};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

    memset(feats, 0, sizeof(double) * WN_FEAT__COUNT);
    if (!url && doc && doc->dom)
        url = page_url(doc->dom, &url_len);
    url_features(url, url_len, feats);
    if (!doc || !doc->dom)
        return;

    walk_state ws = {0};
    ws.ok = push(&ws);
    /* per node: a link inside (links without text count too) */
    uint32_t node_count = doc->dom->node_count;
    uint8_t *has_link = calloc(node_count ? node_count : 1, 1);
    size_t p_text = 0, total_text = 0, link_text = 0;
    int in_link = 0, in_button = 0;
    wn_walk w;
    wn_node *n;
    bool enter;
    wn_walk_init(&w, doc->dom->root);
    while (ws.ok && wn_walk_next(&w, &n, &enter)) {
        if (n->type == WN_NODE_TEXT) {
            const char *s = n->data;
            size_t len = n->len, b = 0;
            while (b < len && (s[b] == ' ' || s[b] == '\n' || s[b] == '\t'))
                b++;
            if (b == len)
                continue;
            while (len > b && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t'))
                len--;
            size_t tl = len - b;
            s += b;
            ws.stack[ws.depth - 1].text += tl;
            total_text += tl;
            if (in_link) {
                ws.stack[ws.depth - 1].link += tl;
                link_text += tl;
            }
            if (has_price(s, tl))
                feats[WN_FEAT_price]++;
            if (tl <= 60) {
                char low[64];
                for (size_t k = 0; k < tl; k++)
                    low[k] = (char)lower((unsigned char)s[k]);
                if (tl <= 40) {
                    if (any_phrase(low, tl, cart_phrases, COUNT(cart_phrases)))
                        feats[WN_FEAT_cart]++;
                    if (tl <= 20 && any_phrase(low, tl, reply_phrases, COUNT(reply_phrases)))
                        feats[WN_FEAT_reply_words]++;
                    if ((in_link || in_button) &&
                        any_phrase(low, tl, service_phrases, COUNT(service_phrases)))
                        feats[WN_FEAT_service_words]++;
                }
                if (is_date_text(low, tl))
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
                wn_walk_skip_children(&w);
                continue;
            }
            case WN_TAG_STYLE:
            case WN_TAG_TEMPLATE:
            case WN_TAG_NOSCRIPT:
            case WN_TAG_SVG:
            case WN_TAG_MATH:
                wn_walk_skip_children(&w);
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
            {
                size_t il;
                const char *itemtype = wn_node_attr(n, "itemtype", &il);
                if (itemtype) {
                    size_t k = il;
                    while (k > 0 && itemtype[k - 1] != '/')
                        k--;
                    schema_type(feats, itemtype + k, il - k);
                }
            }
            if (n->n_attrs) {
                unsigned bits = node_class_bits(n);
                if (bits & CLS_POST)
                    feats[WN_FEAT_post_like]++;
                if (bits & CLS_USER)
                    feats[WN_FEAT_user_like]++;
                if (bits & CLS_DOC)
                    feats[WN_FEAT_doc_words]++;
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
            if (has_link && n->index < node_count)
                has_link[n->index] = n->tag == WN_TAG_A || f.link > 0 || link_child(n, has_link, node_count);
            if (has_link && n->first_child && n->first_child != n->last_child) {
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
