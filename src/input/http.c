/* http.c - HTTP/1.x response heads and bodies (see http.h). */
#include "input/http.h"

#include <stdint.h>
#include <string.h>

static bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

static char
lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static bool
eq_nocase(const char *a, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    if (n != m)
        return false;
    for (size_t i = 0; i < n; i++)
        if (lower(a[i]) != lit[i])
            return false;
    return true;
}

static wn_str
trim(const char *p, size_t n)
{
    while (n && is_space(*p)) {
        p++;
        n--;
    }
    while (n && is_space(p[n - 1]))
        n--;
    wn_str s = {p, n};
    return s;
}

/* Whether a list value ("gzip, chunked") contains `token`. */
static bool
has_token(const char *p, size_t n, const char *token)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && p[j] != ',')
            j++;
        wn_str t = trim(p + i, j - i);
        if (eq_nocase(t.ptr, t.len, token))
            return true;
        i = j + 1;
    }
    return false;
}

void
wn_http_parse_content_type(const char *p, size_t len, wn_str *mime, wn_str *charset)
{
    wn_str none = {NULL, 0};
    *mime = none;
    *charset = none;
    size_t i = 0;
    while (i < len && p[i] != ';')
        i++;
    wn_str m = trim(p, i);
    if (m.len)
        *mime = m;
    while (i < len) {
        i++; /* past ';' */
        size_t start = i;
        bool quoted = false;
        while (i < len && (quoted || p[i] != ';')) {
            if (p[i] == '"')
                quoted = !quoted;
            i++;
        }
        wn_str param = trim(p + start, i - start);
        const char *eq = memchr(param.ptr, '=', param.len);
        if (!eq)
            continue;
        wn_str name = trim(param.ptr, (size_t)(eq - param.ptr));
        if (!eq_nocase(name.ptr, name.len, "charset"))
            continue;
        wn_str v = trim(eq + 1, param.len - (size_t)(eq + 1 - param.ptr));
        if (v.len >= 1 && (v.ptr[0] == '"' || v.ptr[0] == '\'')) {
            char q = v.ptr[0];
            v.ptr++;
            v.len--;
            const char *end = memchr(v.ptr, q, v.len);
            if (end)
                v.len = (size_t)(end - v.ptr);
            v = trim(v.ptr, v.len);
        }
        if (v.len && !charset->ptr)
            *charset = v;
    }
}

wn_status
wn_http_parse_head(const char *p, size_t len, wn_http_head *out)
{
    memset(out, 0, sizeof *out);
    /* status line: "HTTP/" version SP 3DIGIT [SP reason] */
    if (len < 8 || memcmp(p, "HTTP/", 5) != 0)
        return WN_ERR_FORMAT;
    size_t i = 5;
    while (i < len && p[i] != ' ' && p[i] != '\n')
        i++;
    while (i < len && p[i] == ' ')
        i++;
    int status = 0, digits = 0;
    while (i < len && digits < 3 && p[i] >= '0' && p[i] <= '9') {
        status = status * 10 + (p[i] - '0');
        digits++;
        i++;
    }
    if (digits != 3 || status < 100)
        return WN_ERR_FORMAT;
    out->status = status;
    const char *nl = memchr(p + i, '\n', len - i);
    if (!nl)
        return WN_ERR_FORMAT;
    i = (size_t)(nl - p) + 1;
    /* header lines up to an empty line */
    for (;;) {
        if (i >= len)
            return WN_ERR_FORMAT;
        nl = memchr(p + i, '\n', len - i);
        if (!nl)
            return WN_ERR_FORMAT;
        size_t end = (size_t)(nl - p);
        size_t line_end = end > i && p[end - 1] == '\r' ? end - 1 : end;
        if (line_end == i) {
            out->head_len = end + 1;
            return WN_OK;
        }
        const char *line = p + i;
        size_t n = line_end - i;
        i = end + 1;
        if (line[0] == ' ' || line[0] == '\t')
            continue; /* obsolete line folding: a continuation we do not need */
        const char *colon = memchr(line, ':', n);
        if (!colon)
            continue;
        wn_str name = trim(line, (size_t)(colon - line));
        wn_str value = trim(colon + 1, n - (size_t)(colon + 1 - line));
        if (eq_nocase(name.ptr, name.len, "content-type")) {
            if (!out->mime.ptr)
                wn_http_parse_content_type(value.ptr, value.len, &out->mime, &out->charset);
        } else if (eq_nocase(name.ptr, name.len, "content-encoding")) {
            out->content_encoding = value;
        } else if (eq_nocase(name.ptr, name.len, "transfer-encoding")) {
            out->chunked = has_token(value.ptr, value.len, "chunked");
        }
    }
}

/* Case-insensitive search for an ASCII needle (lower case) in p[0..n). */
static bool
contains_nocase(const char *p, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m && lower(p[i + k]) == needle[k])
            k++;
        if (k == m)
            return true;
    }
    return false;
}

bool
wn_http_is_html(wn_str mime, const char *body, size_t body_len)
{
    if (mime.ptr && mime.len) {
        return eq_nocase(mime.ptr, mime.len, "text/html") ||
               eq_nocase(mime.ptr, mime.len, "application/xhtml+xml");
    }
    /* no type given: sniff, as browsers do for a missing Content-Type */
    size_t i = 0;
    if (body_len >= 3 && memcmp(body, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < body_len && is_space(body[i]))
        i++;
    if (i >= body_len || body[i] != '<')
        return false;
    size_t n = body_len - i < 1024 ? body_len - i : 1024;
    return contains_nocase(body + i, n, "<!doctype html") || contains_nocase(body + i, n, "<html") ||
           contains_nocase(body + i, n, "<head") || contains_nocase(body + i, n, "<body");
}

static int
hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = lower(c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

size_t
wn_http_dechunk(char *p, size_t len)
{
    /* first pass: check that the body really is chunked, so a body stored
     * de-chunked under a "chunked" header is not mangled */
    size_t i = 0, out = 0;
    for (int pass = 0; pass < 2; pass++) {
        i = 0;
        out = 0;
        for (;;) {
            size_t size = 0;
            int digits = 0, h;
            while (i < len && (h = hex_value(p[i])) >= 0) {
                if (size > (SIZE_MAX >> 4))
                    return len; /* absurd: not chunked data */
                size = size * 16 + (size_t)h;
                digits++;
                i++;
            }
            if (digits == 0)
                break; /* truncated or not chunked */
            const char *nl = i < len ? memchr(p + i, '\n', len - i) : NULL;
            if (!nl)
                break; /* cut inside the size line */
            i = (size_t)(nl - p) + 1; /* chunk extensions ignored */
            if (size == 0) {
                i = len;
                break;
            }
            size_t avail = len - i < size ? len - i : size;
            if (pass == 1)
                memmove(p + out, p + i, avail);
            out += avail;
            i += avail;
            if (avail < size)
                break; /* truncated body: keep what is there */
            if (i < len && p[i] == '\r')
                i++;
            if (i < len && p[i] == '\n')
                i++;
        }
        if (pass == 0 && out == 0 && len > 0)
            return len; /* nothing decoded: not chunked data */
    }
    return out;
}
