/* bench_common.h - what the benchmark programs share: a monotonic clock,
 * a CPU clock, reading files, and a counting allocator that gives winnow's peak memory
 * per document through wn_options.allocator.
 *
 * Header-only (static functions) so each benchmark stays one translation
 * unit; benchmarks are programs, not library code.
 */
#ifndef WN_BENCH_COMMON_H
#define WN_BENCH_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "winnow.h"

static inline double
bench_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU time of the whole process. The machine the benchmarks run on is
 * shared: wall time counts the time other processes had the core, CPU time
 * does not, and on one otherwise idle core the two are the same. */
static inline double
bench_cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Whole file into a malloc'd buffer; NULL on failure. */
static inline unsigned char *
bench_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (n < cap)
            break;
        unsigned char *grown = realloc(buf, cap * 2);
        if (!grown) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

/* A counting allocator: every block carries its size in a 16-byte header so
 * free and realloc can keep `live` exact; `peak` is the high-water mark. */
typedef struct bench_counter {
    size_t live;
    size_t peak;
} bench_counter;

#define BENCH_HDR 16u

static inline void *
bench_count_malloc(size_t size, void *ctx)
{
    bench_counter *c = ctx;
    unsigned char *p = malloc(size + BENCH_HDR);
    if (!p)
        return NULL;
    memcpy(p, &size, sizeof size);
    c->live += size;
    if (c->live > c->peak)
        c->peak = c->live;
    return p + BENCH_HDR;
}

static inline void
bench_count_free(void *ptr, void *ctx)
{
    bench_counter *c = ctx;
    if (!ptr)
        return;
    unsigned char *p = (unsigned char *)ptr - BENCH_HDR;
    size_t size;
    memcpy(&size, p, sizeof size);
    c->live -= size;
    free(p);
}

static inline void *
bench_count_realloc(void *ptr, size_t size, void *ctx)
{
    bench_counter *c = ctx;
    if (!ptr)
        return bench_count_malloc(size, ctx);
    unsigned char *p = (unsigned char *)ptr - BENCH_HDR;
    size_t old;
    memcpy(&old, p, sizeof old);
    unsigned char *q = realloc(p, size + BENCH_HDR);
    if (!q)
        return NULL;
    memcpy(q, &size, sizeof size);
    c->live = c->live - old + size;
    if (c->live > c->peak)
        c->peak = c->live;
    return q + BENCH_HDR;
}

static inline wn_allocator
bench_counting_allocator(bench_counter *c)
{
    wn_allocator a = {bench_count_malloc, bench_count_realloc, bench_count_free, c};
    return a;
}

static inline int
bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median of n values (sorts them). */
static inline double
bench_median(double *v, size_t n)
{
    if (n == 0)
        return 0.0;
    qsort(v, n, sizeof *v, bench_cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

#endif
