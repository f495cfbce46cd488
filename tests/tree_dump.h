/* tree_dump.h - serialize a wn_dom in the html5lib tree-construction test
 * format ("| <html>", "|   <svg svg>", attributes sorted, "content" for
 * template contents). Shared by test_tree.c and test_html5lib_tree.c. */
#ifndef WN_TEST_TREE_DUMP_H
#define WN_TEST_TREE_DUMP_H

#include <stdlib.h>
#include <string.h>

#include "parse/dom.h"
#include "util/buf.h"

static void
dump_indent(wn_buf *b, int depth)
{
    wn_buf_puts(b, "| ");
    for (int i = 0; i < depth; i++)
        wn_buf_puts(b, "  ");
}

typedef struct dump_attr {
    char *key;
    const wn_attr *a;
} dump_attr;

static int
dump_attr_cmp(const void *x, const void *y)
{
    return strcmp(((const dump_attr *)x)->key, ((const dump_attr *)y)->key);
}

static void
dump_attrs(wn_buf *b, const wn_node *n, int depth)
{
    if (!n->n_attrs)
        return;
    dump_attr *v = calloc(n->n_attrs, sizeof *v);
    if (!v)
        return;
    for (uint32_t i = 0; i < n->n_attrs; i++) {
        const wn_attr *a = &n->attrs[i];
        const char *prefix = a->ns == WN_ATTR_NS_XLINK   ? "xlink "
                             : a->ns == WN_ATTR_NS_XML   ? "xml "
                             : a->ns == WN_ATTR_NS_XMLNS ? "xmlns "
                                                         : "";
        size_t kl = strlen(prefix) + a->name_len + 1;
        v[i].key = malloc(kl);
        if (v[i].key)
            snprintf(v[i].key, kl, "%s%.*s", prefix, (int)a->name_len, a->name);
        v[i].a = a;
    }
    qsort(v, n->n_attrs, sizeof *v, dump_attr_cmp);
    for (uint32_t i = 0; i < n->n_attrs; i++) {
        dump_indent(b, depth);
        wn_buf_puts(b, v[i].key);
        wn_buf_puts(b, "=\"");
        if (v[i].a->value)
            wn_buf_append(b, v[i].a->value, v[i].a->value_len);
        wn_buf_puts(b, "\"\n");
    }
    for (uint32_t i = 0; i < n->n_attrs; i++)
        free(v[i].key);
    free(v);
}

/* Append the dump of root's children to b (root itself not printed). */
static void
tree_dump(wn_buf *b, wn_node *root)
{
    wn_walk w;
    wn_walk_init(&w, root);
    wn_node *n;
    bool enter;
    int depth = -1;
    while (wn_walk_next(&w, &n, &enter)) {
        bool tmpl = n->type == WN_NODE_ELEMENT && n->ns == WN_NS_HTML && n->tag == WN_TAG_TEMPLATE;
        if (n == root) {
            depth = enter ? 0 : -1;
            continue;
        }
        if (!enter) {
            depth -= tmpl ? 2 : 1;
            continue;
        }
        switch (n->type) {
        case WN_NODE_ELEMENT:
            dump_indent(b, depth);
            wn_buf_puts(b, "<");
            if (n->ns == WN_NS_SVG)
                wn_buf_puts(b, "svg ");
            else if (n->ns == WN_NS_MATHML)
                wn_buf_puts(b, "math ");
            wn_buf_append(b, n->name, n->name_len);
            wn_buf_puts(b, ">\n");
            dump_attrs(b, n, depth + 1);
            if (tmpl) {
                dump_indent(b, depth + 1);
                wn_buf_puts(b, "content\n");
            }
            depth += tmpl ? 2 : 1;
            break;
        case WN_NODE_TEXT:
            dump_indent(b, depth);
            wn_buf_putc(b, '"');
            wn_buf_append(b, n->data, n->len);
            wn_buf_puts(b, "\"\n");
            break;
        case WN_NODE_COMMENT:
            dump_indent(b, depth);
            wn_buf_puts(b, "<!-- ");
            wn_buf_append(b, n->data, n->len);
            wn_buf_puts(b, " -->\n");
            break;
        case WN_NODE_DOCTYPE:
            dump_indent(b, depth);
            wn_buf_puts(b, "<!DOCTYPE ");
            wn_buf_append(b, n->name, n->name_len);
            if (n->attrs[0].value || n->attrs[1].value) {
                wn_buf_puts(b, " \"");
                if (n->attrs[0].value)
                    wn_buf_append(b, n->attrs[0].value, n->attrs[0].value_len);
                wn_buf_puts(b, "\" \"");
                if (n->attrs[1].value)
                    wn_buf_append(b, n->attrs[1].value, n->attrs[1].value_len);
                wn_buf_putc(b, '"');
            }
            wn_buf_puts(b, ">\n");
            break;
        default:
            break;
        }
    }
}

#endif
