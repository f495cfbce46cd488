/* test_html5lib_tree.c - the html5lib tree-construction suite.
 *
 * Runs every case of $WN_SHARED/html5lib-tests/tree-construction/ *.dat files
 * through wn_tree_parse (or wn_tree_parse_fragment for
 * "#document-fragment" cases), serializes the DOM in the suite's format
 * and compares. Cases marked "#script-on" are skipped (winnow parses with
 * scripting off). Prints per-file counts, the total, and the files with
 * failures; fails below 90%. WN_TREE_VERBOSE=1 prints each failing case,
 * WN_TREE_FILE=name limits the run to one file, WN_TREE_SCRIPT_ON=1 also
 * runs the "#script-on" cases (with the scripting flag set).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "parse/tree.h"
#include "tree_dump.h"

typedef struct tcase {
    const char *data;
    size_t data_len;
    const char *frag; /* context line or NULL */
    size_t frag_len;
    const char *expect;
    size_t expect_len;
    int script; /* -1 off, 0 unspecified, 1 on */
} tcase;

static const char *
find_line(const char *s, const char *end, const char *line)
{
    size_t n = strlen(line);
    for (const char *q = s; q + n <= end; q++) {
        if ((q == s || q[-1] == '\n') && memcmp(q, line, n) == 0 &&
            (q + n == end || q[n] == '\n'))
            return q;
    }
    return NULL;
}

/* Parse one case from [s, end). */
static void
parse_case(const char *s, const char *end, tcase *c)
{
    memset(c, 0, sizeof *c);
    const char *d = s + strlen("#data\n");
    const char *e = find_line(d, end, "#errors");
    if (!e)
        e = end;
    c->data = d;
    c->data_len = e > d ? (size_t)(e - d) - 1 : 0; /* drop the final newline */
    const char *f = find_line(e, end, "#document-fragment");
    if (f) {
        f += strlen("#document-fragment\n");
        const char *nl = memchr(f, '\n', (size_t)(end - f));
        c->frag = f;
        c->frag_len = nl ? (size_t)(nl - f) : (size_t)(end - f);
    }
    if (find_line(e, end, "#script-on"))
        c->script = 1;
    else if (find_line(e, end, "#script-off"))
        c->script = -1;
    const char *doc = find_line(e, end, "#document");
    if (doc) {
        doc += strlen("#document\n");
        const char *x = end;
        while (x > doc && x[-1] == '\n')
            x--;
        c->expect = doc;
        c->expect_len = (size_t)(x - doc);
    }
}

static bool
run_case(const tcase *c, char **got_out)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_parse_opts o = {0, 0, c->script == 1, 0}; /* as the spec says: not lenient */
    wn_dom *dom = NULL;
    /* the tokenizer reads input[0..len); copy so no slice runs past it */
    char *input = malloc(c->data_len + 1);
    memcpy(input, c->data, c->data_len);
    input[c->data_len] = '\0';
    wn_status st;
    if (c->frag) {
        char ctx[64];
        size_t n = c->frag_len < sizeof ctx - 1 ? c->frag_len : sizeof ctx - 1;
        memcpy(ctx, c->frag, n);
        ctx[n] = '\0';
        wn_ns ns = WN_NS_HTML;
        const char *name = ctx;
        if (strncmp(ctx, "svg ", 4) == 0) {
            ns = WN_NS_SVG;
            name = ctx + 4;
        } else if (strncmp(ctx, "math ", 5) == 0) {
            ns = WN_NS_MATHML;
            name = ctx + 5;
        }
        st = wn_tree_parse_fragment(&a, input, c->data_len, name, ns, &o, &dom);
    } else {
        st = wn_tree_parse(&a, input, c->data_len, &o, &dom);
    }
    bool ok = false;
    if (st == WN_OK && dom) {
        wn_buf b;
        wn_buf_init(&b, NULL, 0);
        tree_dump(&b, dom->root);
        size_t len = b.len;
        while (len && b.ptr[len - 1] == '\n')
            len--;
        ok = len == c->expect_len && memcmp(b.ptr, c->expect, len) == 0;
        if (!ok && got_out) {
            *got_out = malloc(len + 1);
            memcpy(*got_out, b.ptr ? b.ptr : "", len);
            (*got_out)[len] = '\0';
        }
        wn_buf_free(&b);
    }
    free(input);
    wn_arena_free_all(&a);
    return ok;
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(void)
{
    const char *shared = getenv("WN_SHARED");
    if (!shared)
        return harness_skip("WN_SHARED not set: html5lib tree-construction tests not run");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/html5lib-tests/tree-construction", shared);
    DIR *dh = opendir(dir);
    if (!dh) {
        char msg[4200];
        snprintf(msg, sizeof msg, "%s missing: html5lib tree-construction tests not run", dir);
        return harness_skip(msg);
    }
    char *names[256];
    size_t n_names = 0;
    struct dirent *de;
    while ((de = readdir(dh)) && n_names < 256) {
        size_t l = strlen(de->d_name);
        if (l > 4 && strcmp(de->d_name + l - 4, ".dat") == 0)
            names[n_names++] = strdup(de->d_name);
    }
    closedir(dh);
    qsort(names, n_names, sizeof *names, cmp_str);
    const char *only = getenv("WN_TREE_FILE");
    bool verbose = getenv("WN_TREE_VERBOSE") != NULL;
    bool script_on = getenv("WN_TREE_SCRIPT_ON") != NULL;
    size_t total = 0, passed = 0, skipped = 0;
    char failing[8192] = "";
    for (size_t i = 0; i < n_names; i++) {
        if (only && !strstr(names[i], only))
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t len;
        char *text = harness_read_file(path, &len);
        if (!text)
            continue;
        const char *end = text + len;
        size_t f_total = 0, f_pass = 0, f_skip = 0;
        const char *s = find_line(text, end, "#data");
        while (s) {
            const char *next = find_line(s + 1, end, "#data");
            /* a "#data" line inside a case's data is preceded by data, not
             * by a blank line: cases are separated by an empty line */
            while (next && !(next - 2 >= text && next[-2] == '\n'))
                next = find_line(next + 1, end, "#data");
            const char *cend = next ? next : end;
            tcase c;
            parse_case(s, cend, &c);
            s = next;
            if (c.script == 1 && !script_on) {
                f_skip++;
                continue;
            }
            f_total++;
            char *got = NULL;
            if (run_case(&c, verbose ? &got : NULL)) {
                f_pass++;
            } else if (verbose) {
                printf("FAIL %s\n--- data\n%.*s\n--- context %.*s\n--- expected\n%.*s\n--- got\n%s\n\n",
                       names[i], (int)c.data_len, c.data, (int)c.frag_len,
                       c.frag ? c.frag : "", (int)c.expect_len, c.expect, got ? got : "(error)");
            }
            free(got);
        }
        printf("%-50s %4zu/%-4zu%s\n", names[i], f_pass, f_total,
               f_skip ? " (script-on skipped)" : "");
        if (f_pass != f_total && strlen(failing) + strlen(names[i]) + 2 < sizeof failing) {
            strcat(failing, " ");
            strcat(failing, names[i]);
        }
        total += f_total;
        passed += f_pass;
        skipped += f_skip;
        free(text);
    }
    for (size_t i = 0; i < n_names; i++)
        free(names[i]);
    double pct = total ? 100.0 * (double)passed / (double)total : 0;
    printf("tree-construction: %zu/%zu passed (%.1f%%), %zu #script-on cases skipped\n", passed,
           total, pct, skipped);
    if (failing[0])
        printf("files with failures:%s\n", failing);
    (void)harness_current;
    return pct >= 90.0 ? 0 : 1;
}
