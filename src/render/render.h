/* render.h - helpers shared by the Markdown, HTML and JSON renderers.
 *
 * What every renderer must agree on lives here: which subtrees are never
 * rendered, how a link or image URL becomes absolute and safe, which
 * language a code block declares, and how a JSON string is escaped.
 */
#ifndef WN_RENDER_H
#define WN_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "pipeline.h"

/* URL kinds for wn_render_url. */
#define WN_RURL_LINK 1  /* http, https, mailto */
#define WN_RURL_IMAGE 2 /* http, https */

/* Whether the subtree of `n` (an element, not a content root) is left out
 * of every rendering: flagged DROP/BOILER/HEADLINE/BYLINE, a caption under
 * WN_OPT_NO_CAPTIONS, a table under WN_OPT_NO_TABLES, foreign content
 * (SVG, MathML), or an element whose content is never article text
 * (script, style, template, forms controls, embedded objects, media). */
bool wn_render_skipped(const wn_node *n, uint32_t opt_flags);

/* Is n a MathML <math> element (a formula: rendered as TeX, see
 * render_math.c)? */
static inline bool
wn_render_is_math(const wn_node *n)
{
    return n->type == WN_NODE_ELEMENT && n->ns == WN_NS_MATHML && n->tag == WN_TAG_MATH;
}

/* What an element of the content is written as instead of its markup: a
 * formula (a <math>, or an <img> whose alt text is TeX), an emoji's
 * character (an <img> standing for one, when opt_flags do not write
 * images), or neither. Subtrees flagged DROP, BOILER, HEADLINE or BYLINE
 * are neither. */
enum { WN_RENDER_PLAIN = 0, WN_RENDER_FORMULA, WN_RENDER_EMOJI };
int wn_render_special(const wn_node *n, uint32_t opt_flags);

/* Append the formula of a <math> element as TeX (no delimiters): the TeX
 * the page gives (a TeX annotation, the alttext attribute), else its
 * presentation markup converted. Returns whether anything was appended. */
bool wn_render_math(const wn_node *math, wn_buf *b);
/* Is the <math> a display (block) formula? */
bool wn_render_math_display(const wn_node *math);
/* A formula's fallback image whose alt text is its TeX, as MediaWiki
 * writes them ("{\displaystyle x^{2}}"): the alt text, else NULL. */
const char *wn_render_math_img(const wn_node *img, size_t *len);
/* Append TeX source s[0..n) tidied: whitespace collapsed and trimmed, a
 * "{\displaystyle ...}" wrapper removed. Returns whether anything was
 * appended. */
bool wn_render_math_source(wn_buf *b, const char *s, size_t n);

/* HTML whitespace: space, tab, LF, FF, CR. */
static inline bool
wn_render_is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* Block-level elements: they end the paragraph around them. */
bool wn_render_is_block(const wn_node *n);

/* The base URL links resolve against: the first <base href> of the document
 * resolved against the page URL (wn_options.url), else the page URL. ptr is
 * NULL when there is neither. */
wn_str wn_render_base_url(const wn_result *r);

/* The absolute, safe form of the URL reference ref[0..n) for an href (kind
 * WN_RURL_LINK) or an image source (WN_RURL_IMAGE), in the doc's arena; NULL
 * when the reference is empty or its scheme is not allowed. Tabs and
 * newlines inside the reference are removed and surrounding controls and
 * spaces trimmed before the scheme is judged, as browsers do, so
 * "java\tscript:" is seen for what it is. A relative reference that cannot
 * be resolved (no base) is kept relative. Spaces are percent-encoded. */
const char *wn_render_url(const wn_result *r, wn_str base, const char *ref, size_t n, int kind,
                          size_t *out_len);

/* The image source of an <img>: src, or for lazy-loaded images whose src
 * is missing or a data: placeholder, data-src or the first srcset URL.
 * Returns the raw attribute slice (not resolved), NULL if none. */
const char *wn_render_img_src(const wn_node *img, size_t *len);

/* An <img> that stands for an emoji or a symbol in running text
 * (alt="\xF0\x9F\x98\x80", as blogs replace them): its alt text, else NULL. Only
 * pictographs, symbols, dingbats, flags and their joiners, at most 32
 * bytes. */
const char *wn_render_emoji_alt(const wn_node *img, size_t *len);

/* Whether an <img> is the <noscript> fallback of the (lazy-loaded) image
 * just before it, which is rendered already. */
bool wn_render_img_is_fallback(const wn_node *img);

/* The language of a code block: "language-x" or "lang-x" in the class of
 * `pre` or of its first element child <code>. Returns a pointer to x (only
 * [A-Za-z0-9_+#.-] characters, at most 32) or NULL. */
const char *wn_render_code_language(const wn_node *pre, size_t *len);

/* The same, from the class attribute of `n` alone. */
const char *wn_render_class_language(const wn_node *n, size_t *len);

/* A non-negative integer attribute (colspan, rowspan, start, width), or
 * `dflt` when absent or not a number; clamped to [lo, hi]. Leading '-' is
 * accepted when lo < 0. */
long wn_render_attr_int(const wn_node *n, const char *name, long dflt, long lo, long hi);

/* Append s[0..n) as a JSON string literal (RFC 8259): quotes, backslash and
 * control characters escaped, U+2028/U+2029 escaped for JavaScript, invalid
 * UTF-8 replaced by U+FFFD. s == NULL or n == 0 appends null. */
void wn_render_json_string(wn_buf *b, const char *s, size_t n);

/* A growable array of bytes in the arena used as a stack by the renderers'
 * walks (one entry per open element: trees can be 100,000 deep). */
typedef struct wn_render_stack {
    wn_arena *arena;
    unsigned char *v;
    size_t n, cap;
    bool failed;
} wn_render_stack;

void wn_render_stack_push(wn_render_stack *s, unsigned char x);
unsigned char wn_render_stack_pop(wn_render_stack *s);

#endif
