/* title.c - the visible headline.
 *
 * Benchmarks and readers want the headline as printed on the page, not the
 * SEO title ("Headline | Site"). The page usually prints it in an <h1>
 * (sometimes an <h2>) that agrees with og:title, the JSON-LD headline or
 * <title> once words are compared loosely. So: a heading that matches a
 * declared title wins (one the title starts with before one it ends with);
 * otherwise the page's first <h1>, or on service, listing and collection
 * pages the best declared title (also when the title holds the heading
 * only after other words), without the site name that templates glue to
 * either end. A heading that links home is the site's logo, never the
 * headline, and names the site when nothing declares it. A heading's text
 * leaves out its buttons, hidden pop-ups and a leading or trailing label
 * (a date, "Blog:", a forum prefix, a format) that a declared title shows
 * is not the headline's. Pages that set their sections in <h1>s, or an
 * <h1> that reads as a paragraph, fall back on the declared title. Last, a
 * short tail after the first " | ", " - " or " / " (a section, an edition,
 * a tag line; not a date) is cut (wn_title_cut_tagline). docs/METADATA.md
 * lists the rules.
 */
#include <string.h>

#include "metadata.h"

#define FOLD_MAX 1024

typedef struct folded {
    char s[FOLD_MAX];
    size_t n;
} folded;

/* Does `hay` contain `needle` at word boundaries? */
static bool
contains_words(const folded *hay, const folded *needle)
{
    if (!needle->n || needle->n > hay->n)
        return false;
    const char *p = hay->s;
    while ((p = strstr(p, needle->s)) != NULL) {
        size_t at = (size_t)(p - hay->s);
        bool left = at == 0 || hay->s[at - 1] == ' ';
        bool right = at + needle->n == hay->n || hay->s[at + needle->n] == ' ';
        if (left && right)
            return true;
        p++;
    }
    return false;
}

/* Is every word of `a` a word of `b`? */
static bool
words_within(const folded *a, const folded *b)
{
    if (!a->n || !b->n)
        return false;
    const char *w = a->s;
    while (*w) {
        size_t l = strcspn(w, " ");
        bool found = false;
        for (const char *v = b->s; *v && !found;) {
            size_t m = strcspn(v, " ");
            found = m == l && memcmp(v, w, l) == 0;
            v += m + (v[m] == ' ');
        }
        if (!found)
            return false;
        w += l + (w[l] == ' ');
    }
    return true;
}

/* Words of a folded text: its runs between spaces, each Han or kana
 * character counting as a word of its own, and each character of Thai,
 * Lao, Khmer and Myanmar (those scripts write no spaces between words: a
 * headline is one "word" long otherwise, and every length test below
 * fails on it). */
static size_t
count_words(const folded *f)
{
    /* the common case: no Han or kana, words are the runs between
     * single spaces (a folded text has no others) */
    size_t spaces = 0;
    unsigned char wide = 0;
    for (size_t i = 0; i < f->n; i++) {
        spaces += f->s[i] == ' ';
        wide |= (unsigned char)f->s[i] >= 0xE0 ? 1 : 0;
    }
    if (!wide)
        return f->n ? spaces + 1 : 0;
    size_t w = 0;
    bool in_run = false;
    for (size_t i = 0; i < f->n;) {
        unsigned char c = (unsigned char)f->s[i];
        if (c == ' ') {
            in_run = false;
            i++;
            continue;
        }
        /* U+3040..U+9FFF (kana, CJK symbols, Han) and U+F900..U+FAFF:
         * three bytes from E3 81 80 to E9 BF BF, and EF A4..AB */
        /* also Thai and Lao (U+0E00..U+0EFF: E0 B8..BB), Myanmar
         * (U+1000..U+109F: E1 80..82) and Khmer (U+1780..U+17FF: E1 9E..9F),
         * which write no spaces either */
        unsigned char c1 = i + 2 < f->n ? (unsigned char)f->s[i + 1] : 0;
        bool cjk = c1 && ((c >= 0xE3 && c <= 0xE9 && !(c == 0xE3 && c1 < 0x81)) ||
                          (c == 0xEF && c1 >= 0xA4 && c1 <= 0xAB) ||
                          (c == 0xE0 && c1 >= 0xB8 && c1 <= 0xBB) ||
                          (c == 0xE1 && ((c1 >= 0x80 && c1 <= 0x82) || c1 == 0x9E || c1 == 0x9F)));
        if (cjk) {
            w++;
            in_run = false;
            i += 3;
            continue;
        }
        if (!in_run)
            w++;
        in_run = true;
        i++;
    }
    return w;
}

/* Separators templates put between a headline and the site name. */
/* (each with its length) */
#define SEP(x) {x, sizeof(x) - 1}
static const struct {
    const char *s;
    unsigned char n;
} seps[] = {SEP(" | "), SEP(" - "), SEP(" \xE2\x80\x93 "), SEP(" \xE2\x80\x94 "), SEP(" :: "),
             SEP(" \xC2\xB7 "), SEP(" \xE2\x80\xA2 "), SEP(" \xC2\xBB "), SEP(" / "),
             SEP(" \xE2\x80\xB9 "), SEP(" \xC2\xAB "), SEP(" ~ "), SEP(" \xE2\x80\xBA "),
             SEP(" @ ")};
#undef SEP

/* Can a separator of seps start at s[0] (a space) given the byte after it? */
static inline bool
sep_may_start(const char *s)
{
    switch ((unsigned char)s[1]) {
    case '|': case '-': case ':': case '/': case '~': case '@': case 0xC2: case 0xE2:
        return true;
    default:
        return false;
    }
}

/* The length of the first of seps that starts at t.ptr[i] with a byte
 * after it (i >= 1), else 0. */
static size_t
sep_len_at(wn_str t, size_t i)
{
    if (t.ptr[i] != ' ' || i + 1 >= t.len || !sep_may_start(t.ptr + i))
        return 0;
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++)
        if (i + seps[k].n < t.len && memcmp(t.ptr + i, seps[k].s, seps[k].n) == 0)
            return seps[k].n;
    return 0;
}

/* Is part the site's name: equal, within it, or holding it with at most
 * `slack` more words ("Example News" for "Example")? */
static bool
match_site(wn_str part, const folded *site, size_t slack)
{
    folded f;
    f.n = wn_meta_fold(part.ptr, part.len, f.s, sizeof f.s);
    if (!f.n || !site->n)
        return false;
    if (strcmp(f.s, site->s) == 0)
        return true;
    /* "Example News" vs "Example", "example.com" vs "Example" */
    return (contains_words(&f, site) && count_words(&f) <= count_words(site) + slack) ||
           (contains_words(site, &f) && count_words(&f) >= 1 && f.n >= 3);
}

/* As wn_title_strip_site; from the end only unless both_ends. */
/* Separators written without spaces around them: fullwidth bar, Han
 * "丨", underscore, fullwidth hyphen-minus and colon, bar, em dash. */
static const char *const glued_seps[] = {"\xEF\xBD\x9C", "\xE4\xB8\xA8", "_", "\xEF\xBC\x8D",
                                         "\xEF\xBC\x9A", "|", "\xE2\x80\x94"};

/* title without its tail after the last glued separator when that tail,
 * spaces trimmed, is the site's name fs (folded) exactly. */
static wn_str
strip_glued_site(wn_str title, const folded *fs)
{
    /* the last separator: one pass from the end, the first bytes first */
    size_t best = 0, best_len = 0;
    for (size_t i = title.len; i-- > 1 && !best;) {
        unsigned char c = (unsigned char)title.ptr[i];
        if (c != '_' && c != '|' && c != 0xEF && c != 0xE4 && c != 0xE2)
            continue;
        for (size_t k = 0; k < sizeof glued_seps / sizeof glued_seps[0]; k++) {
            size_t sl = strlen(glued_seps[k]);
            if (i + sl < title.len && memcmp(title.ptr + i, glued_seps[k], sl) == 0) {
                best = i, best_len = sl;
                break;
            }
        }
    }
    if (!best)
        return title;
    folded f;
    f.n = wn_meta_fold(title.ptr + best + best_len, title.len - best - best_len, f.s, sizeof f.s);
    if (f.n != fs->n || memcmp(f.s, fs->s, f.n) != 0)
        return title;
    size_t e = best;
    while (e && title.ptr[e - 1] == ' ')
        e--;
    return e ? (wn_str){title.ptr, e} : title;
}

static wn_str
strip_site(wn_arena *a, wn_str title, wn_str site, bool both_ends)
{
    if (!title.ptr)
        return title;
    folded fs;
    fs.n = site.ptr ? wn_meta_fold(site.ptr, site.len, fs.s, sizeof fs.s) : 0;
    /* the separator nearest each end */
    int tail_strips = 0;
    for (int pass = 0; pass < (both_ends ? 2 : 1); pass++) {
        size_t best_at = 0, best_len = 0;
        bool found = false;
        /* the last separator (pass 0) or the first (pass 1), the earlier
         * of seps where two start at one place: one scan from that end */
        if (title.len > 1) {
            for (size_t j = 1; j < title.len && !found; j++) {
                size_t i = pass == 0 ? title.len - j : j;
                best_len = sep_len_at(title, i);
                if (best_len) {
                    best_at = i;
                    found = true;
                }
            }
        }
        if (!found)
            continue;
        wn_str head = {title.ptr, best_at};
        wn_str tail = {title.ptr + best_at + best_len, title.len - best_at - best_len};
        wn_str site_part = pass == 0 ? tail : head;
        wn_str keep = pass == 0 ? head : tail;
        /* a headline's first words hold the site's word more often than
         * its last ones: "New to Astronomy \xE2\x80\x93 Which Telescope?" */
        if (fs.n && match_site(site_part, &fs, pass == 0 ? 2 : 1)) {
            title = keep;
            /* "Page \xC2\xB7 Site Topics \xC2\xB7 Site", "Page | Site | Site": again */
            if (pass == 0 && ++tail_strips < 3)
                pass = -1;
            continue;
        }
        /* no site name known: a short last part after a bar is the site */
        if (pass == 0 && !fs.n) {
            folded fp, fk;
            fp.n = wn_meta_fold(site_part.ptr, site_part.len, fp.s, sizeof fp.s);
            fk.n = wn_meta_fold(keep.ptr, keep.len, fk.s, sizeof fk.s);
            size_t wp = count_words(&fp), wk = count_words(&fk);
            bool bar = memcmp(title.ptr + best_at, " | ", 3) == 0;
            if (wp && wp <= 3 && wk >= 3 && (bar || wk >= 2 * wp + 2))
                title = keep;
        }
    }
    /* a separator written without spaces, as Chinese and Japanese titles
     * do ("Headline｜Site", "Headline_Site"): the tail must be the site's
     * name exactly */
    if (fs.n && tail_strips == 0)
        title = strip_glued_site(title, &fs);
    if (a && title.ptr && title.len && title.ptr[title.len] != '\0') {
        /* a NUL-terminated copy, as every other metadata string */
        char *cp = wn_arena_strndup(a, title.ptr, title.len);
        if (cp)
            title.ptr = cp;
    }
    return title;
}

wn_str
wn_title_strip_site(wn_arena *a, wn_str title, wn_str site)
{
    return strip_site(a, title, site, true);
}

/* How well heading text h agrees with a declared title d: 4 equal, 3 the
 * declared title starts with the heading (site name glued on after it), 2
 * the declared title contains it elsewhere (a heading that repeats the site
 * name a "Page - Site" title ends with: a logo or a book's name in a
 * sidebar), 1 the heading contains the declared title, 0 unrelated. */
static int
agreement(const folded *h, const folded *d)
{
    if (!h->n || !d->n)
        return 0;
    if (strcmp(h->s, d->s) == 0)
        return 4;
    size_t hw = count_words(h), dw = count_words(d);
    if (contains_words(d, h) && (hw >= 3 || hw * 2 >= dw))
        return strncmp(d->s, h->s, h->n) == 0 && d->s[h->n] == ' ' ? 3 : 2;
    if (contains_words(h, d) && (dw >= 3 || dw * 2 >= hw))
        return 1;
    return 0;
}

/* "Headline - Short tail", "Headline | Short tail", "Post / Board / Forum":
 * what follows the first bar, spaced hyphen or spaced slash is a template's
 * tag line, a section, an edition or a site name that no declared name gave
 * away ("Best Movers in NYC 2025 | Top 19 Companies"). A tail part of more
 * than five words reads as a subtitle and stays, as do numbers ("2026 /
 * 2027"); en and em dashes are a headline's own punctuation and stay. */
#define TAGLINE_MAX_WORDS 5

/* Is every word of f a number or a month's name, a number among them
 * ("2026", "March 2026"; not "Mars")? */
static bool
date_words(const folded *f)
{
    bool number = false;
    for (const char *w = f->s; *w;) {
        size_t l = strcspn(w, " ");
        bool digits = strspn(w, "0123456789") >= l;
        if (!digits && !wn_date_month_word(w, l))
            return false;
        number = number || digits;
        w += l + (w[l] == ' ');
    }
    return number;
}

wn_str
wn_title_cut_tagline(wn_arena *a, wn_str title)
{
    if (!title.ptr || title.len < 5)
        return title;
    for (size_t i = 1; i + 3 < title.len; i++) {
        if (title.ptr[i] != ' ' || title.ptr[i + 2] != ' ' ||
            (title.ptr[i + 1] != '|' && title.ptr[i + 1] != '-' && title.ptr[i + 1] != '/'))
            continue;
        folded fh, ft;
        fh.n = wn_meta_fold(title.ptr, i, fh.s, sizeof fh.s);
        /* the head as printed: "Acme.io - Tagline" is a name, not two words;
         * a bar is no headline's punctuation, "SHIP | City of Example" */
        bool one_token = memchr(title.ptr, ' ', i) == NULL && title.ptr[i + 1] != '|';
        if (!fh.n || one_token)
            return title;
        /* each part of the tail, "| Section | Site" */
        const char sep[4] = {' ', title.ptr[i + 1], ' ', '\0'};
        for (size_t p = i + 3; p <= title.len;) {
            size_t e = p;
            while (e < title.len && !(e + 3 <= title.len && memcmp(title.ptr + e, sep, 3) == 0))
                e++;
            ft.n = wn_meta_fold(title.ptr + p, e - p, ft.s, sizeof ft.s);
            size_t wt = count_words(&ft);
            /* "2026 / 2027", "- March 2026": numbers and dates belong to
             * the headline */
            if (wt < 1 || wt > TAGLINE_MAX_WORDS || date_words(&ft))
                return title;
            p = e + 3;
        }
        size_t end = i;
        while (end > 0 && title.ptr[end - 1] == ' ')
            end--;
        char *cp = a ? wn_arena_strndup(a, title.ptr, end) : NULL; /* NUL-terminated */
        return cp ? (wn_str){cp, end} : title;
    }
    return title;
}

static wn_str choose(wn_meta_cands *c, wn_node **headline, wn_str *alt, bool *h1_within);

/* Is h[i] a replacement mark, '?' or U+FFFD? Its length, else 0. */
static size_t
replacement_at(const char *h, size_t n, size_t i)
{
    if (h[i] == '?')
        return 1;
    if (i + 2 < n && (unsigned char)h[i] == 0xEF && (unsigned char)h[i + 1] == 0xBF &&
        (unsigned char)h[i + 2] == 0xBD)
        return 3;
    return 0;
}

/* Does h match the start of d once each replacement mark in h stands for
 * one or two characters of d (no space)? The length of d matched, else 0.
 * `budget` bounds the backtracking. */
static size_t
replaced_match(const char *h, size_t hn, size_t i, const char *d, size_t dn, size_t j,
               int *budget)
{
    while (i < hn) {
        if (--*budget < 0)
            return 0;
        size_t r = replacement_at(h, hn, i);
        if (r) {
            size_t k = j;
            for (int take = 0; take < 2 && k < dn && d[k] != ' '; take++) {
                wn_meta_u8next(d, dn, &k);
                size_t m = replaced_match(h, hn, i + r, d, dn, k, budget);
                if (m)
                    return m;
            }
            return 0;
        }
        if (j >= dn)
            return 0;
        char a = h[i], b = d[j];
        if ((a >= 'A' && a <= 'Z' ? a + 32 : a) != (b >= 'A' && b <= 'Z' ? b + 32 : b))
            return 0;
        i++;
        j++;
    }
    return j;
}

/* A heading whose apostrophes and colons were lost to '?' or U+FFFD (a
 * wrong charset on the way): a declared title that reads the same with the
 * right characters, up to its end or a separator, is the clean copy. */
static wn_str
clean_copy(wn_meta_cands *c, wn_str t)
{
    bool marked = false;
    for (size_t i = 0; i + 1 < t.len && !marked; i++)
        marked = replacement_at(t.ptr, t.len, i) != 0;
    if (!marked)
        return t;
    const wn_slot *decl[] = {&c->title_ld, &c->title_og, &c->title_micro, &c->title_meta,
                             &c->title_tag};
    for (size_t k = 0; k < sizeof decl / sizeof decl[0]; k++) {
        wn_str d = decl[k]->v;
        if (!d.ptr)
            continue;
        int budget = 4096;
        size_t m = replaced_match(t.ptr, t.len, 0, d.ptr, d.len, 0, &budget);
        if (!m || (m == t.len && memcmp(t.ptr, d.ptr, m) == 0))
            continue;
        bool end = m == d.len;
        for (size_t s = 0; !end && s < sizeof seps / sizeof seps[0]; s++)
            end = d.len - m >= seps[s].n && memcmp(d.ptr + m, seps[s].s, seps[s].n) == 0;
        if (!end)
            continue;
        char *cp = wn_arena_strndup(c->arena, d.ptr, m); /* NUL-terminated */
        return cp ? (wn_str){cp, m} : t;
    }
    return t;
}

wn_str
wn_title_choose(wn_meta_cands *c, wn_node **headline, wn_str *alt, bool *h1_within)
{
    wn_str t = choose(c, headline, alt, h1_within);
    if (*headline && t.ptr)
        t = clean_copy(c, t);
    /* a documentation heading's permalink mark: "Middleware\xC2\xB6" */
    size_t n = t.len;
    while (n >= 2 && (unsigned char)t.ptr[n - 2] == 0xC2 && (unsigned char)t.ptr[n - 1] == 0xB6) {
        n -= 2;
        while (n && t.ptr[n - 1] == ' ')
            n--;
    }
    if (n && n < t.len) {
        char *cp = wn_arena_strndup(c->arena, t.ptr, n); /* NUL-terminated */
        if (cp)
            t = (wn_str){cp, n};
    }
    return wn_title_cut_tagline(c->arena, t);
}

/* Does href point at a site's home page ("/", "index.html",
 * "https://example.com/")? */
static bool
home_href(const char *h, size_t n)
{
    while (n && (*h == ' ' || *h == '\t' || *h == '\n')) {
        h++;
        n--;
    }
    while (n && (h[n - 1] == ' ' || h[n - 1] == '\t' || h[n - 1] == '\n'))
        n--;
    if (n >= 2 && h[0] == '.' && h[1] == '/') {
        h++;
        n--;
    }
    if (n && h[0] == '/' && !(n >= 2 && h[1] == '/')) {
        h++;
        n--;
    } else {
        /* "https://host/", "//host" */
        size_t i = 0;
        if (n >= 7 && wn_meta_ieq(h, 7, "http://"))
            i = 7;
        else if (n >= 8 && wn_meta_ieq(h, 8, "https://"))
            i = 8;
        else if (n >= 2 && h[0] == '/' && h[1] == '/')
            i = 2;
        if (!i) /* "index.html" */
            return (n == 10 && wn_meta_ieq(h, n, "index.html")) ||
                   (n == 9 && wn_meta_ieq(h, n, "index.php"));
        size_t host = i;
        while (i < n && h[i] != '/' && h[i] != '?' && h[i] != '#')
            i++;
        if (i == host)
            return false;
        if (i < n && h[i] == '/')
            i++;
        h += i;
        n -= i;
    }
    return n == 0 || (n == 10 && wn_meta_ieq(h, n, "index.html")) ||
           (n == 9 && wn_meta_ieq(h, n, "index.php"));
}

/* Is heading h (text folded in fh) the site's logo: inside a link to the
 * home page, or holding one that carries all its text? */
static bool
logo_heading(wn_arena *a, const wn_node *h, const folded *fh)
{
    size_t l = 0;
    const char *v;
    int up = 0;
    for (const wn_node *p = h->parent; p && up < 3; p = p->parent, up++)
        if (wn_node_is(p, WN_TAG_A) && (v = wn_node_attr(p, "href", &l)) && home_href(v, l))
            return true;
    wn_walk w;
    wn_node *n;
    bool enter;
    wn_walk_init(&w, (wn_node *)h);
    while (wn_walk_next(&w, &n, &enter)) {
        if (!enter || !wn_node_is(n, WN_TAG_A))
            continue;
        wn_walk_skip_children(&w);
        if (!(v = wn_node_attr(n, "href", &l)) || !home_href(v, l))
            continue;
        wn_str t = wn_meta_node_text(a, n, 600);
        folded ft;
        ft.n = t.ptr ? wn_meta_fold(t.ptr, t.len, ft.s, sizeof ft.s) : 0;
        if (ft.n && ft.n == fh->n && strcmp(ft.s, fh->s) == 0)
            return true;
    }
    return false;
}

bool
wn_title_links_home(wn_arena *a, const wn_node *n)
{
    wn_str t = wn_meta_node_text(a, n, 600);
    folded *f = t.ptr ? wn_arena_alloc(a, sizeof *f) : NULL;
    if (!f)
        return false;
    f->n = wn_meta_fold(t.ptr, t.len, f->s, FOLD_MAX);
    return f->n && logo_heading(a, n, f);
}

/* A heading's leading label: the outermost element around its first words
 * that does not hold all of its text ("<time>Dec 18 2025</time> Headline",
 * "<strong>Blog:</strong> Headline", a forum thread's prefix chip), at most
 * four words with more text after it. Returns the text after the label
 * (NULL when there is none), the label's text in *label, and in *linked
 * whether the label is (in) a link. With `trailing`, the same at the
 * heading's end ("Headline <span>Hardcover \xE2\x80\x93 June 1, 2018</span>"), and the
 * text before it. */
static wn_str
heading_rest(wn_arena *a, const wn_node *h, wn_str full, bool trailing, wn_str *label,
             bool *linked)
{
    wn_str none = {NULL, 0};
    *label = none;
    *linked = false;
    wn_walk w;
    wn_node *n, *edge = NULL;
    bool enter;
    wn_walk_init(&w, (wn_node *)h);
    while ((trailing || !edge) && wn_walk_next(&w, &n, &enter)) {
        if (!enter)
            continue;
        if (n->type == WN_NODE_ELEMENT && (n->tag == WN_TAG_SCRIPT || n->tag == WN_TAG_STYLE ||
                                           (n != h && wn_meta_heading_skips(n, true)))) {
            wn_walk_skip_children(&w);
            continue;
        }
        if (n->type != WN_NODE_TEXT)
            continue;
        for (size_t k = 0; k < n->len; k++)
            if (n->data[k] != ' ' && n->data[k] != '\n' && n->data[k] != '\t' &&
                n->data[k] != '\r') {
                edge = n;
                break;
            }
    }
    if (!edge)
        return none;
    wn_str lt = {NULL, 0};
    for (const wn_node *p = edge->parent; p && p != h; p = p->parent) {
        wn_str t = wn_meta_heading_text(a, p, 600);
        if (!t.ptr || t.len >= full.len)
            break;
        lt = t;
        *linked = *linked || wn_node_is(p, WN_TAG_A);
    }
    if (!lt.ptr ||
        memcmp(trailing ? full.ptr + full.len - lt.len : full.ptr, lt.ptr, lt.len) != 0)
        return none;
    folded f;
    f.n = wn_meta_fold(lt.ptr, lt.len, f.s, sizeof f.s);
    if (!f.n || count_words(&f) > 4)
        return none;
    wn_str r;
    if (trailing) {
        /* and the separator before it: "Moon Silver | <span>44MM</span>" */
        size_t e = full.len - lt.len;
        for (;;) {
            while (e && full.ptr[e - 1] == ' ')
                e--;
            if (e && strchr("|-/,:", full.ptr[e - 1]))
                e--;
            else if (e >= 3 && (unsigned char)full.ptr[e - 3] == 0xE2 &&
                     (unsigned char)full.ptr[e - 2] == 0x80 &&
                     ((unsigned char)full.ptr[e - 1] == 0x93 ||
                      (unsigned char)full.ptr[e - 1] == 0x94))
                e -= 3;
            else
                break;
        }
        r = (wn_str){full.ptr, e};
    } else {
        size_t i = lt.len;
        while (i < full.len && full.ptr[i] == ' ')
            i++;
        r = (wn_str){full.ptr + i, full.len - i};
    }
    f.n = wn_meta_fold(r.ptr, r.len, f.s, sizeof f.s);
    if (!f.n)
        return none;
    *label = lt;
    return r;
}

static unsigned
first_cp(wn_str s)
{
    size_t i = 0;
    return s.len ? wn_meta_u8next(s.ptr, s.len, &i) : 0;
}

/* Does d hold t byte for byte? */
static bool
holds(wn_str d, wn_str t)
{
    if (!d.ptr || !t.len || t.len > d.len)
        return false;
    for (size_t i = 0; i + t.len <= d.len; i++)
        if (d.ptr[i] == t.ptr[0] && memcmp(d.ptr + i, t.ptr, t.len) == 0)
            return true;
    return false;
}

/* Does declared title d print the label apart, "Label - Rest ..." (a forum
 * prefix, a section), with the rest of it starting with heading rest fr? */
static bool
label_apart(wn_str d, wn_str label, const folded *fr)
{
    if (!d.ptr || d.len <= label.len || memcmp(d.ptr, label.ptr, label.len) != 0)
        return false;
    for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
        size_t sl = seps[k].n;
        if (d.len > label.len + sl && memcmp(d.ptr + label.len, seps[k].s, sl) == 0) {
            folded fd;
            fd.n = wn_meta_fold(d.ptr + label.len + sl, d.len - label.len - sl, fd.s,
                                sizeof fd.s);
            return agreement(fr, &fd) >= 3;
        }
    }
    return false;
}

/* Does heading text read as a paragraph: two sentences or more, each
 * ended by '.', '?' or '!' before a capital, over 120 bytes? A blurb set
 * in an <h1>, not a headline. */
static bool
paragraph(wn_str t)
{
    if (t.len <= 120)
        return false;
    int ends = 0;
    for (size_t i = 0; i + 2 < t.len; i++)
        if ((t.ptr[i] == '.' || t.ptr[i] == '?' || t.ptr[i] == '!') && t.ptr[i + 1] == ' ' &&
            t.ptr[i + 2] >= 'A' && t.ptr[i + 2] <= 'Z')
            ends++;
    return ends >= 2;
}

/* Does a part of d between separators (or its ends) read as f: "Page" or
 * "Page | Section" in "Page | Section | Site", not "Page" in "Page of the
 * Year"? */
static bool
whole_part(wn_arena *a, wn_str d, const folded *f)
{
    if (!d.ptr)
        return false;
    size_t at[17], sl[17], n = 0;
    for (size_t i = 1; i + 2 < d.len && n < 16; i++) {
        if (d.ptr[i] != ' ' || !sep_may_start(d.ptr + i))
            continue;
        for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
            size_t l = seps[k].n;
            if (i + l <= d.len && memcmp(d.ptr + i, seps[k].s, l) == 0) {
                at[n] = i;
                sl[n++] = l;
                break;
            }
        }
    }
    folded *g = wn_arena_alloc(a, sizeof *g);
    if (!g)
        return false;
    for (size_t s = 0; s <= n; s++) {
        size_t from = s ? at[s - 1] + sl[s - 1] : 0;
        for (size_t e = s; e <= n; e++) {
            size_t to = e < n ? at[e] : d.len;
            if (to <= from)
                continue;
            g->n = wn_meta_fold(d.ptr + from, to - from, g->s, FOLD_MAX);
            if (g->n == f->n && memcmp(g->s, f->s, f->n) == 0)
                return true;
        }
    }
    return false;
}

/* The first part of declared title d, up to its first separator, folded
 * into *f ("Cobalt Mug" of "Cobalt Mug | Example Shop"); empty when d
 * has no separator. */
static void
first_part(wn_str d, folded *f)
{
    f->n = 0;
    f->s[0] = '\0';
    for (size_t i = 1; d.ptr && i + 2 < d.len; i++) {
        if (d.ptr[i] != ' ' || !sep_may_start(d.ptr + i))
            continue;
        for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
            size_t l = seps[k].n;
            if (i + l <= d.len && memcmp(d.ptr + i, seps[k].s, l) == 0) {
                f->n = wn_meta_fold(d.ptr, i, f->s, FOLD_MAX);
                return;
            }
        }
    }
}

/* Does f read as folded part p? */
static bool
same_fold(const folded *f, const folded *p)
{
    return f->n && f->n == p->n && memcmp(f->s, p->s, f->n) == 0;
}

static wn_str
choose(wn_meta_cands *c, wn_node **headline, wn_str *alt, bool *h1_within)
{
    *headline = NULL;
    *h1_within = false;
    *alt = (wn_str){NULL, 0};
    const wn_slot *decl[] = {&c->title_ld, &c->title_og, &c->title_micro, &c->title_meta,
                             &c->title_tag};
    enum { ND = sizeof decl / sizeof decl[0] };
    folded *fd = wn_arena_alloc(c->arena, ND * sizeof *fd);
    folded *fh = wn_arena_alloc(c->arena, sizeof *fh);
    if (!fd || !fh)
        return (wn_str){NULL, 0};
    for (size_t k = 0; k < ND; k++)
        fd[k].n = decl[k]->v.ptr ? wn_meta_fold(decl[k]->v.ptr, decl[k]->v.len, fd[k].s, FOLD_MAX)
                                 : 0;
    /* each one's first part: a heading that reads as it agrees as one the
     * declared title starts with, however short ("Cobalt Mug" for
     * "Cobalt Mug | Example Shop") */
    folded *fp = wn_arena_alloc(c->arena, ND * sizeof *fp);
    if (!fp)
        return (wn_str){NULL, 0};
    for (size_t k = 0; k < ND; k++)
        first_part(decl[k]->v, &fp[k]);
    /* each heading's text, and its folded form when it is short enough
     * for any loop below to read it (500 bytes), gathered once */
    wn_str ht[WN_MAX_H1];
    folded *hf = wn_arena_alloc(c->arena, WN_MAX_H1 * sizeof *hf);
    if (!hf)
        return (wn_str){NULL, 0};
    for (size_t i = 0; i < c->n_h1; i++) {
        ht[i] = wn_meta_heading_text(c->arena, c->h1[i], 600);
        hf[i].n = ht[i].ptr && ht[i].len <= 500
                      ? wn_meta_fold(ht[i].ptr, ht[i].len, hf[i].s, FOLD_MAX)
                      : 0;
    }
    /* headings that are the site's logo never name the page; with no
     * declared site name, the first names the site */
    bool logo[WN_MAX_H1] = {false};
    wn_str site = c->site.v;
    for (size_t i = 0; i < c->n_h1; i++) {
        wn_str t = ht[i];
        if (!t.ptr || t.len > 200)
            continue;
        logo[i] = hf[i].n && logo_heading(c->arena, c->h1[i], &hf[i]);
        if (logo[i] && !c->logo)
            c->logo = c->h1[i];
        if (logo[i] && !site.ptr)
            site = t;
    }
    folded fsite;
    fsite.n = site.ptr ? wn_meta_fold(site.ptr, site.len, fsite.s, FOLD_MAX) : 0;

    int best_score = 0;
    wn_str best = {NULL, 0};
    bool own_h1 = false;
    for (size_t i = 0; i < c->n_h1; i++)
        own_h1 = own_h1 || (wn_node_is(c->h1[i], WN_TAG_H1) && !logo[i]);
    for (size_t i = 0; i < c->n_h1; i++) {
        if (logo[i])
            continue;
        wn_str t = ht[i];
        if (!t.ptr || t.len > 500)
            continue;
        const folded *fi = &hf[i];
        if (!fi->n || (fsite.n && strcmp(fi->s, fsite.s) == 0))
            continue;
        int score = 0;
        bool h2 = !wn_node_is(c->h1[i], WN_TAG_H1);
        for (size_t k = 0; k < ND; k++) {
            int a = agreement(fi, &fd[k]);
            /* an <h2> the declared title goes on from with more words,
             * not a separator ("What is a Mobile App?" in "What is a
             * Mobile App? [Definition + Types]"), is a section echoing the
             * title, when the page has its own <h1> */
            if (h2 && own_h1 && (a == 2 || a == 3) && !whole_part(c->arena, decl[k]->v, fi))
                a = 0;
            if (a < 3 && !h2 && same_fold(fi, &fp[k]))
                a = 3;
            if (a > score)
                score = a;
        }
        /* a leading label (a date, "Blog:", a forum's prefix chip) goes when
         * the rest agrees better with a declared title, or a declared title
         * prints the label apart ("Label - Rest") */
        wn_str label;
        bool linked;
        wn_str rest = heading_rest(c->arena, c->h1[i], t, false, &label, &linked);
        if (rest.ptr) {
            folded *fr = wn_arena_alloc(c->arena, sizeof *fr);
            if (fr) {
                fr->n = wn_meta_fold(rest.ptr, rest.len, fr->s, FOLD_MAX);
                int rs = 0;
                bool apart = false;
                for (size_t k = 0; k < ND; k++) {
                    int a = agreement(fr, &fd[k]);
                    if (a < 3 && !h2 && same_fold(fr, &fp[k]))
                        a = 3;
                    if (a > rs)
                        rs = a;
                    apart = apart || label_apart(decl[k]->v, label, fr);
                }
                /* not a link (a brand's or a category's name is part of
                 * the headline), nor a label the rest goes on from with a
                 * dash ("<code>json</code> \xE2\x80\x94 JSON encoder") */
                bool label_ok = !linked && wn_meta_is_word_cp(first_cp(rest));
                bool drop = label_ok && rs > score;
                if (drop || (label_ok && apart && score)) {
                    t = rest;
                    if (drop)
                        score = rs;
                }
            }
        }
        /* a trailing one (a format and a date after a product's name)
         * when a declared title starts with the rest */
        rest = heading_rest(c->arena, c->h1[i], t, true, &label, &linked);
        if (rest.ptr && !linked) {
            folded *fr = wn_arena_alloc(c->arena, sizeof *fr);
            if (fr) {
                fr->n = wn_meta_fold(rest.ptr, rest.len, fr->s, FOLD_MAX);
                int rs = 0;
                for (size_t k = 0; k < ND; k++) {
                    int a = agreement(fr, &fd[k]);
                    if (a < 3 && !h2 && same_fold(fr, &fp[k]))
                        a = 3;
                    if (a > rs)
                        rs = a;
                }
                char *cp = rs > score && rs >= 3
                               ? wn_arena_strndup(c->arena, rest.ptr, rest.len) /* NUL-terminated */
                               : NULL;
                if (cp) {
                    t = (wn_str){cp, rest.len};
                    score = rs;
                }
            }
        }
        /* an <h1> outranks an <h2> that agrees as well */
        score = score * 2 + (wn_node_is(c->h1[i], WN_TAG_H1) ? 1 : 0);
        /* then one a declared title prints as it is, dashes and all
         * ("Console \xE2\x80\x93 OLED Model" over "Console - OLED Model") */
        bool verbatim = false;
        for (size_t k = 0; k < ND && !verbatim; k++)
            verbatim = holds(decl[k]->v, t);
        score = score * 2 + (verbatim ? 1 : 0);
        if (score > best_score) {
            best_score = score;
            best = t;
            *headline = c->h1[i];
        }
    }
    if (best_score >= 6) { /* agreement >= 1 (2 for an <h2>) */
        /* a heading a declared title holds only after other words (a
         * brand, "All": "All Men's Socks" for "Men's Socks"; not the site's
         * name, nor a label a tag line follows) agrees weakly: that title, the <title> first, still names
         * a non-article page (finish.c), as when no declared title agrees */
        folded *fs = best_score >> 2 == 2 ? wn_arena_alloc(c->arena, sizeof *fs) : NULL;
        if (fs) {
            fh->n = wn_meta_fold(best.ptr, best.len, fh->s, FOLD_MAX);
            static const size_t tag_first[ND] = {4, 1, 0, 2, 3}; /* decl[] indices */
            for (size_t j = 0; j < ND && !alt->ptr; j++) {
                if (agreement(fh, &fd[tag_first[j]]) != 2)
                    continue;
                /* as finish.c will print it: no site name, no tag line */
                wn_str d = wn_title_strip_site(c->arena, decl[tag_first[j]]->v, site);
                wn_str cut = wn_title_cut_tagline(c->arena, d);
                fs->n = cut.ptr ? wn_meta_fold(cut.ptr, cut.len, fs->s, FOLD_MAX) : 0;
                if (agreement(fh, fs) == 2)
                    *alt = d;
            }
        }
        return fsite.n ? strip_site(c->arena, best, site, false) : best;
    }
    *headline = NULL;
    /* no heading agrees with a declared title: the page's own <h1> still
     * is what readers see as the headline, unless it is the site's logo,
     * or the page sets its sections in <h1>s (three or more, besides the
     * logo, and a declared title to fall back on) */
    size_t n_sections = c->n_h1_all;
    for (size_t i = 0; i < c->n_h1; i++)
        n_sections -= wn_node_is(c->h1[i], WN_TAG_H1) && logo[i];
    bool any_decl = false;
    for (size_t k = 0; k < ND; k++)
        any_decl = any_decl || fd[k].n;
    for (size_t i = 0; i < c->n_h1 && !(n_sections >= 3 && any_decl); i++) {
        if (!wn_node_is(c->h1[i], WN_TAG_H1) || logo[i])
            continue;
        wn_str t = ht[i];
        if (!t.ptr || t.len > 300 || paragraph(t))
            continue;
        const folded *fi = &hf[i];
        if (!fi->n || (fsite.n && match_site(t, &fsite, 2)))
            continue;
        *headline = c->h1[i];
        /* the declared title, for pages whose type prefers it (finish.c);
         * and whether every word of the <h1> is in a declared title ("Camp
         * Stoves" under "Camping Stoves: Top Rated Camp Stoves") */
        for (size_t k = 0; k < ND; k++)
            if (words_within(fi, &fd[k]))
                *h1_within = true;
        const wn_slot *d = c->title_tag.v.ptr ? &c->title_tag : NULL;
        for (size_t k = 0; !d && k < ND; k++)
            if (decl[k]->v.ptr)
                d = decl[k];
        if (d)
            *alt = wn_title_strip_site(c->arena, d->v, site);
        return fsite.n ? strip_site(c->arena, t, site, false) : t;
    }
    /* section <h1>s: the <title> still names a non-article page, as for a
     * banner <h1> */
    if (n_sections >= 3 && c->title_tag.v.ptr)
        *alt = wn_title_strip_site(c->arena, c->title_tag.v, site);
    /* a JSON-LD name that neither og:title nor the <title> agrees with,
     * when those two agree with each other, names something the page
     * embeds (a video, a live broadcast), not the page */
    const folded *ld = &fd[0], *og = &fd[1], *tag = &fd[4]; /* decl[] order */
    size_t k0 = 0;
    if (ld->n && og->n && tag->n && !agreement(ld, og) && !agreement(og, ld) &&
        !agreement(ld, tag) && !agreement(tag, ld) &&
        (agreement(og, tag) >= 3 || agreement(tag, og) >= 3))
        k0 = 1;
    for (size_t k = k0; k < ND; k++)
        if (decl[k]->v.ptr)
            return wn_title_strip_site(c->arena, decl[k]->v, site);
    return (wn_str){NULL, 0};
}

/* A forum thread's title after its board's or prefix's short label,
 * "Payment issues - how to change my payment method": the thread's own
 * words (at least three, not only numbers) after a label of one or two. */
static wn_str
thread_title(wn_arena *a, wn_str title)
{
    for (size_t i = 1; title.ptr && i + 3 < title.len; i++) {
        if (memcmp(title.ptr + i, " - ", 3) != 0)
            continue;
        folded *f = a ? wn_arena_alloc(a, sizeof *f) : NULL;
        if (!f)
            return title;
        f->n = wn_meta_fold(title.ptr, i, f->s, FOLD_MAX);
        size_t wh = count_words(f);
        f->n = wn_meta_fold(title.ptr + i + 3, title.len - i - 3, f->s, FOLD_MAX);
        if (wh < 1 || wh > 2 || count_words(f) < 3 || strspn(f->s, "0123456789 ") == f->n)
            return title;
        return (wn_str){title.ptr + i + 3, title.len - i - 3};
    }
    return title;
}

wn_str
wn_title_for_type(wn_arena *a, wn_str title, wn_str alt, bool h1_within, wn_page_type t)
{
    /* a service page names itself in its <title>; a collection or listing
     * too, unless its <h1> is the category name the <title> dresses up */
    bool use_alt = t == WN_PAGE_SERVICE ||
                   ((t == WN_PAGE_COLLECTION || t == WN_PAGE_LISTING) && !h1_within);
    if (t == WN_PAGE_FORUM)
        return thread_title(a, wn_title_cut_tagline(a, title));
    if (!alt.ptr || !alt.len || !use_alt)
        return wn_title_cut_tagline(a, title);
    /* what is left once the site name is gone, without a short tag line;
     * a longer tail after a bar says what the page offers and stays
     * ("Acme | Professional Therapy With A Licensed Therapist") */
    wn_str name = wn_title_cut_tagline(a, alt);
    /* a <title> whose page part is empty, " | Site": a template's blank
     * field, no name of the page */
    size_t lead = 0;
    while (lead < name.len && (name.ptr[lead] == ' ' || name.ptr[lead] == '\t'))
        lead++;
    if (lead == name.len || name.ptr[lead] == '|' || name.ptr[lead] == '-' ||
        name.ptr[lead] == ':' || name.ptr[lead] == '/' ||
        (name.len - lead >= 3 && (unsigned char)name.ptr[lead] == 0xE2 &&
         (unsigned char)name.ptr[lead + 1] == 0x80 &&
         ((unsigned char)name.ptr[lead + 2] == 0x93 || (unsigned char)name.ptr[lead + 2] == 0x94)))
        return wn_title_cut_tagline(a, title);
    /* a service page's <h1> that says the same in its own words: "Online
     * Graphic Design Course" for "Graphic Design Course Online" */
    if (t == WN_PAGE_SERVICE && h1_within) {
        folded *fh = a ? wn_arena_alloc(a, 2 * sizeof *fh) : NULL;
        if (fh) {
            fh[0].n = wn_meta_fold(title.ptr, title.len, fh[0].s, FOLD_MAX);
            fh[1].n = wn_meta_fold(name.ptr, name.len, fh[1].s, FOLD_MAX);
            if (count_words(&fh[0]) * 5 >= count_words(&fh[1]) * 3)
                return wn_title_cut_tagline(a, title);
        }
    }
    return name;
}
