/* tokenizer.c - the WHATWG HTML tokenizer (HTML Standard, section 13.2.5).
 *
 * The state machine runs in wn_tokenizer_next() until it emits a token
 * other than characters (or reaches the end of input); characters emitted
 * on the way accumulate in one pending run, which is handed out first. Each
 * `case` of the big switch is one state of the standard, headed by its
 * section number and name, and its branches follow the standard's list in
 * order, so the two can be read side by side. The character reference
 * states (13.2.5.72-80) need no token machinery and run as one function,
 * still split into labelled blocks per state.
 *
 * Strings (character runs, names, values, comments) are built in a tok_str:
 * as long as they equal a contiguous run of the input they stay a slice
 * (no copy); the first change (CR, NUL, upper case, an entity) turns them
 * into an arena copy. Hot states skip ordinary bytes with a 256-entry byte
 * class table and append whole runs at once.
 *
 * Input preprocessing (13.2.3.5): CR LF and lone CR read as LF; peekc()
 * and adv() do it for the per-character states, the run scanners stop at
 * CR. The input is read as bytes: every non-ASCII byte falls under
 * "anything else" in every state, which is what the standard does for
 * every non-ASCII code point.
 */
#include "tokenizer.h"

#include <string.h>

#include "entities.h"
#include "util/utf8.h"

/* Internal states: the standard's states in its order. */
enum {
    S_DATA,
    S_RCDATA,
    S_RAWTEXT,
    S_SCRIPT_DATA,
    S_PLAINTEXT,
    S_TAG_OPEN,
    S_END_TAG_OPEN,
    S_TAG_NAME,
    S_RCDATA_LT,
    S_RCDATA_END_TAG_OPEN,
    S_RCDATA_END_TAG_NAME,
    S_RAWTEXT_LT,
    S_RAWTEXT_END_TAG_OPEN,
    S_RAWTEXT_END_TAG_NAME,
    S_SCRIPT_LT,
    S_SCRIPT_END_TAG_OPEN,
    S_SCRIPT_END_TAG_NAME,
    S_SCRIPT_ESCAPE_START,
    S_SCRIPT_ESCAPE_START_DASH,
    S_SCRIPT_ESCAPED,
    S_SCRIPT_ESCAPED_DASH,
    S_SCRIPT_ESCAPED_DASH_DASH,
    S_SCRIPT_ESCAPED_LT,
    S_SCRIPT_ESCAPED_END_TAG_OPEN,
    S_SCRIPT_ESCAPED_END_TAG_NAME,
    S_SCRIPT_DOUBLE_ESCAPE_START,
    S_SCRIPT_DOUBLE_ESCAPED,
    S_SCRIPT_DOUBLE_ESCAPED_DASH,
    S_SCRIPT_DOUBLE_ESCAPED_DASH_DASH,
    S_SCRIPT_DOUBLE_ESCAPED_LT,
    S_SCRIPT_DOUBLE_ESCAPE_END,
    S_BEFORE_ATTR_NAME,
    S_ATTR_NAME,
    S_AFTER_ATTR_NAME,
    S_BEFORE_ATTR_VALUE,
    S_ATTR_VALUE_DQ,
    S_ATTR_VALUE_SQ,
    S_ATTR_VALUE_UQ,
    S_AFTER_ATTR_VALUE_QUOTED,
    S_SELF_CLOSING_START_TAG,
    S_BOGUS_COMMENT,
    S_MARKUP_DECLARATION_OPEN,
    S_COMMENT_START,
    S_COMMENT_START_DASH,
    S_COMMENT,
    S_COMMENT_LT,
    S_COMMENT_LT_BANG,
    S_COMMENT_LT_BANG_DASH,
    S_COMMENT_LT_BANG_DASH_DASH,
    S_COMMENT_END_DASH,
    S_COMMENT_END,
    S_COMMENT_END_BANG,
    S_DOCTYPE,
    S_BEFORE_DOCTYPE_NAME,
    S_DOCTYPE_NAME,
    S_AFTER_DOCTYPE_NAME,
    S_AFTER_DOCTYPE_PUBLIC_KEYWORD,
    S_BEFORE_DOCTYPE_PUBLIC_ID,
    S_DOCTYPE_PUBLIC_ID_DQ,
    S_DOCTYPE_PUBLIC_ID_SQ,
    S_AFTER_DOCTYPE_PUBLIC_ID,
    S_BETWEEN_DOCTYPE_PUBLIC_SYSTEM,
    S_AFTER_DOCTYPE_SYSTEM_KEYWORD,
    S_BEFORE_DOCTYPE_SYSTEM_ID,
    S_DOCTYPE_SYSTEM_ID_DQ,
    S_DOCTYPE_SYSTEM_ID_SQ,
    S_AFTER_DOCTYPE_SYSTEM_ID,
    S_BOGUS_DOCTYPE,
    S_CDATA_SECTION,
    S_CDATA_SECTION_BRACKET,
    S_CDATA_SECTION_END,
    S_EOF /* the end-of-file token has been emitted */
};

/* A string under construction: a slice of the input until it must differ
 * from the input, then a growable arena copy. */
typedef struct tok_str {
    const char *p; /* slice start, or buf when copy */
    size_t n;
    char *buf;     /* arena block, reused until handed out */
    size_t cap;
    bool copy;
} tok_str;

struct wn_tokenizer {
    wn_arena *arena;
    const char *in;
    size_t len;
    size_t pos;
    int state;
    bool cdata_allowed;
    bool oom;
    bool has_queued;     /* `queued` holds a token ready to return */
    wn_token queued;

    size_t errors;
    size_t dropped;
    size_t max_attrs;

    const char *last_start; /* appropriate end tag check */
    size_t last_start_len;

    /* pending character run */
    tok_str text;
    size_t text_off;

    /* current tag */
    tok_str tname;
    bool is_end;
    bool self_closing;
    size_t tok_off;
    size_t tmp_start;    /* start of the temporary buffer (a run of input letters) */

    /* current attribute */
    tok_str aname, aval;
    bool attr_open;
    wn_attr *attrs;      /* kept attributes of the current tag (scratch, <= max_attrs) */
    uint32_t n_attrs;
    uint32_t attrs_cap;
    uint32_t *hset;      /* attribute name hash set (index + 1), used past HSET_MIN */
    uint32_t hcap;
    bool hset_on;

    /* comment data / doctype */
    tok_str cdata;
    tok_str dname, dpub, dsys;
    bool has_dname, has_dpub, has_dsys, force_quirks;
};

/* Below this many attributes duplicates are found by a linear scan. */
#define HSET_MIN 16u

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Byte classes: bit set = the byte ends a run of ordinary bytes in that
 * group of states. */
enum {
    C_DATA = 1 << 0,    /* data, RCDATA: & < CR */
    C_RAW = 1 << 1,     /* RAWTEXT, script data: < NUL CR */
    C_PLAIN = 1 << 2,   /* PLAINTEXT, CDATA: NUL CR ] */
    C_TAGNAME = 1 << 3, /* whitespace / > NUL CR A-Z */
    C_ATTRNAME = 1 << 4,/* whitespace / > = NUL CR A-Z */
    C_AVDQ = 1 << 5,    /* " & NUL CR */
    C_AVSQ = 1 << 6,    /* ' & NUL CR */
    C_AVUQ = 1 << 7,    /* whitespace & > NUL CR */
    C_COMMENT = 1 << 8, /* - < NUL CR */
    C_RCDATA = 1 << 9,  /* RCDATA adds NUL to the data set */
    C_ALPHA = 1 << 10,
    C_UPPER = 1 << 11,
    C_DIGIT = 1 << 12,
    C_HEX = 1 << 13,
    C_SPACE = 1 << 14   /* tab LF FF space (CR reads as LF) */
};

#define WS_BITS (C_TAGNAME | C_ATTRNAME | C_AVUQ | C_SPACE)
#define UP_BITS (C_TAGNAME | C_ATTRNAME | C_ALPHA | C_UPPER)
#define UPHEX_BITS (UP_BITS | C_HEX)
#define LO_BITS C_ALPHA
#define LOHEX_BITS (C_ALPHA | C_HEX)
#define DIGIT_BITS (C_DIGIT | C_HEX)

static const uint16_t byte_class[256] = {
    [0] = C_RAW | C_PLAIN | C_TAGNAME | C_ATTRNAME | C_AVDQ | C_AVSQ | C_AVUQ | C_COMMENT |
          C_RCDATA,
    ['\t'] = WS_BITS,
    ['\n'] = WS_BITS,
    ['\f'] = WS_BITS,
    [' '] = WS_BITS,
    ['\r'] = C_DATA | C_RAW | C_PLAIN | C_TAGNAME | C_ATTRNAME | C_AVDQ | C_AVSQ | C_AVUQ |
             C_COMMENT | C_SPACE,
    ['&'] = C_DATA | C_AVDQ | C_AVSQ | C_AVUQ,
    ['<'] = C_DATA | C_RAW | C_COMMENT,
    ['>'] = C_TAGNAME | C_ATTRNAME | C_AVUQ,
    ['/'] = C_TAGNAME | C_ATTRNAME,
    ['='] = C_ATTRNAME,
    ['"'] = C_AVDQ,
    ['\''] = C_AVSQ,
    ['-'] = C_COMMENT,
    [']'] = C_PLAIN,
    ['0'] = DIGIT_BITS, ['1'] = DIGIT_BITS, ['2'] = DIGIT_BITS, ['3'] = DIGIT_BITS,
    ['4'] = DIGIT_BITS, ['5'] = DIGIT_BITS, ['6'] = DIGIT_BITS, ['7'] = DIGIT_BITS,
    ['8'] = DIGIT_BITS, ['9'] = DIGIT_BITS,
    ['A'] = UPHEX_BITS, ['B'] = UPHEX_BITS, ['C'] = UPHEX_BITS, ['D'] = UPHEX_BITS,
    ['E'] = UPHEX_BITS, ['F'] = UPHEX_BITS, ['G'] = UP_BITS, ['H'] = UP_BITS,
    ['I'] = UP_BITS, ['J'] = UP_BITS, ['K'] = UP_BITS, ['L'] = UP_BITS, ['M'] = UP_BITS,
    ['N'] = UP_BITS, ['O'] = UP_BITS, ['P'] = UP_BITS, ['Q'] = UP_BITS, ['R'] = UP_BITS,
    ['S'] = UP_BITS, ['T'] = UP_BITS, ['U'] = UP_BITS, ['V'] = UP_BITS, ['W'] = UP_BITS,
    ['X'] = UP_BITS, ['Y'] = UP_BITS, ['Z'] = UP_BITS,
    ['a'] = LOHEX_BITS, ['b'] = LOHEX_BITS, ['c'] = LOHEX_BITS, ['d'] = LOHEX_BITS,
    ['e'] = LOHEX_BITS, ['f'] = LOHEX_BITS, ['g'] = LO_BITS, ['h'] = LO_BITS,
    ['i'] = LO_BITS, ['j'] = LO_BITS, ['k'] = LO_BITS, ['l'] = LO_BITS, ['m'] = LO_BITS,
    ['n'] = LO_BITS, ['o'] = LO_BITS, ['p'] = LO_BITS, ['q'] = LO_BITS, ['r'] = LO_BITS,
    ['s'] = LO_BITS, ['t'] = LO_BITS, ['u'] = LO_BITS, ['v'] = LO_BITS, ['w'] = LO_BITS,
    ['x'] = LO_BITS, ['y'] = LO_BITS, ['z'] = LO_BITS,
};

#define IS(c, cls) ((c) >= 0 && (byte_class[(unsigned char)(c)] & (cls)))
/* The same for a byte known to be in the input. */
#define ISB(b, cls) (byte_class[(unsigned char)(b)] & (cls))
#define LOWER(c) ((char)((c) | 0x20))

/* ---- input ---------------------------------------------------------- */

/* The current input character (CR reads as LF), -1 at the end. */
static inline int
peekc(const wn_tokenizer *t)
{
    if (t->pos >= t->len)
        return -1;
    unsigned char c = (unsigned char)t->in[t->pos];
    return c == '\r' ? '\n' : c;
}

/* Consume the current character (CR LF as one). */
static inline void
adv(wn_tokenizer *t)
{
    if (t->in[t->pos] == '\r' && t->pos + 1 < t->len && t->in[t->pos + 1] == '\n')
        t->pos += 2;
    else
        t->pos++;
}

static bool
ascii_ieq(const char *a, const char *lower, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = LOWER(c);
        if (c != lower[i])
            return false;
    }
    return true;
}

/* Whether the input at pos starts with `lower`, ASCII case-insensitively. */
static bool
lookahead_ci(const wn_tokenizer *t, const char *lower, size_t n)
{
    return t->len - t->pos >= n && ascii_ieq(t->in + t->pos, lower, n);
}

/* ---- strings under construction ------------------------------------ */

static inline void
str_reset(tok_str *s)
{
    s->n = 0;
    s->copy = false;
    s->p = NULL;
}

/* Make room for `extra` more bytes (and a NUL) in s->buf. */
static bool
str_grow(wn_tokenizer *t, tok_str *s, size_t extra)
{
    size_t need = s->n + extra + 1;
    if (need <= s->cap)
        return true;
    size_t cap = s->cap ? s->cap : 64;
    while (cap < need)
        cap *= 2;
    char *nb = wn_arena_realloc(t->arena, s->buf, s->cap, cap);
    if (!nb) {
        t->oom = true;
        return false;
    }
    s->buf = nb;
    s->cap = cap;
    return true;
}

/* Switch s from a slice to a copy in its buffer. */
static bool
str_to_copy(wn_tokenizer *t, tok_str *s, size_t extra)
{
    const char *old = s->p;
    size_t n = s->n;
    s->n = 0;
    if (!str_grow(t, s, n + extra)) {
        s->n = n;
        return false;
    }
    if (n)
        memcpy(s->buf, old, n);
    s->n = n;
    s->p = s->buf;
    s->copy = true;
    return true;
}

/* Append k bytes of the input at q. */
static inline void
str_add_input(wn_tokenizer *t, tok_str *s, const char *q, size_t k)
{
    if (!s->copy) {
        if (s->n == 0) {
            s->p = q;
            s->n = k;
            return;
        }
        if (s->p + s->n == q) {
            s->n += k;
            return;
        }
        if (!str_to_copy(t, s, k))
            return;
    } else if (!str_grow(t, s, k)) {
        return;
    }
    memcpy(s->buf + s->n, q, k);
    s->n += k;
}

/* Append bytes that are not (known to be) the next input bytes. A slice
 * stays a slice when they happen to equal the input following it. */
static void
str_add_bytes(wn_tokenizer *t, tok_str *s, const char *b, size_t k)
{
    if (!s->copy) {
        if (s->n && (size_t)(s->p + s->n - t->in) + k <= t->len && memcmp(s->p + s->n, b, k) == 0) {
            s->n += k;
            return;
        }
        if (!str_to_copy(t, s, k))
            return;
    } else if (!str_grow(t, s, k)) {
        return;
    }
    memcpy(s->buf + s->n, b, k);
    s->n += k;
}

/* Append the current input character (one byte; CR as LF). */
static inline void
str_add_cur(wn_tokenizer *t, tok_str *s)
{
    if (t->in[t->pos] == '\r')
        str_add_bytes(t, s, "\n", 1);
    else
        str_add_input(t, s, t->in + t->pos, 1);
}

/* Append input q[0..k) lower-cased (a copy only if it has upper case). */
static void
str_add_lower_input(wn_tokenizer *t, tok_str *s, const char *q, size_t k)
{
    size_t i = 0;
    while (i < k && !(q[i] >= 'A' && q[i] <= 'Z'))
        i++;
    if (i == k) {
        str_add_input(t, s, q, k);
        return;
    }
    if (i)
        str_add_input(t, s, q, i);
    if (!s->copy && !str_to_copy(t, s, k - i))
        return;
    if (!str_grow(t, s, k - i))
        return;
    for (; i < k; i++)
        s->buf[s->n++] = (q[i] >= 'A' && q[i] <= 'Z') ? LOWER(q[i]) : q[i];
}

/* Hand the finished string out: a slice, or the buffer itself (which the
 * tok_str then forgets, so it is never overwritten). NUL-terminated when
 * `nul` (slices are copied for that). Empty strings are "". */
static const char *
str_take(wn_tokenizer *t, tok_str *s, size_t *n, bool nul)
{
    const char *r;
    *n = s->n;
    if (s->n == 0) {
        r = "";
    } else if (s->copy) {
        s->buf[s->n] = '\0';
        r = s->buf;
        s->buf = NULL;
        s->cap = 0;
    } else if (nul) {
        r = wn_arena_strndup(t->arena, s->p, s->n);
        if (!r) {
            t->oom = true;
            r = "";
        }
    } else {
        r = s->p;
    }
    str_reset(s);
    return r;
}

/* ---- emitting ------------------------------------------------------- */

static inline void
emit_input(wn_tokenizer *t, const char *q, size_t k)
{
    if (t->text.n == 0)
        t->text_off = (size_t)(q - t->in);
    str_add_input(t, &t->text, q, k);
}

static inline void
emit_bytes(wn_tokenizer *t, const char *b, size_t k)
{
    if (t->text.n == 0)
        t->text_off = t->pos;
    str_add_bytes(t, &t->text, b, k);
}

/* Emit the current input character (CR as LF). */
static inline void
emit_cur(wn_tokenizer *t)
{
    if (t->text.n == 0)
        t->text_off = t->pos;
    str_add_cur(t, &t->text);
}

static void
queue(wn_tokenizer *t, wn_token_type type, size_t off)
{
    memset(&t->queued, 0, sizeof t->queued);
    t->queued.type = type;
    t->queued.offset = off;
    t->has_queued = true;
}

static void
emit_eof(wn_tokenizer *t)
{
    t->state = S_EOF;
    queue(t, WN_TOK_EOF, t->len);
}

static void
new_tag(wn_tokenizer *t, bool end, size_t off)
{
    str_reset(&t->tname);
    t->is_end = end;
    t->self_closing = false;
    t->tok_off = off;
    t->n_attrs = 0;
    t->attr_open = false;
    if (t->hset_on) {
        memset(t->hset, 0, t->hcap * sizeof *t->hset);
        t->hset_on = false;
    }
}

static uint32_t
name_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

/* Insert attribute i into the hash set (which has room). */
static void
hset_insert(wn_tokenizer *t, uint32_t i)
{
    uint32_t mask = t->hcap - 1;
    uint32_t h = name_hash(t->attrs[i].name, t->attrs[i].name_len) & mask;
    while (t->hset[h])
        h = (h + 1) & mask;
    t->hset[h] = i + 1;
}

/* Whether the finished attribute name equals a kept one: a linear scan
 * while the tag has few attributes, a hash set past that, so a tag with a
 * million attributes costs linear time. */
static bool
attr_is_duplicate(wn_tokenizer *t, const char *name, size_t n)
{
    if (t->n_attrs < HSET_MIN) {
        for (uint32_t i = 0; i < t->n_attrs; i++)
            if (t->attrs[i].name_len == n && memcmp(t->attrs[i].name, name, n) == 0)
                return true;
        return false;
    }
    if (!t->hset_on || (t->n_attrs + 1) * 2 > t->hcap) {
        uint32_t cap = t->hcap ? t->hcap : 64;
        while ((t->n_attrs + 1) * 2 > cap)
            cap *= 2;
        if (cap != t->hcap) {
            uint32_t *h = wn_arena_alloc(t->arena, cap * sizeof *h);
            if (!h) {
                t->oom = true;
                return false;
            }
            t->hset = h;
            t->hcap = cap;
        }
        memset(t->hset, 0, t->hcap * sizeof *t->hset);
        for (uint32_t i = 0; i < t->n_attrs; i++)
            hset_insert(t, i);
        t->hset_on = true;
    }
    uint32_t mask = t->hcap - 1;
    for (uint32_t h = name_hash(name, n) & mask; t->hset[h]; h = (h + 1) & mask) {
        const wn_attr *a = &t->attrs[t->hset[h] - 1];
        if (a->name_len == n && memcmp(a->name, name, n) == 0)
            return true;
    }
    return false;
}

/* Finish the current attribute: keep it, or drop it as a duplicate (first
 * wins, as when leaving the attribute name state) or past max_attrs. */
static void
finish_attr(wn_tokenizer *t)
{
    if (!t->attr_open)
        return;
    t->attr_open = false;
    if (t->is_end) {
        t->errors++; /* end-tag-with-attributes */
        str_reset(&t->aname);
        str_reset(&t->aval);
        return;
    }
    const char *nm = t->aname.copy ? t->aname.buf : t->aname.p;
    size_t nlen = t->aname.n;
    if (attr_is_duplicate(t, nm ? nm : "", nlen)) {
        t->errors++; /* duplicate-attribute */
        str_reset(&t->aname);
        str_reset(&t->aval);
        return;
    }
    if (t->n_attrs >= t->max_attrs || nlen > UINT32_MAX || t->aval.n > UINT32_MAX) {
        t->dropped++;
        str_reset(&t->aname);
        str_reset(&t->aval);
        return;
    }
    if (t->n_attrs == t->attrs_cap) {
        uint32_t cap = t->attrs_cap ? t->attrs_cap * 2 : 16;
        if (cap > t->max_attrs)
            cap = (uint32_t)t->max_attrs;
        wn_attr *na = wn_arena_realloc(t->arena, t->attrs, t->attrs_cap * sizeof *na,
                                       cap * sizeof *na);
        if (!na) {
            t->oom = true;
            return;
        }
        t->attrs = na;
        t->attrs_cap = cap;
    }
    wn_attr *a = &t->attrs[t->n_attrs];
    size_t n;
    a->name = str_take(t, &t->aname, &n, false);
    a->name_len = (uint32_t)n;
    a->value = str_take(t, &t->aval, &n, false);
    a->value_len = (uint32_t)n;
    a->ns = WN_ATTR_NS_NONE;
    if (t->hset_on)
        hset_insert(t, t->n_attrs);
    t->n_attrs++;
}

static void
start_attr(wn_tokenizer *t)
{
    finish_attr(t);
    str_reset(&t->aname);
    str_reset(&t->aval);
    t->attr_open = true;
}

static void
emit_tag(wn_tokenizer *t)
{
    finish_attr(t);
    queue(t, t->is_end ? WN_TOK_END_TAG : WN_TOK_START_TAG, t->tok_off);
    wn_token *k = &t->queued;
    const char *nm = t->tname.copy ? t->tname.buf : t->tname.p;
    k->tag = wn_tag_lookup(nm ? nm : "", t->tname.n);
    if (k->tag != WN_TAG_UNKNOWN) {
        k->name = wn_tag_name(k->tag);
        k->name_len = t->tname.n;
        str_reset(&t->tname);
    } else {
        k->name = str_take(t, &t->tname, &k->name_len, true);
    }
    k->self_closing = t->self_closing;
    if (t->is_end) {
        if (t->self_closing)
            t->errors++; /* end-tag-with-trailing-solidus */
        return;
    }
    if (t->n_attrs) {
        wn_attr *a = wn_arena_alloc(t->arena, t->n_attrs * sizeof *a);
        if (!a) {
            t->oom = true;
            return;
        }
        memcpy(a, t->attrs, t->n_attrs * sizeof *a);
        k->attrs = a;
        k->n_attrs = t->n_attrs;
    }
    t->last_start = k->name;
    t->last_start_len = k->name_len;
}

static void
new_comment(wn_tokenizer *t, size_t off)
{
    str_reset(&t->cdata);
    t->tok_off = off;
}

static void
emit_comment(wn_tokenizer *t)
{
    queue(t, WN_TOK_COMMENT, t->tok_off);
    t->queued.data = str_take(t, &t->cdata, &t->queued.len, false);
}

static void
new_doctype(wn_tokenizer *t)
{
    str_reset(&t->dname);
    str_reset(&t->dpub);
    str_reset(&t->dsys);
    t->has_dname = t->has_dpub = t->has_dsys = false;
    t->force_quirks = false;
}

static void
emit_doctype(wn_tokenizer *t)
{
    queue(t, WN_TOK_DOCTYPE, t->tok_off);
    wn_token *k = &t->queued;
    if (t->has_dname)
        k->name = str_take(t, &t->dname, &k->name_len, true);
    if (t->has_dpub)
        k->public_id = str_take(t, &t->dpub, &k->public_len, true);
    if (t->has_dsys)
        k->system_id = str_take(t, &t->dsys, &k->system_len, true);
    k->force_quirks = t->force_quirks;
}

/* The emitted tag is an appropriate end tag token: its name (the input
 * letters from tmp_start to pos) is the last start tag's name. */
static bool
appropriate_end_tag(const wn_tokenizer *t)
{
    size_t n = t->pos - t->tmp_start;
    return t->last_start && n == t->last_start_len &&
           ascii_ieq(t->in + t->tmp_start, t->last_start, n);
}

/* The shared body of the RCDATA / RAWTEXT / script data (escaped) end tag
 * name states (13.2.5.11, .14, .17, .25): consume letters into the
 * temporary buffer; on whitespace, '/' or '>' after an appropriate end
 * tag name, continue as a tag; otherwise emit "</" and the buffer as
 * characters and reconsume in `ret`. */
static void
end_tag_name_state(wn_tokenizer *t, int ret)
{
    while (t->pos < t->len && ISB((unsigned char)t->in[t->pos], C_ALPHA))
        t->pos++;
    int c = peekc(t);
    if ((c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '/' || c == '>') &&
        appropriate_end_tag(t)) {
        str_add_lower_input(t, &t->tname, t->in + t->tmp_start, t->pos - t->tmp_start);
        adv(t);
        if (c == '>') {
            t->state = S_DATA;
            emit_tag(t);
        } else {
            t->state = c == '/' ? S_SELF_CLOSING_START_TAG : S_BEFORE_ATTR_NAME;
        }
        return;
    }
    emit_input(t, t->in + t->tmp_start - 2, t->pos - t->tmp_start + 2);
    t->state = ret;
}

/* ---- character references (13.2.5.72 - 13.2.5.80) ------------------ */

/* Numeric character reference end: replacements for 0x80-0x9F
 * (windows-1252 code points), 0 where the code point stays. */
static const uint16_t c1_replacement[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

/* The character reference at t->pos ('&'), returning to the data/RCDATA
 * state (attr == false: characters are emitted) or to an attribute value
 * state (attr == true: characters go to the attribute's value). On return
 * pos is where the return state reconsumes. */
static void
char_ref(wn_tokenizer *t, bool attr)
{
    const char *in = t->in;
    size_t amp = t->pos;
    size_t p = amp + 1;
    tok_str *dst = attr ? &t->aval : &t->text;
    if (!attr && t->text.n == 0)
        t->text_off = amp;

    /* 13.2.5.72 Character reference state */
    int c = p < t->len ? (unsigned char)in[p] : -1;
    if (IS(c, C_ALPHA | C_DIGIT)) {
        /* 13.2.5.73 Named character reference state */
        const wn_entity *e = wn_entity_longest_match(in + p, t->len - p);
        if (e) {
            size_t end = p + e->name_len;
            int next = end < t->len ? (unsigned char)in[end] : -1;
            if (attr && e->name[e->name_len - 1] != ';' &&
                (next == '=' || IS(next, C_ALPHA | C_DIGIT))) {
                str_add_input(t, dst, in + amp, end - amp); /* historical reasons */
            } else {
                if (e->name[e->name_len - 1] != ';')
                    t->errors++; /* missing-semicolon-after-character-reference */
                str_add_bytes(t, dst, e->value, e->value_len);
            }
            t->pos = end;
            return;
        }
        str_add_input(t, dst, in + amp, 1);
        /* 13.2.5.74 Ambiguous ampersand state: alphanumerics are emitted
         * (or appended) as they are; ';' after them is an
         * unknown-named-character-reference error; anything else is
         * reconsumed in the return state. */
        size_t q = p;
        while (q < t->len && ISB((unsigned char)in[q], C_ALPHA | C_DIGIT))
            q++;
        str_add_input(t, dst, in + p, q - p);
        if (q < t->len && in[q] == ';')
            t->errors++;
        t->pos = q;
        return;
    }
    if (c != '#') {
        /* anything else: flush "&", reconsume in the return state */
        str_add_input(t, dst, in + amp, 1);
        t->pos = p;
        return;
    }

    /* 13.2.5.75 Numeric character reference state */
    p++;
    bool hex = p < t->len && (in[p] == 'x' || in[p] == 'X');
    if (hex)
        p++;
    /* 13.2.5.76 Hexadecimal / 13.2.5.77 Decimal character reference start
     * state: no digit is absence-of-digits-in-numeric-character-reference;
     * flush "&#" or "&#x" and reconsume in the return state. */
    int d = p < t->len ? (unsigned char)in[p] : -1;
    if (!IS(d, hex ? C_HEX : C_DIGIT)) {
        t->errors++;
        str_add_input(t, dst, in + amp, p - amp);
        t->pos = p;
        return;
    }
    /* 13.2.5.78 Hexadecimal / 13.2.5.79 Decimal character reference state;
     * the code saturates past 0x10FFFF so long digit runs cannot overflow. */
    uint32_t code = 0;
    for (; p < t->len; p++) {
        unsigned char ch = (unsigned char)in[p];
        uint32_t v;
        if (ch >= '0' && ch <= '9')
            v = ch - '0';
        else if (hex && ISB(ch, C_HEX))
            v = (uint32_t)LOWER(ch) - 'a' + 10;
        else
            break;
        code = code * (hex ? 16 : 10) + v;
        if (code > 0x10FFFF)
            code = 0x110000;
    }
    if (p < t->len && in[p] == ';')
        p++;
    else
        t->errors++; /* missing-semicolon-after-character-reference */
    t->pos = p;

    /* 13.2.5.80 Numeric character reference end state */
    if (code == 0) {
        t->errors++; /* null-character-reference */
        code = 0xFFFD;
    } else if (code > 0x10FFFF) {
        t->errors++; /* character-reference-outside-unicode-range */
        code = 0xFFFD;
    } else if (code >= 0xD800 && code <= 0xDFFF) {
        t->errors++; /* surrogate-character-reference */
        code = 0xFFFD;
    } else if ((code >= 0xFDD0 && code <= 0xFDEF) || (code & 0xFFFE) == 0xFFFE) {
        t->errors++; /* noncharacter-character-reference: kept */
    } else if (code == 0x0D || (code < 0x20 && code != '\t' && code != '\n' && code != '\f') ||
               (code >= 0x7F && code <= 0x9F)) {
        t->errors++; /* control-character-reference */
        if (code >= 0x80 && code <= 0x9F && c1_replacement[code - 0x80])
            code = c1_replacement[code - 0x80];
    }
    char buf[4];
    str_add_bytes(t, dst, buf, wn_utf8_put(buf, code));
}

/* ---- the state machine ---------------------------------------------- */

/* Whether c is one of tab, LF, FF, space (CR already reads as LF). */
#define IS_WS(c) ((c) == '\t' || (c) == '\n' || (c) == '\f' || (c) == ' ')

/* Skip ordinary bytes from p: eight at a time while a word holds none of
 * the (up to four) stop bytes given as patterns (byte * 0x01..01), then
 * byte by byte with the class table. The word test is the classic "has a
 * zero byte" trick on word ^ pattern; a hit only means "look closer". */
#define SWAR_ONES 0x0101010101010101ull
#define SWAR_HIGHS 0x8080808080808080ull
#define SWAR_PAT(c) ((uint64_t)(unsigned char)(c) * SWAR_ONES)

static inline uint64_t
swar_has(uint64_t w, uint64_t pat)
{
    uint64_t x = w ^ pat;
    return (x - SWAR_ONES) & ~x & SWAR_HIGHS;
}

static inline const unsigned char *
skip_run(const unsigned char *q, const unsigned char *e, unsigned cls, uint64_t a, uint64_t b,
         uint64_t c, uint64_t d)
{
    while (e - q >= 8) {
        uint64_t w;
        memcpy(&w, q, 8);
        if (swar_has(w, a) | swar_has(w, b) | swar_has(w, c) | swar_has(w, d))
            break;
        q += 8;
    }
    while (q < e && !(byte_class[*q] & cls))
        q++;
    return q;
}

/* Text states (data, RCDATA, RAWTEXT, script data, PLAINTEXT, CDATA):
 * emit the run of ordinary bytes from pos; returns the byte that stopped
 * it, or -1 at the end of input. The stop bytes are those of `cls`. */
static inline int
text_run(wn_tokenizer *t, unsigned cls, char s1, char s2, char s3, char s4)
{
    const unsigned char *s = (const unsigned char *)t->in + t->pos;
    const unsigned char *e = (const unsigned char *)t->in + t->len;
    const unsigned char *q =
        skip_run(s, e, cls, SWAR_PAT(s1), SWAR_PAT(s2), SWAR_PAT(s3), SWAR_PAT(s4));
    if (q > s)
        emit_input(t, (const char *)s, (size_t)(q - s));
    t->pos = (size_t)(q - (const unsigned char *)t->in);
    return q < e ? *q : -1;
}

/* Attribute value / comment run: append ordinary bytes to s (CR reads
 * as LF in the returned stop byte). */
static inline int
str_run4(wn_tokenizer *t, tok_str *s, unsigned cls, char s1, char s2, char s3, char s4)
{
    const unsigned char *st = (const unsigned char *)t->in + t->pos;
    const unsigned char *e = (const unsigned char *)t->in + t->len;
    const unsigned char *q =
        skip_run(st, e, cls, SWAR_PAT(s1), SWAR_PAT(s2), SWAR_PAT(s3), SWAR_PAT(s4));
    if (q > st)
        str_add_input(t, s, (const char *)st, (size_t)(q - st));
    t->pos = (size_t)(q - (const unsigned char *)t->in);
    return q < e ? (*q == '\r' ? '\n' : *q) : -1;
}

/* Tag / attribute name run (short; many stop bytes): table only. */
static inline int
str_run(wn_tokenizer *t, tok_str *s, unsigned cls)
{
    const unsigned char *st = (const unsigned char *)t->in + t->pos;
    const unsigned char *e = (const unsigned char *)t->in + t->len;
    const unsigned char *q = st;
    while (q < e && !(byte_class[*q] & cls))
        q++;
    if (q > st)
        str_add_input(t, s, (const char *)st, (size_t)(q - st));
    t->pos = (size_t)(q - (const unsigned char *)t->in);
    return q < e ? (*q == '\r' ? '\n' : *q) : -1;
}

/* Common transitions inside tags go straight to the next state's code
 * instead of through the switch: one well-predicted jump instead of an
 * indirect one per state change. The state is still set, so the switch
 * would land in the same place. */
#define JUMP(st, label)                                                                            \
    do {                                                                                           \
        t->state = (st);                                                                           \
        goto label;                                                                                \
    } while (0)

/* Run the state machine until a non-character token is queued. */
static void
run(wn_tokenizer *t)
{
    while (!t->has_queued && !t->oom) {
        int c;
        switch (t->state) {
        case S_DATA: /* 13.2.5.1 Data state */
            c = text_run(t, C_DATA, '&', '<', '\r', '<');
            if (c == '&') {
                char_ref(t, false);
            } else if (c == '<') {
                t->pos++;
                JUMP(S_TAG_OPEN, l_tag_open);
            } else if (c == '\r') {
                emit_cur(t);
                adv(t);
            } else if (c < 0) {
                emit_eof(t);
            }
            /* U+0000 is emitted as a character like any other byte
             * (unexpected-null-character): the tree builder decides. */
            break;

        case S_RCDATA: /* 13.2.5.2 RCDATA state */
            c = text_run(t, C_DATA | C_RCDATA, '&', '<', '\r', '\0');
            if (c == '&') {
                char_ref(t, false);
            } else if (c == '<') {
                t->pos++;
                t->state = S_RCDATA_LT;
            } else if (c == 0) {
                t->errors++;
                emit_bytes(t, REPLACEMENT, 3);
                t->pos++;
            } else if (c == '\r') {
                emit_cur(t);
                adv(t);
            } else if (c < 0) {
                emit_eof(t);
            }
            break;

        case S_RAWTEXT:     /* 13.2.5.3 RAWTEXT state */
        case S_SCRIPT_DATA: /* 13.2.5.4 Script data state */
            c = text_run(t, C_RAW, '<', '\0', '\r', '<');
            if (c == '<') {
                t->pos++;
                t->state = t->state == S_RAWTEXT ? S_RAWTEXT_LT : S_SCRIPT_LT;
            } else if (c == 0) {
                t->errors++;
                emit_bytes(t, REPLACEMENT, 3);
                t->pos++;
            } else if (c == '\r') {
                emit_cur(t);
                adv(t);
            } else if (c < 0) {
                emit_eof(t);
            }
            break;

        case S_PLAINTEXT: /* 13.2.5.5 PLAINTEXT state */
            c = text_run(t, C_PLAIN, ']', '\0', '\r', ']');
            if (c == 0) {
                t->errors++;
                emit_bytes(t, REPLACEMENT, 3);
                t->pos++;
            } else if (c == '\r') {
                emit_cur(t);
                adv(t);
            } else if (c == ']') {
                emit_cur(t);
                t->pos++;
            } else if (c < 0) {
                emit_eof(t);
            }
            break;

        case S_TAG_OPEN: /* 13.2.5.6 Tag open state */
        l_tag_open:
            c = peekc(t);
            if (c == '!') {
                t->pos++;
                t->state = S_MARKUP_DECLARATION_OPEN;
            } else if (c == '/') {
                t->pos++;
                JUMP(S_END_TAG_OPEN, l_end_tag_open);
            } else if (IS(c, C_ALPHA)) {
                new_tag(t, false, t->pos - 1);
                JUMP(S_TAG_NAME, l_tag_name);
            } else if (c == '?') {
                t->errors++; /* unexpected-question-mark-instead-of-tag-name */
                new_comment(t, t->pos - 1);
                t->state = S_BOGUS_COMMENT;
            } else if (c < 0) {
                t->errors++; /* eof-before-tag-name */
                emit_input(t, t->in + t->pos - 1, 1);
                emit_eof(t);
            } else {
                t->errors++; /* invalid-first-character-of-tag-name */
                emit_input(t, t->in + t->pos - 1, 1);
                t->state = S_DATA;
            }
            break;

        case S_END_TAG_OPEN: /* 13.2.5.7 End tag open state */
        l_end_tag_open:
            c = peekc(t);
            if (IS(c, C_ALPHA)) {
                new_tag(t, true, t->pos - 2);
                JUMP(S_TAG_NAME, l_tag_name);
            } else if (c == '>') {
                t->errors++; /* missing-end-tag-name */
                t->pos++;
                t->state = S_DATA;
            } else if (c < 0) {
                t->errors++; /* eof-before-tag-name */
                emit_input(t, t->in + t->pos - 2, 2);
                emit_eof(t);
            } else {
                t->errors++; /* invalid-first-character-of-tag-name */
                new_comment(t, t->pos - 2);
                t->state = S_BOGUS_COMMENT;
            }
            break;

        case S_TAG_NAME: /* 13.2.5.8 Tag name state */
        l_tag_name:
            c = str_run(t, &t->tname, C_TAGNAME);
            if (IS_WS(c)) {
                adv(t);
                JUMP(S_BEFORE_ATTR_NAME, l_before_attr_name);
            } else if (c == '/') {
                t->pos++;
                t->state = S_SELF_CLOSING_START_TAG;
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                emit_tag(t);
            } else if (IS(c, C_UPPER)) {
                size_t s = t->pos;
                while (t->pos < t->len && ISB((unsigned char)t->in[t->pos], C_UPPER))
                    t->pos++;
                str_add_lower_input(t, &t->tname, t->in + s, t->pos - s);
            } else if (c == 0) {
                t->errors++; /* unexpected-null-character */
                str_add_bytes(t, &t->tname, REPLACEMENT, 3);
                t->pos++;
            } else if (c < 0) {
                t->errors++; /* eof-in-tag */
                emit_eof(t);
            }
            break;

        case S_RCDATA_LT:   /* 13.2.5.9 RCDATA less-than sign state */
        case S_RAWTEXT_LT:  /* 13.2.5.12 RAWTEXT less-than sign state */
        case S_SCRIPT_LT: { /* 13.2.5.15 Script data less-than sign state */
            int ret = t->state == S_RCDATA_LT    ? S_RCDATA
                      : t->state == S_RAWTEXT_LT ? S_RAWTEXT
                                                 : S_SCRIPT_DATA;
            c = peekc(t);
            if (c == '/') {
                t->pos++;
                t->state = t->state + 1; /* the matching end tag open state */
            } else if (c == '!' && ret == S_SCRIPT_DATA) {
                t->pos++;
                emit_input(t, t->in + t->pos - 2, 2);
                t->state = S_SCRIPT_ESCAPE_START;
            } else {
                emit_input(t, t->in + t->pos - 1, 1);
                t->state = ret;
            }
            break;
        }

        case S_RCDATA_END_TAG_OPEN:         /* 13.2.5.10 RCDATA end tag open state */
        case S_RAWTEXT_END_TAG_OPEN:        /* 13.2.5.13 RAWTEXT end tag open state */
        case S_SCRIPT_END_TAG_OPEN:         /* 13.2.5.16 Script data end tag open state */
        case S_SCRIPT_ESCAPED_END_TAG_OPEN: /* 13.2.5.24 Script data escaped end tag open */
            c = peekc(t);
            if (IS(c, C_ALPHA)) {
                new_tag(t, true, t->pos - 2);
                t->tmp_start = t->pos;
                t->state = t->state + 1; /* the matching end tag name state */
            } else {
                emit_input(t, t->in + t->pos - 2, 2);
                t->state = t->state == S_RCDATA_END_TAG_OPEN    ? S_RCDATA
                           : t->state == S_RAWTEXT_END_TAG_OPEN ? S_RAWTEXT
                           : t->state == S_SCRIPT_END_TAG_OPEN  ? S_SCRIPT_DATA
                                                                : S_SCRIPT_ESCAPED;
            }
            break;

        case S_RCDATA_END_TAG_NAME: /* 13.2.5.11 RCDATA end tag name state */
            end_tag_name_state(t, S_RCDATA);
            break;
        case S_RAWTEXT_END_TAG_NAME: /* 13.2.5.14 RAWTEXT end tag name state */
            end_tag_name_state(t, S_RAWTEXT);
            break;
        case S_SCRIPT_END_TAG_NAME: /* 13.2.5.17 Script data end tag name state */
            end_tag_name_state(t, S_SCRIPT_DATA);
            break;
        case S_SCRIPT_ESCAPED_END_TAG_NAME: /* 13.2.5.25 Script data escaped end tag name */
            end_tag_name_state(t, S_SCRIPT_ESCAPED);
            break;

        case S_SCRIPT_ESCAPE_START: /* 13.2.5.18 Script data escape start state */
            if (peekc(t) == '-') {
                emit_cur(t);
                t->pos++;
                t->state = S_SCRIPT_ESCAPE_START_DASH;
            } else {
                t->state = S_SCRIPT_DATA;
            }
            break;

        case S_SCRIPT_ESCAPE_START_DASH: /* 13.2.5.19 Script data escape start dash state */
            if (peekc(t) == '-') {
                emit_cur(t);
                t->pos++;
                t->state = S_SCRIPT_ESCAPED_DASH_DASH;
            } else {
                t->state = S_SCRIPT_DATA;
            }
            break;

        case S_SCRIPT_ESCAPED:             /* 13.2.5.20 Script data escaped state */
        case S_SCRIPT_DOUBLE_ESCAPED: {    /* 13.2.5.27 Script data double escaped state */
            bool dbl = t->state == S_SCRIPT_DOUBLE_ESCAPED;
            /* skip ordinary bytes; '-' and '<' end the run too */
            const char *s = t->in + t->pos, *q = s, *e = t->in + t->len;
            while (q < e && *q != '-' && *q != '<' && *q != '\0' && *q != '\r')
                q++;
            if (q > s)
                emit_input(t, s, (size_t)(q - s));
            t->pos = (size_t)(q - t->in);
            c = peekc(t);
            if (c == '-') {
                emit_cur(t);
                t->pos++;
                t->state = dbl ? S_SCRIPT_DOUBLE_ESCAPED_DASH : S_SCRIPT_ESCAPED_DASH;
            } else if (c == '<') {
                if (dbl)
                    emit_cur(t);
                t->pos++;
                t->state = dbl ? S_SCRIPT_DOUBLE_ESCAPED_LT : S_SCRIPT_ESCAPED_LT;
            } else if (c == 0) {
                t->errors++;
                emit_bytes(t, REPLACEMENT, 3);
                t->pos++;
            } else if (c < 0) {
                t->errors++; /* eof-in-script-html-comment-like-text */
                emit_eof(t);
            } else {
                emit_cur(t);
                adv(t);
            }
            break;
        }

        case S_SCRIPT_ESCAPED_DASH:          /* 13.2.5.21 Script data escaped dash state */
        case S_SCRIPT_DOUBLE_ESCAPED_DASH: { /* 13.2.5.28 Script data double escaped dash */
            bool dbl = t->state == S_SCRIPT_DOUBLE_ESCAPED_DASH;
            c = peekc(t);
            if (c == '-') {
                emit_cur(t);
                t->pos++;
                t->state = dbl ? S_SCRIPT_DOUBLE_ESCAPED_DASH_DASH : S_SCRIPT_ESCAPED_DASH_DASH;
            } else if (c == '<') {
                if (dbl)
                    emit_cur(t);
                t->pos++;
                t->state = dbl ? S_SCRIPT_DOUBLE_ESCAPED_LT : S_SCRIPT_ESCAPED_LT;
            } else if (c == 0) {
                t->errors++;
                emit_bytes(t, REPLACEMENT, 3);
                t->pos++;
                t->state = dbl ? S_SCRIPT_DOUBLE_ESCAPED : S_SCRIPT_ESCAPED;
            } else if (c < 0) {
                t->errors++;
                emit_eof(t);
            } else {
                emit_cur(t);
                adv(t);
                t->state = dbl ? S_SCRIPT_DOUBLE_ESCAPED : S_SCRIPT_ESCAPED;
            }
            break;
        }

        case S_SCRIPT_ESCAPED_DASH_DASH:          /* 13.2.5.22 Script data escaped dash dash */
        case S_SCRIPT_DOUBLE_ESCAPED_DASH_DASH: { /* 13.2.5.29 ... double escaped dash dash */
            bool dbl = t->state == S_SCRIPT_DOUBLE_ESCAPED_DASH_DASH;
            c = peekc(t);
            if (c == '-') {
                emit_cur(t);
                t->pos++;
            } else if (c == '<') {
                if (dbl)
                    emit_cur(t);
                t->pos++;
                t->state = dbl ? S_SCRIPT_DOUBLE_ESCAPED_LT : S_SCRIPT_ESCAPED_LT;
            } else if (c == '>') {
                emit_cur(t);
                t->pos++;
                t->state = S_SCRIPT_DATA;
            } else if (c == 0) {
                t->errors++;
                emit_bytes(t, REPLACEMENT, 3);
                t->pos++;
                t->state = dbl ? S_SCRIPT_DOUBLE_ESCAPED : S_SCRIPT_ESCAPED;
            } else if (c < 0) {
                t->errors++;
                emit_eof(t);
            } else {
                emit_cur(t);
                adv(t);
                t->state = dbl ? S_SCRIPT_DOUBLE_ESCAPED : S_SCRIPT_ESCAPED;
            }
            break;
        }

        case S_SCRIPT_ESCAPED_LT: /* 13.2.5.23 Script data escaped less-than sign state */
            c = peekc(t);
            if (c == '/') {
                t->pos++;
                t->state = S_SCRIPT_ESCAPED_END_TAG_OPEN;
            } else if (IS(c, C_ALPHA)) {
                emit_input(t, t->in + t->pos - 1, 1);
                t->tmp_start = t->pos;
                t->state = S_SCRIPT_DOUBLE_ESCAPE_START;
            } else {
                emit_input(t, t->in + t->pos - 1, 1);
                t->state = S_SCRIPT_ESCAPED;
            }
            break;

        case S_SCRIPT_DOUBLE_ESCAPE_START: /* 13.2.5.26 Script data double escape start */
        case S_SCRIPT_DOUBLE_ESCAPE_END: { /* 13.2.5.31 Script data double escape end */
            bool start = t->state == S_SCRIPT_DOUBLE_ESCAPE_START;
            /* the temporary buffer is the run of letters from tmp_start */
            size_t s = t->pos;
            while (t->pos < t->len && ISB((unsigned char)t->in[t->pos], C_ALPHA))
                t->pos++;
            if (t->pos > s)
                emit_input(t, t->in + s, t->pos - s);
            c = peekc(t);
            bool script = t->pos - t->tmp_start == 6 && ascii_ieq(t->in + t->tmp_start, "script", 6);
            if (IS_WS(c) || c == '/' || c == '>') {
                if (start)
                    t->state = script ? S_SCRIPT_DOUBLE_ESCAPED : S_SCRIPT_ESCAPED;
                else
                    t->state = script ? S_SCRIPT_ESCAPED : S_SCRIPT_DOUBLE_ESCAPED;
                emit_cur(t);
                adv(t);
            } else {
                t->state = start ? S_SCRIPT_ESCAPED : S_SCRIPT_DOUBLE_ESCAPED;
            }
            break;
        }

        case S_SCRIPT_DOUBLE_ESCAPED_LT: /* 13.2.5.30 Script data double escaped less-than */
            if (peekc(t) == '/') {
                emit_cur(t);
                t->pos++;
                t->tmp_start = t->pos;
                t->state = S_SCRIPT_DOUBLE_ESCAPE_END;
            } else {
                t->state = S_SCRIPT_DOUBLE_ESCAPED;
            }
            break;

        case S_BEFORE_ATTR_NAME: /* 13.2.5.32 Before attribute name state */
        l_before_attr_name:
            c = peekc(t);
            if (IS_WS(c)) {
                adv(t);
            } else if (c == '/' || c == '>' || c < 0) {
                t->state = S_AFTER_ATTR_NAME;
            } else if (c == '=') {
                t->errors++; /* unexpected-equals-sign-before-attribute-name */
                start_attr(t);
                str_add_cur(t, &t->aname);
                t->pos++;
                t->state = S_ATTR_NAME;
            } else {
                start_attr(t);
                JUMP(S_ATTR_NAME, l_attr_name);
            }
            break;

        case S_ATTR_NAME: /* 13.2.5.33 Attribute name state */
        l_attr_name:
            /* '"', '\'' and '<' are errors appended like anything else */
            c = str_run(t, &t->aname, C_ATTRNAME);
            if (IS_WS(c) || c == '/' || c == '>' || c < 0) {
                JUMP(S_AFTER_ATTR_NAME, l_after_attr_name);
            } else if (c == '=') {
                t->pos++;
                JUMP(S_BEFORE_ATTR_VALUE, l_before_attr_value);
            } else if (IS(c, C_UPPER)) {
                size_t s = t->pos;
                while (t->pos < t->len && ISB((unsigned char)t->in[t->pos], C_UPPER))
                    t->pos++;
                str_add_lower_input(t, &t->aname, t->in + s, t->pos - s);
            } else if (c == 0) {
                t->errors++;
                str_add_bytes(t, &t->aname, REPLACEMENT, 3);
                t->pos++;
            }
            break;

        case S_AFTER_ATTR_NAME: /* 13.2.5.34 After attribute name state */
        l_after_attr_name:
            c = peekc(t);
            if (IS_WS(c)) {
                adv(t);
            } else if (c == '/') {
                t->pos++;
                t->state = S_SELF_CLOSING_START_TAG;
            } else if (c == '=') {
                t->pos++;
                t->state = S_BEFORE_ATTR_VALUE;
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                emit_tag(t);
            } else if (c < 0) {
                t->errors++; /* eof-in-tag */
                emit_eof(t);
            } else {
                start_attr(t);
                t->state = S_ATTR_NAME;
            }
            break;

        case S_BEFORE_ATTR_VALUE: /* 13.2.5.35 Before attribute value state */
        l_before_attr_value:
            c = peekc(t);
            if (IS_WS(c)) {
                adv(t);
            } else if (c == '"') {
                t->pos++;
                JUMP(S_ATTR_VALUE_DQ, l_attr_value_quoted);
            } else if (c == '\'') {
                t->pos++;
                JUMP(S_ATTR_VALUE_SQ, l_attr_value_quoted);
            } else if (c == '>') {
                t->errors++; /* missing-attribute-value */
                t->pos++;
                t->state = S_DATA;
                emit_tag(t);
            } else {
                JUMP(S_ATTR_VALUE_UQ, l_attr_value_uq);
            }
            break;

        case S_ATTR_VALUE_DQ: /* 13.2.5.36 Attribute value (double-quoted) state */
        case S_ATTR_VALUE_SQ: /* 13.2.5.37 Attribute value (single-quoted) state */
        l_attr_value_quoted: {
            int quote = t->state == S_ATTR_VALUE_DQ ? '"' : '\'';
            c = quote == '"' ? str_run4(t, &t->aval, C_AVDQ, '"', '&', '\0', '\r')
                             : str_run4(t, &t->aval, C_AVSQ, '\'', '&', '\0', '\r');
            if (c == quote) {
                t->pos++;
                JUMP(S_AFTER_ATTR_VALUE_QUOTED, l_after_attr_value_quoted);
            } else if (c == '&') {
                char_ref(t, true);
            } else if (c == 0) {
                t->errors++;
                str_add_bytes(t, &t->aval, REPLACEMENT, 3);
                t->pos++;
            } else if (c == '\n') {
                str_add_cur(t, &t->aval);
                adv(t);
            } else if (c < 0) {
                t->errors++; /* eof-in-tag */
                emit_eof(t);
            }
            break;
        }

        case S_ATTR_VALUE_UQ: /* 13.2.5.38 Attribute value (unquoted) state */
        l_attr_value_uq:
            /* '"', '\'', '<', '=' and '`' are errors appended as they are */
            c = str_run(t, &t->aval, C_AVUQ);
            if (IS_WS(c)) {
                adv(t);
                JUMP(S_BEFORE_ATTR_NAME, l_before_attr_name);
            } else if (c == '&') {
                char_ref(t, true);
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                emit_tag(t);
            } else if (c == 0) {
                t->errors++;
                str_add_bytes(t, &t->aval, REPLACEMENT, 3);
                t->pos++;
            } else if (c < 0) {
                t->errors++; /* eof-in-tag */
                emit_eof(t);
            }
            break;

        case S_AFTER_ATTR_VALUE_QUOTED: /* 13.2.5.39 After attribute value (quoted) state */
        l_after_attr_value_quoted:
            c = peekc(t);
            if (IS_WS(c)) {
                adv(t);
                JUMP(S_BEFORE_ATTR_NAME, l_before_attr_name);
            } else if (c == '/') {
                t->pos++;
                t->state = S_SELF_CLOSING_START_TAG;
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                emit_tag(t);
            } else if (c < 0) {
                t->errors++;
                emit_eof(t);
            } else {
                t->errors++; /* missing-whitespace-between-attributes */
                t->state = S_BEFORE_ATTR_NAME;
            }
            break;

        case S_SELF_CLOSING_START_TAG: /* 13.2.5.40 Self-closing start tag state */
            c = peekc(t);
            if (c == '>') {
                t->pos++;
                t->self_closing = true;
                t->state = S_DATA;
                emit_tag(t);
            } else if (c < 0) {
                t->errors++;
                emit_eof(t);
            } else {
                t->errors++; /* unexpected-solidus-in-tag */
                t->state = S_BEFORE_ATTR_NAME;
            }
            break;

        case S_BOGUS_COMMENT: { /* 13.2.5.41 Bogus comment state */
            const char *s = t->in + t->pos, *q = s, *e = t->in + t->len;
            while (q < e && *q != '>' && *q != '\0' && *q != '\r')
                q++;
            if (q > s)
                str_add_input(t, &t->cdata, s, (size_t)(q - s));
            t->pos = (size_t)(q - t->in);
            c = peekc(t);
            if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                emit_comment(t);
            } else if (c < 0) {
                emit_comment(t);
                /* the EOF token follows on the next call */
                t->state = S_DATA;
            } else if (c == 0) {
                t->errors++;
                str_add_bytes(t, &t->cdata, REPLACEMENT, 3);
                t->pos++;
            } else {
                str_add_cur(t, &t->cdata);
                adv(t);
            }
            break;
        }

        case S_MARKUP_DECLARATION_OPEN: /* 13.2.5.42 Markup declaration open state */
            if (t->len - t->pos >= 2 && t->in[t->pos] == '-' && t->in[t->pos + 1] == '-') {
                t->pos += 2;
                new_comment(t, t->pos - 4);
                t->state = S_COMMENT_START;
            } else if (lookahead_ci(t, "doctype", 7)) {
                t->tok_off = t->pos - 2;
                t->pos += 7;
                t->state = S_DOCTYPE;
            } else if (t->len - t->pos >= 7 && memcmp(t->in + t->pos, "[CDATA[", 7) == 0) {
                t->pos += 7;
                if (t->cdata_allowed) {
                    t->state = S_CDATA_SECTION;
                } else {
                    t->errors++; /* cdata-in-html-content */
                    new_comment(t, t->pos - 9);
                    str_add_input(t, &t->cdata, t->in + t->pos - 7, 7);
                    t->state = S_BOGUS_COMMENT;
                }
            } else {
                t->errors++; /* incorrectly-opened-comment */
                new_comment(t, t->pos - 2);
                t->state = S_BOGUS_COMMENT;
            }
            break;

        case S_COMMENT_START: /* 13.2.5.43 Comment start state */
            c = peekc(t);
            if (c == '-') {
                t->pos++;
                t->state = S_COMMENT_START_DASH;
            } else if (c == '>') {
                t->errors++; /* abrupt-closing-of-empty-comment */
                t->pos++;
                t->state = S_DATA;
                emit_comment(t);
            } else {
                t->state = S_COMMENT;
            }
            break;

        case S_COMMENT_START_DASH: /* 13.2.5.44 Comment start dash state */
            c = peekc(t);
            if (c == '-') {
                t->pos++;
                t->state = S_COMMENT_END;
            } else if (c == '>') {
                t->errors++;
                t->pos++;
                t->state = S_DATA;
                emit_comment(t);
            } else if (c < 0) {
                t->errors++; /* eof-in-comment */
                emit_comment(t);
                t->state = S_DATA;
            } else {
                str_add_input(t, &t->cdata, t->in + t->pos - 1, 1);
                t->state = S_COMMENT;
            }
            break;

        case S_COMMENT: /* 13.2.5.45 Comment state */
            c = str_run4(t, &t->cdata, C_COMMENT, '-', '<', '\0', '\r');
            if (c == '<') {
                str_add_cur(t, &t->cdata);
                t->pos++;
                t->state = S_COMMENT_LT;
            } else if (c == '-') {
                t->pos++;
                t->state = S_COMMENT_END_DASH;
            } else if (c == 0) {
                t->errors++;
                str_add_bytes(t, &t->cdata, REPLACEMENT, 3);
                t->pos++;
            } else if (c == '\n') {
                str_add_cur(t, &t->cdata);
                adv(t);
            } else if (c < 0) {
                t->errors++; /* eof-in-comment */
                emit_comment(t);
                t->state = S_DATA;
            }
            break;

        case S_COMMENT_LT: /* 13.2.5.46 Comment less-than sign state */
            c = peekc(t);
            if (c == '!') {
                str_add_cur(t, &t->cdata);
                t->pos++;
                t->state = S_COMMENT_LT_BANG;
            } else if (c == '<') {
                str_add_cur(t, &t->cdata);
                t->pos++;
            } else {
                t->state = S_COMMENT;
            }
            break;

        case S_COMMENT_LT_BANG: /* 13.2.5.47 Comment less-than sign bang state */
            if (peekc(t) == '-') {
                t->pos++;
                t->state = S_COMMENT_LT_BANG_DASH;
            } else {
                t->state = S_COMMENT;
            }
            break;

        case S_COMMENT_LT_BANG_DASH: /* 13.2.5.48 Comment less-than sign bang dash state */
            if (peekc(t) == '-') {
                t->pos++;
                t->state = S_COMMENT_LT_BANG_DASH_DASH;
            } else {
                t->state = S_COMMENT_END_DASH;
            }
            break;

        case S_COMMENT_LT_BANG_DASH_DASH: /* 13.2.5.49 ... bang dash dash state */
            c = peekc(t);
            if (c != '>' && c >= 0)
                t->errors++; /* nested-comment */
            t->state = S_COMMENT_END;
            break;

        case S_COMMENT_END_DASH: /* 13.2.5.50 Comment end dash state */
            c = peekc(t);
            if (c == '-') {
                t->pos++;
                t->state = S_COMMENT_END;
            } else if (c < 0) {
                t->errors++;
                emit_comment(t);
                t->state = S_DATA;
            } else {
                str_add_bytes(t, &t->cdata, "-", 1);
                t->state = S_COMMENT;
            }
            break;

        case S_COMMENT_END: /* 13.2.5.51 Comment end state */
            c = peekc(t);
            if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                emit_comment(t);
            } else if (c == '!') {
                t->pos++;
                t->state = S_COMMENT_END_BANG;
            } else if (c == '-') {
                str_add_bytes(t, &t->cdata, "-", 1);
                t->pos++;
            } else if (c < 0) {
                t->errors++;
                emit_comment(t);
                t->state = S_DATA;
            } else {
                str_add_bytes(t, &t->cdata, "--", 2);
                t->state = S_COMMENT;
            }
            break;

        case S_COMMENT_END_BANG: /* 13.2.5.52 Comment end bang state */
            c = peekc(t);
            if (c == '-') {
                str_add_bytes(t, &t->cdata, "--!", 3);
                t->pos++;
                t->state = S_COMMENT_END_DASH;
            } else if (c == '>') {
                t->errors++; /* incorrectly-closed-comment */
                t->pos++;
                t->state = S_DATA;
                emit_comment(t);
            } else if (c < 0) {
                t->errors++;
                emit_comment(t);
                t->state = S_DATA;
            } else {
                str_add_bytes(t, &t->cdata, "--!", 3);
                t->state = S_COMMENT;
            }
            break;

        case S_DOCTYPE: /* 13.2.5.53 DOCTYPE state */
            c = peekc(t);
            new_doctype(t);
            if (IS_WS(c)) {
                adv(t);
                t->state = S_BEFORE_DOCTYPE_NAME;
            } else if (c < 0) {
                t->errors++; /* eof-in-doctype */
                t->force_quirks = true;
                emit_doctype(t);
                t->state = S_DATA;
            } else {
                if (c != '>')
                    t->errors++; /* missing-whitespace-before-doctype-name */
                t->state = S_BEFORE_DOCTYPE_NAME;
            }
            break;

        case S_BEFORE_DOCTYPE_NAME: /* 13.2.5.54 Before DOCTYPE name state */
            c = peekc(t);
            if (IS_WS(c)) {
                adv(t);
            } else if (c == '>') {
                t->errors++; /* missing-doctype-name */
                t->force_quirks = true;
                t->pos++;
                t->state = S_DATA;
                emit_doctype(t);
            } else if (c < 0) {
                t->errors++;
                t->force_quirks = true;
                emit_doctype(t);
                t->state = S_DATA;
            } else {
                /* upper case, NUL and anything else: the name's first
                 * character, handled by the DOCTYPE name state */
                t->has_dname = true;
                t->state = S_DOCTYPE_NAME;
            }
            break;

        case S_DOCTYPE_NAME: /* 13.2.5.55 DOCTYPE name state */
            c = peekc(t);
            if (IS_WS(c)) {
                adv(t);
                t->state = S_AFTER_DOCTYPE_NAME;
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                emit_doctype(t);
            } else if (IS(c, C_UPPER)) {
                str_add_lower_input(t, &t->dname, t->in + t->pos, 1);
                t->pos++;
            } else if (c == 0) {
                t->errors++;
                str_add_bytes(t, &t->dname, REPLACEMENT, 3);
                t->pos++;
            } else if (c < 0) {
                t->errors++;
                t->force_quirks = true;
                emit_doctype(t);
                t->state = S_DATA;
            } else {
                str_add_cur(t, &t->dname);
                t->pos++;
            }
            break;

        case S_AFTER_DOCTYPE_NAME: /* 13.2.5.56 After DOCTYPE name state */
            c = peekc(t);
            if (IS_WS(c)) {
                adv(t);
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                emit_doctype(t);
            } else if (c < 0) {
                t->errors++;
                t->force_quirks = true;
                emit_doctype(t);
                t->state = S_DATA;
            } else if (lookahead_ci(t, "public", 6)) {
                t->pos += 6;
                t->state = S_AFTER_DOCTYPE_PUBLIC_KEYWORD;
            } else if (lookahead_ci(t, "system", 6)) {
                t->pos += 6;
                t->state = S_AFTER_DOCTYPE_SYSTEM_KEYWORD;
            } else {
                t->errors++; /* invalid-character-sequence-after-doctype-name */
                t->force_quirks = true;
                t->state = S_BOGUS_DOCTYPE;
            }
            break;

        case S_AFTER_DOCTYPE_PUBLIC_KEYWORD:   /* 13.2.5.57 After DOCTYPE public keyword */
        case S_BEFORE_DOCTYPE_PUBLIC_ID:       /* 13.2.5.58 Before DOCTYPE public identifier */
        case S_AFTER_DOCTYPE_SYSTEM_KEYWORD:   /* 13.2.5.63 After DOCTYPE system keyword */
        case S_BEFORE_DOCTYPE_SYSTEM_ID: {     /* 13.2.5.64 Before DOCTYPE system identifier */
            bool pub = t->state == S_AFTER_DOCTYPE_PUBLIC_KEYWORD ||
                       t->state == S_BEFORE_DOCTYPE_PUBLIC_ID;
            bool keyword = t->state == S_AFTER_DOCTYPE_PUBLIC_KEYWORD ||
                           t->state == S_AFTER_DOCTYPE_SYSTEM_KEYWORD;
            c = peekc(t);
            if (IS_WS(c)) {
                adv(t);
                if (keyword)
                    t->state = pub ? S_BEFORE_DOCTYPE_PUBLIC_ID : S_BEFORE_DOCTYPE_SYSTEM_ID;
            } else if (c == '"' || c == '\'') {
                if (keyword)
                    t->errors++; /* missing-whitespace-after-doctype-*-keyword */
                t->pos++;
                if (pub) {
                    t->has_dpub = true;
                    str_reset(&t->dpub);
                    t->state = c == '"' ? S_DOCTYPE_PUBLIC_ID_DQ : S_DOCTYPE_PUBLIC_ID_SQ;
                } else {
                    t->has_dsys = true;
                    str_reset(&t->dsys);
                    t->state = c == '"' ? S_DOCTYPE_SYSTEM_ID_DQ : S_DOCTYPE_SYSTEM_ID_SQ;
                }
            } else if (c == '>') {
                t->errors++; /* missing-doctype-*-identifier */
                t->force_quirks = true;
                t->pos++;
                t->state = S_DATA;
                emit_doctype(t);
            } else if (c < 0) {
                t->errors++;
                t->force_quirks = true;
                emit_doctype(t);
                t->state = S_DATA;
            } else {
                t->errors++; /* missing-quote-before-doctype-*-identifier */
                t->force_quirks = true;
                t->state = S_BOGUS_DOCTYPE;
            }
            break;
        }

        case S_DOCTYPE_PUBLIC_ID_DQ:   /* 13.2.5.59 DOCTYPE public identifier (double-quoted) */
        case S_DOCTYPE_PUBLIC_ID_SQ:   /* 13.2.5.60 DOCTYPE public identifier (single-quoted) */
        case S_DOCTYPE_SYSTEM_ID_DQ:   /* 13.2.5.65 DOCTYPE system identifier (double-quoted) */
        case S_DOCTYPE_SYSTEM_ID_SQ: { /* 13.2.5.66 DOCTYPE system identifier (single-quoted) */
            bool pub = t->state == S_DOCTYPE_PUBLIC_ID_DQ || t->state == S_DOCTYPE_PUBLIC_ID_SQ;
            int quote = (t->state == S_DOCTYPE_PUBLIC_ID_DQ || t->state == S_DOCTYPE_SYSTEM_ID_DQ)
                            ? '"'
                            : '\'';
            tok_str *s = pub ? &t->dpub : &t->dsys;
            c = peekc(t);
            if (c == quote) {
                t->pos++;
                t->state = pub ? S_AFTER_DOCTYPE_PUBLIC_ID : S_AFTER_DOCTYPE_SYSTEM_ID;
            } else if (c == 0) {
                t->errors++;
                str_add_bytes(t, s, REPLACEMENT, 3);
                t->pos++;
            } else if (c == '>') {
                t->errors++; /* abrupt-doctype-*-identifier */
                t->force_quirks = true;
                t->pos++;
                t->state = S_DATA;
                emit_doctype(t);
            } else if (c < 0) {
                t->errors++;
                t->force_quirks = true;
                emit_doctype(t);
                t->state = S_DATA;
            } else {
                str_add_cur(t, s);
                adv(t);
            }
            break;
        }

        case S_AFTER_DOCTYPE_PUBLIC_ID:         /* 13.2.5.61 After DOCTYPE public identifier */
        case S_BETWEEN_DOCTYPE_PUBLIC_SYSTEM: { /* 13.2.5.62 Between public and system ids */
            bool after = t->state == S_AFTER_DOCTYPE_PUBLIC_ID;
            c = peekc(t);
            if (IS_WS(c)) {
                adv(t);
                t->state = S_BETWEEN_DOCTYPE_PUBLIC_SYSTEM;
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                emit_doctype(t);
            } else if (c == '"' || c == '\'') {
                if (after)
                    t->errors++; /* missing-whitespace-between-doctype-public-and-system */
                t->pos++;
                t->has_dsys = true;
                str_reset(&t->dsys);
                t->state = c == '"' ? S_DOCTYPE_SYSTEM_ID_DQ : S_DOCTYPE_SYSTEM_ID_SQ;
            } else if (c < 0) {
                t->errors++;
                t->force_quirks = true;
                emit_doctype(t);
                t->state = S_DATA;
            } else {
                t->errors++; /* missing-quote-before-doctype-system-identifier */
                t->force_quirks = true;
                t->state = S_BOGUS_DOCTYPE;
            }
            break;
        }

        case S_AFTER_DOCTYPE_SYSTEM_ID: /* 13.2.5.67 After DOCTYPE system identifier state */
            c = peekc(t);
            if (IS_WS(c)) {
                adv(t);
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
                emit_doctype(t);
            } else if (c < 0) {
                t->errors++;
                t->force_quirks = true;
                emit_doctype(t);
                t->state = S_DATA;
            } else {
                /* unexpected-character-after-doctype-system-identifier:
                 * does not set force-quirks */
                t->errors++;
                t->state = S_BOGUS_DOCTYPE;
            }
            break;

        case S_BOGUS_DOCTYPE: { /* 13.2.5.68 Bogus DOCTYPE state */
            const char *q = memchr(t->in + t->pos, '>', t->len - t->pos);
            if (q) {
                t->pos = (size_t)(q - t->in) + 1;
                t->state = S_DATA;
            } else {
                t->pos = t->len;
                t->state = S_DATA;
            }
            emit_doctype(t);
            break;
        }

        case S_CDATA_SECTION: /* 13.2.5.69 CDATA section state */
            c = text_run(t, C_PLAIN, ']', '\0', '\r', ']');
            if (c == ']') {
                t->pos++;
                t->state = S_CDATA_SECTION_BRACKET;
            } else if (c == '\r') {
                emit_cur(t);
                adv(t);
            } else if (c == 0) {
                /* U+0000 is emitted as it is in CDATA sections */
                emit_cur(t);
                t->pos++;
            } else if (c < 0) {
                t->errors++; /* eof-in-cdata */
                emit_eof(t);
            }
            break;

        case S_CDATA_SECTION_BRACKET: /* 13.2.5.70 CDATA section bracket state */
            if (peekc(t) == ']') {
                t->pos++;
                t->state = S_CDATA_SECTION_END;
            } else {
                emit_input(t, t->in + t->pos - 1, 1);
                t->state = S_CDATA_SECTION;
            }
            break;

        case S_CDATA_SECTION_END: /* 13.2.5.71 CDATA section end state */
            c = peekc(t);
            if (c == ']') {
                emit_input(t, t->in + t->pos - 2, 1);
                t->pos++;
            } else if (c == '>') {
                t->pos++;
                t->state = S_DATA;
            } else {
                emit_input(t, t->in + t->pos - 2, 2);
                t->state = S_CDATA_SECTION;
            }
            break;

        default: /* S_EOF */
            emit_eof(t);
            break;
        }
    }
}

/* ---- public interface ----------------------------------------------- */

wn_tokenizer *
wn_tokenizer_new(wn_arena *arena, const char *input, size_t len, size_t max_attrs)
{
    wn_tokenizer *t = wn_arena_calloc(arena, 1, sizeof *t);
    if (!t)
        return NULL;
    t->arena = arena;
    t->in = input ? input : "";
    t->len = input ? len : 0;
    t->max_attrs = max_attrs ? max_attrs : WN_DEFAULT_MAX_ATTRS;
    if (t->max_attrs > UINT32_MAX / 4)
        t->max_attrs = UINT32_MAX / 4;
    t->state = S_DATA;
    return t;
}

bool
wn_tokenizer_next(wn_tokenizer *t, wn_token *tok)
{
    if (!t->has_queued)
        run(t);
    if (t->oom)
        return false;
    if (t->text.n) {
        memset(tok, 0, sizeof *tok);
        tok->type = WN_TOK_CHARACTER;
        tok->offset = t->text_off;
        tok->data = str_take(t, &t->text, &tok->len, false);
        return !t->oom;
    }
    *tok = t->queued;
    if (t->queued.type != WN_TOK_EOF)
        t->has_queued = false;
    return true;
}

void
wn_tokenizer_set_state(wn_tokenizer *t, wn_tok_state state)
{
    if (t->state == S_EOF)
        return;
    switch (state) {
    case WN_TOKSTATE_DATA: t->state = S_DATA; break;
    case WN_TOKSTATE_RCDATA: t->state = S_RCDATA; break;
    case WN_TOKSTATE_RAWTEXT: t->state = S_RAWTEXT; break;
    case WN_TOKSTATE_SCRIPT_DATA: t->state = S_SCRIPT_DATA; break;
    case WN_TOKSTATE_PLAINTEXT: t->state = S_PLAINTEXT; break;
    case WN_TOKSTATE_CDATA_SECTION: t->state = S_CDATA_SECTION; break;
    }
}

void
wn_tokenizer_set_last_start_tag(wn_tokenizer *t, const char *name, size_t len)
{
    if (!name) {
        t->last_start = NULL;
        t->last_start_len = 0;
        return;
    }
    char *s = wn_arena_alloc(t->arena, len + 1);
    if (!s) {
        t->oom = true;
        return;
    }
    for (size_t i = 0; i < len; i++)
        s[i] = (name[i] >= 'A' && name[i] <= 'Z') ? LOWER(name[i]) : name[i];
    s[len] = '\0';
    t->last_start = s;
    t->last_start_len = len;
}

void
wn_tokenizer_set_cdata_allowed(wn_tokenizer *t, bool allowed)
{
    t->cdata_allowed = allowed;
}

size_t
wn_tokenizer_error_count(const wn_tokenizer *t)
{
    return t->errors;
}

size_t
wn_tokenizer_dropped_attrs(const wn_tokenizer *t)
{
    return t->dropped;
}
