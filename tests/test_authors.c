/* test_authors.c - bylines to clean names. */
#include "harness.h"
#include "metadata/metadata.h"

static wn_arena A;
static wn_str names[16];
static size_t count;

static size_t
parse(const char *s)
{
    count = 0;
    return wn_authors_parse(&A, s, strlen(s), names, &count, 16);
}

TEST(bylines)
{
    CHECK_EQ_INT(parse("By Jane Doe and John Smith, Staff Writers"), 2);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Jane Doe");
    CHECK_EQ_MEM(names[1].ptr, names[1].len, "John Smith");
    CHECK_EQ_INT(parse("Jane Doe, Senior Reporter"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Jane Doe");
    /* professions are no names either */
    CHECK_EQ_INT(parse("Jane Doe, Trial Attorney"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Jane Doe");
    CHECK_EQ_INT(parse("By Al Roe and Bo Poe, Garden Educator"), 2);
    CHECK_EQ_MEM(names[1].ptr, names[1].len, "Bo Poe");
    /* a bio after the name: its lone small words are no names */
    CHECK_EQ_INT(parse("Jane Doe, 4+ years covering hardware, software, and science"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Jane Doe");
    /* a role joined by "and" stays one role; a sentence ending in a
     * participle and "by" introduces the name */
    CHECK_EQ_INT(parse("This post was written by Dana Poe,\nHead of Marketing and Community "
                       "Development"),
                 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Dana Poe");
    CHECK_EQ_INT(parse("Jane Doe, Chief of Staff and Public Affairs"), 1);
    CHECK_EQ_INT(parse("kovarex, TOGos, Ernestas"), 3); /* user names alone stay */
    CHECK_EQ_INT(parse("A. Adams, B. Baker-Smith & Carla Cee"), 3);
    CHECK_EQ_MEM(names[2].ptr, names[2].len, "Carla Cee");
    CHECK_EQ_INT(parse("Von Max Mustermann und Erika Musterfrau"), 2);
    CHECK_EQ_MEM(names[1].ptr, names[1].len, "Erika Musterfrau");
    CHECK_EQ_INT(parse("Par Jean Dupont"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Jean Dupont");
    CHECK_EQ_INT(parse("Por Ana Garc\xC3\xAD"
                       "a | 26 de julio de 2023"),
                 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len,
                 "Ana Garc\xC3\xAD"
                 "a");
    CHECK_EQ_INT(parse("Written by Jane Doe | Editor"), 1);
    CHECK_EQ_INT(parse("Press Association"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Press Association");
    CHECK_EQ_INT(parse("jane doe; JANE DOE"), 1); /* dedupe, case-insensitive */
    CHECK_EQ_INT(parse("Podium Staff"), 1);
    CHECK_EQ_INT(parse("Rachael Link, MS, RD"), 1); /* credentials stay with the name */
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Rachael Link, MS, RD");
    CHECK_EQ_INT(parse("Ann Lee, M.D., and Bo Carl, PhD"), 2);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Ann Lee, M.D.");
    CHECK_EQ_MEM(names[1].ptr, names[1].len, "Bo Carl, PhD");
    /* labels in other scripts: a Japanese reporter's, with the full-width
     * colon; the Arabic introducer */
    CHECK_EQ_INT(parse("\xE8\xA8\x98\xE8\x80\x85\xEF\xBC\x9A\xE5\xB1\xB1\xE7\x94\xB0"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "\xE5\xB1\xB1\xE7\x94\xB0");
    CHECK_EQ_INT(parse("\xD8\xA8\xD9\x82\xD9\x84\xD9\x85 \xD8\xA3\xD8\xAD\xD9\x85\xD8\xAF"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "\xD8\xA3\xD8\xAD\xD9\x85\xD8\xAF");
    CHECK_EQ_INT(parse("Yazar: Ay\xC5\x9F" "e Kaya"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Ay\xC5\x9F" "e Kaya");
    CHECK_EQ_INT(parse("Authors: Ivy Lund and Noa Berg, Extension horticulture educators"), 2);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Ivy Lund");
    CHECK_EQ_INT(parse("Contributors: Ivy Lund"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Ivy Lund");
    CHECK_EQ_INT(parse("Written by Rob Ewa Edited by Bea Bey"), 1); /* the editor is no author */
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Rob Ewa");
    CHECK_EQ_INT(parse("Analysis by Chris Walker, CNN Editor-at-large"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Chris Walker");
    CHECK_EQ_INT(parse("Dan Davies"), 1); /* "dan" joins names in Malay, not here */
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Dan Davies");
    CHECK_EQ_INT(parse("Jane Doe Dr. Jane Doe"), 1); /* printed twice */
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Jane Doe");
    CHECK_EQ_INT(parse("Yucy Yucy"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Yucy");
    CHECK_EQ_INT(parse("ByJane Doe"), 1); /* introducer glued by markup */
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Jane Doe");
    CHECK_EQ_INT(parse("Byron Smith"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Byron Smith");
    CHECK_EQ_INT(parse("Recipe by Jane Doe"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Jane Doe");
    /* forum user names: one word, digits allowed */
    CHECK_EQ_INT(parse("sam_k42"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "sam_k42");
    CHECK_EQ_INT(parse("river_otter7"), 1);
    /* a one-word name ends at a small word before a capitalised one */
    CHECK_EQ_INT(parse("Posted by Dov at December 16, 2025 11:15 AM"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Dov");
    CHECK_EQ_INT(parse("By Mixmaster in Workshop | Woodworking"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Mixmaster");
    CHECK_EQ_INT(parse("Get in touch"), 0);
    /* an organisation's phrase before a conjunction: its end goes too */
    CHECK_EQ_INT(parse("Center for Drug Evaluation and Research"), 0);
    CHECK_EQ_INT(parse("By Staff and Jane Doe"), 1);
    CHECK_EQ_INT(parse("Insights from"), 0);
    CHECK_EQ_INT(parse("Colm Farrelly Last updated on 17 December 2025"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Colm Farrelly");
    /* a segment that is only an introducer: the byline follows it */
    CHECK_EQ_INT(parse("Guide | by | Wendell Jory"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Wendell Jory");
    CHECK_EQ_INT(parse("By | Tobin Marsh"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Tobin Marsh");
    /* a name, then its role in the next segment */
    CHECK_EQ_INT(parse("Zora Quill | Writer, Hardware"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Zora Quill");
    /* a short parenthesis stays with the name */
    CHECK_EQ_INT(parse("Ria (Basu) Sen"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Ria (Basu) Sen");
    CHECK_EQ_INT(parse("Jean-Marc Orly (BoardNotes)"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Jean-Marc Orly (BoardNotes)");
    CHECK_EQ_INT(parse("Jane Doe (updated 5 May 2021)"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Jane Doe");
    /* a publication opening with "The" after the names */
    CHECK_EQ_INT(parse("Mano Jain and Jag Chatt, The Daily Ledger"), 2);
    CHECK_EQ_MEM(names[1].ptr, names[1].len, "Jag Chatt");
    CHECK_EQ_INT(parse("The Ledger Team"), 1);
    CHECK_EQ_INT(parse("Jane Doe via Reuters"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Jane Doe");
}

TEST(declared_any_case)
{
    /* a declared author's field holds a name however it is cased; a
     * visible text in small letters reads like a label */
    count = 0;
    const char *s = "jane roe";
    CHECK_EQ_INT(wn_authors_parse_ex(&A, s, strlen(s), names, &count, 16, WN_AUTHORS_DECLARED),
                 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "jane roe");
    CHECK_EQ_INT(parse("jane roe"), 0);
    count = 0;
    s = "staff writer";
    CHECK_EQ_INT(wn_authors_parse_ex(&A, s, strlen(s), names, &count, 16, WN_AUTHORS_DECLARED),
                 0);
}

TEST(names_across_segments)
{
    /* a list of names goes on across a segment break after a comma or
     * before a conjunction: names set on two lines */
    CHECK_EQ_INT(parse("Jane Doe, | John Smith"), 2);
    CHECK_EQ_MEM(names[1].ptr, names[1].len, "John Smith");
    CHECK_EQ_INT(parse("By Jane Doe | and John Smith"), 2);
    CHECK_EQ_MEM(names[1].ptr, names[1].len, "John Smith");
    /* the separator in an element of its own */
    CHECK_EQ_INT(parse("Ivo Lind | , | Mae Orr | & | Cy Moss"), 3);
    CHECK_EQ_MEM(names[2].ptr, names[2].len, "Cy Moss");
    /* a role after a comma in its element is no name */
    CHECK_EQ_INT(parse("Bo Cruz | , Privacy and Digital Security Expert"), 1);
    /* an avatar's initials before the name they stand for */
    CHECK_EQ_INT(parse("NB | Nia Burk | A gardener"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Nia Burk");
    CHECK_EQ_INT(parse("AP | Jane Doe"), 1); /* an agency's byline stays */
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "AP");
    /* otherwise what follows the break is a role, a date or the site */
    CHECK_EQ_INT(parse("Jane Doe | 4 August 2010"), 1);
    CHECK_EQ_INT(parse("Jane Doe | Example Times"), 1);
}

/* labels and titles of other languages: Korean, Japanese and Chinese
 * reporters' titles after the name, Chinese "记者" and "文／" before it,
 * Vietnamese, Indonesian, Greek and Thai labels */
TEST(more_languages)
{
    CHECK_EQ_INT(parse("\xED\x99\x8D\xEA\xB8\xB8\xEB\x8F\x99 \xEA\xB8\xB0\xEC\x9E\x90"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "\xED\x99\x8D\xEA\xB8\xB8\xEB\x8F\x99");
    CHECK_EQ_INT(parse("\xE5\xB1\xB1\xE7\x94\xB0\xE5\xA4\xAA\xE9\x83\x8E\xE8\xA8\x98\xE8\x80\x85"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "\xE5\xB1\xB1\xE7\x94\xB0\xE5\xA4\xAA\xE9\x83\x8E");
    CHECK_EQ_INT(parse("\xE8\xAE\xB0\xE8\x80\x85 \xE7\x8E\x8B\xE5\xB0\x8F\xE6\x98\x8E"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "\xE7\x8E\x8B\xE5\xB0\x8F\xE6\x98\x8E");
    CHECK_EQ_INT(parse("\xE6\x96\x87\xEF\xBC\x8F\xE7\x8E\x8B\xE5\xB0\x8F\xE6\x98\x8E"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "\xE7\x8E\x8B\xE5\xB0\x8F\xE6\x98\x8E");
    CHECK_EQ_INT(parse("T\xC3\xA1" "c gi\xE1\xBA\xA3: Nguy\xE1\xBB\x85n V\xC4\x83n An"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Nguy\xE1\xBB\x85n V\xC4\x83n An");
    CHECK_EQ_INT(parse("Oleh Budi Santoso"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "Budi Santoso");
    CHECK_EQ_INT(parse("\xCE\xA3\xCF\x85\xCE\xBD\xCF\x84\xCE\xAC\xCE\xBA\xCF\x84\xCE\xB7\xCF\x82: \xCE\x93\xCE\xB9\xCE\xAC\xCE\xBD\xCE\xBD\xCE\xB7\xCF\x82 \xCE\xA0\xCE\xB1\xCF\x80\xCE\xB1\xCE\xB4\xCF\x8C\xCF\x80\xCE\xBF\xCF\x85\xCE\xBB\xCE\xBF\xCF\x82"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "\xCE\x93\xCE\xB9\xCE\xAC\xCE\xBD\xCE\xBD\xCE\xB7\xCF\x82 \xCE\xA0\xCE\xB1\xCF\x80\xCE\xB1\xCE\xB4\xCF\x8C\xCF\x80\xCE\xBF\xCF\x85\xCE\xBB\xCE\xBF\xCF\x82");
    CHECK_EQ_INT(parse("\xE0\xB9\x82\xE0\xB8\x94\xE0\xB8\xA2 \xE0\xB8\xAA\xE0\xB8\xA1\xE0\xB8\x8A\xE0\xB8\xB2\xE0\xB8\xA2 \xE0\xB9\x83\xE0\xB8\x88\xE0\xB8\x94\xE0\xB8\xB5"), 1);
    CHECK_EQ_MEM(names[0].ptr, names[0].len, "\xE0\xB8\xAA\xE0\xB8\xA1\xE0\xB8\x8A\xE0\xB8\xB2\xE0\xB8\xA2 \xE0\xB9\x83\xE0\xB8\x88\xE0\xB8\x94\xE0\xB8\xB5");
}

TEST(not_names)
{
    CHECK_EQ_INT(parse("Staff"), 0);
    CHECK_EQ_INT(parse("Email the author"), 0);
    CHECK_EQ_INT(parse("https://example.com/authors/jane"), 0);
    CHECK_EQ_INT(parse("@janedoe"), 0);
    CHECK_EQ_INT(parse("jane@example.com"), 0);
    CHECK_EQ_INT(parse("July 26, 2023"), 0);
    CHECK_EQ_INT(parse("this is a sentence about the weather today"), 0);
    CHECK_EQ_INT(parse("admin"), 0);
    CHECK_EQ_INT(parse("Written By"), 0);
    CHECK_EQ_INT(parse("Jane Do..."), 0);
    CHECK_EQ_INT(parse(""), 0);
    CHECK_EQ_INT(parse("5 min read"), 0);
    CHECK_EQ_INT(parse("2h"), 0);
    CHECK_EQ_INT(parse("By"), 0);
    CHECK_EQ_INT(parse("R"), 0); /* an avatar's initial */
    CHECK_EQ_INT(parse("Sat, 20 Dec, 2025 - 06:36"), 0);
    CHECK_EQ_INT(parse("Creator economy"), 0); /* a label in sentence case */
    CHECK_EQ_INT(parse("Personal finance"), 0);
    CHECK_EQ_INT(parse("page.head.extra.author"), 0); /* a template's key */
    CHECK_EQ_INT(parse("Acme Garden Network on Facebook"), 0); /* a social link */
    CHECK_EQ_INT(parse("h.szeyee"), 1);               /* a user name */
}

int
main(void)
{
    wn_arena_init(&A, NULL, 0);
    RUN(bylines);
    RUN(more_languages);
    RUN(not_names);
    RUN(names_across_segments);
    RUN(declared_any_case);
    wn_arena_free_all(&A);
    return harness_done();
}
