/* test_json.c - the tolerant JSON-LD reader. */
#include "harness.h"
#include "metadata/json.h"
#include "util/utf8.h"

static wn_arena A;

static wn_json *
parse(const char *s)
{
    return wn_json_parse(&A, s, strlen(s));
}

TEST(plain_object)
{
    wn_json *v = parse("{\"a\": \"x\\u00e9\\n\", \"b\": [1, true, null], \"c\": {\"d\": \"e\"}}");
    CHECK(v && v->type == WN_JSON_OBJECT);
    CHECK_EQ_STR(wn_json_str(wn_json_get(v, "a")), "x\xC3\xA9\n");
    wn_json *b = wn_json_get(v, "b");
    CHECK(b && b->type == WN_JSON_ARRAY && b->n_children == 3);
    CHECK_EQ_STR(wn_json_str(wn_json_get(wn_json_get(v, "c"), "d")), "e");
}

TEST(tolerant)
{
    /* trailing commas, comments, raw newline in a string, HTML comment wrapper */
    wn_json *v = parse("<!-- {\"a\": \"line\none\", // note\n \"b\": [1,2,], /* x */ \"c\": 3,} -->");
    CHECK(v && v->type == WN_JSON_OBJECT);
    CHECK_EQ_STR(wn_json_str(wn_json_get(v, "a")), "line one");
    CHECK(wn_json_get(v, "b") && wn_json_get(v, "b")->n_children == 2);
    CHECK(wn_json_get(v, "c") != NULL);
    /* truncated: what was read is kept */
    v = parse("{\"headline\": \"Kept\", \"author\": {\"name\": \"Jane");
    CHECK_EQ_STR(wn_json_str(wn_json_get(v, "headline")), "Kept");
    CHECK_EQ_STR(wn_json_str(wn_json_get(wn_json_get(v, "author"), "name")), "Jane");
    /* surrogate pair */
    v = parse("[\"\\ud83d\\ude00\"]");
    CHECK(v && v->child && strcmp(v->child->str, "\xF0\x9F\x98\x80") == 0);
    CHECK(parse("") == NULL);
    CHECK(parse("   ") == NULL);
}

TEST(depth_capped)
{
    size_t n = 200000;
    char *s = malloc(2 * n + 1);
    memset(s, '[', n);
    memset(s + n, ']', n);
    s[2 * n] = '\0';
    wn_json *v = parse(s);
    CHECK(v != NULL);
    size_t depth = 0;
    for (wn_json *p = v; p && p->child; p = p->child)
        depth++;
    CHECK(depth <= WN_JSON_MAX_DEPTH + 1);
    free(s);
}

TEST(walk)
{
    wn_json *v = parse("{\"@graph\": [{\"@type\": \"A\"}, {\"@type\": \"B\", \"x\": {\"@type\": \"C\"}}]}");
    int objects = 0;
    for (wn_json *p = wn_json_walk_next(v, NULL); p; p = wn_json_walk_next(v, p))
        objects += p->type == WN_JSON_OBJECT;
    CHECK_EQ_INT(objects, 4);
}

/* The string decoder as it was written first, a byte at a time: the reader's
 * runs copied at once must give the same string. */
static size_t
ref_hex4(const char *s, size_t avail)
{
    if (avail < 4)
        return (size_t)-1;
    size_t v = 0;
    for (int k = 0; k < 4; k++) {
        char c = s[k];
        int h = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (h < 0)
            return (size_t)-1;
        v = v * 16 + (size_t)h;
    }
    return v;
}

/* s[0..n) starts just after the opening quote q; out holds n + 1 bytes. */
static size_t
ref_string(const char *s, size_t n, char q, char *out)
{
    size_t end = 0;
    while (end < n && s[end] != q) {
        if (s[end] == '\\' && end + 1 < n)
            end++;
        end++;
    }
    if (end > n)
        end = n;
    size_t k = 0;
    for (size_t i = 0; i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c != '\\') {
            out[k++] = c < 0x20 ? ' ' : (char)c;
            continue;
        }
        if (++i >= end)
            break;
        c = (unsigned char)s[i];
        if (c == 'n' || c == 'r' || c == 't' || c == 'f' || c == 'b') {
            out[k++] = c == 'n' ? '\n' : c == 't' ? '\t' : ' ';
        } else if (c == 'u') {
            size_t cp = ref_hex4(s + i + 1, end - i - 1);
            if (cp == (size_t)-1) {
                out[k++] = 'u';
                continue;
            }
            i += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < end && s[i + 1] == '\\' &&
                s[i + 2] == 'u') {
                size_t lo = ref_hex4(s + i + 3, end - i - 3);
                if (lo != (size_t)-1 && lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    i += 6;
                }
            }
            if (cp != 0)
                k += wn_utf8_put_valid(out + k, (uint32_t)cp);
        } else {
            out[k++] = (char)c;
        }
    }
    out[k] = '\0';
    return k;
}

TEST(strings_random)
{
    /* bytes that matter to the decoder, and plain text between them */
    static const char alphabet[] = "\"\\\\\\u0dDe8aAfF'\n\x01 xyz\xC3\xA9";
    uint64_t seed = 88172645463325252ull;
    char in[80], want[80];
    for (int round = 0; round < 100000; round++) {
        seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
        size_t len = 1 + (size_t)(seed % 60);
        char q = seed >> 20 & 1 ? '"' : '\'';
        in[0] = '[';
        in[1] = q;
        for (size_t i = 0; i < len; i++) {
            seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
            in[2 + i] = seed % 4 == 0 ? 'w' : alphabet[(seed >> 8) % (sizeof alphabet - 1)];
        }
        wn_json *v = wn_json_parse(&A, in, len + 2);
        size_t wl = ref_string(in + 2, len, q, want);
        CHECK(v && v->child && v->child->type == WN_JSON_STRING);
        if (!v || !v->child || v->child->type != WN_JSON_STRING)
            break;
        CHECK(v->child->len == wl && memcmp(v->child->str, want, wl + 1) == 0);
        if (v->child->len != wl || memcmp(v->child->str, want, wl + 1) != 0)
            break;
        if (round % 1000 == 999) {
            wn_arena_free_all(&A);
            wn_arena_init(&A, NULL, 0);
        }
    }
}

int
main(void)
{
    wn_arena_init(&A, NULL, 0);
    RUN(plain_object);
    RUN(tolerant);
    RUN(depth_capped);
    RUN(walk);
    RUN(strings_random);
    wn_arena_free_all(&A);
    return harness_done();
}
