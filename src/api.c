/* api.c - the public entry points: options, wn_doc_parse, wn_extract,
 * rendering with a per-result cache. Runs the stages in the order that
 * pipeline.h describes. */
#include <stdio.h>
#include <string.h>

#include "parse/tree.h"
#include "pipeline.h"

static const char *const status_names[] = {
    "ok",
    "out of memory",
    "invalid argument",
    "limit exceeded",
    "input/output error",
    "unknown encoding",
    "parse error",
    "bad input format",
    "network error",
    "no content",
};

const char *
wn_status_str(wn_status status)
{
    if ((unsigned)status < sizeof status_names / sizeof status_names[0])
        return status_names[status];
    return "unknown status";
}

const char *
wn_version(void)
{
    return WN_VERSION_STRING;
}

static const char *const page_type_names[] = {
    "article", "forum", "product", "collection", "listing", "documentation", "service", "other",
};

const char *
wn_page_type_name(wn_page_type t)
{
    if ((unsigned)t < sizeof page_type_names / sizeof page_type_names[0])
        return page_type_names[t];
    return "other";
}

/* An allocation the arena refused because of max_memory is a limit, not an
 * out-of-memory condition: report it as such (the stages only see NULL). */
static wn_status
arena_status(const wn_doc *doc, wn_status st)
{
    if (st == WN_ERR_NOMEM && doc->arena.failed == WN_ERR_LIMIT)
        return WN_ERR_LIMIT;
    return st;
}

#define MEMORY_LIMIT_MSG "document exceeds the memory limit (max_memory)"

static wn_status
set_error(wn_error *err, wn_status code, size_t offset, const char *msg)
{
    if (err) {
        err->code = code;
        err->offset = offset;
        snprintf(err->message, sizeof err->message, "%s", msg ? msg : wn_status_str(code));
    }
    return code;
}

wn_status
wn_opts_resolve(const wn_options *in, wn_arena *arena, wn_opts_resolved *out)
{
    static const wn_options zero;
    if (!in)
        in = &zero;
    memset(out, 0, sizeof *out);
    out->flags = in->flags;
    out->max_input = in->max_input ? in->max_input : WN_DEFAULT_MAX_INPUT;
    out->max_depth = in->max_depth ? in->max_depth : WN_DEFAULT_MAX_DEPTH;
    out->max_attrs = in->max_attrs ? in->max_attrs : WN_DEFAULT_MAX_ATTRS;
    out->max_output = in->max_output ? in->max_output : WN_DEFAULT_MAX_OUTPUT;
    out->max_memory = in->max_memory ? in->max_memory : WN_DEFAULT_MAX_MEMORY;
    if (in->url) {
        out->url_len = strlen(in->url);
        out->url = wn_arena_strndup(arena, in->url, out->url_len);
        if (!out->url)
            return WN_ERR_NOMEM;
    }
    if (in->charset) {
        out->charset = wn_arena_strndup(arena, in->charset, strlen(in->charset));
        if (!out->charset)
            return WN_ERR_NOMEM;
    }
    return WN_OK;
}

wn_status
wn_doc_parse(const void *html, size_t len, const wn_options *opts, wn_doc **out, wn_error *err)
{
    if (!out || (!html && len))
        return set_error(err, WN_ERR_INVALID, (size_t)-1, "NULL argument");
    *out = NULL;
    const wn_allocator *alloc = opts ? opts->allocator : NULL;
    size_t max_memory = (opts && opts->max_memory) ? opts->max_memory : WN_DEFAULT_MAX_MEMORY;
    wn_arena arena;
    wn_arena_init(&arena, alloc, max_memory);
    wn_doc *doc = wn_arena_calloc(&arena, 1, sizeof *doc);
    if (!doc) {
        wn_arena_free_all(&arena);
        return set_error(err, WN_ERR_NOMEM, (size_t)-1, NULL);
    }
    doc->arena = arena; /* from here on, the doc's arena is the live one */
    wn_status st = wn_opts_resolve(opts, &doc->arena, &doc->opts);
    if (st != WN_OK)
        goto fail;
    if (len > doc->opts.max_input) {
        char msg[120];
        snprintf(msg, sizeof msg, "input of %zu bytes exceeds the limit of %zu bytes", len,
                 doc->opts.max_input);
        st = set_error(err, WN_ERR_LIMIT, doc->opts.max_input, msg);
        wn_doc_free(doc);
        return st;
    }
    st = wn_decode(&doc->arena, html ? html : "", len, doc->opts.charset, &doc->decoded);
    if (st != WN_OK)
        goto fail;
    wn_parse_opts popts = {doc->opts.max_depth, doc->opts.max_attrs, 0, 1};
    st = wn_tree_parse(&doc->arena, doc->decoded.utf8, doc->decoded.len, &popts, &doc->dom);
    if (st != WN_OK)
        goto fail;
    *out = doc;
    return WN_OK;
fail:
    st = arena_status(doc, st);
    set_error(err, st, (size_t)-1, st == WN_ERR_LIMIT ? MEMORY_LIMIT_MSG : NULL);
    wn_doc_free(doc);
    return st;
}

const char *
wn_doc_encoding(const wn_doc *doc)
{
    return doc && doc->decoded.encoding ? doc->decoded.encoding : "UTF-8";
}

void
wn_doc_free(wn_doc *doc)
{
    if (!doc)
        return;
    wn_arena arena = doc->arena; /* the doc itself lives in its arena */
    wn_arena_free_all(&arena);
}

wn_status
wn_doc_extract(wn_doc *doc, const wn_options *opts, wn_result **out, wn_error *err)
{
    if (!doc || !out) {
        wn_doc_free(doc);
        return set_error(err, WN_ERR_INVALID, (size_t)-1, "NULL argument");
    }
    *out = NULL;
    wn_status st = WN_OK;
    if (opts) {
        /* options given here override those of the parse (flags, url) */
        st = wn_opts_resolve(opts, &doc->arena, &doc->opts);
        if (st != WN_OK)
            goto fail;
    }
    wn_result *r = wn_arena_calloc(&doc->arena, 1, sizeof *r);
    if (!r) {
        st = WN_ERR_NOMEM;
        goto fail;
    }
    r->doc = doc;
    if ((st = wn_clean(doc)) != WN_OK)
        goto fail;
    if (!(doc->opts.flags & WN_OPT_NO_METADATA) &&
        (st = wn_metadata_extract(doc, &r->meta)) != WN_OK)
        goto fail;
    if ((st = wn_score(doc, &r->meta, &r->content)) != WN_OK)
        goto fail;
    if ((st = wn_metadata_finish(doc, &r->content, &r->meta)) != WN_OK)
        goto fail;
    *out = r;
    return WN_OK;
fail:
    st = arena_status(doc, st);
    set_error(err, st, (size_t)-1, st == WN_ERR_LIMIT ? MEMORY_LIMIT_MSG : NULL);
    wn_doc_free(doc);
    return st;
}

wn_status
wn_extract(const void *html, size_t len, const wn_options *opts, wn_result **out, wn_error *err)
{
    if (!out)
        return set_error(err, WN_ERR_INVALID, (size_t)-1, "NULL argument");
    *out = NULL;
    wn_doc *doc;
    wn_status st = wn_doc_parse(html, len, opts, &doc, err);
    if (st != WN_OK)
        return st;
    return wn_doc_extract(doc, NULL, out, err);
}

const wn_metadata *
wn_result_metadata(const wn_result *r)
{
    return r ? &r->meta : NULL;
}

wn_status
wn_result_render(wn_result *r, wn_format fmt, wn_str *out, wn_error *err)
{
    if (!r || !out || (unsigned)fmt > WN_FORMAT_HTML)
        return set_error(err, WN_ERR_INVALID, (size_t)-1, "bad argument");
    if (r->rendered[fmt].ptr) {
        *out = r->rendered[fmt];
        return WN_OK;
    }
    wn_buf b;
    wn_buf_init(&b, &r->doc->arena, r->doc->opts.max_output);
    wn_status st;
    switch (fmt) {
    case WN_FORMAT_TEXT:
        st = wn_render_text(r, &b);
        break;
    case WN_FORMAT_MARKDOWN:
        st = wn_render_markdown(r, &b);
        break;
    case WN_FORMAT_JSON:
        st = wn_render_json(r, &b);
        break;
    default:
        st = wn_render_html(r, &b);
        break;
    }
    if (st == WN_OK && b.failed)
        st = (wn_status)b.failed;
    const char *s = st == WN_OK ? wn_buf_cstr(&b) : NULL;
    if (st == WN_OK && !s)
        st = b.failed ? (wn_status)b.failed : WN_ERR_NOMEM;
    if (st == WN_ERR_LIMIT) /* buffers say LIMIT only for max_output */
        return set_error(err, st, (size_t)-1, "output exceeds the limit (max_output)");
    st = arena_status(r->doc, st);
    if (st != WN_OK)
        return set_error(err, st, (size_t)-1, st == WN_ERR_LIMIT ? MEMORY_LIMIT_MSG : NULL);
    r->rendered[fmt].ptr = s;
    r->rendered[fmt].len = b.len;
    *out = r->rendered[fmt];
    return WN_OK;
}

void
wn_result_free(wn_result *r)
{
    if (r)
        wn_doc_free(r->doc);
}
