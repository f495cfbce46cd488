/* test_url.c - reference resolution (RFC 3986 5.4 examples and page leniency). */
#include "harness.h"
#include "util/url.h"

static wn_arena A;

static const char *
res(const char *base, const char *ref)
{
    size_t l;
    const char *r = wn_url_resolve(&A, base, base ? strlen(base) : 0, ref, strlen(ref), &l);
    return r ? r : "(null)";
}

TEST(rfc3986)
{
    const char *b = "http://a/b/c/d;p?q";
    CHECK_EQ_STR(res(b, "g"), "http://a/b/c/g");
    CHECK_EQ_STR(res(b, "./g"), "http://a/b/c/g");
    CHECK_EQ_STR(res(b, "g/"), "http://a/b/c/g/");
    CHECK_EQ_STR(res(b, "/g"), "http://a/g");
    CHECK_EQ_STR(res(b, "//g"), "http://g/");
    CHECK_EQ_STR(res(b, "?y"), "http://a/b/c/d;p?y");
    CHECK_EQ_STR(res(b, "g?y"), "http://a/b/c/g?y");
    CHECK_EQ_STR(res(b, "#s"), "http://a/b/c/d;p?q#s");
    CHECK_EQ_STR(res(b, ""), "http://a/b/c/d;p?q");
    CHECK_EQ_STR(res(b, ".."), "http://a/b/");
    CHECK_EQ_STR(res(b, "../g"), "http://a/b/g");
    CHECK_EQ_STR(res(b, "../../g"), "http://a/g");
    CHECK_EQ_STR(res(b, "../../../g"), "http://a/g");
    CHECK_EQ_STR(res(b, "g;x=1/../y"), "http://a/b/c/y");
    CHECK_EQ_STR(res(b, "https://other.example/x"), "https://other.example/x");
}

TEST(lenient)
{
    CHECK_EQ_STR(res("https://example.com", "img/a.jpg"), "https://example.com/img/a.jpg");
    CHECK_EQ_STR(res("https://example.com/a/b", "  /x.png \n"), "https://example.com/x.png");
    CHECK_EQ_STR(res("https://example.com/a/b", "\\x\\y.png"), "https://example.com/x/y.png");
    CHECK_EQ_STR(res("https://example.com/a/", "//cdn.example.net/i.jpg"),
                 "https://cdn.example.net/i.jpg");
    CHECK_EQ_STR(res(NULL, "relative.jpg"), "(null)");
    CHECK_EQ_STR(res(NULL, "https://x.example/a/./b/../c"), "https://x.example/a/c");
    /* <base href> is itself resolved first, then used as the base */
    const char *base = res("https://example.com/a/page.html", "/static/");
    CHECK_EQ_STR(res(base, "img.png"), "https://example.com/static/img.png");
}

TEST(safe)
{
    CHECK(wn_url_is_safe("https://x", 9));
    CHECK(wn_url_is_safe("/rel/path", 9));
    CHECK(wn_url_is_safe("mailto:a@b", 10));
    CHECK(!wn_url_is_safe("javascript:alert(1)", 19));
    CHECK(!wn_url_is_safe(" java\tscript:x", 14));
    CHECK(!wn_url_is_safe("data:text/html,x", 16));
}

/* Tabs and newlines dropped and backslashes turned at any position: the
 * copy takes eight bytes at a time up to the first of them. */
TEST(tidy_positions)
{
    const char *want = "https://example.com/aaaaaaaa/bbbbbbbb/cccccccc/dddd.png";
    size_t wl = strlen(want);
    char in[80];
    for (size_t p = 9; p <= wl; p++) {
        static const char extra[] = "\t\n\r";
        for (size_t e = 0; e < 3; e++) {
            memcpy(in, want, p);
            in[p] = extra[e];
            memcpy(in + p + 1, want + p, wl - p + 1);
            CHECK_EQ_STR(res(NULL, in), want);
        }
        if (want[p - 1] == '/') { /* a backslash there reads as this slash */
            memcpy(in, want, wl + 1);
            in[p - 1] = '\\';
            CHECK_EQ_STR(res(NULL, in), want);
        }
    }
}

int
main(void)
{
    wn_arena_init(&A, NULL, 0);
    RUN(rfc3986);
    RUN(lenient);
    RUN(safe);
    RUN(tidy_positions);
    wn_arena_free_all(&A);
    return harness_done();
}
