/* dom.c - node construction, tree surgery and the non-recursive walk. */
#include "dom.h"

#include <string.h>

wn_dom *
wn_dom_new(wn_arena *arena)
{
    wn_dom *d = wn_arena_calloc(arena, 1, sizeof *d);
    if (!d)
        return NULL;
    d->arena = arena;
    d->root = wn_arena_calloc(arena, 1, sizeof(wn_node));
    if (!d->root)
        return NULL;
    d->root->type = WN_NODE_DOCUMENT;
    d->root->name = "#document";
    d->root->name_len = 9;
    d->root->index = d->node_count++;
    return d;
}

/* Nodes per slab: the first slab is small so tiny documents stay small. */
#define WN_DOM_SLAB_MIN 16u
#define WN_DOM_SLAB_MAX 256u

static wn_node *
new_node(wn_dom *d, wn_node_type type)
{
    if (d->slab_left == 0) {
        uint32_t k = d->slab_size ? d->slab_size : WN_DOM_SLAB_MIN;
        wn_node *s = wn_arena_alloc(d->arena, (size_t)k * sizeof *s);
        if (!s)
            return NULL;
        d->slab = s;
        d->slab_left = k;
        d->slab_size = k < WN_DOM_SLAB_MAX ? k * 2 : k;
    }
    wn_node *n = d->slab++;
    d->slab_left--;
    memset(n, 0, sizeof *n);
    n->type = (uint8_t)type;
    n->index = d->node_count++;
    return n;
}

wn_node *
wn_dom_element(wn_dom *d, wn_tag tag, wn_ns ns, const char *name, size_t name_len)
{
    wn_node *n = new_node(d, WN_NODE_ELEMENT);
    if (!n)
        return NULL;
    n->tag = (uint16_t)tag;
    n->ns = (uint8_t)ns;
    if (ns == WN_NS_HTML && (unsigned)tag < WN_TAG__COUNT)
        d->html_tags[(unsigned)tag / 64] |= 1ull << ((unsigned)tag % 64);
    else if (ns == WN_NS_MATHML && tag == WN_TAG_MATH)
        d->has_math = true;
    if (!name) {
        name = wn_tag_name(tag);
        name_len = wn_tag_name_len(tag);
    }
    n->name = name;
    n->name_len = (uint32_t)name_len;
    return n;
}

wn_node *
wn_dom_text(wn_dom *d, const char *data, size_t len)
{
    wn_node *n = new_node(d, WN_NODE_TEXT);
    if (!n)
        return NULL;
    n->name = "#text";
    n->name_len = 5;
    n->data = data;
    n->len = len;
    return n;
}

wn_node *
wn_dom_comment(wn_dom *d, const char *data, size_t len)
{
    wn_node *n = new_node(d, WN_NODE_COMMENT);
    if (!n)
        return NULL;
    n->name = "#comment";
    n->name_len = 8;
    n->data = data;
    n->len = len;
    return n;
}

wn_node *
wn_dom_doctype(wn_dom *d, const char *name, size_t name_len, const char *public_id,
               size_t public_len, const char *system_id, size_t system_len)
{
    wn_node *n = new_node(d, WN_NODE_DOCTYPE);
    if (!n)
        return NULL;
    n->name = name ? name : "";
    n->name_len = name ? (uint32_t)name_len : 0;
    n->attrs = wn_arena_calloc(d->arena, 2, sizeof(wn_attr));
    if (!n->attrs)
        return NULL;
    n->n_attrs = 2;
    n->attrs[0].name = "public";
    n->attrs[0].name_len = 6;
    n->attrs[0].value = public_id;
    n->attrs[0].value_len = public_id ? (uint32_t)public_len : 0;
    n->attrs[1].name = "system";
    n->attrs[1].name_len = 6;
    n->attrs[1].value = system_id;
    n->attrs[1].value_len = system_id ? (uint32_t)system_len : 0;
    return n;
}

void
wn_node_append(wn_node *parent, wn_node *child)
{
    child->parent = parent;
    child->next = NULL;
    child->prev = parent->last_child;
    if (parent->last_child)
        parent->last_child->next = child;
    else
        parent->first_child = child;
    parent->last_child = child;
}

void
wn_node_insert_before(wn_node *parent, wn_node *child, wn_node *ref)
{
    if (!ref) {
        wn_node_append(parent, child);
        return;
    }
    child->parent = parent;
    child->next = ref;
    child->prev = ref->prev;
    if (ref->prev)
        ref->prev->next = child;
    else
        parent->first_child = child;
    ref->prev = child;
}

void
wn_node_detach(wn_node *node)
{
    wn_node *p = node->parent;
    if (!p)
        return;
    if (node->prev)
        node->prev->next = node->next;
    else
        p->first_child = node->next;
    if (node->next)
        node->next->prev = node->prev;
    else
        p->last_child = node->prev;
    node->parent = node->prev = node->next = NULL;
}

void
wn_node_move_children(wn_node *from, wn_node *to)
{
    wn_node *c = from->first_child;
    if (!c)
        return;
    for (wn_node *k = c; k; k = k->next)
        k->parent = to;
    if (to->last_child) {
        to->last_child->next = c;
        c->prev = to->last_child;
    } else {
        to->first_child = c;
    }
    to->last_child = from->last_child;
    from->first_child = from->last_child = NULL;
}

bool
wn_text_append(wn_dom *d, wn_node *node, const char *data, size_t len)
{
    if (len == 0)
        return true;
    if (!(node->flags & WN_NF_TEXT_OWNED)) {
        if (node->data + node->len == data) {
            node->len += len;
            return true;
        }
        size_t cap = (node->len + len) * 2;
        if (cap < 32)
            cap = 32;
        char *p = wn_arena_alloc(d->arena, cap);
        if (!p)
            return false;
        memcpy(p, node->data, node->len);
        memcpy(p + node->len, data, len);
        node->data = p;
        node->len += len;
        node->cap = cap;
        node->flags |= WN_NF_TEXT_OWNED;
        return true;
    }
    if (node->len + len > node->cap) {
        size_t cap = (node->len + len) * 2;
        char *p = wn_arena_realloc(d->arena, (char *)node->data, node->cap, cap);
        if (!p)
            return false;
        node->data = p;
        node->cap = cap;
    }
    memcpy((char *)node->data + node->len, data, len);
    node->len += len;
    return true;
}

const char *
wn_node_attr_n(const wn_node *n, const char *name, size_t nl, size_t *len)
{
    if (!n || n->type != WN_NODE_ELEMENT)
        return NULL;
    for (uint32_t i = 0; i < n->n_attrs; i++) {
        const wn_attr *a = &n->attrs[i];
        if (a->name_len == nl && a->ns == WN_ATTR_NS_NONE && memcmp(a->name, name, nl) == 0) {
            if (len)
                *len = a->value_len;
            return a->value ? a->value : "";
        }
    }
    return NULL;
}


/* Is v[0..len) a streamed id of kind `k` ('B', 'P' or 'S'): "k:" and 1 to
 * 8 lower-case hexadecimal digits (React writes its counters in base 16)? */
static bool
streamed_id(const char *v, size_t len, char k)
{
    if (!v || len < 3 || len > 10 || v[0] != k || v[1] != ':')
        return false;
    for (size_t i = 2; i < len; i++)
        if (!((v[i] >= '0' && v[i] <= '9') || (v[i] >= 'a' && v[i] <= 'f')))
            return false;
    return true;
}

void
wn_dom_note_streamed_slow(wn_dom *d, wn_node *n)
{
    const wn_attr *id = NULL;
    bool hidden = false;
    for (uint32_t i = 0; i < n->n_attrs; i++) {
        const wn_attr *a = &n->attrs[i];
        if (a->ns != WN_ATTR_NS_NONE)
            continue;
        if (!id && a->name_len == 2 && memcmp(a->name, "id", 2) == 0)
            id = a;
        else if (a->name_len == 6 && memcmp(a->name, "hidden", 6) == 0)
            hidden = true;
    }
    if (!id)
        return;
    if (n->tag == WN_TAG_DIV ? !(hidden && streamed_id(id->value, id->value_len, 'S'))
                             : !(streamed_id(id->value, id->value_len, 'B') ||
                                 streamed_id(id->value, id->value_len, 'P')))
        return;
    if (d->n_streamed == d->cap_streamed) {
        if (d->cap_streamed >= WN_DOM_STREAMED_MAX)
            return; /* the first ones only */
        uint32_t cap = d->cap_streamed ? d->cap_streamed * 2 : 16;
        wn_node **s = wn_arena_alloc(d->arena, cap * sizeof *s);
        if (!s)
            return;
        if (d->n_streamed)
            memcpy(s, d->streamed, d->n_streamed * sizeof *s);
        d->streamed = s;
        d->cap_streamed = cap;
    }
    d->streamed[d->n_streamed++] = n;
}
