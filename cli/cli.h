/* cli.h - the pieces of the winnow command-line tool: a job per document
 * (a file, stdin, a URL, a WARC record), the worker pool that runs jobs
 * and writes their output in input order, progress on a terminal, and
 * fetching URLs. */
#ifndef WN_CLI_H
#define WN_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "winnow.h"

/* Counts for one WARC file: every record ends up in exactly one of
 * extracted, skipped or failed. The reader's fields are written by the
 * main thread, the outcome fields by the writer; read after the pool. */
typedef struct cli_warc_tally {
    char *name;
    uint64_t read, reader_skipped, reader_failed; /* from the reader */
    uint64_t extracted, empty, extract_failed;    /* from extraction */
    struct cli_warc_tally *next;
} cli_warc_tally;

typedef enum cli_job_kind {
    CLI_JOB_FILE,   /* read `name` from disk in the worker */
    CLI_JOB_STDIN,  /* read fd 0 in the worker (after `data`, a sniffed prefix) */
    CLI_JOB_URL,    /* fetch `name` in the worker */
    CLI_JOB_MEM,    /* `data` holds the page (a WARC record) */
    CLI_JOB_FAILED  /* nothing to do: `error` says why (reported in order) */
} cli_job_kind;

typedef enum cli_outcome {
    CLI_OK = 0,     /* extracted: `out` holds the rendering */
    CLI_EMPTY,      /* the page has no content (WN_ERR_EMPTY) */
    CLI_FAILED      /* could not read or extract: `error` */
} cli_outcome;

typedef struct cli_job {
    cli_job_kind kind;
    char *name;         /* display name: path, URL, "-", target URI */
    char *data;         /* CLI_JOB_MEM page / CLI_JOB_STDIN prefix (malloc'd) */
    size_t len;
    char *url;          /* base URL from the input (WARC target URI), or NULL */
    char *charset;      /* transport charset (HTTP, WARC), or NULL */
    /* WARC provenance, NULL when not from a WARC */
    cli_warc_tally *warc;
    char *record_id, *warc_date;
    int http_status;
    uint64_t progress_bytes; /* input bytes this job accounts for */
    bool separate;      /* one of several documents: write a separator */
    bool name_input;    /* several inputs named: JSON lines carry "input" */
    /* result */
    cli_outcome outcome;
    wn_error error;
    char *out;          /* rendered output, malloc'd */
    size_t out_len;
} cli_job;

/* A zeroed job of a kind with a copy of `name`; NULL on OOM. */
cli_job *cli_job_new(cli_job_kind kind, const char *name);
void cli_job_free(cli_job *j);
/* strdup that tolerates NULL. */
char *cli_strdup(const char *s);

/* ---- jobs.c: worker pool with ordered output --------------------------- */

typedef void (*cli_work_fn)(cli_job *job, void *ctx);
typedef void (*cli_emit_fn)(cli_job *job, void *ctx);

typedef struct cli_pool cli_pool;

/* Start `workers` threads. `work` runs on a worker; `emit` is called for
 * each job in submission order, never twice at once, and the job is freed
 * after it. At most `window` jobs are in flight (submitted, not yet
 * emitted), which bounds memory. NULL when threads cannot start. With one
 * worker no thread starts: cli_pool_submit runs and emits the job itself. */
cli_pool *cli_pool_new(int workers, size_t window, cli_work_fn work, cli_emit_fn emit, void *ctx);

/* Hand a job over (blocks while the window is full). */
void cli_pool_submit(cli_pool *p, cli_job *job);

/* Wait until every job is emitted, stop the threads, free the pool. */
void cli_pool_finish(cli_pool *p);

/* ---- progress.c -------------------------------------------------------- */

typedef struct cli_progress {
    bool on;
    double start, last;
    uint64_t docs, bytes, total_bytes; /* total 0 = unknown */
    int width;                          /* of the last line drawn */
} cli_progress;

/* On only when stderr is a terminal and `quiet` is off. */
void cli_progress_init(cli_progress *p, bool quiet);
/* Count a finished document and its input bytes; redraws at most 4 times
 * a second. */
void cli_progress_add(cli_progress *p, uint64_t docs, uint64_t bytes);
/* Erase the line (before other stderr output, and at the end). */
void cli_progress_clear(cli_progress *p);

/* ---- fetch.c ----------------------------------------------------------- */

typedef struct cli_fetched {
    char *body;         /* malloc'd, NUL-terminated */
    size_t len;
    char *final_url;    /* after redirects */
    char *charset;      /* from Content-Type, or NULL */
} cli_fetched;

/* Call once before any thread starts / at exit. */
void cli_fetch_global_init(void);
void cli_fetch_global_cleanup(void);
/* Whether this build can fetch (libcurl was found). */
bool cli_fetch_available(void);
/* GET a http(s) URL: connect timeout 10 s, total 30 s, up to 5 redirects,
 * at most `max` bytes, user agent winnow/VERSION. HTTP errors (4xx, 5xx)
 * fail. */
wn_status cli_fetch(const char *url, size_t max, cli_fetched *out, wn_error *err);
void cli_fetched_free(cli_fetched *f);

#endif
