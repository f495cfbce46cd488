/* json.c - the tolerant JSON reader (see json.h).
 *
 * One loop over the bytes with the open container as the only state: the
 * tree's parent links are the stack, so nesting costs no C stack. Anything
 * unexpected is skipped a byte at a time rather than failing the block,
 * because a JSON-LD block with one stray comma still says who wrote the
 * article.
 */
#include "json.h"
#include "util/utf8.h"

#include <string.h>

typedef struct reader {
    wn_arena *a;
    const char *s;
    size_t i, n;
} reader;

static void
skip_space(reader *r)
{
    while (r->i < r->n) {
        unsigned char c = (unsigned char)r->s[r->i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            r->i++;
        } else if (c == '/' && r->i + 1 < r->n && r->s[r->i + 1] == '/') {
            while (r->i < r->n && r->s[r->i] != '\n')
                r->i++;
        } else if (c == '/' && r->i + 1 < r->n && r->s[r->i + 1] == '*') {
            const char *e = NULL;
            for (size_t k = r->i + 2; k + 1 < r->n; k++)
                if (r->s[k] == '*' && r->s[k + 1] == '/') {
                    e = r->s + k;
                    break;
                }
            r->i = e ? (size_t)(e - r->s) + 2 : r->n;
        } else if (c == '<' && r->n - r->i >= 4 && memcmp(r->s + r->i, "<!--", 4) == 0) {
            r->i += 4; /* HTML comment wrappers around the block */
        } else if (c == '-' && r->n - r->i >= 3 && memcmp(r->s + r->i, "-->", 3) == 0) {
            r->i += 3;
        } else if (c == '<' && r->n - r->i >= 9 && memcmp(r->s + r->i, "<![CDATA[", 9) == 0) {
            r->i += 9;
        } else if (c == ']' && r->n - r->i >= 3 && memcmp(r->s + r->i, "]]>", 3) == 0) {
            r->i += 3;
        } else if (c == 0xEF && r->n - r->i >= 3 && memcmp(r->s + r->i, "\xEF\xBB\xBF", 3) == 0) {
            r->i += 3;
        } else {
            break;
        }
    }
}

static int
hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static long
read_hex4(const char *s, size_t avail)
{
    if (avail < 4)
        return -1;
    long v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(s[k]);
        if (h < 0)
            return -1;
        v = v * 16 + h;
    }
    return v;
}

/* o[0..len) = s[0..len) with raw control characters (tolerated in a
 * string) as spaces. The restrict pointers let the compiler copy many
 * bytes at a time: the values can be whole articles. */
static void
copy_run(char *restrict o, const unsigned char *restrict s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        o[i] = s[i] < 0x20 ? ' ' : (char)s[i];
}

/* A string starting at the quote r->s[r->i]; decoded into the arena. An
 * unterminated string runs to the end of the input. */
static char *
read_string(reader *r, size_t *out_len)
{
    const unsigned char *s = (const unsigned char *)r->s;
    size_t n = r->n;
    char q = (char)s[r->i++];
    size_t start = r->i;
    /* most strings have no escape: find the quote, copy, done */
    const unsigned char *qp = memchr(s + start, q, n - start);
    size_t end = qp ? (size_t)(qp - s) : n;
    if (!memchr(s + start, '\\', end - start)) {
        size_t len = end - start;
        char *o = wn_arena_alloc(r->a, len + 1);
        if (!o)
            return NULL;
        copy_run(o, s + start, len);
        o[len] = '\0';
        *out_len = len;
        r->i = end < n ? end + 1 : n;
        return o;
    }
    /* the end is the first quote after an even run of backslashes (each
     * backslash takes the byte after it) */
    while (end < n) {
        size_t b = end;
        while (b > start && s[b - 1] == '\\')
            b--;
        if ((end - b) % 2 == 0)
            break;
        qp = end + 1 < n ? memchr(s + end + 1, q, n - end - 1) : NULL;
        end = qp ? (size_t)(qp - s) : n;
    }
    char *o = wn_arena_alloc(r->a, end - start + 1);
    if (!o)
        return NULL;
    size_t k = 0;
    for (size_t i = start; i < end; i++) {
        if (s[i] != '\\') { /* the run up to the next escape, copied at once */
            const unsigned char *bs = memchr(s + i, '\\', end - i);
            size_t run = bs ? (size_t)(bs - s) - i : end - i;
            copy_run(o + k, s + i, run);
            k += run;
            i += run - 1;
            continue;
        }
        if (++i >= end)
            break;
        unsigned char c = s[i];
        switch (c) {
        case 'n': case 'r': case 't': case 'f': case 'b':
            o[k++] = c == 'n' ? '\n' : c == 't' ? '\t' : ' ';
            break;
        case 'u': {
            long cp = read_hex4(r->s + i + 1, end - i - 1);
            if (cp < 0) {
                o[k++] = 'u';
                break;
            }
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < end && s[i + 1] == '\\' &&
                s[i + 2] == 'u') {
                long lo = read_hex4(r->s + i + 3, end - i - 3);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            if (cp != 0)
                k += wn_utf8_put_valid(o + k, (uint32_t)cp);
            break;
        }
        default:
            o[k++] = (char)c; /* \" \\ \/ and unknown escapes: the character itself */
            break;
        }
    }
    o[k] = '\0';
    *out_len = k;
    r->i = end < n ? end + 1 : n;
    return o;
}

static bool
is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '$' || c == '@' || c == '-' || c == '+' || c == '.' || c >= 0x80;
}

static wn_json *
new_node(reader *r, wn_json *parent, wn_json_type type, const char *key)
{
    wn_json *v = wn_arena_calloc(r->a, 1, sizeof *v);
    if (!v)
        return NULL;
    v->type = (uint8_t)type;
    v->key = key;
    v->parent = parent;
    if (parent) {
        if (parent->last)
            parent->last->next = v;
        else
            parent->child = v;
        parent->last = v;
        parent->n_children++;
    }
    return v;
}

/* Skip a too-deep container: balanced brackets, strings respected. */
static void
skip_container(reader *r)
{
    size_t depth = 0;
    while (r->i < r->n) {
        char c = r->s[r->i];
        if (c == '"' || c == '\'') {
            char q = c;
            r->i++;
            while (r->i < r->n && r->s[r->i] != q) {
                if (r->s[r->i] == '\\')
                    r->i++;
                r->i++;
            }
            r->i++;
            continue;
        }
        r->i++;
        if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            if (depth <= 1)
                return;
            depth--;
        }
    }
    if (r->i > r->n)
        r->i = r->n;
}

wn_json *
wn_json_parse(wn_arena *a, const char *s, size_t len)
{
    reader r = {a, s ? s : "", 0, s ? len : 0};
    wn_json *top = new_node(&r, NULL, WN_JSON_ARRAY, NULL);
    if (!top)
        return NULL;
    wn_json *cur = top;
    size_t depth = 0;
    while (r.i < r.n) {
        skip_space(&r);
        if (r.i >= r.n)
            break;
        char c = r.s[r.i];
        if (c == ',') {
            r.i++;
            continue;
        }
        if (c == '}' || c == ']') {
            r.i++;
            if (cur != top) {
                cur = cur->parent;
                depth--;
            }
            continue;
        }
        const char *key = NULL;
        if (cur->type == WN_JSON_OBJECT) {
            size_t kl = 0;
            if (c == '"' || c == '\'') {
                key = read_string(&r, &kl);
                if (!key)
                    return NULL;
            } else if (is_word_byte((unsigned char)c)) {
                size_t st = r.i;
                while (r.i < r.n && is_word_byte((unsigned char)r.s[r.i]))
                    r.i++;
                key = wn_arena_strndup(a, r.s + st, r.i - st);
                if (!key)
                    return NULL;
            } else {
                r.i++; /* stray byte where a member name belongs */
                continue;
            }
            skip_space(&r);
            if (r.i < r.n && r.s[r.i] == ':')
                r.i++;
            skip_space(&r);
            if (r.i >= r.n)
                break;
            c = r.s[r.i];
            if (c == ',' || c == '}') {
                if (!new_node(&r, cur, WN_JSON_NULL, key))
                    return NULL;
                continue;
            }
        }
        wn_json *v;
        if (c == '{' || c == '[') {
            if (depth >= WN_JSON_MAX_DEPTH) {
                skip_container(&r);
                if (!new_node(&r, cur, WN_JSON_NULL, key))
                    return NULL;
                continue;
            }
            r.i++;
            v = new_node(&r, cur, c == '{' ? WN_JSON_OBJECT : WN_JSON_ARRAY, key);
            if (!v)
                return NULL;
            cur = v;
            depth++;
        } else if (c == '"' || c == '\'') {
            v = new_node(&r, cur, WN_JSON_STRING, key);
            if (!v)
                return NULL;
            char *str = read_string(&r, &v->len);
            if (!str)
                return NULL;
            v->str = str;
        } else if (is_word_byte((unsigned char)c)) {
            size_t st = r.i;
            while (r.i < r.n && is_word_byte((unsigned char)r.s[r.i]))
                r.i++;
            size_t wl = r.i - st;
            const char *w = r.s + st;
            if (wl == 4 && memcmp(w, "true", 4) == 0) {
                v = new_node(&r, cur, WN_JSON_BOOL, key);
                if (v)
                    v->boolean = true;
            } else if (wl == 5 && memcmp(w, "false", 5) == 0) {
                v = new_node(&r, cur, WN_JSON_BOOL, key);
            } else if ((wl == 4 && memcmp(w, "null", 4) == 0) ||
                       (wl == 9 && memcmp(w, "undefined", 9) == 0)) {
                v = new_node(&r, cur, WN_JSON_NULL, key);
            } else {
                v = new_node(&r, cur, WN_JSON_NUMBER, key);
                if (v) {
                    v->str = wn_arena_strndup(a, w, wl);
                    v->len = wl;
                    if (!v->str)
                        return NULL;
                }
            }
            if (!v)
                return NULL;
        } else {
            r.i++; /* anything else (';', '=', a stray quote ...) is skipped */
        }
    }
    if (!top->child)
        return NULL;
    if (top->n_children == 1 && top->child->type != WN_JSON_STRING &&
        top->child->type != WN_JSON_NUMBER) {
        wn_json *only = top->child;
        only->parent = NULL;
        only->next = NULL;
        return only;
    }
    return top;
}

wn_json *
wn_json_get(const wn_json *obj, const char *key)
{
    if (!obj || obj->type != WN_JSON_OBJECT)
        return NULL;
    for (wn_json *m = obj->child; m; m = m->next)
        if (m->key && strcmp(m->key, key) == 0)
            return m;
    return NULL;
}

wn_json *
wn_json_walk_next(const wn_json *root, wn_json *cur)
{
    if (!cur)
        return (wn_json *)root;
    if (cur->child)
        return cur->child;
    while (cur && cur != root) {
        if (cur->next)
            return cur->next;
        cur = cur->parent;
    }
    return NULL;
}
