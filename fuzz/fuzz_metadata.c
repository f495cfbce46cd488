/* fuzz_metadata.c - libFuzzer target: the metadata module's parsers on
 * hostile text, without the HTML around them.
 *
 * The first byte picks the entry point, the rest is its input:
 *   0  JSON-LD: wn_json_parse, a full walk of the tree, then
 *      wn_jsonld_read into a candidate table (the path a
 *      <script type=application/ld+json> takes)
 *   1  dates: wn_date_parse (whole and in-text) and wn_date_from_url
 *   2  bylines: wn_authors_parse
 *   3  language: wn_lang_normalise and wn_lang_detect
 *   4  URLs: wn_url_resolve against a fixed base and with the input
 *      split into base and reference; wn_url_is_safe on the result
 *   5  text: wn_meta_clean, wn_meta_fold
 * Invariants that would go unnoticed otherwise are checked with abort():
 * dates are at most WN_DATE_MAX bytes, NUL-terminated, and start with four
 * digits; a JSON tree's child counts match its links. The clock is fixed so
 * a finding replays the same way. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "metadata/metadata.h"
#include "util/url.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FIXED_NOW 1767225600 /* 2026-01-01T00:00:00Z */

static void
check_date(const char *out, size_t len)
{
    if (len == 0)
        return;
    if (len >= WN_DATE_MAX || out[len] != '\0' || strlen(out) != len)
        abort();
    for (int i = 0; i < 4; i++)
        if (out[i] < '0' || out[i] > '9')
            abort();
}

static void
fuzz_json(wn_arena *a, const char *s, size_t n)
{
    wn_json *root = wn_json_parse(a, s, n);
    if (root) {
        size_t nodes = 0;
        for (wn_json *v = root; v; v = wn_json_walk_next(root, v)) {
            size_t kids = 0;
            for (wn_json *k = v->child; k; k = k->next) {
                if (k->parent != v)
                    abort();
                kids++;
            }
            if (kids != v->n_children)
                abort();
            if ((v->type == WN_JSON_STRING || v->type == WN_JSON_NUMBER) &&
                (!v->str || v->str[v->len] != '\0'))
                abort();
            if (++nodes > n + 2) /* every value takes at least one byte */
                abort();
        }
        (void)wn_json_get(root, "@type");
    }
    wn_meta_cands c;
    memset(&c, 0, sizeof c);
    c.arena = a;
    c.now = FIXED_NOW;
    c.page_url = "https://example.org/2024/05/06/story.html";
    c.page_url_len = strlen(c.page_url);
    wn_jsonld_read(&c, s, n);
    if (c.n_authors > WN_MAX_AUTHORS || c.n_tags > WN_MAX_TAGS)
        abort();
    check_date(c.date_pub.v.ptr ? c.date_pub.v.ptr : "", c.date_pub.v.len);
}

static void
fuzz_dates(const char *s, size_t n)
{
    char out[WN_DATE_MAX + 8];
    check_date(out, wn_date_parse(s, n, FIXED_NOW, true, out));
    check_date(out, wn_date_parse(s, n, FIXED_NOW, false, out));
    check_date(out, wn_date_from_url(s, n, FIXED_NOW, out));
    /* the clock at its extremes */
    check_date(out, wn_date_parse(s, n, INT64_MAX / 2, false, out));
    check_date(out, wn_date_parse(s, n, 0, true, out));
}

static void
fuzz_authors(wn_arena *a, const char *s, size_t n)
{
    wn_str names[WN_MAX_AUTHORS];
    size_t count = 0;
    size_t added = wn_authors_parse(a, s, n, names, &count, WN_MAX_AUTHORS);
    if (added > WN_MAX_AUTHORS || count != added)
        abort();
    for (size_t i = 0; i < count; i++)
        if (!names[i].ptr || names[i].len == 0 || names[i].len > n + 16)
            abort();
}

static void
fuzz_lang(const char *s, size_t n)
{
    char out[32];
    size_t l = wn_lang_normalise(s, n, out);
    if (l > 16)
        abort();
    int score = -1;
    const char *lang = wn_lang_detect(s, n, &score);
    if (lang && (score < 0 || score > 100))
        abort();
}

static void
fuzz_url(wn_arena *a, const char *s, size_t n)
{
    size_t len = 0;
    static const char base[] = "https://user@example.org:8080/a/b/c.html?q=1#f";
    char *u = wn_url_resolve(a, base, sizeof base - 1, s, n, &len);
    if (u && u[len] != '\0')
        abort();
    if (u)
        (void)wn_url_is_safe(u, len);
    (void)wn_url_is_safe(s, n);
    /* the input split in two at its first space: base and reference */
    const char *sp = memchr(s, ' ', n);
    if (sp) {
        size_t bl = (size_t)(sp - s);
        u = wn_url_resolve(a, s, bl, sp + 1, n - bl - 1, &len);
        if (u && u[len] != '\0')
            abort();
    }
    u = wn_url_resolve(a, NULL, 0, s, n, &len);
    if (u && u[len] != '\0')
        abort();
}

static void
fuzz_text(wn_arena *a, const char *s, size_t n)
{
    wn_str t = wn_meta_clean(a, s, n);
    if (t.ptr && (t.len > n || t.len == 0))
        abort();
    char out[256];
    if (wn_meta_fold(s, n, out, sizeof out) > sizeof out)
        abort();
    size_t i = 0;
    while (i < n) {
        size_t before = i;
        (void)wn_meta_u8next(s, n, &i);
        if (i <= before || i > n)
            abort();
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t sel = data[0];
    const char *s = (const char *)data + 1;
    size_t n = size - 1;
    wn_arena a;
    wn_arena_init(&a, NULL, 64u * 1024 * 1024);
    switch (sel % 6) {
    case 0:
        fuzz_json(&a, s, n);
        break;
    case 1:
        fuzz_dates(s, n);
        break;
    case 2:
        fuzz_authors(&a, s, n);
        break;
    case 3:
        fuzz_lang(s, n);
        break;
    case 4:
        fuzz_url(&a, s, n);
        break;
    default:
        fuzz_text(&a, s, n);
        break;
    }
    wn_arena_free_all(&a);
    return 0;
}
