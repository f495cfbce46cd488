/* tree_tables.h - fixed name tables of the tree builder (HTML Standard
 * 13.2.6): SVG tag and attribute case fixes, the MathML attribute fix,
 * foreign (xlink:, xml:, xmlns:) attributes, and the doctype lists that
 * decide quirks mode. Private to src/parse/tree*.c.
 */
#ifndef WN_TREE_TABLES_H
#define WN_TREE_TABLES_H

#include <stdbool.h>
#include <stddef.h>

#include "dom.h"

/* The camel-case SVG element name for a lower-case one ("clippath" ->
 * "clipPath"), or NULL when the name needs no change. */
const char *wn__svg_tag_adjust(const char *name, size_t len);

/* Rewrite attribute names in place for an element in namespace `ns`:
 * SVG camel case, MathML definitionURL, and foreign attributes (prefix
 * moved into wn_attr.ns). Names become static strings; values untouched. */
void wn__attrs_adjust_foreign(wn_attr *attrs, uint32_t n, wn_ns ns);

/* Quirks mode of a doctype token (13.2.6.4.1, "initial" insertion mode). */
wn_quirks wn__doctype_quirks(const char *name, size_t name_len, const char *pub, size_t pub_len,
                             const char *sys, size_t sys_len, bool force_quirks);

#endif
