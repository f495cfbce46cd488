/* dom.h - the document tree every later stage reads.
 *
 * Nodes live in the document's arena and link to parent, children and
 * siblings; there are no back-pointers to free, so dropping the arena frees
 * the tree. Walks never recurse: wn_walk gives each element twice (enter,
 * exit) with an explicit cursor, so a 100,000-deep tree costs no C stack.
 */
#ifndef WN_DOM_H
#define WN_DOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "tags.h"
#include "../util/arena.h"

typedef enum wn_node_type {
    WN_NODE_DOCUMENT = 0,
    WN_NODE_DOCTYPE,
    WN_NODE_ELEMENT,
    WN_NODE_TEXT,
    WN_NODE_COMMENT
} wn_node_type;

typedef enum wn_ns {
    WN_NS_HTML = 0,
    WN_NS_SVG,
    WN_NS_MATHML
} wn_ns;

/* Attribute namespaces (for adjusted foreign attributes: xlink:href ...). */
typedef enum wn_attr_ns {
    WN_ATTR_NS_NONE = 0,
    WN_ATTR_NS_XLINK,
    WN_ATTR_NS_XML,
    WN_ATTR_NS_XMLNS
} wn_attr_ns;

typedef struct wn_attr {
    const char *name;   /* lower-case (adjusted for foreign content) */
    const char *value;  /* UTF-8, entities decoded; never NULL for elements */
    uint32_t name_len;
    uint32_t value_len;
    uint8_t ns;         /* wn_attr_ns */
    /* For doctype nodes attrs[0] is the public id, attrs[1] the system id;
     * value == NULL there means "missing". */
} wn_attr;

/* Node flags: bits 0..7 belong to the parser, 8..31 to later stages. */
#define WN_NF_PARSER_MASK  0x000000ffu
#define WN_NF_SELF_CLOSING 0x00000001u /* start tag had "/>" */
#define WN_NF_TEXT_OWNED   0x00000002u /* text data is an arena copy (growable) */
#define WN_NF_STAGE_SHIFT  8

typedef struct wn_node wn_node;
struct wn_node {
    /* The fields the tree walks read come first, in one 64-byte block; the
     * rest after them. */
    wn_node *parent;
    wn_node *first_child;
    wn_node *next;
    const char *data;   /* text or comment data (not NUL-terminated) */
    size_t len;         /* length of data */
    wn_attr *attrs;
    uint32_t flags;     /* WN_NF_* */
    uint32_t index;     /* creation order, unique in the document */
    uint32_t n_attrs;
    uint16_t tag;       /* wn_tag; WN_TAG_UNKNOWN for unknown names */
    uint8_t type;       /* wn_node_type */
    uint8_t ns;         /* wn_ns */
    int32_t aux;        /* scratch for one stage at a time (e.g. a score slot) */
    uint32_t name_len;
    wn_node *last_child;
    wn_node *prev;
    const char *name;   /* element local name / doctype name; NUL-terminated */
    size_t cap;         /* capacity of data when WN_NF_TEXT_OWNED */
};

typedef enum wn_quirks {
    WN_NO_QUIRKS = 0,
    WN_QUIRKS,
    WN_LIMITED_QUIRKS
} wn_quirks;

typedef struct wn_dom {
    wn_arena *arena;
    wn_node *root;        /* the document node */
    uint32_t node_count;
    uint8_t quirks;       /* wn_quirks */
    size_t max_depth;     /* nesting limit applied by the tree builder */
    size_t max_attrs;     /* attributes kept per element */
    /* Nodes are cut from slabs of the arena, apart from attributes and
     * strings, so the walks of later stages read them in sequence. */
    wn_node *slab;        /* next free node of the current slab */
    uint32_t slab_left;   /* nodes left in it */
    uint32_t slab_size;   /* nodes in the next slab (grows to WN_DOM_SLAB_MAX) */
    /* A bit per tag of the HTML elements made so far: a stage that looks
     * for an element the document never had need not walk it. */
    uint64_t html_tags[(WN_TAG__COUNT + 63) / 64];
    bool has_math;        /* a MathML <math> element was made */
    /* Streamed server rendering (React's): the placeholders and hidden
     * segments the tree builder created, in creation order, at most
     * WN_DOM_STREAMED_MAX (wn_dom_note_streamed); clean moves each segment
     * to its placeholder, as the page's script would. */
    wn_node **streamed;
    uint32_t n_streamed, cap_streamed;
} wn_dom;

#define WN_DOM_STREAMED_MAX 512u

/* Was an HTML element with this tag ever made in the document? (false:
 * none is in it) */
static inline bool
wn_dom_made(const wn_dom *d, wn_tag tag)
{
    return (d->html_tags[(unsigned)tag / 64] >> ((unsigned)tag % 64)) & 1;
}

/* Create an empty document (root node only) in `arena`. NULL on OOM. */
wn_dom *wn_dom_new(wn_arena *arena);

/* Node constructors; all return NULL on OOM. Names and data are used as
 * given (not copied): they must outlive the document (input or arena). */
wn_node *wn_dom_element(wn_dom *d, wn_tag tag, wn_ns ns, const char *name, size_t name_len);
wn_node *wn_dom_text(wn_dom *d, const char *data, size_t len);
wn_node *wn_dom_comment(wn_dom *d, const char *data, size_t len);
wn_node *wn_dom_doctype(wn_dom *d, const char *name, size_t name_len, const char *public_id,
                        size_t public_len, const char *system_id, size_t system_len);

/* Tree surgery. `child` must be detached (no parent) for append/insert. */
void wn_node_append(wn_node *parent, wn_node *child);
void wn_node_insert_before(wn_node *parent, wn_node *child, wn_node *ref); /* ref NULL = append */
void wn_node_detach(wn_node *node);
/* Move all children of `from` to the end of `to`. */
void wn_node_move_children(wn_node *from, wn_node *to);

/* Append text to a text node, copying into the arena when needed. Returns
 * false on OOM. When `node` data is a slice of the input that ends exactly
 * where `data` starts, the slice is extended without a copy. */
bool wn_text_append(wn_dom *d, wn_node *node, const char *data, size_t len);

/* Attribute value by lower-case name (HTML, no namespace); NULL if absent.
 * *len receives the value length when len != NULL. */
const char *wn_node_attr_n(const wn_node *n, const char *name, size_t name_len, size_t *len);

/* Inline so that strlen of a literal name folds at compile time: attribute
 * look-ups run millions of times per corpus. */
static inline const char *
wn_node_attr(const wn_node *n, const char *name, size_t *len)
{
    return wn_node_attr_n(n, name, strlen(name), len);
}

static inline bool
wn_node_has_attr(const wn_node *n, const char *name)
{
    return wn_node_attr_n(n, name, strlen(name), NULL) != NULL;
}

/* Is v[0..len) the lower-case `lower` (ll bytes), ASCII case-insensitively,
 * untrimmed? */
static inline bool
wn_value_ieq(const char *v, size_t len, const char *lower, size_t ll)
{
    if (!v || len != ll)
        return false;
    for (size_t i = 0; i < ll; i++) {
        int c = (unsigned char)v[i];
        if (c >= 'A' && c <= 'Z')
            c += 32;
        if (c != (unsigned char)lower[i])
            return false;
    }
    return true;
}

static inline bool
wn_node_is(const wn_node *n, wn_tag tag)
{
    return n && n->type == WN_NODE_ELEMENT && n->tag == tag && n->ns == WN_NS_HTML;
}

/* Depth-first walk without recursion. Each element (and the root) is given
 * once on entering and once on leaving; leaves (text, comments) once, with
 * entering == true. */
typedef struct wn_walk {
    wn_node *root;
    wn_node *node;
    bool entering;
    bool started;
} wn_walk;

/* The walker is inline: every stage after the parse walks the tree several
 * times, and a call per step cost more than the step itself (always: in a
 * function as large as the boilerplate walk, GCC otherwise calls
 * wn_walk_next out of line). */
static inline void
wn_walk_init(wn_walk *w, wn_node *root)
{
    w->root = root;
    w->node = root;
    w->entering = true;
    w->started = false;
}

/* Next step; false when the walk is over. */
static inline __attribute__((always_inline)) bool
wn_walk_next(wn_walk *w, wn_node **node, bool *entering)
{
    wn_node *cur = w->node;
    if (!cur)
        return false;
    if (!w->started) {
        w->started = true;
    } else if (w->entering &&
               (cur->type == WN_NODE_ELEMENT || cur->type == WN_NODE_DOCUMENT)) {
        if (cur->first_child)
            w->node = cur->first_child; /* entering stays true */
        else
            w->entering = false; /* empty element: now leave it */
    } else if (cur == w->root) {
        w->node = NULL;
        return false;
    } else if (cur->next) {
        w->node = cur->next;
        w->entering = true;
    } else {
        w->node = cur->parent;
        w->entering = false;
        if (!w->node)
            return false;
    }
    *node = w->node;
    *entering = w->entering;
    return true;
}

/* After an "enter" step: do not descend into the node's children; the
 * node's "exit" step is skipped too. */
static inline void
wn_walk_skip_children(wn_walk *w)
{
    if (w->node && w->entering &&
        (w->node->type == WN_NODE_ELEMENT || w->node->type == WN_NODE_DOCUMENT))
        w->entering = false;
}

void wn_dom_note_streamed_slow(wn_dom *d, wn_node *n);

/* Called by the tree builder for each new HTML element: records an element
 * that is a streamed placeholder (<template id="B:1">, <template id="P:2">)
 * or segment (<div hidden id="S:1">; ids as "B:", "P:" or "S:" and
 * lower-case hexadecimal digits) in d->streamed. Other elements cost a tag
 * test (and, for a <div> or <template>, a scan of its attributes). */
static inline void
wn_dom_note_streamed(wn_dom *d, wn_node *n)
{
    if (n->n_attrs && n->ns == WN_NS_HTML && (n->tag == WN_TAG_DIV || n->tag == WN_TAG_TEMPLATE))
        wn_dom_note_streamed_slow(d, n);
}

#endif
