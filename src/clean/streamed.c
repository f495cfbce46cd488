/* streamed.c - streamed server rendering: each hidden segment is moved to
 * its placeholder before clean judges anything.
 *
 * React's streaming renderer sends a page's shell first, with a
 * placeholder where content was not ready yet (a Suspense boundary,
 * <!--$?--><template id="B:0"></template>fallback<!--/$-->, or a partial
 * segment's <template id="P:1"></template>), and the content later, at
 * the end of the body, as hidden segments (<div hidden id="S:0">...</div>),
 * each followed by an instruction that moves it into place: the script
 * $RC("B:0","S:0") (or $RR, the same with style sheets to wait for)
 * replaces a boundary's fallback with the segment's children, and
 * $RS("S:1","P:1") replaces a placeholder. winnow runs no scripts, so the
 * move is made here, as the page's script would make it: the segment's
 * children take the placeholder's place (and the fallback's, up to the
 * boundary's end comment, when the page kept its comments), and the
 * template and the emptied segment are detached. This is the one place
 * after the parse where nodes move: no stage has judged anything yet.
 *
 * The pair comes from the instruction just after the segment (the first
 * $RC/$RR/$RS call in the script that names the segment, or the external
 * runtime's <template data-sid data-bid|data-pid>); without one (a page
 * saved without its scripts), from the ids: a placeholder and its segment
 * share a number ("P:1" / "S:1" always, "B:0" / "S:0" since React 19).
 *
 * Bounded: the tree builder recorded the candidates (parse/dom.c, at most
 * WN_DOM_STREAMED_MAX), so no walk finds them; each pair costs a scan of
 * the candidates, of one instruction (its last INSTR_SCAN bytes), of at
 * most FALLBACK_SCAN siblings and of the placeholder's ancestors (at most
 * max_depth: deeper placeholders are left alone). A segment holding
 * content already moved into it is left hidden (that happens only when the
 * segments come in an order the renderer never writes), so a move never
 * carries more than the parser's depth into another: the tree stays
 * within twice max_depth.
 */
#include <string.h>

#include "clean/clean.h"
#include "pipeline.h"

#define INSTR_SCAN 8192
#define FALLBACK_SCAN 512
#define ID_MAX 10 /* "S:" and 8 hexadecimal digits (parse/dom.c) */

typedef struct sid {
    char s[ID_MAX + 1];
    size_t n;
} sid;

static bool
sid_set(sid *d, const char *v, size_t n)
{
    if (!v || n < 3 || n > ID_MAX)
        return false;
    memcpy(d->s, v, n);
    d->n = n;
    return true;
}

/* Does the script text name segment `seg` in an instruction? Then the
 * placeholder it names goes to *ph. Reads the last INSTR_SCAN bytes (the
 * call follows the function's definition, sent with the first one). */
static bool
script_target(const char *t, size_t len, const sid *seg, sid *ph)
{
    if (len > INSTR_SCAN) {
        t += len - INSTR_SCAN;
        len = INSTR_SCAN;
    }
    for (size_t i = 0; i + 6 < len; i++) {
        if (t[i] != '$' || t[i + 1] != 'R' || t[i + 3] != '(' || t[i + 4] != '"')
            continue;
        char op = t[i + 2];
        if (op != 'C' && op != 'R' && op != 'S')
            continue;
        /* two quoted ids: "a","b" */
        size_t a = i + 5, ae = a;
        while (ae < len && ae - a <= ID_MAX && t[ae] != '"')
            ae++;
        if (ae >= len || t[ae] != '"' || ae + 2 >= len || t[ae + 1] != ',' || t[ae + 2] != '"')
            continue;
        size_t b = ae + 3, be = b;
        while (be < len && be - b <= ID_MAX && t[be] != '"')
            be++;
        if (be >= len || t[be] != '"')
            continue;
        /* $RC(boundary, segment), $RR(boundary, segment, styles),
         * $RS(segment, placeholder) */
        const char *sv = op == 'S' ? t + a : t + b, *pv = op == 'S' ? t + b : t + a;
        size_t sn = op == 'S' ? ae - a : be - b, pn = op == 'S' ? be - b : ae - a;
        if (sn == seg->n && memcmp(sv, seg->s, sn) == 0)
            return sid_set(ph, pv, pn);
    }
    return false;
}

/* The placeholder the instruction after segment `s` names, if one does. */
static bool
instruction_target(const wn_node *s, const sid *seg, sid *ph)
{
    const wn_node *n = s->next;
    for (int k = 0; n && n->type != WN_NODE_ELEMENT && k < 4; k++)
        n = n->next;
    if (!n || n->type != WN_NODE_ELEMENT)
        return false;
    if (wn_node_is(n, WN_TAG_TEMPLATE)) {
        size_t len;
        const char *v = wn_node_attr(n, "data-sid", &len);
        if (!v || len != seg->n || memcmp(v, seg->s, len) != 0)
            return false;
        v = wn_node_attr(n, "data-bid", &len);
        if (!v)
            v = wn_node_attr(n, "data-pid", &len);
        return sid_set(ph, v, len);
    }
    if (!wn_node_is(n, WN_TAG_SCRIPT))
        return false;
    const wn_node *t = n->first_child;
    return t && t->type == WN_NODE_TEXT && script_target(t->data, t->len, seg, ph);
}

/* The recorded placeholder (still in the tree) whose id is `id`. */
static wn_node *
find_placeholder(wn_node **v, uint32_t n, const sid *id)
{
    for (uint32_t i = 0; i < n; i++) {
        wn_node *p = v[i];
        if (!p->parent || !wn_node_is(p, WN_TAG_TEMPLATE))
            continue;
        size_t len;
        const char *pv = wn_node_attr(p, "id", &len);
        if (pv && len == id->n && memcmp(pv, id->s, len) == 0)
            return p;
    }
    return NULL;
}

static bool
comment_is(const wn_node *n, const char *s, size_t len)
{
    return n && n->type == WN_NODE_COMMENT && n->len == len && memcmp(n->data, s, len) == 0;
}

/* A boundary's end: after its template, the comment "/$" that closes the
 * "$?" comment just before it, nested boundaries counted. NULL when the
 * page has no such comments (then the fallback stays). */
static wn_node *
boundary_end(const wn_node *tmpl)
{
    if (!comment_is(tmpl->prev, "$?", 2))
        return NULL;
    int depth = 0, k = 0;
    for (wn_node *n = tmpl->next; n && k < FALLBACK_SCAN; n = n->next, k++) {
        if (n->type != WN_NODE_COMMENT)
            continue;
        if (comment_is(n, "/$", 2)) {
            if (depth == 0)
                return n;
            depth--;
        } else if (n->len >= 1 && n->data[0] == '$') {
            depth++; /* "$", "$?", "$!", "$~": a nested boundary opens */
        }
    }
    return NULL;
}

/* Move segment `seg`'s children to placeholder `ph`'s place. */
static void
relocate(wn_dom *d, wn_node *seg, wn_node *ph)
{
    /* the placeholder must not lie in the segment, nor too deep */
    size_t depth = 0;
    for (const wn_node *a = ph->parent; a; a = a->parent) {
        if (a == seg || ++depth > d->max_depth)
            return;
    }
    wn_node *ref = ph, *end = boundary_end(ph);
    if (end) {
        /* the fallback goes, as $RC removes it */
        while (ph->next != end)
            wn_node_detach(ph->next);
        ref = end;
    }
    wn_node *parent = ref->parent;
    for (wn_node *c; (c = seg->first_child);) {
        wn_node_detach(c);
        wn_node_insert_before(parent, c, ref);
    }
    wn_node_detach(ph);
    wn_node_detach(seg);
    /* what now holds moved content is no fresh segment (see above) */
    for (wn_node *a = parent; a && !(a->flags & WN_NF_STREAMED); a = a->parent)
        a->flags |= WN_NF_STREAMED;
}

void
wn_streamed_relocate(wn_doc *doc)
{
    wn_dom *d = doc->dom;
    wn_node **v = d->streamed;
    uint32_t n = d->n_streamed;
    d->n_streamed = 0; /* once per document */
    for (uint32_t i = 0; i < n; i++) {
        wn_node *seg = v[i];
        if (!wn_node_is(seg, WN_TAG_DIV) || !seg->parent || (seg->flags & WN_NF_STREAMED))
            continue;
        size_t len = 0;
        const char *id = wn_node_attr(seg, "id", &len);
        sid s, ph;
        if (!sid_set(&s, id, len))
            continue;
        wn_node *p = NULL;
        if (instruction_target(seg, &s, &ph)) {
            p = find_placeholder(v, n, &ph);
        } else {
            /* no instruction: the placeholder of the same number */
            ph = s;
            ph.s[0] = 'B';
            p = find_placeholder(v, n, &ph);
            if (!p) {
                ph.s[0] = 'P';
                p = find_placeholder(v, n, &ph);
            }
        }
        if (p)
            relocate(d, seg, p);
    }
}
