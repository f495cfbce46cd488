/* test_score.c - wn_score: the article is found among navigation, sidebars
 * and comments; boilerplate inside it is flagged; split articles are
 * merged; precision/recall modes move the bounds; deep and wide trees stay
 * linear. Also runs the golden pages in tests/corpus. */
#include <dirent.h>

#include "extract_helper.h"
#include "harness.h"
#include "score/score.h"
#include "score/stats_walk.h"

#define P1 "<p>The council approved the new budget on Tuesday, after a debate that lasted, by most accounts, well into the night.</p>"
#define P2 "<p>Supporters said the plan would repair roads, fund schools, and hire more nurses, while critics warned of higher taxes.</p>"
#define P3 "<p>The mayor, who had campaigned on the issue for two years, called the vote a turning point for the city and its budget.</p>"
#define SIDEBAR "<div class=sidebar><h3>Popular</h3><ul><li><a href=/1>One story here</a></li><li><a href=/2>Another story here</a></li></ul></div>"

static const char *
flags_of(wn_doc *doc, const char *id, uint32_t *flags)
{
    wn_node *n = fx_by_id(doc, id);
    *flags = n ? n->flags : 0;
    return n ? "" : NULL;
}

TEST(article_found_among_boilerplate)
{
    fx f;
    CHECK(fx_run(&f,
                 "<body><nav><a href=/>Home</a><a href=/news>News</a></nav>" SIDEBAR
                 "<div id=story class=story-body>" P1 P2 P3 "</div>"
                 "<div class=comments><p>A comment that is long enough to be a paragraph, with "
                 "commas, and more commas, and even more words.</p></div>"
                 "<footer><p>Copyright 2024 The Example Gazette. All rights reserved.</p></footer>"
                 "</body>",
                 0, NULL));
    CHECK(fx_contains(f.text, "council approved"));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "Home"));
    CHECK(!fx_contains(f.text, "Popular"));
    CHECK(!fx_contains(f.text, "A comment"));
    CHECK(!fx_contains(f.text, "Copyright"));
    CHECK(f.res.content.n_roots >= 1);
    fx_free(&f);
}

TEST(comments_wrapper_opening_the_page_kept)
{
    /* a block named for comments that holds the story and has nothing but
     * the headline before it (comments on a selection of the text) is the
     * page; the comment section after the story still goes */
    fx f;
    CHECK(fx_run(&f,
                 "<body><h1>Budget vote</h1><div id=sel class=commentOnSelection><div id=story>"
                 P1 P2 P3 "</div></div><div id=cs class=comments><p>A comment that is long enough "
                 "to be a paragraph, with commas, and more commas, and even more words.</p></div>"
                 "</body>",
                 0, NULL));
    CHECK(fx_contains(f.text, "council approved"));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "A comment"));
    fx_free(&f);
    /* after the story, a comment section holding most of the text is the
     * comments still */
    CHECK(fx_run(&f,
                 "<body><h1>Budget vote</h1><div id=story>" P1 P2 P3 "</div><div id=cs "
                 "class=comments>" P2 P3 P1 P2 P3 P1 P2 P3 "</div></body>",
                 0, NULL));
    CHECK(fx_contains(f.text, "council approved"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "cs", &fl) && (fl & (WN_NF_BOILER | WN_NF_DROP)));
    fx_free(&f);
}

TEST(headline_byline_and_link_dense_list)
{
    fx f;
    CHECK(fx_run(&f,
                 "<body><article id=a><h1 id=h>Council passes budget</h1>"
                 "<p id=by class=byline>By Jane Smith</p>" P1 P2
                 "<ul id=rel><li><a href=/x>Read: roads plan explained in detail</a></li>"
                 "<li><a href=/y>Read: the schools fund and what it means</a></li></ul>" P3
                 "<ul id=facts><li>Budget: 2 billion</li><li>Vote: 7 to 2</li></ul>"
                 "</article></body>",
                 0, "Council passes budget"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "h", &fl) && (fl & WN_NF_HEADLINE));
    CHECK(f.res.content.headline == fx_by_id(f.doc, "h"));
    CHECK(flags_of(f.doc, "by", &fl) && (fl & WN_NF_BYLINE));
    CHECK(flags_of(f.doc, "rel", &fl) && (fl & WN_NF_BOILER));
    CHECK(flags_of(f.doc, "facts", &fl) && !(fl & WN_NF_BOILER));
    CHECK(!fx_contains(f.text, "Council passes budget"));
    CHECK(!fx_contains(f.text, "Jane Smith"));
    CHECK(!fx_contains(f.text, "roads plan explained"));
    CHECK(fx_contains(f.text, "Budget: 2 billion\nVote: 7 to 2"));
    fx_free(&f);
}

/* A negative block is sized by its text less what clean dropped inside it:
 * a footer whose share box (600 bytes, dropped by clean) made it look like
 * a large part of the page is, without it, a small footer. */
TEST(negative_block_sized_without_what_clean_dropped)
{
    char html[4096];
    size_t k = (size_t)snprintf(html, sizeof html,
                                "<body><div id=story>" P1 P2 P3 P1 P2 P3 P1 P2 P3 "</div>"
                                "<div id=foot class=footer><p>The footer's own line, which "
                                "names the paper, its address, and the year it was founded.</p>"
                                "<div class=share>");
    for (int i = 0; i < 10; i++) /* 10 x 60 bytes without blanks */
        k += (size_t)snprintf(html + k, sizeof html - k,
                              "<p>Share this story with your friends and family todaypleasenow</p>");
    snprintf(html + k, sizeof html - k, "%s", "</div></div></body>");
    fx f;
    CHECK(fx_run(&f, html, 0, NULL));
    uint32_t fl;
    CHECK(flags_of(f.doc, "foot", &fl) && (fl & WN_NF_BOILER));
    CHECK(!fx_contains(f.text, "footer's own line"));
    CHECK(fx_contains(f.text, "council approved"));
    fx_free(&f);
}

/* The pipeline as fx_run, with the metadata's first author set: the
 * byline the markup does not name is found by that name. */
static bool
fx_run_author_url(fx *f, const char *html, const char *author, const char *url)
{
    memset(f, 0, sizeof *f);
    f->doc = fx_parse(html, 0);
    if (!f->doc)
        return false;
    static wn_str a;
    a.ptr = author;
    a.len = strlen(author);
    f->meta.authors = &a;
    f->meta.n_authors = 1;
    if (url) {
        f->meta.url.ptr = url;
        f->meta.url.len = strlen(url);
    }
    if (wn_clean(f->doc) != WN_OK || wn_score(f->doc, &f->meta, &f->res.content) != WN_OK)
        return false;
    f->res.doc = f->doc;
    return fx_render(f) != NULL;
}

static bool
fx_run_author(fx *f, const char *html, const char *author)
{
    return fx_run_author_url(f, html, author, NULL);
}

TEST(author_note_at_the_end)
{
    /* a note on the author closing the article is not its text; the
     * site's own name closing a post by the site is */
    fx f;
    CHECK(fx_run_author(&f,
                        "<body><article><h1>Council passes budget</h1>" P1 P2 P3
                        "<p>Email Jane Smith at jane@example.com or follow her for more of "
                        "her reporting on the city.</p></article></body>",
                        "Jane Smith"));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "Email Jane Smith"));
    fx_free(&f);
    /* nor is a box on the author: her name, her title, a line of bio */
    CHECK(fx_run_author(&f,
                        "<body><article><h1>Council passes budget</h1>" P1 P2 P3
                        "<div><div><a href=/jane>Jane Smith</a></div><div>City editor</div>"
                        "<p>She has covered the council, the schools and the courts for the "
                        "paper since 2010.</p></div></article></body>",
                        "Jane Smith"));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "City editor"));
    CHECK(!fx_contains(f.text, "since 2010"));
    fx_free(&f);
    CHECK(fx_run_author_url(&f,
                            "<body><article><h1>Saving for a home</h1>" P1 P2 P3
                            "<p>At Acme Savings Bank we help our neighbours plan their budget, "
                            "so talk to us.</p></article></body>",
                            "Acme Savings Bank", "https://www.acmesavingsbank.example/blog/x"));
    CHECK(fx_contains(f.text, "At Acme Savings Bank we help"));
    fx_free(&f);
    /* a paragraph of biography, longer than a note, that opens with her
     * name; a long closing paragraph that names her inside stays */
#define BIO_TAIL "has covered the council, the schools, the courts and the port for the paper " \
                 "since 2010, after six years at a wire service in the capital, where she wrote " \
                 "about trade, farming and the weather; she lives by the river with two dogs, a " \
                 "cat and far too many books, and she still answers every letter that readers " \
                 "send her about the city, its budget, its buses and its parks, usually by hand " \
                 "and always within the week, from the small desk by the window of the newsroom; " \
                 "before all that she taught history at the old grammar school on the hill for " \
                 "nine years, and she still runs its debating club every other Thursday night.</p>"
    CHECK(fx_run_author(&f,
                        "<body><article><h1>Council passes budget</h1>" P1 P2 P3 P1 P2 P3
                        "<p>Jane Smith " BIO_TAIL "</article></body>",
                        "Jane Smith"));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "six years at a wire service"));
    fx_free(&f);
    CHECK(fx_run_author(&f,
                        "<body><article><h1>Council passes budget</h1>" P1 P2 P3 P1 P2 P3
                        "<p>Our reporter Jane Smith " BIO_TAIL "</article></body>",
                        "Jane Smith"));
    CHECK(fx_contains(f.text, "six years at a wire service"));
    fx_free(&f);
#undef BIO_TAIL
}

TEST(author_note_text_collapsed)
{
    /* the note's text is read with each run of blanks (CR and tab too) and
     * each break between texts as one space: a name split over lines and
     * elements is found */
    fx f;
    CHECK(fx_run_author(&f,
                        "<body><article><h1>Council passes budget</h1>" P1 P2 P3
                        "<p>Email Jane\r\n\t <b>Smith</b>\n at jane@example.com or follow her "
                        "for more of her reporting on the city.</p></article></body>",
                        "Jane Smith"));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "Email Jane"));
    fx_free(&f);
    CHECK(fx_run_author(&f,
                        "<body><article><h1>Council passes budget</h1>" P1 P2 P3
                        "<p>Email Jane<i>Smith</i> at jane@example.com or follow her for more "
                        "of her reporting on the city.</p></article></body>",
                        "Jane Smith"));
    CHECK(!fx_contains(f.text, "Email Jane"));
    fx_free(&f);
    /* a closing line naming someone else of her family name stays */
    CHECK(fx_run_author(&f,
                        "<body><article><h1>Council passes budget</h1>" P1 P2 P3
                        "<p>Email John Smith at john@example.com or follow him for more of "
                        "his reporting on the city.</p></article></body>",
                        "Jane Smith"));
    CHECK(fx_contains(f.text, "Email John Smith"));
    fx_free(&f);
    /* a long biography opening with the name in an element of its own,
     * then a text longer than what is left of the reading buffer */
    CHECK(fx_run_author(&f,
                        "<body><article><h1>Council passes budget</h1>" P1 P2 P3 P1 P2 P3
                        "<p><b>Jane  Smith</b> has covered the council, the schools, the courts "
                        "and the port for the paper since 2010, after six years at a wire "
                        "service in the capital, where she wrote about trade, farming and the "
                        "weather; she lives by the river with two dogs, a cat and far too many "
                        "books, and she still answers every letter that readers send her about "
                        "the city, its budget, its buses and its parks, usually by hand and "
                        "always within the week, from the small desk by the window of the "
                        "newsroom; before all that she taught history at the old grammar school "
                        "on the hill for nine years, and she still runs its debating club "
                        "every other Thursday night.</p></article></body>",
                        "Jane Smith"));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "six years at a wire service"));
    fx_free(&f);
}

TEST(datelines_and_unnamed_bylines)
{
    /* on an article, a <time> standing alone and a short credit line
     * naming the author are no body text; a date and the author's name
     * inside sentences are */
    fx f;
    CHECK(fx_run_author(&f,
                        "<body><article><h1>Council passes budget</h1>"
                        "<time id=t datetime=2023-07-26>26 July 2023</time>"
                        "<div id=c><span>10:20</span> <span>Source: Wire</span> "
                        "<span>Author: Jane Smith</span></div>" P1
                        "<p id=s>On <time>26 July</time> Jane Smith asked the council for "
                        "the figures, and the council sent them a week later.</p>" P2 P3
                        "<p id=q>Jane Smith: what did the vote change?</p>"
                        "</article></body>",
                        "Jane Smith"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "t", &fl) && (fl & WN_NF_BYLINE));
    CHECK(flags_of(f.doc, "c", &fl) && (fl & WN_NF_BYLINE));
    CHECK(!fx_contains(f.text, "26 July 2023"));
    CHECK(!fx_contains(f.text, "Source: Wire"));
    CHECK(fx_contains(f.text, "On 26 July Jane Smith asked"));
    CHECK(fx_contains(f.text, "what did the vote change?"));
    fx_free(&f);
    /* a one-word organisation as the author: its name in a short line
     * is the article's own words */
    CHECK(fx_run_author(&f,
                        "<body><article><h1>Pricing update</h1>" P1
                        "<p id=o>Acme Actions for every plan</p>" P2 P3 "</article></body>",
                        "Acme"));
    CHECK(fx_contains(f.text, "Acme Actions for every plan"));
    fx_free(&f);
}

TEST(rel_tag_list)
{
    /* links marked rel="tag" with a label and separators, inline at the
     * article's end, are its tags (the metadata's), not its text; a
     * sentence that links one tag is text */
    fx f;
    CHECK(fx_run(&f,
                 "<body><div id=main><h1>Council passes budget</h1>" P1 P2
                 "<p>More on <a rel=tag href=/t/budget>the budget</a> and "
                 "<a rel=tag href=/t/council>the council</a>, in our coverage of the vote, "
                 "with what each member said.</p>" P3
                 "<strong id=kw>Tags<br><a rel=tag href=/t/1>city budget 2024</a>, "
                 "<a rel=\"category tag\" href=/t/2>council vote</a>, "
                 "<a rel=tag href=/t/3>road repairs</a></strong></div></body>",
                 0, "Council passes budget"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "kw", &fl) && (fl & WN_NF_BOILER));
    CHECK(!fx_contains(f.text, "road repairs"));
    CHECK(fx_contains(f.text, "coverage of the vote"));
    CHECK(fx_contains(f.text, "turning point"));
    fx_free(&f);
}

TEST(article_body_holds_a_gallery)
{
    /* a gallery embedded in what the markup names the article's body,
     * whose thirty long captions outscore the story's paragraphs, is a
     * part of the body: the story stays */
    char html[24000];
    size_t n = (size_t)snprintf(html, sizeof html,
                                "<body><div class=top><h1>Council passes budget</h1></div>"
                                "<div class=wrap itemprop=articleBody>" P1 P2
                                "<div class=embed><div class=gallery><div class=images><img src=/1.jpg "
                                "alt=\"\"><span>Photos</span></div><ul class=legends>");
    for (int i = 1; i <= 30 && n < sizeof html; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
                              "<li><h2>%d/30 Picture</h2><p>The caption of picture %d, which "
                              "shows the town hall, the square, the market, the river and the "
                              "bridge, with people walking past, cars parked along the street, "
                              "and, further back, the hills, the old mill, the church tower and "
                              "the new library, all under a grey sky.</p></li>",
                              i, i);
    if (n < sizeof html)
        snprintf(html + n, sizeof html - n, "</ul></div></div>" P3 "</div></body>");
    fx f;
    CHECK(fx_run(&f, html, 0, "Council passes budget"));
    CHECK(fx_contains(f.text, "council approved"));
    CHECK(fx_contains(f.text, "turning point"));
    fx_free(&f);
}

TEST(orphan_list_labels)
{
    /* the label over a list of other stories that is removed goes with
     * it; a heading whose section stays, and a sentence before a link,
     * do not */
    fx f;
    CHECK(fx_run(&f,
                 "<body><article><h1>Council passes budget</h1><div>" P1 P2
                 "<h2>Schools</h2>" P3
                 "<p>Find the full plan online.</p><p><a href=/plan>Budget plan for the year</a></p>"
                 "</div><div>" P1
                 "<p><strong>Keep reading...</strong></p>"
                 "<p><a href=/a>Roads plan explained in detail</a></p>"
                 "<p><a href=/b>The schools fund and what it means</a></p><p></p>"
                 "</div></article></body>",
                 0, NULL));
    CHECK(fx_contains(f.text, "Schools"));
    CHECK(fx_contains(f.text, "Find the full plan online."));
    CHECK(!fx_contains(f.text, "Roads plan"));
    CHECK(!fx_contains(f.text, "Keep reading"));
    fx_free(&f);
    /* over other articles set aside, teasers with their excerpts */
    CHECK(fx_run(&f,
                 "<body><article><h1>Council passes budget</h1>" P1 P2 P3
                 "<h3>Also on the site</h3>"
                 "<article><h2><a href=/a>Roads</a></h2><p>A short excerpt of another story.</p></article>"
                 "<article><h2><a href=/b>Schools</a></h2><p>And an excerpt of one more.</p></article>"
                 "</article></body>",
                 0, NULL));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "excerpt"));
    CHECK(!fx_contains(f.text, "Also on the site"));
    fx_free(&f);
}

TEST(copies_of_the_story)
{
    /* a responsive layout's second copy of the story, and a <noscript>
     * copy beside it, appear once; a paragraph repeated on purpose stays */
    fx f;
    CHECK(fx_run(&f,
                 "<body><article><h1>Council passes budget</h1>"
                 "<div class=wide>" P1 P2 P3 "</div><div class=narrow>" P1 P2 P3 "</div>"
                 "</article></body>",
                 0, NULL));
    const char *t = strstr(f.text, "turning point");
    CHECK(t && !strstr(t + 1, "turning point"));
    fx_free(&f);
    CHECK(fx_run(&f,
                 "<body><div><div id=story>" P1 P2 P3 "</div>"
                 "<noscript><div>" P1 P2 P3 "</div></noscript></div></body>",
                 0, NULL));
    t = strstr(f.text, "turning point");
    CHECK(t && !strstr(t + 1, "turning point"));
    fx_free(&f);
    CHECK(fx_run(&f, "<body><article><h1>Council passes budget</h1><div>" P1 P2 "</div><div>" P1 P2 P3
                     "</div></article></body>",
                 0, NULL));
    t = strstr(f.text, "council approved");
    CHECK(t && strstr(t + 1, "council approved"));
    fx_free(&f);
}

TEST(section_headers_kept)
{
    /* a <header> holding a section's subheading is the article's; the
     * headline's <header> with its kicker and date is not */
    fx f;
    CHECK(fx_run(&f,
                 "<body><article><header><p>Local news</p><h1>Council passes budget</h1>"
                 "<p>June 3</p></header>"
                 "<section><header><h2>The vote</h2></header>" P1 P2 "</section>"
                 "<section><header><h2>What comes next</h2></header>" P3 "</section>"
                 "</article></body>",
                 0, "Council passes budget"));
    CHECK(fx_contains(f.text, "The vote"));
    CHECK(fx_contains(f.text, "What comes next"));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "Local news"));
    CHECK(!fx_contains(f.text, "June 3"));
    fx_free(&f);
}

TEST(article_body_with_a_rail_not_lifted)
{
    /* an itemprop=articleBody element whose class says it also holds a
     * rail (a page grid "with-right-rail") does not replace the story's
     * own block as the content */
    fx f;
    CHECK(fx_run(&f,
                 "<body><section id=grid class=\"l-grid l-grid--with-right-rail\" "
                 "itemprop=articleBody><div id=story class=l-grid__main>"
                 "<h1>Council passes budget</h1>" P1 P2 P3 "</div>"
                 "<div class=l-grid__side><p>Doors open at nine on weekdays and at ten on "
                 "Sundays.</p><ul><li><a href=/a>One story "
                 "here today</a></li><li><a href=/b>Another story here today</a></li></ul>"
                 "</div></section></body>",
                 0, "Council passes budget"));
    CHECK(f.res.content.n_roots >= 1);
    CHECK(f.res.content.roots[0] == fx_by_id(f.doc, "story"));
    CHECK(fx_contains(f.text, "turning point"));
    fx_free(&f);
}

TEST(ad_labels)
{
    /* an ad slot's label left in an article (the slot itself empty) is
     * no text; the word inside a sentence is */
    fx f;
    CHECK(fx_run(&f,
                 "<body><article><h1>Council passes budget</h1>" P1 "<p>Advertisement</p>" P2
                 "<div>ANZEIGE</div><div><center><span>Advert</span><br><noscript><a href=/ad><img "
                 "src=/ad.png></a></noscript></center></div>"
                 "<div><span>Iklan</span></div>" P3
                 "<p>The advertisement ran twice.</p></article></body>",
                 0, NULL));
    CHECK(!fx_contains(f.text, "Advertisement"));
    CHECK(!fx_contains(f.text, "ANZEIGE"));
    CHECK(!fx_contains(f.text, "Advert"));
    CHECK(!fx_contains(f.text, "Iklan"));
    CHECK(fx_contains(f.text, "The advertisement ran twice."));
    fx_free(&f);
}

#define ARTICLE_HEAD "<head><script type='application/ld+json'>{\"@type\":\"NewsArticle\"}</script></head>"

TEST(article_list_of_links_elsewhere_kept)
{
    /* on an article, a list whose links point to other sites is the
     * story's references; a list of the site's own stories is not */
    const char *html =
        "<html>" ARTICLE_HEAD "<body><article>" P1 P2 "<ul id=refs><li><a href=\"https://journal.example.net/a/1\">A "
        "study of budget votes in small cities</a></li><li><a href=\"https://stats.example.com/"
        "t/2\">City spending tables, 2020 to 2024</a></li><li><a href=\"http://www.archive."
        "example.edu/r\">Council minutes archive</a></li></ul>" P3 "<ul id=more><li><a "
        "href=\"/news/1\">Another story from our newsroom today</a></li><li><a href=\"https://"
        "www.gazette.example.org/news/2\">A second story from the same site</a></li><li><a "
        "href=\"/news/3\">And a third story from the site</a></li></ul></article></body>";
    fx f;
    memset(&f, 0, sizeof f);
    f.doc = fx_parse(html, 0);
    CHECK(f.doc != NULL);
    if (!f.doc)
        return;
    f.meta.url.ptr = "https://www.gazette.example.org/news/budget";
    f.meta.url.len = strlen(f.meta.url.ptr);
    CHECK(wn_clean(f.doc) == WN_OK);
    CHECK(wn_score(f.doc, &f.meta, &f.res.content) == WN_OK);
    f.res.doc = f.doc;
    CHECK(fx_render(&f) != NULL);
    CHECK(fx_contains(f.text, "council approved"));
    CHECK(fx_contains(f.text, "City spending tables"));
    CHECK(fx_contains(f.text, "Council minutes archive"));
    CHECK(!fx_contains(f.text, "Another story"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    fx_free(&f);
    /* without the page's address, nothing tells where links point */
    CHECK(fx_run(&f, html, 0, NULL));
    CHECK(!fx_contains(f.text, "City spending tables"));
    fx_free(&f);
}

TEST(headline_found_late_drops_nothing_above)
{
    /* short blocks above a headline that opens the article are kickers;
     * above a title matched far down (a closing "pin it" card repeating it)
     * they are the article */
    fx f;
    CHECK(fx_run(&f,
                 "<html>" ARTICLE_HEAD "<body><article id=a>"
                 "<p>Grouping office supplies saves time, every single day, and it keeps the desk clear for work.</p>"
                 "<p>Pens go in the top drawer, next to the sticky notes, where a hand finds them without looking.</p>"
                 "<p>Paper lives on the shelf, in labelled boxes by size, so a printer never runs dry mid-job.</p>"
                 "<p>Cables get a basket of their own, with a tag on each, and chargers sit beside them.</p>"
                 "<p>Stamps and envelopes share a small tray by the door, ready for the post on the way out.</p>"
                 "<p>Once a month, return strays to their homes in one go, and the system keeps working.</p>"
                 "<h2>Where to store office supplies</h2><p>Pin this for later.</p>"
                 "</article></body></html>",
                 0, "Where to store office supplies"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    CHECK(fx_contains(f.text, "top drawer"));
    CHECK(fx_contains(f.text, "labelled boxes"));
    fx_free(&f);

    /* at the top, the kicker above it goes */
    CHECK(fx_run(&f,
                 "<html>" ARTICLE_HEAD "<body><article id=a><div id=k>Home organising</div>"
                 "<h2>Where to store office supplies</h2>" P1 P2 P3 "</article></body></html>",
                 0, "Where to store office supplies"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    CHECK(fx_contains(f.text, "council approved"));
    CHECK(!fx_contains(f.text, "Home organising"));
    fx_free(&f);

    /* a kicker is a few short lines: in a run of short paragraphs above
     * the headline, those past the first 300 bytes are kept */
    CHECK(fx_run(&f,
                 "<html>" ARTICLE_HEAD "<body><article id=a><div>Home organising</div>"
                 "<p>Pens go in the top drawer, next to the sticky notes, where a hand finds "
                 "them without looking up from the page.</p>"
                 "<p>Paper lives on the shelf, in labelled boxes sorted by size, so that the "
                 "printer never runs dry in the middle of a job.</p>"
                 "<p>Cables get a basket of their own, with a tag on each one, and the chargers "
                 "sit right beside them in a second basket.</p>"
                 "<p>Stamps and envelopes share a small tray next to the door, ready for the "
                 "post on the way out of the house each morning.</p>"
                 "<p>Once a month, strays go back to their homes in one go, and the whole "
                 "system keeps working for another month.</p>"
                 "<h2>Where to store office supplies</h2>" P1 P2 P3 P1 P2 P3 P1 P2 P3 P1 P2 P3
                 "</article></body></html>",
                 0, "Where to store office supplies"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    CHECK(!fx_contains(f.text, "Home organising"));
    CHECK(fx_contains(f.text, "strays go back"));
    fx_free(&f);
}

TEST(teaser_components_are_content)
{
    /* "teaser" names a CMS component (a card with a heading, a sentence and
     * a link); on a landing page made of them they are the page: no class
     * word drops them (a link-dense teaser list still goes) */
    fx f;
    CHECK(fx_run(&f,
                 "<body><main><div id=intro class=story-body>" P1 P2
                 "<div id=t1 class=teaser><h3>Backups</h3><p>Every laptop is copied each night, "
                 "and a file comes back in one click.</p><a href=/b>More</a></div>"
                 "<div id=t2 class=teaser><h3>Support</h3><p>Our staff answer the phone on every "
                 "day of the week, in three languages.</p><a href=/s>More</a></div>"
                 "<ul id=rel class=teaser-list><li><a href=/x>Read: roads plan explained in detail</a></li>"
                 "<li><a href=/y>Read: the schools fund and what it means</a></li></ul>"
                 "</div></main></body>",
                 0, NULL));
    CHECK(fx_contains(f.text, "council approved"));
    CHECK(fx_contains(f.text, "copied each night"));
    CHECK(fx_contains(f.text, "three languages"));
    CHECK(!fx_contains(f.text, "roads plan explained"));
    fx_free(&f);
}

TEST(siblings_of_one_article_merged)
{
    /* an article split over sibling containers with an ad slot between */
    fx f;
    CHECK(fx_run(&f,
                 "<body>" SIDEBAR "<div id=wrap>"
                 "<div id=part1 class=text-block>" P1 P2 "</div>"
                 "<div class=ad-slot>Advertisement</div>"
                 "<div id=part2 class=text-block>" P3 P1 "</div>"
                 "<p id=tail>Short closing line of the story.</p>"
                 "</div></body>",
                 0, NULL));
    CHECK(fx_contains(f.text, "council approved"));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(fx_contains(f.text, "closing line"));
    CHECK(!fx_contains(f.text, "Advertisement"));
    CHECK(!fx_contains(f.text, "Popular"));
    fx_free(&f);
}

TEST(caption_repeated_appears_once)
{
    fx f;
    CHECK(fx_run(&f,
                 "<body><article>" P1
                 "<figure><img src=a.jpg alt=x><figcaption id=c1>Crowds gather outside the town "
                 "hall</figcaption></figure>"
                 "<div class=viewer><div id=c2>Crowds gather outside the town hall</div></div>"
                 P2 P3 "</article></body>",
                 0, NULL));
    uint32_t fl;
    CHECK(flags_of(f.doc, "c1", &fl) && (fl & WN_NF_CAPTION));
    /* (rendered with captions, whatever the page type) */
    f.res.content.captions_aside = false;
    CHECK(fx_render(&f) != NULL);
    const char *first = strstr(f.text, "Crowds gather");
    CHECK(first != NULL);
    CHECK(first && strstr(first + 1, "Crowds gather") == NULL);
    fx_free(&f);
    /* and WN_OPT_NO_CAPTIONS leaves it out */
    CHECK(fx_run(&f,
                 "<body><article>" P1 "<figure><img src=a.jpg><figcaption>Crowds gather outside "
                 "the town hall</figcaption></figure>" P2 P3 "</article></body>",
                 WN_OPT_NO_CAPTIONS, NULL));
    CHECK(!fx_contains(f.text, "Crowds gather"));
    CHECK(fx_contains(f.text, "council approved"));
    fx_free(&f);
}

TEST(caption_copy_found_by_its_words)
{
    /* a copy of a caption is found by its words alone (case, blanks,
     * punctuation and markup aside), however long; a caption that differs
     * in its last letter is no copy */
#define CAPTION "Crowds gather outside the town hall on Tuesday evening, waiting for the " \
                "council's vote on the budget for the coming year"
    fx f;
    CHECK(fx_run(&f,
                 "<body><article>" P1
                 "<figure><img src=a.jpg alt=x><figcaption id=c1>" CAPTION "</figcaption></figure>"
                 "<div class=viewer><div id=c2>CROWDS gather<br> outside <b>the town-hall</b> on "
                 "Tuesday evening... waiting for the council s vote on the budget for the coming "
                 "year!</div></div>"
                 "<div class=viewer><div id=c3>" CAPTION "s</div></div>" P2 P3 "</article></body>",
                 0, NULL));
    uint32_t fl;
    CHECK(flags_of(f.doc, "c1", &fl) && (fl & WN_NF_CAPTION) && !(fl & WN_NF_BOILER));
    CHECK(flags_of(f.doc, "c2", &fl) && (fl & WN_NF_BOILER));
    CHECK(flags_of(f.doc, "c3", &fl) && !(fl & WN_NF_BOILER));
    fx_free(&f);
#undef CAPTION
}

TEST(dates_and_bylines_in_the_body)
{
    /* a date named "post-date" (a byline word and an article word) and a
     * date known by its microdata only are not body text */
    fx f;
    CHECK(fx_run(&f,
                 "<head><meta property='og:type' content='article'></head>"
                 "<body><article><h1>Council passes budget</h1>"
                 "<span id=d1 class=post-date>March 3, 2024</span>" P1 P2
                 "<span id=d2 class=data itemprop=dateModified>Updated March 4, 2024</span>" P3
                 "</article></body>",
                 0, "Council passes budget"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    uint32_t fl;
    CHECK(flags_of(f.doc, "d1", &fl) && (fl & WN_NF_BYLINE));
    CHECK(flags_of(f.doc, "d2", &fl) && (fl & WN_NF_BYLINE));
    CHECK(!fx_contains(f.text, "March"));
    CHECK(fx_contains(f.text, "turning point"));
    fx_free(&f);
}

TEST(nested_article_teasers)
{
    /* teasers of other posts as <article>s inside the article; a
     * listicle's items, <article>s of several paragraphs, stay */
    fx f;
    CHECK(fx_run(&f,
                 "<head><meta property='og:type' content='article'></head>"
                 "<body><article id=main>" P1 P2 P3 P1 P2
                 "<article id=t1><a href=/x><img src=x.jpg></a><p>Another post entirely, with "
                 "its own opening lines, a comma or two, and a teaser length of text.</p></article>"
                 "<article id=t2><a href=/y><img src=y.jpg></a><p>Yet another post, whose first "
                 "sentences are shown here, so that readers might click through to it.</p>"
                 "</article></article></body>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    uint32_t fl;
    CHECK(flags_of(f.doc, "t1", &fl) && (fl & WN_NF_BOILER));
    CHECK(!fx_contains(f.text, "Yet another post"));
    CHECK(fx_contains(f.text, "turning point"));
    fx_free(&f);
    CHECK(fx_run(&f,
                 "<head><meta property='og:type' content='article'></head>"
                 "<body><article id=main>" P1 "<article id=i1><h2>One</h2>" P2 P3 "</article>"
                 "<article id=i2><h2>Two</h2>" P1 P3 "</article></article></body>",
                 0, NULL));
    CHECK(flags_of(f.doc, "i1", &fl) && !(fl & WN_NF_BOILER));
    CHECK(fx_contains(f.text, "hire more nurses"));
    fx_free(&f);
}

TEST(headline_header_with_its_dek)
{
    /* the <header> around the headline, with a standfirst as long as a
     * paragraph: not body text */
    fx f;
    CHECK(fx_run(&f,
                 "<head><meta property='og:type' content='article'></head>"
                 "<body><article><header><h1>Council passes budget</h1>"
                 "<h3 id=dek>The city's spending plan for next year clears its last hurdle after a "
                 "long night of debate, and the mayor calls it a turning point</h3></header>" P1
                 P2 P3 "</article></body>",
                 0, "Council passes budget"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    CHECK(!fx_contains(f.text, "last hurdle"));
    CHECK(fx_contains(f.text, "hire more nurses"));
    fx_free(&f);
}

TEST(embedded_post_in_social_wrapper)
{
    /* an embedded post (a quotation) in a wrapper named "social" stays;
     * a share bar beside it goes */
    fx f;
    CHECK(fx_run(&f,
                 "<body><article>" P1 P2
                 "<div class=social-share><a href=/s>Share</a> <a href=/t>Post</a></div>"
                 "<div class=social-media-embed><blockquote><p>Yes, this is real, and it cost "
                 "the state a fortune</p>&mdash; A reader <a href=/x>November 18</a>"
                 "</blockquote></div>" P3 "</article></body>",
                 0, NULL));
    CHECK(fx_contains(f.text, "cost the state a fortune"));
    CHECK(!fx_contains(f.text, "Share"));
    CHECK(fx_contains(f.text, "turning point"));
    fx_free(&f);
}

TEST(short_wrapper_of_the_headline)
{
    /* the headline in a page header inside a short wrapper: the wrapper
     * is not a short block above the headline, and what follows the
     * headline is not either */
    fx f;
    CHECK(fx_run(&f,
                 "<head><meta property='og:type' content='article'></head>"
                 "<body><article><div id=w><header class=page-header><h1>Council passes budget"
                 "</h1></header></div>" P1 "<ul><li id=f1>Budget: 2 billion</li>"
                 "<li>Vote: 7 to 2</li></ul>" P2 P3 "</article></body>",
                 0, "Council passes budget"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    uint32_t fl;
    CHECK(flags_of(f.doc, "f1", &fl) && !(fl & WN_NF_BOILER));
    CHECK(fx_contains(f.text, "Budget: 2 billion"));
    fx_free(&f);
}

/* A figure with the caption `text` (a static buffer per call, four in turn). */
static const char *
fig(const char *text)
{
    static char buf[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "<figure><img src=a.jpg><figcaption>%s</figcaption></figure>",
             text);
    return buf[k];
}

TEST(article_captions_are_asides)
{
    /* an article's captions are left out of its text; a photo story whose
     * text is mostly captions keeps them; other pages keep them */
    fx f;
    CHECK(fx_run(&f,
                 "<head><meta property='og:type' content='article'></head>"
                 "<body><article>" P1 "<figure><img src=a.jpg><figcaption>Crowds gather outside "
                 "the town hall on the night of the vote</figcaption></figure>" P2 P3
                 "</article></body>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    CHECK(f.res.content.captions_aside);
    CHECK(!fx_contains(f.text, "Crowds gather"));
    CHECK(fx_contains(f.text, "turning point"));
    fx_free(&f);
    char html[4096];
    snprintf(html, sizeof html,
             "<head><meta property='og:type' content='article'></head><body><article>"
             "<h1>The night of the vote</h1>" P1 "%s%s%s%s</article></body>",
             fig("Crowds gather outside the town hall, waiting, as the night of the vote "
                 "begins"),
             fig("The council chamber, full for the first time in years, with every seat "
                 "taken and more"),
             fig("Supporters of the plan, holding signs, cheer as the result is read out, "
                 "late at night"),
             fig("The mayor, smiling, leaves the building after the vote, with aides, at "
                 "two in the morning"));
    CHECK(fx_run(&f, html, 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    CHECK(!f.res.content.captions_aside);
    CHECK(fx_contains(f.text, "Crowds gather"));
    fx_free(&f);
}

TEST(list_items_judged_with_their_list)
{
    /* a digest list: each item a linked headline and a summary; some items'
     * links outweigh their summary, but the list as a whole is prose */
    fx f;
    CHECK(fx_run(&f,
                 "<body><article>" P1 "<ol id=digest>"
                 "<li><a href=/a>The regional rail line will reopen next spring</a>. Engineers "
                 "finished the bridge repairs, ahead of schedule, and under budget.</li>"
                 "<li id=item2><a href=/b>The library extends its weekend opening hours across "
                 "all branches</a>. Volunteers will staff the desks.</li>"
                 "<li><a href=/c>A new park opens</a>. The site, once a car park, now has trees, "
                 "benches, a pond, and a playground for the children of the district.</li>"
                 "</ol>" P2 P3 "</article></body>",
                 0, NULL));
    uint32_t fl;
    CHECK(flags_of(f.doc, "digest", &fl) && !(fl & WN_NF_BOILER));
    CHECK(flags_of(f.doc, "item2", &fl) && !(fl & WN_NF_BOILER));
    CHECK(fx_contains(f.text, "Volunteers will staff"));
    fx_free(&f);
}

/* A page with doubtful blocks: a short unlinked sibling sentence, and a
 * list with a 60% share of link text. */
static const char *const doubtful =
    "<body><div id=wrap><div id=main>" P1 P2 P3 "</div>"
    "<p>A short sibling sentence.</p>"
    "<div id=mixed><ul><li><a href=/1>Linked words here</a> and plain</li>"
    "<li><a href=/2>More linked words</a> and more</li></ul></div>"
    "</div></body>";

/* A product page: its description, then a grid of other products' cards
 * (link and price each) that is not the product. */
#define PRODUCT_HEAD                                                                               \
    "<head><meta property='og:type' content='product'><script type='application/ld+json'>"       \
    "{\"@type\": \"Product\", \"name\": \"Trail Pack 30\"}</script></head>"
#define CARD(n, price)                                                                             \
    "<li class='card item-" #n "'><a href=/p/" #n ">Pole " #n "</a><span>$" price                \
    "</span><span>In stock, ships within two working days</span></li>"
#define CARDS "<ul id=grid>" CARD(1, "19.99") CARD(2, "24.50") CARD(3, "31.00") CARD(4, "12.75") "</ul>"
#define DESCRIPTION                                                                                \
    "<p>The Trail Pack 30 carries a full day of gear, with a padded back panel, a rain cover, "    \
    "and side pockets that hold two bottles.</p><p>Its frame sheet keeps heavy loads steady, "    \
    "while the hip belt, which comes off, spreads the weight on long climbs.</p>"                 \
    "<p>Made of recycled nylon, it weighs 1.1 kg and holds 30 litres, with a lid pocket for keys " \
    "and a sleeve for a water reservoir.</p>"

/* A UUID as an element's whole text is machine text: a label spelt out
 * letter by letter between spans of UUIDs a style sheet hides; one inside a
 * sentence or a code sample stays. */
TEST(uuid_only_spans_are_boilerplate)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1>" DESCRIPTION
                 "<p>Your order key is 3f2a9c1e-7b4d-4e21-9a6f-0c8d2e5b7a10, keep it for returns "
                 "and repairs.</p><pre>id = 5e0b6d2f-1c3a-4f8e-b7d9-2a4c6e8f0b13</pre>"
                 "<div class=label><span>S</span><span id=u1>0c5e7a9b-3d1f-4b2a-8e6c-9f0a1b2c3d4e"
                 "</span><span>p</span><span id=u2> 9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d </span>"
                 "<span>o</span></div></main></body></html>",
                 0, "Trail Pack 30"));
    CHECK(fx_contains(f.text, "rain cover"));
    CHECK(fx_contains(f.text, "3f2a9c1e-7b4d-4e21-9a6f-0c8d2e5b7a10"));
    CHECK(fx_contains(f.text, "5e0b6d2f-1c3a-4f8e-b7d9-2a4c6e8f0b13"));
    CHECK(!fx_contains(f.text, "0c5e7a9b"));
    CHECK(!fx_contains(f.text, "9a8b7c6d"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "u1", &fl) && (fl & WN_NF_BOILER));
    CHECK(flags_of(f.doc, "u2", &fl) && (fl & WN_NF_BOILER));
    fx_free(&f);
}

/* A product's name, its <h1>, opens the product's text (the headline is
 * still found); an article's is left out of the body. */
TEST(product_page_keeps_its_name)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1 id=h>Trail Pack 30, Slate Grey</h1>" DESCRIPTION
                 "</main></body></html>",
                 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(f.res.content.headline != NULL);
    CHECK(fx_contains(f.text, "Trail Pack 30, Slate Grey"));
    CHECK(fx_contains(f.text, "rain cover"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "h", &fl) && !(fl & WN_NF_HEADLINE));
    fx_free(&f);
}

/* A product page's short lines of digits with no letter (a rating's
 * count, a slide counter, a quantity) are widgets; a table's numeric cell
 * (a specification's value) and a line with words stay. */
TEST(product_page_drops_letterless_lines)
{
    static const char *const widgets =
        "<div id=c1>(1,935)</div><div id=c2><span>1</span> / <span>4</span></div>"
        "<p id=c3>4.8</p>";
    static const char *const specs =
        "<table><tr><th>Volume</th><td id=v>30</td></tr><tr><th>Weight</th><td>1.1</td></tr>"
        "</table><p id=w>2 side pockets</p>";
    char html[4096];
    fx f;
    snprintf(html, sizeof html, "<html>%s<body><main><h1>Trail Pack 30</h1>%s%s%s</main></body></html>",
             PRODUCT_HEAD, widgets, DESCRIPTION, specs);
    CHECK(fx_run(&f, html, 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "rain cover"));
    CHECK(!fx_contains(f.text, "1,935"));
    CHECK(!fx_contains(f.text, "4.8"));
    CHECK(!fx_contains(f.text, "1 / 4"));
    CHECK(fx_contains(f.text, "Volume | 30"));
    CHECK(fx_contains(f.text, "2 side pockets"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "c1", &fl) && (fl & WN_NF_BOILER));
    CHECK(flags_of(f.doc, "v", &fl) && !(fl & WN_NF_BOILER));
    fx_free(&f);
}

/* On a product page a short line appears once too (a label, a value in
 * each layout's copy of the specs), but not the values that cards of a
 * grid share: each card keeps its own. */
TEST(product_page_short_lines_once)
{
    static const char *const cards =
        "<ul><li><a href=/p/a>Arm A</a><p>Holds 5-22 lbs</p><span>$434</span></li>"
        "<li><a href=/p/b>Arm B</a><p>Holds 5-22 lbs</p><span>$574</span></li>"
        "<li><a href=/p/c>Arm C</a><p>Holds 9-50 lbs</p><span>$642</span></li></ul>";
    static const char *const specs =
        "<div class=specs-wide><p>Weight: 1.1 kg</p><p>Volume: 30 litres</p></div>"
        "<div class=specs-narrow><p>Volume: 30 litres</p><p>Made in Portugal</p></div>";
    char html[4096];
    fx f;
    snprintf(html, sizeof html, "<html>%s<body><main><h1>Trail Pack 30</h1>%s%s%s</main></body></html>",
             PRODUCT_HEAD, cards, DESCRIPTION, specs);
    CHECK(fx_run(&f, html, 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "rain cover"));
    int count = 0;
    for (const char *t = f.text; (t = strstr(t, "Volume: 30 litres")); t++)
        count++;
    CHECK_EQ_INT(count, 1);
    CHECK(fx_contains(f.text, "Made in Portugal"));
    count = 0;
    for (const char *t = f.text; (t = strstr(t, "Holds 5-22 lbs")); t++)
        count++;
    CHECK_EQ_INT(count, 2);
    fx_free(&f);
}

/* A product page's short link standing alone between blocks ("View
 * full details") is a widget; a link in a sentence, and one holding a
 * heading (an accordion's question), stay. */
TEST(product_page_drops_lone_links)
{
    static const char *const extra =
        "<div><p>Sold with a two-year guarantee, see <a href=/terms>the terms</a> for more.</p>"
        "<a id=l href=/products/trail-pack>View full details</a><p>Ships from our Lisbon "
        "store within two working days, in a recycled box.</p></div>"
        "<div><a href=#q1><h5>Is it waterproof?</h5></a><div><p>The fabric sheds rain, and "
        "the cover that comes with it keeps a downpour out.</p></div></div>";
    char html[4096];
    fx f;
    snprintf(html, sizeof html, "<html>%s<body><main><h1>Trail Pack 30</h1>%s%s</main></body></html>",
             PRODUCT_HEAD, DESCRIPTION, extra);
    CHECK(fx_run(&f, html, 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "rain cover"));
    CHECK(!fx_contains(f.text, "View full details"));
    CHECK(fx_contains(f.text, "the terms for more"));
    CHECK(fx_contains(f.text, "Is it waterproof?"));
    CHECK(fx_contains(f.text, "Lisbon"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "l", &fl) && (fl & WN_NF_BOILER));
    fx_free(&f);
}

/* A product page's small print (a block named a disclaimer after the
 * description) is not the product. */
TEST(product_page_drops_fine_print)
{
    static const char *const fine =
        "<div id=d class='bottom-disclaimer'><ol><li>Battery life measured with the lights off "
        "at twenty degrees; results vary with use, settings and the age of the cells.</li>"
        "<li>Water resistance tested in fresh water at one metre for thirty minutes; not "
        "advised for the sea or the pool, and it lessens over time.</li></ol></div>";
    char html[4096];
    fx f;
    snprintf(html, sizeof html, "<html>%s<body><main><h1>Trail Pack 30</h1>%s%s</main></body></html>",
             PRODUCT_HEAD, DESCRIPTION, fine);
    CHECK(fx_run(&f, html, 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "rain cover"));
    CHECK(!fx_contains(f.text, "Battery life measured"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "d", &fl) && (fl & WN_NF_BOILER));
    fx_free(&f);
}

TEST(product_page_drops_other_products_cards)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1><p>$89.00</p>"
                 "<button>Add to cart</button>" DESCRIPTION
                 "<section><h2>You may also like</h2>" CARDS "</section></main></body></html>",
                 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "rain cover"));
    CHECK(fx_contains(f.text, "water reservoir"));
    CHECK(!fx_contains(f.text, "Pole 2"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "grid", &fl) && (fl & WN_NF_BOILER));
    fx_free(&f);

    /* customer reviews are not the product either (on an article they may be its body) */
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1><p>$89.00</p>"
                 "<button>Add to cart</button>" DESCRIPTION
                 "<div id=rv class='customer-reviews'><h2>Reviews</h2><p>I took it up three "
                 "peaks this summer, and the straps never rubbed, even with a full load of "
                 "water.</p></div></main></body></html>",
                 0, "Trail Pack 30"));
    CHECK(fx_contains(f.text, "rain cover"));
    CHECK(!fx_contains(f.text, "three peaks"));
    CHECK(flags_of(f.doc, "rv", &fl) && (fl & WN_NF_BOILER));
    fx_free(&f);

    /* cards that open the content are the page's own list: kept */
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1>" CARDS DESCRIPTION
                 "<button>Add to cart</button></main></body></html>",
                 0, "Trail Pack 30"));
    CHECK(flags_of(f.doc, "grid", &fl) && !(fl & WN_NF_BOILER));
    fx_free(&f);

    /* with --recall they stay too */
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1><p>$89.00</p>" DESCRIPTION
                 CARDS "</main></body></html>",
                 WN_OPT_RECALL, "Trail Pack 30"));
    CHECK(flags_of(f.doc, "grid", &fl) && !(fl & WN_NF_BOILER));
    fx_free(&f);
}

/* A site's sidebar after the product that outweighs its description */
#define SIDEBAR_BIG                                                                                \
    "<div id=sidebar><h4>What renters say</h4>"                                                    \
    "<p>An amazing place to rent gear: they have just about everything you could need for a trip, " \
    "at fair prices, and the staff knows every trail.</p>"                                         \
    "<p>We rented the family camping set in October, and it worked out well; the gear arrived "   \
    "two days early, clean and complete.</p>"                                                     \
    "<p>Great service, quick answers, and a refund for the day the rain kept us home, without "   \
    "our even asking for one.</p></div>"

TEST(product_page_drops_long_sidebar_after_product)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><div class=product><h1>Trail Pack 30</h1>"
                 "<p>$89.00</p>" DESCRIPTION "</div>" SIDEBAR_BIG "</main></body></html>",
                 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "water reservoir"));
    CHECK(!fx_contains(f.text, "family camping set"));
    fx_free(&f);

    /* with --recall it stays */
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><div class=product><h1>Trail Pack 30</h1>"
                 "<p>$89.00</p>" DESCRIPTION "</div>" SIDEBAR_BIG "</main></body></html>",
                 WN_OPT_RECALL, "Trail Pack 30"));
    CHECK(fx_contains(f.text, "family camping set"));
    fx_free(&f);
}

TEST(product_page_short_copies_once)
{
    /* a product page's short lines repeated in each layout's copy (a
     * selling point, a spec row) appear once; shorter values ("Yes") and
     * an article's repeated lines stay */
#define POINTS                                                                                     \
    "<div class=points><p>Built to endure a lifetime of use.</p>"                                  \
    "<p>Risk-free trial, with free returns.</p>"                                                   \
    "<table><tr><td>Water resistant</td><td>Yes</td></tr></table></div>"
    fx f;
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1>" DESCRIPTION
                 "<div id=a>" POINTS "</div><div id=b>" POINTS "</div><div id=c>" POINTS "</div>"
                 "</main></body></html>",
                 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "water reservoir"));
    const char *p = strstr(f.text, "Built to endure");
    CHECK(p && !strstr(p + 1, "Built to endure"));
    p = strstr(f.text, "Risk-free");
    CHECK(p && !strstr(p + 1, "Risk-free"));
    fx_free(&f);

    CHECK(fx_run(&f,
                 "<body><article><h1>Council passes budget</h1>" P1 "<div id=a>" POINTS "</div>" P2
                 "<div id=b>" POINTS "</div>" P3 "</article></body>",
                 0, "Council passes budget"));
    p = strstr(f.text, "Built to endure");
    CHECK(p && strstr(p + 1, "Built to endure"));
    fx_free(&f);
#undef POINTS
}

TEST(product_name_once)
{
    /* a product page keeps its name (the headline) in the text; a copy
     * after it (a sticky buy bar's) goes, as a caption's copies do; the
     * name's own parts stay */
    fx f;
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1><div id=hd>Ridgeline Daypack</div></h1>"
                 DESCRIPTION "<div class=sticky-bar><p>Ridgeline Daypack</p></div></main></body>"
                 "</html>",
                 0, "Ridgeline Daypack"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "water reservoir"));
    const char *p = strstr(f.text, "Ridgeline Daypack");
    CHECK(p && !strstr(p + 1, "Ridgeline Daypack"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "hd", &fl) && !(fl & WN_NF_BOILER));
    fx_free(&f);
}

TEST(repeated_box_of_short_lines_once)
{
    /* off articles, a box of lines each too short to be compared alone
     * (a spec list: labels and values) that repeats an earlier box word
     * for word (each layout's copy) appears once; on an article it stays */
#define SPECS                                                                                      \
    "<div class=specs><p>Material</p><p>Aluminium alloy</p><p>Weight</p><p>Two ounces</p></div>"
    fx f;
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1>" DESCRIPTION
                 "<div id=a>" SPECS "</div><div id=b>" SPECS "</div><div id=c>" SPECS "</div>"
                 "</main></body></html>",
                 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "water reservoir"));
    const char *p = strstr(f.text, "Aluminium alloy");
    CHECK(p && !strstr(p + 1, "Aluminium alloy"));
    fx_free(&f);

    CHECK(fx_run(&f,
                 "<body><article><h1>Council passes budget</h1>" P1 "<div id=a>" SPECS "</div>" P2
                 "<div id=b>" SPECS "</div>" P3 "</article></body>",
                 0, "Council passes budget"));
    p = strstr(f.text, "Aluminium alloy");
    CHECK(p && strstr(p + 1, "Aluminium alloy"));
    fx_free(&f);
#undef SPECS
}

/* A highlighter's spans in a code block ("token comment", "hljs-meta")
 * are the code's own words, not comment sections or footers: the code
 * stays whole. */
TEST(code_highlighter_spans_kept)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html><body><article><h1>Counting the hours</h1>" P1 P2
                 "<pre><code><span class=\"token comment\">// the rate is per hour</span>\n"
                 "rate = total / hours;\n<span class=hljs-footer>print(rate)</span></code></pre>"
                 P3 "<div class=comments><p>Nice post, thanks for writing it up, it helped me "
                 "a lot with my own budget this year.</p></div></article></body></html>",
                 0, NULL));
    CHECK(fx_contains(f.text, "// the rate is per hour"));
    CHECK(fx_contains(f.text, "rate = total / hours;"));
    CHECK(fx_contains(f.text, "print(rate)"));
    CHECK(!fx_contains(f.text, "Nice post"));
    fx_free(&f);
}

/* The parts of a link in a sentence (a span in a linked <code>) are all
 * link text, and no menu: they are judged with their link. */
TEST(link_parts_in_sentence_kept)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html><body><article><h1>Logging levels</h1>" P1 P2
                 "<p>Call the logger's <a href=/info><code><span class=pre>info()</span></code>"
                 "</a> or <a href=/warn><span class=ref>warning method</span></a> as the "
                 "message requires, and the handler decides where it goes.</p>"
                 P3 "</article></body></html>",
                 0, NULL));
    CHECK(fx_contains(f.text, "info()"));
    CHECK(fx_contains(f.text, "warning method"));
    fx_free(&f);
}

TEST(linked_span_in_sentence_kept)
{
    /* a link wrapped in its own <span> inside a sentence is words of the
     * sentence, not a link-dense block; a span of links standing alone
     * (a row of tags beside the story) still goes */
    fx f;
    CHECK(fx_run(&f,
                 "<html><body><article><h1>Market report</h1>" P1 P2
                 "<p>The index <span>(<span class=quote><a href=/q/n225>NTKY</a></span>)</span> "
                 "fell, and <span><a href=/study>the results are in</a></span>. Traders, who had "
                 "expected a rebound, sold their shares before the close of the session.</p>"
                 "<p><span>The exchange said it will </span><span><a href=/m>merge with its rival"
                 "</a></span><span> next year, a deal<span><a href=#fn1>[1]</a></span> that "
                 "regulators, unions and both boards must still approve.</span></p>"
                 "<div>" P3 "<span id=row><a href=/t/1>Markets</a> <a href=/t/2>Asia</a></span></div>"
                 "</article></body></html>",
                 0, NULL));
    CHECK(fx_contains(f.text, "(NTKY)"));
    CHECK(fx_contains(f.text, "and the results are in."));
    CHECK(fx_contains(f.text, "it will merge with its rival next year"));
    CHECK(fx_contains(f.text, "a deal that")); /* (a footnote's mark is no word) */
    uint32_t fl;
    CHECK(flags_of(f.doc, "row", &fl) && (fl & WN_NF_BOILER));
    fx_free(&f);
}

TEST(small_widget_named_for_the_post_dropped)
{
    /* a never-content word beside a content word ("post", "entry") on a
     * small block without a paragraph is the post's widget (its like
     * button, its share bar), not the post; a paragraph so named stays */
    fx f;
    CHECK(fx_run(&f,
                 "<html><body><article><h1>Budget vote</h1>" P1 P2
                 "<div id=pc class=\"entry-sharing\"><p>The vote, which came after months of "
                 "hearings and two public meetings, closes the longest budget fight in years.</p></div>"
                 P3 "<div id=lk class=\"entry-sharing\"><h3>Like this:</h3><span>Like</span> "
                 "<span>Loading...</span></div></article></body></html>",
                 0, NULL));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(fx_contains(f.text, "longest budget fight"));
    CHECK(!fx_contains(f.text, "Like this"));
    CHECK(!fx_contains(f.text, "Loading"));
    fx_free(&f);
}

TEST(caption_repeating_alt_text_aside)
{
    /* a line under a picture that repeats the image's alt text word for
     * word is its caption (set aside on articles) also without a
     * <figcaption>, when the story is <br>-separated lines too; a name
     * that opens a sentence after an image stays */
    fx f;
    CHECK(fx_run(&f,
                 "<html>" ARTICLE_HEAD "<body><div class=story><h1>Laptop review</h1><span>The council approved "
                 "the new budget on Tuesday, after a debate that lasted, by most accounts, well "
                 "into the night.<br><br>Supporters said the plan would repair roads, fund "
                 "schools, and hire more nurses, while critics warned of higher taxes.<br><br>"
                 "<div><div><img src=a.jpg alt=\"The slimmer bezels of the new laptop\"></div>"
                 "<br><span>The slimmer bezels of the new laptop</span></div><br>The mayor, who "
                 "had campaigned on the issue for two years, called the vote a turning point for "
                 "the city.<br><br><img src=b.jpg alt=\"Standing Desk Pro\"> <strong>Standing "
                 "Desk Pro</strong> rates well, with a strong frame, a quiet motor and a long "
                 "warranty for its price.</span></div></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "slimmer bezels"));
    CHECK(fx_contains(f.text, "Standing Desk Pro rates well"));
    fx_free(&f);
}

TEST(headline_taken_as_a_root_left_out)
{
    /* a long headline beside the story block is taken in as a content
     * root of its own; as the headline it stays out of the text */
    char html[8192];
    int k = snprintf(html, sizeof html,
                     "<html>" ARTICLE_HEAD "<body><div class=layout><div class=article><h1>Council "
                     "passes the budget after a long night of debate over roads, schools, nurses, "
                     "parks and higher city taxes</h1><div class=text>" P1 P2 P3 "</div><div><ul>");
    for (int i = 0; i < 40 && k > 0 && (size_t)k < sizeof html - 200; i++)
        k += snprintf(html + k, sizeof html - (size_t)k,
                      "<li><a href=/n/%d>Another story number %d from the news desk</a></li>", i, i);
    snprintf(html + k, sizeof html - (size_t)k, "</ul></div></div></div></body></html>");
    fx f;
    CHECK(fx_run(&f, html, 0,
                 "Council passes the budget after a long night of debate over roads, schools, "
                 "nurses, parks and higher city taxes"));
    CHECK(fx_contains(f.text, "council approved"));
    CHECK(!fx_contains(f.text, "long night of debate"));
    fx_free(&f);
}

TEST(label_of_empty_comment_section_dropped)
{
    /* a comment section a script fills is empty in the page; the label
     * above it names what is not there */
    fx f;
    CHECK(fx_run(&f,
                 "<html>" ARTICLE_HEAD "<body><article><h1>Budget vote</h1><div>" P1 P2 P3
                 "<h3>Join the discussion</h3><div id=disqus_thread></div></div></article>"
                 "</body></html>",
                 0, NULL));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "Join the discussion"));
    fx_free(&f);
}

TEST(title_of_removed_table_of_contents_dropped)
{
    /* a table of contents (a <nav> of links to the page's own sections)
     * is removed; its title goes with it. An accordion's toggles are no
     * table of contents: the title above them stays */
    fx f;
    CHECK(fx_run(&f,
                 "<html>" ARTICLE_HEAD "<body><article><h1>Budget vote</h1>" P1
                 "<div class=box><p>In this story</p><div><nav><ul>"
                 "<li><a href=#roads>Roads</a></li><li><a href=#schools>Schools</a></li>"
                 "<li><a href=#nurses>Nurses</a></li></ul></nav></div></div>" P2 P3
                 "<div class=box><p>What it covers</p><nav>"
                 "<a href=#c1 role=button>Roads</a><a href=#c2 role=button>Schools</a>"
                 "<a href=#c3 role=button>Nurses</a></nav></div></article></body></html>",
                 0, NULL));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "In this story"));
    CHECK(fx_contains(f.text, "What it covers"));
    fx_free(&f);
}

TEST(label_of_icon_row_dropped)
{
    /* a row of icons (pictures and links without text) closing a block:
     * the label above it names what the text does not show; a heading
     * over a single picture stays */
    fx f;
    CHECK(fx_run(&f,
                 "<html>" ARTICLE_HEAD "<body><article><h1>Budget vote</h1>" P1
                 "<div class=a><h3>The new city hall</h3><img src=hall.jpg></div>" P2 P3
                 "<div class=b><h3>Stay in touch with us</h3><img src=a.png><img src=b.png>"
                 "<a href=/c><img src=c.png></a></div></article></body></html>",
                 0, NULL));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(fx_contains(f.text, "The new city hall"));
    CHECK(!fx_contains(f.text, "Stay in touch"));
    fx_free(&f);
}

TEST(dateline_without_markup_is_byline)
{
    /* a short line that is a date with a few words ("Updated on ...") is
     * a dateline, though no class or <time> says so; a period of two dates
     * and a sentence giving a date stay */
    fx f;
    CHECK(fx_run(&f,
                 "<html>" ARTICLE_HEAD "<body><article><h1>Budget vote</h1>"
                 "<div>Last updated on July 9th, 2025, 10:20</div>" P1 P2
                 "<p>Hearings: 12 May 2025 | 20 June 2025</p>"
                 "<p>The vote was on July 8, 2025.</p>" P3 "</article></body></html>",
                 0, NULL));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "Last updated"));
    CHECK(fx_contains(f.text, "Hearings: 12 May 2025"));
    CHECK(fx_contains(f.text, "The vote was on July 8, 2025."));
    fx_free(&f);
}

TEST(heading_over_count_of_empty_comments_dropped)
{
    /* over a comment section a script fills, a heading and under it a
     * count line the script fills too: both name what is not there */
    fx f;
    CHECK(fx_run(&f,
                 "<html>" ARTICLE_HEAD "<body><article><h1>Budget vote</h1><div>" P1 P2 P3
                 "<h3>Have your say</h3><p><span data-count></span> comments</p>"
                 "<div id=comments></div></div></article></body></html>",
                 0, NULL));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "comments"));
    CHECK(!fx_contains(f.text, "Have your say"));
    fx_free(&f);
}

TEST(teaser_list_dropped)
{
    /* a list of other stories' linked titles, each over a line of summary
     * (under half of it link text), is not the story; a list whose items'
     * headings are not links stays */
    fx f;
    CHECK(fx_run(&f,
                 "<html>" ARTICLE_HEAD "<body><article><h1>Budget vote</h1>" P1 P2 P3
                 "<ul id=steps><li><h3>Roads</h3><span>Repairs start in the spring</span></li>"
                 "<li><h3>Schools</h3><span>New roofs for three schools</span></li>"
                 "<li><h3>Nurses</h3><span>Forty posts over two years</span></li></ul>"
                 "<ul id=tz><li><a href=/a><img src=a.jpg></a><div><h3><a href=/a>Coach fired"
                 "</a></h3><h4>He took the club to the final in June, then lost five</h4></div></li>"
                 "<li><a href=/b><img src=b.jpg></a><div><h3><a href=/b>Draft results</a></h3>"
                 "<h4>What you need to know about the expansion draft this year</h4></div></li>"
                 "<li><a href=/c><img src=c.jpg></a><div><h3><a href=/c>Coach out</a></h3>"
                 "<h4>The coach is now free to sign with another club next season</h4></div></li>"
                 "</ul></article></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    CHECK(fx_contains(f.text, "New roofs for three schools"));
    CHECK(!fx_contains(f.text, "expansion draft"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "tz", &fl) && (fl & WN_NF_BOILER));
    fx_free(&f);
}

TEST(side_root_blocks_weighed_against_the_story)
{
    /* a block taken in beside the story (a sibling alike) holding a list
     * of teasers: the list is judged against the story, not against the
     * small root it sits in */
    fx f;
    CHECK(fx_run(&f,
                 "<html>" ARTICLE_HEAD
                 "<body><div class=wrap><div class=row><h1>Budget vote</h1>"
                 P1 P2 P3 P1 P2 P3
                 "</div><div class=row><div class=box><p>More coverage of the season follows below"
                 ", with the latest news from the clubs, the coaches and the draft.</p><ul id=tz><"
                 "li><a href=/a><img src=a.jpg></a><div><h3><a href=/a>Coach fired</a></h3><h4>He "
                 "took the club to the final in June, then lost five games in a row.</h4></div></l"
                 "i><li><a href=/b><img src=b.jpg></a><div><h3><a href=/b>Draft results</a></h3><h"
                 "4>What you need to know about the expansion draft this year.</h4></div></li><li>"
                 "<a href=/c><img src=c.jpg></a><div><h3><a href=/c>Coach out</a></h3><h4>The coac"
                 "h is now free to sign with another club next season.</h4></div></li></ul></div><"
                 "/div></div></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    CHECK(f.res.content.n_roots == 2);
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "expansion draft"));
    fx_free(&f);
}

TEST(nocontent_class_dropped)
{
    /* a block the page itself marks as no content ("robots-nocontent",
     * "nocontent") is not the article */
    fx f;
    CHECK(fx_run(&f,
                 "<html>" ARTICLE_HEAD "<body><article><h1>Budget vote</h1>" P1 P2
                 "<p class=\"gallery-fallback robots-nocontent\">This slideshow requires a "
                 "script.</p>" P3 "</article></body></html>",
                 0, NULL));
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "slideshow"));
    fx_free(&f);
}

TEST(live_region_messages_dropped)
{
    /* a script's status messages (role=status, aria-live) are not the
     * page: "Added to your cart", "Something went wrong" */
    fx f;
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1>" DESCRIPTION
                 "<div id=st role=status>Trail Pack 30 was added to your cart.</div>"
                 "<p id=lv aria-live=polite>Oops! Something went wrong. Please try again.</p>"
                 "</main></body></html>",
                 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "water reservoir"));
    CHECK(!fx_contains(f.text, "added to your cart"));
    CHECK(!fx_contains(f.text, "went wrong"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "st", &fl) && (fl & WN_NF_BOILER));
    CHECK(flags_of(f.doc, "lv", &fl) && (fl & WN_NF_BOILER));
    fx_free(&f);
}

TEST(viewport_overlay_dropped)
{
    /* a sheet fixed over the whole viewport by utility classes (a sign-up
     * dialog a script opens) is not the page; "fixed" alone, or a variant
     * ("md:fixed"), is not such an overlay */
    fx f;
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1>" DESCRIPTION
                 "<div id=ov class='z-50 fixed inset-0 overflow-y-auto'><div><h2>Notify me</h2>"
                 "<p>Once limited colors sell out, they are gone for good, but new ones are never "
                 "far behind; leave your address and we will write when it is back.</p></div></div>"
                 "<div id=fx class='md:fixed inset-0'><p>Its lid pocket swallows a map, a phone "
                 "and a lunch, with space to spare for gloves.</p></div>"
                 "</main></body></html>",
                 0, "Trail Pack 30"));
    CHECK(fx_contains(f.text, "water reservoir"));
    CHECK(!fx_contains(f.text, "never far behind"));
    CHECK(fx_contains(f.text, "space to spare"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "ov", &fl) && (fl & WN_NF_BOILER));
    fx_free(&f);
}

TEST(non_article_drops_copyright_notice)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1>" DESCRIPTION
                 "<p id=c1>&copy; Example Outfitters 2025. All rights reserved. Trail Pack is a "
                 "trademark of Example Outfitters.</p>"
                 "<p id=c2>Maker Inc. &copy;2005-19. Software terms at the maker's site.</p>"
                 "<p id=c3>Each pack carries the maker's &copy; label sewn inside the lid, as a "
                 "sign of its origin.</p></main></body></html>",
                 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "water reservoir"));
    CHECK(!fx_contains(f.text, "All rights reserved"));
    CHECK(!fx_contains(f.text, "Software terms"));
    /* a sign inside a sentence, with no year beside it, is words */
    CHECK(fx_contains(f.text, "label sewn inside"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "c1", &fl) && (fl & WN_NF_BOILER));
    CHECK(flags_of(f.doc, "c3", &fl) && !(fl & WN_NF_BOILER));
    fx_free(&f);
}

/* Customer reviews that outweigh the description they follow */
#define REVIEWS                                                                                    \
    "<div id=rv class=reviews><h2>Reviews</h2>"                                                    \
    "<div class=item><h3>Great pack</h3><p>I took it up three peaks this summer, and the "       \
    "straps never rubbed, even with a full load of water and a tent strapped to the side.</p></div>" \
    "<div class=item><h3>Good, but</h3><p>The rain cover is a snug fit, so put it on before "    \
    "the storm, not during; otherwise it is the best pack I have owned in twenty years.</p></div>" \
    "<div class=item><h3>Solid</h3><p>Bought it for my son, who carried it across the whole "    \
    "island in ten days; the hip belt, he says, made all the difference on the climbs.</p></div>"  \
    "<div class=item><h3>Light</h3><p>Lighter than my old pack by half a kilo, with more room, " \
    "and the lid pocket swallows a map, a phone and lunch with space to spare.</p></div></div>"

TEST(product_page_drops_long_reviews_after_headline)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1><p>$89.00</p>" DESCRIPTION
                 REVIEWS "</main></body></html>",
                 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "rain cover, and side pockets"));
    CHECK(!fx_contains(f.text, "three peaks"));
    CHECK(!fx_contains(f.text, "whole island"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "rv", &fl) && (fl & WN_NF_BOILER));
    fx_free(&f);

    /* a wrapper called a review that holds the headline is the page */
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><div id=rw class=product-review>"
                 "<h1>Trail Pack 30</h1><p>$89.00</p>" DESCRIPTION "</div></main></body></html>",
                 0, "Trail Pack 30"));
    CHECK(fx_contains(f.text, "rain cover, and side pockets"));
    CHECK(flags_of(f.doc, "rw", &fl) && !(fl & WN_NF_BOILER));
    fx_free(&f);
}

/* Cards whose text runs past a teaser's size without a paragraph: each
 * carries its price in several currencies (a list hidden by a style sheet). */
#define RATES                                                                                      \
    "<ul><li>AUD: 41.90</li><li>CAD: 37.10</li><li>CHF: 24.30</li><li>JPY: 4,120</li>"            \
    "<li>NZD: 45.80</li><li>SEK: 289.00</li><li>SGD: 35.60</li><li>NOK: 297.00</li>"              \
    "<li>DKK: 186.00</li><li>PLN: 109.00</li><li>ZAR: 497.00</li><li>HKD: 213.00</li>"         \
    "<li>CZK: 642.00</li><li>HUF: 10,480</li><li>ILS: 101.00</li><li>INR: 2,310</li>"              \
    "<li>KRW: 37,400</li><li>MXN: 468.00</li><li>THB: 987.00</li><li>TRY: 861.00</li></ul>"
#define RCARD(n, price)                                                                            \
    "<div class='slide s" #n "'><h3><a href=/p/" #n ">Trail Pole Carbon " #n "</a></h3>"         \
    "<span>$" price "</span>" RATES "<p>In stock</p></div>"
/* cards with a paragraph of prose each: a list's items, not teasers */
#define PCARD(n, price)                                                                            \
    "<div class='slide s" #n "'><h3><a href=/p/" #n ">Trail Pole " #n "</a></h3><span>$" price  \
    "</span><p>A folding pole of carbon fibre, with cork grips, that packs down to forty "         \
    "centimetres and locks with one lever.</p><p>Its tips come off for rock, snow and the "        \
    "road, and a strap keeps the sections together in a pack or on a bike, where a "            \
    "clip holds them under the saddle.</p></div>"

/* cards whose price puts its sign in an element of its own */
#define SCARD(n, price)                                                                            \
    "<li class='card item-" #n "'><a href=/p/" #n ">Pole " #n "</a><span class=amount><bdi>"   \
    price "<span class=symbol>&euro;</span></bdi></span><span>In stock</span></li>"

TEST(product_page_drops_cards_with_split_prices)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1>" DESCRIPTION
                 "<section><h2>You may also like</h2><ul id=grid>" SCARD(1, "19,99") SCARD(2, "24,50")
                 SCARD(3, "31,00") SCARD(4, "12,75") "</ul></section></main></body></html>",
                 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "water reservoir"));
    CHECK(!fx_contains(f.text, "Pole 2"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "grid", &fl) && (fl & WN_NF_BOILER));
    fx_free(&f);
}

TEST(product_page_drops_carousel_of_cards_before_description)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1>"
                 "<section><h2>People also viewed</h2><div role=group aria-roledescription=Carousel>"
                 CARDS "</div></section>" DESCRIPTION "</main></body></html>",
                 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "water reservoir"));
    CHECK(!fx_contains(f.text, "Pole 2"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "grid", &fl) && (fl & WN_NF_BOILER));
    fx_free(&f);
}

TEST(product_page_prices_with_no_break_spaces)
{
    /* "89,00&nbsp;€", "€&#8239;19,99": a no-break space between sign and
     * amount still makes a price (a price tag, a card's price) */
#define NCARD(n, price)                                                                            \
    "<li class='card item-" #n "'><a href=/p/" #n ">Pole " #n "</a><span>&euro;&#8239;" price   \
    "</span></li>"
    fx f;
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1><p id=pr>89,00&nbsp;&euro;</p>"
                 DESCRIPTION "<section><h2>You may also like</h2><ul id=grid>" NCARD(1, "19,99")
                 NCARD(2, "24,50") NCARD(3, "31,00") "</ul></section></main></body></html>",
                 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "water reservoir"));
    CHECK(!fx_contains(f.text, "89,00"));
    CHECK(!fx_contains(f.text, "Pole 2"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "pr", &fl) && (fl & WN_NF_BOILER));
    CHECK(flags_of(f.doc, "grid", &fl) && (fl & WN_NF_BOILER));
    fx_free(&f);
#undef NCARD
}

TEST(product_page_drops_long_cards_and_their_heading)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1><p>$89.00</p>" DESCRIPTION
                 "<div id=rel class='related-section entry-block'><h2 id=relh>Related products</h2>"
                 "<div class=carousel><div id=track class=track>" RCARD(1, "19.99")
                 RCARD(2, "24.50") RCARD(3, "31.00") RCARD(4, "12.75")
                 "</div></div></div></main></body></html>",
                 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "rain cover"));
    CHECK(fx_contains(f.text, "water reservoir"));
    CHECK(!fx_contains(f.text, "Trail Pole Carbon 2"));
    CHECK(!fx_contains(f.text, "HKD"));
    /* the wrapper that adds only a heading goes with the grid */
    CHECK(!fx_contains(f.text, "Related products"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "track", &fl) && (fl & WN_NF_BOILER));
    CHECK(flags_of(f.doc, "rel", &fl) && (fl & WN_NF_BOILER));
    fx_free(&f);

    /* cards that hold paragraphs of prose are not other products' teasers */
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1><p>$89.00</p>" DESCRIPTION
                 "<div id=track class=track>" PCARD(1, "19.99") PCARD(2, "24.50") PCARD(3, "31.00")
                 "</div></main></body></html>",
                 0, "Trail Pack 30"));
    CHECK(fx_contains(f.text, "cork grips"));
    CHECK(flags_of(f.doc, "track", &fl) && !(fl & WN_NF_BOILER));
    fx_free(&f);
}

/* A store's footer after the product, long with its customers' quotes */
#define QUOTE(who, text) "<div class=slide><p>" text "</p><h4>" who "</h4></div>"
#define STORE_FOOTER                                                                               \
    "<footer id=foot><h2>What our customers say</h2><div class=slides>"                            \
    QUOTE("Ann B.", "The parcel came in two days, wrapped with care, and the shop answered every " \
                    "question I had about sizes within the hour.")                                 \
    QUOTE("Carl D.", "Third order from this shop and still no complaint: fair prices, quick "     \
                     "delivery, and a handwritten note in the box every time.")                   \
    QUOTE("Eva F.", "I returned a jacket that did not fit, and the refund was on my card before "  \
                    "the courier had even reached their warehouse.")                               \
    QUOTE("Gus H.", "Friendly people who clearly love what they sell; the gift wrapping alone "   \
                    "made my sister smile before she opened anything.")                            \
    "</div><p>Example Outfitters, all rights reserved.</p></footer>"

TEST(non_article_drops_long_footer_after_headline)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><div class=site><div class=product><h1>Trail Pack 30</h1>"
                 "<p>$89.00</p><div class=tabs>" DESCRIPTION "</div><table><tr><th>Weight</th><td>1.1 kg</td></tr>"
                 "<tr><th>Volume</th><td>30 l</td></tr></table></div>" STORE_FOOTER "</div></body></html>",
                 0, "Trail Pack 30"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
    CHECK(fx_contains(f.text, "rain cover"));
    CHECK(fx_contains(f.text, "water reservoir"));
    CHECK(!fx_contains(f.text, "handwritten note"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "foot", &fl) && ((fl & (WN_NF_BOILER | WN_NF_DROP)) || !(fl & WN_NF_CONTENT)));
    fx_free(&f);

    /* a page that a <footer> opens (the headline comes later) keeps it */
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><div class=site><footer id=foot><h1>Trail Pack 30</h1>"
                 "<p>$89.00</p>" DESCRIPTION "</footer></div></body></html>",
                 0, "Trail Pack 30"));
    CHECK(fx_contains(f.text, "rain cover"));
    fx_free(&f);
}

/* A wrapper inside the article whose class reads negative ("promo")
 * but that holds the story is kept in every mode: precision mode used to
 * flag it as boilerplate and return nothing. */
TEST(precision_keeps_the_story_block)
{
    const char *html =
        "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav><article>"
        "<h1>Harbour works begin</h1><div class=promo-wrap>"
        "<p>Work on the harbour wall began on Monday, the council said, and should take two "
        "years to finish.</p>"
        "<p>The old wall, built in 1880, has been patched many times since a storm breached it "
        "in the winter of 1953.</p>"
        "<p>Fishing boats will moor at the eastern quay while the western berths are closed, "
        "the harbour master said.</p>"
        "<p>Residents were invited to a meeting at the town hall to hear how the work will "
        "affect traffic on the sea front.</p>"
        "</div></article><footer><p>Contact us</p></footer></body></html>";
    for (int m = 0; m < 3; m++) {
        uint32_t flags = m == 0 ? WN_OPT_PRECISION : m == 1 ? 0 : WN_OPT_RECALL;
        fx f;
        CHECK(fx_run(&f, html, flags, NULL));
        CHECK(fx_contains(f.text, "harbour wall began"));
        CHECK(fx_contains(f.text, "town hall"));
        CHECK(!fx_contains(f.text, "Contact us"));
        fx_free(&f);
    }
}

/* A site footer of long small print (legal notes in a list) */
#define LEGAL_FOOTER(attrs)                                                                        \
    "<footer id=legal " attrs "><ol>"                                                              \
    "<li>Financing is available to qualified customers, subject to credit approval, and the "    \
    "monthly figures shown assume the full term at the rate current on the day of purchase.</li>" \
    "<li>Trade-in values vary with the condition, year and configuration of the device, and not " \
    "every device is eligible for credit; see the terms for the full list of devices.</li>"      \
    "<li>Offers are for new subscribers only, one per account, and renew at the standard rate "  \
    "unless cancelled before the end of the trial period named in the offer.</li>"              \
    "<li>Battery life varies with use and configuration, and the figures given were measured "   \
    "by the maker under conditions that may not match those of any one reader.</li>"            \
    "</ol></footer>"

TEST(non_article_drops_page_footer_without_headline)
{
    /* a product page whose headline is not found: the page's own footer
     * (its nearest section is the body), after the product's text, is
     * the site's small print however long it is */
    fx f;
    const char *bodies[2] = {
        "<html>" PRODUCT_HEAD "<body><div class=site><div class=product><h2>Choose your pack</h2>"
        DESCRIPTION "</div>" LEGAL_FOOTER("") "</div></body></html>",
        /* (or what the markup calls its contentinfo) */
        "<html>" PRODUCT_HEAD "<body><div class=site><div class=product><h2>Choose your pack</h2>"
        DESCRIPTION "</div><div id=legal role=contentinfo>" LEGAL_FOOTER("") "</div></div></body></html>",
    };
    for (int i = 0; i < 2; i++) {
        CHECK(fx_run(&f, bodies[i], 0, NULL));
        CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_PRODUCT);
        CHECK(fx_contains(f.text, "water reservoir"));
        CHECK(!fx_contains(f.text, "Trade-in values"));
        fx_free(&f);
    }
    /* an <article>'s own footer is not the page's */
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><div class=site><article class=product>"
                 "<h2>Choose your pack</h2>" DESCRIPTION LEGAL_FOOTER("") "</article></div></body></html>",
                 0, NULL));
    CHECK(fx_contains(f.text, "Trade-in values"));
    fx_free(&f);
    /* nor is a footer with no content before it (what an unclosed tag
     * made swallow the page) */
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><div class=site><footer><h2>Choose your pack</h2>"
                 DESCRIPTION "</footer></div></body></html>",
                 0, NULL));
    CHECK(fx_contains(f.text, "water reservoir"));
    fx_free(&f);
}

#define PRIZE_ROW(y, a, b)                                                                         \
    "<tr><td>" y "</td><td><a href=/w/" a ">" a " Lindqvist</a></td><td><a href=/w/" b ">" b     \
    " Okafor</a></td></tr>"

TEST(data_table_links_are_data)
{
    /* a table of names, each a link, under a row of column headers: its
     * links are its data, and a class saying "sticky-header" is a style */
    fx f;
    CHECK(fx_run(&f,
                 "<html>" ARTICLE_HEAD "<body><main><h1>Prize winners</h1>" P1 P2 P3
                 "<table id=t class='wikitable sticky-header'><tr><th>Year</th><th>Physics</th>"
                 "<th>Chemistry</th></tr>" PRIZE_ROW("1901", "Anna", "Bertil")
                 PRIZE_ROW("1902", "Carin", "David") PRIZE_ROW("1903", "Erik", "Frida")
                 PRIZE_ROW("1904", "Gustav", "Hanna") "</table>"
                 /* a table of links with no header row is still a menu */
                 "<table id=m><tr><td><a href=/a>Home page</a></td><td><a href=/b>Archive pages</a>"
                 "</td></tr><tr><td><a href=/c>Contact us</a></td><td><a href=/d>About this site</a>"
                 "</td></tr><tr><td><a href=/e>Subscribe now</a></td><td><a href=/f>Our staff</a>"
                 "</td></tr><tr><td><a href=/g>Jobs here</a></td><td><a href=/h>Privacy policy</a>"
                 "</td></tr></table></main></body></html>",
                 0, "Prize winners"));
    CHECK(fx_contains(f.text, "council approved"));
    CHECK(fx_contains(f.text, "Carin Lindqvist"));
    CHECK(fx_contains(f.text, "Hanna Okafor"));
    CHECK(!fx_contains(f.text, "Privacy policy"));
    fx_free(&f);
}

#define LONG_P(w)                                                                                  \
    "<p>The " w " report, filed late, names the roads, the bridges, the schools, the clinics, "    \
    "the parks, and the libraries that need work, and it says, plainly, what each will cost.</p>"
#define EXCERPT(w)                                                                                 \
    "<p>A short note on the " w " meeting, where the council heard from residents about "         \
    "parking, bus routes and the state of the old library.</p>"
#define BLOG_ITEM(n, title, body)                                                                  \
    "<article class='entry post-" #n "'><h2><a href=/p" #n ">" title "</a></h2><p class=date>May " \
    #n "</p><div class=text><div class=inner>" body "</div></div></article>"

TEST(one_item_of_a_list_with_prose_gives_the_list)
{
    /* a blog's index: one whole post among excerpts, each item alike with
     * its link and its paragraph; the one post is the best block, but
     * the list holds the page */
    fx f;
    CHECK(fx_run(&f,
                 "<html>" ARTICLE_HEAD "<body><div class=top><a href=/>Home</a></div><section>"
                 BLOG_ITEM(1, "Budget night", EXCERPT("first"))
                 BLOG_ITEM(2, "Roads first", LONG_P("second") LONG_P("third") LONG_P("fourth"))
                 BLOG_ITEM(3, "School repairs", EXCERPT("third"))
                 BLOG_ITEM(4, "Park plans", EXCERPT("fourth"))
                 BLOG_ITEM(5, "Bus routes", EXCERPT("fifth")) "</section></body></html>",
                 0, NULL));
    CHECK(fx_contains(f.text, "The third report"));
    CHECK(fx_contains(f.text, "the first meeting"));
    CHECK(fx_contains(f.text, "the fifth meeting"));
    fx_free(&f);
    /* teasers alike without a paragraph (a line under the title) are
     * other stories beside the one */
    CHECK(fx_run(&f,
                 "<html>" ARTICLE_HEAD "<body><div class=top><a href=/>Home</a></div><section>"
                 BLOG_ITEM(1, "Budget night", "<div>The council meets on parking, buses and the library; residents speak for an hour or so.</div>")
                 BLOG_ITEM(2, "Roads first", LONG_P("second") LONG_P("third") LONG_P("fourth"))
                 BLOG_ITEM(3, "School repairs", "<div>The council meets on parking, buses and the schools; residents speak for an hour or so.</div>")
                 BLOG_ITEM(4, "Park plans", "<div>The council meets on parking, buses and the old parks; residents speak for an hour or so.</div>")
                 BLOG_ITEM(5, "Bus routes", "<div>The council meets on parking, buses and the routes; residents speak for an hour or so.</div>")
                 BLOG_ITEM(6, "Bridges", "<div>The council meets on parking, buses and the bridges; residents speak for an hour or so.</div>")
                 BLOG_ITEM(7, "Tunnels", "<div>The council meets on parking, buses and the tunnels; residents speak for an hour or so.</div>")
                 BLOG_ITEM(8, "Harbour", "<div>The council meets on parking, buses and the harbour; residents speak for an hour or so.</div>")
                 "</section></body></html>",
                 0, NULL));
    CHECK(fx_contains(f.text, "The third report"));
    CHECK(!fx_contains(f.text, "the old parks"));
    fx_free(&f);
}

TEST(precision_and_recall_modes)
{
    fx p, d, r;
    CHECK(fx_run(&p, doubtful, WN_OPT_PRECISION, NULL));
    CHECK(fx_run(&d, doubtful, 0, NULL));
    CHECK(fx_run(&r, doubtful, WN_OPT_RECALL, NULL));
    size_t lp = strlen(p.text), ld = strlen(d.text), lr = strlen(r.text);
    CHECK(lp <= ld);
    CHECK(ld <= lr);
    CHECK(lp < lr);
    CHECK(fx_contains(p.text, "council approved"));
    CHECK(!fx_contains(p.text, "short sibling"));
    CHECK(fx_contains(r.text, "short sibling"));
    CHECK(fx_contains(r.text, "Linked words"));
    CHECK(!fx_contains(p.text, "Linked words"));
    fx_free(&p);
    fx_free(&d);
    fx_free(&r);
}

/* A forum thread whose posts are marked up as comments. */
#define FORUM_HEAD "<head><script type='application/ld+json'>{\"@type\":\"DiscussionForumPosting\"}</script></head>"
#define POST(id, who, text) \
    "<li id=" id " class=comment><div class=author><a href=/u/" who ">" who "</a></div><p>" text "</p></li>"

TEST(forum_comments_are_the_posts)
{
    /* the thread, named "comments", is most of the content: it is kept with
     * its nested replies */
    fx f;
    CHECK(fx_run(&f,
                 "<html>" FORUM_HEAD "<body><main><h1>Which first telescope?</h1>"
                 "<p>I am new to astronomy and would like a first telescope that is easy to set up.</p>"
                 "<ol id=thread class=comments>"
                 POST("c1", "ann", "A small refractor is the easiest start, light enough to carry, "
                      "and it needs no collimation at all.")
                 "<li><ol class=comments>"
                 POST("c2", "bob", "I would add a good pair of binoculars first, they teach you the "
                      "sky, and they are cheap, too.")
                 "</ol></li>"
                 POST("c3", "cy", "A dobsonian gives the most aperture for the money, though it is "
                      "bulky, and heavy on the stairs.")
                 "</ol></main></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_FORUM);
    CHECK(fx_contains(f.text, "small refractor"));
    CHECK(fx_contains(f.text, "binoculars"));
    CHECK(fx_contains(f.text, "dobsonian"));
    fx_free(&f);

    /* the content is the comment section itself: its posts are not
     * boilerplate inside it */
    CHECK(fx_run(&f,
                 "<html>" FORUM_HEAD "<body><div id=comments class=comment-section><ul>"
                 POST("c1", "ann", "A small refractor is the easiest start, light enough to carry, "
                      "and it needs no collimation at all.")
                 POST("c2", "bob", "I would add a good pair of binoculars first, they teach you the "
                      "sky, and they are cheap, too.")
                 POST("c3", "cy", "A dobsonian gives the most aperture for the money, though it is "
                      "bulky, and heavy on the stairs.")
                 "</ul></div></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_FORUM);
    CHECK(fx_contains(f.text, "small refractor"));
    CHECK(fx_contains(f.text, "dobsonian"));
    fx_free(&f);

    /* comments under one post among long ones stay out (a Q&A page's
     * remarks on an answer) */
    CHECK(fx_run(&f,
                 "<html>" FORUM_HEAD "<body><main><h1>Which first telescope?</h1>"
                 "<div class=question>" P1 P2 P3 "</div>"
                 "<div class=answer>" P2 P3 P1
                 "<ul id=remarks class=comments><li>Nice answer, thanks, this helped a lot today.</li></ul>"
                 "</div></main></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_FORUM);
    CHECK(fx_contains(f.text, "turning point"));
    CHECK(!fx_contains(f.text, "Nice answer"));
    fx_free(&f);
}

/* A forum post's user card: a definition list of short facts about the
 * poster (post count, join date, location) beside the post. */
#define CARD_POST(who, n, text) \
    "<div class=post><div class=poster><a href=/u/" who ">" who "</a>" \
    "<dl class=stats><dt>Posts:</dt><dd>" n "</dd><dt>Joined:</dt><dd>Mon Jul 24, 2017</dd>" \
    "<dt>Location:</dt><dd>Lisbon</dd></dl></div><div class=body><p>" text "</p></div></div>"

TEST(forum_user_card_list)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" FORUM_HEAD "<body><main><h1>Which first telescope?</h1>"
                 CARD_POST("ann", "524", "A small refractor is the easiest start, light enough "
                           "to carry, and it needs no collimation at all.")
                 CARD_POST("bob", "2630", "I would add a good pair of binoculars first, they "
                           "teach you the sky, and they are cheap, too.")
                 CARD_POST("cy", "17", "A dobsonian gives the most aperture for the money, "
                           "though it is bulky, and heavy on the stairs.")
                 "<dl id=terms><dt>Aperture</dt><dd>The diameter of the main lens or mirror, "
                 "which decides how much light the telescope gathers, and so how faint the "
                 "objects it shows can be.</dd></dl>"
                 "</main></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_FORUM);
    CHECK(fx_contains(f.text, "small refractor"));
    CHECK(fx_contains(f.text, "dobsonian"));
    CHECK(!fx_contains(f.text, "Joined"));
    CHECK(!fx_contains(f.text, "2630"));
    CHECK(fx_contains(f.text, "The diameter of the main lens")); /* a list of real text stays */
    fx_free(&f);
}

/* The same user card as rows "Label: value", each a <div> (no list in the
 * markup); rows in a post that are not all such facts stay. */
#define ROWS_POST(who, n, text) \
    "<div class=post><div class=poster><a href=/u/" who ">" who "</a>" \
    "<div class=small id=card-" who "><div>Join Date: <b>Jul 2017</b></div><div>Location: Lisbon</div>" \
    "<div> Posts: " n " </div><div> </div></div></div><div class=body><p>" text "</p></div></div>"

TEST(forum_user_card_rows)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" FORUM_HEAD "<body><main><h1>Which first telescope?</h1>"
                 ROWS_POST("ann", "524", "A small refractor is the easiest start, light enough "
                           "to carry, and it needs no collimation at all.")
                 ROWS_POST("bob", "2630", "I would add a good pair of binoculars first, they "
                           "teach you the sky, and they are cheap, too.")
                 "<div class=post><div class=body><p>A dobsonian gives the most aperture for the "
                 "money, though it is bulky, and heavy on the stairs.</p>"
                 "<div id=mine><div>Scope: an eight inch dobsonian</div>"
                 "<div>I bought it used, and the mirror was perfectly fine.</div></div>"
                 "</div></div></main></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_FORUM);
    CHECK(fx_contains(f.text, "small refractor"));
    CHECK(fx_contains(f.text, "binoculars"));
    CHECK(!fx_contains(f.text, "Join Date"));
    CHECK(!fx_contains(f.text, "2630"));
    CHECK(fx_contains(f.text, "Scope: an eight inch dobsonian"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "card-ann", &fl) && (fl & WN_NF_BOILER));
    CHECK(flags_of(f.doc, "mine", &fl) && !(fl & WN_NF_BOILER));
    fx_free(&f);
}

/* A question above its answers in the page's <main>: the answers hold
 * nearly all the region's prose, and the scoring picks them, but the
 * opening post before them is the thread's first post. */
#define ANSWER_PARAS(x) \
    "<p>" x " Pour the water slowly, in circles, starting from the centre and keeping the " \
    "grounds wet, then wait for the bed to drain before adding the rest.</p>"
TEST(forum_question_above_answers_kept)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" FORUM_HEAD "<body><nav><a href=/>Home</a> <a href=/q>Questions</a></nav>"
                 "<div role=main><h1>How long should a pour-over brew take?</h1>"
                 "<div id=question class=question><div class=cell><p>My pour-over always "
                 "finishes in under two minutes and tastes sour; how long should the whole brew "
                 "take, and what should I change first?</p></div></div>"
                 "<div id=answers><div class=answer><div class=cell>"
                 ANSWER_PARAS("First.") ANSWER_PARAS("Second.") ANSWER_PARAS("Third.")
                 ANSWER_PARAS("Fourth.") ANSWER_PARAS("Fifth.") ANSWER_PARAS("Sixth.")
                 ANSWER_PARAS("Seventh.") ANSWER_PARAS("Eighth.") ANSWER_PARAS("Ninth.")
                 ANSWER_PARAS("Tenth.") "</div></div>"
                 "<div class=answer><div class=cell>" ANSWER_PARAS("Also.") ANSWER_PARAS("Again.")
                 "</div></div></div></div></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_FORUM);
    CHECK(fx_contains(f.text, "tastes sour"));
    CHECK(fx_contains(f.text, "Tenth."));
    CHECK(fx_contains(f.text, "Again."));
    CHECK(!fx_contains(f.text, "Questions"));
    fx_free(&f);
}

/* A post's reactions bar (who liked it: a label and the names, links) is a
 * widget, not the post. */
TEST(forum_reactions_bar_dropped)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" FORUM_HEAD "<body><main><h1>Which first telescope?</h1>"
                 "<div class=post><p>A small refractor is the easiest start, light enough to "
                 "carry, and it needs no collimation at all.</p><div class=reactionsBar id=r1>"
                 "<span>Reactions:</span> <a href=/u/zed>zedwick</a></div></div>"
                 "<div class=post><p>A dobsonian gives the most aperture for the money, though "
                 "it is bulky, and heavy on the stairs.</p></div>"
                 "</main></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_FORUM);
    CHECK(fx_contains(f.text, "small refractor"));
    CHECK(fx_contains(f.text, "dobsonian"));
    CHECK(!fx_contains(f.text, "zedwick"));
    fx_free(&f);
}

/* A template's placeholder left unrendered as an element's whole text (an
 * alert box the script fills or hides under each post) is machine text; one
 * in a sentence or a code sample stays. */
TEST(forum_template_placeholders_dropped)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" FORUM_HEAD "<body><main><h1>Which first telescope?</h1>"
                 "<div class=post><p>A small refractor is the easiest start, light enough to "
                 "carry, and it needs no collimation at all.</p><div class=alert ng-cloak>"
                 "<strong id=t1>{{ board.errors[1101].message }}</strong></div></div>"
                 "<div class=post><p>A dobsonian gives the most aperture for the money, though "
                 "it is bulky; write {{ name }} in the form to join the club.</p>"
                 "<pre>{{ form }}</pre><div class=alert ng-cloak>"
                 "<strong id=t2> {{ board.errors[1102].message }} </strong></div></div>"
                 "</main></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_FORUM);
    CHECK(fx_contains(f.text, "small refractor"));
    CHECK(fx_contains(f.text, "write {{ name }} in the form"));
    CHECK(fx_contains(f.text, "{{ form }}"));
    CHECK(!fx_contains(f.text, "board.errors"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "t1", &fl) && (fl & WN_NF_BOILER));
    CHECK(flags_of(f.doc, "t2", &fl) && (fl & WN_NF_BOILER));
    fx_free(&f);
}

/* A poster's menu of facts (its class says menu) in a thread of short
 * posts: it outweighs the posts, but holds no paragraph, and is no post. */
TEST(forum_poster_menu_outweighing_short_posts)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" FORUM_HEAD "<body><main><h1>New case, thoughts?</h1>"
                 "<div class=post><p>Just got the new case, the airflow is great.</p></div>"
                 "<div class=post><div class=poster><a href=/u/dev>dev</a>"
                 "<div id=m class='user-menu wide'><ul><li>Motherboard: some board or other</li>"
                 "<li>Processor: eight cores at four gigahertz</li><li>Graphics: a large card, "
                 "sixteen gigabytes</li><li>Memory: thirty-two gigabytes, two sticks</li>"
                 "<li>Storage: two solid state drives</li><li>Power: one thousand watts, "
                 "gold rated</li></ul></div></div><p>Looks good, how loud is it?</p></div>"
                 "<div class=post><p>Quiet enough, even under load.</p></div>"
                 "</main></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_FORUM);
    CHECK(fx_contains(f.text, "airflow is great"));
    CHECK(fx_contains(f.text, "how loud is it"));
    CHECK(fx_contains(f.text, "Quiet enough"));
    CHECK(!fx_contains(f.text, "Processor"));
    uint32_t fl;
    CHECK(flags_of(f.doc, "m", &fl) && (fl & (WN_NF_BOILER | WN_NF_DROP)));
    fx_free(&f);
}

/* A post's signature or user card named with the post's word and a
 * negative one (post-signature, entry__signature): a part of the post,
 * not the post, when it is small and holds at most one paragraph. */
#define SIG_POST(who, text, sig) \
    "<div class=post><div class=post-body><p>" text "</p></div>" \
    "<div class='post-signature'><p>" sig "</p></div></div>"

TEST(forum_post_signature_dropped)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" FORUM_HEAD "<body><main><h1>Which first telescope?</h1>"
                 SIG_POST("ann", "A small refractor is the easiest start, light enough to carry, "
                          "and it needs no collimation at all, which beginners like.",
                          "Two scopes, one mount, and a lot of cloudy nights since 2011.")
                 SIG_POST("bob", "I would add a good pair of binoculars first, they teach you the "
                          "sky, and they are cheap, too, so nothing is lost.",
                          "Stargazing from a balcony in the middle of a very bright city.")
                 "<div class=post><div class=post-body><p>A dobsonian gives the most aperture "
                 "for the money, though it is bulky, and heavy on the stairs.</p></div>"
                 "</div>"
                 "</main></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_FORUM);
    CHECK(fx_contains(f.text, "small refractor"));
    CHECK(fx_contains(f.text, "binoculars"));
    CHECK(!fx_contains(f.text, "cloudy nights"));
    CHECK(!fx_contains(f.text, "bright city"));
    CHECK(fx_contains(f.text, "dobsonian"));
    fx_free(&f);
}

/* A thread's posts titled with its subject, "Re: ..." on the replies: the
 * subjects go (the headline stays the page's title); a heading of other
 * words stays. */
#define REPLY_POST(subject, text)                                                                  \
    "<div class=post><h3><a href='#p'>" subject "</a></h3><div class=content><p>" text            \
    "</p></div></div>"

TEST(forum_reply_subjects_dropped)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" FORUM_HEAD "<body><main><h1>Which first telescope to buy</h1>"
                 REPLY_POST("Which first telescope to buy", "A small refractor is the easiest "
                            "start, light enough to carry, and it needs no collimation at all.")
                 REPLY_POST("Re: Which first telescope to buy", "I would add a good pair of "
                            "binoculars first, they teach you the sky, and they are cheap.")
                 REPLY_POST("RE : Which first telescope to buy", "A dobsonian gives the most "
                            "aperture for the money, though it is bulky, and heavy on stairs.")
                 REPLY_POST("Mounts matter more", "Whatever the tube, a steady mount makes the "
                            "difference between a fine night and a frustrating one.")
                 "</main></body></html>",
                 0, "Which first telescope to buy - Stargazers Forum"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_FORUM);
    CHECK(fx_contains(f.text, "small refractor"));
    CHECK(fx_contains(f.text, "binoculars"));
    CHECK(fx_contains(f.text, "dobsonian"));
    CHECK(!fx_contains(f.text, "Re: Which"));
    CHECK(!fx_contains(f.text, "RE : Which"));
    CHECK(!fx_contains(f.text, "Which first telescope to buy"));
    CHECK(fx_contains(f.text, "Mounts matter more"));
    fx_free(&f);
}

/* A service page made of modules: its cards repeat one template whose
 * class names a negative word ("cta"); one such block alone is a call to
 * action and stays out. */
#define SERVICE_HEAD "<head><script type='application/ld+json'>{\"@type\":\"ProfessionalService\"}</script></head>"
#define SERVICE_CARD(name, text) \
    "<div class=col><div class='tile-cta wide'><h3>" name "</h3><p>" text "</p></div></div>"

TEST(service_repeated_cards_kept)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" SERVICE_HEAD "<body><main><h1>Our services</h1>"
                 "<p>We help small firms plan, build and run their systems, from the first "
                 "sketch to the daily support, with one team and one contract.</p>"
                 "<div class=grid>"
                 SERVICE_CARD("Planning", "A review of your systems and a plan for the next "
                              "three years, with costs.")
                 SERVICE_CARD("Building", "Networks, servers and software set up by engineers "
                              "who stay on the project.")
                 SERVICE_CARD("Support", "A help desk that answers in the hour, and visits "
                              "when a fix needs hands.")
                 "</div>"
                 "<div class=cta-strip><p>Call us today for a free quote on your project.</p></div>"
                 "</main></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_SERVICE);
    CHECK(fx_contains(f.text, "small firms"));
    CHECK(fx_contains(f.text, "next three years"));
    CHECK(fx_contains(f.text, "help desk"));
    CHECK(!fx_contains(f.text, "free quote"));
    fx_free(&f);
}

/* A landing page's <h1> is its claim, the first line of its text: on a
 * service page the headline stays in the body (an article's does not). */
TEST(service_headline_in_text)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" SERVICE_HEAD "<body><main><h1>Payroll that runs itself</h1>"
                 "<p>We help small firms plan, build and run their systems, from the first "
                 "sketch to the daily support, with one team and one contract.</p>"
                 "<p>Our engineers have worked with shops, clinics, schools and workshops, and "
                 "they stay with a client for years, not for one project.</p>"
                 "<div class=grid>"
                 SERVICE_CARD("Planning", "A review of your systems and a plan for the next "
                              "three years, with costs.")
                 SERVICE_CARD("Building", "Networks, servers and software set up by engineers "
                              "who stay on the project.")
                 SERVICE_CARD("Support", "A help desk that answers in the hour, and visits "
                              "when a fix needs hands.")
                 "</div>"
                 "</main></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_SERVICE);
    CHECK(f.res.content.headline != NULL);
    CHECK(fx_contains(f.text, "Payroll that runs itself"));
    CHECK(fx_contains(f.text, "small firms"));
    fx_free(&f);
    CHECK(fx_run(&f, "<html><body><article><h1>Council passes the budget</h1>" P1 P2 P3
                     "</article></body></html>", 0, NULL));
    CHECK(f.res.content.page_type != WN_PAGE_SERVICE);
    CHECK(!fx_contains(f.text, "Council passes"));
    CHECK(fx_contains(f.text, "approved the new budget"));
    fx_free(&f);
}

/* A service page's hero: a banner or header (negative words) holding the
 * page's <h1>, with its pitch and its own "banner" parts, stays; a banner
 * without the headline (a call to action) is still set aside. So does a
 * documentation page's header: its title and summary. */
/* Class words of bylines (meta, date, author) name no byline on a service
 * page, which has no author: a module titled over a line, an event's date;
 * off articles a block holding a heading is none either; an article's
 * byline still goes. */
TEST(byline_words_off_articles)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" SERVICE_HEAD "<body><main><h1>Television for the whole house</h1>"
                 "<div class=features>"
                 "<p>We help small firms plan, build and run their systems, from the first "
                 "sketch to the daily support, with one team and one contract.</p>"
                 "<p>Our engineers have worked with shops, clinics, schools and workshops, and "
                 "they stay with a client for years, not for one project.</p></div>"
                 "<div class=grid>"
                 SERVICE_CARD("Planning", "A review of your systems and a plan for the next "
                              "three years, with costs.")
                 SERVICE_CARD("Building", "Networks, servers and software set up by engineers "
                              "who stay on the project.")
                 SERVICE_CARD("Support", "A help desk that answers in the hour, and visits "
                              "when a fix needs hands.")
                 "</div>"
                 "<section class=meta-block><div><h2>Live channels</h2>"
                 "<span>Browse packages and add-ons.</span></div></section>"
                 "<div class=event-date>Open day on 12 May</div>"
                 "</main></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_SERVICE);
    CHECK(fx_contains(f.text, "Live channels"));
    CHECK(fx_contains(f.text, "Browse packages"));
    CHECK(fx_contains(f.text, "Open day on 12 May"));
    fx_free(&f);
    CHECK(fx_run(&f,
                 "<html>" PRODUCT_HEAD "<body><main><h1>Trail Pack 30</h1>" DESCRIPTION
                 "<div class=product-meta><h3>Care</h3><span>Hand wash only.</span></div>"
                 "<div class=meta>Added by Jane</div>"
                 "</main></body></html>",
                 0, "Trail Pack 30"));
    CHECK(fx_contains(f.text, "rain cover"));
    CHECK(fx_contains(f.text, "Hand wash only"));
    CHECK(!fx_contains(f.text, "Added by Jane"));
    fx_free(&f);
    CHECK(fx_run(&f,
                 "<html>" ARTICLE_HEAD "<body><article><h1>Rain returns to the valley</h1>"
                 "<div class=entry-meta><h4>Weather desk</h4><span>By Jane Doe</span></div>"
                 "<p>Rain fell across the valley on Sunday for the first time in six weeks, "
                 "filling the reservoirs that farmers had watched run dry all summer.</p>"
                 "<p>Forecasters expect more showers through the week, with the heaviest on "
                 "Wednesday, when the river may rise above its banks near the town.</p>"
                 "<p>The council has opened two shelters and asked residents near the water to "
                 "move their cars to higher ground before Tuesday night.</p>"
                 "</article></body></html>",
                 0, NULL));
    CHECK(fx_contains(f.text, "Rain fell"));
    CHECK(!fx_contains(f.text, "By Jane Doe"));
    fx_free(&f);
}

TEST(service_hero_banner_kept)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" SERVICE_HEAD "<body><main>"
                 "<section class=hero-banner><div class=banner-inner><h1>Payroll that runs "
                 "itself</h1><p class=banner-sub>Pay your team in minutes and file every tax "
                 "form on time.</p></div></section>"
                 "<div class=features>"
                 "<p>We help small firms plan, build and run their systems, from the first "
                 "sketch to the daily support, with one team and one contract.</p>"
                 "<p>Our engineers have worked with shops, clinics, schools and workshops, and "
                 "they stay with a client for years, not for one project.</p>"
                 "<p>Every plan includes a help desk that answers within the hour, and an "
                 "engineer who visits whenever a fix needs hands.</p></div>"
                 "<div class=grid>"
                 SERVICE_CARD("Planning", "A review of your systems and a plan for the next "
                              "three years, with costs.")
                 SERVICE_CARD("Building", "Networks, servers and software set up by engineers "
                              "who stay on the project.")
                 SERVICE_CARD("Support", "A help desk that answers in the hour, and visits "
                              "when a fix needs hands.")
                 "</div>"
                 "<div class=cta-banner><p>Call us today for a free quote on your project.</p>"
                 "</div></main></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_SERVICE);
    CHECK(fx_contains(f.text, "Payroll that runs itself"));
    CHECK(fx_contains(f.text, "Pay your team in minutes"));
    CHECK(fx_contains(f.text, "help desk"));
    CHECK(!fx_contains(f.text, "free quote"));
    fx_free(&f);
    /* a documentation page's header: its title and summary */
    CHECK(fx_run(&f,
                 "<html><head><script type='application/ld+json'>{\"@type\":\"TechArticle\"}"
                 "</script></head><body><main><div class=page-header><h1>The Promise object</h1>"
                 "<p>A Promise represents the eventual completion or failure of an asynchronous "
                 "operation, and its value.</p></div>"
                 "<h2>Syntax</h2><pre><code>new Promise(executor)</code></pre>"
                 "<h2>Parameters</h2><dl><dt><code>executor</code></dt><dd>A function to be "
                 "executed by the constructor. It receives two functions as parameters: "
                 "resolveFunc and rejectFunc.</dd></dl>"
                 "<h2>Return value</h2><p>When called via <code>new</code>, the constructor "
                 "returns a promise object, which becomes resolved when either of the functions "
                 "is invoked.</p>"
                 "<p>Calling <code>then()</code> returns a new promise, which allows chaining; "
                 "see <code>catch()</code> and <code>finally()</code>.</p>"
                 "</main></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_DOCUMENTATION);
    CHECK(fx_contains(f.text, "eventual completion"));
    CHECK(fx_contains(f.text, "allows chaining"));
    fx_free(&f);
}

/* On a service page, a grid of cards each made one link (a heading and
 * a description) is the page's module, not a menu; short menu links in a
 * block of their own stay out. */
#define SERVICE_LINK_CARD(name, text) \
    "<div class=col><a href=/services/" name "><h3>" name "</h3><span>" text "</span></a></div>"

TEST(service_card_links_kept)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" SERVICE_HEAD "<body><main><h1>Our services</h1>"
                 P1 P2 P3
                 "<p>We help small firms plan, build and run their systems, from the first "
                 "sketch to the daily support, with one team and one contract.</p>"
                 "<p>Our engineers have worked with shops, clinics, schools and workshops, and "
                 "they stay with a client for years, not for one project.</p>"
                 "<div id=grid class=grid>"
                 SERVICE_LINK_CARD("Planning", "A review of your systems and a plan for the "
                                   "next three years, with the costs and the risks of each step.")
                 SERVICE_LINK_CARD("Building", "Networks, servers and software set up by the "
                                   "engineers who then stay on the project until it runs.")
                 SERVICE_LINK_CARD("Support", "A help desk that answers within the hour, and "
                                   "an engineer who visits whenever a fix needs hands.")
                 "</div>"
                 "<div id=jump><a href=/a>Home</a> <a href=/b>About us</a> <a href=/c>Prices</a></div>"
                 "<p><a href=/quote>Get a quote</a> <a href=/sales>Talk to sales</a></p>"
                 "</main></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_SERVICE);
    CHECK(fx_contains(f.text, "small firms"));
    CHECK(fx_contains(f.text, "next three years"));
    CHECK(fx_contains(f.text, "help desk"));
    CHECK(!fx_contains(f.text, "About us"));
    fx_free(&f);
}

/* A forum board's notice (an announcement shown above every thread) is
 * not the thread; on an article a block so named stays. */
TEST(forum_notice_dropped)
{
    fx f;
    CHECK(fx_run(&f,
                 "<html>" FORUM_HEAD "<body><main>"
                 "<div class='board-notice'><p>Members are reminded never to send money to a "
                 "seller they have not met, and to report suspicious offers to the moderators.</p></div>"
                 "<h1>Which first telescope?</h1>"
                 CARD_POST("ann", "524", "A small refractor is the easiest start, light enough "
                           "to carry, and it needs no collimation at all.")
                 CARD_POST("bob", "2630", "I would add a good pair of binoculars first, they "
                           "teach you the sky, and they are cheap, too.")
                 CARD_POST("cy", "17", "A dobsonian gives the most aperture for the money, "
                           "though it is bulky, and heavy on the stairs.")
                 "</main></body></html>",
                 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_FORUM);
    CHECK(fx_contains(f.text, "small refractor"));
    CHECK(fx_contains(f.text, "dobsonian"));
    CHECK(!fx_contains(f.text, "never to send money"));
    fx_free(&f);

    CHECK(fx_run(&f,
                 "<body><article><h1>Council passes budget</h1>" P1 P2
                 "<div class=notice><p>This story was corrected on Friday: the vote was seven "
                 "to two, not six to three, as an earlier version said.</p></div>" P3
                 "</article></body>",
                 0, "Council passes budget"));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    CHECK(fx_contains(f.text, "seven to two"));
    fx_free(&f);
}

TEST(listing_main_beats_block_beside_it)
{
    /* the best-scoring block is outside <main> (a store blurb by the
     * footer) and holds under half as much: the list in <main> is the
     * content */
    char html[8192] = "<body><nav><a href=/>Home</a></nav><main><h1>All recipes</h1><ul>";
    for (int i = 0; i < 20; i++) {
        char item[256];
        snprintf(item, sizeof item,
                 "<li class=card><a href=/r%d>Recipe number %d, quick</a> <span>$%d.00</span></li>",
                 i, i, 10 + i);
        strcat(html, item);
    }
    strcat(html, "</ul></main><div id=blurb><p>Our kitchen has tested every recipe here, twice, "
                 "in a home oven, so that the times and the temperatures are the ones you will "
                 "see, too.</p></div></body>");
    fx f;
    CHECK(fx_run(&f, html, 0, NULL));
    CHECK(f.res.content.page_type != WN_PAGE_ARTICLE);
    CHECK(fx_contains(f.text, "Recipe number 3"));
    CHECK(fx_contains(f.text, "Recipe number 17"));
    fx_free(&f);
}

TEST(header_or_footer_prose_beside_main)
{
    /* the page's longest prose is the legal small print in its <footer>;
     * the page has a <main>: that is the content */
    fx f;
    CHECK(fx_run(&f,
                 "<body><main><h1>Pet insurance</h1>"
                 "<div class=plans><h2>Accident only</h2><p>Covers broken bones and bites.</p>"
                 "<h2>Accident and illness</h2><p>Adds infections and allergies.</p>"
                 "<h2>Wellness</h2><p>Adds vaccines, check-ups and dental cleaning.</p>"
                 "<h2>Senior pets</h2><p>No upper age limit for cats and dogs.</p>"
                 "<h2>Claims</h2><p>Send the vet's invoice from the app.</p></div>"
                 "</main><footer><div class=wrap><div id=small>" P1 P2 P3 P1 "</div></div></footer></body>",
                 0, NULL));
    CHECK(fx_contains(f.text, "broken bones"));
    CHECK(fx_contains(f.text, "allergies"));
    CHECK(!fx_contains(f.text, "council approved"));
    fx_free(&f);

    /* so is a long blurb in the page's <header> */
    CHECK(fx_run(&f,
                 "<body><header><div class=wrap><div id=blurb>" P1 P2 P3 P1 "</div></div></header>"
                 "<main><h1>Pet insurance</h1>"
                 "<div class=plans><h2>Accident only</h2><p>Covers broken bones and bites.</p>"
                 "<h2>Accident and illness</h2><p>Adds infections and allergies.</p>"
                 "<h2>Wellness</h2><p>Adds vaccines, check-ups and dental cleaning.</p>"
                 "<h2>Senior pets</h2><p>No upper age limit for cats and dogs.</p>"
                 "<h2>Claims</h2><p>Send the vet's invoice from the app.</p></div>"
                 "</main></body>",
                 0, NULL));
    CHECK(fx_contains(f.text, "broken bones"));
    CHECK(!fx_contains(f.text, "council approved"));
    fx_free(&f);
}

TEST(article_one_section_of_main)
{
    /* the best block holds under half of the page's <main>: the page is
     * made of sections (a landing page), and <main> is the content */
    static const char *const points[] = {
        "Files are encrypted on the laptop before they leave it, so nobody else reads them.",
        "Thirty days of versions are kept for each file, to bring back an overwritten one.",
        "Setting it up takes ten minutes per laptop and it updates itself in the background.",
        "Pricing is per laptop and per month with no contract and the first month free.",
        "Support answers by phone and by email every day of the week, in three languages.",
        "Restores run from a browser, so a lost laptop does not stop anyone working today.",
    };
    char html[8192] = "<body><nav><a href=/>Home</a><a href=/a>About</a></nav><main>"
                      "<section><div><div class=story-body>" P1 P2 "</div></div></section>";
    for (size_t i = 0; i < sizeof points / sizeof points[0]; i++) {
        char sec[512];
        snprintf(sec, sizeof sec, "<section class=s%zu><div><h2>Point %zu</h2><p>%s</p></div></section>",
                 i, i, points[i]);
        strcat(html, sec);
    }
    strcat(html, "</main><footer><p>Copyright 2024</p></footer></body>");
    fx f;
    CHECK(fx_run(&f, html, 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    CHECK(fx_contains(f.text, "council approved"));
    CHECK(fx_contains(f.text, "encrypted on the laptop"));
    CHECK(fx_contains(f.text, "lost laptop"));
    CHECK(!fx_contains(f.text, "Copyright"));
    fx_free(&f);

    /* without a <main>, the body is no such statement: the block alone */
    char *m = strstr(html, "<main>");
    memcpy(m, "<div >", 6);
    m = strstr(html, "</main>");
    memcpy(m, "</div >", 7);
    CHECK(fx_run(&f, html, 0, NULL));
    CHECK(fx_contains(f.text, "council approved"));
    CHECK(!fx_contains(f.text, "lost laptop"));
    fx_free(&f);
}

TEST(article_page_made_of_cards)
{
    /* a page taken for an article whose <main> is an intro and a grid of
     * cards, each a link: the intro is its only paragraph, but the page
     * is the list; the reported type stays */
    char html[8192] = "<html><head><meta property=og:type content=article>"
                      "<script type=application/ld+json>{\"@type\": \"BlogPosting\"}</script>"
                      "<link rel=canonical href=https://example.com/2024/05/soup-recipes-for-winter>"
                      "</head><body>"
                      "<nav><a href=/>Home</a><a href=/a>About</a></nav><main><h1>Soup recipes</h1>"
                      "<div class=intro><p>Our soups are tested twice, in a home kitchen, and each "
                      "one is ready in under an hour, from a clear broth to a thick winter stew.</p></div>"
                      "<div class=grid>";
    for (int i = 0; i < 20; i++) {
        char item[256];
        snprintf(item, sizeof item,
                 "<a class=\"card card-%d\" href=/s%d><img src=/i%d.jpg alt=\"\"><span>Soup number %d "
                 "with beans</span></a>",
                 i, i, i, i);
        strcat(html, item);
    }
    strcat(html, "</div></main><footer><p>Copyright 2024</p></footer></body></html>");
    fx f;
    CHECK(fx_run(&f, html, 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    CHECK(fx_contains(f.text, "tested twice"));
    int count = 0;
    for (const char *s = f.text; (s = strstr(s, "Soup number")); s++)
        count++;
    CHECK(count >= 18);
    fx_free(&f);

    /* an article with a few cards of other articles under it stays one
     * article: the cards are not most of its <main> */
    char html2[8192] = "<html><head><meta property=og:type content=article></head><body><main>"
                       "<h1>Why soup</h1><div class=body>" P1 P2 P3 "</div><div class=more>";
    for (int i = 0; i < 4; i++) {
        char item[256];
        snprintf(item, sizeof item, "<a class=card href=/s%d><span>Soup number %d</span></a>", i, i);
        strcat(html2, item);
    }
    strcat(html2, "</div></main></body></html>");
    CHECK(fx_run(&f, html2, 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_ARTICLE);
    CHECK(fx_contains(f.text, "council approved"));
    CHECK(!fx_contains(f.text, "Soup number"));
    fx_free(&f);
}

TEST(list_page_blocks_sized_by_all_their_text)
{
    /* on a list page, a list whose class says "related" and that holds
     * most of the page's text, all of it in links, is the page's list:
     * blocks are sized by all their text there, not their prose */
    char html[8192] = "<html><head><link rel=canonical href=https://example.com/recipes/category/dinner>"
                      "</head><body><nav><a href=/>Home</a></nav><main><h1>All recipes</h1>"
                      "<p>Dinners for every night of the week, each one tested twice in a home kitchen.</p>"
                      "<div class=related-recipes><ul>";
    for (int i = 0; i < 24; i++) {
        char item[256];
        snprintf(item, sizeof item,
                 "<li class=card><a href=/r%d><img src=/i%d.jpg alt=\"\"> Recipe number %d, quick and "
                 "easy</a></li>",
                 i, i, i);
        strcat(html, item);
    }
    strcat(html, "</ul></div></main><footer><p>Copyright 2024, the recipe site. All rights "
                 "reserved.</p></footer></body></html>");
    fx f;
    CHECK(fx_run(&f, html, 0, NULL));
    CHECK(f.res.content.page_type == WN_PAGE_LISTING || f.res.content.page_type == WN_PAGE_COLLECTION);
    int count = 0;
    for (const char *s = f.text; (s = strstr(s, "Recipe number")); s++)
        count++;
    CHECK(count >= 20);
    fx_free(&f);

    /* a small "related" list beside the page's own list stays out */
    char html2[8192] = "<html><head><link rel=canonical href=https://example.com/recipes/category/dinner>"
                       "</head><body><main><h1>All recipes</h1><ul class=grid>";
    for (int i = 0; i < 24; i++) {
        char item[256];
        snprintf(item, sizeof item,
                 "<li class=card><a href=/r%d><img src=/i%d.jpg alt=\"\"> Recipe number %d, quick and "
                 "easy</a></li>",
                 i, i, i);
        strcat(html2, item);
    }
    strcat(html2, "</ul><div class=related-links><ul><li><a href=/x>Our favourite knives</a></li>"
                  "<li><a href=/y>Cleaning cast iron</a></li></ul></div></main></body></html>");
    CHECK(fx_run(&f, html2, 0, NULL));
    CHECK(fx_contains(f.text, "Recipe number 3"));
    CHECK(!fx_contains(f.text, "favourite knives"));
    fx_free(&f);
}

TEST(list_page_repeated_negative_cards_kept)
{
    /* on a collection page, product cards whose class carries a negative
     * word ("links", from a hover style) are the page's list: a template
     * repeated for much of the page's text, 50+ bytes a copy. A lone block
     * with the word, and short repeated tag links, stay out */
    char html[16384] = "<html><head><link rel=canonical href=https://example.com/collections/teapots>"
                       "</head><body><main><h1>Teapots</h1><p>12 products</p><ul class=grid>";
    for (int i = 0; i < 12; i++) {
        char item[512];
        snprintf(item, sizeof item,
                 "<li class=item><div class='tile links-underline'><img src=/t%d.jpg alt=\"\">"
                 "<h3><a href=/products/t%d>Stoneware teapot number %d, one litre</a></h3>"
                 "<span>$%d.00</span> <span>In stock, ships in two days</span></div>"
                 "<div class=item-tags><a class='chip tags' href=/tag/a%d>clay</a>"
                 "<a class='chip tags' href=/tag/b%d>blue</a></div></li>",
                 i, i, i, 20 + i, i, i);
        strcat(html, item);
    }
    strcat(html, "</ul><div class=footer-links><a href=/a>Shipping</a> <a href=/b>Returns and "
                 "refunds</a> <a href=/c>Gift cards</a> <a href=/d>Contact the shop</a></div>"
                 "</main></body></html>");
    fx f;
    CHECK(fx_run(&f, html, 0, NULL));
    CHECK(f.res.content.page_type == WN_PAGE_LISTING || f.res.content.page_type == WN_PAGE_COLLECTION);
    int count = 0;
    for (const char *s = f.text; (s = strstr(s, "Stoneware teapot")); s++)
        count++;
    CHECK(count >= 12);
    CHECK(!fx_contains(f.text, "Returns and refunds"));
    CHECK(!fx_contains(f.text, "clay"));
    fx_free(&f);
}

TEST(list_page_repeated_title_rows_kept)
{
    /* on a collection page, each card's title row named "header" holds a
     * heading with the item's name: short, but the list's items, not a
     * row of tag links */
    char html[16384] = "<html><head><link rel=canonical href=https://example.com/collections/teapots>"
                       "</head><body><main><h1>Teapots</h1><p>12 products</p><ul class=grid>";
    for (int i = 0; i < 12; i++) {
        char item[512];
        snprintf(item, sizeof item,
                 "<li class=item><div class=card-header><h3><a href=/products/t%d>Teapot %d</a></h3>"
                 "</div><span>$%d</span><div class=item-tags><a class='chip tags' href=/tag/a%d>"
                 "clay</a></div></li>",
                 i, i, 20 + i, i);
        strcat(html, item);
    }
    strcat(html, "</ul></main></body></html>");
    fx f;
    CHECK(fx_run(&f, html, 0, NULL));
    CHECK(f.res.content.page_type == WN_PAGE_LISTING || f.res.content.page_type == WN_PAGE_COLLECTION);
    int count = 0;
    for (const char *s = f.text; (s = strstr(s, "Teapot ")); s++)
        count++;
    CHECK(count >= 12);
    CHECK(!fx_contains(f.text, "clay"));
    fx_free(&f);
}

TEST(list_page_filter_panel_dropped)
{
    /* a shop's filter panel beside its product grid (facets with their
     * counts, a sort control) is no part of the list */
    char html[16384] = "<html><head><link rel=canonical href=https://example.com/collections/teapots>"
                       "</head><body><main><h1>Teapots</h1>"
                       "<div class=facets-panel><h3>Colour</h3><ul><li>Blue glaze (12)</li>"
                       "<li>Green glaze (4)</li><li>Plain white (9)</li></ul><h3>Material</h3><ul>"
                       "<li>Stoneware (14)</li><li>Cast iron (6)</li><li>Porcelain (5)</li></ul></div>"
                       "<div class=sort-by><span>Sort by: best selling first</span></div>"
                       "<ul class=grid>";
    for (int i = 0; i < 12; i++) {
        char item[512];
        snprintf(item, sizeof item,
                 "<li class=item><img src=/t%d.jpg alt=\"\">"
                 "<h3><a href=/products/t%d>Stoneware teapot number %d, one litre</a></h3>"
                 "<span>$%d.00</span> <span>Four cups, glazed inside and out</span></li>",
                 i, i, i, 20 + i);
        strcat(html, item);
    }
    strcat(html, "</ul></main></body></html>");
    fx f;
    CHECK(fx_run(&f, html, 0, NULL));
    CHECK(f.res.content.page_type == WN_PAGE_LISTING || f.res.content.page_type == WN_PAGE_COLLECTION);
    CHECK(fx_contains(f.text, "Stoneware teapot number 11"));
    CHECK(!fx_contains(f.text, "Green glaze"));
    CHECK(!fx_contains(f.text, "best selling"));
    fx_free(&f);
}

TEST(list_page_item_times_dropped)
{
    /* on a list page, an item's <time> standing alone ("5 hours ago") is
     * the item's metadata: it goes, as a dateline does on an article; the
     * items' titles and summaries stay */
    char html[8192] = "<html><head><title>Latest news</title></head><body><nav><a href=/>Home</a>"
                      "</nav><main><h1>Latest</h1><ul>";
    for (int i = 0; i < 12; i++) {
        char item[320];
        snprintf(item, sizeof item,
                 "<li class=card><h3><a href=/story/%d>Story number %d about the harbour</a></h3>"
                 "<a href=/author/%d>Jane Roe</a><time datetime=2026-03-0%d>%d hours ago</time></li>",
                 i, i, i, 1 + i % 9, i + 2);
        strcat(html, item);
    }
    strcat(html, "</ul></main></body></html>");
    fx f;
    CHECK(fx_run(&f, html, 0, NULL));
    CHECK(f.res.content.page_type == WN_PAGE_LISTING || f.res.content.page_type == WN_PAGE_COLLECTION);
    CHECK(fx_contains(f.text, "Story number 3 about the harbour"));
    CHECK(!fx_contains(f.text, "hours ago"));
    fx_free(&f);
}

TEST(collection_item_bylines_dropped)
{
    /* on a collection page (a shop's or a blog's category), an item's
     * byline marked by its class (the author's name, the date under each
     * card) is the item's metadata and goes, as on an article; the items'
     * titles and summaries stay. On a listing (a feed, a blog's index),
     * where the benchmarks keep each entry's author line, it stays */
    char html[16384] = "<html><head><link rel=canonical href=https://example.com/collections/teapots>"
                       "</head><body><main><h1>Teapots</h1><p>12 products</p><ul class=grid>";
    for (int i = 0; i < 12; i++) {
        char item[512];
        snprintf(item, sizeof item,
                 "<li class=item><img src=/t%d.jpg alt=\"\">"
                 "<h3><a href=/products/t%d>Stoneware teapot number %d, one litre</a></h3>"
                 "<span>$%d.00</span> <span>Four cups, glazed inside and out</span>"
                 "<div class=card-author>Made by Jane Roe</div></li>",
                 i, i, i, 20 + i);
        strcat(html, item);
    }
    strcat(html, "</ul></main></body></html>");
    fx f;
    CHECK(fx_run(&f, html, 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_COLLECTION);
    CHECK(fx_contains(f.text, "Stoneware teapot number 11"));
    CHECK(fx_contains(f.text, "glazed inside"));
    CHECK(!fx_contains(f.text, "Jane Roe"));
    fx_free(&f);

    char html2[8192] = "<html><head><title>Latest news</title></head><body><nav><a href=/>Home</a>"
                       "</nav><main><h1>Latest</h1><ul>";
    for (int i = 0; i < 12; i++) {
        char item[320];
        snprintf(item, sizeof item,
                 "<li class=card><h3><a href=/story/%d>Story number %d about the harbour</a></h3>"
                 "<p class=author>Jane Roe</p></li>",
                 i, i);
        strcat(html2, item);
    }
    strcat(html2, "</ul></main></body></html>");
    CHECK(fx_run(&f, html2, 0, NULL));
    CHECK_EQ_INT(f.res.content.page_type, WN_PAGE_LISTING);
    CHECK(fx_contains(f.text, "Story number 3 about the harbour"));
    CHECK(fx_contains(f.text, "Jane Roe"));
    fx_free(&f);
}

TEST(listing_region_fallback)
{
    /* many similar short cards and no dominant block: the list is kept */
    char html[8192] = "<body><nav><a href=/>Home</a></nav><main><h1>All recipes</h1><ul>";
    for (int i = 0; i < 20; i++) {
        char item[256];
        snprintf(item, sizeof item,
                 "<li class=card><a href=/r%d>Recipe number %d</a><p>A quick dish, ready in "
                 "twenty minutes.</p></li>",
                 i, i);
        strcat(html, item);
    }
    strcat(html, "</ul></main></body>");
    fx f;
    CHECK(fx_run(&f, html, 0, NULL));
    CHECK(fx_contains(f.text, "A quick dish"));
    CHECK(f.res.content.n_roots >= 1);
    int count = 0;
    for (const char *s = f.text; (s = strstr(s, "quick dish")); s++)
        count++;
    CHECK(count >= 15);
    fx_free(&f);
    /* the same list, with a box of prose beside <main> that outscores any
     * one card: the box is no content; <main>, which holds the page's
     * text, is */
    char html2[8192] = "<body><section class=recent><p>You have no recently viewed pages, "
                       "so sign in, browse, and come back, and they will show here.</p></section>"
                       "<main><h1>All recipes</h1><ul>";
    for (int i = 0; i < 20; i++) {
        char item[256];
        snprintf(item, sizeof item,
                 "<li class=card><a href=/r%d>Recipe number %d</a> <span>20 min</span></li>", i, i);
        strcat(html2, item);
    }
    strcat(html2, "</ul></main></body>");
    CHECK(fx_run(&f, html2, 0, NULL));
    count = 0;
    for (const char *s = f.text; (s = strstr(s, "Recipe number")); s++)
        count++;
    CHECK(count >= 15);
    fx_free(&f);
}

/* Hand-built trees deeper than any parser allows: no recursion anywhere. */
TEST(deep_and_wide_trees)
{
    fx f;
    memset(&f, 0, sizeof f);
    f.doc = fx_parse("<body></body>", 0);
    CHECK(f.doc != NULL);
    if (!f.doc)
        return;
    wn_dom *d = f.doc->dom;
    wn_node *body = fx_by_id(f.doc, "x");
    for (wn_node *n = d->root; n && !body; n = n->first_child ? n->first_child : n->next)
        if (wn_node_is(n, WN_TAG_BODY))
            body = n;
    CHECK(body != NULL);
    if (!body)
        return;
    wn_node *cur = body;
    for (int i = 0; i < 100000; i++) {
        wn_node *div = wn_dom_element(d, WN_TAG_DIV, WN_NS_HTML, "div", 3);
        wn_node_append(cur, div);
        cur = div;
    }
    static const char line[] = "A line of text, with a comma.";
    for (int i = 0; i < 45000; i++) {
        wn_node_append(cur, wn_dom_text(d, line, sizeof line - 1));
        wn_node_append(cur, wn_dom_element(d, WN_TAG_BR, WN_NS_HTML, "br", 2));
    }
    CHECK_EQ_INT(wn_clean(f.doc), WN_OK);
    CHECK_EQ_INT(wn_score(f.doc, &f.meta, &f.res.content), WN_OK);
    f.res.doc = f.doc;
    CHECK(fx_render(&f) != NULL);
    CHECK(f.text && strlen(f.text) >= 45000 * (sizeof line - 1));
    fx_free(&f);
}

/* Near-equal candidates at the bottom of a 100,000-deep chain: finding
 * their common ancestor must not walk the chain once per ancestor. */
TEST(deep_split_article)
{
    fx f;
    memset(&f, 0, sizeof f);
    f.doc = fx_parse("<body></body>", 0);
    CHECK(f.doc != NULL);
    if (!f.doc)
        return;
    wn_dom *d = f.doc->dom;
    wn_node *cur = NULL;
    for (wn_node *n = d->root; n && !cur; n = n->first_child ? n->first_child : n->next)
        if (wn_node_is(n, WN_TAG_BODY))
            cur = n;
    CHECK(cur != NULL);
    if (!cur)
        return;
    for (int i = 0; i < 100000; i++) {
        wn_node *div = wn_dom_element(d, WN_TAG_DIV, WN_NS_HTML, "div", 3);
        wn_node_append(cur, div);
        cur = div;
    }
    /* (each part's words its own: parts copying one another would be a
     * responsive layout's copies of one block) */
    static const char *const paras[] = {
        "Words of a paragraph, with commas, clauses, and enough length to "
        "score as prose in any container that holds it: part one.",
        "Words of a paragraph, with commas, clauses, and enough length to "
        "score as prose in any container that holds it: part two.",
        "Words of a paragraph, with commas, clauses, and enough length to "
        "score as prose in any container that holds it: part three.",
        "Words of a paragraph, with commas, clauses, and enough length to "
        "score as prose in any container that holds it: part four.",
        "Words of a paragraph, with commas, clauses, and enough length to "
        "score as prose in any container that holds it: part five.",
    };
    for (int part = 0; part < 5; part++) {
        wn_node *div = wn_dom_element(d, WN_TAG_DIV, WN_NS_HTML, "div", 3);
        wn_node_append(cur, div);
        for (int k = 0; k < 3; k++) {
            wn_node *p = wn_dom_element(d, WN_TAG_P, WN_NS_HTML, "p", 1);
            wn_node_append(div, p);
            wn_node_append(p, wn_dom_text(d, paras[part], strlen(paras[part])));
        }
    }
    CHECK_EQ_INT(wn_clean(f.doc), WN_OK);
    CHECK_EQ_INT(wn_score(f.doc, &f.meta, &f.res.content), WN_OK);
    f.res.doc = f.doc;
    CHECK(fx_render(&f) != NULL);
    int count = 0;
    for (const char *s = f.text; s && (s = strstr(s, "Words of")); s++)
        count++;
    CHECK_EQ_INT(count, 15);
    fx_free(&f);
}

static char *
strip_trailing_newlines(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

TEST(golden_corpus)
{
    DIR *dir = opendir("corpus");
    CHECK(dir != NULL);
    if (!dir)
        return;
    struct dirent *de;
    int pages = 0;
    while ((de = readdir(dir))) {
        size_t n = strlen(de->d_name);
        if (n < 6 || strcmp(de->d_name + n - 5, ".html") != 0)
            continue;
        char path[512], exp_path[512];
        snprintf(path, sizeof path, "corpus/%s", de->d_name);
        snprintf(exp_path, sizeof exp_path, "corpus/%.*s.expected.txt", (int)(n - 5), de->d_name);
        char *html = harness_read_file(path, NULL);
        char *expected = harness_read_file(exp_path, NULL);
        CHECK(html && expected);
        if (html && expected) {
            fx f;
            CHECK(fx_run(&f, html, 0, NULL));
            if (f.text && strcmp(f.text, strip_trailing_newlines(expected)) != 0) {
                fprintf(stderr, "%s: got\n%s\n--- expected\n%s\n", path, f.text, expected);
                CHECK(!"golden text differs");
            }
            pages++;
            fx_free(&f);
        }
        free(html);
        free(expected);
    }
    closedir(dir);
    CHECK(pages >= 1);
}

TEST(golden_news_page_specifics)
{
    char *html = harness_read_file("corpus/news_icons_share_caption.html", NULL);
    CHECK(html != NULL);
    if (!html)
        return;
    fx f;
    CHECK(fx_run(&f, html, 0, NULL));
    static const char *const absent[] = {
        "Calendar", "desk calendar", "Cancel", "Caret", "Copy link", "Facebook", "Press Association",
        "cookies", "Related stories", "newsletter", "First comment", "Copyright", "Sport",
        "Two nations send officials", "2023",
    };
    for (size_t i = 0; i < sizeof absent / sizeof absent[0]; i++) {
        if (fx_contains(f.text, absent[i]))
            fprintf(stderr, "unexpected: %s\n", absent[i]);
        CHECK(!fx_contains(f.text, absent[i]));
    }
    const char *a = strstr(f.text, "Both nations");
    const char *b = strstr(f.text, "The meeting");
    const char *c = strstr(f.text, "Analysts said");
    CHECK(a && b && c && a < b && b < c);
    const char *cap = strstr(f.text, "Delegates arrive");
    CHECK(!cap || !strstr(cap + 1, "Delegates arrive"));
    fx_free(&f);
    free(html);
}

TEST(subtree_statistics_match_whole_page)
{
    /* the figures of one element from its subtree alone equal those of the
     * whole-page walk: text in a link, dropped parts, paragraphs, loose
     * lines */
    wn_doc *doc = fx_parse("<body><div id=a>" P1 "<a href=/x><div id=l>" P2 "</div></a>"
                           "<div id=b>" P3 "<script>var x = 1;</script>Loose line one, "
                           "long enough to be counted as a paragraph of its own.<br>And more."
                           "<div id=d>" P1 "</div></div></div></body>",
                           0);
    CHECK(doc);
    if (!doc)
        return;
    CHECK_EQ_INT(wn_clean(doc), WN_OK);
    fx_by_id(doc, "d")->flags |= WN_NF_DROP;
    wn_stats full = {0}, one = {0};
    CHECK(wn_stats_compute(&full, doc, WN_NF_DROP, 0));
    const char *ids[] = {"a", "l", "b"};
    for (size_t i = 0; i < 3; i++) {
        wn_node *n = fx_by_id(doc, ids[i]);
        CHECK(wn_stats_subtree(&one, doc, n, WN_NF_DROP) > 0);
        const wn_stat *x = wn_stats_of(&full, n), *y = wn_stats_of(&one, n);
        CHECK(x->text > 0);
        CHECK_EQ_INT(x->text, y->text);
        CHECK_EQ_INT(x->link, y->link);
        CHECK_EQ_INT(x->paras, y->paras);
        CHECK_EQ_INT(x->commas, y->commas);
        CHECK_EQ_INT(x->loose, y->loose);
        CHECK_EQ_INT(x->loose_link, y->loose_link);
        CHECK_EQ_INT(x->blocks, y->blocks);
    }
    CHECK(wn_stats_of(&full, fx_by_id(doc, "l"))->link > 0); /* inside the link */
    wn_doc_free(doc);
}

/* wn_text_count (16 bytes at a time, the last bytes by overlapping or
 * partial loads) equals the plain byte loop, for every length up to 80 and
 * long texts, on buffers of exactly that size (ASan sees any read past the end). */
TEST(text_count_equals_byte_loop)
{
    static const char *const pieces[] = {" ", "\n", "\t", "\r", "\f", ",", "a", "\xC3\xA9",
                                         "\xEF\xBC\x8C", "\xE3\x80\x81", "\xE3\x80\x82",
                                         "\xEF", "\xE3", "\xE3\x80", "\xEF\xBC", "\v", "x,y"};
    uint64_t r = 0x243F6A8885A308D3u;
    size_t bad = 0, commas = 0;
    for (int i = 0; i < 200000 && bad < 5; i++) {
        r ^= r << 13;
        r ^= r >> 7;
        r ^= r << 17;
        /* and every 500th longer than 255 blocks of 16 (the lane sums) */
        size_t want = (size_t)(i % 500 == 499 ? 4000 + r % 5000 : r % 81), n = 0;
        char *v = malloc(want ? want : 1);
        CHECK(v != NULL);
        while (n < want) {
            r ^= r << 13;
            r ^= r >> 7;
            r ^= r << 17;
            const char *p = pieces[(r >> 5) % (sizeof pieces / sizeof pieces[0])];
            for (size_t k = 0; p[k] && n < want; k++)
                v[n++] = p[k];
        }
        uint32_t c1, k1, c2, k2;
        wn_text_count(v, n, &c1, &k1);
        wn_text_count_plain(v, n, &c2, &k2);
        bad += c1 != c2 || k1 != k2;
        commas += k2;
        free(v);
    }
    CHECK(bad == 0);
    CHECK(commas > 100000);
}

int
main(void)
{
    RUN(article_found_among_boilerplate);
    RUN(text_count_equals_byte_loop);
    RUN(comments_wrapper_opening_the_page_kept);
    RUN(article_list_of_links_elsewhere_kept);
    RUN(subtree_statistics_match_whole_page);
    RUN(headline_byline_and_link_dense_list);
    RUN(author_note_text_collapsed);
    RUN(datelines_and_unnamed_bylines);
    RUN(ad_labels);
    RUN(orphan_list_labels);
    RUN(copies_of_the_story);
    RUN(section_headers_kept);
    RUN(author_note_at_the_end);
    RUN(article_body_holds_a_gallery);
    RUN(article_body_with_a_rail_not_lifted);
    RUN(rel_tag_list);
    RUN(headline_found_late_drops_nothing_above);
    RUN(teaser_components_are_content);
    RUN(siblings_of_one_article_merged);
    RUN(caption_repeated_appears_once);
    RUN(caption_copy_found_by_its_words);
    RUN(list_items_judged_with_their_list);
    RUN(dates_and_bylines_in_the_body);
    RUN(nested_article_teasers);
    RUN(headline_header_with_its_dek);
    RUN(embedded_post_in_social_wrapper);
    RUN(short_wrapper_of_the_headline);
    RUN(article_captions_are_asides);
    RUN(product_page_drops_other_products_cards);
    RUN(uuid_only_spans_are_boilerplate);
    RUN(product_page_keeps_its_name);
    RUN(product_page_drops_fine_print);
    RUN(product_page_drops_letterless_lines);
    RUN(product_page_short_lines_once);
    RUN(product_page_drops_lone_links);
    RUN(product_page_short_copies_once);
    RUN(repeated_box_of_short_lines_once);
    RUN(product_name_once);
    RUN(code_highlighter_spans_kept);
    RUN(link_parts_in_sentence_kept);
    RUN(linked_span_in_sentence_kept);
    RUN(small_widget_named_for_the_post_dropped);
    RUN(caption_repeating_alt_text_aside);
    RUN(headline_taken_as_a_root_left_out);
    RUN(label_of_empty_comment_section_dropped);
    RUN(title_of_removed_table_of_contents_dropped);
    RUN(label_of_icon_row_dropped);
    RUN(dateline_without_markup_is_byline);
    RUN(heading_over_count_of_empty_comments_dropped);
    RUN(teaser_list_dropped);
    RUN(side_root_blocks_weighed_against_the_story);
    RUN(nocontent_class_dropped);
    RUN(live_region_messages_dropped);
    RUN(viewport_overlay_dropped);
    RUN(non_article_drops_copyright_notice);
    RUN(product_page_drops_long_sidebar_after_product);
    RUN(product_page_drops_long_reviews_after_headline);
    RUN(product_page_drops_cards_with_split_prices);
    RUN(product_page_drops_carousel_of_cards_before_description);
    RUN(product_page_prices_with_no_break_spaces);
    RUN(product_page_drops_long_cards_and_their_heading);
    RUN(non_article_drops_long_footer_after_headline);
    RUN(non_article_drops_page_footer_without_headline);
    RUN(data_table_links_are_data);
    RUN(one_item_of_a_list_with_prose_gives_the_list);
    RUN(precision_and_recall_modes);
    RUN(precision_keeps_the_story_block);
    RUN(collection_item_bylines_dropped);
    RUN(listing_region_fallback);
    RUN(list_page_item_times_dropped);
    RUN(article_page_made_of_cards);
    RUN(list_page_blocks_sized_by_all_their_text);
    RUN(list_page_repeated_negative_cards_kept);
    RUN(list_page_repeated_title_rows_kept);
    RUN(list_page_filter_panel_dropped);
    RUN(article_one_section_of_main);
    RUN(header_or_footer_prose_beside_main);
    RUN(listing_main_beats_block_beside_it);
    RUN(forum_comments_are_the_posts);
    RUN(forum_user_card_list);
    RUN(forum_user_card_rows);
    RUN(forum_reactions_bar_dropped);
    RUN(forum_question_above_answers_kept);
    RUN(forum_template_placeholders_dropped);
    RUN(forum_poster_menu_outweighing_short_posts);
    RUN(forum_notice_dropped);
    RUN(forum_post_signature_dropped);
    RUN(forum_reply_subjects_dropped);
    RUN(service_repeated_cards_kept);
    RUN(service_card_links_kept);
    RUN(service_headline_in_text);
    RUN(byline_words_off_articles);
    RUN(service_hero_banner_kept);
    RUN(negative_block_sized_without_what_clean_dropped);
    RUN(deep_and_wide_trees);
    RUN(deep_split_article);
    RUN(golden_corpus);
    RUN(golden_news_page_specifics);
    return harness_done();
}
