/* jsonld.c - schema.org JSON-LD blocks.
 *
 * A block may hold one object, an array, or an @graph whose members point at
 * each other by @id (the article's author is {"@id": "#/person/1"}, defined
 * elsewhere in the graph). Every object is ranked by its @type: the article
 * kinds (…Article, …Posting, Report, Review, Recipe...) first, then page and
 * item kinds (WebPage, Product, Event...), whose fields only fill what the
 * article did not say. Organisation, website and breadcrumb objects give the
 * site name and the section.
 */
#include <string.h>

#include "metadata.h"

#define MAX_IDS 256

typedef struct ids {
    wn_json *obj[MAX_IDS];
    const char *id[MAX_IDS];
    size_t n;
} ids;

static bool
type_is(const wn_json *obj, const char *name)
{
    wn_json *t = wn_json_get(obj, "@type");
    if (!t)
        return false;
    if (t->type == WN_JSON_STRING)
        return (t->str[0] == name[0] && strcmp(t->str, name) == 0) ||
               (strncmp(t->str, "http", 4) == 0 && strlen(t->str) > strlen(name) &&
                strcmp(t->str + strlen(t->str) - strlen(name), name) == 0 &&
                t->str[strlen(t->str) - strlen(name) - 1] == '/');
    if (t->type == WN_JSON_ARRAY)
        for (wn_json *e = t->child; e; e = e->next)
            if (e->type == WN_JSON_STRING && e->str[0] == name[0] && strcmp(e->str, name) == 0)
                return true;
    return false;
}

static bool
ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

/* 3: the article; 2: a page or item; 0: anything else. */
static int
type_rank_one(const char *t)
{
    static const char *const article[] = {
        "Report", "Review", "Recipe", "HowTo", "Question", "Answer", "Thesis", "Chapter",
        "PodcastEpisode", "Episode", "VideoObject", "CreativeWork", "Guide", "Legislation",
    };
    static const char *const page[] = {
        "WebPage", "ItemPage", "AboutPage", "CollectionPage", "FAQPage", "QAPage", "ProfilePage",
        "MedicalWebPage", "ContactPage", "SearchResultsPage", "Product", "Event", "Course",
        "SoftwareApplication", "JobPosting", "Book", "Movie", "Dataset", "RealEstateListing",
        "Service", "Offer", "ProductGroup", "Place", "TouristAttraction", "Vehicle", "Car",
    };
    if (!t)
        return 0;
    const char *slash = strrchr(t, '/');
    if (slash)
        t = slash + 1;
    if (ends_with(t, "Article") || ends_with(t, "Posting") || ends_with(t, "BlogPosting"))
        return 3;
    /* (the first letter before the rest) */
    for (size_t k = 0; k < sizeof article / sizeof article[0]; k++)
        if (t[0] == article[k][0] && strcmp(t, article[k]) == 0)
            return 3;
    for (size_t k = 0; k < sizeof page / sizeof page[0]; k++)
        if (t[0] == page[k][0] && strcmp(t, page[k]) == 0)
            return 2;
    return 0;
}

static int
type_rank(const wn_json *obj)
{
    wn_json *t = wn_json_get(obj, "@type");
    if (!t)
        return 0;
    if (t->type == WN_JSON_STRING)
        return type_rank_one(t->str);
    int best = 0;
    if (t->type == WN_JSON_ARRAY)
        for (wn_json *e = t->child; e; e = e->next)
            if (e->type == WN_JSON_STRING && type_rank_one(e->str) > best)
                best = type_rank_one(e->str);
    return best;
}

static wn_json *
lookup(const ids *x, const wn_json *ref)
{
    const char *id = wn_json_str(wn_json_get(ref, "@id"));
    if (!id)
        return NULL;
    for (size_t k = 0; k < x->n; k++)
        if (x->obj[k] != ref && strcmp(x->id[k], id) == 0)
            return x->obj[k];
    return NULL;
}

/* An object that is only {"@id": ...} stands for the object with that id. */
static const wn_json *
deref(const ids *x, const wn_json *v)
{
    if (v && v->type == WN_JSON_OBJECT && !wn_json_get(v, "@type") && wn_json_get(v, "@id")) {
        wn_json *o = lookup(x, v);
        if (o)
            return o;
    }
    return v;
}

/* A string value: a string, the first string of an array, or an object's
 * "@value" / "name". */
static const char *
text_of(const ids *x, const wn_json *v)
{
    v = deref(x, v);
    if (!v)
        return NULL;
    if (v->type == WN_JSON_STRING)
        return v->str;
    if (v->type == WN_JSON_ARRAY) {
        for (wn_json *e = v->child; e; e = e->next)
            if (e->type == WN_JSON_STRING)
                return e->str;
        return NULL;
    }
    if (v->type == WN_JSON_OBJECT) {
        const char *s = wn_json_str(wn_json_get(v, "@value"));
        return s ? s : wn_json_str(wn_json_get(v, "name"));
    }
    return NULL;
}

static void
offer(wn_meta_cands *c, wn_slot *slot, const char *s, int src)
{
    if (s)
        wn_slot_offer_raw(c, slot, s, strlen(s), src);
}

/* One author value's name, or NULL. */
static const char *
author_name(wn_meta_cands *c, const ids *x, const wn_json *v)
{
    v = deref(x, v);
    if (!v)
        return NULL;
    const char *s = NULL;
    if (v->type == WN_JSON_STRING)
        s = v->str;
    else if (v->type == WN_JSON_OBJECT) {
        s = text_of(x, wn_json_get(v, "name"));
        if (!s) {
            /* {"givenName": "Jane", "familyName": "Doe"} */
            const char *g = wn_json_str(wn_json_get(v, "givenName"));
            const char *f = wn_json_str(wn_json_get(v, "familyName"));
            if (g && f) {
                size_t gl = strlen(g), fl = strlen(f);
                char *b = wn_arena_alloc(c->arena, gl + fl + 2);
                if (b) {
                    memcpy(b, g, gl);
                    b[gl] = ' ';
                    memcpy(b + gl + 1, f, fl + 1);
                    s = b;
                }
            }
        }
    }
    return s && strncmp(s, "http", 4) != 0 ? s : NULL;
}

/* All names of an author value (string, object, array of either) offered
 * as one byline, ";"-separated. */
static void
read_author(wn_meta_cands *c, const ids *x, const wn_json *v, int src)
{
    v = deref(x, v);
    if (!v)
        return;
    wn_buf b;
    wn_buf_init(&b, c->arena, 4096);
    if (v->type == WN_JSON_ARRAY) {
        size_t k = 0;
        for (wn_json *e = v->child; e && k < WN_MAX_AUTHORS; e = e->next, k++) {
            const char *s = author_name(c, x, e);
            if (s) {
                if (b.len)
                    wn_buf_puts(&b, "; ");
                wn_buf_puts(&b, s);
            }
        }
    } else {
        const char *s = author_name(c, x, v);
        if (s)
            wn_buf_puts(&b, s);
    }
    if (!b.failed && b.len)
        wn_cands_author(c, b.ptr, b.len, src);
}

static void
read_image(wn_meta_cands *c, const ids *x, const wn_json *v, int src)
{
    v = deref(x, v);
    if (!v)
        return;
    if (v->type == WN_JSON_ARRAY)
        v = deref(x, v->child);
    if (!v)
        return;
    if (v->type == WN_JSON_STRING) {
        offer(c, &c->image, v->str, src);
    } else if (v->type == WN_JSON_OBJECT) {
        const char *u = wn_json_str(wn_json_get(v, "url"));
        if (!u)
            u = wn_json_str(wn_json_get(v, "contentUrl"));
        if (u && c->image.src < src)
            offer(c, &c->image_caption, text_of(x, wn_json_get(v, "caption")), src);
        offer(c, &c->image, u, src);
    }
}

static void
read_keywords(wn_meta_cands *c, const wn_json *v, int src)
{
    if (!v)
        return;
    if (v->type == WN_JSON_STRING) {
        wn_cands_tags(c, v->str, v->len, src);
    } else if (v->type == WN_JSON_ARRAY) {
        for (wn_json *e = v->child; e; e = e->next)
            if (e->type == WN_JSON_STRING)
                wn_cands_tags(c, e->str, e->len, src);
    }
}

static void
read_main(wn_meta_cands *c, const ids *x, const wn_json *o, int src)
{
    const char *h = text_of(x, wn_json_get(o, "headline"));
    if (h)
        offer(c, &c->title_ld, h, src);
    else
        offer(c, &c->title_ld, text_of(x, wn_json_get(o, "name")), src - 1);
    const wn_json *a = wn_json_get(o, "author");
    if (!a)
        a = wn_json_get(o, "creator");
    if (a)
        read_author(c, x, a, src);
    static const char *const pub[] = {"datePublished", "dateCreated", "uploadDate", "startDate"};
    for (size_t k = 0; k < sizeof pub / sizeof pub[0]; k++) {
        const char *d = text_of(x, wn_json_get(o, pub[k]));
        if (d) {
            wn_cands_date(c, false, d, strlen(d), src - (int)k, true);
            break;
        }
    }
    const char *m = text_of(x, wn_json_get(o, "dateModified"));
    if (m)
        wn_cands_date(c, true, m, strlen(m), src, true);
    const wn_json *p = deref(x, wn_json_get(o, "publisher"));
    if (p) {
        if (p->type == WN_JSON_ARRAY)
            p = deref(x, p->child);
        offer(c, &c->site, text_of(x, p), src);
    }
    read_image(c, x, wn_json_get(o, "image"), src);
    if (!wn_json_get(o, "image"))
        read_image(c, x, wn_json_get(o, "thumbnailUrl"), src - 1);
    offer(c, &c->section, text_of(x, wn_json_get(o, "articleSection")), src);
    read_keywords(c, wn_json_get(o, "keywords"), src);
    const char *lang = text_of(x, wn_json_get(o, "inLanguage"));
    if (lang) {
        char norm[16];
        if (wn_lang_normalise(lang, strlen(lang), norm))
            offer(c, &c->lang, norm, src);
    }
    offer(c, &c->description, text_of(x, wn_json_get(o, "description")), src);
    if (src == WN_SRC_JSONLD)
        offer(c, &c->page_kind, "article", src);
}

/* BreadcrumbList: the item before the last (the last is the page itself). */
static void
read_breadcrumb(wn_meta_cands *c, const ids *x, const wn_json *o)
{
    const wn_json *list = wn_json_get(o, "itemListElement");
    if (!list || list->type != WN_JSON_ARRAY || list->n_children < 2)
        return;
    const wn_json *prev = NULL, *last = NULL;
    for (wn_json *e = list->child; e; e = e->next) {
        prev = last;
        last = e;
    }
    prev = deref(x, prev);
    if (!prev || prev->type != WN_JSON_OBJECT)
        return;
    const char *name = text_of(x, wn_json_get(prev, "name"));
    if (!name)
        name = text_of(x, wn_json_get(deref(x, wn_json_get(prev, "item")), "name"));
    /* the first item is usually "Home": a two-item trail names no section */
    if (name && list->n_children >= 3)
        offer(c, &c->section, name, WN_SRC_VISIBLE);
}

void
wn_jsonld_read(wn_meta_cands *c, const char *s, size_t n)
{
    wn_json *root = wn_json_parse(c->arena, s, n);
    if (!root)
        return;
    /* 4 KB: only the count needs clearing (zeroing it all cost more than
     * the reads of a small block) */
    ids *x = wn_arena_alloc(c->arena, sizeof *x);
    if (!x)
        return;
    x->n = 0;
    for (wn_json *v = wn_json_walk_next(root, NULL); v; v = wn_json_walk_next(root, v)) {
        if (v->type != WN_JSON_OBJECT || x->n >= MAX_IDS)
            continue;
        const char *id = wn_json_str(wn_json_get(v, "@id"));
        if (id && wn_json_get(v, "@type")) {
            x->obj[x->n] = v;
            x->id[x->n] = id;
            x->n++;
        }
    }
    /* the article first, so its fields win ties with the page's */
    for (int want = 3; want >= 2; want--) {
        for (wn_json *v = wn_json_walk_next(root, NULL); v; v = wn_json_walk_next(root, v)) {
            if (v->type != WN_JSON_OBJECT || type_rank(v) != want)
                continue;
            /* an article quoted inside another's field (e.g. "citation",
             * "hasPart") is not the page's article */
            bool nested = false;
            for (const wn_json *q = v; q->parent; q = q->parent) {
                /* a page's "mainEntity" is the page's own article */
                if (q->key && strcmp(q->key, "mainEntity") == 0)
                    break;
                if (q->parent->type == WN_JSON_OBJECT && type_rank(q->parent) >= 2) {
                    nested = true;
                    break;
                }
            }
            if (nested)
                continue;
            read_main(c, x, v, want == 3 ? WN_SRC_JSONLD : WN_SRC_LD_OTHER);
        }
    }
    for (wn_json *v = wn_json_walk_next(root, NULL); v; v = wn_json_walk_next(root, v)) {
        if (v->type != WN_JSON_OBJECT)
            continue;
        if (type_is(v, "BreadcrumbList"))
            read_breadcrumb(c, x, v);
        else if (type_is(v, "WebSite"))
            offer(c, &c->site, text_of(x, wn_json_get(v, "name")), WN_SRC_LD_OTHER);
        else if ((type_is(v, "Organization") || type_is(v, "NewsMediaOrganization")) &&
                 v->parent && v->parent->key && strcmp(v->parent->key, "@graph") == 0)
            offer(c, &c->site, text_of(x, wn_json_get(v, "name")), WN_SRC_META);
    }
}
