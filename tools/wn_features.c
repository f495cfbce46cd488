/* wn_features.c - dump the page-type features of HTML files as TSV, for
 * tools/train_classifier.py. Usage: wn-features FILE... (gzip read as is).
 * Output: one line per file: name, then the features in model order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "score/classify.h"

static char *
slurp(const char *path, size_t *len)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, n = 0;
    char *b = malloc(cap);
    int r;
    while (b && (r = gzread(f, b + n, (unsigned)(cap - n))) > 0) {
        n += (size_t)r;
        if (n == cap) {
            char *nb = realloc(b, cap *= 2);
            if (!nb) {
                free(b);
                b = NULL;
            }
            b = nb;
        }
    }
    gzclose(f);
    *len = n;
    return b;
}

int
main(int argc, char **argv)
{
    printf("name");
    for (int i = 0; i < WN_FEAT__COUNT; i++)
        printf("\t%s", wn_page_feature_names[i]);
    printf("\tpredicted\n");
    for (int a = 1; a < argc; a++) {
        size_t len;
        char *html = slurp(argv[a], &len);
        if (!html) {
            fprintf(stderr, "wn-features: %s: cannot read\n", argv[a]);
            continue;
        }
        wn_doc *doc;
        wn_error err;
        if (wn_doc_parse(html, len, NULL, &doc, &err) != WN_OK) {
            fprintf(stderr, "wn-features: %s: %s\n", argv[a], err.message);
            free(html);
            continue;
        }
        double f[WN_FEAT__COUNT];
        wn_page_features(doc, NULL, 0, f);
        const char *base = strrchr(argv[a], '/');
        base = base ? base + 1 : argv[a];
        printf("%.*s", (int)strcspn(base, "."), base);
        for (int i = 0; i < WN_FEAT__COUNT; i++)
            printf("\t%g", f[i]);
        printf("\t%s\n", wn_page_type_name(wn_classify_features(f)));
        wn_doc_free(doc);
        free(html);
    }
    return 0;
}
