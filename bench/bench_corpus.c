/* bench_corpus.c - winnow as bench/compare.sh runs it next to the peers: one
 * process, pages taken one at a time: read (and gunzipped), the extraction
 * timed, the predictions written, everything freed before the next page.
 *
 *   bench_corpus -o OUTDIR FILE...|@LISTFILE
 *
 * For each page <id>.html[.gz] writes OUTDIR/<id>.txt (text rendering) and
 * OUTDIR/<id>.json (JSON rendering: the metadata the WCXB scorer reads).
 * The timed region is wn_extract + render text + render JSON, the same work
 * the peers' runners time (parse, extract, metadata). Prints one JSON line:
 * {"tool", "pages", "bytes", "seconds" (CPU time of the process), "wall_seconds",
 * "errors"}.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "bench_common.h"
#include "winnow.h"

typedef struct item {
    char *path;
    char *id;
    wn_result *result;
    wn_str text;
    wn_str json;
} item;

/* gunzip a whole buffer (possibly several members); NULL on bad data. */
static unsigned char *
gunzip(const unsigned char *in, size_t in_len, size_t *out_len)
{
    size_t cap = in_len * 4 + 4096, n = 0;
    unsigned char *out = malloc(cap);
    if (!out)
        return NULL;
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 32) != Z_OK) {
        free(out);
        return NULL;
    }
    z.next_in = (unsigned char *)in;
    z.avail_in = (uInt)in_len;
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        if (n == cap) {
            unsigned char *grown = realloc(out, cap * 2);
            if (!grown)
                break;
            out = grown;
            cap *= 2;
        }
        z.next_out = out + n;
        z.avail_out = (uInt)(cap - n);
        rc = inflate(&z, Z_NO_FLUSH);
        n = cap - z.avail_out;
        if (rc == Z_STREAM_END && z.avail_in > 0) { /* another gzip member */
            inflateReset(&z);
            rc = Z_OK;
            continue;
        }
        if (rc != Z_OK && rc != Z_STREAM_END && !(rc == Z_BUF_ERROR && n == cap))
            break;
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END) {
        free(out);
        return NULL;
    }
    *out_len = n;
    return out;
}

static char *
page_id(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char *id = strdup(base);
    if (!id)
        abort();
    size_t n = strlen(id);
    if (n > 3 && strcmp(id + n - 3, ".gz") == 0)
        id[n -= 3] = '\0';
    if (n > 5 && strcmp(id + n - 5, ".html") == 0)
        id[n - 5] = '\0';
    else if (n > 4 && strcmp(id + n - 4, ".htm") == 0)
        id[n - 4] = '\0';
    return id;
}

static int
add_path(item **items, size_t *n, size_t *cap, const char *path)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 256;
        item *grown = realloc(*items, *cap * sizeof *grown);
        if (!grown)
            return -1;
        *items = grown;
    }
    item *it = &(*items)[(*n)++];
    memset(it, 0, sizeof *it);
    it->path = strdup(path);
    it->id = page_id(path);
    return it->path ? 0 : -1;
}

static int
write_file(const char *dir, const char *id, const char *ext, wn_str s)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s%s", dir, id, ext);
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    if (s.ptr && s.len)
        fwrite(s.ptr, 1, s.len, f);
    return fclose(f);
}

int
main(int argc, char **argv)
{
    const char *outdir = NULL;
    item *items = NULL;
    size_t n = 0, cap = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            outdir = argv[++i];
        } else if (argv[i][0] == '@') {
            FILE *f = fopen(argv[i] + 1, "r");
            if (!f) {
                fprintf(stderr, "bench_corpus: cannot read %s\n", argv[i] + 1);
                return 1;
            }
            char line[4096];
            while (fgets(line, sizeof line, f)) {
                line[strcspn(line, "\r\n")] = '\0';
                if (line[0] && add_path(&items, &n, &cap, line) != 0)
                    abort();
            }
            fclose(f);
        } else if (add_path(&items, &n, &cap, argv[i]) != 0) {
            abort();
        }
    }
    if (!outdir || n == 0) {
        fprintf(stderr, "usage: bench_corpus -o OUTDIR FILE...|@LISTFILE\n");
        return 2;
    }

    /* One page at a time, as the peers' runners go: read (and gunzip) it,
     * time the extraction, write the predictions, free everything. Peak
     * RSS is then one page's worth, not the corpus. */
    size_t bytes = 0, errors = 0;
    double seconds = 0, wall = 0;
    for (size_t i = 0; i < n; i++) {
        item *it = &items[i];
        size_t len = 0;
        unsigned char *raw = bench_read_file(it->path, &len);
        if (!raw) {
            fprintf(stderr, "bench_corpus: cannot read %s\n", it->path);
        } else {
            size_t pl = strlen(it->path);
            if (pl > 3 && strcmp(it->path + pl - 3, ".gz") == 0) {
                unsigned char *plain = gunzip(raw, len, &len);
                free(raw);
                raw = plain;
                if (!raw)
                    fprintf(stderr, "bench_corpus: bad gzip data in %s\n", it->path);
            }
        }
        if (raw) {
            bytes += len;
            double t0 = bench_cpu_now(), w0 = bench_now();
            wn_result *r = NULL;
            if (wn_extract(raw, len, NULL, &r, NULL) == WN_OK) {
                if (wn_result_render(r, WN_FORMAT_TEXT, &it->text, NULL) != WN_OK)
                    it->text.ptr = NULL;
                if (wn_result_render(r, WN_FORMAT_JSON, &it->json, NULL) != WN_OK)
                    it->json.ptr = NULL;
            } else {
                errors++;
            }
            seconds += bench_cpu_now() - t0;
            wall += bench_now() - w0;
            it->result = r;
        }
        if (write_file(outdir, it->id, ".txt", it->text) != 0) {
            fprintf(stderr, "bench_corpus: cannot write into %s\n", outdir);
            return 1;
        }
        if (it->json.ptr)
            write_file(outdir, it->id, ".json", it->json);
        wn_result_free(it->result);
        it->result = NULL;
        free(raw);
        free(it->path);
        free(it->id);
    }
    free(items);
    printf("{\"tool\": \"winnow\", \"pages\": %zu, \"bytes\": %zu, \"seconds\": %.6f, "
           "\"wall_seconds\": %.6f, \"errors\": %zu}\n",
           n, bytes, seconds, wall, errors);
    return 0;
}
