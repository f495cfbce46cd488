/* progress.c - one status line on stderr while winnow works: documents,
 * megabytes read, their rates, and an ETA when the total input size is
 * known. Drawn only on a terminal, so logs and pipes stay clean. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static double
now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void
cli_progress_init(cli_progress *p, bool quiet)
{
    *p = (cli_progress){0};
    p->on = !quiet && isatty(STDERR_FILENO);
    p->start = p->last = now();
}

static void
draw(cli_progress *p, double t)
{
    double secs = t - p->start > 1e-3 ? t - p->start : 1e-3;
    double mb = (double)p->bytes / 1e6;
    char line[160];
    int n = snprintf(line, sizeof line, "%llu docs, %.1f MB, %.0f docs/s, %.1f MB/s",
                     (unsigned long long)p->docs, mb, (double)p->docs / secs, mb / secs);
    if (p->total_bytes && p->bytes > 0 && p->bytes <= p->total_bytes) {
        double left = (double)(p->total_bytes - p->bytes) / ((double)p->bytes / secs);
        int pct = (int)(100.0 * (double)p->bytes / (double)p->total_bytes);
        n += snprintf(line + n, sizeof line - (size_t)n, ", %d%%, ETA %d:%02d", pct,
                      (int)left / 60, (int)left % 60);
    }
    if (n < 0)
        return;
    int pad = p->width > n ? p->width - n : 0;
    fprintf(stderr, "\r%s%*s", line, pad, "");
    fflush(stderr);
    p->width = n;
}

void
cli_progress_add(cli_progress *p, uint64_t docs, uint64_t bytes)
{
    p->docs += docs;
    p->bytes += bytes;
    if (!p->on)
        return;
    double t = now();
    if (t - p->last < 0.25)
        return;
    p->last = t;
    draw(p, t);
}

void
cli_progress_clear(cli_progress *p)
{
    if (!p->on || p->width == 0)
        return;
    fprintf(stderr, "\r%*s\r", p->width, "");
    fflush(stderr);
    p->width = 0;
}
