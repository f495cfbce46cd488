/*
 * winnow.h - turn a web page into the article it carries.
 *
 * This is the one public header of libwinnow and its reference manual.
 *
 * Pipeline: input bytes -> decode (to UTF-8) -> parse (WHATWG HTML) ->
 * clean -> score -> metadata -> render (text, Markdown, JSON, HTML).
 *
 * Simple use:
 *
 *     wn_result *r;
 *     wn_error err;
 *     if (wn_extract(html, len, NULL, &r, &err) == WN_OK) {
 *         wn_str text;
 *         wn_result_render(r, WN_FORMAT_TEXT, &text, &err);
 *         fwrite(text.ptr, 1, text.len, stdout);
 *         wn_result_free(r);
 *     }
 *
 * Conventions:
 *  - Every function that can fail returns a wn_status; WN_OK is 0. When an
 *    optional wn_error pointer is given it receives the code, a message and
 *    the byte offset where known. The library never aborts and never prints.
 *  - Strings are UTF-8 slices (wn_str), not necessarily NUL-terminated
 *    unless stated. A missing value has ptr == NULL.
 *  - Memory: a document (wn_doc) or result (wn_result) owns one arena;
 *    everything returned from it lives until it is freed.
 *  - Thread safety: there is no global mutable state. Different documents
 *    may be used from different threads at once; one document must not be
 *    used from two threads at once.
 *  - Options: a zeroed wn_options (or NULL) means defaults.
 */
#ifndef WINNOW_H
#define WINNOW_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define WN_API __declspec(dllexport)
#elif defined(__GNUC__)
#define WN_API __attribute__((visibility("default")))
#else
#define WN_API
#endif

#define WN_VERSION_MAJOR 0
#define WN_VERSION_MINOR 1
#define WN_VERSION_PATCH 0
#define WN_VERSION_STRING "0.1.0"

/* ------------------------------------------------------------------------ */
/* Status codes and errors                                                  */

typedef enum wn_status {
    WN_OK = 0,
    WN_ERR_NOMEM,     /* the allocator returned NULL */
    WN_ERR_INVALID,   /* bad argument (NULL where one is required, ...) */
    WN_ERR_LIMIT,     /* a named limit was exceeded (see wn_options) */
    WN_ERR_IO,        /* reading a file or stream failed */
    WN_ERR_ENCODING,  /* unknown charset label given by the caller */
    WN_ERR_PARSE,     /* input could not be parsed at all */
    WN_ERR_FORMAT,    /* input is not in the expected format (gzip, WARC) */
    WN_ERR_NET,       /* fetching a URL failed */
    WN_ERR_EMPTY      /* the page has no extractable content */
} wn_status;

typedef struct wn_error {
    wn_status code;
    size_t offset;      /* byte offset in the input, or (size_t)-1 */
    char message[200];  /* NUL-terminated, human readable */
} wn_error;

/* Short constant description of a status ("out of memory", ...). */
WN_API const char *wn_status_str(wn_status status);

/* The library version, "MAJOR.MINOR.PATCH". */
WN_API const char *wn_version(void);

/* ------------------------------------------------------------------------ */
/* Plain data                                                               */

/* A UTF-8 slice. ptr == NULL means "no value". */
typedef struct wn_str {
    const char *ptr;
    size_t len;
} wn_str;

/* Allocator hooks. All three functions must be set, or none (defaults). */
typedef struct wn_allocator {
    void *(*malloc)(size_t size, void *ctx);
    void *(*realloc)(void *ptr, size_t size, void *ctx);
    void (*free)(void *ptr, void *ctx);
    void *ctx;
} wn_allocator;

/* ------------------------------------------------------------------------ */
/* Options                                                                  */

/* Flags for wn_options.flags (bit set). */
#define WN_OPT_PRECISION   0x0001u /* favour precision: drop doubtful blocks */
#define WN_OPT_RECALL      0x0002u /* favour recall: keep doubtful blocks */
#define WN_OPT_LINKS       0x0004u /* keep links in Markdown/HTML output */
#define WN_OPT_IMAGES      0x0008u /* keep images in Markdown/HTML output */
#define WN_OPT_NO_TABLES   0x0010u /* leave tables out */
#define WN_OPT_NO_CAPTIONS 0x0020u /* leave captions out (an article's text does anyway) */
#define WN_OPT_MARKDOWN_IN_JSON 0x0040u /* JSON output carries "markdown" */
#define WN_OPT_NO_METADATA 0x0080u /* skip metadata extraction */
#define WN_OPT_CAPTIONS    0x0100u /* keep captions in an article's text too (NO_CAPTIONS wins) */

/* Named limits and their defaults. Each bounds one pathology of hostile
 * input; 0 in wn_options means the default below. */
#define WN_DEFAULT_MAX_INPUT   (256u * 1024 * 1024) /* bytes of HTML accepted */
#define WN_DEFAULT_MAX_DEPTH   512u   /* element nesting (as browsers) */
#define WN_DEFAULT_MAX_ATTRS   1024u  /* attributes kept per element */
#define WN_DEFAULT_MAX_OUTPUT  (64u * 1024 * 1024) /* bytes of rendered output */
#define WN_DEFAULT_MAX_MEMORY  (2048u * 1024 * 1024) /* arena bytes per document */

typedef struct wn_options {
    uint32_t flags;            /* WN_OPT_* */
    const char *url;           /* the page's URL (base for relative links) */
    const char *charset;       /* charset from transport (HTTP/WARC), or NULL */
    size_t max_input;          /* 0 = WN_DEFAULT_MAX_INPUT */
    size_t max_depth;          /* 0 = WN_DEFAULT_MAX_DEPTH */
    size_t max_attrs;          /* 0 = WN_DEFAULT_MAX_ATTRS */
    size_t max_output;         /* 0 = WN_DEFAULT_MAX_OUTPUT */
    size_t max_memory;         /* 0 = WN_DEFAULT_MAX_MEMORY */
    const wn_allocator *allocator; /* NULL = malloc/realloc/free */
    void *reserved[4];         /* must be zero */
} wn_options;

/* ------------------------------------------------------------------------ */
/* Layer 1: decode + parse                                                  */

typedef struct wn_doc wn_doc;

/* Decode `len` bytes of HTML (any encoding; gzip is not handled here) and
 * parse them into a document. On success *out owns all its memory; free it
 * with wn_doc_free. Never fails on malformed HTML: the WHATWG algorithm
 * recovers from everything; it fails only on limits and memory. */
WN_API wn_status wn_doc_parse(const void *html, size_t len, const wn_options *opts,
                              wn_doc **out, wn_error *err);

/* The encoding the document was decoded from (WHATWG name, e.g. "UTF-8"). */
WN_API const char *wn_doc_encoding(const wn_doc *doc);

/* Free a document. NULL is allowed. */
WN_API void wn_doc_free(wn_doc *doc);

/* ------------------------------------------------------------------------ */
/* Layer 2: extraction                                                      */

typedef enum wn_page_type {
    WN_PAGE_ARTICLE = 0,
    WN_PAGE_FORUM,
    WN_PAGE_PRODUCT,
    WN_PAGE_COLLECTION,
    WN_PAGE_LISTING,
    WN_PAGE_DOCUMENTATION,
    WN_PAGE_SERVICE,
    WN_PAGE_OTHER
} wn_page_type;

/* "article", "forum", ... */
WN_API const char *wn_page_type_name(wn_page_type t);

/* What the page says about itself. Every string lives in the result. */
typedef struct wn_metadata {
    wn_str url;             /* canonical URL, else the URL given */
    wn_str title;           /* headline, without " | Site" suffixes */
    const wn_str *authors;  /* person or organisation names */
    size_t n_authors;
    wn_str date_published;  /* ISO 8601, as precise as the source ("2015-11" when a
                               dateline prints only a month and a year) */
    wn_str date_modified;
    wn_str site_name;
    wn_str section;
    const wn_str *tags;
    size_t n_tags;
    wn_str description;
    wn_str language;        /* BCP 47 */
    wn_str image_url;       /* lead image, absolute */
    wn_str image_caption;
    wn_page_type page_type;
    size_t word_count;      /* words in the extracted text */
} wn_metadata;

typedef struct wn_result wn_result;

/* One shot: decode, parse, extract. */
WN_API wn_status wn_extract(const void *html, size_t len, const wn_options *opts,
                            wn_result **out, wn_error *err);

/* Extract from a parsed document. The result takes ownership of doc
 * (whatever the status: on failure doc has been freed). */
WN_API wn_status wn_doc_extract(wn_doc *doc, const wn_options *opts, wn_result **out,
                                wn_error *err);

/* The metadata of a result (never NULL for a valid result). */
WN_API const wn_metadata *wn_result_metadata(const wn_result *r);

typedef enum wn_format {
    WN_FORMAT_TEXT = 0,  /* paragraphs separated by a blank line */
    WN_FORMAT_MARKDOWN,  /* CommonMark + GFM tables */
    WN_FORMAT_JSON,      /* one JSON object (no trailing newline) */
    WN_FORMAT_HTML       /* clean, safe HTML */
} wn_format;

/* Render the result. *out lives in the result until wn_result_free; it is
 * NUL-terminated. Rendering the same format twice returns the same text. */
WN_API wn_status wn_result_render(wn_result *r, wn_format fmt, wn_str *out, wn_error *err);

/* Free a result. NULL is allowed. */
WN_API void wn_result_free(wn_result *r);

/* Memory kept for reuse. With the default allocator, freeing a document
 * keeps its memory blocks for the calling thread's next document (at most
 * 32 MB per thread), so a crawl does not hand pages back to the kernel and
 * fault them in again for every document. The blocks are freed when the
 * thread exits; wn_memory_release frees the calling thread's blocks now
 * (call it after a batch, before a long pause). Documents parsed with an
 * allocator of your own (wn_options.allocator) always free to it. */
WN_API void wn_memory_release(void);

#ifdef __cplusplus
}
#endif

#endif /* WINNOW_H */
