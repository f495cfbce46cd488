/* authors.c - bylines to clean author names.
 *
 * A byline as pages print it ("By Jane Doe and John Smith, Staff Writers |
 * July 26, 2023") becomes ["Jane Doe", "John Smith"]: the segment before a
 * bar or dash is the byline; commas and conjunctions (in several languages)
 * separate names; introducers ("By", "Von", "Par", "Written by") go; a
 * piece naming a role ("Senior Reporter"), carrying a URL, an e-mail, a
 * handle or digits, or reading like a sentence is not a name. Organisation
 * bylines ("Press Association") are kept: they look like names.
 */
#include <string.h>

#include "metadata.h"

static const char *const introducers[] = {
    "analysis by ",
    "opinion by ",
    "commentary by ",
    "review by ",
    "interview by ",
    "photography by ",
    "recipe by ",
    "illustration by ",
    "video by ",
    "written by ",
    "posted by ",
    "words by ",
    "story by ",
    "reported by ",
    "text by ",
    "published by ",
    "article by ",
    "photos by ",
    "edited by ",
    "by: ",
    "by ",
    "von ",
    "par ",
    "por ",
    "door ",
    "di ",
    "av ",
    "af ",
    "autor: ",
    "autorin: ",
    "author: ",
    "authors: ",
    "contributor: ",
    "contributors: ",
    "auteur: ",
    "auteurs: ",
    "yazar: ",
    "oleh: ",
    "oleh ",
    "penulis: ",
    "t\xC3\xA1\x63 gi\xE1\xBA\xA3: ", /* (\x63: c, after a hex escape) */
    "b\xE1\xBB\x9Fi ",
    "redactor: ",
    "text: ",
    "texto: ",
    "testo: ",
    "written by",
    "posted by",
    "by:",
};

const char *const wn_foreign_byline_labels[WN_FOREIGN_BYLINE_LABELS] = {
    /* introducers */
    "\xD8\xA8\xD9\x82\xD9\x84\xD9\x85", /* Arabic "by the pen of" */
    "\xD7\x9E\xD7\x90\xD7\xAA",         /* Hebrew "by" */
    "\xE0\xB9\x82\xE0\xB8\x94\xE0\xB8\xA2", /* Thai "by" */
    "\xE6\x96\x87\xEF\xBC\x8F",         /* Chinese "text/", glued to the name */
    "\xE6\x96\x87/",
    "\xE8\xAE\xB0\xE8\x80\x85", /* Chinese "reporter" (simplified), "记者 王小明" */
    "\xE8\xA8\x98\xE8\x80\x85", /* "reporter" (traditional, Japanese) */
    /* labels before a colon */
    "\xCE\xA3\xCF\x85\xCE\xBD\xCF\x84\xCE\xAC\xCE\xBA\xCF\x84\xCE\xB7\xCF\x82", /* Greek "editor" */
    "\xD0\x90\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80",                 /* Russian, Ukrainian "Author" */
    "\xD0\xB0\xD0\xB2\xD1\x82\xD0\xBE\xD1\x80",                 /* "author" */
    "\xE4\xBD\x9C\xE8\x80\x85",                                 /* Chinese, Japanese "author" */
    "\xE8\x91\x97\xE8\x80\x85",                                 /* Japanese "author" */
    "\xE7\xAD\x86\xE8\x80\x85",                                 /* Japanese "writer" */
    "\xE5\x9F\xB7\xE7\xAD\x86",                                 /* Japanese "written by" */
    "\xEC\x9E\x91\xEC\x84\xB1\xEC\x9E\x90",                     /* Korean "writer" */
    "\xD9\x86\xD9\x88\xDB\x8C\xD8\xB3\xD9\x86\xD8\xAF\xD9\x87", /* Persian "writer" */
    "\xE0\xA4\xB2\xE0\xA5\x87\xE0\xA4\x96\xE0\xA4\x95",         /* Hindi "writer" */
};

/* Words that make a piece a role or a label rather than a name. */
static const char *const role_words[] = {
    "reporter",
    "editor",
    "writer",
    "writers",
    "correspondent",
    "contributor",
    "contributors",
    "columnist",
    "journalist",
    "producer",
    "photographer",
    "analyst",
    "director",
    "manager",
    "professor",
    "attorney",
    "lawyer",
    "educator",
    "expert",
    "consultant",
    "specialist",
    "strategist",
    "engineer",
    "scientist",
    "researcher",
    "economist",
    "blogger",
    "founder",
    "ceo",
    "president",
    "author",
    "authors",
    "redakteur",
    "redakteurin",
    "redaktion",
    "correspondant",
    "journaliste",
    "periodista",
    "redactor",
    "redacci\xC3\xB3n",
    "giornalista",
    "redazione",
    "updated",
    "last", /* "Jane Doe Last updated on ..." */
    "published",
    "posted",
    "read",
    "more",
    "email",
    "e-mail",
    "follow",
    "twitter",
    "facebook",
    "linkedin",
    "instagram",
    "share",
    "view",
    "profile",
    "articles",
    "comments",
    "comment",
    "minutes",
    "min",
    "ago",
    "hours",
    "days",
    "reviewed",
    "edited", /* "Jane Doe Edited by John Roe": the editor is no author */
    "translated",
    "additional", /* "Additional reporting by" */
    "fact",
    "checked",
    "medically",
    "intern",
    "senior",
    "chief",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "sr",
    "jr.",
    "head",
    "lead",
    "expert",
    "specialist",
    "consultant",
    "executive",
    "officer",
    "bio",
    "contact",
    "and",
    "about",
    "for",
    "with",
    "from",
    "via",
    "who",
    "is",
    "at",
    "in",
    "on",
};

/* The small words of role_words that go on a sentence after a name with a
 * place or a time ("in Workshop", "at December 16"); "for", "of", "on"
 * go on an organisation's name as often ("Center for Drug Evaluation"). */
static const char *const small_words[] = {"at", "in"};

/* Collective nouns: "Harbour Weekly Staff", "The Ledger Team" are bylines;
 * "Staff" alone is not. */
static const char *const collective_words[] = {"staff", "team", "desk", "newsroom", "the"};

/* Pieces that are never a byline by themselves. */
static const char *const non_names[] = {
    "admin",    "administrator", "anonymous",  "unknown",   "null",     "none",      "guest",
    "user",     "n/a",           "md",         "phd",       "ms",       "rd",        "rdn",
    "rn",       "mph",           "mba",        "cpa",       "dds",      "facp",      "ma",
    "msc",      "username",      "written by", "posted by", "login",    "log in",    "sign in",
    "register", "webmaster",     "editorial",  "news desk", "newsdesk", "redaktion", "home",
    "news",     "menu",
    /* a weekday abbreviation before a date ("Sat, 20 Dec, 2025") */
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
};

static bool
is_sep_word(const char *s, size_t n)
{
    static const char *const conj[] = {"and", "und", "et",        "y",         "e", "en",
                                       "och", "og",  "ve",        "\xC3\xA9s", "i", "a",
                                       "ja",  "si",  "\xC8\x99i", "dan"};
    for (size_t k = 0; k < sizeof conj / sizeof conj[0]; k++)
        if (wn_meta_ieq(s, n, conj[k]))
            return true;
    return false;
}

static bool
word_in(const char *w, size_t l, const char *const *list, size_t count)
{
    if (!w || !l)
        return false;
    /* the first letters before any length: most words differ there */
    char first = w[0] >= 'A' && w[0] <= 'Z' ? (char)(w[0] + 32) : w[0];
    for (size_t k = 0; k < count; k++) {
        char f = list[k][0] >= 'A' && list[k][0] <= 'Z' ? (char)(list[k][0] + 32) : list[k][0];
        if (f == first && wn_meta_ieq(w, l, list[k]))
            return true;
    }
    return false;
}

/* Is cp an upper-case letter (Latin, Greek, Cyrillic ranges)? */
static bool
is_upper_cp(unsigned cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return true;
    if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9) ||
        (cp >= 0x400 && cp <= 0x42F))
        return true;
    if (cp >= 0x100 && cp <= 0x17F)
        return (cp & 1) == 0; /* Latin Extended-A alternates upper/lower (mostly) */
    return false;
}

static bool
is_lower_cp(unsigned cp)
{
    if (cp >= 'a' && cp <= 'z')
        return true;
    if ((cp >= 0xDF && cp <= 0xFF && cp != 0xF7) || (cp >= 0x3B1 && cp <= 0x3C9) ||
        (cp >= 0x430 && cp <= 0x45F))
        return true;
    if (cp >= 0x100 && cp <= 0x17F)
        return (cp & 1) == 1;
    return false;
}

static bool
is_particle(const char *w, size_t l)
{
    static const char *const p[] = {"van", "von", "de",  "der", "den", "da", "di",  "du",
                                    "la",  "le",  "del", "dos", "das", "do", "bin", "al",
                                    "el",  "ter", "ten", "zu",  "y",   "st", "mc"};
    return word_in(w, l, p, sizeof p / sizeof p[0]);
}

/* A user name as forums print it ("sam_k42", "Need2KnowMore",
 * "river_otter7"): one word that starts with a letter and has at least
 * two letters, digits and '_' '.' '-' allowed. Digits are refused in
 * any other piece ("5 min read", "July 26, 2023"). */
static bool
is_handle(const char *s, size_t n)
{
    if (!n || n > 40 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
        return false;
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))
            letters++;
        else if (!((ch >= '0' && ch <= '9') || ch == '_' || ch == '.' || ch == '-'))
            return false;
    }
    return letters >= 2;
}

/* Does s open (after spaces) with a social network's name? */
static bool
social_after(const char *s, size_t n)
{
    static const char *const social[] = {"facebook", "twitter", "linkedin", "instagram"};
    while (n && *s == ' ')
        s++, n--;
    size_t l = 0;
    while (l < n && s[l] != ' ')
        l++;
    return word_in(s, l, social, sizeof social / sizeof social[0]);
}

/* Validate one trimmed piece; returns the name's length (it may be cut
 * shorter: a trailing role after the name), 0 when it is no name. */
static size_t
name_len(const char *s, size_t n, bool declared)
{
    if (!n || n > 80)
        return 0;
    if (wn_meta_icontains(s, n, "http") || wn_meta_icontains(s, n, "www.") || memchr(s, '@', n) ||
        wn_meta_icontains(s, n, ".com") || memchr(s, '?', n) || memchr(s, '!', n) ||
        memchr(s, '"', n) || memchr(s, ':', n) || memchr(s, '=', n) || memchr(s, '<', n) ||
        memchr(s, '{', n))
        return 0;
    if (word_in(s, n, non_names, sizeof non_names / sizeof non_names[0]))
        return 0;
    /* "page.head.author": a template's key left unfilled, three or more
     * parts of two letters or more joined by dots, no space */
    if (!memchr(s, ' ', n)) {
        size_t dots = 0, part = 0;
        bool parts_ok = true;
        for (size_t i = 0; i <= n; i++) {
            if (i == n || s[i] == '.') {
                parts_ok = parts_ok && part >= 2;
                dots += i < n;
                part = 0;
            } else {
                part++;
            }
        }
        if (dots >= 2 && parts_ok)
            return 0;
    }
    /* "Myhrvold...": text cut short, not a name */
    if ((n > 3 && memcmp(s + n - 3, "...", 3) == 0) ||
        (n > 3 && memcmp(s + n - 3, "\xE2\x80\xA6", 3) == 0))
        return 0;
    size_t words = 0, lower_words = 0, upper_words = 0, collective = 0, cut = n;
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        size_t st = i;
        while (i < n && s[i] != ' ')
            i++;
        const char *w = s + st;
        size_t l = i - st;
        for (size_t k = 0; k < l; k++)
            if (w[k] >= '0' && w[k] <= '9' && !is_handle(s, n))
                return 0;
        size_t wl = l;
        while (wl && (w[wl - 1] == '.' || w[wl - 1] == ','))
            wl--;
        if (word_in(w, wl, collective_words,
                    sizeof collective_words / sizeof collective_words[0])) {
            collective++;
            words++;
            continue;
        }
        size_t hy = 0; /* "Editor-at-large": the part before a hyphen */
        while (hy < wl && w[hy] != '-')
            hy++;
        if (word_in(w, wl, role_words, sizeof role_words / sizeof role_words[0]) ||
            (hy < wl && word_in(w, hy, role_words, sizeof role_words / sizeof role_words[0]))) {
            /* "Sam in Workshop": a small word in lower case between a
             * capitalised name and a capitalised word ends the name too
             * ("Insights from" is a label, "Get in touch" a sentence) */
            if (words >= 2 || (words == 1 && wl <= 4 && w[0] >= 'a' && w[0] <= 'z' &&
                               s[0] >= 'A' && s[0] <= 'Z' && i + 1 < n && s[i + 1] >= 'A' &&
                               s[i + 1] <= 'Z' &&
                               word_in(w, wl, small_words,
                                       sizeof small_words / sizeof small_words[0]))) {
                /* "Acme Garden Network on Facebook": a link to a social
                 * page, no byline */
                if (wl == 2 && w[0] == 'o' && w[1] == 'n' && social_after(s + i, n - i))
                    return 0;
                cut = st;
                break;
            }
            return 0;
        }
        words++;
        size_t q = 0;
        unsigned cp = wn_meta_u8next(w, l, &q);
        if (is_upper_cp(cp))
            upper_words++;
        else if (is_lower_cp(cp) && !is_particle(w, wl))
            lower_words++;
    }
    if (!words || words > 6 || collective == words)
        return 0;
    /* "R": an avatar's initial, not a name */
    if (words == 1 && cut <= 1)
        return 0;
    /* "posted in news": several words, none capitalised, in a cased script
     * (a declared author's field holds a name however it is cased:
     * "jane doe") */
    if (words >= 2 && lower_words >= 2 && upper_words == 0 && !declared)
        return 0;
    /* "Creator economy": a capitalised word then a lower-case one is a
     * label's sentence case; names capitalise every part but particles */
    if (words == 2 && lower_words == 1 && upper_words == 1 && collective == 0)
        return 0;
    if (words >= 3 && lower_words * 2 > words)
        return 0;
    while (cut && (s[cut - 1] == ' ' || s[cut - 1] == ',' || s[cut - 1] == '-'))
        cut--;
    return cut;
}

static bool
mem_ieq(const char *x, const char *y, size_t l)
{
    for (size_t i = 0; i < l; i++) {
        char a = x[i] >= 'A' && x[i] <= 'Z' ? (char)(x[i] + 32) : x[i];
        char b = y[i] >= 'A' && y[i] <= 'Z' ? (char)(y[i] + 32) : y[i];
        if (a != b)
            return false;
    }
    return true;
}

/* Is s an introducer without its name ("By", "Written by")? */
static bool
is_bare_introducer(const char *s, size_t n)
{
    if (!n)
        return false;
    for (size_t k = 0; k < sizeof introducers / sizeof introducers[0]; k++) {
        if (!mem_ieq(s, introducers[k], 1)) /* the first byte before the length */
            continue;
        size_t il = strlen(introducers[k]);
        while (il && introducers[k][il - 1] == ' ')
            il--;
        if (il == n && mem_ieq(s, introducers[k], il))
            return true;
    }
    return false;
}

static void
add_name(wn_arena *a, const char *s, size_t n, wn_str *out, size_t *count, size_t max,
         size_t *added, bool declared)
{
    /* trim punctuation and introducers */
    for (;;) {
        while (n && (*s == ' ' || *s == ',' || *s == '-' || *s == '(' || *s == ')' || *s == '.' ||
                     *s == '*' || *s == '\'' || *s == '/'))
            s++, n--;
        while (n && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == '-' || s[n - 1] == '(' ||
                     (s[n - 1] == ')' && !memchr(s, '(', n)) || s[n - 1] == '*' ||
                     s[n - 1] == '/'))
            n--;
        bool again = false;
        /* "Ann Lee, and Bo Carl": a conjunction after the comma */
        {
            size_t w = 0;
            while (w < n && s[w] != ' ')
                w++;
            if (w < n && w >= 2 && w <= 3 && s[0] >= 'a' && s[0] <= 'z' && is_sep_word(s, w) &&
                w + 1 < n && s[w + 1] >= 'A' && s[w + 1] <= 'Z') {
                s += w + 1;
                n -= w + 1;
                continue;
            }
        }
        /* "ByJane Doe": the introducer glued to the name by markup */
        if (n > 3 && (s[0] == 'B' || s[0] == 'b') && s[1] == 'y' && s[2] >= 'A' && s[2] <= 'Z' &&
            !(s[3] >= 'A' && s[3] <= 'Z')) {
            s += 2;
            n -= 2;
            continue;
        }
        for (size_t k = 0; k < sizeof introducers / sizeof introducers[0]; k++) {
            size_t l = strlen(introducers[k]);
            if (n > l && wn_meta_iprefix(s, n, introducers[k])) {
                s += l;
                n -= l;
                again = true;
                break;
            }
        }
        /* "\xE8\xA8\x98\xE8\x80\x85\xEF\xBC\x9A" (a reporter's label in Japanese) and
         * the other scripts' labels: with their colon, or a space after
         * an introducer */
        for (size_t k = 0; !again && (*s & 0x80) && k < WN_FOREIGN_BYLINE_LABELS; k++) {
            size_t l = strlen(wn_foreign_byline_labels[k]);
            if (n <= l || memcmp(s, wn_foreign_byline_labels[k], l) != 0)
                continue;
            size_t cl = wn_meta_colon_len(s + l, n - l);
            if (!cl && !(k < WN_FOREIGN_INTRODUCERS &&
                         (s[l] == ' ' || wn_label_glued(wn_foreign_byline_labels[k], l))))
                continue;
            l += cl;
            s += l;
            n -= l;
            again = true;
        }
        /* "This post was written by Jane Doe": a sentence of small
         * words (its first capitalised) ending in a participle and "by" */
        if (!again && n > 4 && !(s[0] & 0x80)) {
            size_t lim = n < 60 ? n : 60;
            for (size_t i = 1; i + 4 < lim; i++) {
                if (s[i] >= 'A' && s[i] <= 'Z')
                    break;
                if (s[i] != ' ' || s[i + 1] != 'b' || s[i + 2] != 'y' || s[i + 3] != ' ')
                    continue;
                bool participle = i >= 3 && ((s[i - 2] == 'e' && s[i - 1] == 'd') ||
                                             (s[i - 2] == 'e' && s[i - 1] == 'n'));
                if (participle && memchr(s, ' ', i) && s[i + 4] >= 'A' && s[i + 4] <= 'Z') {
                    s += i + 4;
                    n -= i + 4;
                    again = true;
                }
                break;
            }
        }
        if (!again)
            break;
    }
    /* an introducer alone ("By" before the name's own element) */
    if (is_bare_introducer(s, n))
        return;
    /* a reporter's title after the name, as Korean, Japanese and Chinese
     * write it ("홍길동 기자", "山田太郎記者"): the name alone */
    static const char *const title_after[] = {
        "\xEA\xB8\xB0\xEC\x9E\x90",             /* Korean "reporter" */
        "\xED\x8A\xB9\xED\x8C\x8C\xEC\x9B\x90", /* Korean "correspondent" */
        "\xE8\xA8\x98\xE8\x80\x85",             /* "reporter" (traditional, Japanese) */
        "\xE8\xAE\xB0\xE8\x80\x85",             /* "reporter" (simplified) */
    };
    for (size_t k = 0; k < sizeof title_after / sizeof title_after[0]; k++) {
        size_t tl = strlen(title_after[k]);
        if (n > tl + 3 && memcmp(s + n - tl, title_after[k], tl) == 0) {
            n -= tl;
            while (n && s[n - 1] == ' ')
                n--;
            break;
        }
    }
    /* "Jane Doe (BoardNotes)", "Ria (Basu) Sen": the name is judged
     * without the parenthesis, which stays when it is short and closed and
     * what follows it is a name's end */
    const char *paren = memchr(s, '(', n);
    size_t whole = n;
    if (paren && paren > s)
        n = (size_t)(paren - s);
    while (n && s[n - 1] == ' ')
        n--;
    size_t l = name_len(s, n, declared);
    if (!l || *count >= max)
        return;
    if (paren && paren > s && l == n) {
        const char *close = memchr(paren, ')', whole - (size_t)(paren - s));
        size_t inner = close ? (size_t)(close - paren) - 1 : 0;
        bool ok = close && inner && inner <= 40;
        for (size_t k = 1; ok && k <= inner; k++)
            if ((paren[k] >= '0' && paren[k] <= '9') || paren[k] == '(' || paren[k] == ':' ||
                paren[k] == '@' || paren[k] == '/')
                ok = false;
        if (ok) {
            size_t rest = whole - (size_t)(close + 1 - s);
            const char *r = close + 1;
            while (rest && *r == ' ')
                r++, rest--;
            while (rest && r[rest - 1] == ' ')
                rest--;
            if (!rest)
                l = (size_t)(close + 1 - s);
            else if (name_len(r, rest, declared) == rest)
                l = (size_t)(r + rest - s);
        }
    }
    /* "Jane Doe Dr. Jane Doe", "Yucy Yucy": a name printed twice (avatar
     * text, then the name) is kept once */
    for (size_t x = 1; x < l; x++) {
        if (s[x] != ' ')
            continue;
        size_t r0 = x + 1, rl = l - r0;
        if (rl >= x && mem_ieq(s + l - x, s, x) && (rl == x || s[l - x - 1] == ' ')) {
            l = x;
            break;
        }
    }
    for (size_t k = 0; k < *count; k++)
        if (out[k].len == l && mem_ieq(out[k].ptr, s, l))
            return;
    char *c = wn_arena_strndup(a, s, l);
    if (!c)
        return;
    out[*count].ptr = c;
    out[*count].len = l;
    (*count)++;
    (*added)++;
}

/* A post-nominal credential ("MD", "PhD", "M.D.", "FAND"): one short word
 * of capitals (a lower-case letter allowed inside, as in "PhD"), dots
 * allowed. */
static bool
is_credential(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '.'))
        s++, n--;
    while (n && s[n - 1] == ' ')
        n--;
    if (n < 2 || n > 8 || (s[0] < 'A' || s[0] > 'Z') || (s[n - 1] < 'A' || s[n - 1] > 'Z'))
        if (!(n >= 2 && s[n - 1] == '.'))
            return false;
    size_t caps = 0, lower = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 'A' && s[i] <= 'Z')
            caps++;
        else if (s[i] >= 'a' && s[i] <= 'z')
            lower++;
        else if (s[i] != '.')
            return false;
    }
    return caps >= 2 && lower <= 1;
}

/* "Jane Doe, MS, RD": credentials after a name stay with it. */
static void
append_credential(wn_arena *a, wn_str *last, const char *s, size_t n)
{
    while (n && *s == ' ')
        s++, n--;
    while (n && s[n - 1] == ' ')
        n--;
    char *c = wn_arena_alloc(a, last->len + n + 3);
    if (!c)
        return;
    memcpy(c, last->ptr, last->len);
    memcpy(c + last->len, ", ", 2);
    memcpy(c + last->len + 2, s, n);
    c[last->len + 2 + n] = 0;
    last->ptr = c;
    last->len += n + 2;
}

/* Does the piece hold a word of two or three letters in lower case, not
 * "by" ("Center for Drug Evaluation", "Institute of Health")? */
static bool
has_small_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        size_t st = i;
        bool lower = true;
        while (i < n && s[i] != ' ') {
            lower = lower && s[i] >= 'a' && s[i] <= 'z';
            i++;
        }
        size_t l = i - st;
        if (st > 0 && lower && l >= 2 && l <= 3 && !(l == 2 && s[st] == 'b' && s[st + 1] == 'y') &&
            i < n)
            return true;
    }
    return false;
}

/* Does the piece open with the article "The" ("The Daily Ledger")? */
static bool
piece_opens_with_the(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == ','))
        s++, n--;
    return n > 4 && s[0] == 'T' && s[1] == 'h' && s[2] == 'e' && s[3] == ' ';
}

/* Does the list of names go on across the segment break at s[e] ("Jane
 * Doe, | John Smith", "Jane Doe | and John Smith": names on two lines;
 * "Jane Doe | , | John Smith": the separator in an element of its own)? */
static bool
list_goes_on(const char *s, size_t seg, size_t e, size_t n)
{
    size_t b = e;
    while (b > seg && s[b - 1] == ' ')
        b--;
    if (b > seg && (s[b - 1] == ',' || s[b - 1] == '&' || s[b - 1] == ';'))
        return true;
    size_t w = e + 1;
    while (w < n && s[w] == ' ')
        w++;
    /* "Jane Doe | , | John Smith": the comma in its own element */
    if (w < n && (s[w] == ',' || s[w] == '&' || s[w] == ';')) {
        size_t x = w + 1;
        while (x < n && s[x] == ' ')
            x++;
        if (x >= n || s[x] == '|' || s[x] == '\n')
            return true;
    }
    size_t we = w;
    while (we < n && s[we] != ' ')
        we++;
    return we < n && is_sep_word(s + w, we - w);
}

/* In a list that holds a full name (two words or more, capitalised), a
 * lone word in small letters is none: "Jane Doe, 4 years covering
 * hardware, software, and science" gives no "software". (A list of user
 * names alone, "kovarex, TOGos", keeps them.) */
static void
drop_lone_small_words(wn_str *out, size_t *count, size_t *added)
{
    if (*added < 2)
        return;
    size_t first = *count - *added;
    bool full = false;
    for (size_t k = first; k < *count && !full; k++) {
        const char *v = out[k].ptr;
        size_t l = out[k].len, q = 0;
        const char *sp = memchr(v, ' ', l);
        if (!sp)
            continue;
        size_t r = (size_t)(sp - v) + 1;
        full = is_upper_cp(wn_meta_u8next(v, l, &q)) && r < l &&
               is_upper_cp(wn_meta_u8next(v, l, &r));
    }
    if (!full)
        return;
    size_t w = first;
    for (size_t k = first; k < *count; k++) {
        const char *v = out[k].ptr;
        size_t l = out[k].len;
        bool lone_small = !memchr(v, ' ', l) && l && v[0] >= 'a' && v[0] <= 'z';
        if (!lone_small)
            out[w++] = out[k];
    }
    *added -= *count - w;
    *count = w;
}

/* wn_authors_parse_ex's own flag: no look at an avatar's initials */
#define NO_INITIALS 0x100u

/* Is name two or three capitals ("NB") that are the initials of the name
 * the rest of the byline (rest[0..n)) opens with ("Nicole Burke | ...")? */
static bool
is_initials_of_next(wn_arena *a, const wn_str *name, const char *rest, size_t n)
{
    size_t l = name->len;
    if (l < 2 || l > 3)
        return false;
    for (size_t i = 0; i < l; i++)
        if (name->ptr[i] < 'A' || name->ptr[i] > 'Z')
            return false;
    wn_str next[4];
    size_t count = 0;
    /* (one level: the rest's own initials are not looked at) */
    if (!wn_authors_parse_ex(a, rest, n, next, &count, 4, NO_INITIALS))
        return false;
    const char *w = next[0].ptr;
    size_t wl = next[0].len, k = 0;
    for (size_t i = 0; i < wl; i++) {
        if (i > 0 && w[i - 1] != ' ')
            continue;
        if (k >= l || (w[i] | 0x20) != (name->ptr[k] | 0x20))
            return false;
        k++;
    }
    return k == l;
}

size_t
wn_authors_parse(wn_arena *a, const char *raw, size_t raw_n, wn_str *out, size_t *count, size_t max)
{
    return wn_authors_parse_ex(a, raw, raw_n, out, count, max, 0);
}

size_t
wn_authors_parse_ex(wn_arena *a, const char *raw, size_t raw_n, wn_str *out, size_t *count,
                    size_t max, unsigned flags)
{
    bool declared = (flags & WN_AUTHORS_DECLARED) != 0;
    wn_str cl = wn_meta_clean(a, raw, raw_n);
    if (!cl.ptr)
        return 0;
    const char *s = cl.ptr;
    size_t n = cl.len;
    if (n > 300)
        return 0; /* a paragraph, not a byline */
    size_t added = 0;
    /* segments: the first one holding a name is the byline; what follows a
     * bar, bullet or spaced dash is a role, a date or the site. A segment
     * that is only an introducer ("Guide | by | Jane Doe") says the byline
     * comes next: what precedes it is a label or a section. */
    size_t seg = 0;
    for (size_t i = 0, st = 0; i <= n; i++) {
        if (i < n && s[i] != '|')
            continue;
        size_t a0 = st, a1 = i;
        while (a0 < a1 && s[a0] == ' ')
            a0++;
        while (a1 > a0 && s[a1 - 1] == ' ')
            a1--;
        if (st > 0 && is_bare_introducer(s + a0, a1 - a0)) {
            seg = i < n ? i + 1 : n;
            break;
        }
        st = i + 1;
    }
    while (seg < n && !added) {
        size_t e = seg;
        size_t next = n;
        while (e < n) {
            unsigned char c = (unsigned char)s[e];
            if ((c == '|' || c == '\n') && !list_goes_on(s, seg, e, n)) {
                next = e + 1;
                break;
            }
            if (c == 0xE2 && e + 2 < n && (unsigned char)s[e + 1] == 0x80 &&
                ((unsigned char)s[e + 2] == 0xA2 || (unsigned char)s[e + 2] == 0x93 ||
                 (unsigned char)s[e + 2] == 0x94) &&
                e > seg && s[e - 1] == ' ') {
                next = e + 3;
                break;
            }
            if (c == 0xC2 && e + 1 < n && (unsigned char)s[e + 1] == 0xB7) {
                next = e + 2;
                break;
            }
            if (c == '-' && e > seg && s[e - 1] == ' ' && e + 1 < n && s[e + 1] == ' ') {
                next = e + 1;
                break;
            }
            e++;
        }
        /* pieces: commas, semicolons, conjunctions */
        size_t p = seg;
        size_t i = seg;
        /* "Jane Doe, Head of Marketing and Community Development": after
         * a name, a piece that is no name and the conjunction after it
         * make one role, the piece after the conjunction its end */
        bool prev_rejected = false, after_conj = false;
        while (i <= e) {
            bool cut = false;
            size_t skip = 0;
            if (i == e) {
                cut = true;
            } else if (s[i] == ',' || s[i] == ';' || s[i] == '&' || s[i] == '+' || s[i] == '|' ||
                       s[i] == '\n') {
                cut = true;
                skip = 1;
            } else if (s[i] == ' ') {
                size_t j = i + 1;
                while (j < e && s[j] != ' ')
                    j++;
                if (j < e && is_sep_word(s + i + 1, j - i - 1) && i > p) {
                    cut = true;
                    skip = j - i;
                }
            }
            if (cut) {
                bool conj = skip > 1;
                if (added && *count && is_credential(s + p, i - p)) {
                    append_credential(a, &out[*count - 1], s + p, i - p);
                    prev_rejected = false;
                } else if (added && piece_opens_with_the(s + p, i - p)) {
                    /* "Jane Doe, The Daily Ledger": the publication */
                    prev_rejected = true;
                } else if (!(prev_rejected && after_conj)) {
                    size_t before = added;
                    add_name(a, s + p, i - p, out, count, max, &added, declared);
                    /* (the first piece too when it is a phrase with a small
                     * word: "Center for Drug Evaluation and Research" is no
                     * "Research") */
                    prev_rejected = added == before && (before || has_small_word(s + p, i - p));
                }
                after_conj = conj;
                i += skip ? skip : 1;
                p = i;
            } else {
                i++;
            }
        }
        seg = next;
        /* "NB | Nicole Burke": an avatar's initials, then the name they
         * stand for */
        if (added == 1 && seg < n && !(flags & NO_INITIALS) &&
            is_initials_of_next(a, &out[*count - 1], s + seg, n - seg)) {
            (*count)--;
            added = 0;
        }
    }
    drop_lone_small_words(out, count, &added);
    return added;
}
