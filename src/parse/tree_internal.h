/* tree_internal.h - state and helpers shared by the tree builder's files:
 * tree.c (stack of open elements, active formatting elements, adoption
 * agency, insertion, entry points) and tree_modes.c (insertion modes,
 * foreign content, the dispatcher). Private to src/parse/tree*.c. */
#ifndef WN_TREE_INTERNAL_H
#define WN_TREE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "tokenizer.h"
#include "tree.h"

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
    bool lenient;  /* wn_parse_opts.lenient */
    bool ignore_lf;
    bool pushed; /* whether the last inserted element went onto the stack */
    bool oom;
    /* customizable <select>: the <selectedcontent> of the open select,
     * which receives a copy of the selected option's content */
    wn_node *sc_elem, *sc_select, *sc_first_option;
    bool sc_explicit; /* an option with a "selected" attribute was seen */
    size_t sc_cloned; /* nodes copied so far (capped: nested selected
                       * options would otherwise copy subtrees repeatedly) */
} tp;

/* Scope kinds (13.2.4.2). */
typedef enum scope { SC_DEFAULT, SC_LIST_ITEM, SC_BUTTON, SC_TABLE } scope;

static inline bool
is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static inline size_t
ws_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && is_ws((unsigned char)s[i]))
        i++;
    return i;
}

static inline bool
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

/* Predicates (tree.c). */
bool tb_ieq_lit(const char *a, size_t alen, const char *lit);
bool tb_is_special(const wn_node *n);
bool tb_is_mathml_text_ip(const wn_node *n);
bool tb_is_html_ip(const wn_node *n);

/* The stack of open elements and its scopes (13.2.4.2). `force` lets
 * html/head/body and raw text elements past the depth cap. */
bool tb_push_el(tp *p, wn_node *n, bool force);
void tb_pop_el(tp *p);
void tb_stack_remove(tp *p, const wn_node *n);
void tb_pop_until_tag(tp *p, wn_tag t);
void tb_pop_until_node(tp *p, const wn_node *target);
bool tb_template_open(const tp *p);
bool tb_in_scope(const tp *p, wn_tag t, scope s);
bool tb_node_in_scope(const tp *p, const wn_node *target, scope s);
bool tb_heading_in_scope(const tp *p);

/* Generate implied end tags, except HTML `except` (WN_TAG_UNKNOWN:
 * none); `thorough` includes the table elements. */
void tb_implied_end_tags(tp *p, wn_tag except, bool thorough);
void tb_close_p(tp *p);
void tb_close_p_if_in_button_scope(tp *p);

/* Creating and inserting nodes at the appropriate place (13.2.6.1),
 * foster parenting included. Insertions set p->pushed. */
wn_node *tb_create_element(tp *p, const wn_token *t, wn_ns ns);
wn_node *tb_insert_element(tp *p, const wn_token *t, wn_ns ns, bool force);
wn_node *tb_insert_html(tp *p, const wn_token *t);
wn_node *tb_insert_implied(tp *p, wn_tag tag, bool force);
void tb_insert_void(tp *p, const wn_token *t);
void tb_insert_text(tp *p, const char *data, size_t len);
void tb_insert_comment(tp *p, const wn_token *t, wn_node *parent);
void tb_merge_attrs(tp *p, wn_node *n, const wn_token *t);

/* The list of active formatting elements (13.2.4.3) and the adoption
 * agency algorithm (13.2.6.4.7). */
void tb_afe_push_marker(tp *p);
void tb_afe_remove(tp *p, const wn_node *n);
void tb_afe_push(tp *p, wn_node *n);
void tb_afe_clear_to_marker(tp *p);
wn_node *tb_afe_find(const tp *p, const wn_token *t);
void tb_reconstruct_afe(tp *p);
void tb_adoption_agency(tp *p, const wn_token *t);
void tb_any_other_end_tag(tp *p, const wn_token *t);

/* tree_modes.c: resetting the insertion mode, template modes, the end of
 * parsing, and one token through the dispatcher. */
void tb_reset_mode(tp *p);
void tb_tmodes_push(tp *p, mode m);
void tb_stop_parsing(tp *p);
void tb_process_token(tp *p, wn_token *t);

#endif
