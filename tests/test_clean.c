/* test_clean.c - wn_clean: what is never content gets WN_NF_DROP, and the
 * class/id vocabulary matches whole tokens only. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clean/clean.h"
#include "score/class_words.h"
#include "extract_helper.h"
#include "harness.h"

#define PARA "<p>This paragraph is long enough to count as real prose, with commas, clauses, and a full stop at the end.</p>"

/* The element or an ancestor carries WN_NF_DROP. */
static bool
dropped(wn_doc *doc, const char *id)
{
    for (wn_node *n = fx_by_id(doc, id); n; n = n->parent)
        if (n->flags & WN_NF_DROP)
            return true;
    return false;
}

TEST(tokens_split_and_match_whole_words)
{
    CHECK(wn_tokens_has("share-bar", 9, "share"));
    CHECK(wn_tokens_has("socialShare", 11, "share"));
    CHECK(wn_tokens_has("socialShare", 11, "social"));
    CHECK(wn_tokens_has("article__share", 14, "share"));
    CHECK(wn_tokens_has("ad300x250", 9, "ad"));
    CHECK(!wn_tokens_has("shareholder", 11, "share"));
    CHECK(!wn_tokens_has("header", 6, "ad"));
    CHECK(!wn_tokens_has("adjective", 9, "ad"));
    CHECK(!wn_tokens_has("loading", 7, "ad"));
}

TEST(vocabulary_bits)
{
    CHECK(wn_tokens_classify("share-bar", 9) & WN_TOK_DROP);
    CHECK(wn_tokens_classify("cookie-consent", 14) & WN_TOK_DROP);
    CHECK(!(wn_tokens_classify("shareholder-letter", 18) & WN_TOK_DROP));
    CHECK(!(wn_tokens_classify("page-header", 11) & WN_TOK_DROP));
    CHECK(!(wn_tokens_classify("adjective", 9) & WN_TOK_DROP));
    CHECK(wn_tokens_classify("articleBody", 11) & WN_TOK_POS);
    CHECK(wn_tokens_classify("comment-list", 12) & WN_TOK_COMMENTS);
    CHECK(wn_tokens_classify("entry-byline", 12) & WN_TOK_BYLINE);
    CHECK(wn_tokens_classify("wp-caption-text", 15) & WN_TOK_CAPTION);
    /* compounds written as one word, and like/share widgets */
    CHECK(wn_tokens_classify("jp-relatedposts", 15) & WN_TOK_NEG);
    CHECK(wn_tokens_classify("sharedaddy sd-block", 19) & WN_TOK_DROP);
    CHECK(wn_tokens_classify("post-likes", 10) & WN_TOK_DROP);
    CHECK(wn_tokens_classify("reactionsBar", 12) & WN_TOK_DROP); /* who reacted to a post */
    /* generated CSS-module hashes and utility classes carry no words */
    CHECK_EQ_INT(wn_tokens_classify("stack-module__AdKhW__x", 22), 0);
    /* a generated id in lower-case hexadecimal spells no "ad"; a slot's
     * size beside the word does not hide it */
    CHECK_EQ_INT(wn_tokens_classify("component_1ad269af0d", 20), 0);
    CHECK(wn_tokens_classify("ad300x250", 9) & WN_TOK_DROP);
    CHECK(wn_tokens_classify("ad-1", 4) & WN_TOK_DROP);
    CHECK_EQ_INT(wn_tokens_classify("lg:has-[>[data-slot=banner]]:pt-0", 33), 0);
    /* share bars, ad slots, related links and bylines named in other
     * languages than English */
    CHECK(wn_tokens_classify("artikel-teilen", 14) & WN_TOK_DROP);
    CHECK(wn_tokens_classify("barra-compartir", 15) & WN_TOK_DROP);
    CHECK(wn_tokens_classify("bloc-publicite", 14) & WN_TOK_DROP);
    CHECK(wn_tokens_classify("werbung", 7) & WN_TOK_DROP);
    CHECK(wn_tokens_classify("noticias-relacionadas", 21) & WN_TOK_NEG);
    CHECK(wn_tokens_classify("articoli-correlati", 18) & WN_TOK_NEG);
    CHECK(wn_tokens_classify("nota-autor", 10) & WN_TOK_BYLINE);
    /* "datum" is a word; "data" (English data tables) is none */
    CHECK(wn_tokens_classify("artikel-datum", 13) & WN_TOK_BYLINE);
    CHECK_EQ_INT(wn_tokens_classify("data-table", 10), 0);
}

TEST(vocabulary_lookup)
{
    /* every word of the generated hash table is found through the filter */
    CHECK(wn_token_vocab_check());
    /* first, last and neighbouring words of the table; prefixes miss */
    CHECK_EQ_INT(wn_token_class("ad", 2), WN_TOK_DROP);
    CHECK_EQ_INT(wn_token_class("votes", 5), WN_TOK_NEG);
    CHECK_EQ_INT(wn_token_class("comment", 7), WN_TOK_NEG | WN_TOK_COMMENTS);
    CHECK_EQ_INT(wn_token_class("a", 1), 0);
    CHECK_EQ_INT(wn_token_class("adv", 3), 0);
    CHECK_EQ_INT(wn_token_class("zzz", 3), 0);
}

/* ---- the tokenizer against a reference --------------------------------- */

/* The class/id tokenizer as it was written a byte at a time (before the
 * mask tokenizer), looking tokens up with wn_token_class and hidden names
 * by a plain comparison: what wn_tokens_classify(_class) must return for
 * every input. */
static int
ref_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + 32 : c;
}

static bool
ref_ws(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

enum { R_OTHER, R_LOWER, R_UPPER, R_DIGIT, R_WS, R_UTILITY };

static int
ref_kind(int c)
{
    if (c >= 'a' && c <= 'z')
        return R_LOWER;
    if (c >= 'A' && c <= 'Z')
        return R_UPPER;
    if (c >= '0' && c <= '9')
        return R_DIGIT;
    if (ref_ws(c))
        return R_WS;
    if (c == ':' || c == '[' || c == '(' || c == '=')
        return R_UTILITY;
    return R_OTHER;
}

static bool
ref_hidden_name(const unsigned char *s, size_t n)
{
    for (size_t k = 0; wn_hidden_class_name(k); k++) {
        const char *h = wn_hidden_class_name(k);
        size_t j = 0;
        while (j < n && h[j] && ref_lower(s[j]) == h[j])
            j++;
        if (j == n && !h[j])
            return true;
    }
    return false;
}

/* A screen-reader name behind a utility prefix: 1-4 letters and a hyphen,
 * not "not-" ("u-sr-only", "tw-visually-hidden"). */
static bool
ref_hidden_prefixed(const unsigned char *s, size_t n)
{
    size_t p = 0;
    while (p < n && p < 5 && isalpha(s[p]) && s[p] < 0x80)
        p++;
    if (p < 1 || p > 4 || p + 1 >= n || s[p] != '-')
        return false;
    if (p == 3 && ref_lower(s[0]) == 'n' && ref_lower(s[1]) == 'o' && ref_lower(s[2]) == 't')
        return false;
    unsigned char c = ref_lower(s[p + 1]);
    return (c == 's' || c == 'v') && ref_hidden_name(s + p + 1, n - p - 1);
}

static uint32_t
ref_token(const unsigned char *s, size_t n)
{
    char tok[32];
    if (n > sizeof tok)
        return 0;
    for (size_t k = 0; k < n; k++)
        tok[k] = (char)ref_lower(s[k]);
    return wn_token_class(tok, n);
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

static uint32_t
ref_value_bits(const char *str, size_t n, bool hidden)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t bits = 0;
    bool colon = false, hidden_name = false;
    size_t i = 0;
    while (i < n) {
        while (i < n && ref_ws(s[i]))
            i++;
        if (i >= n)
            break;
        size_t name_start = i;
        uint32_t name_acc = 0;
        bool utility = false;
        while (i < n && !ref_ws(s[i])) {
            int k = ref_kind(s[i]);
            if (k == R_UTILITY) {
                utility = true;
                for (; i < n && !ref_ws(s[i]); i++)
                    colon |= s[i] == ':';
                break;
            }
            if (k == R_OTHER) {
                i++;
                continue;
            }
            /* an alphanumeric run: hashed, or split into tokens */
            size_t start = i, upper = 0, digits = 0, short_parts = 0, part = 0, t = i;
            uint32_t acc = 0;
            for (; i < n && (k = ref_kind(s[i])) != R_OTHER && k != R_WS && k != R_UTILITY; i++) {
                int p = i > start ? ref_kind(s[i - 1]) : k;
                if (k == R_UPPER) {
                    upper++;
                    if (i > start && part > 0 && part <= 2)
                        short_parts++;
                    part = 1;
                } else {
                    digits += k == R_DIGIT;
                    part++;
                }
                if (i > start && ((p == R_LOWER && k == R_UPPER) || (p == R_DIGIT) != (k == R_DIGIT))) {
                    acc |= ref_token(s + t, i - t);
                    t = i;
                }
            }
            acc |= ref_token(s + t, i - t);
            size_t rn = i - start;
            if (upper && part <= 2 && rn > 2)
                short_parts++;
            if (!((digits && upper && digits < rn) || short_parts >= 2 ||
                  ref_hex_hashed(s + start, rn)))
                name_acc |= acc;
        }
        if (!utility)
            bits |= name_acc;
        if (hidden && (ref_hidden_name(s + name_start, i - name_start) ||
                       ref_hidden_prefixed(s + name_start, i - name_start)))
            hidden_name = true;
    }
    return bits | (hidden_name && !colon ? WN_TOK_HIDDEN : 0);
}

/* Both forms of a value against the reference, from a buffer of exactly its
 * size (a sanitizer build catches a read past it). */
static bool
agrees(const char *v, size_t n)
{
    char *c = malloc(n ? n : 1);
    if (!c)
        return false;
    memcpy(c, v, n);
    /* and the features' class words found beside them */
    bool same = wn_tokens_classify(c, n) == ref_value_bits(c, n, false) &&
                wn_tokens_classify_class(c, n) == ref_value_bits(c, n, true) &&
                wn_tokens_class_words(c, n) == wn_class_words_of(c, n);
    if (!same)
        fprintf(stderr, "  tokenizer differs on \"%.*s\"\n", (int)n, c);
    free(c);
    return same;
}

TEST(tokenizer_matches_reference)
{
    static const char *const cases[] = {
        "", " ", "ad", "AD", "Ad", "aD", "share-bar", "socialShare", "articleBody", "UbbKhW",
        "sc-aXZVg", "4pDFEa", "ad300x250", "hidden", "HIDDEN", "hidDen", "sr-only", "SR-ONLY",
        "hidden md:block", "md:block hidden", "screen-reader-text", "a11y-hidden",
        "lg:has-[>[data-slot=banner]]:pt-0 nav", "x=1 share", "(share)", "\xc3\xa9share",
        "share\xc3\xa9", "nav\vbar", "nav\fbar\rfoot\ttags\nmenu", "recommendations",
        "recommendationsx", "Recommendations", "aB", "AbC", "HTMLShare", "shareHTML",
        "menu1", "1menu", "me1nu", "component_1ad269af0d", "bbc4ad583c", "5cd3ad805f",
        "ad3f5e", "ad300250", "a1b2c", "1ad2", "Ab1ad2ad3", "ab12cd34ef", "x-9fad0c2b1e share",
        "u-sr-only", "H-SR-ONLY", "tw-visually-hidden", "not-sr-only", "type-hidden", "abcde-sr-only",
        "x-sr-only-focusable", "u-offscreen", "1-sr-only", "u--sr-only", "nav u-sr-only",
        /* the features' words: a digit next to one joins its token there */
        "post", "Post2", "2post", "x2Post", "POSTER2", "userInfo", "md:posts", "sc-AbCdE docs",
        "PostAb1", "author-9fad0c2b1e", "docs1ad2", "[user]", "doc", "hljs", "apiDocs",
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
        CHECK(agrees(cases[k], strlen(cases[k])));
    /* long values (pieces of 64 bytes, names across them, names of 64
     * bytes and more) */
    char v[300];
    for (size_t n = 0; n < sizeof v; n++) {
        memset(v, 0, sizeof v);
        for (size_t k = 0; k < n; k++)
            v[k] = "share-nav "[k % 10];
        CHECK(agrees(v, n));
        for (size_t k = 0; k < n; k++)
            v[k] = k % 67 == 66 ? ' ' : "aB-menu_Foot"[k % 12];
        CHECK(agrees(v, n));
    }
    /* random strings over the bytes that matter */
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                   "--__  \t\n\r\f\v:[(=]).#\x80\xc3\xff";
    static const char *const pieces[] = {"share", "nav", "Menu", "hidden", "sr-only", "ad", "Ad",
                                         "articleBody", "comments", "visually-hidden", " ", "-",
                                         "x1", "md:", "recommendations", "byline", "1ad2",
                                         "3fad", "c0ffee1", "u-", "not-", "post", "User",
                                         "docs", "reply", "hljs", "avatar"};
    uint64_t r = 0x9E3779B97F4A7C15u;
    size_t bad = 0;
    size_t bytes = 0;
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
        bad += !agrees(v, n);
        bytes += n;
    }
    CHECK(bad == 0);
    CHECK(bytes > 5000000); /* the strings are not all empty */
}

TEST(never_content_tags)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html><head><script type=application/ld+json id=ld>{\"a\":1}</script></head>"
                 "<body><div id=main>" PARA PARA
                 "<svg id=icon><symbol><title>Calendar</title><desc>An icon of a desk "
                 "calendar.</desc></symbol></svg>"
                 "<button id=b>Copy link</button><input id=i value=x><select id=s><option>One"
                 "</option></select><textarea id=t>typed</textarea><iframe id=f></iframe>"
                 "<noscript id=ns>Please enable JavaScript</noscript>"
                 "<noscript id=nsimg><img src=a.jpg alt=photo></noscript>"
                 "<style id=st>.a{}</style></div></body></html>",
                 0, NULL));
    CHECK(dropped(f.doc, "ld"));
    CHECK(fx_by_id(f.doc, "ld")->parent != NULL); /* flagged, never detached */
    CHECK(dropped(f.doc, "icon"));
    CHECK(dropped(f.doc, "b"));
    CHECK(dropped(f.doc, "i"));
    CHECK(dropped(f.doc, "s"));
    CHECK(dropped(f.doc, "t"));
    CHECK(dropped(f.doc, "f"));
    CHECK(dropped(f.doc, "ns"));
    CHECK(!dropped(f.doc, "nsimg")); /* the only copy of an image */
    CHECK(dropped(f.doc, "st"));
    CHECK(!dropped(f.doc, "main"));
    CHECK(!fx_contains(f.text, "Calendar"));
    CHECK(!fx_contains(f.text, "desk"));
    CHECK(!fx_contains(f.text, "Copy link"));
    CHECK(!fx_contains(f.text, "enable JavaScript"));
    fx_free(&f);
}

/* Clean lists the outermost main regions it keeps, in document order, for
 * score's region search: a <main>, a role="main" (any case, untrimmed as
 * that search compares), not one nested in another, not one it dropped. */
TEST(main_regions_listed)
{
    fx f;
    CHECK(fx_run(&f,
                 "<body><div class=share-bar><main id=m0>" PARA "</main></div>"
                 "<main id=m1><div role=main id=inner>" PARA "</div></main>"
                 "<div id=m2 role=MAIN>" PARA "</div><div id=m3 role=' main '>" PARA "</div>"
                 "<section id=m4><main id=m5>" PARA PARA "</main></section></body>",
                 0, NULL));
    wn_doc_cache *c = f.doc->cache;
    CHECK(c != NULL && c->mains_known);
    if (c && c->mains_known) {
        CHECK_EQ_INT(c->n_mains, 3);
        if (c->n_mains == 3) {
            CHECK(c->mains[0] == fx_by_id(f.doc, "m1"));
            CHECK(c->mains[1] == fx_by_id(f.doc, "m2"));
            CHECK(c->mains[2] == fx_by_id(f.doc, "m5"));
        }
    }
    fx_free(&f);
}

/* Clean lists, in document order, the kept elements whose class/id words
 * say comments, negative or droppable (and not positive): those score's
 * negative-block pass tests. */
TEST(negative_blocks_listed)
{
    fx f;
    CHECK(fx_run(&f,
                 "<body><div id=side class=sidebar>" PARA "</div>"
                 "<div id=story class=article-content>" PARA PARA PARA "</div>"
                 "<div id=mixed class='sidebar article-content'>" PARA "</div>"
                 "<div id=com class=comments>" PARA "</div>"
                 "<nav id=nav><a href=/>Home</a></nav></body>",
                 0, NULL));
    wn_doc_cache *c = f.doc->cache;
    CHECK(c != NULL && c->negs_known);
    CHECK(dropped(f.doc, "nav"));
    if (c && c->negs_known) {
        wn_node *side = fx_by_id(f.doc, "side"), *com = fx_by_id(f.doc, "com");
        bool saw_side = false, saw_com = false, in_order = true;
        for (uint32_t i = 0; i < c->n_negs; i++) {
            const wn_node *n = c->negs[i];
            CHECK(n != fx_by_id(f.doc, "story") && n != fx_by_id(f.doc, "mixed") &&
                  n != fx_by_id(f.doc, "nav"));
            if (n == side)
                saw_side = true;
            if (n == com) {
                saw_com = true;
                in_order = saw_side;
            }
        }
        CHECK(saw_side && saw_com && in_order);
    }
    fx_free(&f);
}

TEST(role_button_cards_kept)
{
    /* role=button on a control is a widget; on a whole card (headline and
     * teaser made clickable) it is not */
    fx f;
    CHECK(fx_run(&f,
                 "<body><div id=main>" PARA "<div id=menu role=button>Open menu</div>"
                 "<div id=card role=button tabindex=0><h3>Otters return to the river</h3>"
                 "<p>After forty years away, a family of otters was seen near the old mill."
                 "</p></div></div></body>",
                 0, NULL));
    CHECK(dropped(f.doc, "menu"));
    CHECK(!dropped(f.doc, "card"));
    CHECK(!fx_contains(f.text, "Open menu"));
    CHECK(fx_contains(f.text, "Otters return"));
    fx_free(&f);
}

TEST(accordion_question_buttons_kept)
{
    /* an accordion's question is a button a heading holds (<h3><button
     * aria-expanded>), or one holding a heading: it is the heading of the
     * panel it opens and stays; a button standing alone is a control */
    fx f;
    CHECK(fx_run(&f,
                 "<body><div id=main>" PARA PARA
                 "<h3><button id=q1 aria-expanded=false aria-controls=a1>"
                 "How long does delivery take?</button></h3>"
                 "<div id=a1 hidden>Orders leave the warehouse within two days.</div>"
                 "<div role=heading aria-level=3><button id=q2 aria-expanded=false>"
                 "<span>Do you ship abroad?</span></button></div>"
                 "<div>To most countries, in a week or two.</div>"
                 "<div class=item><button id=q3><h4>Course one: the basics</h4>"
                 "<span>Code 101</span></button><div>Six weeks, online.</div></div>"
                 "<div id=q4 role=button tabindex=0><h4>Course two: practice</h4></div>"
                 "<div><button id=b1 aria-expanded=false>Show more</button>"
                 "<button id=b2>Subscribe</button></div>"
                 "</div></body>",
                 0, NULL));
    CHECK(!dropped(f.doc, "q1"));
    CHECK(!dropped(f.doc, "q2"));
    CHECK(!dropped(f.doc, "q3"));
    CHECK(!dropped(f.doc, "q4"));
    CHECK(dropped(f.doc, "b1"));
    CHECK(dropped(f.doc, "b2"));
    CHECK(fx_contains(f.text, "How long does delivery take?"));
    CHECK(fx_contains(f.text, "Do you ship abroad?"));
    CHECK(fx_contains(f.text, "Course one: the basics"));
    CHECK(fx_contains(f.text, "within two days"));
    CHECK(!fx_contains(f.text, "Subscribe"));
    fx_free(&f);
}

TEST(hidden_elements)
{
    fx f;
    CHECK(fx_run(&f,
                 "<body><div id=main>" PARA PARA
                 "<div id=h1 hidden>secret one</div>"
                 "<div id=h2 aria-hidden=\"true\">secret two</div>"
                 "<div id=h3 style=\"color:red; display : none\">secret three</div>"
                 "<div id=h4 style=\"visibility:hidden\">secret four</div>"
                 "<span id=h5 class=\"sr-only\">secret five</span>"
                 "<span id=h6 class=\"u-sr-only\">secret six</span>"
                 "<span id=v4 class=\"not-sr-only\">shown again</span>"
                 "<span id=v5 class=\"type-hidden\">a field's type</span>"
                 "<div id=v1 class=\"hidden md:block\">shown on desktop</div>"
                 "<div id=v2 style=\"display:block\">shown</div>"
                 "<a id=v3 href=/story aria-hidden=true tabindex=-1>a teaser's summary, linked "
                 "again out of the screen reader's way</a>"
                 "<div id=d1 role=dialog>dialog text</div>"
                 "<div id=d2 aria-modal=true>modal text</div>"
                 "</div></body>",
                 0, NULL));
    for (int i = 1; i <= 6; i++) {
        char id[4] = {'h', (char)('0' + i), 0, 0};
        wn_node *n = fx_by_id(f.doc, id);
        CHECK(n && (n->flags & WN_NF_DROP) && (n->flags & WN_NF_HIDDEN));
    }
    CHECK(!dropped(f.doc, "v1"));
    CHECK(!dropped(f.doc, "v2"));
    /* a screen-reader name behind a utility prefix hides; "not-" shows, and
     * "hidden" after any word is no such name */
    CHECK(!dropped(f.doc, "v4"));
    CHECK(!dropped(f.doc, "v5"));
    /* aria-hidden hides from assistive technology only: a link so marked
     * is a visible duplicate of another link (a card's summary, its image) */
    CHECK(!dropped(f.doc, "v3"));
    CHECK(dropped(f.doc, "d1"));
    CHECK(dropped(f.doc, "d2"));
    CHECK(!fx_contains(f.text, "secret"));
    CHECK(fx_contains(f.text, "shown on desktop"));
    fx_free(&f);
}

TEST(collapsed_panels_shown)
{
    /* accordion and tab panels a button names with aria-controls are hidden
     * until the reader opens them: they are content; other hidden blocks
     * are not, and a form control inside a panel is still dropped */
    fx f;
    CHECK(fx_run(&f,
                 "<body><div id=main>" PARA PARA
                 "<h3><button aria-controls=\"p1\" aria-expanded=false>Shipping</button></h3>"
                 "<div id=p1 hidden>Orders leave the warehouse within two days.</div>"
                 "<h3><button aria-controls=\"p2 p3\" aria-expanded=false>Returns</button></h3>"
                 "<div id=p2 aria-hidden=true>Unused items may be returned within a month."
                 "<select id=sel><option>Country</option></select></div>"
                 "<div id=p3 class=hidden>Refunds reach the card in a week.</div>"
                 "<div id=other hidden>secret text</div>"
                 /* (an id written as a selector names the panel too) */
                 "<h3><button aria-controls=\"#p4\" aria-expanded=false>Sizes</button></h3>"
                 "<div id=p4 style='display: none'>Sizes run small; order one up.</div>"
                 /* (a tab's panel, named by its role) */
                 "<div id=p5 role=tabpanel hidden>Gift wrap is free in December.</div>"
                 "</div></body>",
                 0, NULL));
    CHECK(!dropped(f.doc, "p4"));
    CHECK(!dropped(f.doc, "p5"));
    CHECK(fx_contains(f.text, "Gift wrap"));
    CHECK(fx_contains(f.text, "order one up"));
    CHECK(!dropped(f.doc, "p1"));
    CHECK(!dropped(f.doc, "p2"));
    CHECK(!dropped(f.doc, "p3"));
    CHECK(dropped(f.doc, "sel"));
    CHECK(dropped(f.doc, "other"));
    CHECK(fx_contains(f.text, "within two days"));
    CHECK(fx_contains(f.text, "within a month"));
    CHECK(fx_contains(f.text, "in a week"));
    CHECK(!fx_contains(f.text, "secret"));
    fx_free(&f);
}

TEST(tab_panes_hidden_by_style_shown)
{
    /* tab panels a script hides by their style, with no aria-controls: a
     * pane beside the open one with the same class is content; a hidden
     * slide (no tab word in its class) and a pane with no open sibling are
     * not */
    fx f;
    CHECK(fx_run(&f,
                 "<body><div id=main>" PARA PARA
                 "<div class=tab-panes><div class=tab-pane style='display:block'>"
                 "Overview of the unit and its parts.</div>"
                 "<div id=t2 class=tab-pane style='display:none'>Weight: 2 kg. Width: 30 cm.</div>"
                 "<div id=t3 class=tab-pane style='display: none'>Warranty: two years.</div></div>"
                 "<div class=slides><div class=slide>First quote shown.</div>"
                 "<div id=s2 class=slide style='display:none'>Second quote hidden.</div></div>"
                 "<div class=other><div id=o1 class=tab-pane style='display:none'>closed one</div>"
                 "<div id=o2 class=tab-pane style='display:none'>closed two</div></div>"
                 "</div></body>",
                 0, NULL));
    CHECK(!dropped(f.doc, "t2"));
    CHECK(!dropped(f.doc, "t3"));
    CHECK(dropped(f.doc, "s2"));
    CHECK(dropped(f.doc, "o1"));
    CHECK(dropped(f.doc, "o2"));
    CHECK(fx_contains(f.text, "Width: 30 cm"));
    CHECK(fx_contains(f.text, "two years"));
    CHECK(!fx_contains(f.text, "Second quote"));
    CHECK(!fx_contains(f.text, "closed two"));
    fx_free(&f);
}

TEST(carousel_slides_out_of_view_shown)
{
    /* a carousel marks the slides out of view aria-hidden: a slide beside
     * a shown one, holding a quote, is content; a slide of linked cards,
     * a hidden block not named a slide and a lone hidden slide are not */
    fx f;
    CHECK(fx_run(&f,
                 "<body><div id=main>" PARA PARA
                 "<div class=track>"
                 "<div id=q0 class='quote-slide copy' aria-hidden=true><p>We cut our waiting "
                 "times by half within a month, and our customers noticed the change before we "
                 "told them about it.</p></div>"
                 "<div class='quote-slide active' aria-hidden=false><p>The team set everything "
                 "up in a week and answered every question we had along the way.</p></div>"
                 "<div id=q2 class=quote-slide aria-hidden=true><p>Support tickets that took "
                 "days now close in hours, and nobody on the team wants to go back to the way "
                 "things were.</p>"
                 "<a href=/story>Read the story</a></div>"
                 "<div id=q3 role=group aria-roledescription=slide class=x1 aria-hidden=true>"
                 "<p>Every office of ours runs on it now, from the front desk to the "
                 "warehouse floor, without a hitch in two years of daily use.</p></div>"
                 "<div role=group aria-roledescription=slide class=x1><p>Short one.</p></div>"
                 "</div>"
                 "<ul class=cards><li class=card-slide><a href=/p1>Shown product card name "
                 "that is long enough to be a line of eighty bytes or more</a></li>"
                 "<li id=c2 class=card-slide aria-hidden=true><a href=/p2>Hidden product card "
                 "name that is long enough to be a line of eighty bytes or more</a></li></ul>"
                 "<div class=row><div class=cell><p>Visible cell.</p></div>"
                 "<div id=h1 class=cell aria-hidden=true><p>A hidden cell that is no slide "
                 "at all, though it holds a sentence long enough to count.</p></div></div>"
                 "<div id=h2 class=lone-slide aria-hidden=true><p>A lone hidden slide with "
                 "no shown sibling at all, though it holds a long sentence.</p></div>"
                 "</div></body>",
                 0, NULL));
    CHECK(!dropped(f.doc, "q0"));
    CHECK(!dropped(f.doc, "q2"));
    CHECK(!dropped(f.doc, "q3"));
    CHECK(dropped(f.doc, "c2"));
    CHECK(dropped(f.doc, "h1"));
    CHECK(dropped(f.doc, "h2"));
    CHECK(fx_contains(f.text, "waiting times by half"));
    CHECK(fx_contains(f.text, "close in hours"));
    CHECK(fx_contains(f.text, "warehouse floor"));
    CHECK(!fx_contains(f.text, "Hidden product card"));
    CHECK(!fx_contains(f.text, "no slide at all"));
    fx_free(&f);
}

TEST(accordion_answers_hidden_by_style_shown)
{
    /* a FAQ whose answers a script hides by their style, with no
     * aria-controls: an answer after its shown question is content; a
     * hidden answer with nothing shown before it, and a hidden block whose
     * class names no answer, are not */
    fx f;
    CHECK(fx_run(&f,
                 "<body><div id=main>" PARA PARA
                 "<div class=faq><div class=faq-question>How long does delivery take?</div>"
                 "<div id=a1 class=faq-answer style='display:none'>Three working days.</div>"
                 "<div class=faq-question>Can I return an item?</div>"
                 "<div id=a2 class=faq-answer style='display: none'>Within a month.</div></div>"
                 "<div class=note><div class=note-title>Spring sale</div>"
                 "<div id=h1 class=note-body style='display:none'>Hidden offer text.</div></div>"
                 "<div class=other><div id=h2 class=faq-answer style='display:none'>orphan answer"
                 "</div></div>"
                 "</div></body>",
                 0, NULL));
    CHECK(!dropped(f.doc, "a1"));
    CHECK(!dropped(f.doc, "a2"));
    CHECK(dropped(f.doc, "h1"));
    CHECK(dropped(f.doc, "h2"));
    CHECK(fx_contains(f.text, "Three working days"));
    CHECK(fx_contains(f.text, "Within a month"));
    CHECK(!fx_contains(f.text, "orphan answer"));
    fx_free(&f);
}

TEST(tablist_of_labels_or_accordion)
{
    /* a tablist of short labels is a widget; one that holds the panels'
     * paragraphs too is an accordion marked up as tabs: its text stays */
    fx f;
    CHECK(fx_run(&f,
                 "<body><div id=main>" PARA PARA
                 "<ul id=tabs role=tablist><li role=tab>Overview</li><li role=tab>Details</li></ul>"
                 "<div id=faq role=tablist><h4>How long does delivery take?</h4>"
                 "<p>Most parcels arrive within three working days, and a tracking link is sent "
                 "by email as soon as the order leaves.</p></div>"
                 "</div></body>",
                 0, NULL));
    CHECK(dropped(f.doc, "tabs"));
    CHECK(!dropped(f.doc, "faq"));
    CHECK(!fx_contains(f.text, "Overview"));
    CHECK(fx_contains(f.text, "three working days"));
    fx_free(&f);

    /* one that wraps its panels and holds the page (a list of short
     * items, no paragraph) is the page, as a nav or a banner holding it is */
    CHECK(fx_run(&f,
                 "<body><header><a href=/>Shop</a></header><main><div id=tl role=tablist>"
                 "<input type=radio role=tab aria-controls=p1><div id=p1 role=tabpanel>"
                 "<h2>My favourites</h2><div><a href=/1>Frozen pizza stars, nine ounces</a></div>"
                 "<div><a href=/2>Chicken meatballs, sixteen ounces</a></div>"
                 "<div><a href=/3>Ribbed crewneck cardigan, light yellow</a></div>"
                 "</div></div></main></body>",
                 0, NULL));
    CHECK(!dropped(f.doc, "tl"));
    CHECK(fx_contains(f.text, "Chicken meatballs"));
    fx_free(&f);
}

TEST(landmarks_and_vocabulary)
{
    fx f;
    CHECK(fx_run(&f,
                 "<body><nav id=n><a href=/>Home</a></nav>"
                 "<div id=r role=navigation><a href=/a>A</a></div>"
                 "<div id=cb class=cookie-banner>We use cookies to improve things.</div>"
                 "<div id=sb class=socialShare><a href=#>Facebook</a></div>"
                 "<div id=sh class=shareholder-news>" PARA "</div>"
                 "<div id=hd class=page-header><p>Header text</p></div>"
                 "<div id=ad class=\"ad-slot\">Advertisement</div>"
                 "<div id=adj class=adjective>Adjective text</div>"
                 "<article id=main>" PARA PARA PARA "</article></body>",
                 0, NULL));
    CHECK(dropped(f.doc, "n"));
    CHECK(dropped(f.doc, "r"));
    CHECK(dropped(f.doc, "cb"));
    CHECK(dropped(f.doc, "sb"));
    CHECK(dropped(f.doc, "ad"));
    CHECK(!dropped(f.doc, "sh"));
    CHECK(!dropped(f.doc, "hd"));
    CHECK(!dropped(f.doc, "adj"));
    CHECK(!dropped(f.doc, "main"));
    fx_free(&f);
    /* the same widgets named in German, French and Spanish */
    CHECK(fx_run(&f,
                 "<body><div id=de class=artikel-teilen><a href=#>Facebook</a></div>"
                 "<div id=fr class=bloc-publicite>Publicit\xC3\xA9</div>"
                 "<div id=es class=compartir><a href=#>Twitter</a></div>"
                 "<article id=main>" PARA PARA PARA "</article></body>",
                 0, NULL));
    CHECK(dropped(f.doc, "de"));
    CHECK(dropped(f.doc, "fr"));
    CHECK(dropped(f.doc, "es"));
    CHECK(!dropped(f.doc, "main"));
    fx_free(&f);
    /* repeated class values are classified once per page; values alike in
     * length and ends but not in the middle are told apart */
    CHECK(fx_run(&f,
                 "<body><div id=m1 class=\"cardbox-nav-cardbox\">x</div>"
                 "<div id=m2 class=\"cardbox-pro-cardbox\">" PARA "</div>"
                 "<div id=m3 class=\"cardbox-nav-cardbox\">y</div>"
                 "<div id=m4 class=\"cardbox-pro-cardbox\">" PARA "</div>"
                 "<article>" PARA PARA PARA "</article></body>",
                 0, NULL));
    CHECK(dropped(f.doc, "m1"));
    CHECK(!dropped(f.doc, "m2"));
    CHECK(dropped(f.doc, "m3"));
    CHECK(!dropped(f.doc, "m4"));
    fx_free(&f);
}

TEST(wrapper_with_negative_class_kept)
{
    /* a wrapper whose class merely mentions sharing but holds the article */
    fx f;
    CHECK(fx_run(&f,
                 "<body><div id=w class=\"has-share-buttons\">" PARA PARA PARA PARA PARA PARA
                 PARA PARA PARA PARA PARA PARA PARA PARA PARA "</div></body>",
                 0, NULL));
    CHECK(!dropped(f.doc, "w"));
    CHECK(fx_contains(f.text, "real prose"));
    fx_free(&f);
}

TEST(forms_small_dropped_large_kept)
{
    fx f;
    CHECK(fx_run(&f,
                 "<body><form id=small><label>Email</label><input name=e>"
                 "<p>Subscribe to our newsletter</p></form>"
                 "<form id=page>" PARA PARA PARA PARA PARA PARA PARA PARA PARA PARA PARA PARA
                 PARA PARA PARA "</form></body>",
                 0, NULL));
    CHECK(dropped(f.doc, "small"));
    CHECK(!dropped(f.doc, "page"));
    CHECK(!fx_contains(f.text, "Subscribe"));
    CHECK(fx_contains(f.text, "real prose"));
    fx_free(&f);
}

TEST(forms_without_controls_kept)
{
    /* a thread whose posts each sit in a form of hidden inputs (the post's
     * edit form): a wrapper, kept with its paragraph; a form with a field
     * to fill or a button, or without a paragraph, is still dropped */
    fx f;
    CHECK(fx_run(&f,
                 "<body><div id=thread>"
                 "<form id=p1><input type=hidden name=id value=1><div class=md><p>Might this also "
                 "help with hearing loss, if the same cells can be grown in the inner ear of a "
                 "grown person, and kept alive there?</p>"
                 "</div></form>"
                 "<form id=p2><input type=HIDDEN name=id value=2><div class=md><p>Probably not "
                 "soon, the cells in the ear are of another kind, though the method may carry "
                 "over to them in a decade or two of careful work.</p></div></form>"
                 "<form id=ask><input name=q><p>Ask the community a question of your own and get "
                 "answers from people who have been there before, any day of the week.</p></form>"
                 "<form id=vote><button>Upvote</button><p>Was this thread helpful to you? Let the "
                 "others know by voting it up, it takes a second and helps the next reader.</p></form>"
                 "<form id=bare><input type=hidden name=t value=x><span>Share</span></form>"
                 "</div></body>",
                 0, NULL));
    CHECK(!dropped(f.doc, "p1"));
    CHECK(!dropped(f.doc, "p2"));
    CHECK(dropped(f.doc, "ask"));
    CHECK(dropped(f.doc, "vote"));
    CHECK(dropped(f.doc, "bare"));
    CHECK(fx_contains(f.text, "hearing loss"));
    CHECK(fx_contains(f.text, "another kind"));
    CHECK(!fx_contains(f.text, "Ask the community"));
    CHECK(!fx_contains(f.text, "Was this thread"));
    fx_free(&f);
}

TEST(streamed_content_shown_again)
{
    /* streamed server rendering: the whole page in a hidden element, a
     * script swaps it in; a small hidden menu stays hidden */
    fx f;
    CHECK(fx_run(&f,
                 "<body><div id=shell>Loading</div><div id=menu hidden><a href=/>Home</a></div>"
                 "<div hidden id=S0><article>" PARA PARA PARA PARA PARA PARA PARA PARA PARA PARA
                 PARA PARA "</article></div></body>",
                 0, NULL));
    CHECK(!dropped(f.doc, "S0"));
    CHECK(dropped(f.doc, "menu"));
    CHECK(fx_contains(f.text, "real prose"));
    fx_free(&f);
    /* what is shown is cleaned as the rest of the page is: its hidden
     * parts, form controls and scripts stay out */
    CHECK(fx_run(&f,
                 "<body><div id=shell>Loading</div>"
                 "<div hidden id=S0><article>" PARA PARA PARA PARA PARA PARA PARA PARA PARA PARA
                 PARA PARA "<div id=in hidden>secret text</div><select id=sel><option>Option "
                 "text</option></select><script id=js>var s = 'script text';</script>"
                 "</article></div></body>",
                 0, NULL));
    CHECK(!dropped(f.doc, "S0"));
    CHECK(dropped(f.doc, "in"));
    CHECK(dropped(f.doc, "sel"));
    CHECK(dropped(f.doc, "js"));
    CHECK(fx_contains(f.text, "real prose"));
    CHECK(!fx_contains(f.text, "secret text"));
    CHECK(!fx_contains(f.text, "Option text"));
    fx_free(&f);
    /* a wrapper hidden by its class until a script runs */
    CHECK(fx_run(&f,
                 "<body><div id=root class=\"root hide\"><main>" PARA PARA PARA PARA PARA PARA
                 PARA PARA PARA PARA PARA PARA "</main></div></body>",
                 0, NULL));
    CHECK(!dropped(f.doc, "root"));
    CHECK(fx_contains(f.text, "real prose"));
    fx_free(&f);
    /* a tag manager's hidden <div> of scripts is no hidden page: its code
     * is not text, so the visible article stays the content */
    {
        static char page[40000];
        strcpy(page, "<body><article id=a>" PARA PARA "</article><div id=tags "
                     "style=\"display:none !important\"><span><script>");
        for (int i = 0; i < 300; i++)
            strcat(page, "(function(){var kuid = window.Krux('get', 'user'); track(kuid, 1);})();\n");
        strcat(page, "</script><noscript></noscript></span></div></body>");
        CHECK(fx_run(&f, page, 0, NULL));
        CHECK(dropped(f.doc, "tags"));
        CHECK(fx_contains(f.text, "real prose"));
        fx_free(&f);
    }
    /* but an ordinary page keeps its hidden blocks hidden */
    CHECK(fx_run(&f,
                 "<body><main>" PARA PARA PARA "</main><div id=h hidden>" PARA "</div></body>", 0,
                 NULL));
    CHECK(dropped(f.doc, "h"));
    fx_free(&f);
    /* the text hidden twice over (by markup inside an element hidden by its
     * class): shown again in two steps */
    CHECK(fx_run(&f,
                 "<body><p>Loading</p><div id=w class=\"hide\"><div id=inner hidden><article>" PARA
                 PARA PARA PARA PARA PARA PARA PARA PARA PARA PARA PARA "</article></div></div>"
                 "</body>",
                 0, NULL));
    CHECK(!dropped(f.doc, "inner"));
    CHECK(fx_contains(f.text, "real prose"));
    fx_free(&f);
    /* a screen-reader block holding a hidden element stays hidden */
    CHECK(fx_run(&f,
                 "<body><main>" PARA PARA PARA "</main><div id=sr class=sr-only>" PARA
                 "<span id=sp hidden>" PARA "</span></div></body>",
                 0, NULL));
    CHECK(dropped(f.doc, "sr"));
    CHECK(dropped(f.doc, "sp"));
    fx_free(&f);
    /* a hidden microdata copy (itemscope: the body again, for machines)
     * stays hidden even when it outweighs the visible text */
    CHECK(fx_run(&f,
                 "<body><main><p>Visible article, short and to the point.</p></main>"
                 "<div id=md style=\"display:none\" itemscope><div itemprop=articleBody>" PARA PARA
                 PARA PARA PARA PARA PARA PARA PARA PARA PARA PARA PARA PARA "</div></div></body>",
                 0, NULL));
    CHECK(dropped(f.doc, "md"));
    CHECK(fx_contains(f.text, "Visible article"));
    CHECK(!fx_contains(f.text, "real prose"));
    fx_free(&f);
}

/* Streamed server rendering: each hidden segment is moved to its
 * placeholder (a boundary's template, its fallback replaced, or a partial
 * segment's), as the page's script would move it. The shell holds more
 * text than the segments, so showing all hidden text again would not
 * happen here. */
#define SHELL_PARAS "<p>Opening paragraph of the shell, long enough to be read as prose by the scorer, with commas.</p>" PARA PARA
TEST(streamed_segments_moved_to_placeholders)
{
    fx f;
    /* a boundary, its fallback and its end comment; the instruction names
     * the pair (ids that differ, as older renderers numbered them) */
    CHECK(fx_run(&f,
                 "<body><article>" SHELL_PARAS "<!--$?--><template id=\"B:0\"></template>"
                 "<div id=fb>Loading paragraph...</div><!--/$-->"
                 "<p>Closing paragraph of the shell, after the boundary, also long enough to count.</p>"
                 "</article><div hidden id=\"S:1\"><p id=seg>Streamed paragraph that arrived late, "
                 "with enough words and commas, to be read as the story's middle.</p></div>"
                 "<script>$RC=function(b,c){};$RC(\"B:0\",\"S:1\")</script></body>",
                 0, NULL));
    const char *mid = f.text ? strstr(f.text, "Streamed paragraph") : NULL;
    CHECK(mid != NULL);
    /* in its place: after the shell's opening, before its closing */
    CHECK(mid && strstr(f.text, "Opening paragraph") < mid);
    CHECK(mid && strstr(mid, "Closing paragraph") != NULL);
    CHECK(!fx_contains(f.text, "Loading paragraph"));
    CHECK(fx_by_id(f.doc, "fb") == NULL || fx_by_id(f.doc, "fb")->parent == NULL);
    CHECK(fx_by_id(f.doc, "seg") && !dropped(f.doc, "seg"));
    fx_free(&f);
    /* a partial segment inside a segment ($RS), and no instruction at all
     * (a page saved without its scripts: the same number pairs them) */
    CHECK(fx_run(&f,
                 "<body><article>" SHELL_PARAS "<template id=\"B:2\"></template>"
                 "<p>Closing paragraph of the shell, after the boundary, also long enough to count.</p>"
                 "</article><div hidden id=\"S:2\"><p>First streamed paragraph, long enough to be "
                 "prose, with commas, clauses, and a full stop.</p><template id=\"P:3\"></template>"
                 "</div><div hidden id=\"S:3\"><p>Second streamed paragraph, filled into the first "
                 "segment's placeholder, with commas.</p></div>"
                 "<script>$RS(\"S:3\",\"P:3\")</script></body>",
                 0, NULL));
    const char *first = f.text ? strstr(f.text, "First streamed") : NULL;
    const char *second = f.text ? strstr(f.text, "Second streamed") : NULL;
    CHECK(first && second && first < second);
    CHECK(second && strstr(second, "Closing paragraph") != NULL);
    fx_free(&f);
    /* hostile: a placeholder inside its own segment, and a segment with
     * no placeholder, stay where they are, hidden */
    CHECK(fx_run(&f,
                 "<body><article>" SHELL_PARAS "</article><div hidden id=\"S:4\"><p id=own>Own "
                 "placeholder inside, never moved anywhere.</p><template id=\"B:4\"></template>"
                 "</div><div hidden id=\"S:5\"><p id=lone>No placeholder for this one.</p></div>"
                 "</body>",
                 0, NULL));
    CHECK(dropped(f.doc, "own"));
    CHECK(dropped(f.doc, "lone"));
    CHECK(!fx_contains(f.text, "never moved"));
    fx_free(&f);
}

TEST(streamed_segments_bounded)
{
    /* hostile: 300 segments, each nesting the next one's placeholder 100
     * deep, written in reverse order (a renderer writes a segment after
     * the one holding its placeholder): moves never stack one segment's
     * depth on another's, so the tree stays within twice max_depth */
    enum { SEGS = 300, DEEP = 100 };
    size_t cap = (size_t)SEGS * (DEEP * 11 + 80) + 256, k = 0;
    char *html = malloc(cap);
    CHECK(html != NULL);
    if (!html)
        return;
    k += (size_t)snprintf(html + k, cap - k, "<body><template id=\"B:1\"></template>");
    for (int i = SEGS; i >= 1; i--) {
        k += (size_t)snprintf(html + k, cap - k, "<div hidden id=\"S:%x\">", i);
        for (int d = 0; d < DEEP; d++)
            k += (size_t)snprintf(html + k, cap - k, "<div>");
        k += (size_t)snprintf(html + k, cap - k, "<template id=\"P:%x\"></template>x", i + 1);
        for (int d = 0; d < DEEP; d++)
            k += (size_t)snprintf(html + k, cap - k, "</div>");
        k += (size_t)snprintf(html + k, cap - k, "</div>");
    }
    snprintf(html + k, cap - k, "</body>");
    fx f;
    CHECK(fx_run(&f, html, 0, NULL));
    size_t max = 0, depth = 0;
    wn_walk w;
    wn_node *n;
    bool e;
    wn_walk_init(&w, f.doc->dom->root);
    while (wn_walk_next(&w, &n, &e)) {
        if (n->type != WN_NODE_ELEMENT)
            continue;
        if (e)
            max = ++depth > max ? depth : max;
        else
            depth--;
    }
    CHECK(max <= 2 * f.doc->dom->max_depth);
    fx_free(&f);
    free(html);
}

TEST(faq_answers_collapsed_by_style_shown)
{
    /* an FAQ's answers, collapsed by an inline style until the reader
     * clicks the question before each, are part of the page; a block
     * hidden after a statement, or after a question written as a button
     * (a control, dropped), stays hidden, as does one hidden by attribute */
    fx f;
    CHECK(fx_run(&f,
                 "<body><main>" PARA "<div class=faq><h3>Is the case waterproof? <span "
                 "style=\"display:none\"><svg></svg></span></h3><div id=a1 style=\"display: none\">"
                 "<p>Yes, the case keeps water out to a depth of ten metres.</p></div>"
                 "<div class=q>Can I return it?</div><div id=a2 style=\"display:none\">Within thirty "
                 "days of delivery.</div>"
                 "<div class=q>Shipping costs</div><div id=h1 style=\"display:none\">Hidden note.</div>"
                 "<button>Does it float?</button><div id=h2 style=\"display:none\">It sinks.</div>"
                 "<div class=q>Is it heavy?</div><div id=h3 hidden>Two kilograms.</div>"
                 "</div></main></body>",
                 0, NULL));
    CHECK(!dropped(f.doc, "a1"));
    CHECK(!dropped(f.doc, "a2"));
    CHECK(dropped(f.doc, "h1"));
    CHECK(dropped(f.doc, "h2"));
    CHECK(dropped(f.doc, "h3"));
    fx_free(&f);
}

TEST(accordion_region_panels_kept)
{
    /* an accordion's panel (role=region after its heading or button) is
     * content whatever its class words say; the same words on a region
     * with no header before it still drop it */
    fx f;
    CHECK(fx_run(&f,
                 "<body><main>" PARA "<ul><li><p role=heading aria-level=3><button>Who is it "
                 "for</button></p><div id=p1 class=accordion-item__dropdown role=region><p>For "
                 "editors and managers of news products.</p></div></li><li><button>How long"
                 "</button><div id=p2 class=dropdown role=region><p>Twelve weeks.</p></div></li>"
                 "</ul><div id=d1 class=dropdown role=region><a href=/a>Menu item</a></div>"
                 "</main></body>",
                 0, NULL));
    CHECK(!dropped(f.doc, "p1"));
    CHECK(!dropped(f.doc, "p2"));
    CHECK(dropped(f.doc, "d1"));
    CHECK(fx_contains(f.text, "Twelve weeks"));
    fx_free(&f);
}

TEST(nested_landmarks_holding_the_page)
{
    /* landmarks nested 60 deep around the whole article: each is measured
     * (the per-element measures give way to one walk of the page) and each
     * is kept, as it holds the page's prose; a small nav after them goes */
    char html[8192];
    size_t k = 0;
    k += (size_t)snprintf(html + k, sizeof html - k, "<body>");
    for (int i = 0; i < 60; i++)
        k += (size_t)snprintf(html + k, sizeof html - k, "<nav id=n%d>", i);
    k += (size_t)snprintf(html + k, sizeof html - k, "%s", PARA PARA PARA PARA PARA PARA);
    for (int i = 0; i < 60; i++)
        k += (size_t)snprintf(html + k, sizeof html - k, "</nav>");
    snprintf(html + k, sizeof html - k, "<nav id=small><a href=/>Home</a></nav></body>");
    fx f;
    CHECK(fx_run(&f, html, 0, NULL));
    CHECK(!dropped(f.doc, "n0"));
    CHECK(!dropped(f.doc, "n59"));
    CHECK(dropped(f.doc, "small"));
    CHECK(fx_contains(f.text, "real prose"));
    fx_free(&f);
}

TEST(sizes_from_text_and_paragraphs)
{
    /* the measures that decide: a menu of 1,500 bytes of link text and no
     * paragraph goes; a share wrapper under 40% of the page's prose but
     * holding paragraphs stays, and a small menu inside it goes (measured
     * in the wrapper's walk); a form with 1,500 bytes of text stays, one
     * with a line of text goes; links count as link text under the <a> */
    static char html[32768];
    size_t k = 0;
    k += (size_t)snprintf(html + k, sizeof html - k, "<body><article id=main>");
    for (int i = 0; i < 60; i++)
        k += (size_t)snprintf(html + k, sizeof html - k, PARA);
    k += (size_t)snprintf(html + k, sizeof html - k, "</article><div id=links class=menu>");
    for (int i = 0; i < 60; i++)
        k += (size_t)snprintf(html + k, sizeof html - k,
                              "<a href=/x%d><span>Another fairly long menu link text</span></a>", i);
    k += (size_t)snprintf(html + k, sizeof html - k, "</div><div id=wrap class=share-tools>");
    for (int i = 0; i < 20; i++)
        k += (size_t)snprintf(html + k, sizeof html - k, PARA);
    k += (size_t)snprintf(html + k, sizeof html - k,
                          "<div id=inner class=menu><a href=/>Home</a></div></div>"
                          "<form id=bigform><span>");
    for (int i = 0; i < 70; i++)
        k += (size_t)snprintf(html + k, sizeof html - k, "words without any paragraph ");
    snprintf(html + k, sizeof html - k,
             "</span></form><form id=line><span>Sign up</span></form></body>");
    fx f;
    CHECK(fx_run(&f, html, 0, NULL));
    CHECK(!dropped(f.doc, "main"));
    CHECK(dropped(f.doc, "links"));
    CHECK(!dropped(f.doc, "wrap"));
    CHECK(dropped(f.doc, "inner"));
    CHECK(!dropped(f.doc, "bigform"));
    CHECK(dropped(f.doc, "line"));
    fx_free(&f);
}

int
main(void)
{
    RUN(tokens_split_and_match_whole_words);
    RUN(vocabulary_lookup);
    RUN(vocabulary_bits);
    RUN(main_regions_listed);
    RUN(negative_blocks_listed);
    RUN(role_button_cards_kept);
    RUN(accordion_question_buttons_kept);
    RUN(tokenizer_matches_reference);
    RUN(never_content_tags);
    RUN(hidden_elements);
    RUN(collapsed_panels_shown);
    RUN(tab_panes_hidden_by_style_shown);
    RUN(faq_answers_collapsed_by_style_shown);
    RUN(accordion_region_panels_kept);
    RUN(carousel_slides_out_of_view_shown);
    RUN(accordion_answers_hidden_by_style_shown);
    RUN(tablist_of_labels_or_accordion);
    RUN(landmarks_and_vocabulary);
    RUN(wrapper_with_negative_class_kept);
    RUN(forms_small_dropped_large_kept);
    RUN(forms_without_controls_kept);
    RUN(streamed_content_shown_again);
    RUN(streamed_segments_moved_to_placeholders);
    RUN(streamed_segments_bounded);
    RUN(nested_landmarks_holding_the_page);
    RUN(sizes_from_text_and_paragraphs);
    return harness_done();
}
