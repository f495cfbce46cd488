/* tree_modes.c - the insertion modes of tree construction (HTML Standard
 * 13.2.6.4), the rules for foreign content (13.2.6.5) and the dispatcher
 * that chooses between them for each token. Each mode is one function
 * headed by its section number; it returns true when the token must be
 * reprocessed (the mode changed, or only part of a character run was used).
 */
#include "tree_internal.h"

#include <string.h>

#include "tree_tables.h"

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
    tb_insert_element(p, t, WN_NS_HTML, true);
    if (!p->pushed)
        return;
    switch_tokenizer(p, st);
    p->orig_mode = p->mode;
    p->mode = M_TEXT;
}

void
tb_reset_mode(tp *p)
{
    for (size_t i = p->sp; i-- > 0;) {
        wn_node *n = p->stack[i];
        bool last = i == 0;
        if (last && p->context)
            n = p->context;
        if (n->ns == WN_NS_HTML) {
            switch (n->tag) {
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

void
tb_tmodes_push(tp *p, mode m)
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

void
tb_stop_parsing(tp *p)
{
    while (p->sp > 0)
        tb_pop_el(p);
}

/* Characters in body: NULs dropped, formatting reconstructed. */
static void
body_chars(tp *p, const char *s, size_t n)
{
    while (n > 0) {
        const char *z = memchr(s, '\0', n);
        size_t seg = z ? (size_t)(z - s) : n;
        if (seg) {
            tb_reconstruct_afe(p);
            tb_insert_text(p, s, seg);
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
        tb_insert_text(p, s + i, j - i);
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
        tb_insert_comment(p, t, p->dom->root);
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
        tb_insert_comment(p, t, p->dom->root);
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
            wn_node *n = tb_create_element(p, t, WN_NS_HTML);
            if (!n)
                return false;
            wn_node_append(p->dom->root, n);
            tb_push_el(p, n, true);
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
    tb_push_el(p, n, true);
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
        tb_insert_comment(p, t, NULL);
        return false;
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_START_TAG:
        if (t->tag == WN_TAG_HTML)
            return m_in_body(p, t);
        if (t->tag == WN_TAG_HEAD) {
            p->head = tb_insert_element(p, t, WN_NS_HTML, true);
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
    p->head = tb_insert_implied(p, WN_TAG_HEAD, true);
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
        tb_insert_text(p, ws, wl);
        if (!rest)
            return false;
        break;
    }
    case WN_TOK_COMMENT:
        tb_insert_comment(p, t, NULL);
        return false;
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_START_TAG:
        switch (t->tag) {
        case WN_TAG_HTML:
            return m_in_body(p, t);
        case WN_TAG_BASE: case WN_TAG_BASEFONT: case WN_TAG_BGSOUND: case WN_TAG_LINK:
        case WN_TAG_META:
            tb_insert_void(p, t);
            return false;
        case WN_TAG_TITLE:
            generic_text(p, t, WN_TOKSTATE_RCDATA);
            return false;
        case WN_TAG_NOSCRIPT:
            if (p->scripting) {
                generic_text(p, t, WN_TOKSTATE_RAWTEXT);
                return false;
            }
            tb_insert_html(p, t);
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
            tb_insert_html(p, t);
            if (!p->pushed)
                return false;
            tb_afe_push_marker(p);
            p->frameset_ok = false;
            p->mode = M_IN_TEMPLATE;
            tb_tmodes_push(p, M_IN_TEMPLATE);
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
            tb_pop_el(p);
            p->mode = M_AFTER_HEAD;
            return false;
        case WN_TAG_BODY: case WN_TAG_HTML: case WN_TAG_BR:
            break;
        case WN_TAG_TEMPLATE:
            if (!tb_template_open(p))
                return false;
            tb_implied_end_tags(p, WN_TAG_UNKNOWN, true);
            tb_pop_until_tag(p, WN_TAG_TEMPLATE);
            tb_afe_clear_to_marker(p);
            tmodes_pop(p);
            tb_reset_mode(p);
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
        tb_pop_el(p);
    p->mode = M_AFTER_HEAD;
    return true;
}

/* Is a <noscript> open (for wn_parse_opts.lenient)? */
static bool
noscript_open(const tp *p)
{
    for (size_t i = p->sp; i > 0; i--)
        if (wn_node_is(p->stack[i - 1], WN_TAG_NOSCRIPT))
            return true;
    return false;
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
        tb_insert_text(p, ws, wl);
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
        case WN_TAG_IFRAME:
            if (p->lenient)
                return false; /* see wn_parse_opts.lenient: never shown */
            break;
        default:
            break;
        }
        break;
    case WN_TOK_END_TAG:
        if (t->tag == WN_TAG_NOSCRIPT) {
            tb_pop_el(p);
            p->mode = M_IN_HEAD;
            return false;
        }
        if (t->tag != WN_TAG_BR)
            return false;
        break;
    default:
        break;
    }
    tb_pop_el(p);
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
        tb_insert_text(p, ws, wl);
        if (!rest)
            return false;
        break;
    }
    case WN_TOK_COMMENT:
        tb_insert_comment(p, t, NULL);
        return false;
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_START_TAG:
        switch (t->tag) {
        case WN_TAG_HTML:
            return m_in_body(p, t);
        case WN_TAG_BODY:
            tb_insert_element(p, t, WN_NS_HTML, true);
            p->frameset_ok = false;
            p->mode = M_IN_BODY;
            return false;
        case WN_TAG_FRAMESET:
            tb_insert_element(p, t, WN_NS_HTML, true);
            p->mode = M_IN_FRAMESET;
            return false;
        case WN_TAG_BASE: case WN_TAG_BASEFONT: case WN_TAG_BGSOUND: case WN_TAG_LINK:
        case WN_TAG_META: case WN_TAG_NOFRAMES: case WN_TAG_SCRIPT: case WN_TAG_STYLE:
        case WN_TAG_TEMPLATE: case WN_TAG_TITLE: {
            if (!p->head)
                break;
            wn_node *head = p->head;
            tb_push_el(p, head, true);
            bool r = m_in_head(p, t);
            tb_stack_remove(p, head);
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
    tb_insert_implied(p, WN_TAG_BODY, true);
    p->mode = M_IN_BODY;
    return true;
}

static bool
is_type_hidden(const wn_token *t)
{
    for (uint32_t i = 0; i < t->n_attrs; i++) {
        const wn_attr *a = &t->attrs[i];
        if (a->ns == WN_ATTR_NS_NONE && a->name_len == 4 && memcmp(a->name, "type", 4) == 0)
            return a->value && tb_ieq_lit(a->value, a->value_len, "hidden");
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
    tb_insert_element(p, t, ns, false);
    if (t->self_closing && p->pushed)
        tb_pop_el(p);
}

/* Fragment parsing with a <select> context (some tags are then ignored). */
static bool
select_context(const tp *p)
{
    return p->context && is_h(p->context, WN_TAG_SELECT);
}

static bool
body_start_tag(tp *p, wn_token *t)
{
    switch (t->tag) {
    case WN_TAG_HTML:
        if (!tb_template_open(p) && p->sp)
            tb_merge_attrs(p, p->stack[0], t);
        return false;
    case WN_TAG_BASE: case WN_TAG_BASEFONT: case WN_TAG_BGSOUND: case WN_TAG_LINK:
    case WN_TAG_META: case WN_TAG_NOFRAMES: case WN_TAG_SCRIPT: case WN_TAG_STYLE:
    case WN_TAG_TEMPLATE: case WN_TAG_TITLE:
        return m_in_head(p, t);
    case WN_TAG_BODY:
        if (p->sp < 2 || !is_h(p->stack[1], WN_TAG_BODY) || tb_template_open(p))
            return false;
        p->frameset_ok = false;
        tb_merge_attrs(p, p->stack[1], t);
        return false;
    case WN_TAG_FRAMESET:
        if (p->sp < 2 || !is_h(p->stack[1], WN_TAG_BODY) || !p->frameset_ok)
            return false;
        wn_node_detach(p->stack[1]);
        while (p->sp > 1)
            tb_pop_el(p);
        tb_insert_element(p, t, WN_NS_HTML, true);
        p->mode = M_IN_FRAMESET;
        return false;
    case WN_TAG_ADDRESS: case WN_TAG_ARTICLE: case WN_TAG_ASIDE: case WN_TAG_BLOCKQUOTE:
    case WN_TAG_CENTER: case WN_TAG_DETAILS: case WN_TAG_DIALOG: case WN_TAG_DIR:
    case WN_TAG_DIV: case WN_TAG_DL: case WN_TAG_FIELDSET: case WN_TAG_FIGCAPTION:
    case WN_TAG_FIGURE: case WN_TAG_FOOTER: case WN_TAG_HEADER: case WN_TAG_HGROUP:
    case WN_TAG_MAIN: case WN_TAG_MENU: case WN_TAG_NAV: case WN_TAG_OL: case WN_TAG_P:
    case WN_TAG_SEARCH: case WN_TAG_SECTION: case WN_TAG_SUMMARY: case WN_TAG_UL:
        tb_close_p_if_in_button_scope(p);
        tb_insert_html(p, t);
        return false;
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
    case WN_TAG_H6: {
        tb_close_p_if_in_button_scope(p);
        wn_node *c = current(p);
        if (c && c->ns == WN_NS_HTML && is_heading_tag((wn_tag)c->tag))
            tb_pop_el(p);
        tb_insert_html(p, t);
        return false;
    }
    case WN_TAG_PRE: case WN_TAG_LISTING:
        tb_close_p_if_in_button_scope(p);
        tb_insert_html(p, t);
        p->ignore_lf = true;
        p->frameset_ok = false;
        return false;
    case WN_TAG_FORM:
        if (p->form && !tb_template_open(p))
            return false;
        tb_close_p_if_in_button_scope(p);
        {
            wn_node *f = tb_insert_html(p, t);
            if (!tb_template_open(p) && p->pushed)
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
                tb_implied_end_tags(p, hit, false);
                tb_pop_until_tag(p, hit);
                break;
            }
            if (tb_is_special(n) && !is_h(n, WN_TAG_ADDRESS) && !is_h(n, WN_TAG_DIV) &&
                !is_h(n, WN_TAG_P))
                break;
        }
        tb_close_p_if_in_button_scope(p);
        tb_insert_html(p, t);
        return false;
    case WN_TAG_PLAINTEXT:
        tb_close_p_if_in_button_scope(p);
        tb_insert_element(p, t, WN_NS_HTML, true);
        switch_tokenizer(p, WN_TOKSTATE_PLAINTEXT);
        return false;
    case WN_TAG_BUTTON:
        if (tb_in_scope(p, WN_TAG_BUTTON, SC_DEFAULT)) {
            tb_implied_end_tags(p, WN_TAG_UNKNOWN, false);
            tb_pop_until_tag(p, WN_TAG_BUTTON);
        }
        tb_reconstruct_afe(p);
        tb_insert_html(p, t);
        p->frameset_ok = false;
        return false;
    case WN_TAG_A: {
        wn_node *a = tb_afe_find(p, t);
        if (a) {
            wn_token end = *t;
            end.type = WN_TOK_END_TAG;
            tb_adoption_agency(p, &end);
            tb_afe_remove(p, a);
            tb_stack_remove(p, a);
        }
        tb_reconstruct_afe(p);
        wn_node *n = tb_insert_html(p, t);
        if (p->pushed)
            tb_afe_push(p, n);
        return false;
    }
    case WN_TAG_B: case WN_TAG_BIG: case WN_TAG_CODE: case WN_TAG_EM: case WN_TAG_FONT:
    case WN_TAG_I: case WN_TAG_S: case WN_TAG_SMALL: case WN_TAG_STRIKE: case WN_TAG_STRONG:
    case WN_TAG_TT: case WN_TAG_U: {
        tb_reconstruct_afe(p);
        wn_node *n = tb_insert_html(p, t);
        if (p->pushed)
            tb_afe_push(p, n);
        return false;
    }
    case WN_TAG_NOBR: {
        tb_reconstruct_afe(p);
        if (tb_in_scope(p, WN_TAG_NOBR, SC_DEFAULT)) {
            wn_token end = *t;
            end.type = WN_TOK_END_TAG;
            tb_adoption_agency(p, &end);
            tb_reconstruct_afe(p);
        }
        wn_node *n = tb_insert_html(p, t);
        if (p->pushed)
            tb_afe_push(p, n);
        return false;
    }
    case WN_TAG_APPLET: case WN_TAG_MARQUEE: case WN_TAG_OBJECT:
        tb_reconstruct_afe(p);
        tb_insert_html(p, t);
        if (p->pushed)
            tb_afe_push_marker(p);
        p->frameset_ok = false;
        return false;
    case WN_TAG_TABLE:
        if (p->dom->quirks != WN_QUIRKS)
            tb_close_p_if_in_button_scope(p);
        tb_insert_html(p, t);
        p->frameset_ok = false;
        if (p->pushed)
            p->mode = M_IN_TABLE;
        return false;
    case WN_TAG_AREA: case WN_TAG_BR: case WN_TAG_EMBED: case WN_TAG_IMG: case WN_TAG_KEYGEN:
    case WN_TAG_WBR:
        tb_reconstruct_afe(p);
        tb_insert_void(p, t);
        p->frameset_ok = false;
        return false;
    case WN_TAG_INPUT:
        if (select_context(p))
            return false;
        if (tb_in_scope(p, WN_TAG_SELECT, SC_DEFAULT))
            tb_pop_until_tag(p, WN_TAG_SELECT);
        tb_reconstruct_afe(p);
        tb_insert_void(p, t);
        if (!is_type_hidden(t))
            p->frameset_ok = false;
        return false;
    case WN_TAG_PARAM: case WN_TAG_SOURCE: case WN_TAG_TRACK:
        tb_insert_void(p, t);
        return false;
    case WN_TAG_HR:
        tb_close_p_if_in_button_scope(p);
        if (tb_in_scope(p, WN_TAG_SELECT, SC_DEFAULT))
            tb_implied_end_tags(p, WN_TAG_UNKNOWN, false);
        tb_insert_void(p, t);
        p->frameset_ok = false;
        return false;
    case WN_TAG_IMAGE:
        t->tag = WN_TAG_IMG;
        t->name = "img";
        t->name_len = 3;
        return true;
    case WN_TAG_TEXTAREA:
        tb_insert_element(p, t, WN_NS_HTML, true);
        p->ignore_lf = true;
        switch_tokenizer(p, WN_TOKSTATE_RCDATA);
        p->orig_mode = p->mode;
        p->frameset_ok = false;
        p->mode = M_TEXT;
        return false;
    case WN_TAG_XMP:
        tb_close_p_if_in_button_scope(p);
        tb_reconstruct_afe(p);
        p->frameset_ok = false;
        generic_text(p, t, WN_TOKSTATE_RAWTEXT);
        return false;
    case WN_TAG_IFRAME:
        p->frameset_ok = false;
        if (p->lenient && noscript_open(p)) {
            tb_reconstruct_afe(p);
            tb_insert_void(p, t); /* see wn_parse_opts.lenient */
            return false;
        }
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
        /* customizable <select> (2025): select no longer has insertion
         * modes of its own; a nested select closes the open one */
        if (select_context(p))
            return false;
        if (tb_in_scope(p, WN_TAG_SELECT, SC_DEFAULT)) {
            tb_pop_until_tag(p, WN_TAG_SELECT);
            return false;
        }
        tb_reconstruct_afe(p);
        tb_insert_html(p, t);
        p->frameset_ok = false;
        return false;
    case WN_TAG_OPTION:
        if (tb_in_scope(p, WN_TAG_SELECT, SC_DEFAULT)) {
            tb_implied_end_tags(p, WN_TAG_OPTGROUP, false);
        } else if (is_h(current(p), WN_TAG_OPTION)) {
            tb_pop_el(p);
        }
        tb_reconstruct_afe(p);
        tb_insert_html(p, t);
        return false;
    case WN_TAG_OPTGROUP:
        if (tb_in_scope(p, WN_TAG_SELECT, SC_DEFAULT)) {
            tb_implied_end_tags(p, WN_TAG_UNKNOWN, false);
        } else if (is_h(current(p), WN_TAG_OPTION)) {
            tb_pop_el(p);
        }
        tb_reconstruct_afe(p);
        tb_insert_html(p, t);
        return false;
    case WN_TAG_RB: case WN_TAG_RTC:
        if (tb_in_scope(p, WN_TAG_RUBY, SC_DEFAULT))
            tb_implied_end_tags(p, WN_TAG_UNKNOWN, false);
        tb_insert_html(p, t);
        return false;
    case WN_TAG_RP: case WN_TAG_RT:
        if (tb_in_scope(p, WN_TAG_RUBY, SC_DEFAULT))
            tb_implied_end_tags(p, WN_TAG_RTC, false);
        tb_insert_html(p, t);
        return false;
    case WN_TAG_MATH:
        tb_reconstruct_afe(p);
        insert_foreign(p, t, WN_NS_MATHML);
        return false;
    case WN_TAG_SVG:
        tb_reconstruct_afe(p);
        insert_foreign(p, t, WN_NS_SVG);
        return false;
    case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP: case WN_TAG_FRAME:
    case WN_TAG_HEAD: case WN_TAG_TBODY: case WN_TAG_TD: case WN_TAG_TFOOT: case WN_TAG_TH:
    case WN_TAG_THEAD: case WN_TAG_TR:
        return false;
    default:
        break;
    }
    tb_reconstruct_afe(p);
    tb_insert_html(p, t);
    return false;
}

static bool
body_end_tag(tp *p, wn_token *t)
{
    switch (t->tag) {
    case WN_TAG_TEMPLATE:
        return m_in_head(p, t);
    case WN_TAG_BODY:
        if (tb_in_scope(p, WN_TAG_BODY, SC_DEFAULT))
            p->mode = M_AFTER_BODY;
        return false;
    case WN_TAG_HTML:
        if (!tb_in_scope(p, WN_TAG_BODY, SC_DEFAULT))
            return false;
        p->mode = M_AFTER_BODY;
        return true;
    case WN_TAG_ADDRESS: case WN_TAG_ARTICLE: case WN_TAG_ASIDE: case WN_TAG_BLOCKQUOTE:
    case WN_TAG_BUTTON: case WN_TAG_CENTER: case WN_TAG_DETAILS: case WN_TAG_DIALOG:
    case WN_TAG_DIR: case WN_TAG_DIV: case WN_TAG_DL: case WN_TAG_FIELDSET:
    case WN_TAG_FIGCAPTION: case WN_TAG_FIGURE: case WN_TAG_FOOTER: case WN_TAG_HEADER:
    case WN_TAG_HGROUP: case WN_TAG_LISTING: case WN_TAG_MAIN: case WN_TAG_MENU:
    case WN_TAG_NAV: case WN_TAG_OL: case WN_TAG_PRE: case WN_TAG_SEARCH: case WN_TAG_SECTION:
    case WN_TAG_SUMMARY: case WN_TAG_UL: case WN_TAG_SELECT:
        if (!tb_in_scope(p, t->tag, SC_DEFAULT))
            return false;
        tb_implied_end_tags(p, WN_TAG_UNKNOWN, false);
        tb_pop_until_tag(p, t->tag);
        return false;
    case WN_TAG_FORM:
        if (!tb_template_open(p)) {
            wn_node *f = p->form;
            p->form = NULL;
            if (!f || !tb_node_in_scope(p, f, SC_DEFAULT))
                return false;
            tb_implied_end_tags(p, WN_TAG_UNKNOWN, false);
            tb_stack_remove(p, f);
        } else {
            if (!tb_in_scope(p, WN_TAG_FORM, SC_DEFAULT))
                return false;
            tb_implied_end_tags(p, WN_TAG_UNKNOWN, false);
            tb_pop_until_tag(p, WN_TAG_FORM);
        }
        return false;
    case WN_TAG_P:
        if (!tb_in_scope(p, WN_TAG_P, SC_BUTTON)) {
            tb_insert_implied(p, WN_TAG_P, true);
        }
        tb_close_p(p);
        return false;
    case WN_TAG_LI:
        if (!tb_in_scope(p, WN_TAG_LI, SC_LIST_ITEM))
            return false;
        tb_implied_end_tags(p, WN_TAG_LI, false);
        tb_pop_until_tag(p, WN_TAG_LI);
        return false;
    case WN_TAG_DD: case WN_TAG_DT:
        if (!tb_in_scope(p, t->tag, SC_DEFAULT))
            return false;
        tb_implied_end_tags(p, t->tag, false);
        tb_pop_until_tag(p, t->tag);
        return false;
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
    case WN_TAG_H6:
        if (!tb_heading_in_scope(p))
            return false;
        tb_implied_end_tags(p, WN_TAG_UNKNOWN, false);
        while (p->sp > 0) {
            wn_node *n = current(p);
            tb_pop_el(p);
            if (n->ns == WN_NS_HTML && is_heading_tag((wn_tag)n->tag))
                break;
        }
        return false;
    case WN_TAG_A: case WN_TAG_B: case WN_TAG_BIG: case WN_TAG_CODE: case WN_TAG_EM:
    case WN_TAG_FONT: case WN_TAG_I: case WN_TAG_NOBR: case WN_TAG_S: case WN_TAG_SMALL:
    case WN_TAG_STRIKE: case WN_TAG_STRONG: case WN_TAG_TT: case WN_TAG_U:
        tb_adoption_agency(p, t);
        return false;
    case WN_TAG_APPLET: case WN_TAG_MARQUEE: case WN_TAG_OBJECT:
        if (!tb_in_scope(p, t->tag, SC_DEFAULT))
            return false;
        tb_implied_end_tags(p, WN_TAG_UNKNOWN, false);
        tb_pop_until_tag(p, t->tag);
        tb_afe_clear_to_marker(p);
        return false;
    case WN_TAG_BR: {
        wn_token br = *t;
        br.type = WN_TOK_START_TAG;
        br.attrs = NULL;
        br.n_attrs = 0;
        br.self_closing = false;
        tb_reconstruct_afe(p);
        tb_insert_void(p, &br);
        p->frameset_ok = false;
        return false;
    }
    default:
        tb_any_other_end_tag(p, t);
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
        tb_insert_comment(p, t, NULL);
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
        tb_stop_parsing(p);
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
        tb_insert_text(p, t->data, t->len);
        return false;
    case WN_TOK_EOF:
        tb_pop_el(p);
        p->mode = p->orig_mode;
        return true;
    case WN_TOK_END_TAG:
        tb_pop_el(p);
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
        tb_pop_el(p);
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
        tb_insert_comment(p, t, NULL);
        return false;
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_START_TAG:
        switch (t->tag) {
        case WN_TAG_CAPTION:
            clear_to_table(p);
            tb_afe_push_marker(p);
            tb_insert_element(p, t, WN_NS_HTML, true);
            p->mode = M_IN_CAPTION;
            return false;
        case WN_TAG_COLGROUP:
            clear_to_table(p);
            tb_insert_element(p, t, WN_NS_HTML, true);
            p->mode = M_IN_COLUMN_GROUP;
            return false;
        case WN_TAG_COL:
            clear_to_table(p);
            tb_insert_implied(p, WN_TAG_COLGROUP, true);
            p->mode = M_IN_COLUMN_GROUP;
            return true;
        case WN_TAG_TBODY: case WN_TAG_TFOOT: case WN_TAG_THEAD:
            clear_to_table(p);
            tb_insert_element(p, t, WN_NS_HTML, true);
            p->mode = M_IN_TABLE_BODY;
            return false;
        case WN_TAG_TD: case WN_TAG_TH: case WN_TAG_TR:
            clear_to_table(p);
            tb_insert_implied(p, WN_TAG_TBODY, true);
            p->mode = M_IN_TABLE_BODY;
            return true;
        case WN_TAG_TABLE:
            if (!tb_in_scope(p, WN_TAG_TABLE, SC_TABLE))
                return false;
            tb_pop_until_tag(p, WN_TAG_TABLE);
            tb_reset_mode(p);
            return true;
        case WN_TAG_STYLE: case WN_TAG_SCRIPT: case WN_TAG_TEMPLATE:
            return m_in_head(p, t);
        case WN_TAG_INPUT:
            if (!is_type_hidden(t))
                break;
            tb_insert_void(p, t);
            return false;
        case WN_TAG_FORM:
            if (tb_template_open(p) || p->form)
                return false;
            p->form = tb_insert_html(p, t);
            if (p->pushed)
                tb_pop_el(p);
            return false;
        default:
            break;
        }
        break;
    case WN_TOK_END_TAG:
        switch (t->tag) {
        case WN_TAG_TABLE:
            if (!tb_in_scope(p, WN_TAG_TABLE, SC_TABLE))
                return false;
            tb_pop_until_tag(p, WN_TAG_TABLE);
            tb_reset_mode(p);
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
    if (n == 0)
        return;
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
                tb_insert_text(p, copy, p->pending_len);
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
    if (!tb_in_scope(p, WN_TAG_CAPTION, SC_TABLE))
        return false;
    tb_implied_end_tags(p, WN_TAG_UNKNOWN, false);
    tb_pop_until_tag(p, WN_TAG_CAPTION);
    tb_afe_clear_to_marker(p);
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
        tb_insert_text(p, ws, wl);
        if (!rest)
            return false;
        break;
    }
    case WN_TOK_COMMENT:
        tb_insert_comment(p, t, NULL);
        return false;
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_START_TAG:
        if (t->tag == WN_TAG_HTML)
            return m_in_body(p, t);
        if (t->tag == WN_TAG_COL) {
            tb_insert_void(p, t);
            return false;
        }
        if (t->tag == WN_TAG_TEMPLATE)
            return m_in_head(p, t);
        break;
    case WN_TOK_END_TAG:
        if (t->tag == WN_TAG_COLGROUP) {
            if (current(p) && is_h(current(p), WN_TAG_COLGROUP)) {
                tb_pop_el(p);
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
    tb_pop_el(p);
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
            tb_insert_element(p, t, WN_NS_HTML, true);
            p->mode = M_IN_ROW;
            return false;
        case WN_TAG_TH: case WN_TAG_TD:
            clear_to_table_body(p);
            tb_insert_implied(p, WN_TAG_TR, true);
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
            if (!tb_in_scope(p, t->tag, SC_TABLE))
                return false;
            clear_to_table_body(p);
            tb_pop_el(p);
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
    if (!tb_in_scope(p, WN_TAG_TBODY, SC_TABLE) && !tb_in_scope(p, WN_TAG_THEAD, SC_TABLE) &&
        !tb_in_scope(p, WN_TAG_TFOOT, SC_TABLE))
        return false;
    clear_to_table_body(p);
    tb_pop_el(p);
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
            tb_insert_element(p, t, WN_NS_HTML, true);
            p->mode = M_IN_CELL;
            tb_afe_push_marker(p);
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
            if (!tb_in_scope(p, WN_TAG_TR, SC_TABLE))
                return false;
            clear_to_row(p);
            tb_pop_el(p);
            p->mode = M_IN_TABLE_BODY;
            return false;
        case WN_TAG_TABLE:
            goto close_row;
        case WN_TAG_TBODY: case WN_TAG_TFOOT: case WN_TAG_THEAD:
            if (!tb_in_scope(p, t->tag, SC_TABLE))
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
    if (!tb_in_scope(p, WN_TAG_TR, SC_TABLE))
        return false;
    clear_to_row(p);
    tb_pop_el(p);
    p->mode = M_IN_TABLE_BODY;
    return true;
}

static void
close_cell(tp *p)
{
    tb_implied_end_tags(p, WN_TAG_UNKNOWN, false);
    while (p->sp > 1) {
        wn_node *n = current(p);
        tb_pop_el(p);
        if (is_h(n, WN_TAG_TD) || is_h(n, WN_TAG_TH))
            break;
    }
    tb_afe_clear_to_marker(p);
    p->mode = M_IN_ROW;
}

/* 13.2.6.4.15 "in cell" */
static bool
m_in_cell(tp *p, wn_token *t)
{
    if (t->type == WN_TOK_END_TAG) {
        switch (t->tag) {
        case WN_TAG_TD: case WN_TAG_TH:
            if (!tb_in_scope(p, t->tag, SC_TABLE))
                return false;
            tb_implied_end_tags(p, WN_TAG_UNKNOWN, false);
            tb_pop_until_tag(p, t->tag);
            tb_afe_clear_to_marker(p);
            p->mode = M_IN_ROW;
            return false;
        case WN_TAG_BODY: case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP:
        case WN_TAG_HTML:
            return false;
        case WN_TAG_TABLE: case WN_TAG_TBODY: case WN_TAG_TFOOT: case WN_TAG_THEAD:
        case WN_TAG_TR:
            if (!tb_in_scope(p, t->tag, SC_TABLE))
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
            if (!tb_in_scope(p, WN_TAG_TD, SC_TABLE) && !tb_in_scope(p, WN_TAG_TH, SC_TABLE))
                return false;
            close_cell(p);
            return true;
        default:
            break;
        }
    }
    return m_in_body(p, t);
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
        tb_tmodes_push(p, next);
        p->mode = next;
        return true;
    case WN_TOK_END_TAG:
        if (t->tag == WN_TAG_TEMPLATE)
            return m_in_head(p, t);
        return false;
    case WN_TOK_EOF:
        if (!tb_template_open(p)) {
            tb_stop_parsing(p);
            return false;
        }
        tb_pop_until_tag(p, WN_TAG_TEMPLATE);
        tb_afe_clear_to_marker(p);
        tmodes_pop(p);
        tb_reset_mode(p);
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
            tb_reconstruct_afe(p);
            tb_insert_text(p, ws, wl);
        }
        if (!rest)
            return false;
        break;
    }
    case WN_TOK_COMMENT:
        tb_insert_comment(p, t, p->sp ? p->stack[0] : p->dom->root);
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
        tb_stop_parsing(p);
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
        tb_insert_comment(p, t, NULL);
        return false;
    case WN_TOK_START_TAG:
        switch (t->tag) {
        case WN_TAG_HTML:
            return m_in_body(p, t);
        case WN_TAG_FRAMESET:
            tb_insert_html(p, t);
            return false;
        case WN_TAG_FRAME:
            tb_insert_void(p, t);
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
            tb_pop_el(p);
            if (!p->context && !is_h(current(p), WN_TAG_FRAMESET))
                p->mode = M_AFTER_FRAMESET;
        }
        return false;
    case WN_TOK_EOF:
        tb_stop_parsing(p);
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
        tb_insert_comment(p, t, NULL);
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
        tb_stop_parsing(p);
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
        tb_insert_comment(p, t, p->dom->root);
        return false;
    case WN_TOK_DOCTYPE:
        return m_in_body(p, t);
    case WN_TOK_CHARACTER: {
        const char *ws;
        size_t wl;
        bool rest = split_ws(t, &ws, &wl);
        if (wl) {
            tb_reconstruct_afe(p);
            tb_insert_text(p, ws, wl);
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
        tb_stop_parsing(p);
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
        tb_insert_comment(p, t, p->dom->root);
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
                tb_reconstruct_afe(p);
                tb_insert_text(p, t->data + i, j - i);
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
        tb_stop_parsing(p);
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
    return n->name_len == t->name_len && tb_ieq_lit(n->name, n->name_len, t->name);
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
        for (size_t i = 0; i < n && p->frameset_ok; i++)
            if (!is_ws((unsigned char)s[i]) && s[i] != '\0')
                p->frameset_ok = false;
        while (n > 0) {
            const char *z = memchr(s, '\0', n);
            size_t seg = z ? (size_t)(z - s) : n;
            tb_insert_text(p, s, seg);
            if (!z)
                break;
            tb_insert_text(p, "\xEF\xBF\xBD", 3);
            s += seg + 1;
            n -= seg + 1;
        }
        return false;
    }
    case WN_TOK_COMMENT:
        tb_insert_comment(p, t, NULL);
        return false;
    case WN_TOK_DOCTYPE:
        return false;
    case WN_TOK_START_TAG: {
        if (is_breakout(t)) {
            while (p->sp > 1) {
                wn_node *c = current(p);
                if (c->ns == WN_NS_HTML || tb_is_mathml_text_ip(c) || tb_is_html_ip(c))
                    break;
                tb_pop_el(p);
            }
            return run_mode(p, t);
        }
        wn_node *acn = adjusted_current(p);
        insert_foreign(p, t, (wn_ns)acn->ns);
        return false;
    }
    case WN_TOK_END_TAG: {
        if (t->tag == WN_TAG_BR || t->tag == WN_TAG_P) {
            while (p->sp > 1) {
                wn_node *c = current(p);
                if (c->ns == WN_NS_HTML || tb_is_mathml_text_ip(c) || tb_is_html_ip(c))
                    break;
                tb_pop_el(p);
            }
            return run_mode(p, t);
        }
        for (size_t i = p->sp; i-- > 0;) {
            wn_node *n = p->stack[i];
            if (i == 0)
                return false;
            if (lower_name_eq(n, t)) {
                tb_pop_until_node(p, n);
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
    if (tb_is_mathml_text_ip(acn)) {
        if (t->type == WN_TOK_CHARACTER)
            return true;
        if (t->type == WN_TOK_START_TAG && t->tag != WN_TAG_MGLYPH && t->tag != WN_TAG_MALIGNMARK)
            return true;
    }
    if (acn->ns == WN_NS_MATHML && acn->tag == WN_TAG_ANNOTATION_XML &&
        t->type == WN_TOK_START_TAG && t->tag == WN_TAG_SVG)
        return true;
    if ((t->type == WN_TOK_START_TAG || t->type == WN_TOK_CHARACTER) && tb_is_html_ip(acn))
        return true;
    return false;
}

void
tb_process_token(tp *p, wn_token *t)
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
    for (int guard = 0; guard < 65536 && !p->oom; guard++) {
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

