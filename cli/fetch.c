/* fetch.c - GET a page with libcurl for `winnow URL`. Kept out of the
 * library so libwinnow does not depend on curl; without libcurl at build
 * time (no WN_HAVE_CURL) URLs fail with a clear message. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "input/http.h"
#include "input/input.h"

#ifdef WN_HAVE_CURL
#include <curl/curl.h>

typedef struct sink {
    char *ptr;
    size_t len, cap, max;
    bool over;
} sink;

static size_t
on_data(char *data, size_t size, size_t nmemb, void *arg)
{
    sink *s = arg;
    size_t n = size * nmemb;
    if (n > s->max - s->len) {
        s->over = true;
        return 0; /* aborts the transfer */
    }
    if (s->len + n + 1 > s->cap) {
        size_t cap = s->cap ? s->cap : 64 * 1024;
        while (cap < s->len + n + 1)
            cap *= 2;
        char *p = realloc(s->ptr, cap);
        if (!p)
            return 0;
        s->ptr = p;
        s->cap = cap;
    }
    memcpy(s->ptr + s->len, data, n);
    s->len += n;
    return n;
}

void
cli_fetch_global_init(void)
{
    curl_global_init(CURL_GLOBAL_DEFAULT);
}

void
cli_fetch_global_cleanup(void)
{
    curl_global_cleanup();
}

bool
cli_fetch_available(void)
{
    return true;
}

wn_status
cli_fetch(const char *url, size_t max, cli_fetched *out, wn_error *err)
{
    memset(out, 0, sizeof *out);
    if (max == 0)
        max = WN_DEFAULT_MAX_INPUT;
    CURL *c = curl_easy_init();
    if (!c)
        return wn_input_error(err, WN_ERR_NOMEM, (size_t)-1, "cannot start libcurl");
    sink s = {NULL, 0, 0, max, false};
    char errbuf[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L); /* threads: no SIGALRM for timeouts */
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(c, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "winnow/" WN_VERSION_STRING);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, ""); /* every coding curl can undo */
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)max);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &s);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    CURLcode rc = curl_easy_perform(c);
    wn_status st = WN_OK;
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    if (s.over || rc == CURLE_FILESIZE_EXCEEDED) {
        st = wn_input_error(err, WN_ERR_LIMIT, max,
                            "response exceeds the limit of %zu bytes (max_input)", max);
    } else if (rc != CURLE_OK) {
        st = wn_input_error(err, WN_ERR_NET, (size_t)-1, "fetch failed: %s",
                            errbuf[0] ? errbuf : curl_easy_strerror(rc));
    } else if (code >= 400) {
        st = wn_input_error(err, WN_ERR_NET, (size_t)-1, "fetch failed: HTTP status %ld", code);
    } else if (!s.ptr && !(s.ptr = malloc(1))) {
        st = wn_input_error(err, WN_ERR_NOMEM, (size_t)-1, "out of memory");
    }
    if (st == WN_OK) {
        s.ptr[s.len] = '\0';
        out->body = s.ptr;
        out->len = s.len;
        s.ptr = NULL;
        char *eff = NULL;
        curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &eff);
        out->final_url = cli_strdup(eff ? eff : url);
        char *ct = NULL;
        curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ct);
        if (ct) {
            wn_str mime, cs;
            wn_http_parse_content_type(ct, strlen(ct), &mime, &cs);
            if (cs.ptr) {
                out->charset = malloc(cs.len + 1);
                if (out->charset) {
                    memcpy(out->charset, cs.ptr, cs.len);
                    out->charset[cs.len] = '\0';
                }
            }
        }
    }
    free(s.ptr);
    curl_easy_cleanup(c);
    return st;
}

#else /* !WN_HAVE_CURL */

void
cli_fetch_global_init(void)
{
}

void
cli_fetch_global_cleanup(void)
{
}

bool
cli_fetch_available(void)
{
    return false;
}

wn_status
cli_fetch(const char *url, size_t max, cli_fetched *out, wn_error *err)
{
    (void)url;
    (void)max;
    memset(out, 0, sizeof *out);
    return wn_input_error(err, WN_ERR_NET, (size_t)-1,
                          "cannot fetch URLs: winnow was built without libcurl");
}

#endif

void
cli_fetched_free(cli_fetched *f)
{
    free(f->body);
    free(f->final_url);
    free(f->charset);
    memset(f, 0, sizeof *f);
}
