/* rss_loop.c - a leak and growth check for long-running users of the API:
 * parse + extract + render (all four formats) one small page N times
 * (default 1,000,000) and print the process's resident set size every
 * 100,000 documents. Flat RSS after the first report means nothing is kept
 * between documents (no leak, no cache that grows).
 *
 * Build and run (after `make`):
 *   cc -O2 -Iinclude -Isrc tools/rss_loop.c build/libwinnow.a -lz -luchardet -lm -o build/rss_loop
 *   build/rss_loop [N] [page.html]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "winnow.h"

static const char default_page[] =
    "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>A small story | Site</title>"
    "<meta property=og:site_name content=Site><script type=application/ld+json>"
    "{\"@type\":\"NewsArticle\",\"headline\":\"A small story\",\"datePublished\":\"2024-05-06\","
    "\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"}}</script></head><body>"
    "<nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>A small story</h1>"
    "<p class=byline>By Jane Doe</p><p>The first paragraph of a small story, with <a href=/x>a "
    "link</a> and <b>bold</b> words in it, long enough to be kept.</p><figure><img src=/a.jpg "
    "alt=a><figcaption>A caption</figcaption></figure><p>A second paragraph, with more words "
    "about the subject of the story and what happened next.</p><table><tr><th>k</th><th>v</th>"
    "</tr><tr><td>1</td><td>2</td></tr></table></article><footer>Copyright</footer></body></html>";

static long
rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmRSS:", 6) == 0) {
            kb = strtol(line + 6, NULL, 10);
            break;
        }
    fclose(f);
    return kb;
}

static char *
read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *p = malloc((size_t)n + 1);
    if (p && fread(p, 1, (size_t)n, f) != (size_t)n) {
        free(p);
        p = NULL;
    }
    fclose(f);
    *len = (size_t)n;
    return p;
}

int
main(int argc, char **argv)
{
    long iters = argc > 1 ? strtol(argv[1], NULL, 10) : 1000000;
    const char *page = default_page;
    size_t len = sizeof default_page - 1;
    char *owned = NULL;
    if (argc > 2) {
        owned = read_all(argv[2], &len);
        if (!owned) {
            fprintf(stderr, "rss_loop: cannot read %s\n", argv[2]);
            return 1;
        }
        page = owned;
    }
    wn_options o;
    memset(&o, 0, sizeof o);
    o.flags = WN_OPT_LINKS | WN_OPT_IMAGES | WN_OPT_MARKDOWN_IN_JSON;
    o.url = "https://example.org/news/story.html";
    size_t out_bytes = 0;
    clock_t t0 = clock();
    printf("%10s %10s %8s\n", "documents", "RSS KiB", "CPU s");
    printf("%10d %10ld %8.1f\n", 0, rss_kb(), 0.0);
    for (long i = 1; i <= iters; i++) {
        wn_result *r;
        wn_error err;
        if (wn_extract(page, len, &o, &r, &err) != WN_OK) {
            fprintf(stderr, "rss_loop: document %ld: %s\n", i, err.message);
            return 1;
        }
        for (int f = WN_FORMAT_TEXT; f <= WN_FORMAT_HTML; f++) {
            wn_str s;
            if (wn_result_render(r, (wn_format)f, &s, &err) == WN_OK)
                out_bytes += s.len;
        }
        wn_result_free(r);
        if (i % 100000 == 0)
            printf("%10ld %10ld %8.1f\n", i, rss_kb(), (double)(clock() - t0) / CLOCKS_PER_SEC);
        fflush(stdout);
    }
    printf("rendered %zu bytes in total\n", out_bytes);
    free(owned);
    return 0;
}
