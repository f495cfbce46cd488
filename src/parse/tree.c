/* tree.c - WHATWG tree construction (HTML Standard 13.2.6).
 *
 * The tree builder pulls tokens from the tokenizer and runs them through
 * the insertion modes. Phases of one token:
 *   1. dispatch (13.2.6): HTML rules of the current insertion mode, or the
 *      rules for foreign content when the adjusted current node is SVG or
 *      MathML and not an integration point;
 *   2. the mode's handler; it returns true when the token must be
 *      reprocessed (mode switched, or only part of a character run used);
 *   3. the tokenizer is told whether CDATA sections are allowed next.
 *
 * Hostile input is bounded by two caps. The stack of open elements never
 * grows past max_depth: an element that would nest deeper is attached to
 * the deepest open element instead (and does not enter the list of active
 * formatting elements), so depth costs neither stack nor time. The list of
 * active formatting elements is capped at the same size. Every walk of the
 * stack is then bounded by a constant, and per-tag counters of open HTML
 * elements answer "is there any X in scope" in O(1) in the common case.
 *
 * This file holds the data structures and the algorithms the modes share
 * (stack, scopes, insertion and foster parenting, active formatting
 * elements, adoption agency) and the entry points; the insertion modes and
 * the dispatcher are in tree_modes.c.
 */
#include "tree_internal.h"

#include <string.h>

#include "tree_tables.h"

/* ---- predicates ------------------------------------------------------------ */

bool
tb_ieq_lit(const char *a, size_t alen, const char *lit)
{
    size_t n = strlen(lit);
    if (alen != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)a[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)lit[i])
            return false;
    }
    return true;
}

/* Does HTML element `n` have the token's tag name? */
static bool
node_matches(const wn_node *n, const wn_token *t)
{
    if (n->ns != WN_NS_HTML)
        return false;
    if (t->tag != WN_TAG_UNKNOWN)
        return n->tag == t->tag;
    return n->tag == WN_TAG_UNKNOWN && n->name_len == t->name_len &&
           memcmp(n->name, t->name, t->name_len) == 0;
}

/* The "special" category (13.2.4.2). */
bool
tb_is_special(const wn_node *n)
{
    if (n->ns == WN_NS_MATHML)
        return n->tag == WN_TAG_MI || n->tag == WN_TAG_MO || n->tag == WN_TAG_MN ||
               n->tag == WN_TAG_MS || n->tag == WN_TAG_MTEXT || n->tag == WN_TAG_ANNOTATION_XML;
    if (n->ns == WN_NS_SVG)
        return n->tag == WN_TAG_FOREIGNOBJECT || n->tag == WN_TAG_DESC || n->tag == WN_TAG_TITLE;
    switch (n->tag) {
    case WN_TAG_ADDRESS: case WN_TAG_APPLET: case WN_TAG_AREA: case WN_TAG_ARTICLE:
    case WN_TAG_ASIDE: case WN_TAG_BASE: case WN_TAG_BASEFONT: case WN_TAG_BGSOUND:
    case WN_TAG_BLOCKQUOTE: case WN_TAG_BODY: case WN_TAG_BR: case WN_TAG_BUTTON:
    case WN_TAG_CAPTION: case WN_TAG_CENTER: case WN_TAG_COL: case WN_TAG_COLGROUP:
    case WN_TAG_DD: case WN_TAG_DETAILS: case WN_TAG_DIR: case WN_TAG_DIV: case WN_TAG_DL:
    case WN_TAG_DT: case WN_TAG_EMBED: case WN_TAG_FIELDSET: case WN_TAG_FIGCAPTION:
    case WN_TAG_FIGURE: case WN_TAG_FOOTER: case WN_TAG_FORM: case WN_TAG_FRAME:
    case WN_TAG_FRAMESET: case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4:
    case WN_TAG_H5: case WN_TAG_H6: case WN_TAG_HEAD: case WN_TAG_HEADER: case WN_TAG_HGROUP:
    case WN_TAG_HR: case WN_TAG_HTML: case WN_TAG_IFRAME: case WN_TAG_IMG: case WN_TAG_INPUT:
    case WN_TAG_KEYGEN: case WN_TAG_LI: case WN_TAG_LINK: case WN_TAG_LISTING: case WN_TAG_MAIN:
    case WN_TAG_MARQUEE: case WN_TAG_MENU: case WN_TAG_META: case WN_TAG_NAV:
    case WN_TAG_NOEMBED: case WN_TAG_NOFRAMES: case WN_TAG_NOSCRIPT: case WN_TAG_OBJECT:
    case WN_TAG_OL: case WN_TAG_P: case WN_TAG_PARAM: case WN_TAG_PLAINTEXT: case WN_TAG_PRE:
    case WN_TAG_SCRIPT: case WN_TAG_SEARCH: case WN_TAG_SECTION: case WN_TAG_SELECT:
    case WN_TAG_SOURCE: case WN_TAG_STYLE: case WN_TAG_SUMMARY: case WN_TAG_TABLE:
    case WN_TAG_TBODY: case WN_TAG_TD: case WN_TAG_TEMPLATE: case WN_TAG_TEXTAREA:
    case WN_TAG_TFOOT: case WN_TAG_TH: case WN_TAG_THEAD: case WN_TAG_TITLE: case WN_TAG_TR:
    case WN_TAG_TRACK: case WN_TAG_UL: case WN_TAG_WBR: case WN_TAG_XMP:
        return true;
    default:
        return false;
    }
}

bool
tb_is_mathml_text_ip(const wn_node *n)
{
    return n->ns == WN_NS_MATHML &&
           (n->tag == WN_TAG_MI || n->tag == WN_TAG_MO || n->tag == WN_TAG_MN ||
            n->tag == WN_TAG_MS || n->tag == WN_TAG_MTEXT);
}

bool
tb_is_html_ip(const wn_node *n)
{
    if (n->ns == WN_NS_SVG)
        return n->tag == WN_TAG_FOREIGNOBJECT || n->tag == WN_TAG_DESC || n->tag == WN_TAG_TITLE;
    if (n->ns == WN_NS_MATHML && n->tag == WN_TAG_ANNOTATION_XML) {
        for (uint32_t i = 0; i < n->n_attrs; i++) {
            const wn_attr *a = &n->attrs[i];
            if (a->ns == WN_ATTR_NS_NONE && a->name_len == 8 && memcmp(a->name, "encoding", 8) == 0)
                return a->value && (tb_ieq_lit(a->value, a->value_len, "text/html") ||
                                    tb_ieq_lit(a->value, a->value_len, "application/xhtml+xml"));
        }
    }
    return false;
}

/* ---- the stack of open elements ---------------------------------------- */

static bool
stack_reserve(tp *p, size_t need)
{
    if (need <= p->stack_cap)
        return true;
    size_t cap = p->stack_cap ? p->stack_cap * 2 : 64;
    while (cap < need)
        cap *= 2;
    wn_node **s = wn_arena_realloc(p->arena, p->stack, p->stack_cap * sizeof *s, cap * sizeof *s);
    if (!s) {
        p->oom = true;
        return false;
    }
    p->stack = s;
    p->stack_cap = cap;
    return true;
}

static void selectedcontent_update(tp *p, wn_node *option);

static inline void
count_open(tp *p, wn_node *n, int delta)
{
    if (n->ns == WN_NS_HTML)
        p->open_count[n->tag] = (uint32_t)((int)p->open_count[n->tag] + delta);
    if (delta > 0) {
        n->flags |= NF_OPEN;
    } else {
        n->flags &= ~NF_OPEN;
        if (p->sc_elem && n->tag == WN_TAG_OPTION && n->ns == WN_NS_HTML)
            selectedcontent_update(p, n);
    }
}

/* Push unless the depth cap is reached; `force` allows a leaf that is popped
 * again at once or by its text (raw text elements, html/head/body). */
bool
tb_push_el(tp *p, wn_node *n, bool force)
{
    if (p->sp >= p->max_depth && !force)
        return false;
    if (!stack_reserve(p, p->sp + 1))
        return false;
    p->stack[p->sp++] = n;
    count_open(p, n, 1);
    return true;
}

void
tb_pop_el(tp *p)
{
    if (p->sp == 0)
        return;
    count_open(p, p->stack[--p->sp], -1);
}

static ptrdiff_t
stack_index(const tp *p, const wn_node *n)
{
    if (!(n->flags & NF_OPEN))
        return -1;
    for (size_t i = p->sp; i-- > 0;)
        if (p->stack[i] == n)
            return (ptrdiff_t)i;
    return -1;
}

void
tb_stack_remove(tp *p, const wn_node *n)
{
    ptrdiff_t i = stack_index(p, n);
    if (i < 0)
        return;
    count_open(p, p->stack[i], -1);
    memmove(&p->stack[i], &p->stack[i + 1], (p->sp - (size_t)i - 1) * sizeof *p->stack);
    p->sp--;
}

static void
stack_insert_at(tp *p, size_t idx, wn_node *n)
{
    if (!stack_reserve(p, p->sp + 1))
        return;
    memmove(&p->stack[idx + 1], &p->stack[idx], (p->sp - idx) * sizeof *p->stack);
    p->stack[idx] = n;
    p->sp++;
    count_open(p, n, 1);
}

/* Pop until an HTML element with tag `t` has been popped. */
void
tb_pop_until_tag(tp *p, wn_tag t)
{
    if (!p->open_count[t])
        return;
    while (p->sp > 0) {
        wn_node *n = current(p);
        tb_pop_el(p);
        if (is_h(n, t))
            return;
    }
}

void
tb_pop_until_node(tp *p, const wn_node *target)
{
    if (!(target->flags & NF_OPEN))
        return;
    while (p->sp > 0) {
        wn_node *n = current(p);
        tb_pop_el(p);
        if (n == target)
            return;
    }
}

bool
tb_template_open(const tp *p)
{
    return p->open_count[WN_TAG_TEMPLATE] != 0;
}

static bool
is_scope_boundary(const wn_node *n, scope s)
{
    if (n->ns == WN_NS_HTML) {
        switch (n->tag) {
        case WN_TAG_HTML: case WN_TAG_TABLE: case WN_TAG_TEMPLATE:
            return true;
        case WN_TAG_APPLET: case WN_TAG_CAPTION: case WN_TAG_TD: case WN_TAG_TH:
        case WN_TAG_MARQUEE: case WN_TAG_OBJECT: case WN_TAG_SELECT:
            /* select joined the list with the relaxed <select> parser */
            return s != SC_TABLE;
        case WN_TAG_OL: case WN_TAG_UL:
            return s == SC_LIST_ITEM;
        case WN_TAG_BUTTON:
            return s == SC_BUTTON;
        default:
            return false;
        }
    }
    if (s == SC_TABLE)
        return false;
    if (n->ns == WN_NS_MATHML)
        return tb_is_mathml_text_ip(n) || n->tag == WN_TAG_ANNOTATION_XML;
    return n->tag == WN_TAG_FOREIGNOBJECT || n->tag == WN_TAG_DESC || n->tag == WN_TAG_TITLE;
}

bool
tb_in_scope(const tp *p, wn_tag t, scope s)
{
    if (t != WN_TAG_UNKNOWN && !p->open_count[t])
        return false;
    for (size_t i = p->sp; i-- > 0;) {
        const wn_node *n = p->stack[i];
        if (is_h(n, t))
            return true;
        if (is_scope_boundary(n, s))
            return false;
    }
    return false;
}

bool
tb_node_in_scope(const tp *p, const wn_node *target, scope s)
{
    if (!(target->flags & NF_OPEN))
        return false;
    for (size_t i = p->sp; i-- > 0;) {
        const wn_node *n = p->stack[i];
        if (n == target)
            return true;
        if (is_scope_boundary(n, s))
            return false;
    }
    return false;
}

bool
tb_heading_in_scope(const tp *p)
{
    if (!(p->open_count[WN_TAG_H1] | p->open_count[WN_TAG_H2] | p->open_count[WN_TAG_H3] |
          p->open_count[WN_TAG_H4] | p->open_count[WN_TAG_H5] | p->open_count[WN_TAG_H6]))
        return false;
    for (size_t i = p->sp; i-- > 0;) {
        const wn_node *n = p->stack[i];
        if (n->ns == WN_NS_HTML && is_heading_tag((wn_tag)n->tag))
            return true;
        if (is_scope_boundary(n, SC_DEFAULT))
            return false;
    }
    return false;
}

/* Generate implied end tags, except for HTML `except` (WN_TAG_UNKNOWN for
 * none); `thorough` adds the table elements. */
void
tb_implied_end_tags(tp *p, wn_tag except, bool thorough)
{
    while (p->sp > 0) {
        wn_node *n = current(p);
        if (n->ns != WN_NS_HTML || (except != WN_TAG_UNKNOWN && n->tag == except))
            return;
        switch (n->tag) {
        case WN_TAG_DD: case WN_TAG_DT: case WN_TAG_LI: case WN_TAG_OPTGROUP:
        case WN_TAG_OPTION: case WN_TAG_P: case WN_TAG_RB: case WN_TAG_RP: case WN_TAG_RT:
        case WN_TAG_RTC:
            break;
        case WN_TAG_CAPTION: case WN_TAG_COLGROUP: case WN_TAG_TBODY: case WN_TAG_TD:
        case WN_TAG_TFOOT: case WN_TAG_TH: case WN_TAG_THEAD: case WN_TAG_TR:
            if (thorough)
                break;
            return;
        default:
            return;
        }
        tb_pop_el(p);
    }
}

void
tb_close_p(tp *p)
{
    tb_implied_end_tags(p, WN_TAG_P, false);
    tb_pop_until_tag(p, WN_TAG_P);
}

void
tb_close_p_if_in_button_scope(tp *p)
{
    if (tb_in_scope(p, WN_TAG_P, SC_BUTTON))
        tb_close_p(p);
}

/* ---- node creation and insertion ---------------------------------------- */

wn_node *
tb_create_element(tp *p, const wn_token *t, wn_ns ns)
{
    const char *name = t->name;
    size_t len = t->name_len;
    if (ns == WN_NS_SVG) {
        const char *adj = wn__svg_tag_adjust(name, len);
        if (adj)
            name = adj;
    }
    wn_node *n = wn_dom_element(p->dom, t->tag, ns, name, len);
    if (!n) {
        p->oom = true;
        return NULL;
    }
    n->attrs = t->attrs;
    n->n_attrs = t->n_attrs;
    if (t->self_closing)
        n->flags |= WN_NF_SELF_CLOSING;
    wn_dom_note_streamed(p->dom, n);
    return n;
}

static wn_node *
clone_element(tp *p, const wn_node *src)
{
    wn_node *n = wn_dom_element(p->dom, (wn_tag)src->tag, (wn_ns)src->ns, src->name, src->name_len);
    if (!n) {
        p->oom = true;
        return NULL;
    }
    n->attrs = src->attrs;
    n->n_attrs = src->n_attrs;
    return n;
}

static bool
is_foster_target(const wn_node *n)
{
    return n->ns == WN_NS_HTML &&
           (n->tag == WN_TAG_TABLE || n->tag == WN_TAG_TBODY || n->tag == WN_TAG_TFOOT ||
            n->tag == WN_TAG_THEAD || n->tag == WN_TAG_TR);
}

/* The appropriate place for inserting a node (13.2.6.1). */
static void
insert_location(tp *p, wn_node *override, wn_node **parent, wn_node **before)
{
    wn_node *target = override ? override : current(p);
    *before = NULL;
    if (p->foster && target && is_foster_target(target)) {
        ptrdiff_t last_tmpl = -1, last_table = -1;
        for (size_t i = p->sp; i-- > 0;) {
            if (last_tmpl < 0 && is_h(p->stack[i], WN_TAG_TEMPLATE))
                last_tmpl = (ptrdiff_t)i;
            if (last_table < 0 && is_h(p->stack[i], WN_TAG_TABLE))
                last_table = (ptrdiff_t)i;
            if (last_tmpl >= 0 && last_table >= 0)
                break;
        }
        if (last_tmpl >= 0 && (last_table < 0 || last_tmpl > last_table)) {
            *parent = p->stack[last_tmpl];
            return;
        }
        if (last_table < 0) {
            *parent = p->stack[0];
            return;
        }
        wn_node *table = p->stack[last_table];
        if (table->parent) {
            *parent = table->parent;
            *before = table;
            return;
        }
        *parent = p->stack[last_table > 0 ? last_table - 1 : 0];
        return;
    }
    *parent = target ? target : p->dom->root;
}

static void
insert_node_at(wn_node *parent, wn_node *before, wn_node *n)
{
    wn_node_insert_before(parent, n, before);
}

/* Insert an HTML or foreign element for token `t` and push it (unless the
 * depth cap is hit: then it is only attached). Sets p->pushed. */
/* ---- <selectedcontent> (customizable select) --------------------------------
 * The first <selectedcontent> inside an open <select> mirrors the selected
 * option: when an option is popped and is the selected one (the last with
 * a "selected" attribute, else the first), its content is copied into the
 * <selectedcontent>, replacing what was there. */

/* Bound on nodes copied into <selectedcontent> per document: copies are
 * never freed, so nested selected options must not multiply the tree. */
#define SC_CLONE_LIMIT 65536u

static void
selectedcontent_note(tp *p, wn_node *n)
{
    if (n->tag == WN_TAG_UNKNOWN && n->name_len == 15 && memcmp(n->name, "selectedcontent", 15) == 0) {
        if (p->sc_elem && (p->sc_select->flags & NF_OPEN))
            return; /* only the first one counts */
        for (size_t i = p->sp; i-- > 0;) {
            if (is_h(p->stack[i], WN_TAG_SELECT)) {
                p->sc_elem = n;
                p->sc_select = p->stack[i];
                p->sc_first_option = NULL;
                p->sc_explicit = false;
                return;
            }
        }
        return;
    }
    if (n->tag != WN_TAG_OPTION || !p->sc_elem || !(p->sc_select->flags & NF_OPEN))
        return;
    if (!p->sc_first_option)
        p->sc_first_option = n;
    if (wn_node_has_attr(n, "selected"))
        p->sc_explicit = true;
}

static void
selectedcontent_update(tp *p, wn_node *option)
{
    if (!(p->sc_select->flags & NF_OPEN))
        return;
    bool selected = wn_node_has_attr(option, "selected") ||
                    (!p->sc_explicit && option == p->sc_first_option);
    if (!selected)
        return;
    /* never copy a subtree into itself */
    for (wn_node *a = p->sc_elem; a; a = a->parent)
        if (a == option)
            return;
    while (p->sc_elem->first_child)
        wn_node_detach(p->sc_elem->first_child);
    wn_walk w;
    wn_walk_init(&w, option);
    wn_node *n, *cur = p->sc_elem;
    bool enter;
    while (wn_walk_next(&w, &n, &enter)) {
        if (n == option)
            continue;
        if (!enter) {
            cur = cur->parent;
            continue;
        }
        wn_node *c = NULL;
        if (n->type == WN_NODE_ELEMENT) {
            c = clone_element(p, n);
        } else if (n->type == WN_NODE_TEXT) {
            const char *data = n->data;
            if (n->flags & WN_NF_TEXT_OWNED)
                data = wn_arena_strndup(p->arena, n->data, n->len);
            c = data ? wn_dom_text(p->dom, data, n->len) : NULL;
        } else if (n->type == WN_NODE_COMMENT) {
            c = wn_dom_comment(p->dom, n->data, n->len);
        } else {
            continue;
        }
        if (!c) {
            p->oom = true;
            return;
        }
        if (++p->sc_cloned > SC_CLONE_LIMIT)
            return;
        wn_node_append(cur, c);
        if (n->type == WN_NODE_ELEMENT)
            cur = c;
    }
}

wn_node *
tb_insert_element(tp *p, const wn_token *t, wn_ns ns, bool force)
{
    wn_node *n = tb_create_element(p, t, ns);
    p->pushed = false;
    if (!n)
        return NULL;
    wn_node *parent, *before;
    insert_location(p, NULL, &parent, &before);
    insert_node_at(parent, before, n);
    p->pushed = tb_push_el(p, n, force);
    if (ns == WN_NS_HTML && p->open_count[WN_TAG_SELECT])
        selectedcontent_note(p, n);
    return n;
}

wn_node *
tb_insert_html(tp *p, const wn_token *t)
{
    return tb_insert_element(p, t, WN_NS_HTML, false);
}

/* Insert an element with no attributes for tag `tag` (implied elements). */
wn_node *
tb_insert_implied(tp *p, wn_tag tag, bool force)
{
    wn_token t;
    memset(&t, 0, sizeof t);
    t.type = WN_TOK_START_TAG;
    t.tag = tag;
    t.name = wn_tag_name(tag);
    t.name_len = wn_tag_name_len(tag);
    return tb_insert_element(p, &t, WN_NS_HTML, force);
}

/* Insert a void element: attached and not kept open. */
void
tb_insert_void(tp *p, const wn_token *t)
{
    wn_node *n = tb_create_element(p, t, WN_NS_HTML);
    if (!n)
        return;
    wn_node *parent, *before;
    insert_location(p, NULL, &parent, &before);
    insert_node_at(parent, before, n);
}

void
tb_insert_text(tp *p, const char *data, size_t len)
{
    if (!len)
        return;
    wn_node *parent, *before;
    insert_location(p, NULL, &parent, &before);
    if (parent->type == WN_NODE_DOCUMENT)
        return;
    wn_node *prev = before ? before->prev : parent->last_child;
    if (prev && prev->type == WN_NODE_TEXT) {
        if (!wn_text_append(p->dom, prev, data, len))
            p->oom = true;
        return;
    }
    wn_node *n = wn_dom_text(p->dom, data, len);
    if (!n) {
        p->oom = true;
        return;
    }
    insert_node_at(parent, before, n);
}

void
tb_insert_comment(tp *p, const wn_token *t, wn_node *parent)
{
    wn_node *n = wn_dom_comment(p->dom, t->data ? t->data : "", t->data ? t->len : 0);
    if (!n) {
        p->oom = true;
        return;
    }
    if (parent) {
        wn_node_append(parent, n);
        return;
    }
    wn_node *par, *before;
    insert_location(p, NULL, &par, &before);
    insert_node_at(par, before, n);
}

static bool
has_attr_named(const wn_node *n, const wn_attr *a)
{
    for (uint32_t i = 0; i < n->n_attrs; i++) {
        const wn_attr *b = &n->attrs[i];
        if (b->ns == a->ns && b->name_len == a->name_len &&
            memcmp(b->name, a->name, a->name_len) == 0)
            return true;
    }
    return false;
}

/* Add the token's attributes that `n` lacks (second <html>/<body> tag). */
void
tb_merge_attrs(tp *p, wn_node *n, const wn_token *t)
{
    if (!t->n_attrs)
        return;
    uint32_t extra = 0;
    for (uint32_t i = 0; i < t->n_attrs; i++)
        if (!has_attr_named(n, &t->attrs[i]))
            extra++;
    if (!extra)
        return;
    wn_attr *a = wn_arena_alloc(p->arena, (n->n_attrs + extra) * sizeof *a);
    if (!a) {
        p->oom = true;
        return;
    }
    if (n->n_attrs)
        memcpy(a, n->attrs, n->n_attrs * sizeof *a);
    uint32_t k = n->n_attrs;
    for (uint32_t i = 0; i < t->n_attrs; i++)
        if (!has_attr_named(n, &t->attrs[i]))
            a[k++] = t->attrs[i];
    n->attrs = a;
    n->n_attrs = k;
}

/* ---- the list of active formatting elements ------------------------------- */

static bool
afe_reserve(tp *p)
{
    if (p->n_afe < p->afe_cap)
        return true;
    if (p->afe_cap >= p->max_depth + 16)
        return false; /* capped: hostile input, drop the entry */
    size_t cap = p->afe_cap ? p->afe_cap * 2 : 32;
    wn_node **a = wn_arena_realloc(p->arena, p->afe, p->afe_cap * sizeof *a, cap * sizeof *a);
    if (!a) {
        p->oom = true;
        return false;
    }
    p->afe = a;
    p->afe_cap = cap;
    return true;
}

void
tb_afe_push_marker(tp *p)
{
    if (afe_reserve(p))
        p->afe[p->n_afe++] = NULL;
}

static bool
same_attrs(const wn_node *a, const wn_node *b)
{
    if (a->n_attrs != b->n_attrs)
        return false;
    for (uint32_t i = 0; i < a->n_attrs; i++) {
        const wn_attr *x = &a->attrs[i];
        bool found = false;
        for (uint32_t j = 0; j < b->n_attrs; j++) {
            const wn_attr *y = &b->attrs[j];
            if (x->ns == y->ns && x->name_len == y->name_len && x->value_len == y->value_len &&
                memcmp(x->name, y->name, x->name_len) == 0 &&
                (x->value_len == 0 || memcmp(x->value, y->value, x->value_len) == 0)) {
                found = true;
                break;
            }
        }
        if (!found)
            return false;
    }
    return true;
}

static void
afe_remove_at(tp *p, size_t i)
{
    memmove(&p->afe[i], &p->afe[i + 1], (p->n_afe - i - 1) * sizeof *p->afe);
    p->n_afe--;
}

static ptrdiff_t
afe_index(const tp *p, const wn_node *n)
{
    for (size_t i = p->n_afe; i-- > 0;)
        if (p->afe[i] == n)
            return (ptrdiff_t)i;
    return -1;
}

void
tb_afe_remove(tp *p, const wn_node *n)
{
    ptrdiff_t i = afe_index(p, n);
    if (i >= 0)
        afe_remove_at(p, (size_t)i);
}

/* Push onto the list with the Noah's Ark clause: at most three entries
 * with the same tag, namespace and attributes after the last marker. */
void
tb_afe_push(tp *p, wn_node *n)
{
    size_t same = 0, earliest = 0;
    for (size_t i = p->n_afe; i-- > 0;) {
        wn_node *e = p->afe[i];
        if (!e)
            break;
        if (e->tag == n->tag && e->ns == n->ns && e->name_len == n->name_len &&
            memcmp(e->name, n->name, n->name_len) == 0 && same_attrs(e, n)) {
            same++;
            earliest = i;
        }
    }
    if (same >= 3)
        afe_remove_at(p, earliest);
    if (afe_reserve(p))
        p->afe[p->n_afe++] = n;
}

void
tb_afe_clear_to_marker(tp *p)
{
    while (p->n_afe > 0) {
        wn_node *e = p->afe[--p->n_afe];
        if (!e)
            return;
    }
}

/* Last element with HTML tag `t` after the last marker, or NULL. */
wn_node *
tb_afe_find(const tp *p, const wn_token *t)
{
    for (size_t i = p->n_afe; i-- > 0;) {
        wn_node *e = p->afe[i];
        if (!e)
            return NULL;
        if (node_matches(e, t))
            return e;
    }
    return NULL;
}

void
tb_reconstruct_afe(tp *p)
{
    if (p->n_afe == 0)
        return;
    wn_node *last = p->afe[p->n_afe - 1];
    if (!last || (last->flags & NF_OPEN))
        return;
    size_t i = p->n_afe - 1;
    while (i > 0) {
        wn_node *e = p->afe[i - 1];
        if (!e || (e->flags & NF_OPEN))
            break;
        i--;
    }
    for (; i < p->n_afe; i++) {
        if (p->sp >= p->max_depth)
            return; /* at the depth cap: formatting is not re-opened */
        wn_node *c = clone_element(p, p->afe[i]);
        if (!c)
            return;
        wn_node *parent, *before;
        insert_location(p, NULL, &parent, &before);
        insert_node_at(parent, before, c);
        tb_push_el(p, c, false);
        p->afe[i] = c;
    }
}

/* ---- the adoption agency algorithm (13.2.6.4.7) ---------------------------- */

/* Returns after running; falls back to "any other end tag" itself. */
void
tb_adoption_agency(tp *p, const wn_token *t)
{
    wn_node *cur = current(p);
    if (cur && node_matches(cur, t) && afe_index(p, cur) < 0) {
        tb_pop_el(p);
        return;
    }
    for (int outer = 0; outer < 8; outer++) {
        wn_node *fe = tb_afe_find(p, t);
        if (!fe) {
            tb_any_other_end_tag(p, t);
            return;
        }
        ptrdiff_t fe_idx = stack_index(p, fe);
        if (fe_idx < 0) {
            tb_afe_remove(p, fe);
            return;
        }
        if (!tb_node_in_scope(p, fe, SC_DEFAULT))
            return;
        wn_node *fb = NULL;
        size_t fb_idx = 0;
        for (size_t i = (size_t)fe_idx + 1; i < p->sp; i++) {
            if (tb_is_special(p->stack[i])) {
                fb = p->stack[i];
                fb_idx = i;
                break;
            }
        }
        if (!fb) {
            tb_pop_until_node(p, fe);
            tb_afe_remove(p, fe);
            return;
        }
        wn_node *common = p->stack[fe_idx - 1 >= 0 ? fe_idx - 1 : 0];
        size_t bookmark = (size_t)afe_index(p, fe);
        wn_node *node, *last = fb;
        size_t node_idx = fb_idx;
        for (int inner = 1;; inner++) {
            node_idx--;
            node = p->stack[node_idx];
            if (node == fe)
                break;
            ptrdiff_t ai = afe_index(p, node);
            if (inner > 3 && ai >= 0) {
                afe_remove_at(p, (size_t)ai);
                if ((size_t)ai < bookmark)
                    bookmark--;
                ai = -1;
            }
            if (ai < 0) {
                tb_stack_remove(p, node);
                continue;
            }
            wn_node *c = clone_element(p, node);
            if (!c)
                return;
            p->afe[ai] = c;
            count_open(p, node, -1);
            p->stack[node_idx] = c;
            count_open(p, c, 1);
            node = c;
            if (last == fb)
                bookmark = (size_t)ai + 1;
            wn_node_detach(last);
            wn_node_append(node, last);
            last = node;
        }
        wn_node_detach(last);
        wn_node *parent, *before;
        insert_location(p, common, &parent, &before);
        insert_node_at(parent, before, last);
        wn_node *ne = clone_element(p, fe);
        if (!ne)
            return;
        wn_node_move_children(fb, ne);
        wn_node_append(fb, ne);
        ptrdiff_t fi = afe_index(p, fe);
        if (fi >= 0) {
            afe_remove_at(p, (size_t)fi);
            if ((size_t)fi < bookmark)
                bookmark--;
        }
        if (bookmark > p->n_afe)
            bookmark = p->n_afe;
        if (afe_reserve(p)) {
            memmove(&p->afe[bookmark + 1], &p->afe[bookmark],
                    (p->n_afe - bookmark) * sizeof *p->afe);
            p->afe[bookmark] = ne;
            p->n_afe++;
        }
        tb_stack_remove(p, fe);
        ptrdiff_t fbi = stack_index(p, fb);
        stack_insert_at(p, fbi >= 0 ? (size_t)fbi + 1 : p->sp, ne);
    }
}

void
tb_any_other_end_tag(tp *p, const wn_token *t)
{
    for (size_t i = p->sp; i-- > 0;) {
        wn_node *n = p->stack[i];
        if (node_matches(n, t)) {
            tb_implied_end_tags(p, t->tag == WN_TAG_UNKNOWN ? WN_TAG__COUNT : t->tag, false);
            tb_pop_until_node(p, n);
            return;
        }
        if (tb_is_special(n))
            return;
    }
}

static void
parser_init(tp *p, wn_arena *arena, wn_dom *dom, const wn_parse_opts *opts)
{
    memset(p, 0, sizeof *p);
    p->arena = arena;
    p->dom = dom;
    p->max_depth = opts && opts->max_depth ? opts->max_depth : WN_DEFAULT_MAX_DEPTH;
    if (p->max_depth < 8)
        p->max_depth = 8;
    dom->max_depth = p->max_depth;
    dom->max_attrs = opts && opts->max_attrs ? opts->max_attrs : WN_DEFAULT_MAX_ATTRS;
    p->scripting = opts && opts->scripting;
    p->lenient = opts && opts->lenient;
    p->frameset_ok = true;
    p->mode = M_INITIAL;
}

static wn_status
run(tp *p)
{
    wn_token t;
    for (;;) {
        if (!wn_tokenizer_next(p->tz, &t)) {
            p->oom = true;
            break;
        }
        tb_process_token(p, &t);
        if (p->oom || t.type == WN_TOK_EOF)
            break;
        wn_node *acn = adjusted_current(p);
        wn_tokenizer_set_cdata_allowed(p->tz, acn && acn->ns != WN_NS_HTML);
    }
    tb_stop_parsing(p);
    return p->oom ? WN_ERR_NOMEM : WN_OK;
}

wn_status
wn_tree_parse(wn_arena *arena, const char *utf8, size_t len, const wn_parse_opts *opts,
              wn_dom **out)
{
    if (!arena || !out || (!utf8 && len))
        return WN_ERR_INVALID;
    *out = NULL;
    wn_dom *dom = wn_dom_new(arena);
    if (!dom)
        return WN_ERR_NOMEM;
    tp p;
    parser_init(&p, arena, dom, opts);
    p.tz = wn_tokenizer_new(arena, utf8 ? utf8 : "", len, dom->max_attrs);
    if (!p.tz)
        return WN_ERR_NOMEM;
    wn_status st = run(&p);
    if (st == WN_OK)
        *out = dom;
    return st;
}

wn_status
wn_tree_parse_fragment(wn_arena *arena, const char *utf8, size_t len, const char *context,
                       wn_ns context_ns, const wn_parse_opts *opts, wn_dom **out)
{
    if (!arena || !out || !context || (!utf8 && len))
        return WN_ERR_INVALID;
    *out = NULL;
    wn_dom *dom = wn_dom_new(arena);
    if (!dom)
        return WN_ERR_NOMEM;
    tp p;
    parser_init(&p, arena, dom, opts);
    p.tz = wn_tokenizer_new(arena, utf8 ? utf8 : "", len, dom->max_attrs);
    if (!p.tz)
        return WN_ERR_NOMEM;
    size_t clen = strlen(context);
    char *lower = wn_arena_strndup(arena, context, clen);
    if (!lower)
        return WN_ERR_NOMEM;
    for (size_t i = 0; i < clen; i++)
        if (lower[i] >= 'A' && lower[i] <= 'Z')
            lower[i] = (char)(lower[i] + 32);
    wn_tag ctag = wn_tag_lookup(lower, clen);
    const char *cname = lower;
    if (context_ns == WN_NS_SVG) {
        const char *adj = wn__svg_tag_adjust(lower, clen);
        if (adj)
            cname = adj;
    }
    p.context = wn_dom_element(dom, ctag, context_ns, cname, clen);
    if (!p.context)
        return WN_ERR_NOMEM;
    if (context_ns == WN_NS_HTML) {
        switch (ctag) {
        case WN_TAG_TITLE: case WN_TAG_TEXTAREA:
            wn_tokenizer_set_state(p.tz, WN_TOKSTATE_RCDATA);
            break;
        case WN_TAG_STYLE: case WN_TAG_XMP: case WN_TAG_IFRAME: case WN_TAG_NOEMBED:
        case WN_TAG_NOFRAMES:
            wn_tokenizer_set_state(p.tz, WN_TOKSTATE_RAWTEXT);
            break;
        case WN_TAG_SCRIPT:
            wn_tokenizer_set_state(p.tz, WN_TOKSTATE_SCRIPT_DATA);
            break;
        case WN_TAG_NOSCRIPT:
            if (p.scripting)
                wn_tokenizer_set_state(p.tz, WN_TOKSTATE_RAWTEXT);
            break;
        case WN_TAG_PLAINTEXT:
            wn_tokenizer_set_state(p.tz, WN_TOKSTATE_PLAINTEXT);
            break;
        default:
            break;
        }
    }
    wn_node *html = wn_dom_element(dom, WN_TAG_HTML, WN_NS_HTML, NULL, 0);
    if (!html)
        return WN_ERR_NOMEM;
    wn_node_append(dom->root, html);
    tb_push_el(&p, html, true);
    if (context_ns == WN_NS_HTML && ctag == WN_TAG_TEMPLATE)
        tb_tmodes_push(&p, M_IN_TEMPLATE);
    tb_reset_mode(&p);
    wn_tokenizer_set_cdata_allowed(p.tz, context_ns != WN_NS_HTML);
    wn_status st = run(&p);
    if (st != WN_OK)
        return st;
    wn_node_detach(html);
    wn_node_move_children(html, dom->root);
    *out = dom;
    return WN_OK;
}

