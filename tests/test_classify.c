/* test_classify.c - the page-type features (src/score/classify.c) on small
 * hand-written pages: class/id words, phrases, prices, dates, URL words,
 * schema.org types, card groups. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "clean/clean.h"
#include "pipeline.h"
#include "score/class_words.h"
#include "score/classify.h"
#include "util/swar.h"
#include "winnow.h"

static void
features(const char *html, const char *url, double f[WN_FEAT__COUNT])
{
    wn_doc *doc = NULL;
    wn_error err;
    memset(f, 0, sizeof(double) * WN_FEAT__COUNT);
    if (wn_doc_parse(html, strlen(html), NULL, &doc, &err) != WN_OK) {
        CHECK(!"parse failed");
        return;
    }
    wn_page_features(doc, url, url ? strlen(url) : 0, f);
    wn_doc_free(doc);
}

TEST(class_words)
{
    double f[WN_FEAT__COUNT];
    /* split on separators and lower->upper changes, compared lower-cased */
    features("<div class='commentList'>a</div><div id='USER-box'>b</div>"
             "<div class='x docs'>c</div><div class='Posts'>d</div>",
             NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_post_like], 2);
    CHECK_EQ_INT(f[WN_FEAT_user_like], 1);
    CHECK_EQ_INT(f[WN_FEAT_doc_words], 1);
    /* no split inside an upper-case run or after a digit; longer words do not match */
    features("<div class='POSTER2'>a</div><div class='x2Post'>b</div><div class='postal'>c</div>"
             "<div class='commenter userx'>d</div>",
             NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_user_like], 0);
    CHECK_EQ_INT(f[WN_FEAT_post_like], 0);
    /* words at every place of short and long values: across the 16-byte
     * steps of the scan, at the very end, and in values over 64 bytes */
    features("<div class='comment'>a</div>"                                  /* 7 bytes */
             "<div class='abcdefghijklm-posts'>b</div>"                     /* ends at 19 */
             "<div class='abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdef user'>c</div>"
             "<div class='abcdefghijklmn comment abcdefghijklmnopqrst'>d</div>" /* 15..22 */
             "<div class='abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefxyz docs'>e</div>",
             NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_post_like], 3);
    CHECK_EQ_INT(f[WN_FEAT_user_like], 1);
    CHECK_EQ_INT(f[WN_FEAT_doc_words], 1);
}

/* The class words of a value by the plain definition: tokens split on
 * every byte that is not an ASCII letter or digit and where a capital
 * follows a lower-case letter, lower-cased, each looked for in every slot
 * of the generated table. */
static unsigned
ref_class_words(const char *s, size_t n)
{
    unsigned bits = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (!alnum) {
            i++;
            continue;
        }
        size_t b = i++;
        for (; i < n; i++) {
            unsigned char p = (unsigned char)s[i - 1], d = (unsigned char)s[i];
            bool next = (d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || (d >= '0' && d <= '9');
            if (!next || (p >= 'a' && p <= 'z' && d >= 'A' && d <= 'Z'))
                break;
        }
        char tok[80];
        size_t len = i - b < sizeof tok ? i - b : sizeof tok - 1;
        for (size_t k = 0; k < len; k++)
            tok[k] = (char)(s[b + k] >= 'A' && s[b + k] <= 'Z' ? s[b + k] + 32 : s[b + k]);
        for (size_t k = 0; k < WN_CLASS_WORDS_SIZE; k++)
            if (wn_class_words[k].word && wn_class_words[k].len == i - b &&
                memcmp(wn_class_words[k].word, tok, len) == 0)
                bits |= wn_class_words[k].bits;
    }
    return bits;
}

/* wn_class_words_of against the plain definition, from a buffer of exactly
 * the value's size (a sanitizer build catches a read past it). */
static bool
words_agree(const char *v, size_t n)
{
    char *c = malloc(n ? n : 1);
    if (!c)
        return false;
    memcpy(c, v, n);
    bool same = wn_class_words_of(c, n) == ref_class_words(c, n);
    if (!same)
        fprintf(stderr, "  class words differ on \"%.*s\"\n", (int)n, c);
    free(c);
    return same;
}

TEST(class_words_random)
{
    static const char *const cases[] = {
        "", "post", "Post", "POST", "post2", "2post", "x2Post", "postX", "fooPost", "FOOPost",
        "user-info", "userInfo", "USERinfo", "a post", "posts3 docs", "hljs", "po", "p",
        "comment_reply", "replyComment2", "\xc3\xa9post", "post\xc3\xa9",
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        CHECK(words_agree(cases[k], strlen(cases[k])));
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                   "--__  \t:[\x80\xc3\xff";
    static const char *const pieces[] = {"post", "Post", "user", "User", "docs", "reply", "hljs",
                                         "comment", "avatar", "profile", "toc", "note", "api",
                                         "1", "2x", " ", "-", "documentation", "username"};
    char v[300];
    uint64_t r = 0x9E3779B97F4A7C15u;
    size_t bad = 0;
    for (int i = 0; i < 100000 && bad < 5; i++) {
        r = r * 6364136223846793005u + 1442695040888963407u;
        size_t n = 0, want = (size_t)((r >> 33) % 201);
        while (n < want) {
            r ^= r << 13;
            r ^= r >> 7;
            r ^= r << 17;
            if (r & 1) {
                const char *p = pieces[(r >> 8) % (sizeof pieces / sizeof pieces[0])];
                for (size_t k = 0; p[k] && n < want; k++)
                    v[n++] = p[k];
            } else {
                v[n++] = alphabet[(r >> 8) % (sizeof alphabet - 1)];
            }
        }
        bad += !words_agree(v, n);
    }
    CHECK(bad == 0);
    /* long runs of letters and digits (64 bytes and more: the byte scan) */
    for (size_t n = 60; n < 140; n++) {
        for (size_t k = 0; k < n; k++)
            v[k] = "postUserdocs2Reply"[k % 18];
        CHECK(words_agree(v, n));
    }
}

TEST(class_memo)
{
    double f[WN_FEAT__COUNT];
    /* a class value met again is counted again (from the memo); a value
     * with the same length and the same first and last eight bytes is not
     * taken for it */
    features("<div class='abcdefgh-posts-ijklmnop'>a</div><div class='abcdefgh-posts-ijklmnop'>b</div>"
             "<div class='abcdefgh-xxxxx-ijklmnop'>c</div><div class='abcdefgh-posts-ijklmnop'>d</div>",
             NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_post_like], 3);
    features("<div class='abcdefgh-xxxxx-ijklmnop'>c</div><div class='abcdefgh-posts-ijklmnop'>a</div>",
             NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_post_like], 1);
}

TEST(phrases)
{
    double f[WN_FEAT__COUNT];
    features("<p>Add to Cart</p><span>OUT OF STOCK</span><p>3 Replies</p>"
             "<a href=/x>Contact us today</a><p>Contact us</p><button>Get a Quote</button>",
             NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_cart], 2);
    /* "replies", and "quote" inside "get a quote" */
    CHECK_EQ_INT(f[WN_FEAT_reply_words], 2);
    /* service phrases count only in links and buttons */
    CHECK_EQ_INT(f[WN_FEAT_service_words], 2);
    /* long text is not tested for phrases */
    features("<p>This sentence is long enough that nobody would add to cart it here.</p>", NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_cart], 0);
    features("<p>a\xC3\xB1" "adir al carrito</p><p>unlike</p>", NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_cart], 1);
    CHECK_EQ_INT(f[WN_FEAT_reply_words], 1);
    /* in other languages: a Russian and a Chinese cart button, German,
     * Russian and Japanese reply links, a French service link */
    features("<button>\xD0\x92 \xD0\xBA\xD0\xBE\xD1\x80\xD0\xB7\xD0\xB8\xD0\xBD\xD1\x83</button>"
             "<button>\xE5\x8A\xA0\xE5\x85\xA5\xE8\xB4\xAD\xE7\x89\xA9\xE8\xBD\xA6</button>"
             "<a href=#r>Antworten</a><a href=#o>\xD0\x9E\xD1\x82\xD0\xB2\xD0\xB5\xD1\x82\xD0\xB8"
             "\xD1\x82\xD1\x8C</a><a href=#j>\xE8\xBF\x94\xE4\xBF\xA1</a>"
             "<a href=/c>Contactez-nous</a>",
             NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_cart], 2);
    CHECK_EQ_INT(f[WN_FEAT_reply_words], 3);
    CHECK_EQ_INT(f[WN_FEAT_service_words], 1);
}

TEST(prices)
{
    double f[WN_FEAT__COUNT];
    features("<p>$19.99</p><p>19,99 \xE2\x82\xAC</p><p>\xC2\xA3 5</p><p>only $ signs $</p>"
             "<p>a long text without any sign at all, just words and 1234 numbers</p>"
             "<p>a long text with the sign far in: the total comes to $ 1200</p>"
             /* typographic quotes and dashes share the euro's lead byte */
             "<p>\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 and 2024, a long text with no price "
             "in it at all</p>"
             "<p>\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x94 a long text whose price comes last: "
             "\xC2\xA5" "300</p>",
             NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_price], 5);
}

TEST(dates_and_blanks)
{
    double f[WN_FEAT__COUNT];
    features("<div>\n\t        \n        <span>July 26, 2023</span>\n          </div>"
             "<p>2023-07-26</p><p>Jump</p><p>12 items</p>",
             NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_date_text], 2);
    CHECK(f[WN_FEAT_text_len] == strlen("July 26, 2023") + strlen("2023-07-26") + 4 + 8);
}

TEST(months_and_trims)
{
    double f[WN_FEAT__COUNT];
    /* each month's three letters at a word's start, in any case */
    features("<p>1 jan.</p><p>2 FEB.</p><p>3 March</p><p>4 april</p><p>5 May.</p><p>6 June</p>"
             "<p>7 July</p><p>8 Aug.</p><p>9 Sept</p><p>10 Oct</p><p>11 nov</p><p>12 Dec</p>"
             /* not at a word's start, not a month, no digit */
             "<p>1 tjan x</p><p>2 jab 3</p><p>June July</p>",
             NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_date_text], 12);
    /* trailing blanks longer than eight bytes, and shorter, are not text */
    features("<p>word \n\t        \n \t  </p><p>a longer text, then blanks   \t\n          "
             "       </p><p>x   </p><p>sixteen letters!\n       \t</p>",
             NULL, f);
    CHECK(f[WN_FEAT_text_len] == 4 + strlen("a longer text, then blanks") + 1 + 16);
    /* signs before, on and after a sixteen-byte block's edges */
    features("<p>a long text with no currency sign: it only goes on and on and on, 1234</p>"
             "<p>$5 starts a long text that has no other sign in it after the first one</p>"
             "<p>a long text whose sign sits at byte sixteen $ 7, past the first block..</p>"
             "<p>a long text with a sign at the very end of it, as the last byte 9 \xC2\xA3</p>"
             "<p>fifteen bytes.$ 8 and a long text after it, without another sign, ok</p>",
             NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_price], 4);
}

/* has_price's blocks of 32 and 16 bytes and its tail, and phrase_sets'
 * candidate mask: a sign or a phrase at each offset of a text is found */
TEST(offsets)
{
    double f[WN_FEAT__COUNT];
    char text[160], page[256];
    for (size_t len = 61; len <= 130; len += 23) {
        for (size_t at = 0; at + 2 <= len; at++) {
            memset(text, 'x', len);
            text[len] = '\0';
            /* typographic quotes (the euro's lead byte) before the sign */
            if (at >= 3)
                memcpy(text + at - 3, "\xE2\x80\x9C", 3);
            memcpy(text + at, "$5", 2);
            snprintf(page, sizeof page, "<p>%s</p>", text);
            features(page, NULL, f);
            if (f[WN_FEAT_price] != 1)
                printf("  price not found: length %zu, offset %zu\n", len, at);
            CHECK_EQ_INT(f[WN_FEAT_price], 1);
        }
        memset(text, 'x', len);
        text[len] = '\0';
        snprintf(page, sizeof page, "<p>%s</p>", text);
        features(page, NULL, f);
        CHECK_EQ_INT(f[WN_FEAT_price], 0);
    }
    /* "add to cart" (11 bytes) at each offset of a 40-byte text, "reply" at
     * each of a 20-byte one */
    for (size_t at = 0; at + 11 <= 40; at++) {
        memset(text, 'x', 40);
        text[40] = '\0';
        memcpy(text + at, "add to cart", 11);
        snprintf(page, sizeof page, "<p>%s</p>", text);
        features(page, NULL, f);
        CHECK_EQ_INT(f[WN_FEAT_cart], 1);
    }
    for (size_t at = 0; at + 5 <= 20; at++) {
        memset(text, 'x', 20);
        text[20] = '\0';
        memcpy(text + at, "reply", 5);
        snprintf(page, sizeof page, "<p>%s</p>", text);
        features(page, NULL, f);
        CHECK_EQ_INT(f[WN_FEAT_reply_words], 1);
    }
}

TEST(url_and_schema)
{
    double f[WN_FEAT__COUNT];
    features("<p>x</p>", "https://forum.example.com/2023/my-blog-post.html?id=1", f);
    CHECK_EQ_INT(f[WN_FEAT_url_forum], 1);
    CHECK_EQ_INT(f[WN_FEAT_url_article], 1);
    CHECK_EQ_INT(f[WN_FEAT_url_dated], 1);
    CHECK_EQ_INT(f[WN_FEAT_url_query], 1);
    CHECK_EQ_INT(f[WN_FEAT_url_depth], 2);
    CHECK_EQ_INT(f[WN_FEAT_url_product], 0);
    features("<script type='application/ld+json'>{\"@type\": [\"Product\", \"http://schema.org/Offer\"]}"
             "</script><div itemtype='https://schema.org/BlogPosting'>x</div>"
             "<div itemtype='https://schema.org/article'>y</div>",
             NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_schema_product], 1);
    CHECK_EQ_INT(f[WN_FEAT_schema_offer], 1);
    CHECK_EQ_INT(f[WN_FEAT_schema_article], 1);
    CHECK_EQ_INT(f[WN_FEAT_schema_forum], 0);
}

TEST(blank_text_from_clean)
{
    /* after the clean stage, blank text nodes are skipped by its counts
     * instead of a scan: the features are the same */
    const char *page = "<html>\n  <body>\n    <nav>\n      <ul>\n        <li><a href=/>Home</a></li>\n"
                       "      </ul>\n    </nav>\n    <article>\n      <h1>Title</h1>\n      <p>Some "
                       "text, with a comma, and 12 May 2024 in it.</p>\n  \t  <p>Add to cart</p>\n"
                       "    </article>\n  </body>\n</html>";
    double f[WN_FEAT__COUNT], g[WN_FEAT__COUNT];
    features(page, "https://example.com/a/b", f);
    wn_doc *doc = NULL;
    wn_error err;
    CHECK(wn_doc_parse(page, strlen(page), NULL, &doc, &err) == WN_OK);
    if (!doc)
        return;
    CHECK(wn_clean(doc) == WN_OK);
    CHECK(doc->cache != NULL);
    wn_page_features(doc, "https://example.com/a/b", strlen("https://example.com/a/b"), g);
    wn_doc_free(doc);
    for (int i = 0; i < WN_FEAT__COUNT; i++)
        CHECK(f[i] == g[i]);
    CHECK(f[WN_FEAT_text_len] > 0);
}

TEST(class_words_from_clean)
{
    /* after the clean stage, the words of the elements it kept come from
     * its token scan (the token cache, which also says which have an
     * itemtype), the others (in a dropped <nav>) from the features' own:
     * the features are the same */
    const char *page =
        "<html><body><nav><div class='post-list'>a</div><div id='userMenu'>b</div></nav>"
        "<article class='post'><div class='Post2 x2Post posts3'>c</div>"
        "<div class='sc-AbCdE comments'>d</div><div class='md:user-card'>e</div>"
        "<div class='abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl docs'>f</div>"
        "<div id='authorBox' class='x'>g</div><pre class='hljs'>h</pre><div class='doc'>i</div>"
        "<div itemscope itemtype='https://schema.org/Product'>j</div>"
        "<p>Some text, with a comma, and more text in it.</p></article></body></html>";
    double f[WN_FEAT__COUNT], g[WN_FEAT__COUNT];
    features(page, NULL, f);
    wn_doc *doc = NULL;
    wn_error err;
    CHECK(wn_doc_parse(page, strlen(page), NULL, &doc, &err) == WN_OK);
    if (!doc)
        return;
    CHECK(wn_clean(doc) == WN_OK);
    CHECK(doc->cache != NULL);
    wn_page_features(doc, NULL, 0, g);
    wn_doc_free(doc);
    for (int i = 0; i < WN_FEAT__COUNT; i++)
        CHECK(f[i] == g[i] || (isnan(f[i]) && isnan(g[i])));
    /* post-list, post, comments; userMenu, user-card, authorBox; docs,
     * hljs, doc (not Post2, x2Post, posts3: a digit joins their tokens) */
    CHECK_EQ_INT(g[WN_FEAT_post_like], 3);
    CHECK_EQ_INT(g[WN_FEAT_user_like], 3);
    CHECK_EQ_INT(g[WN_FEAT_doc_words], 3);
    /* the cache also says which elements have an itemtype */
    CHECK_EQ_INT(g[WN_FEAT_schema_product], 1);
}

TEST(missing_url)
{
    double f[WN_FEAT__COUNT], g[WN_FEAT__COUNT];
    /* no URL given nor in the page: the url_* features are missing (NAN),
     * not a home page's zeros; the classifier reads a missing value as the
     * training mean, so it decides as if the features were that mean */
    const char *page = "<article><h1>Water on Mars</h1><p>Researchers reported that a large "
                       "amount of liquid water may lie deep inside the planet.</p></article>";
    features(page, NULL, f);
    for (int i = WN_FEAT_url_depth; i <= WN_FEAT_url_service; i++)
        CHECK(isnan(f[i]));
    CHECK(!isnan(f[WN_FEAT_p_all]));
    features(page, "https://example.com/", g);
    CHECK_EQ_INT(g[WN_FEAT_url_depth], 0);
    CHECK(!isnan(g[WN_FEAT_url_slug_words]));
    /* the canonical link is the page's URL */
    features("<link rel=canonical href='https://example.com/news/water-on-mars'><p>x</p>", NULL, g);
    CHECK_EQ_INT(g[WN_FEAT_url_depth], 2);
    CHECK_EQ_INT(g[WN_FEAT_url_slug_words], 3);
}

TEST(card_groups)
{
    double f[WN_FEAT__COUNT];
    features("<ul><li class=c><a href=1>a</a></li><li class=c><a href=2>b</a></li>"
             "<li class=c><div><a href=3>c</a></div></li><li class=c>no link</li>"
             "<li class=d><a href=4>d</a></li></ul>"
             "<div><p class=x><a href=1>a</a></p><p class=x><a href=2>b</a></p></div>",
             NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_card_group], 3);
    CHECK_EQ_INT(f[WN_FEAT_li_link], 4);
    /* elements without children (left without a frame): empty links mark
     * their parents, and the text after an empty link or button is not in
     * it */
    features("<ul><li class=c><a href=1></a></li><li class=c><img><a href=2></a></li>"
             "<li class=c><span><a href=3></a></span></li><li class=c><img></li></ul>"
             "<p><a href=4></a>Contact us</p><p><button></button>Contact us</p>",
             NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_card_group], 3);
    CHECK_EQ_INT(f[WN_FEAT_img], 2);
    CHECK(f[WN_FEAT_link_density] == 0);
    CHECK_EQ_INT(f[WN_FEAT_service_words], 0);
    features("<p><button><img></button>Contact us</p><a href=1><br>Contact us</a>", NULL, f);
    CHECK_EQ_INT(f[WN_FEAT_service_words], 1);
    CHECK(f[WN_FEAT_link_density] == 0.5);
}

/* every byte value at every position, among other bytes of every kind */
TEST(swar)
{
    int bad = 0;
    for (int pos = 0; pos < 8; pos++)
        for (int v = 0; v < 256; v++)
            for (int fill = 0; fill < 256; fill += 5) {
                char b[8];
                memset(b, fill, 8);
                b[pos] = (char)v;
                uint64_t x = wn_sw_load(b);
                uint64_t z = wn_sw_zero(x), bl = wn_sw_blank(x);
                unsigned zeros = 0, blanks = 0;
                for (int k = 0; k < 8; k++) {
                    unsigned char c = (unsigned char)b[k];
                    /* the byte at memory offset k, wherever it sits in x */
                    unsigned char zk = 0, bk = 0;
                    memcpy(&zk, (const char *)&z + k, 1);
                    memcpy(&bk, (const char *)&bl + k, 1);
                    bool blank = c == ' ' || c == '\n' || c == '\t';
                    bad += zk != (c == 0 ? 0x80 : 0) || bk != (blank ? 0x80 : 0);
                    zeros += c == 0;
                    blanks += blank;
                }
                bad += wn_sw_count(z) != zeros || wn_sw_count(bl) != blanks;
                uint64_t up = wn_sw_range(x, 'A', 'Z'), dg = wn_sw_range(x, '0', '9');
                uint64_t other = ~bl & WN_SW_HIGH;
                unsigned first = 8, last = 8;
                for (int k = 0; k < 8; k++) {
                    unsigned char c = (unsigned char)b[k], uk = 0, dk = 0;
                    memcpy(&uk, (const char *)&up + k, 1);
                    memcpy(&dk, (const char *)&dg + k, 1);
                    bad += uk != (c >= 'A' && c <= 'Z' ? 0x80 : 0);
                    bad += dk != (c >= '0' && c <= '9' ? 0x80 : 0);
                    if (first == 8 && c != ' ' && c != '\n' && c != '\t')
                        first = (unsigned)k;
                    if (c != ' ' && c != '\n' && c != '\t')
                        last = (unsigned)k;
                }
                if (other)
                    bad += wn_sw_first(other) != first || wn_sw_last(other) != last;
            }
    CHECK_EQ_INT(bad, 0);
}

int
main(void)
{
    RUN(swar);
    RUN(class_words);
    RUN(class_words_random);
    RUN(class_memo);
    RUN(phrases);
    RUN(prices);
    RUN(offsets);
    RUN(dates_and_blanks);
    RUN(months_and_trims);
    RUN(url_and_schema);
    RUN(missing_url);
    RUN(blank_text_from_clean);
    RUN(class_words_from_clean);
    RUN(card_groups);
    return harness_done();
}
