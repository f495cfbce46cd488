/* meta.c - wn_metadata_extract: one walk over the whole document gathers
 * candidates from every source the page offers (JSON-LD, microdata,
 * OpenGraph and article:*, Dublin Core and common <meta name>s, <time>,
 * <html lang>, <link rel=canonical>, <title>, byline-looking elements); then
 * each field takes its strongest candidate, the title is matched with the
 * visible headline, and what is still missing is looked for near the
 * headline (a "By ..." line, a dateline) and in the URL.
 */
#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "clean/clean.h"
#include "metadata.h"
#include "util/url.h"

void
wn_slot_offer(wn_slot *slot, wn_str v, int src)
{
    if (v.ptr && src > slot->src) {
        slot->v = v;
        slot->src = src;
    }
}

void
wn_slot_offer_raw(wn_meta_cands *c, wn_slot *slot, const char *s, size_t n, int src)
{
    if (!s || src <= slot->src)
        return;
    wn_slot_offer(slot, wn_meta_clean(c->arena, s, n), src);
}

/* Does s[0..n) end like a time with a zone offset that is not UTC's,
 * "...T04:25:38+05:00", "... 04:25:38+0500"? A cheap look before parsing
 * a date no slot takes. */
static bool
zoned_shape(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t'))
        n--;
    if (n < 22)
        return false;
    size_t z = s[n - 3] == ':' ? n - 6 : n - 5; /* the sign */
    if (s[z] != '+' && s[z] != '-')
        return false;
    bool zero = true;
    for (size_t i = z + 1; i < n; i++) {
        if (i == n - 3 && s[i] == ':')
            continue;
        if (s[i] < '0' || s[i] > '9')
            return false;
        zero = zero && s[i] == '0';
    }
    return !zero && s[z - 3] == ':'; /* seconds before the zone */
}

void
wn_cands_date(wn_meta_cands *c, bool modified, const char *s, size_t n, int src, bool whole)
{
    wn_slot *slot = modified ? &c->date_mod : &c->date_pub;
    if (!s)
        return;
    bool taken = src > slot->src;
    bool local = c->n_local_dates < WN_MAX_LOCAL_DATES && zoned_shape(s, n);
    bool vis = !modified && src <= WN_SRC_TIME && src > c->date_vis.src;
    if (!taken && !local && !vis)
        return;
    char out[WN_DATE_MAX];
    bool ambiguous = false;
    size_t l = wn_date_parse_ex(s, n, c->now, whole, out, &ambiguous);
    if (!l)
        return;
    char *d = wn_arena_strndup(c->arena, out, l);
    if (!d)
        return;
    if (local && l == 25)
        c->local_dates[c->n_local_dates++] = (wn_str){d, l};
    if (vis) {
        wn_slot_offer(&c->date_vis, (wn_str){d, l}, src);
        c->date_vis_text = n;
    }
    if (taken) {
        wn_slot_offer(slot, (wn_str){d, l}, src);
        *(modified ? &c->date_mod_ambiguous : &c->date_pub_ambiguous) = ambiguous;
    }
}

/* How often the page prints day and other (the first 10 bytes of ISO dates;
 * other may be NULL) unambiguously: in its texts (short ones, outside
 * scripts) and <time datetime>s, up to a budget of nodes. Returns how many
 * different days it prints so, counted up to DATE_DAYS_MAX + 1. */
#define DATE_ORDER_NODES 20000
#define DATE_DAYS_MAX 8
static int
date_order_votes(const wn_meta_cands *c, wn_node *root, const char *day, const char *other,
                 int *for_day, int *for_other)
{
    char seen[DATE_DAYS_MAX + 1][10];
    int days = 0;
    wn_walk w;
    wn_node *m;
    bool e;
    size_t budget = DATE_ORDER_NODES;
    wn_walk_init(&w, root);
    while (budget && wn_walk_next(&w, &m, &e)) {
        if (!e)
            continue;
        budget--;
        const char *s = NULL;
        size_t l = 0;
        bool whole = false;
        if (m->type == WN_NODE_ELEMENT) {
            if (m->tag == WN_TAG_SCRIPT || m->tag == WN_TAG_STYLE) {
                wn_walk_skip_children(&w);
                continue;
            }
            if (m->tag == WN_TAG_TIME) {
                s = wn_node_attr(m, "datetime", &l);
                whole = true;
            }
        } else if (m->type == WN_NODE_TEXT && m->len <= 200) {
            s = m->data;
            l = m->len;
        }
        if (!s || !l)
            continue;
        char out[WN_DATE_MAX];
        bool amb = false;
        size_t ol = wn_date_parse_ex(s, l, c->now, whole, out, &amb);
        if (ol < 10 || amb)
            continue;
        int k = 0;
        while (k < days && memcmp(seen[k], out, 10) != 0)
            k++;
        if (k == days && days <= DATE_DAYS_MAX)
            memcpy(seen[days++], out, 10);
        if (memcmp(out, day, 10) == 0)
            (*for_day)++;
        else if (other && memcmp(out, other, 10) == 0)
            (*for_other)++;
    }
    return days;
}

/* The slot's date read the other way round; the order read for the first
 * is the page's, so the second ambiguous date follows it. */
static bool
date_swap(wn_meta_cands *c, wn_slot *slot)
{
    char out[WN_DATE_MAX];
    size_t l = wn_date_swap_day_month(slot->v.ptr, slot->v.len, c->now, out);
    char *d = l ? wn_arena_strndup(c->arena, out, l) : NULL;
    if (!d)
        return false;
    slot->v = (wn_str){d, l};
    return true;
}

void
wn_cands_date_order(wn_meta_cands *c, wn_node *root)
{
    wn_slot *first = c->date_pub_ambiguous ? &c->date_pub
                     : c->date_mod_ambiguous ? &c->date_mod : NULL;
    if (!first || !first->v.ptr || first->v.len < 10)
        return;
    char other[WN_DATE_MAX];
    if (!wn_date_swap_day_month(first->v.ptr, first->v.len, c->now, other))
        return;
    int for_day = 0, for_other = 0;
    date_order_votes(c, root, first->v.ptr, other, &for_day, &for_other);
    if (for_other == 0 || for_day > 0 || !date_swap(c, first))
        return;
    if (first == &c->date_pub && c->date_mod_ambiguous && c->date_mod.v.ptr)
        date_swap(c, &c->date_mod);
}

/* A declared published date (JSON-LD, <meta>) that the page prints nowhere,
 * while a dateline, a byline's date or a <time> says an earlier day, is a
 * date the system stamped (an import, a migration, a republication), not
 * the day readers see the article was published: the printed one is. A
 * printed day after it is the update readers are shown ("Updated Aug 14,
 * 2025"): it is the modified date, unless the declared modified date is
 * printed too. The printed date is read from a short text (a dateline, not
 * a sentence that mentions a date), and is a day no zone gives the
 * declared ones (zone_day). A page that prints more than a few
 * different days lists items (posts, issues, events): its first printed
 * date is an item's, and the declared ones stay. */
/* Can day vis be the declared date (written on day `day`) as a zone
 * prints it? An instant is some zone's day from 12 hours before it to 14
 * hours after; a date without one, the day either side. */
static bool
zone_day(wn_str declared, int64_t day, int64_t vis)
{
    int64_t t;
    bool utc;
    if (wn_date_instant(declared.ptr, declared.len, &t, &utc))
        return vis >= (t - 12 * 3600) / 86400 && vis <= (t + 14 * 3600) / 86400;
    return vis > day - 2 && vis < day + 2;
}

#define PRINTED_TEXT_MAX 60
#define PRINTED_DAYS_MAX 5
void
wn_cands_date_printed(wn_meta_cands *c, wn_node *root)
{
    int64_t pub, vis, mod = 0;
    if (c->date_pub.src <= WN_SRC_TIME || !c->date_vis.v.ptr ||
        c->date_vis.src < WN_SRC_VISIBLE - 2 || c->date_vis_text > PRINTED_TEXT_MAX ||
        !wn_date_day(c->date_pub.v.ptr, c->date_pub.v.len, &pub) ||
        !wn_date_day(c->date_vis.v.ptr, c->date_vis.v.len, &vis) ||
        zone_day(c->date_pub.v, pub, vis))
        return;
    bool has_mod = wn_date_day(c->date_mod.v.ptr, c->date_mod.v.len, &mod);
    if (vis > pub && has_mod && zone_day(c->date_mod.v, mod, vis))
        return; /* the modified date, printed */
    int printed = 0, mod_printed = 0;
    int days = date_order_votes(c, root, c->date_pub.v.ptr, has_mod ? c->date_mod.v.ptr : NULL,
                                &printed, &mod_printed);
    if (printed || days > PRINTED_DAYS_MAX)
        return;
    if (vis < pub) {
        c->date_pub = c->date_vis;
        c->date_pub_ambiguous = false;
    } else if (!mod_printed) {
        c->date_mod = c->date_vis;
        c->date_mod_ambiguous = false;
    }
}

void
wn_cands_local_date(wn_meta_cands *c, wn_slot *slot)
{
    int64_t t, u;
    bool utc;
    if (!c->n_local_dates || !wn_date_instant(slot->v.ptr, slot->v.len, &t, &utc) || !utc)
        return;
    for (size_t i = 0; i < c->n_local_dates; i++)
        if (wn_date_instant(c->local_dates[i].ptr, c->local_dates[i].len, &u, &utc) && u == t) {
            slot->v = c->local_dates[i];
            return;
        }
}

void
wn_cands_author(wn_meta_cands *c, const char *s, size_t n, int src)
{
    /* The first byline of the strongest source wins: a later one of the
     * same kind is a comment's, a review's or a related article's. A
     * source that lists several authors says so in one offer. */
    bool visible = src <= WN_SRC_VISIBLE && src > c->vis_authors_src;
    if (!s || (src <= c->authors_src && !visible))
        return;
    wn_str names[WN_MAX_AUTHORS];
    size_t count = 0;
    if (!wn_authors_parse_ex(c->arena, s, n, names, &count, WN_MAX_AUTHORS,
                             src > WN_SRC_VISIBLE ? WN_AUTHORS_DECLARED : 0))
        return;
    if (visible) {
        memcpy(c->vis_authors, names, count * sizeof names[0]);
        c->n_vis_authors = count;
        c->vis_authors_src = src;
    }
    if (src <= c->authors_src)
        return;
    memcpy(c->authors, names, count * sizeof names[0]);
    c->n_authors = count;
    c->authors_src = src;
}

/* Scholarly tags (citation_author) name one author per tag: repeats of the
 * same source add to the list instead of being ignored. */
static void
cands_author_each(wn_meta_cands *c, const char *s, size_t n, int src)
{
    if (src != c->authors_src) {
        wn_cands_author(c, s, n, src);
        return;
    }
    wn_str names[WN_MAX_AUTHORS];
    size_t count = 0;
    if (!wn_authors_parse_ex(c->arena, s, n, names, &count, WN_MAX_AUTHORS,
                             src > WN_SRC_VISIBLE ? WN_AUTHORS_DECLARED : 0))
        return;
    for (size_t i = 0; i < count && c->n_authors < WN_MAX_AUTHORS; i++) {
        bool dup = false;
        for (size_t k = 0; k < c->n_authors; k++)
            if (c->authors[k].len == names[i].len &&
                wn_meta_ieq(c->authors[k].ptr, c->authors[k].len, names[i].ptr))
                dup = true;
        if (!dup)
            c->authors[c->n_authors++] = names[i];
    }
}

void
wn_cands_tags(wn_meta_cands *c, const char *s, size_t n, int src)
{
    if (!s || src < c->tags_src)
        return;
    if (src > c->tags_src) {
        c->n_tags = 0;
        c->tags_src = src;
    }
    size_t i = 0;
    while (i < n && c->n_tags < WN_MAX_TAGS) {
        size_t st = i;
        while (i < n && s[i] != ',' && s[i] != ';')
            i++;
        wn_str t = wn_meta_clean(c->arena, s + st, i - st);
        i++;
        if (!t.ptr || t.len > 80)
            continue;
        bool dup = false;
        for (size_t j = 0; j < c->n_tags; j++)
            if (c->tags[j].len == t.len && wn_meta_iprefix(c->tags[j].ptr, t.len, t.ptr))
                dup = true;
        if (!dup)
            c->tags[c->n_tags++] = t;
    }
}

/* ---- the walk ---------------------------------------------------------- */

static const char *const pub_date_names[] = {
    "article:published_time", "og:published_time", "article:published", "published_time",
    "date", "pubdate", "publish-date", "publish_date", "publishdate", "published_date",
    "publication_date", "publication-date", "article.published", "article_date_original",
    "sailthru.date", "parsely-pub-date", "dc.date", "dc.date.issued", "dc.date.created",
    "dcterms.created", "dcterms.issued", "dcterms.date", "citation_publication_date",
    "citation_date", "citation_online_date", "originalpublicationdate", "og:pubdate",
    "datepublished", "date.available", "displaydate", "release_date", "created", "dc.created",
    "prism.publicationdate", "article.created", "publishedat", "pdate", "eomportal-lastupdate",
    "published", "published-date", "publisheddate",
};

static const char *const mod_date_names[] = {
    "article:modified_time", "og:updated_time", "article:modified", "dcterms.modified",
    "dc.date.modified", "lastmod", "last-modified", "datemodified", "modified", "revised",
    "article.updated", "dc.modified", "updated_time", "modified-date",
};

static const char *const author_names[] = {
    "author", "article:author", "dc.creator", "dcterms.creator", "sailthru.author",
    "parsely-author", "citation_author", "byl", "byline", "dc.contributor", "og:article:author",
    "article.author", "cxenseparse:author", "book:author", "twitter:data1:author",
};

static const char *const title_names[] = {
    "dc.title", "dcterms.title", "citation_title", "parsely-title", "headline", "sailthru.title",
    "title",
};

static const char *const og_title_names[] = {"og:title"};
static const char *const twitter_title_names[] = {"twitter:title"};
static const char *const og_site_names[] = {"og:site_name"};
static const char *const app_names[] = {"application-name", "apple-mobile-web-app-title"};
static const char *const og_description_names[] = {"og:description"};
static const char *const description_names[] = {"description", "twitter:description",
                                                "dc.description"};
static const char *const og_image_names[] = {"og:image", "og:image:url", "og:image:secure_url"};
static const char *const twitter_image_names[] = {"twitter:image", "twitter:image:src"};
static const char *const image_alt_names[] = {"og:image:alt"};
static const char *const og_locale_names[] = {"og:locale"};
static const char *const language_names[] = {"language", "dc.language", "content-language"};
static const char *const og_type_names[] = {"og:type"};
static const char *const og_url_names[] = {"og:url"};
static const char *const section_names[] = {"article:section", "parsely-section", "section",
                                            "article.section", "sailthru.section"};
static const char *const article_tag_names[] = {"article:tag"};
static const char *const keyword_names[] = {"keywords", "news_keywords", "parsely-tags",
                                            "sailthru.tags"};

/* What a <meta> name (property, name or itemprop) says. */
enum meta_key {
    MK_NONE, MK_OG_TITLE, MK_TWITTER_TITLE, MK_TITLE, MK_OG_SITE, MK_APP_NAME,
    MK_OG_DESCRIPTION, MK_DESCRIPTION, MK_OG_IMAGE, MK_TWITTER_IMAGE, MK_IMAGE_ALT,
    MK_OG_LOCALE, MK_LANGUAGE, MK_OG_TYPE, MK_OG_URL, MK_PUB_DATE, MK_MOD_DATE, MK_AUTHOR,
    MK_SECTION, MK_ARTICLE_TAG, MK_KEYWORDS, MK_PUB_NAMED, MK_MOD_NAMED
};

/* The lists in order of precedence: a name in two lists means the first. */
#define MK_LIST(list, key) {list, sizeof list / sizeof list[0], key}
static const struct meta_group {
    const char *const *names;
    size_t count;
    unsigned char key;
} meta_groups[] = {
    MK_LIST(og_title_names, MK_OG_TITLE),
    MK_LIST(twitter_title_names, MK_TWITTER_TITLE),
    MK_LIST(title_names, MK_TITLE),
    MK_LIST(og_site_names, MK_OG_SITE),
    MK_LIST(app_names, MK_APP_NAME),
    MK_LIST(og_description_names, MK_OG_DESCRIPTION),
    MK_LIST(description_names, MK_DESCRIPTION),
    MK_LIST(og_image_names, MK_OG_IMAGE),
    MK_LIST(twitter_image_names, MK_TWITTER_IMAGE),
    MK_LIST(image_alt_names, MK_IMAGE_ALT),
    MK_LIST(og_locale_names, MK_OG_LOCALE),
    MK_LIST(language_names, MK_LANGUAGE),
    MK_LIST(og_type_names, MK_OG_TYPE),
    MK_LIST(og_url_names, MK_OG_URL),
    MK_LIST(pub_date_names, MK_PUB_DATE),
    MK_LIST(mod_date_names, MK_MOD_DATE),
    MK_LIST(author_names, MK_AUTHOR),
    MK_LIST(section_names, MK_SECTION),
    MK_LIST(article_tag_names, MK_ARTICLE_TAG),
    MK_LIST(keyword_names, MK_KEYWORDS),
};
#undef MK_LIST

/* The names in a hash table, built once per process: a page has dozens of
 * <meta> elements, most with names on no list, and each is answered with
 * one hash and at most a few compares instead of a hundred. */
#define MK_SLOTS 256   /* power of two, over twice the number of names */
#define MK_MAX_LEN 47  /* longer names are on no list */
typedef struct mk_slot {
    const char *name; /* lower case; NULL: empty slot */
    unsigned char len, key;
} mk_slot;
static mk_slot mk_table[MK_SLOTS];
static atomic_int mk_state; /* 0 not built, 1 being built, 2 ready */

static unsigned
mk_hash(const char *low, size_t n)
{
    uint32_t h = 2166136261u ^ (uint32_t)n;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)low[i]) * 16777619u;
    return (h ^ (h >> 15)) & (MK_SLOTS - 1);
}

/* The name's key by the lists themselves, in order (for a thread that
 * comes while another builds the table). */
static enum meta_key
mk_scan(const char *key, size_t kl)
{
    for (size_t g = 0; g < sizeof meta_groups / sizeof meta_groups[0]; g++)
        for (size_t k = 0; k < meta_groups[g].count; k++)
            if (wn_meta_ieq(key, kl, meta_groups[g].names[k]))
                return (enum meta_key)meta_groups[g].key;
    return MK_NONE;
}

static void
mk_build(void)
{
    for (size_t g = 0; g < sizeof meta_groups / sizeof meta_groups[0]; g++)
        for (size_t k = 0; k < meta_groups[g].count; k++) {
            const char *name = meta_groups[g].names[k];
            size_t n = strlen(name);
            unsigned i = mk_hash(name, n);
            while (mk_table[i].name && !(mk_table[i].len == n && memcmp(mk_table[i].name, name, n) == 0))
                i = (i + 1) & (MK_SLOTS - 1);
            if (mk_table[i].name)
                continue; /* on an earlier list: that one says it */
            mk_table[i] = (mk_slot){name, (unsigned char)n, meta_groups[g].key};
        }
}

/* Where low[0..n) has `w` starting at a word's start (after a non-letter,
 * or anywhere when `inside`): its end, else 0. */
static size_t
name_word(const char *low, size_t n, const char *w, bool inside)
{
    size_t wl = strlen(w);
    for (size_t i = 0; i + wl <= n; i++)
        if (memcmp(low + i, w, wl) == 0 &&
            (inside || i == 0 || low[i - 1] < 'a' || low[i - 1] > 'z'))
            return i + wl;
    return 0;
}

/* A name on no list that says publish or modify and date or time, as a
 * vendor writes its own ("x-published-date", "og:publish_date",
 * "cms:article_modified_time", "pub_date", "published_at"), or ends with
 * the verb ("last-updated"): the date kinds with a weaker source
 * (MK_PUB_NAMED, MK_MOD_NAMED). "publisher" is no date. */
static enum meta_key
date_name_kind(const char *low, size_t n)
{
    /* each kind needs "pub", "modified" or "updated" somewhere: one scan
     * for their first three letters answers most names */
    bool verb = false;
    for (size_t i = 0; i + 3 <= n && !verb; i++)
        verb = (low[i] == 'p' && low[i + 1] == 'u' && low[i + 2] == 'b') ||
               (low[i] == 'm' && low[i + 1] == 'o' && low[i + 2] == 'd') ||
               (low[i] == 'u' && low[i + 1] == 'p' && low[i + 2] == 'd');
    if (!verb)
        return MK_NONE;
    size_t e = name_word(low, n, "publish", true);
    bool pub = (e && !(e + 2 <= n && low[e] == 'e' && low[e + 1] == 'r')) ||
               name_word(low, n, "publication", true);
    size_t p = name_word(low, n, "pub", false);
    pub = pub || (p && (p == n || low[p] < 'a' || low[p] > 'z'));
    size_t m = name_word(low, n, "modified", true), u = name_word(low, n, "updated", true);
    if (!pub && !m && !u)
        return MK_NONE;
    bool when = name_word(low, n, "date", true) || name_word(low, n, "time", true) ||
                m == n || u == n || (n > 3 && memcmp(low + n - 3, "_at", 3) == 0);
    if (!when || name_word(low, n, "expir", true))
        return MK_NONE;
    return m || u ? MK_MOD_NAMED : MK_PUB_NAMED;
}

static enum meta_key
meta_key_of(const char *key, size_t kl)
{
    if (!key || !kl || kl > MK_MAX_LEN)
        return MK_NONE;
    char low[MK_MAX_LEN];
    for (size_t i = 0; i < kl; i++)
        low[i] = key[i] >= 'A' && key[i] <= 'Z' ? (char)(key[i] + 32) : key[i];
    /* Dublin Core in RDFa's form, "dc:creator", "dcterms:title" */
    if (kl > 3 && memcmp(low, "dc:", 3) == 0)
        low[2] = '.';
    else if (kl > 8 && memcmp(low, "dcterms:", 8) == 0)
        low[7] = '.';
    if (atomic_load_explicit(&mk_state, memory_order_acquire) != 2) {
        int expected = 0;
        if (!atomic_compare_exchange_strong_explicit(&mk_state, &expected, 1,
                                                     memory_order_acq_rel, memory_order_acquire)) {
            if (expected != 2)
                return mk_scan(low, kl);
        } else {
            mk_build();
            atomic_store_explicit(&mk_state, 2, memory_order_release);
        }
    }
    for (unsigned i = mk_hash(low, kl); mk_table[i].name; i = (i + 1) & (MK_SLOTS - 1))
        if (mk_table[i].len == kl && memcmp(mk_table[i].name, low, kl) == 0)
            return (enum meta_key)mk_table[i].key;
    return date_name_kind(low, kl);
}

static bool in_listed_item(const wn_node *n);
static void read_meta_key(wn_meta_cands *c, const char *key, size_t kl, const char *val,
                          size_t vl, bool itemprop);

static void
read_meta(wn_meta_cands *c, const wn_node *n)
{
    /* the first of each attribute read, in one scan: the key is the
     * property, else the name, else the itemprop; the value the content,
     * else the value, else the datetime */
    enum { A_PROPERTY, A_NAME, A_ITEMPROP, A_CONTENT, A_VALUE, A_DATETIME, A_EQUIV, A_COUNT };
    const wn_attr *at[A_COUNT] = {0};
    for (uint32_t i = 0; i < n->n_attrs; i++) {
        const wn_attr *a = &n->attrs[i];
        if (a->ns != WN_ATTR_NS_NONE)
            continue;
        int k = -1;
        switch (a->name_len) {
        case 4: k = memcmp(a->name, "name", 4) == 0 ? A_NAME : -1; break;
        case 5: k = memcmp(a->name, "value", 5) == 0 ? A_VALUE : -1; break;
        case 7: k = memcmp(a->name, "content", 7) == 0 ? A_CONTENT : -1; break;
        case 8:
            k = memcmp(a->name, "property", 8) == 0   ? A_PROPERTY
                : memcmp(a->name, "itemprop", 8) == 0 ? A_ITEMPROP
                : memcmp(a->name, "datetime", 8) == 0 ? A_DATETIME
                                                      : -1;
            break;
        case 10: k = memcmp(a->name, "http-equiv", 10) == 0 ? A_EQUIV : -1; break;
        default: break;
        }
        if (k >= 0 && !at[k])
            at[k] = a;
    }
#define ATTR_VALUE(a) ((a)->value ? (a)->value : "")
    size_t kl = 0, vl = 0;
    const char *key = NULL;
    for (int k = A_PROPERTY; k <= A_ITEMPROP && !kl; k++)
        if (at[k]) {
            key = ATTR_VALUE(at[k]);
            kl = at[k]->value_len;
        }
    const char *val = NULL;
    for (int k = A_CONTENT; k <= A_DATETIME && !val; k++)
        if (at[k]) {
            val = ATTR_VALUE(at[k]);
            vl = at[k]->value_len;
        }
    if (!kl)
        key = NULL;
    const char *itemprop_value = at[A_ITEMPROP] ? ATTR_VALUE(at[A_ITEMPROP]) : NULL;
#undef ATTR_VALUE
    if (at[A_EQUIV] && val &&
        wn_meta_ieq(at[A_EQUIV]->value ? at[A_EQUIV]->value : "", at[A_EQUIV]->value_len,
                    "content-language")) {
        char norm[16];
        size_t l = wn_lang_normalise(val, vl, norm);
        if (l)
            wn_slot_offer_raw(c, &c->lang, norm, l, 40);
        return;
    }
    if (!key || !val || !vl)
        return;
    /* "og:title" and "OG:Title"; RDFa pages name several properties at
     * once, "property='og:title twitter:title'": each says it; itemprop
     * and name are read by their first word */
    bool itemprop = itemprop_value && itemprop_value == key;
    /* (asked only for the properties read below: most itemprops of a page
     * are a breadcrumb's or an offer's) */
    if (itemprop &&
        (wn_meta_iprefix(key, kl, "date") || wn_meta_iprefix(key, kl, "headline") ||
         wn_meta_icontains(key, kl, "author")) &&
        in_listed_item(n))
        return;
    /* a name is one name ("Updated Date" is no date's), its first word
     * read as before */
    bool list = at[A_PROPERTY] && key == at[A_PROPERTY]->value;
    for (size_t i = 0; i < kl;) {
        while (i < kl && (key[i] == ' ' || (key[i] >= '\t' && key[i] <= '\r')))
            i++;
        size_t e = i;
        while (e < kl && !(key[e] == ' ' || (key[e] >= '\t' && key[e] <= '\r')))
            e++;
        if (e > i)
            read_meta_key(c, key + i, e - i, val, vl, itemprop);
        i = list ? e : kl;
    }
}

/* What one <meta> name says (read_meta), an itemprop's when itemprop. */
static void
read_meta_key(wn_meta_cands *c, const char *key, size_t kl, const char *val, size_t vl,
              bool itemprop)
{
    if (itemprop) {
        if (wn_meta_ieq(key, kl, "headline"))
            wn_slot_offer_raw(c, &c->title_micro, val, vl, WN_SRC_MICRODATA);
        else if (wn_meta_ieq(key, kl, "datePublished") || wn_meta_ieq(key, kl, "dateCreated"))
            wn_cands_date(c, false, val, vl, WN_SRC_MICRODATA, true);
        else if (wn_meta_ieq(key, kl, "dateModified"))
            wn_cands_date(c, true, val, vl, WN_SRC_MICRODATA, true);
        else if (wn_meta_ieq(key, kl, "author") && !wn_meta_iprefix(val, vl, "http"))
            wn_cands_author(c, val, vl, WN_SRC_MICRODATA);
        else if (wn_meta_ieq(key, kl, "image") || wn_meta_ieq(key, kl, "thumbnailUrl"))
            wn_slot_offer_raw(c, &c->image, val, vl, WN_SRC_MICRODATA - 20);
        else if (wn_meta_ieq(key, kl, "inLanguage")) {
            char norm[16];
            size_t l = wn_lang_normalise(val, vl, norm);
            if (l)
                wn_slot_offer_raw(c, &c->lang, norm, l, 45);
        }
        return;
    }
    /* JSON-LD a framework writes into a <meta> for a script it renders on
     * the client: read as the <script> would be */
    if (wn_meta_ieq(key, kl, "script:ld+json")) {
        wn_jsonld_read(c, val, vl);
        return;
    }
    /* twitter:label1 "Written by" + twitter:data1 "Jane Doe" */
    if (wn_meta_iprefix(key, kl, "twitter:label") && kl == 14) {
        c->twitter_author_label = (wn_meta_icontains(val, vl, "written") ||
                                   wn_meta_icontains(val, vl, "author") ||
                                   wn_meta_icontains(val, vl, "by"))
                                      ? key[13]
                                      : 0;
        return;
    }
    if (wn_meta_iprefix(key, kl, "twitter:data") && kl == 13) {
        if (c->twitter_author_label && key[12] == c->twitter_author_label)
            wn_cands_author(c, val, vl, WN_SRC_META);
        return;
    }
    bool scholarly =
        wn_meta_ieq(key, kl, "citation_author") || wn_meta_ieq(key, kl, "citation_authors");
    if (scholarly || wn_meta_ieq(key, kl, "dc.creator") || wn_meta_ieq(key, kl, "dc:creator")) {
        /* "Doe, Jane" -> "Jane Doe" */
        const char *comma = memchr(val, ',', vl);
        if (comma && !memchr(comma + 1, ',', vl - (size_t)(comma + 1 - val)) &&
            !memchr(val, ' ', (size_t)(comma - val))) {
            size_t a = (size_t)(comma - val);
            size_t b0 = a + 1;
            while (b0 < vl && val[b0] == ' ')
                b0++;
            char *sw = wn_arena_alloc(c->arena, vl + 2);
            if (sw && b0 < vl) {
                memcpy(sw, val + b0, vl - b0);
                sw[vl - b0] = ' ';
                memcpy(sw + vl - b0 + 1, val, a);
                if (scholarly)
                    cands_author_each(c, sw, vl - b0 + 1 + a, WN_SRC_META + 1);
                else
                    wn_cands_author(c, sw, vl - b0 + 1 + a, WN_SRC_META);
                return;
            }
        }
    }
    if (scholarly) {
        if (!wn_meta_icontains(val, vl, "http") && !wn_meta_icontains(val, vl, "www."))
            cands_author_each(c, val, vl, WN_SRC_META + 1);
        return;
    }
    bool og = wn_meta_iprefix(key, kl, "og:") || wn_meta_iprefix(key, kl, "article:") ||
              wn_meta_iprefix(key, kl, "twitter:");
    int src = og ? WN_SRC_OG : WN_SRC_META;
    char norm[16];
    size_t l;
    switch (meta_key_of(key, kl)) {
    case MK_OG_TITLE: wn_slot_offer_raw(c, &c->title_og, val, vl, WN_SRC_OG); break;
    case MK_TWITTER_TITLE: wn_slot_offer_raw(c, &c->title_og, val, vl, WN_SRC_OG - 1); break;
    case MK_TITLE: wn_slot_offer_raw(c, &c->title_meta, val, vl, WN_SRC_META); break;
    case MK_OG_SITE: wn_slot_offer_raw(c, &c->site, val, vl, 80); break;
    case MK_APP_NAME: wn_slot_offer_raw(c, &c->site, val, vl, WN_SRC_META); break;
    case MK_OG_DESCRIPTION: wn_slot_offer_raw(c, &c->description, val, vl, WN_SRC_OG); break;
    case MK_DESCRIPTION: wn_slot_offer_raw(c, &c->description, val, vl, WN_SRC_META); break;
    case MK_OG_IMAGE: wn_slot_offer_raw(c, &c->image, val, vl, WN_SRC_OG); break;
    case MK_TWITTER_IMAGE: wn_slot_offer_raw(c, &c->image, val, vl, WN_SRC_OG - 1); break;
    case MK_IMAGE_ALT: wn_slot_offer_raw(c, &c->image_caption, val, vl, WN_SRC_META - 5); break;
    case MK_OG_LOCALE:
        if ((l = wn_lang_normalise(val, vl, norm)))
            wn_slot_offer_raw(c, &c->lang, norm, l, 35);
        break;
    case MK_LANGUAGE:
        if ((l = wn_lang_normalise(val, vl, norm)))
            wn_slot_offer_raw(c, &c->lang, norm, l, 38);
        break;
    case MK_OG_TYPE:
        if (wn_meta_iprefix(val, vl, "article"))
            wn_slot_offer_raw(c, &c->page_kind, "article", 7, WN_SRC_OG);
        break;
    case MK_OG_URL: wn_slot_offer_raw(c, &c->canonical, val, vl, WN_SRC_OG); break;
    case MK_PUB_DATE: wn_cands_date(c, false, val, vl, src, true); break;
    case MK_PUB_NAMED: wn_cands_date(c, false, val, vl, src - 2, true); break;
    case MK_MOD_NAMED: wn_cands_date(c, true, val, vl, src - 2, true); break;
    case MK_MOD_DATE: wn_cands_date(c, true, val, vl, src, true); break;
    case MK_AUTHOR:
        if (wn_meta_icontains(val, vl, "http") || wn_meta_icontains(val, vl, "www."))
            break;
        /* OpenGraph's article:author is an array: one tag per writer */
        if (wn_meta_ieq(key, kl, "article:author") || wn_meta_ieq(key, kl, "og:article:author"))
            cands_author_each(c, val, vl, src);
        else
            wn_cands_author(c, val, vl, src);
        break;
    case MK_SECTION: wn_slot_offer_raw(c, &c->section, val, vl, src); break;
    case MK_ARTICLE_TAG: wn_cands_tags(c, val, vl, WN_SRC_OG); break;
    case MK_KEYWORDS: wn_cands_tags(c, val, vl, WN_SRC_META); break;
    default: break;
    }
}

/* Is v[at] inside a bracketed value of a utility class
 * ("lg:mr-[--sidebar-width]", "w-[calc(100%-var(--sidebar))]"): a
 * measurement that mentions a region, not the region? */
static bool
in_arbitrary_value(const unsigned char *v, size_t at)
{
    for (size_t i = at; i > 0; i--) {
        unsigned char ch = v[i - 1];
        if (ch == ' ' || ch == ']')
            return false;
        if (ch == '[')
            return true;
    }
    return false;
}

/* Is the match at v[at] (ASCII case-insensitively) a layout modifier's object: "withSidebar",
 * "has-sidebar", "no-comments" name a wrapper that holds (or lacks) the
 * region, not the region? The token's text before the match ends in
 * "with", "has" or "no", a '-' or '_' allowed after it. */
static bool
after_modifier(const unsigned char *v, size_t at)
{
    size_t e = at;
    if (e && (v[e - 1] == '-' || v[e - 1] == '_'))
        e--;
    if (e && (v[e - 1] == '-' || v[e - 1] == '_'))
        e--; /* "p-body--with-sidebar" */
    static const char *const mods[] = {"with", "has", "no"};
    for (size_t k = 0; k < sizeof mods / sizeof mods[0]; k++) {
        size_t ml = strlen(mods[k]);
        if (e < ml)
            continue;
        size_t j = 0;
        while (j < ml && (v[e - ml + j] | 0x20) == (unsigned char)mods[k][j])
            j++;
        if (j < ml)
            continue;
        /* the modifier starts its token or a part of it */
        size_t b = e - ml;
        if (!b || v[b - 1] == ' ' || v[b - 1] == '-' || v[b - 1] == '_')
            return true;
    }
    return false;
}

/* Which of the attributes attr_word_bits reads is this one (a bit), or 0. */
static unsigned
word_attr_bit(const char *name, size_t len)
{
    switch (len) {
    case 2: return memcmp(name, "id", 2) == 0 ? 1u : 0u;
    case 3: return memcmp(name, "rel", 3) == 0 ? 2u : 0u;
    case 5: return memcmp(name, "class", 5) == 0 ? 4u : 0u;
    case 8: return memcmp(name, "itemprop", 8) == 0 ? 8u : 0u;
    case 11: return memcmp(name, "data-testid", 11) == 0 ? 16u : 0u;
    default: return 0;
    }
}

/* Words looked for in class, id, rel, itemprop and data-testid values
 * (attr_word_bits): lower case, starting with two letters. */
static const char *const byline_words[] = {"author", "byline", "writer", "autor", "auteur",
                                           "username", "user-name", "poster", "posted-by",
                                           "postedby", "submitted-by", "creator"};
static const char *const excluded_words[] = {"comment", "related", "recommend", "sidebar",
                                             "footer", "widget", "popular", "more-from"};
static const char *const date_words[] = {"date", "time", "publish", "posted", "dateline",
                                         "datum", "fecha"};

/* What the class, id, rel, itemprop and data-testid values of an element
 * say: a bit per word list above with a word contained in one of them. */
enum { AW_EXCLUDED = 1, AW_BYLINE = 2, AW_DATE = 4 };

/* The words of the three lists grouped by first letter, so one scan of a
 * value tests every list: at each position only the words starting with
 * that letter are compared. Most positions stop at one test: the letters
 * there and after, looked up in a table of the 256 bytes (1..26, 0 for any
 * other byte), must be the first two letters of a word (pair[]; row and
 * column 0 are empty). */
#define AW_MAX_WORDS 64
typedef struct aw_tables {
    struct {
        const char *w;
        uint8_t len;
        uint8_t bit;
    } e[AW_MAX_WORDS];
    uint8_t start[27]; /* e[start[c]..start[c + 1]): words starting with 'a' + c */
    uint8_t letter[256];   /* 'a' or 'A' -> 1 .. 'z' or 'Z' -> 26, any other byte 0 */
    uint8_t pair[27 * 27]; /* [letter(a) * 27 + letter(b)]: a word starts with a, b */
} aw_tables;
_Static_assert(sizeof excluded_words / sizeof excluded_words[0] +
                       sizeof byline_words / sizeof byline_words[0] +
                       sizeof date_words / sizeof date_words[0] <=
                   AW_MAX_WORDS,
               "every attribute word has a place in aw_tables");

/* The tables of a walk (built once per process: on a small page building
 * them cost as much as the scans), and the values it has seen. */
#define AW_MEMO 128 /* power of two */
typedef struct attr_words {
    const aw_tables *t;
    struct aw_memo {       /* values seen, by a hash of their length and three bytes */
        const unsigned char *v;
        uint16_t len;      /* 0: empty slot */
        uint8_t bits;
    } memo[AW_MEMO];
    aw_tables own;         /* while another thread builds the shared tables */
} attr_words;

static aw_tables aw_shared;
static atomic_int aw_state; /* 0 not built, 1 being built, 2 ready */

static void
aw_build(aw_tables *aw)
{
    static const struct {
        const char *const *words;
        size_t count;
        unsigned bit;
    } lists[] = {
        {excluded_words, sizeof excluded_words / sizeof excluded_words[0], AW_EXCLUDED},
        {byline_words, sizeof byline_words / sizeof byline_words[0], AW_BYLINE},
        {date_words, sizeof date_words / sizeof date_words[0], AW_DATE},
    };
    size_t n = 0;
    memset(aw->start, 0, sizeof aw->start);
    memset(aw->letter, 0, sizeof aw->letter);
    for (int c = 0; c < 26; c++)
        aw->letter['a' + c] = aw->letter['A' + c] = (uint8_t)(c + 1);
    memset(aw->pair, 0, sizeof aw->pair);
    for (int c = 0; c < 26; c++) {
        aw->start[c] = (uint8_t)n;
        for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++)
            for (size_t i = 0; i < lists[k].count; i++) {
                const char *w = lists[k].words[i];
                if (w[0] == 'a' + c && n < AW_MAX_WORDS) {
                    aw->e[n].w = w;
                    aw->e[n].len = (uint8_t)strlen(w);
                    aw->e[n].bit = (uint8_t)lists[k].bit;
                    if (w[1] >= 'a' && w[1] <= 'z')
                        aw->pair[(c + 1) * 27 + (w[1] - 'a' + 1)] = 1;
                    n++;
                }
            }
    }
    aw->start[26] = (uint8_t)n;
}

/* The shared tables when built (the first caller builds them; one that
 * comes while they are being built builds its own copy instead of
 * waiting), and an empty memo. */
static void
attr_words_init(attr_words *aw)
{
    memset(aw->memo, 0, sizeof aw->memo);
    aw->t = &aw_shared;
    if (atomic_load_explicit(&aw_state, memory_order_acquire) == 2)
        return;
    int expected = 0;
    if (atomic_compare_exchange_strong_explicit(&aw_state, &expected, 1, memory_order_acq_rel,
                                                memory_order_acquire)) {
        aw_build(&aw_shared);
        atomic_store_explicit(&aw_state, 2, memory_order_release);
    } else if (expected != 2) {
        aw_build(&aw->own);
        aw->t = &aw->own;
    }
}

/* "widget" inside a token ("builder-widget-container", a page
 * builder's block around any content, the article's included) is no
 * widget area; a token that starts with it ("widget", "widget_recent")
 * is. */
static bool
inner_widget(const unsigned char *v, size_t p, const char *w)
{
    return w[0] == 'w' && strcmp(w, "widget") == 0 && p > 0 && v[p - 1] != ' ' &&
           v[p - 1] != '\t' && v[p - 1] != '\n';
}

/* "author" going on as "authority", "authorization", "authorise" (a
 * permissions widget or a library's "Authority control" box), and "autor"
 * going on as "autorefs", "autoreload" (automatic cross-references): no
 * byline. */
static bool
author_derived(const unsigned char *v, size_t l, size_t p, const char *w)
{
    /* "autorefs", "autoreload", "autoreply", "autorun", "autorotate",
     * "autoresize": "auto" before an English word, not the writer's
     * "autor" ("autores", "autorin" stay) */
    if (w[0] == 'a' && strcmp(w, "autor") == 0 && p + 7 <= l) {
        unsigned a = v[p + 5] | 0x20, b = v[p + 6] | 0x20;
        if ((a == 'e' && (b == 'f' || b == 'l' || b == 'p')) || (a == 'u' && b == 'n') ||
            (a == 'o' && b == 't') ||
            (a == 'e' && b == 's' && p + 8 <= l && (v[p + 7] | 0x20) == 'i'))
            return true;
    }
    if (w[0] != 'a' || strcmp(w, "author") != 0)
        return false;
    /* "author-description", "author_bio": what the writer does, not her
     * name */
    size_t q = p + 6;
    if (q < l && (v[q] == '-' || v[q] == '_'))
        q++;
    if ((q + 3 <= l && (v[q] | 0x20) == 'b' && (v[q + 1] | 0x20) == 'i' &&
         (v[q + 2] | 0x20) == 'o') ||
        (q + 4 <= l && (v[q] | 0x20) == 'd' && (v[q + 1] | 0x20) == 'e' &&
         (v[q + 2] | 0x20) == 's' && (v[q + 3] | 0x20) == 'c'))
        return true;
    if (p + 8 > l)
        return false;
    unsigned a = v[p + 6] | 0x20, b = v[p + 7] | 0x20;
    return a == 'i' && (b == 't' || b == 'z' || b == 's');
}

/* bits | the AW_* bits of the words at v[p] (p + 1 < l), whose first two
 * bytes are a word's first two letters (of either case), the first 'a' + c. */
static inline unsigned
words_at(const aw_tables *aw, const unsigned char *v, size_t l, size_t p, unsigned c,
         unsigned bits)
{
    for (size_t k = aw->start[c]; k < aw->start[c + 1]; k++) {
        size_t wl = aw->e[k].len;
        if (wl > l - p || (bits & aw->e[k].bit))
            continue;
        const char *w = aw->e[k].w;
        size_t j = 1;
        while (j < wl && (v[p + j] >= 'A' && v[p + j] <= 'Z' ? v[p + j] + 32 : v[p + j]) ==
                             (unsigned char)w[j])
            j++;
        if (j == wl &&
            !(aw->e[k].bit == AW_EXCLUDED &&
              (after_modifier(v, p) || inner_widget(v, p, w) || in_arbitrary_value(v, p))) &&
            !author_derived(v, l, p, w))
            bits |= aw->e[k].bit;
    }
    return bits;
}

/* The AW_* bits of one value (v[0..l)): the words at each position p with
 * p + 1 < l, where the two letters there start a word. */
static unsigned
value_word_bits(const aw_tables *aw, const unsigned char *v, size_t l)
{
    unsigned bits = 0;
    if (l < 2)
        return 0;
    unsigned next = aw->letter[v[0]];
    for (const unsigned char *q = v, *end = v + l - 1; q < end; q++) {
        unsigned c = next;
        next = aw->letter[q[1]];
        if (aw->pair[c * 27 + next])
            bits = words_at(aw, v, l, (size_t)(q - v), c - 1, bits);
    }
    return bits;
}

/* The AW_* bits of an element (the first attribute of each name counts, as
 * wn_node_attr finds it; of a value over 200 bytes the first 200). The word
 * lists are lower case and start with a letter. With itemprop, the first
 * itemprop attribute is set there too (left alone when there is none). */
static unsigned
attr_word_bits_ip(attr_words *aw, const wn_node *n, const wn_attr **itemprop)
{
    if (n->type != WN_NODE_ELEMENT)
        return 0;
    unsigned seen = 0, bits = 0;
    for (uint32_t i = 0; i < n->n_attrs; i++) {
        const wn_attr *a = &n->attrs[i];
        if (a->ns != WN_ATTR_NS_NONE)
            continue;
        unsigned abit = word_attr_bit(a->name, a->name_len);
        if (!abit || (seen & abit))
            continue;
        seen |= abit;
        if (abit == 8 && itemprop) /* the first itemprop, for the caller */
            *itemprop = a;
        size_t l = a->value_len;
        if (!a->value || !l)
            continue;
        /* long utility-class lists: their first 200 bytes are read */
        if (l > 200)
            l = 200;
        const unsigned char *v = (const unsigned char *)a->value;
        /* pages repeat their class values: the memo answers most of them */
        size_t h = (l * 31u + v[0] * 7u + v[l - 1] * 13u + v[l / 2]) & (AW_MEMO - 1);
        struct aw_memo *m = &aw->memo[h];
        if (m->len == l && memcmp(m->v, v, l) == 0) {
            bits |= m->bits;
            continue;
        }
        unsigned vb = value_word_bits(aw->t, v, l);
        m->v = v;
        m->len = (uint16_t)l;
        m->bits = (uint8_t)vb;
        bits |= vb;
    }
    return bits;
}

static unsigned
attr_word_bits(attr_words *aw, const wn_node *n)
{
    return attr_word_bits_ip(aw, n, NULL);
}

/* t, or nothing when it is over max bytes (gathered up to max + 1). */
static wn_str
at_most(wn_str t, size_t max)
{
    if (t.ptr && t.len > max)
        t.ptr = NULL;
    return t;
}

/* Text of an element cheaply: NULL when it is long (not a byline). */
static wn_str
short_text(wn_arena *a, const wn_node *n, size_t max)
{
    return at_most(wn_meta_node_text(a, n, max + 1), max);
}

/* A byline's text: elements side by side are separate words. */
static wn_str
byline_text(wn_arena *a, const wn_node *n, size_t max)
{
    return at_most(wn_meta_node_text_split(a, n, max + 1), max);
}

typedef struct walk_state {
    const wn_node *skip_region; /* comments, related lists: no bylines here */
    const wn_node *dropped;     /* a form or a dialog: no bylines there */
    const wn_node *landmark;    /* <nav>, <aside>, <footer> */
    const wn_node *noscript;    /* inside a <noscript> of the body: authors only */
    const wn_node *article;     /* the outermost <article> we are in */
    const wn_node *wrapper;     /* a layout wrapper named like a region */
    wn_node *root;              /* the document, for page_main */
    const wn_dom *dom;          /* its tags, for page_main */
    const wn_node *main_node;   /* page_main's answer */
    bool main_searched;
    bool in_landmark;
    bool in_body;
    bool saw_visible_author;
    bool saw_visible_date;
    /* the clean stage's text figures (clean.h): a text it found blank
     * (figure 1) is passed over without reading its bytes */
    const uint32_t *text_chars;
    uint32_t n_text_chars;
} walk_state;

/* Is n inside an item whose author is not the page's: a reply (a Comment
 * or an Answer) or a picture, a video or a sound the page carries (an
 * ImageObject's creator is its photographer), by the item's itemtype or
 * the itemprop that links it? Visible bylines look for the media only
 * (replies=false): a forum may mark every post, the first too, a Comment. */
static bool
in_foreign_item(const wn_node *n, bool replies)
{
    /* replies first: media only skips them */
    static const char *const types[] = {"/Comment",     "/Answer",      "/ImageObject",
                                        "/VideoObject", "/AudioObject", "/MediaObject",
                                        "/Photograph"};
    static const char *const props[] = {"comment", "answer", "image", "video", "photo",
                                        "logo",    "associatedMedia"};
    size_t k0 = replies ? 0 : 2;
    /* a picture's credit sits a few levels inside its item: the visible
     * byline test (any element named like a byline) looks no further */
    size_t up = replies ? SIZE_MAX : 16;
    for (const wn_node *p = n->parent; p && p->type == WN_NODE_ELEMENT && up; p = p->parent, up--) {
        if (!wn_node_has_attr(p, "itemscope"))
            continue;
        size_t l = 0;
        const char *t = wn_node_attr(p, "itemtype", &l);
        for (size_t k = k0; t && k < sizeof types / sizeof types[0]; k++)
            if (wn_meta_icontains(t, l, types[k]))
                return true;
        const char *ip = wn_node_attr(p, "itemprop", &l);
        for (size_t k = k0; ip && k < sizeof props / sizeof props[0]; k++)
            if (wn_meta_icontains(ip, l, props[k]))
                return true;
        return false; /* the nearest item decides */
    }
    return false;
}

/* Is the item n belongs to one entry of a list of items: inside a Blog,
 * an ItemList, a CollectionPage or a SearchResultsPage item that holds
 * another item of its type ("Related posts" as a Blog of BlogPostings)?
 * Its dates are a teaser's, not the page's. A theme that marks <body> a
 * Blog around the one post it shows lists nothing. */
#define LISTED_SCAN_MAX 4096 /* elements looked at for a second item */
static bool
in_listed_item(const wn_node *n)
{
    static const char *const lists[] = {"/Blog", "/ItemList", "/CollectionPage",
                                        "/SearchResultsPage"};
    const wn_node *item = NULL;
    const char *type = NULL;
    size_t type_len = 0;
    for (const wn_node *p = n->parent; p && p->type == WN_NODE_ELEMENT; p = p->parent) {
        if (!wn_node_has_attr(p, "itemscope"))
            continue;
        size_t l = 0;
        const char *t = wn_node_attr(p, "itemtype", &l);
        if (!item) {
            if (!t || !l)
                return false;
            item = p, type = t, type_len = l;
            continue;
        }
        bool list = false;
        for (size_t k = 0; t && k < sizeof lists / sizeof lists[0] && !list; k++) {
            size_t kl = strlen(lists[k]);
            for (size_t i = 0; i + kl <= l && !list; i++)
                list = t[i] == '/' && wn_meta_iprefix(t + i, l - i, lists[k]) &&
                       (i + kl == l || t[i + kl] == ' ');
        }
        if (!list)
            continue;
        /* another item of the same type in the list */
        wn_walk w;
        wn_node *m;
        bool enter;
        size_t budget = LISTED_SCAN_MAX;
        wn_walk_init(&w, (wn_node *)p);
        while (budget && wn_walk_next(&w, &m, &enter)) {
            if (!enter || m->type != WN_NODE_ELEMENT)
                continue;
            budget--;
            if (m == item) {
                wn_walk_skip_children(&w);
                continue;
            }
            size_t ml = 0;
            const char *mt = wn_node_attr(m, "itemtype", &ml);
            if (mt && ml == type_len && memcmp(mt, type, ml) == 0 &&
                wn_node_has_attr(m, "itemscope"))
                return true;
        }
        return false;
    }
    return false;
}

static void
read_microdata(wn_meta_cands *c, const wn_node *n, const char *ip, size_t il)
{
    if (wn_node_is(n, WN_TAG_META) || wn_node_is(n, WN_TAG_LINK))
        return;
    bool date = wn_meta_ieq(ip, il, "datePublished") || wn_meta_ieq(ip, il, "dateModified") ||
                wn_meta_ieq(ip, il, "dateCreated");
    if ((date || wn_meta_ieq(ip, il, "headline") || wn_meta_icontains(ip, il, "author") ||
         wn_meta_icontains(ip, il, "creator")) &&
        in_listed_item(n))
        return;
    if (wn_meta_ieq(ip, il, "headline")) {
        /* a theme's header marks the site's name, linked home, as its
         * headline: the site's name, not the page's title */
        wn_str t = short_text(c->arena, n, 400);
        if (t.ptr && wn_title_links_home(c->arena, n))
            wn_slot_offer(&c->site, t, WN_SRC_VISIBLE);
        else if (t.ptr)
            wn_slot_offer(&c->title_micro, t, WN_SRC_MICRODATA);
    } else if (wn_meta_icontains(ip, il, "author") || wn_meta_icontains(ip, il, "creator")) {
        if (in_foreign_item(n, true))
            return;
        /* <span itemprop=author itemscope><span itemprop=name>Jane</span> */
        const wn_node *name = NULL;
        wn_walk w;
        wn_node *m;
        bool e;
        wn_walk_init(&w, (wn_node *)n);
        while (wn_walk_next(&w, &m, &e))
            if (e && m != n && m->type == WN_NODE_ELEMENT) {
                size_t l;
                const char *v = wn_node_attr(m, "itemprop", &l);
                if (v && wn_meta_ieq(v, l, "name")) {
                    name = m;
                    break;
                }
            }
        size_t cl = 0;
        const char *content = wn_node_attr(name ? name : n, "content", &cl);
        if (content && cl) {
            wn_cands_author(c, content, cl, WN_SRC_MICRODATA);
        } else {
            wn_str t = byline_text(c->arena, name ? name : n, 200);
            if (t.ptr)
                wn_cands_author(c, t.ptr, t.len, WN_SRC_MICRODATA);
        }
    } else if (date) {
        bool mod = wn_meta_ieq(ip, il, "dateModified");
        size_t l = 0;
        const char *v = wn_node_attr(n, "datetime", &l);
        if (!v)
            v = wn_node_attr(n, "content", &l);
        if (v) {
            wn_cands_date(c, mod, v, l, WN_SRC_MICRODATA, true);
        } else {
            wn_str t = short_text(c->arena, n, 100);
            if (t.ptr)
                wn_cands_date(c, mod, t.ptr, t.len, WN_SRC_MICRODATA, false);
        }
    }
}

/* The page's main element: the first <main> or <article> (looked for
 * once, on the first question). */
static const wn_node *
page_main(walk_state *st)
{
    if (st->main_searched)
        return st->main_node;
    st->main_searched = true;
    if (st->dom && !wn_dom_made(st->dom, WN_TAG_MAIN) && !wn_dom_made(st->dom, WN_TAG_ARTICLE))
        return NULL; /* no walk through a page that has neither */
    wn_walk w;
    wn_node *m;
    bool e;
    wn_walk_init(&w, st->root);
    while (wn_walk_next(&w, &m, &e))
        if (e && (wn_node_is(m, WN_TAG_MAIN) || wn_node_is(m, WN_TAG_ARTICLE))) {
            st->main_node = m;
            break;
        }
    return st->main_node;
}

/* Does n hold the page's main element? */
static bool
holds_main(walk_state *st, const wn_node *n)
{
    const wn_node *m = page_main(st);
    for (const wn_node *p = m ? m->parent : NULL; p; p = p->parent)
        if (p == n)
            return true;
    return false;
}

/* Does a region start at n that holds no byline of the page: comments,
 * related lists (by class), navigation, and footers and asides outside an
 * <article> (inside one they belong to it: its writer, its date)? `words`:
 * attr_word_bits of n. */
static inline bool
skip_region_at(const walk_state *st, const wn_node *n, unsigned words)
{
    /* most elements: no region word and no landmark tag */
    if (!(words & AW_EXCLUDED) && n->tag != WN_TAG_NAV && n->tag != WN_TAG_FOOTER &&
        n->tag != WN_TAG_ASIDE)
        return false;
    /* the whole page is no region, whatever its layout classes say
     * ("sidebar-right-only") */
    if (wn_node_is(n, WN_TAG_BODY) || wn_node_is(n, WN_TAG_HTML) || wn_node_is(n, WN_TAG_MAIN))
        return false;
    if (wn_node_is(n, WN_TAG_NAV))
        return true;
    /* a footer or aside that says it is the author box is one */
    if (!st->article && (wn_node_is(n, WN_TAG_FOOTER) || wn_node_is(n, WN_TAG_ASIDE)) &&
        !(words & AW_BYLINE))
        return true;
    return (words & AW_EXCLUDED) != 0;
}

/* A class-named region that holds the page's <main> or <article> is a
 * layout wrapper ("content-sidebar-wrap"), not the sidebar: its bylines
 * and dates are the page's. (Its headline microdata stays unread, as
 * before: a theme's heading there is not the title more often than it
 * is.) */
static bool
layout_wrapper(walk_state *st, const wn_node *n, unsigned words)
{
    return (words & AW_EXCLUDED) && !st->article && !wn_node_is(n, WN_TAG_NAV) &&
           !wn_node_is(n, WN_TAG_FOOTER) && !wn_node_is(n, WN_TAG_ASIDE) && holds_main(st, n);
}

/* A form, a dialog or a button (that clean dropped): a sign-in box's
 * "Continue as creator" or a search form's "Filter by author" is no
 * byline. */
static bool
interactive(const wn_node *n)
{
    if (wn_node_is(n, WN_TAG_FORM) || wn_node_is(n, WN_TAG_DIALOG) || wn_node_is(n, WN_TAG_BUTTON))
        return true;
    size_t l = 0;
    const char *r = wn_node_attr(n, "role", &l);
    if (r && (wn_meta_ieq(r, l, "dialog") || wn_meta_ieq(r, l, "alertdialog")))
        return true;
    const char *m = wn_node_attr(n, "aria-modal", &l);
    return m && wn_meta_ieq(m, l, "true");
}

/* The node after n in document order: its first child when `descend` and
 * it is an element other than a script or a style, else the next node
 * outside it; NULL at the document's end. */
static const wn_node *
next_in_order(const wn_node *n, bool descend)
{
    if (descend && n->first_child && n->type == WN_NODE_ELEMENT &&
        !wn_node_is(n, WN_TAG_SCRIPT) && !wn_node_is(n, WN_TAG_STYLE))
        return n->first_child;
    while (n && !n->next)
        n = n->parent;
    return n ? n->next : NULL;
}

/* A byline's date: the few short texts from the byline element on, in
 * document order ("<p>Written by <a>Jane Doe</a></p><p>April 8,
 * 2024</p>", "<div class=author><p>Jane Doe</p><small>Dec 17,
 * 2025</small>"), when no date the page prints has been read yet. */
#define BYLINE_DATE_TEXTS 4
static bool blank_text(const wn_node *t);
static void
date_near_byline(wn_meta_cands *c, walk_state *st, const wn_node *el)
{
    if (st->saw_visible_date || c->date_vis.src >= WN_SRC_VISIBLE)
        return;
    const wn_node *n = el;
    int texts = 0, steps = 0;
    while (n && texts < BYLINE_DATE_TEXTS && steps++ < 64) {
        if (!(n = next_in_order(n, true)))
            break;
        if (n->type != WN_NODE_TEXT || blank_text(n))
            continue;
        texts++;
        if (n->len > 120)
            continue;
        wn_cands_date(c, false, n->data, n->len, WN_SRC_VISIBLE, false);
        if (c->date_vis.src == WN_SRC_VISIBLE) {
            st->saw_visible_date = true;
            return;
        }
    }
}

static bool has_text(const wn_node *n);

/* Does a link's href lead to an author's page: a path segment "author" or
 * "authors" followed by another ("/author/jane-doe/")? */
static bool
author_href(const wn_node *n)
{
    size_t l = 0;
    const char *v = wn_node_attr(n, "href", &l);
    if (!v || l < 9)
        return false;
    /* most links: a few fast searches for the letter u */
    bool uthor = false;
    for (const char *p = v, *end = v + l; !uthor && (p = memchr(p, 'u', (size_t)(end - p))); p++)
        uthor = end - p >= 5 && memcmp(p, "uthor", 5) == 0;
    if (!uthor)
        return false;
    for (size_t i = 0; i + 8 <= l; i++) {
        if (v[i] != '/' || (v[i + 1] | 0x20) != 'a')
            continue;
        size_t w = i + 1;
        while (w < l && v[w] != '/' && v[w] != '?' && v[w] != '#')
            w++;
        if (w >= l || v[w] != '/' ||
            !(wn_meta_ieq(v + i + 1, w - i - 1, "author") ||
              wn_meta_ieq(v + i + 1, w - i - 1, "authors")))
            continue;
        return w + 1 < l && v[w + 1] != '?' && v[w + 1] != '#';
    }
    return false;
}

/* Is the link an item of a menu: inside an <li> (up to two levels) whose
 * list has four items or more? */
static bool
in_menu(const wn_node *n)
{
    const wn_node *li = n->parent;
    if (li && !wn_node_is(li, WN_TAG_LI))
        li = li->parent;
    if (!li || !wn_node_is(li, WN_TAG_LI) || !li->parent)
        return false;
    size_t items = 0;
    for (const wn_node *k = li->parent->first_child; k && items < 4; k = k->next)
        items += k->type == WN_NODE_ELEMENT && wn_node_is(k, WN_TAG_LI);
    return items >= 4;
}

/* A link to an author's page that names someone: its parent's text when
 * short (the names of several writers side by side), else its own. Out
 * of line: asked of most links of a page, it keeps the walk's loop small. */
static __attribute__((noinline)) void
link_author(wn_meta_cands *c, const wn_node *n)
{
    if (!author_href(n) || in_foreign_item(n, false))
        return;
    wn_str own = byline_text(c->arena, n, 120);
    if (!own.ptr || !has_text(n) || in_menu(n))
        return;
    wn_str t = {0};
    if (n->parent && !wn_node_is(n->parent, WN_TAG_BODY))
        t = byline_text(c->arena, n->parent, 250);
    wn_cands_author(c, t.ptr ? t.ptr : own.ptr, t.ptr ? t.len : own.len, WN_SRC_VISIBLE - 1);
}

/* Visible byline: class/id/rel/itemprop says author or byline. */
static inline void
visible_author(wn_meta_cands *c, walk_state *st, const wn_node *n, unsigned words)
{
    /* a link to an author's page that names someone: its parent's text
     * when short (the names of several writers side by side), else its
     * own. Weaker than a byline the markup or a label names. */
    if (!(words & AW_BYLINE) && wn_node_is(n, WN_TAG_A) && !st->saw_visible_author &&
        c->vis_authors_src < WN_SRC_VISIBLE - 1) {
        link_author(c, n);
        return;
    }
    /* the word first: few elements have it */
    if ((words & AW_BYLINE) && !st->saw_visible_author && c->vis_authors_src < WN_SRC_VISIBLE &&
        !wn_node_is(n, WN_TAG_BODY) && !wn_node_is(n, WN_TAG_HTML) &&
        !in_foreign_item(n, false)) {
        wn_str t = byline_text(c->arena, n, 250);
        if (t.ptr) {
            wn_cands_author(c, t.ptr, t.len, WN_SRC_VISIBLE);
            if (c->vis_authors_src == WN_SRC_VISIBLE && c->n_vis_authors) {
                st->saw_visible_author = true;
                date_near_byline(c, st, n);
            }
        }
    }
}

static bool
blank_text(const wn_node *t)
{
    for (size_t k = 0; k < t->len; k++)
        if (t->data[k] != ' ' && t->data[k] != '\n' && t->data[k] != '\t' && t->data[k] != '\r')
            return false;
    return true;
}

/* The first text in n that is not blank, when it is short (120 bytes) and
 * comes within the first 50 nodes; else none. */
static wn_str
first_text(const wn_node *n)
{
    wn_walk w;
    wn_node *m;
    bool e;
    int budget = 50;
    wn_walk_init(&w, (wn_node *)n);
    while (wn_walk_next(&w, &m, &e) && budget-- > 0) {
        if (!e)
            continue;
        if (m->type == WN_NODE_ELEMENT && (m->tag == WN_TAG_SCRIPT || m->tag == WN_TAG_STYLE)) {
            wn_walk_skip_children(&w);
            continue;
        }
        if (m->type == WN_NODE_TEXT && !blank_text(m))
            return m->len <= 120 ? (wn_str){m->data, m->len} : (wn_str){NULL, 0};
    }
    return (wn_str){NULL, 0};
}

/* An element named for a date: its text when short, else its first text
 * ("<span>Posted on April 13, 2023</span><div class=tags>..."). */
static __attribute__((noinline)) void
element_date(wn_meta_cands *c, walk_state *st, const wn_node *n)
{
    wn_str t = short_text(c->arena, n, 120);
    if (!t.ptr)
        t = first_text(n);
    if (t.ptr) {
        wn_cands_date(c, false, t.ptr, t.len, WN_SRC_VISIBLE, false);
        if (c->date_vis.src == WN_SRC_VISIBLE)
            st->saw_visible_date = true;
    }
}

/* Does n hold any text that is not blank (at most 200 nodes looked at)? */
static bool
has_text(const wn_node *n)
{
    wn_walk w;
    wn_node *m;
    bool e;
    int budget = 200;
    wn_walk_init(&w, (wn_node *)n);
    while (wn_walk_next(&w, &m, &e) && budget-- > 0)
        if (e && m->type == WN_NODE_TEXT && !blank_text(m))
            return true;
    return false;
}

/* Does the text open its element (nothing before it but blank text and
 * elements without text, such as an icon)? A label does; "... authority
 * <b>online</b> by:" ends a sentence. */
static bool
opens_element(const wn_node *n)
{
    for (const wn_node *p = n->prev; p; p = p->prev) {
        if (p->type == WN_NODE_TEXT && !blank_text(p))
            return false;
        if (p->type != WN_NODE_ELEMENT)
            continue;
        wn_walk w;
        wn_node *m;
        bool e;
        wn_walk_init(&w, (wn_node *)p);
        while (wn_walk_next(&w, &m, &e))
            if (e && m->type == WN_NODE_TEXT && !blank_text(m))
                return false;
    }
    return true;
}

/* Is text n inside code (pre, code, kbd, samp)? Code says "ORDER BY
 * period": no byline label there. */
static bool
in_code(const wn_node *n)
{
    for (const wn_node *p = n->parent; p && p->type == WN_NODE_ELEMENT; p = p->parent)
        if (wn_node_is(p, WN_TAG_PRE) || wn_node_is(p, WN_TAG_CODE) ||
            wn_node_is(p, WN_TAG_KBD) || wn_node_is(p, WN_TAG_SAMP))
            return true;
    return false;
}

/* Can a text whose first two bytes are f0 f1 (| 0x20) open a byline label
 * of byline_label's Latin lists? ("by", "written", "posted", "author",
 * "av", "af", "von", "par", "door", "di", "yazar", "contributor", "oleh",
 * "penulis", "Tác giả" (t 0xE3), "Bởi" (b 0xE1) ...) */
static inline bool
label_start(unsigned char f0, unsigned char f1)
{
    switch (f0) {
    case 'a': return f1 == 'r' || f1 == 'u' || f1 == 'v' || f1 == 'f';
    case 'b': return f1 == 'y' || f1 == 0xE1;
    case 'c': return f1 == 'o';
    case 'd': return f1 == 'o' || f1 == 'i';
    case 'o': return f1 == 'l';
    case 'p': return f1 == 'o' || f1 == 'a' || f1 == 'e';
    case 'r': return f1 == 'e';
    case 's': return f1 == 't';
    case 't': return f1 == 'e' || f1 == 0xE3;
    case 'v': return f1 == 'o';
    case 'w': return f1 == 'r' || f1 == 'o';
    case 'y': return f1 == 'a';
    default: return false;
    }
}

static size_t byline_label(const char *s, size_t n, bool *bare);
static bool gerund_after(const char *s, size_t n);
static wn_str label_name(wn_meta_cands *c, const wn_node *label);

/* A text that is a byline label alone ("Written by", "By:") anywhere in
 * the page's own regions: the next element names the writer. */
static __attribute__((noinline)) void label_author_at(wn_meta_cands *c, walk_state *st,
                                                       const wn_node *n);
static inline void
label_author(wn_meta_cands *c, walk_state *st, const wn_node *n)
{
    if (n->len > 80 || st->saw_visible_author || c->vis_authors_src >= WN_SRC_VISIBLE)
        return;
    if (n->index < st->n_text_chars && st->text_chars[n->index] == 1)
        return;
    label_author_at(c, st, n);
}
/* label_author past its first tests, out of walk_document's loop (it ran
 * short of registers with this inlined) */
static __attribute__((noinline)) void
label_author_at(wn_meta_cands *c, walk_state *st, const wn_node *n)
{
    size_t i = 0;
    while (i < n->len && (n->data[i] == ' ' || n->data[i] == '\n' || n->data[i] == '\t' ||
                          n->data[i] == '\r'))
        i++;
    if (i >= n->len)
        return;
    /* the first two letters of a label (byline_label), before any copy */
    if (i + 1 >= n->len)
        return;
    bool maybe = label_start((unsigned char)(n->data[i] | 0x20),
                             (unsigned char)(n->data[i + 1] | 0x20));
    /* labels in other scripts, by their bytes */
    for (size_t k = 0; k < WN_FOREIGN_BYLINE_LABELS && !maybe && (n->data[i] & 0x80); k++) {
        if (wn_foreign_byline_labels[k][0] != n->data[i])
            continue; /* (no label is empty: its first byte tells first) */
        size_t l = strlen(wn_foreign_byline_labels[k]);
        maybe = n->len - i >= l && memcmp(n->data + i, wn_foreign_byline_labels[k], l) == 0;
    }
    if (!maybe || !opens_element(n))
        return;
    if (in_code(n))
        return;
    wn_str t = wn_meta_clean(c->arena, n->data, n->len);
    bool bare = false;
    size_t ll = t.ptr ? byline_label(t.ptr, t.len, &bare) : 0;
    if (!ll)
        return;
    /* with the name in the same text, only a label of several words or
     * with a colon ("Written by Jane Doe", "Author: Jane Doe"): "By far
     * the best" opens sentences */
    bool strong = false;
    for (size_t k = 0; k + 1 < ll; k++)
        if (t.ptr[k] == ':' || t.ptr[k] == ' ')
            strong = true;
    /* a label in another script says what it is: with a colon, or an
     * introducer no sentence starts with */
    strong = strong || (t.ptr[0] & 0x80);
    if (!bare && (!strong || gerund_after(t.ptr + ll, t.len - ll)))
        return;
    wn_str nt = bare ? label_name(c, n) : (wn_str){t.ptr + ll, t.len - ll};
    if (!nt.ptr || !nt.len)
        return;
    wn_cands_author(c, nt.ptr, nt.len, WN_SRC_VISIBLE);
    if (c->vis_authors_src == WN_SRC_VISIBLE && c->n_vis_authors) {
        c->vis_authors_labelled = true;
        st->saw_visible_author = true;
        date_near_byline(c, st, n->parent ? n->parent : n);
    }
}

/* The document's images, in order, for caption_for: walk_document notes
 * each one it enters, and those in the subtrees it skips. */
static void
note_image(wn_meta_cands *c, wn_node *n)
{
    if (c->imgs_lost)
        return;
    if (c->n_imgs == c->cap_imgs) {
        size_t cap = c->cap_imgs ? c->cap_imgs * 2 : 16;
        wn_node **a = wn_arena_alloc(c->arena, cap * sizeof *a);
        if (!a) {
            c->imgs_lost = true; /* caption_for walks the document instead */
            return;
        }
        if (c->n_imgs)
            memcpy(a, c->imgs, c->n_imgs * sizeof *a);
        c->imgs = a;
        c->cap_imgs = cap;
    }
    c->imgs[c->n_imgs++] = n;
}

/* The images under at, whose subtree walk_document does not enter;
 * false, for walk_document's step to return. */
static bool
skip_noting_images(wn_meta_cands *c, wn_node *at)
{
    bool elements = false;
    for (const wn_node *k = at->first_child; k && !elements; k = k->next)
        elements = k->type == WN_NODE_ELEMENT;
    if (!elements)
        return false; /* a script's or a style's text: the common case */
    wn_walk sub;
    wn_node *m;
    bool e;
    wn_walk_init(&sub, at);
    while (wn_walk_next(&sub, &m, &e))
        if (e && m != at && wn_node_is(m, WN_TAG_IMG))
            note_image(c, m);
    return false;
}

/* The tags enter_element reads by name: its switch, the landmarks,
 * <article> and <noscript> (keep in step with them). A table, not a
 * switch: the compiler made that a tree of compares that mispredicted. */
static const bool tag_read[WN_TAG__COUNT] = {
    [WN_TAG_ARTICLE] = true, [WN_TAG_NOSCRIPT] = true, [WN_TAG_NAV] = true,
    [WN_TAG_ASIDE] = true,   [WN_TAG_FOOTER] = true,   [WN_TAG_HTML] = true,
    [WN_TAG_BODY] = true,    [WN_TAG_BASE] = true,     [WN_TAG_LINK] = true,
    [WN_TAG_META] = true,    [WN_TAG_TITLE] = true,    [WN_TAG_SCRIPT] = true,
    [WN_TAG_STYLE] = true,   [WN_TAG_TEMPLATE] = true, [WN_TAG_H1] = true,
    [WN_TAG_H2] = true,      [WN_TAG_TIME] = true,
};

/* walk_document's step into element n: what n says, and whether its
 * children are walked (false: neither they nor n's leaving are). */
static inline bool
enter_element(wn_meta_cands *c, walk_state *st, attr_words *aw, wn_node *n)
{
    if (n->ns != WN_NS_HTML)
        return skip_noting_images(c, n);
    if (n->tag == WN_TAG_IMG)
        note_image(c, n);
    /* most elements (no tag read below, outside a <noscript>) go straight
     * to their attributes */
    if (st->noscript || (n->tag < WN_TAG__COUNT && tag_read[n->tag])) {
        if (!st->article && wn_node_is(n, WN_TAG_ARTICLE))
            st->article = n;
        size_t l = 0;
        const char *v;
        /* A <noscript> of the body may hold the whole page as the server
         * renders it for crawlers (JavaScript forum and blog apps): its
         * microdata and bylines name the author; its headings, times and
         * images duplicate what the page shows, and are not read. */
        if (st->noscript || (st->in_body && wn_node_is(n, WN_TAG_NOSCRIPT))) {
            if (!st->noscript) {
                st->noscript = n;
                return true;
            }
            if (wn_node_is(n, WN_TAG_SCRIPT) || wn_node_is(n, WN_TAG_STYLE) ||
                wn_node_is(n, WN_TAG_TEMPLATE))
                return skip_noting_images(c, n);
            if (st->skip_region)
                return true;
            unsigned words = attr_word_bits(aw, n);
            if (skip_region_at(st, n, words)) {
                st->skip_region = n;
                return true;
            }
            size_t il = 0;
            const char *ip = wn_node_attr(n, "itemprop", &il);
            if (ip && (wn_meta_icontains(ip, il, "author") || wn_meta_icontains(ip, il, "creator")))
                read_microdata(c, n, ip, il);
            visible_author(c, st, n, words);
            return true;
        }
        if (!st->landmark && (wn_node_is(n, WN_TAG_NAV) || wn_node_is(n, WN_TAG_ASIDE) ||
                              wn_node_is(n, WN_TAG_FOOTER))) {
            st->landmark = n;
            st->in_landmark = true;
        }
        switch (n->tag) {
        case WN_TAG_HTML:
            if ((v = wn_node_attr(n, "lang", &l)) || (v = wn_node_attr(n, "xml:lang", &l))) {
                char norm[16];
                size_t nl = wn_lang_normalise(v, l, norm);
                if (nl)
                    wn_slot_offer_raw(c, &c->lang, norm, nl, 80);
            }
            break;
        case WN_TAG_BODY:
            st->in_body = true;
            break;
        case WN_TAG_BASE:
            if ((v = wn_node_attr(n, "href", &l)) && l)
                wn_slot_offer_raw(c, &c->base, v, l, 10);
            break;
        case WN_TAG_LINK: {
            size_t rl = 0;
            const char *rel = wn_node_attr(n, "rel", &rl);
            v = wn_node_attr(n, "href", &l);
            if (rel && v && l && wn_meta_ieq(rel, rl, "canonical"))
                wn_slot_offer_raw(c, &c->canonical, v, l, 80);
            break;
        }
        case WN_TAG_META:
            read_meta(c, n);
            break;
        case WN_TAG_TITLE:
            if (!c->title_tag.v.ptr) {
                wn_str t = wn_meta_node_text(c->arena, n, 2000);
                wn_slot_offer(&c->title_tag, t, WN_SRC_META);
            }
            return skip_noting_images(c, n);
        case WN_TAG_SCRIPT: {
            v = wn_node_attr(n, "type", &l);
            if (v && wn_meta_icontains(v, l, "ld+json")) {
                for (wn_node *t = n->first_child; t; t = t->next)
                    if (t->type == WN_NODE_TEXT)
                        wn_jsonld_read(c, t->data, t->len);
            }
            return skip_noting_images(c, n);
        }
        case WN_TAG_STYLE:
        case WN_TAG_TEMPLATE:
        case WN_TAG_NOSCRIPT:
            return skip_noting_images(c, n);
        case WN_TAG_H1:
        case WN_TAG_H2:
            /* class names ("widget", "related") say little about headings;
             * only the landmarks that never hold the headline count */
            if (c->n_h1 < WN_MAX_H1 && !st->in_landmark)
                c->h1[c->n_h1++] = n;
            c->n_h1_all += wn_node_is(n, WN_TAG_H1) && !st->in_landmark && has_text(n);
            break;
        case WN_TAG_TIME:
            if (!st->skip_region && st->in_body) {
                v = wn_node_attr(n, "datetime", &l);
                if (v)
                    wn_cands_date(c, false, v, l,
                                  wn_node_has_attr(n, "pubdate") ? WN_SRC_MICRODATA - 1
                                                                 : WN_SRC_TIME, true);
            }
            break;
        default:
            break;
        }
    }
    /* the word scan also finds the itemprop attribute */
    const wn_attr *ipa = NULL;
    bool scanned = !st->skip_region && st->in_body && n->n_attrs;
    unsigned words = scanned ? attr_word_bits_ip(aw, n, &ipa) : 0;
    if (!st->skip_region && st->in_body && skip_region_at(st, n, words)) {
        if (!layout_wrapper(st, n, words))
            st->skip_region = n;
        else if (!st->wrapper)
            st->wrapper = n;
    }
    if (st->skip_region)
        return true;
    size_t il = 0;
    const char *ip = NULL;
    if (scanned) {
        if (ipa) {
            ip = ipa->value ? ipa->value : "";
            il = ipa->value_len;
        }
    } else if (n->n_attrs) {
        ip = wn_node_attr(n, "itemprop", &il);
    }
    if (ip && il && !(st->wrapper && wn_meta_ieq(ip, il, "headline")))
        read_microdata(c, n, ip, il);
    if (!st->in_body)
        return true;
    if (!st->dropped && (n->flags & WN_NF_DROP) && interactive(n))
        st->dropped = n;
    if (!st->dropped)
        visible_author(c, st, n, words);
    if ((words & AW_DATE) && !st->saw_visible_date && c->date_vis.src < WN_SRC_VISIBLE &&
        !wn_node_is(n, WN_TAG_BODY) && !wn_node_is(n, WN_TAG_HTML))
        element_date(c, st, n);
    return true;
}

/* walk_document's step out of element n, after its children. */
static inline void
leave_element(walk_state *st, const wn_node *n)
{
    if (n == st->skip_region)
        st->skip_region = NULL;
    if (n == st->dropped)
        st->dropped = NULL;
    if (n == st->noscript)
        st->noscript = NULL;
    if (n == st->wrapper)
        st->wrapper = NULL;
    if (n == st->article)
        st->article = NULL;
    if (n == st->landmark) {
        st->landmark = NULL;
        st->in_landmark = false;
    }
}

static void
walk_document(wn_meta_cands *c, const wn_dom *dom, const wn_doc_cache *cache)
{
    walk_state st = {0};
    wn_node *root = dom->root;
    st.root = root;
    st.dom = dom;
    if (cache) {
        st.text_chars = cache->text_chars;
        st.n_text_chars = cache->n;
    }
    attr_words aw;
    attr_words_init(&aw);
    /* The steps of wn_walk (an element entered, its children, the element
     * left; a subtree skipped without its leaving), in a loop of its own:
     * it visits every node of the page, and the generic walker's state
     * tests cost more than the steps themselves. */
    wn_node *n = root;
    for (;;) {
        bool down = false;
        if (n->type == WN_NODE_TEXT) {
            if (st.in_body && !st.skip_region && !st.dropped)
                label_author(c, &st, n);
        } else if (n->type == WN_NODE_ELEMENT) {
            down = enter_element(c, &st, &aw, n);
        } else {
            down = n->type == WN_NODE_DOCUMENT;
        }
        if (down && n->first_child) {
            n = n->first_child;
            continue;
        }
        if (down && n->type == WN_NODE_ELEMENT)
            leave_element(&st, n); /* an empty element */
        while (n != root && !n->next) {
            n = n->parent;
            if (n->type == WN_NODE_ELEMENT)
                leave_element(&st, n);
        }
        if (n == root)
            break;
        n = n->next;
    }
}

/* A byline label at the start of a text: "By ", "Written by:", "Posted
 * by", "Author:", "Von "... Returns the length to skip to the name (0: no
 * label); *bare when the text is the label alone (the name follows in the
 * next element). English labels match in any case; "Author" needs a colon
 * (or to stand alone); the short foreign introducers keep their capital. */
static size_t
byline_label(const char *s, size_t n, bool *bare)
{
    static const char *const by[] = {"written by", "posted by",   "article by", "authored by",
                                     "words by",   "story by",    "text by",    "reported by",
                                     "by"};
    static const char *const colon[] = {"author",       "authors",  "autor",   "autorin",
                                        "auteur",       "auteurs",  "yazar",   "contributor",
                                        "contributors", "penulis",
                                        "t\303\241c gi\341\272\243" /* "Tác giả" */};
    static const char *const cased[] = {"Von", "Par", "Por", "Door", "Di", "Av", "Af", "Oleh",
                                        "B\xE1\xBB\x9Fi"};
    *bare = false;
    for (int pass = 0; pass < 4; pass++) {
        const char *const *list = pass == 0   ? by
                                  : pass == 1 ? colon
                                  : pass == 2 ? cased
                                              : wn_foreign_byline_labels;
        size_t cnt = pass == 0   ? sizeof by / sizeof by[0]
                     : pass == 1 ? sizeof colon / sizeof colon[0]
                     : pass == 2 ? sizeof cased / sizeof cased[0]
                                 : WN_FOREIGN_BYLINE_LABELS;
        for (size_t k = 0; k < cnt; k++) {
            /* the first byte first (the English labels in any case) */
            unsigned char f = (unsigned char)list[k][0], c0 = n ? (unsigned char)s[0] : 0;
            if (pass < 2 ? (c0 >= 'A' && c0 <= 'Z' ? c0 + 32 : c0) != f : c0 != f)
                continue;
            size_t l = strlen(list[k]);
            if (n < l || (pass < 2 ? !wn_meta_iprefix(s, n, list[k]) : memcmp(s, list[k], l) != 0))
                continue;
            size_t e = l;
            size_t cl = wn_meta_colon_len(s + e, n - e); /* ':' or the full-width one */
            bool col = cl > 0;
            e += cl;
            /* the foreign labels but the introducers ("\xD8\xA8\xD9\x82\xD9\x84\xD9\x85 ",
             * Arabic "by the pen of") need a colon, as "Author" does */
            bool needs_colon = pass == 1 || (pass == 3 && k >= WN_FOREIGN_INTRODUCERS);
            while (e < n && s[e] == ' ')
                e++;
            if (e == n) {
                *bare = true;
                return e;
            }
            bool glued = pass == 3 && k < WN_FOREIGN_INTRODUCERS && wn_label_glued(list[k], l);
            if ((e > l || glued) && (col || !needs_colon))
                return e;
        }
    }
    /* "Article written by:", "This post was written by": a short
     * sentence (three to five words), capitalised, that ends in a
     * writer's participle and "by" ("Medically reviewed by" names a
     * reviewer, "Powered by" a product) */
    static const char *const wrote[] = {"written", "posted", "authored", "published", "created"};
    size_t e = n;
    if (e && (s[e - 1] == ':'))
        e--;
    while (e && s[e - 1] == ' ')
        e--;
    if (e > 8 && e <= 40 && s[0] >= 'A' && s[0] <= 'Z' && s[e - 3] == ' ' &&
        (s[e - 2] | 0x20) == 'b' && (s[e - 1] | 0x20) == 'y') {
        size_t spaces = 0, w = e - 3;
        for (size_t i = 0; i < e; i++)
            spaces += s[i] == ' ';
        while (w && s[w - 1] != ' ')
            w--;
        bool participle = false;
        for (size_t k = 0; k < sizeof wrote / sizeof wrote[0] && !participle; k++)
            participle = wn_meta_ieq(s + w, e - 3 - w, wrote[k]);
        if (participle && spaces >= 2 && spaces <= 4) {
            *bare = true;
            return n;
        }
    }
    return 0;
}

/* Does the element hold a link with rel=tag (a category, not a person)? */
static bool
has_tag_link(const wn_node *root)
{
    wn_walk w;
    wn_node *m;
    bool e;
    int seen = 0;
    wn_walk_init(&w, (wn_node *)root);
    while (wn_walk_next(&w, &m, &e) && seen < 50) {
        if (!e || m->type != WN_NODE_ELEMENT)
            continue;
        seen++;
        size_t l = 0;
        const char *r = wn_node_attr(m, "rel", &l);
        if (r && wn_node_is(m, WN_TAG_A) && wn_meta_ieq(r, l, "tag"))
            return true;
    }
    return false;
}

/* The name after a bare label: the text of the next element (blank text
 * between skipped), or of the parent's next when the label ends its
 * element ("<span>By</span> <a>Jane Doe</a>"). */
static wn_str
label_name(wn_meta_cands *c, const wn_node *label)
{
    const wn_node *nx = label->next ? label->next : label->parent ? label->parent->next : NULL;
    wn_str nt = {NULL, 0};
    for (int hop = 0; nx && hop < 3 && !nt.len; hop++, nx = nx->next) {
        if (nx->type == WN_NODE_ELEMENT && has_tag_link(nx))
            return (wn_str){NULL, 0}; /* "By" then category tags */
        nt = wn_meta_node_text_split(c->arena, nx, 120);
    }
    return nt;
}

/* s lower-cased to its letters and digits (other ASCII dropped, other
 * bytes kept), at most cap bytes. */
static size_t
squeeze(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k < cap; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 'A' && ch <= 'Z')
            out[k++] = (char)(ch + 32);
        else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch >= 0x80)
            out[k++] = (char)ch;
    }
    return k;
}

/* Does the visible byline name every declared author and more, all of
 * them full names: each declared name one of the visible ones, or its end
 * after a word ("Dr Jane Doe" for "Jane Doe")? */
static bool
visible_lists_declared(const wn_meta_cands *c)
{
    if (c->vis_authors_src < WN_SRC_VISIBLE - 1 || c->n_vis_authors <= c->n_authors ||
        !c->n_authors)
        return false;
    /* full names only: a one-word piece is as often the writer's company
     * ("Jane Doe, Acme"), and so is the site's name ("Jane Doe, Example
     * News" on Example News Europe, "Example Staff") */
    char sq[128], vq[128];
    size_t sl = c->site.v.ptr ? squeeze(c->site.v.ptr, c->site.v.len, sq, sizeof sq) : 0;
    for (size_t k = 0; k < c->n_vis_authors; k++) {
        const wn_str *v = &c->vis_authors[k];
        if (!memchr(v->ptr, ' ', v->len))
            return false;
        size_t vl = squeeze(v->ptr, v->len, vq, sizeof vq);
        size_t m = vl < sl ? vl : sl;
        if (m >= 3 && memcmp(sq, vq, m) == 0)
            return false;
    }
    for (size_t i = 0; i < c->n_authors; i++) {
        const wn_str *d = &c->authors[i];
        bool found = false;
        for (size_t k = 0; k < c->n_vis_authors && !found; k++) {
            const wn_str *v = &c->vis_authors[k];
            if (v->len < d->len)
                continue;
            size_t off = v->len - d->len;
            found = wn_meta_ieq(v->ptr + off, d->len, d->ptr) && (!off || v->ptr[off - 1] == ' ');
        }
        if (!found)
            return false;
    }
    return true;
}

/* Is v a full name (two capitalised words at least) that is not words
 * of the headline ("Meal Prep" of "Meal Prep for Beginners" is no
 * byline)? */
static bool
full_name_off_title(const wn_str *v, wn_str title)
{
    const char *sp = memchr(v->ptr, ' ', v->len);
    if (!sp || v->ptr[0] < 'A' || v->ptr[0] > 'Z' || sp + 1 >= v->ptr + v->len || sp[1] < 'A' ||
        sp[1] > 'Z')
        return false;
    return !(title.ptr && wn_meta_icontains(title.ptr, title.len, v->ptr));
}

/* Is the one declared author a single word (an account's login,
 * "jane.doe", "DanaR", or a brand) while the visible byline prints full
 * names ("Jane Doe") that are not words of the title? */
static bool
declared_is_login(const wn_meta_cands *c, wn_str title)
{
    if (c->n_authors != 1 || c->vis_authors_src < WN_SRC_VISIBLE - 1 || !c->n_vis_authors)
        return false;
    const wn_str *d = &c->authors[0];
    if (memchr(d->ptr, ' ', d->len))
        return false;
    for (size_t k = 0; k < c->n_vis_authors; k++)
        if (!full_name_off_title(&c->vis_authors[k], title))
            return false;
    return true;
}

/* Does a label ("Written by", "By:") name other writers than the declared
 * ones, in full names that are not words of the title? What the page
 * prints under its label is taken over the declared account. */
static bool
label_names_other(const wn_meta_cands *c, wn_str title)
{
    if (!c->vis_authors_labelled || !c->n_vis_authors || !c->n_authors)
        return false;
    for (size_t k = 0; k < c->n_vis_authors; k++) {
        const wn_str *v = &c->vis_authors[k];
        if (!full_name_off_title(v, title))
            return false;
        for (size_t i = 0; i < c->n_authors; i++)
            if (wn_meta_icontains(v->ptr, v->len, c->authors[i].ptr) ||
                wn_meta_icontains(c->authors[i].ptr, c->authors[i].len, v->ptr))
                return false;
    }
    return true;
}

/* Does the one declared author name the site rather than a writer: the
 * site's name (give or take a trailing "Ltd", ".com"), or a label of the
 * page's host ("Acmecast" on www.acmecast.com)? */
static bool
author_is_site(const wn_meta_cands *c, const char *url, size_t url_len)
{
    if (c->n_authors != 1)
        return false;
    char a[128], b[128];
    size_t al = squeeze(c->authors[0].ptr, c->authors[0].len, a, sizeof a);
    if (al < 3)
        return false;
    if (c->site.v.ptr) {
        size_t bl = squeeze(c->site.v.ptr, c->site.v.len, b, sizeof b);
        size_t m = al < bl ? al : bl;
        if (bl >= 3 && m >= 4 && memcmp(a, b, m) == 0 && (al == bl || m >= 6))
            return true;
        if (bl >= 3 && al == bl && memcmp(a, b, al) == 0)
            return true;
    }
    /* a brand is one word ("Acmecast" on www.acmecast.com); a person's
     * name over the host (janedoe.example) is a personal site's writer */
    if (!url || memchr(c->authors[0].ptr, ' ', c->authors[0].len))
        return false;
    /* the host: after "//", up to '/', ':' or the end */
    const char *h = NULL;
    for (size_t i = 0; i + 1 < url_len; i++)
        if (url[i] == '/' && url[i + 1] == '/') {
            h = url + i + 2;
            break;
        }
    if (!h)
        return false;
    const char *end = url + url_len;
    const char *he = h;
    while (he < end && *he != '/' && *he != ':' && *he != '?' && *he != '#')
        he++;
    /* each label but the last (the top-level domain) */
    const char *p = h;
    while (p < he) {
        const char *q = p;
        while (q < he && *q != '.')
            q++;
        if (q == he)
            break;
        size_t ll = squeeze(p, (size_t)(q - p), b, sizeof b);
        if (ll >= 4 && ll == al && memcmp(a, b, al) == 0)
            return true;
        p = q + 1;
    }
    return false;
}

/* "By continuing, you agree...", "By clicking": a lower-case word in
 * -ing after "By" starts a clause, not a name. */
static bool
gerund_after(const char *s, size_t n)
{
    if (!n || s[0] < 'a' || s[0] > 'z')
        return false;
    size_t w = 0;
    while (w < n && s[w] >= 'a' && s[w] <= 'z')
        w++;
    return w > 4 && memcmp(s + w - 3, "ing", 3) == 0;
}

/* Is h inside e (or e itself)? */
static bool
holds_node(const wn_node *e, const wn_node *h)
{
    for (const wn_node *p = h; p; p = p->parent)
        if (p == e)
            return true;
    return false;
}

/* A dateline that names its writer, unlabelled, among the first texts after
 * the headline ("Jane Doe | Senior Writer | July 2, 2025", "Dec 26, 2025 •
 * Jane Doe in Travel"): the line is the highest element around text t
 * whose text is short, without the headline. It holds a date, and its
 * names are full ones (two words or more, capitalised); a line without a
 * date ("Personal Finance") or a lone word ("Technology") names no one.
 * Weaker than any byline the markup or a label names. */
static bool
dateline_names(wn_meta_cands *c, const wn_node *t, const wn_node *headline)
{
    const wn_node *line = NULL;
    wn_str lt = {0};
    const wn_node *e = t->parent;
    for (int up = 0; e && up < 4; up++, e = e->parent) {
        if (e == headline || wn_node_is(e, WN_TAG_BODY) || holds_node(e, headline))
            break;
        wn_str x = byline_text(c->arena, e, 160);
        if (!x.ptr)
            break;
        line = e;
        lt = x;
    }
    if (!line || lt.len > 120)
        return false;
    /* its parts set apart by a bar, a middle dot or a bullet the page
     * prints: a sentence is no dateline */
    wn_str raw = wn_meta_node_text(c->arena, line, 160);
    bool sep = false;
    for (size_t i = 0; raw.ptr && i < raw.len && !sep; i++)
        sep = raw.ptr[i] == '|' ||
              ((unsigned char)raw.ptr[i] == 0xC2 && i + 1 < raw.len &&
               (unsigned char)raw.ptr[i + 1] == 0xB7) ||
              ((unsigned char)raw.ptr[i] == 0xE2 && i + 2 < raw.len &&
               (unsigned char)raw.ptr[i + 1] == 0x80 && (unsigned char)raw.ptr[i + 2] == 0xA2);
    if (!sep)
        return false;
    char out[WN_DATE_MAX];
    if (!wn_date_parse(lt.ptr, lt.len, c->now, false, out))
        return false;
    wn_str names[WN_MAX_AUTHORS];
    size_t count = 0;
    if (!wn_authors_parse(c->arena, lt.ptr, lt.len, names, &count, WN_MAX_AUTHORS))
        return false;
    for (size_t k = 0; k < count; k++) {
        const char *sp = memchr(names[k].ptr, ' ', names[k].len);
        size_t r = sp ? (size_t)(sp - names[k].ptr) + 1 : 0;
        if (!sp || !(names[k].ptr[0] >= 'A' && names[k].ptr[0] <= 'Z') || r >= names[k].len)
            return false;
        unsigned cp = wn_meta_u8next(names[k].ptr, names[k].len, &r);
        if (!((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE)))
            return false;
    }
    /* a name that is a link's text is a category's or the publication's
     * ("May 4, 2025 | Home Garden"): a writer's link goes to her page,
     * which the walk reads */
    size_t seen = 0;
    for (const wn_node *d = line->first_child; d && seen < 64; seen++) {
        if (d->type == WN_NODE_ELEMENT && wn_node_is(d, WN_TAG_A) && wn_node_has_attr(d, "href")) {
            wn_str at = wn_meta_node_text(c->arena, d, 80);
            for (size_t k = 0; at.ptr && k < count; k++)
                if (wn_meta_icontains(at.ptr, at.len, names[k].ptr))
                    return false;
        }
        if (d->first_child && d->type == WN_NODE_ELEMENT) {
            d = d->first_child;
            continue;
        }
        while (d && d != line && !d->next)
            d = d->parent;
        if (!d || d == line)
            break;
        d = d->next;
    }
    wn_cands_author(c, lt.ptr, lt.len, WN_SRC_VISIBLE - 1);
    return c->vis_authors_src >= WN_SRC_VISIBLE - 1 && c->n_vis_authors;
}

/* After the headline: a "By ..." line and a dateline among the next text. */
static void
scan_after_headline(wn_meta_cands *c, wn_node *headline, bool site_author)
{
    if (!headline)
        return;
    const wn_node *n = headline;
    size_t texts = 0, bytes = 0;
    bool need_author = c->authors_src < WN_SRC_VISIBLE || site_author;
    bool need_date = c->date_vis.src < WN_SRC_VISIBLE;
    attr_words aw;
    bool aw_ready = false;
    bool dateline_tried = false;
    /* document order from the headline on, without descending into it */
    while (n && texts < 40 && bytes < 3000 && (need_author || need_date)) {
        if (!(n = next_in_order(n, n != headline)))
            break;
        /* (blank text, the white space between tags, cleans to nothing) */
        if (n->type != WN_NODE_TEXT || blank_text(n))
            continue;
        wn_str t = wn_meta_clean(c->arena, n->data, n->len < 300 ? n->len : 300);
        if (!t.ptr)
            continue;
        texts++;
        bytes += t.len;
        if (need_author && t.len < 120 && !in_code(n)) {
            bool bare = false;
            size_t ll = byline_label(t.ptr, t.len, &bare);
            if (!ll && site_author) {
                /* a byline element near the headline: its class says so */
                const wn_node *p = n->parent;
                if (!aw_ready) {
                    attr_words_init(&aw);
                    aw_ready = true;
                }
                for (int up = 0; p && up < 3 && p != headline; up++, p = p->parent)
                    if (attr_word_bits(&aw, p) & AW_BYLINE) {
                        wn_str bt = byline_text(c->arena, p, 250);
                        if (bt.ptr)
                            wn_cands_author(c, bt.ptr, bt.len, WN_SRC_VISIBLE);
                        if (c->n_vis_authors)
                            need_author = false;
                        break;
                    }
            }
            if (ll && bare && !opens_element(n))
                ll = 0;
            if (ll && !bare && gerund_after(t.ptr + ll, t.len - ll))
                ll = 0;
            if (ll) {
                /* "By" alone: the name is the next element's text */
                wn_str nt = bare ? label_name(c, n) : (wn_str){t.ptr + ll, t.len - ll};
                if (nt.ptr && nt.len) {
                    wn_cands_author(c, nt.ptr, nt.len, WN_SRC_VISIBLE);
                    if (c->vis_authors_src >= WN_SRC_VISIBLE && c->n_vis_authors)
                        need_author = false;
                }
            } else if (texts <= 6 && !dateline_tried && c->vis_authors_src < WN_SRC_VISIBLE - 1) {
                dateline_tried = dateline_names(c, n, headline);
            }
        }
        if (need_date && t.len < 120) {
            wn_cands_date(c, false, t.ptr, t.len, WN_SRC_VISIBLE - 1, false);
            if (c->date_vis.src >= WN_SRC_VISIBLE - 1)
                need_date = false;
        }
    }
}

/* A dateline printed above the headline ("<p>Published</p><p>May 4,
 * 2025</p><h1>...", a date in the hero's kicker), when none follows it: the
 * few texts before the headline, nearest first, in reverse document order
 * up to <body>. Weaker than a date after the headline. */
#define BEFORE_TEXTS 6
#define BEFORE_BYTES 400

static void
scan_before_headline(wn_meta_cands *c, wn_node *headline)
{
    if (!headline || c->date_vis.src >= WN_SRC_VISIBLE - 2)
        return;
    wn_node *n = headline;
    int texts = 0;
    size_t bytes = 0;
    while (texts < BEFORE_TEXTS && bytes < BEFORE_BYTES) {
        if (n->prev) {
            n = n->prev;
            while (n->last_child && n->type == WN_NODE_ELEMENT && !wn_node_is(n, WN_TAG_SCRIPT) &&
                   !wn_node_is(n, WN_TAG_STYLE))
                n = n->last_child;
        } else {
            n = n->parent;
            if (!n || wn_node_is(n, WN_TAG_BODY))
                break;
            continue;
        }
        /* (blank text, the white space between tags, cleans to nothing) */
        if (n->type != WN_NODE_TEXT || blank_text(n))
            continue;
        wn_str t = wn_meta_clean(c->arena, n->data, n->len < 300 ? n->len : 300);
        if (!t.ptr)
            continue;
        texts++;
        bytes += t.len;
        if (t.len < 200) {
            wn_cands_date(c, false, t.ptr, t.len, WN_SRC_VISIBLE - 2, false);
            if (c->date_vis.src >= WN_SRC_VISIBLE - 2)
                return;
        }
    }
}

static wn_str
resolve(wn_meta_cands *c, const char *base, size_t base_len, wn_str ref)
{
    if (!ref.ptr)
        return ref;
    size_t l = 0;
    char *u = wn_url_resolve(c->arena, base, base_len, ref.ptr, ref.len, &l);
    if (u && l)
        return (wn_str){u, l};
    /* no base: keep an absolute or scheme-relative value as it is */
    if (ref.len > 2 && memcmp(ref.ptr, "//", 2) == 0) {
        u = wn_url_resolve(c->arena, "https:", 6, ref.ptr, ref.len, &l);
        if (u)
            return (wn_str){u, l};
    }
    return wn_meta_iprefix(ref.ptr, ref.len, "http") ? ref : (wn_str){NULL, 0};
}

static bool
img_looks_decorative(const char *src, size_t l)
{
    static const char *const bad[] = {"logo", "icon", "avatar", "sprite", "pixel", ".svg",
                                      "data:", "blank.", "spacer", "badge", "emoji", "gravatar"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
        if (wn_meta_icontains(src, l, bad[k]))
            return true;
    return false;
}

static long
attr_num(const wn_node *n, const char *name)
{
    size_t l = 0;
    const char *v = wn_node_attr(n, name, &l);
    if (!v)
        return -1;
    long x = 0;
    for (size_t i = 0; i < l && v[i] >= '0' && v[i] <= '9' && x < 100000; i++)
        x = x * 10 + (v[i] - '0');
    return x;
}

/* The first large image of the article (or of the body). */
static wn_node *
first_content_image(wn_node *root)
{
    wn_node *scope = NULL;
    wn_walk w;
    wn_node *n;
    bool e;
    wn_walk_init(&w, root);
    while (wn_walk_next(&w, &n, &e))
        if (e && (wn_node_is(n, WN_TAG_ARTICLE) || wn_node_is(n, WN_TAG_MAIN))) {
            scope = n;
            break;
        }
    wn_walk_init(&w, scope ? scope : root);
    while (wn_walk_next(&w, &n, &e)) {
        if (!e || n->type != WN_NODE_ELEMENT)
            continue;
        if (wn_node_is(n, WN_TAG_NAV) || wn_node_is(n, WN_TAG_HEADER) ||
            wn_node_is(n, WN_TAG_FOOTER) || wn_node_is(n, WN_TAG_ASIDE) ||
            wn_node_is(n, WN_TAG_SCRIPT) || wn_node_is(n, WN_TAG_NOSCRIPT) ||
            (n->flags & WN_NF_DROP)) {
            if (n != scope)
                wn_walk_skip_children(&w);
            continue;
        }
        if (!wn_node_is(n, WN_TAG_IMG))
            continue;
        size_t l = 0;
        const char *src = wn_node_attr(n, "src", &l);
        if (!src || !l || img_looks_decorative(src, l))
            continue;
        long wd = attr_num(n, "width"), ht = attr_num(n, "height");
        if ((wd >= 0 && wd < 300) || (ht >= 0 && ht < 150))
            continue;
        if (wd < 0 && !scope)
            continue; /* unsized images outside an <article>: too uncertain */
        return n;
    }
    return NULL;
}

/* The last path segment of a URL: after the last '/' before any '?' or '#'.
 * `plain` says whether resolving the URL against a base keeps it as it is:
 * a non-empty segment, not "." or "..", of characters that resolution
 * neither encodes nor trims. */
static wn_str
last_segment(const char *s, size_t l, bool *plain)
{
    const char *q = memchr(s, '?', l);
    size_t end = q ? (size_t)(q - s) : l;
    const char *h = memchr(s, '#', end);
    if (h)
        end = (size_t)(h - s);
    size_t st = end;
    while (st && s[st - 1] != '/')
        st--;
    *plain = end > st && !(end - st == 1 && s[st] == '.') &&
             !(end - st == 2 && s[st] == '.' && s[st + 1] == '.');
    for (size_t i = st; i < end && *plain; i++) {
        unsigned char ch = (unsigned char)s[i];
        *plain = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                 (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || ch == '.' || ch == '~';
    }
    return (wn_str){s + st, end - st};
}

/* The figcaption of the <figure> around the <img> whose src is the lead
 * image (same path, query ignored). */
static wn_str
caption_for(wn_meta_cands *c, wn_node *root, wn_str image, const char *base, size_t base_len)
{
    wn_str none = {NULL, 0};
    if (!image.ptr)
        return none;
    size_t il = image.len;
    const char *q = memchr(image.ptr, '?', il);
    if (q)
        il = (size_t)(q - image.ptr);
    /* An src whose last segment resolution keeps as it is can only match
     * when that segment is the image's: most images are told apart here,
     * without resolving their URL. */
    bool image_plain = false;
    wn_str image_seg = last_segment(image.ptr, il, &image_plain);
    image_plain = image_plain && !memchr(image.ptr, '#', il);
    /* the images walk_document listed; a walk when the list is incomplete */
    wn_walk w = {0};
    wn_node *n = NULL;
    bool e = false;
    size_t next = 0;
    if (c->imgs_lost)
        wn_walk_init(&w, root);
    for (;;) {
        if (!c->imgs_lost) {
            if (next == c->n_imgs)
                break;
            n = c->imgs[next++];
        } else {
            if (!wn_walk_next(&w, &n, &e))
                break;
            if (!e || !wn_node_is(n, WN_TAG_IMG))
                continue;
        }
        size_t l = 0;
        const char *src = wn_node_attr(n, "src", &l);
        if (!src || !l)
            continue;
        /* a data: URI resolves to one starting as it does (its scheme
         * copied): it is the image only when that starts so too. Skipping
         * the others saves reading thousands of bytes of a placeholder. */
        if (wn_meta_iprefix(src, l, "data:") && (il < 5 || memcmp(image.ptr, src, 5) != 0))
            continue;
        if (image_plain) {
            bool plain = false;
            wn_str seg = last_segment(src, l, &plain);
            if (plain && (seg.len != image_seg.len || memcmp(seg.ptr, image_seg.ptr, seg.len)))
                continue;
        }
        size_t rl = 0;
        char *abs = wn_url_resolve(c->arena, base, base_len, src, l, &rl);
        if (!abs)
            continue;
        const char *rq = memchr(abs, '?', rl);
        if (rq)
            rl = (size_t)(rq - abs);
        if (rl != il || memcmp(abs, image.ptr, il) != 0)
            continue;
        wn_node *p = n->parent;
        for (int up = 0; p && up < 4; up++, p = p->parent) {
            if (!wn_node_is(p, WN_TAG_FIGURE))
                continue;
            for (wn_node *k = p->first_child; k; k = k->next)
                if (wn_node_is(k, WN_TAG_FIGCAPTION))
                    return short_text(c->arena, k, 1000);
            break;
        }
        return none;
    }
    return none;
}

wn_status
wn_metadata_extract(wn_doc *doc, wn_metadata *meta)
{
    if (!doc || !meta)
        return WN_ERR_INVALID;
    if (!doc->dom || !doc->dom->root)
        return WN_OK;
    wn_meta_cands *c = wn_arena_calloc(&doc->arena, 1, sizeof *c);
    if (!c)
        return WN_ERR_NOMEM;
    c->arena = &doc->arena;
    c->now = (int64_t)time(NULL);
    c->page_url = doc->opts.url;
    c->page_url_len = doc->opts.url_len;
    walk_document(c, doc->dom, doc->cache);

    /* base for relative URLs: <base href> against the page URL */
    const char *base = c->page_url;
    size_t base_len = c->page_url_len;
    if (c->base.v.ptr) {
        wn_str b = resolve(c, base, base_len, c->base.v);
        if (b.ptr) {
            base = b.ptr;
            base_len = b.len;
        }
    }
    wn_str canonical = resolve(c, base, base_len, c->canonical.v);
    if (canonical.ptr)
        meta->url = canonical;
    else if (c->page_url)
        meta->url = (wn_str){c->page_url, c->page_url_len};
    if (!base && meta->url.ptr) {
        base = meta->url.ptr;
        base_len = meta->url.len;
    }

    wn_node *headline = NULL;
    meta->title = wn_title_choose(c, &headline, &doc->title_alt, &doc->title_h1_within);
    const char *au = meta->url.ptr ? meta->url.ptr : c->page_url;
    size_t aul = meta->url.ptr ? meta->url.len : c->page_url_len;
    bool site_author = c->authors_src > WN_SRC_VISIBLE && author_is_site(c, au, aul);
    /* only a byline near the headline, or one a label introduces
     * ("Written by" in the author box at the end), may replace it */
    if (site_author && !c->vis_authors_labelled) {
        c->n_vis_authors = 0;
        c->vis_authors_src = 0;
    }
    scan_after_headline(c, headline, site_author);
    /* a blog's name in an <h1> above each post: its byline and date follow */
    if (c->logo && c->logo != headline)
        scan_after_headline(c, c->logo, site_author);
    scan_before_headline(c, headline);
    /* a declared author that names the site gives way to a visible byline */
    if (site_author && c->n_vis_authors) {
        memcpy(c->authors, c->vis_authors, c->n_vis_authors * sizeof c->authors[0]);
        c->n_authors = c->n_vis_authors;
        c->authors_src = c->vis_authors_src;
    }

    /* a visible byline that lists the declared author among others names
     * them all ("Jane Doe, John Roe, Ann Poe" where the page declares Jane
     * Doe) */
    if (!site_author && c->authors_src > WN_SRC_VISIBLE &&
        (visible_lists_declared(c) || declared_is_login(c, meta->title) ||
         label_names_other(c, meta->title))) {
        memcpy(c->authors, c->vis_authors, c->n_vis_authors * sizeof c->authors[0]);
        c->n_authors = c->n_vis_authors;
        c->authors_src = c->vis_authors_src;
    }

    if (c->date_pub.src < WN_SRC_VISIBLE && !c->date_mod.v.ptr) {
        char out[WN_DATE_MAX];
        const wn_str *u = meta->url.ptr ? &meta->url : NULL;
        size_t l = u ? wn_date_from_url(u->ptr, u->len, c->now, out) : 0;
        if (!l && c->page_url)
            l = wn_date_from_url(c->page_url, c->page_url_len, c->now, out);
        if (l) {
            char *d = wn_arena_strndup(c->arena, out, l);
            if (d)
                wn_slot_offer(&c->date_pub, (wn_str){d, l}, WN_SRC_URL);
        }
    }
    if (c->date_pub_ambiguous || c->date_mod_ambiguous)
        wn_cands_date_order(c, doc->dom->root);
    wn_cands_date_printed(c, doc->dom->root);
    wn_cands_local_date(c, &c->date_pub);
    wn_cands_local_date(c, &c->date_mod);
    meta->date_published = c->date_pub.v;
    meta->date_modified = c->date_mod.v;
    if (c->n_authors) {
        wn_str *a = wn_arena_alloc(c->arena, c->n_authors * sizeof *a);
        if (!a)
            return WN_ERR_NOMEM;
        memcpy(a, c->authors, c->n_authors * sizeof *a);
        meta->authors = a;
        meta->n_authors = c->n_authors;
    }
    if (c->n_tags) {
        wn_str *t = wn_arena_alloc(c->arena, c->n_tags * sizeof *t);
        if (!t)
            return WN_ERR_NOMEM;
        memcpy(t, c->tags, c->n_tags * sizeof *t);
        meta->tags = t;
        meta->n_tags = c->n_tags;
    }
    meta->site_name = c->site.v;
    meta->section = c->section.v;
    meta->description = c->description.v;
    meta->language = c->lang.v;

    wn_str image = resolve(c, base, base_len, c->image.v);
    if (!image.ptr) {
        wn_node *img = first_content_image(doc->dom->root);
        if (img) {
            size_t l = 0;
            const char *src = wn_node_attr(img, "src", &l);
            image = resolve(c, base, base_len, (wn_str){src, l});
        }
    }
    meta->image_url = image;
    if (image.ptr) {
        wn_str cap = caption_for(c, doc->dom->root, image, base, base_len);
        meta->image_caption = cap.ptr ? cap : c->image_caption.v;
    }
    return c->arena->failed ? WN_ERR_NOMEM : WN_OK;
}
