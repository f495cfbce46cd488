/* dates.c - dates as pages write them, to ISO 8601.
 *
 * A scan tries, at each word start, the shapes pages use: ISO and its
 * slash/dot variants, day.month.year and month/day/year numerals, month
 * names in many languages before or after the day ("July 26, 2023",
 * "26. Juli 2023", "26 de julio de 2023", "2023. július 26."), CJK
 * year/month/day markers, RFC 2822 with its time and zone, and epoch
 * numbers in attribute values. The output keeps the source's precision (a
 * time and zone only when given). A date that cannot exist, lies before
 * 1990 or more than a day in the future is no date at all: such values are
 * placeholders, typos or countdowns, never when the page was written.
 */
#include <stdio.h>
#include <string.h>

#include "metadata.h"

typedef struct dt {
    int y, mo, d, h, mi, s;
    bool has_time;
    bool has_tz;
    int tz; /* minutes east of UTC */
} dt;

/* Month names, ASCII lower-case where the language allows; several
 * languages per entry. Abbreviations are listed too (a trailing '.' is
 * accepted by the matcher). */
static const struct {
    const char *name;
    int month;
} month_names[] = {
    /* English */
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
    {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
    {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    /* German */
    {"januar", 1}, {"j\xC3\xA4nner", 1}, {"februar", 2}, {"m\xC3\xA4rz", 3}, {"maerz", 3},
    {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12}, {"m\xC3\xA4r", 3},
    {"mrz", 3}, {"okt", 10}, {"dez", 12},
    /* French */
    {"janvier", 1}, {"f\xC3\xA9vrier", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4},
    {"juin", 6}, {"juillet", 7}, {"ao\xC3\xBBt", 8}, {"aout", 8}, {"septembre", 9},
    {"octobre", 10}, {"novembre", 11}, {"d\xC3\xA9" "cembre", 12}, {"decembre", 12},
    {"janv", 1}, {"f\xC3\xA9vr", 2}, {"fevr", 2}, {"avr", 4}, {"juil", 7}, {"d\xC3\xA9" "c", 12},
    /* Spanish */
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
    {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12}, {"ene", 1}, {"abr", 4}, {"ago", 8}, {"dic", 12},
    /* Italian */
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
    {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12}, {"gen", 1},
    {"mag", 5}, {"giu", 6}, {"lug", 7}, {"set", 9}, {"ott", 10},
    /* Portuguese */
    {"janeiro", 1}, {"fevereiro", 2}, {"mar\xC3\xA7o", 3}, {"marco", 3}, {"maio", 5},
    {"junho", 6}, {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"novembro", 11},
    {"dezembro", 12}, {"fev", 2}, {"out", 10},
    /* Dutch */
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8}, {"mrt", 3},
    /* Swedish, Danish, Norwegian */
    {"maj", 5}, {"augusti", 8}, {"marts", 3},
    /* Polish (genitive, as in dates) */
    {"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5},
    {"czerwca", 6}, {"lipca", 7}, {"sierpnia", 8}, {"wrze\xC5\x9Bnia", 9},
    {"pa\xC5\xBA" "dziernika", 10}, {"listopada", 11}, {"grudnia", 12},
    /* Czech (genitive) */
    {"ledna", 1}, {"\xC3\xBAnora", 2}, {"b\xC5\x99" "ezna", 3}, {"dubna", 4},
    {"kv\xC4\x9Btna", 5}, {"\xC4\x8D" "ervna", 6}, {"\xC4\x8D" "ervence", 7}, {"srpna", 8},
    {"z\xC3\xA1\xC5\x99\xC3\xAD", 9}, {"\xC5\x99\xC3\xADjna", 10}, {"listopadu", 11},
    {"prosince", 12},
    /* Romanian */
    {"ianuarie", 1}, {"februarie", 2}, {"martie", 3}, {"aprilie", 4}, {"iunie", 6},
    {"iulie", 7}, {"septembrie", 9}, {"octombrie", 10}, {"noiembrie", 11}, {"decembrie", 12},
    /* Hungarian (year first) */
    {"janu\xC3\xA1r", 1}, {"febru\xC3\xA1r", 2}, {"m\xC3\xA1rcius", 3}, {"\xC3\xA1prilis", 4},
    {"m\xC3\xA1jus", 5}, {"j\xC3\xBAnius", 6}, {"j\xC3\xBAlius", 7}, {"augusztus", 8},
    {"szeptember", 9}, {"okt\xC3\xB3" "ber", 10},
    /* Indonesian */
    {"maret", 3}, {"agustus", 8}, {"desember", 12},
    /* Turkish */
    {"ocak", 1}, {"\xC5\x9Fubat", 2}, {"mart", 3}, {"nisan", 4}, {"may\xC4\xB1s", 5},
    {"haziran", 6}, {"temmuz", 7}, {"a\xC4\x9Fustos", 8}, {"eyl\xC3\xBCl", 9}, {"ekim", 10},
    {"kas\xC4\xB1m", 11}, {"aral\xC4\xB1k", 12},
    /* Finnish (partitive, as in dates) */
    {"tammikuuta", 1}, {"helmikuuta", 2}, {"maaliskuuta", 3}, {"huhtikuuta", 4},
    {"toukokuuta", 5}, {"kes\xC3\xA4kuuta", 6}, {"hein\xC3\xA4kuuta", 7}, {"elokuuta", 8},
    {"syyskuuta", 9}, {"lokakuuta", 10}, {"marraskuuta", 11}, {"joulukuuta", 12},
    /* Russian (genitive) */
    {"\xD1\x8F\xD0\xBD\xD0\xB2\xD0\xB0\xD1\x80\xD1\x8F", 1},
    {"\xD1\x84\xD0\xB5\xD0\xB2\xD1\x80\xD0\xB0\xD0\xBB\xD1\x8F", 2},
    {"\xD0\xBC\xD0\xB0\xD1\x80\xD1\x82\xD0\xB0", 3},
    {"\xD0\xB0\xD0\xBF\xD1\x80\xD0\xB5\xD0\xBB\xD1\x8F", 4},
    {"\xD0\xBC\xD0\xB0\xD1\x8F", 5},
    {"\xD0\xB8\xD1\x8E\xD0\xBD\xD1\x8F", 6},
    {"\xD0\xB8\xD1\x8E\xD0\xBB\xD1\x8F", 7},
    {"\xD0\xB0\xD0\xB2\xD0\xB3\xD1\x83\xD1\x81\xD1\x82\xD0\xB0", 8},
    {"\xD1\x81\xD0\xB5\xD0\xBD\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 9},
    {"\xD0\xBE\xD0\xBA\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 10},
    {"\xD0\xBD\xD0\xBE\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 11},
    {"\xD0\xB4\xD0\xB5\xD0\xBA\xD0\xB0\xD0\xB1\xD1\x80\xD1\x8F", 12},
};

static bool
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool
is_alpha_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* A run of 1..max digits at s[*i] (not followed by another digit). */
static bool
read_num(const char *s, size_t n, size_t *i, int min, int max, int *out)
{
    size_t j = *i;
    int v = 0;
    while (j < n && is_digit(s[j]) && j - *i < (size_t)max) {
        v = v * 10 + (s[j] - '0');
        j++;
    }
    if ((int)(j - *i) < min || (j < n && is_digit(s[j])))
        return false;
    *i = j;
    *out = v;
    return true;
}

static void
skip_spaces(const char *s, size_t n, size_t *i)
{
    while (*i < n) {
        unsigned char c = (unsigned char)s[*i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            (*i)++;
        else if (c == 0xC2 && *i + 1 < n && (unsigned char)s[*i + 1] == 0xA0)
            *i += 2;
        else
            break;
    }
}

/* A month name at s[*i]; the word must end there (a '.' may follow). */
static int
read_month(const char *s, size_t n, size_t *i)
{
    size_t j = *i;
    while (j < n && is_alpha_byte((unsigned char)s[j]))
        j++;
    size_t l = j - *i;
    if (l < 3 || l > 24)
        return 0;
    char w[32];
    for (size_t k = 0; k < l; k++) {
        char c = s[*i + k];
        w[k] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    /* Cyrillic capitals (U+0410..U+042F) to lower-case, for "Июля" */
    for (size_t k = 0; k + 1 < l; k++) {
        unsigned char a = (unsigned char)w[k], b = (unsigned char)w[k + 1];
        if (a == 0xD0 && b >= 0x90 && b <= 0x9F)
            w[k + 1] = (char)(b + 0x20);
        else if (a == 0xD0 && b >= 0xA0 && b <= 0xAF) {
            w[k] = (char)0xD1;
            w[k + 1] = (char)(b - 0x20);
        }
    }
    for (size_t k = 0; k < sizeof month_names / sizeof month_names[0]; k++) {
        if (strlen(month_names[k].name) == l && memcmp(month_names[k].name, w, l) == 0) {
            *i = j;
            if (*i < n && s[*i] == '.')
                (*i)++;
            return month_names[k].month;
        }
    }
    return 0;
}

bool
wn_date_month_word(const char *s, size_t n)
{
    size_t i = 0;
    return read_month(s, n, &i) && i == n;
}

/* "st", "nd", "rd", "th", "er" (1er), "º" after a day number. */
static void
skip_ordinal(const char *s, size_t n, size_t *i)
{
    static const char *const suf[] = {"st", "nd", "rd", "th", "er", "\xC2\xBA", "\xC2\xAA"};
    for (size_t k = 0; k < sizeof suf / sizeof suf[0]; k++) {
        size_t l = strlen(suf[k]);
        if (*i + l <= n && (memcmp(s + *i, suf[k], l) == 0) &&
            (*i + l == n || !is_alpha_byte((unsigned char)s[*i + l]) ||
             (unsigned char)s[*i] == 0xC2)) {
            *i += l;
            return;
        }
    }
}

/* Skip a small connecting word ("de", "del", "of", "the") and spaces. */
static void
skip_connector(const char *s, size_t n, size_t *i)
{
    static const char *const words[] = {"de ", "del ", "of ", "di "};
    skip_spaces(s, n, i);
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t l = strlen(words[k]);
        if (*i + l <= n && wn_meta_iprefix(s + *i, n - *i, words[k])) {
            *i += l;
            skip_spaces(s, n, i);
            return;
        }
    }
}

/* Optional time after a date: [T| |, |at ]HH:MM[:SS[.frac]][ am|pm][zone]. */
static void
read_time(const char *s, size_t n, size_t *i, dt *t)
{
    size_t j = *i;
    if (j < n && (s[j] == 'T' || s[j] == 't')) {
        j++;
    } else {
        skip_spaces(s, n, &j);
        if (j < n && (s[j] == ',' || s[j] == '-' || s[j] == '|' || s[j] == '@'))
            j++;
        skip_spaces(s, n, &j);
        if (j + 2 < n && wn_meta_iprefix(s + j, n - j, "at "))
            j += 3;
        skip_spaces(s, n, &j);
    }
    int h, mi, sec = 0;
    if (!read_num(s, n, &j, 1, 2, &h) || j >= n || s[j] != ':')
        return;
    j++;
    if (!read_num(s, n, &j, 2, 2, &mi))
        return;
    if (j + 1 < n && s[j] == ':' && is_digit(s[j + 1])) {
        j++;
        if (!read_num(s, n, &j, 2, 2, &sec))
            return;
        if (j + 1 < n && (s[j] == '.' || s[j] == ',') && is_digit(s[j + 1])) {
            j++;
            while (j < n && is_digit(s[j]))
                j++;
        }
    }
    size_t k = j;
    skip_spaces(s, n, &k);
    if (k + 1 < n && (s[k] == 'a' || s[k] == 'A' || s[k] == 'p' || s[k] == 'P') &&
        (s[k + 1] == 'm' || s[k + 1] == 'M' || s[k + 1] == '.')) {
        bool pm = s[k] == 'p' || s[k] == 'P';
        if (h < 1 || h > 12)
            return;
        h = h % 12 + (pm ? 12 : 0);
        j = k + 2;
        if (j < n && (s[j] == '.' || s[j] == 'm' || s[j] == 'M'))
            j++;
        if (j < n && s[j] == '.')
            j++;
    }
    if (h > 23 || mi > 59 || sec > 60)
        return;
    t->h = h;
    t->mi = mi;
    t->s = sec > 59 ? 59 : sec;
    t->has_time = true;
    /* zone: "Z", "+02:00", "+0200" attached; " +0000" (RFC 2822) and
     * " GMT", "UTC+2" after a space */
    k = j;
    skip_spaces(s, n, &k);
    if (j < n && (s[j] == 'Z' || s[j] == 'z') &&
        (j + 1 == n || !is_alpha_byte((unsigned char)s[j + 1]))) {
        t->has_tz = true;
        t->tz = 0;
        j++;
    } else {
        size_t z = j;
        bool named = false, spaced = false;
        if (wn_meta_iprefix(s + k, n - k, "GMT") || wn_meta_iprefix(s + k, n - k, "UTC")) {
            named = true;
            z = k + 3;
        } else if (k > j && k < n && (s[k] == '+' || s[k] == '-')) {
            spaced = true;
            z = k;
        }
        if (z < n && (s[z] == '+' || s[z] == '-')) {
            int sign = s[z] == '-' ? -1 : 1;
            size_t z0 = ++z;
            int zh = 0, zm = 0;
            bool ok = false;
            if (read_num(s, n, &z, 4, 4, &zh)) {
                zm = zh % 100;
                zh /= 100;
                ok = true;
            } else if (!spaced) {
                z = z0;
                if (read_num(s, n, &z, 1, 2, &zh)) {
                    ok = true;
                    size_t z2 = z + 1;
                    if (z < n && s[z] == ':' && read_num(s, n, &z2, 2, 2, &zm))
                        z = z2;
                }
            }
            if (ok && zh <= 14 && zm < 60) {
                t->has_tz = true;
                t->tz = sign * (zh * 60 + zm);
                j = z;
            } else if (named) {
                t->has_tz = true;
                t->tz = 0;
                j = k + 3;
            }
        } else if (named) {
            t->has_tz = true;
            t->tz = 0;
            j = z;
        }
    }
    *i = j;
}

static int64_t
days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static bool
valid(const dt *t, int64_t now)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (t->y < 1990 || t->y > 2200 || t->mo < 1 || t->mo > 12 || t->d < 1 ||
        t->d > mdays[t->mo - 1])
        return false;
    bool leap = (t->y % 4 == 0 && t->y % 100 != 0) || t->y % 400 == 0;
    if (t->mo == 2 && t->d == 29 && !leap)
        return false;
    int64_t secs = days_from_civil(t->y, t->mo, t->d) * 86400;
    if (t->has_time)
        secs += t->h * 3600 + t->mi * 60 + t->s - (t->has_tz ? t->tz * 60 : 0);
    return secs <= now + 86400;
}

static size_t
format(const dt *t, char *out)
{
    int l;
    if (!t->has_time)
        l = snprintf(out, WN_DATE_MAX, "%04d-%02d-%02d", t->y, t->mo, t->d);
    else if (!t->has_tz)
        l = snprintf(out, WN_DATE_MAX, "%04d-%02d-%02dT%02d:%02d:%02d", t->y, t->mo, t->d, t->h,
                     t->mi, t->s);
    else if (t->tz == 0)
        l = snprintf(out, WN_DATE_MAX, "%04d-%02d-%02dT%02d:%02d:%02dZ", t->y, t->mo, t->d,
                     t->h, t->mi, t->s);
    else
        l = snprintf(out, WN_DATE_MAX, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", t->y, t->mo,
                     t->d, t->h, t->mi, t->s, t->tz < 0 ? '-' : '+', (t->tz < 0 ? -t->tz : t->tz) / 60,
                     (t->tz < 0 ? -t->tz : t->tz) % 60);
    return l > 0 && l < WN_DATE_MAX ? (size_t)l : 0;
}

/* Numeric shapes at s[i] (a digit): Y-M-D, D.M.Y, M/D/Y, CJK markers. */
static bool
try_numeric(const char *s, size_t n, size_t i, bool whole, dt *t, size_t *end)
{
    size_t j = i;
    int a, b, c;
    /* compact 20230726 only as a whole value */
    if (whole && read_num(s, n, &j, 8, 8, &a)) {
        t->y = a / 10000, t->mo = a / 100 % 100, t->d = a % 100;
        *end = j;
        return true;
    }
    j = i;
    if (read_num(s, n, &j, 4, 4, &a)) {
        /* year first */
        if (j < n && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {
            char sep = s[j++];
            if (!read_num(s, n, &j, 1, 2, &b) || j >= n || s[j] != sep)
                goto cjk;
            j++;
            if (!read_num(s, n, &j, 1, 2, &c))
                goto cjk;
            t->y = a, t->mo = b, t->d = c;
            if (sep == '-' || j == n || s[j] == 'T' || s[j] == ' ')
                read_time(s, n, &j, t);
            *end = j;
            return true;
        }
    cjk:
        j = i + 4;
        /* 2023年7月26日 / 2023년 7월 26일 */
        if (j + 3 <= n && (memcmp(s + j, "\xE5\xB9\xB4", 3) == 0 ||
                           memcmp(s + j, "\xEB\x85\x84", 3) == 0)) {
            j += 3;
            skip_spaces(s, n, &j);
            if (!read_num(s, n, &j, 1, 2, &b) || j + 3 > n ||
                (memcmp(s + j, "\xE6\x9C\x88", 3) != 0 && memcmp(s + j, "\xEC\x9B\x94", 3) != 0))
                return false;
            j += 3;
            skip_spaces(s, n, &j);
            if (!read_num(s, n, &j, 1, 2, &c))
                return false;
            t->y = a, t->mo = b, t->d = c;
            *end = j;
            return true;
        }
        /* 2023. július 26. (Hungarian) */
        j = i + 4;
        if (j < n && s[j] == '.')
            j++;
        skip_spaces(s, n, &j);
        int m = read_month(s, n, &j);
        if (m) {
            skip_spaces(s, n, &j);
            if (read_num(s, n, &j, 1, 2, &c)) {
                t->y = a, t->mo = m, t->d = c;
                *end = j;
                return true;
            }
        }
        return false;
    }
    j = i;
    if (!read_num(s, n, &j, 1, 2, &a))
        return false;
    if (j < n && (s[j] == '.' || s[j] == '/' || s[j] == '-')) {
        char sep = s[j];
        size_t k = j + 1;
        skip_spaces(s, n, &k);
        if (read_num(s, n, &k, 1, 2, &b) && k < n && s[k] == sep) {
            k++;
            skip_spaces(s, n, &k);
            if (!read_num(s, n, &k, 4, 4, &c))
                return false;
            if (sep == '/' && a <= 12 && b <= 31)
                t->mo = a, t->d = b; /* month first, as in the US, when both fit */
            else
                t->d = a, t->mo = b;
            t->y = c;
            read_time(s, n, &k, t);
            *end = k;
            return true;
        }
    }
    /* day then month name: "26 July 2023", "26. Juli 2023", "26-Jul-2023",
     * "26 de julio de 2023" */
    j = i;
    read_num(s, n, &j, 1, 2, &a);
    skip_ordinal(s, n, &j);
    if (j < n && (s[j] == '.' || s[j] == '-'))
        j++;
    skip_connector(s, n, &j);
    int m = read_month(s, n, &j);
    if (!m)
        return false;
    if (j < n && (s[j] == '-' || s[j] == ','))
        j++;
    skip_connector(s, n, &j);
    if (!read_num(s, n, &j, 4, 4, &c))
        return false;
    t->y = c, t->mo = m, t->d = a;
    read_time(s, n, &j, t);
    *end = j;
    return true;
}

/* Month name first: "July 26, 2023", "Jul. 26th 2023". */
static bool
try_month_first(const char *s, size_t n, size_t i, dt *t, size_t *end)
{
    size_t j = i;
    int m = read_month(s, n, &j);
    if (!m)
        return false;
    skip_spaces(s, n, &j);
    int d, y;
    if (!read_num(s, n, &j, 1, 2, &d))
        return false;
    skip_ordinal(s, n, &j);
    if (j < n && s[j] == ',')
        j++;
    skip_spaces(s, n, &j);
    if (!read_num(s, n, &j, 4, 4, &y))
        return false;
    t->y = y, t->mo = m, t->d = d;
    read_time(s, n, &j, t);
    *end = j;
    return true;
}

size_t
wn_date_parse(const char *s, size_t n, int64_t now, bool whole, char *out)
{
    out[0] = '\0';
    if (!s)
        return 0;
    if (whole) {
        /* epoch seconds or milliseconds */
        size_t a = 0, b = n;
        while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n'))
            a++;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\n'))
            b--;
        size_t k = a;
        while (k < b && is_digit(s[k]))
            k++;
        if (k == b && (b - a == 10 || b - a == 13)) {
            int64_t v = 0;
            for (k = a; k < b; k++)
                v = v * 10 + (s[k] - '0');
            if (b - a == 13)
                v /= 1000;
            int64_t days = v / 86400, rem = v % 86400;
            /* civil from days (Howard Hinnant's algorithm, restated) */
            int64_t z = days + 719468;
            int64_t era = z / 146097;
            int64_t doe = z - era * 146097;
            int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
            int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            int64_t mp = (5 * doy + 2) / 153;
            dt t = {0};
            t.d = (int)(doy - (153 * mp + 2) / 5 + 1);
            t.mo = (int)(mp < 10 ? mp + 3 : mp - 9);
            t.y = (int)(yoe + era * 400 + (t.mo <= 2));
            t.h = (int)(rem / 3600), t.mi = (int)(rem / 60 % 60), t.s = (int)(rem % 60);
            t.has_time = t.has_tz = true;
            return valid(&t, now) ? format(&t, out) : 0;
        }
    }
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool word_start = i == 0 || !(is_alpha_byte((unsigned char)s[i - 1]) || is_digit(s[i - 1]));
        if (!word_start)
            continue;
        dt t = {0};
        size_t end = 0;
        bool ok = false;
        if (is_digit((char)c))
            ok = try_numeric(s, n, i, whole, &t, &end);
        else if (is_alpha_byte(c))
            ok = try_month_first(s, n, i, &t, &end);
        if (ok && valid(&t, now))
            return format(&t, out);
    }
    return 0;
}

size_t
wn_date_from_url(const char *s, size_t n, int64_t now, char *out)
{
    out[0] = '\0';
    /* skip scheme and host */
    size_t i = 0;
    const char *p = memchr(s, ':', n < 12 ? n : 12);
    if (p && (size_t)(p - s) + 2 < n && p[1] == '/' && p[2] == '/') {
        i = (size_t)(p - s) + 3;
        while (i < n && s[i] != '/')
            i++;
    }
    for (; i < n; i++) {
        if (s[i] == '?' || s[i] == '#')
            break;
        if (s[i] != '/' && s[i] != '-' && s[i] != '_')
            continue;
        size_t j = i + 1;
        int y, m, d;
        if (!read_num(s, n, &j, 4, 4, &y)) {
            j = i + 1;
            int v;
            if (read_num(s, n, &j, 8, 8, &v) && (j == n || s[j] == '/' || s[j] == '-' || s[j] == '_')) {
                dt t = {v / 10000, v / 100 % 100, v % 100, 0, 0, 0, false, false, 0};
                if (valid(&t, now))
                    return format(&t, out);
            }
            continue;
        }
        if (j >= n || (s[j] != '/' && s[j] != '-'))
            continue;
        char sep = s[j++];
        if (!read_num(s, n, &j, 1, 2, &m) || j >= n || s[j] != sep)
            continue;
        j++;
        if (!read_num(s, n, &j, 1, 2, &d))
            continue;
        if (j < n && s[j] != '/' && s[j] != '-' && s[j] != '_' && s[j] != '.')
            continue;
        dt t = {y, m, d, 0, 0, 0, false, false, 0};
        if (valid(&t, now))
            return format(&t, out);
    }
    return 0;
}
