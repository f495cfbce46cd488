/* test_arena.c - the per-document arena, the growable buffer and the UTF-8
 * encoder they and the stages share (util/). */
#include "harness.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/utf8.h"

#include <stdint.h>
#include <pthread.h>

TEST(alignment_and_growth)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    for (int i = 1; i < 5000; i++) {
        void *p = wn_arena_alloc(&a, (size_t)(i % 97) + 1);
        CHECK(p != NULL);
        CHECK(((uintptr_t)p % 16) == 0);
    }
    /* a block bigger than a chunk */
    char *big = wn_arena_alloc(&a, 10u * 1024 * 1024);
    CHECK(big != NULL);
    big[10u * 1024 * 1024 - 1] = 'x';
    wn_arena_free_all(&a);
    CHECK_EQ_INT(a.reserved, 0);
}

TEST(realloc_in_place_and_copy)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    char *p = wn_arena_alloc(&a, 10);
    memcpy(p, "0123456789", 10);
    char *q = wn_arena_realloc(&a, p, 10, 100);
    CHECK(q == p); /* latest allocation grows in place */
    CHECK(memcmp(q, "0123456789", 10) == 0);
    char *other = wn_arena_alloc(&a, 4);
    CHECK(other != NULL);
    char *r = wn_arena_realloc(&a, q, 100, 200);
    CHECK(r != q); /* no longer the latest: copied */
    CHECK(memcmp(r, "0123456789", 10) == 0);
    wn_arena_free_all(&a);
}

TEST(limit_fails_cleanly)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 100000);
    CHECK(wn_arena_alloc(&a, 50000) != NULL);
    CHECK(wn_arena_alloc(&a, 60000) == NULL);
    CHECK(a.failed);
    CHECK(a.reserved <= 100000);
    wn_arena_free_all(&a);
}

TEST(reset_keeps_one_chunk)
{
    wn_memory_release(); /* the first chunk fresh, not a large cached one */
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    for (int i = 0; i < 100; i++)
        wn_arena_alloc(&a, 10000);
    wn_arena_reset(&a);
    CHECK(a.head != NULL);
    CHECK(a.reserved < 10u * 10000); /* the big chunks are gone */
    CHECK(wn_arena_alloc(&a, 100) != NULL);
    wn_arena_free_all(&a);
}

static int counted_mallocs;
static void *
counting_malloc(size_t n, void *ctx)
{
    (*(int *)ctx)++;
    return malloc(n);
}
static void *
counting_realloc(void *p, size_t n, void *ctx)
{
    (void)ctx;
    return realloc(p, n);
}
static void
counting_free(void *p, void *ctx)
{
    (*(int *)ctx)--;
    free(p);
}

TEST(custom_allocator_balanced)
{
    counted_mallocs = 0;
    wn_allocator al = {counting_malloc, counting_realloc, counting_free, &counted_mallocs};
    wn_arena a;
    wn_arena_init(&a, &al, 0);
    for (int i = 0; i < 100; i++)
        wn_arena_alloc(&a, 5000);
    CHECK(counted_mallocs > 0);
    wn_arena_free_all(&a);
    CHECK_EQ_INT(counted_mallocs, 0);
}

/* A freed arena's chunks go to the thread's cache; the next arena of the
 * thread takes them instead of asking malloc. */
TEST(freed_chunks_are_reused)
{
    wn_memory_release(); /* only this test's chunk in the cache */
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    CHECK(wn_arena_alloc(&a, 300000) != NULL);
    void *chunk = a.head;
    wn_arena_free_all(&a);
    wn_arena b;
    wn_arena_init(&b, NULL, 0);
    CHECK(wn_arena_alloc(&b, 1000) != NULL);
    CHECK(b.head == chunk); /* the cached chunk, not a new one */
    CHECK(b.reserved >= 300000);
    wn_arena_free_all(&b);
    wn_memory_release();
}

/* A cached chunk larger than an arena's limit allows is left in the cache. */
TEST(cached_chunks_respect_the_limit)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    CHECK(wn_arena_alloc(&a, 2000000) != NULL);
    wn_arena_free_all(&a);
    wn_arena b;
    wn_arena_init(&b, NULL, 100000);
    CHECK(wn_arena_alloc(&b, 50000) != NULL);
    CHECK(b.reserved <= 100000);
    wn_arena_free_all(&b);
    wn_memory_release();
}

/* A thread's cache is freed when the thread ends (the sanitizer run's leak
 * check fails otherwise), and the cache holds no more than its limit. */
static void *
arena_thread(void *arg)
{
    int *rc = arg;
    *rc = 1;
    for (int i = 0; i < 50; i++) {
        wn_arena a;
        wn_arena_init(&a, NULL, 0);
        for (int k = 0; k < 40; k++)
            if (!wn_arena_alloc(&a, 100000 + (size_t)i * 1000))
                return NULL;
        wn_arena_free_all(&a);
    }
    *rc = 0;
    return NULL;
}

TEST(thread_cache_freed_at_exit)
{
    pthread_t t;
    int rc = -1;
    CHECK(pthread_create(&t, NULL, arena_thread, &rc) == 0);
    CHECK(pthread_join(t, NULL) == 0);
    CHECK_EQ_INT(rc, 0);
}

TEST(buffer_appends_and_limits)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_buf b;
    wn_buf_init(&b, &a, 0);
    wn_buf_puts(&b, "hello");
    wn_buf_putc(&b, ' ');
    wn_buf_printf(&b, "%d", 42);
    wn_buf_put_utf8(&b, 0xE9);
    wn_buf_put_utf8(&b, 0xD800); /* surrogate -> U+FFFD */
    CHECK_EQ_STR(wn_buf_cstr(&b), "hello 42\xC3\xA9\xEF\xBF\xBD");

    wn_buf small;
    wn_buf_init(&small, &a, 8);
    wn_buf_puts(&small, "12345678");
    CHECK(!small.failed);
    wn_buf_puts(&small, "9");
    CHECK_EQ_INT(small.failed, WN_ERR_LIMIT);
    CHECK_EQ_INT(small.len, 8);
    wn_arena_free_all(&a);
}

/* Fixed vectors at each length's bounds (the JSON tests' reference decoder
 * uses this encoder too, so it is checked here on its own). */
TEST(utf8_encoder_bounds)
{
    static const struct {
        uint32_t cp;
        const char *raw, *valid;
    } v[] = {
        {0x00, "\x00", "\x00"},
        {0x7F, "\x7F", "\x7F"},
        {0x80, "\xC2\x80", "\xC2\x80"},
        {0x7FF, "\xDF\xBF", "\xDF\xBF"},
        {0x800, "\xE0\xA0\x80", "\xE0\xA0\x80"},
        {0xD800, "\xED\xA0\x80", "\xEF\xBF\xBD"}, /* a surrogate: raw, or U+FFFD */
        {0xDFFF, "\xED\xBF\xBF", "\xEF\xBF\xBD"},
        {0xFFFF, "\xEF\xBF\xBF", "\xEF\xBF\xBF"},
        {0x10000, "\xF0\x90\x80\x80", "\xF0\x90\x80\x80"},
        {0x10FFFF, "\xF4\x8F\xBF\xBF", "\xF4\x8F\xBF\xBF"},
        {0x110000, NULL, "\xEF\xBF\xBD"}, /* past Unicode: U+FFFD only */
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        char o[4];
        size_t n;
        if (v[i].raw) {
            n = wn_utf8_put(o, v[i].cp);
            CHECK(n == (v[i].cp ? strlen(v[i].raw) : 1));
            CHECK(memcmp(o, v[i].raw, n) == 0);
        }
        n = wn_utf8_put_valid(o, v[i].cp);
        CHECK(n == (v[i].cp ? strlen(v[i].valid) : 1));
        CHECK(memcmp(o, v[i].valid, n) == 0);
    }
}

int
main(void)
{
    RUN(alignment_and_growth);
    RUN(realloc_in_place_and_copy);
    RUN(limit_fails_cleanly);
    RUN(reset_keeps_one_chunk);
    RUN(custom_allocator_balanced);
    RUN(freed_chunks_are_reused);
    RUN(cached_chunks_respect_the_limit);
    RUN(thread_cache_freed_at_exit);
    RUN(buffer_appends_and_limits);
    RUN(utf8_encoder_bounds);
    return harness_done();
}
