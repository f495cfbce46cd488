/* http.h - the parts of HTTP/1.x a web archive or a fetch hands us: the
 * response head (status, Content-Type with its charset, Content-Encoding,
 * Transfer-Encoding) and the body behind it.
 *
 * The parser is lenient in the ways archived responses need: bare LF line
 * ends, "HTTP/2 200" status lines, folded header lines, missing reason
 * phrases, quoted or unquoted charset parameters.
 */
#ifndef WN_HTTP_H
#define WN_HTTP_H

#include <stdbool.h>
#include <stddef.h>

#include "winnow.h"

typedef struct wn_http_head {
    int status;             /* 100..999 */
    wn_str mime;            /* Content-Type without parameters, trimmed */
    wn_str charset;         /* its charset parameter, unquoted */
    wn_str content_encoding; /* e.g. "gzip" */
    bool chunked;           /* Transfer-Encoding: chunked */
    size_t head_len;        /* bytes of the head, blank line included */
} wn_http_head;

/* Parse the response head at the start of p[0..len). Strings point into p.
 * WN_ERR_FORMAT when p does not start with an HTTP status line or the
 * head does not end (blank line) within len bytes. */
wn_status wn_http_parse_head(const char *p, size_t len, wn_http_head *out);

/* Split a Content-Type value into its MIME type and charset parameter
 * (either may come back with ptr NULL). */
void wn_http_parse_content_type(const char *p, size_t len, wn_str *mime, wn_str *charset);

/* Whether a MIME type (case-insensitive) is one winnow extracts from:
 * text/html, application/xhtml+xml. An empty type is decided by sniffing
 * the body: markup ("<!doctype html", "<html", "<head", "<body" near the
 * start) counts as HTML. */
bool wn_http_is_html(wn_str mime, const char *body, size_t body_len);

/* Undo chunked transfer coding in place; returns the new length. A body
 * that is not well-formed chunked data is left as it is (some archives
 * keep the header but store the body de-chunked). */
size_t wn_http_dechunk(char *p, size_t len);

#endif
