/* bench_sizes.c - does winnow stay linear on hostile input?
 *
 *   bench_sizes [-q] [-t SECONDS]
 *
 * Generates pathological documents at growing sizes (deep <div> nesting,
 * huge attribute lists, one enormous text node, runs of <br>, dense
 * character references, an unclosed comment and script, unclosed and
 * misnested formatting elements), parses each (wn_doc_parse) and extracts
 * each (wn_extract + text), and prints a Markdown table: input size, time,
 * MB/s (CPU time of the child, as the machine is shared), peak memory
 * (counting allocator), and per case the ratio of time per
 * byte at the largest size to that at the smallest: ~1 means linear, 10 at a
 * 100x size step means quadratic.
 *
 * Each measurement runs in a child process with an alarm (-t, default 60 s),
 * so a hang or crash shows up in the table instead of stopping the run. A
 * size whose projected time (from the growth seen so far) exceeds the alarm
 * is skipped and marked. -q uses smaller sizes (a quick check).
 */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_common.h"
#include "winnow.h"

/* A growable byte string for building inputs. */
typedef struct gen {
    char *p;
    size_t len, cap;
} gen;

static void
gen_put(gen *g, const char *s, size_t n)
{
    if (g->len + n + 1 > g->cap) {
        size_t cap = g->cap ? g->cap : 4096;
        while (g->len + n + 1 > cap)
            cap *= 2;
        char *q = realloc(g->p, cap);
        if (!q) {
            fprintf(stderr, "bench_sizes: out of memory generating input\n");
            exit(1);
        }
        g->p = q;
        g->cap = cap;
    }
    memcpy(g->p + g->len, s, n);
    g->len += n;
    g->p[g->len] = '\0';
}

static void
gen_str(gen *g, const char *s)
{
    gen_put(g, s, strlen(s));
}

static void
gen_repeat(gen *g, const char *s, size_t times)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < times; i++)
        gen_put(g, s, n);
}

/* Generators: n is the case's size parameter. */
static void
make_nesting(gen *g, size_t n)
{
    gen_str(g, "<!DOCTYPE html><html><body>");
    gen_repeat(g, "<div>", n);
    gen_str(g, "deep text");
}

static void
make_attrs(gen *g, size_t n)
{
    gen_str(g, "<!DOCTYPE html><body><p");
    char buf[40];
    for (size_t i = 0; i < n; i++) {
        int k = snprintf(buf, sizeof buf, " a%zu=\"v\"", i);
        gen_put(g, buf, (size_t)k);
    }
    gen_str(g, ">text</p>");
}

static void
make_dup_attrs(gen *g, size_t n)
{
    gen_str(g, "<!DOCTYPE html><body><p");
    gen_repeat(g, " class=\"x\"", n);
    gen_str(g, ">text</p>");
}

static void
make_text(gen *g, size_t mb)
{
    gen_str(g, "<!DOCTYPE html><body><p>");
    static const char words[] = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ";
    gen_repeat(g, words, mb * 1000000 / (sizeof words - 1));
    gen_str(g, "</p>");
}

static void
make_br(gen *g, size_t n)
{
    gen_str(g, "<!DOCTYPE html><body><p>start");
    gen_repeat(g, "<br>", n);
    gen_str(g, "end</p>");
}

static void
make_entities(gen *g, size_t n)
{
    gen_str(g, "<!DOCTYPE html><body><p>");
    static const char *const refs[] = {"&amp;", "&eacute;", "&#169;", "&#x2014;", "&notin",
                                       "&lt;"};
    for (size_t i = 0; i < n; i++)
        gen_str(g, refs[i % 6]);
    gen_str(g, "</p>");
}

static void
make_comment(gen *g, size_t mb)
{
    gen_str(g, "<!DOCTYPE html><body><p>before</p><!-- ");
    gen_repeat(g, "never closed - -> <p>x</p> ", mb * 1000000 / 27);
}

static void
make_script(gen *g, size_t mb)
{
    gen_str(g, "<!DOCTYPE html><body><p>before</p><script>");
    gen_repeat(g, "if (a < b) { x = '</scr' + 'ipt>'; } <!-- ", mb * 1000000 / 42);
}

static void
make_formatting(gen *g, size_t n)
{
    gen_str(g, "<!DOCTYPE html><body>");
    gen_repeat(g, "<b><i><a href=x>t", n);
}

static void
make_misnested(gen *g, size_t n)
{
    gen_str(g, "<!DOCTYPE html><body>");
    gen_repeat(g, "<b><p>text</b></p>", n);
}

static void
make_tables(gen *g, size_t n)
{
    gen_str(g, "<!DOCTYPE html><body>");
    gen_repeat(g, "<table><tr><td>cell", n);
}

/* An ordinary news page of about `kb` kilobytes: header navigation, an
 * article of paragraphs with links and emphasis, a figure, a related-links
 * sidebar and a footer; the article grows with the size, the chrome stays.
 * Real pages run from 10 KB to a few MB: cost per byte should stay flat. */
static void
make_page(gen *g, size_t kb)
{
    gen_str(g, "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>A headline"
               " | The Courier</title><meta property=\"og:title\" content=\"A headline\">"
               "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":"
               "\"A headline\",\"datePublished\":\"2024-03-01T10:00:00Z\",\"author\":"
               "{\"@type\":\"Person\",\"name\":\"Ana Field\"}}</script></head><body>"
               "<header><nav class=\"menu\"><ul><li><a href=\"/\">Home</a></li>"
               "<li><a href=\"/world\">World</a></li><li><a href=\"/sport\">Sport</a></li>"
               "</ul></nav></header><main><article><h1>A headline</h1>"
               "<p class=\"byline\">By Ana Field</p><figure><img src=\"/a.jpg\" alt=\"x\">"
               "<figcaption>A caption.</figcaption></figure>");
    static const char para[] =
        "<p>The council met on <em>Tuesday</em> to discuss the plan, which would "
        "change how the <a href=\"/city/roads\">roads</a> are kept, and heard from "
        "residents who said the work had taken too long; a vote is due next month.</p>\n";
    size_t chrome = 1500;
    size_t want = kb * 1000 > chrome ? kb * 1000 - chrome : 0;
    gen_repeat(g, para, want / (sizeof para - 1) + 1);
    gen_str(g, "</article><aside class=\"related\"><h2>Related</h2><ul>"
               "<li><a href=\"/a\">Another story</a></li><li><a href=\"/b\">More news</a></li>"
               "</ul></aside></main><footer><p>&copy; The Courier</p></footer></body></html>");
}

typedef struct bcase {
    const char *name;
    const char *unit;
    void (*make)(gen *g, size_t n);
    size_t sizes[5];
    size_t quick[5];
} bcase;

static const bcase cases[] = {
    {"news page", "KB", make_page, {10, 100, 1000, 10000, 0}, {10, 100, 1000, 0}},
    {"nested <div>", "elements", make_nesting, {10000, 100000, 1000000, 0}, {1000, 10000, 100000, 0}},
    {"attributes on one element", "attributes", make_attrs, {10000, 100000, 1000000, 0},
     {1000, 10000, 100000, 0}},
    {"duplicate attributes", "attributes", make_dup_attrs, {10000, 100000, 1000000, 0},
     {1000, 10000, 100000, 0}},
    {"one text node", "MB", make_text, {1, 10, 50, 0}, {1, 5, 10, 0}},
    {"consecutive <br>", "tags", make_br, {4500, 45000, 450000, 0}, {450, 4500, 45000, 0}},
    {"character references", "refs", make_entities, {10000, 100000, 1000000, 0},
     {1000, 10000, 100000, 0}},
    {"unclosed comment", "MB", make_comment, {1, 10, 50, 0}, {1, 5, 10, 0}},
    {"unclosed script", "MB", make_script, {1, 10, 50, 0}, {1, 5, 10, 0}},
    {"unclosed <b><i><a>", "repeats", make_formatting, {1000, 10000, 100000, 0},
     {100, 1000, 10000, 0}},
    {"misnested <b><p>", "repeats", make_misnested, {1000, 10000, 100000, 0},
     {100, 1000, 10000, 0}},
    {"unclosed <table>", "repeats", make_tables, {1000, 10000, 100000, 0}, {100, 1000, 10000, 0}},
};

typedef struct measure {
    double parse_s, extract_s;
    size_t parse_peak, extract_peak;
    int parse_status, extract_status;
} measure;

/* Parse and extract in a child under an alarm. Returns 0 and fills m, or
 * -1 timeout, -2 crash. */
static int
measure_child(const gen *g, unsigned timeout, measure *m)
{
    int fd[2];
    if (pipe(fd) != 0)
        return -2;
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        return -2;
    if (pid == 0) {
        close(fd[0]);
        alarm(timeout);
        bench_counter cnt = {0, 0};
        wn_allocator a = bench_counting_allocator(&cnt);
        wn_options o;
        memset(&o, 0, sizeof o);
        o.allocator = &a;
        measure r;
        memset(&r, 0, sizeof r);
        /* small inputs run repeatedly (at least MIN_SECONDS of CPU) so the
         * clock's resolution does not decide their time per byte */
        const double MIN_SECONDS = 0.05;
        int runs = 0;
        double t0 = bench_cpu_now(), spent;
        do {
            wn_doc *doc = NULL;
            r.parse_status = wn_doc_parse(g->p, g->len, &o, &doc, NULL);
            wn_doc_free(doc);
            runs++;
            spent = bench_cpu_now() - t0;
        } while (spent < MIN_SECONDS);
        r.parse_s = spent / runs;
        r.parse_peak = cnt.peak;
        cnt.live = cnt.peak = 0;
        runs = 0;
        t0 = bench_cpu_now();
        do {
            wn_result *res = NULL;
            r.extract_status = wn_extract(g->p, g->len, &o, &res, NULL);
            if (r.extract_status == WN_OK) {
                wn_str text;
                r.extract_status = wn_result_render(res, WN_FORMAT_TEXT, &text, NULL);
            }
            wn_result_free(res);
            runs++;
            spent = bench_cpu_now() - t0;
        } while (spent < MIN_SECONDS);
        r.extract_s = spent / runs;
        r.extract_peak = cnt.peak;
        ssize_t w = write(fd[1], &r, sizeof r);
        _exit(w == (ssize_t)sizeof r ? 0 : 1);
    }
    close(fd[1]);
    ssize_t got = read(fd[0], m, sizeof *m);
    close(fd[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM)
        return -1;
    if (got != (ssize_t)sizeof *m || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return -2;
    return 0;
}

static const char *
status_note(int st)
{
    return st == WN_OK ? "" : wn_status_str((wn_status)st);
}

int
main(int argc, char **argv)
{
    int quick = 0;
    unsigned timeout = 60;
    const char *only = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-q") == 0)
            quick = 1;
        else if (strcmp(argv[i], "-t") == 0 && i + 1 < argc)
            timeout = (unsigned)atoi(argv[++i]);
        else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
            only = argv[++i];
        else {
            fprintf(stderr, "usage: bench_sizes [-q] [-t SECONDS] [-c CASE-NAME-PREFIX]\n");
            return 2;
        }
    }
    printf("## Pathological inputs: time and memory against size (one core)\n\n");
    printf("Times are CPU time per run (inputs that take under 50 ms run repeatedly). Parse = wn_doc_parse + wn_doc_free; extract = wn_extract + render text + free. "
           "Peak = most bytes allocated at once (counting allocator). "
           "Linearity = time per byte at the largest size / at the smallest (1 = linear).\n\n");
    printf("| input | n | size MB | parse ms | parse MB/s | parse peak MB | extract ms | "
           "extract MB/s | extract peak MB | note |\n");
    printf("|---|---|---|---|---|---|---|---|---|---|\n");
    double worst_parse = 0, worst_extract = 0;
    const char *worst_parse_case = "", *worst_extract_case = "";
    char summary[sizeof cases / sizeof cases[0]][200];
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const bcase *bc = &cases[c];
        summary[c][0] = '\0';
        if (only && strncmp(bc->name, only, strlen(only)) != 0)
            continue;
        const size_t *sizes = quick ? bc->quick : bc->sizes;
        double first_pb = 0, last_pb = 0, first_eb = 0, last_eb = 0;
        double prev_t = 0, prev2_t = 0;
        size_t prev_n = 0, prev2_n = 0;
        int measured = 0;
        for (int s = 0; s < 5 && sizes[s]; s++) {
            size_t n = sizes[s];
            if (prev_n) { /* project from the growth seen so far */
                double k = 1.0;
                if (prev2_n && prev2_t > 1e-4)
                    k = log(prev_t / prev2_t) / log((double)prev_n / (double)prev2_n);
                if (k < 1.0)
                    k = 1.0;
                double projected = prev_t * pow((double)n / (double)prev_n, k);
                if (projected > timeout) {
                    printf("| %s | %zu %s | | | | | | | | skipped: projected %.0f s |\n", bc->name,
                           n, bc->unit, projected);
                    continue;
                }
            }
            gen g = {NULL, 0, 0};
            bc->make(&g, n);
            measure m;
            int rc = measure_child(&g, timeout, &m);
            double mb = (double)g.len / 1e6;
            if (rc != 0) {
                printf("| %s | %zu %s | %.2f | | | | | | | %s |\n", bc->name, n, bc->unit, mb,
                       rc == -1 ? "TIMEOUT" : "CRASHED");
                free(g.p);
                break;
            }
            char note[120];
            snprintf(note, sizeof note, "%s%s%s", status_note(m.parse_status),
                     m.parse_status && m.extract_status ? "; " : "",
                     m.extract_status ? (m.extract_status == WN_ERR_EMPTY
                                             ? "extract: no content"
                                             : wn_status_str((wn_status)m.extract_status))
                                      : "");
            printf("| %s | %zu %s | %.2f | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %s |\n",
                   bc->name, n, bc->unit, mb, m.parse_s * 1e3, mb / m.parse_s,
                   (double)m.parse_peak / 1e6, m.extract_s * 1e3, mb / m.extract_s,
                   (double)m.extract_peak / 1e6, note);
            double pb = m.parse_s / (double)g.len, eb = m.extract_s / (double)g.len;
            if (!measured) {
                first_pb = pb;
                first_eb = eb;
            }
            last_pb = pb;
            last_eb = eb;
            measured++;
            prev2_n = prev_n;
            prev2_t = prev_t;
            prev_n = n;
            prev_t = m.parse_s > m.extract_s ? m.parse_s : m.extract_s;
            free(g.p);
        }
        if (measured >= 2) {
            double lp = last_pb / first_pb, le = last_eb / first_eb;
            snprintf(summary[c], sizeof summary[c], "| %s | %.2f | %.2f |", bc->name, lp, le);
            if (lp > worst_parse) {
                worst_parse = lp;
                worst_parse_case = bc->name;
            }
            if (le > worst_extract) {
                worst_extract = le;
                worst_extract_case = bc->name;
            }
        } else {
            snprintf(summary[c], sizeof summary[c], "| %s | – | – |", bc->name);
        }
    }
    printf("\n### Linearity (time per byte, largest size / smallest size)\n\n");
    printf("| input | parse | extract |\n|---|---|---|\n");
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++)
        if (summary[c][0])
            printf("%s\n", summary[c]);
    printf("\nWorst: parse %.2f (%s), extract %.2f (%s). Small sizes are dominated by fixed "
           "costs, so ratios well below 1 are normal; above ~3 at a 100x size step is "
           "superlinear.\n",
           worst_parse, worst_parse_case, worst_extract, worst_extract_case);
    return 0;
}
