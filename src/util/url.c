/* url.c - URL reference resolution (see url.h): RFC 3986 section 5.2 with
 * the leniency pages need (surrounding spaces, tabs and newlines inside,
 * backslashes, scheme-relative references).
 */
#include "url.h"

#include <string.h>

#include "util/swar.h"

typedef struct parts {
    const char *scheme, *auth, *path, *query, *frag;
    size_t scheme_len, auth_len, path_len, query_len, frag_len;
    bool has_auth, has_query, has_frag;
} parts;

static bool
is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Length of a scheme before ':' at the start of s, 0 if none. */
static size_t
scheme_len(const char *s, size_t n)
{
    if (!n || !is_alpha(s[0]))
        return 0;
    for (size_t i = 1; i < n; i++) {
        char c = s[i];
        if (c == ':')
            return i;
        if (!(is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
            return 0;
    }
    return 0;
}

static void
split(const char *s, size_t n, parts *p)
{
    memset(p, 0, sizeof *p);
    size_t i = 0;
    size_t sl = scheme_len(s, n);
    if (sl) {
        p->scheme = s;
        p->scheme_len = sl;
        i = sl + 1;
    }
    if (i + 1 < n && s[i] == '/' && s[i + 1] == '/') {
        i += 2;
        size_t st = i;
        while (i < n && s[i] != '/' && s[i] != '?' && s[i] != '#')
            i++;
        p->has_auth = true;
        p->auth = s + st;
        p->auth_len = i - st;
    }
    size_t st = i;
    while (i < n && s[i] != '?' && s[i] != '#')
        i++;
    p->path = s + st;
    p->path_len = i - st;
    if (i < n && s[i] == '?') {
        st = ++i;
        while (i < n && s[i] != '#')
            i++;
        p->has_query = true;
        p->query = s + st;
        p->query_len = i - st;
    }
    if (i < n && s[i] == '#') {
        p->has_frag = true;
        p->frag = s + i + 1;
        p->frag_len = n - i - 1;
    }
}

/* Clean a URL string: trim C0 controls and spaces at both ends, drop tabs
 * and newlines inside, and turn backslashes into slashes for http(s). */
static char *
tidy(wn_arena *a, const char *s, size_t n, size_t *out_len)
{
    while (n && (unsigned char)*s <= 0x20)
        s++, n--;
    while (n && (unsigned char)s[n - 1] <= 0x20)
        n--;
    char *o = wn_arena_alloc(a, n + 1);
    if (!o)
        return NULL;
    /* most URLs hold no tab, newline or backslash: then the copy below is
     * the bytes as they are (a '#' only matters to backslashes) */
    size_t run = 0;
    for (; n - run >= 8; run += 8) {
        uint64_t x = wn_sw_load(s + run);
        if (wn_sw_zero(x ^ (WN_SW_ONES * '\t')) | wn_sw_zero(x ^ (WN_SW_ONES * '\n')) |
            wn_sw_zero(x ^ (WN_SW_ONES * '\r')) | wn_sw_zero(x ^ (WN_SW_ONES * '\\')))
            break;
    }
    while (run < n && s[run] != '\t' && s[run] != '\n' && s[run] != '\r' && s[run] != '\\')
        run++;
    if (run == n) {
        memcpy(o, s, n);
        o[n] = '\0';
        *out_len = n;
        return o;
    }
    size_t k = 0;
    size_t sl = scheme_len(s, n);
    bool special = !sl || (sl == 4 && (s[0] | 32) == 'h') || (sl == 5 && (s[0] | 32) == 'h');
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c == '\\' && special)
            c = '/';
        if (c == '#')
            special = false; /* fragments keep their backslashes */
        o[k++] = c;
    }
    o[k] = '\0';
    *out_len = k;
    return o;
}

/* RFC 3986 5.2.4, writing the result to out (which has room for n). */
static size_t
remove_dots(const char *in, size_t n, char *out)
{
    size_t k = 0, i = 0;
    while (i < n) {
        if (n - i >= 3 && memcmp(in + i, "../", 3) == 0) {
            i += 3;
        } else if (n - i >= 2 && memcmp(in + i, "./", 2) == 0) {
            i += 2;
        } else if (n - i >= 3 && memcmp(in + i, "/./", 3) == 0) {
            i += 2;
        } else if (n - i == 2 && memcmp(in + i, "/.", 2) == 0) {
            out[k++] = '/';
            i += 2;
        } else if ((n - i >= 4 && memcmp(in + i, "/../", 4) == 0) ||
                   (n - i == 3 && memcmp(in + i, "/..", 3) == 0)) {
            i += 3;
            while (k && out[k - 1] != '/')
                k--;
            if (k)
                k--;
            if (i == n)
                out[k++] = '/';
        } else if ((n - i == 1 && in[i] == '.') || (n - i == 2 && memcmp(in + i, "..", 2) == 0)) {
            i = n;
        } else {
            if (in[i] == '/')
                out[k++] = in[i++];
            while (i < n && in[i] != '/')
                out[k++] = in[i++];
        }
    }
    return k;
}

static void
put(char *o, size_t *k, const char *s, size_t n)
{
    memcpy(o + *k, s, n);
    *k += n;
}

char *
wn_url_resolve(wn_arena *a, const char *base, size_t base_len, const char *ref, size_t ref_len,
               size_t *out_len)
{
    size_t bl = 0, rl = 0;
    char *b = tidy(a, base ? base : "", base ? base_len : 0, &bl);
    char *r = tidy(a, ref ? ref : "", ref ? ref_len : 0, &rl);
    if (!b || !r)
        return NULL;
    parts bp, rp;
    split(b, bl, &bp);
    split(r, rl, &rp);
    /* room: everything concatenated, plus separators */
    char *o = wn_arena_alloc(a, bl + rl + 8);
    char *tmp = wn_arena_alloc(a, bl + rl + 8);
    if (!o || !tmp)
        return NULL;
    size_t k = 0;
    const parts *auth_from, *query_from;
    const char *path;
    size_t path_len;
    if (rp.scheme) {
        auth_from = &rp;
        query_from = &rp;
        path = rp.path;
        path_len = rp.path_len;
        put(o, &k, rp.scheme, rp.scheme_len);
    } else {
        if (!bp.scheme)
            return NULL; /* no absolute URL without an absolute base */
        put(o, &k, bp.scheme, bp.scheme_len);
        if (rp.has_auth) {
            auth_from = &rp;
            query_from = &rp;
            path = rp.path;
            path_len = rp.path_len;
        } else {
            auth_from = &bp;
            if (rp.path_len == 0) {
                path = bp.path;
                path_len = bp.path_len;
                query_from = rp.has_query ? &rp : &bp;
            } else {
                query_from = &rp;
                if (rp.path[0] == '/') {
                    path = rp.path;
                    path_len = rp.path_len;
                } else {
                    /* merge: base path up to its last '/' + the reference */
                    size_t m = 0;
                    if (bp.has_auth && bp.path_len == 0) {
                        tmp[m++] = '/';
                    } else {
                        size_t last = bp.path_len;
                        while (last && bp.path[last - 1] != '/')
                            last--;
                        memcpy(tmp, bp.path, last);
                        m = last;
                    }
                    memcpy(tmp + m, rp.path, rp.path_len);
                    path = tmp;
                    path_len = m + rp.path_len;
                }
            }
        }
    }
    o[k++] = ':';
    if (auth_from->has_auth) {
        put(o, &k, "//", 2);
        put(o, &k, auth_from->auth, auth_from->auth_len);
    }
    if (path_len && path[0] != '/' && auth_from->has_auth)
        o[k++] = '/';
    else if (!path_len && auth_from->has_auth)
        o[k++] = '/';
    k += remove_dots(path, path_len, o + k);
    if (query_from->has_query) {
        o[k++] = '?';
        put(o, &k, query_from->query, query_from->query_len);
    }
    if (rp.has_frag) {
        o[k++] = '#';
        put(o, &k, rp.frag, rp.frag_len);
    }
    o[k] = '\0';
    if (out_len)
        *out_len = k;
    return o;
}

bool
wn_url_is_safe(const char *url, size_t len)
{
    char s[16];
    size_t k = 0;
    bool overflow = false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)url[i];
        if (c <= 0x20 && k == 0)
            continue; /* leading spaces and controls */
        if (c == '\t' || c == '\n' || c == '\r')
            continue; /* browsers drop these anywhere */
        if (c == '/' || c == '?' || c == '#')
            break; /* relative reference */
        if (c == ':') {
            if (overflow)
                return false;
            s[k] = '\0';
            static const char *const ok[] = {"http", "https", "mailto", "ftp"};
            for (size_t j = 0; j < 4; j++)
                if (strlen(ok[j]) == k && strncmp(s, ok[j], k) == 0)
                    return true;
            return false;
        }
        if (k + 1 >= sizeof s) {
            overflow = true;
            continue;
        }
        s[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return true;
}
