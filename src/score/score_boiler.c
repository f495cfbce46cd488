/* score_boiler.c - inside the chosen content: the headline, bylines,
 * captions (each text at most once), and boilerplate blocks.
 *
 * One walk per content root. A block is boilerplate when its class/id
 * vocabulary says so (share, related, comments, tags, newsletter ...) and it
 * does not hold several real paragraphs, when most of its text is link text
 * (related-article lists, tag lists) except on listing pages whose content
 * is such lists, or when it is a page/article footer or a header without
 * paragraphs. On articles, bylines and short blocks above the headline
 * (kickers, breadcrumbs, section labels) are flagged too.
 */
#include <string.h>
#include <strings.h>

#include "clean/clean.h"
#include "metadata/metadata.h"
#include "score/score.h"
#include "score/stats_walk.h"
#include "util/swar.h"

#define FORUM_PART_MAX 400 /* bytes: a post's signature or user card */
#define MAX_SEEN 256
/* Word characters a block needs before its copies are dropped (off articles
 * and documentation; on product pages) */
#define DEDUPE_MIN 60u
#define DEDUPE_MIN_PRODUCT 8u
#define DEDUPE_MIN_SHORT 24u
#define HEADLINE_PATH 0x48454144
#define KICKER_MAX 300 /* text of the short blocks above a headline dropped, at most */

static bool
is_heading(const wn_node *n)
{
    if (n->type != WN_NODE_ELEMENT || n->ns != WN_NS_HTML)
        return false;
    return n->tag == WN_TAG_H1 || n->tag == WN_TAG_H2 || n->tag == WN_TAG_H3 ||
           n->tag == WN_TAG_H4 || n->tag == WN_TAG_H5 || n->tag == WN_TAG_H6;
}

/* Word characters of text_hash: lower-case ASCII letters (upper-case ones
 * lower-cased), digits and every non-ASCII byte; 0 for the others. */
static const uint8_t word_char[256] = {
#define R4(c) (c), (c) + 1, (c) + 2, (c) + 3
#define R16(c) R4(c), R4((c) + 4), R4((c) + 8), R4((c) + 12)
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4',
    ['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9',
    ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f', ['G'] = 'g',
    ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm', ['N'] = 'n',
    ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't', ['U'] = 'u',
    ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
    ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f', ['g'] = 'g',
    ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm', ['n'] = 'n',
    ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't', ['u'] = 'u',
    ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
    [0x80] = R16(0x80), R16(0x90), R16(0xA0), R16(0xB0), R16(0xC0), R16(0xD0), R16(0xE0),
    R16(0xF0),
#undef R16
#undef R4
};

/* A hash of a sequence of word characters (FNV-1a over eight bytes at a
 * time): the characters are gathered in buf with a store and a count per
 * byte and no branch on the byte, and hashed when eight are there, so the
 * multiply's latency is paid once per eight characters, not once per
 * character. The same sequence gives the same hash however it comes in. */
#define WORD_HASH_BUF 64
typedef struct word_hash {
    uint64_t h;
    size_t hashed;                       /* characters hashed */
    size_t fill;                         /* characters in buf, not hashed yet */
    unsigned char buf[WORD_HASH_BUF + 8]; /* (+ 8: the last word's padding) */
} word_hash;

static inline void
word_hash_init(word_hash *wh)
{
    wh->h = 1469598103934665603ull;
    wh->hashed = 0;
    wh->fill = 0;
}

/* Hash the whole words of buf; the rest moves to its start. */
static inline void
word_hash_words(word_hash *wh)
{
    size_t i = 0;
    for (; i + 8 <= wh->fill; i += 8) {
        uint64_t x;
        memcpy(&x, wh->buf + i, 8);
        wh->h = (wh->h ^ x) * 1099511628211ull;
    }
    memmove(wh->buf, wh->buf + i, wh->fill - i);
    wh->hashed += i;
    wh->fill -= i;
}

/* Add the word characters of d[0..n). */
static inline void
word_hash_add(word_hash *wh, const unsigned char *d, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned c = word_char[d[i]];
        wh->buf[wh->fill] = (unsigned char)c;
        wh->fill += c != 0;
        if (wh->fill == WORD_HASH_BUF)
            word_hash_words(wh);
    }
}

/* The hash (0 when there was no word character; *n_chars their count). */
static inline uint64_t
word_hash_end(word_hash *wh, size_t *n_chars)
{
    word_hash_words(wh);
    size_t k = wh->hashed + wh->fill;
    if (wh->fill) {
        /* (zero bytes after the last: no word character is zero) */
        memset(wh->buf + wh->fill, 0, 8);
        uint64_t x;
        memcpy(&x, wh->buf, 8);
        wh->h = (wh->h ^ x) * 1099511628211ull;
    }
    *n_chars = k;
    return k ? wh->h : 0;
}

/* Hash of the words of a subtree's visible text: lower-case ASCII letters
 * and digits and all non-ASCII bytes, so whitespace and punctuation differ
 * freely. Returns 0 for a subtree with no word characters. */
static uint64_t
text_hash_skip(wn_node *root, size_t *n_chars, uint32_t skip)
{
    word_hash wh;
    word_hash_init(&wh);
    wn_walk w;
    wn_node *n;
    bool e;
    size_t budget = 4096; /* nodes: nested captions are hashed at each level */
    wn_walk_init(&w, root);
    while (wn_walk_next(&w, &n, &e) && budget--) {
        if (n->type == WN_NODE_ELEMENT) {
            if (e && (n->flags & skip))
                wn_walk_skip_children(&w);
            continue;
        }
        if (n->type == WN_NODE_TEXT)
            word_hash_add(&wh, (const unsigned char *)n->data, n->len);
    }
    return word_hash_end(&wh, n_chars);
}

static uint64_t
text_hash(wn_node *root, size_t *n_chars)
{
    return text_hash_skip(root, n_chars, WN_NF_DROP);
}

/* The words a reader sees in the subtree (what the boiler walk has flagged
 * so far left out too) */
#define SEEN_SKIP (WN_NF_DROP | WN_NF_BOILER | WN_NF_HEADLINE | WN_NF_BYLINE)

/* text_hash of the node hashed last (a leaf block is hashed when entered
 * and again when left; its text does not change in between). */
typedef struct hash_memo {
    const wn_node *node;
    uint64_t hash;
    size_t chars;
} hash_memo;

static uint64_t
text_hash_memo(hash_memo *m, wn_node *n, size_t *n_chars)
{
    if (m->node != n) {
        m->hash = text_hash(n, &m->chars);
        m->node = n;
    }
    *n_chars = m->chars;
    return m->hash;
}

/* The blocks whose words are remembered (captions; off articles, blocks
 * and boxes of blocks), so that later copies go. A leaf block or a caption
 * is hashed when the walk enters it (it is compared then); a box only when
 * a block of about its size is compared with it (copies may differ in a
 * sign: "2 oz" and "2 oz."), so that a box is hashed at most twice. A
 * bitmap of the boxes' sizes spares most blocks that comparison. */
#define SEEN_SIZE_BITS 1024u
typedef struct seen_box {
    const wn_node *node;
    uint32_t size;  /* its text (non-blank bytes) */
    uint8_t min;    /* the word characters it needs to count */
} seen_box;
typedef struct seen_set {
    uint64_t hash[MAX_SEEN]; /* of the blocks hashed */
    size_t n;
    seen_box box[MAX_SEEN];  /* the boxes not hashed yet */
    size_t n_box;
    uint64_t sizes[SEEN_SIZE_BITS / 64]; /* of the boxes, hashed or not */
} seen_set;

/* The difference in size two copies may have */
static uint32_t
size_slack(uint32_t size)
{
    return 1 + size / 64;
}

static bool
near_size(uint32_t a, uint32_t b)
{
    return (a > b ? a - b : b - a) <= size_slack(a > b ? a : b);
}

/* Is a box of about `size` bytes remembered? */
static bool
box_near(const seen_set *ss, uint32_t size)
{
    uint32_t d = size_slack(size);
    for (uint32_t z = size > d ? size - d : 0; z <= size + d; z++)
        if ((ss->sizes[(z % SEEN_SIZE_BITS) / 64] >> (z % 64)) & 1)
            return true;
    return false;
}

/* Does n (of `size` bytes of text; a box of blocks when `box`) repeat,
 * word for word, a remembered block with 8 or more word characters? A box
 * is compared with the blocks and boxes of about its size only. */
static bool
copy_seen(seen_set *ss, wn_node *n, uint32_t size, bool box, hash_memo *memo)
{
    bool near = box_near(ss, size); /* (the boxes hashed since stay in the bitmap) */
    if (!near && (box || !ss->n))
        return false;
    size_t k;
    uint64_t h = text_hash_memo(memo, n, &k);
    if (!h || k < 8)
        return false;
    bool dup = false;
    for (size_t j = 0; j < ss->n; j++)
        dup |= ss->hash[j] == h;
    if (dup || !near || !ss->n_box)
        return dup;
    /* the boxes of about its size, hashed now (and moved to the hashes) */
    for (size_t j = 0; j < ss->n_box;) {
        seen_box *sb = &ss->box[j];
        if (!near_size(sb->size, size)) {
            j++;
            continue;
        }
        size_t bk;
        uint64_t bh = text_hash((wn_node *)sb->node, &bk);
        size_t min = sb->min;
        *sb = ss->box[--ss->n_box];
        if (bh && bk >= min && ss->n < MAX_SEEN) {
            ss->hash[ss->n++] = bh;
            if (bh == h)
                return true;
        }
    }
    return false;
}

/* Normalised comparison of a heading's text with the metadata title:
 * equal word characters, case-insensitively, or one a prefix of the other
 * when the title carries a " | Site" suffix. */
static bool
matches_title(wn_node *h, const wn_metadata *meta)
{
    if (!meta || !meta->title.ptr || !meta->title.len)
        return false;
    size_t hn, tn = 0;
    uint64_t hh = text_hash(h, &hn);
    if (!hh)
        return false;
    /* the title's first hn word characters */
    const unsigned char *t = (const unsigned char *)meta->title.ptr;
    size_t end = 0;
    for (; end < meta->title.len && tn < hn; end++)
        tn += word_char[t[end]] != 0;
    if (tn != hn)
        return false;
    word_hash wh;
    word_hash_init(&wh);
    word_hash_add(&wh, t, end);
    return word_hash_end(&wh, &tn) == hh;
}

/* Does heading h repeat the metadata title as a post's subject in a
 * thread: the title's words whole, or after "Re:" (a reply's subject, as
 * mail writes it)? */
#define REPLY_NODES 8
static bool
reply_subject(wn_node *h, const wn_metadata *meta)
{
    if (!meta || !meta->title.ptr || !meta->title.len)
        return false;
    /* the heading's first text: does it open with "Re:"? */
    bool re = false;
    wn_walk w;
    wn_node *n;
    bool e;
    int steps = 0;
    wn_walk_init(&w, h);
    while (wn_walk_next(&w, &n, &e) && steps++ < REPLY_NODES) {
        if (n->type != WN_NODE_TEXT)
            continue;
        const char *d = n->data;
        size_t i = 0, len = n->len;
        while (i < len && (d[i] == ' ' || d[i] == '\n' || d[i] == '\t' || d[i] == '\r'))
            i++;
        if (i == len)
            continue;
        if (i + 2 < len && (d[i] | 32) == 'r' && (d[i + 1] | 32) == 'e') {
            i += 2;
            while (i < len && d[i] == ' ')
                i++;
            re = i < len && d[i] == ':';
        }
        break;
    }
    size_t hn, tn = 0;
    uint64_t hh = text_hash(h, &hn);
    if (!hh)
        return false;
    size_t want = hn;
    word_hash wh;
    word_hash_init(&wh);
    if (re) {
        if (hn < 3)
            return false;
        word_hash_add(&wh, (const unsigned char *)"re", 2);
        want = hn - 2;
    }
    /* the title's first `want` word characters */
    const unsigned char *t = (const unsigned char *)meta->title.ptr;
    size_t end = 0;
    for (; end < meta->title.len && tn < want; end++)
        tn += word_char[t[end]] != 0;
    word_hash_add(&wh, t, end);
    size_t all;
    uint64_t th = word_hash_end(&wh, &all);
    /* (10 word characters at least: the title's words, not a word of it) */
    return tn == want && th == hh && want >= 10;
}

/* Does s[0..n) hold a byte other than ' ', '\n' and '\t'? */
static bool
has_nonblank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t')
            return true;
    return false;
}

/* The headline: an h1/h2 matching the metadata title, else the first h1
 * of the content, provided it comes before most of the text. */
static wn_node *
find_headline(wn_score_ctx *cx, wn_content *c, bool *early)
{
    wn_node *first_h1 = NULL;
    uint32_t text_before_h1 = 0, text_seen = 0, total = 0;
    wn_doc_cache *cache = wn_doc_cache_get(cx->doc);
    *early = false;
    for (size_t i = 0; i < c->n_roots; i++)
        total += wn_stats_of(&cx->stats, c->roots[i])->text;
    for (size_t i = 0; i < c->n_roots; i++) {
        wn_walk w;
        wn_node *n;
        bool e;
        wn_walk_init(&w, c->roots[i]);
        while (wn_walk_next(&w, &n, &e)) {
            if (n->type == WN_NODE_TEXT) {
                /* (counted when the statistics were: a look-up) */
                uint32_t chars, commas;
                wn_node_text_figures(cache, n, &chars, &commas);
                text_seen += chars;
                continue;
            }
            if (!e || n->type != WN_NODE_ELEMENT)
                continue;
            if (n->flags & WN_NF_DROP) {
                wn_walk_skip_children(&w);
                continue;
            }
            if (wn_node_is(n, WN_TAG_H1) || wn_node_is(n, WN_TAG_H2)) {
                if (matches_title(n, cx->meta)) {
                    *early = (double)text_seen <= 0.3 * (double)total;
                    return n;
                }
                if (!first_h1 && wn_node_is(n, WN_TAG_H1)) {
                    first_h1 = n;
                    text_before_h1 = text_seen;
                }
                wn_walk_skip_children(&w);
            }
        }
    }
    if (first_h1 && (double)text_before_h1 <= 0.3 * (double)total) {
        *early = true;
        return first_h1;
    }
    return NULL;
}

static bool
is_list_like(const wn_node *n)
{
    if (n->type != WN_NODE_ELEMENT || n->ns != WN_NS_HTML)
        return false;
    switch (n->tag) {
    case WN_TAG_UL: case WN_TAG_OL: case WN_TAG_DL: case WN_TAG_TABLE: case WN_TAG_DIV:
    case WN_TAG_SECTION: case WN_TAG_ARTICLE: case WN_TAG_HEADER: case WN_TAG_FOOTER:
    case WN_TAG_P: case WN_TAG_LI: case WN_TAG_SPAN: case WN_TAG_TD: case WN_TAG_TR:
    case WN_TAG_DD: case WN_TAG_DT: case WN_TAG_CENTER: case WN_TAG_FIGURE:
        return true;
    default:
        return false;
    }
}

/* Does the small subtree n hold a letter (ASCII or any non-ASCII byte)?
 * At most 16 nodes are read. */
static bool
has_letter(const wn_node *n)
{
    wn_walk w;
    wn_node *t;
    bool e;
    size_t budget = 16;
    wn_walk_init(&w, (wn_node *)n);
    while (wn_walk_next(&w, &t, &e) && budget--) {
        if (t->type == WN_NODE_ELEMENT) {
            if (e && (t->flags & WN_NF_DROP))
                wn_walk_skip_children(&w);
            continue;
        }
        if (t->type != WN_NODE_TEXT)
            continue;
        for (size_t i = 0; i < t->len; i++) {
            unsigned char c = (unsigned char)t->data[i];
            if (c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
                return true;
        }
    }
    return false;
}

/* Do words stand right beside the inline element n (a <span>): is n a few
 * words of a sentence ("and <span><a>the results are in</a></span>.",
 * "(<span><a>N225</a></span>)", or the sentence split into spans,
 * "<span>it will </span><span><a>combine</a></span><span> with</span>")? A
 * neighbour is the nearest sibling past blank text: a text node with words,
 * or an inline element with text outside links. Such a span is judged with
 * its sentence, not as a link-dense block. */
static bool
in_sentence(wn_score_ctx *cx, const wn_node *n)
{
    /* (a footnote's mark, "[12]", "3", is no words of the sentence) */
    if (!has_letter(n))
        return false;
    for (int dir = 0; dir < 2; dir++) {
        const wn_node *t = dir ? n->next : n->prev;
        for (int steps = 0; t && steps < 3; steps++, t = dir ? t->next : t->prev) {
            if (t->flags & WN_NF_DROP)
                break;
            if (t->type == WN_NODE_TEXT) {
                uint32_t chars, commas;
                wn_text_figures(cx->doc, t, &chars, &commas);
                if (chars)
                    return true;
                continue; /* (blank: look past it) */
            }
            if (t->type == WN_NODE_ELEMENT && !wn_stats_block(t) && !wn_node_is(t, WN_TAG_BR)) {
                const wn_stat *ts = wn_stats_of(&cx->stats, t);
                if (ts->text > ts->link)
                    return true;
            }
            break;
        }
    }
    return false;
}

/* The length of the currency sign or code at t[i] ($ £ ¥ € ₹ USD EUR GBP),
 * or 0. */
static size_t
currency_at(const char *t, size_t len, size_t i)
{
    unsigned char c = (unsigned char)t[i];
    if (c == '$')
        return 1;
    if (c == 0xC2 && i + 1 < len && ((unsigned char)t[i + 1] == 0xA3 ||
                                     (unsigned char)t[i + 1] == 0xA5))
        return 2; /* £ ¥ */
    if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x82 &&
        ((unsigned char)t[i + 2] == 0xAC || (unsigned char)t[i + 2] == 0xB9))
        return 3; /* € ₹ */
    if (i + 3 <= len && (memcmp(t + i, "USD", 3) == 0 || memcmp(t + i, "EUR", 3) == 0 ||
                         memcmp(t + i, "GBP", 3) == 0))
        return 3;
    return 0;
}

/* Does the text hold a price: a currency sign next to a digit? */
static bool
text_has_price(const char *t, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        size_t sign = currency_at(t, len, i);
        if (sign && wn_digit_beside(t, len, i, i + sign))
            return true;
    }
    return false;
}

/* How a text node may hold half of a price split over two (a sign in its
 * own <span> beside the amount): PRICE_SIGN when its text, trimmed, is
 * only a currency sign; else PRICE_DIGIT_START / PRICE_DIGIT_END when it
 * starts / ends with a digit. */
#define PRICE_SIGN 1u
#define PRICE_DIGIT_START 2u
#define PRICE_DIGIT_END 4u
static unsigned
price_half(const char *t, size_t len)
{
    size_t a = 0, b = len;
    while (a < b && (t[a] == ' ' || t[a] == '\n' || t[a] == '\t' || t[a] == '\r'))
        a++;
    while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\n' || t[b - 1] == '\t' || t[b - 1] == '\r'))
        b--;
    if (a == b)
        return 0;
    size_t sign = currency_at(t, b, a);
    if (sign && a + sign == b)
        return PRICE_SIGN;
    unsigned h = 0;
    if (t[a] >= '0' && t[a] <= '9')
        h |= PRICE_DIGIT_START;
    if (t[b - 1] >= '0' && t[b - 1] <= '9')
        h |= PRICE_DIGIT_END;
    return h;
}

/* Does the (short) subtree's text hold a price? Reads text nodes directly
 * under n and one level below (a leaf block). */
static bool
is_price(const wn_node *n)
{
    for (const wn_node *c = n->first_child; c; c = c->next) {
        if (c->type == WN_NODE_TEXT && text_has_price(c->data, c->len))
            return true;
        if (c->type == WN_NODE_ELEMENT)
            for (const wn_node *g = c->first_child; g; g = g->next)
                if (g->type == WN_NODE_TEXT && text_has_price(g->data, g->len))
                    return true;
    }
    return false;
}

/* Is the (short) leaf's text digits and signs with no letter: a count, a
 * rating, a quantity, a slide's "1 / 4"? Reads at most NO_LETTERS_NODES
 * nodes of the subtree; any byte outside ASCII counts as a letter (a
 * script's words, a currency's sign), and so does a dollar sign: a price
 * the rule above did not take (its parts in elements of their own) is
 * kept in the text by some product pages, dropped by others. */
#define NO_LETTERS_NODES 24
static bool
no_letters(const wn_node *n)
{
    wn_walk w;
    wn_node *c;
    bool e, digit = false;
    int budget = NO_LETTERS_NODES;
    wn_walk_init(&w, (wn_node *)n);
    while (wn_walk_next(&w, &c, &e)) {
        if (!e)
            continue;
        if (--budget < 0)
            return false;
        if (c->type == WN_NODE_ELEMENT && (c->flags & (WN_NF_DROP | WN_NF_BOILER))) {
            wn_walk_skip_children(&w);
            continue;
        }
        if (c->type != WN_NODE_TEXT)
            continue;
        for (size_t i = 0; i < c->len; i++) {
            unsigned char ch = (unsigned char)c->data[i];
            if (ch >= 0x80 || ch == '$' || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
                return false;
            if (ch >= '0' && ch <= '9')
                digit = true;
        }
    }
    return digit;
}

/* The site of an absolute URL, naively its host's last two labels
 * ("news.example.org" -> "example.org"; a country's second level, as in
 * "co.uk", makes every such site one: the test below then holds back).
 * False for a relative URL or one with no host. */
static bool
url_site(const char *u, size_t n, const char **site, size_t *len)
{
    size_t i = 0;
    while (i < n && (u[i] == ' ' || u[i] == '\t' || u[i] == '\n'))
        i++;
    if (n - i >= 8 && strncasecmp(u + i, "https://", 8) == 0)
        i += 8;
    else if (n - i >= 7 && strncasecmp(u + i, "http://", 7) == 0)
        i += 7;
    else if (n - i >= 2 && u[i] == '/' && u[i + 1] == '/')
        i += 2;
    else
        return false;
    size_t start = i;
    while (i < n && u[i] != '/' && u[i] != '?' && u[i] != '#' && u[i] != ':')
        i++;
    size_t end = i, dots = 0, from = start;
    for (size_t k = end; k > start; k--)
        if (u[k - 1] == '.' && ++dots == 2) {
            from = k;
            break;
        }
    if (end == from)
        return false;
    *site = u + from;
    *len = end - from;
    return true;
}

/* On an article, does list n point elsewhere: two or more links, four in
 * five of them to another site than the page's (a list of references or
 * resources, part of the story; the site's other stories link to the
 * site)? Reads at most OFFSITE_NODES nodes of the list. */
#define OFFSITE_NODES 400
static bool
offsite_list(const wn_score_ctx *cx, wn_node *n)
{
    const char *page = cx->meta && cx->meta->url.len ? cx->meta->url.ptr : cx->doc->opts.url;
    size_t page_len = cx->meta && cx->meta->url.len ? cx->meta->url.len : cx->doc->opts.url_len;
    const char *ps;
    size_t pl;
    if (!page || !url_site(page, page_len, &ps, &pl))
        return false;
    unsigned links = 0, away = 0, steps = 0;
    wn_walk w;
    wn_node *t;
    bool e;
    wn_walk_init(&w, n);
    while (wn_walk_next(&w, &t, &e) && ++steps <= OFFSITE_NODES) {
        if (!e || !wn_node_is(t, WN_TAG_A))
            continue;
        size_t hl;
        const char *h = wn_node_attr(t, "href", &hl);
        const char *hs;
        size_t hsl;
        if (!h)
            continue;
        links++;
        if (url_site(h, hl, &hs, &hsl) && !(hsl == pl && strncasecmp(hs, ps, pl) == 0))
            away++;
    }
    return steps <= OFFSITE_NODES && links >= 2 && away * 5 >= links * 4;
}

static bool
is_list(const wn_node *n)
{
    return wn_node_is(n, WN_TAG_UL) || wn_node_is(n, WN_TAG_OL) || wn_node_is(n, WN_TAG_DL) ||
           wn_node_is(n, WN_TAG_TABLE);
}

/* Does one of the words (whole tokens of the class or id) name n? */
static bool
class_or_id_names(const wn_node *n, const char *const *words, size_t count)
{
    static const char *const attrs[] = {"class", "id"};
    for (size_t a = 0; a < 2; a++) {
        size_t len;
        const char *v = wn_node_attr(n, attrs[a], &len);
        if (v && wn_tokens_has_any(v, len, words, count))
            return true;
    }
    return false;
}

/* Does the element's class or id name customer reviews ("reviews",
 * "review-list", "customerReviews", "ratings") or the small print
 * ("disclaimer", "bottom-disclaimer__list")? On a product page those are
 * user comments and the conditions of each claim, not the product. */
static bool
names_reviews_or_fine_print(const wn_node *n)
{
    static const char *const words[] = {"review", "reviews", "ratings", "disclaimer", "disclaimers"};
    return class_or_id_names(n, words, sizeof words / sizeof words[0]);
}

/* Does the element's class or id name a notice ("notice", "notices",
 * "site-notice")? On a forum, the board's announcements above and
 * between the posts. */
static bool
names_notice(const wn_node *n)
{
    static const char *const words[] = {"notice", "notices"};
    return class_or_id_names(n, words, sizeof words / sizeof words[0]);
}

/* Does the element's itemprop name the article's date or author
 * (datePublished, dateModified, dateCreated, author)? */
static bool
itemprop_byline(const wn_node *n)
{
    size_t len;
    const char *v = wn_node_attr(n, "itemprop", &len);
    if (!v)
        return false;
    static const char *const words[] = {"datePublished", "dateModified", "dateCreated", "author"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t wl = strlen(words[i]);
        if (len == wl && memcmp(v, words[i], wl) == 0)
            return true;
    }
    return false;
}

/* Is the element inside an <article>? (An article nested in another is
 * another piece: a teaser of a related post, an embedded one.) */
static bool
in_article(const wn_node *n)
{
    for (const wn_node *a = n->parent; a; a = a->parent)
        if (wn_node_is(a, WN_TAG_ARTICLE))
            return true;
    return false;
}

/* Rows of a table read to tell a data table */
#define DATA_TABLE_ROWS 64

/* Is n a data table: its first row holds two or more column headers
 * (<th>, and no <td>), and three or more rows of cells follow? Its links
 * are its data (names in a list of laureates, titles in a discography),
 * not a menu. Reads at most DATA_TABLE_ROWS rows. */
bool
wn_data_table(const wn_node *n)
{
    if (!wn_node_is(n, WN_TAG_TABLE))
        return false;
    int rows = 0, seen = 0;
    bool head = false, first = true;
    for (const wn_node *g = n->first_child; g && seen < DATA_TABLE_ROWS; g = g->next) {
        const wn_node *r = g, *stop = g->next;
        if (wn_node_is(g, WN_TAG_THEAD) || wn_node_is(g, WN_TAG_TBODY) ||
            wn_node_is(g, WN_TAG_TFOOT)) {
            r = g->first_child;
            stop = NULL;
        }
        for (; r && r != stop && seen < DATA_TABLE_ROWS; r = r->next) {
            if (!wn_node_is(r, WN_TAG_TR))
                continue;
            seen++;
            int th = 0, td = 0;
            for (const wn_node *c = r->first_child; c; c = c->next) {
                if (wn_node_is(c, WN_TAG_TH))
                    th++;
                else if (wn_node_is(c, WN_TAG_TD))
                    td++;
            }
            if (first) {
                head = th >= 2 && td == 0;
                first = false;
                if (!head)
                    return false;
            } else if (td > 0 && ++rows >= 3) {
                return true;
            }
        }
    }
    return false;
}

/* Is n the page's footer: a <footer> whose nearest sectioning ancestor is
 * the body (not an <article>'s, a <section>'s or an <aside>'s own footer),
 * or an element the markup calls role=contentinfo? Reads n's ancestors. */
static bool
page_footer(const wn_node *n)
{
    if (n->n_attrs) {
        size_t len = 0;
        const char *v = wn_node_attr(n, "role", &len);
        if (v && wn_value_ieq(v, len, "contentinfo", 11))
            return true;
    }
    if (!wn_node_is(n, WN_TAG_FOOTER))
        return false;
    for (const wn_node *a = n->parent; a && a->type == WN_NODE_ELEMENT; a = a->parent)
        switch (a->tag) {
        case WN_TAG_ARTICLE: case WN_TAG_SECTION: case WN_TAG_ASIDE: case WN_TAG_NAV:
        case WN_TAG_MAIN: case WN_TAG_BLOCKQUOTE:
            return false;
        default:
            break;
        }
    return true;
}

/* Product cards: at least this many sibling elements alike (same tag and
 * class), each short, with a link and a price inside. */
#define CARD_MIN 3
#define CARD_MAX_TEXT 200
#define CARD_MAX_TEXT_PLAIN 600 /* a card without a paragraph */
#define CARD_MAX_NODES 200 /* nodes read per card */
/* Text the content must have before the grid (the product's own
 * description): a grid that opens the content is the page's own list. */
#define CARD_REST_MIN 300
/* Text a wrapper of the grid may add and go with it: a heading */
#define CARD_HEADING_MAX 80
#define TEXT_BEFORE_MAX_STEPS 10000 /* nodes text_before reads */

/* Does element n hold a heading (h1..h6) within its first HEADING_SCAN
 * nodes (past what clean dropped)? */
#define HEADING_SCAN 16
static bool
holds_heading(wn_node *n)
{
    wn_walk w;
    wn_node *m;
    bool e;
    int steps = 0;
    wn_walk_init(&w, n);
    while (wn_walk_next(&w, &m, &e) && steps++ < HEADING_SCAN) {
        if (!e || m->type != WN_NODE_ELEMENT || m == n)
            continue;
        if (m->flags & WN_NF_DROP) {
            wn_walk_skip_children(&w);
            continue;
        }
        if (m->ns == WN_NS_HTML && m->tag >= WN_TAG_H1 && m->tag <= WN_TAG_H6)
            return true;
    }
    return false;
}

/* Hash of an element's tag and first class name: siblings built from one
 * template share it (later names often vary: item ids, categories). */
static uint32_t
card_signature(const wn_node *n)
{
    uint32_t h = 2166136261u ^ n->tag;
    size_t len;
    const char *v = wn_node_attr(n, "class", &len);
    size_t i = 0;
    while (v && i < len && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n'))
        i++;
    for (; v && i < len && v[i] != ' ' && v[i] != '\t' && v[i] != '\n'; i++) {
        h ^= (unsigned char)v[i];
        h *= 16777619u;
    }
    return h;
}

/* Does the content (in the content root `root`) hold at least `min` bytes
 * of text before n: in the earlier siblings of n and of its ancestors?
 * Stops once it knows. */
static bool
text_before(wn_score_ctx *cx, const wn_node *root, const wn_node *n, uint64_t min)
{
    uint64_t t = 0;
    size_t steps = 0;
    for (const wn_node *a = n; a && a != root; a = a->parent)
        for (const wn_node *p = a->parent ? a->parent->first_child : NULL; p && p != a; p = p->next) {
            if ((t += wn_stats_of(&cx->stats, p)->text) >= min)
                return true;
            if (++steps > TEXT_BEFORE_MAX_STEPS)
                return false;
        }
    return false;
}

/* On a product page, does n come after the product: past the headline
 * (which it does not hold), with the product's own text (CARD_REST_MIN
 * bytes) before it? What follows it there under a boilerplate name
 * (reviews, a sidebar) is not the product however long it is. */
static bool
after_product(wn_score_ctx *cx, const wn_node *root, const wn_node *n, bool past_headline)
{
    return past_headline && n->aux != HEADLINE_PATH && text_before(cx, root, n, CARD_REST_MIN);
}

/* Does the class attribute hold the class name w (a whole
 * space-separated name)? */
static bool
class_has(const char *v, size_t len, const char *w)
{
    size_t wl = strlen(w);
    for (size_t i = 0; i < len;) {
        while (i < len && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r'))
            i++;
        size_t j = i;
        while (j < len && v[j] != ' ' && v[j] != '\t' && v[j] != '\n' && v[j] != '\r')
            j++;
        if (j - i == wl && memcmp(v + i, w, wl) == 0)
            return true;
        i = j;
    }
    return false;
}

/* Is n an overlay fixed over the whole viewport by its utility classes
 * ("fixed inset-0": a dialog, a sign-up sheet)? */
static bool
viewport_overlay(const wn_node *n)
{
    size_t len;
    const char *v = wn_node_attr(n, "class", &len);
    /* (a search for the rarer name first: most class values end there) */
    if (!v || len < 13)
        return false;
    const char *p = v, *end = v + len;
    while ((p = memchr(p, 'i', (size_t)(end - p))) && (size_t)(end - p) >= 7 &&
           memcmp(p, "inset-0", 7) != 0)
        p++;
    return p && (size_t)(end - p) >= 7 && class_has(v, len, "inset-0") &&
           class_has(v, len, "fixed");
}

/* A live region: a status message a script writes ("Added to cart",
 * "Loading", "Something went wrong"): role=status or aria-live. */
static bool
live_region(const wn_node *n)
{
    size_t len;
    const char *v = wn_node_attr(n, "role", &len);
    if (v && (wn_value_ieq(v, len, "status", 6) || wn_value_ieq(v, len, "log", 3)))
        return true;
    v = wn_node_attr(n, "aria-live", &len);
    return v && (wn_value_ieq(v, len, "polite", 6) || wn_value_ieq(v, len, "assertive", 9));
}

/* Is a card's size a teaser's: short, or without a paragraph (a price
 * list in several currencies, badges, a seller's name) and not long? */
static bool
card_sized(const wn_stat *cs)
{
    return cs->text > 0 &&
           (cs->text <= CARD_MAX_TEXT || (cs->paras == 0 && cs->text <= CARD_MAX_TEXT_PLAIN));
}

/* Is n inside a carousel that says so (aria-roledescription="carousel",
 * the ARIA pattern), at most CAROUSEL_UP levels up, under the content
 * root? A carousel of cards is never the page's own list. */
#define CAROUSEL_UP 8
static bool
in_carousel(const wn_node *root, const wn_node *n)
{
    int k = 0;
    for (const wn_node *a = n; a && a != root && k < CAROUSEL_UP; a = a->parent, k++) {
        size_t len;
        const char *v = a->n_attrs ? wn_node_attr(a, "aria-roledescription", &len) : NULL;
        if (v && wn_value_ieq(v, len, "carousel", 8))
            return true;
    }
    return false;
}

/* Is the element a card: a link (with an href) and a price in its text?
 * The card walks of a page share *budget nodes; once it is spent, no more
 * cards are found. */
static bool
is_card(const wn_node *card, size_t *budget)
{
    bool link = false, price = false;
    unsigned last = 0; /* price_half of the last text that was not blank */
    size_t steps = 0;
    wn_walk w;
    wn_node *n;
    bool e;
    wn_walk_init(&w, (wn_node *)card);
    while (wn_walk_next(&w, &n, &e) && !(link && price)) {
        if (!e)
            continue;
        if (++steps > CARD_MAX_NODES || *budget == 0)
            return false;
        (*budget)--;
        if (n->type == WN_NODE_TEXT) {
            /* (a sign and its amount in two text nodes in a row count too:
             * "<span>€</span>19.99", "19,99<span>€</span>") */
            unsigned h = price_half(n->data, n->len);
            if ((h == PRICE_SIGN && (last & PRICE_DIGIT_END)) ||
                ((h & PRICE_DIGIT_START) && last == PRICE_SIGN) ||
                text_has_price(n->data, n->len))
                price = true;
            if (h)
                last = h;
        } else if (n->type == WN_NODE_ELEMENT && n->flags & (WN_NF_DROP | WN_NF_HIDDEN)) {
            wn_walk_skip_children(&w);
        } else if (!link && wn_node_is(n, WN_TAG_A) && wn_node_attr(n, "href", NULL)) {
            link = true;
        }
    }
    return link && price;
}

/* Does n lie in a card (is_card, card_sized), at most CARD_UP levels up
 * under the content root: one item of a grid of products? */
#define CARD_UP 6
static bool
in_card(wn_score_ctx *cx, const wn_node *root, const wn_node *n, size_t *budget)
{
    int k = 0;
    for (const wn_node *a = n->parent; a && a != root && k < CARD_UP; a = a->parent, k++)
        if (a->type == WN_NODE_ELEMENT && card_sized(wn_stats_of(&cx->stats, a)) &&
            is_card(a, budget))
            return true;
    return false;
}

/* Does n hold a grid of product cards (other products: "related", "you
 * may also like", "customers also viewed") that makes most of its text? */
static bool
card_grid(wn_score_ctx *cx, const wn_node *n, const wn_stat *s, size_t *budget)
{
    uint32_t sig[64];
    uint32_t text[64];
    int k = 0;
    for (const wn_node *c = n->first_child; c && k < 64; c = c->next) {
        if (c->type != WN_NODE_ELEMENT)
            continue;
        const wn_stat *cs = wn_stats_of(&cx->stats, c);
        if (!card_sized(cs))
            continue;
        sig[k] = card_signature(c);
        text[k] = cs->text;
        k++;
    }
    if (k < CARD_MIN)
        return false;
    /* the largest group of alike children, then whether its members are
     * cards (only that group's are read) */
    int best = -1, best_n = 0;
    for (int i = 0; i < k; i++) {
        int m = 0;
        for (int j = 0; j < k; j++)
            m += sig[j] == sig[i];
        if (m > best_n) {
            best_n = m;
            best = i;
        }
    }
    if (best_n < CARD_MIN)
        return false;
    uint64_t card_text = 0;
    int cards = 0, seen = 0;
    for (const wn_node *c = n->first_child; c && seen < k; c = c->next) {
        if (c->type != WN_NODE_ELEMENT)
            continue;
        const wn_stat *cs = wn_stats_of(&cx->stats, c);
        if (!card_sized(cs))
            continue;
        if (sig[seen] == sig[best] && is_card(c, budget)) {
            cards++;
            card_text += text[seen];
        }
        seen++;
    }
    return cards >= CARD_MIN && card_text * 10 >= (uint64_t)s->text * 6;
}

/* Blanks of block_text (' ', '\n', '\t', '\r'; not '\f'), and bytes with
 * ASCII letters lower-cased. */
static const uint8_t block_blank[256] = {[' '] = 1, ['\n'] = 1, ['\t'] = 1, ['\r'] = 1};
static const uint8_t block_lower[256] = {
#define L4(c) (c), (c) + 1, (c) + 2, (c) + 3
#define L16(c) L4(c), L4((c) + 4), L4((c) + 8), L4((c) + 12)
#define L64(c) L16(c), L16((c) + 16), L16((c) + 32), L16((c) + 48)
    L64(0), 64, L16('a'), L4('q'), L4('u'), 'y', 'z', 91, 92, 93, 94, 95, L16(96), L16(112),
    L64(128), L64(192),
#undef L64
#undef L16
#undef L4
};

/* The text of the short block n (dropped parts left out) into buf (at
 * most cap bytes): with `spaces`, runs of whitespace (and the breaks
 * between texts) as one space, else no whitespace at all; with `lower`,
 * ASCII letters lower-cased. Returns its length; *full when it did not fit. */
static size_t
block_text_budget(const wn_node *n, char *buf, size_t cap, bool spaces, bool lower, bool *full,
                  size_t *budget)
{
    size_t len = 0;
    bool space = false;
    *full = false;
    wn_walk w;
    wn_node *m;
    bool e;
    wn_walk_init(&w, (wn_node *)n);
    while (wn_walk_next(&w, &m, &e)) {
        if (!e)
            continue;
        if (budget) {
            if (*budget == 0) {
                *full = true; /* (read no further) */
                return len;
            }
            (*budget)--;
        }
        if (m->type == WN_NODE_ELEMENT && (m->flags & WN_NF_DROP)) {
            wn_walk_skip_children(&w);
            continue;
        }
        if (m->type != WN_NODE_TEXT)
            continue;
        const unsigned char *d = (const unsigned char *)m->data;
        size_t i = 0;
        if (m->len + 2 <= cap - len) {
            /* the text fits whatever it holds (a byte gives at most one
             * byte and the space before it, and a space follows a blank or
             * the break before the text): no test of the room left, and
             * no branch on the bytes (the space is written at each byte
             * and kept only where one is due) */
            bool sp = space;
            for (; i < m->len; i++) {
                unsigned ch = d[i];
                unsigned blank = block_blank[ch];
                buf[len] = ' ';
                len += sp & !blank;
                buf[len] = (char)(lower ? block_lower[ch] : ch);
                len += !blank;
                sp = blank & spaces & (len > 0);
            }
            space = sp;
        }
        for (; i < m->len; i++) {
            unsigned char ch = d[i];
            if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
                space = spaces && len > 0;
                continue;
            }
            if (len + (space ? 2 : 1) > cap) {
                *full = true;
                return len;
            }
            if (space)
                buf[len++] = ' ';
            space = false;
            buf[len++] = (char)(lower && ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
        }
        space = spaces && (space || len > 0); /* between elements' texts */
    }
    return len;
}

static size_t
block_text(const wn_node *n, char *buf, size_t cap, bool spaces, bool lower, bool *full)
{
    return block_text_budget(n, buf, cap, spaces, lower, full, NULL);
}

/* Does some text node of n's subtree (dropped parts left out) hold the
 * bytes w[0..wl)? Reads the nodes block_text_budget(n, ..., cap, ...,
 * budget) reads and takes them from *budget as it does: 1 (yes), 0 (no;
 * also when the budget runs out, where block_text_budget reads no
 * further); -1 when the text may not fit in cap bytes (where
 * block_text_budget stops early), *budget then as it was. */
static int
text_holds(const wn_node *n, const char *w, size_t wl, size_t cap, size_t *budget)
{
    size_t left = *budget, room = cap;
    bool found = false;
    wn_walk w_;
    wn_node *m;
    bool e;
    wn_walk_init(&w_, (wn_node *)n);
    while (wn_walk_next(&w_, &m, &e)) {
        if (!e)
            continue;
        if (left == 0) {
            *budget = 0;
            return 0;
        }
        left--;
        if (m->type == WN_NODE_ELEMENT && (m->flags & WN_NF_DROP)) {
            wn_walk_skip_children(&w_);
            continue;
        }
        if (m->type != WN_NODE_TEXT)
            continue;
        /* (a text gives at most its bytes and a space) */
        if (m->len + 1 > room)
            return -1;
        room -= m->len + 1;
        for (const char *p = m->data, *end = m->data + m->len; !found && (size_t)(end - p) >= wl;
             p++) {
            if (!(p = memchr(p, w[0], (size_t)(end - p) - wl + 1)))
                break;
            found = memcmp(p, w, wl) == 0;
        }
    }
    *budget = left;
    return found;
}

/* The longest run of the name a without a space (its length in *wl, 0 if
 * none): when the name is in a block's text as block_text reads it (a
 * space between texts), that run lies in one text, where text_holds can
 * look for it without reading the block into a buffer. */
static const char *
name_word(const wn_str *a, size_t *wl)
{
    const char *w = NULL;
    *wl = 0;
    for (size_t i = 0; i < a->len;) {
        size_t j = i;
        while (j < a->len && a->ptr[j] != ' ')
            j++;
        if (j - i > *wl) {
            w = a->ptr + i;
            *wl = j - i;
        }
        i = j + 1;
    }
    return w;
}

/* Does the inline element n hold a text node with words (its first 8
 * nodes read)? */
static bool
has_text_node(const wn_node *n)
{
    wn_walk w;
    wn_node *m;
    bool e;
    size_t budget = 8;
    wn_walk_init(&w, (wn_node *)n);
    while (wn_walk_next(&w, &m, &e) && budget--)
        if (e && m->type == WN_NODE_TEXT && has_nonblank(m->data, m->len))
            return true;
    return false;
}

/* The alt text of the image just before n: its previous sibling, past
 * blank text and <br>s, is an <img> or holds one within its first
 * ALT_NODES nodes (a link or a <picture> around it). NULL if none. */
#define ALT_NODES 6
static const char *
alt_before(const wn_node *n, size_t *len)
{
    const wn_node *p = n->prev;
    for (int steps = 0; p && steps < 4; steps++, p = p->prev) {
        if (p->type == WN_NODE_TEXT && !has_nonblank(p->data, p->len))
            continue;
        if (p->type == WN_NODE_COMMENT || wn_node_is(p, WN_TAG_BR))
            continue;
        break;
    }
    if (!p || p->type != WN_NODE_ELEMENT)
        return NULL;
    wn_walk w;
    wn_node *m;
    bool e;
    size_t budget = ALT_NODES;
    wn_walk_init(&w, (wn_node *)p);
    while (wn_walk_next(&w, &m, &e) && budget--) {
        if (e && wn_node_is(m, WN_TAG_IMG))
            return wn_node_attr(m, "alt", len);
    }
    return NULL;
}

/* Does the short element n repeat, word for word, the alt text of the
 * image just before it: a caption set under its picture without a
 * <figcaption> ("<img alt="The new keyboard"><br><span>The new
 * keyboard</span>")? Whitespace and ASCII case aside; 8 bytes at least. */
static bool
repeats_alt(const wn_node *n)
{
    /* (it closes its line: words after it make it part of a sentence) */
    for (const wn_node *q = n->next; q; q = q->next) {
        if (q->type == WN_NODE_TEXT && has_nonblank(q->data, q->len))
            return false;
        if (q->type == WN_NODE_ELEMENT && !(q->flags & WN_NF_DROP) && !wn_stats_block(q) &&
            !wn_node_is(q, WN_TAG_BR) && has_text_node(q))
            return false;
        if (q->type == WN_NODE_ELEMENT && wn_stats_block(q))
            break;
    }
    size_t alen;
    const char *alt = alt_before(n, &alen);
    if (!alt || alen < 8 || alen > 600)
        return false;
    char buf[640];
    bool full;
    size_t len = block_text(n, buf, sizeof buf, false, true, &full);
    if (full || len < 8)
        return false;
    size_t j = 0;
    for (size_t i = 0; i < alen; i++) {
        unsigned char ch = (unsigned char)alt[i];
        if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f')
            continue;
        if (j >= len || buf[j] != (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch))
            return false;
        j++;
    }
    return j == len;
}

/* A list of teasers: a <ul>/<ol> of TEASER_MIN or more items, each
 * opening (within its first TEASER_NODES elements) with a heading that is all
 * link text: other stories' linked titles over a line of summary each
 * ("Pochettino fired by Tottenham" / "He took the club to the final").
 * The caller checks the list holds no paragraph. */
#define TEASER_MIN 3
#define TEASER_NODES 12
#define TEASER_ITEMS 64
static bool
teaser_list(wn_score_ctx *cx, const wn_node *n)
{
    size_t items = 0;
    for (const wn_node *li = n->first_child; li; li = li->next) {
        if (li->type != WN_NODE_ELEMENT || (li->flags & WN_NF_DROP))
            continue;
        if (!wn_node_is(li, WN_TAG_LI) || ++items > TEASER_ITEMS)
            return false;
        wn_walk w;
        wn_node *m;
        bool e, found = false;
        size_t budget = TEASER_NODES;
        wn_walk_init(&w, (wn_node *)li);
        while (!found && wn_walk_next(&w, &m, &e)) {
            if (!e || m->type != WN_NODE_ELEMENT)
                continue;
            if (budget-- == 0)
                break;
            if (m->flags & WN_NF_DROP) {
                wn_walk_skip_children(&w);
                continue;
            }
            if (is_heading(m)) {
                const wn_stat *hs = wn_stats_of(&cx->stats, m);
                if (hs->text == 0 || hs->link < hs->text)
                    return false;
                found = true;
            }
        }
        if (!found)
            return false;
    }
    return items >= TEASER_MIN;
}

/* Does the short block n (under 200 bytes of text) name the page's first
 * author: the visible byline or credit line ("26 July 2023 | Source:
 * Wire | Author: Jane Doe") that was not named as one? Its text
 * (whitespace collapsed) holds the name, with at most 120 bytes more, and
 * does not end as a sentence does. The name must be a person's as far as
 * that shows (several words, or a script without spaces): a one-word
 * organisation ("Acme") is named in its own articles' sentences. */
static bool
names_author(const wn_node *n, const wn_stat *s, const wn_metadata *meta)
{
    if (!meta || !meta->n_authors || meta->authors[0].len < 4 ||
        s->text > meta->authors[0].len + 120)
        return false;
    const wn_str *a = &meta->authors[0];
    if (!memchr(a->ptr, ' ', a->len) && !(a->ptr[0] & 0x80))
        return false;
    char buf[512];
    /* (the name's longest word in none of the texts: no need to read them) */
    size_t wl, unbounded = SIZE_MAX;
    const char *w = name_word(a, &wl);
    if (wl && text_holds(n, w, wl, sizeof buf, &unbounded) == 0)
        return false;
    bool full;
    size_t len = block_text(n, buf, sizeof buf, true, false, &full);
    if (len && (buf[len - 1] == '.' || buf[len - 1] == '?' || buf[len - 1] == '!'))
        return false;
    for (size_t i = 0; i + a->len <= len; i++)
        if (buf[i] == a->ptr[0] && memcmp(buf + i, a->ptr, a->len) == 0)
            return true;
    return false;
}

/* Does rel value v (length l) hold the token "tag" ("tag", "category tag")? */
static bool
rel_tag(const char *v, size_t l)
{
    for (size_t i = 0; i + 3 <= l; i++)
        if ((i == 0 || v[i - 1] == ' ') && (v[i] | 0x20) == 't' && (v[i + 1] | 0x20) == 'a' &&
            (v[i + 2] | 0x20) == 'g' && (i + 3 == l || v[i + 3] == ' '))
            return true;
    return false;
}

/* A tag list: links the page marks rel="tag" (the HTML standard's keyword
 * for a tag of the article), at least two, making most of n's link text,
 * with little text besides them (a "Tags:" label, separators) and no
 * paragraph. The tags go to the metadata, not the body. Reads at most
 * TAG_LIST_MAX_NODES elements of n, and the calls of a page share *budget. */
#define TAG_LIST_MAX_NODES 400
static bool
tag_list(wn_score_ctx *cx, const wn_node *n, const wn_stat *s, size_t *budget)
{
    if (s->paras || s->link < 8 || s->link * 10 < s->text * 7)
        return false;
    uint64_t tag_text = 0;
    unsigned tags = 0;
    size_t steps = 0;
    wn_walk w;
    wn_node *m;
    bool e;
    wn_walk_init(&w, (wn_node *)n);
    while (wn_walk_next(&w, &m, &e)) {
        if (!e || m->type != WN_NODE_ELEMENT)
            continue;
        if (++steps > TAG_LIST_MAX_NODES || *budget == 0)
            return false;
        (*budget)--;
        if (!wn_node_is(m, WN_TAG_A))
            continue;
        size_t l = 0;
        const char *r = wn_node_attr(m, "rel", &l);
        if (r && rel_tag(r, l)) {
            tags++;
            tag_text += wn_stats_of(&cx->stats, m)->text;
        }
        wn_walk_skip_children(&w);
    }
    return tags >= 2 && tag_text * 10 >= (uint64_t)s->link * 8 &&
           s->text - s->link <= 40 + 4 * (uint64_t)tags;
}

/* Is the leaf block n an ad slot's label and nothing else
 * ("Advertisement", "Anzeige", "Publicit\xC3\xA9")? */
static bool
ad_label(const wn_node *n, const wn_stat *s)
{
    static const char *const labels[] = {
        "advertisement", "advertisment", "advertising", "advert", "anzeige", "werbung",
        "iklan", "reklam",
        "publicit\xC3\xA9", "publicidad", "publicidade", "pubblicit\xC3\xA0", "advertentie",
        "reklama", "reklame", "annons", "annonse", "mainos", "sponsored",
        "\xD1\x80\xD0\xB5\xD0\xBA\xD0\xBB\xD0\xB0\xD0\xBC\xD0\xB0", /* Russian */
        "\xE5\xB9\xBF\xE5\x91\x8A", /* Chinese */
        "\xE5\xBA\x83\xE5\x91\x8A", /* Japanese */
        "\xEA\xB4\x91\xEA\xB3\xA0", /* Korean */
    };
    if (s->text == 0 || s->text > 20 || s->link)
        return false;
    char buf[24];
    bool full;
    size_t len = block_text(n, buf, sizeof buf, false, true, &full);
    if (full || !len)
        return false;
    for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++)
        if (labels[k][0] == buf[0] && strlen(labels[k]) == len && memcmp(labels[k], buf, len) == 0)
            return true;
    return false;
}

/* Is the leaf block n a copyright notice: its text opens with the sign ©,
 * or the sign stands beside a number, a year ("© 2024", "Inc. ©2005-19")?
 * Reads at most COPYRIGHT_MAX_NODES nodes. */
#define COPYRIGHT_MAX_NODES 64
static bool
copyright_line(const wn_node *n)
{
    bool first = true;
    size_t steps = 0;
    wn_walk w;
    wn_node *m;
    bool e;
    wn_walk_init(&w, (wn_node *)n);
    while (wn_walk_next(&w, &m, &e)) {
        if (!e)
            continue;
        if (++steps > COPYRIGHT_MAX_NODES)
            return false;
        if (m->type == WN_NODE_ELEMENT && (m->flags & WN_NF_DROP)) {
            wn_walk_skip_children(&w);
            continue;
        }
        if (m->type != WN_NODE_TEXT)
            continue;
        const char *t = m->data;
        size_t len = m->len;
        if (!memchr(t, 0xA9, len)) { /* no sign here: only whether text came first */
            for (size_t i = 0; i < len && first; i++)
                first = t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r';
            continue;
        }
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)t[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
                continue;
            if (c == 0xC2 && i + 1 < len && (unsigned char)t[i + 1] == 0xA9 &&
                (first || wn_digit_beside(t, len, i, i + 2)))
                return true;
            first = false;
        }
    }
    return false;
}

/* Link text a link must hold to be a card rather than a menu entry: a
 * heading and a line of description, all one link. */
#define CARD_LINK_MIN 80

/* Is most of n's link text in card links (links holding CARD_LINK_MIN
 * bytes of text: a whole card, heading and description, made one link)
 * rather than in a menu's short labels? The walks of a page share
 * *budget nodes; once it is spent, the answer is no. */
static bool
card_links(wn_score_ctx *cx, const wn_node *n, const wn_stat *s, size_t *budget)
{
    /* (a block inside such a link: the card's heading or description) */
    int up = 0;
    for (const wn_node *a = n->parent; a && up < 16; a = a->parent, up++)
        if (wn_node_is(a, WN_TAG_A))
            return wn_stats_of(&cx->stats, a)->text >= CARD_LINK_MIN;
    uint64_t long_text = 0;
    wn_walk w;
    wn_node *m;
    bool e;
    wn_walk_init(&w, (wn_node *)n);
    while (wn_walk_next(&w, &m, &e)) {
        if (!e || m->type != WN_NODE_ELEMENT)
            continue;
        if (*budget == 0)
            return false;
        (*budget)--;
        if (m->flags & WN_NF_DROP) {
            wn_walk_skip_children(&w);
            continue;
        }
        if (wn_node_is(m, WN_TAG_A)) {
            uint32_t t = wn_stats_of(&cx->stats, m)->text;
            if (t >= CARD_LINK_MIN)
                long_text += t;
            wn_walk_skip_children(&w);
        }
    }
    return long_text * 2 >= s->link;
}

/* Is n a <time> that stands alone (a dateline), not a date inside a
 * sentence: its parent holds little else, or holds blocks beside it? */
static bool
lone_time(wn_score_ctx *cx, const wn_node *n, const wn_stat *s)
{
    if (!wn_node_is(n, WN_TAG_TIME) || s->text == 0 || s->text > 80 || !n->parent)
        return false;
    const wn_stat *ps = wn_stats_of(&cx->stats, n->parent);
    return ps->blocks > 0 || ps->text < s->text + 20;
}

static bool sentence_end(const char *t, size_t len);

/* An English weekday's name or its three letters ("Mon", "Friday")? */
static bool
weekday_word(const char *w, size_t n)
{
    static const char days[] = "monday\0tuesday\0wednesday\0thursday\0friday\0saturday\0sunday";
    if (n < 3)
        return false;
    for (const char *d = days; d < days + sizeof days; d += strlen(d) + 1) {
        size_t dl = strlen(d);
        if ((n == 3 || n == dl) && strncasecmp(w, d, n) == 0)
            return true;
    }
    return false;
}

/* Text a dateline the markup does not name may have (non-blank bytes) */
#define DATELINE_MAX 60
/* Words besides the date's it may have ("Last updated on", "at", "am") */
#define DATELINE_WORDS 4

/* Is the leaf block n a dateline the markup does not name ("Updated on
 * July 9, 2025", "Published: 02/14/2025 10:20")? A short text without
 * links holding a whole date (day, month and year; one year written out in
 * four digits: two dates are a period, an event's or an offer's, and
 * "5/10" a rating), at most DATELINE_WORDS
 * words besides its month's and weekday's, that does not end as a sentence. */
static bool
dateline(const wn_node *n, const wn_stat *s)
{
    if (s->text == 0 || s->text > DATELINE_MAX || s->link ||
        !(wn_node_is(n, WN_TAG_P) || wn_node_is(n, WN_TAG_DIV)))
        return false;
    char buf[DATELINE_MAX * 2 + 8];
    bool full;
    size_t len = block_text(n, buf, sizeof buf, true, false, &full);
    if (full || len == 0 || sentence_end(buf, len))
        return false;
    /* (a digit must be there before a date is parsed) */
    if (!memchr(buf, '0', len) && !memchr(buf, '1', len) && !memchr(buf, '2', len))
        return false;
    unsigned words = 0, years = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)buf[i];
        bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        if (!letter && c < 0x80) {
            /* a number and its letters ("16th") are one token */
            bool digit = c >= '0' && c <= '9';
            if (digit) {
                size_t k = i;
                while (k < len && buf[k] >= '0' && buf[k] <= '9')
                    k++;
                if (k - i == 4 && (memcmp(buf + i, "19", 2) == 0 || memcmp(buf + i, "20", 2) == 0))
                    years++;
                i = k;
            } else {
                i++;
            }
            if (digit)
                while (i < len && ((unsigned char)buf[i] | 0x20) >= 'a' &&
                       ((unsigned char)buf[i] | 0x20) <= 'z')
                    i++;
            continue;
        }
        size_t j = i;
        while (j < len && ((((unsigned char)buf[j] | 0x20) >= 'a' &&
                            ((unsigned char)buf[j] | 0x20) <= 'z') ||
                           (unsigned char)buf[j] >= 0x80))
            j++;
        if (!wn_date_month_word(buf + i, j - i) && !weekday_word(buf + i, j - i) &&
            ++words > DATELINE_WORDS)
            return false;
        i = j;
    }
    /* (one year: two dates are a period, an offer's or an event's) */
    if (years != 1)
        return false;
    char iso[WN_DATE_MAX + 1];
    /* (a day's date, "2025-07-09", not a month's or a year's) */
    return wn_date_parse(buf, len, INT64_MAX / 4, false, iso) >= 10;
}

/* The labels orphan_label found (at most MAX_LABELS a page). */
#define MAX_LABELS 32
typedef struct label_set {
    const wn_node *v[MAX_LABELS];
    size_t n;
    size_t budget; /* nodes holds_kept_text may still read */
} label_set;

static bool
is_label(const label_set *ls, const wn_node *n)
{
    for (size_t i = 0; i < ls->n; i++)
        if (ls->v[i] == n)
            return true;
    return false;
}

/* Does the element hold text the boiler walk kept (outside dropped,
 * boilerplate, headline and byline subtrees)? A label found before counts
 * as kept: a block holding a label and its list is not a list of its own
 * (no label above it is dropped in turn). Once the page's budget is spent,
 * the answer is yes. */
static bool
holds_kept_text(const wn_node *n, label_set *ls)
{
    wn_walk w;
    wn_node *m;
    bool e;
    wn_walk_init(&w, (wn_node *)n);
    while (wn_walk_next(&w, &m, &e)) {
        if (!e)
            continue;
        if (ls->budget == 0)
            return true;
        ls->budget--;
        if (m->type == WN_NODE_TEXT) {
            if (has_nonblank(m->data, m->len))
                return true;
        } else if (m->type == WN_NODE_ELEMENT && ls->n && is_label(ls, m)) {
            return true;
        } else if (m->type == WN_NODE_ELEMENT &&
                   (m->flags & (WN_NF_DROP | WN_NF_BOILER | WN_NF_HEADLINE | WN_NF_BYLINE))) {
            wn_walk_skip_children(&w);
        }
    }
    return false;
}

/* Does the text t[0..len) end a sentence: with . ! ? or their full-width
 * and ideographic forms, but not with an ellipsis ("You may also like...")? */
static bool
sentence_end(const char *t, size_t len)
{
    while (len && (t[len - 1] == ' ' || t[len - 1] == '\n' || t[len - 1] == '\t'))
        len--;
    if (len == 0)
        return false;
    unsigned char c = (unsigned char)t[len - 1];
    if (c == '.')
        return !(len >= 2 && t[len - 2] == '.');
    if (c == '!' || c == '?')
        return true;
    /* U+3002 ideographic full stop, U+FF01 and U+FF1F full-width ! and ? */
    if (len >= 3) {
        const unsigned char *u = (const unsigned char *)t + len - 3;
        if ((u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x82) ||
            (u[0] == 0xEF && u[1] == 0xBC && (u[2] == 0x81 || u[2] == 0x9F)))
            return true;
    }
    return false;
}

/* Nodes read per element that looks for a table of contents */
#define TOC_SCAN_MAX 256

/* Does the element, nothing of which was kept (clean removed it or all it
 * holds: a <nav>), hold a table of contents: 3+ links, four in five of
 * them to a place in the page itself (an href opening with '#' and naming
 * it; not an accordion's toggle, which says what it controls or that it is
 * a button)? Reads at most TOC_SCAN_MAX nodes, from the page's shared budget. */
static bool
removed_toc(const wn_node *n, label_set *ls)
{
    unsigned frag = 0, links = 0, seen = 0;
    wn_walk w;
    wn_node *m;
    bool e;
    wn_walk_init(&w, (wn_node *)n);
    while (wn_walk_next(&w, &m, &e)) {
        if (!e || m->type != WN_NODE_ELEMENT)
            continue;
        if (ls->budget == 0 || ++seen > TOC_SCAN_MAX)
            return false;
        ls->budget--;
        if (!wn_node_is(m, WN_TAG_A))
            continue;
        size_t hl;
        const char *h = wn_node_attr(m, "href", &hl);
        if (!h)
            continue;
        links++;
        /* (an accordion's toggle links to its panel: a button) */
        if (hl > 1 && h[0] == '#' && !wn_node_attr(m, "aria-controls", NULL) &&
            !wn_node_attr(m, "role", NULL))
            frag++;
        wn_walk_skip_children(&w);
    }
    return frag >= 3 && frag * 5 >= links * 4;
}

/* Is the element, which holds no text kept, an icon: a picture or a link? */
static bool
icon(const wn_node *c)
{
    return wn_node_is(c, WN_TAG_IMG) || wn_node_is(c, WN_TAG_SVG) ||
           (wn_node_is(c, WN_TAG_A) && wn_node_attr(c, "href", NULL));
}

/* Text a label above a removed list may have (non-blank bytes) */
#define LABEL_MAX 50

/* The label of a list that was removed: once the walk has left element p,
 * its last children with text are boilerplate (or hold nothing kept), mostly
 * link text (a list of other stories) or other <article>s set aside
 * (teasers with their excerpts), and the child before them
 * is a short block without links ("You may also like", "Don't miss", a
 * heading over the teasers): that label names what is gone. Returns it, or
 * NULL. */
static wn_node *
orphan_label(wn_score_ctx *cx, const wn_node *p, label_set *ls)
{
    if (ls->n == MAX_LABELS)
        return NULL;
    uint64_t run_text = 0, run_link = 0;
    bool teasers = true; /* (the run: other <article>s only, set aside) */
    bool empty_comments = false;
    bool toc = false; /* (a table of contents removed: its title goes) */
    unsigned icons = 0; /* (links and pictures without text: a row of icons) */
    for (wn_node *c = p->last_child; c; c = c->prev) {
        if (c->type == WN_NODE_TEXT) {
            if (has_nonblank(c->data, c->len))
                return NULL;
            continue;
        }
        if (c->type != WN_NODE_ELEMENT)
            continue;
        if (c->flags & WN_NF_DROP) {
            if (icon(c))
                icons++;
            if (!toc && c->first_child)
                toc = removed_toc(c, ls);
            continue;
        }
        const wn_stat *s = wn_stats_of(&cx->stats, c);
        if (s->text == 0) {
            /* an empty comment section (a script fills it: the
             * commenting service's thread) is a removed run too */
            if (c->n_attrs && (wn_doc_token_bits(cx->doc, c) & WN_TOK_COMMENTS) &&
                !(wn_doc_token_bits(cx->doc, c) & WN_TOK_POS))
                empty_comments = true;
            else if (!toc && c->first_child)
                toc = removed_toc(c, ls);
            if (icon(c))
                icons++;
            continue;
        }
        if (c->flags & (WN_NF_HEADLINE | WN_NF_BYLINE | WN_NF_CAPTION) || c->aux == HEADLINE_PATH)
            return NULL;
        if (ls->n && is_label(ls, c))
            return NULL;
        if ((c->flags & WN_NF_BOILER) || !holds_kept_text(c, ls)) {
            run_text += s->text;
            run_link += s->link;
            teasers = teasers && wn_node_is(c, WN_TAG_ARTICLE) && (c->flags & WN_NF_BOILER);
            continue;
        }
        /* the child before the removed run */
        if ((run_text == 0 && !empty_comments && !toc && icons < 3) ||
            (run_text > 0 && run_link * 2 < run_text && !teasers))
            return NULL;
        if (s->text > LABEL_MAX || s->link || s->paras || !(wn_stats_block(c) || is_heading(c)))
            return NULL;
        /* (a sentence is not a label: "Find it in sizes S-XL." above a
         * shop's link; an ellipsis may end one) */
        char buf[LABEL_MAX * 2 + 8];
        bool full;
        size_t len = block_text(c, buf, sizeof buf, false, false, &full);
        if (full || len == 0)
            return NULL;
        if (sentence_end(buf, len))
            return NULL;
        ls->v[ls->n++] = c;
        /* over an empty comment section, a line under a heading (the
         * count a script fills, "<comments-count></comments-count>
         * comments", under "Comments"): the heading names what is gone too */
        if (empty_comments && run_text == 0 && !is_heading(c) && ls->n < MAX_LABELS) {
            wn_node *h = c->prev;
            while (h && h->type == WN_NODE_TEXT && !has_nonblank(h->data, h->len))
                h = h->prev;
            if (h && h->type == WN_NODE_ELEMENT && is_heading(h) &&
                !(h->flags & (WN_NF_DROP | WN_NF_BOILER | WN_NF_HEADLINE)) && h->aux != HEADLINE_PATH) {
                const wn_stat *hs = wn_stats_of(&cx->stats, h);
                len = hs->text && hs->text <= LABEL_MAX && !hs->link
                          ? block_text(h, buf, sizeof buf, false, false, &full)
                          : 0;
                if (len && !full && !sentence_end(buf, len)) {
                    h->flags |= WN_NF_BOILER;
                    ls->v[ls->n++] = h;
                }
            }
        }
        return c;
    }
    return NULL;
}

/* Copies of the story: a responsive layout's variants of one block, a
 * <noscript> fallback repeating the text, each hidden by a style sheet
 * the page does not carry. Blocks holding COPY_MIN_PARAS paragraphs and
 * COPY_MIN_TEXT bytes are compared with up to COPY_SLOTS earlier blocks
 * of the same parent: the same size, paragraphs and links, then the same
 * words (text_hash, at most COPY_MAX_HASHES a page). */
#define COPY_MIN_PARAS 2
#define COPY_MIN_TEXT 200
#define COPY_SLOTS 8
#define COPY_MAX_HASHES 64
typedef struct copy_slots {
    const wn_node *node[COPY_SLOTS];
    uint64_t hash[COPY_SLOTS];
    bool hashed[COPY_SLOTS];
    size_t n;
} copy_slots;

static bool
copy_sized(wn_score_ctx *cx, const wn_node *n)
{
    const wn_stat *s = wn_stats_of(&cx->stats, n);
    return s->paras >= COPY_MIN_PARAS && s->text >= COPY_MIN_TEXT;
}

/* Is the (copy-sized) element n a word-for-word copy of one in *cs? If
 * not, it joins them (while there is room). */
static bool
copy_of_earlier(wn_score_ctx *cx, copy_slots *cs, const wn_node *n, size_t *hashes)
{
    const wn_stat *s = wn_stats_of(&cx->stats, n);
    uint64_t h = 0;
    bool hashed = false;
    for (size_t j = 0; j < cs->n; j++) {
        const wn_stat *o = wn_stats_of(&cx->stats, cs->node[j]);
        if (o->text != s->text || o->paras != s->paras || o->link != s->link)
            continue;
        if (!cs->hashed[j]) {
            if (*hashes == 0)
                return false;
            (*hashes)--;
            size_t k;
            cs->hash[j] = text_hash_skip((wn_node *)cs->node[j], &k, SEEN_SKIP);
            cs->hashed[j] = true;
        }
        if (!hashed) {
            if (*hashes == 0)
                return false;
            (*hashes)--;
            size_t k;
            h = text_hash_skip((wn_node *)n, &k, SEEN_SKIP);
            hashed = true;
        }
        if (h && h == cs->hash[j])
            return true;
    }
    if (cs->n < COPY_SLOTS) {
        cs->node[cs->n] = n;
        cs->hash[cs->n] = h;
        cs->hashed[cs->n] = hashed;
        cs->n++;
    }
    return false;
}

/* On leaving element p: its children that copy an earlier child are
 * BOILER. */
static void
drop_copies(wn_score_ctx *cx, wn_node *p, size_t *hashes)
{
    /* a copy and its original are two children of copy size, whose figures
     * p's own figures sum (those of children set aside before the
     * statistics are zero): a smaller p holds none, and its children need
     * not be read */
    const wn_stat *ps = wn_stats_of(&cx->stats, p);
    if (ps->paras < 2 * COPY_MIN_PARAS || ps->text < 2 * COPY_MIN_TEXT)
        return;
    copy_slots cs;
    cs.n = 0;
    for (wn_node *c = p->first_child; c; c = c->next) {
        if (c->type != WN_NODE_ELEMENT ||
            (c->flags & (WN_NF_DROP | WN_NF_BOILER | WN_NF_HEADLINE)) || c->aux == HEADLINE_PATH ||
            !copy_sized(cx, c))
            continue;
        if (copy_of_earlier(cx, &cs, c, hashes))
            c->flags |= WN_NF_BOILER;
    }
}

/* Is the <header> n a section's title: a short one
 * holding a subheading (h2..h6) among its first SECTION_TITLE_NODES
 * nodes? */
#define SECTION_TITLE_NODES 16
static bool
section_title(const wn_node *n, const wn_stat *s)
{
    if (s->text >= 200)
        return false;
    size_t steps = 0;
    wn_walk w;
    wn_node *m;
    bool e;
    wn_walk_init(&w, (wn_node *)n);
    while (wn_walk_next(&w, &m, &e) && steps++ < SECTION_TITLE_NODES) {
        if (!e || m == n || m->type != WN_NODE_ELEMENT)
            continue;
        if (m->flags & WN_NF_DROP) {
            wn_walk_skip_children(&w);
            continue;
        }
        if (is_heading(m) && !wn_node_is(m, WN_TAG_H1))
            return true;
    }
    return false;
}

/* A note on the author closing an article ("Email Jane Doe at ... or
 * follow her", "Jane Doe is the editor of ..."): a leaf block (or a box of
 * at most two paragraphs: a name, a title, a line of biography) of
 * AUTHOR_NOTE_MIN to AUTHOR_NOTE_MAX bytes (a shorter line naming the
 * author is names_author's, or a sentence of the article's) that holds the name of the page's first author (a
 * person's name as names_author judges it), with little of the article's
 * text after it (at most AUTHOR_NOTE_AFTER bytes and a tenth of it). The
 * calls of a page read at most twice its nodes (nested boxes); only the
 * blocks near the end are read, after the walk. */
#define AUTHOR_NOTE_MIN 60
#define AUTHOR_NOTE_MAX 400
/* A longer block (a paragraph of biography) is a note when it opens with
 * the name ("Jane Doe is a freelance writer ..."), up to this size */
#define AUTHOR_BIO_MAX 800
#define AUTHOR_NOTE_AFTER 300
#define AUTHOR_NOTES 8
#define NOTE_CANDS 64 /* blocks that may be notes, remembered in the walk */
/* The ASCII letters and digits of s[0..n), lower-cased, into buf (at most
 * cap bytes); other bytes left out. */
static size_t
alnum_key(const char *s, size_t n, char *buf, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            buf[k++] = (char)(c + 32);
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            buf[k++] = (char)c;
    }
    return k;
}

static bool
key_in(const char *key, size_t kl, const char *hay, size_t hl)
{
    for (size_t i = 0; kl && i + kl <= hl; i++)
        if (memcmp(hay + i, key, kl) == 0)
            return true;
    return false;
}

/* Is the page's first author the site itself (an organisation writing on
 * its own pages, named in their sentences): its letters and digits within
 * the site's name or the URL's host ("Acme Bank" on acmebank.com)? */
static bool
author_is_site(const wn_metadata *meta)
{
    char key[128], hay[256];
    const wn_str *a = &meta->authors[0];
    size_t kl = alnum_key(a->ptr, a->len, key, sizeof key);
    if (kl < 3 || kl == sizeof key)
        return false;
    if (meta->site_name.len &&
        key_in(key, kl, hay, alnum_key(meta->site_name.ptr, meta->site_name.len, hay, sizeof hay)))
        return true;
    const char *u = meta->url.ptr;
    size_t ul = meta->url.len;
    if (!u || !ul)
        return false;
    const char *h = memchr(u, '/', ul);
    if (!h || h + 1 >= u + ul || h[1] != '/')
        return false;
    h += 2;
    size_t hl = 0;
    while (h + hl < u + ul && h[hl] != '/' && h[hl] != ':' && h[hl] != '?' && h[hl] != '#')
        hl++;
    return key_in(key, kl, hay, alnum_key(h, hl, hay, sizeof hay));
}

/* The page's first author when notes on the author are looked for: a
 * person's name as far as it shows (several words, or a script written
 * without spaces), not the site itself; else NULL. */
static const wn_str *
note_author(const wn_metadata *meta)
{
    if (!meta || !meta->n_authors || meta->authors[0].len < 4)
        return NULL;
    const wn_str *a = &meta->authors[0];
    if (!memchr(a->ptr, ' ', a->len) && !(a->ptr[0] & 0x80))
        return NULL;
    return author_is_site(meta) ? NULL : a;
}

/* Does the block n (AUTHOR_NOTE_MIN to AUTHOR_NOTE_MAX bytes of text) name
 * author a? */
static bool
holds_author(const wn_node *n, const wn_str *a, bool opening, size_t *budget)
{
    char buf[AUTHOR_NOTE_MAX * 2 + 64];
    /* most blocks do not name her: the longest word of the name is looked
     * for in the texts first, taking the nodes from the budget as reading
     * the text would */
    size_t wl;
    const char *w = name_word(a, &wl);
    size_t before = *budget;
    int held = wl ? text_holds(n, w, wl, sizeof buf, budget) : -1;
    if (held == 0)
        return false;
    *budget = before; /* (read again, for the name itself) */
    bool full;
    size_t len = block_text_budget(n, buf, sizeof buf, true, false, &full, budget);
    if (full && *budget == 0)
        return false;
    if (opening) /* (a biography opens with the name) */
        return len >= a->len && memcmp(buf, a->ptr, a->len) == 0;
    for (size_t i = 0; i + a->len <= len; i++)
        if (buf[i] == a->ptr[0] && memcmp(buf + i, a->ptr, a->len) == 0)
            return true;
    return false;
}

/* n's one child, a text: its bytes without the blanks at either end in
 * [*p, *end). */
static bool
lone_text(const wn_node *n, const char **p, const char **end)
{
    const wn_node *t = n->first_child;
    if (!t || t->next || t->type != WN_NODE_TEXT)
        return false;
    const char *a = t->data, *b = t->data + t->len;
    while (a < b && (*a == ' ' || *a == '\t' || *a == '\n' || *a == '\r'))
        a++;
    while (b > a && (b[-1] == ' ' || b[-1] == '\t' || b[-1] == '\n' || b[-1] == '\r'))
        b--;
    *p = a;
    *end = b;
    return true;
}

/* Is the whole text of n a UUID (8-4-4-4-12 hexadecimal digits), alone in
 * one text child? Scripts write them as keys; as an element's whole text
 * they are machine text, as when a listing's "Sponsored" label is spelt out
 * one letter at a time between spans of UUIDs that its style sheet hides. */
static bool
uuid_only(const wn_node *n, const wn_stat *s)
{
    if (s->text != 36 || s->link != 0)
        return false;
    const char *p, *end;
    if (!lone_text(n, &p, &end))
        return false;
    if (end - p != 36)
        return false;
    for (int i = 0; i < 36; i++) {
        char ch = p[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (ch != '-')
                return false;
        } else if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'))) {
            return false;
        }
    }
    return true;
}

/* Is the block n a card of facts as rows "Label: value", each its own
 * block (a poster's "Join Date: Aug 2008", "Location: Lisbon", "Posts:
 * 1,077" as <div>s: the user card a <dl> is elsewhere)? Two rows at least,
 * every child block with text one, a label of at most FACT_LABEL_MAX bytes
 * opening with a letter, a value of a few words; no text between the rows,
 * no link. */
#define FACT_LABEL_MAX 24
#define FACT_ROW_MAX 48
static bool
fact_rows(wn_score_ctx *cx, const wn_node *n, const wn_stat *s)
{
    if (s->blocks < 2 || s->loose > 2 || s->text < 8)
        return false;
    unsigned rows = 0;
    size_t budget = 256; /* nodes read, for all the rows */
    for (const wn_node *c = n->first_child; c; c = c->next) {
        if (c->type != WN_NODE_ELEMENT || !wn_stats_block(c))
            continue;
        uint32_t t = wn_stats_of(&cx->stats, c)->text;
        if (t == 0)
            continue;
        if (t > FACT_ROW_MAX)
            return false;
        char buf[FACT_ROW_MAX + 8];
        bool full;
        size_t len = block_text_budget(c, buf, sizeof buf, true, false, &full, &budget);
        if (full || len > FACT_ROW_MAX || !len)
            return false;
        unsigned char c0 = (unsigned char)buf[0];
        if (!((c0 | 32) >= 'a' && (c0 | 32) <= 'z') && c0 < 0x80)
            return false;
        size_t colon = 0;
        while (colon < len && colon <= FACT_LABEL_MAX && buf[colon] != ':')
            colon++;
        if (colon >= len || colon > FACT_LABEL_MAX || colon + 1 >= len)
            return false;
        size_t v = colon + 1;
        while (v < len && buf[v] == ' ')
            v++;
        if (v >= len)
            return false;
        rows++;
    }
    return rows >= 2;
}

/* Is the whole text of n, alone in one text child, a template's placeholder
 * left unrendered: "{{ ... }}" (a client-side template's binding, an
 * alert's "{{ form.errors[12].message }}" that the script fills or hides;
 * a shortcode the site's engine did not expand)? Not a code sample's. */
static bool
placeholder_only(const wn_node *n, const wn_stat *s)
{
    if (s->text < 5 || s->text > 200 || s->link != 0)
        return false;
    const char *p, *end;
    if (!lone_text(n, &p, &end))
        return false;
    if (end - p < 5 || p[0] != '{' || p[1] != '{' || end[-1] != '}' || end[-2] != '}')
        return false;
    for (const char *q = p + 2; q + 1 < end - 2; q++) /* one placeholder, not a run of them */
        if ((q[0] == '}' && q[1] == '}') || (q[0] == '{' && q[1] == '{'))
            return false;
    return true;
}

void
wn_boiler_mark(wn_score_ctx *cx, wn_content *c)
{
    bool article = cx->page_type == WN_PAGE_ARTICLE;
    bool listing = cx->page_type == WN_PAGE_LISTING || cx->page_type == WN_PAGE_COLLECTION;
    bool precision = (cx->flags & WN_OPT_PRECISION) != 0;
    bool recall = (cx->flags & WN_OPT_RECALL) != 0;
    size_t link_budget = 2 * (size_t)cx->doc->dom->node_count + 1; /* card_links', for the page */
    bool headline_early;
    wn_node *headline = find_headline(cx, c, &headline_early);
    if (headline) {
        /* (a landing page's <h1> is its claim, the first line of its
         * text: "Payments for every business"; both benchmarks keep it
         * there; a product's name opens its card, and is kept with it
         * more often than not) */
        if (c->page_type != WN_PAGE_SERVICE && c->page_type != WN_PAGE_PRODUCT)
            headline->flags |= WN_NF_HEADLINE;
        c->headline = headline;
        /* a content root that is the headline itself (taken in beside the
         * story) is left out as the headline inside a root is: the
         * renderers print a root whatever its flags */
        if ((headline->flags & WN_NF_HEADLINE) && c->n_roots > 1) {
            size_t kept = 0;
            for (size_t i = 0; i < c->n_roots; i++)
                if (c->roots[i] != headline)
                    c->roots[kept++] = c->roots[i];
                else
                    headline->flags &= ~(uint32_t)WN_NF_CONTENT;
            c->n_roots = kept;
        }
    }
    /* the headline's ancestors carry aux == HEADLINE_PATH, so that skipping
     * any of them also passes the headline */
    if (headline)
        for (wn_node *a = headline; a; a = a->parent)
            a->aux = HEADLINE_PATH;
    bool dedupe_blocks = !article && cx->page_type != WN_PAGE_DOCUMENTATION;
    bool small_drop = article || cx->page_type == WN_PAGE_FORUM;
    /* a service page with no author and no date in its metadata: a landing
     * page, whose byline words name no byline */
    bool authorless = cx->page_type == WN_PAGE_SERVICE &&
                      !(cx->meta && (cx->meta->n_authors || cx->meta->date_published.len));
    const wn_node *offsite_kept = NULL; /* the last list kept for its links elsewhere */
    bool hero_page = c->page_type == WN_PAGE_SERVICE || c->page_type == WN_PAGE_DOCUMENTATION;
    seen_set seen;
    seen.n = seen.n_box = 0;
    memset(seen.sizes, 0, sizeof seen.sizes);
    hash_memo memo = {NULL, 0, 0};
    uint64_t caption_text = 0, kept_text = 0; /* (kept_text: of the leaf blocks kept) */
    uint64_t loose_text = 0; /* (of the other blocks kept, outside their blocks) */
    bool past_headline = false; /* (the walk has passed the headline) */
    bool product_cut = cx->page_type == WN_PAGE_PRODUCT && !recall;
    size_t card_budget = 2 * (size_t)cx->doc->dom->node_count + 1; /* is_card's, for the page */
    size_t tag_budget = 2 * (size_t)cx->doc->dom->node_count + 1;  /* tag_list's */
    /* a content root that copies an earlier one (a <noscript> copy of
     * the story joined as its sibling) is no content */
    size_t copy_hashes = COPY_MAX_HASHES;
    {
        copy_slots cs;
        cs.n = 0;
        size_t kept = 0;
        for (size_t i = 0; i < c->n_roots; i++) {
            wn_node *r = c->roots[i];
            if (r->aux != HEADLINE_PATH && copy_sized(cx, r) &&
                copy_of_earlier(cx, &cs, r, &copy_hashes)) {
                r->flags &= ~(uint32_t)WN_NF_CONTENT;
                continue;
            }
            c->roots[kept++] = r;
        }
        c->n_roots = kept;
    }
    /* blocks that may be notes on the author, the last NOTE_CANDS of them,
     * with the kept text before each: only those near the end are read */
    const wn_str *author = article ? note_author(cx->meta) : NULL;
    wn_node *cands[NOTE_CANDS];
    uint64_t cand_before[NOTE_CANDS];
    size_t n_cands = 0;
    size_t note_budget = 2 * (size_t)cx->doc->dom->node_count + 1; /* holds_author's, for the page */
    label_set labels;
    labels.n = 0;
    labels.budget = 2 * (size_t)cx->doc->dom->node_count + 1;
    /* the root holding the most text is the story: blocks inside the
     * others (taken in beside it) are weighed against it */
    wn_node *main_root = NULL;
    for (size_t i = 0; i < c->n_roots; i++)
        if (!main_root || wn_stats_of(&cx->stats, c->roots[i])->text >
                              wn_stats_of(&cx->stats, main_root)->text)
            main_root = c->roots[i];
    for (size_t i = 0; i < c->n_roots; i++) {
        wn_node *root = c->roots[i];
        /* (the blocks above a headline that opens the content: a headline
         * matched further down is no reason to drop what precedes it) */
        bool before_headline = headline && headline_early && article &&
                               root->aux == HEADLINE_PATH;
        uint32_t kicker_text = 0;
        const wn_stat *rs = wn_stats_of(&cx->stats, root);
        loose_text += rs->loose;
        const wn_stat *ms = wn_stats_of(&cx->stats, main_root);
        double root_good = (double)(ms->text - ms->link);
        /* a forum's comment thread being walked (the root's own, if it is one) */
        const wn_node *in_thread = NULL;
        /* a data table being walked: its rows' links are its data */
        const wn_node *in_table = NULL;
        /* on a service page, a banner or header holding the headline is
         * the page's hero (its claim, its pitch, a quote; a reference
         * page's title and summary): it stays, with what it holds (its
         * own "header__title", "banner_quote") */
        const wn_node *in_hero = NULL;
        /* inside a <pre> or a <code>, class names are a highlighter's
         * (token comment, hljs-meta): not the page's words */
        const wn_node *in_code = NULL;
        /* an element inside a link is judged with its link: a sentence's
         * linked words (<a><code><span>info()</span></code></a>) are all
         * link, and no menu */
        const wn_node *in_link = NULL;
        if (cx->page_type == WN_PAGE_FORUM)
            for (const wn_node *a = root; a && a->type == WN_NODE_ELEMENT && !in_thread; a = a->parent)
                if (wn_doc_token_bits(cx->doc, a) & WN_TOK_COMMENTS)
                    in_thread = root;
        wn_walk w;
        wn_node *n;
        bool e;
        wn_walk_init(&w, root);
        while (wn_walk_next(&w, &n, &e)) {
            if (n->type != WN_NODE_ELEMENT)
                continue;
            if (!e) {
                if (n == in_thread)
                    in_thread = NULL;
                if (n == in_table)
                    in_table = NULL;
                if (n == in_hero)
                    in_hero = NULL;
                if (n == in_code)
                    in_code = NULL;
                if (n == in_link)
                    in_link = NULL;
                /* on an article, the label of a list of other stories
                 * removed at the end of a block ("You may also like") */
                /* copies of a block beside it (responsive variants) */
                if (n->last_child && copy_hashes)
                    drop_copies(cx, n, &copy_hashes);
                if (article && n->last_child) {
                    wn_node *label = orphan_label(cx, n, &labels);
                    if (label)
                        label->flags |= WN_NF_BOILER;
                }
                /* a caption's words are remembered when it is left, so that
                 * its own nested parts are not taken for copies of it */
                /* and on pages made of repeated components (forum quotes,
                 * product variants, responsive copies) so are its longer
                 * blocks, and its boxes of blocks (a spec list whose lines
                 * are each too short to compare); articles and
                 * documentation may repeat on purpose */
                const wn_stat *xs = wn_stats_of(&cx->stats, n);
                bool xleaf = dedupe_blocks && wn_stats_block(n) && xs->text < 600;
                /* (a product page repeats its short lines too: a spec
                 * row, a selling point, in each layout's copy) */
                if (((n->flags & WN_NF_CAPTION) || xleaf) && xs->text) {
                    /* (a product's name, its headline kept in the text,
                     * appears once too: a sticky buy bar's copy goes) */
                    size_t min = ((n->flags & WN_NF_CAPTION) || n == headline) ? 8u
                                 : cx->page_type == WN_PAGE_PRODUCT ? DEDUPE_MIN_PRODUCT
                                                                    : DEDUPE_MIN;
                    /* (a leaf block or a caption is hashed now; a box
                     * when a block of its size is compared with it, and
                     * not when it only wraps the block just remembered) */
                    if (xs->blocks == 0 || (n->flags & WN_NF_CAPTION)) {
                        size_t k;
                        uint64_t h = text_hash_memo(&memo, n, &k);
                        if (h && k >= min && seen.n < MAX_SEEN)
                            seen.hash[seen.n++] = h;
                    } else if (xs->text >= min && seen.n_box < MAX_SEEN &&
                               !(seen.n_box && seen.box[seen.n_box - 1].size == xs->text &&
                                 seen.box[seen.n_box - 1].node->parent == n)) {
                        seen.box[seen.n_box++] = (seen_box){n, xs->text, (uint8_t)min};
                        seen.sizes[(xs->text % SEEN_SIZE_BITS) / 64] |= UINT64_C(1)
                                                                         << (xs->text % 64);
                    }
                }
                continue;
            }
            if (n->aux == HEADLINE_PATH && (n->flags & (WN_NF_DROP | WN_NF_HEADLINE)))
                before_headline = false;
            if (n == headline)
                past_headline = true;
            if (n->flags & (WN_NF_DROP | WN_NF_HEADLINE)) {
                wn_walk_skip_children(&w);
                continue;
            }
            if (n == root)
                continue;
            const wn_stat *s = wn_stats_of(&cx->stats, n);
            uint32_t bits = in_code ? 0 : wn_doc_token_bits(cx->doc, n);
            double ld = wn_stat_link_density(s);
            bool pos = (bits & WN_TOK_POS) != 0;
            /* a block holding most of the content's prose is never
             * boilerplate, in any mode (precision mode emptied pages) */
            bool protect = (!precision && ((s->paras >= 3 && s->text >= 1500) ||
                                           (double)(s->text - s->link) >= 0.4 * root_good ||
                                           (listing && (double)s->text >= 0.4 * (double)rs->text))) ||
                           (precision && (double)(s->text - s->link) >= 0.6 * root_good);
            bool boiler = false;
            /* on a forum, never-content words (a poster's menu of facts)
             * on a block without a paragraph: its size is no guard, as a
             * thread of short posts can weigh less than one poster's card */
            bool forum_drop = cx->page_type == WN_PAGE_FORUM && (bits & WN_TOK_DROP) &&
                              s->paras == 0 && n->aux != HEADLINE_PATH;
            /* on a forum, a NEG word beside a POS word on a small block of
             * at most one paragraph names a part of the post (a post's
             * signature, its user card), not the post; a post called a
             * comment is not one (comment_text, ipsComment_content) */
            bool forum_small_neg = cx->page_type == WN_PAGE_FORUM && pos &&
                                   (bits & WN_TOK_NEG) && !(bits & WN_TOK_COMMENTS) &&
                                   s->paras <= 1 && s->text < FORUM_PART_MAX &&
                                   n->aux != HEADLINE_PATH;
            /* a data table's class may say "sticky-header"; its links are
             * its data */
            bool dtable = !in_table && wn_node_is(n, WN_TAG_TABLE) && wn_data_table(n);
            if (dtable)
                in_table = n;
            bool hero_ok = hero_page && (bits & WN_TOK_NEG) && !(bits & WN_TOK_DROP) &&
                           (in_hero || n->aux == HEADLINE_PATH);
            if ((bits & WN_TOK_COMMENTS) && !pos && cx->page_type != WN_PAGE_FORUM)
                boiler = true;
            else if ((bits & WN_TOK_COMMENTS) && !pos) {
                /* a forum's posts may be called comments (their words are
                 * NEG too): a comment section holding the thread (40% of
                 * the content's prose, or the content root's own) is
                 * content with all the replies nested in it; a smaller one
                 * (remarks under one answer) is not, however long */
                if (in_thread || (double)(s->text - s->link) >= 0.4 * root_good ||
                    (recall && s->paras > 0)) {
                    if (!in_thread)
                        in_thread = n;
                } else {
                    boiler = true;
                }
            } else if ((bits & (WN_TOK_NEG | WN_TOK_DROP)) &&
                       (!pos || (small_drop && (bits & WN_TOK_DROP) && s->paras == 0 &&
                                 s->text < 200) ||
                        forum_small_neg) && !dtable &&
                       (!protect || (product_cut && after_product(cx, root, n, past_headline)) ||
                        forum_drop) &&
                       !(n->flags & WN_NF_REPEATED) &&
                       !hero_ok &&
                       !(recall && s->paras > 0) && !((bits & WN_TOK_DROP) && wn_holds_quote(n)))
                boiler = true;
            else if (wn_node_is(n, WN_TAG_FOOTER) &&
                     (s->paras < 3 || (!article && !recall && past_headline)))
                /* (off an article, a footer after the headline is the
                 * site's, whatever it holds: a store's testimonials) */
                boiler = true;
            else if (!article && !recall && page_footer(n) &&
                     text_before(cx, root, n, CARD_REST_MIN))
                /* (off an article, the page's own footer after the
                 * content is the site's small print, however long) */
                boiler = true;
            else if (cx->page_type == WN_PAGE_FORUM && !pos && !protect && n->n_attrs &&
                     names_notice(n))
                boiler = true;
            /* a forum post's user card: a definition list of short
             * facts about the poster (posts, join date, location) */
            else if (cx->page_type == WN_PAGE_FORUM && wn_node_is(n, WN_TAG_DL) && s->paras == 0 &&
                     s->text < 200)
                boiler = true;
            /* (the same card as rows "Label: value" in <div>s) */
            else if (cx->page_type == WN_PAGE_FORUM && s->paras == 0 && s->text < 200 &&
                     s->link == 0 && s->blocks >= 2 && n->aux != HEADLINE_PATH && !in_code &&
                     fact_rows(cx, n, s))
                boiler = true;
            /* a post's subject repeating the thread's title ("Re: ...") */
            else if (cx->page_type == WN_PAGE_FORUM && n != headline && s->paras == 0 &&
                     s->text < 400 && is_heading(n) && reply_subject(n, cx->meta))
                boiler = true;
            else if (article && !protect && s->paras <= 1 && wn_node_is(n, WN_TAG_ARTICLE) &&
                     in_article(n)) /* (a listicle's items hold several paragraphs) */
                boiler = true;
            else if (article && !protect && s->paras == 0 && s->link > 0 &&
                     (wn_node_is(n, WN_TAG_UL) || wn_node_is(n, WN_TAG_OL)) && teaser_list(cx, n))
                boiler = true;
            else if (wn_node_is(n, WN_TAG_HEADER) && article && /* (the headline's: its dek) */
                     (s->paras == 0 || (n->aux == HEADLINE_PATH && s->paras <= 1)) &&
                     !(n->aux != HEADLINE_PATH && !before_headline && section_title(n, s)))
                boiler = true;
            else if (!listing && !in_table && s->text > 0 && !in_link && is_list_like(n) &&
                     (is_list(n) ? s->paras < 3 : s->paras == 0) &&
                     !(wn_node_is(n, WN_TAG_SPAN) && in_sentence(cx, n)) &&
                     (article || (double)s->text < 0.4 * (double)rs->text)) {
                /* (off a non-article page's main list: its items are links) */
                /* a link-dense list may carry teaser paragraphs; any other
                 * block holding a real paragraph is not boilerplate */
                double lim = cx->link_max;
                if (wn_node_is(n, WN_TAG_P) || wn_node_is(n, WN_TAG_SPAN))
                    lim = lim + 0.3 > 0.95 ? 0.95 : lim + 0.3;
                /* an item is judged with its list: a list kept for its
                 * prose keeps its items that open with a link (a digest's
                 * "headline link. Summary." items) */
                /* on a service page, cards made whole links (a heading and
                 * a description in one link) are the page's modules, not
                 * a menu */
                /* on an article, a list pointing to other sites is the
                 * story's references, with its items */
                if (ld > lim && !(wn_node_is(n, WN_TAG_LI) && n->parent &&
                                  (wn_stat_link_density(wn_stats_of(&cx->stats, n->parent)) <= lim ||
                                   n->parent == offsite_kept)) &&
                    !(cx->page_type == WN_PAGE_SERVICE && card_links(cx, n, s, &link_budget))) {
                    if (article && (wn_node_is(n, WN_TAG_UL) || wn_node_is(n, WN_TAG_OL)) &&
                        offsite_list(cx, n))
                        offsite_kept = n;
                    else
                        boiler = true;
                }
            }
            /* bylines and datelines: by class/id (on articles also when
             * the name says "post"/"story" too: post-date, storyDate), by
             * <address>, by the microdata of the date and author */
            /* (off articles, not by class words for a block holding a
             * heading: a module's title over its line, `meta-block`; and
             * not at all on a service page whose metadata names no author
             * and no date: its `meta`, `date` and `author` blocks are its
             * modules, an event's date, a quote's author; nor on a listing,
             * a feed or a blog's index, whose entries keep their author
             * lines: on a collection, a category's cards, they go) */
            bool byline = cx->page_type != WN_PAGE_LISTING && s->paras == 0 && s->text < 200 &&
                          (((bits & WN_TOK_BYLINE) && (!pos || article) &&
                            !authorless && (article || !holds_heading(n))) ||
                           wn_node_is(n, WN_TAG_ADDRESS) || (n->n_attrs && itemprop_byline(n)));
            if (n->aux == HEADLINE_PATH && (boiler || byline))
                before_headline = false;
            if (hero_ok && !in_hero && !protect)
                in_hero = n;
            /* (the tags go to the metadata) */
            if (!boiler && !protect && tag_list(cx, n, s, &tag_budget))
                boiler = true;
            /* a UUID or an unrendered template placeholder as an
             * element's whole text (not a code sample's) */
            if (!boiler && !in_code && !wn_node_is(n, WN_TAG_CODE) && !wn_node_is(n, WN_TAG_PRE) &&
                (uuid_only(n, s) || placeholder_only(n, s)))
                boiler = true;
            if (boiler) {
                n->flags |= WN_NF_BOILER;
                wn_walk_skip_children(&w);
                continue;
            }
            if (byline) {
                n->flags |= WN_NF_BYLINE;
                wn_walk_skip_children(&w);
                continue;
            }
            bool leaf = s->blocks == 0 && (wn_stats_block(n) || is_heading(n));
            /* on an article, a dateline and a byline the markup does not
             * name: a <time> standing alone, a short block naming the
             * author; on a list page, an item's <time> standing alone (its
             * date, "5 hours ago": the item's metadata, as its byline's
             * words are not read there) */
            if ((article && s->paras == 0 &&
                 (lone_time(cx, n, s) || (leaf && dateline(n, s)) ||
                  (leaf && s->text < 200 && !is_heading(n) && names_author(n, s, cx->meta)))) ||
                (listing && lone_time(cx, n, s))) {
                n->flags |= WN_NF_BYLINE;
                wn_walk_skip_children(&w);
                continue;
            }
            /* a script's status message (on listings: the result count) */
            if (!listing && n->n_attrs && s->paras == 0 && s->text < 200 && live_region(n)) {
                n->flags |= WN_NF_BOILER;
                wn_walk_skip_children(&w);
                continue;
            }
            /* a dialog laid over the page */
            if (!protect && n->n_attrs && viewport_overlay(n)) {
                n->flags |= WN_NF_BOILER;
                wn_walk_skip_children(&w);
                continue;
            }
            /* off articles, a copyright notice (a product's publisher's,
             * the site's) is small print, not the page */
            if (!article && leaf && s->text < 1200 && copyright_line(n)) {
                n->flags |= WN_NF_BOILER;
                wn_walk_skip_children(&w);
                continue;
            }
            /* on an article, an ad slot's label left in the text (any
             * element whose whole text it is: the slot's image may sit in
             * a <noscript> beside it) */
            if (article && !pos && s->paras == 0 && ad_label(n, s)) {
                n->flags |= WN_NF_BOILER;
                wn_walk_skip_children(&w);
                continue;
            }
            /* on a product page, customer reviews are not the product,
             * however long once they follow the headline (a wrapper
             * holding the headline is the page) */
            /* and neither is the small print under its claims */
            if (cx->page_type == WN_PAGE_PRODUCT && !pos && !recall && n->n_attrs &&
                names_reviews_or_fine_print(n) &&
                (!protect || after_product(cx, root, n, past_headline))) {
                n->flags |= WN_NF_BOILER;
                wn_walk_skip_children(&w);
                continue;
            }
            /* nor is a grid of other products' cards */
            if (cx->page_type == WN_PAGE_PRODUCT && !leaf && !pos && !recall &&
                card_grid(cx, n, s, &card_budget) &&
                (in_carousel(root, n) || text_before(cx, root, n, CARD_REST_MIN))) {
                n->flags |= WN_NF_BOILER;
                wn_walk_skip_children(&w);
                /* its wrappers go with it while they add only a heading
                 * ("Related products") and carousel buttons (the walk
                 * goes on inside them: what is left there is flagged
                 * with them) */
                for (wn_node *a = n->parent;
                     a && a != root && a->type == WN_NODE_ELEMENT && a->aux != HEADLINE_PATH &&
                     wn_stats_of(&cx->stats, a)->text <= s->text + CARD_HEADING_MAX;
                     a = a->parent)
                    a->flags |= WN_NF_BOILER;
                continue;
            }
            /* a product's description is its content; price tags, currency
             * pickers and stock counters are widgets */
            /* (and a short line with digits and no letter: a count, a
             * rating, a quantity, a slide's "1 / 4"; not a table's cell,
             * a specification's value) */
            if (cx->page_type == WN_PAGE_PRODUCT && leaf && s->text < 40 &&
                (is_price(n) ||
                 (!wn_node_is(n, WN_TAG_TD) && !wn_node_is(n, WN_TAG_TH) && no_letters(n)))) {
                n->flags |= WN_NF_BOILER;
                wn_walk_skip_children(&w);
                continue;
            }
            /* (and a short link standing alone between blocks, its
             * parent's only loose text: "View full details", "See all
             * FAQs"; not one holding a heading, an accordion's question) */
            if (cx->page_type == WN_PAGE_PRODUCT && wn_node_is(n, WN_TAG_A) && s->text &&
                s->text < 40 && s->blocks == 0 && n->parent && n->aux != HEADLINE_PATH &&
                wn_stats_of(&cx->stats, n->parent)->blocks > 0 &&
                wn_stats_of(&cx->stats, n->parent)->loose == s->text) {
                n->flags |= WN_NF_BOILER;
                wn_walk_skip_children(&w);
                continue;
            }
            /* (not the headline's own ancestors: a short wrapper of the
             * headline whose children are not blocks) */
            if (before_headline && leaf && s->text < 150 && n->aux != HEADLINE_PATH) {
                n->flags |= WN_NF_BOILER;
                wn_walk_skip_children(&w);
                /* a kicker, a breadcrumb, a section label: a few short
                 * lines; more text than that is the page, whatever the
                 * headline's place in the markup */
                kicker_text += s->text;
                if (kicker_text >= KICKER_MAX)
                    before_headline = false;
                continue;
            }
            bool caption = wn_node_is(n, WN_TAG_FIGCAPTION) ||
                           ((bits & WN_TOK_CAPTION) && s->paras <= 1 && s->text < 600) ||
                           (article && s->blocks == 0 && s->text <= 300 &&
                            (!wn_stats_block(n) || wn_node_is(n, WN_TAG_P)) &&
                            s->link * 2 < s->text && n->prev && repeats_alt(n));
            if (caption)
                n->flags |= WN_NF_CAPTION;
            /* a caption's text appears once: later copies (lightboxes,
             * responsive duplicates) are boilerplate */
            /* (and a box of short blocks repeating an earlier one whole:
             * judged as the walk enters it, before its lines) */
            bool box = dedupe_blocks && s->blocks > 0 && wn_stats_block(n);
            /* (nothing seen: no copy) */
            /* (on a product page, a short line is a copy too, but not in
             * a card: a value that items of a grid share, "Up to 43 in") */
            if ((caption || leaf || box) && s->text < 600 && (seen.n || seen.n_box) &&
                copy_seen(&seen, n, s->text, box && !caption && !leaf, &memo) &&
                !(cx->page_type == WN_PAGE_PRODUCT && memo.node == n &&
                  memo.chars < DEDUPE_MIN_SHORT && in_card(cx, root, n, &card_budget))) {
                n->flags |= WN_NF_BOILER;
                wn_walk_skip_children(&w);
                continue;
            }
            /* (the outermost caption's text, copies left out) */
            if (caption && !(n->parent && (n->parent->flags & WN_NF_CAPTION)))
                caption_text += s->text;
            /* (a leaf block, or a box of a few: a name, a title, a line
             * of biography; the last AUTHOR_NOTES are remembered) */
            if (author && s->text >= AUTHOR_NOTE_MIN && s->text <= AUTHOR_BIO_MAX &&
                !is_heading(n) && (leaf || (s->paras <= 2 && n->aux != HEADLINE_PATH))) {
                cands[n_cands % NOTE_CANDS] = n;
                cand_before[n_cands % NOTE_CANDS] = kept_text;
                n_cands++;
            }
            if (leaf)
                kept_text += s->text;
            else if (wn_stats_block(n))
                loose_text += s->loose; /* (lines between its blocks: <br>-separated text) */
            if (!in_code && (wn_node_is(n, WN_TAG_PRE) || wn_node_is(n, WN_TAG_CODE)))
                in_code = n;
            if (!in_link && wn_node_is(n, WN_TAG_A))
                in_link = n;
        }
    }
    /* notes on the author at the article's end, the last first */
    /* (a box's own text holds its notes': what follows it may come out
     * below zero) */
    int64_t tail = (int64_t)kept_text;
    size_t n_notes = 0;
    for (size_t k = 0; k < n_cands && k < NOTE_CANDS && n_notes < AUTHOR_NOTES; k++) {
        size_t i = (n_cands - 1 - k) % NOTE_CANDS;
        /* (a block this far from the end, or any before it, however long,
         * has too much text after it) */
        if (tail - (int64_t)cand_before[i] - AUTHOR_BIO_MAX > AUTHOR_NOTE_AFTER)
            break;
        int64_t own = (int64_t)wn_stats_of(&cx->stats, cands[i])->text;
        if (!note_budget ||
            !holds_author(cands[i], author, own > AUTHOR_NOTE_MAX, &note_budget))
            continue;
        n_notes++;
        int64_t after = tail - (int64_t)cand_before[i] - own;
        if (after > AUTHOR_NOTE_AFTER || after * 10 > (int64_t)kept_text)
            break;
        cands[i]->flags |= WN_NF_BOILER;
        tail = (int64_t)cand_before[i];
    }
    /* an article's captions describe pictures that plain text does not
     * show; a photo story made mostly of captions keeps them */
    c->captions_aside = article && caption_text * 2 < kept_text + loose_text;
    if (headline)
        for (wn_node *a = headline; a; a = a->parent)
            a->aux = 0;
}
