/* harness.h - the tiny test harness every tests/test_*.c uses.
 *
 *   TEST(name) { CHECK(cond); CHECK_EQ_INT(a, b); CHECK_EQ_STR(a, b); }
 *   int main(void) { RUN(name); return harness_done(); }
 *
 * Prints one line per failed check and a summary; exit status 1 when any
 * check failed. Suites whose external data is missing call harness_skip().
 */
#ifndef WN_TEST_HARNESS_H
#define WN_TEST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int harness_checks, harness_failures, harness_tests;
static const char *harness_current;

#define TEST(name) static void test_##name(void)
#define RUN(name)                                                                                  \
    do {                                                                                           \
        harness_current = #name;                                                                   \
        harness_tests++;                                                                           \
        test_##name();                                                                             \
    } while (0)

#define CHECK(cond)                                                                                \
    do {                                                                                           \
        harness_checks++;                                                                          \
        if (!(cond)) {                                                                             \
            harness_failures++;                                                                    \
            fprintf(stderr, "%s:%d: %s: CHECK(%s) failed\n", __FILE__, __LINE__, harness_current, \
                    #cond);                                                                        \
        }                                                                                          \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                                         \
    do {                                                                                           \
        long long va_ = (long long)(a), vb_ = (long long)(b);                                      \
        harness_checks++;                                                                          \
        if (va_ != vb_) {                                                                          \
            harness_failures++;                                                                    \
            fprintf(stderr, "%s:%d: %s: %s == %lld, expected %lld\n", __FILE__, __LINE__,         \
                    harness_current, #a, va_, vb_);                                                \
        }                                                                                          \
    } while (0)

/* Compare a (ptr,len) or C string with an expected C string. */
#define CHECK_EQ_MEM(p, n, expected)                                                               \
    do {                                                                                           \
        const char *pa_ = (const char *)(p);                                                       \
        size_t na_ = (size_t)(n);                                                                  \
        const char *pe_ = (expected);                                                              \
        harness_checks++;                                                                          \
        if (!pa_ || na_ != strlen(pe_) || memcmp(pa_, pe_, na_) != 0) {                            \
            harness_failures++;                                                                    \
            fprintf(stderr, "%s:%d: %s: %s is \"%.*s\", expected \"%s\"\n", __FILE__, __LINE__,   \
                    harness_current, #p, pa_ ? (int)na_ : 6, pa_ ? pa_ : "(null)", pe_);           \
        }                                                                                          \
    } while (0)

#define CHECK_EQ_STR(a, b)                                                                         \
    do {                                                                                           \
        const char *sa_ = (a);                                                                     \
        CHECK_EQ_MEM(sa_, sa_ ? strlen(sa_) : 0, (b));                                             \
    } while (0)

static inline int
harness_done(void)
{
    printf("%d tests, %d checks, %d failed\n", harness_tests, harness_checks, harness_failures);
    return harness_failures ? 1 : 0;
}

static inline int
harness_skip(const char *why)
{
    printf("SKIPPED: %s\n", why);
    return 77;
}

/* Read a whole file into a malloc'd buffer; NULL on error. */
static inline char *
harness_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap + 1);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap + 1);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        n += r;
        if (r == 0)
            break;
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

#endif
