/* prescan.c - encoding labels and the HTML prescan for <meta charset>.
 *
 * wn__encoding_lookup is the Encoding Standard's "get an encoding": trim
 * ASCII whitespace, lower-case, look the label up in the generated table.
 *
 * wn_prescan_encoding is HTML 13.2.3.2 "prescan a byte stream to determine
 * its encoding". It walks the first 1024 bytes as a tiny tokenizer that
 * knows only comments, <meta>, other tags and bogus markup:
 *   - "<!--" skips to the next "-->" (the dashes of "<!--" may close it);
 *   - "<meta" + space or "/" reads attributes: charset=, or
 *     http-equiv=content-type together with content="...charset=...";
 *   - "<x" and "</x" (x a letter) skip the tag name and its attributes, so
 *     an attribute value containing "<meta" is not mistaken for a tag;
 *   - "<!", "</", "<?" skip to the next ">".
 * Running out of bytes anywhere ends the scan with the fallback: the
 * encoding of an XML declaration (<?xml ... encoding="...">), if any.
 * A meta naming UTF-16 means UTF-8 (the bytes were read as ASCII, so they
 * cannot be UTF-16), and x-user-defined means windows-1252.
 */
#include <string.h>

#include "decode/decode.h"
#include "decode/labels.h"

#define PRESCAN_WINDOW 1024

/* Longest attribute name / value the prescan keeps. Longer ones are still
 * consumed but truncated; no label or "content-type" comes near it. */
#define ATTR_MAX 256

static int
is_space(unsigned char c)
{
    return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

static unsigned char
lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

static int
is_alpha(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

const wn_encoding *
wn__encoding_lookup(const char *label, size_t len)
{
    if (!label)
        return NULL;
    while (len && is_space((unsigned char)label[0])) {
        label++;
        len--;
    }
    while (len && is_space((unsigned char)label[len - 1]))
        len--;
    if (len == 0 || len > WN__LABEL_MAX)
        return NULL;
    char key[WN__LABEL_MAX + 1];
    for (size_t i = 0; i < len; i++)
        key[i] = (char)lower((unsigned char)label[i]);
    key[len] = '\0';
    size_t lo = 0, hi = WN__LABEL_COUNT;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(key, wn__encoding_labels[mid].label);
        if (c == 0)
            return &wn__encodings[wn__encoding_labels[mid].encoding];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

const char *
wn_encoding_for_label(const char *label, size_t len)
{
    const wn_encoding *e = wn__encoding_lookup(label, len);
    return e ? e->name : NULL;
}

/* The prescan's own adjustments of a meta's encoding. */
static const wn_encoding *
meta_adjust(const wn_encoding *e)
{
    if (!e)
        return NULL;
    if (e->kind == WN_ENC_UTF16LE || e->kind == WN_ENC_UTF16BE)
        return wn__encoding_lookup("utf-8", 5);
    if (e->kind == WN_ENC_USER_DEFINED)
        return wn__encoding_lookup("windows-1252", 12);
    return e;
}

/* A byte string of bounded length: attribute names and values. */
typedef struct attr_str {
    unsigned char s[ATTR_MAX];
    size_t len;
} attr_str;

static void
attr_push(attr_str *a, unsigned char c)
{
    if (a->len < ATTR_MAX)
        a->s[a->len++] = lower(c);
}

static int
attr_is(const attr_str *a, const char *lit)
{
    size_t n = strlen(lit);
    return a->len == n && memcmp(a->s, lit, n) == 0;
}

typedef struct scanner {
    const unsigned char *p;
    size_t len;             /* bytes the scan may look at */
    size_t pos;
} scanner;

/* Outcome of "get an attribute". */
enum { ATTR_NONE, ATTR_FOUND, ATTR_EOF };

/* HTML "get an attribute" (13.2.3.2). Leaves pos on the byte after the
 * attribute, or on the ">" that ends the tag. */
static int
get_attribute(scanner *sc, attr_str *name, attr_str *value)
{
    const unsigned char *p = sc->p;
    size_t n = sc->len, i = sc->pos;
    name->len = 0;
    value->len = 0;
    while (i < n && (is_space(p[i]) || p[i] == '/'))
        i++;
    if (i >= n)
        return ATTR_EOF;
    if (p[i] == '>') {
        sc->pos = i;
        return ATTR_NONE;
    }
    /* The attribute name. */
    for (;;) {
        if (i >= n)
            return ATTR_EOF;
        unsigned char c = p[i];
        if (c == '=' && name->len > 0) {
            i++;
            goto value;
        }
        if (is_space(c))
            break;
        if (c == '/' || c == '>') {
            sc->pos = i;
            return ATTR_FOUND;
        }
        attr_push(name, c);
        i++;
    }
    /* Spaces after the name: "=" may follow, else a value-less attribute. */
    while (i < n && is_space(p[i]))
        i++;
    if (i >= n)
        return ATTR_EOF;
    if (p[i] != '=') {
        sc->pos = i;
        return ATTR_FOUND;
    }
    i++;
value:
    while (i < n && is_space(p[i]))
        i++;
    if (i >= n)
        return ATTR_EOF;
    if (p[i] == '"' || p[i] == '\'') {
        unsigned char quote = p[i++];
        for (;;) {
            if (i >= n)
                return ATTR_EOF;
            if (p[i] == quote) {
                sc->pos = i + 1;
                return ATTR_FOUND;
            }
            attr_push(value, p[i++]);
        }
    }
    if (p[i] == '>') {
        sc->pos = i;
        return ATTR_FOUND;
    }
    attr_push(value, p[i++]);
    for (;;) {
        if (i >= n)
            return ATTR_EOF;
        if (is_space(p[i]) || p[i] == '>') {
            sc->pos = i;
            return ATTR_FOUND;
        }
        attr_push(value, p[i++]);
    }
}

/* HTML "extracting a character encoding from a meta element", over the
 * (lower-cased) content attribute value. */
static const wn_encoding *
encoding_from_content(const unsigned char *s, size_t n)
{
    size_t pos = 0;
    for (;;) {
        /* Find "charset" at or after pos. */
        size_t at = pos;
        while (at + 7 <= n && memcmp(s + at, "charset", 7) != 0)
            at++;
        if (at + 7 > n)
            return NULL;
        size_t i = at + 7;
        while (i < n && is_space(s[i]))
            i++;
        if (i >= n || s[i] != '=') {
            pos = i; /* "just before that next character" */
            continue;
        }
        i++;
        while (i < n && is_space(s[i]))
            i++;
        if (i >= n)
            return NULL;
        if (s[i] == '"' || s[i] == '\'') {
            const unsigned char *end = memchr(s + i + 1, s[i], n - i - 1);
            if (!end)
                return NULL;
            return wn__encoding_lookup((const char *)s + i + 1, (size_t)(end - (s + i + 1)));
        }
        size_t j = i;
        while (j < n && !is_space(s[j]) && s[j] != ';')
            j++;
        return wn__encoding_lookup((const char *)s + i, j - i);
    }
}

const wn_encoding *
wn__encoding_from_content(const char *s, size_t n)
{
    attr_str v = {{0}, 0};
    for (size_t i = 0; i < n; i++)
        attr_push(&v, (unsigned char)s[i]);
    return encoding_from_content(v.s, v.len);
}

/* The attributes of one <meta>: what it says, or NULL. pos starts after
 * "<meta" and its space or slash. */
static const wn_encoding *
scan_meta(scanner *sc, int *eof)
{
    /* Names seen so far: only the three that matter are tracked, since a
     * repeated name is ignored and the others have no effect anyway. */
    int seen_http_equiv = 0, seen_content = 0, seen_charset = 0;
    int got_pragma = 0;
    int need_pragma = -1;               /* -1 null, 0 false, 1 true */
    int charset_set = 0;                /* charset is non-null */
    const wn_encoding *charset = NULL;  /* NULL with charset_set: failure */
    attr_str name, value;
    for (;;) {
        int r = get_attribute(sc, &name, &value);
        if (r == ATTR_EOF) {
            *eof = 1;
            return NULL;
        }
        if (r == ATTR_NONE)
            break;
        if (attr_is(&name, "http-equiv")) {
            if (seen_http_equiv++)
                continue;
            if (attr_is(&value, "content-type"))
                got_pragma = 1;
        } else if (attr_is(&name, "content")) {
            if (seen_content++)
                continue;
            const wn_encoding *e = encoding_from_content(value.s, value.len);
            if (e && !charset_set) {
                charset = e;
                charset_set = 1;
                need_pragma = 1;
            }
        } else if (attr_is(&name, "charset")) {
            if (seen_charset++)
                continue;
            charset = wn__encoding_lookup((const char *)value.s, value.len);
            charset_set = 1;
            need_pragma = 0;
        }
    }
    if (need_pragma < 0 || (need_pragma == 1 && !got_pragma) || !charset)
        return NULL;
    return meta_adjust(charset);
}

/* HTML "get an XML encoding": the encoding="..." of a leading <?xml. */
static const wn_encoding *
xml_encoding(const unsigned char *p, size_t n)
{
    if (n < 5 || memcmp(p, "<?xml", 5) != 0)
        return NULL;
    const unsigned char *gt = memchr(p, '>', n);
    if (!gt)
        return NULL;
    size_t end = (size_t)(gt - p), i = 5;
    for (;; i++) {
        if (i + 8 > end)
            return NULL;
        if (memcmp(p + i, "encoding", 8) == 0)
            break;
    }
    i += 8;
    while (i < end && p[i] <= 0x20)
        i++;
    if (i >= end || p[i] != '=')
        return NULL;
    i++;
    while (i < end && p[i] <= 0x20)
        i++;
    if (i >= end || (p[i] != '"' && p[i] != '\''))
        return NULL;
    unsigned char quote = p[i++];
    size_t start = i;
    while (i < end && p[i] != quote) {
        if (p[i] <= 0x20)
            return NULL;
        i++;
    }
    if (i >= end)
        return NULL;
    const wn_encoding *e = wn__encoding_lookup((const char *)p + start, i - start);
    if (e && (e->kind == WN_ENC_UTF16LE || e->kind == WN_ENC_UTF16BE))
        return wn__encoding_lookup("utf-8", 5);
    return e;
}

/* The prescan over the first `window` bytes. */
static const wn_encoding *
prescan(const unsigned char *p, size_t len, size_t window)
{
    scanner sc = {p, len < window ? len : window, 0};
    size_t n = sc.len;
    /* UTF-16 XML declarations: "<?x" in either byte order. */
    if (n >= 6 && memcmp(p, "<\0?\0x\0", 6) == 0)
        return wn__encoding_lookup("utf-16le", 8);
    if (n >= 6 && memcmp(p, "\0<\0?\0x", 6) == 0)
        return wn__encoding_lookup("utf-16be", 8);
    attr_str name, value;
    while (sc.pos < n) {
        const unsigned char *lt = memchr(p + sc.pos, '<', n - sc.pos);
        if (!lt)
            break;
        size_t i = (size_t)(lt - p);
        size_t rest = n - i;
        if (rest >= 4 && memcmp(lt, "<!--", 4) == 0) {
            /* The ">" of the first "-->" after "<!": "<!-->" is a comment. */
            size_t j = i + 2;
            while (j + 3 <= n && memcmp(p + j, "-->", 3) != 0)
                j++;
            if (j + 3 > n)
                break;
            sc.pos = j + 3;
            continue;
        }
        if (rest >= 6 && lower(lt[1]) == 'm' && lower(lt[2]) == 'e' && lower(lt[3]) == 't' &&
            lower(lt[4]) == 'a' && (is_space(lt[5]) || lt[5] == '/')) {
            sc.pos = i + 6;
            int eof = 0;
            const wn_encoding *e = scan_meta(&sc, &eof);
            if (e)
                return e;
            if (eof)
                break;
            sc.pos++; /* past the ">" */
            continue;
        }
        if (rest >= 2 && (is_alpha(lt[1]) || (rest >= 3 && lt[1] == '/' && is_alpha(lt[2])))) {
            size_t j = i + 1;
            while (j < n && !is_space(p[j]) && p[j] != '>')
                j++;
            sc.pos = j;
            int r;
            while ((r = get_attribute(&sc, &name, &value)) == ATTR_FOUND)
                ;
            if (r == ATTR_EOF)
                break;
            sc.pos++;
            continue;
        }
        if (rest >= 2 && (lt[1] == '!' || lt[1] == '/' || lt[1] == '?')) {
            const unsigned char *gt = memchr(lt + 1, '>', n - i - 1);
            if (!gt)
                break;
            sc.pos = (size_t)(gt - p) + 1;
            continue;
        }
        sc.pos = i + 1;
    }
    return xml_encoding(p, n);
}

const char *
wn_prescan_encoding(const char *bytes, size_t len)
{
    return wn_prescan_encoding_within(bytes, len, PRESCAN_WINDOW);
}

const char *
wn_prescan_encoding_within(const char *bytes, size_t len, size_t window)
{
    if (!bytes)
        return NULL;
    const wn_encoding *e = prescan((const unsigned char *)bytes, len, window);
    return e ? e->name : NULL;
}
