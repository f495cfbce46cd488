/* test_dates.c - date shapes to ISO 8601, and the dates that are refused. */
#include "harness.h"
#include "metadata/metadata.h"

/* 2026-01-01T00:00:00Z: a fixed "now" so the test does not age */
#define NOW 1767225600

static char out[WN_DATE_MAX];

static const char *
d(const char *s, bool whole)
{
    return wn_date_parse(s, strlen(s), NOW, whole, out) ? out : "";
}

TEST(formats)
{
    CHECK_EQ_STR(d("2023-07-26", true), "2023-07-26");
    CHECK_EQ_STR(d("2023-07-26T10:00:00Z", true), "2023-07-26T10:00:00Z");
    CHECK_EQ_STR(d("2023-07-26T10:00:00+02:00", true), "2023-07-26T10:00:00+02:00");
    CHECK_EQ_STR(d("2023-07-26T10:00:00.123-0500", true), "2023-07-26T10:00:00-05:00");
    CHECK_EQ_STR(d("Wed, 26 Jul 2023 10:00:00 GMT", true), "2023-07-26T10:00:00Z");
    CHECK_EQ_STR(d("Wed, 26 Jul 2023 10:00:00 +0200", true), "2023-07-26T10:00:00+02:00");
    CHECK_EQ_STR(d("July 26, 2023", false), "2023-07-26");
    CHECK_EQ_STR(d("Published on Jul. 26th, 2023", false), "2023-07-26");
    CHECK_EQ_STR(d("26 July 2023", false), "2023-07-26");
    CHECK_EQ_STR(d("26.07.2023", false), "2023-07-26");
    CHECK_EQ_STR(d("2023/07/26", false), "2023-07-26");
    CHECK_EQ_STR(d("07/26/2023", false), "2023-07-26");
    CHECK_EQ_STR(d("26/07/2023", false), "2023-07-26");
    CHECK_EQ_STR(d("20230726", true), "2023-07-26");
    CHECK_EQ_STR(d("1690365600", true), "2023-07-26T10:00:00Z");
    CHECK_EQ_STR(d("1690365600000", true), "2023-07-26T10:00:00Z");
    CHECK_EQ_STR(d("July 26, 2023 at 3:05 pm", false), "2023-07-26T15:05:00");
}

TEST(languages)
{
    CHECK_EQ_STR(d("26. Juli 2023", false), "2023-07-26");
    CHECK_EQ_STR(d("3. M\xC3\xA4rz 2024", false), "2024-03-03");
    CHECK_EQ_STR(d("le 12 f\xC3\xA9vrier 2022", false), "2022-02-12");
    CHECK_EQ_STR(d("1er ao\xC3\xBBt 2021", false), "2021-08-01");
    CHECK_EQ_STR(d("26 de julio de 2023", false), "2023-07-26");
    CHECK_EQ_STR(d("5 settembre 2020", false), "2020-09-05");
    CHECK_EQ_STR(d("10 de mar\xC3\xA7o de 2019", false), "2019-03-10");
    CHECK_EQ_STR(d("1 mei 2022", false), "2022-05-01");
    CHECK_EQ_STR(d("2023. j\xC3\xBAlius 26.", false), "2023-07-26");
    CHECK_EQ_STR(d("2023\xE5\xB9\xB4" "7\xE6\x9C\x88" "26\xE6\x97\xA5", false), "2023-07-26");
    CHECK_EQ_STR(d("26 \xD0\xB8\xD1\x8E\xD0\xBB\xD1\x8F 2023", false), "2023-07-26");
    /* Greek: "26 July 2023" as written, "3 MAY 2024" in capitals (no accent),
     * "Tuesday, 12 December 2023", "1 AUGUST 2022" */
    CHECK_EQ_STR(d("\x32\x36\x20\xCE\x99\xCE\xBF\xCF\x85\xCE\xBB\xCE\xAF\xCE\xBF\xCF\x85\x20\x32\x30\x32\x33", false), "2023-07-26");
    CHECK_EQ_STR(d("\x33\x20\xCE\x9C\xCE\x91\xCE\xAA\xCE\x9F\xCE\xA5\x20\x32\x30\x32\x34", false), "2024-05-03");
    CHECK_EQ_STR(d("\xCE\xA4\xCF\x81\xCE\xAF\xCF\x84\xCE\xB7\x2C\x20\x31\x32\x20\xCE\x94\xCE\xB5\xCE\xBA\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85\x20\x32\x30\x32\x33", false), "2023-12-12");
    CHECK_EQ_STR(d("\x31\x20\xCE\x91\xCE\xA5\xCE\x93\xCE\x9F\xCE\xA5\xCE\xA3\xCE\xA4\xCE\x9F\xCE\xA5\x20\x32\x30\x32\x32", false), "2022-08-01");
    /* Hindi "29 November 2025"; Arabic "29 November, 2025" with an Arabic comma */
    CHECK_EQ_STR(d("29 "
                 "\xE0\xA4\xA8\xE0\xA4\xB5\xE0\xA4\x82\xE0\xA4\xAC\xE0\xA4\xB0 2025", false),
                 "2025-11-29");
    CHECK_EQ_STR(d("29 "
                 "\xD9\x86\xD9\x88\xD9\x81\xD9\x85\xD8\xA8\xD8\xB1\xD8\x8C 2025", false),
                 "2025-11-29");
    CHECK_EQ_STR(d("\xE0\xA4\xA8\xE0\xA4\xB5\xE0\xA4\x82\xE0\xA4\xAC\xE0\xA4\xB0 "
                 "12 2024", false),
                 "2024-11-12"); /* month first */
    /* Arabic-Indic, Persian and Devanagari digits */
    CHECK_EQ_STR(d("\xD9\xA2\xD9\xA9\x20"
                 "\xD9\x86\xD9\x88\xD9\x81\xD9\x85\xD8\xA8\xD8\xB1\x20\xD9\xA2"
                 "\xD9\xA0\xD9\xA2\xD9\xA5", false),
                 "2025-11-29");
    CHECK_EQ_STR(d("\xDB\xB2\xDB\xB0\xDB\xB2\xDB\xB5\x2D\xDB\xB1\xDB\xB1\x2D\xDB"
                 "\xB2\xDB\xB9", false), "2025-11-29");
    CHECK_EQ_STR(d("\xE0\xA5\xA8\xE0\xA5\xAF\x20\xE0\xA4\xA8\xE0\xA4\xB5\xE0\xA4"
                 "\x82\xE0\xA4\xAC\xE0\xA4\xB0\x20\xE0\xA5\xA8\xE0\xA5\xA6\xE0"
                 "\xA5\xA8\xE0\xA5\xAB", false), "2025-11-29");
}

/* Ukrainian, Bulgarian, Serbian, Slovak, Slovenian, Croatian, Catalan (with
 * "d'"), Lithuanian month names; Vietnamese's "tháng" and its number;
 * "listopada" stays Polish November (Croatian's October) */
TEST(more_languages)
{
    CHECK_EQ_STR(d("26 \xD0\xBB\xD0\xB8\xD0\xBF\xD0\xBD\xD1\x8F 2023", false), "2023-07-26");
    CHECK_EQ_STR(d("26 \xD1\x8E\xD0\xBB\xD0\xB8 2023", false), "2023-07-26");
    CHECK_EQ_STR(d("26. \xD1\x98\xD1\x83\xD0\xBB 2023.", false), "2023-07-26");
    CHECK_EQ_STR(d("26. j\xC3\xBAla 2023", false), "2023-07-26");
    CHECK_EQ_STR(d("26. julija 2023", false), "2023-07-26");
    CHECK_EQ_STR(d("26. srpnja 2023.", false), "2023-07-26");
    CHECK_EQ_STR(d("26 de juliol de 2023", false), "2023-07-26");
    CHECK_EQ_STR(d("26 d'agost de 2023", false), "2023-08-26");
    CHECK_EQ_STR(d("5 listopada 2023", false), "2023-11-05");
    CHECK_EQ_STR(d("ng\xC3\xA0y 26 th\xC3\xA1ng 7 n\xC4\x83m 2023", false), "2023-07-26");
    CHECK_EQ_STR(d("26 th\xC3\xA1ng 7, 2023", false), "2023-07-26");
    CHECK_EQ_STR(d("26 liepos 2023", false), "2023-07-26");
}

TEST(orders)
{
    /* dashes and points are read day first, unless only month first can be
     * a date */
    CHECK_EQ_STR(d("03-09-2024", false), "2024-09-03");
    CHECK_EQ_STR(d("11-29-2024, 09:03 AM", false), "2024-11-29T09:03:00");
    CHECK_EQ_STR(d("11.29.2024", false), "2024-11-29");
    /* a year before a month-first date with its own year is not a
     * year-first date; a citation's "2023 Jan 7;" is */
    CHECK_EQ_STR(d("Top picks of 2024 September 1st, 2023 By Ann", false), "2023-09-01");
    CHECK_EQ_STR(d("Journal. 2023 Jan 7;15(1):e33475", false), "2023-01-07");
    /* day and month that both read as a month are flagged */
    bool amb = false;
    CHECK(wn_date_parse_ex("03-09-2024", 10, NOW, false, out, &amb) && amb);
    CHECK(wn_date_parse_ex("03-13-2024", 10, NOW, false, out, &amb) && !amb);
    CHECK(wn_date_parse_ex("March 9, 2024", 13, NOW, false, out, &amb) && !amb);
    CHECK(wn_date_parse_ex("03-03-2024", 10, NOW, false, out, &amb) && !amb);
    char o[WN_DATE_MAX];
    CHECK(wn_date_swap_day_month("2024-09-03T10:00:00Z", 20, NOW, o) == 20);
    CHECK_EQ_STR(o, "2024-03-09T10:00:00Z");
    CHECK(wn_date_swap_day_month("2024-09-13", 10, NOW, o) == 0);
    CHECK(wn_date_swap_day_month("2025-12-03", 10, NOW, o) == 10);
    CHECK_EQ_STR(o, "2025-03-12");
    CHECK(wn_date_swap_day_month("2026-12-01", 10, NOW, o) == 0); /* January 12: future */
}

TEST(month_year)
{
    /* a text that is a month and a year alone: the month */
    CHECK_EQ_STR(d("November 2015", false), "2015-11");
    CHECK_EQ_STR(d("  Nov. 2015\n", false), "2015-11");
    CHECK_EQ_STR(d("since March 2020 we have", false), "");
    CHECK_EQ_STR(d("March 2091", false), ""); /* the future */
    CHECK_EQ_STR(d("March 5, 2020", false), "2020-03-05");
}

TEST(rejected)
{
    CHECK_EQ_STR(d("9999-99-99", true), "");
    CHECK_EQ_STR(d("2023-02-30", true), "");
    CHECK_EQ_STR(d("2023-02-29", true), "");
    CHECK_EQ_STR(d("2024-02-29", true), "2024-02-29");
    CHECK_EQ_STR(d("1970-01-01", true), "");
    CHECK_EQ_STR(d("2091-05-01", true), "");      /* the future */
    CHECK_EQ_STR(d("2026-01-02", true), "2026-01-02"); /* within a day: time zones */
    CHECK_EQ_STR(d("2026-01-03", true), "");
    CHECK_EQ_STR(d("no date here", false), "");
    CHECK_EQ_STR(d("12345", true), "");
    CHECK_EQ_STR(d("v1.2.2023", false), "");
}

TEST(urls)
{
    char o[WN_DATE_MAX];
    const char *u = "https://example.com/2023/07/26/story-title/";
    CHECK(wn_date_from_url(u, strlen(u), NOW, o) && strcmp(o, "2023-07-26") == 0);
    u = "https://example.com/news/2023-07-26-story";
    CHECK(wn_date_from_url(u, strlen(u), NOW, o) && strcmp(o, "2023-07-26") == 0);
    u = "https://example.com/p/20230726/x";
    CHECK(wn_date_from_url(u, strlen(u), NOW, o) && strcmp(o, "2023-07-26") == 0);
    u = "https://2023.example.com/products/1234";
    CHECK(wn_date_from_url(u, strlen(u), NOW, o) == 0);
}

int
main(void)
{
    RUN(formats);
    RUN(languages);
    RUN(more_languages);
    RUN(orders);
    RUN(month_year);
    RUN(rejected);
    RUN(urls);
    return harness_done();
}
