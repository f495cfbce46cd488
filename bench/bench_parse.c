/* bench_parse.c - how fast winnow parses and extracts, against libxml2's
 * HTML parser and a memchr floor, on the Zyte pages (real news pages).
 *
 *   bench_parse [-n RUNS] [-d DIR]
 *
 * Every page of DIR (default $WN_SHARED/datasets/zyte/html) is read into
 * memory first. Then, on whatever core the process runs on (bench/run.sh pins
 * it with taskset), each contender runs over all pages RUNS times (default
 * 7), the contenders taking turns, and the best and median run are
 * reported, in CPU time of the process
 * (the machine is shared; CPU time leaves out what other processes took):
 *   floor     memchr for '<' over every byte: touching the bytes at all
 *   libxml2   htmlReadMemory (recover, no errors/warnings/network) + xmlFreeDoc
 *   parse     wn_doc_parse + wn_doc_free: decode, tokenize, build the tree
 *   extract   wn_extract + wn_result_render(text) + wn_result_free
 * Then extraction by stage: the same extract pass with the CPU clock read
 * between the pipeline's stages (src/pipeline.h), best of RUNS passes per
 * stage, so a speed change can be placed.
 * Then one pass with a counting allocator gives winnow's peak memory per page
 * as a multiple of the page's size (median and max), for parse and extract;
 * libxml2's is measured the same way (xmlMemSetup) in a child process, since
 * its hooks must be set before its first use.
 *
 * The machine is shared and noisy, so the figures that matter are ratios
 * measured in the same run, printed last. Exits 77 when the data is missing.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlmemory.h>

#include "bench_common.h"
#include "pipeline.h" /* the stages, for the per-stage figures */
#include "winnow.h"

typedef struct page {
    char *name;
    unsigned char *html;
    size_t len;
} page;

typedef struct corpus {
    page *pages;
    size_t n;
    size_t bytes;
} corpus;

static int
cmp_name(const void *a, const void *b)
{
    return strcmp(((const page *)a)->name, ((const page *)b)->name);
}

static int
load_corpus(const char *dir, corpus *c)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    size_t cap = 0;
    struct dirent *e;
    memset(c, 0, sizeof *c);
    while ((e = readdir(d)) != NULL) {
        size_t nl = strlen(e->d_name);
        if (nl < 6 || strcmp(e->d_name + nl - 5, ".html") != 0)
            continue;
        if (c->n == cap) {
            cap = cap ? cap * 2 : 256;
            page *grown = realloc(c->pages, cap * sizeof *grown);
            if (!grown)
                abort();
            c->pages = grown;
        }
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path)
            continue;
        page *p = &c->pages[c->n];
        p->html = bench_read_file(path, &p->len);
        if (!p->html) {
            fprintf(stderr, "bench_parse: cannot read %s\n", path);
            continue;
        }
        p->name = strdup(e->d_name);
        c->bytes += p->len;
        c->n++;
    }
    closedir(d);
    qsort(c->pages, c->n, sizeof *c->pages, cmp_name);
    return c->n ? 0 : -1;
}

/* One pass of a contender over every page; returns seconds. */
typedef double (*pass_fn)(const corpus *c, size_t *sink);

static double
pass_floor(const corpus *c, size_t *sink)
{
    double t0 = bench_cpu_now();
    size_t count = 0;
    for (size_t i = 0; i < c->n; i++) {
        const unsigned char *p = c->pages[i].html, *end = p + c->pages[i].len;
        while ((p = memchr(p, '<', (size_t)(end - p))) != NULL) {
            count++;
            p++;
        }
    }
    *sink += count;
    return bench_cpu_now() - t0;
}

static const int xml_flags =
    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;

static double
pass_libxml2(const corpus *c, size_t *sink)
{
    double t0 = bench_cpu_now();
    for (size_t i = 0; i < c->n; i++) {
        htmlDocPtr doc = htmlReadMemory((const char *)c->pages[i].html, (int)c->pages[i].len, NULL,
                                        "UTF-8", xml_flags);
        *sink += doc != NULL;
        xmlFreeDoc(doc);
    }
    return bench_cpu_now() - t0;
}

/* One parse of page i (wn_doc_parse + free); returns seconds. */
static double
time_parse(const corpus *c, size_t i, size_t *sink)
{
    double t0 = bench_cpu_now();
    wn_doc *doc = NULL;
    if (wn_doc_parse(c->pages[i].html, c->pages[i].len, NULL, &doc, NULL) == WN_OK)
        *sink += 1;
    wn_doc_free(doc);
    return bench_cpu_now() - t0;
}

/* One extraction of page i (wn_extract + render text + free); seconds. */
static double
time_extract(const corpus *c, size_t i, size_t *sink)
{
    double t0 = bench_cpu_now();
    wn_result *r = NULL;
    if (wn_extract(c->pages[i].html, c->pages[i].len, NULL, &r, NULL) == WN_OK) {
        wn_str text;
        if (wn_result_render(r, WN_FORMAT_TEXT, &text, NULL) == WN_OK)
            *sink += text.len;
    }
    wn_result_free(r);
    return bench_cpu_now() - t0;
}

static double
pass_parse(const corpus *c, size_t *sink)
{
    double t = 0;
    for (size_t i = 0; i < c->n; i++)
        t += time_parse(c, i, sink);
    return t;
}

static double
pass_extract(const corpus *c, size_t *sink)
{
    double t = 0;
    for (size_t i = 0; i < c->n; i++)
        t += time_extract(c, i, sink);
    return t;
}

typedef struct timing {
    const char *name;
    const char *what;
    pass_fn fn;
    double best;
    double median;
} timing;

/* Runs the contenders in turns (a run of each, then the next round), so a
 * burst of load from other processes falls on all of them alike, not on
 * whichever was running then; best and median of each. */
static void
run_timings(const corpus *c, timing *t, size_t nt, int runs, size_t *sink)
{
    double *v = calloc((size_t)runs * nt, sizeof *v);
    if (!v)
        abort();
    for (size_t k = 0; k < nt; k++)
        t[k].fn(c, sink); /* warm caches and the allocator */
    for (int i = 0; i < runs; i++)
        for (size_t k = 0; k < nt; k++)
            v[k * (size_t)runs + (size_t)i] = t[k].fn(c, sink);
    for (size_t k = 0; k < nt; k++) {
        double *vk = v + k * (size_t)runs;
        t[k].median = bench_median(vk, (size_t)runs);
        t[k].best = vk[0]; /* sorted by bench_median */
    }
    free(v);
}

/* Extraction's cost against the parse's, paired page by page: each page is
 * parsed and extracted (parse included) one right after the other, each
 * with its own clock readings, so both halves of a pair run under the same
 * machine conditions. The order alternates from page to page, so the page
 * being warm in the cache from the first of the two favours neither. A
 * run's ratio is sum(extract - parse) / sum(parse) over the pages. (The
 * machine's speed drifts between runs, and the shorter parse passes catch
 * its fast spells more often, which biases best-of-runs ratios; within a
 * pair it does not drift.) */
static void
paired_ratio(const corpus *c, int runs, size_t *sink, double *median, double *lo, double *hi)
{
    double *ratio = calloc((size_t)runs, sizeof *ratio);
    if (!ratio)
        abort();
    for (int k = 0; k < runs; k++) {
        double tp = 0, te = 0;
        for (size_t i = 0; i < c->n; i++) {
            if ((i + (size_t)k) % 2 == 0) {
                tp += time_parse(c, i, sink);
                te += time_extract(c, i, sink);
            } else {
                te += time_extract(c, i, sink);
                tp += time_parse(c, i, sink);
            }
        }
        ratio[k] = tp > 0 ? (te - tp) / tp : 0;
    }
    *median = bench_median(ratio, (size_t)runs);
    *lo = ratio[0];
    *hi = ratio[runs - 1];
    free(ratio);
}

/* The extract pass, stage by stage (the calls of wn_extract and
 * wn_doc_extract made one at a time, the clock read between them). */
enum { ST_PARSE, ST_CLEAN, ST_META, ST_SCORE, ST_FINISH, ST_RENDER, ST_FREE, ST_COUNT };
static const char *const stage_names[ST_COUNT] = {
    "parse (wn_doc_parse)",          "clean (wn_clean)",
    "metadata (wn_metadata_extract)", "score and page type (wn_score)",
    "finish: language, words (wn_metadata_finish)", "render text",
    "free"};

static void
pass_stages(const corpus *c, double t[ST_COUNT], size_t *sink)
{
    for (int k = 0; k < ST_COUNT; k++)
        t[k] = 0;
    for (size_t i = 0; i < c->n; i++) {
        double at[ST_COUNT + 1];
        at[0] = bench_cpu_now();
        wn_doc *doc = NULL;
        wn_result *r = NULL;
        bool ok = wn_doc_parse(c->pages[i].html, c->pages[i].len, NULL, &doc, NULL) == WN_OK;
        at[1] = bench_cpu_now();
        if (ok) {
            r = wn_arena_calloc(&doc->arena, 1, sizeof *r);
            ok = r != NULL;
        }
        if (ok) {
            r->doc = doc;
            ok = wn_clean(doc) == WN_OK;
        }
        at[2] = bench_cpu_now();
        ok = ok && wn_metadata_extract(doc, &r->meta) == WN_OK;
        at[3] = bench_cpu_now();
        ok = ok && wn_score(doc, &r->meta, &r->content) == WN_OK;
        at[4] = bench_cpu_now();
        ok = ok && wn_metadata_finish(doc, &r->content, &r->meta) == WN_OK;
        at[5] = bench_cpu_now();
        wn_str text;
        if (ok && wn_result_render(r, WN_FORMAT_TEXT, &text, NULL) == WN_OK)
            *sink += text.len;
        at[6] = bench_cpu_now();
        if (r)
            wn_result_free(r); /* frees the document too */
        else
            wn_doc_free(doc);
        at[7] = bench_cpu_now();
        for (int k = 0; k < ST_COUNT; k++)
            t[k] += at[k + 1] - at[k];
    }
}

static void
print_stages(const corpus *c, int runs, size_t *sink)
{
    double best[ST_COUNT], t[ST_COUNT];
    for (int k = 0; k < ST_COUNT; k++)
        best[k] = 1e30;
    for (int run = 0; run < runs; run++) {
        pass_stages(c, t, sink);
        for (int k = 0; k < ST_COUNT; k++)
            if (t[k] < best[k])
                best[k] = t[k];
    }
    double extract = 0;
    for (int k = ST_CLEAN; k <= ST_RENDER; k++)
        extract += best[k];
    printf("\n## Extraction by stage (CPU ms per pass over the pages, best of %d passes)\n\n", runs);
    printf("| stage | ms | share of the parse |\n|---|---|---|\n");
    for (int k = 0; k < ST_COUNT; k++)
        printf("| %s | %.2f | %.2fx |\n", stage_names[k], best[k] * 1e3, best[k] / best[ST_PARSE]);
    printf("| clean to render | %.2f | %.2fx |\n", extract * 1e3, extract / best[ST_PARSE]);
    printf("\n(The clock is read eight times per page; the parse here runs between the other stages,"
           " not in a pass of its own.)\n");
}

/* Peak memory of winnow per page, as multiples of the page size. */
static void
winnow_memory(const corpus *c, double *parse_ratio, double *extract_ratio)
{
    bench_counter cnt;
    wn_allocator a = bench_counting_allocator(&cnt);
    wn_options o;
    memset(&o, 0, sizeof o);
    o.allocator = &a;
    for (size_t i = 0; i < c->n; i++) {
        double len = c->pages[i].len ? (double)c->pages[i].len : 1.0;
        memset(&cnt, 0, sizeof cnt);
        wn_doc *doc = NULL;
        wn_doc_parse(c->pages[i].html, c->pages[i].len, &o, &doc, NULL);
        wn_doc_free(doc);
        parse_ratio[i] = (double)cnt.peak / len;
        memset(&cnt, 0, sizeof cnt);
        wn_result *r = NULL;
        if (wn_extract(c->pages[i].html, c->pages[i].len, &o, &r, NULL) == WN_OK) {
            wn_str text;
            wn_result_render(r, WN_FORMAT_TEXT, &text, NULL);
        }
        wn_result_free(r);
        extract_ratio[i] = (double)cnt.peak / len;
    }
}

/* libxml2's allocation hooks are process-global and must be installed
 * before libxml2 allocates anything, so they count in a child process. */
static bench_counter xml_counter;

static void *
xml_malloc(size_t n)
{
    return bench_count_malloc(n, &xml_counter);
}

static void *
xml_realloc(void *p, size_t n)
{
    return bench_count_realloc(p, n, &xml_counter);
}

static void
xml_free(void *p)
{
    bench_count_free(p, &xml_counter);
}

static char *
xml_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = xml_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* Median and max of libxml2's peak/page ratio, via a pipe from a child. */
static int
libxml2_memory(const corpus *c, double *median, double *max)
{
    int fd[2];
    if (pipe(fd) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        close(fd[0]);
        xmlMemSetup(xml_free, xml_malloc, xml_realloc, xml_strdup);
        xmlInitParser();
        double *ratio = calloc(c->n, sizeof *ratio);
        double res[2] = {0, 0};
        for (size_t i = 0; ratio && i < c->n; i++) {
            size_t base = xml_counter.live;
            xml_counter.peak = base;
            htmlDocPtr doc = htmlReadMemory((const char *)c->pages[i].html, (int)c->pages[i].len,
                                            NULL, "UTF-8", xml_flags);
            xmlFreeDoc(doc);
            ratio[i] = (double)(xml_counter.peak - base) / (double)(c->pages[i].len ? c->pages[i].len : 1);
        }
        if (ratio) {
            res[0] = bench_median(ratio, c->n);
            res[1] = ratio[c->n - 1];
        }
        ssize_t w = write(fd[1], res, sizeof res);
        _exit(w == (ssize_t)sizeof res ? 0 : 1);
    }
    close(fd[1]);
    double res[2];
    ssize_t got = read(fd[0], res, sizeof res);
    close(fd[0]);
    int status;
    waitpid(pid, &status, 0);
    if (got != (ssize_t)sizeof res || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -1;
    *median = res[0];
    *max = res[1];
    return 0;
}

int
main(int argc, char **argv)
{
    int runs = 7;
    const char *dir = NULL;
    char dirbuf[4096];
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc)
            runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "-d") == 0 && i + 1 < argc)
            dir = argv[++i];
        else {
            fprintf(stderr, "usage: bench_parse [-n RUNS] [-d DIR]\n");
            return 2;
        }
    }
    if (runs < 1)
        runs = 1;
    if (!dir) {
        const char *shared = getenv("WN_SHARED");
        if (!shared) {
            fprintf(stderr, "bench_parse: WN_SHARED is not set; skipping (exit 77)\n");
            return 77;
        }
        snprintf(dirbuf, sizeof dirbuf, "%s/datasets/zyte/html", shared);
        dir = dirbuf;
    }
    corpus c;
    if (load_corpus(dir, &c) != 0) {
        fprintf(stderr, "bench_parse: no pages in %s; skipping (exit 77)\n", dir);
        return 77;
    }

    /* libxml2's memory first: the child must fork before libxml2 is used. */
    double xml_mem_med = 0, xml_mem_max = 0;
    int xml_mem_ok = libxml2_memory(&c, &xml_mem_med, &xml_mem_max) == 0;

    timing t[] = {
        {"floor", "memchr('<') over every byte", pass_floor, 0, 0},
        {"libxml2", "htmlReadMemory + xmlFreeDoc", pass_libxml2, 0, 0},
        {"winnow parse", "wn_doc_parse + wn_doc_free", pass_parse, 0, 0},
        {"winnow extract", "wn_extract + render text + free", pass_extract, 0, 0},
    };
    size_t nt = sizeof t / sizeof t[0];
    size_t sink = 0;
    xmlInitParser();
    run_timings(&c, t, nt, runs, &sink);

    double mb = (double)c.bytes / 1e6;
    printf("## Parser speed: %zu Zyte pages, %.1f MB, best and median of %d runs, one core, CPU time\n\n",
           c.n, mb, runs);
    printf("| contender | what is timed | best MB/s | median MB/s | pages/s (best) |\n");
    printf("|---|---|---|---|---|\n");
    for (size_t i = 0; i < nt; i++)
        printf("| %s | %s | %.1f | %.1f | %.0f |\n", t[i].name, t[i].what, mb / t[i].best,
               mb / t[i].median, (double)c.n / t[i].best);
    const timing *floor = &t[0], *xml = &t[1], *parse = &t[2], *ext = &t[3];
    printf("\n");
    printf("- winnow parse is %.2fx the speed of libxml2 (median runs: %.2fx)\n",
           xml->best / parse->best, xml->median / parse->median);
    printf("- winnow parse runs at %.1f%% of the memchr floor's speed\n",
           100.0 * floor->best / parse->best);
    printf("- extraction adds %.2fx the parse time (extract end-to-end = %.2fx parse)\n",
           (ext->best - parse->best) / parse->best, ext->best / parse->best);
    double pmid, plo, phi;
    paired_ratio(&c, runs, &sink, &pmid, &plo, &phi);
    printf("- paired page by page (parse and extract in turn, %d runs): extraction adds %.2fx the parse "
           "time (median; runs %.2fx-%.2fx)\n",
           runs, pmid, plo, phi);
    printf("- winnow end-to-end extraction is %.2fx the speed of libxml2's parse alone\n",
           xml->best / ext->best);

    print_stages(&c, runs, &sink);

    double *pr = calloc(c.n, sizeof *pr), *er = calloc(c.n, sizeof *er);
    if (!pr || !er)
        abort();
    winnow_memory(&c, pr, er);
    double pmed = bench_median(pr, c.n), pmax = pr[c.n - 1];
    double emed = bench_median(er, c.n), emax = er[c.n - 1];
    printf("\n## Peak memory per page (peak bytes allocated / page bytes)\n\n");
    printf("| contender | median | max |\n|---|---|---|\n");
    printf("| winnow parse | %.1fx | %.1fx |\n", pmed, pmax);
    printf("| winnow extract + render | %.1fx | %.1fx |\n", emed, emax);
    if (xml_mem_ok)
        printf("| libxml2 parse | %.1fx | %.1fx |\n", xml_mem_med, xml_mem_max);
    else
        printf("| libxml2 parse | (not measured) | |\n");
    fprintf(stderr, "(checksum %zu)\n", sink);

    free(pr);
    free(er);
    for (size_t i = 0; i < c.n; i++) {
        free(c.pages[i].html);
        free(c.pages[i].name);
    }
    free(c.pages);
    xmlCleanupParser();
    return 0;
}
