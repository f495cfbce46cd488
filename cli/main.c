/* main.c - the winnow command: options, inputs, output.
 *
 *   winnow [options] [FILE|DIR|URL|-]...
 *
 * Inputs become jobs in the order given (directories walked in sorted
 * order, WARC files record by record); a pool of workers reads, extracts
 * and renders them; output is written in input order. See docs/CLI.md and
 * docs/winnow.1.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "cli.h"
#include "decode/decode.h"
#include "input/input.h"
#include "input/warc.h"
#include "util/buf.h"

/* Exit codes (documented in --help, docs/winnow.1, docs/CLI.md). */
enum {
    EXIT_OK = 0,       /* every input extracted */
    EXIT_FAILED = 1,   /* at least one input (or WARC record) failed */
    EXIT_USAGE = 2,    /* bad options or arguments */
    EXIT_NOTHING = 3   /* no failure, but nothing extracted at all */
};

#define SNIFF_BYTES 4096u

typedef struct cli {
    /* configuration */
    wn_format format;
    wn_options opts;          /* flags and limits; url/charset set per job */
    const char *user_charset; /* --charset: overrides the transport's */
    const char *base_url;     /* --url */
    size_t max_input;
    bool errors, quiet, force_warc;
    int jobs;
    FILE *out;
    /* main thread state */
    bool multi;               /* several documents: separate them (copied
                               * into each job, as workers must not read it) */
    bool several_inputs;      /* more than one input named (files, a list,
                               * a directory): JSON lines say which */
    bool stdin_taken;
    cli_pool *pool;
    cli_warc_tally *tallies, **tally_tail;
    int n_warc;
    /* writer state (touched only from emit, one call at a time) */
    cli_progress progress;
    uint64_t written, extracted, empty, failed;
    bool write_failed;
} cli;

/* ------------------------------------------------------------------------ */
/* Help                                                                     */

static void
usage(FILE *f)
{
    fputs(
        "usage: winnow [options] [FILE|DIR|URL|-]...\n"
        "\n"
        "Extract the article from web pages: headline, metadata and body text,\n"
        "without navigation, ads, share widgets, cookie banners or comments.\n"
        "\n"
        "Inputs: HTML files (gzip is detected and inflated), directories (walked for\n"
        "*.html, *.htm, *.xhtml, their .gz, and *.warc[.gz]), http(s) URLs, WARC\n"
        "files (detected by name or content), and '-' for standard input. With no\n"
        "input, standard input is read.\n"
        "\n"
        "Output:\n"
        "  -f, --format FMT      text (default), markdown, json, html\n"
        "  -o, --output FILE     write to FILE instead of standard output\n"
        "      --links           keep links (markdown, html)\n"
        "      --images          keep images (markdown, html)\n"
        "      --no-tables       leave tables out\n"
        "      --captions        keep figure captions in an article's text too\n"
        "      --no-captions     leave figure captions out\n"
        "      --no-metadata     skip metadata extraction\n"
        "      --markdown-in-json, --with-markdown\n"
        "                        JSON output carries a \"markdown\" key\n"
        "      --precision       favour precision (drop doubtful blocks)\n"
        "      --recall          favour recall (keep doubtful blocks)\n"
        "  With several documents, -f json writes one JSON object per line (JSON\n"
        "  Lines) in input order; text and markdown put a line '==> NAME <==' before\n"
        "  each document and a blank line between documents; html puts\n"
        "  '<!-- ==> NAME <== -->' before each.\n"
        "\n"
        "Input:\n"
        "      --url URL         base URL of the page(s) read from files or stdin\n"
        "      --charset LABEL   decode the input as LABEL (overrides HTTP/WARC)\n"
        "      --warc            inputs are WARC files (plain, .gz per record or whole)\n"
        "      --files-from LIST read input names from LIST, one per line ('-': stdin)\n"
        "      --max-input N     largest page accepted, bytes (K, M, G suffixes;\n"
        "                        default 256M)\n"
        "      --max-depth N     deepest element nesting kept (default 512)\n"
        "      --max-output N    largest rendered output, bytes (default 64M)\n"
        "      --max-attrs N     attributes kept per element (default 1024)\n"
        "      --max-memory N    working memory per page, bytes (default 2G)\n"
        "\n"
        "Running:\n"
        "  -j, --jobs N          worker threads (default: all cores)\n"
        "      --errors          with -f json, write a JSON line with an \"error\" key\n"
        "                        for each input or WARC record that failed\n"
        "  -q, --quiet           no progress, no summary, no per-record WARC messages\n"
        "  -h, --help            this help\n"
        "  -V, --version         version\n"
        "\n"
        "Progress (documents, MB, rates, ETA) is shown on standard error when it is\n"
        "a terminal. Errors name the input and go to standard error.\n"
        "\n"
        "Exit status:\n"
        "  0  every input was extracted\n"
        "  1  some input or WARC record failed (the others were written)\n"
        "  2  usage error\n"
        "  3  nothing failed, but nothing was extracted (pages without content,\n"
        "     WARC files without HTML responses, directories without pages)\n",
        f);
}

static void
version(void)
{
    printf("winnow %s (libwinnow %s, zlib %s, %s)\n", WN_VERSION_STRING, wn_version(),
           zlibVersion(), cli_fetch_available() ? "URL fetching with libcurl" : "no URL fetching");
}

/* "10M", "512k", "1G", "4096" -> bytes; false when malformed. */
static bool
parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s || errno || s[0] == '-')
        return false;
    unsigned long long mul = 1;
    switch (*end) {
    case '\0':
        break;
    case 'k': case 'K':
        mul = 1024ull;
        end++;
        break;
    case 'm': case 'M':
        mul = 1024ull * 1024;
        end++;
        break;
    case 'g': case 'G':
        mul = 1024ull * 1024 * 1024;
        end++;
        break;
    default:
        return false;
    }
    if ((*end == 'b' || *end == 'B') && mul > 1)
        end++;
    if (*end || v == 0 || v > SIZE_MAX / mul)
        return false;
    *out = (size_t)(v * mul);
    return true;
}

/* ------------------------------------------------------------------------ */
/* JSON helpers                                                             */

/* Length of a valid UTF-8 sequence at p (1..4), 0 if invalid. */
static size_t
utf8_seq(const unsigned char *p, size_t n)
{
    unsigned c = p[0];
    size_t len;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
        min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    unsigned cp = c & (0x7f >> len);
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

/* A JSON string; invalid UTF-8 (file names are bytes) becomes U+FFFD. */
static void
json_string(wn_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n = strlen((const char *)p);
    wn_buf_putc(b, '"');
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        if (c == '"' || c == '\\') {
            wn_buf_putc(b, '\\');
            wn_buf_putc(b, (char)c);
            i++;
        } else if (c < 0x20 || c == 0x7f) {
            wn_buf_printf(b, "\\u%04x", c);
            i++;
        } else {
            size_t k = utf8_seq(p + i, n - i);
            if (k == 0) {
                wn_buf_puts(b, "\xEF\xBF\xBD");
                i++;
            } else {
                wn_buf_append(b, (const char *)p + i, k);
                i += k;
            }
        }
    }
    wn_buf_putc(b, '"');
}

/* The keys winnow adds to a JSON line: where the document came from.
 * "input" names the file, URL or WARC when several were given (error lines
 * always carry it); WARC records add their provenance. Returns whether it
 * wrote anything. */
static bool
json_provenance(wn_buf *b, const cli_job *j, bool always_input)
{
    bool wrote = false;
    if (always_input || j->name_input) {
        wn_buf_puts(b, "\"input\":");
        json_string(b, j->warc ? j->warc->name : j->name);
        wrote = true;
    }
    if (j->warc) {
        if (wrote)
            wn_buf_putc(b, ',');
        wn_buf_puts(b, "\"warc_record_id\":");
        json_string(b, j->record_id);
        wn_buf_puts(b, ",\"warc_date\":");
        json_string(b, j->warc_date);
        wn_buf_printf(b, ",\"http_status\":%d", j->http_status);
        wrote = true;
    }
    return wrote;
}

/* ------------------------------------------------------------------------ */
/* Work: read, extract, render (on a worker thread)                         */

static void
take_buf(cli_job *j, wn_buf *b)
{
    const char *s = wn_buf_cstr(b);
    if (!s) {
        wn_buf_free(b);
        j->outcome = CLI_FAILED;
        wn_input_error(&j->error, WN_ERR_NOMEM, (size_t)-1, "out of memory");
        return;
    }
    j->out = b->ptr;
    j->out_len = b->len;
}

static void
set_failure(cli_job *j, wn_status st, const wn_error *e)
{
    j->outcome = st == WN_ERR_EMPTY ? CLI_EMPTY : CLI_FAILED;
    if (e && e->message[0])
        j->error = *e;
    else
        wn_input_error(&j->error, st, (size_t)-1, "%s", wn_status_str(st));
    j->error.code = st;
}

static void
extract(cli *c, cli_job *j, const char *data, size_t len)
{
    wn_options o = c->opts;
    o.url = j->url ? j->url : c->base_url;
    o.charset = c->user_charset ? c->user_charset : j->charset;
    wn_result *r = NULL;
    wn_error e;
    memset(&e, 0, sizeof e);
    wn_status st = wn_extract(data, len, &o, &r, &e);
    if (st == WN_ERR_ENCODING && !c->user_charset && o.charset) {
        /* a label from HTTP or the WARC that nobody knows: ignore it, as
         * browsers do, and let the page's own declaration decide */
        o.charset = NULL;
        st = wn_extract(data, len, &o, &r, &e);
    }
    if (st != WN_OK) {
        set_failure(j, st, &e);
        return;
    }
    wn_str s;
    st = wn_result_render(r, c->format, &s, &e);
    if (st != WN_OK) {
        set_failure(j, st, &e);
        wn_result_free(r);
        return;
    }
    wn_buf b;
    wn_buf_init(&b, NULL, 0);
    if (c->format == WN_FORMAT_JSON) {
        /* insert our keys before the object's closing brace */
        const char *close = s.ptr + s.len;
        while (close > s.ptr && close[-1] != '}')
            close--;
        close = close > s.ptr ? close - 1 : NULL;
        if (close) {
            wn_buf_append(&b, s.ptr, (size_t)(close - s.ptr));
            const char *q = close;
            while (q > s.ptr && (q[-1] == ' ' || q[-1] == '\n' || q[-1] == '\t' || q[-1] == '\r'))
                q--;
            if (j->warc || j->name_input) {
                if (q > s.ptr && q[-1] != '{')
                    wn_buf_putc(&b, ',');
                json_provenance(&b, j, false);
            }
            wn_buf_putc(&b, '}'); /* and nothing after it: one object per line */
        } else {
            wn_buf_append(&b, s.ptr, s.len);
        }
        /* a raw line break in JSON can only be whitespace (strings escape
         * theirs): a pretty-printed object still makes one line */
        for (size_t i = 0; !b.failed && i < b.len; i++)
            if (b.ptr[i] == '\n' || b.ptr[i] == '\r')
                b.ptr[i] = ' ';
        wn_buf_putc(&b, '\n');
    } else {
        wn_buf_append(&b, s.ptr, s.len);
        if (s.len && s.ptr[s.len - 1] != '\n')
            wn_buf_putc(&b, '\n');
    }
    wn_result_free(r);
    j->outcome = CLI_OK;
    take_buf(j, &b);
}

static void
work(cli_job *j, void *ctx)
{
    cli *c = ctx;
    char *data = NULL;
    size_t len = 0;
    wn_status st = WN_OK;
    switch (j->kind) {
    case CLI_JOB_FILE:
        st = wn_input_read_file(j->name, c->max_input, &data, &len, &j->error);
        break;
    case CLI_JOB_STDIN:
        st = wn_input_read_fd(STDIN_FILENO, j->data, j->len, c->max_input, &data, &len, &j->error);
        if (!j->progress_bytes)
            j->progress_bytes = len;
        break;
    case CLI_JOB_URL: {
        cli_fetched f;
        st = cli_fetch(j->name, c->max_input, &f, &j->error);
        if (st == WN_OK) {
            data = f.body;
            len = f.len;
            free(j->url);
            j->url = f.final_url;
            free(j->charset);
            j->charset = f.charset;
            j->progress_bytes = len;
        }
        break;
    }
    case CLI_JOB_MEM:
        data = j->data;
        len = j->len;
        j->data = NULL;
        break;
    case CLI_JOB_FAILED:
        j->outcome = CLI_FAILED;
        return;
    }
    if (st != WN_OK) {
        j->outcome = CLI_FAILED;
        j->error.code = st;
        return;
    }
    extract(c, j, data, len);
    free(data);
}

/* ------------------------------------------------------------------------ */
/* Emit: write results in input order (one call at a time)                  */

static void
write_out(cli *c, const char *p, size_t n)
{
    if (n && fwrite(p, 1, n, c->out) != n)
        c->write_failed = true;
}

static void
report(cli *c, const cli_job *j, const char *what)
{
    cli_progress_clear(&c->progress);
    if (j->warc)
        fprintf(stderr, "winnow: %s: %s: %s\n", j->warc->name, j->name, what);
    else
        fprintf(stderr, "winnow: %s: %s\n", j->name, what);
}

static void
emit_error_line(cli *c, const cli_job *j)
{
    wn_buf b;
    wn_buf_init(&b, NULL, 0);
    wn_buf_putc(&b, '{');
    json_provenance(&b, j, true);
    if (j->url) {
        wn_buf_puts(&b, ",\"url\":");
        json_string(&b, j->url);
    }
    wn_buf_puts(&b, ",\"error\":");
    json_string(&b, j->error.message);
    wn_buf_puts(&b, ",\"status\":");
    json_string(&b, wn_status_str(j->error.code));
    wn_buf_puts(&b, "}\n");
    if (wn_buf_cstr(&b))
        write_out(c, b.ptr, b.len);
    wn_buf_free(&b);
}

static void
emit(cli_job *j, void *ctx)
{
    cli *c = ctx;
    /* WARC records that went wrong are many in a big crawl: -q hushes them */
    bool say = !(c->quiet && j->warc);
    switch (j->outcome) {
    case CLI_OK:
        if (j->warc)
            j->warc->extracted++;
        c->extracted++;
        if (j->separate && c->format != WN_FORMAT_JSON) {
            if (c->written)
                write_out(c, "\n", 1);
            wn_buf h;
            wn_buf_init(&h, NULL, 0);
            wn_buf_printf(&h, c->format == WN_FORMAT_HTML ? "<!-- ==> %s <== -->\n" : "==> %s <==\n",
                          j->name);
            if (wn_buf_cstr(&h))
                write_out(c, h.ptr, h.len);
            wn_buf_free(&h);
        }
        write_out(c, j->out, j->out_len);
        c->written++;
        break;
    case CLI_EMPTY:
        if (j->warc)
            j->warc->empty++;
        c->empty++;
        if (!c->quiet)
            report(c, j, "no content");
        if (c->errors && c->format == WN_FORMAT_JSON)
            emit_error_line(c, j);
        break;
    case CLI_FAILED:
        if (j->warc && j->kind != CLI_JOB_FAILED)
            j->warc->extract_failed++;
        c->failed++;
        if (say)
            report(c, j, j->error.message[0] ? j->error.message : wn_status_str(j->error.code));
        if (c->errors && c->format == WN_FORMAT_JSON)
            emit_error_line(c, j);
        break;
    }
    cli_progress_add(&c->progress, 1, j->progress_bytes);
}

/* ------------------------------------------------------------------------ */
/* Inputs                                                                   */

static void
submit(cli *c, cli_job *j)
{
    if (!j) {
        fprintf(stderr, "winnow: out of memory\n");
        exit(EXIT_FAILED);
    }
    j->separate = c->multi;
    j->name_input = c->several_inputs;
    cli_pool_submit(c->pool, j);
}

static void
submit_failure(cli *c, const char *name, const char *fmt, const char *detail)
{
    cli_job *j = cli_job_new(CLI_JOB_FAILED, name);
    if (j)
        wn_input_error(&j->error, WN_ERR_IO, (size_t)-1, fmt, detail);
    submit(c, j);
}

static bool
ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    if (m > n)
        return false;
    for (size_t i = 0; i < m; i++) {
        char a = s[n - m + i];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a + 32);
        if (a != suffix[i])
            return false;
    }
    return true;
}

static bool
name_is_warc(const char *s)
{
    return ends_with(s, ".warc") || ends_with(s, ".warc.gz");
}

static bool
name_is_html(const char *s)
{
    static const char *const ext[] = {".html", ".htm", ".xhtml", ".html.gz", ".htm.gz",
                                      ".xhtml.gz"};
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++)
        if (ends_with(s, ext[i]))
            return true;
    return false;
}

/* Read up to SNIFF_BYTES from fd (fewer at the end of input). */
static size_t
read_prefix(int fd, char *buf)
{
    size_t n = 0;
    while (n < SNIFF_BYTES) {
        ssize_t r = read(fd, buf + n, SNIFF_BYTES - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    return n;
}

/* Read a WARC from fd, submitting a job per HTML response (and per failed
 * record, so it is reported in order). */
static void
run_warc(cli *c, const char *name, int fd, const char *prefix, size_t prefix_len)
{
    cli_warc_tally *t = calloc(1, sizeof *t);
    if (!t || !(t->name = cli_strdup(name))) {
        fprintf(stderr, "winnow: out of memory\n");
        exit(EXIT_FAILED);
    }
    *c->tally_tail = t;
    c->tally_tail = &t->next;
    c->n_warc++;
    c->multi = true;
    wn_warc_reader *r;
    wn_error err;
    if (wn_warc_open_fd(fd, prefix, prefix_len, c->max_input, &r, &err) != WN_OK) {
        submit_failure(c, name, "%s", err.message);
        return;
    }
    wn_warc_record rec;
    memset(&rec, 0, sizeof rec);
    uint64_t accounted = 0;
    while (wn_warc_next(r, &rec)) {
        if (rec.outcome == WN_WARC_SKIPPED)
            continue;
        char where[64];
        const char *jname = rec.target_uri;
        if (!jname[0]) {
            snprintf(where, sizeof where, "record at byte %llu", (unsigned long long)rec.offset);
            jname = where;
        }
        cli_job *j = cli_job_new(rec.outcome == WN_WARC_HTML ? CLI_JOB_MEM : CLI_JOB_FAILED, jname);
        if (!j)
            submit(c, NULL);
        j->warc = t;
        j->record_id = cli_strdup(rec.record_id);
        j->warc_date = cli_strdup(rec.date);
        j->http_status = rec.http_status;
        if (rec.target_uri[0])
            j->url = cli_strdup(rec.target_uri);
        j->charset = cli_strdup(rec.charset);
        if (rec.outcome == WN_WARC_HTML) {
            j->data = rec.body; /* taken over by the job */
            j->len = rec.body_len;
            rec.body = NULL;
        } else {
            j->error = rec.error;
        }
        uint64_t raw = wn_warc_get_stats(r).raw_bytes;
        j->progress_bytes = raw - accounted;
        accounted = raw;
        submit(c, j);
    }
    wn_warc_record_free(&rec);
    wn_warc_stats st = wn_warc_get_stats(r);
    t->read = st.records;
    t->reader_skipped = st.skipped;
    t->reader_failed = st.failed;
    wn_warc_close(r);
}

/* A regular file (or what the user named as one). `sniff`: look inside
 * when neither the name nor --warc says what it is. */
static void
add_file(cli *c, const char *path, uint64_t size, bool sniff)
{
    bool warc = c->force_warc || name_is_warc(path);
    if (warc || (sniff && !name_is_html(path))) {
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            submit_failure(c, path, "cannot open: %s", strerror(errno));
            return;
        }
        char prefix[SNIFF_BYTES];
        size_t n = read_prefix(fd, prefix);
        if (warc || wn_warc_sniff(prefix, n)) {
            run_warc(c, path, fd, prefix, n);
            close(fd);
            return;
        }
        close(fd);
    }
    cli_job *j = cli_job_new(CLI_JOB_FILE, path);
    if (j)
        j->progress_bytes = size;
    submit(c, j);
}

static void
add_stdin(cli *c)
{
    char *prefix = malloc(SNIFF_BYTES);
    if (!prefix)
        submit(c, NULL);
    size_t n = read_prefix(STDIN_FILENO, prefix);
    if (c->force_warc || wn_warc_sniff(prefix, n)) {
        run_warc(c, "(stdin)", STDIN_FILENO, prefix, n);
        free(prefix);
        return;
    }
    cli_job *j = cli_job_new(CLI_JOB_STDIN, "-");
    if (!j)
        submit(c, NULL);
    j->data = prefix;
    j->len = n;
    submit(c, j);
}

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

typedef struct strvec {
    char **v;
    size_t n, cap;
} strvec;

static void
vec_push(strvec *s, char *p)
{
    if (!p || (s->n == s->cap && !(s->v = realloc(s->v, (s->cap = s->cap ? s->cap * 2 : 16) *
                                                            sizeof *s->v)))) {
        fprintf(stderr, "winnow: out of memory\n");
        exit(EXIT_FAILED);
    }
    s->v[s->n++] = p;
}

static char *
join_path(const char *dir, const char *name)
{
    size_t a = strlen(dir), b = strlen(name);
    char *p = malloc(a + b + 2);
    if (!p)
        return NULL;
    memcpy(p, dir, a);
    size_t k = a;
    if (a && dir[a - 1] != '/')
        p[k++] = '/';
    memcpy(p + k, name, b + 1);
    return p;
}

/* Walk a directory tree in sorted order (files of a directory, then its
 * subdirectories), with an explicit stack. Symbolic links to directories
 * are not followed, so a link loop cannot trap the walk. */
static void
add_dir(cli *c, const char *root)
{
    strvec stack = {0};
    vec_push(&stack, cli_strdup(root));
    while (stack.n) {
        char *dir = stack.v[--stack.n];
        DIR *d = opendir(dir);
        if (!d) {
            submit_failure(c, dir, "cannot open directory: %s", strerror(errno));
            free(dir);
            continue;
        }
        strvec files = {0}, dirs = {0};
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue; /* ".", "..", hidden files */
            char *path = join_path(dir, e->d_name);
            struct stat sb;
            if (!path || lstat(path, &sb) != 0) {
                free(path);
                continue;
            }
            if (S_ISLNK(sb.st_mode) && (stat(path, &sb) != 0 || S_ISDIR(sb.st_mode))) {
                free(path);
                continue;
            }
            if (S_ISDIR(sb.st_mode))
                vec_push(&dirs, path);
            else if (S_ISREG(sb.st_mode) && (name_is_html(path) || name_is_warc(path)))
                vec_push(&files, path);
            else
                free(path);
        }
        closedir(d);
        free(dir);
        if (files.n > 1) /* (qsort must not see the NULL of an empty vector) */
            qsort(files.v, files.n, sizeof *files.v, cmp_names);
        if (dirs.n > 1)
            qsort(dirs.v, dirs.n, sizeof *dirs.v, cmp_names);
        for (size_t i = 0; i < files.n; i++) {
            struct stat sb;
            add_file(c, files.v[i], stat(files.v[i], &sb) == 0 ? (uint64_t)sb.st_size : 0, false);
            free(files.v[i]);
        }
        for (size_t i = dirs.n; i-- > 0;)
            vec_push(&stack, dirs.v[i]);
        free(files.v);
        free(dirs.v);
    }
    free(stack.v);
}

static bool
is_url(const char *s)
{
    return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

/* One input as named on the command line or in a --files-from list. */
static void
add_input(cli *c, const char *arg)
{
    if (strcmp(arg, "-") == 0) {
        add_stdin(c);
        return;
    }
    if (is_url(arg)) {
        cli_job *j = cli_job_new(CLI_JOB_URL, arg);
        submit(c, j);
        return;
    }
    struct stat sb;
    if (stat(arg, &sb) != 0) {
        submit_failure(c, arg, "cannot open: %s", strerror(errno));
        return;
    }
    if (S_ISDIR(sb.st_mode))
        add_dir(c, arg);
    else
        add_file(c, arg, (uint64_t)sb.st_size, true);
}

static void
add_list(cli *c, const char *list)
{
    FILE *f = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
    if (!f) {
        submit_failure(c, list, "cannot open: %s", strerror(errno));
        return;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0)
            continue;
        if (strcmp(line, "-") == 0 && f == stdin) {
            submit_failure(c, list, "%s", "'-' in a list read from standard input");
            continue;
        }
        add_input(c, line);
    }
    free(line);
    if (f != stdin)
        fclose(f);
}

/* ------------------------------------------------------------------------ */
/* main                                                                     */

enum {
    OPT_URL = 256, OPT_LINKS, OPT_IMAGES, OPT_NO_TABLES, OPT_NO_CAPTIONS, OPT_CAPTIONS, OPT_NO_METADATA,
    OPT_PRECISION, OPT_RECALL, OPT_MD_JSON, OPT_CHARSET, OPT_WARC, OPT_FILES_FROM, OPT_ERRORS,
    OPT_MAX_INPUT, OPT_MAX_DEPTH, OPT_MAX_OUTPUT, OPT_MAX_ATTRS, OPT_MAX_MEMORY
};

static const struct option long_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"jobs", required_argument, NULL, 'j'},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {"url", required_argument, NULL, OPT_URL},
    {"links", no_argument, NULL, OPT_LINKS},
    {"images", no_argument, NULL, OPT_IMAGES},
    {"no-tables", no_argument, NULL, OPT_NO_TABLES},
    {"no-captions", no_argument, NULL, OPT_NO_CAPTIONS},
    {"captions", no_argument, NULL, OPT_CAPTIONS},
    {"no-metadata", no_argument, NULL, OPT_NO_METADATA},
    {"precision", no_argument, NULL, OPT_PRECISION},
    {"recall", no_argument, NULL, OPT_RECALL},
    {"markdown-in-json", no_argument, NULL, OPT_MD_JSON},
    {"with-markdown", no_argument, NULL, OPT_MD_JSON},
    {"charset", required_argument, NULL, OPT_CHARSET},
    {"warc", no_argument, NULL, OPT_WARC},
    {"files-from", required_argument, NULL, OPT_FILES_FROM},
    {"errors", no_argument, NULL, OPT_ERRORS},
    {"max-input", required_argument, NULL, OPT_MAX_INPUT},
    {"max-depth", required_argument, NULL, OPT_MAX_DEPTH},
    {"max-output", required_argument, NULL, OPT_MAX_OUTPUT},
    {"max-attrs", required_argument, NULL, OPT_MAX_ATTRS},
    {"max-memory", required_argument, NULL, OPT_MAX_MEMORY},
    {NULL, 0, NULL, 0},
};

static int
usage_error(const char *fmt, const char *arg)
{
    fputs("winnow: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'winnow --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

int
main(int argc, char **argv)
{
    cli c;
    memset(&c, 0, sizeof c);
    c.format = WN_FORMAT_TEXT;
    c.tally_tail = &c.tallies;
    const char *output = NULL, *files_from = NULL;
    long jobs = 0;
    int opt;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":f:o:j:qhV", long_options, NULL)) != -1) {
        size_t size;
        switch (opt) {
        case 'f':
            if (!strcmp(optarg, "text") || !strcmp(optarg, "txt"))
                c.format = WN_FORMAT_TEXT;
            else if (!strcmp(optarg, "markdown") || !strcmp(optarg, "md"))
                c.format = WN_FORMAT_MARKDOWN;
            else if (!strcmp(optarg, "json"))
                c.format = WN_FORMAT_JSON;
            else if (!strcmp(optarg, "html"))
                c.format = WN_FORMAT_HTML;
            else
                return usage_error("unknown format '%s' (text, markdown, json, html)", optarg);
            break;
        case 'o':
            output = optarg;
            break;
        case 'j': {
            char *end;
            jobs = strtol(optarg, &end, 10);
            if (*end || end == optarg || jobs < 0 || jobs > 1024)
                return usage_error("bad job count '%s' (0..1024; 0 = all cores)", optarg);
            break;
        }
        case 'q':
            c.quiet = true;
            break;
        case 'h':
            usage(stdout);
            return EXIT_OK;
        case 'V':
            version();
            return EXIT_OK;
        case OPT_URL:
            c.base_url = optarg;
            break;
        case OPT_LINKS:
            c.opts.flags |= WN_OPT_LINKS;
            break;
        case OPT_IMAGES:
            c.opts.flags |= WN_OPT_IMAGES;
            break;
        case OPT_NO_TABLES:
            c.opts.flags |= WN_OPT_NO_TABLES;
            break;
        case OPT_NO_CAPTIONS:
            c.opts.flags |= WN_OPT_NO_CAPTIONS;
            break;
        case OPT_CAPTIONS:
            c.opts.flags |= WN_OPT_CAPTIONS;
            break;
        case OPT_NO_METADATA:
            c.opts.flags |= WN_OPT_NO_METADATA;
            break;
        case OPT_PRECISION:
            c.opts.flags |= WN_OPT_PRECISION;
            break;
        case OPT_RECALL:
            c.opts.flags |= WN_OPT_RECALL;
            break;
        case OPT_MD_JSON:
            c.opts.flags |= WN_OPT_MARKDOWN_IN_JSON;
            break;
        case OPT_CHARSET:
            c.user_charset = optarg;
            break;
        case OPT_WARC:
            c.force_warc = true;
            break;
        case OPT_FILES_FROM:
            files_from = optarg;
            break;
        case OPT_ERRORS:
            c.errors = true;
            break;
        case OPT_MAX_INPUT:
            if (!parse_size(optarg, &size))
                return usage_error("bad size '%s' for --max-input", optarg);
            c.opts.max_input = size;
            break;
        case OPT_MAX_DEPTH:
            if (!parse_size(optarg, &size))
                return usage_error("bad number '%s' for --max-depth", optarg);
            c.opts.max_depth = size;
            break;
        case OPT_MAX_OUTPUT:
            if (!parse_size(optarg, &size))
                return usage_error("bad size '%s' for --max-output", optarg);
            c.opts.max_output = size;
            break;
        case OPT_MAX_ATTRS:
            if (!parse_size(optarg, &size))
                return usage_error("bad number '%s' for --max-attrs", optarg);
            c.opts.max_attrs = size;
            break;
        case OPT_MAX_MEMORY:
            if (!parse_size(optarg, &size))
                return usage_error("bad size '%s' for --max-memory", optarg);
            c.opts.max_memory = size;
            break;
        case ':':
            return usage_error("option '%s' needs a value", argv[optind - 1]);
        default:
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (c.user_charset && !wn_encoding_for_label(c.user_charset, strlen(c.user_charset)))
        return usage_error("unknown charset label '%s'", c.user_charset);
    if ((c.opts.flags & WN_OPT_PRECISION) && (c.opts.flags & WN_OPT_RECALL))
        return usage_error("%s", "--precision and --recall exclude each other");
    /* at most one reader of standard input */
    int stdin_users = files_from && !strcmp(files_from, "-");
    for (int i = optind; i < argc; i++)
        stdin_users += strcmp(argv[i], "-") == 0;
    if (stdin_users > 1)
        return usage_error("%s", "standard input ('-') can be used only once");
    bool read_stdin = optind == argc && !files_from;
    if (read_stdin && isatty(STDIN_FILENO))
        return usage_error("%s", "no input (give FILE, DIR, URL or '-')");
    c.max_input = c.opts.max_input ? c.opts.max_input : WN_DEFAULT_MAX_INPUT;
    c.jobs = jobs > 0 ? (int)jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
#ifdef __GLIBC__
    /* Every page allocates and frees a few MB (its arena, its HTML). With
     * glibc's adaptive defaults, worker threads' arenas hand such blocks
     * back to the kernel and fault them in again page by page: -j 2 spent
     * 20% more CPU than -j 1 for the same records. Keep freed memory for
     * reuse instead; RSS stays bounded by the pages in flight. */
    mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 128 * 1024 * 1024);
#endif
    if (c.jobs < 1)
        c.jobs = 1;
    /* several documents are separated in the output; one is written bare */
    c.multi = files_from || argc - optind > 1;
    for (int i = optind; i < argc && !c.multi; i++) {
        struct stat sb;
        c.multi = stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode);
    }
    c.several_inputs = c.multi; /* WARC records make c.multi too, later */

    c.out = stdout;
    if (output && strcmp(output, "-") != 0) {
        c.out = fopen(output, "w");
        if (!c.out) {
            fprintf(stderr, "winnow: %s: cannot open for writing: %s\n", output, strerror(errno));
            return EXIT_USAGE;
        }
    }
    static char outbuf[1 << 16];
    setvbuf(c.out, outbuf, _IOFBF, sizeof outbuf);
    cli_progress_init(&c.progress, c.quiet);
    /* the total size is known when every input is a named regular file */
    bool sized = !files_from && !read_stdin;
    for (int i = optind; i < argc && sized; i++) {
        struct stat sb;
        sized = !is_url(argv[i]) && stat(argv[i], &sb) == 0 && S_ISREG(sb.st_mode);
        if (sized)
            c.progress.total_bytes += (uint64_t)sb.st_size;
    }
    if (!sized)
        c.progress.total_bytes = 0;

    cli_fetch_global_init();
    c.pool = cli_pool_new(c.jobs, (size_t)c.jobs * 4 + 4, work, emit, &c);
    if (!c.pool) {
        fprintf(stderr, "winnow: cannot start worker threads\n");
        return EXIT_FAILED;
    }
    if (read_stdin)
        add_input(&c, "-");
    for (int i = optind; i < argc; i++)
        add_input(&c, argv[i]);
    if (files_from)
        add_list(&c, files_from);
    cli_pool_finish(c.pool);
    cli_fetch_global_cleanup();
    cli_progress_clear(&c.progress);

    if (fflush(c.out) != 0 || ferror(c.out))
        c.write_failed = true;
    if (c.out != stdout && fclose(c.out) != 0)
        c.write_failed = true;
    int rc = c.failed ? EXIT_FAILED : c.extracted ? EXIT_OK : EXIT_NOTHING;
    if (c.write_failed) {
        fprintf(stderr, "winnow: %s: write error: %s\n", output ? output : "standard output",
                strerror(errno));
        rc = EXIT_FAILED;
    }
    /* WARC accounting: every record read is extracted, skipped or failed */
    uint64_t tr = 0, te = 0, ts = 0, tf = 0;
    for (cli_warc_tally *t = c.tallies, *next; t; t = next) {
        next = t->next;
        uint64_t skipped = t->reader_skipped + t->empty;
        uint64_t failed = t->reader_failed + t->extract_failed;
        if (!c.quiet)
            fprintf(stderr, "winnow: %s: %llu records: %llu extracted, %llu skipped, %llu failed\n",
                    t->name, (unsigned long long)t->read, (unsigned long long)t->extracted,
                    (unsigned long long)skipped, (unsigned long long)failed);
        tr += t->read;
        te += t->extracted;
        ts += skipped;
        tf += failed;
        free(t->name);
        free(t);
    }
    if (!c.quiet && c.n_warc > 1)
        fprintf(stderr, "winnow: %d WARC files: %llu records: %llu extracted, %llu skipped, "
                        "%llu failed\n",
                c.n_warc, (unsigned long long)tr, (unsigned long long)te, (unsigned long long)ts,
                (unsigned long long)tf);
    return rc;
}
