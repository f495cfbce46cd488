/* jobs.c - a fixed pool of worker threads over a ring of job slots.
 *
 * The ring has `window` slots; job number n lives in slot n % window.
 * Three counters move forward: `submitted` (the producer's next number),
 * `taken` (the next job a worker picks up) and `emitted` (the next job to
 * write). Jobs are taken in order but finish in any order; whichever worker
 * finishes the job at `emitted` writes it and every finished job after it,
 * so output keeps input order. The producer waits while `window` jobs are
 * in flight: memory stays flat however many inputs there are, and a slow
 * job holds back at most `window` results behind it.
 *
 * With one worker there is no pool: the producer runs and writes each job
 * itself as it submits it, so `-j 1` is one thread doing everything (one
 * core, as a GNU parallel job slot expects), and `-j N` is N workers plus
 * the producer, which reads and inflates the input meanwhile.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { SLOT_EMPTY, SLOT_QUEUED, SLOT_RUNNING, SLOT_DONE };

struct cli_pool {
    pthread_mutex_t mu;
    pthread_cond_t work_cv;   /* a job was queued, or closing */
    pthread_cond_t space_cv;  /* a slot was freed */
    cli_job **jobs;
    int *state;
    size_t window;
    uint64_t submitted, taken, emitted;
    bool emitting;            /* a thread is writing output */
    bool closing;
    cli_work_fn work;
    cli_emit_fn emit;
    void *ctx;
    pthread_t *threads;
    int n_threads;
    bool inline_only;         /* one worker: the producer does the work */
};

/* With the lock held: write every finished job at the head of the ring.
 * The lock is dropped around emit so workers keep going meanwhile. */
static void
drain(cli_pool *p)
{
    if (p->emitting)
        return; /* the thread that is emitting will see our job too */
    p->emitting = true;
    for (;;) {
        size_t slot = (size_t)(p->emitted % p->window);
        if (p->emitted == p->submitted || p->state[slot] != SLOT_DONE)
            break;
        cli_job *j = p->jobs[slot];
        pthread_mutex_unlock(&p->mu);
        p->emit(j, p->ctx);
        cli_job_free(j);
        pthread_mutex_lock(&p->mu);
        p->jobs[slot] = NULL;
        p->state[slot] = SLOT_EMPTY;
        p->emitted++;
        pthread_cond_broadcast(&p->space_cv);
    }
    p->emitting = false;
}

static void *
worker(void *arg)
{
    cli_pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->taken == p->submitted && !p->closing)
            pthread_cond_wait(&p->work_cv, &p->mu);
        if (p->taken == p->submitted)
            break; /* closing and nothing left */
        size_t slot = (size_t)(p->taken++ % p->window);
        cli_job *j = p->jobs[slot];
        p->state[slot] = SLOT_RUNNING;
        pthread_mutex_unlock(&p->mu);
        p->work(j, p->ctx);
        pthread_mutex_lock(&p->mu);
        p->state[slot] = SLOT_DONE;
        drain(p);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

cli_pool *
cli_pool_new(int workers, size_t window, cli_work_fn work, cli_emit_fn emit, void *ctx)
{
    if (workers < 1)
        workers = 1;
    if (window < (size_t)workers * 2)
        window = (size_t)workers * 2;
    cli_pool *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    if (workers == 1) {
        p->inline_only = true;
        p->work = work;
        p->emit = emit;
        p->ctx = ctx;
        return p;
    }
    p->jobs = calloc(window, sizeof *p->jobs);
    p->state = calloc(window, sizeof *p->state);
    p->threads = calloc((size_t)workers, sizeof *p->threads);
    if (!p->jobs || !p->state || !p->threads) {
        free(p->jobs);
        free(p->state);
        free(p->threads);
        free(p);
        return NULL;
    }
    p->window = window;
    p->work = work;
    p->emit = emit;
    p->ctx = ctx;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work_cv, NULL);
    pthread_cond_init(&p->space_cv, NULL);
    for (int i = 0; i < workers; i++) {
        if (pthread_create(&p->threads[i], NULL, worker, p) != 0)
            break;
        p->n_threads++;
    }
    if (p->n_threads == 0) {
        pthread_mutex_destroy(&p->mu);
        pthread_cond_destroy(&p->work_cv);
        pthread_cond_destroy(&p->space_cv);
        free(p->jobs);
        free(p->state);
        free(p->threads);
        free(p);
        return NULL;
    }
    return p;
}

void
cli_pool_submit(cli_pool *p, cli_job *job)
{
    if (p->inline_only) {
        p->work(job, p->ctx);
        p->emit(job, p->ctx);
        cli_job_free(job);
        return;
    }
    pthread_mutex_lock(&p->mu);
    while (p->submitted - p->emitted >= p->window)
        pthread_cond_wait(&p->space_cv, &p->mu);
    size_t slot = (size_t)(p->submitted % p->window);
    p->jobs[slot] = job;
    p->state[slot] = SLOT_QUEUED;
    p->submitted++;
    pthread_cond_signal(&p->work_cv);
    pthread_mutex_unlock(&p->mu);
}

void
cli_pool_finish(cli_pool *p)
{
    if (p->inline_only) {
        free(p);
        return;
    }
    pthread_mutex_lock(&p->mu);
    p->closing = true;
    pthread_cond_broadcast(&p->work_cv);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->n_threads; i++)
        pthread_join(p->threads[i], NULL);
    /* every job was emitted by the workers: the last one to finish drained
     * the ring */
    pthread_mutex_destroy(&p->mu);
    pthread_cond_destroy(&p->work_cv);
    pthread_cond_destroy(&p->space_cv);
    free(p->jobs);
    free(p->state);
    free(p->threads);
    free(p);
}

cli_job *
cli_job_new(cli_job_kind kind, const char *name)
{
    cli_job *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    j->kind = kind;
    j->name = cli_strdup(name ? name : "");
    if (!j->name) {
        free(j);
        return NULL;
    }
    j->error.offset = (size_t)-1;
    return j;
}

void
cli_job_free(cli_job *j)
{
    if (!j)
        return;
    free(j->name);
    free(j->data);
    free(j->url);
    free(j->charset);
    free(j->record_id);
    free(j->warc_date);
    free(j->out);
    free(j);
}

char *
cli_strdup(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    char *d = malloc(n + 1);
    if (d)
        memcpy(d, s, n + 1);
    return d;
}
