/* buf.c - growable byte buffer (see buf.h). */
#include "buf.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
wn_buf_init(wn_buf *b, wn_arena *arena, size_t limit)
{
    memset(b, 0, sizeof *b);
    b->arena = arena;
    b->limit = limit;
}

bool
wn_buf_reserve(wn_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->limit && (extra > b->limit || b->len > b->limit - extra)) {
        b->failed = WN_ERR_LIMIT;
        return false;
    }
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2) {
            b->failed = WN_ERR_NOMEM;
            return false;
        }
        cap *= 2;
    }
    char *p;
    if (b->arena)
        p = wn_arena_realloc(b->arena, b->ptr, b->cap, cap);
    else
        p = realloc(b->ptr, cap);
    if (!p) {
        b->failed = WN_ERR_NOMEM;
        return false;
    }
    b->ptr = p;
    b->cap = cap;
    return true;
}

void
wn_buf_append(wn_buf *b, const char *s, size_t n)
{
    if (n == 0 || !wn_buf_reserve(b, n))
        return;
    memcpy(b->ptr + b->len, s, n);
    b->len += n;
}

void
wn_buf_puts(wn_buf *b, const char *s)
{
    wn_buf_append(b, s, strlen(s));
}

void
wn_buf_putc(wn_buf *b, char c)
{
    if (!wn_buf_reserve(b, 1))
        return;
    b->ptr[b->len++] = c;
}

void
wn_buf_printf(wn_buf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof tmp) {
        wn_buf_append(b, tmp, (size_t)n);
        return;
    }
    if (!wn_buf_reserve(b, (size_t)n + 1))
        return;
    va_start(ap, fmt);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void
wn_buf_put_utf8(wn_buf *b, unsigned cp)
{
    char s[4];
    wn_buf_append(b, s, wn_utf8_put_valid(s, cp));
}

const char *
wn_buf_cstr(wn_buf *b)
{
    if (!wn_buf_reserve(b, 0))
        return NULL;
    if (!b->ptr)
        return NULL;
    b->ptr[b->len] = '\0';
    return b->ptr;
}

void
wn_buf_free(wn_buf *b)
{
    if (!b->arena)
        free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
}
