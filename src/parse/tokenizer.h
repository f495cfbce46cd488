/* tokenizer.h - the WHATWG HTML tokenizer (HTML Standard, section 13.2.5).
 *
 * Pull model: the tree builder asks for one token at a time and may switch
 * the tokenizer's state between tokens (RCDATA for <title>, RAWTEXT for
 * <style>, script data, PLAINTEXT) and tell it whether CDATA sections are
 * allowed (adjusted current node in foreign content).
 *
 * Input is valid UTF-8 (the decoder guarantees it). The tokenizer performs
 * the input-stream preprocessing itself (CR LF and lone CR become LF).
 * Strings in tokens point into the input when they need no change, and
 * into the arena otherwise (entities, NUL replacement, CR, upper case).
 * They stay valid as long as the arena and the input live. Only tag and
 * doctype names are NUL-terminated; character data, comment data and
 * attribute names/values are (pointer, length) slices.
 *
 * Character tokens: one token per run between other tokens (a run may mix
 * whitespace and other text, and in the data state may hold U+0000, which
 * the tree builder handles). A start tag ends the tokenizer's work for the
 * call, so a state switch made after receiving it applies to what follows.
 */
#ifndef WN_TOKENIZER_H
#define WN_TOKENIZER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dom.h"

typedef enum wn_token_type {
    WN_TOK_NONE = 0,
    WN_TOK_DOCTYPE,
    WN_TOK_START_TAG,
    WN_TOK_END_TAG,
    WN_TOK_COMMENT,
    WN_TOK_CHARACTER, /* a run of characters: data[0..len) */
    WN_TOK_EOF
} wn_token_type;

/* Tokenizer states the tree builder (or a test) may set. */
typedef enum wn_tok_state {
    WN_TOKSTATE_DATA = 0,
    WN_TOKSTATE_RCDATA,
    WN_TOKSTATE_RAWTEXT,
    WN_TOKSTATE_SCRIPT_DATA,
    WN_TOKSTATE_PLAINTEXT,
    WN_TOKSTATE_CDATA_SECTION
} wn_tok_state;

typedef struct wn_token {
    wn_token_type type;
    /* tags */
    wn_tag tag;               /* id of the lower-case name, or WN_TAG_UNKNOWN */
    const char *name;         /* tag / doctype name, lower-case, NUL-terminated */
    size_t name_len;
    wn_attr *attrs;           /* arena array, duplicates removed, in order */
    uint32_t n_attrs;
    bool self_closing;
    /* character / comment data */
    const char *data;
    size_t len;
    /* doctype: name above (NULL when the doctype has no name); ids NULL
     * when missing, "" when present but empty */
    const char *public_id;
    size_t public_len;
    const char *system_id;
    size_t system_len;
    bool force_quirks;
    /* byte offset of the token's start in the input (for error messages) */
    size_t offset;
} wn_token;

typedef struct wn_tokenizer wn_tokenizer;

/* Create a tokenizer over input[0..len) with its state in `arena`.
 * `max_attrs` caps attributes kept per tag (the rest are dropped, counted);
 * 0 means WN_DEFAULT_MAX_ATTRS. NULL on OOM. */
wn_tokenizer *wn_tokenizer_new(wn_arena *arena, const char *input, size_t len,
                               size_t max_attrs);

/* Next token into *tok. Returns false only on OOM (arena failure); after
 * WN_TOK_EOF it keeps returning WN_TOK_EOF. Character tokens never have
 * len == 0. */
bool wn_tokenizer_next(wn_tokenizer *t, wn_token *tok);

/* Switch state (called by the tree builder after a start tag). */
void wn_tokenizer_set_state(wn_tokenizer *t, wn_tok_state state);

/* The "appropriate end tag" check needs the last start tag's name; the tree
 * builder sets it for fragment parsing, tests for "lastStartTag". */
void wn_tokenizer_set_last_start_tag(wn_tokenizer *t, const char *name, size_t len);

/* Whether "<![CDATA[" opens a CDATA section (adjusted current node is not in
 * the HTML namespace). Default false. */
void wn_tokenizer_set_cdata_allowed(wn_tokenizer *t, bool allowed);

/* Number of parse errors seen so far (informational). */
size_t wn_tokenizer_error_count(const wn_tokenizer *t);

/* Attributes dropped because of max_attrs. Names past the cap are not
 * remembered (bounded memory), so repeats among them all count; repeats of
 * a kept name are duplicates (parse errors), not counted here. */
size_t wn_tokenizer_dropped_attrs(const wn_tokenizer *t);

#endif
