/* wn_tokdiff.c - differential check of the class/id tokenizer: the bits of
 * wn_tokens_classify / wn_tokens_classify_class against the frozen
 * reference (tools/tokens_ref.h) on real and random values.
 *
 * Usage:
 *   wn_tokdiff FILE...          every attribute value of every element of
 *                               the pages (gzip read as is), class and id
 *                               values counted apart
 *   wn_tokdiff -r N [SEED]      N random and mutated strings (lengths 0..300)
 *   wn_tokdiff -s FILE...       statistics of the class/id values only
 * Each value is copied into a buffer of its exact size, so a build with
 * -fsanitize=address catches a read past its end. Exit status 1 on any
 * difference (the first few are printed).
 *
 * Build (from the repository root, after `make`):
 *   cc -O2 -Iinclude -Isrc tools/wn_tokdiff.c build/libwinnow.a -lz -luchardet \
 *      -ldeflate -lm -o build/wn_tokdiff
 * or against build-asan/libwinnow.a with -fsanitize=address,undefined. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/input.h"
#include "clean/clean.h"
#include "tokens_ref.h"

static unsigned long long compared, differ, bytes, with_bits, with_hidden;

static void
check(const char *v, size_t n)
{
    char *c = malloc(n ? n : 1);
    if (!c)
        exit(2);
    memcpy(c, v, n);
    uint32_t want_h = ref_value_bits(c, n, true), want = ref_value_bits(c, n, false);
    uint32_t got_h = wn_tokens_classify_class(c, n), got = wn_tokens_classify(c, n);
    compared++;
    bytes += n;
    with_bits += want != 0;
    with_hidden += (want_h & WN_TOK_HIDDEN) != 0;
    if (want_h != got_h || want != got) {
        if (differ++ < 20) {
            printf("DIFF class %#x/%#x id %#x/%#x (ref/new) len %zu: \"", want_h, got_h, want, got,
                   n);
            for (size_t i = 0; i < n; i++) {
                unsigned char b = (unsigned char)c[i];
                if (b >= 0x20 && b < 0x7f && b != '"' && b != '\\')
                    putchar(b);
                else
                    printf("\\x%02x", b);
            }
            printf("\"\n");
        }
    }
    free(c);
}

/* The page at path (gzip inflated), via the library's own reader. */
static char *
slurp(const char *path, size_t *len)
{
    char *out = NULL;
    return wn_input_read_file(path, (size_t)1 << 28, &out, len, NULL) == WN_OK ? out : NULL;
}

/* statistics of class/id values: count, bytes, by length bucket */
static unsigned long long st_values, st_bytes, st_len[8], st_upper, st_colon, st_nonascii;

static void
stat_value(const char *v, size_t n)
{
    st_values++;
    st_bytes += n;
    size_t b = n < 8 ? 0 : n < 16 ? 1 : n < 32 ? 2 : n < 64 ? 3 : n < 128 ? 4 : n < 256 ? 5 : 6;
    st_len[b]++;
    bool up = false, co = false, na = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)v[i];
        up |= c >= 'A' && c <= 'Z';
        co |= c == ':';
        na |= c >= 0x80;
    }
    st_upper += up;
    st_colon += co;
    st_nonascii += na;
}

static unsigned long long class_values, id_values;

static void
walk(const wn_node *n, bool stats)
{
    for (; n; n = n->next) {
        if (n->type == WN_NODE_ELEMENT) {
            for (uint32_t i = 0; i < n->n_attrs; i++) {
                const wn_attr *a = &n->attrs[i];
                if (!a->value)
                    continue;
                bool cls = a->name_len == 5 && memcmp(a->name, "class", 5) == 0;
                bool id = a->name_len == 2 && memcmp(a->name, "id", 2) == 0;
                class_values += cls;
                id_values += id;
                if (stats) {
                    if (cls || id)
                        stat_value(a->value, a->value_len);
                } else {
                    check(a->value, a->value_len);
                }
            }
        }
        walk(n->first_child, stats);
    }
}

/* ---- random strings ---- */

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint64_t
rng(void)
{
    /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Du;
}

static unsigned
rnd(unsigned n)
{
    return (unsigned)(rng() % n);
}

/* words that steer random strings to the vocabulary and the hidden names */
static const char *const pieces[] = {
    "ad", "ads", "share", "Share", "SHARE", "nav", "Nav", "navbar", "comment", "comments",
    "article", "Article", "articleBody", "body", "content", "post", "byline", "author",
    "caption", "credit", "menu", "footer", "header", "sidebar", "related", "sr-only",
    "screen-reader-text", "visually-hidden", "visuallyhidden", "visually_hidden", "a11y-hidden",
    "hidden", "Hidden", "HIDE", "hide", "d-none", "is-hidden", "u-hidden", "offscreen",
    "element-invisible", "invisible", "sr-only-focusable", "screenreader", "screen-reader-only",
    "recommendations", "subscription", "entrycontent", "md:block", "lg:", "[data-x]", "(x)",
    "a=b", "sc-", "UbbKhW", "4pDFEa", "aXZVg", "x", "X", "1", "42", "ab", "aB", "AbCd", "-",
    "_", "__", " ", "  ", "\t", "\n", "\r", "\f", ":", "[", "(", "=", "\xc3\xa9", "\x80",
    "\xff", "wp-caption-text", "ad300x250", "stack-module__AdKhW__x", "promo2", "A1", "tags",
};
#define N_PIECES (sizeof pieces / sizeof pieces[0])

static const char alphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                               "--__  \t\n\r\f:[(=]).#/!@";

static size_t
random_string(char *out, size_t max)
{
    size_t want = rnd(4) == 0 ? rnd(301) : rnd(4) == 0 ? 60 + rnd(80) : rnd(48);
    if (want > max)
        want = max;
    size_t n = 0;
    unsigned mode = rnd(4);
    while (n < want) {
        if (mode == 3) { /* class names apart */
            if (n)
                out[n++] = " \t\n"[rnd(3)];
            const char *p = pieces[rnd(N_PIECES)];
            for (size_t k = 0; p[k] && n < want; k++)
                out[n++] = p[k];
        } else if (mode == 0 || (mode == 2 && rnd(2))) {
            const char *p = pieces[rnd(N_PIECES)];
            size_t l = strlen(p);
            for (size_t k = 0; k < l && n < want; k++) {
                char c = p[k];
                if (rnd(16) == 0 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
                    c ^= 0x20; /* flip the case */
                out[n++] = c;
            }
        } else {
            unsigned r = rnd(20);
            out[n++] = r == 0   ? (char)(0x80 + rnd(128))
                       : r == 1 ? (char)rnd(0x20)
                                : alphabet[rnd(sizeof alphabet - 1)];
        }
    }
    /* a few point mutations */
    for (unsigned m = rnd(3); m && n; m--)
        out[rnd((unsigned)n)] = (char)rnd(256);
    return n;
}

int
main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "-r") == 0) {
        unsigned long long count = strtoull(argv[2], NULL, 10);
        if (argc > 3)
            rng_state ^= strtoull(argv[3], NULL, 10) * 0xD6E8FEB86659FD93u;
        char buf[320];
        for (unsigned long long i = 0; i < count; i++)
            check(buf, random_string(buf, sizeof buf));
        printf("random: %llu strings, %llu bytes (%llu with vocabulary bits, %llu hidden), %llu "
               "differences\n",
               compared, bytes, with_bits, with_hidden, differ);
        return differ != 0;
    }
    bool stats = argc > 1 && strcmp(argv[1], "-s") == 0;
    for (int a = 1 + stats; a < argc; a++) {
        size_t len;
        char *html = slurp(argv[a], &len);
        if (!html) {
            fprintf(stderr, "wn_tokdiff: %s: cannot read\n", argv[a]);
            return 2;
        }
        wn_doc *doc;
        wn_error err;
        if (wn_doc_parse(html, len, NULL, &doc, &err) != WN_OK) {
            fprintf(stderr, "wn_tokdiff: %s: %s\n", argv[a], err.message);
            free(html);
            return 2;
        }
        walk(doc->dom->root, stats);
        wn_doc_free(doc);
        free(html);
    }
    if (stats) {
        printf("class/id values %llu, bytes %llu (mean %.1f); with upper-case %llu, ':' %llu, "
               "non-ASCII %llu\nlengths <8 %llu, <16 %llu, <32 %llu, <64 %llu, <128 %llu, <256 "
               "%llu, more %llu\n",
               st_values, st_bytes, st_values ? (double)st_bytes / (double)st_values : 0.0,
               st_upper, st_colon, st_nonascii, st_len[0], st_len[1], st_len[2], st_len[3],
               st_len[4], st_len[5], st_len[6]);
        return 0;
    }
    printf("pages: %d files, %llu attribute values (%llu class, %llu id), %llu bytes, %llu "
           "differences\n",
           argc - 1, compared, class_values, id_values, bytes, differ);
    return differ != 0;
}
