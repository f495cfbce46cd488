/* metadata.h - what the metadata files share: text helpers, date, author and
 * language functions, and the candidate table that the extractors (JSON-LD,
 * meta tags, microdata, visible patterns) fill and wn_metadata_extract
 * decides from.
 */
#ifndef WN_METADATA_H
#define WN_METADATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "json.h"
#include "pipeline.h"

/* ---- text.c ------------------------------------------------------------ */

/* s[0..n) trimmed, whitespace runs collapsed to one space, a few HTML
 * entities decoded (JSON-LD often carries "&amp;"), in the arena. ptr NULL
 * when nothing is left. */
wn_str wn_meta_clean(wn_arena *a, const char *s, size_t n);
/* The text of a subtree (scripts, styles, templates skipped), cleaned; at
 * most `max` bytes are gathered. */
wn_str wn_meta_node_text(wn_arena *a, const wn_node *n, size_t max);
wn_str wn_meta_node_text_split(wn_arena *a, const wn_node *n, size_t max);
/* As wn_meta_node_text, for a heading: its buttons, hidden elements and
 * screen-reader-only text (a visually-hidden class, see clean.h) left out,
 * unless that text is all there is. */
wn_str wn_meta_heading_text(wn_arena *a, const wn_node *n, size_t max);
/* Is element n of a heading left out of its text: a button, a hidden
 * element, or (screen_reader) a visually-hidden one? */
bool wn_meta_heading_skips(const wn_node *n, bool screen_reader);
/* ASCII case-insensitive prefix test. */
/* The length of a label's colon at s[0..n): 1 for ':', 3 for the
 * full-width one of CJK text (U+FF1A), 0 for none. */
static inline size_t
wn_meta_colon_len(const char *s, size_t n)
{
    if (n >= 1 && s[0] == ':')
        return 1;
    return n >= 3 && s[0] == '\xEF' && s[1] == '\xBC' && s[2] == '\x9A' ? 3 : 0;
}

static inline bool
wn_meta_iprefix(const char *s, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    if (!s || n < l)
        return false;
    for (size_t i = 0; i < l; i++) {
        char a = s[i], b = lit[i];
        if ((a >= 'A' && a <= 'Z' ? a + 32 : a) != (b >= 'A' && b <= 'Z' ? b + 32 : b))
            return false;
    }
    return true;
}
/* ASCII case-insensitive: s[0..n) equals the literal. Inline: the chains
 * of key comparisons in meta.c then test the literal's length, known at
 * compile time, before any byte. */
static inline bool
wn_meta_ieq(const char *s, size_t n, const char *lit)
{
    return n == strlen(lit) && wn_meta_iprefix(s, n, lit);
}
/* ASCII case-insensitive: the literal occurs in s[0..n). */
bool wn_meta_icontains(const char *s, size_t n, const char *lit);
/* Words of a string compared loosely: lower-cased letters and digits only. */
size_t wn_meta_fold(const char *s, size_t n, char *out, size_t cap);
/* Number of bytes of the UTF-8 sequence starting with byte c (1 for bad).
 * These three are inline: the word counts call them per code point. */
static inline size_t
wn_meta_u8len(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return 2;
    if (c >= 0xE0 && c <= 0xEF)
        return 3;
    if (c >= 0xF0 && c <= 0xF4)
        return 4;
    return 1;
}

/* Decode one code point at s[*i] (advancing *i); bad bytes give U+FFFD. */
static inline unsigned
wn_meta_u8next(const char *s, size_t n, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    size_t l = wn_meta_u8len(c);
    if (l == 1 || *i + l > n) {
        (*i)++;
        return c < 0x80 ? c : 0xFFFD;
    }
    unsigned cp = c & (l == 2 ? 0x1F : l == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < l; k++) {
        unsigned char d = (unsigned char)s[*i + k];
        if ((d & 0xC0) != 0x80) {
            (*i)++;
            return 0xFFFD;
        }
        cp = (cp << 6) | (d & 0x3F);
    }
    *i += l;
    return cp;
}

/* Whether code point cp is a letter or digit (enough Unicode for words). */
static inline bool
wn_meta_is_word_cp(unsigned cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
               cp == '_';
    if (cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) || cp == 0x3000 ||
        (cp >= 0x3001 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF0F) || cp == 0xFFFD ||
        (cp >= 0xA0 && cp <= 0xBF) || (cp >= 0xFE00 && cp <= 0xFE6F))
        return false;
    return true;
}

/* ---- dates.c ----------------------------------------------------------- */

#define WN_DATE_MAX 40
/* Read the first date in s[0..n) into ISO 8601 (as precise as the source:
 * "2023-07-26", "2023-07-26T10:00:00Z", "2023-07-26T10:00:00+02:00").
 * `whole` is for attribute values: epoch seconds/milliseconds and compact
 * "20230726" are accepted only then. Impossible dates, dates before 1990
 * and dates more than a day after `now` (Unix seconds) are rejected.
 * Returns the length written to out (NUL-terminated), 0 for none. */
size_t wn_date_parse(const char *s, size_t n, int64_t now, bool whole, char *out);
/* wn_date_parse that also says whether the date was numeric with a day and
 * month that could be read the other way round ("03-09-2026"). */
size_t wn_date_parse_ex(const char *s, size_t n, int64_t now, bool whole, char *out,
                        bool *ambiguous);
/* The ISO date iso[0..n) (as wn_date_parse wrote it) with its day and month
 * swapped into out (WN_DATE_MAX), when that is a valid date; its length or 0. */
/* The day (days since 1970-01-01) of an ISO date as wn_date_parse wrote it,
 * as the date is written (no zone applied). */
bool wn_date_day(const char *iso, size_t n, int64_t *day);
size_t wn_date_swap_day_month(const char *iso, size_t n, int64_t now, char *out);
/* Is s[0..n) a month's name ("March", "mars", "Dec.") in one of the
 * languages the parser reads? */
bool wn_date_month_word(const char *s, size_t n);
/* A /2023/07/26/, /2023-07-26/ or /20230726/ date in a URL path. */
size_t wn_date_from_url(const char *s, size_t n, int64_t now, char *out);
/* The instant (Unix seconds) of a date wn_date_parse wrote with its time
 * and zone, and in *utc whether the zone is UTC ("Z"); false for a date
 * without both. */
bool wn_date_instant(const char *iso, size_t n, int64_t *secs, bool *utc);

/* ---- authors.c --------------------------------------------------------- */

/* Byline labels in scripts other than Latin, as UTF-8 bytes (authors.c):
 * the first WN_FOREIGN_INTRODUCERS introduce a name as "By" does (a space
 * after them, or nothing after one that ends in a slash, as Chinese "文／"
 * does); the others need a colon (":" or the full-width one) as "Author:"
 * does. */
#define WN_FOREIGN_INTRODUCERS 7
#define WN_FOREIGN_BYLINE_LABELS 17
/* Does the label glue to the name, ending in '/' or U+FF0F? */
static inline bool
wn_label_glued(const char *label, size_t l)
{
    return (l >= 1 && label[l - 1] == '/') ||
           (l >= 3 && (unsigned char)label[l - 3] == 0xEF && (unsigned char)label[l - 2] == 0xBC &&
            (unsigned char)label[l - 1] == 0x8F);
}
extern const char *const wn_foreign_byline_labels[WN_FOREIGN_BYLINE_LABELS];

/* Split a byline into clean names ("By A and B, Staff" -> "A", "B"),
 * appending up to max - *count names to out (arena strings). Returns the
 * number added. */
size_t wn_authors_parse(wn_arena *a, const char *s, size_t n, wn_str *out, size_t *count,
                        size_t max);
/* The same with flags: WN_AUTHORS_DECLARED for a declared author's field
 * (JSON-LD, microdata, <meta>), which holds names however they are cased. */
#define WN_AUTHORS_DECLARED 1u
size_t wn_authors_parse_ex(wn_arena *a, const char *s, size_t n, wn_str *out, size_t *count,
                           size_t max, unsigned flags);

/* ---- lang.c ------------------------------------------------------------ */

/* BCP 47 form of a declared language ("en_US" -> "en-US", "EN" -> "en");
 * 0 when the value is not a language tag. out has room for 16 bytes. */
size_t wn_lang_normalise(const char *s, size_t n, char *out);
/* Language of a text from its script and frequent words; NULL when the
 * text is too short or unclear. *score receives a confidence 0..100. */
const char *wn_lang_detect(const char *s, size_t n, int *score);

/* ---- the candidate table ----------------------------------------------- */

/* Sources, weakest first; a stronger source replaces a weaker one. The
 * gaps leave room for per-field adjustments (og:site_name over the JSON-LD
 * publisher, an article object over a WebPage one). */
enum {
    WN_SRC_NONE = 0,
    WN_SRC_URL = 10,
    WN_SRC_VISIBLE = 20,
    WN_SRC_TIME = 30,
    WN_SRC_META = 40,      /* Dublin Core, common <meta name>s */
    WN_SRC_OG = 50,        /* OpenGraph, article:*, twitter:* */
    WN_SRC_LD_OTHER = 55,  /* JSON-LD objects that are not the article */
    WN_SRC_MICRODATA = 60,
    WN_SRC_JSONLD = 70
};

typedef struct wn_slot {
    wn_str v;
    int src;
} wn_slot;

#define WN_MAX_AUTHORS 16
#define WN_MAX_TAGS 32
#define WN_MAX_H1 8
#define WN_MAX_LOCAL_DATES 8

typedef struct wn_meta_cands {
    wn_arena *arena;
    int64_t now;
    const char *page_url;     /* options URL, may be NULL */
    size_t page_url_len;
    wn_slot title_ld, title_og, title_tag, title_meta, title_micro;
    wn_slot date_pub, date_mod;
    /* the slot's date was numeric with a day and month that could be read
     * the other way round (wn_cands_date_order) */
    bool date_pub_ambiguous, date_mod_ambiguous;
    /* the strongest date the page prints (a dateline, a byline's date, an
     * element named for a date, a <time>), whatever the declared ones say,
     * and the length of the text it was read from */
    wn_slot date_vis;
    size_t date_vis_text;
    /* dates written with a zone other than UTC, from any source: a date
     * declared in UTC is printed in the publisher's zone when one of them
     * is the same instant (wn_cands_local_date) */
    wn_str local_dates[WN_MAX_LOCAL_DATES];
    size_t n_local_dates;
    wn_slot site, section, description, lang, canonical, image, image_caption, base;
    wn_slot page_kind;        /* "article" when the markup says it is one */
    wn_str authors[WN_MAX_AUTHORS];
    size_t n_authors;
    int authors_src;
    /* the strongest visible byline (a byline class, a "By" line), kept
     * apart: it replaces a declared author that only names the site */
    wn_str vis_authors[WN_MAX_AUTHORS];
    size_t n_vis_authors;
    int vis_authors_src;
    bool vis_authors_labelled; /* read after a label ("Written by") */
    wn_str tags[WN_MAX_TAGS];
    size_t n_tags;
    int tags_src;
    char twitter_author_label;  /* '1' when twitter:label1 says "Written by" */
    wn_node *h1[WN_MAX_H1];
    wn_node *logo; /* the first heading that is the site's logo (title.c) */
    size_t n_h1;
    size_t n_h1_all; /* every <h1> outside the landmarks, past WN_MAX_H1 too */
    /* every <img> of the document in order, as the walk meets them (for the
     * lead image's caption); imgs_lost when the list could not grow */
    wn_node **imgs;
    size_t n_imgs, cap_imgs;
    bool imgs_lost;
} wn_meta_cands;

/* Keep v in the slot when its source is stronger than what is there. */
void wn_slot_offer(wn_slot *slot, wn_str v, int src);
/* Clean s and offer it. */
void wn_slot_offer_raw(wn_meta_cands *c, wn_slot *slot, const char *s, size_t n, int src);
/* Offer a date (parsed first; published or modified). */
void wn_cands_date(wn_meta_cands *c, bool modified, const char *s, size_t n, int src, bool whole);
/* An ambiguous numeric date ("03-09-2026") in the slots read the other way
 * round when the page prints only that reading in words or unambiguous
 * figures ("March 9, 2026") under root. */
void wn_cands_date_order(wn_meta_cands *c, wn_node *root);
/* A declared published date the page prints nowhere gives way to an older
 * date printed as a dateline (wn_cands_date_vis). */
void wn_cands_date_printed(wn_meta_cands *c, wn_node *root);
/* The date in the slot, a UTC instant, as one of the local_dates that is
 * the same instant, if any. */
void wn_cands_local_date(wn_meta_cands *c, wn_slot *slot);
/* Offer a byline: names from a stronger source replace weaker ones; a
 * second byline from the same source is ignored. */
void wn_cands_author(wn_meta_cands *c, const char *s, size_t n, int src);
/* Offer tags: a comma-separated list or one tag. */
void wn_cands_tags(wn_meta_cands *c, const char *s, size_t n, int src);

/* jsonld.c: read one <script type="application/ld+json"> body. */
void wn_jsonld_read(wn_meta_cands *c, const char *s, size_t n);

/* title.c: the visible headline from the candidates and the <h1>s. When
 * the choice is an <h1> no declared title agrees with, *alt is the declared
 * title without the site name (else empty): non-article pages name
 * themselves by it more often than by a slogan-like <h1>. *h1_within: the
 * <h1>'s words all appear in a declared title. */
wn_str wn_title_choose(wn_meta_cands *c, wn_node **headline, wn_str *alt, bool *h1_within);
/* The title for a page of type t: alt replaces title on service pages,
 * and on collection and listing pages unless h1_within (see
 * wn_title_choose); a short tag line is cut (wn_title_cut_tagline). */
wn_str wn_title_for_type(wn_arena *a, wn_str title, wn_str alt, bool h1_within, wn_page_type t);
/* "Headline | Short tail" (a bar, spaced hyphen or spaced slash, at most
 * five words in each part after it): the headline, NUL-terminated in a
 * (NULL: title unchanged). */
wn_str wn_title_cut_tagline(wn_arena *a, wn_str title);
/* Is n the site's logo: inside a link to the home page, or holding one
 * that carries all its text? */
bool wn_title_links_home(wn_arena *a, const wn_node *n);
/* Strip " | Site" style affixes from a title. */
wn_str wn_title_strip_site(wn_arena *a, wn_str title, wn_str site);

#endif
