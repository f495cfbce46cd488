/* tree.h - WHATWG tree construction (HTML Standard, section 13.2.6).
 *
 * Builds a wn_dom from UTF-8 input with the scripting flag off (winnow
 * runs no scripts, so <noscript> content is parsed as markup). Insertion
 * modes, the stack of open elements, the list of active formatting
 * elements, the adoption agency algorithm, foster parenting, <template>
 * and foreign content (SVG, MathML) follow the standard. Nesting deeper
 * than dom->max_depth is flattened: new elements are attached to the
 * element at the limit instead of nesting further, so hostile depth costs
 * neither stack nor quadratic time.
 */
#ifndef WN_TREE_H
#define WN_TREE_H

#include <stddef.h>

#include "dom.h"
#include "winnow.h"

typedef struct wn_parse_opts {
    size_t max_depth;   /* 0 = WN_DEFAULT_MAX_DEPTH */
    size_t max_attrs;   /* 0 = WN_DEFAULT_MAX_ATTRS */
    int scripting;      /* 0 (default, as winnow runs) or 1 for tests */
    /* 1: where the scripting-off parse loses what a browser shows, do as
     * the browser: an <iframe> inside <noscript> (whose content a browser
     * running scripts never parses) is inserted empty, so that a page's
     * "<noscript><iframe .../></noscript>" does not turn the rest of the
     * page into the iframe's raw text. wn_doc_parse sets it; the html5lib
     * conformance tests run without it. */
    int lenient;
} wn_parse_opts;

/* Parse a whole document into a new wn_dom in `arena`. */
wn_status wn_tree_parse(wn_arena *arena, const char *utf8, size_t len, const wn_parse_opts *opts,
                        wn_dom **out);

/* The HTML fragment parsing algorithm with a context element given by its
 * local name and namespace (html5lib "#document-fragment"). The returned
 * dom's root holds the fragment's nodes as children. */
wn_status wn_tree_parse_fragment(wn_arena *arena, const char *utf8, size_t len,
                                 const char *context, wn_ns context_ns,
                                 const wn_parse_opts *opts, wn_dom **out);

#endif
