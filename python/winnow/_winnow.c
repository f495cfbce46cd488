/* _winnow.c - the CPython extension over libwinnow.
 *
 * extract() releases the GIL for decoding, parsing, extraction and
 * rendering, so threads scale; results are built as dicts with the same keys
 * as the JSON output (docs/FORMATS.md). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <string.h>

#include "winnow.h"

static PyObject *WinnowError;

static PyObject *
str_or_none(wn_str s)
{
    if (!s.ptr)
        Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8(s.ptr, (Py_ssize_t)s.len, "replace");
}

static PyObject *
str_list(const wn_str *v, size_t n)
{
    PyObject *list = PyList_New((Py_ssize_t)n);
    if (!list)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        PyObject *s = str_or_none(v[i]);
        if (!s) {
            Py_DECREF(list);
            return NULL;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, s);
    }
    return list;
}

static int
set_item(PyObject *d, const char *key, PyObject *value)
{
    if (!value)
        return -1;
    int rc = PyDict_SetItemString(d, key, value);
    Py_DECREF(value);
    return rc;
}

/* The dict for one result; `extra` are rendered formats to add. */
static PyObject *
result_dict(wn_result *r, const wn_str *text, const wn_str *markdown, const wn_str *html)
{
    const wn_metadata *m = wn_result_metadata(r);
    PyObject *d = PyDict_New();
    if (!d)
        return NULL;
    PyObject *image;
    if (m->image_url.ptr) {
        image = PyDict_New();
        if (!image || set_item(image, "url", str_or_none(m->image_url)) ||
            set_item(image, "caption", str_or_none(m->image_caption))) {
            Py_XDECREF(image);
            Py_DECREF(d);
            return NULL;
        }
    } else {
        image = Py_NewRef(Py_None);
    }
    if (set_item(d, "url", str_or_none(m->url)) || set_item(d, "title", str_or_none(m->title)) ||
        set_item(d, "authors", str_list(m->authors, m->n_authors)) ||
        set_item(d, "date_published", str_or_none(m->date_published)) ||
        set_item(d, "date_modified", str_or_none(m->date_modified)) ||
        set_item(d, "site_name", str_or_none(m->site_name)) ||
        set_item(d, "section", str_or_none(m->section)) ||
        set_item(d, "tags", str_list(m->tags, m->n_tags)) ||
        set_item(d, "description", str_or_none(m->description)) ||
        set_item(d, "language", str_or_none(m->language)) || set_item(d, "image", image) ||
        set_item(d, "page_type", PyUnicode_FromString(wn_page_type_name(m->page_type))) ||
        set_item(d, "text", str_or_none(*text)) ||
        (markdown->ptr && set_item(d, "markdown", str_or_none(*markdown))) ||
        (html->ptr && set_item(d, "html", str_or_none(*html))) ||
        set_item(d, "word_count", PyLong_FromSize_t(m->word_count))) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *
raise_error(const char *input, const wn_error *err)
{
    const char *why = err->message[0] ? err->message : wn_status_str(err->code);
    PyObject *exc = PyObject_CallFunction(WinnowError, "s", "");
    if (!exc)
        return NULL;
    PyObject *msg = PyUnicode_FromFormat("%s: %s", input, why);
    PyObject *args = msg ? PyTuple_Pack(1, msg) : NULL;
    PyObject *in = PyUnicode_FromString(input);
    PyObject *code = PyLong_FromLong((long)err->code);
    if (args && in && code && PyObject_SetAttrString(exc, "args", args) == 0 &&
        PyObject_SetAttrString(exc, "input", in) == 0 &&
        PyObject_SetAttrString(exc, "code", code) == 0)
        PyErr_SetObject(WinnowError, exc);
    Py_XDECREF(msg);
    Py_XDECREF(args);
    Py_XDECREF(in);
    Py_XDECREF(code);
    Py_DECREF(exc);
    return NULL;
}

static int
flag(PyObject *v, uint32_t bit, uint32_t *flags)
{
    if (!v)
        return 0;
    int t = PyObject_IsTrue(v);
    if (t < 0)
        return -1;
    if (t)
        *flags |= bit;
    return 0;
}

static PyObject *
py_extract(PyObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"html", "url", "format", "precision", "recall", "links", "images",
                             "tables", "captions", "markdown", "charset", NULL};
    PyObject *html, *precision = NULL, *recall = NULL, *links = NULL, *images = NULL;
    PyObject *tables = NULL, *captions = NULL, *markdown = NULL;
    const char *url = NULL, *format = "text", *charset = NULL;
    (void)self;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|zs$OOOOOOOz", kwlist, &html, &url, &format,
                                     &precision, &recall, &links, &images, &tables, &captions,
                                     &markdown, &charset))
        return NULL;
    wn_options o;
    memset(&o, 0, sizeof o);
    o.url = url;
    o.charset = charset;
    if (flag(precision, WN_OPT_PRECISION, &o.flags) || flag(recall, WN_OPT_RECALL, &o.flags) ||
        flag(links, WN_OPT_LINKS, &o.flags) || flag(images, WN_OPT_IMAGES, &o.flags) ||
        flag(markdown, WN_OPT_MARKDOWN_IN_JSON, &o.flags))
        return NULL;
    if (tables && !PyObject_IsTrue(tables))
        o.flags |= WN_OPT_NO_TABLES;
    if (captions && !PyObject_IsTrue(captions))
        o.flags |= WN_OPT_NO_CAPTIONS;
    int want_md = strcmp(format, "markdown") == 0 || (o.flags & WN_OPT_MARKDOWN_IN_JSON);
    int want_html = strcmp(format, "html") == 0;
    if (strcmp(format, "text") && strcmp(format, "markdown") && strcmp(format, "html") &&
        strcmp(format, "json")) {
        PyErr_Format(PyExc_ValueError, "format must be text, markdown, html or json, not %s",
                     format);
        return NULL;
    }

    Py_buffer view;
    const char *bytes;
    Py_ssize_t len;
    int have_view = 0;
    if (PyUnicode_Check(html)) {
        bytes = PyUnicode_AsUTF8AndSize(html, &len);
        if (!bytes)
            return NULL;
        o.charset = "utf-8";
    } else {
        if (PyObject_GetBuffer(html, &view, PyBUF_SIMPLE) < 0)
            return NULL;
        have_view = 1;
        bytes = view.buf;
        len = view.len;
    }
    const char *input = url ? url : "<html>";
    wn_result *r = NULL;
    wn_error err;
    memset(&err, 0, sizeof err);
    wn_str text = {0}, md = {0}, out_html = {0}, json = {0};
    wn_status st;
    Py_BEGIN_ALLOW_THREADS
    st = wn_extract(bytes, (size_t)len, &o, &r, &err);
    if (st == WN_OK)
        st = wn_result_render(r, WN_FORMAT_TEXT, &text, &err);
    if (st == WN_OK && want_md)
        st = wn_result_render(r, WN_FORMAT_MARKDOWN, &md, &err);
    if (st == WN_OK && want_html)
        st = wn_result_render(r, WN_FORMAT_HTML, &out_html, &err);
    if (st == WN_OK && strcmp(format, "json") == 0)
        st = wn_result_render(r, WN_FORMAT_JSON, &json, &err);
    Py_END_ALLOW_THREADS
    if (have_view)
        PyBuffer_Release(&view);
    if (st != WN_OK) {
        wn_result_free(r);
        return raise_error(input, &err);
    }
    PyObject *res;
    if (json.ptr)
        res = PyUnicode_DecodeUTF8(json.ptr, (Py_ssize_t)json.len, "replace");
    else
        res = result_dict(r, &text, &md, &out_html);
    wn_result_free(r);
    return res;
}

static PyMethodDef methods[] = {
    {"extract", (PyCFunction)(void (*)(void))py_extract, METH_VARARGS | METH_KEYWORDS,
     "extract(html, url=None, format='text', *, precision=False, recall=False, links=False,\n"
     "        images=False, tables=True, captions=True, markdown=False, charset=None) -> dict\n\n"
     "Extract the article from one page (bytes in any encoding, or str). Returns a dict with\n"
     "the keys of winnow's JSON output; format='markdown' adds 'markdown', format='html' adds\n"
     "'html'; format='json' returns the JSON text instead. Raises winnow.WinnowError."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "winnow._winnow",
                                    "CPython bindings of libwinnow.", -1, methods,
                                    NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__winnow(void);

PyMODINIT_FUNC
PyInit__winnow(void)
{
    PyObject *m = PyModule_Create(&module);
    if (!m)
        return NULL;
    WinnowError = PyErr_NewExceptionWithDoc("winnow.WinnowError",
                                            "Extraction failed: .input names the input, .code is "
                                            "the wn_status, .message the reason.",
                                            NULL, NULL);
    if (!WinnowError || PyModule_AddObjectRef(m, "WinnowError", WinnowError) < 0 ||
        PyModule_AddStringConstant(m, "__version__", wn_version()) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
