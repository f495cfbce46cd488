/* extract_helper.h - run parse -> clean -> score -> render_text on an HTML
 * string for the clean/score/render tests, without metadata or the other
 * renderers (so these tests depend only on the stages they check). */
#ifndef WN_TEST_EXTRACT_HELPER_H
#define WN_TEST_EXTRACT_HELPER_H

#include <string.h>

#include "parse/tree.h"
#include "pipeline.h"

typedef struct fx {
    wn_doc *doc;
    wn_metadata meta;
    wn_result res;
    const char *text; /* rendered text (NUL-terminated, in the doc's arena) */
} fx;

/* Parse `html` into a fresh document with option flags `flags`. */
static inline wn_doc *
fx_parse(const char *html, uint32_t flags)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_doc *doc = wn_arena_calloc(&a, 1, sizeof *doc);
    if (!doc) {
        wn_arena_free_all(&a);
        return NULL;
    }
    doc->arena = a;
    doc->opts.flags = flags;
    doc->decoded.utf8 = html;
    doc->decoded.len = strlen(html);
    wn_parse_opts p = {0, 0, 0, 1}; /* as wn_doc_parse */
    if (wn_tree_parse(&doc->arena, html, strlen(html), &p, &doc->dom) != WN_OK) {
        wn_arena copy = doc->arena;
        wn_arena_free_all(&copy);
        return NULL;
    }
    return doc;
}

static inline void
fx_free(fx *f)
{
    if (f->doc) {
        wn_arena copy = f->doc->arena;
        wn_arena_free_all(&copy);
    }
    memset(f, 0, sizeof *f);
}

/* Render the content of an already scored fixture. */
static inline const char *
fx_render(fx *f)
{
    wn_buf b;
    wn_buf_init(&b, &f->doc->arena, 0);
    if (wn_render_text(&f->res, &b) != WN_OK)
        return NULL;
    f->text = wn_buf_cstr(&b);
    return f->text;
}

/* The whole pipeline (no metadata): returns false on failure. `title` may
 * be NULL (the metadata title the scorer matches headlines with). */
static inline bool
fx_run(fx *f, const char *html, uint32_t flags, const char *title)
{
    memset(f, 0, sizeof *f);
    f->doc = fx_parse(html, flags);
    if (!f->doc)
        return false;
    if (title) {
        f->meta.title.ptr = title;
        f->meta.title.len = strlen(title);
    }
    if (wn_clean(f->doc) != WN_OK)
        return false;
    if (wn_score(f->doc, &f->meta, &f->res.content) != WN_OK)
        return false;
    f->res.doc = f->doc;
    return fx_render(f) != NULL;
}

/* First element with this id (or NULL). */
static inline wn_node *
fx_by_id(wn_doc *doc, const char *id)
{
    wn_walk w;
    wn_node *n;
    bool e;
    wn_walk_init(&w, doc->dom->root);
    while (wn_walk_next(&w, &n, &e)) {
        if (!e || n->type != WN_NODE_ELEMENT)
            continue;
        size_t len;
        const char *v = wn_node_attr(n, "id", &len);
        if (v && len == strlen(id) && memcmp(v, id, len) == 0)
            return n;
    }
    return NULL;
}

static inline bool
fx_contains(const char *hay, const char *needle)
{
    return hay && strstr(hay, needle) != NULL;
}

#endif
