/* buf.h - growable byte buffer in an arena (or on the heap).
 *
 * Renderers and metadata code build strings here. A buffer records the
 * first failure (OOM or the output limit) and ignores later appends, so
 * callers check once at the end instead of after every append.
 */
#ifndef WN_BUF_H
#define WN_BUF_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

typedef struct wn_buf {
    wn_arena *arena;    /* NULL: heap (malloc/realloc/free via `heap`) */
    char *ptr;
    size_t len;
    size_t cap;
    size_t limit;       /* 0 = none; appends past it set failed */
    int failed;         /* 0, or a wn_status (WN_ERR_NOMEM / WN_ERR_LIMIT) */
} wn_buf;

void wn_buf_init(wn_buf *b, wn_arena *arena, size_t limit);
bool wn_buf_reserve(wn_buf *b, size_t extra);
void wn_buf_append(wn_buf *b, const char *s, size_t n);
void wn_buf_puts(wn_buf *b, const char *s);
void wn_buf_putc(wn_buf *b, char c);
void wn_buf_printf(wn_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append a code point as UTF-8 (invalid ones as U+FFFD). */
void wn_buf_put_utf8(wn_buf *b, unsigned cp);
/* NUL-terminate (not counted in len); returns ptr or NULL when failed. */
const char *wn_buf_cstr(wn_buf *b);
/* Heap buffers only: release memory. */
void wn_buf_free(wn_buf *b);

#endif
