/* arena.h - one bump allocator per document.
 *
 * Every node, attribute and string of a parsed page lives in the page's
 * arena; freeing the arena frees the page at once. The arena takes a hard
 * byte limit so hostile input cannot make a document grow without bound:
 * once the limit is reached every allocation fails and the caller reports
 * WN_ERR_LIMIT.
 */
#ifndef WN_ARENA_H
#define WN_ARENA_H

#include <stddef.h>
#include <stdint.h>

#include "winnow.h"

typedef struct wn_arena_chunk wn_arena_chunk;

typedef struct wn_arena {
    wn_allocator alloc;     /* resolved: never has NULL members */
    wn_arena_chunk *head;   /* newest chunk first */
    size_t used;            /* bytes handed out (for statistics) */
    size_t reserved;        /* bytes obtained from the allocator */
    size_t limit;           /* 0 = unlimited */
    char *last;             /* last allocation, for in-place growth */
    int failed;             /* set once an allocation failed: WN_ERR_LIMIT when
                             * the limit refused it, else WN_ERR_NOMEM */
} wn_arena;

/* The default allocator (malloc/realloc/free). */
const wn_allocator *wn_default_allocator(void);

/* Fill `a`. `alloc` may be NULL (default). `limit` 0 means no limit. */
void wn_arena_init(wn_arena *a, const wn_allocator *alloc, size_t limit);

/* 16-byte aligned block of n bytes, or NULL (out of memory / over limit). */
void *wn_arena_alloc(wn_arena *a, size_t n);

/* Zeroed block. */
void *wn_arena_calloc(wn_arena *a, size_t count, size_t size);

/* Grow the block p (of old_n bytes) to new_n bytes. Grows in place when p is
 * the arena's latest allocation and room remains; otherwise copies. Returns
 * NULL on failure, leaving p intact. p may be NULL. */
void *wn_arena_realloc(wn_arena *a, void *p, size_t old_n, size_t new_n);

/* Copy of s[0..n) with a terminating NUL. */
char *wn_arena_strndup(wn_arena *a, const char *s, size_t n);

/* Return everything to the allocator; the arena may be reused after init. */
void wn_arena_free_all(wn_arena *a);

/* Drop all allocations but keep the first chunk for reuse. */
void wn_arena_reset(wn_arena *a);

#endif
