/* arena.c - chunked bump allocator (see arena.h). */
#include "arena.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#define WN_ARENA_ALIGN 16
#define WN_ARENA_MIN_CHUNK (64 * 1024)
/* Limits of a thread's cache of freed chunks (see below). */
#define WN_ARENA_CACHE_BYTES (32u * 1024 * 1024)
#define WN_ARENA_CACHE_CHUNKS 64

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

/* The chunk cache. Freeing a document's chunks to malloc and taking new ones
 * for the next document costs more than it seems: glibc hands large freed
 * blocks back to the kernel (munmap, or trimming the heap's top), so every
 * page's memory is faulted in and zeroed by the kernel again; over a crawl
 * that was a seventh of extraction's time. Chunks of arenas that use the
 * default allocator are therefore kept, per thread, up to
 * WN_ARENA_CACHE_BYTES and WN_ARENA_CACHE_CHUNKS, and the next arena of
 * the thread takes them first. A thread's cache is freed when the thread
 * exits, or by wn_memory_release(). */
typedef struct chunk_cache {
    wn_arena_chunk *chunk[WN_ARENA_CACHE_CHUNKS];
    unsigned n;
    size_t bytes;
} chunk_cache;

static _Thread_local chunk_cache *tl_cache;
static pthread_key_t cache_key; /* its destructor frees a thread's cache */
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;
static int cache_key_ok;

static void
cache_destroy(void *p)
{
    chunk_cache *cc = p;
    if (!cc)
        return;
    for (unsigned i = 0; i < cc->n; i++)
        free(cc->chunk[i]);
    free(cc);
    /* (this runs in the exiting thread: a document freed later in its
     * exit, by another destructor, must not find the freed cache) */
    tl_cache = NULL;
}

static void
cache_key_make(void)
{
    cache_key_ok = pthread_key_create(&cache_key, cache_destroy) == 0;
}

/* The calling thread's cache, made on first use; NULL if it cannot be. */
static chunk_cache *
cache_get(void)
{
    if (tl_cache)
        return tl_cache;
    pthread_once(&cache_once, cache_key_make);
    if (!cache_key_ok)
        return NULL;
    chunk_cache *cc = calloc(1, sizeof *cc);
    if (!cc)
        return NULL;
    if (pthread_setspecific(cache_key, cc) != 0) {
        free(cc);
        return NULL;
    }
    tl_cache = cc;
    return cc;
}

void
wn_memory_release(void)
{
    chunk_cache *cc = tl_cache;
    if (!cc)
        return;
    for (unsigned i = 0; i < cc->n; i++)
        free(cc->chunk[i]);
    cc->n = 0;
    cc->bytes = 0;
}

static bool
uses_std(const wn_arena *a)
{
    return a->alloc.malloc == std_malloc && a->alloc.free == std_free;
}

/* A cached chunk for a new chunk of `want` bytes that must hold `need`
 * (need <= want), taken out of the cache; or NULL. The smallest chunk of at
 * least want bytes, else the largest of at least need bytes, that the
 * arena's limit allows. */
static wn_arena_chunk *
cache_take(const wn_arena *a, size_t need, size_t want)
{
    chunk_cache *cc = tl_cache;
    if (!cc || !cc->n)
        return NULL;
    unsigned fit = cc->n, big = cc->n;
    for (unsigned i = 0; i < cc->n; i++) {
        size_t sz = cc->chunk[i]->size;
        if (sz < need || (a->limit && a->reserved + sz > a->limit))
            continue;
        if (sz >= want && (fit == cc->n || sz < cc->chunk[fit]->size))
            fit = i;
        if (big == cc->n || sz > cc->chunk[big]->size)
            big = i;
    }
    unsigned k = fit != cc->n ? fit : big;
    if (k == cc->n)
        return NULL;
    wn_arena_chunk *c = cc->chunk[k];
    cc->chunk[k] = cc->chunk[--cc->n];
    cc->bytes -= c->size;
    return c;
}

/* Keep c for the thread's next arena, or free it when the cache is full
 * (a larger chunk takes the place of the smallest). */
static void
cache_put(wn_arena_chunk *c)
{
    chunk_cache *cc = cache_get();
    if (!cc || c->size > WN_ARENA_CACHE_BYTES) {
        free(c);
        return;
    }
    while (cc->n == WN_ARENA_CACHE_CHUNKS || cc->bytes + c->size > WN_ARENA_CACHE_BYTES) {
        unsigned small = 0;
        for (unsigned i = 1; i < cc->n; i++)
            if (cc->chunk[i]->size < cc->chunk[small]->size)
                small = i;
        if (!cc->n || cc->chunk[small]->size >= c->size) {
            free(c);
            return;
        }
        wn_arena_chunk *old = cc->chunk[small];
        cc->chunk[small] = cc->chunk[--cc->n];
        cc->bytes -= old->size;
        free(old);
    }
    cc->chunk[cc->n++] = c;
    cc->bytes += c->size;
}

static void
chunk_free(wn_arena *a, wn_arena_chunk *c)
{
    if (uses_std(a))
        cache_put(c);
    else
        a->alloc.free(c, a->alloc.ctx);
}

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
    wn_arena_chunk *c = uses_std(a) ? cache_take(a, need, size) : NULL;
    if (c) {
        size = c->size;
    } else {
        c = a->alloc.malloc(sizeof(wn_arena_chunk) + size, a->alloc.ctx);
        if (!c)
            return NULL;
        c->size = size;
    }
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
        chunk_free(a, c);
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
        chunk_free(a, c);
        c = next;
    }
    keep->used = 0;
    a->head = keep;
    a->reserved = keep->size;
    a->used = 0;
    a->last = NULL;
    a->failed = 0;
}
