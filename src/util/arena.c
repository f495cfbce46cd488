/* arena.c - chunked bump allocator (see arena.h). */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

#define WN_ARENA_ALIGN 16
#define WN_ARENA_MIN_CHUNK (64 * 1024)

struct wn_arena_chunk {
    wn_arena_chunk *next;
    size_t size;    /* usable bytes in data[] */
    size_t used;
    /* keep data[] 16-byte aligned */
    _Alignas(WN_ARENA_ALIGN) char data[];
};

static void *
std_malloc(size_t n, void *ctx)
{
    (void)ctx;
    return malloc(n);
}

static void *
std_realloc(void *p, size_t n, void *ctx)
{
    (void)ctx;
    return realloc(p, n);
}

static void
std_free(void *p, void *ctx)
{
    (void)ctx;
    free(p);
}

static const wn_allocator wn_std_allocator = {std_malloc, std_realloc, std_free, NULL};

const wn_allocator *
wn_default_allocator(void)
{
    return &wn_std_allocator;
}

void
wn_arena_init(wn_arena *a, const wn_allocator *alloc, size_t limit)
{
    memset(a, 0, sizeof *a);
    if (alloc && alloc->malloc && alloc->realloc && alloc->free)
        a->alloc = *alloc;
    else
        a->alloc = wn_std_allocator;
    a->limit = limit;
}

static size_t
align_up(size_t n)
{
    return (n + (WN_ARENA_ALIGN - 1)) & ~(size_t)(WN_ARENA_ALIGN - 1);
}

static wn_arena_chunk *
new_chunk(wn_arena *a, size_t need)
{
    size_t size = WN_ARENA_MIN_CHUNK;
    /* Grow chunk sizes with the arena so big documents make few chunks. */
    if (a->reserved / 4 > size)
        size = a->reserved / 4;
    if (size > 16u * 1024 * 1024 && need <= 16u * 1024 * 1024)
        size = 16u * 1024 * 1024;
    if (need > size)
        size = need;
    if (size > SIZE_MAX - sizeof(wn_arena_chunk))
        return NULL;
    if (a->limit && (a->reserved + size > a->limit)) {
        /* Allow a last, smaller chunk if it still fits. */
        if (a->reserved + need > a->limit) {
            if (!a->failed)
                a->failed = WN_ERR_LIMIT; /* the limit refused, not the allocator */
            return NULL;
        }
        size = a->limit - a->reserved;
    }
    wn_arena_chunk *c = a->alloc.malloc(sizeof(wn_arena_chunk) + size, a->alloc.ctx);
    if (!c)
        return NULL;
    c->size = size;
    c->used = 0;
    c->next = a->head;
    a->head = c;
    a->reserved += size;
    return c;
}

void *
wn_arena_alloc(wn_arena *a, size_t n)
{
    if (n == 0)
        n = 1;
    if (n > SIZE_MAX / 2) {
        a->failed = a->limit ? WN_ERR_LIMIT : WN_ERR_NOMEM;
        return NULL;
    }
    size_t need = align_up(n);
    wn_arena_chunk *c = a->head;
    if (!c || c->size - c->used < need) {
        c = new_chunk(a, need);
        if (!c) {
            if (!a->failed)
                a->failed = WN_ERR_NOMEM;
            return NULL;
        }
    }
    char *p = c->data + c->used;
    c->used += need;
    a->used += need;
    a->last = p;
    return p;
}

void *
wn_arena_calloc(wn_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) {
        a->failed = a->limit ? WN_ERR_LIMIT : WN_ERR_NOMEM;
        return NULL;
    }
    void *p = wn_arena_alloc(a, count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void *
wn_arena_realloc(wn_arena *a, void *p, size_t old_n, size_t new_n)
{
    if (!p)
        return wn_arena_alloc(a, new_n);
    if (new_n <= old_n)
        return p;
    wn_arena_chunk *c = a->head;
    if (p == a->last && c) {
        size_t start = (size_t)((char *)p - c->data);
        size_t need = align_up(new_n);
        if (start + need <= c->size) {
            a->used += (start + need) - c->used;
            c->used = start + need;
            return p;
        }
    }
    void *q = wn_arena_alloc(a, new_n);
    if (!q)
        return NULL;
    memcpy(q, p, old_n);
    return q;
}

char *
wn_arena_strndup(wn_arena *a, const char *s, size_t n)
{
    char *p = wn_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void
wn_arena_free_all(wn_arena *a)
{
    wn_arena_chunk *c = a->head;
    while (c) {
        wn_arena_chunk *next = c->next;
        a->alloc.free(c, a->alloc.ctx);
        c = next;
    }
    a->head = NULL;
    a->used = a->reserved = 0;
    a->last = NULL;
    a->failed = 0;
}

void
wn_arena_reset(wn_arena *a)
{
    wn_arena_chunk *c = a->head;
    if (!c)
        return;
    /* keep the oldest chunk (the tail), free the rest */
    wn_arena_chunk *keep = c;
    while (keep->next)
        keep = keep->next;
    while (c != keep) {
        wn_arena_chunk *next = c->next;
        a->alloc.free(c, a->alloc.ctx);
        c = next;
    }
    keep->used = 0;
    a->head = keep;
    a->reserved = keep->size;
    a->used = 0;
    a->last = NULL;
    a->failed = 0;
}
