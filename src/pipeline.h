/* pipeline.h - the contract between winnow's stages.
 *
 *   input    -> src/input/     files, gzip, WARC records, URLs (CLI side)
 *   decode   -> src/decode/    bytes in any charset to UTF-8
 *   parse    -> src/parse/     WHATWG tokenizer + tree builder -> wn_dom
 *   clean    -> src/clean/     mark what is never content (WN_NF_DROP)
 *   metadata -> src/metadata/  title, authors, dates, ... from the whole DOM
 *   score    -> src/score/     find the article (or the page's main content
 *                              for non-articles), mark boilerplate inside it
 *   render   -> src/render/    text, Markdown, JSON, safe HTML
 *
 * Stages never detach nodes: they set flag bits, so a later stage can still
 * read what an earlier one judged (metadata reads JSON-LD in <script>s that
 * clean has dropped; a renderer can keep captions or not). The one
 * exception comes first in wn_clean, before anything is judged: streamed
 * segments are moved to their placeholders (clean/streamed.c).
 *
 * src/api.c runs the stages in this order:
 *   wn_decode, wn_tree_parse        (wn_doc_parse)
 *   wn_clean                        marks never-content
 *   wn_metadata_extract             page metadata (may use the DOM freely)
 *   wn_score                        content roots, page type, boilerplate
 *   wn_metadata_finish              language from text, caption, word count
 *   wn_render_*                     on request, cached in the result
 */
#ifndef WN_PIPELINE_H
#define WN_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "decode/decode.h"
#include "parse/dom.h"
#include "util/arena.h"
#include "util/buf.h"
#include "winnow.h"

/* Stage flag bits on wn_node.flags (bits 8..31; the parser owns 0..7). */
#define WN_NF_DROP      (1u << 8)  /* never content: skip node and subtree */
#define WN_NF_BOILER    (1u << 9)  /* boilerplate inside content: skip subtree */
#define WN_NF_CAPTION   (1u << 10) /* a figure caption (kept unless NO_CAPTIONS) */
#define WN_NF_HEADLINE  (1u << 11) /* the article's headline element */
#define WN_NF_HIDDEN    (1u << 12) /* hidden by markup (also has WN_NF_DROP) */
#define WN_NF_BYLINE    (1u << 13) /* byline/dateline block (skipped in body) */
#define WN_NF_CONTENT   (1u << 14) /* set on each content root */
#define WN_NF_REPEATED  (1u << 15) /* score: a template repeated down a service page */
#define WN_NF_STREAMED  (1u << 16) /* clean: holds a streamed segment moved in (streamed.c) */

/* Resolved options: every limit filled in. */
typedef struct wn_opts_resolved {
    uint32_t flags;
    const char *url;        /* arena copy or NULL */
    size_t url_len;
    const char *charset;
    size_t max_input;
    size_t max_depth;
    size_t max_attrs;
    size_t max_output;
    size_t max_memory;
} wn_opts_resolved;

/* A parsed document (the public opaque wn_doc). */
struct wn_doc {
    wn_arena arena;
    wn_opts_resolved opts;
    wn_decoded decoded;
    wn_dom *dom;
    struct wn_doc_cache *cache; /* clean/score per-node caches (clean/clean.h), made lazily */
    wn_str title_alt;           /* metadata: the title for non-article pages (title.c) */
    bool title_h1_within;       /* metadata: the <h1>'s words all in a declared title */
};

/* What scoring found. */
typedef struct wn_content {
    wn_node **roots;        /* kept subtrees, document order; arena array */
    size_t n_roots;
    wn_node *headline;      /* the visible headline element, or NULL */
    wn_page_type page_type;
    bool captions_aside;    /* an article's captions are asides: the text leaves them out */
} wn_content;

/* The public opaque wn_result. */
struct wn_result {
    wn_doc *doc;            /* owned */
    wn_metadata meta;
    wn_content content;
    wn_str rendered[4];     /* cache per wn_format; ptr NULL = not yet */
};

/* Resolve options (NULL = defaults) into `out`; copies strings into arena. */
wn_status wn_opts_resolve(const wn_options *in, wn_arena *arena, wn_opts_resolved *out);

/* clean/: mark never-content nodes (scripts, styles, hidden elements, forms,
 * buttons, icon SVG, cookie banners, modals, ...) with WN_NF_DROP. */
wn_status wn_clean(wn_doc *doc);

/* metadata/: fill what the page says about itself. Strings go to the doc's
 * arena. `meta` is zeroed by the caller. */
wn_status wn_metadata_extract(wn_doc *doc, wn_metadata *meta);

/* score/: choose the content roots, classify the page, mark boilerplate
 * inside the content (WN_NF_BOILER), captions, the headline. `meta` (from
 * wn_metadata_extract) helps find the headline and article bounds. */
wn_status wn_score(wn_doc *doc, const wn_metadata *meta, wn_content *out);

/* metadata/: what needs the content: language detected from the text when
 * the markup declares none (or a wrong one), the lead image caption, word
 * count, page type copied from content. */
wn_status wn_metadata_finish(wn_doc *doc, const wn_content *content, wn_metadata *meta);

/* render/: append the result in one format to `out`. */
wn_status wn_render_text(const wn_result *r, wn_buf *out);
wn_status wn_render_markdown(const wn_result *r, wn_buf *out);
wn_status wn_render_html(const wn_result *r, wn_buf *out);
wn_status wn_render_json(wn_result *r, wn_buf *out); /* may render text/markdown first */

#endif
