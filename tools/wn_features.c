/* wn_features.c - dump the page-type features of HTML files as TSV, for
 * tools/train_classifier.py. Usage: wn-features FILE... (gzip read as is).
 * Output: one line per file: name, then the features in model order.
 * The page goes through the stages extraction runs before it classifies
 * (clean, metadata), and the URL is the one wn_classify_page reads, so the
 * features are those the model sees at run time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/input.h"
#include "pipeline.h"
#include "score/classify.h"

/* The page at path (gzip inflated), via the library's own reader. */
static char *
slurp(const char *path, size_t *len)
{
    char *out = NULL;
    return wn_input_read_file(path, (size_t)1 << 28, &out, len, NULL) == WN_OK ? out : NULL;
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
        wn_metadata meta;
        memset(&meta, 0, sizeof meta);
        if (wn_clean(doc) != WN_OK || wn_metadata_extract(doc, &meta) != WN_OK) {
            fprintf(stderr, "wn-features: %s: clean or metadata failed\n", argv[a]);
            wn_doc_free(doc);
            free(html);
            continue;
        }
        double f[WN_FEAT__COUNT];
        wn_page_features(doc, meta.url.ptr, meta.url.ptr ? meta.url.len : 0, f);
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
