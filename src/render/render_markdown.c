/* render_markdown.c - the content as CommonMark (with GFM pipe tables and
 * strikethrough).
 *
 * One explicit walk per content root. Inline content (text, emphasis,
 * code spans, links, images, hard breaks) accumulates in a paragraph
 * buffer; a block boundary flushes it as lines. Blocks nest in containers
 * (blockquotes, list items) that give every line a prefix: "> " for a
 * quote, the list marker on an item's first line and as many spaces as the
 * marker is wide on the following ones. Separation is a blank line between
 * blocks and a single newline between list items (tight lists) and before
 * a list nested in an item, so lists stay tight unless an item holds
 * several blocks.
 *
 * Spaces are never written eagerly: a space, a hard break and emphasis or
 * link openers wait until the next visible character, so emphasis never
 * opens or closes next to a space and empty emphasis disappears.
 *
 * <pre> is copied exactly into a fenced block longer than any backtick run
 * inside. A table whose rows have at least two cells and which holds no
 * other table becomes a GFM pipe table (colspan and rowspan filled with
 * empty cells so that every row has the same width); other tables are
 * layout and their cells are rendered as ordinary blocks.
 */
#include <stdio.h>
#include <string.h>

#include "render/render.h"

#define MD_MAX_NEST 64   /* quote/list levels given a prefix; deeper ones flatten */
#define MD_MAX_COLS 1000 /* table columns (colspan is at most 1000 in HTML too) */

enum { C_QUOTE = 1, C_ITEM };

typedef struct md_container {
    unsigned char kind;
    unsigned char width; /* item: marker width incl. the space */
    bool marker_pending; /* item: first line not written yet */
    char marker[14];     /* item: "-", "12." ... */
} md_container;

typedef struct md_list {
    bool ordered;
    bool alt; /* '*' or ')' to keep it apart from a list just before */
    long next;
} md_list;

typedef struct md_cell {
    size_t row;
    size_t off, len; /* in md_table.text */
    unsigned colspan, rowspan;
} md_cell;

typedef struct md_table {
    wn_buf text; /* cell texts one after another */
    md_cell *cells;
    size_t n_cells, cap_cells;
    size_t n_rows;
    bool row_open;
    wn_buf caption;
} md_table;

enum {
    A_NONE = 0,
    A_BLOCK,
    A_HEADING,
    A_QUOTE,
    A_LIST,
    A_ITEM,
    A_EM,
    A_STRONG,
    A_STRIKE,
    A_LINK,
    A_CAPTION,
    A_TERM,
    A_TABLE,
    A_ROW,
    A_CELL,
    A_TCAPTION,
    A_CELL_BLOCK
};

/* An open inline mark (emphasis, strong, strikethrough, link). Its opener
 * waits for visible content; across a block boundary it is closed at the
 * end of one block and opened again in the next. Nested marks of one kind
 * are not pushed (em in em would read as strong), so there are at most
 * four. */
enum { M_EM = 1, M_STRONG, M_STRIKE, M_LINK };

typedef struct md_mark {
    int kind;
    bool written;
    bool dead;       /* written as nothing: it could not open here */
    size_t open_pos; /* where its opener is in the inline buffer */
    const char *url;
    size_t url_len;
} md_mark;

typedef struct md_out {
    const wn_result *r;
    wn_arena *arena;
    wn_buf *out;
    uint32_t flags;
    wn_str base;
    bool any; /* a block has been written */
    int sep;  /* 0 default (blank line), 1 newline, 2 blank line */
    md_container *cont;
    size_t n_cont, cap_cont, deep; /* deep: levels beyond MD_MAX_NEST */
    size_t n_common;               /* containers shared with the last block written */
    md_list *lists;
    size_t n_lists, cap_lists;
    size_t list_closed_at; /* out->len when a list last closed, + 1 */
    size_t list_closed_nest;
    size_t item_closed_at; /* out->len when an item last closed, + 1 */
    bool list_closed_ordered;
    wn_render_stack acts;

    wn_buf para;      /* inline content of the current block */
    wn_buf *inl;      /* where inline content goes: para or a table cell */
    md_mark marks[8]; /* open inline marks, outermost first */
    size_t n_marks;
    size_t closed_at; /* inl->len right after the last closer, + 1 */
    int closed_kind;
    size_t closed_open_pos;      /* where the last closed mark's opener is */
    size_t code_start, code_end; /* the last code span in inl (end + 1) */
    wn_buf code_prev;            /* and its content */
    /* a closer after punctuation only closes when no letter or digit
     * follows it; the next visible character decides, and if it does not
     * close, the closer and its opener are taken out again */
    bool fragile;
    size_t fragile_open, fragile_open_len, fragile_close, fragile_close_len;
    bool want_space, want_break, has_inline;
    int heading; /* level of the open heading, 0 if none */
    size_t em, strong, strike;
    bool in_link;
    const char *link_url;
    size_t link_len;

    md_table *table; /* the open pipe table, NULL if none */
    bool in_cell;
    bool failed;
} md_out;

static void *
grow(md_out *m, void *v, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return v;
    size_t nc = *cap ? *cap * 2 : 16;
    void *p = wn_arena_realloc(m->arena, v, *cap * size, nc * size);
    if (!p) {
        m->failed = true;
        return NULL;
    }
    *cap = nc;
    return p;
}

/* ---- lines and containers ---------------------------------------------- */

static void
put_prefix(md_out *m, bool blank)
{
    size_t keep = m->out->len;
    size_t upto = blank ? m->n_common : m->n_cont;
    for (size_t i = 0; i < upto; i++) {
        md_container *c = &m->cont[i];
        if (c->kind == C_QUOTE) {
            wn_buf_puts(m->out, "> ");
        } else if (c->marker_pending && !blank) {
            wn_buf_puts(m->out, c->marker);
            wn_buf_putc(m->out, ' ');
            c->marker_pending = false;
        } else {
            for (unsigned k = 0; k < c->width; k++)
                wn_buf_putc(m->out, ' ');
        }
    }
    if (blank && !m->out->failed) {
        while (m->out->len > keep && m->out->ptr[m->out->len - 1] == ' ')
            m->out->len--;
    }
}

/* Start a new block: the separator, then the prefix of its first line. */
static void
begin_block(md_out *m)
{
    if (m->any) {
        int sep = m->sep ? m->sep : 2;
        wn_buf_putc(m->out, '\n');
        if (sep == 2) {
            put_prefix(m, true);
            wn_buf_putc(m->out, '\n');
        }
    }
    put_prefix(m, false);
    m->any = true;
    m->sep = 0;
    m->n_common = m->n_cont;
}

/* Ask for a separator before the next block, unless an item's marker still
 * waits for its first line: the item chose the separator then. */
static void
set_sep(md_out *m, int sep)
{
    for (size_t i = 0; i < m->n_cont; i++)
        if (m->cont[i].marker_pending)
            return;
    m->sep = sep;
}

static void
next_line(md_out *m)
{
    wn_buf_putc(m->out, '\n');
    put_prefix(m, false);
}

/* Characters at the start of a line that would begin a block. */
static size_t
line_start_escape(const char *s, size_t n)
{
    if (!n)
        return (size_t)-1;
    char c = s[0];
    if (c == '#' || c == '>' || c == '=' || c == '+' || c == '-')
        return 0;
    if (c == '~' && n > 2 && s[1] == '~' && s[2] == '~')
        return 0; /* a fence; "~~" alone is our strikethrough */
    size_t i = 0;
    while (i < n && i < 10 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i > 0 && i < 10 && i < n && (s[i] == '.' || s[i] == ')'))
        return i;
    return (size_t)-1;
}

/* Write inline text of a block as lines (split at hard breaks). */
static void
write_lines(md_out *m, const char *s, size_t n, bool escape_starts)
{
    size_t i = 0;
    bool first = true;
    while (i <= n) {
        size_t j = i;
        while (j < n && s[j] != '\n')
            j++;
        if (!first)
            next_line(m);
        first = false;
        size_t at = escape_starts ? line_start_escape(s + i, j - i) : (size_t)-1;
        if (at != (size_t)-1) {
            wn_buf_append(m->out, s + i, at);
            wn_buf_putc(m->out, '\\');
            wn_buf_append(m->out, s + i + at, j - i - at);
        } else {
            wn_buf_append(m->out, s + i, j - i);
        }
        i = j + 1;
    }
}

static void put_url(md_out *m, const char *u, size_t n);

static const char *
mark_opener(int kind)
{
    return kind == M_EM ? "*" : kind == M_STRONG ? "**" : kind == M_STRIKE ? "~~" : "[";
}

/* ASCII punctuation, and the Unicode quotes and dashes that prose uses
 * (CommonMark's flanking rules treat both as punctuation). */
static bool
is_punct(const char *s, size_t n)
{
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80)
        return c > 0x20 && c < 0x7f &&
               !((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'));
    if (n >= 3 && c == 0xE2 && (unsigned char)s[1] == 0x80)
        return (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0xA6; /* dashes .. ellipsis */
    return n >= 2 && c == 0xC2 &&
           ((unsigned char)s[1] == 0xAB || (unsigned char)s[1] == 0xBB ||
            (unsigned char)s[1] == 0xA1 || (unsigned char)s[1] == 0xBF);
}

/* Start of the last character of b (UTF-8), or NULL when b is empty. */
static const char *
last_char(const wn_buf *b, size_t *n)
{
    if (!b->len || b->failed)
        return NULL;
    size_t i = b->len - 1;
    while (i > 0 && b->len - i < 4 && ((unsigned char)b->ptr[i] & 0xC0) == 0x80)
        i--;
    *n = b->len - i;
    return b->ptr + i;
}

static void
write_closer(md_out *m, md_mark *k)
{
    if (k->dead) {
        k->written = k->dead = false;
        return;
    }
    size_t pn;
    const char *prev = last_char(m->inl, &pn);
    if (k->kind != M_LINK && prev) {
        /* the closer joins a run with closers just written before it: what
         * counts is the character before the run */
        char d = mark_opener(k->kind)[0];
        size_t i = m->inl->len;
        while (i > 0 && m->inl->ptr[i - 1] == d && !(i > 1 && m->inl->ptr[i - 2] == '\\'))
            i--;
        if (i < m->inl->len && i > 0) {
            wn_buf tmp = *m->inl;
            tmp.len = i;
            prev = last_char(&tmp, &pn);
        }
    }
    if (k->kind != M_LINK && prev && is_punct(prev, pn)) {
        m->fragile = true;
        m->fragile_open = k->open_pos;
        m->fragile_open_len = strlen(mark_opener(k->kind));
        m->fragile_close = m->inl->len;
        m->fragile_close_len = m->fragile_open_len;
    } else {
        m->fragile = false;
    }
    if (k->kind == M_LINK) {
        wn_buf_puts(m->inl, "](");
        put_url(m, k->url, k->url_len);
        wn_buf_putc(m->inl, ')');
    } else {
        wn_buf_puts(m->inl, mark_opener(k->kind));
    }
    k->written = false;
    m->closed_open_pos = k->open_pos;
    m->closed_at = m->inl->len + 1;
    m->closed_kind = k->kind;
}

/* Close the marks written in the current block (innermost first); they open
 * again when the next block has content. */
static void
close_written_marks(md_out *m)
{
    for (size_t i = m->n_marks; i-- > 0;)
        if (m->marks[i].written)
            write_closer(m, &m->marks[i]);
}

static void
reset_inline(md_out *m)
{
    m->para.len = 0;
    m->want_space = m->want_break = m->has_inline = false;
    m->closed_at = 0;
    m->fragile = false;
    m->code_end = 0;
}

/* Take bytes [at, at + n) out of b. */
static void
cut(wn_buf *b, size_t at, size_t n)
{
    if (b->failed || at + n > b->len)
        return;
    memmove(b->ptr + at, b->ptr + at + n, b->len - at - n);
    b->len -= n;
}

/* End the current paragraph (or heading): write it as a block. */
static void
flush(md_out *m)
{
    if (m->in_cell)
        return;
    if (m->para.len)
        close_written_marks(m);
    if (m->para.len) {
        begin_block(m);
        if (m->heading) {
            for (int i = 0; i < m->heading; i++)
                wn_buf_putc(m->out, '#');
            wn_buf_putc(m->out, ' ');
            const char *s = m->para.ptr;
            size_t n = m->para.len;
            /* a run of '#' after a space at the end would be a closing sequence */
            size_t k = n;
            while (k > 0 && s[k - 1] == '#')
                k--;
            if (k < n && (k == 0 || s[k - 1] == ' ')) {
                wn_buf_append(m->out, s, k);
                wn_buf_putc(m->out, '\\');
                wn_buf_append(m->out, s + k, n - k);
            } else {
                wn_buf_append(m->out, s, n);
            }
        } else {
            write_lines(m, m->para.ptr, m->para.len, true);
        }
    }
    reset_inline(m);
}

/* ---- inline content ------------------------------------------------------ */

/* Visible inline content follows, starting with the character at next[0..nn):
 * write what waited for it. */
static void
begin_inline(md_out *m, const char *next, size_t nn)
{
    wn_buf *b = m->inl;
    bool next_word = !is_punct(next, nn);
    for (size_t i = 0; i < m->n_marks && m->fragile; i++) {
        const md_mark *k = &m->marks[i];
        if (!k->written && k->kind == m->closed_kind && m->closed_at == b->len + 1 &&
            !m->want_space && !m->want_break)
            m->fragile = false; /* the closer will merge with this opener */
    }
    if (m->fragile && !m->want_space && !m->want_break && next_word) {
        /* "*(CNN)*President": that closer cannot close; drop the pair */
        cut(b, m->fragile_close, m->fragile_close_len);
        cut(b, m->fragile_open, m->fragile_open_len);
        m->closed_at = 0;
    }
    m->fragile = false;
    if (m->has_inline) {
        if (m->want_break)
            wn_buf_puts(b, m->in_cell ? "<br>" : m->heading ? " " : "\\\n");
        else if (m->want_space)
            wn_buf_putc(b, ' ');
    }
    bool spaced = m->want_space || m->want_break;
    bool wrote_here = false;
    m->want_space = m->want_break = false;
    for (size_t i = 0; i < m->n_marks; i++) {
        md_mark *k = &m->marks[i];
        if (k->written)
            continue;
        k->written = true;
        size_t cl = strlen(mark_opener(k->kind));
        /* an opener before punctuation opens only after a space or
         * punctuation ("review*.*" would print its asterisks) */
        const char *after = next;
        size_t an = nn;
        for (size_t j = i + 1; j < m->n_marks; j++) {
            if (!m->marks[j].written) {
                after = mark_opener(m->marks[j].kind);
                an = 1;
                break;
            }
        }
        if (k->kind != M_LINK && !spaced && m->closed_kind == k->kind &&
            m->closed_at == b->len + 1 && b->len >= cl) {
            b->len -= cl; /* "**a****b**" reads better as "**ab**" */
            m->closed_at = 0;
            k->open_pos = m->closed_open_pos; /* the pair goes on from there */
            continue;
        }
        size_t pn = 0;
        const char *prev = last_char(b, &pn);
        /* right after a closer of the same character (not an opener
         * written here: openers are always followed by content) */
        char d = mark_opener(k->kind)[0];
        bool after_closer = !spaced && !wrote_here && b->len && !b->failed &&
                            b->ptr[b->len - 1] == d && !(b->len > 1 && b->ptr[b->len - 2] == '\\');
        if (k->kind != M_LINK &&
            (after_closer || (is_punct(after, an) && prev && !is_punct(prev, pn) &&
                              !wn_render_is_space((unsigned char)prev[0])))) {
            k->dead = true; /* "**a***b*" would not parse as meant */
            continue;
        }
        k->open_pos = b->len;
        wrote_here = true;
        wn_buf_puts(b, mark_opener(k->kind));
    }
    m->has_inline = true;
}

static void
put_escaped(md_out *m, wn_buf *b, const char *s, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool esc;
        switch (c) {
        case '\\':
        case '*':
        case '_':
        case '[':
        case ']':
        case '`':
        case '<':
        case '~':
            esc = true; /* '~': GFM strikes through even single tildes */
            break;
        case '|':
            esc = m->in_cell;
            break;
        case '&':
            esc = i + 1 < n && ((s[i + 1] >= 'a' && s[i + 1] <= 'z') ||
                                (s[i + 1] >= 'A' && s[i + 1] <= 'Z') || s[i + 1] == '#');
            break;
        default:
            esc = false;
        }
        if (esc) {
            wn_buf_append(b, s + run, i - run);
            wn_buf_putc(b, '\\');
            run = i;
        }
    }
    wn_buf_append(b, s + run, n - run);
}

/* Length of the space at s[0..n): HTML whitespace or a Unicode space
 * separator (U+00A0, U+2000..U+200A, U+202F, U+205F, U+3000). CommonMark
 * counts those as whitespace around emphasis, so they are written as plain
 * spaces and collapse like them. */
static inline size_t
space_len(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] > 0x20 && u[0] < 0xC2)
        return 0; /* the common case: a visible ASCII or continuation byte */
    if (wn_render_is_space(u[0]))
        return 1;
    if (n > 1 && u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (n > 2 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] <= 0x8A || u[2] == 0xAF))
        return 3;
    if (n > 2 && ((u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0x9F) ||
                  (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80)))
        return 3;
    return 0;
}

static void
put_text(md_out *m, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t sl = space_len(s + i, n - i);
        if (sl) {
            m->want_space = true;
            i += sl;
            continue;
        }
        size_t j = i;
        while (j < n && !space_len(s + j, n - j))
            j++;
        begin_inline(m, s + i, j - i);
        put_escaped(m, m->inl, s + i, j - i);
        i = j;
    }
}

/* A formula (a <math>, or an <img> whose alt text is its TeX) as TeX
 * between $ signs ($$ for a display formula), whatever --images says;
 * anything else writes nothing. Inside a table cell its pipes are
 * escaped, as GFM wants; '<' and '>' are written \lt and \gt. */
static void
put_math(md_out *m, const wn_node *n)
{
    size_t l = 0;
    const char *alt = NULL;
    bool display = false;
    if (wn_render_is_math(n))
        display = wn_render_math_display(n);
    else if (!(alt = wn_render_math_img(n, &l)))
        return;
    wn_buf tex;
    wn_buf_init(&tex, m->arena, 0);
    bool ok = alt ? wn_render_math_source(&tex, alt, l) : wn_render_math(n, &tex);
    if (tex.failed)
        m->failed = true;
    if (!ok || !tex.len)
        return;
    const char *d = display ? "$$" : "$";
    begin_inline(m, d, strlen(d));
    wn_buf_puts(m->inl, d);
    for (size_t i = 0; i < tex.len; i++) {
        /* '<' and '>' as TeX's own names for them: a Markdown reader
         * without math would take "<script" for a tag */
        if (tex.ptr[i] == '<' || tex.ptr[i] == '>') {
            wn_buf_puts(m->inl, tex.ptr[i] == '<' ? "\\lt " : "\\gt ");
            continue;
        }
        if (tex.ptr[i] == '|' && m->in_cell)
            wn_buf_putc(m->inl, '\\');
        wn_buf_putc(m->inl, tex.ptr[i]);
    }
    wn_buf_puts(m->inl, d);
}

static void
open_mark(md_out *m, int kind, const char *url, size_t url_len)
{
    if (m->n_marks == sizeof m->marks / sizeof m->marks[0])
        return;
    md_mark *k = &m->marks[m->n_marks++];
    k->kind = kind;
    k->written = false;
    k->url = url;
    k->url_len = url_len;
}

/* Close the innermost mark: its opener is dropped if nothing was written. */
static void
close_mark(md_out *m)
{
    if (!m->n_marks)
        return;
    md_mark *k = &m->marks[--m->n_marks];
    if (k->written)
        write_closer(m, k);
}

/* Collected text of a subtree (for code), whitespace kept as it is; <br>
 * is a newline. */
static void
collect_text(md_out *m, wn_node *root, wn_buf *b)
{
    wn_walk w;
    wn_node *n;
    bool entering;
    wn_walk_init(&w, root);
    while (wn_walk_next(&w, &n, &entering)) {
        if (n->type == WN_NODE_TEXT) {
            wn_buf_append(b, n->data, n->len);
        } else if (entering && n != root && n->type == WN_NODE_ELEMENT) {
            if (wn_render_skipped(n, m->flags))
                wn_walk_skip_children(&w);
            else if (wn_node_is(n, WN_TAG_BR))
                wn_buf_putc(b, '\n');
        }
    }
}

static size_t
longest_backtick_run(const char *s, size_t n)
{
    size_t best = 0, run = 0;
    for (size_t i = 0; i < n; i++) {
        run = s[i] == '`' ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    return best;
}

static void
put_code_span(md_out *m, wn_node *n)
{
    wn_buf raw;
    wn_buf_init(&raw, m->arena, 0);
    collect_text(m, n, &raw);
    /* collapse whitespace: a code span is one line */
    size_t k = 0;
    bool sp = false;
    for (size_t i = 0; i < raw.len; i++) {
        char c = raw.ptr[i];
        if (wn_render_is_space((unsigned char)c)) {
            sp = k > 0;
            continue;
        }
        if (sp)
            raw.ptr[k++] = ' ';
        sp = false;
        raw.ptr[k++] = c;
    }
    if (sp && !m->in_cell)
        m->want_space = true;
    if (raw.failed)
        m->failed = true;
    if (!k)
        return;
    if (raw.len && wn_render_is_space((unsigned char)raw.ptr[0]) && m->has_inline)
        m->want_space = true;
    raw.len = k;
    if (m->code_end && m->code_end == m->inl->len + 1 && !m->want_space && !m->want_break &&
        !m->inl->failed) {
        /* "`a``b`" would read as one odd run: write "`ab`" instead */
        m->inl->len = m->code_start;
        wn_buf_append(&m->code_prev, raw.ptr, k);
        raw = m->code_prev;
        k = raw.len;
        m->has_inline = true;
    } else {
        begin_inline(m, "`", 1);
        wn_buf_init(&m->code_prev, m->arena, 0);
        wn_buf_append(&m->code_prev, raw.ptr, k);
    }
    m->code_start = m->inl->len;
    size_t ticks = longest_backtick_run(raw.ptr, k) + 1;
    bool pad =
        raw.ptr[0] == '`' || raw.ptr[k - 1] == '`' || (raw.ptr[0] == ' ' && raw.ptr[k - 1] == ' ');
    for (size_t i = 0; i < ticks; i++)
        wn_buf_putc(m->inl, '`');
    if (pad)
        wn_buf_putc(m->inl, ' ');
    for (size_t i = 0; i < k; i++) {
        if (raw.ptr[i] == '|' && m->in_cell)
            wn_buf_putc(m->inl, '\\'); /* GFM: even inside code in a cell */
        wn_buf_putc(m->inl, raw.ptr[i]);
    }
    if (pad)
        wn_buf_putc(m->inl, ' ');
    for (size_t i = 0; i < ticks; i++)
        wn_buf_putc(m->inl, '`');
    m->code_end = m->inl->len + 1;
}

/* A URL inside (...): parentheses and backslashes escaped. */
static void
put_url(md_out *m, const char *u, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = u[i];
        if (c == '(' || c == ')' || c == '\\')
            wn_buf_putc(m->inl, '\\');
        if (c == '<' || c == '>') {
            wn_buf_printf(m->inl, "%%%02X", (unsigned)c);
            continue;
        }
        wn_buf_putc(m->inl, c);
    }
}

static void
put_image(md_out *m, const wn_node *n)
{
    size_t len, ulen;
    const char *src = wn_render_img_src(n, &len);
    const char *url = src ? wn_render_url(m->r, m->base, src, len, WN_RURL_IMAGE, &ulen) : NULL;
    if (!url)
        return;
    begin_inline(m, "!", 1);
    wn_buf_puts(m->inl, "![");
    const char *alt = wn_node_attr(n, "alt", &len);
    if (alt) {
        /* alt text on one line, collapsed */
        bool sp = false, any = false;
        for (size_t i = 0; i < len; i++) {
            char c = alt[i];
            if (wn_render_is_space((unsigned char)c)) {
                sp = any;
                continue;
            }
            if (sp)
                wn_buf_putc(m->inl, ' ');
            sp = false;
            any = true;
            if (c == '[' || c == ']' || c == '\\' || (c == '|' && m->in_cell))
                wn_buf_putc(m->inl, '\\');
            wn_buf_putc(m->inl, c);
        }
    }
    wn_buf_puts(m->inl, "](");
    put_url(m, url, ulen);
    wn_buf_putc(m->inl, ')');
}

/* ---- code blocks --------------------------------------------------------- */

static void
put_code_block(md_out *m, wn_node *pre)
{
    wn_buf raw;
    wn_buf_init(&raw, m->arena, 0);
    collect_text(m, pre, &raw);
    if (raw.failed)
        m->failed = true;
    const char *s = raw.ptr;
    size_t n = raw.len;
    while (n && (s[0] == '\n' || s[0] == '\r')) {
        s++;
        n--;
    }
    /* trailing newlines and a last line of only spaces */
    for (;;) {
        size_t k = n;
        while (k && (s[k - 1] == ' ' || s[k - 1] == '\t'))
            k--;
        if (k && (s[k - 1] == '\n' || s[k - 1] == '\r'))
            n = k - 1;
        else
            break;
    }
    if (!n)
        return;
    bool blank = true;
    for (size_t i = 0; i < n && blank; i++)
        blank = wn_render_is_space((unsigned char)s[i]);
    if (blank)
        return;
    size_t ticks = longest_backtick_run(s, n) + 1;
    if (ticks < 3)
        ticks = 3;
    size_t llen;
    const char *lang = wn_render_code_language(pre, &llen);
    begin_block(m);
    for (size_t i = 0; i < ticks; i++)
        wn_buf_putc(m->out, '`');
    if (lang)
        wn_buf_append(m->out, lang, llen);
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\n')
            j++;
        size_t e = j;
        if (e > i && s[e - 1] == '\r')
            e--;
        next_line(m);
        wn_buf_append(m->out, s + i, e - i);
        i = j + 1;
    }
    next_line(m);
    for (size_t k = 0; k < ticks; k++)
        wn_buf_putc(m->out, '`');
}

/* ---- tables -------------------------------------------------------------- */

/* A table that reads as data: some row has two cells or more, no table is
 * nested inside. */
static bool
is_data_table(md_out *m, wn_node *table)
{
    wn_walk w;
    wn_node *n;
    bool entering;
    size_t cells = 0, most = 0;
    wn_walk_init(&w, table);
    while (wn_walk_next(&w, &n, &entering)) {
        if (!entering || n == table || n->type != WN_NODE_ELEMENT)
            continue;
        if (wn_render_skipped(n, m->flags)) {
            wn_walk_skip_children(&w);
            continue;
        }
        if (wn_node_is(n, WN_TAG_TABLE))
            return false;
        if (wn_node_is(n, WN_TAG_TR))
            cells = 0;
        else if (wn_node_is(n, WN_TAG_TD) || wn_node_is(n, WN_TAG_TH)) {
            cells += (size_t)wn_render_attr_int(n, "colspan", 1, 1, MD_MAX_COLS);
            if (cells > most)
                most = cells;
        }
    }
    return most >= 2;
}

static void
cell_begin(md_out *m, const wn_node *n)
{
    md_table *t = m->table;
    if (!t->row_open) {
        t->n_rows++;
        t->row_open = true;
    }
    md_cell *c = grow(m, t->cells, &t->cap_cells, t->n_cells, sizeof *c);
    if (!c)
        return;
    t->cells = c;
    c += t->n_cells++;
    c->row = t->n_rows - 1;
    c->off = t->text.len;
    c->len = 0;
    c->colspan = (unsigned)wn_render_attr_int(n, "colspan", 1, 1, MD_MAX_COLS);
    c->rowspan = (unsigned)wn_render_attr_int(n, "rowspan", 1, 0, 65534);
    if (c->rowspan == 0)
        c->rowspan = 65534; /* rowspan=0: to the end of the table */
    reset_inline(m);
    m->inl = &t->text;
    m->in_cell = true;
}

static void
cell_end(md_out *m)
{
    md_table *t = m->table;
    close_written_marks(m);
    if (t->n_cells)
        t->cells[t->n_cells - 1].len = t->text.len - t->cells[t->n_cells - 1].off;
    m->in_cell = false;
    m->inl = &m->para;
    reset_inline(m);
}

/* Lay the cells out on a grid (HTML table model, simplified) and write the
 * rows; with `write` false only count the columns. */
static size_t
table_layout(md_out *m, md_table *t, unsigned *rem, bool *occ, size_t ncols, bool write)
{
    size_t width = 0, ci = 0, written = 0;
    memset(rem, 0, MD_MAX_COLS * sizeof *rem);
    for (size_t row = 0; row < t->n_rows && !m->out->failed; row++) {
        for (size_t c = 0; c < MD_MAX_COLS; c++) {
            occ[c] = rem[c] > 0;
            if (rem[c])
                rem[c]--;
        }
        size_t col = 0, start = m->out->len;
        bool any = false;
        if (write) {
            if (written)
                next_line(m);
            wn_buf_putc(m->out, '|');
        }
        while (ci < t->n_cells && t->cells[ci].row == row) {
            md_cell *c = &t->cells[ci++];
            while (col < MD_MAX_COLS && occ[col]) {
                if (write && col < ncols)
                    wn_buf_puts(m->out, "  |");
                col++;
            }
            for (unsigned k = 0; k < c->colspan && col < MD_MAX_COLS; k++, col++) {
                if (c->rowspan > 1)
                    rem[col] = c->rowspan - 1;
                if (!write || col >= ncols)
                    continue;
                wn_buf_putc(m->out, ' ');
                if (k == 0)
                    wn_buf_append(m->out, t->text.ptr + c->off, c->len);
                wn_buf_puts(m->out, " |");
            }
            any |= c->len > 0;
        }
        while (col < MD_MAX_COLS && (occ[col] || (write && col < ncols))) {
            if (write && col < ncols)
                wn_buf_puts(m->out, "  |");
            col++;
        }
        if (col > width)
            width = col;
        if (write && !any && !m->out->failed) {
            m->out->len = start; /* a row of empty cells says nothing */
            continue;
        }
        if (write && written++ == 0) {
            next_line(m);
            wn_buf_putc(m->out, '|');
            for (size_t k = 0; k < ncols; k++)
                wn_buf_puts(m->out, " --- |");
        }
    }
    return width;
}

static void
table_end(md_out *m)
{
    md_table *t = m->table;
    m->table = NULL;
    if (t->caption.len) {
        begin_block(m);
        wn_buf_putc(m->out, '*');
        wn_buf_append(m->out, t->caption.ptr, t->caption.len);
        wn_buf_putc(m->out, '*');
    }
    bool any = false;
    for (size_t i = 0; i < t->n_cells && !any; i++)
        any = t->cells[i].len > 0;
    if (!any)
        return;
    unsigned *rem = wn_arena_alloc(m->arena, MD_MAX_COLS * sizeof *rem);
    bool *occ = wn_arena_alloc(m->arena, MD_MAX_COLS * sizeof *occ);
    if (!rem || !occ) {
        m->failed = true;
        return;
    }
    size_t ncols = table_layout(m, t, rem, occ, 0, false);
    if (!ncols)
        return;
    begin_block(m);
    table_layout(m, t, rem, occ, ncols, true);
}

/* ---- the walk ------------------------------------------------------------ */

static void
push_container(md_out *m, unsigned char kind, const char *marker)
{
    if (m->n_cont >= MD_MAX_NEST) {
        m->deep++;
        return;
    }
    md_container *c = grow(m, m->cont, &m->cap_cont, m->n_cont, sizeof *c);
    if (!c)
        return;
    m->cont = c;
    c += m->n_cont++;
    memset(c, 0, sizeof *c);
    c->kind = kind;
    if (kind == C_ITEM) {
        size_t k = strlen(marker);
        memcpy(c->marker, marker, k + 1);
        c->width = (unsigned char)(k + 1);
        c->marker_pending = true;
    }
}

static void
pop_container(md_out *m)
{
    if (m->deep)
        m->deep--;
    else if (m->n_cont)
        m->n_cont--;
    if (m->n_common > m->n_cont)
        m->n_common = m->n_cont;
}

static bool
in_item(const md_out *m)
{
    return m->n_cont && m->cont[m->n_cont - 1].kind == C_ITEM;
}

static int
enter_list(md_out *m, const wn_node *n)
{
    flush(m);
    md_list *l = grow(m, m->lists, &m->cap_lists, m->n_lists, sizeof *l);
    if (!l)
        return A_NONE;
    m->lists = l;
    l += m->n_lists++;
    l->ordered = wn_node_is(n, WN_TAG_OL);
    l->next = l->ordered ? wn_render_attr_int(n, "start", 1, 0, 999999999L) : 1;
    /* a list right after one of the same kind would merge with it */
    l->alt = m->list_closed_at == m->out->len + 1 && m->list_closed_nest == m->n_cont &&
             m->list_closed_ordered == l->ordered;
    set_sep(m, in_item(m) && (!l->ordered || l->next == 1) ? 1 : 2);
    return A_LIST;
}

static void
leave_list(md_out *m)
{
    flush(m);
    if (m->n_lists) {
        md_list *l = &m->lists[--m->n_lists];
        m->list_closed_at = m->out->len + 1;
        m->list_closed_nest = m->n_cont;
        m->list_closed_ordered = l->ordered;
        if (l->alt)
            m->list_closed_at = 0; /* the next one may use the usual marker */
    }
    m->sep = 2;
}

static int
enter_item(md_out *m, const wn_node *n)
{
    flush(m);
    char marker[14] = "-";
    md_list *l = m->n_lists ? &m->lists[m->n_lists - 1] : NULL;
    if (l && l->ordered) {
        long v = wn_render_attr_int(n, "value", l->next, 0, 999999999L);
        snprintf(marker, sizeof marker, "%ld%c", v, l->alt ? ')' : '.');
        l->next = v + 1;
    } else if (l && l->alt) {
        marker[0] = '*';
    }
    bool first = true;
    for (const wn_node *p = n->prev; p && first; p = p->prev)
        if (wn_node_is(p, WN_TAG_LI) && !wn_render_skipped(p, m->flags))
            first = false;
    if (!first && m->item_closed_at == m->out->len + 1)
        set_sep(m, 1); /* tight, unless something came between the items */
    push_container(m, C_ITEM, marker);
    return A_ITEM;
}

static int
enter_element(md_out *m, wn_walk *w, wn_node *n)
{
    switch (n->tag) {
    case WN_TAG_BR:
        if (m->has_inline)
            m->want_break = true;
        return A_NONE;
    case WN_TAG_IMG:
    case WN_TAG_IMAGE:
        if ((m->flags & WN_OPT_IMAGES) && !wn_render_img_is_fallback(n))
            put_image(m, n);
        return A_NONE;
    case WN_TAG_CODE:
    case WN_TAG_KBD:
    case WN_TAG_SAMP:
    case WN_TAG_TT:
        put_code_span(m, n);
        wn_walk_skip_children(w);
        return -1;
    case WN_TAG_EM:
    case WN_TAG_I:
    case WN_TAG_CITE:
    case WN_TAG_DFN:
    case WN_TAG_VAR:
        if (m->em++ == 0)
            open_mark(m, M_EM, NULL, 0);
        return A_EM;
    case WN_TAG_STRONG:
    case WN_TAG_B:
        if (m->strong++ == 0)
            open_mark(m, M_STRONG, NULL, 0);
        return A_STRONG;
    case WN_TAG_S:
    case WN_TAG_DEL:
    case WN_TAG_STRIKE:
        if (m->strike++ == 0)
            open_mark(m, M_STRIKE, NULL, 0);
        return A_STRIKE;
    case WN_TAG_A:
        if ((m->flags & WN_OPT_LINKS) && !m->in_link) {
            size_t len;
            const char *href = wn_node_attr(n, "href", &len);
            m->link_url =
                href ? wn_render_url(m->r, m->base, href, len, WN_RURL_LINK, &m->link_len) : NULL;
            if (m->link_url) {
                m->in_link = true;
                open_mark(m, M_LINK, m->link_url, m->link_len);
                return A_LINK;
            }
        }
        return A_NONE;
    default:
        break;
    }
    if (n->flags & WN_NF_CAPTION || wn_node_is(n, WN_TAG_FIGCAPTION)) {
        if (!wn_render_is_block(n) && !wn_node_is(n, WN_TAG_FIGCAPTION)) {
            if (m->em++ == 0)
                open_mark(m, M_EM, NULL, 0);
            return A_EM;
        }
        if (m->in_cell) {
            m->want_space = true;
            return A_CELL_BLOCK;
        }
        flush(m);
        if (m->em++ == 0)
            open_mark(m, M_EM, NULL, 0);
        return A_CAPTION;
    }
    if (m->in_cell) {
        /* everything block-like inside a pipe table cell is one line */
        if (wn_render_is_block(n) || wn_node_is(n, WN_TAG_HR)) {
            m->want_space = true;
            if (wn_node_is(n, WN_TAG_PRE)) {
                put_code_span(m, n);
                wn_walk_skip_children(w);
                return -1;
            }
            return A_CELL_BLOCK;
        }
        return A_NONE;
    }
    if (m->table) {
        switch (n->tag) {
        case WN_TAG_TR:
            m->table->row_open = false;
            return A_ROW;
        case WN_TAG_TD:
        case WN_TAG_TH:
            cell_begin(m, n);
            return A_CELL;
        case WN_TAG_CAPTION:
            reset_inline(m);
            m->inl = &m->table->caption;
            m->in_cell = true;
            m->em++;
            return A_TCAPTION;
        default:
            return A_NONE;
        }
    }
    switch (n->tag) {
    case WN_TAG_H1:
    case WN_TAG_H2:
    case WN_TAG_H3:
    case WN_TAG_H4:
    case WN_TAG_H5:
    case WN_TAG_H6:
        flush(m);
        if (m->heading)
            return A_BLOCK;
        m->heading = n->tag - WN_TAG_H1 + 1;
        return A_HEADING;
    case WN_TAG_BLOCKQUOTE:
        flush(m);
        set_sep(m, 2);
        push_container(m, C_QUOTE, NULL);
        return A_QUOTE;
    case WN_TAG_UL:
    case WN_TAG_OL:
    case WN_TAG_MENU:
    case WN_TAG_DIR:
        return enter_list(m, n);
    case WN_TAG_LI:
        return enter_item(m, n);
    case WN_TAG_PRE:
    case WN_TAG_LISTING:
    case WN_TAG_XMP:
        flush(m);
        put_code_block(m, n);
        wn_walk_skip_children(w);
        return -1;
    case WN_TAG_HR:
        flush(m);
        begin_block(m);
        wn_buf_puts(m->out, "* * *");
        return A_NONE;
    case WN_TAG_DT:
        flush(m);
        if (m->strong++ == 0)
            open_mark(m, M_STRONG, NULL, 0);
        return A_TERM;
    case WN_TAG_TABLE:
        flush(m);
        if (!is_data_table(m, n))
            return A_BLOCK;
        m->table = wn_arena_calloc(m->arena, 1, sizeof *m->table);
        if (!m->table) {
            m->failed = true;
            return A_BLOCK;
        }
        wn_buf_init(&m->table->text, m->arena, 0);
        wn_buf_init(&m->table->caption, m->arena, 0);
        return A_TABLE;
    default:
        if (wn_render_is_block(n)) {
            flush(m);
            return A_BLOCK;
        }
        return A_NONE;
    }
}

static void
leave_element(md_out *m, int act)
{
    switch (act) {
    case A_BLOCK:
        flush(m);
        break;
    case A_HEADING:
        flush(m);
        m->heading = 0;
        break;
    case A_QUOTE:
        flush(m);
        pop_container(m);
        m->sep = 2;
        break;
    case A_LIST:
        leave_list(m);
        break;
    case A_ITEM:
        flush(m);
        pop_container(m);
        m->item_closed_at = m->out->len + 1;
        break;
    case A_EM:
        if (--m->em == 0)
            close_mark(m);
        break;
    case A_STRONG:
        if (--m->strong == 0)
            close_mark(m);
        break;
    case A_STRIKE:
        if (--m->strike == 0)
            close_mark(m);
        break;
    case A_LINK:
        m->in_link = false;
        close_mark(m);
        break;
    case A_CAPTION:
        if (--m->em == 0)
            close_mark(m);
        flush(m);
        break;
    case A_TERM:
        if (--m->strong == 0)
            close_mark(m);
        flush(m);
        break;
    case A_CELL_BLOCK:
        m->want_space = true;
        break;
    case A_CELL:
        cell_end(m);
        break;
    case A_TCAPTION:
        close_written_marks(m);
        m->em--;
        m->in_cell = false;
        m->inl = &m->para;
        reset_inline(m);
        break;
    case A_ROW:
        if (m->table)
            m->table->row_open = false;
        break;
    case A_TABLE:
        if (m->table)
            table_end(m);
        break;
    default:
        break;
    }
}

wn_status
wn_render_markdown(const wn_result *r, wn_buf *out)
{
    if (!r || !out || !r->doc)
        return WN_ERR_INVALID;
    md_out m;
    memset(&m, 0, sizeof m);
    m.r = r;
    m.arena = &r->doc->arena;
    m.out = out;
    m.flags = r->doc->opts.flags;
    m.base = wn_render_base_url(r);
    m.acts.arena = m.arena;
    wn_buf_init(&m.para, m.arena, 0);
    m.inl = &m.para;

    if (r->meta.title.ptr && r->meta.title.len) {
        m.heading = 1;
        put_text(&m, r->meta.title.ptr, r->meta.title.len);
        flush(&m);
        m.heading = 0;
    }
    for (size_t i = 0; i < r->content.n_roots && !out->failed && !m.failed; i++) {
        wn_node *root = r->content.roots[i];
        if (!root)
            continue;
        wn_walk w;
        wn_node *n;
        bool entering;
        wn_walk_init(&w, root);
        while (wn_walk_next(&w, &n, &entering) && !out->failed && !m.failed) {
            if (n->type == WN_NODE_TEXT) {
                put_text(&m, n->data, n->len);
                continue;
            }
            if (n->type != WN_NODE_ELEMENT)
                continue;
            if (entering) {
                int special = n != root ? wn_render_special(n, m.flags) : WN_RENDER_PLAIN;
                if (special) {
                    size_t el;
                    if (special == WN_RENDER_FORMULA) {
                        put_math(&m, n);
                    } else {
                        const char *alt = wn_render_emoji_alt(n, &el);
                        put_text(&m, alt, el);
                    }
                    wn_walk_skip_children(&w);
                    continue;
                }
                if (n->ns != WN_NS_HTML || (n != root && wn_render_skipped(n, m.flags))) {
                    wn_walk_skip_children(&w);
                    continue;
                }
                int act = enter_element(&m, &w, n);
                if (act >= 0)
                    wn_render_stack_push(&m.acts, (unsigned char)act);
            } else {
                leave_element(&m, wn_render_stack_pop(&m.acts));
            }
        }
        flush(&m);
    }
    if (m.failed || m.acts.failed || m.para.failed)
        return out->failed ? (wn_status)out->failed : WN_ERR_NOMEM;
    return out->failed ? (wn_status)out->failed : WN_OK;
}
