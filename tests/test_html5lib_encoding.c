/* test_html5lib_encoding.c - the prescan against html5lib-tests/encoding.
 *
 * Each case is "#data" (a page's first bytes) then "#encoding" (what a
 * browser picks with no transport charset). Two answers are counted:
 *   - the strict prescan: a BOM, else wn_prescan_encoding over the first
 *     1024 bytes, else windows-1252. Cases whose meta sits past byte 1024
 *     (a browser finds it while parsing and reloads) fail here by design;
 *   - wn_sniff_encoding without the detector, which is what wn_decode
 *     decides for these pages (it also scans a larger window). This one
 *     must pass every case.
 * Reads $WN_SHARED/html5lib-tests/encoding/ and is skipped without it.
 */
#include "decode/decode.h"
#include "harness.h"

#include <strings.h>

static const char *const files[] = {"tests1.dat", "tests2.dat", "test-yahoo-jp.dat"};

/* Run the cases of one .dat file; count them into *total / *passed. */
static const char *
strict_prescan(const char *data, size_t n)
{
    if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        return "UTF-8";
    const char *got = wn_prescan_encoding(data, n);
    return got ? got : "windows-1252";
}

static void
run_file(const char *path, int *total, int *passed, int *strict_passed)
{
    size_t len;
    char *text = harness_read_file(path, &len);
    if (!text) {
        fprintf(stderr, "cannot read %s\n", path);
        harness_failures++;
        return;
    }
    const char *end = text + len;
    const char *p = text;
    int file_total = 0, file_passed = 0;
    while (p < end) {
        /* "#data\n" starts a case; the data runs to "\n#encoding\n". */
        const char *data = strstr(p, "#data\n");
        if (!data)
            break;
        data += 6;
        const char *enc_tag = strstr(data, "\n#encoding\n");
        if (!enc_tag)
            break;
        const char *name = enc_tag + 11;
        const char *name_end = name;
        while (name_end < end && *name_end != '\n')
            name_end++;
        char expected[64];
        snprintf(expected, sizeof expected, "%.*s", (int)(name_end - name), name);
        size_t n = (size_t)(enc_tag - data);
        const char *got = wn_sniff_encoding(data, n, NULL, 0, NULL);
        file_total++;
        if (strcasecmp(strict_prescan(data, n), expected) == 0)
            (*strict_passed)++;
        if (strcasecmp(got, expected) == 0) {
            file_passed++;
        } else {
            fprintf(stderr, "%s case %d: got %s, expected %s; data: %.*s\n", path, file_total, got,
                    expected, (int)(enc_tag - data > 120 ? 120 : enc_tag - data), data);
        }
        p = name_end;
    }
    printf("%s: %d/%d passed\n", path, file_passed, file_total);
    *total += file_total;
    *passed += file_passed;
    free(text);
}

int
main(void)
{
    const char *shared = getenv("WN_SHARED");
    if (!shared || !*shared)
        return harness_skip("WN_SHARED is not set (html5lib-tests/encoding needed)");
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/html5lib-tests/encoding", shared);
    char probe[1100];
    snprintf(probe, sizeof probe, "%s/tests1.dat", dir);
    FILE *f = fopen(probe, "rb");
    if (!f)
        return harness_skip("html5lib-tests/encoding not found under $WN_SHARED");
    fclose(f);
    harness_current = "html5lib_encoding";
    harness_tests = 1;
    int total = 0, passed = 0, strict_passed = 0;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[1100];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        run_file(path, &total, &passed, &strict_passed);
    }
    printf("html5lib encoding: strict 1024-byte prescan %d/%d, wn_sniff_encoding %d/%d\n",
           strict_passed, total, passed, total);
    harness_checks += total;
    harness_failures += total - passed;
    CHECK(total > 0);
    return harness_done();
}
