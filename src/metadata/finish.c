/* finish.c - wn_metadata_finish: what needs the extracted content. The
 * language is detected from the content's text when the markup declares
 * none, or declares one the text plainly contradicts (templates ship with
 * lang="en" whatever the page is written in); the word count is taken over
 * the same text; the page type is copied from scoring.
 */
#include <string.h>

#include "metadata.h"
#include "util/swar.h"

/* 1 for the ASCII bytes that make words: letters, digits, '_'. */
static const unsigned char ascii_word[128] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['_'] = 1,
    ['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
    ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
    ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
    ['Y'] = 1, ['Z'] = 1,
    ['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
    ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
    ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
    ['y'] = 1, ['z'] = 1,
};

/* A declared language is checked on this many bytes of the content's prose
 * (about 600 words): enough to tell a template's lang="en" from the text's
 * language, not the whole of a long article. */
enum { LANG_CHECK_BYTES = 4096 };

/* The content's text (dropped and boilerplate subtrees skipped), words
 * counted on the way; at most `max` bytes kept for language detection,
 * code (<pre>, <code>) left out of those: it is in no natural language. */
static size_t
content_text(const wn_content *content, wn_buf *b, size_t max)
{
    size_t words = 0;
    for (size_t r = 0; r < content->n_roots; r++) {
        wn_walk w;
        wn_node *n;
        bool enter;
        bool in_word = false;
        const wn_node *code = NULL; /* the <pre> or <code> we are in */
        wn_walk_init(&w, content->roots[r]);
        while (wn_walk_next(&w, &n, &enter)) {
            if (!enter) {
                if (n == code)
                    code = NULL;
                continue;
            }
            if (n->type == WN_NODE_ELEMENT) {
                if ((n->flags & (WN_NF_DROP | WN_NF_BOILER)) || wn_node_is(n, WN_TAG_SCRIPT) ||
                    wn_node_is(n, WN_TAG_STYLE) || wn_node_is(n, WN_TAG_TEMPLATE) ||
                    wn_node_is(n, WN_TAG_NOSCRIPT)) {
                    wn_walk_skip_children(&w);
                    continue;
                }
                in_word = false; /* element boundaries may separate words */
                if (!code && (wn_node_is(n, WN_TAG_PRE) || wn_node_is(n, WN_TAG_CODE)))
                    code = n;
                continue;
            }
            if (n->type != WN_NODE_TEXT)
                continue;
            const unsigned char *d = (const unsigned char *)n->data;
            for (size_t i = 0; i < n->len;) {
                if (d[i] < 0x80) {
                    /* a run of ASCII inline (no ideographs here): a word
                     * starts where a word byte follows a non-word byte */
                    size_t j = i;
                    unsigned prev = in_word;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                    /* eight ASCII bytes at a time: word bytes (letters,
                     * digits, '_') not preceded by one start words */
                    while (n->len - j >= 8) {
                        uint64_t x = wn_sw_load(n->data + j);
                        if (x & WN_SW_HIGH)
                            break;
                        uint64_t wb = wn_sw_range(x | (WN_SW_ONES * 0x20), 'a', 'z') |
                                      wn_sw_range(x, '0', '9') | wn_sw_zero(x ^ (WN_SW_ONES * '_'));
                        words += wn_sw_count(wb & ~((wb << 8) | ((uint64_t)prev << 7)));
                        prev = (unsigned)(wb >> 63);
                        j += 8;
                    }
#endif
                    while (j < n->len && d[j] < 0x80) {
                        unsigned wc = ascii_word[d[j]];
                        words += wc & ~prev;
                        prev = wc;
                        j++;
                    }
                    in_word = prev;
                    i = j;
                    continue;
                }
                unsigned cp = wn_meta_u8next(n->data, n->len, &i);
                bool wc = wn_meta_is_word_cp(cp);
                /* CJK ideographs and kana: count each as a word */
                bool ideo = (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF);
                if (wc && (!in_word || ideo))
                    words++;
                in_word = wc && !ideo;
            }
            if (b->len < max && !code) {
                wn_buf_append(b, n->data, n->len);
                wn_buf_putc(b, ' ');
            }
        }
    }
    return words;
}

wn_status
wn_metadata_finish(wn_doc *doc, const wn_content *content, wn_metadata *meta)
{
    if (!doc || !content || !meta)
        return WN_ERR_INVALID;
    meta->page_type = content->page_type;
    meta->title = wn_title_for_type(&doc->arena, meta->title, doc->title_alt,
                                    doc->title_h1_within, meta->page_type);
    wn_buf b;
    wn_buf_init(&b, &doc->arena, 0);
    /* a declared language is only checked, on the first LANG_CHECK_BYTES */
    meta->word_count = content_text(content, &b, meta->language.ptr ? LANG_CHECK_BYTES : 32 * 1024);
    if (b.failed)
        return (wn_status)b.failed;
    if (doc->opts.flags & WN_OPT_NO_METADATA)
        return WN_OK;
    int score = 0;
    /* a declared language is only checked (does the text clearly say
     * otherwise?): the first LANG_CHECK_BYTES of the prose say it */
    size_t sample = meta->language.ptr && b.len > LANG_CHECK_BYTES ? LANG_CHECK_BYTES : b.len;
    const char *det = b.len ? wn_lang_detect(b.ptr, sample, &score) : NULL;
    if (!det)
        return WN_OK;
    size_t dl = strlen(det);
    if (!meta->language.ptr) {
        if (score >= 15)
            meta->language = (wn_str){det, dl};
        return WN_OK;
    }
    /* declared: keep it unless the text clearly says otherwise */
    const char *decl = meta->language.ptr;
    size_t pl = 0;
    while (pl < meta->language.len && decl[pl] != '-')
        pl++;
    bool same = pl == dl && memcmp(decl, det, dl) == 0;
    /* Norwegian variants and close pairs are not contradictions */
    bool close = (pl == 2 && (memcmp(decl, "nb", 2) == 0 || memcmp(decl, "nn", 2) == 0) &&
                  (strcmp(det, "no") == 0 || strcmp(det, "da") == 0)) ||
                 (strcmp(det, "da") == 0 && pl == 2 && memcmp(decl, "no", 2) == 0) ||
                 (strcmp(det, "no") == 0 && pl == 2 && memcmp(decl, "da", 2) == 0) ||
                 (strcmp(det, "hr") == 0 && pl == 2 &&
                  (memcmp(decl, "sr", 2) == 0 || memcmp(decl, "bs", 2) == 0)) ||
                 (strcmp(det, "zh") == 0 && pl == 2 && memcmp(decl, "ja", 2) == 0) ||
                 (strcmp(det, "sk") == 0 && pl == 2 && memcmp(decl, "cs", 2) == 0) ||
                 (strcmp(det, "cs") == 0 && pl == 2 && memcmp(decl, "sk", 2) == 0) ||
                 (strcmp(det, "ca") == 0 && pl == 2 && memcmp(decl, "es", 2) == 0) ||
                 (strcmp(det, "es") == 0 && pl == 2 && memcmp(decl, "ca", 2) == 0);
    if (!same && !close && score >= 40 && meta->word_count >= 60)
        meta->language = (wn_str){det, dl};
    return WN_OK;
}
