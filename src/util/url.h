/* url.h - resolve a URL reference against a base (RFC 3986 section 5, with
 * the WHATWG URL Standard's leniency for what pages really contain:
 * backslashes, surrounding whitespace, scheme-relative "//host/path").
 */
#ifndef WN_URL_H
#define WN_URL_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* Absolute form of `ref` against `base` (either may be NULL/empty), in the
 * arena, NUL-terminated; *out_len gets its length. Returns NULL when no
 * absolute URL can be made (no base and a relative ref) or on OOM. */
char *wn_url_resolve(wn_arena *a, const char *base, size_t base_len, const char *ref,
                     size_t ref_len, size_t *out_len);

/* Whether a URL (already trimmed) uses a scheme that is safe to link to in
 * rendered HTML: http, https, mailto, ftp, or a relative reference. */
bool wn_url_is_safe(const char *url, size_t len);

#endif
