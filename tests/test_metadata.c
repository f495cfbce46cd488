/* test_metadata.c - wn_metadata_extract and wn_metadata_finish on small
 * pages written for each source: JSON-LD (@graph, arrays, nested authors,
 * broken JSON), OpenGraph only, a visible byline only, title suffixes,
 * dates refused, language from the text. */
#include <time.h>

#include "harness.h"
#include "metadata/metadata.h"
#include "parse/tree.h"
#include "pipeline.h"

static wn_doc *
load(const char *html, const char *url)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_doc *doc = wn_arena_calloc(&a, 1, sizeof *doc);
    doc->arena = a;
    /* options filled by hand: api.c (wn_opts_resolve) pulls in every stage */
    if (url) {
        doc->opts.url = wn_arena_strndup(&doc->arena, url, strlen(url));
        doc->opts.url_len = strlen(url);
    }
    wn_parse_opts po = {0, 0, 0, 1};
    if (wn_tree_parse(&doc->arena, html, strlen(html), &po, &doc->dom) != WN_OK)
        return NULL;
    return doc;
}

static void
done(wn_doc *doc)
{
    wn_arena a = doc->arena;
    wn_arena_free_all(&a);
}

/* html parsed and its metadata extracted into *m; free with done(). */
static wn_doc *
extracted(const char *html, wn_metadata *m)
{
    wn_doc *doc = load(html, NULL);
    memset(m, 0, sizeof *m);
    wn_metadata_extract(doc, m);
    return doc;
}

/* as extracted(), after the clean stage has marked the page (as the
 * pipeline runs them) */
static wn_doc *
cleaned_extracted(const char *html, wn_metadata *m)
{
    wn_doc *doc = load(html, NULL);
    memset(m, 0, sizeof *m);
    doc->decoded.utf8 = html;
    doc->decoded.len = strlen(html);
    wn_clean(doc);
    wn_metadata_extract(doc, m);
    return doc;
}

#define STR(s) ((s).ptr ? (s).ptr : "(null)")

TEST(jsonld_graph)
{
    const char *html =
        "<html lang=en_GB><head><title>Ignored | Example News</title>"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"WebPage\",\"@id\":\"#page\",\"name\":\"Page name\",\"datePublished\":\"2020-01-01\"},"
        "{\"@type\":[\"NewsArticle\"],\"headline\":\"Rivers &amp; Lakes Rise\","
        "\"author\":[{\"@id\":\"#p1\"},{\"@type\":\"Person\",\"name\":\"John Smith\"}],"
        "\"datePublished\":\"2023-07-26T10:00:00+02:00\",\"dateModified\":\"2023-07-27\","
        "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Example News\"},"
        "\"image\":[{\"@type\":\"ImageObject\",\"url\":\"/img/lead.jpg\",\"caption\":\"LD caption\"}],"
        "\"articleSection\":[\"World\"],\"keywords\":[\"rivers\",\"lakes\"]},"
        "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Jane Doe\"},]}</script>"
        "</head><body><h1>Rivers &amp; Lakes Rise</h1><p>Text.</p></body></html>";
    wn_doc *doc = load(html, "https://news.example.com/world/rivers");
    wn_metadata m = {0};
    CHECK_EQ_INT(wn_metadata_extract(doc, &m), WN_OK);
    CHECK_EQ_STR(STR(m.title), "Rivers & Lakes Rise");
    CHECK_EQ_INT(m.n_authors, 2);
    if (m.n_authors == 2) {
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Jane Doe");
        CHECK_EQ_MEM(m.authors[1].ptr, m.authors[1].len, "John Smith");
    }
    CHECK_EQ_STR(STR(m.date_published), "2023-07-26T10:00:00+02:00");
    CHECK_EQ_STR(STR(m.date_modified), "2023-07-27");
    CHECK_EQ_STR(STR(m.site_name), "Example News");
    CHECK_EQ_STR(STR(m.section), "World");
    CHECK_EQ_INT(m.n_tags, 2);
    CHECK_EQ_STR(STR(m.language), "en-GB");
    CHECK_EQ_STR(STR(m.image_url), "https://news.example.com/img/lead.jpg");
    CHECK_EQ_STR(STR(m.image_caption), "LD caption");
    CHECK_EQ_STR(STR(m.url), "https://news.example.com/world/rivers");
    done(doc);
}

/* A numeric date whose day and month both read as a month ("03-09-2019",
 * read day first) is read the other way round when the page prints only
 * that reading unambiguously; the modified date follows the same order. */
TEST(ambiguous_date_order_from_page)
{
    const char *html =
        "<head><meta property=\"article:published_time\" content=\"03-09-2019\">"
        "<meta property=\"article:modified_time\" content=\"03-11-2019\"></head>"
        "<body><h1>A story</h1><p>By Ann Lee</p><div>Published March 9, 2019</div>"
        "<p>Some words of the story, long enough to be its text.</p></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2019-03-09");
    CHECK_EQ_STR(STR(m.date_modified), "2019-03-11");
    done(doc);
    /* no other reading printed: day first stays */
    html = "<head><meta property=\"article:published_time\" content=\"03-09-2019\"></head>"
           "<body><h1>A story</h1><p>Some words of the story, long enough.</p>"
           "<p>Related: September 3, 2019 and March 9, 2019</p></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2019-09-03");
    done(doc);
    /* a date printed day first after a slash, as related posts write it */
    html = "<body><h1>A story</h1><div class=\"post-date\">03/10/2019</div>"
           "<p>Some words of the story, long enough to be its text.</p>"
           "<ul><li>Older post <span>- 3 October 2019</span></li></ul></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2019-10-03");
    done(doc);
}

/* A <meta> name on no list that says publish (or modify) and date or time,
 * as a vendor writes its own, is a date; "publisher" and an expiry are not. */
TEST(vendor_named_meta_dates)
{
    const char *html =
        "<head><meta name=\"x-published-date\" content=\"2019-05-27T06:03:43Z\">"
        "<meta name=\"x-last-updated\" content=\"2019-06-02\"></head>"
        "<body><h1>A story</h1><p>Some words of the story, long enough to be its text.</p></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2019-05-27T06:03:43Z");
    CHECK_EQ_STR(STR(m.date_modified), "2019-06-02");
    done(doc);
    html = "<head><meta name=\"x-publisher-date\" content=\"2019-05-27\">"
           "<meta name=\"x-publish-expiry-date\" content=\"2019-05-28\">"
           "<meta name=\"x-published-version\" content=\"20190527\"></head>"
           "<body><h1>A story</h1><p>Some words of the story, long enough.</p></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "(null)");
    CHECK_EQ_STR(STR(m.date_modified), "(null)");
    done(doc);
    /* a listed name outranks a vendor's */
    html = "<head><meta name=\"x-publish-time\" content=\"2019-05-20\">"
           "<meta name=\"publish-date\" content=\"2019-05-27\"></head>"
           "<body><h1>A story</h1><p>Some words of the story, long enough.</p></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2019-05-27");
    done(doc);
}

/* A declared published date the page prints nowhere gives way to an
 * earlier date printed as the dateline; not when the page prints the
 * declared day too, nor for a date a sentence mentions, nor a day apart. */
TEST(printed_date_over_unprinted_declared)
{
    const char *ld = "<head><script type=application/ld+json>{\"@type\": \"Article\", "
                     "\"headline\": \"A story\", \"datePublished\": \"2019-11-20T10:00:00Z\"}"
                     "</script></head>";
    char html[1024];
    wn_metadata m;
    snprintf(html, sizeof html,
             "%s<body><h1>A story</h1><p>March 2, 2018</p>"
             "<p>Some words of the story, long enough to be its text.</p></body>", ld);
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2018-03-02");
    done(doc);
    snprintf(html, sizeof html,
             "%s<body><h1>A story</h1><p>March 2, 2018</p><p>Updated November 20, 2019</p>"
             "<p>Some words of the story, long enough to be its text.</p></body>", ld);
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2019-11-20T10:00:00Z");
    done(doc);
    snprintf(html, sizeof html,
             "%s<body><h1>A story</h1><p>The game came out of nowhere and players love it; "
             "it launched on March 2, 2018.</p>"
             "<p>Some words of the story, long enough to be its text.</p></body>", ld);
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2019-11-20T10:00:00Z");
    done(doc);
    snprintf(html, sizeof html,
             "%s<body><h1>A story</h1><p>November 19, 2019</p>"
             "<p>Some words of the story, long enough to be its text.</p></body>", ld);
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2019-11-20T10:00:00Z");
    done(doc);
    /* the day before an evening instant in UTC is no zone's day for it */
    const char *ld3 = "<head><script type=application/ld+json>{\"@type\": \"Article\", "
                      "\"headline\": \"A story\", \"datePublished\": \"2019-11-20T22:00:00Z\"}"
                      "</script></head>";
    snprintf(html, sizeof html,
             "%s<body><h1>A story</h1><p>November 19, 2019</p>"
             "<p>Some words of the story, long enough to be its text.</p></body>", ld3);
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2019-11-19");
    done(doc);
    /* a page that prints many days lists items: its first is an item's */
    snprintf(html, sizeof html,
             "%s<body><h1>A story</h1><p>March 2, 2018</p><ul><li>March 9, 2018</li>"
             "<li>March 16, 2018</li><li>March 23, 2018</li><li>March 30, 2018</li>"
             "<li>April 6, 2018</li></ul></body>", ld);
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2019-11-20T10:00:00Z");
    done(doc);
    /* a later printed day is the update readers are shown */
    const char *ld2 = "<head><script type=application/ld+json>{\"@type\": \"Article\", "
                      "\"headline\": \"A story\", \"datePublished\": \"2019-01-10\", "
                      "\"dateModified\": \"2019-11-20T10:00:00Z\"}</script></head>";
    snprintf(html, sizeof html,
             "%s<body><h1>A story</h1><p>Updated March 2, 2019</p>"
             "<p>Some words of the story, long enough to be its text.</p></body>", ld2);
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2019-01-10");
    CHECK_EQ_STR(STR(m.date_modified), "2019-03-02");
    done(doc);
    snprintf(html, sizeof html,
             "%s<body><h1>A story</h1><p>Updated March 2, 2019</p>"
             "<p>Some words of the story, long enough to be its text.</p>"
             "<footer>Reviewed November 20, 2019</footer></body>", ld2);
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_modified), "2019-11-20T10:00:00Z");
    done(doc);
}

/* After the headline, a sentence that mentions a date is no dateline: the
 * short date that follows is. */
TEST(dateline_not_a_sentence)
{
    const char *html =
        "<body><h1>A story</h1><p>The kit, the first of its kind from the maker, hit its stable "
        "release on 30 October 2019, and a dozen boards support it already.</p>"
        "<p>Dec 12, 2019</p><p>Some words of the story, long enough to be its text.</p></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2019-12-12");
    done(doc);
}

/* JSON-LD a framework writes into <meta name="script:ld+json"> is read. */
TEST(jsonld_in_meta)
{
    const char *html =
        "<head><meta name=\"script:ld+json\" content=\"{&quot;@type&quot;:&quot;Article&quot;,"
        "&quot;headline&quot;:&quot;A story&quot;,&quot;datePublished&quot;:&quot;2019-11-17&quot;}\">"
        "</head><body><h1>A story</h1><p>Some words of the story, long enough.</p></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2019-11-17");
    done(doc);
}

TEST(jsonld_broken_still_read)
{
    const char *html =
        "<head><script type=application/ld+json>\n{ \"@type\": \"BlogPosting\", // note\n"
        "\"headline\": \"Broken but read\", \"author\": \"By Ann Lee\", "
        "\"datePublished\": \"2022-03-04\", }\n</script></head><body></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Broken but read");
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Ann Lee");
    CHECK_EQ_STR(STR(m.date_published), "2022-03-04");
    CHECK(m.url.ptr == NULL);
    done(doc);
}

TEST(opengraph_only)
{
    const char *html =
        "<head><meta property=og:title content=\"Only OpenGraph Here\">"
        "<meta property=og:site_name content=\"Graph Site\">"
        "<meta property=\"article:published_time\" content=\"2021-05-06T07:08:09Z\">"
        "<meta property=article:author content=\"https://example.com/authors/x\">"
        "<meta property=article:section content=Science>"
        "<meta property=article:tag content=space><meta property=article:tag content=moon>"
        "<meta property=og:image content=\"//cdn.example.com/a.png\">"
        "<meta property=og:locale content=fr_FR>"
        "<link rel=canonical href=\"/canon/page\">"
        "</head><body><p>x</p></body>";
    wn_doc *doc = load(html, "https://example.com/x?utm=1");
    wn_metadata m = {0};
    wn_metadata_extract(doc, &m);
    CHECK_EQ_STR(STR(m.title), "Only OpenGraph Here");
    CHECK_EQ_STR(STR(m.site_name), "Graph Site");
    CHECK_EQ_STR(STR(m.date_published), "2021-05-06T07:08:09Z");
    CHECK_EQ_INT(m.n_authors, 0); /* a URL is not a name */
    CHECK_EQ_STR(STR(m.section), "Science");
    CHECK_EQ_INT(m.n_tags, 2);
    CHECK_EQ_STR(STR(m.image_url), "https://cdn.example.com/a.png");
    CHECK_EQ_STR(STR(m.language), "fr-FR");
    CHECK_EQ_STR(STR(m.url), "https://example.com/canon/page");
    done(doc);
}

/* wn_meta_clean: spaces collapsed and trimmed, entities decoded, soft
 * hyphens dropped, control bytes made spaces - at any offset, the cases
 * around each eight-byte step of its fast path included. */
TEST(meta_clean_text)
{
    static const char *const cases[][2] = {
        {"  Hello   world  ", "Hello world"},
        {"abcdefg hijklmno", "abcdefg hijklmno"},
        {"abcdefgh  ijklmnop", "abcdefgh ijklmnop"},
        {"abcdefgh ", "abcdefgh"},
        {" abcdefgh ijklmnop qrstuvwx", "abcdefgh ijklmnop qrstuvwx"},
        {"Tom &amp; Jerry and friends", "Tom & Jerry and friends"},
        {"fish &lt;&gt;   chips&#33;", "fish <> chips!"},
        {"longer words &nbsp; &nbsp;here&#8195;", "longer words here"},
        {"line1\nline2\tline3 \r\n end.", "line1 line2 line3 end."},
        {"Assis\xC2\xAD" "tance is here now", "Assistance is here now"},
        {"a\xC2\xA0" "b c d e f g h i", "a b c d e f g h i"},
        {"wordword\xE2\x80\x83" "wordword", "wordword wordword"},
        {"caf\xC3\xA9 au lait, s'il vous pla\xC3\xAEt", "caf\xC3\xA9 au lait, s'il vous pla\xC3\xAEt"},
        {"12345678\x7F" "12345678", "12345678 12345678"},
    };
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        wn_str r = wn_meta_clean(&a, cases[k][0], strlen(cases[k][0]));
        CHECK_EQ_STR(r.ptr ? r.ptr : "(null)", cases[k][1]);
    }
    CHECK(wn_meta_clean(&a, "   \n\t ", 6).ptr == NULL);
    wn_arena_free_all(&a);
}

/* <meta> names are matched whole and in any case, each to its field; a
 * name on no list (or a listed one with a suffix) is ignored. */
TEST(meta_names_any_case)
{
    const char *html =
        "<head><meta name=VIEWPORT content=\"width=device-width\">"
        "<meta property=OG:Title content=\"Cased Title\">"
        "<meta name=Application-Name content=\"App Site\">"
        "<meta name=DESCRIPTION content=\"What it says\">"
        "<meta name=\"DC.Date.Issued\" content=\"2020-02-03\">"
        "<meta name=LastMod content=\"2020-03-04\">"
        "<meta name=Sailthru.Author content=\"Jane Doe\">"
        "<meta name=Parsely-Section content=Sport>"
        "<meta name=keywordsx content=\"not, tags\">"
        "<meta name=News_Keywords content=\"ball, goal\">"
        "<meta name=Twitter:Image:Src content=\"https://example.com/i.png\">"
        "</head><body><p>x</p></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Cased Title");
    CHECK_EQ_STR(STR(m.site_name), "App Site");
    CHECK_EQ_STR(STR(m.description), "What it says");
    CHECK_EQ_STR(STR(m.date_published), "2020-02-03");
    CHECK_EQ_STR(STR(m.date_modified), "2020-03-04");
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_STR(STR(m.authors[0]), "Jane Doe");
    CHECK_EQ_STR(STR(m.section), "Sport");
    CHECK_EQ_INT(m.n_tags, 2);
    if (m.n_tags == 2)
        CHECK_EQ_STR(STR(m.tags[0]), "ball");
    CHECK_EQ_STR(STR(m.image_url), "https://example.com/i.png");
    done(doc);
}

/* RDFa names several properties in one attribute, and writes Dublin
 * Core with a colon; a <meta name> is one name, read by its first word */
TEST(meta_rdfa_properties)
{
    const char *html =
        "<head><meta property=\"x:headline dc:title\" content=\"Declared Title\">"
        "<meta property=\"dc:creator twitter:site\" content=\"Doe, Jane\">"
        "<meta property=\"  x:summary\tdc:description \" content=\"What it says\">"
        "<meta name=\"Updated Date\" content=\"2021-05-06\">"
        "</head><body><p>x</p></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Declared Title");
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_STR(STR(m.authors[0]), "Jane Doe");
    CHECK_EQ_STR(STR(m.description), "What it says");
    CHECK_EQ_STR(STR(m.date_published), "(null)");
    done(doc);
}

/* A date declared in UTC is printed in the publisher's zone when the page
 * writes the same instant with its offset; another instant changes
 * nothing */
TEST(date_local_zone)
{
    const char *html =
        "<head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
        "\"datePublished\":\"2025-12-19T03:05:00Z\",\"dateModified\":\"2025-12-20T10:00:00Z\"}"
        "</script></head><body><article><h1>Headline</h1>"
        "<time datetime=\"2025-12-18T19:05:00-08:00\">December 18, 2025</time>"
        "<time datetime=\"2025-12-20T10:00:01+02:00\">later</time>"
        "<p>Body text of the article.</p></article></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2025-12-18T19:05:00-08:00");
    CHECK_EQ_STR(STR(m.date_modified), "2025-12-20T10:00:00Z");
    done(doc);
}

/* Microdata inside a list of items of one type (a "Related posts" grid
 * marked as a Blog of BlogPostings) is the teasers', not the page's; a
 * Blog around the one post a page shows is not a list */
TEST(microdata_listed_items)
{
    const char *related =
        "<head><meta property=article:published_time content=2026-02-17>"
        "</head><body><article><h1>Headline</h1><p>Body text.</p></article>"
        "<div itemscope itemtype=\"https://schema.org/Blog\">"
        "<div itemscope itemtype=\"https://schema.org/BlogPosting\">"
        "<meta itemprop=datePublished content=2026-03-10>"
        "<span itemprop=author>Teaser Writer</span></div>"
        "<div itemscope itemtype=\"https://schema.org/BlogPosting\">"
        "<time itemprop=datePublished datetime=2026-03-11>March 11</time></div>"
        "</div></body>";
    wn_metadata m;
    wn_doc *doc = extracted(related, &m);
    CHECK_EQ_STR(STR(m.date_published), "2026-02-17");
    CHECK_EQ_INT(m.n_authors, 0);
    done(doc);
    const char *single =
        "<head><meta property=article:published_time content=2026-02-17>"
        "</head><body itemscope itemtype=\"http://schema.org/Blog\">"
        "<article itemscope itemtype=\"http://schema.org/BlogPosting\" itemprop=blogPost>"
        "<h1>Headline</h1><time itemprop=datePublished datetime=2026-02-16>Feb 16</time>"
        "<p>Body text.</p></article></body>";
    doc = extracted(single, &m);
    CHECK_EQ_STR(STR(m.date_published), "2026-02-16");
    done(doc);
}

/* An element named for a date whose text runs long (the tags after the
 * date) is read by its first text, past the dateline's reach after the
 * headline */
#define P1 "<p>A paragraph of the article's body, long enough to count as one.</p>"
#define P10 P1 P1 P1 P1 P1 P1 P1 P1 P1 P1
TEST(date_element_first_text)
{
    const char *html =
        "<body><article><h1>Headline</h1>" P10 P10 P10 P10 P10
        "<div class=\"meta date-header\"><span>Posted on April 13, 2023</span>"
        "<div class=tags><span>Tags:</span><a href=/t/a>first tag of several words here</a>"
        "<a href=/t/b>second tag of several words here</a>"
        "<a href=/t/c>third tag of several words here</a></div></div></article></body>";
    wn_metadata m;
    wn_doc *doc = cleaned_extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2023-04-13");
    done(doc);
}

/* A byline's date beside it, past the dateline's reach after the
 * headline: the next short texts from the byline on */
TEST(date_near_byline)
{
    const char *html =
        "<body><article><h1>Headline</h1>" P10 P10 P10 P10 P10
        "<div><p>Written by <a href=/author/jd>Jane Doe</a></p><p>April 8, 2024</p></div>"
        "</article></body>";
    wn_metadata m;
    wn_doc *doc = cleaned_extracted(html, &m);
    CHECK_EQ_STR(STR(m.date_published), "2024-04-08");
    CHECK_EQ_INT(m.n_authors, 1);
    done(doc);
}

/* Chinese and Japanese headlines are words long, not one word; " @ "
 * separates a blog's post from the blog in a declared title */
TEST(title_cjk)
{
    const char *html;
    html =
        "<head><title>\xE6\x96\xB0\xE7\xAB\xB9\xE8\xB3\x9E\xE6\xA5\x93\xE4\xB9\x8B"
        "\xE6\x97\x85 @ \xE8\x97\x8D\xE5\xA4\xA9\xE7\x9A\x84\xE5\xAE\xB6 :: Blog "
        "Platform ::</title></head><body><h1>Blog Platform</h1>"
        "<h2><a href=/blog/post/1>\xE6\x96\xB0\xE7\xAB\xB9\xE8\xB3\x9E\xE6\xA5\x93"
        "\xE4\xB9\x8B\xE6\x97\x85</a></h2><p>x</p></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "\xE6\x96\xB0\xE7\xAB\xB9\xE8\xB3\x9E\xE6\xA5\x93\xE4\xB9"
                               "\x8B\xE6\x97\x85");
    done(doc);
    /* Thai writes no spaces between words either */
    html = "<head><title>\xE0\xB8\x82\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB8\xA7\xE0\xB9\x80\xE0\xB8"
           "\xA8\xE0\xB8\xA3\xE0\xB8\xA9\xE0\xB8\x90\xE0\xB8\x81\xE0\xB8\xB4\xE0\xB8\x88 | Thai "
           "News</title></head><body><h1>Thai News</h1><h2>\xE0\xB8\x82\xE0\xB9\x88\xE0\xB8\xB2"
           "\xE0\xB8\xA7\xE0\xB9\x80\xE0\xB8\xA8\xE0\xB8\xA3\xE0\xB8\xA9\xE0\xB8\x90\xE0\xB8"
           "\x81\xE0\xB8\xB4\xE0\xB8\x88</h2><p>x</p></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "\xE0\xB8\x82\xE0\xB9\x88\xE0\xB8\xB2\xE0\xB8\xA7\xE0\xB9\x80"
                               "\xE0\xB8\xA8\xE0\xB8\xA3\xE0\xB8\xA9\xE0\xB8\x90\xE0\xB8\x81"
                               "\xE0\xB8\xB4\xE0\xB8\x88");
    done(doc);
    /* the site's name after a separator written without spaces: a
     * fullwidth bar, an underscore; an underscore inside words stays */
    static const char *const glued[][2] = {
        {"\xE8\xA8\x98\xE4\xBA\x8B\xEF\xBD\x9CNews Site", "\xE8\xA8\x98\xE4\xBA\x8B"},
        {"\xE6\xA0\x87\xE9\xA2\x98_News Site", "\xE6\xA0\x87\xE9\xA2\x98"},
        {"snake_case_words", "snake_case_words"},
    };
    for (size_t i = 0; i < sizeof glued / sizeof glued[0]; i++) {
        char page[256];
        snprintf(page, sizeof page,
                 "<head><title>%s</title><meta property=og:site_name content=\"News Site\">"
                 "</head><body><p>x</p></body>",
                 glued[i][0]);
        doc = extracted(page, &m);
        CHECK_EQ_STR(STR(m.title), glued[i][1]);
        done(doc);
    }
}

/* "BY" in code ("ORDER BY period") is no byline label */
TEST(no_label_in_code)
{
    const char *html =
        "<head><meta name=author content=\"Site Name\"><meta property=og:site_name "
        "content=\"Site Name\"></head><body><article><h1>Headline</h1><p>Text.</p>"
        "<pre><span>SELECT * FROM t ORDER</span> <span>BY</span> <span>period</span></pre>"
        "</article></body>";
    wn_metadata m;
    wn_doc *doc = cleaned_extracted(html, &m);
    for (size_t i = 0; i < m.n_authors; i++)
        CHECK(strcmp(STR(m.authors[i]), "period") != 0);
    done(doc);
}

TEST(visible_byline_only)
{
    const char *html =
        "<body><header><nav><a href=/>Home</a></nav></header><article>"
        "<h1>Council Approves Budget</h1>"
        "<p class=meta>By Jane Doe and John Smith, Staff Writers</p>"
        "<p>26. Juli 2023</p><p>The council voted on Tuesday.</p>"
        "<figure><img src=/lead.jpg width=800 height=400><figcaption>The council "
        "chamber.</figcaption></figure>"
        "</article><div class=comments><span class=author>Troll Person</span></div></body>";
    wn_doc *doc = load(html, "https://example.com/news/budget");
    wn_metadata m = {0};
    wn_metadata_extract(doc, &m);
    CHECK_EQ_STR(STR(m.title), "Council Approves Budget");
    CHECK_EQ_INT(m.n_authors, 2);
    if (m.n_authors == 2) {
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Jane Doe");
        CHECK_EQ_MEM(m.authors[1].ptr, m.authors[1].len, "John Smith");
    }
    CHECK_EQ_STR(STR(m.date_published), "2023-07-26");
    CHECK_EQ_STR(STR(m.image_url), "https://example.com/lead.jpg");
    CHECK_EQ_STR(STR(m.image_caption), "The council chamber.");
    done(doc);
}

/* The caption search passes over data: URIs without resolving them, unless
 * the lead image is one (then the figure around the same URI is its). */
TEST(caption_data_uri)
{
    const char *html =
        "<head><meta property=og:image content=\"/lead.jpg\"></head><body><article>"
        "<h1>Council Approves Budget</h1>"
        "<figure><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">"
        "<figcaption>A placeholder.</figcaption></figure>"
        "<figure><img src=/lead.jpg><figcaption>The council chamber.</figcaption></figure>"
        "<p>The council voted on Tuesday.</p></article></body>";
    wn_doc *doc = load(html, "https://example.com/news/budget");
    wn_metadata m = {0};
    wn_metadata_extract(doc, &m);
    CHECK_EQ_STR(STR(m.image_url), "https://example.com/lead.jpg");
    CHECK_EQ_STR(STR(m.image_caption), "The council chamber.");
    done(doc);
    html = "<head><meta property=og:image content=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">"
           "</head><body><article><h1>Council Approves Budget</h1>"
           "<figure><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">"
           "<figcaption>The pixel.</figcaption></figure>"
           "<p>The council voted on Tuesday.</p></article></body>";
    doc = load(html, "https://example.com/news/budget");
    wn_metadata m2 = {0};
    wn_metadata_extract(doc, &m2);
    CHECK_EQ_STR(STR(m2.image_url), "data:image/gif;base64,R0lGODlhAQABAAAAACw=");
    CHECK_EQ_STR(STR(m2.image_caption), "The pixel.");
    done(doc);
}

TEST(title_suffix)
{
    const char *html = "<head><title>A Long Enough Headline Here | Example Site</title>"
                       "<meta property=og:site_name content=\"Example Site\"></head><body></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.site_name), "Example Site");
    CHECK_EQ_STR(STR(m.title), "A Long Enough Headline Here");
    done(doc);
    /* a heading that ends with the site's name loses it; one that starts
     * with it keeps it */
    html = "<head><title>Best Art Shows 2025 \xE2\x80\x93 Artsy Daily - Artsy Daily</title>"
           "<meta property=og:site_name content=\"Artsy Daily\"></head>"
           "<body><h1>Best Art Shows 2025 \xE2\x80\x93 Artsy Daily</h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Best Art Shows 2025");
    done(doc);
    html = "<head><title>Artsy Daily Awards \xE2\x80\x93 The Winners | Artsy Daily</title>"
           "<meta property=og:site_name content=\"Artsy Daily\"></head>"
           "<body><h1>Artsy Daily Awards \xE2\x80\x93 The Winners</h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Artsy Daily Awards \xE2\x80\x93 The Winners");
    done(doc);
    /* the <h1> that the SEO title contains wins */
    html = "<head><title>Storm Hits Coast - Weather - Daily Paper</title></head>"
           "<body><h1>Daily Paper</h1><h1>Storm Hits Coast</h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Storm Hits Coast");
    done(doc);
    wn_str t = wn_title_strip_site(NULL, (wn_str){"Site :: Real Title Of Page", 26},
                                   (wn_str){"Site", 4});
    CHECK_EQ_MEM(t.ptr, t.len, "Real Title Of Page");
    /* at the start, the site's name with one more word goes; a headline's
     * first words that merely hold it stay */
    t = wn_title_strip_site(NULL, (wn_str){"Stargazer News - Which Telescope First?", 39},
                            (wn_str){"Stargazer", 9});
    CHECK_EQ_MEM(t.ptr, t.len, "Which Telescope First?");
    t = wn_title_strip_site(NULL, (wn_str){"New to Stargazer - Which Telescope First?", 41},
                            (wn_str){"Stargazer", 9});
    CHECK_EQ_MEM(t.ptr, t.len, "New to Stargazer - Which Telescope First?");
    /* the site's name twice at the end, or a section named after it */
    t = wn_title_strip_site(NULL, (wn_str){"Widget Care Tips | Acme | Acme", 30},
                            (wn_str){"Acme", 4});
    CHECK_EQ_MEM(t.ptr, t.len, "Widget Care Tips");
    t = wn_title_strip_site(NULL, (wn_str){"widgets \xC2\xB7 Acme Topics \xC2\xB7 Acme", 30},
                            (wn_str){"Acme", 4});
    CHECK_EQ_MEM(t.ptr, t.len, "widgets");
}

/* The title of `html` once the page is known to be of `type` (the body is
 * the content), copied to buf. */
static const char *
title_as(const char *html, wn_page_type type, char *buf, size_t cap)
{
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    wn_node *body = doc->dom->root->first_child->last_child;
    wn_content c = {&body, 1, NULL, type, false};
    wn_metadata_finish(doc, &c, &m);
    snprintf(buf, cap, "%.*s", m.title.ptr ? (int)m.title.len : 6,
             m.title.ptr ? m.title.ptr : "(null)");
    done(doc);
    return buf;
}

TEST(title_by_page_type)
{
    char buf[200];
    /* an <h1> no declared title agrees with: the headline on an article,
     * the <title> (site name stripped) on a service or listing page */
    const char *html = "<head><title>Data Analytics Services | Acme Corp</title>"
                       "<meta property=og:site_name content=\"Acme Corp\"></head>"
                       "<body><h1>Smarter insight for every team</h1><p>Text.</p></body>";
    wn_page_type types[] = {WN_PAGE_ARTICLE, WN_PAGE_SERVICE, WN_PAGE_LISTING,
                            WN_PAGE_COLLECTION};
    const char *want[] = {"Smarter insight for every team", "Data Analytics Services",
                          "Data Analytics Services", "Data Analytics Services"};
    wn_doc *doc = load(html, NULL);
    wn_metadata m = {0};
    wn_metadata_extract(doc, &m); /* before the page type is known: the headline */
    CHECK_EQ_STR(STR(m.title), "Smarter insight for every team");
    done(doc);
    for (size_t i = 0; i < 4; i++)
        CHECK_EQ_STR(title_as(html, types[i], buf, sizeof buf), want[i]);
    html = "<head><title>Data Analytics Services | Acme Corp</title></head>"
           "<body><h1>Data Analytics Services</h1></body>";
    CHECK_EQ_STR(title_as(html, WN_PAGE_SERVICE, buf, sizeof buf), "Data Analytics Services");
    /* a collection's or listing's <h1> whose words are all in the <title>
     * is the category's name; a service page still takes the <title> */
    html = "<head><title>Camping Stoves: Top Rated Camp Stoves | Acme Outdoors</title>"
           "<meta property=og:site_name content=\"Acme Outdoors\"></head>"
           "<body><h1>Camp Stoves</h1><p>Text.</p></body>";
    wn_page_type types2[] = {WN_PAGE_COLLECTION, WN_PAGE_LISTING, WN_PAGE_SERVICE};
    const char *want2[] = {"Camp Stoves", "Camp Stoves", "Camping Stoves: Top Rated Camp Stoves"};
    for (size_t i = 0; i < 3; i++)
        CHECK_EQ_STR(title_as(html, types2[i], buf, sizeof buf), want2[i]);
    /* an <h1> the <title> holds only after other words (a brand, "All")
     * agrees weakly: the <title> names a non-article page, the <h1> an
     * article */
    html = "<head><title>Acme Trail Runner 3 Waterproof Shoe | Example Outfitters</title>"
           "<meta property=og:site_name content=\"Example Outfitters\"></head>"
           "<body><h1>Trail Runner 3 Waterproof Shoe</h1><p>Text.</p></body>";
    wn_page_type types3[] = {WN_PAGE_COLLECTION, WN_PAGE_LISTING, WN_PAGE_SERVICE,
                             WN_PAGE_ARTICLE, WN_PAGE_PRODUCT};
    for (size_t i = 0; i < 5; i++)
        CHECK_EQ_STR(title_as(html, types3[i], buf, sizeof buf),
                     i < 3 ? "Acme Trail Runner 3 Waterproof Shoe"
                           : "Trail Runner 3 Waterproof Shoe");
    /* not after a name the tag-line cut would leave alone ("Acme | ..."
     * would print "Acme") */
    html = "<head><title>Acme | Trail Runner 3 Waterproof Shoe</title></head>"
           "<body><h1>Trail Runner 3 Waterproof Shoe</h1><p>Text.</p></body>";
    CHECK_EQ_STR(title_as(html, WN_PAGE_COLLECTION, buf, sizeof buf),
                 "Trail Runner 3 Waterproof Shoe");
    /* a <title> with an empty page part names no page: the <h1> */
    html = "<head><title> | Example Magazine</title></head>"
           "<body><h1>Electronic Gadgets</h1><p>Text.</p></body>";
    for (size_t i = 0; i < 3; i++)
        CHECK_EQ_STR(title_as(html, types2[i], buf, sizeof buf), "Electronic Gadgets");
    /* one the <title> starts with is the page's own name */
    html = "<head><title>Trail Runner 3 Waterproof Shoe for Men | Example Outfitters</title>"
           "<meta property=og:site_name content=\"Example Outfitters\"></head>"
           "<body><h1>Trail Runner 3 Waterproof Shoe</h1><p>Text.</p></body>";
    CHECK_EQ_STR(title_as(html, WN_PAGE_COLLECTION, buf, sizeof buf),
                 "Trail Runner 3 Waterproof Shoe");
    /* a service page's <h1> with the <title>'s words, nearly all of them */
    html = "<head><title>Graphic Design Course Online | Acme School</title>"
           "<meta property=og:site_name content=\"Acme School\"></head>"
           "<body><h1>Online Graphic Design Course</h1><p>Text.</p></body>";
    CHECK_EQ_STR(title_as(html, WN_PAGE_SERVICE, buf, sizeof buf), "Online Graphic Design Course");
    /* a forum thread's title after its board's short label */
    html = "<head><title>Billing help - how do I change my card | Example Forums</title>"
           "<meta property=og:site_name content=\"Example Forums\"></head>"
           "<body><h1>Billing help - how do I change my card</h1><p>Text.</p></body>";
    CHECK_EQ_STR(title_as(html, WN_PAGE_FORUM, buf, sizeof buf), "how do I change my card");
    CHECK_EQ_STR(title_as(html, WN_PAGE_ARTICLE, buf, sizeof buf),
                 "Billing help - how do I change my card");
    html = "<head><title>Squad 2024 - 2025</title></head><body><h1>Squad 2024 - 2025</h1></body>";
    CHECK_EQ_STR(title_as(html, WN_PAGE_FORUM, buf, sizeof buf), "Squad 2024 - 2025");
    /* "Name | Tagline" left after the site name: the name */
    html = "<head><title>Data Analytics Services | Insight for all | Acme Corp</title>"
           "<meta property=og:site_name content=\"Acme Corp\"></head>"
           "<body><h1>Smarter insight for every team</h1></body>";
    CHECK_EQ_STR(title_as(html, WN_PAGE_SERVICE, buf, sizeof buf), "Data Analytics Services");
    /* a brand before a bar and a long tail after it: the tail says what the
     * page offers, and the whole stays */
    html = "<head><title>Acme Health | Friendly Care From Licensed Local Doctors</title>"
           "<meta property=og:title content=\"Acme Health | Friendly Care From Licensed Local "
           "Doctors\"></head><body><h1>Feel better, sooner.</h1></body>";
    CHECK_EQ_STR(title_as(html, WN_PAGE_SERVICE, buf, sizeof buf),
                 "Acme Health | Friendly Care From Licensed Local Doctors");
}

TEST(title_tagline)
{
    /* a short tail after the first bar or spaced hyphen goes, also from the
     * <h1> itself and with no site name declared */
    const char *html = "<head><title>Best Movers in Town 2025 | Top 19 Companies | Acme</title>"
                       "</head><body><h1>Best Movers in Town 2025 | Top 19 Companies</h1></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Best Movers in Town 2025");
    CHECK_EQ_INT(m.title.len, strlen("Best Movers in Town 2025"));
    done(doc);
    struct {
        const char *in, *out;
    } cases[] = {
        {"Language Apps Compared - Personally Tested", "Language Apps Compared"},
        /* a long tail is a subtitle */
        {"The Death Spiral - How Small Languages Die in the Age of AI",
         "The Death Spiral - How Small Languages Die in the Age of AI"},
        /* a one-word head is a name, not a headline */
        {"Acme - Sales Engagement Platform", "Acme - Sales Engagement Platform"},
        {"Acme.io - Sales Engagement Platform", "Acme.io - Sales Engagement Platform"},
        /* a bar is the template's own: a one-word page name before it */
        {"SHIP | City of Example", "SHIP"},
        /* en and em dashes belong to the headline */
        {"Gym Workouts for Beginners \xE2\x80\x94 Strength Training",
         "Gym Workouts for Beginners \xE2\x80\x94 Strength Training"},
        /* every part of a longer tail is short: a section, then the site */
        {"How to help babies sleep | Patient Education | Acme Children's Hospital",
         "How to help babies sleep"},
        {"Where did the ISO go / Arch Talk / Example Forums", "Where did the ISO go"},
        /* numbers belong to the headline */
        {"Tech conferences in Americas 2026 / 2027", "Tech conferences in Americas 2026 / 2027"},
        /* so do dates, in the languages the date parser reads */
        {"The Best Cheap Earbuds - March 2026", "The Best Cheap Earbuds - March 2026"},
        {"Les meilleurs casques - mars 2026", "Les meilleurs casques - mars 2026"},
        {"Life On Other Worlds - Mars", "Life On Other Worlds"},
        /* a hyphen inside a word is no separator */
        {"Long-Distance Movers-Reviewed", "Long-Distance Movers-Reviewed"},
    };
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wn_str t = wn_title_cut_tagline(&a, (wn_str){cases[i].in, strlen(cases[i].in)});
        CHECK_EQ_MEM(t.ptr, t.len, cases[i].out);
    }
    wn_arena_free_all(&a);
}

TEST(title_heading_verbatim)
{
    /* of two headings that agree alike, the one a declared title prints as
     * it is, here with an en dash that is no tag-line separator */
    const char *html =
        "<head><title>Game Console \xE2\x80\x93 OLED Model - Acme - Official Site</title></head>"
        "<body><h1>Game Console - OLED Model</h1><h1>Game Console \xE2\x80\x93 OLED Model</h1>"
        "</body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Game Console \xE2\x80\x93 OLED Model");
    done(doc);
}

TEST(title_heading_at_start)
{
    /* an <h1> naming the site or book (the end of "Page - Book") loses to
     * the <h2> the <title> starts with */
    const char *html = "<head><title>What Is Ownership? - The Programming Handbook</title></head>"
                       "<body><div><h1>The Programming Handbook</h1></div>"
                       "<main><h2>What Is Ownership?</h2><p>Text.</p></main></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "What Is Ownership?");
    done(doc);
    /* alone, the heading the <title> ends with still agrees */
    html = "<head><title>Acme - The Best Espresso Machines Under $500</title></head>"
           "<body><h1>The Best Espresso Machines Under $500</h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "The Best Espresso Machines Under $500");
    done(doc);
}

TEST(title_h2_part)
{
    /* an <h2> that is only the start of the <title>'s headline, which goes
     * on with more words, is a section echoing it: the page's <h1> stays */
    const char *html =
        "<head><title>What Is a Heat Pump? [Definition + Types + Costs] | Acme</title></head>"
        "<body><h1>Heat Pumps Explained for Homeowners</h1><p>Intro.</p>"
        "<h2>What Is a Heat Pump?</h2><p>Text.</p></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Heat Pumps Explained for Homeowners");
    done(doc);
    /* an <h2> that is a whole part of it still agrees */
    html = "<head><title>What Is a Heat Pump? | Guides | Acme</title></head>"
           "<body><h1>Acme Guides</h1><h2>What Is a Heat Pump?</h2><p>Text.</p></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "What Is a Heat Pump?");
    done(doc);
    /* so does one on a page without an <h1> */
    html = "<head><title>What Is a Heat Pump? [Definition + Types] | Acme</title></head>"
           "<body><h2>What Is a Heat Pump?</h2><p>Text.</p></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "What Is a Heat Pump?");
    done(doc);
}

TEST(title_embedded_ld)
{
    /* no heading: a JSON-LD name that og:title and the <title> both
     * disagree with, while they agree, names an embedded video */
    const char *html =
        "<head><title>Car Rental News | Example TV</title>"
        "<meta property=og:title content=\"Car Rental News | Example TV\">"
        "<script type=\"application/ld+json\">{\"@type\":\"VideoObject\","
        "\"name\":\"Thu Dec 18 Live Broadcast\"}</script></head><body><p>Text.</p></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Car Rental News");
    done(doc);
    /* a JSON-LD name that agrees with them stays first */
    html = "<head><title>Spring Deals On Car Rentals | Example TV</title>"
           "<meta property=og:title content=\"Spring Deals On Car Rentals\">"
           "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
           "\"headline\":\"Spring Deals On Car Rentals Today\"}</script></head>"
           "<body><p>Text.</p></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Spring Deals On Car Rentals Today");
    done(doc);
}

TEST(title_paragraph_heading)
{
    /* an <h1> that no declared title agrees with and that reads as a
     * paragraph is a blurb: the <title> names the page (so do section
     * headings) */
    const char *html =
        "<head><title>The Ten Best Garden Projects of 2024 | Acme Homes</title></head><body>"
        "<h1>Learn which garden projects pay off the most? Get expert tips on planning and "
        "budgeting your garden. We will help you learn everything you need to know about it.</h1>"
        "</body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "The Ten Best Garden Projects of 2024");
    done(doc);
    /* <h1>s that set the sections of a post, none agreeing with the
     * declared title: the declared title */
    html = "<head><title>Field Notes: Small Models At Work</title>"
           "<meta property=og:title content=\"Small Models At Work\"></head><body>"
           "<h1>Small is the new large</h1><p>Text.</p><h1>Getting started</h1><p>Text.</p>"
           "<h1>So many models</h1><p>Text.</p></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Small Models At Work");
    done(doc);
    /* empty <h1>s (an icon, a placeholder) are no sections */
    html = "<head><title>Spring Deals | Acme</title></head><body><h1></h1>"
           "<h1>Our garden picks</h1><h1><img src=x.png></h1><p>Text.</p></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Our garden picks");
    done(doc);
    /* counted past the first headings the page keeps for matching */
    html = "<head><title>QUERY</title></head><body><h1>1. Overview</h1>"
           "<h2>1.1 A</h2><h2>1.2 B</h2><h2>1.3 C</h2><h2>1.4 D</h2><h2>1.5 E</h2>"
           "<h2>1.6 F</h2><h2>1.7 G</h2><h1>2. Details</h1><h1>3. Limits</h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "QUERY");
    done(doc);
    /* on a listing page, the <title> as with a banner <h1> */
    {
        char buf[200];
        html = "<head><title>Trending widgets today \xC2\xB7 Acme</title>"
               "<meta property=og:title content=\"Build widgets better, together\">"
               "<meta property=og:site_name content=Acme></head><body>"
               "<h1>Search widgets</h1><h1>Give feedback</h1><h1>Saved searches</h1>"
               "<p>Text.</p></body>";
        CHECK_EQ_STR(title_as(html, WN_PAGE_LISTING, buf, sizeof buf), "Trending widgets today");
    }
    /* a long one-sentence <h1> is still the headline */
    html = "<head><title>Garden Guide | Acme Homes</title></head><body>"
           "<h1>Why the long summer of 2024 changed how gardeners across the northern towns "
           "plan their beds, water their lawns and pick their seeds</h1></body>";
    doc = extracted(html, &m);
    CHECK(m.title.ptr && strncmp(m.title.ptr, "Why the long summer", 19) == 0);
    done(doc);
}

TEST(title_heading_label)
{
    /* a leading date or "Blog:" label goes when the rest is the declared
     * title */
    const char *html =
        "<head><title>Moving A Package Archive | Sam's Notes</title>"
        "<meta property=og:title content=\"Moving A Package Archive\"></head><body>"
        "<h1><a href=\"/p/1\"><time datetime=\"2025-12-18\">Dec <span>18</span> 2025</time>"
        " Moving A Package Archive</a></h1></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Moving A Package Archive");
    done(doc);
    html = "<head><title>Ten Ways To Plan A Garden | Acme Gardens</title></head><body>"
           "<h1><strong>Blog:</strong> Ten Ways To Plan A Garden</h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Ten Ways To Plan A Garden");
    done(doc);
    /* a forum thread's prefix chip, which the declared title prints apart */
    html = "<head><title>Help - Which lens for birds? | Example Forum</title>"
           "<meta property=og:title content=\"Help - Which lens for birds?\"></head><body>"
           "<h1><span class=chip>Help</span><span>&nbsp;</span>Which lens for birds?</h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Which lens for birds?");
    done(doc);
    /* a trailing one, when a declared title starts with the rest */
    html = "<head><title>Garden Habits: A Short Guide: Doe, Jane: 12345: Example Books</title>"
           "</head><body><h1>Follow the writer</h1>"
           "<h1><span>Garden Habits: A Short Guide</span> <span>Hardcover \xE2\x80\x93 "
           "June 1, 2018</span></h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Garden Habits: A Short Guide");
    done(doc);
    /* a linked label is a brand's name; a label the rest goes on from with
     * a dash is the heading's subject: both stay */
    html = "<head><title>Trail 20 Pack | Acme Outfitters</title></head><body>"
           "<h1><a href=\"/brand/acme\">Acme</a> Trail 20 Pack</h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Acme Trail 20 Pack");
    done(doc);
    html = "<head><title>zipper \xE2\x80\x94 Archive helpers \xE2\x80\x94 Example 3 "
           "documentation</title></head><body>"
           "<h1><code>zipper</code> \xE2\x80\x94 Archive helpers</h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "zipper \xE2\x80\x94 Archive helpers");
    done(doc);
}

TEST(title_heading_first_part)
{
    /* a short <h1> that reads as the declared title's first part, up to a
     * separator, agrees however many words follow: it beats an earlier
     * <h1>, and its leading label goes */
    const char *html =
        "<head><title>Cobalt Mug | Example Shop Directory</title></head><body>"
        "<h1>Our Journal</h1><h1>Cobalt Mug</h1></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Cobalt Mug");
    done(doc);
    html = "<head><title>Cobalt Mug | Example Shop Directory</title></head><body>"
           "<h1>\n<div>Get the look</div>\n<span>Cobalt Mug</span>\n</h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Cobalt Mug");
    done(doc);
    /* an <h2> that does (a footer's site name) stays weak */
    html = "<head><title>Maple Market | Handmade Gifts From Small Makers</title></head><body>"
           "<h1>Rebuilding a Legacy</h1><p>Text.</p><h2>Maple Market</h2></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Rebuilding a Legacy");
    done(doc);
}

TEST(title_heading_printed_twice)
{
    /* a heading printed once for wide and once for narrow screens reads
     * once; a headline that says a word twice stays as it is */
    const char *html = "<body><h1><a href=\"/news\"><span class=wide>Latest News</span>"
                       "<span class=narrow>Latest News</span></a></h1><p>Text.</p></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Latest News");
    done(doc);
    html = "<body><h1><a aria-hidden=true href=\"/shop\"><span>Fresh ways to cook</span></a>"
           "Fresh ways to cook</h1><p>Text.</p></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Fresh ways to cook");
    done(doc);
    html = "<body><h1>Bora Bora</h1><p>Text.</p></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Bora Bora");
    done(doc);
    html = "<body><h1><span>Walla</span> <span>Walla</span> <span>Wines</span></h1>"
           "<p>Text.</p></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Walla Walla Wines");
    done(doc);
}

TEST(title_logo_heading)
{
    /* an <h1> that links home with all its text is the site's logo: not
     * the headline, and the site name to strip when none is declared */
    const char *hrefs[] = {"/", "./", "https://notes.example/", "//notes.example", "index.html"};
    for (size_t i = 0; i < sizeof hrefs / sizeof hrefs[0]; i++) {
        char html[600];
        snprintf(html, sizeof html,
                 "<head><title>Small Models At Work | Field Notes</title></head><body>"
                 "<header><h1><a href=\"%s\">Field Notes</a></h1></header>"
                 "<p>Friday, December 19, 2025</p>"
                 "<div><h1>Getting started</h1><p>Text.</p></div></body>",
                 hrefs[i]);
        wn_doc *doc = load(html, NULL);
        wn_metadata m = {0};
        wn_metadata_extract(doc, &m);
        /* the first non-logo <h1>, as on any page no heading agrees with */
        CHECK_EQ_STR(STR(m.title), "Getting started");
        /* the dateline under the logo is still read */
        CHECK_EQ_STR(STR(m.date_published), "2025-12-19");
        done(doc);
    }
    /* a header's microdata headline that links home names the site */
    {
        const char *page =
            "<head><title>Camp Gear \xE2\x80\x93 Acme Outfitters</title></head><body>"
            "<header itemscope itemtype=\"https://schema.org/WPHeader\">"
            "<p itemprop=headline><a href=\"https://acme.example\" rel=home>Acme Outfitters</a>"
            "</p></header><p>Text.</p></body>";
        wn_metadata mm;
        wn_doc *d = extracted(page, &mm);
        CHECK_EQ_STR(STR(mm.title), "Camp Gear");
        CHECK_EQ_STR(STR(mm.site_name), "Acme Outfitters");
        done(d);
    }
    /* the logo gone, the <title> without the logo's name */
    const char *html = "<head><title>Small Models At Work | Field Notes</title></head><body>"
                       "<h1><a href=\"/\">Field Notes</a></h1><p>Text.</p></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Small Models At Work");
    done(doc);
    /* a link elsewhere, or one that is not the whole heading: a headline */
    const char *heads[] = {"<h1><a href=\"/2025/field-notes\">Field Notes</a></h1>",
                           "<h1><a href=\"https://notes.example/?p=1\">Field Notes</a></h1>",
                           "<h1>Field Notes <a href=\"/\">home</a></h1>"};
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++) {
        char page[400];
        snprintf(page, sizeof page, "<head><title>Weekly Digest</title></head><body>%s</body>",
                 heads[i]);
        doc = load(page, NULL);
        memset(&m, 0, sizeof m);
        wn_metadata_extract(doc, &m);
        CHECK(m.title.ptr && strncmp(m.title.ptr, "Field Notes", 11) == 0);
        done(doc);
    }
}

TEST(title_repairs)
{
    /* UTF-8 encoded twice: taken back once a C1 control gives it away */
    const char *html = "<head><title>A DIY Investor\xC3\xA2\xC2\x80\xC2\x99s Guide "
                       "\xC3\xA2\xC2\x80\xC2\x94 Retirement Calculators in "
                       "2025\xC3\x82\xC2\xB6</title></head>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "A DIY Investor\xE2\x80\x99s Guide \xE2\x80\x94 Retirement "
                               "Calculators in 2025");
    done(doc);
    /* without one, Latin-1 looking text stays as it is */
    html = "<head><title>Caf\xC3\xA9 \xC3\x82\xC2\xBB Men\xC3\xBC</title></head>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Caf\xC3\xA9 \xC3\x82\xC2\xBB Men\xC3\xBC");
    done(doc);
    /* soft hyphens go: the heading agrees with the <title> and reads whole */
    html = "<head><title>Town of Example: Home Repair Assistance Program</title></head>"
           "<body><h1>Home Repair Assis&shy;tance Program</h1>"
           "<h2>Assis\xC2\xADtance&#173;</h2></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Home Repair Assistance Program");
    done(doc);
    /* a heading's button and hidden pop-up are not its words */
    html = "<head><title>Widget Guide | Example Docs</title></head>"
           "<body><h1>Crate <span>widget</span>&nbsp;<button>Copy item path</button></h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Crate widget");
    done(doc);
    html = "<head><title>Access overview | Example Docs</title></head>"
           "<body><h1>Access overview<span hidden><span>Save this page</span></span></h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Access overview");
    done(doc);
    /* nor is its screen-reader-only label, with no declared title to show
     * it apart */
    html = "<body><h1><span class=\"visually-hidden\">Collection: </span>Camp Stoves</h1>"
           "<p>Light stoves for long trips.</p></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Camp Stoves");
    done(doc);
    html = "<body><h1>Camp Stoves <span class=\"sr-only\">(current page)</span></h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Camp Stoves");
    done(doc);
    /* unless it is all the heading says */
    html = "<body><h1><span class=\"sr-only\">Camp Stoves</span></h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Camp Stoves");
    done(doc);
    /* a heading whose apostrophe and colon were lost to '?': the declared
     * title that reads the same with them */
    html = "<head><title>Event Planning: A Beginner&#x27;s Guide | Acme Events</title></head>"
           "<body><h1>Event Planning? A Beginner? Guide</h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Event Planning: A Beginner's Guide");
    done(doc);
    /* a real question mark stays */
    html = "<head><title>Why Plan Early? Ten Reasons | Acme Events</title></head>"
           "<body><h1>Why Plan Early? Ten Reasons</h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Why Plan Early? Ten Reasons");
    done(doc);
    /* a heading's permalink pilcrow goes */
    html = "<head><title>Middleware | Framework docs</title></head>"
           "<body><h1>Middleware<a class=headerlink href=\"#mw\">\xC2\xB6</a></h1></body>";
    doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Middleware");
    CHECK_EQ_INT(m.title.len, strlen("Middleware"));
    done(doc);
}

TEST(dates_refused)
{
    const char *html = "<head><meta name=date content=9999-99-99>"
                       "<meta property=article:published_time content=2091-01-01>"
                       "<script>var d = '2020-02-02';</script></head><body>"
                       "<h1>Title</h1><p>Nothing dated.</p></body>";
    wn_doc *doc = load(html, "https://example.com/a");
    wn_metadata m = {0};
    wn_metadata_extract(doc, &m);
    CHECK(m.date_published.ptr == NULL);
    CHECK(m.date_modified.ptr == NULL);
    done(doc);
    /* the URL as the last resort */
    doc = load("<body><h1>T</h1></body>", "https://example.com/2019/04/05/story");
    memset(&m, 0, sizeof m);
    wn_metadata_extract(doc, &m);
    CHECK_EQ_STR(STR(m.date_published), "2019-04-05");
    done(doc);
}

TEST(dateline_before_headline)
{
    /* a date printed above the headline, with its label in an element of
     * its own, when nothing after the headline is dated */
    const char *html =
        "<body><header><nav><a href=/>Home</a></nav></header><main>"
        "<div class=hero><div><span>Last updated:</span><span>Dec 12, 2025</span></div>"
        "<h1>Choosing a Garden Hose</h1></div>"
        "<p>Hoses come in many lengths and materials.</p></main></body>";
    wn_doc *doc = load(html, "https://example.com/blog/garden-hose");
    wn_metadata m = {0};
    wn_metadata_extract(doc, &m);
    CHECK_EQ_STR(STR(m.date_published), "2025-12-12");
    done(doc);
    /* a date after the headline still wins over one before it */
    html = "<body><main><p>March 3, 2024</p><h1>Choosing a Garden Hose</h1>"
           "<p>Posted on April 13, 2025</p><p>Hoses come in many lengths.</p></main></body>";
    doc = load(html, "https://example.com/blog/garden-hose");
    memset(&m, 0, sizeof m);
    wn_metadata_extract(doc, &m);
    CHECK_EQ_STR(STR(m.date_published), "2025-04-13");
    done(doc);
    /* only the few texts nearest the headline: a date far above it (a
     * list of other posts) is not the page's */
    html = "<body><ul><li>Older post</li><li>May 1, 2020</li></ul>"
           "<p>One</p><p>Two</p><p>Three</p><p>Four</p><p>Five</p><p>Six</p>"
           "<h1>Choosing a Garden Hose</h1><p>Hoses come in many lengths.</p></body>";
    doc = load(html, "https://example.com/blog/garden-hose");
    memset(&m, 0, sizeof m);
    wn_metadata_extract(doc, &m);
    CHECK(m.date_published.ptr == NULL);
    done(doc);
}

TEST(byline_line_break)
{
    /* a byline element's line break ends the name: "Name<br>Date" */
    const char *html = "<body><div id=content><h1>Defer, Panic, and Recover</h1>"
                       "<p class=author>Jane Doe<br>4 August 2010</p>"
                       "<p>Go has the usual mechanisms for control flow.</p></div></body>";
    wn_doc *doc = load(html, "https://example.com/blog/defer");
    wn_metadata m = {0};
    wn_metadata_extract(doc, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Jane Doe");
    CHECK_EQ_STR(STR(m.date_published), "2010-08-04");
    done(doc);
}

TEST(date_meta_names)
{
    /* <meta name=published>, <meta name=published-date> and
     * <meta name=modified-date> */
    const char *html = "<head><meta name=published content=\"July 17, 2025\">"
                       "<meta name=modified-date content=2025-08-01></head>"
                       "<body><h1>T</h1></body>";
    wn_doc *doc = load(html, "https://example.com/a");
    wn_metadata m = {0};
    wn_metadata_extract(doc, &m);
    CHECK_EQ_STR(STR(m.date_published), "2025-07-17");
    CHECK_EQ_STR(STR(m.date_modified), "2025-08-01");
    done(doc);
    html = "<head><meta name=published-date content=2021-02-16></head><body><h1>T</h1></body>";
    doc = load(html, "https://example.com/a");
    memset(&m, 0, sizeof m);
    wn_metadata_extract(doc, &m);
    CHECK_EQ_STR(STR(m.date_published), "2021-02-16");
    done(doc);
}

TEST(visible_byline_labels)
{
    /* "Written By" / "Author:" lines after the headline are bylines */
    const char *pages[] = {
        "<body><article><h1>Pond Life Today</h1><p>Written By Ann Lee</p>"
        "<p>Frogs sing at night in the pond.</p></article></body>",
        "<body><article><h1>Pond Life Today</h1><p><b>Author:</b> <span>Ann Lee</span></p>"
        "<p>Frogs sing at night in the pond.</p></article></body>",
        /* label variants: a colon, "Posted by", any case, spread over lines */
        "<body><article><h1>Pond Life Today</h1><p>Written by: <a>Ann Lee</a></p>"
        "<p>Frogs sing at night in the pond.</p></article></body>",
        "<body><article><h1>Pond Life Today</h1><span>Posted\n\t\tby</span> <a>Ann Lee</a>"
        "<p>Frogs sing at night in the pond.</p></article></body>",
        "<body><article><h1>Pond Life Today</h1><p>by: <span>Ann Lee</span></p>"
        "<p>Frogs sing at night in the pond.</p></article></body>",
        /* name and role in adjacent elements: not glued into one word */
        "<body><article><h1>Pond Life Today</h1><div class=author><span>Ann Lee</span>"
        "<span>Founder at Pond Co</span></div>"
        "<p>Frogs sing at night in the pond.</p></article></body>",
        /* a role line in its own element after the name is not a second name */
        "<body><article><h1>Pond Life Today</h1><div class=author-info><span>Ann Lee</span>\n"
        "<p>RN, BSN, Certified Pond Consultant</p></div>"
        "<p>Frogs sing at night in the pond.</p></article></body>",
        /* an icon before the label still lets it open its element */
        "<body><article><h1>Pond Life Today</h1><p><a href=#p1><img src=/i.gif></a>by "
        "<b><a href=/u/1>Ann Lee</a></b> &raquo; Tue Aug 27, 2019</p>"
        "<p>Frogs sing at night in the pond.</p></article></body>",
        /* the body's layout class ("sidebar-right-only") skips no region */
        "<body class=\"nojs sidebar-right-only\"><article><h1>Pond Life Today</h1>"
        "<span class=byline>By Ann Lee</span>"
        "<p>Frogs sing at night in the pond.</p></article></body>",
        /* a page footer that is the author box holds the byline */
        "<body><div><h1>Pond Life Today</h1><p>Frogs sing at night in the pond.</p></div>"
        "<footer class=author_bio_section><p class=author_links>By <a>Ann Lee</a></p></footer>"
        "<footer class=page-footer><span class=author>Footer Person</span></footer></body>",
        /* a long utility-class list still names the byline */
        "<body><article><h1>Pond Life Today</h1><a class=\"author-name whitespace-nowrap "
        "inline-flex items-center text-neutral-content visited:text-neutral-content-weak "
        "font-bold text-12 hover:underline focus:outline-none focus-visible:ring "
        "rounded-sm px-xs py-2xs leading-4 max-w-full truncate\">Ann Lee</a>"
        "<p>Frogs sing at night in the pond.</p></article></body>",
        /* "By continuing, you agree" is no byline; the real one follows */
        "<body><article><h1>Pond Life Today</h1><p>By continuing, you agree to our terms</p>"
        "<p>By Ann Lee</p><p>Frogs sing at night in the pond.</p></article></body>",
        /* a page builder's block ("elementor-widget-container") is no widget
         * area; a widget is */
        "<body><div class=\"widget widget_recent\"><span class=author>Widget Person</span></div>"
        "<article><h1>Pond Life Today</h1><div class=\"builder-widget builder-widget-container\">"
        "<div class=author-box><h4 class=author-box__name>Ann Lee</h4></div></div>"
        "<p>Frogs sing at night in the pond.</p></article></body>",
        /* the body's class ("single-author") makes no byline of the menu */
        "<body class=\"single single-author\"><ul><li><a>Architecture</a></li></ul>"
        "<article><h1>Pond Life Today</h1><p class=post-author>By <a>Ann Lee</a> - 2019-04-10</p>"
        "<p>Frogs sing at night in the pond.</p></article></body>",
    };
    for (size_t k = 0; k < sizeof pages / sizeof pages[0]; k++) {
        wn_doc *doc = load(pages[k], NULL);
        wn_metadata m = {0};
        wn_metadata_extract(doc, &m);
        CHECK_EQ_INT(m.n_authors, 1);
        if (m.n_authors == 1)
            CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Ann Lee");
        done(doc);
    }
}

TEST(citation_authors_repeated)
{
    /* one citation_author tag per author: all of them, in order */
    const char *html = "<head><meta name=DC.Creator content=\"Ann Lee\">"
                       "<meta name=citation_author content=\"Ann Lee\">"
                       "<meta name=citation_author content=\"Bo, Carl\">"
                       "<meta name=citation_author content=\"Dee Ray\">"
                       "</head><body><p>Text.</p></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_INT(m.n_authors, 3);
    if (m.n_authors == 3) {
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Ann Lee");
        CHECK_EQ_MEM(m.authors[1].ptr, m.authors[1].len, "Carl Bo");
        CHECK_EQ_MEM(m.authors[2].ptr, m.authors[2].len, "Dee Ray");
    }
    done(doc);
    /* OpenGraph's article:author likewise, one tag per writer */
    const char *og = "<head><meta name=author content=\"Ann Lee\">"
                     "<meta property=article:author content=\"Ann Lee\">"
                     "<meta property=article:author content=\"https://social.example/annlee\">"
                     "<meta property=article:author content=\"Dee Ray\">"
                     "</head><body><p>Text.</p></body>";
    doc = extracted(og, &m);
    CHECK_EQ_INT(m.n_authors, 2);
    if (m.n_authors == 2)
        CHECK_EQ_MEM(m.authors[1].ptr, m.authors[1].len, "Dee Ray");
    done(doc);
}

TEST(microdata)
{
    const char *html =
        "<body><div itemscope itemtype=https://schema.org/Article>"
        "<h2 itemprop=headline>Micro Headline</h2>"
        "<span itemprop=author itemscope><span itemprop=name>Maria Rossi</span></span>"
        "<time itemprop=datePublished datetime=2018-09-10>10 settembre</time>"
        "</div></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.title), "Micro Headline");
    CHECK_EQ_INT(m.n_authors, 1);
    CHECK_EQ_STR(STR(m.date_published), "2018-09-10");
    done(doc);
}

TEST(forum_first_post)
{
    /* the layout wrapper says it has a sidebar: it is no sidebar; the
     * replies' microdata authors are not the page's; the first post's
     * user name (digits and all) is */
    const char *html =
        "<body><div class=\"page-main page-main--withSidebar\"><main>"
        "<h1>Which projector to buy?</h1>"
        "<article class=post><span class=username>sam_k42</span><p>Any advice?</p></article>"
        "<article class=post itemscope itemtype=https://schema.org/Comment>"
        "<div itemprop=author itemscope itemtype=https://schema.org/Person>"
        "<span itemprop=name>Replier</span></div><p>Buy the cheap one.</p></article>"
        "</main><div class=sidebar><span class=username>SidebarUser</span></div></div></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "sam_k42");
    done(doc);
}

TEST(author_lookalikes)
{
    /* an "authorization" box and an "Authority control" table are no
     * bylines; an ImageObject's creator took the photo; the byline after
     * them is the page's */
    const char *html =
        "<body><div id=authorization><a href=/register>Sign Up</a></div>"
        "<article><h1>Neon signs</h1>"
        "<figure itemprop=image itemscope itemtype=http://schema.org/ImageObject>"
        "<img src=a.jpg><figcaption><span itemprop=caption>A sign</span> "
        "<span itemprop=creator>Pat Lens/Agency</span></figcaption></figure>"
        "<table><tr><th id=Authority_control class=navbox>Authority control</th></tr></table>"
        "<p><a class=\"autorefs autorefs-internal\" href=#f><code>Field Guide</code></a></p>"
        "<div class=author-description>Licensed Grader, Master Roaster</div>"
        "<p class=byline>By Sarah Archer</p><p>Neon lit the century.</p></article></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Sarah Archer");
    done(doc);
}

TEST(author_not_in_forms)
{
    /* a sign-in dialog's "continue as creator" link and a search form's
     * author filter are no bylines (the clean stage drops them) */
    const char *html =
        "<body><div role=dialog><form action=/login><input name=email>"
        "<button>Reset</button></form><div class=login-as-creator><a href=/>Cancel</a></div></div>"
        "<form action=/search><label class=filter-author>Jane Filter</label><input name=q></form>"
        "<article><h1>Tides</h1><p class=byline>By Ana Lima</p><p>The tide came in.</p>"
        "</article></body>";
    wn_metadata m;
    wn_doc *doc = cleaned_extracted(html, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Ana Lima");
    done(doc);
}

TEST(author_labels_other_scripts)
{
    /* a label that opens its text, in Chinese with the full-width colon,
     * in Russian with an ASCII one; the name follows in the same text */
    const char *zh = "<body><h1>\xE7\x81\xAB\xE6\x98\x9F</h1><div class=info>"
                     "<span>2023\xE5\xB9\xB4</span> <span>\xE4\xBD\x9C\xE8\x80\x85\xEF\xBC\x9A"
                     "\xE7\x8E\x8B\xE5\xB0\x8F\xE6\x98\x8E</span></div><p>text</p></body>";
    wn_metadata m;
    wn_doc *doc = extracted(zh, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "\xE7\x8E\x8B\xE5\xB0\x8F\xE6\x98\x8E");
    done(doc);
    const char *ru = "<body><h1>\xD0\x9C\xD0\xB0\xD1\x80\xD1\x81</h1><div class=meta><span>"
                     "\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80: \xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD "
                     "\xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2</span></div><p>text</p></body>";
    doc = extracted(ru, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len,
                     "\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD \xD0\x9F\xD0\xB5\xD1\x82\xD1\x80\xD0\xBE\xD0\xB2");
    done(doc);
    /* without its colon the Chinese word is no label */
    const char *prose = "<body><h1>x</h1><p>\xE4\xBD\x9C\xE8\x80\x85\xE7\x8E\x8B\xE5\xB0\x8F"
                        "\xE6\x98\x8E\xE8\xAF\xB4</p></body>";
    doc = extracted(prose, &m);
    CHECK_EQ_INT(m.n_authors, 0);
    done(doc);
}

TEST(noscript_author)
{
    /* a JavaScript app's crawler rendering inside <noscript>: its
     * microdata author counts; its heading does not become the title */
    const char *html =
        "<head><title>Valuation talk - Example Forum</title></head>"
        "<body><div id=app></div><noscript><div itemscope "
        "itemtype=http://schema.org/DiscussionForumPosting><h1>Noscript heading</h1>"
        "<span itemprop=author itemscope itemtype=http://schema.org/Person>"
        "<a itemprop=url href=/u/bear><span itemprop=name>OwlFinch</span></a></span>"
        "<p>Post text.</p></div></noscript></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "OwlFinch");
    CHECK(!m.title.ptr || strcmp(m.title.ptr, "Noscript heading") != 0);
    done(doc);
}

TEST(site_author_gives_way)
{
    /* the declared author is the site: the byline near the headline names
     * the writer */
    const char *org =
        "<head><meta property=og:site_name content=\"Pulse Foundation\">"
        "<script type=application/ld+json>{\"@type\":\"Article\",\"headline\":\"Eat well\","
        "\"author\":{\"@type\":\"Person\",\"name\":\"Pulse Foundation\"}}</script></head>"
        "<body><article><h1>Eat well</h1><p class=byline>By Tessa Parry</p>"
        "<p>Vegetables are good for you.</p></article></body>";
    /* a one-word brand named like the host */
    const char *brand =
        "<head><meta name=author content=Podsprout></head>"
        "<body><article><h1>Podcast kit</h1><div><span>Written by</span> <a>Aldo Brisk</a></div>"
        "<p>Buy a microphone.</p></article></body>";
    /* a person's own site: a book's "By" line is not the writer */
    const char *personal =
        "<head><meta name=author content=\"Arlo Lindqvist\"></head>"
        "<body><article><h1>Books for May</h1><p>By Jed Amberley</p>"
        "<p>A fine novel.</p></article></body>";
    const char *pages[] = {org, brand, personal};
    const char *urls[] = {"https://www.heart.example/eat", "https://www.podsprout.com/blog/kit",
                          "https://www.arlolindqvist.com/books-may"};
    const char *want[] = {"Tessa Parry", "Aldo Brisk", "Arlo Lindqvist"};
    for (size_t k = 0; k < 3; k++) {
        wn_doc *doc = load(pages[k], urls[k]);
        wn_metadata m = {0};
        wn_metadata_extract(doc, &m);
        CHECK_EQ_INT(m.n_authors, 1);
        if (m.n_authors == 1)
            CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, want[k]);
        done(doc);
    }
}

TEST(site_author_gives_way_to_label)
{
    /* the declared author is the site; a "Written by" box far below the
     * headline names the writer, a byline class there does not */
    char labelled[4096], marked[4096];
    char body[2600];
    size_t k = 0;
    for (int i = 0; i < 50 && k + 40 < sizeof body; i++)
        k += (size_t)snprintf(body + k, sizeof body - k, "<p>Paragraph %d of the post.</p>", i);
    const char *head = "<head><meta property=og:site_name content=\"Herd Studio\">"
                       "<meta name=author content=\"Herd Studio\"></head>";
    snprintf(labelled, sizeof labelled,
             "%s<body><article><h1>Grow your audience</h1>%s"
             "<div class=box><span>Written by</span> <a href=/p/jp>Jo Penn</a></div>"
             "</article></body>",
             head, body);
    snprintf(marked, sizeof marked,
             "%s<body><article><h1>Grow your audience</h1>%s"
             "<div><span class=author>Account Menu</span></div></article></body>",
             head, body);
    wn_metadata m;
    wn_doc *doc = extracted(labelled, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Jo Penn");
    done(doc);
    doc = extracted(marked, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Herd Studio");
    done(doc);
}

TEST(article_footer_byline)
{
    /* an <aside> or <footer> inside the <article> is the article's (its
     * writer); outside it, the page's (no byline) */
    const char *html =
        "<body><aside><span class=author>Sidebar Person</span></aside>"
        "<article><h1>Five good books</h1><p>Read these.</p>"
        "<aside><address><a rel=author href=/p/ada>Ada Rowntree</a></address>"
        "<time class=date>2 March 2024</time></aside></article>"
        "<footer><span class=author>Footer Person</span></footer></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Ada Rowntree");
    CHECK_EQ_STR(STR(m.date_published), "2024-03-02");
    done(doc);
}

TEST(visible_byline_lists_declared)
{
    /* the page declares one writer; the byline names her and two more */
    const char *more =
        "<head><meta property=og:site_name content=\"Harbour Post\">"
        "<script type=application/ld+json>{\"@type\":\"Article\",\"headline\":\"Tide tables\","
        "\"author\":{\"@type\":\"Person\",\"name\":\"Ada Rowe\"}}</script></head>"
        "<body><article><h1>Tide tables</h1><p class=byline>By Dr Ada Rowe, Ben Hale, Cy Moss"
        "</p><p>The tide turns twice a day.</p></article></body>";
    /* the other piece is the site's name or a single word: the declared
     * author stays alone */
    const char *site =
        "<head><meta property=og:site_name content=\"Harbour Post Europe\">"
        "<meta name=author content=\"Ada Rowe\"></head>"
        "<body><article><h1>Tide tables</h1><p class=byline>Ada Rowe, Harbour Post</p>"
        "<p>The tide turns twice a day.</p></article></body>";
    const char *company =
        "<head><meta name=author content=\"Ada Rowe\"></head>"
        "<body><article><h1>Tide tables</h1><p class=byline>Ada Rowe, Tidewise</p>"
        "<p>The tide turns twice a day.</p></article></body>";
    wn_metadata m;
    wn_doc *doc = extracted(more, &m);
    CHECK_EQ_INT(m.n_authors, 3);
    if (m.n_authors == 3) {
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Dr Ada Rowe");
        CHECK_EQ_MEM(m.authors[2].ptr, m.authors[2].len, "Cy Moss");
    }
    done(doc);
    const char *alone[] = {site, company};
    for (size_t k = 0; k < 2; k++) {
        doc = extracted(alone[k], &m);
        CHECK_EQ_INT(m.n_authors, 1);
        if (m.n_authors == 1)
            CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Ada Rowe");
        done(doc);
    }
}

TEST(declared_login_gives_way)
{
    /* the declared author is an account's login; the byline prints the
     * writer's full name */
    const char *login =
        "<head><meta name=author content=\"dana.roe\"></head><body><article><h1>Breathe</h1>"
        "<div class=author-info><img src=d.png><span>Dana Everly</span></div>"
        "<p>Breathing helps.</p></article></body>";
    /* a one-word byline is no better */
    const char *handle =
        "<head><meta name=author content=\"dana.roe\"></head><body><article><h1>Breathe</h1>"
        "<div class=author-info><span>Dana</span></div><p>Breathing helps.</p></article></body>";
    wn_metadata m;
    wn_doc *doc = extracted(login, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Dana Everly");
    done(doc);
    doc = extracted(handle, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "dana.roe");
    done(doc);
    /* words of the title in a byline class are no writer */
    const char *title_words =
        "<head><meta name=author content=\"Bodyco\"></head><body><article><h1>Meal Prep for "
        "Beginners</h1><div class=author-x><span>Meal Prep</span></div>"
        "<p>Cook on Sunday.</p></article></body>";
    doc = extracted(title_words, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Bodyco");
    done(doc);
    /* a login with a capital */
    const char *camel =
        "<head><meta name=author content=\"KatS\"></head><body><article><h1>Car hire</h1>"
        "<p>by <a href=/p/ao class=author-link><span>Aoife Rourke</span></a></p>"
        "<p>Compare the firms.</p></article></body>";
    doc = extracted(camel, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Aoife Rourke");
    done(doc);
}

TEST(label_overrules_declared)
{
    /* the page declares one account and prints "By:" another writer: the
     * printed one */
    const char *other =
        "<head><script type=application/ld+json>{\"@type\":\"Article\",\"author\":{"
        "\"@type\":\"Person\",\"name\":\"Lu Dane\"}}</script></head><body><article>"
        "<h1>Fitness law</h1><p>Gyms face risks.</p><p>Rules change.</p>"
        "<div><span>By:</span> <span>Paul Fenn</span></div></article></body>";
    /* a label before the same writer keeps the declared form */
    const char *same =
        "<head><script type=application/ld+json>{\"@type\":\"Article\",\"author\":{"
        "\"@type\":\"Person\",\"name\":\"Paul Fenn\"}}</script></head><body><article>"
        "<h1>Fitness law</h1><p>Gyms face risks.</p>"
        "<div><span>By:</span> <span>Paul Fenn, Esq</span></div></article></body>";
    wn_metadata m;
    wn_doc *doc = extracted(other, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Paul Fenn");
    done(doc);
    doc = extracted(same, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Paul Fenn");
    done(doc);
}

TEST(region_word_in_bracketed_value)
{
    /* "sidebar" inside a utility class's bracketed value is a measurement,
     * not a sidebar: the byline in that column is the page's; a real
     * sidebar's is not */
    const char *html =
        "<body><div class=\"w-full lg:mr-[--sidebar-width]\"><h1>Cloud hosts</h1>"
        "<span class=author>Ema Oyo</span><p>Eight providers compared.</p></div>"
        "<div class=sidebar><span class=author>Side Person</span></div></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Ema Oyo");
    done(doc);
}

TEST(dateline_names_writer)
{
    /* a dateline right after the headline that names its writer, parts
     * set apart by a bar or a bullet */
    const char *good[] = {
        "<body><main><h1>Care gets smarter</h1><p>Aron Rica | Senior Writer | July 2, 2025</p>"
        "<p>Hospitals use new tools.</p></main></body>",
        "<body><main><h1>Pricing guide</h1><p>Dec 26, 2025 <span>&bull;</span> <img src=a.png>"
        " Maud Dass in <a href=/c/pm>Planning</a></p><p>What it costs.</p></main></body>",
    };
    const char *want[] = {"Aron Rica", "Maud Dass"};
    /* a category's link, a sentence, a line without a date: no one */
    const char *bad[] = {
        "<body><main><h1>Room sensors</h1><div><a href=/p/1>December 13, 2025</a> | "
        "<span>in <a href=/c/sh>Smart Home</a></span></div><p>Track rooms.</p></main></body>",
        "<body><main><h1>Deals</h1><p>The Black Friday sale runs until December 3, 2025.</p>"
        "<p>Save money.</p></main></body>",
        "<body><main><h1>Budgets</h1><p>Personal Finance | Money Guides</p>"
        "<p>Spend less.</p></main></body>",
    };
    wn_metadata m;
    for (size_t k = 0; k < 2; k++) {
        wn_doc *doc = extracted(good[k], &m);
        CHECK_EQ_INT(m.n_authors, 1);
        if (m.n_authors == 1)
            CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, want[k]);
        done(doc);
    }
    for (size_t k = 0; k < 3; k++) {
        wn_doc *doc = extracted(bad[k], &m);
        CHECK_EQ_INT(m.n_authors, 0);
        done(doc);
    }
}

TEST(author_page_link)
{
    /* no byline markup: the links to the writers' pages name them, with
     * the separators in elements of their own */
    const char *links =
        "<body><article><h1>Free courses</h1><div><a href=\"/report/author/ivo/\">Ivo Lind</a>"
        "<span>, </span><a href=\"/report/author/mae/\">Mae Orr</a></div>"
        "<p>Thousands of courses are free.</p></article></body>";
    /* a link to an author's page is weaker than a labelled byline; a
     * link without text (an avatar) names no one */
    const char *labelled =
        "<body><article><h1>Time series</h1><a href=\"/blog/author/team\"><img src=t.png>"
        "</a><a href=\"/blog/author/team\">Team Orca</a><p>Store your data well.</p>"
        "<p>Written by <a href=\"https://elsewhere.example/pg\">Pia Gale</a></p></article></body>";
    /* "/authors/" alone is the list of writers, no one's page */
    const char *index =
        "<body><nav><a href=\"/authors/\">Kai Ruud</a></nav><article><h1>Hello</h1>"
        "<p>Text of the page.</p></article></body>";
    wn_metadata m;
    wn_doc *doc = extracted(links, &m);
    CHECK_EQ_INT(m.n_authors, 2);
    if (m.n_authors == 2)
        CHECK_EQ_MEM(m.authors[1].ptr, m.authors[1].len, "Mae Orr");
    done(doc);
    doc = extracted(labelled, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Pia Gale");
    done(doc);
    doc = extracted(index, &m);
    CHECK_EQ_INT(m.n_authors, 0);
    done(doc);
    /* a menu's item that leads to a writer's page names no byline */
    const char *menu =
        "<body><div><ul><li><a href=/a>Home</a></li><li><a href=/b>News</a></li>"
        "<li><a href=/c>Events</a></li><li><a href=\"/author/xl/\"><span>Harbour Actuary"
        "</span></a></li></ul></div><article><h1>Hello</h1><p>Text of the page.</p>"
        "</article></body>";
    doc = extracted(menu, &m);
    CHECK_EQ_INT(m.n_authors, 0);
    done(doc);
}

TEST(label_anywhere)
{
    /* a byline label alone, far from the headline (an author box at the
     * end), names the writer in the next element */
    const char *good =
        "<body><article><h1>Choosing pipe</h1><p>Copper is common.</p><p>PEX is cheap.</p>"
        "<div class=box><span>Written by</span> <a href=/a/mk>Milo Kang</a></div>"
        "</article></body>";
    /* a sentence ending in "by:" is no label; "By" before category tags
     * names no one */
    const char *bad =
        "<body><article><h1>Rank higher</h1><p>Earn trust <b>online</b> by:</p>"
        "<ul><li>Good Directories</li></ul>"
        "<h2>By</h2><div><a rel=tag href=/c/w>Garden Checklists</a></div>"
        "</article></body>";
    /* the name in the label's own text, in the article's footer */
    const char *same_text =
        "<body><article><h1>Why cheap SEO fails</h1><p>By far the best advice: wait.</p>"
        "<p>Links matter.</p><footer><p>Written by Jonah Crane</p></footer></article></body>";
    wn_doc *doc = load(good, NULL);
    wn_metadata m = {0};
    wn_metadata_extract(doc, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Milo Kang");
    done(doc);
    doc = load(same_text, NULL);
    wn_metadata m1 = {0};
    wn_metadata_extract(doc, &m1);
    CHECK_EQ_INT(m1.n_authors, 1);
    if (m1.n_authors == 1)
        CHECK_EQ_MEM(m1.authors[0].ptr, m1.authors[0].len, "Jonah Crane");
    done(doc);
    doc = load(bad, NULL);
    wn_metadata m2 = {0};
    wn_metadata_extract(doc, &m2);
    CHECK_EQ_INT(m2.n_authors, 0);
    done(doc);
}

TEST(label_sentence)
{
    /* a short sentence ending in a writer's participle and "by" is a
     * label; a reviewer's or a product's is not */
    const char *good[] = {
        "<body><article><h1>Weight loss drugs</h1><p>They help.</p><div>Article written by:"
        "<img src=d.png> Dora Mant, MD</div></article></body>",
        "<body><article><h1>Plant diets</h1><p>This post was written by <b>Vera Mend</b></p>"
        "<p>Eat greens.</p></article></body>",
        /* "Contributors:" labels as "Authors:" does */
        "<body><article><h1>Shade plants</h1><p>They thrive.</p><div class=tags><div>"
        "<strong>Contributors:</strong> Jana Lough</div></div></article></body>",
    };
    const char *want[] = {"Dora Mant, MD", "Vera Mend", "Jana Lough"};
    const char *bad[] = {
        "<body><article><h1>Sleep</h1><p>Rest well.</p><div>Medically reviewed by "
        "<a href=/d/rl>Rae Lunt</a></div></article></body>",
        "<body><article><h1>Docs</h1><p>Read on.</p><footer><p>Proudly powered by "
        "<a href=/x>Markup Tool</a></p></footer></article></body>",
    };
    wn_metadata m;
    for (size_t k = 0; k < 3; k++) {
        wn_doc *doc = extracted(good[k], &m);
        CHECK_EQ_INT(m.n_authors, 1);
        if (m.n_authors == 1)
            CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, want[k]);
        done(doc);
    }
    for (size_t k = 0; k < 2; k++) {
        wn_doc *doc = extracted(bad[k], &m);
        CHECK_EQ_INT(m.n_authors, 0);
        done(doc);
    }
}

TEST(layout_wrapper_byline)
{
    /* "content-sidebar-wrap" holds the <main>: a layout wrapper, whose
     * byline is the page's; the sidebar inside it stays skipped, and the
     * wrapper's headline microdata stays unread */
    const char *html =
        "<head><title>Sourdough Bread - Kestrel Bakes</title></head>"
        "<body><div class=content-sidebar-wrap><main class=content><div>"
        "<h1 itemprop=headline>Sourdough Bread</h1><p>Mix flour and water.</p>"
        "<p class=entry-meta>Posted By: <a rel=author href=/a/k>Kestrel</a></p></div></main>"
        "<div class=sidebar><span class=author>Sidebar Person</span></div></div></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_INT(m.n_authors, 1);
    if (m.n_authors == 1)
        CHECK_EQ_MEM(m.authors[0].ptr, m.authors[0].len, "Kestrel");
    done(doc);
}

/* A German paragraph of 83 words, for the language tests. */
#define GERMAN_PROSE \
    "Die Bundesregierung hat am Montag angek\xC3\xBCndigt, " \
    "dass die neuen Regeln f\xC3\xBCr den Verkehr nicht vor dem Sommer in Kraft treten " \
    "werden. Das ist eine Entscheidung, die auch von den L\xC3\xA4ndern mitgetragen wird, " \
    "aber nicht von allen Verb\xC3\xA4nden. Die Opposition kritisierte das Vorgehen der " \
    "Regierung und sprach von einem Fehler, der sich nicht wiederholen d\xC3\xBCrfe. " \
    "Nach Angaben des Ministeriums soll es noch in diesem Jahr eine neue Anh\xC3\xB6rung " \
    "geben, bei der auch die Verb\xC3\xA4nde und die Kommunen zu Wort kommen werden, " \
    "wie es hie\xC3\x9F."

/* The document's last <article>. */
static wn_node *
find_article(wn_doc *doc)
{
    wn_node *art = NULL;
    wn_walk w;
    wn_node *n;
    bool e;
    wn_walk_init(&w, doc->dom->root);
    while (wn_walk_next(&w, &n, &e))
        if (e && wn_node_is(n, WN_TAG_ARTICLE))
            art = n;
    return art;
}

TEST(finish_language)
{
    const char *html = "<html lang=en><body><article><p>" GERMAN_PROSE
                       "</p><p class=x>Zweiter Absatz mit mehr Text.</p></article></body>";
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    CHECK_EQ_STR(STR(m.language), "en");
    wn_node *art = find_article(doc);
    /* the second paragraph is boilerplate: not counted */
    art->last_child->flags |= WN_NF_BOILER;
    wn_content c = {&art, 1, NULL, WN_PAGE_ARTICLE, false};
    CHECK_EQ_INT(wn_metadata_finish(doc, &c, &m), WN_OK);
    CHECK_EQ_STR(STR(m.language), "de");
    CHECK_EQ_INT(m.word_count, 83);
    CHECK_EQ_INT(m.page_type, WN_PAGE_ARTICLE);
    done(doc);
    /* nothing declared, short text */
    doc = load("<body><p>Ceci est un petit texte en fran\xC3\xA7" "ais pour le test.</p></body>",
               NULL);
    memset(&m, 0, sizeof m);
    wn_metadata_extract(doc, &m);
    wn_node *body = doc->dom->root->first_child->last_child;
    wn_content c2 = {&body, 1, NULL, WN_PAGE_OTHER, false};
    wn_metadata_finish(doc, &c2, &m);
    CHECK_EQ_STR(STR(m.language), "fr");
    done(doc);
}

/* Code is in no natural language: a page declared English whose article
 * opens with a long code listing in English words, then German prose, is
 * German (the listing fills more than the bytes the check reads). */
TEST(finish_language_skips_code)
{
    char html[16384];
    size_t k = (size_t)snprintf(html, sizeof html, "<html lang=en><body><article><pre>");
    while (k < 6000)
        k += (size_t)snprintf(html + k, sizeof html - k,
                              "// if the value is not in the list then return it to the caller\n");
    snprintf(html + k, sizeof html - k, "%s", "</pre><p>" GERMAN_PROSE "</p></article></body>");
    wn_metadata m;
    wn_doc *doc = extracted(html, &m);
    wn_node *art = find_article(doc);
    wn_content c = {&art, 1, NULL, WN_PAGE_ARTICLE, false};
    CHECK_EQ_INT(wn_metadata_finish(doc, &c, &m), WN_OK);
    CHECK_EQ_STR(STR(m.language), "de");
    CHECK(m.word_count > 1000); /* the code's words still count */
    done(doc);
}

/* words: runs of letters, digits and '_', split by anything else, across
 * the eight-byte steps of the count and across non-ASCII letters */
TEST(finish_word_count)
{
    wn_doc *doc = load("<body><p>one_two three@four [five]six ^seven 12-34 x "
                       "abcdefghijklmnopqrstuvwxyz`b{c}d~e\x7f" "f caf\xC3\xA9s b\xC3\xA9" "b\xC3\xA9 "
                       "z</p></body>",
                       NULL);
    wn_node *body = NULL;
    wn_walk w;
    wn_node *n;
    bool e;
    wn_walk_init(&w, doc->dom->root);
    while (wn_walk_next(&w, &n, &e))
        if (e && wn_node_is(n, WN_TAG_BODY))
            body = n;
    wn_metadata m = {0};
    wn_content c = {&body, 1, NULL, WN_PAGE_ARTICLE, false};
    CHECK_EQ_INT(wn_metadata_finish(doc, &c, &m), WN_OK);
    /* 9 in the first line; the alphabet, b, c, d, e, f; cafés, bébé; z */
    CHECK_EQ_INT(m.word_count, 9 + 6 + 2 + 1);
    done(doc);
}

TEST(hostile)
{
    /* deep JSON-LD, huge attribute, empty page: no crash, bounded */
    size_t n = 100000;
    char *s = malloc(n * 2 + 200);
    strcpy(s, "<script type=application/ld+json>");
    size_t k = strlen(s);
    for (size_t i = 0; i < n; i++)
        s[k++] = i % 2 ? '{' : '[';
    strcpy(s + k, "</script><h1></h1>");
    wn_doc *doc = load(s, NULL);
    wn_metadata m = {0};
    CHECK_EQ_INT(wn_metadata_extract(doc, &m), WN_OK);
    CHECK(m.title.ptr == NULL);
    done(doc);
    free(s);
    doc = load("", NULL);
    memset(&m, 0, sizeof m);
    CHECK_EQ_INT(wn_metadata_extract(doc, &m), WN_OK);
    done(doc);
}

int
main(void)
{
    RUN(jsonld_graph);
    RUN(caption_data_uri);
    RUN(jsonld_broken_still_read);
    RUN(ambiguous_date_order_from_page);
    RUN(vendor_named_meta_dates);
    RUN(printed_date_over_unprinted_declared);
    RUN(dateline_not_a_sentence);
    RUN(jsonld_in_meta);
    RUN(opengraph_only);
    RUN(meta_names_any_case);
    RUN(meta_rdfa_properties);
    RUN(date_local_zone);
    RUN(microdata_listed_items);
    RUN(date_element_first_text);
    RUN(date_near_byline);
    RUN(title_cjk);
    RUN(no_label_in_code);
    RUN(meta_clean_text);
    RUN(visible_byline_only);
    RUN(title_suffix);
    RUN(title_by_page_type);
    RUN(title_tagline);
    RUN(title_heading_label);
    RUN(title_heading_first_part);
    RUN(title_heading_printed_twice);
    RUN(title_heading_verbatim);
    RUN(title_h2_part);
    RUN(title_paragraph_heading);
    RUN(title_embedded_ld);
    RUN(title_heading_at_start);
    RUN(title_logo_heading);
    RUN(title_repairs);
    RUN(dates_refused);
    RUN(visible_byline_labels);
    RUN(citation_authors_repeated);
    RUN(microdata);
    RUN(forum_first_post);
    RUN(author_lookalikes);
    RUN(author_not_in_forms);
    RUN(author_labels_other_scripts);
    RUN(noscript_author);
    RUN(site_author_gives_way);
    RUN(article_footer_byline);
    RUN(label_anywhere);
    RUN(layout_wrapper_byline);
    RUN(finish_language);
    RUN(finish_language_skips_code);
    RUN(finish_word_count);
    RUN(hostile);
    RUN(dateline_before_headline);
    RUN(date_meta_names);
    RUN(byline_line_break);
    RUN(visible_byline_lists_declared);
    RUN(author_page_link);
    RUN(label_overrules_declared);
    RUN(declared_login_gives_way);
    RUN(label_sentence);
    RUN(site_author_gives_way_to_label);
    RUN(dateline_names_writer);
    RUN(region_word_in_bracketed_value);
    return harness_done();
}
