/* clean.c - mark what is never content with WN_NF_DROP.
 *
 * Nodes are flagged, never detached (metadata still reads the JSON-LD in a
 * dropped <script>). Three passes, each linear:
 *   1. markup: tags that never carry readable text (script, style, svg,
 *      iframe, form controls, ...), hidden elements (hidden attribute,
 *      aria-hidden, inline display:none / visibility:hidden), landmark roles
 *      that are not the main content (navigation, banner, contentinfo,
 *      complementary, search, dialogs, menus, toolbars), <noscript> unless it
 *      holds the only copy of an image;
 *   2. the sizes of what is left: the text and link text under each element,
 *      summed by pass 1 as it walks, and subtree statistics
 *      (score/score_stats.c) for the few elements whose paragraphs decide;
 *   3. class/id vocabulary (clean_rules.c): navigation, sharing, ads, cookie
 *      banners, modals, newsletters ... dropped unless the element also says
 *      it is the article, is a page-level container, or holds several real
 *      paragraphs (a wrapper whose class merely mentions "share" or "menu");
 *      small forms (a CMS may wrap the whole page in one <form>).
 */
#include <string.h>

#include "clean/clean.h"
#include "pipeline.h"
#include "score/score.h"
#include "score/stats_walk.h"

#define SHOWN 3 /* node->aux of an element shown again by unhide_if_all_hidden */

/* Is v[0..len), trimmed, ASCII case-insensitively the lower-case `value`? */
static bool
value_eq_ci(const char *v, size_t len, const char *value, size_t vl)
{
    while (len && (*v == ' ' || *v == '\t' || *v == '\n')) {
        v++;
        len--;
    }
    while (len && (v[len - 1] == ' ' || v[len - 1] == '\t' || v[len - 1] == '\n'))
        len--;
    return wn_value_ieq(v, len, value, vl);
}

/* The attributes the markup tests read, found in one scan of the element's
 * attributes (the first of each name, as wn_node_attr finds it). */
typedef struct markup_attrs {
    const wn_attr *role, *itemprop, *style, *aria_hidden, *id, *aria_controls, *cls;
    const wn_attr *aria_roledesc;
    bool hidden, aria_modal;
    bool itemtype; /* for the token cache (WN_TOK_ITEMTYPE) */
} markup_attrs;

static inline __attribute__((always_inline)) void
markup_attrs_scan(const wn_node *n, markup_attrs *m)
{
    memset(m, 0, sizeof *m);
    for (uint32_t i = 0; i < n->n_attrs; i++) {
        const wn_attr *a = &n->attrs[i];
        if (a->ns != WN_ATTR_NS_NONE)
            continue;
        const char *nm = a->name;
        switch (a->name_len) {
        case 2:
            if (!m->id && memcmp(nm, "id", 2) == 0)
                m->id = a;
            break;
        case 4:
            if (!m->role && memcmp(nm, "role", 4) == 0)
                m->role = a;
            break;
        case 5:
            if (!m->cls && memcmp(nm, "class", 5) == 0)
                m->cls = a;
            else if (!m->style && memcmp(nm, "style", 5) == 0)
                m->style = a;
            break;
        case 6:
            if (memcmp(nm, "hidden", 6) == 0)
                m->hidden = true;
            break;
        case 8:
            if (!m->itemprop && memcmp(nm, "itemprop", 8) == 0)
                m->itemprop = a;
            else if (memcmp(nm, "itemtype", 8) == 0)
                m->itemtype = true;
            break;
        case 10:
            if (memcmp(nm, "aria-modal", 10) == 0)
                m->aria_modal = true;
            break;
        case 11:
            if (!m->aria_hidden && memcmp(nm, "aria-hidden", 11) == 0)
                m->aria_hidden = a;
            break;
        case 13:
            if (!m->aria_controls && memcmp(nm, "aria-controls", 13) == 0)
                m->aria_controls = a;
            break;
        case 20:
            if (!m->aria_roledesc && memcmp(nm, "aria-roledescription", 20) == 0)
                m->aria_roledesc = a;
            break;
        default:
            break;
        }
    }
}

/* Is the attribute's value, trimmed, ASCII case-insensitively `value`?
 * (Inline: most elements have none of the attributes asked about.) */
static inline bool
attr_value_is(const wn_attr *a, const char *value, size_t vl)
{
    return a && value_eq_ci(a->value ? a->value : "", a->value ? a->value_len : 0, value, vl);
}

#define ATTR_IS(a, lit) attr_value_is((a), lit, sizeof lit - 1)

/* Does an inline style hide the element? Compares with spaces removed. */
static bool
style_hides(const wn_attr *a)
{
    if (!a || !a->value || a->value_len < 11)
        return false;
    const char *v = a->value;
    size_t len = a->value_len;
    char buf[256];
    size_t k = 0;
    for (size_t i = 0; i < len && k < sizeof buf - 1; i++) {
        int c = (unsigned char)v[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (c >= 'A' && c <= 'Z')
            c += 32;
        buf[k++] = (char)c;
    }
    buf[k] = '\0';
    return strstr(buf, "display:none") != NULL || strstr(buf, "visibility:hidden") != NULL;
}

/* Does the element's role mark a landmark or widget that is never content?
 * Dialogs and widgets always; landmarks (`landmark` true) are checked in
 * pass 3, where a landmark holding most of the page's paragraphs is taken
 * for a mis-nested wrapper and kept. */
static bool
role_value_drops(const wn_attr *role, bool landmark)
{
    if (landmark)
        return ATTR_IS(role, "navigation") || ATTR_IS(role, "banner") ||
               ATTR_IS(role, "contentinfo") || ATTR_IS(role, "complementary") ||
               ATTR_IS(role, "search");
    return ATTR_IS(role, "dialog") || ATTR_IS(role, "alertdialog") || ATTR_IS(role, "alert") ||
           ATTR_IS(role, "menu") || ATTR_IS(role, "menubar") || ATTR_IS(role, "toolbar") ||
           ATTR_IS(role, "button") || ATTR_IS(role, "tooltip");
}

static inline bool
role_drops(const wn_attr *role, bool landmark)
{
    return role && role_value_drops(role, landmark);
}

/* Does the element hold a heading? A whole card (picture, headline,
 * teaser) made clickable with role=button is a card, not a button. The
 * walks of a page share *budget nodes (nested role=button elements would
 * otherwise read the same nodes again and again); once it is spent the
 * answer is no, and the element is dropped as any role=button. */
static bool
holds_heading(wn_node *n, size_t *budget)
{
    wn_walk w;
    wn_node *d;
    bool e;
    wn_walk_init(&w, n);
    while (wn_walk_next(&w, &d, &e)) {
        if (*budget == 0)
            return false;
        (*budget)--;
        if (e && d->type == WN_NODE_ELEMENT && d->ns == WN_NS_HTML &&
            (d->tag == WN_TAG_H1 || d->tag == WN_TAG_H2 || d->tag == WN_TAG_H3 ||
             d->tag == WN_TAG_H4 || d->tag == WN_TAG_H5 || d->tag == WN_TAG_H6))
            return true;
    }
    return false;
}

/* Is the <button> an accordion's question: a heading holds it (the
 * heading's text is the button's, as in the WAI-ARIA accordion: <h3>
 * <button aria-expanded>), within two levels, or it holds a heading (a
 * course's title and code opening its panel)? The panel it opens is kept
 * (see is_panel); its question is the panel's heading. */
static bool
heading_button(wn_node *n, size_t *budget)
{
    const wn_node *a = n->parent;
    for (int up = 0; up < 2 && a && a->type == WN_NODE_ELEMENT; up++, a = a->parent) {
        if (a->ns == WN_NS_HTML &&
            (a->tag == WN_TAG_H1 || a->tag == WN_TAG_H2 || a->tag == WN_TAG_H3 ||
             a->tag == WN_TAG_H4 || a->tag == WN_TAG_H5 || a->tag == WN_TAG_H6))
            return true;
        size_t rl = 0;
        const char *r = wn_node_attr(a, "role", &rl);
        if (r && value_eq_ci(r, rl, "heading", 7))
            return true;
    }
    return holds_heading(n, budget);
}

static inline bool
tag_drops(const wn_node *n)
{
    if (n->ns != WN_NS_HTML) /* svg: icon titles are not prose; a <math> is a
                                formula, rendered as TeX, its markup no text */
        return !(n->ns == WN_NS_MATHML && n->tag == WN_TAG_MATH);
    switch (n->tag) {
    case WN_TAG_SCRIPT: case WN_TAG_STYLE: case WN_TAG_TEMPLATE: case WN_TAG_SVG:
    case WN_TAG_MATH: case WN_TAG_IFRAME: case WN_TAG_FRAME: case WN_TAG_FRAMESET:
    case WN_TAG_OBJECT: case WN_TAG_EMBED: case WN_TAG_APPLET: case WN_TAG_CANVAS:
    case WN_TAG_INPUT: case WN_TAG_SELECT: case WN_TAG_TEXTAREA:
    case WN_TAG_OPTION: case WN_TAG_OPTGROUP: case WN_TAG_DATALIST: case WN_TAG_KEYGEN:
    case WN_TAG_PROGRESS: case WN_TAG_METER: case WN_TAG_DIALOG:
    case WN_TAG_HEAD: case WN_TAG_TITLE: case WN_TAG_META: case WN_TAG_LINK: case WN_TAG_BASE:
    case WN_TAG_AUDIO: case WN_TAG_VIDEO: case WN_TAG_SOURCE: case WN_TAG_TRACK:
    case WN_TAG_MAP: case WN_TAG_AREA: case WN_TAG_MENU:
    case WN_TAG_SEARCH: case WN_TAG_NOEMBED: case WN_TAG_NOFRAMES:
    case WN_TAG_BGSOUND: case WN_TAG_PARAM: case WN_TAG_MARQUEE:
        return true;
    default:
        return false;
    }
}

/* Page-level containers are never dropped for a class name or a hiding
 * attribute (a script may un-hide them; their class lists are long). */
static inline bool
is_page_level(const wn_node *n, const markup_attrs *m)
{
    return wn_node_is(n, WN_TAG_HTML) || wn_node_is(n, WN_TAG_BODY) ||
           wn_node_is(n, WN_TAG_MAIN) || ATTR_IS(m->role, "main") ||
           ATTR_IS(m->itemprop, "articlebody");
}

/* (aria-hidden hides from assistive technology only: on a link it marks a
 * visible duplicate, a card's summary or image linked again out of the
 * screen reader's way) */
static inline bool
hidden_by_markup(const wn_node *n, const markup_attrs *m)
{
    return (m->hidden || (ATTR_IS(m->aria_hidden, "true") && !wn_node_is(n, WN_TAG_A)) ||
            m->aria_modal || style_hides(m->style)) &&
           !is_page_level(n, m);
}

/* A tab's panel hidden by its style until the reader picks its tab, with
 * no aria-controls to say so: its class names a tab or a pane, and an
 * earlier sibling of the same tag and class (the open panel) is shown.
 * Like a collapsed panel, it is part of the page. Looks back at most
 * TAB_SIBLINGS siblings. */
#define TAB_SIBLINGS 16
static bool
tab_pane(const wn_node *n, const markup_attrs *m)
{
    static const char *const words[] = {"tab", "tabs", "tabpanel", "pane", "panel"};
    if (!style_hides(m->style) || m->hidden || !m->cls || !m->cls->value || !m->cls->value_len ||
        !wn_tokens_has_any(m->cls->value, m->cls->value_len, words, sizeof words / sizeof words[0]))
        return false;
    int k = 0;
    for (const wn_node *p = n->prev; p && k < TAB_SIBLINGS; p = p->prev) {
        if (p->type != WN_NODE_ELEMENT)
            continue;
        k++;
        size_t len;
        const char *v = wn_node_attr(p, "class", &len);
        if (p->tag != n->tag || !v || len != m->cls->value_len ||
            memcmp(v, m->cls->value, len) != 0)
            return false;
        if (!(p->flags & WN_NF_DROP))
            return true;
    }
    return false;
}

/* The first word of a class attribute's value (its length in *len), or
 * NULL when it has none. */
static const char *
first_class_word(const char *v, size_t vl, size_t *len)
{
    size_t i = 0;
    while (i < vl && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r' || v[i] == '\f'))
        i++;
    size_t s = i;
    while (i < vl && v[i] != ' ' && v[i] != '\t' && v[i] != '\n' && v[i] != '\r' && v[i] != '\f')
        i++;
    *len = i - s;
    return i > s ? v + s : NULL;
}

/* Does v hold the lower-case ASCII word w (any case), anywhere? (A quick
 * test before the class value is split into tokens.) */
static bool
has_ci(const char *v, size_t vl, const char *w, size_t wl)
{
    for (size_t i = 0; i + wl <= vl; i++) {
        if ((v[i] | 32) != w[0])
            continue;
        size_t k = 1;
        while (k < wl && (v[i + k] | 32) == w[k])
            k++;
        if (k == wl)
            return true;
    }
    return false;
}

/* Does element n hold a line of prose within its first PROSE_NODES nodes:
 * a text node of PROSE_BYTES or more outside links (a testimonial's quote,
 * a feature's description; not a product card, its name a link)? */
#define PROSE_NODES 96
#define PROSE_BYTES 80
static bool
holds_prose(const wn_node *n)
{
    wn_walk w;
    wn_node *d;
    bool e;
    int steps = 0, in_link = 0;
    wn_walk_init(&w, (wn_node *)n);
    while (wn_walk_next(&w, &d, &e) && steps++ < PROSE_NODES) {
        if (d->type == WN_NODE_ELEMENT) {
            if (e && d != n) {
                markup_attrs m;
                if (d->n_attrs)
                    markup_attrs_scan(d, &m);
                if (tag_drops(d) ||
                    (d->n_attrs && (role_drops(m.role, false) || hidden_by_markup(d, &m)))) {
                    wn_walk_skip_children(&w);
                    continue;
                }
            }
            if (wn_node_is(d, WN_TAG_A))
                in_link += e ? 1 : -1;
            continue;
        }
        if (e && d->type == WN_NODE_TEXT && !in_link && d->len >= PROSE_BYTES) {
            size_t k = 0;
            for (size_t i = 0; i < d->len && k < PROSE_BYTES; i++)
                if (d->data[i] != ' ' && d->data[i] != '\n' && d->data[i] != '\t' && d->data[i] != '\r')
                    k++;
            if (k >= PROSE_BYTES)
                return true;
        }
    }
    return false;
}

/* A carousel's slide out of view: hidden by aria-hidden="true" alone (a
 * carousel marks the slides it does not show so, and the copies it makes
 * for its loop; the reader scrolls to them), named a slide (the WAI-ARIA
 * carousel's aria-roledescription="slide", or a class word slide, slides or
 * carousel), with a sibling of the same tag and first class name (another
 * slide) that aria-hidden leaves shown, and holding prose (a testimonial,
 * a feature's description; a carousel of other products' linked cards
 * stays hidden). Like a tab's panel, it is part of the page; copies of one
 * slide appear once by the later rules on repeated blocks. Looks at most
 * TAB_SIBLINGS siblings each way. */
static bool
carousel_slide(const wn_node *n, const markup_attrs *m)
{
    if (m->hidden || m->aria_modal || !m->cls || !m->cls->value || style_hides(m->style))
        return false;
    static const char *const words[] = {"slide", "slides", "carousel"};
    size_t fl;
    if (!ATTR_IS(m->aria_roledesc, "slide") &&
        (!(has_ci(m->cls->value, m->cls->value_len, "slide", 5) ||
           has_ci(m->cls->value, m->cls->value_len, "carousel", 8)) ||
         !wn_tokens_has_any(m->cls->value, m->cls->value_len, words, sizeof words / sizeof words[0])))
        return false;
    const char *f = first_class_word(m->cls->value, m->cls->value_len, &fl);
    if (!f)
        return false;
    for (int dir = 0; dir < 2; dir++) {
        int k = 0;
        for (const wn_node *p = dir ? n->next : n->prev; p && k < TAB_SIBLINGS;
             p = dir ? p->next : p->prev) {
            if (p->type != WN_NODE_ELEMENT)
                continue;
            k++;
            if (p->tag != n->tag)
                continue;
            size_t len, pl;
            const char *v = wn_node_attr(p, "class", &len);
            const char *pf = v ? first_class_word(v, len, &pl) : NULL;
            if (!pf || pl != fl || memcmp(pf, f, fl) != 0 || wn_node_attr(p, "hidden", &len))
                continue;
            const char *ah = wn_node_attr(p, "aria-hidden", &len);
            if (!ah || !value_eq_ci(ah, len, "true", 4))
                return holds_prose(n);
        }
    }
    return false;
}

/* Does a form hold a control a reader fills or presses (an input other
 * than a hidden one, a select, a text area, a button) within its first
 * FORM_NODES nodes? A form of hidden inputs around a post's text (a
 * thread's comment rendered inside its edit form) is a wrapper. Past the
 * budget, it is taken to hold one. */
#define FORM_NODES 256
static bool
form_controls(const wn_node *f)
{
    wn_walk w;
    wn_node *d;
    bool e;
    int steps = 0;
    wn_walk_init(&w, (wn_node *)f);
    while (wn_walk_next(&w, &d, &e)) {
        if (++steps > FORM_NODES)
            return true;
        if (!e || d->type != WN_NODE_ELEMENT || d->ns != WN_NS_HTML)
            continue;
        switch (d->tag) {
        case WN_TAG_SELECT: case WN_TAG_TEXTAREA: case WN_TAG_BUTTON:
            return true;
        case WN_TAG_INPUT: {
            size_t len;
            const char *t = wn_node_attr(d, "type", &len);
            if (!t || !value_eq_ci(t, len, "hidden", 6))
                return true;
            break;
        }
        default:
            break;
        }
    }
    return false;
}

/* Does element p's visible text end with a question mark ('?', the
 * full-width '？' or the Arabic '؟')? Reads backwards from its last
 * descendant, past blank text, dropped elements (an expand icon) and
 * buttons (dropped later: a question written as the accordion's button is
 * not text that stays), at most QUESTION_STEPS nodes. */
#define QUESTION_STEPS 64
static bool
ends_with_question(const wn_node *p)
{
    const wn_node *n = p->last_child;
    for (int steps = 0; n && steps < QUESTION_STEPS; steps++) {
        if (n->type == WN_NODE_TEXT) {
            const unsigned char *d = (const unsigned char *)n->data;
            size_t i = n->len;
            while (i && (d[i - 1] == ' ' || d[i - 1] == '\t' || d[i - 1] == '\n' || d[i - 1] == '\r'))
                i--;
            if (i)
                return d[i - 1] == '?' ||
                       (i >= 3 && d[i - 3] == 0xEF && d[i - 2] == 0xBC && d[i - 1] == 0x9F) ||
                       (i >= 2 && d[i - 2] == 0xD8 && d[i - 1] == 0x9F);
        } else if (n->type == WN_NODE_ELEMENT && !(n->flags & WN_NF_DROP) &&
                   !wn_node_is(n, WN_TAG_BUTTON) && n->last_child) {
            n = n->last_child;
            continue;
        }
        while (n != p && !n->prev)
            n = n->parent;
        if (n == p)
            return false;
        n = n->prev;
    }
    return false;
}

/* An accordion's answer hidden by its style until the reader opens it,
 * with no aria-controls to say so: its class names an answer, a FAQ or an
 * accordion, and the element just before it (the question, the label the
 * reader clicks) is shown and holds text within its first ACCORDION_NODES
 * nodes. Like a closed <details>, it is part of the page. ("collapse" is
 * no such word: a navigation bar's menu is one too.) */
#define ACCORDION_NODES 16
static bool
accordion_answer(const wn_node *n, const markup_attrs *m)
{
    static const char *const words[] = {"answer", "answers", "accordion", "faq", "faqs"};
    if (!style_hides(m->style) || m->hidden || !m->cls || !m->cls->value || !m->cls->value_len ||
        !wn_tokens_has_any(m->cls->value, m->cls->value_len, words, sizeof words / sizeof words[0]))
        return false;
    const wn_node *p = n->prev;
    while (p && p->type != WN_NODE_ELEMENT)
        p = p->prev;
    if (!p || (p->flags & WN_NF_DROP))
        return false;
    wn_walk w;
    wn_node *d;
    bool e;
    int steps = 0;
    wn_walk_init(&w, (wn_node *)p);
    while (wn_walk_next(&w, &d, &e) && steps++ < ACCORDION_NODES) {
        if (!e || d->type != WN_NODE_TEXT)
            continue;
        for (size_t i = 0; i < d->len; i++) {
            char c = d->data[i];
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f')
                return true;
        }
    }
    return false;
}

/* A collapsed answer: hidden by its inline style alone (no hidden
 * attribute, no aria-hidden) right after a shown sibling, not a button,
 * that asks a question (an FAQ's answer, opened by clicking its
 * question). */
static bool
faq_answer(const wn_node *n, const markup_attrs *m)
{
    if (!style_hides(m->style) || m->hidden || ATTR_IS(m->aria_hidden, "true") || m->aria_modal)
        return false;
    const wn_node *p = n->prev;
    while (p && p->type != WN_NODE_ELEMENT)
        p = p->prev;
    return p && !(p->flags & WN_NF_DROP) && !wn_node_is(p, WN_TAG_BUTTON) &&
           ends_with_question(p);
}

/* Is element n's previous element sibling an accordion's header: a
 * heading (h1..h6, role=heading) or a button (the WAI-ARIA accordion:
 * each panel, a role=region, follows the header that opens it)? */
static bool
after_accordion_header(const wn_node *n)
{
    const wn_node *p = n->prev;
    while (p && p->type != WN_NODE_ELEMENT)
        p = p->prev;
    if (!p || p->ns != WN_NS_HTML)
        return false;
    switch (p->tag) {
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
    case WN_TAG_H6: case WN_TAG_BUTTON:
        return true;
    default:
        break;
    }
    size_t len;
    const char *r = wn_node_attr(p, "role", &len);
    return r && (value_eq_ci(r, len, "heading", 7) || value_eq_ci(r, len, "button", 6));
}

/* Collapsed panels: the ids an aria-controls names (an accordion's or a
 * tab's button names the panel it opens). A panel hidden by markup until
 * the reader opens it is part of the page, as the text of a closed
 * <details> is; a menu opened by a button is dropped for what it is
 * (nav, menu, role=menu ...). Hashes of the ids in an open-addressing set;
 * a page naming more than PANEL_MAX ids keeps its first ones. */
#define PANEL_SLOTS 512
#define PANEL_MAX 256
typedef struct panel_ids {
    uint32_t slot[PANEL_SLOTS]; /* 0: empty */
    uint32_t n;
} panel_ids;

static uint32_t
panel_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h ? h : 1;
}

static bool
panel_has(const panel_ids *p, const char *s, size_t n)
{
    if (!p->n || !n)
        return false;
    uint32_t h = panel_hash(s, n);
    for (uint32_t i = h & (PANEL_SLOTS - 1); p->slot[i]; i = (i + 1) & (PANEL_SLOTS - 1))
        if (p->slot[i] == h)
            return true;
    return false;
}

/* Add the ids of an aria-controls value (a list separated by spaces). */
static void
panel_add(panel_ids *p, const wn_attr *a)
{
    const char *v = a->value;
    size_t len = a->value ? a->value_len : 0, i = 0;
    while (i < len && p->n < PANEL_MAX) {
        while (i < len && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n'))
            i++;
        /* (an id written as a selector, "#panel-2", names the same panel) */
        if (i < len && v[i] == '#')
            i++;
        size_t start = i;
        while (i < len && v[i] != ' ' && v[i] != '\t' && v[i] != '\n')
            i++;
        if (i == start || panel_has(p, v + start, i - start))
            continue;
        uint32_t h = panel_hash(v + start, i - start), k = h & (PANEL_SLOTS - 1);
        while (p->slot[k])
            k = (k + 1) & (PANEL_SLOTS - 1);
        p->slot[k] = h;
        p->n++;
    }
}

/* Is the element a collapsed panel: one some aria-controls named (before
 * it, in pass 1; anywhere, in pass 3), or a role=tabpanel (a tab's panel,
 * hidden until its tab is chosen)? */
static bool
is_panel(const panel_ids *p, const markup_attrs *m)
{
    const wn_attr *id = m->id;
    return (id && id->value && panel_has(p, id->value, id->value_len)) ||
           ATTR_IS(m->role, "tabpanel");
}

/* What unhide_if_all_hidden needs first: all the text under hidden
 * elements (their non-whitespace bytes), kept up to date as the passes
 * hide elements, so that the check costs no walk of the whole tree. */
typedef struct hidden_sum {
    uint64_t text;
    bool exact; /* false once elements were shown again: walk instead */
} hidden_sum;

/* The page's visible text and link text (what wn_stats_compute gives the
 * document node), counted by pass 1 and kept up to date without walks. */
typedef struct page_totals {
    uint64_t text, link;
} page_totals;

/* Add the text under the newly hidden element `h`, less what hidden
 * elements inside it already added. */
static void
hidden_add(wn_doc *doc, hidden_sum *hs, wn_node *h)
{
    wn_doc_cache *cache = wn_doc_cache_get(doc);
    wn_walk w;
    wn_node *t;
    bool e;
    wn_walk_init(&w, h);
    while (wn_walk_next(&w, &t, &e)) {
        if (!e)
            continue;
        if (t->type == WN_NODE_TEXT) {
            uint32_t chars, commas;
            wn_node_text_figures(cache, t, &chars, &commas);
            hs->text += chars;
        } else if (t != h && t->type == WN_NODE_ELEMENT) {
            /* pass 1 does not go inside a hidden element: its scripts and
             * styles are marked here, so that their code never counts as
             * hidden text (a tag manager's hidden <div> of scripts is no
             * streamed page to show again) */
            if (!(t->flags & WN_NF_HIDDEN) && tag_drops(t))
                t->flags |= WN_NF_DROP;
            if (t->flags & (WN_NF_HIDDEN | WN_NF_DROP))
                wn_walk_skip_children(&w);
        }
    }
}

/* The text and link text under each element pass 1 walked into, as
 * wn_stats_compute would count them under the flags pass 1 left (indexed
 * by node->index): the page's running totals as the walk enters the
 * element, replaced by what they grew by when it leaves. */
typedef wn_subtree_text subtree_text;

/* Pass 1. <noscript> without an <img> is dropped when left; the innermost
 * open noscript is tracked with node->aux = 1 once an image is seen. With
 * `sums` (and totals below UINT32_MAX), the subtree_text of each element. */
static void
clean_markup(wn_doc *doc, hidden_sum *hs, page_totals *tot, panel_ids *panels,
             subtree_text *sums)
{
    wn_dom *dom = doc->dom;
    uint32_t count = dom->node_count + 1;
    uint32_t in_link = 0;
    wn_walk w;
    wn_node *n;
    bool entering;
    wn_node *noscript = NULL; /* innermost open <noscript> */
    size_t heading_budget = (size_t)dom->node_count + 1; /* holds_heading's, for the page */
    uint64_t text = tot->text, link = tot->link;
    wn_doc_cache *cache = wn_doc_cache_get(doc); /* NULL on OOM: counted anyway */
    wn_walk_init(&w, dom->root);
    while (wn_walk_next(&w, &n, &entering)) {
        if (n->type == WN_NODE_TEXT) {
            /* what wn_stats_compute adds up: every text node (it leaves
             * out nodes made after its count, or with a parent made after
             * it, and node->index < node_count for every node, the clean
             * passes making none) */
            uint32_t chars, commas;
            wn_node_text_figures(cache, n, &chars, &commas);
            text += chars;
            if (in_link)
                link += chars;
            continue;
        }
        if (n->type != WN_NODE_ELEMENT)
            continue;
        bool is_a = n->index < count && wn_node_is(n, WN_TAG_A);
        if (!entering) {
            if (sums && n->index < count) {
                subtree_text *e = &sums[n->index];
                e->text = (uint32_t)text - e->text;
                e->link = (uint32_t)link - e->link;
            }
            if (is_a && in_link)
                in_link--;
            if (wn_node_is(n, WN_TAG_NOSCRIPT)) {
                /* aux 2: no image inside; pass 3 drops it unless it holds
                 * the page (crawler views of script-rendered sites) */
                n->aux = n->aux == 1 ? 0 : 2;
                /* back to the enclosing noscript, if any */
                noscript = NULL;
                for (wn_node *p = n->parent; p; p = p->parent)
                    if (wn_node_is(p, WN_TAG_NOSCRIPT)) {
                        noscript = p;
                        break;
                    }
            }
            continue;
        }
        if (n->flags & WN_NF_DROP) {
            wn_walk_skip_children(&w);
            continue;
        }
        if (sums && n->index < count) {
            sums[n->index].text = (uint32_t)text;
            sums[n->index].link = (uint32_t)link;
        }
        if (wn_node_is(n, WN_TAG_IMG) || wn_node_is(n, WN_TAG_PICTURE)) {
            if (noscript)
                noscript->aux = 1;
            continue;
        }
        if (wn_node_is(n, WN_TAG_NOSCRIPT)) {
            n->aux = 0;
            noscript = n;
            continue;
        }
        uint32_t drop = 0;
        if (tag_drops(n)) {
            drop = WN_NF_DROP;
        } else if (n->n_attrs) { /* (most elements have no attribute at all) */
            markup_attrs m;
            markup_attrs_scan(n, &m);
            if (m.aria_controls)
                panel_add(panels, m.aria_controls);
            if (role_drops(m.role, false) &&
                !(ATTR_IS(m.role, "button") && heading_button(n, &heading_budget)))
                drop = WN_NF_DROP;
            else if (hidden_by_markup(n, &m) && !is_panel(panels, &m) && n->aux != SHOWN &&
                     !tab_pane(n, &m) && !faq_answer(n, &m) && !accordion_answer(n, &m) &&
                     !(ATTR_IS(m.aria_hidden, "true") && carousel_slide(n, &m)))
                drop = WN_NF_DROP | WN_NF_HIDDEN;
        }
        if (drop) {
            n->flags |= drop;
            if (drop & WN_NF_HIDDEN)
                hidden_add(doc, hs, n);
            wn_walk_skip_children(&w);
        } else if (is_a) {
            in_link++;
        }
    }
    tot->text = text;
    tot->link = link;
}

/* Does n hold a MathML <math> within its first 2048 nodes (a script's
 * rendering of the formula may come first)? Asked only on pages with one. */
static bool
holds_math(const wn_node *n)
{
    int steps = 0;
    wn_walk w;
    wn_node *d;
    bool e;
    wn_walk_init(&w, (wn_node *)n);
    while (wn_walk_next(&w, &d, &e) && steps++ < 2048)
        if (e && d->type == WN_NODE_ELEMENT && d->ns == WN_NS_MATHML && d->tag == WN_TAG_MATH)
            return true;
    return false;
}

bool
wn_holds_quote(const wn_node *n)
{
    int steps = 0;
    wn_walk w;
    wn_node *d;
    bool e;
    wn_walk_init(&w, (wn_node *)n);
    while (wn_walk_next(&w, &d, &e) && steps++ < 64) {
        if (!e || d->type != WN_NODE_ELEMENT)
            continue;
        if (d->flags & WN_NF_DROP) {
            wn_walk_skip_children(&w);
            continue;
        }
        if (wn_node_is(d, WN_TAG_BLOCKQUOTE)) {
            for (const wn_node *c = d->first_child; c; c = c->next)
                if (c->type == WN_NODE_ELEMENT || (c->type == WN_NODE_TEXT && c->len > 1))
                    return true;
        }
    }
    return false;
}

/* Several real paragraphs, or most of the page's prose: a wrapper whose
 * class or role merely mentions what it also contains. */
static bool
is_big(const wn_stat *s, double page_good)
{
    return (s->paras >= 3 && s->text >= 1500) || (double)(s->text - s->link) >= 0.4 * page_good;
}

/* The text and link text of the elements a vocabulary pass drops (from
 * the statistics it was given), so that the page's totals after it are
 * known without statistics of the new flags. */
typedef struct drop_sum {
    uint64_t text, link;
} drop_sum;

/* The statistics of `n` for pass 3. A subtree walk of wn_sizes_of writes
 * the entries of every node under the element it starts from (`*cover`
 * while pass 3 is inside it), and they stay those figures for each element
 * there the pass reaches later: what the pass drops meanwhile lies before
 * that element in document order, outside its subtree. So inside a walked
 * element the entries are read as they are, without another walk. */
static inline const wn_stat *
sizes_of(wn_sizes *z, wn_doc *doc, wn_node *n, wn_node **cover)
{
    if (*cover)
        return wn_stats_of(&z->st, n);
    const wn_stat *s = wn_sizes_of(z, doc, n);
    if (s && !z->whole)
        *cover = n;
    return s;
}

/* What pass 3 knows of the sizes of elements: the subtree_text of pass 1
 * when the tree is still as pass 1 left it (text and link text, which
 * decide most elements), else and for the rest their statistics. */
typedef struct vocab_sizes {
    wn_sizes *z;
    wn_doc *doc;
    const subtree_text *sums; /* NULL: statistics only */
    wn_node *cover;           /* the element whose subtree walk sizes_of reads */
    double page_good;
} vocab_sizes;

/* The text and link text of `n`, from *s when read already; false on OOM. */
static bool
vs_text(vocab_sizes *v, wn_node *n, const wn_stat **s, uint32_t *text, uint32_t *link)
{
    if (!*s && v->sums) {
        *text = v->sums[n->index].text;
        *link = v->sums[n->index].link;
        return true;
    }
    if (!*s && !(*s = sizes_of(v->z, v->doc, n, &v->cover)))
        return false;
    *text = (*s)->text;
    *link = (*s)->link;
    return true;
}

/* is_big of `n` (1 or 0; -1 on OOM), its paragraphs read only when its
 * text and link text leave the answer open. */
static int
vs_big(vocab_sizes *v, wn_node *n, const wn_stat **s)
{
    uint32_t text, link;
    if (!vs_text(v, n, s, &text, &link))
        return -1;
    if ((double)(text - link) >= 0.4 * v->page_good)
        return 1;
    if (text < 1500)
        return 0;
    if (!*s && !(*s = sizes_of(v->z, v->doc, n, &v->cover)))
        return -1;
    return is_big(*s, v->page_good);
}

/* An element pass 3 keeps, with the class/id bits given: listed for
 * score's negative-block pass when they say comments, negative or
 * droppable, and not positive. */
static void
list_negative(wn_doc *doc, wn_doc_cache *c, wn_node *n, uint32_t bits)
{
    if (!c->negs_known || !(bits & (WN_TOK_COMMENTS | WN_TOK_NEG | WN_TOK_DROP)) ||
        (bits & WN_TOK_POS))
        return;
    if (c->n_negs == c->cap_negs) {
        uint32_t cap = c->cap_negs ? c->cap_negs * 2 : 64;
        wn_node **a = wn_arena_alloc(&doc->arena, (size_t)cap * sizeof *a);
        if (!a) {
            c->negs_known = false;
            return;
        }
        if (c->n_negs)
            memcpy(a, c->negs, (size_t)c->n_negs * sizeof *a);
        c->negs = a;
        c->cap_negs = cap;
    }
    c->negs[c->n_negs++] = n;
}

/* An element pass 3 keeps: its sums get the running totals of what the
 * pass dropped so far, taken off again when it is left, so that they end as
 * its text under the flags the pass leaves (uint32_t arithmetic wraps). */
static inline void
keep_sums(subtree_text *sums, const wn_node *n, uint32_t count, const drop_sum *ds)
{
    if (sums && n->index < count) {
        sums[n->index].text += (uint32_t)ds->text;
        sums[n->index].link += (uint32_t)ds->link;
    }
}

/* Pass 3: class/id vocabulary and forms, with the sizes of the elements as
 * the pass starts (wn_sizes: as the pass drops in document order, an
 * element's subtree holds nothing it dropped before reaching it; so do
 * pass 1's sums). */
static bool
clean_vocabulary(wn_doc *doc, wn_sizes *z, const page_totals *tot, hidden_sum *hs,
                 drop_sum *ds, const panel_ids *panels, subtree_text *sums)
{
    ds->text = ds->link = 0;
    wn_dom *dom = doc->dom;
    vocab_sizes v = {z, doc, sums, NULL, (double)(tot->text - tot->link)};
    wn_walk w;
    wn_node *n;
    bool entering;
    wn_walk_init(&w, dom->root);
    uint32_t count = dom->node_count + 1;
    size_t heading_budget = (size_t)dom->node_count + 1; /* heading_button's, for the page */
    /* the main regions kept, for score's region search */
    wn_doc_cache *cache = wn_doc_cache_get(doc);
    const wn_node *in_main = NULL;
    if (cache) {
        cache->n_mains = 0;
        cache->mains_known = true;
        cache->n_negs = 0;
        cache->negs_known = true;
    }
    while (wn_walk_next(&w, &n, &entering)) {
        if (!entering) {
            if (n == in_main)
                in_main = NULL;
            if (n == v.cover)
                v.cover = NULL;
            /* what this pass dropped inside: out of the element's sums (on
             * entry they had the running drop totals added, below) */
            if (sums && n->type == WN_NODE_ELEMENT && n->index < count) {
                sums[n->index].text -= (uint32_t)ds->text;
                sums[n->index].link -= (uint32_t)ds->link;
            }
            continue;
        }
        if (n->type != WN_NODE_ELEMENT)
            continue;
        if (n->flags & WN_NF_DROP) {
            wn_walk_skip_children(&w);
            continue;
        }
        /* the element's statistics, for the tests that need them (a few
         * elements of the page) */
        const wn_stat *s = NULL;
        bool drop = false, hidden = false;
        uint32_t bits = 0; /* known once the attributes are read */
        if (wn_node_is(n, WN_TAG_NOSCRIPT) && n->aux == 2) {
            n->aux = 0;
            int big = vs_big(&v, n, &s);
            if (big < 0)
                return false;
            drop = !big;
        }
        if (!drop && wn_node_is(n, WN_TAG_FORM)) {
            uint32_t text, link;
            if (!vs_text(&v, n, &s, &text, &link))
                return false;
            if (text < 1500) {
                if (!s && !(s = sizes_of(z, doc, n, &v.cover)))
                    return false;
                /* (a form holding a paragraph and no control to fill is
                 * a wrapper: a post's text in its edit form) */
                drop = s->paras < 2 && !(s->paras >= 1 && !form_controls(n));
            }
        }
        if (!drop) {
            markup_attrs m;
            markup_attrs_scan(n, &m);
            if (is_page_level(n, &m)) {
                keep_sums(sums, n, count, ds);
                if (cache && !wn_node_is(n, WN_TAG_HTML) && !wn_node_is(n, WN_TAG_BODY) &&
                    !wn_node_is(n, WN_TAG_MAIN))
                    list_negative(doc, cache, n,
                                  wn_doc_token_bits_attrs(doc, n, m.cls, m.id, m.itemtype));
                if (cache && !in_main &&
                    (wn_node_is(n, WN_TAG_MAIN) ||
                     (m.role && wn_value_ieq(m.role->value, m.role->value_len, "main", 4)))) {
                    if (cache->n_mains < WN_CACHE_MAINS)
                        cache->mains[cache->n_mains++] = n;
                    else
                        cache->mains_known = false;
                    in_main = n;
                }
                continue;
            }
            bits = wn_doc_token_bits_attrs(doc, n, m.cls, m.id, m.itemtype);
            /* an accordion's panel (a region right after its heading or
             * button) is content, whatever its class words say
             * ("accordion-item__dropdown"); later stages read the cleared
             * bits too */
            if ((bits & (WN_TOK_DROP | WN_TOK_NEG)) && ATTR_IS(m.role, "region") &&
                after_accordion_header(n)) {
                wn_doc_token_bits_clear(doc, n, WN_TOK_DROP | WN_TOK_NEG);
                bits &= ~(uint32_t)(WN_TOK_DROP | WN_TOK_NEG);
            }
            /* nor is a formula's wrapper, whatever its script calls it
             * ("...ContextMenu..."): no menu holds a <math> */
            if ((bits & WN_TOK_DROP) && doc->dom->has_math && holds_math(n)) {
                wn_doc_token_bits_clear(doc, n, WN_TOK_DROP);
                bits &= ~(uint32_t)WN_TOK_DROP;
            }
            /* landmarks, and buttons/labels (which an unclosed tag can
             * make swallow the page); class/id words */
            if ((bits & WN_TOK_HIDDEN) && n->aux != SHOWN && !is_panel(panels, &m)) {
                drop = hidden = true;
            } else if (wn_node_is(n, WN_TAG_NAV) || wn_node_is(n, WN_TAG_ASIDE) ||
                       (wn_node_is(n, WN_TAG_BUTTON) && !heading_button(n, &heading_budget)) ||
                       wn_node_is(n, WN_TAG_LABEL) ||
                       role_drops(m.role, true) ||
                       ((bits & WN_TOK_DROP) && !(bits & WN_TOK_POS) &&
                        !wn_node_is(n, WN_TAG_ARTICLE))) {
                int big = vs_big(&v, n, &s);
                if (big < 0)
                    return false;
                drop = !big;
                /* (an embedded post in a "social" wrapper is a quotation) */
                if (drop && (bits & WN_TOK_DROP) && wn_holds_quote(n))
                    drop = false;
            } else if (ATTR_IS(m.role, "tablist")) {
                /* a row of tab labels; one holding a paragraph is an
                 * accordion (labels and panels) marked up as tabs, and one
                 * holding the page wraps the panels too (a list of short
                 * items, no paragraph) */
                if (!s && !(s = sizes_of(z, doc, n, &v.cover)))
                    return false;
                if (s->paras == 0) {
                    int big = vs_big(&v, n, &s);
                    if (big < 0)
                        return false;
                    drop = !big;
                }
            }
        }
        if (!drop) {
            keep_sums(sums, n, count, ds);
            if (cache && !wn_node_is(n, WN_TAG_HTML) && !wn_node_is(n, WN_TAG_BODY) &&
                !wn_node_is(n, WN_TAG_MAIN))
                list_negative(doc, cache, n, bits);
            continue;
        }
        uint32_t text, link;
        if (!vs_text(&v, n, &s, &text, &link))
            return false;
        if (n == v.cover)
            v.cover = NULL; /* its exit step is skipped */
        ds->text += text;
        ds->link += link;
        n->flags |= WN_NF_DROP | (hidden ? WN_NF_HIDDEN : 0);
        if (hidden)
            hidden_add(doc, hs, n);
        wn_walk_skip_children(&w);
    }
    return true;
}

/* Pages rendered by scripts may ship their whole text in a hidden element
 * (streamed server rendering swaps it in). When hidden elements hold
 * `factor` times the visible non-link text, the hidden elements with a real
 * amount of text are shown again. */
static int
unhide_if_all_hidden(wn_doc *doc, uint64_t visible_good, unsigned factor, hidden_sum *hs)
{
    wn_dom *dom = doc->dom;
    /* first a bound: all the text under hidden elements (most pages hide
     * icons and screen-reader labels only), before statistics that count
     * hidden subtrees are computed for the whole page */
    uint64_t bound = hs->text;
    wn_walk w;
    wn_node *n;
    bool e;
    if (!hs->exact) {
        bound = 0;
        wn_walk_init(&w, dom->root);
        while (wn_walk_next(&w, &n, &e)) {
            if (!e || n->type != WN_NODE_ELEMENT)
                continue;
            if (n->flags & WN_NF_HIDDEN) {
                wn_walk inner;
                wn_node *t;
                bool te;
                wn_walk_init(&inner, n);
                while (wn_walk_next(&inner, &t, &te)) {
                    uint32_t chars, commas;
                    if (te && t->type == WN_NODE_TEXT) {
                        wn_text_figures(doc, t, &chars, &commas);
                        bound += chars;
                    } else if (te && t != n && (t->flags & WN_NF_DROP) &&
                               !(t->flags & WN_NF_HIDDEN)) {
                        wn_walk_skip_children(&inner); /* a script (hidden_add) */
                    }
                }
                wn_walk_skip_children(&w);
            }
        }
    }
    if (bound < 1000)
        return 0;
    if (bound < factor * visible_good)
        return 0;
    wn_stats full = {0};
    if (!wn_stats_compute(&full, doc, WN_NF_DROP, WN_NF_HIDDEN))
        return 0;
    uint64_t hidden_good = 0;
    wn_walk_init(&w, dom->root);
    while (wn_walk_next(&w, &n, &e)) {
        if (!e || n->type != WN_NODE_ELEMENT)
            continue;
        if (n->flags & WN_NF_HIDDEN) {
            const wn_stat *h = wn_stats_of(&full, n);
            hidden_good += h->text - h->link;
            wn_walk_skip_children(&w);
        }
    }
    if (hidden_good < 1000 || hidden_good < factor * visible_good)
        return 0;
    wn_walk_init(&w, dom->root);
    while (wn_walk_next(&w, &n, &e)) {
        if (!e || n->type != WN_NODE_ELEMENT)
            continue;
        const wn_stat *h = wn_stats_of(&full, n);
        /* (a hidden itemscope is a microdata copy for machines: the
         * headline, description and body again) */
        if ((n->flags & WN_NF_HIDDEN) && h->text - h->link >= 500 &&
            !wn_node_has_attr(n, "itemscope")) {
            n->flags &= ~(WN_NF_DROP | WN_NF_HIDDEN);
            n->aux = SHOWN; /* not to be hidden again by its class */
        }
    }
    hs->exact = false;
    return 1;
}

/* The page's totals from whole statistics (when the counts may have
 * saturated, or after elements were shown again). */
static bool
totals_from_stats(wn_doc *doc, wn_sizes *z, page_totals *tot)
{
    if (!wn_stats_compute(&z->st, doc, WN_NF_DROP, 0))
        return false;
    z->whole = true;
    const wn_stat *all = wn_stats_of(&z->st, doc->dom->root);
    tot->text = all->text;
    tot->link = all->link;
    return true;
}

wn_status
wn_clean(wn_doc *doc)
{
    if (!doc || !doc->dom || !doc->dom->root)
        return WN_ERR_INVALID;
    wn_streamed_relocate(doc);
    hidden_sum hs = {0, true};
    page_totals tot = {0, 0};
    drop_sum ds = {0, 0};
    panel_ids *panels = wn_arena_calloc(&doc->arena, 1, sizeof *panels);
    if (!panels)
        return WN_ERR_NOMEM;
    /* (without the array, on OOM, pass 3 reads statistics alone) */
    subtree_text *sums =
        wn_arena_alloc(&doc->arena, ((size_t)doc->dom->node_count + 1) * sizeof *sums);
    clean_markup(doc, &hs, &tot, panels, sums);
    wn_sizes z;
    wn_stats none = {0};
    wn_sizes_init(&z, doc, none, WN_NF_DROP);
    if (tot.text >= UINT32_MAX || tot.link >= UINT32_MAX) {
        sums = NULL; /* wrapped */
        if (!totals_from_stats(doc, &z, &tot))
            return WN_ERR_NOMEM;
    }
    int shown = unhide_if_all_hidden(doc, tot.text - tot.link, 2, &hs);
    /* what was shown never went through pass 1 (its scripts, form
     * controls and hidden parts are still unmarked): run it again, on
     * these pages only; the totals are recounted below */
    page_totals scratch = {0, 0};
    if (shown) {
        sums = NULL; /* elements were shown again since */
        clean_markup(doc, &hs, &scratch, panels, NULL);
    }
    if (shown && (wn_sizes_init(&z, doc, z.st, WN_NF_DROP), !totals_from_stats(doc, &z, &tot)))
        return WN_ERR_NOMEM;
    if (!clean_vocabulary(doc, &z, &tot, &hs, &ds, panels, sums))
        return WN_ERR_NOMEM;
    /* what is visible now: the totals less what the pass dropped (exact:
     * nothing saturated) */
    tot.text -= ds.text;
    tot.link -= ds.link;
    /* class names hide too ("hide" on the page wrapper until a script
     * runs): check again, and clean what was shown */
    shown = unhide_if_all_hidden(doc, tot.text - tot.link, 10, &hs);
    if (shown) {
        sums = NULL; /* elements were shown again since */
        clean_markup(doc, &hs, &scratch, panels, NULL);
        wn_sizes_init(&z, doc, z.st, WN_NF_DROP);
        if (!totals_from_stats(doc, &z, &tot) ||
            !clean_vocabulary(doc, &z, &tot, &hs, &ds, panels, NULL))
            return WN_ERR_NOMEM;
        tot.text -= ds.text;
        tot.link -= ds.link;
    }
    /* for score's first pass: the totals of the flags left, and the array */
    wn_doc_cache *cache = wn_doc_cache_get(doc);
    if (cache) {
        cache->drop_totals = true;
        cache->drop_text = (uint32_t)tot.text;
        cache->drop_link = (uint32_t)tot.link;
        cache->scratch = z.st;
        cache->subtree = sums;
    }
    return WN_OK;
}
