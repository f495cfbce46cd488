/* _winnow.c - the CPython extension over libwinnow.
 *
 * extract() and the WARC iterator release the GIL for everything libwinnow
 * does (reading, decoding, parsing, extraction, rendering), so a thread pool
 * scales across cores; only building the result dict holds it. Results are
 * dicts with the keys of the JSON output (docs/PYTHON.md lists them).
 *
 * Errors are winnow.WinnowError with .input naming what
 * failed (the URL given, or "<bytes>"/"<str>"; for WARC records the file and
 * the record's target URI), .code the wn_status and .message the reason. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "winnow.h"

/* iter_warc() is built over the library's WARC reader (src/input/warc.c). */
#include "input/warc.h"

/* The exception class; created once in module init, never replaced (the
 * module is single-phase: one instance per interpreter). */
static PyObject *WinnowError;

/* ------------------------------------------------------------------------ */
/* Options shared by extract() and iter_warc()                              */

enum { FMT_TEXT, FMT_MARKDOWN, FMT_HTML, FMT_JSON };

typedef struct call_opts {
    wn_options o;
    int format;       /* FMT_* */
    int want_md;      /* render Markdown (format, or markdown=True) */
} call_opts;

static int
set_flag(PyObject *v, uint32_t bit, int when, uint32_t *flags)
{
    if (!v)
        return 0;
    int t = PyObject_IsTrue(v);
    if (t < 0)
        return -1;
    if (t == when)
        *flags |= bit;
    return 0;
}

static int
size_opt(PyObject *v, const char *name, size_t *out)
{
    if (!v || v == Py_None)
        return 0;
    size_t n = PyLong_AsSize_t(v);
    if (n == (size_t)-1 && PyErr_Occurred()) {
        PyErr_Format(PyExc_ValueError, "%s must be a non-negative int", name);
        return -1;
    }
    *out = n;
    return 0;
}

/* Fill `c` from the keyword values (NULL = not given). */
static int
opts_fill(call_opts *c, const char *format, PyObject *precision, PyObject *recall,
          PyObject *links, PyObject *images, PyObject *tables, PyObject *captions,
          PyObject *markdown, PyObject *metadata, PyObject *max_input, PyObject *max_memory)
{
    memset(c, 0, sizeof *c);
    if (strcmp(format, "text") == 0)
        c->format = FMT_TEXT;
    else if (strcmp(format, "markdown") == 0)
        c->format = FMT_MARKDOWN;
    else if (strcmp(format, "html") == 0)
        c->format = FMT_HTML;
    else if (strcmp(format, "json") == 0)
        c->format = FMT_JSON;
    else {
        PyErr_Format(PyExc_ValueError, "format must be 'text', 'markdown', 'html' or 'json', not '%s'",
                     format);
        return -1;
    }
    uint32_t *f = &c->o.flags;
    if (captions == Py_None) /* as the format decides */
        captions = NULL;
    if (set_flag(precision, WN_OPT_PRECISION, 1, f) || set_flag(recall, WN_OPT_RECALL, 1, f) ||
        set_flag(links, WN_OPT_LINKS, 1, f) || set_flag(images, WN_OPT_IMAGES, 1, f) ||
        set_flag(tables, WN_OPT_NO_TABLES, 0, f) || set_flag(captions, WN_OPT_NO_CAPTIONS, 0, f) ||
        set_flag(captions, WN_OPT_CAPTIONS, 1, f) ||
        set_flag(markdown, WN_OPT_MARKDOWN_IN_JSON, 1, f) ||
        set_flag(metadata, WN_OPT_NO_METADATA, 0, f) ||
        size_opt(max_input, "max_input", &c->o.max_input) ||
        size_opt(max_memory, "max_memory", &c->o.max_memory))
        return -1;
    c->want_md = c->format == FMT_MARKDOWN || (c->o.flags & WN_OPT_MARKDOWN_IN_JSON);
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Running libwinnow (no Python calls: these run without the GIL)          */

typedef struct rendered {
    wn_str text, markdown, html, json;
    int want_md, want_html;
} rendered;

static wn_status
run_extract(const void *bytes, size_t len, const call_opts *c, wn_result **r, rendered *out,
            wn_error *err)
{
    memset(out, 0, sizeof *out);
    out->want_md = c->want_md;
    out->want_html = c->format == FMT_HTML;
    *r = NULL;
    wn_status st = wn_extract(bytes, len, &c->o, r, err);
    if (st == WN_OK && c->format == FMT_JSON)
        return wn_result_render(*r, WN_FORMAT_JSON, &out->json, err);
    if (st == WN_OK)
        st = wn_result_render(*r, WN_FORMAT_TEXT, &out->text, err);
    if (st == WN_OK && c->want_md)
        st = wn_result_render(*r, WN_FORMAT_MARKDOWN, &out->markdown, err);
    if (st == WN_OK && c->format == FMT_HTML)
        st = wn_result_render(*r, WN_FORMAT_HTML, &out->html, err);
    return st;
}

/* ------------------------------------------------------------------------ */
/* Building results (GIL held)                                              */

/* As the JSON renderer: a missing or empty string is None. */
static PyObject *
str_or_none(wn_str s)
{
    if (!s.ptr || !s.len) {
        Py_INCREF(Py_None);
        return Py_None;
    }
    return PyUnicode_DecodeUTF8(s.ptr, (Py_ssize_t)s.len, "replace");
}

/* A rendering: "" when there is nothing. */
static PyObject *
str_or_empty(wn_str s)
{
    return PyUnicode_DecodeUTF8(s.ptr ? s.ptr : "", (Py_ssize_t)(s.ptr ? s.len : 0), "replace");
}

/* As the JSON renderer: empty entries are left out. */
static PyObject *
str_list(const wn_str *v, size_t n)
{
    PyObject *list = PyList_New(0);
    if (!list)
        return NULL;
    for (size_t i = 0; v && i < n; i++) {
        if (!v[i].ptr || !v[i].len)
            continue;
        PyObject *s = str_or_none(v[i]);
        if (!s || PyList_Append(list, s) < 0) {
            Py_XDECREF(s);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(s);
    }
    return list;
}

/* d[key] = value, stealing value; NULL value (a failed constructor) fails. */
static int
set_item(PyObject *d, const char *key, PyObject *value)
{
    if (!value)
        return -1;
    int rc = PyDict_SetItemString(d, key, value);
    Py_DECREF(value);
    return rc;
}

static PyObject *
image_dict(const wn_metadata *m)
{
    if (!m->image_url.ptr || !m->image_url.len) {
        Py_INCREF(Py_None);
        return Py_None;
    }
    PyObject *image = PyDict_New();
    if (!image || set_item(image, "url", str_or_none(m->image_url)) ||
        set_item(image, "caption", str_or_none(m->image_caption))) {
        Py_XDECREF(image);
        return NULL;
    }
    return image;
}

/* The result as a dict (or, for format="json", the JSON text). `url` is the
 * URL given, the value of "url" when the page names no canonical one. */
static PyObject *
result_object(wn_result *r, const rendered *out, const char *url)
{
    if (out->json.ptr)
        return PyUnicode_DecodeUTF8(out->json.ptr, (Py_ssize_t)out->json.len, "replace");
    const wn_metadata *m = wn_result_metadata(r);
    PyObject *d = PyDict_New();
    if (!d)
        return NULL;
    wn_str u = m->url;
    if ((!u.ptr || !u.len) && url) {
        u.ptr = url;
        u.len = strlen(url);
    }
    if (set_item(d, "url", str_or_none(u)) || set_item(d, "title", str_or_none(m->title)) ||
        set_item(d, "authors", str_list(m->authors, m->n_authors)) ||
        set_item(d, "date_published", str_or_none(m->date_published)) ||
        set_item(d, "date_modified", str_or_none(m->date_modified)) ||
        set_item(d, "site_name", str_or_none(m->site_name)) ||
        set_item(d, "section", str_or_none(m->section)) ||
        set_item(d, "tags", str_list(m->tags, m->n_tags)) ||
        set_item(d, "description", str_or_none(m->description)) ||
        set_item(d, "language", str_or_none(m->language)) || set_item(d, "image", image_dict(m)) ||
        set_item(d, "page_type", PyUnicode_FromString(wn_page_type_name(m->page_type))) ||
        set_item(d, "text", str_or_empty(out->text)) ||
        (out->want_md && set_item(d, "markdown", str_or_empty(out->markdown))) ||
        (out->want_html && set_item(d, "html", str_or_empty(out->html))) ||
        set_item(d, "word_count", PyLong_FromSize_t(m->word_count))) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

static const char *
error_reason(const wn_error *err, wn_status st)
{
    return err->message[0] ? err->message : wn_status_str(st);
}

/* Raise WinnowError("<input>: <reason>") with .input, .code, .message. */
static PyObject *
raise_error(PyObject *input, wn_status st, const wn_error *err)
{
    const char *why = error_reason(err, st);
    PyObject *text = PyUnicode_FromFormat("%U: %s", input, why);
    if (!text)
        return NULL;
    PyObject *exc = PyObject_CallFunctionObjArgs(WinnowError, text, NULL);
    Py_DECREF(text);
    if (!exc)
        return NULL;
    PyObject *code = PyLong_FromLong((long)st);
    PyObject *msg = PyUnicode_FromString(why);
    if (code && msg && PyObject_SetAttrString(exc, "input", input) == 0 &&
        PyObject_SetAttrString(exc, "code", code) == 0 &&
        PyObject_SetAttrString(exc, "message", msg) == 0)
        PyErr_SetObject(WinnowError, exc);
    Py_XDECREF(code);
    Py_XDECREF(msg);
    Py_DECREF(exc);
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* extract()                                                                */

static PyObject *
py_extract(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"html",     "url",       "format",     "precision", "recall",
                             "links",    "images",    "tables",     "captions",  "markdown",
                             "metadata", "charset",   "max_input",  "max_memory", NULL};
    PyObject *html, *precision = NULL, *recall = NULL, *links = NULL, *images = NULL;
    PyObject *tables = NULL, *captions = NULL, *markdown = NULL, *metadata = NULL;
    PyObject *max_input = NULL, *max_memory = NULL;
    const char *url = NULL, *format = "text", *charset = NULL;
    (void)self;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|zs$OOOOOOOOzOO", kwlist, &html, &url, &format,
                                     &precision, &recall, &links, &images, &tables, &captions,
                                     &markdown, &metadata, &charset, &max_input, &max_memory))
        return NULL;
    call_opts c;
    if (opts_fill(&c, format, precision, recall, links, images, tables, captions, markdown,
                  metadata, max_input, max_memory))
        return NULL;
    c.o.url = url;
    c.o.charset = charset;

    /* str input is already decoded: hand libwinnow its UTF-8 and say so.
     * The UTF-8 form is cached in the str object, which the caller's
     * argument tuple keeps alive while the GIL is released. */
    Py_buffer view;
    const char *bytes;
    Py_ssize_t len;
    int have_view = 0;
    if (PyUnicode_Check(html)) {
        bytes = PyUnicode_AsUTF8AndSize(html, &len);
        if (!bytes)
            return NULL;
        c.o.charset = "utf-8";
    } else {
        if (PyObject_GetBuffer(html, &view, PyBUF_SIMPLE) < 0) {
            PyErr_Format(PyExc_TypeError, "html must be bytes, a buffer or str, not %.100s",
                         Py_TYPE(html)->tp_name);
            return NULL;
        }
        have_view = 1;
        bytes = view.buf;
        len = view.len;
    }

    wn_result *r;
    rendered out;
    wn_error err;
    memset(&err, 0, sizeof err);
    wn_status st;
    Py_BEGIN_ALLOW_THREADS
    st = run_extract(bytes, (size_t)len, &c, &r, &out, &err);
    Py_END_ALLOW_THREADS
    if (have_view)
        PyBuffer_Release(&view);
    PyObject *res = NULL;
    if (st == WN_OK) {
        res = result_object(r, &out, url);
    } else {
        PyObject *input = url ? PyUnicode_FromString(url)
                              : PyUnicode_FromString(have_view ? "<bytes>" : "<str>");
        if (input) {
            raise_error(input, st, &err);
            Py_DECREF(input);
        }
    }
    wn_result_free(r);
    return res;
}

/* ------------------------------------------------------------------------ */
/* iter_warc(): an iterator over a WARC file's HTML pages                   */

typedef struct {
    PyObject_HEAD
    PyObject *path;         /* str, as given (for messages) */
    PyObject *path_bytes;   /* file-system encoded */
    int fd;                 /* -1 when closed */
    wn_warc_reader *reader; /* NULL when closed */
    wn_warc_record rec;
    call_opts c;
    int raise_errors;       /* errors="raise" */
    int busy;               /* a __next__ is running without the GIL */
    wn_warc_stats stats;    /* the final counts, once the reader is closed */
} warc_iter;

static void
warc_iter_close_files(warc_iter *it)
{
    wn_warc_record_free(&it->rec);
    if (it->reader)
        it->stats = wn_warc_get_stats(it->reader);
    wn_warc_close(it->reader);
    it->reader = NULL;
    if (it->fd >= 0)
        close(it->fd);
    it->fd = -1;
}

static void
warc_iter_dealloc(warc_iter *it)
{
    warc_iter_close_files(it);
    Py_XDECREF(it->path);
    Py_XDECREF(it->path_bytes);
    Py_TYPE(it)->tp_free((PyObject *)it);
}

static PyObject *
cstr_or_none(const char *s)
{
    if (!s || !*s) {
        Py_INCREF(Py_None);
        return Py_None;
    }
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

/* What the record names itself by in errors: "file: uri" or "file: record id". */
static PyObject *
record_input(warc_iter *it, const wn_warc_record *rec)
{
    const char *name = rec->target_uri && *rec->target_uri ? rec->target_uri
                       : rec->record_id && *rec->record_id ? rec->record_id
                                                           : NULL;
    if (name)
        return PyUnicode_FromFormat("%U: %s", it->path, name);
    return PyUnicode_FromFormat("%U: record at offset %llu", it->path,
                                (unsigned long long)rec->offset);
}

/* The provenance keys every yielded dict carries (as the CLI's JSON lines:
 * docs/json-schema.json, plus the target URI, which `url` may replace with
 * the canonical URL). */
static int
add_warc_keys(PyObject *d, const warc_iter *it, const wn_warc_record *rec)
{
    return PyDict_SetItemString(d, "input", it->path) ||
           set_item(d, "warc_target_uri", cstr_or_none(rec->target_uri)) ||
           set_item(d, "warc_record_id", cstr_or_none(rec->record_id)) ||
           set_item(d, "warc_date", cstr_or_none(rec->date)) ||
           set_item(d, "http_status", rec->http_status ? PyLong_FromLong(rec->http_status)
                                                       : (Py_INCREF(Py_None), Py_None));
}

/* A record that failed (reading or extracting): raise, or yield
 * {url, input, warc_*, http_status, error, status}. */
static PyObject *
record_error(warc_iter *it, const wn_warc_record *rec, wn_status st, const wn_error *err)
{
    PyObject *input = record_input(it, rec);
    if (!input)
        return NULL;
    if (it->raise_errors) {
        raise_error(input, st, err);
        Py_DECREF(input);
        return NULL;
    }
    Py_DECREF(input);
    PyObject *d = PyDict_New();
    if (!d || set_item(d, "url", cstr_or_none(rec->target_uri)) || add_warc_keys(d, it, rec) ||
        set_item(d, "error", PyUnicode_FromString(error_reason(err, st))) ||
        set_item(d, "status", PyUnicode_FromString(wn_status_str(st)))) {
        Py_XDECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *
warc_iter_next(warc_iter *it)
{
    if (!it->reader)
        return NULL; /* exhausted or closed: StopIteration */
    if (it->busy) {
        PyErr_SetString(PyExc_RuntimeError,
                        "winnow.iter_warc: one iterator used from two threads at once");
        return NULL;
    }
    it->busy = 1;
    wn_warc_record *rec = &it->rec;
    wn_result *r = NULL;
    rendered out;
    wn_error err;
    memset(&err, 0, sizeof err);
    wn_status st = WN_OK;
    int got;
    Py_BEGIN_ALLOW_THREADS
    while ((got = wn_warc_next(it->reader, rec)) && rec->outcome == WN_WARC_SKIPPED)
        ;
    if (got && rec->outcome == WN_WARC_HTML) {
        call_opts c = it->c;
        c.o.url = *rec->target_uri ? rec->target_uri : NULL;
        c.o.charset = rec->charset;
        st = run_extract(rec->body, rec->body_len, &c, &r, &out, &err);
    } else if (got) {
        st = rec->error.code != WN_OK ? rec->error.code : WN_ERR_FORMAT;
        err = rec->error;
    }
    Py_END_ALLOW_THREADS
    it->busy = 0;
    PyObject *res = NULL;
    if (!got) {
        warc_iter_close_files(it);
    } else if (st != WN_OK) {
        res = record_error(it, rec, st, &err);
    } else {
        res = result_object(r, &out, *rec->target_uri ? rec->target_uri : NULL);
        if (res && (add_warc_keys(res, it, rec) || PyDict_SetItemString(res, "error", Py_None))) {
            Py_DECREF(res);
            res = NULL;
        }
    }
    wn_result_free(r);
    return res;
}

static PyObject *
warc_iter_self(PyObject *self)
{
    Py_INCREF(self);
    return self;
}

static PyObject *
warc_iter_enter(PyObject *self, PyObject *unused)
{
    (void)unused;
    Py_INCREF(self);
    return self;
}

static PyObject *
warc_iter_close(warc_iter *it, PyObject *unused)
{
    (void)unused;
    if (it->busy) {
        PyErr_SetString(PyExc_RuntimeError, "winnow.iter_warc: close() while reading");
        return NULL;
    }
    warc_iter_close_files(it);
    Py_RETURN_NONE;
}

static PyObject *
warc_iter_exit(warc_iter *it, PyObject *args)
{
    (void)args;
    PyObject *r = warc_iter_close(it, NULL);
    if (!r)
        return NULL;
    Py_DECREF(r);
    Py_RETURN_FALSE;
}

static PyObject *
warc_iter_stats(warc_iter *it, void *closure)
{
    (void)closure;
    wn_warc_stats s = it->reader ? wn_warc_get_stats(it->reader) : it->stats;
    return Py_BuildValue("{s:K,s:K,s:K,s:K,s:K}", "records", (unsigned long long)s.records,
                         "html", (unsigned long long)s.html, "skipped",
                         (unsigned long long)s.skipped, "failed", (unsigned long long)s.failed,
                         "raw_bytes", (unsigned long long)s.raw_bytes);
}

static PyMethodDef warc_iter_methods[] = {
    {"close", (PyCFunction)warc_iter_close, METH_NOARGS, "Close the file."},
    {"__enter__", warc_iter_enter, METH_NOARGS, NULL},
    {"__exit__", (PyCFunction)warc_iter_exit, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL}};

static PyGetSetDef warc_iter_getset[] = {
    {"stats", (getter)warc_iter_stats, NULL,
     "Records read so far: records, html, skipped, failed, raw_bytes.", NULL},
    {NULL, NULL, NULL, NULL, NULL}};

static PyTypeObject warc_iter_type = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "winnow.WarcIterator",
    .tp_basicsize = sizeof(warc_iter),
    .tp_dealloc = (destructor)warc_iter_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Iterator over the HTML pages of a WARC file (see winnow.iter_warc).",
    .tp_iter = warc_iter_self,
    .tp_iternext = (iternextfunc)warc_iter_next,
    .tp_methods = warc_iter_methods,
    .tp_getset = warc_iter_getset,
};

static PyObject *
py_iter_warc(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"path",     "format",   "precision", "recall",    "links",
                             "images",   "tables",   "captions",  "markdown",  "metadata",
                             "errors",   "max_input", "max_memory", NULL};
    PyObject *path_bytes = NULL, *precision = NULL, *recall = NULL, *links = NULL;
    PyObject *images = NULL, *tables = NULL, *captions = NULL, *markdown = NULL, *metadata = NULL;
    PyObject *max_input = NULL, *max_memory = NULL;
    const char *format = "text", *errors = "yield";
    (void)self;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O&|s$OOOOOOOOsOO", kwlist, PyUnicode_FSConverter,
                                     &path_bytes, &format, &precision, &recall, &links, &images,
                                     &tables, &captions, &markdown, &metadata, &errors, &max_input,
                                     &max_memory))
        return NULL;
    warc_iter *it = PyObject_New(warc_iter, &warc_iter_type);
    if (!it) {
        Py_DECREF(path_bytes);
        return NULL;
    }
    it->path_bytes = path_bytes;
    it->path = NULL;
    it->fd = -1;
    it->reader = NULL;
    it->busy = 0;
    memset(&it->rec, 0, sizeof it->rec);
    memset(&it->stats, 0, sizeof it->stats);
    if (opts_fill(&it->c, format, precision, recall, links, images, tables, captions, markdown,
                  metadata, max_input, max_memory))
        goto fail;
    if (it->c.format == FMT_JSON) {
        PyErr_SetString(PyExc_ValueError, "iter_warc yields dicts: format must be 'text', "
                                          "'markdown' or 'html'");
        goto fail;
    }
    if (strcmp(errors, "yield") && strcmp(errors, "raise")) {
        PyErr_Format(PyExc_ValueError, "errors must be 'yield' or 'raise', not '%s'", errors);
        goto fail;
    }
    it->raise_errors = errors[0] == 'r';
    it->path = PyUnicode_DecodeFSDefault(PyBytes_AS_STRING(path_bytes));
    if (!it->path)
        goto fail;

    /* Open and sniff: a file that is not a WARC fails here, at the call,
     * instead of yielding one error record per guessed record boundary. */
    const char *cpath = PyBytes_AS_STRING(path_bytes);
    char head[16384];
    ssize_t n = 0;
    int saved_errno = 0;
    wn_status st = WN_OK;
    wn_error err;
    memset(&err, 0, sizeof err);
    Py_BEGIN_ALLOW_THREADS
    it->fd = open(cpath, O_RDONLY | O_CLOEXEC);
    if (it->fd < 0) {
        saved_errno = errno;
    } else {
        size_t have = 0;
        while (have < sizeof head) {
            n = read(it->fd, head + have, sizeof head - have);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            have += (size_t)n;
        }
        if (n < 0) {
            saved_errno = errno;
        } else if (!wn_warc_sniff(head, have)) {
            st = WN_ERR_FORMAT;
            snprintf(err.message, sizeof err.message, "not a WARC file");
        } else {
            st = wn_warc_open_fd(it->fd, head, have, it->c.o.max_input, &it->reader, &err);
        }
        n = (ssize_t)have;
    }
    Py_END_ALLOW_THREADS
    if (saved_errno) {
        errno = saved_errno;
        PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, it->path);
        goto fail;
    }
    if (st != WN_OK) {
        raise_error(it->path, st, &err);
        goto fail;
    }
    return (PyObject *)it;
fail:
    Py_DECREF(it);
    return NULL;
}


/* ------------------------------------------------------------------------ */
/* The module                                                               */

static PyMethodDef methods[] = {
    {"extract", (PyCFunction)(void (*)(void))py_extract, METH_VARARGS | METH_KEYWORDS,
     "extract(html, url=None, format='text', *, precision=False, recall=False, links=False,\n"
     "        images=False, tables=True, captions=True, markdown=False, metadata=True,\n"
     "        charset=None, max_input=None, max_memory=None) -> dict\n\n"
     "Extract the article from one page (bytes in any encoding, or str). Returns a dict with\n"
     "the keys of winnow's JSON output; format='markdown' adds 'markdown', format='html' adds\n"
     "'html'; format='json' returns the JSON text instead. Raises winnow.WinnowError.\n"
     "The GIL is released while winnow works."},
    {"iter_warc", (PyCFunction)(void (*)(void))py_iter_warc, METH_VARARGS | METH_KEYWORDS,
     "iter_warc(path, format='text', *, errors='yield', <extract options>) -> iterator\n\n"
     "Yield one dict per HTML page of a WARC file (plain, .warc.gz per record or whole-file\n"
     "gzip): the keys of extract() plus input (the path), warc_target_uri, warc_record_id,\n"
     "warc_date, http_status and error (None). A record that cannot be read or extracted\n"
     "yields {url, input, warc_*, http_status, error: message, status} (errors='raise':\n"
     "raises WinnowError).\n"
     "OSError when the file cannot be opened, WinnowError when it is not a WARC."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "winnow._winnow",
                                    "CPython bindings of libwinnow.", -1, methods,
                                    NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__winnow(void);

PyMODINIT_FUNC
PyInit__winnow(void)
{
    if (PyType_Ready(&warc_iter_type) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module);
    if (!m)
        return NULL;
    WinnowError = PyErr_NewExceptionWithDoc(
        "winnow.WinnowError",
        "Extraction failed. .input names the input (URL, '<bytes>', 'file.warc.gz: URI'),\n"
        ".code is the wn_status number, .message the reason.",
        NULL, NULL);
    if (!WinnowError)
        goto fail;
    Py_INCREF(WinnowError);
    if (PyModule_AddObject(m, "WinnowError", WinnowError) < 0) {
        Py_DECREF(WinnowError);
        goto fail;
    }
    Py_INCREF(&warc_iter_type);
    if (PyModule_AddObject(m, "WarcIterator", (PyObject *)&warc_iter_type) < 0) {
        Py_DECREF(&warc_iter_type);
        goto fail;
    }
    if (PyModule_AddStringConstant(m, "__version__", wn_version()) < 0)
        goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
