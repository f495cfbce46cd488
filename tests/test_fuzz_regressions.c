/* test_fuzz_regressions.c - every file under fuzz/regressions/ replayed
 * through the code its fuzz target exercises (see fuzz/regressions/README),
 * so a fixed finding stays fixed in the ordinary `make test` and `make asan`
 * runs, without libFuzzer. */
#include <dirent.h>
#include <stdint.h>

#include "harness.h"
#include "input/warc.h"
#include "metadata/metadata.h"
#include "util/url.h"
#include "winnow.h"

static void
replay_html(const uint8_t *data, size_t size)
{
    if (size < 1)
        return;
    wn_options o;
    memset(&o, 0, sizeof o);
    o.flags = data[0] & 0x7f;
    o.url = (data[0] & 0x80) ? "https://example.org/a/b/page.html?q=1" : NULL;
    o.max_memory = 256u * 1024 * 1024;
    o.max_output = 1u << 20;
    wn_result *r = NULL;
    wn_error err;
    wn_status st = wn_extract(data + 1, size - 1, &o, &r, &err);
    CHECK(st == WN_OK || st == WN_ERR_LIMIT);
    if (st == WN_OK) {
        for (int f = WN_FORMAT_TEXT; f <= WN_FORMAT_HTML; f++) {
            wn_str out;
            wn_status rs = wn_result_render(r, (wn_format)f, &out, &err);
            CHECK(rs == WN_OK || rs == WN_ERR_LIMIT);
        }
        wn_result_free(r);
    }
    /* the parse target's option space: small depth and attribute caps */
    o.max_depth = 3;
    o.max_attrs = 2;
    wn_doc *d = NULL;
    if (wn_doc_parse(data + 1, size - 1, &o, &d, &err) == WN_OK)
        wn_doc_free(d);
}

static void
replay_metadata(const uint8_t *data, size_t size)
{
    if (size < 1)
        return;
    const char *s = (const char *)data + 1;
    size_t n = size - 1;
    wn_arena a;
    wn_arena_init(&a, NULL, 64u * 1024 * 1024);
    char out[WN_DATE_MAX + 8];
    switch (data[0] % 6) {
    case 0: {
        (void)wn_json_parse(&a, s, n);
        wn_meta_cands c;
        memset(&c, 0, sizeof c);
        c.arena = &a;
        c.now = 1767225600;
        wn_jsonld_read(&c, s, n);
        CHECK(c.n_authors <= WN_MAX_AUTHORS);
        break;
    }
    case 1:
        CHECK(wn_date_parse(s, n, 1767225600, true, out) < WN_DATE_MAX);
        CHECK(wn_date_from_url(s, n, 1767225600, out) < WN_DATE_MAX);
        break;
    case 2: {
        wn_str names[WN_MAX_AUTHORS];
        size_t count = 0;
        CHECK(wn_authors_parse(&a, s, n, names, &count, WN_MAX_AUTHORS) <= WN_MAX_AUTHORS);
        break;
    }
    case 3: {
        int score;
        CHECK(wn_lang_normalise(s, n, out) <= 16);
        (void)wn_lang_detect(s, n, &score);
        break;
    }
    case 4: {
        size_t len;
        char *u = wn_url_resolve(&a, "https://example.org/a/b", 23, s, n, &len);
        CHECK(!u || u[len] == '\0');
        break;
    }
    default:
        (void)wn_meta_clean(&a, s, n);
        break;
    }
    wn_arena_free_all(&a);
}

static void
replay_warc(const uint8_t *data, size_t size)
{
    if (size < 1)
        return;
    size_t max_body = (size_t)(data[0] % 8) * 512 + 1;
    wn_warc_reader *r;
    if (wn_warc_open_mem(data + 1, size - 1, max_body, &r, NULL) != WN_OK)
        return;
    wn_warc_record rec;
    memset(&rec, 0, sizeof rec);
    uint64_t n = 0;
    while (wn_warc_next(r, &rec) && n < size + 1)
        n++;
    wn_warc_record_free(&rec);
    wn_warc_stats st = wn_warc_get_stats(r);
    CHECK_EQ_INT(st.records, n);
    CHECK_EQ_INT(st.html + st.skipped + st.failed, st.records);
    wn_warc_close(r);
}

static int
replay_dir(const char *root, const char *sub, void (*fn)(const uint8_t *, size_t))
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/fuzz/regressions/%s", root, sub);
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len;
        char *data = harness_read_file(path, &len);
        if (!data)
            continue;
        fn((const uint8_t *)data, len);
        free(data);
        count++;
    }
    closedir(d);
    return count;
}

TEST(replay_all)
{
    const char *root = getenv("WN_SOURCE_DIR") ? getenv("WN_SOURCE_DIR") : "..";
    int n = replay_dir(root, "html", replay_html);
    n += replay_dir(root, "metadata", replay_metadata);
    n += replay_dir(root, "warc", replay_warc);
    CHECK(n > 0);
    printf("  %d regression inputs replayed\n", n);
}

int
main(void)
{
    RUN(replay_all);
    return harness_done();
}
