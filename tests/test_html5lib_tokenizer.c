/* test_html5lib_tokenizer.c - html5lib-tests tokenizer conformance runner.
 *
 * Runs every test of the $WN_SHARED/html5lib-tests/tokenizer .test files
 * in each of its initialStates, with its lastStartTag, and compares the
 * token stream: adjacent Character tokens merged on both
 * sides, DOCTYPE name/public/system/correctness, StartTag name/attributes
 * (as a set)/self-closing, EndTag name, Comment and Character data. The
 * "errors" lists are not compared (the tokenizer only counts errors).
 *
 * A test passes when all its initial states pass. Tests whose input or
 * output holds a lone surrogate (doubleEscaped "\uD800") cannot be UTF-8,
 * so they are "not applicable", as are xmlViolation's XML-coercion tests:
 * reported separately and counted as not passed. Exit status 1 when fewer
 * than 99% of the tests pass; set WN_VERBOSE=1 to print every failure (the
 * first 20 are printed anyway).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "json_reader.h"
#include "parse/tokenizer.h"
#include "util/buf.h"

typedef struct kv {
    const char *k, *v;
    size_t kn, vn;
} kv;

static int
kv_cmp(const void *a, const void *b)
{
    const kv *x = a, *y = b;
    size_t n = x->kn < y->kn ? x->kn : y->kn;
    int c = memcmp(x->k, y->k, n);
    return c ? c : (x->kn > y->kn) - (x->kn < y->kn);
}

static void
put_str(wn_buf *b, const char *s, size_t n)
{
    wn_buf_printf(b, "%zu:", n);
    wn_buf_append(b, s, n);
    wn_buf_putc(b, ' ');
}

static void
put_opt(wn_buf *b, const char *s, size_t n)
{
    if (s)
        put_str(b, s, n);
    else
        wn_buf_puts(b, "null ");
}

static void
put_attrs(wn_buf *b, kv *a, size_t n)
{
    qsort(a, n, sizeof *a, kv_cmp);
    wn_buf_printf(b, "{%zu ", n);
    for (size_t i = 0; i < n; i++) {
        put_str(b, a[i].k, a[i].kn);
        put_str(b, a[i].v, a[i].vn);
    }
    wn_buf_puts(b, "} ");
}

static void
flush_chars(wn_buf *out, wn_buf *chars)
{
    if (chars->len) {
        wn_buf_puts(out, "Character ");
        put_str(out, chars->ptr, chars->len);
        wn_buf_putc(out, '\n');
        chars->len = 0;
    }
}

/* Serialise what our tokenizer produces. */
static void
run_tokenizer(const char *in, size_t len, wn_tok_state state, const char *last, wn_buf *out)
{
    wn_arena arena;
    wn_arena_init(&arena, NULL, 0);
    wn_buf chars;
    wn_buf_init(&chars, NULL, 0);
    wn_tokenizer *t = wn_tokenizer_new(&arena, in, len, 0);
    wn_tokenizer_set_state(t, state);
    if (last)
        wn_tokenizer_set_last_start_tag(t, last, strlen(last));
    size_t guard = 4 * len + 16;
    for (;;) {
        wn_token k;
        if (!wn_tokenizer_next(t, &k)) {
            wn_buf_puts(out, "OOM\n");
            break;
        }
        if (guard-- == 0) {
            wn_buf_puts(out, "RUNAWAY\n");
            break;
        }
        if (k.type == WN_TOK_CHARACTER) {
            if (k.len == 0)
                wn_buf_puts(out, "EMPTY-CHARACTER-TOKEN\n");
            wn_buf_append(&chars, k.data, k.len);
            continue;
        }
        flush_chars(out, &chars);
        if (k.type == WN_TOK_EOF)
            break;
        switch (k.type) {
        case WN_TOK_DOCTYPE:
            wn_buf_puts(out, "DOCTYPE ");
            put_opt(out, k.name, k.name_len);
            put_opt(out, k.public_id, k.public_len);
            put_opt(out, k.system_id, k.system_len);
            wn_buf_puts(out, k.force_quirks ? "false" : "true");
            break;
        case WN_TOK_START_TAG: {
            wn_buf_puts(out, "StartTag ");
            put_str(out, k.name, k.name_len);
            kv *a = calloc(k.n_attrs + 1, sizeof *a);
            for (uint32_t i = 0; i < k.n_attrs; i++)
                a[i] = (kv){k.attrs[i].name, k.attrs[i].value, k.attrs[i].name_len,
                            k.attrs[i].value_len};
            put_attrs(out, a, k.n_attrs);
            free(a);
            wn_buf_puts(out, k.self_closing ? "true" : "false");
            break;
        }
        case WN_TOK_END_TAG:
            wn_buf_puts(out, "EndTag ");
            put_str(out, k.name, k.name_len);
            break;
        case WN_TOK_COMMENT:
            wn_buf_puts(out, "Comment ");
            put_str(out, k.data, k.len);
            break;
        default:
            wn_buf_puts(out, "?");
            break;
        }
        wn_buf_putc(out, '\n');
    }
    wn_buf_free(&chars);
    wn_arena_free_all(&arena);
}

/* A test string, decoded a second time for doubleEscaped tests. The
 * result is malloc'd; *lone is set for a lone surrogate. */
static char *
test_str(const json *v, bool dbl, size_t *n, bool *lone)
{
    char *s = malloc(v->len + 1);
    if (v->lone_surrogate)
        *lone = true;
    if (dbl)
        *n = json_unescape(v->str, v->len, s, false, lone);
    else {
        memcpy(s, v->str, v->len);
        *n = v->len;
    }
    s[*n] = '\0';
    return s;
}

static void
put_test_str(wn_buf *b, const json *v, bool dbl, bool *lone)
{
    if (!v || v->type != JSON_STR) {
        wn_buf_puts(b, "null ");
        return;
    }
    size_t n;
    char *s = test_str(v, dbl, &n, lone);
    put_str(b, s, n);
    free(s);
}

/* Serialise the expected output. */
static void
expected_tokens(const json *output, bool dbl, wn_buf *out, bool *lone)
{
    wn_buf chars;
    wn_buf_init(&chars, NULL, 0);
    for (size_t i = 0; output && i < output->n; i++) {
        const json *tk = &output->items[i];
        if (tk->type != JSON_ARR || tk->n == 0 || tk->items[0].type != JSON_STR)
            continue;
        const char *type = tk->items[0].str;
        if (!strcmp(type, "Character") && tk->n > 1) {
            size_t n;
            char *s = test_str(&tk->items[1], dbl, &n, lone);
            wn_buf_append(&chars, s, n);
            free(s);
            continue;
        }
        flush_chars(out, &chars);
        wn_buf_puts(out, type);
        wn_buf_putc(out, ' ');
        if (!strcmp(type, "DOCTYPE")) {
            for (size_t j = 1; j < 4; j++)
                put_test_str(out, j < tk->n ? &tk->items[j] : NULL, dbl, lone);
            wn_buf_puts(out, tk->n > 4 && tk->items[4].b ? "true" : "false");
        } else if (!strcmp(type, "StartTag")) {
            put_test_str(out, &tk->items[1], dbl, lone);
            const json *attrs = tk->n > 2 ? &tk->items[2] : NULL;
            size_t na = attrs ? attrs->n : 0;
            kv *a = calloc(na + 1, sizeof *a);
            char **keep = calloc(2 * na + 1, sizeof *keep);
            for (size_t j = 0; j < na; j++) {
                keep[2 * j] = test_str(&attrs->keys[j], dbl, &a[j].kn, lone);
                keep[2 * j + 1] = test_str(&attrs->items[j], dbl, &a[j].vn, lone);
                a[j].k = keep[2 * j];
                a[j].v = keep[2 * j + 1];
            }
            put_attrs(out, a, na);
            for (size_t j = 0; j < 2 * na; j++)
                free(keep[j]);
            free(keep);
            free(a);
            wn_buf_puts(out, tk->n > 3 && tk->items[3].b ? "true" : "false");
        } else {
            put_test_str(out, tk->n > 1 ? &tk->items[1] : NULL, dbl, lone);
        }
        wn_buf_putc(out, '\n');
    }
    flush_chars(out, &chars);
    wn_buf_free(&chars);
}

static bool
state_of(const char *name, wn_tok_state *st)
{
    static const struct {
        const char *name;
        wn_tok_state state;
    } map[] = {
        {"Data state", WN_TOKSTATE_DATA},
        {"PLAINTEXT state", WN_TOKSTATE_PLAINTEXT},
        {"RCDATA state", WN_TOKSTATE_RCDATA},
        {"RAWTEXT state", WN_TOKSTATE_RAWTEXT},
        {"Script data state", WN_TOKSTATE_SCRIPT_DATA},
        {"CDATA section state", WN_TOKSTATE_CDATA_SECTION},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (!strcmp(map[i].name, name)) {
            *st = map[i].state;
            return true;
        }
    return false;
}

static int
name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int
main(void)
{
    (void)harness_current;
    const char *shared = getenv("WN_SHARED");
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/html5lib-tests/tokenizer", shared ? shared : "../../shared");
    DIR *d = opendir(dir);
    if (!d) {
        char why[4200];
        snprintf(why, sizeof why, "%s not found (set WN_SHARED)", dir);
        return harness_skip(why);
    }
    char *files[256];
    size_t nfiles = 0;
    struct dirent *de;
    while ((de = readdir(d)) && nfiles < 256) {
        size_t l = strlen(de->d_name);
        if (l > 5 && !strcmp(de->d_name + l - 5, ".test"))
            files[nfiles++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(files, nfiles, sizeof *files, name_cmp);

    bool verbose = getenv("WN_VERBOSE") != NULL;
    size_t total = 0, passed = 0, runs = 0, runs_passed = 0, not_applicable = 0, shown = 0;
    printf("html5lib tokenizer tests in %s (errors lists are not compared)\n", dir);
    for (size_t f = 0; f < nfiles; f++) {
        char path[4400];
        snprintf(path, sizeof path, "%s/%s", dir, files[f]);
        size_t len;
        char *text = harness_read_file(path, &len);
        json root;
        if (!text || !json_parse(text, len, &root)) {
            printf("%-32s cannot read or parse\n", files[f]);
            free(text);
            total++;
            continue;
        }
        json *tests = json_get(&root, "tests");
        size_t ft = 0, fp = 0, fna = 0;
        /* XML-coercion tests describe a mode an HTML parser does not have */
        json *xml = json_get(&root, "xmlViolationTests");
        if (xml) {
            ft += xml->n;
            fna += xml->n;
            printf("%-32s 0/%zu passed (%zu not applicable: XML coercion mode)\n", files[f],
                   xml->n, xml->n);
            total += ft;
            not_applicable += fna;
            json_free(&root);
            free(text);
            continue;
        }
        for (size_t i = 0; tests && i < tests->n; i++) {
            json *tc = &tests->items[i];
            json *input = json_get(tc, "input");
            json *output = json_get(tc, "output");
            json *states = json_get(tc, "initialStates");
            json *last = json_get(tc, "lastStartTag");
            json *de_ = json_get(tc, "doubleEscaped");
            json *desc = json_get(tc, "description");
            bool dbl = de_ && de_->type == JSON_BOOL && de_->b;
            ft++;
            if (!input || input->type != JSON_STR)
                continue;
            bool lone = false;
            size_t in_len;
            char *in = test_str(input, dbl, &in_len, &lone);
            wn_buf want, got;
            wn_buf_init(&want, NULL, 0);
            expected_tokens(output, dbl, &want, &lone);
            wn_buf_cstr(&want);
            if (lone) {
                fna++;
                free(in);
                wn_buf_free(&want);
                continue;
            }
            size_t nstates = states ? states->n : 1;
            bool ok = true;
            for (size_t s = 0; s < nstates; s++) {
                wn_tok_state st = WN_TOKSTATE_DATA;
                const char *sname = states ? states->items[s].str : "Data state";
                if (!state_of(sname, &st)) {
                    ok = false;
                    continue;
                }
                wn_buf_init(&got, NULL, 0);
                run_tokenizer(in, in_len, st, last && last->type == JSON_STR ? last->str : NULL,
                              &got);
                wn_buf_cstr(&got);
                bool same = got.len == want.len && memcmp(got.ptr, want.ptr, got.len) == 0;
                runs++;
                runs_passed += same;
                if (!same) {
                    ok = false;
                    if (verbose || shown < 20) {
                        shown++;
                        printf("FAIL %s: %s [%s]\n  input: %s\n  want:\n%s  got:\n%s", files[f],
                               desc ? desc->str : "?", sname, in, want.ptr ? want.ptr : "",
                               got.ptr ? got.ptr : "");
                    }
                }
                wn_buf_free(&got);
            }
            fp += ok;
            free(in);
            wn_buf_free(&want);
        }
        printf("%-32s %zu/%zu passed", files[f], fp, ft);
        if (fna)
            printf(" (%zu not applicable: lone surrogates)", fna);
        printf("\n");
        total += ft;
        passed += fp;
        not_applicable += fna;
        json_free(&root);
        free(text);
    }
    for (size_t f = 0; f < nfiles; f++)
        free(files[f]);
    double pct = total ? 100.0 * (double)passed / (double)total : 0;
    printf("state runs: %zu/%zu passed\n", runs_passed, runs);
    printf("not applicable (lone surrogates, XML mode; counted as not passed): %zu\n", not_applicable);
    printf("tokenizer: %zu/%zu passed (%.1f%%)\n", passed, total, pct);
    return pct >= 99.0 ? 0 : 1;
}
