/* json.h - a small, tolerant JSON reader for JSON-LD blocks.
 *
 * Pages embed JSON-LD written by hand or by templates: trailing commas,
 * comments, raw control characters inside strings, an HTML comment or CDATA
 * wrapper, several objects in a row. The reader accepts all of these, builds
 * the tree in the document's arena without recursion (depth is capped), and
 * keeps whatever it could read when the text breaks off.
 */
#ifndef WN_META_JSON_H
#define WN_META_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "util/arena.h"

typedef enum wn_json_type {
    WN_JSON_NULL = 0,
    WN_JSON_BOOL,
    WN_JSON_NUMBER,
    WN_JSON_STRING,
    WN_JSON_ARRAY,
    WN_JSON_OBJECT
} wn_json_type;

typedef struct wn_json wn_json;
struct wn_json {
    wn_json *parent;
    wn_json *child;     /* first member / element */
    wn_json *last;
    wn_json *next;      /* next sibling */
    const char *key;    /* member name (objects), NUL-terminated, or NULL */
    const char *str;    /* STRING: decoded UTF-8, NUL-terminated; NUMBER: its text */
    size_t len;         /* length of str */
    size_t n_children;
    bool boolean;
    uint8_t type;       /* wn_json_type */
};

/* Deepest nesting the reader builds; deeper values are skipped. */
#define WN_JSON_MAX_DEPTH 64

/* Parse `len` bytes. Several top-level values in a row are returned wrapped
 * in one array. Returns NULL when nothing could be read (or on OOM). */
wn_json *wn_json_parse(wn_arena *a, const char *s, size_t len);

/* Member `key` of an object (exact, case-sensitive), or NULL. */
wn_json *wn_json_get(const wn_json *obj, const char *key);

/* The string value of `v`, or NULL for non-strings. */
static inline const char *
wn_json_str(const wn_json *v)
{
    return v && v->type == WN_JSON_STRING ? v->str : NULL;
}

/* Next node of a depth-first pre-order walk of the tree under `root`. */
wn_json *wn_json_walk_next(const wn_json *root, wn_json *cur);

#endif
