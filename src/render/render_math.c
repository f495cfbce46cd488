/* render_math.c - formulas (MathML) as TeX for the text, Markdown, JSON
 * and HTML renderings.
 *
 * Equations are content: a sentence such as "there are two solutions to
 * ax^2 + bx + c = 0" loses its meaning without its formula. A page gives a
 * formula's TeX in one of three ways, tried in order:
 *   - an <annotation> in TeX inside the <math> (KaTeX, MediaWiki, many
 *     converters), or its alttext attribute;
 *   - MediaWiki's fallback <img> whose alt text is the TeX (its MathML is
 *     hidden), see wn_render_math_img;
 *   - else the presentation markup itself, converted here: fractions,
 *     roots, scripts, under/over scripts, fences, tables and tokens, with
 *     the common operators, functions and Greek letters spelt as TeX.
 * The conversion keeps an explicit stack of at most MATH_DEPTH_MAX
 * elements; deeper markup (no real formula nests so far) is written as the
 * plain text of its tokens. Output is bounded by the markup's size.
 */
#include <string.h>

#include "render/render.h"

#define MATH_DEPTH_MAX 64  /* open elements the conversion follows */
#define MATH_NODES_MAX 20000 /* nodes looked at for an annotation */

/* ---- the page's own TeX ------------------------------------------------ */

static bool
name_is(const wn_node *n, const char *s)
{
    size_t l = strlen(s);
    return n->type == WN_NODE_ELEMENT && n->name && n->name_len == l && memcmp(n->name, s, l) == 0;
}

static bool
ieq(const char *a, size_t n, const char *lit)
{
    size_t l = strlen(lit);
    if (n != l)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] + 32) : a[i];
        if (c != lit[i])
            return false;
    }
    return true;
}

/* Append TeX source s[0..n): whitespace runs become one space, the ends
 * trimmed, and MediaWiki's "{\displaystyle ...}" wrapper removed. Returns
 * whether anything was appended. */
static bool
put_source(wn_buf *b, const char *s, size_t n)
{
    while (n && wn_render_is_space((unsigned char)*s))
        s++, n--;
    while (n && wn_render_is_space((unsigned char)s[n - 1]))
        n--;
    static const char *const wrappers[] = {"{\\displaystyle", "{\\textstyle", "{\\scriptstyle"};
    for (size_t k = 0; k < sizeof wrappers / sizeof wrappers[0]; k++) {
        size_t l = strlen(wrappers[k]);
        if (n > l + 1 && memcmp(s, wrappers[k], l) == 0 && s[n - 1] == '}' &&
            (s[l] == ' ' || s[l] == '{' || s[l] == '\\')) {
            s += l, n -= l + 1;
            while (n && wn_render_is_space((unsigned char)*s))
                s++, n--;
            while (n && wn_render_is_space((unsigned char)s[n - 1]))
                n--;
            break;
        }
    }
    if (!n)
        return false;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        if (wn_render_is_space((unsigned char)s[i])) {
            space = true;
            continue;
        }
        if (space)
            wn_buf_putc(b, ' ');
        space = false;
        wn_buf_putc(b, s[i]);
    }
    return true;
}

/* The TeX annotation of a <math>, if any: its text. */
static bool
annotation_tex(const wn_node *math, wn_buf *b)
{
    wn_walk w;
    wn_node *n;
    bool e;
    int budget = MATH_NODES_MAX;
    wn_walk_init(&w, (wn_node *)math);
    while (wn_walk_next(&w, &n, &e) && budget-- > 0) {
        if (!e || !name_is(n, "annotation"))
            continue;
        size_t l = 0;
        const char *enc = wn_node_attr(n, "encoding", &l);
        if (!enc || !(ieq(enc, l, "application/x-tex") || ieq(enc, l, "tex") ||
                      ieq(enc, l, "text/x-tex") || ieq(enc, l, "application/x-latex") ||
                      ieq(enc, l, "latex")))
            continue;
        size_t start = b->len;
        for (const wn_node *c = n->first_child; c; c = c->next)
            if (c->type == WN_NODE_TEXT)
                wn_buf_append(b, c->data, c->len);
        if (b->failed || b->len == start)
            return false;
        /* tidied in place: copy out, cut back, put again */
        size_t len = b->len - start;
        char small[512];
        if (len <= sizeof small) {
            memcpy(small, b->ptr + start, len);
            b->len = start;
            return put_source(b, small, len);
        }
        return true; /* a long one stays as written */
    }
    return false;
}

/* ---- presentation markup to TeX ---------------------------------------- */

/* A character's (UTF-8) TeX spelling. */
typedef struct tex_map {
    const char *u, *tex;
} tex_map;

/* Operators and letters with a TeX name. */
static const tex_map symbols[] = {
    {"\xE2\x88\x92", "-"},        {"\xC2\xB1", "\\pm"},         {"\xE2\x88\x93", "\\mp"},
    {"\xC3\x97", "\\times"},      {"\xC3\xB7", "\\div"},        {"\xE2\x8B\x85", "\\cdot"},
    {"\xC2\xB7", "\\cdot"},       {"\xE2\x88\x91", "\\sum"},    {"\xE2\x88\x8F", "\\prod"},
    {"\xE2\x88\xAB", "\\int"},    {"\xE2\x88\xAE", "\\oint"},   {"\xE2\x88\x9E", "\\infty"},
    {"\xE2\x89\xA4", "\\le"},     {"\xE2\x89\xA5", "\\ge"},     {"\xE2\x89\xA0", "\\ne"},
    {"\xE2\x89\x88", "\\approx"}, {"\xE2\x89\xA1", "\\equiv"},  {"\xE2\x88\x9D", "\\propto"},
    {"\xE2\x86\x92", "\\to"},     {"\xE2\x87\x92", "\\Rightarrow"}, {"\xE2\x87\x94", "\\Leftrightarrow"},
    {"\xE2\x88\x88", "\\in"},     {"\xE2\x88\x89", "\\notin"},  {"\xE2\x8A\x82", "\\subset"},
    {"\xE2\x8A\x86", "\\subseteq"}, {"\xE2\x88\xAA", "\\cup"},  {"\xE2\x88\xA9", "\\cap"},
    {"\xE2\x88\x82", "\\partial"}, {"\xE2\x88\x87", "\\nabla"}, {"\xE2\x88\x80", "\\forall"},
    {"\xE2\x88\x83", "\\exists"}, {"\xE2\x88\x85", "\\emptyset"}, {"\xE2\x80\xA6", "\\ldots"},
    {"\xE2\x8B\xAF", "\\cdots"},  {"\xE2\x88\x9A", "\\surd"},   {"\xE2\x88\x98", "\\circ"},
    {"\xE2\x80\xB2", "'"},
    /* invisible operators: function application, times, separator, plus */
    {"\xE2\x81\xA1", ""},         {"\xE2\x81\xA2", ""},         {"\xE2\x81\xA3", ""},
    {"\xE2\x81\xA4", ""},
    {"\xCE\xB1", "\\alpha"},      {"\xCE\xB2", "\\beta"},       {"\xCE\xB3", "\\gamma"},
    {"\xCE\xB4", "\\delta"},      {"\xCE\xB5", "\\epsilon"},    {"\xCF\xB5", "\\epsilon"},
    {"\xCE\xB6", "\\zeta"},       {"\xCE\xB7", "\\eta"},        {"\xCE\xB8", "\\theta"},
    {"\xCE\xB9", "\\iota"},       {"\xCE\xBA", "\\kappa"},      {"\xCE\xBB", "\\lambda"},
    {"\xCE\xBC", "\\mu"},         {"\xCE\xBD", "\\nu"},         {"\xCE\xBE", "\\xi"},
    {"\xCF\x80", "\\pi"},         {"\xCF\x81", "\\rho"},        {"\xCF\x83", "\\sigma"},
    {"\xCF\x84", "\\tau"},        {"\xCF\x85", "\\upsilon"},    {"\xCF\x86", "\\phi"},
    {"\xCF\x95", "\\phi"},        {"\xCF\x87", "\\chi"},        {"\xCF\x88", "\\psi"},
    {"\xCF\x89", "\\omega"},      {"\xCE\x93", "\\Gamma"},      {"\xCE\x94", "\\Delta"},
    {"\xCE\x98", "\\Theta"},      {"\xCE\x9B", "\\Lambda"},     {"\xCE\x9E", "\\Xi"},
    {"\xCE\xA0", "\\Pi"},         {"\xCE\xA3", "\\Sigma"},      {"\xCE\xA6", "\\Phi"},
    {"\xCE\xA8", "\\Psi"},        {"\xCE\xA9", "\\Omega"},
};

/* Function names TeX spells as commands ("sin" -> "\sin"). */
static const char *const functions[] = {"sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh",
                                        "tanh", "arcsin", "arccos", "arctan", "log", "ln", "lg",
                                        "exp", "lim", "max", "min", "sup", "inf", "det", "gcd",
                                        "deg", "dim", "ker", "arg", "Pr"};

/* Accents over a base (mover): the mark's text -> TeX command and brace. */
static const tex_map accents[] = {
    {"\xC2\xAF", "\\bar{"},  {"\xE2\x80\xBE", "\\overline{"}, {"^", "\\hat{"},
    {"\xCB\x86", "\\hat{"},  {"~", "\\tilde{"},              {"\xCB\x9C", "\\tilde{"},
    {"\xE2\x86\x92", "\\vec{"}, {"\xE2\x83\x97", "\\vec{"},  {"\xCB\x99", "\\dot{"},
    {"\xC2\xA8", "\\ddot{"}, {"\xE2\x8F\x9E", "\\overbrace{"},
};

/* The TeX spelling of s[0..l) in map m (n entries), or NULL. */
static const char *
tex_lookup(const tex_map *m, size_t n, const char *s, size_t l)
{
    for (size_t k = 0; k < n; k++)
        if (strlen(m[k].u) == l && memcmp(m[k].u, s, l) == 0)
            return m[k].tex;
    return NULL;
}

typedef struct tex_out {
    wn_buf *b;
    bool after_command; /* the last thing written is a command's name */
} tex_out;

static bool
is_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Write s[0..n) (a token or a piece of the plan), a space first when a
 * command's name would run on into letters ("\pm x", not "\pmx"). */
static void
emit(tex_out *t, const char *s, size_t n)
{
    if (!n)
        return;
    if (t->after_command && is_alnum((unsigned char)s[0]))
        wn_buf_putc(t->b, ' ');
    wn_buf_append(t->b, s, n);
    /* ends in a command's name: "\alpha", "\sin" (not "\{" or "}") */
    size_t i = n;
    while (i && ((s[i - 1] >= 'a' && s[i - 1] <= 'z') || (s[i - 1] >= 'A' && s[i - 1] <= 'Z')))
        i--;
    t->after_command = i < n && i > 0 && s[i - 1] == '\\';
}

static void
emit_str(tex_out *t, const char *s)
{
    emit(t, s, strlen(s));
}

/* The trimmed text of a token element (its text children; whitespace runs
 * collapse), into buf (at most cap bytes; longer text is cut). */
static size_t
token_text(const wn_node *n, char *buf, size_t cap)
{
    size_t k = 0;
    bool space = false;
    for (const wn_node *c = n->first_child; c; c = c->next) {
        if (c->type != WN_NODE_TEXT)
            continue;
        for (size_t i = 0; i < c->len && k < cap; i++) {
            if (wn_render_is_space((unsigned char)c->data[i])) {
                space = k > 0;
                continue;
            }
            if (space && k < cap)
                buf[k++] = ' ';
            space = false;
            if (k < cap)
                buf[k++] = c->data[i];
        }
    }
    return k;
}

static void
emit_token(tex_out *t, const wn_node *n)
{
    char s[256];
    size_t l = token_text(n, s, sizeof s);
    if (!l)
        return;
    bool text = name_is(n, "mtext") || name_is(n, "ms");
    if (text) {
        emit_str(t, "\\text{");
        /* braces and backslashes would end or start a command */
        for (size_t i = 0; i < l; i++)
            if (s[i] == '{' || s[i] == '}' || s[i] == '\\')
                s[i] = ' ';
        emit(t, s, l);
        emit_str(t, "}");
        return;
    }
    if (name_is(n, "mi") && l > 1) {
        for (size_t k = 0; k < sizeof functions / sizeof functions[0]; k++)
            if (strlen(functions[k]) == l && memcmp(functions[k], s, l) == 0) {
                emit_str(t, "\\");
                t->after_command = false;
                emit(t, s, l);
                t->after_command = true;
                return;
            }
    }
    /* spelt symbol by symbol: each UTF-8 sequence a TeX name may replace */
    size_t i = 0;
    while (i < l) {
        size_t j = i + 1;
        while (j < l && ((unsigned char)s[j] & 0xC0) == 0x80)
            j++;
        bool done = false;
        if ((unsigned char)s[i] >= 0x80) {
            const char *tex = tex_lookup(symbols, sizeof symbols / sizeof symbols[0], s + i, j - i);
            if (tex) {
                emit_str(t, tex);
                done = true;
            }
        } else if (s[i] == '{' || s[i] == '}' || s[i] == '%' || s[i] == '#' || s[i] == '&' ||
                   s[i] == '$' || s[i] == '_') {
            char esc[2] = {'\\', s[i]};
            emit(t, esc, 2);
            done = true;
        }
        if (!done) {
            /* plain characters as a run */
            size_t e = j;
            while (e < l && (unsigned char)s[e] < 0x80 && s[e] != '{' && s[e] != '}' &&
                   s[e] != '%' && s[e] != '#' && s[e] != '&' && s[e] != '$' && s[e] != '_')
                e++;
            emit(t, s + i, e - i);
            j = e > j ? e : j;
        }
        i = j;
    }
}

/* The element children of n, at most max. */
static int
element_kids(const wn_node *n, const wn_node **kid, int max)
{
    int k = 0;
    for (const wn_node *c = n->first_child; c && k < max; c = c->next)
        if (c->type == WN_NODE_ELEMENT)
            kid[k++] = c;
    return k;
}

/* An accent's TeX command when node n is a token holding only one. */
static const char *
accent_of(const wn_node *n)
{
    if (!name_is(n, "mo") && !name_is(n, "mi"))
        return NULL;
    char s[16];
    size_t l = token_text(n, s, sizeof s);
    return tex_lookup(accents, sizeof accents / sizeof accents[0], s, l);
}

enum kind {
    K_ROW,   /* children in order, sep between them, pre/post around */
    K_PLAN   /* pieces[0] kid[order[0]] pieces[1] kid[order[1]] ... pieces[nk] */
};

typedef struct frame {
    const wn_node *n;
    unsigned char kind;
    unsigned char stage, nk;
    const wn_node *next;     /* K_ROW: the next child to look at */
    const char *sep, *post;  /* K_ROW (attribute values are not NUL-terminated) */
    size_t sep_len, post_len;
    const wn_node *kid[3];   /* K_PLAN, in visiting order */
    const char *piece[4];    /* K_PLAN: before each kid, then after the last */
} frame;

/* Elements that are never shown, or hold no formula. */
static bool
skipped_element(const wn_node *n)
{
    return name_is(n, "annotation") || name_is(n, "annotation-xml") || name_is(n, "mspace") ||
           name_is(n, "mphantom") || name_is(n, "none") || name_is(n, "mprescripts") ||
           name_is(n, "maligngroup") || name_is(n, "malignmark") || name_is(n, "mglyph");
}

static bool
is_token(const wn_node *n)
{
    return name_is(n, "mi") || name_is(n, "mn") || name_is(n, "mo") || name_is(n, "mtext") ||
           name_is(n, "ms");
}

/* Open element n: write what comes before its children and fill the frame. */
static void
open_frame(tex_out *t, frame *f, const wn_node *n)
{
    memset(f, 0, sizeof *f);
    f->n = n;
    f->kind = K_ROW;
    f->next = n->first_child;
    const wn_node *k[3];
    int nk = element_kids(n, k, 3);
    size_t l;
    const char *a;
    if (name_is(n, "mfrac") && nk >= 2) {
        a = wn_node_attr(n, "linethickness", &l);
        bool binom = a && l == 1 && a[0] == '0';
        f->kind = K_PLAN, f->nk = 2, f->kid[0] = k[0], f->kid[1] = k[1];
        f->piece[0] = binom ? "\\binom{" : "\\frac{", f->piece[1] = "}{", f->piece[2] = "}";
    } else if (name_is(n, "mroot") && nk >= 2) {
        f->kind = K_PLAN, f->nk = 2, f->kid[0] = k[1], f->kid[1] = k[0];
        f->piece[0] = "\\sqrt[", f->piece[1] = "]{", f->piece[2] = "}";
    } else if ((name_is(n, "msup") || name_is(n, "msub")) && nk >= 2) {
        f->kind = K_PLAN, f->nk = 2, f->kid[0] = k[0], f->kid[1] = k[1];
        f->piece[0] = "{", f->piece[1] = name_is(n, "msup") ? "}^{" : "}_{", f->piece[2] = "}";
    } else if (name_is(n, "msubsup") && nk >= 3) {
        f->kind = K_PLAN, f->nk = 3, f->kid[0] = k[0], f->kid[1] = k[1], f->kid[2] = k[2];
        f->piece[0] = "{", f->piece[1] = "}_{", f->piece[2] = "}^{", f->piece[3] = "}";
    } else if ((name_is(n, "munder") || name_is(n, "mover")) && nk >= 2) {
        bool over = name_is(n, "mover");
        const char *acc = over ? accent_of(k[1]) : NULL;
        f->kind = K_PLAN;
        if (acc) {
            f->nk = 1, f->kid[0] = k[0];
            f->piece[0] = acc, f->piece[1] = "}";
        } else if (name_is(k[0], "mo") || name_is(k[0], "mi")) {
            /* a big operator or a limit: \sum_{i=1}, \lim_{x \to 0} */
            f->nk = 2, f->kid[0] = k[0], f->kid[1] = k[1];
            f->piece[0] = "{", f->piece[1] = over ? "}^{" : "}_{", f->piece[2] = "}";
        } else {
            f->nk = 2, f->kid[0] = k[1], f->kid[1] = k[0];
            f->piece[0] = over ? "\\overset{" : "\\underset{", f->piece[1] = "}{",
            f->piece[2] = "}";
        }
    } else if (name_is(n, "munderover") && nk >= 3) {
        f->kind = K_PLAN, f->nk = 3, f->kid[0] = k[0], f->kid[1] = k[1], f->kid[2] = k[2];
        f->piece[0] = "{", f->piece[1] = "}_{", f->piece[2] = "}^{", f->piece[3] = "}";
    } else if (name_is(n, "msqrt") || (name_is(n, "menclose") &&
                                        (a = wn_node_attr(n, "notation", &l)) &&
                                        ieq(a, l, "radical"))) {
        emit_str(t, "\\sqrt{");
        f->post = "}", f->post_len = 1;
    } else if (name_is(n, "mfenced")) {
        a = wn_node_attr(n, "open", &l);
        if (a)
            emit(t, a, l);
        else
            emit_str(t, "(");
        a = wn_node_attr(n, "separators", &l);
        f->sep = a ? a : ",", f->sep_len = a ? l : 1;
        a = wn_node_attr(n, "close", &l);
        f->post = a ? a : ")", f->post_len = a ? l : 1;
    } else if (name_is(n, "mtable")) {
        emit_str(t, "\\begin{matrix}");
        f->sep = " \\\\ ", f->sep_len = 4;
        f->post = "\\end{matrix}", f->post_len = 12;
    } else if (name_is(n, "mtr") || name_is(n, "mlabeledtr")) {
        f->sep = " & ", f->sep_len = 3;
    }
    /* a plan whose kids are missing degrades to a row: the markup is cut */
}

/* Convert the presentation markup under math into t. */
static void
convert(tex_out *t, const wn_node *math)
{
    frame stack[MATH_DEPTH_MAX];
    size_t depth = 0;
    open_frame(t, &stack[depth++], math);
    while (depth && !t->b->failed) {
        frame *f = &stack[depth - 1];
        const wn_node *c = NULL;
        if (f->kind == K_PLAN) {
            if (f->stage < f->nk) {
                emit_str(t, f->piece[f->stage]);
                c = f->kid[f->stage++];
            } else {
                emit_str(t, f->piece[f->nk]);
                depth--;
                continue;
            }
        } else {
            while (f->next && (f->next->type != WN_NODE_ELEMENT || skipped_element(f->next)))
                f->next = f->next->next;
            if (!f->next) {
                if (f->post)
                    emit(t, f->post, f->post_len);
                depth--;
                continue;
            }
            c = f->next;
            f->next = c->next;
            /* the separator before every child but the first: mfenced's
             * separators (the last one repeats), a row's or a cell's */
            if (f->stage < 255)
                f->stage++;
            if (f->stage > 1 && f->sep_len) {
                if (name_is(f->n, "mfenced")) {
                    /* one character per gap, the last repeating; spaces
                     * in the list are none */
                    size_t want = (size_t)f->stage - 2, seen = 0;
                    char sc = 0;
                    for (size_t i = 0; i < f->sep_len; i++)
                        if (!wn_render_is_space((unsigned char)f->sep[i])) {
                            sc = f->sep[i];
                            if (seen++ == want)
                                break;
                        }
                    if (sc)
                        emit(t, &sc, 1);
                } else {
                    emit(t, f->sep, f->sep_len);
                }
            }
        }
        if (is_token(c)) {
            emit_token(t, c);
        } else if (depth < MATH_DEPTH_MAX) {
            open_frame(t, &stack[depth++], c);
        } else {
            /* too deep to follow: its tokens, flat */
            wn_walk w;
            wn_node *m;
            bool e;
            wn_walk_init(&w, (wn_node *)c);
            while (wn_walk_next(&w, &m, &e))
                if (e && is_token(m)) {
                    emit_token(t, m);
                    wn_walk_skip_children(&w);
                }
        }
    }
}

bool
wn_render_math_display(const wn_node *math)
{
    size_t l;
    const char *d = wn_node_attr(math, "display", &l);
    if (d && ieq(d, l, "block"))
        return true;
    d = wn_node_attr(math, "mode", &l);
    return d && ieq(d, l, "display");
}

bool
wn_render_math(const wn_node *math, wn_buf *b)
{
    size_t start = b->len;
    if (annotation_tex(math, b))
        return true;
    b->len = start;
    size_t l;
    const char *alt = wn_node_attr(math, "alttext", &l);
    if (alt && put_source(b, alt, l))
        return true;
    b->len = start;
    tex_out t = {b, false};
    convert(&t, math);
    /* nothing but braces and spaces is no formula */
    for (size_t i = start; i < b->len; i++)
        if (b->ptr[i] != '{' && b->ptr[i] != '}' && b->ptr[i] != ' ')
            return true;
    b->len = start;
    return false;
}

const char *
wn_render_math_img(const wn_node *img, size_t *len)
{
    size_t l;
    const char *alt = wn_node_attr(img, "alt", &l);
    static const char *const marks[] = {"{\\displaystyle", "{\\textstyle"};
    for (size_t k = 0; alt && k < sizeof marks / sizeof marks[0]; k++) {
        size_t ml = strlen(marks[k]);
        if (l > ml + 1 && memcmp(alt, marks[k], ml) == 0 && alt[l - 1] == '}') {
            *len = l;
            return alt;
        }
    }
    return NULL;
}

bool
wn_render_math_source(wn_buf *b, const char *s, size_t n)
{
    return put_source(b, s, n);
}
