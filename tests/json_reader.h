/* json_reader.h - a small JSON reader for the html5lib .test files.
 *
 * Test-only: parses a whole document into a malloc'd tree (json_free
 * releases it). Strings are decoded to UTF-8; a \u escape that is a lone
 * surrogate cannot be UTF-8, so it is written as U+FFFD and the string is
 * flagged `lone_surrogate` (tests with such strings are not applicable).
 * Recursion depth is that of the test files (a handful of levels).
 */
#ifndef WN_TEST_JSON_READER_H
#define WN_TEST_JSON_READER_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8.h"

typedef enum json_type { JSON_NULL, JSON_BOOL, JSON_NUM, JSON_STR, JSON_ARR, JSON_OBJ } json_type;

typedef struct json json;
struct json {
    json_type type;
    bool b;
    double num;
    char *str;           /* JSON_STR */
    size_t len;
    bool lone_surrogate;
    json *items;         /* JSON_ARR / JSON_OBJ values */
    json *keys;          /* JSON_OBJ keys (strings) */
    size_t n;
};

typedef struct json_parser {
    const char *p, *end;
    bool failed;
} json_parser;

static void
json_ws(json_parser *jp)
{
    while (jp->p < jp->end && (*jp->p == ' ' || *jp->p == '\n' || *jp->p == '\r' || *jp->p == '\t'))
        jp->p++;
}

static int
json_hex4(const char *s, const char *end, unsigned *out)
{
    if (end - s < 4)
        return 0;
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return 0;
    }
    *out = v;
    return 1;
}

/* Decode \uXXXX escapes (and only those) in s[0..n) into out (which has
 * room for n bytes: every escape shrinks). Used for JSON strings (with the
 * other escapes) and for html5lib's "doubleEscaped" second pass. */
static size_t
json_unescape(const char *s, size_t n, char *out, bool all_escapes, bool *lone)
{
    const char *end = s + n;
    size_t o = 0;
    while (s < end) {
        if (*s != '\\' || s + 1 >= end) {
            out[o++] = *s++;
            continue;
        }
        char e = s[1];
        if (e == 'u') {
            unsigned cp;
            if (!json_hex4(s + 2, end, &cp)) {
                out[o++] = *s++;
                continue;
            }
            s += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                unsigned lo;
                if (end - s >= 6 && s[0] == '\\' && s[1] == 'u' && json_hex4(s + 2, end, &lo) &&
                    lo >= 0xDC00 && lo <= 0xDFFF) {
                    s += 6;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                } else {
                    *lone = true;
                    cp = 0xFFFD;
                }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                *lone = true;
                cp = 0xFFFD;
            }
            o += wn_utf8_put(out + o, cp);
            continue;
        }
        if (!all_escapes) {
            out[o++] = *s++;
            continue;
        }
        s += 2;
        switch (e) {
        case 'n': out[o++] = '\n'; break;
        case 't': out[o++] = '\t'; break;
        case 'r': out[o++] = '\r'; break;
        case 'b': out[o++] = '\b'; break;
        case 'f': out[o++] = '\f'; break;
        default: out[o++] = e; break; /* \" \\ \/ */
        }
    }
    return o;
}

static void json_value(json_parser *jp, json *v);

static void
json_string(json_parser *jp, json *v)
{
    memset(v, 0, sizeof *v);
    const char *s = ++jp->p;
    while (jp->p < jp->end && *jp->p != '"') {
        if (*jp->p == '\\')
            jp->p++;
        jp->p++;
    }
    if (jp->p >= jp->end) {
        jp->failed = true;
        return;
    }
    size_t n = (size_t)(jp->p - s);
    jp->p++;
    v->type = JSON_STR;
    v->str = malloc(n + 1);
    v->len = json_unescape(s, n, v->str, true, &v->lone_surrogate);
    v->str[v->len] = '\0';
}

static void
json_push(json **arr, size_t *n, size_t *cap, json *v)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        *arr = realloc(*arr, *cap * sizeof **arr);
    }
    (*arr)[(*n)++] = *v;
}

static void
json_value(json_parser *jp, json *v)
{
    memset(v, 0, sizeof *v);
    json_ws(jp);
    if (jp->p >= jp->end) {
        jp->failed = true;
        return;
    }
    char c = *jp->p;
    if (c == '"') {
        json_string(jp, v);
    } else if (c == '[' || c == '{') {
        bool obj = c == '{';
        size_t cap = 0, kcap = 0, kn = 0;
        v->type = obj ? JSON_OBJ : JSON_ARR;
        jp->p++;
        json_ws(jp);
        if (jp->p < jp->end && *jp->p == (obj ? '}' : ']')) {
            jp->p++;
            return;
        }
        while (!jp->failed) {
            json item;
            if (obj) {
                json_ws(jp);
                if (jp->p >= jp->end || *jp->p != '"') {
                    jp->failed = true;
                    return;
                }
                json_string(jp, &item);
                json_push(&v->keys, &kn, &kcap, &item);
                json_ws(jp);
                if (jp->p >= jp->end || *jp->p != ':') {
                    jp->failed = true;
                    return;
                }
                jp->p++;
            }
            json_value(jp, &item);
            json_push(&v->items, &v->n, &cap, &item);
            json_ws(jp);
            if (jp->p < jp->end && *jp->p == ',') {
                jp->p++;
                continue;
            }
            if (jp->p < jp->end && *jp->p == (obj ? '}' : ']')) {
                jp->p++;
                return;
            }
            jp->failed = true;
        }
    } else if (!strncmp(jp->p, "null", 4)) {
        v->type = JSON_NULL;
        jp->p += 4;
    } else if (!strncmp(jp->p, "true", 4)) {
        v->type = JSON_BOOL;
        v->b = true;
        jp->p += 4;
    } else if (!strncmp(jp->p, "false", 5)) {
        v->type = JSON_BOOL;
        jp->p += 5;
    } else {
        char *e;
        v->type = JSON_NUM;
        v->num = strtod(jp->p, &e);
        if (e == jp->p)
            jp->failed = true;
        jp->p = e;
    }
}

static void
json_free(json *v)
{
    free(v->str);
    for (size_t i = 0; i < v->n; i++) {
        json_free(&v->items[i]);
        if (v->type == JSON_OBJ)
            json_free(&v->keys[i]);
    }
    free(v->items);
    free(v->keys);
}

/* Parse text[0..n) into *out; false on a syntax error (out is freed). */
static bool
json_parse(const char *text, size_t n, json *out)
{
    json_parser jp = {text, text + n, false};
    json_value(&jp, out);
    if (jp.failed) {
        json_free(out);
        memset(out, 0, sizeof *out);
        return false;
    }
    return true;
}

/* Member `key` of an object, or NULL. */
static json *
json_get(json *obj, const char *key)
{
    if (!obj || obj->type != JSON_OBJ)
        return NULL;
    for (size_t i = 0; i < obj->n; i++)
        if (strcmp(obj->keys[i].str, key) == 0)
            return &obj->items[i];
    return NULL;
}

#endif
