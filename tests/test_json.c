/* test_json.c - the tolerant JSON-LD reader. */
#include "harness.h"
#include "metadata/json.h"

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

int
main(void)
{
    wn_arena_init(&A, NULL, 0);
    RUN(plain_object);
    RUN(tolerant);
    RUN(depth_capped);
    RUN(walk);
    wn_arena_free_all(&A);
    return harness_done();
}
