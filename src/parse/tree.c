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
 */
#include "tree.h"

#include <string.h>

#include "tokenizer.h"
#include "tree_tables.h"

/* Parser-private node flag: the element is on the stack of open elements.
 * Cleared again when the element is popped, so no flag survives parsing. */
#define NF_OPEN 0x00000080u

typedef enum mode {
    M_INITIAL,
    M_BEFORE_HTML,
    M_BEFORE_HEAD,
    M_IN_HEAD,
    M_IN_HEAD_NOSCRIPT,
    M_AFTER_HEAD,
    M_IN_BODY,
    M_TEXT,
    M_IN_TABLE,
    M_IN_TABLE_TEXT,
    M_IN_CAPTION,
    M_IN_COLUMN_GROUP,
    M_IN_TABLE_BODY,
    M_IN_ROW,
    M_IN_CELL,
    M_IN_SELECT,
    M_IN_SELECT_IN_TABLE,
    M_IN_TEMPLATE,
    M_AFTER_BODY,
    M_IN_FRAMESET,
    M_AFTER_FRAMESET,
    M_AFTER_AFTER_BODY,
    M_AFTER_AFTER_FRAMESET
} mode;

typedef struct tp {
    wn_dom *dom;
    wn_arena *arena;
    wn_tokenizer *tz;
    mode mode;
    mode orig_mode;
    /* stack of open elements */
    wn_node **stack;
    size_t sp, stack_cap, max_depth;
    uint32_t open_count[WN_TAG__COUNT]; /* open HTML elements per tag */
    /* list of active formatting elements; NULL entries are markers */
    wn_node **afe;
    size_t n_afe, afe_cap;
    /* stack of template insertion modes */
    mode *tmodes;
    size_t n_tmodes, tmodes_cap;
    wn_node *head;
    wn_node *form;
    wn_node *context; /* fragment parsing context element, else NULL */
    /* pending table character tokens */
    char *pending;
    size_t pending_len, pending_cap;
    bool pending_nonws;
    bool frameset_ok;
    bool foster;
    bool scripting;
    bool ignore_lf;
    bool pushed; /* whether the last inserted element went onto the stack */
    bool oom;
} tp;

/* ---- small predicates ------------------------------------------------ */

static inline bool
is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static size_t
ws_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && is_ws((unsigned char)s[i]))
        i++;
    return i;
}

static bool
all_ws(const char *s, size_t n)
{
    return ws_prefix(s, n) == n;
}

static inline bool
is_h(const wn_node *n, wn_tag t)
{
    return n && n->ns == WN_NS_HTML && n->tag == t;
}

static inline bool
is_heading_tag(wn_tag t)
{
    return t == WN_TAG_H1 || t == WN_TAG_H2 || t == WN_TAG_H3 || t == WN_TAG_H4 ||
           t == WN_TAG_H5 || t == WN_TAG_H6;
}

static bool
ieq_lit(const char *a, size_t alen, const char *lit)
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
static bool
is_special(const wn_node *n)
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

static bool
is_mathml_text_ip(const wn_node *n)
{
    return n->ns == WN_NS_MATHML &&
           (n->tag == WN_TAG_MI || n->tag == WN_TAG_MO || n->tag == WN_TAG_MN ||
            n->tag == WN_TAG_MS || n->tag == WN_TAG_MTEXT);
}

static bool
is_html_ip(const wn_node *n)
{
    if (n->ns == WN_NS_SVG)
        return n->tag == WN_TAG_FOREIGNOBJECT || n->tag == WN_TAG_DESC || n->tag == WN_TAG_TITLE;
    if (n->ns == WN_NS_MATHML && n->tag == WN_TAG_ANNOTATION_XML) {
        for (uint32_t i = 0; i < n->n_attrs; i++) {
            const wn_attr *a = &n->attrs[i];
            if (a->ns == WN_ATTR_NS_NONE && a->name_len == 8 && memcmp(a->name, "encoding", 8) == 0)
                return a->value && (ieq_lit(a->value, a->value_len, "text/html") ||
                                    ieq_lit(a->value, a->value_len, "application/xhtml+xml"));
        }
    }
    return false;
}

/* ---- the stack of open elements ---------------------------------------- */

static inline wn_node *
current(const tp *p)
{
    return p->sp ? p->stack[p->sp - 1] : NULL;
}

static inline wn_node *
adjusted_current(const tp *p)
{
    if (p->context && p->sp == 1)
        return p->context;
    return current(p);
}

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

static inline void
count_open(tp *p, wn_node *n, int delta)
{
    if (n->ns == WN_NS_HTML)
        p->open_count[n->tag] = (uint32_t)((int)p->open_count[n->tag] + delta);
    if (delta > 0)
        n->flags |= NF_OPEN;
    else
        n->flags &= ~NF_OPEN;
}

/* Push unless the depth cap is reached; `force` allows a leaf that is popped
 * again at once or by its text (raw text elements, html/head/body). */
static bool
push_el(tp *p, wn_node *n, bool force)
{
    if (p->sp >= p->max_depth && !force)
        return false;
    if (!stack_reserve(p, p->sp + 1))
        return false;
    p->stack[p->sp++] = n;
    count_open(p, n, 1);
    return true;
}

static void
pop_el(tp *p)
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

static void
stack_remove(tp *p, const wn_node *n)
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
static void
pop_until_tag(tp *p, wn_tag t)
{
    if (!p->open_count[t])
        return;
    while (p->sp > 0) {
        wn_node *n = current(p);
        pop_el(p);
        if (is_h(n, t))
            return;
    }
}

static void
pop_until_node(tp *p, const wn_node *target)
{
    if (!(target->flags & NF_OPEN))
        return;
    while (p->sp > 0) {
        wn_node *n = current(p);
        pop_el(p);
        if (n == target)
            return;
    }
}

static bool
template_open(const tp *p)
{
    return p->open_count[WN_TAG_TEMPLATE] != 0;
}

/* Scope kinds (13.2.4.2). */
typedef enum scope { SC_DEFAULT, SC_LIST_ITEM, SC_BUTTON, SC_TABLE, SC_SELECT } scope;

static bool
is_scope_boundary(const wn_node *n, scope s)
{
    if (s == SC_SELECT)
        return !(is_h(n, WN_TAG_OPTGROUP) || is_h(n, WN_TAG_OPTION));
    if (n->ns == WN_NS_HTML) {
        switch (n->tag) {
        case WN_TAG_HTML: case WN_TAG_TABLE: case WN_TAG_TEMPLATE:
            return true;
        case WN_TAG_APPLET: case WN_TAG_CAPTION: case WN_TAG_TD: case WN_TAG_TH:
        case WN_TAG_MARQUEE: case WN_TAG_OBJECT:
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
        return is_mathml_text_ip(n) || n->tag == WN_TAG_ANNOTATION_XML;
    return n->tag == WN_TAG_FOREIGNOBJECT || n->tag == WN_TAG_DESC || n->tag == WN_TAG_TITLE;
}

static bool
in_scope(const tp *p, wn_tag t, scope s)
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

static bool
node_in_scope(const tp *p, const wn_node *target, scope s)
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

static bool
heading_in_scope(const tp *p)
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
static void
implied_end_tags(tp *p, wn_tag except, bool thorough)
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
        pop_el(p);
    }
}

static void
close_p(tp *p)
{
    implied_end_tags(p, WN_TAG_P, false);
    pop_until_tag(p, WN_TAG_P);
}

static void
close_p_if_in_button_scope(tp *p)
{
    if (in_scope(p, WN_TAG_P, SC_BUTTON))
        close_p(p);
}

/* ---- node creation and insertion ---------------------------------------- */

static wn_node *
create_element(tp *p, const wn_token *t, wn_ns ns)
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
static wn_node *
insert_element(tp *p, const wn_token *t, wn_ns ns, bool force)
{
    wn_node *n = create_element(p, t, ns);
    p->pushed = false;
    if (!n)
        return NULL;
    wn_node *parent, *before;
    insert_location(p, NULL, &parent, &before);
    insert_node_at(parent, before, n);
    p->pushed = push_el(p, n, force);
    return n;
}

static wn_node *
insert_html(tp *p, const wn_token *t)
{
    return insert_element(p, t, WN_NS_HTML, false);
}

/* Insert an element with no attributes for tag `tag` (implied elements). */
static wn_node *
insert_implied(tp *p, wn_tag tag, bool force)
{
    wn_token t;
    memset(&t, 0, sizeof t);
    t.type = WN_TOK_START_TAG;
    t.tag = tag;
    t.name = wn_tag_name(tag);
    t.name_len = wn_tag_name_len(tag);
    return insert_element(p, &t, WN_NS_HTML, force);
}

/* Insert a void element: attached and not kept open. */
static void
insert_void(tp *p, const wn_token *t)
{
    wn_node *n = create_element(p, t, WN_NS_HTML);
    if (!n)
        return;
    wn_node *parent, *before;
    insert_location(p, NULL, &parent, &before);
    insert_node_at(parent, before, n);
}

static void
insert_text(tp *p, const char *data, size_t len)
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

static void
insert_comment(tp *p, const wn_token *t, wn_node *parent)
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
static void
merge_attrs(tp *p, wn_node *n, const wn_token *t)
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

static void
afe_push_marker(tp *p)
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

static void
afe_remove(tp *p, const wn_node *n)
{
    ptrdiff_t i = afe_index(p, n);
    if (i >= 0)
        afe_remove_at(p, (size_t)i);
}

/* Push onto the list with the Noah's Ark clause: at most three entries
 * with the same tag, namespace and attributes after the last marker. */
static void
afe_push(tp *p, wn_node *n)
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

static void
afe_clear_to_marker(tp *p)
{
    while (p->n_afe > 0) {
        wn_node *e = p->afe[--p->n_afe];
        if (!e)
            return;
    }
}

/* Last element with HTML tag `t` after the last marker, or NULL. */
static wn_node *
afe_find(const tp *p, const wn_token *t)
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

static void
reconstruct_afe(tp *p)
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
        push_el(p, c, false);
        p->afe[i] = c;
    }
}

/* ---- the adoption agency algorithm (13.2.6.4.7) ---------------------------- */

static void any_other_end_tag(tp *p, const wn_token *t);

/* Returns after running; falls back to "any other end tag" itself. */
static void
adoption_agency(tp *p, const wn_token *t)
{
    wn_node *cur = current(p);
    if (cur && node_matches(cur, t) && afe_index(p, cur) < 0) {
        pop_el(p);
        return;
    }
    for (int outer = 0; outer < 8; outer++) {
        wn_node *fe = afe_find(p, t);
        if (!fe) {
            any_other_end_tag(p, t);
            return;
        }
        ptrdiff_t fe_idx = stack_index(p, fe);
        if (fe_idx < 0) {
            afe_remove(p, fe);
            return;
        }
        if (!node_in_scope(p, fe, SC_DEFAULT))
            return;
        wn_node *fb = NULL;
        size_t fb_idx = 0;
        for (size_t i = (size_t)fe_idx + 1; i < p->sp; i++) {
            if (is_special(p->stack[i])) {
                fb = p->stack[i];
                fb_idx = i;
                break;
            }
        }
        if (!fb) {
            pop_until_node(p, fe);
            afe_remove(p, fe);
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
                stack_remove(p, node);
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
        stack_remove(p, fe);
        ptrdiff_t fbi = stack_index(p, fb);
        stack_insert_at(p, fbi >= 0 ? (size_t)fbi + 1 : p->sp, ne);
    }
}

static void
any_other_end_tag(tp *p, const wn_token *t)
{
    for (size_t i = p->sp; i-- > 0;) {
        wn_node *n = p->stack[i];
        if (node_matches(n, t)) {
            implied_end_tags(p, t->tag == WN_TAG_UNKNOWN ? WN_TAG__COUNT : t->tag, false);
            pop_until_node(p, n);
            return;
        }
        if (is_special(n))
            return;
    }
}

/* ---- shared steps --------------------------------------------------------- */

static void
switch_tokenizer(tp *p, wn_tok_state st)
{
    wn_tokenizer_set_state(p->tz, st);
}

/* The generic raw text and RCDATA element parsing algorithms. */
static void
generic_text(tp *p, const wn_token *t, wn_tok_state st)
{
    insert_element(p, t, WN_NS_HTML, true);
    if (!p->pushed)
        return;
    switch_tokenizer(p, st);
    p->orig_mode = p->mode;
    p->mode = M_TEXT;
}

static void
reset_mode(tp *p)
{
    for (size_t i = p->sp; i-- > 0;) {
        wn_node *n = p->stack[i];
        bool last = i == 0;
        if (last && p->context)
            n = p->context;
        if (n->ns == WN_NS_HTML) {
            switch (n->tag) {
            case WN_TAG_SELECT:
                if (!last) {
                    for (size_t j = i; j-- > 0;) {
                        wn_node *a = p->stack[j];
                        if (is_h(a, WN_TAG_TEMPLATE))
                            break;
                        if (is_h(a, WN_TAG_TABLE)) {
                            p->mode = M_IN_SELECT_IN_TABLE;
                            return;
                        }
                    }
                }
                p->mode = M_IN_SELECT;
                return;
            case WN_TAG_TD: case WN_TAG_TH:
                if (!last) {
                    p->mode = M_IN_CELL;
                    return;
                }
                break;
            case WN_TAG_TR:
                p->mode = M_IN_ROW;
                return;
            case WN_TAG_TBODY: case WN_TAG_THEAD: case WN_TAG_TFOOT:
                p->mode = M_IN_TABLE_BODY;
                return;
            case WN_TAG_CAPTION:
                p->mode = M_IN_CAPTION;
                return;
            case WN_TAG_COLGROUP:
                p->mode = M_IN_COLUMN_GROUP;
                return;
            case WN_TAG_TABLE:
                p->mode = M_IN_TABLE;
                return;
            case WN_TAG_TEMPLATE:
                p->mode = p->n_tmodes ? p->tmodes[p->n_tmodes - 1] : M_IN_BODY;
                return;
            case WN_TAG_HEAD:
                if (!last) {
                    p->mode = M_IN_HEAD;
                    return;
                }
                break;
            case WN_TAG_BODY:
                p->mode = M_IN_BODY;
                return;
            case WN_TAG_FRAMESET:
                p->mode = M_IN_FRAMESET;
                return;
            case WN_TAG_HTML:
                p->mode = p->head ? M_AFTER_HEAD : M_BEFORE_HEAD;
                return;
            default:
                break;
            }
        }
        if (last) {
            p->mode = M_IN_BODY;
            return;
        }
    }
    p->mode = M_IN_BODY;
}

static void
tmodes_push(tp *p, mode m)
{
    if (p->n_tmodes == p->tmodes_cap) {
        size_t cap = p->tmodes_cap ? p->tmodes_cap * 2 : 16;
        mode *a = wn_arena_realloc(p->arena, p->tmodes, p->tmodes_cap * sizeof *a, cap * sizeof *a);
        if (!a) {
            p->oom = true;
            return;
        }
        p->tmodes = a;
        p->tmodes_cap = cap;
    }
    p->tmodes[p->n_tmodes++] = m;
}

static void
tmodes_pop(tp *p)
{
    if (p->n_tmodes)
        p->n_tmodes--;
}

static void
stop_parsing(tp *p)
{
    while (p->sp > 0)
        pop_el(p);
}

/* Characters in body: NULs dropped, formatting reconstructed. */
static void
body_chars(tp *p, const char *s, size_t n)
{
    while (n > 0) {
        const char *z = memchr(s, '\0', n);
        size_t seg = z ? (size_t)(z - s) : n;
        if (seg) {
            reconstruct_afe(p);
            insert_text(p, s, seg);
            if (p->frameset_ok && !all_ws(s, seg))
                p->frameset_ok = false;
        }
        if (!z)
            return;
        s += seg + 1;
        n -= seg + 1;
    }
}

/* Insert only the whitespace characters of a run (frameset modes). */
static void
insert_ws_only(tp *p, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && is_ws((unsigned char)s[j]))
            j++;
        insert_text(p, s + i, j - i);
        while (j < n && !is_ws((unsigned char)s[j]))
            j++;
        i = j;
    }
}

/* Split leading whitespace off a character token: the whitespace goes to
 * `ws_mode`'s handling by the caller; returns true when non-whitespace
 * remains in *t. */
static bool
split_ws(wn_token *t, const char **ws, size_t *ws_len)
{
    size_t k = ws_prefix(t->data, t->len);
    *ws = t->data;
    *ws_len = k;
    t->data += k;
    t->len -= k;
    return t->len > 0;
}

static bool is_type_hidden(const wn_token *t);

/* ---- insertion modes ------------------------------------------------------ */

static bool m_in_body(tp *p, wn_token *t);
static bool m_in_head(tp *p, wn_token *t);
static bool m_in_table(tp *p, wn_token *t);
static bool m_in_select(tp *p, wn_token *t);
static bool m_in_template(tp *p, wn_token *t);

/* 13.2.6.4.1 "initial" */
static bool
m_initial(tp *p, wn_token *t)
{
    if (t->type == WN_TOK_CHARACTER) {
        const char *ws;
        size_t wl;
        if (!split_ws(t, &ws, &wl))
            return false;
    } else if (t->type == WN_TOK_COMMENT) {
        insert_comment(p, t, p->dom->root);
        return false;
    } else if (t->type == WN_TOK_DOCTYPE) {
        wn_node *d = wn_dom_doctype(p->dom, t->name, t->name_len, t->public_id, t->public_len,
                                    t->system_id, t->system_len);
        if (!d) {
            p->oom = true;
            return false;
        }
        wn_node_append(p->dom->root, d);
        p->dom->quirks = (uint8_t)wn__doctype_quirks(t->name, t->name_len, t->public_id,
                                                     t->public_len, t->system_id, t->system_len,
                                                     t->force_quirks);
        p->mode = M_BEFORE_HTML;
        return false;
    }
    p->dom->quirks = WN_QUIRKS;
    p->mode = M_BEFORE_HTML;
    return true;
}

/* 13.2.6.4.2 "before html" */
static bool
m_before_html(tp *p, wn_token *t)
{
    switch (t->type) {
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_COMMENT:
        insert_comment(p, t, p->dom->root);
        return false;
    case WN_TOK_CHARACTER: {
        const char *ws;
        size_t wl;
        if (!split_ws(t, &ws, &wl))
            return false;
        break;
    }
    case WN_TOK_START_TAG:
        if (t->tag == WN_TAG_HTML) {
            wn_node *n = create_element(p, t, WN_NS_HTML);
            if (!n)
                return false;
            wn_node_append(p->dom->root, n);
            push_el(p, n, true);
            p->mode = M_BEFORE_HEAD;
            return false;
        }
        break;
    case WN_TOK_END_TAG:
        if (t->tag != WN_TAG_HEAD && t->tag != WN_TAG_BODY && t->tag != WN_TAG_HTML &&
            t->tag != WN_TAG_BR)
            return false;
        break;
    default:
        break;
    }
    wn_node *n = wn_dom_element(p->dom, WN_TAG_HTML, WN_NS_HTML, NULL, 0);
    if (!n) {
        p->oom = true;
        return false;
    }
    wn_node_append(p->dom->root, n);
    push_el(p, n, true);
    p->mode = M_BEFORE_HEAD;
    return true;
}

/* 13.2.6.4.3 "before head" */
static bool
m_before_head(tp *p, wn_token *t)
{
    switch (t->type) {
    case WN_TOK_CHARACTER: {
        const char *ws;
        size_t wl;
        if (!split_ws(t, &ws, &wl))
            return false;
        break;
    }
    case WN_TOK_COMMENT:
        insert_comment(p, t, NULL);
        return false;
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_START_TAG:
        if (t->tag == WN_TAG_HTML)
            return m_in_body(p, t);
        if (t->tag == WN_TAG_HEAD) {
            p->head = insert_element(p, t, WN_NS_HTML, true);
            p->mode = M_IN_HEAD;
            return false;
        }
        break;
    case WN_TOK_END_TAG:
        if (t->tag != WN_TAG_HEAD && t->tag != WN_TAG_BODY && t->tag != WN_TAG_HTML &&
            t->tag != WN_TAG_BR)
            return false;
        break;
    default:
        break;
    }
    p->head = insert_implied(p, WN_TAG_HEAD, true);
    p->mode = M_IN_HEAD;
    return true;
}

/* 13.2.6.4.4 "in head" */
static bool
m_in_head(tp *p, wn_token *t)
{
    switch (t->type) {
    case WN_TOK_CHARACTER: {
        const char *ws;
        size_t wl;
        bool rest = split_ws(t, &ws, &wl);
        insert_text(p, ws, wl);
        if (!rest)
            return false;
        break;
    }
    case WN_TOK_COMMENT:
        insert_comment(p, t, NULL);
        return false;
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_START_TAG:
        switch (t->tag) {
        case WN_TAG_HTML:
            return m_in_body(p, t);
        case WN_TAG_BASE: case WN_TAG_BASEFONT: case WN_TAG_BGSOUND: case WN_TAG_LINK:
        case WN_TAG_META:
            insert_void(p, t);
            return false;
        case WN_TAG_TITLE:
            generic_text(p, t, WN_TOKSTATE_RCDATA);
            return false;
        case WN_TAG_NOSCRIPT:
            if (p->scripting) {
                generic_text(p, t, WN_TOKSTATE_RAWTEXT);
                return false;
            }
            insert_html(p, t);
            if (p->pushed)
                p->mode = M_IN_HEAD_NOSCRIPT;
            return false;
        case WN_TAG_NOFRAMES: case WN_TAG_STYLE:
            generic_text(p, t, WN_TOKSTATE_RAWTEXT);
            return false;
        case WN_TAG_SCRIPT:
            generic_text(p, t, WN_TOKSTATE_SCRIPT_DATA);
            return false;
        case WN_TAG_TEMPLATE:
            insert_html(p, t);
            if (!p->pushed)
                return false;
            afe_push_marker(p);
            p->frameset_ok = false;
            p->mode = M_IN_TEMPLATE;
            tmodes_push(p, M_IN_TEMPLATE);
            return false;
        case WN_TAG_HEAD:
            return false;
        default:
            break;
        }
        break;
    case WN_TOK_END_TAG:
        switch (t->tag) {
        case WN_TAG_HEAD:
            pop_el(p);
            p->mode = M_AFTER_HEAD;
            return false;
        case WN_TAG_BODY: case WN_TAG_HTML: case WN_TAG_BR:
            break;
        case WN_TAG_TEMPLATE:
            if (!template_open(p))
                return false;
            implied_end_tags(p, WN_TAG_UNKNOWN, true);
            pop_until_tag(p, WN_TAG_TEMPLATE);
            afe_clear_to_marker(p);
            tmodes_pop(p);
            reset_mode(p);
            return false;
        default:
            return false;
        }
        break;
    default:
        break;
    }
    /* anything else: the head is complete */
    if (current(p) && is_h(current(p), WN_TAG_HEAD))
        pop_el(p);
    p->mode = M_AFTER_HEAD;
    return true;
}

/* 13.2.6.4.5 "in head noscript" */
static bool
m_in_head_noscript(tp *p, wn_token *t)
{
    switch (t->type) {
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_CHARACTER: {
        const char *ws;
        size_t wl;
        bool rest = split_ws(t, &ws, &wl);
        insert_text(p, ws, wl);
        if (!rest)
            return false;
        break;
    }
    case WN_TOK_COMMENT:
        return m_in_head(p, t);
    case WN_TOK_START_TAG:
        switch (t->tag) {
        case WN_TAG_HTML:
            return m_in_body(p, t);
        case WN_TAG_BASEFONT: case WN_TAG_BGSOUND: case WN_TAG_LINK: case WN_TAG_META:
        case WN_TAG_NOFRAMES: case WN_TAG_STYLE:
            return m_in_head(p, t);
        case WN_TAG_HEAD: case WN_TAG_NOSCRIPT:
            return false;
        default:
            break;
        }
        break;
    case WN_TOK_END_TAG:
        if (t->tag == WN_TAG_NOSCRIPT) {
            pop_el(p);
            p->mode = M_IN_HEAD;
            return false;
        }
        if (t->tag != WN_TAG_BR)
            return false;
        break;
    default:
        break;
    }
    pop_el(p);
    p->mode = M_IN_HEAD;
    return true;
}

/* 13.2.6.4.6 "after head" */
static bool
m_after_head(tp *p, wn_token *t)
{
    switch (t->type) {
    case WN_TOK_CHARACTER: {
        const char *ws;
        size_t wl;
        bool rest = split_ws(t, &ws, &wl);
        insert_text(p, ws, wl);
        if (!rest)
            return false;
        break;
    }
    case WN_TOK_COMMENT:
        insert_comment(p, t, NULL);
        return false;
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_START_TAG:
        switch (t->tag) {
        case WN_TAG_HTML:
            return m_in_body(p, t);
        case WN_TAG_BODY:
            insert_element(p, t, WN_NS_HTML, true);
            p->frameset_ok = false;
            p->mode = M_IN_BODY;
            return false;
        case WN_TAG_FRAMESET:
            insert_element(p, t, WN_NS_HTML, true);
            p->mode = M_IN_FRAMESET;
            return false;
        case WN_TAG_BASE: case WN_TAG_BASEFONT: case WN_TAG_BGSOUND: case WN_TAG_LINK:
        case WN_TAG_META: case WN_TAG_NOFRAMES: case WN_TAG_SCRIPT: case WN_TAG_STYLE:
        case WN_TAG_TEMPLATE: case WN_TAG_TITLE: {
            if (!p->head)
                break;
            wn_node *head = p->head;
            push_el(p, head, true);
            bool r = m_in_head(p, t);
            stack_remove(p, head);
            return r;
        }
        case WN_TAG_HEAD:
            return false;
        default:
            break;
        }
        break;
    case WN_TOK_END_TAG:
        if (t->tag == WN_TAG_TEMPLATE)
            return m_in_head(p, t);
        if (t->tag != WN_TAG_BODY && t->tag != WN_TAG_HTML && t->tag != WN_TAG_BR)
            return false;
        break;
    default:
        break;
    }
    insert_implied(p, WN_TAG_BODY, true);
    p->mode = M_IN_BODY;
    return true;
}

static bool
is_type_hidden(const wn_token *t)
{
    for (uint32_t i = 0; i < t->n_attrs; i++) {
        const wn_attr *a = &t->attrs[i];
        if (a->ns == WN_ATTR_NS_NONE && a->name_len == 4 && memcmp(a->name, "type", 4) == 0)
            return a->value && ieq_lit(a->value, a->value_len, "hidden");
    }
    return false;
}

/* Insert a foreign element (<svg>/<math> from HTML content, or any start
 * tag in foreign content) after the attribute fix-ups. */
static void
insert_foreign(tp *p, wn_token *t, wn_ns ns)
{
    if (t->n_attrs) {
        /* copy: the token's array may be shared with nothing, but keep the
         * tokenizer's memory read-only */
        wn_attr *a = wn_arena_alloc(p->arena, t->n_attrs * sizeof *a);
        if (!a) {
            p->oom = true;
            return;
        }
        memcpy(a, t->attrs, t->n_attrs * sizeof *a);
        wn__attrs_adjust_foreign(a, t->n_attrs, ns);
        t->attrs = a;
    }
    insert_element(p, t, ns, false);
    if (t->self_closing && p->pushed)
        pop_el(p);
}

static bool
body_start_tag(tp *p, wn_token *t)
{
    switch (t->tag) {
    case WN_TAG_HTML:
        if (!template_open(p) && p->sp)
            merge_attrs(p, p->stack[0], t);
        return false;
    case WN_TAG_BASE: case WN_TAG_BASEFONT: case WN_TAG_BGSOUND: case WN_TAG_LINK:
    case WN_TAG_META: case WN_TAG_NOFRAMES: case WN_TAG_SCRIPT: case WN_TAG_STYLE:
    case WN_TAG_TEMPLATE: case WN_TAG_TITLE:
        return m_in_head(p, t);
    case WN_TAG_BODY:
        if (p->sp < 2 || !is_h(p->stack[1], WN_TAG_BODY) || template_open(p))
            return false;
        p->frameset_ok = false;
        merge_attrs(p, p->stack[1], t);
        return false;
    case WN_TAG_FRAMESET:
        if (p->sp < 2 || !is_h(p->stack[1], WN_TAG_BODY) || !p->frameset_ok)
            return false;
        wn_node_detach(p->stack[1]);
        while (p->sp > 1)
            pop_el(p);
        insert_element(p, t, WN_NS_HTML, true);
        p->mode = M_IN_FRAMESET;
        return false;
    case WN_TAG_ADDRESS: case WN_TAG_ARTICLE: case WN_TAG_ASIDE: case WN_TAG_BLOCKQUOTE:
    case WN_TAG_CENTER: case WN_TAG_DETAILS: case WN_TAG_DIALOG: case WN_TAG_DIR:
    case WN_TAG_DIV: case WN_TAG_DL: case WN_TAG_FIELDSET: case WN_TAG_FIGCAPTION:
    case WN_TAG_FIGURE: case WN_TAG_FOOTER: case WN_TAG_HEADER: case WN_TAG_HGROUP:
    case WN_TAG_MAIN: case WN_TAG_MENU: case WN_TAG_NAV: case WN_TAG_OL: case WN_TAG_P:
    case WN_TAG_SEARCH: case WN_TAG_SECTION: case WN_TAG_SUMMARY: case WN_TAG_UL:
        close_p_if_in_button_scope(p);
        insert_html(p, t);
        return false;
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
    case WN_TAG_H6: {
        close_p_if_in_button_scope(p);
        wn_node *c = current(p);
        if (c && c->ns == WN_NS_HTML && is_heading_tag((wn_tag)c->tag))
            pop_el(p);
        insert_html(p, t);
        return false;
    }
    case WN_TAG_PRE: case WN_TAG_LISTING:
        close_p_if_in_button_scope(p);
        insert_html(p, t);
        p->ignore_lf = true;
        p->frameset_ok = false;
        return false;
    case WN_TAG_FORM:
        if (p->form && !template_open(p))
            return false;
        close_p_if_in_button_scope(p);
        {
            wn_node *f = insert_html(p, t);
            if (!template_open(p) && p->pushed)
                p->form = f;
        }
        return false;
    case WN_TAG_LI: case WN_TAG_DD: case WN_TAG_DT:
        p->frameset_ok = false;
        for (size_t i = p->sp; i-- > 0;) {
            wn_node *n = p->stack[i];
            wn_tag hit = WN_TAG_UNKNOWN;
            if (t->tag == WN_TAG_LI && is_h(n, WN_TAG_LI))
                hit = WN_TAG_LI;
            else if (t->tag != WN_TAG_LI && (is_h(n, WN_TAG_DD) || is_h(n, WN_TAG_DT)))
                hit = (wn_tag)n->tag;
            if (hit != WN_TAG_UNKNOWN) {
                implied_end_tags(p, hit, false);
                pop_until_tag(p, hit);
                break;
            }
            if (is_special(n) && !is_h(n, WN_TAG_ADDRESS) && !is_h(n, WN_TAG_DIV) &&
                !is_h(n, WN_TAG_P))
                break;
        }
        close_p_if_in_button_scope(p);
        insert_html(p, t);
        return false;
    case WN_TAG_PLAINTEXT:
        close_p_if_in_button_scope(p);
        insert_element(p, t, WN_NS_HTML, true);
        switch_tokenizer(p, WN_TOKSTATE_PLAINTEXT);
        return false;
    case WN_TAG_BUTTON:
        if (in_scope(p, WN_TAG_BUTTON, SC_DEFAULT)) {
            implied_end_tags(p, WN_TAG_UNKNOWN, false);
            pop_until_tag(p, WN_TAG_BUTTON);
        }
        reconstruct_afe(p);
        insert_html(p, t);
        p->frameset_ok = false;
        return false;
    case WN_TAG_A: {
        wn_node *a = afe_find(p, t);
        if (a) {
            wn_token end = *t;
            end.type = WN_TOK_END_TAG;
            adoption_agency(p, &end);
            afe_remove(p, a);
            stack_remove(p, a);
        }
        reconstruct_afe(p);
        wn_node *n = insert_html(p, t);
        if (p->pushed)
            afe_push(p, n);
        return false;
    }
    case WN_TAG_B: case WN_TAG_BIG: case WN_TAG_CODE: case WN_TAG_EM: case WN_TAG_FONT:
    case WN_TAG_I: case WN_TAG_S: case WN_TAG_SMALL: case WN_TAG_STRIKE: case WN_TAG_STRONG:
    case WN_TAG_TT: case WN_TAG_U: {
        reconstruct_afe(p);
        wn_node *n = insert_html(p, t);
        if (p->pushed)
            afe_push(p, n);
        return false;
    }
    case WN_TAG_NOBR: {
        reconstruct_afe(p);
        if (in_scope(p, WN_TAG_NOBR, SC_DEFAULT)) {
            wn_token end = *t;
            end.type = WN_TOK_END_TAG;
            adoption_agency(p, &end);
            reconstruct_afe(p);
        }
        wn_node *n = insert_html(p, t);
        if (p->pushed)
            afe_push(p, n);
        return false;
    }
    case WN_TAG_APPLET: case WN_TAG_MARQUEE: case WN_TAG_OBJECT:
        reconstruct_afe(p);
        insert_html(p, t);
        if (p->pushed)
            afe_push_marker(p);
        p->frameset_ok = false;
        return false;
    case WN_TAG_TABLE:
        if (p->dom->quirks != WN_QUIRKS)
            close_p_if_in_button_scope(p);
        insert_html(p, t);
        p->frameset_ok = false;
        if (p->pushed)
            p->mode = M_IN_TABLE;
        return false;
    case WN_TAG_AREA: case WN_TAG_BR: case WN_TAG_EMBED: case WN_TAG_IMG: case WN_TAG_KEYGEN:
    case WN_TAG_WBR:
        reconstruct_afe(p);
        insert_void(p, t);
        p->frameset_ok = false;
        return false;
    case WN_TAG_INPUT:
        reconstruct_afe(p);
        insert_void(p, t);
        if (!is_type_hidden(t))
            p->frameset_ok = false;
        return false;
    case WN_TAG_PARAM: case WN_TAG_SOURCE: case WN_TAG_TRACK:
        insert_void(p, t);
        return false;
    case WN_TAG_HR:
        close_p_if_in_button_scope(p);
        insert_void(p, t);
        p->frameset_ok = false;
        return false;
    case WN_TAG_IMAGE:
        t->tag = WN_TAG_IMG;
        t->name = "img";
        t->name_len = 3;
        return true;
    case WN_TAG_TEXTAREA:
        insert_element(p, t, WN_NS_HTML, true);
        p->ignore_lf = true;
        switch_tokenizer(p, WN_TOKSTATE_RCDATA);
        p->orig_mode = p->mode;
        p->frameset_ok = false;
        p->mode = M_TEXT;
        return false;
    case WN_TAG_XMP:
        close_p_if_in_button_scope(p);
        reconstruct_afe(p);
        p->frameset_ok = false;
        generic_text(p, t, WN_TOKSTATE_RAWTEXT);
        return false;
    case WN_TAG_IFRAME:
        p->frameset_ok = false;
        generic_text(p, t, WN_TOKSTATE_RAWTEXT);
        return false;
    case WN_TAG_NOEMBED:
        generic_text(p, t, WN_TOKSTATE_RAWTEXT);
        return false;
    case WN_TAG_NOSCRIPT:
        if (p->scripting) {
            generic_text(p, t, WN_TOKSTATE_RAWTEXT);
            return false;
        }
        break;
    case WN_TAG_SELECT:
        reconstruct_afe(p);
        insert_html(p, t);
        p->frameset_ok = false;
        if (!p->pushed)
            return false;
        if (p->mode == M_IN_TABLE || p->mode == M_IN_CAPTION || p->mode == M_IN_TABLE_BODY ||
            p->mode == M_IN_ROW || p->mode == M_IN_CELL)
            p->mode = M_IN_SELECT_IN_TABLE;
        else
            p->mode = M_IN_SELECT;
        return false;
    case WN_TAG_OPTGROUP: case WN_TAG_OPTION:
        if (current(p) && is_h(current(p), WN_TAG_OPTION))
            pop_el(p);
        reconstruct_afe(p);
        insert_html(p, t);
        return false;
    case WN_TAG_RB: case WN_TAG_RTC:
        if (in_scope(p, WN_TAG_RUBY, SC_DEFAULT))
            implied_end_tags(p, WN_TAG_UNKNOWN, false);
        insert_html(p, t);
        return false;
    case WN_TAG_RP: case WN_TAG_RT:
        if (in_scope(p, WN_TAG_RUBY, SC_DEFAULT))
            implied_end_tags(p, WN_TAG_RTC, false);
        insert_html(p, t);
        return false;
    case WN_TAG_MATH:
        reconstruct_afe(p);
        insert_foreign(p, t, WN_NS_MATHML);
        return false;
    case WN_TAG_SVG:
        reconstruct_afe(p);
        insert_foreign(p, t, WN_NS_SVG);
        return false;
    case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP: case WN_TAG_FRAME:
    case WN_TAG_HEAD: case WN_TAG_TBODY: case WN_TAG_TD: case WN_TAG_TFOOT: case WN_TAG_TH:
    case WN_TAG_THEAD: case WN_TAG_TR:
        return false;
    default:
        break;
    }
    reconstruct_afe(p);
    insert_html(p, t);
    return false;
}

static bool
body_end_tag(tp *p, wn_token *t)
{
    switch (t->tag) {
    case WN_TAG_TEMPLATE:
        return m_in_head(p, t);
    case WN_TAG_BODY:
        if (in_scope(p, WN_TAG_BODY, SC_DEFAULT))
            p->mode = M_AFTER_BODY;
        return false;
    case WN_TAG_HTML:
        if (!in_scope(p, WN_TAG_BODY, SC_DEFAULT))
            return false;
        p->mode = M_AFTER_BODY;
        return true;
    case WN_TAG_ADDRESS: case WN_TAG_ARTICLE: case WN_TAG_ASIDE: case WN_TAG_BLOCKQUOTE:
    case WN_TAG_BUTTON: case WN_TAG_CENTER: case WN_TAG_DETAILS: case WN_TAG_DIALOG:
    case WN_TAG_DIR: case WN_TAG_DIV: case WN_TAG_DL: case WN_TAG_FIELDSET:
    case WN_TAG_FIGCAPTION: case WN_TAG_FIGURE: case WN_TAG_FOOTER: case WN_TAG_HEADER:
    case WN_TAG_HGROUP: case WN_TAG_LISTING: case WN_TAG_MAIN: case WN_TAG_MENU:
    case WN_TAG_NAV: case WN_TAG_OL: case WN_TAG_PRE: case WN_TAG_SEARCH: case WN_TAG_SECTION:
    case WN_TAG_SUMMARY: case WN_TAG_UL:
        if (!in_scope(p, t->tag, SC_DEFAULT))
            return false;
        implied_end_tags(p, WN_TAG_UNKNOWN, false);
        pop_until_tag(p, t->tag);
        return false;
    case WN_TAG_FORM:
        if (!template_open(p)) {
            wn_node *f = p->form;
            p->form = NULL;
            if (!f || !node_in_scope(p, f, SC_DEFAULT))
                return false;
            implied_end_tags(p, WN_TAG_UNKNOWN, false);
            stack_remove(p, f);
        } else {
            if (!in_scope(p, WN_TAG_FORM, SC_DEFAULT))
                return false;
            implied_end_tags(p, WN_TAG_UNKNOWN, false);
            pop_until_tag(p, WN_TAG_FORM);
        }
        return false;
    case WN_TAG_P:
        if (!in_scope(p, WN_TAG_P, SC_BUTTON)) {
            insert_implied(p, WN_TAG_P, true);
        }
        close_p(p);
        return false;
    case WN_TAG_LI:
        if (!in_scope(p, WN_TAG_LI, SC_LIST_ITEM))
            return false;
        implied_end_tags(p, WN_TAG_LI, false);
        pop_until_tag(p, WN_TAG_LI);
        return false;
    case WN_TAG_DD: case WN_TAG_DT:
        if (!in_scope(p, t->tag, SC_DEFAULT))
            return false;
        implied_end_tags(p, t->tag, false);
        pop_until_tag(p, t->tag);
        return false;
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
    case WN_TAG_H6:
        if (!heading_in_scope(p))
            return false;
        implied_end_tags(p, WN_TAG_UNKNOWN, false);
        while (p->sp > 0) {
            wn_node *n = current(p);
            pop_el(p);
            if (n->ns == WN_NS_HTML && is_heading_tag((wn_tag)n->tag))
                break;
        }
        return false;
    case WN_TAG_A: case WN_TAG_B: case WN_TAG_BIG: case WN_TAG_CODE: case WN_TAG_EM:
    case WN_TAG_FONT: case WN_TAG_I: case WN_TAG_NOBR: case WN_TAG_S: case WN_TAG_SMALL:
    case WN_TAG_STRIKE: case WN_TAG_STRONG: case WN_TAG_TT: case WN_TAG_U:
        adoption_agency(p, t);
        return false;
    case WN_TAG_APPLET: case WN_TAG_MARQUEE: case WN_TAG_OBJECT:
        if (!in_scope(p, t->tag, SC_DEFAULT))
            return false;
        implied_end_tags(p, WN_TAG_UNKNOWN, false);
        pop_until_tag(p, t->tag);
        afe_clear_to_marker(p);
        return false;
    case WN_TAG_BR: {
        wn_token br = *t;
        br.type = WN_TOK_START_TAG;
        br.attrs = NULL;
        br.n_attrs = 0;
        br.self_closing = false;
        reconstruct_afe(p);
        insert_void(p, &br);
        p->frameset_ok = false;
        return false;
    }
    default:
        any_other_end_tag(p, t);
        return false;
    }
}

/* 13.2.6.4.7 "in body" */
static bool
m_in_body(tp *p, wn_token *t)
{
    switch (t->type) {
    case WN_TOK_CHARACTER:
        body_chars(p, t->data, t->len);
        return false;
    case WN_TOK_COMMENT:
        insert_comment(p, t, NULL);
        return false;
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_START_TAG:
        return body_start_tag(p, t);
    case WN_TOK_END_TAG:
        return body_end_tag(p, t);
    case WN_TOK_EOF:
        if (p->n_tmodes)
            return m_in_template(p, t);
        stop_parsing(p);
        return false;
    default:
        return false;
    }
}

/* 13.2.6.4.8 "text" */
static bool
m_text(tp *p, wn_token *t)
{
    switch (t->type) {
    case WN_TOK_CHARACTER:
        insert_text(p, t->data, t->len);
        return false;
    case WN_TOK_EOF:
        pop_el(p);
        p->mode = p->orig_mode;
        return true;
    case WN_TOK_END_TAG:
        pop_el(p);
        p->mode = p->orig_mode;
        return false;
    default:
        return false;
    }
}

static void
clear_to_context(tp *p, wn_tag a, wn_tag b, wn_tag c)
{
    while (p->sp > 1) {
        wn_node *n = current(p);
        if (n->ns == WN_NS_HTML &&
            (n->tag == a || n->tag == b || n->tag == c || n->tag == WN_TAG_TEMPLATE ||
             n->tag == WN_TAG_HTML))
            return;
        pop_el(p);
    }
}

static void
clear_to_table(tp *p)
{
    clear_to_context(p, WN_TAG_TABLE, WN_TAG_TABLE, WN_TAG_TABLE);
}

static void
clear_to_table_body(tp *p)
{
    clear_to_context(p, WN_TAG_TBODY, WN_TAG_TFOOT, WN_TAG_THEAD);
}

static void
clear_to_row(tp *p)
{
    clear_to_context(p, WN_TAG_TR, WN_TAG_TR, WN_TAG_TR);
}

static bool
table_anything_else(tp *p, wn_token *t)
{
    p->foster = true;
    bool r = m_in_body(p, t);
    p->foster = false;
    return r;
}

/* 13.2.6.4.9 "in table" */
static bool
m_in_table(tp *p, wn_token *t)
{
    switch (t->type) {
    case WN_TOK_CHARACTER: {
        wn_node *c = current(p);
        if (c && c->ns == WN_NS_HTML &&
            (c->tag == WN_TAG_TABLE || c->tag == WN_TAG_TBODY || c->tag == WN_TAG_TEMPLATE ||
             c->tag == WN_TAG_TFOOT || c->tag == WN_TAG_THEAD || c->tag == WN_TAG_TR)) {
            p->pending_len = 0;
            p->pending_nonws = false;
            p->orig_mode = p->mode;
            p->mode = M_IN_TABLE_TEXT;
            return true;
        }
        break;
    }
    case WN_TOK_COMMENT:
        insert_comment(p, t, NULL);
        return false;
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_START_TAG:
        switch (t->tag) {
        case WN_TAG_CAPTION:
            clear_to_table(p);
            afe_push_marker(p);
            insert_element(p, t, WN_NS_HTML, true);
            p->mode = M_IN_CAPTION;
            return false;
        case WN_TAG_COLGROUP:
            clear_to_table(p);
            insert_element(p, t, WN_NS_HTML, true);
            p->mode = M_IN_COLUMN_GROUP;
            return false;
        case WN_TAG_COL:
            clear_to_table(p);
            insert_implied(p, WN_TAG_COLGROUP, true);
            p->mode = M_IN_COLUMN_GROUP;
            return true;
        case WN_TAG_TBODY: case WN_TAG_TFOOT: case WN_TAG_THEAD:
            clear_to_table(p);
            insert_element(p, t, WN_NS_HTML, true);
            p->mode = M_IN_TABLE_BODY;
            return false;
        case WN_TAG_TD: case WN_TAG_TH: case WN_TAG_TR:
            clear_to_table(p);
            insert_implied(p, WN_TAG_TBODY, true);
            p->mode = M_IN_TABLE_BODY;
            return true;
        case WN_TAG_TABLE:
            if (!in_scope(p, WN_TAG_TABLE, SC_TABLE))
                return false;
            pop_until_tag(p, WN_TAG_TABLE);
            reset_mode(p);
            return true;
        case WN_TAG_STYLE: case WN_TAG_SCRIPT: case WN_TAG_TEMPLATE:
            return m_in_head(p, t);
        case WN_TAG_INPUT:
            if (!is_type_hidden(t))
                break;
            insert_void(p, t);
            return false;
        case WN_TAG_FORM:
            if (template_open(p) || p->form)
                return false;
            p->form = insert_html(p, t);
            if (p->pushed)
                pop_el(p);
            return false;
        default:
            break;
        }
        break;
    case WN_TOK_END_TAG:
        switch (t->tag) {
        case WN_TAG_TABLE:
            if (!in_scope(p, WN_TAG_TABLE, SC_TABLE))
                return false;
            pop_until_tag(p, WN_TAG_TABLE);
            reset_mode(p);
            return false;
        case WN_TAG_BODY: case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP:
        case WN_TAG_HTML: case WN_TAG_TBODY: case WN_TAG_TD: case WN_TAG_TFOOT:
        case WN_TAG_TH: case WN_TAG_THEAD: case WN_TAG_TR:
            return false;
        case WN_TAG_TEMPLATE:
            return m_in_head(p, t);
        default:
            break;
        }
        break;
    case WN_TOK_EOF:
        return m_in_body(p, t);
    default:
        break;
    }
    return table_anything_else(p, t);
}

static void
pending_add(tp *p, const char *s, size_t n)
{
    if (p->pending_len + n > p->pending_cap) {
        size_t cap = p->pending_cap ? p->pending_cap * 2 : 256;
        while (cap < p->pending_len + n)
            cap *= 2;
        char *b = wn_arena_realloc(p->arena, p->pending, p->pending_cap, cap);
        if (!b) {
            p->oom = true;
            return;
        }
        p->pending = b;
        p->pending_cap = cap;
    }
    memcpy(p->pending + p->pending_len, s, n);
    p->pending_len += n;
    if (!p->pending_nonws && !all_ws(s, n))
        p->pending_nonws = true;
}

/* 13.2.6.4.10 "in table text" */
static bool
m_in_table_text(tp *p, wn_token *t)
{
    if (t->type == WN_TOK_CHARACTER) {
        const char *s = t->data;
        size_t n = t->len;
        while (n > 0) {
            const char *z = memchr(s, '\0', n);
            size_t seg = z ? (size_t)(z - s) : n;
            pending_add(p, s, seg);
            if (!z)
                break;
            s += seg + 1;
            n -= seg + 1;
        }
        return false;
    }
    if (p->pending_len) {
        /* the text must outlive the pending buffer, which is reused */
        char *copy = wn_arena_alloc(p->arena, p->pending_len);
        if (!copy) {
            p->oom = true;
        } else {
            memcpy(copy, p->pending, p->pending_len);
            if (p->pending_nonws) {
                p->foster = true;
                body_chars(p, copy, p->pending_len);
                p->foster = false;
            } else {
                insert_text(p, copy, p->pending_len);
            }
        }
        p->pending_len = 0;
        p->pending_nonws = false;
    }
    p->mode = p->orig_mode;
    return true;
}

/* 13.2.6.4.11 "in caption" */
static bool
m_in_caption(tp *p, wn_token *t)
{
    bool close = false, reprocess = false;
    if (t->type == WN_TOK_END_TAG) {
        switch (t->tag) {
        case WN_TAG_CAPTION:
            close = true;
            break;
        case WN_TAG_TABLE:
            close = reprocess = true;
            break;
        case WN_TAG_BODY: case WN_TAG_COL: case WN_TAG_COLGROUP: case WN_TAG_HTML:
        case WN_TAG_TBODY: case WN_TAG_TD: case WN_TAG_TFOOT: case WN_TAG_TH:
        case WN_TAG_THEAD: case WN_TAG_TR:
            return false;
        default:
            break;
        }
    } else if (t->type == WN_TOK_START_TAG) {
        switch (t->tag) {
        case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP: case WN_TAG_TBODY:
        case WN_TAG_TD: case WN_TAG_TFOOT: case WN_TAG_TH: case WN_TAG_THEAD: case WN_TAG_TR:
            close = reprocess = true;
            break;
        default:
            break;
        }
    }
    if (!close)
        return m_in_body(p, t);
    if (!in_scope(p, WN_TAG_CAPTION, SC_TABLE))
        return false;
    implied_end_tags(p, WN_TAG_UNKNOWN, false);
    pop_until_tag(p, WN_TAG_CAPTION);
    afe_clear_to_marker(p);
    p->mode = M_IN_TABLE;
    return reprocess;
}

/* 13.2.6.4.12 "in column group" */
static bool
m_in_column_group(tp *p, wn_token *t)
{
    switch (t->type) {
    case WN_TOK_CHARACTER: {
        const char *ws;
        size_t wl;
        bool rest = split_ws(t, &ws, &wl);
        insert_text(p, ws, wl);
        if (!rest)
            return false;
        break;
    }
    case WN_TOK_COMMENT:
        insert_comment(p, t, NULL);
        return false;
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_START_TAG:
        if (t->tag == WN_TAG_HTML)
            return m_in_body(p, t);
        if (t->tag == WN_TAG_COL) {
            insert_void(p, t);
            return false;
        }
        if (t->tag == WN_TAG_TEMPLATE)
            return m_in_head(p, t);
        break;
    case WN_TOK_END_TAG:
        if (t->tag == WN_TAG_COLGROUP) {
            if (current(p) && is_h(current(p), WN_TAG_COLGROUP)) {
                pop_el(p);
                p->mode = M_IN_TABLE;
            }
            return false;
        }
        if (t->tag == WN_TAG_COL)
            return false;
        if (t->tag == WN_TAG_TEMPLATE)
            return m_in_head(p, t);
        break;
    case WN_TOK_EOF:
        return m_in_body(p, t);
    default:
        break;
    }
    if (!current(p) || !is_h(current(p), WN_TAG_COLGROUP))
        return false;
    pop_el(p);
    p->mode = M_IN_TABLE;
    return true;
}

/* 13.2.6.4.13 "in table body" */
static bool
m_in_table_body(tp *p, wn_token *t)
{
    if (t->type == WN_TOK_START_TAG) {
        switch (t->tag) {
        case WN_TAG_TR:
            clear_to_table_body(p);
            insert_element(p, t, WN_NS_HTML, true);
            p->mode = M_IN_ROW;
            return false;
        case WN_TAG_TH: case WN_TAG_TD:
            clear_to_table_body(p);
            insert_implied(p, WN_TAG_TR, true);
            p->mode = M_IN_ROW;
            return true;
        case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP: case WN_TAG_TBODY:
        case WN_TAG_TFOOT: case WN_TAG_THEAD:
            goto close_section;
        default:
            break;
        }
    } else if (t->type == WN_TOK_END_TAG) {
        switch (t->tag) {
        case WN_TAG_TBODY: case WN_TAG_TFOOT: case WN_TAG_THEAD:
            if (!in_scope(p, t->tag, SC_TABLE))
                return false;
            clear_to_table_body(p);
            pop_el(p);
            p->mode = M_IN_TABLE;
            return false;
        case WN_TAG_TABLE:
            goto close_section;
        case WN_TAG_BODY: case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP:
        case WN_TAG_HTML: case WN_TAG_TD: case WN_TAG_TH: case WN_TAG_TR:
            return false;
        default:
            break;
        }
    }
    return m_in_table(p, t);
close_section:
    if (!in_scope(p, WN_TAG_TBODY, SC_TABLE) && !in_scope(p, WN_TAG_THEAD, SC_TABLE) &&
        !in_scope(p, WN_TAG_TFOOT, SC_TABLE))
        return false;
    clear_to_table_body(p);
    pop_el(p);
    p->mode = M_IN_TABLE;
    return true;
}

/* 13.2.6.4.14 "in row" */
static bool
m_in_row(tp *p, wn_token *t)
{
    if (t->type == WN_TOK_START_TAG) {
        switch (t->tag) {
        case WN_TAG_TH: case WN_TAG_TD:
            clear_to_row(p);
            insert_element(p, t, WN_NS_HTML, true);
            p->mode = M_IN_CELL;
            afe_push_marker(p);
            return false;
        case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP: case WN_TAG_TBODY:
        case WN_TAG_TFOOT: case WN_TAG_THEAD: case WN_TAG_TR:
            goto close_row;
        default:
            break;
        }
    } else if (t->type == WN_TOK_END_TAG) {
        switch (t->tag) {
        case WN_TAG_TR:
            if (!in_scope(p, WN_TAG_TR, SC_TABLE))
                return false;
            clear_to_row(p);
            pop_el(p);
            p->mode = M_IN_TABLE_BODY;
            return false;
        case WN_TAG_TABLE:
            goto close_row;
        case WN_TAG_TBODY: case WN_TAG_TFOOT: case WN_TAG_THEAD:
            if (!in_scope(p, t->tag, SC_TABLE))
                return false;
            goto close_row;
        case WN_TAG_BODY: case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP:
        case WN_TAG_HTML: case WN_TAG_TD: case WN_TAG_TH:
            return false;
        default:
            break;
        }
    }
    return m_in_table(p, t);
close_row:
    if (!in_scope(p, WN_TAG_TR, SC_TABLE))
        return false;
    clear_to_row(p);
    pop_el(p);
    p->mode = M_IN_TABLE_BODY;
    return true;
}

static void
close_cell(tp *p)
{
    implied_end_tags(p, WN_TAG_UNKNOWN, false);
    while (p->sp > 1) {
        wn_node *n = current(p);
        pop_el(p);
        if (is_h(n, WN_TAG_TD) || is_h(n, WN_TAG_TH))
            break;
    }
    afe_clear_to_marker(p);
    p->mode = M_IN_ROW;
}

/* 13.2.6.4.15 "in cell" */
static bool
m_in_cell(tp *p, wn_token *t)
{
    if (t->type == WN_TOK_END_TAG) {
        switch (t->tag) {
        case WN_TAG_TD: case WN_TAG_TH:
            if (!in_scope(p, t->tag, SC_TABLE))
                return false;
            implied_end_tags(p, WN_TAG_UNKNOWN, false);
            pop_until_tag(p, t->tag);
            afe_clear_to_marker(p);
            p->mode = M_IN_ROW;
            return false;
        case WN_TAG_BODY: case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP:
        case WN_TAG_HTML:
            return false;
        case WN_TAG_TABLE: case WN_TAG_TBODY: case WN_TAG_TFOOT: case WN_TAG_THEAD:
        case WN_TAG_TR:
            if (!in_scope(p, t->tag, SC_TABLE))
                return false;
            close_cell(p);
            return true;
        default:
            break;
        }
    } else if (t->type == WN_TOK_START_TAG) {
        switch (t->tag) {
        case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP: case WN_TAG_TBODY:
        case WN_TAG_TD: case WN_TAG_TFOOT: case WN_TAG_TH: case WN_TAG_THEAD: case WN_TAG_TR:
            if (!in_scope(p, WN_TAG_TD, SC_TABLE) && !in_scope(p, WN_TAG_TH, SC_TABLE))
                return false;
            close_cell(p);
            return true;
        default:
            break;
        }
    }
    return m_in_body(p, t);
}

static bool
close_select(tp *p)
{
    if (!in_scope(p, WN_TAG_SELECT, SC_SELECT))
        return false;
    pop_until_tag(p, WN_TAG_SELECT);
    reset_mode(p);
    return true;
}

/* 13.2.6.4.16 "in select" */
static bool
m_in_select(tp *p, wn_token *t)
{
    switch (t->type) {
    case WN_TOK_CHARACTER: {
        const char *s = t->data;
        size_t n = t->len;
        while (n > 0) {
            const char *z = memchr(s, '\0', n);
            size_t seg = z ? (size_t)(z - s) : n;
            insert_text(p, s, seg);
            if (!z)
                break;
            s += seg + 1;
            n -= seg + 1;
        }
        return false;
    }
    case WN_TOK_COMMENT:
        insert_comment(p, t, NULL);
        return false;
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_START_TAG:
        switch (t->tag) {
        case WN_TAG_HTML:
            return m_in_body(p, t);
        case WN_TAG_OPTION:
            if (is_h(current(p), WN_TAG_OPTION))
                pop_el(p);
            insert_html(p, t);
            return false;
        case WN_TAG_OPTGROUP:
            if (is_h(current(p), WN_TAG_OPTION))
                pop_el(p);
            if (is_h(current(p), WN_TAG_OPTGROUP))
                pop_el(p);
            insert_html(p, t);
            return false;
        case WN_TAG_HR:
            if (is_h(current(p), WN_TAG_OPTION))
                pop_el(p);
            if (is_h(current(p), WN_TAG_OPTGROUP))
                pop_el(p);
            insert_void(p, t);
            return false;
        case WN_TAG_SELECT:
            close_select(p);
            return false;
        case WN_TAG_INPUT: case WN_TAG_KEYGEN: case WN_TAG_TEXTAREA:
            return close_select(p);
        case WN_TAG_SCRIPT: case WN_TAG_TEMPLATE:
            return m_in_head(p, t);
        default:
            return false;
        }
    case WN_TOK_END_TAG:
        switch (t->tag) {
        case WN_TAG_OPTGROUP:
            if (is_h(current(p), WN_TAG_OPTION) && p->sp >= 2 &&
                is_h(p->stack[p->sp - 2], WN_TAG_OPTGROUP))
                pop_el(p);
            if (is_h(current(p), WN_TAG_OPTGROUP))
                pop_el(p);
            return false;
        case WN_TAG_OPTION:
            if (is_h(current(p), WN_TAG_OPTION))
                pop_el(p);
            return false;
        case WN_TAG_SELECT:
            close_select(p);
            return false;
        case WN_TAG_TEMPLATE:
            return m_in_head(p, t);
        default:
            return false;
        }
    case WN_TOK_EOF:
        return m_in_body(p, t);
    default:
        return false;
    }
}

/* 13.2.6.4.17 "in select in table" */
static bool
m_in_select_in_table(tp *p, wn_token *t)
{
    if (t->type == WN_TOK_START_TAG || t->type == WN_TOK_END_TAG) {
        switch (t->tag) {
        case WN_TAG_CAPTION: case WN_TAG_TABLE: case WN_TAG_TBODY: case WN_TAG_TFOOT:
        case WN_TAG_THEAD: case WN_TAG_TR: case WN_TAG_TD: case WN_TAG_TH:
            if (t->type == WN_TOK_END_TAG && !in_scope(p, t->tag, SC_TABLE))
                return false;
            pop_until_tag(p, WN_TAG_SELECT);
            reset_mode(p);
            return true;
        default:
            break;
        }
    }
    return m_in_select(p, t);
}

/* 13.2.6.4.18 "in template" */
static bool
m_in_template(tp *p, wn_token *t)
{
    mode next;
    switch (t->type) {
    case WN_TOK_CHARACTER: case WN_TOK_COMMENT: case WN_TOK_DOCTYPE:
        return m_in_body(p, t);
    case WN_TOK_START_TAG:
        switch (t->tag) {
        case WN_TAG_BASE: case WN_TAG_BASEFONT: case WN_TAG_BGSOUND: case WN_TAG_LINK:
        case WN_TAG_META: case WN_TAG_NOFRAMES: case WN_TAG_SCRIPT: case WN_TAG_STYLE:
        case WN_TAG_TEMPLATE: case WN_TAG_TITLE:
            return m_in_head(p, t);
        case WN_TAG_CAPTION: case WN_TAG_COLGROUP: case WN_TAG_TBODY: case WN_TAG_TFOOT:
        case WN_TAG_THEAD:
            next = M_IN_TABLE;
            break;
        case WN_TAG_COL:
            next = M_IN_COLUMN_GROUP;
            break;
        case WN_TAG_TR:
            next = M_IN_TABLE_BODY;
            break;
        case WN_TAG_TD: case WN_TAG_TH:
            next = M_IN_ROW;
            break;
        default:
            next = M_IN_BODY;
            break;
        }
        tmodes_pop(p);
        tmodes_push(p, next);
        p->mode = next;
        return true;
    case WN_TOK_END_TAG:
        if (t->tag == WN_TAG_TEMPLATE)
            return m_in_head(p, t);
        return false;
    case WN_TOK_EOF:
        if (!template_open(p)) {
            stop_parsing(p);
            return false;
        }
        pop_until_tag(p, WN_TAG_TEMPLATE);
        afe_clear_to_marker(p);
        tmodes_pop(p);
        reset_mode(p);
        return true;
    default:
        return false;
    }
}

/* 13.2.6.4.19 "after body" */
static bool
m_after_body(tp *p, wn_token *t)
{
    switch (t->type) {
    case WN_TOK_CHARACTER: {
        const char *ws;
        size_t wl;
        bool rest = split_ws(t, &ws, &wl);
        if (wl) {
            reconstruct_afe(p);
            insert_text(p, ws, wl);
        }
        if (!rest)
            return false;
        break;
    }
    case WN_TOK_COMMENT:
        insert_comment(p, t, p->sp ? p->stack[0] : p->dom->root);
        return false;
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_START_TAG:
        if (t->tag == WN_TAG_HTML)
            return m_in_body(p, t);
        break;
    case WN_TOK_END_TAG:
        if (t->tag == WN_TAG_HTML) {
            if (!p->context)
                p->mode = M_AFTER_AFTER_BODY;
            return false;
        }
        break;
    case WN_TOK_EOF:
        stop_parsing(p);
        return false;
    default:
        break;
    }
    p->mode = M_IN_BODY;
    return true;
}

/* 13.2.6.4.20 "in frameset" */
static bool
m_in_frameset(tp *p, wn_token *t)
{
    switch (t->type) {
    case WN_TOK_CHARACTER:
        insert_ws_only(p, t->data, t->len);
        return false;
    case WN_TOK_COMMENT:
        insert_comment(p, t, NULL);
        return false;
    case WN_TOK_START_TAG:
        switch (t->tag) {
        case WN_TAG_HTML:
            return m_in_body(p, t);
        case WN_TAG_FRAMESET:
            insert_html(p, t);
            return false;
        case WN_TAG_FRAME:
            insert_void(p, t);
            return false;
        case WN_TAG_NOFRAMES:
            return m_in_head(p, t);
        default:
            return false;
        }
    case WN_TOK_END_TAG:
        if (t->tag == WN_TAG_FRAMESET) {
            if (p->sp <= 1)
                return false;
            pop_el(p);
            if (!p->context && !is_h(current(p), WN_TAG_FRAMESET))
                p->mode = M_AFTER_FRAMESET;
        }
        return false;
    case WN_TOK_EOF:
        stop_parsing(p);
        return false;
    default:
        return false;
    }
}

/* 13.2.6.4.21 "after frameset" */
static bool
m_after_frameset(tp *p, wn_token *t)
{
    switch (t->type) {
    case WN_TOK_CHARACTER:
        insert_ws_only(p, t->data, t->len);
        return false;
    case WN_TOK_COMMENT:
        insert_comment(p, t, NULL);
        return false;
    case WN_TOK_START_TAG:
        if (t->tag == WN_TAG_HTML)
            return m_in_body(p, t);
        if (t->tag == WN_TAG_NOFRAMES)
            return m_in_head(p, t);
        return false;
    case WN_TOK_END_TAG:
        if (t->tag == WN_TAG_HTML)
            p->mode = M_AFTER_AFTER_FRAMESET;
        return false;
    case WN_TOK_EOF:
        stop_parsing(p);
        return false;
    default:
        return false;
    }
}

/* 13.2.6.4.22 "after after body" */
static bool
m_after_after_body(tp *p, wn_token *t)
{
    switch (t->type) {
    case WN_TOK_COMMENT:
        insert_comment(p, t, p->dom->root);
        return false;
    case WN_TOK_DOCTYPE:
        return m_in_body(p, t);
    case WN_TOK_CHARACTER: {
        const char *ws;
        size_t wl;
        bool rest = split_ws(t, &ws, &wl);
        if (wl) {
            reconstruct_afe(p);
            insert_text(p, ws, wl);
        }
        if (!rest)
            return false;
        break;
    }
    case WN_TOK_START_TAG:
        if (t->tag == WN_TAG_HTML)
            return m_in_body(p, t);
        break;
    case WN_TOK_EOF:
        stop_parsing(p);
        return false;
    default:
        break;
    }
    p->mode = M_IN_BODY;
    return true;
}

/* 13.2.6.4.23 "after after frameset" */
static bool
m_after_after_frameset(tp *p, wn_token *t)
{
    switch (t->type) {
    case WN_TOK_COMMENT:
        insert_comment(p, t, p->dom->root);
        return false;
    case WN_TOK_DOCTYPE:
        return m_in_body(p, t);
    case WN_TOK_CHARACTER: {
        /* whitespace is processed as in body; the rest ignored */
        size_t i = 0;
        while (i < t->len) {
            size_t j = i;
            while (j < t->len && is_ws((unsigned char)t->data[j]))
                j++;
            if (j > i) {
                reconstruct_afe(p);
                insert_text(p, t->data + i, j - i);
            }
            while (j < t->len && !is_ws((unsigned char)t->data[j]))
                j++;
            i = j;
        }
        return false;
    }
    case WN_TOK_START_TAG:
        if (t->tag == WN_TAG_HTML)
            return m_in_body(p, t);
        if (t->tag == WN_TAG_NOFRAMES)
            return m_in_head(p, t);
        return false;
    case WN_TOK_EOF:
        stop_parsing(p);
        return false;
    default:
        return false;
    }
}

/* ---- foreign content (13.2.6.5) ------------------------------------------ */

static bool
is_breakout(const wn_token *t)
{
    switch (t->tag) {
    case WN_TAG_B: case WN_TAG_BIG: case WN_TAG_BLOCKQUOTE: case WN_TAG_BODY: case WN_TAG_BR:
    case WN_TAG_CENTER: case WN_TAG_CODE: case WN_TAG_DD: case WN_TAG_DIV: case WN_TAG_DL:
    case WN_TAG_DT: case WN_TAG_EM: case WN_TAG_EMBED: case WN_TAG_H1: case WN_TAG_H2:
    case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5: case WN_TAG_H6: case WN_TAG_HEAD:
    case WN_TAG_HR: case WN_TAG_I: case WN_TAG_IMG: case WN_TAG_LI: case WN_TAG_LISTING:
    case WN_TAG_MENU: case WN_TAG_META: case WN_TAG_NOBR: case WN_TAG_OL: case WN_TAG_P:
    case WN_TAG_PRE: case WN_TAG_RUBY: case WN_TAG_S: case WN_TAG_SMALL: case WN_TAG_SPAN:
    case WN_TAG_STRONG: case WN_TAG_STRIKE: case WN_TAG_SUB: case WN_TAG_SUP: case WN_TAG_TABLE:
    case WN_TAG_TT: case WN_TAG_U: case WN_TAG_UL: case WN_TAG_VAR:
        return true;
    case WN_TAG_FONT:
        for (uint32_t i = 0; i < t->n_attrs; i++) {
            const wn_attr *a = &t->attrs[i];
            if ((a->name_len == 5 && memcmp(a->name, "color", 5) == 0) ||
                (a->name_len == 4 && memcmp(a->name, "face", 4) == 0) ||
                (a->name_len == 4 && memcmp(a->name, "size", 4) == 0))
                return true;
        }
        return false;
    default:
        return false;
    }
}

static bool
lower_name_eq(const wn_node *n, const wn_token *t)
{
    return n->name_len == t->name_len && ieq_lit(n->name, n->name_len, t->name);
}

static bool run_mode(tp *p, wn_token *t);

/* Returns true when the token must be processed by the insertion mode. */
static bool
m_foreign(tp *p, wn_token *t)
{
    switch (t->type) {
    case WN_TOK_CHARACTER: {
        const char *s = t->data;
        size_t n = t->len;
        if (p->frameset_ok && !all_ws(s, n))
            p->frameset_ok = false;
        while (n > 0) {
            const char *z = memchr(s, '\0', n);
            size_t seg = z ? (size_t)(z - s) : n;
            insert_text(p, s, seg);
            if (!z)
                break;
            insert_text(p, "\xEF\xBF\xBD", 3);
            s += seg + 1;
            n -= seg + 1;
        }
        return false;
    }
    case WN_TOK_COMMENT:
        insert_comment(p, t, NULL);
        return false;
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_START_TAG: {
        if (is_breakout(t)) {
            while (p->sp > 1) {
                wn_node *c = current(p);
                if (c->ns == WN_NS_HTML || is_mathml_text_ip(c) || is_html_ip(c))
                    break;
                pop_el(p);
            }
            return true;
        }
        wn_node *acn = adjusted_current(p);
        insert_foreign(p, t, (wn_ns)acn->ns);
        return false;
    }
    case WN_TOK_END_TAG: {
        if (t->tag == WN_TAG_BR || t->tag == WN_TAG_P) {
            while (p->sp > 1) {
                wn_node *c = current(p);
                if (c->ns == WN_NS_HTML || is_mathml_text_ip(c) || is_html_ip(c))
                    break;
                pop_el(p);
            }
            return true;
        }
        for (size_t i = p->sp; i-- > 0;) {
            wn_node *n = p->stack[i];
            if (i == 0)
                return false;
            if (lower_name_eq(n, t)) {
                pop_until_node(p, n);
                return false;
            }
            if (p->stack[i - 1]->ns == WN_NS_HTML)
                return run_mode(p, t);
        }
        return false;
    }
    default:
        return true;
    }
}

/* ---- the dispatcher ------------------------------------------------------- */

static bool
run_mode(tp *p, wn_token *t)
{
    switch (p->mode) {
    case M_INITIAL: return m_initial(p, t);
    case M_BEFORE_HTML: return m_before_html(p, t);
    case M_BEFORE_HEAD: return m_before_head(p, t);
    case M_IN_HEAD: return m_in_head(p, t);
    case M_IN_HEAD_NOSCRIPT: return m_in_head_noscript(p, t);
    case M_AFTER_HEAD: return m_after_head(p, t);
    case M_IN_BODY: return m_in_body(p, t);
    case M_TEXT: return m_text(p, t);
    case M_IN_TABLE: return m_in_table(p, t);
    case M_IN_TABLE_TEXT: return m_in_table_text(p, t);
    case M_IN_CAPTION: return m_in_caption(p, t);
    case M_IN_COLUMN_GROUP: return m_in_column_group(p, t);
    case M_IN_TABLE_BODY: return m_in_table_body(p, t);
    case M_IN_ROW: return m_in_row(p, t);
    case M_IN_CELL: return m_in_cell(p, t);
    case M_IN_SELECT: return m_in_select(p, t);
    case M_IN_SELECT_IN_TABLE: return m_in_select_in_table(p, t);
    case M_IN_TEMPLATE: return m_in_template(p, t);
    case M_AFTER_BODY: return m_after_body(p, t);
    case M_IN_FRAMESET: return m_in_frameset(p, t);
    case M_AFTER_FRAMESET: return m_after_frameset(p, t);
    case M_AFTER_AFTER_BODY: return m_after_after_body(p, t);
    case M_AFTER_AFTER_FRAMESET: return m_after_after_frameset(p, t);
    }
    return false;
}

/* Tree construction dispatcher (13.2.6): HTML rules or foreign content. */
static bool
use_html_rules(const tp *p, const wn_token *t)
{
    wn_node *acn = adjusted_current(p);
    if (!acn || acn->ns == WN_NS_HTML || t->type == WN_TOK_EOF)
        return true;
    if (is_mathml_text_ip(acn)) {
        if (t->type == WN_TOK_CHARACTER)
            return true;
        if (t->type == WN_TOK_START_TAG && t->tag != WN_TAG_MGLYPH && t->tag != WN_TAG_MALIGNMARK)
            return true;
    }
    if (acn->ns == WN_NS_MATHML && acn->tag == WN_TAG_ANNOTATION_XML &&
        t->type == WN_TOK_START_TAG && t->tag == WN_TAG_SVG)
        return true;
    if ((t->type == WN_TOK_START_TAG || t->type == WN_TOK_CHARACTER) && is_html_ip(acn))
        return true;
    return false;
}

static void
process_token(tp *p, wn_token *t)
{
    if (p->ignore_lf) {
        p->ignore_lf = false;
        if (t->type == WN_TOK_CHARACTER && t->data[0] == '\n') {
            t->data++;
            if (--t->len == 0)
                return;
        }
    }
    /* Every reprocess either switches mode or consumes part of the token;
     * the bound only protects against a bug turning into a hang. */
    for (int guard = 0; guard < 64 && !p->oom; guard++) {
        bool again;
        if (use_html_rules(p, t))
            again = run_mode(p, t);
        else
            again = m_foreign(p, t);
        if (!again)
            return;
        if (t->type == WN_TOK_CHARACTER && t->len == 0)
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
        process_token(p, &t);
        if (p->oom || t.type == WN_TOK_EOF)
            break;
        wn_node *acn = adjusted_current(p);
        wn_tokenizer_set_cdata_allowed(p->tz, acn && acn->ns != WN_NS_HTML);
    }
    stop_parsing(p);
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
        wn_tokenizer_set_last_start_tag(p.tz, lower, clen);
    }
    wn_node *html = wn_dom_element(dom, WN_TAG_HTML, WN_NS_HTML, NULL, 0);
    if (!html)
        return WN_ERR_NOMEM;
    wn_node_append(dom->root, html);
    push_el(&p, html, true);
    if (context_ns == WN_NS_HTML && ctag == WN_TAG_TEMPLATE)
        tmodes_push(&p, M_IN_TEMPLATE);
    reset_mode(&p);
    wn_tokenizer_set_cdata_allowed(p.tz, context_ns != WN_NS_HTML);
    wn_status st = run(&p);
    if (st != WN_OK)
        return st;
    wn_node_detach(html);
    wn_node_move_children(html, dom->root);
    *out = dom;
    return WN_OK;
}
