/* render_json.c - the result as one JSON object.
 *
 * Keys, always all of them and in this order: url, title, authors,
 * date_published, date_modified, site_name, section, tags, description,
 * language, image, page_type, text, markdown (only with
 * WN_OPT_MARKDOWN_IN_JSON), word_count. A missing string is null, never "";
 * a list without entries is []. The text (and Markdown) renderings are the
 * same ones wn_result_render gives, and are cached in the result.
 */
#include <string.h>

#include "render/render.h"

/* The rendering of `fmt` from the result's cache, rendered now if needed. */
static wn_status
cached(wn_result *r, wn_format fmt, wn_str *s)
{
    if (r->rendered[fmt].ptr) {
        *s = r->rendered[fmt];
        return WN_OK;
    }
    wn_buf b;
    wn_buf_init(&b, &r->doc->arena, r->doc->opts.max_output);
    wn_status st = fmt == WN_FORMAT_TEXT ? wn_render_text(r, &b) : wn_render_markdown(r, &b);
    if (st == WN_OK && b.failed)
        st = (wn_status)b.failed;
    const char *p = st == WN_OK ? wn_buf_cstr(&b) : NULL;
    if (st != WN_OK)
        return st;
    if (!p) {
        /* nothing was written: an empty rendering */
        p = "";
    }
    r->rendered[fmt].ptr = p;
    r->rendered[fmt].len = b.len;
    *s = r->rendered[fmt];
    return WN_OK;
}

static void
key(wn_buf *b, const char *k, bool first)
{
    if (!first)
        wn_buf_putc(b, ',');
    wn_buf_putc(b, '"');
    wn_buf_puts(b, k);
    wn_buf_puts(b, "\":");
}

static void
str_field(wn_buf *b, const char *k, wn_str v)
{
    key(b, k, false);
    wn_render_json_string(b, v.ptr, v.len);
}

static void
list_field(wn_buf *b, const char *k, const wn_str *v, size_t n)
{
    key(b, k, false);
    wn_buf_putc(b, '[');
    bool first = true;
    for (size_t i = 0; v && i < n; i++) {
        if (!v[i].ptr || !v[i].len)
            continue;
        if (!first)
            wn_buf_putc(b, ',');
        wn_render_json_string(b, v[i].ptr, v[i].len);
        first = false;
    }
    wn_buf_putc(b, ']');
}

wn_status
wn_render_json(wn_result *r, wn_buf *out)
{
    if (!r || !out || !r->doc)
        return WN_ERR_INVALID;
    wn_str text, md = {NULL, 0};
    wn_status st = cached(r, WN_FORMAT_TEXT, &text);
    if (st == WN_OK && (r->doc->opts.flags & WN_OPT_MARKDOWN_IN_JSON))
        st = cached(r, WN_FORMAT_MARKDOWN, &md);
    if (st != WN_OK)
        return st;

    const wn_metadata *m = &r->meta;
    wn_str url = m->url;
    if (!url.ptr || !url.len) {
        url.ptr = r->doc->opts.url;
        url.len = r->doc->opts.url_len;
    }
    wn_buf_putc(out, '{');
    key(out, "url", true);
    wn_render_json_string(out, url.ptr, url.len);
    str_field(out, "title", m->title);
    list_field(out, "authors", m->authors, m->n_authors);
    str_field(out, "date_published", m->date_published);
    str_field(out, "date_modified", m->date_modified);
    str_field(out, "site_name", m->site_name);
    str_field(out, "section", m->section);
    list_field(out, "tags", m->tags, m->n_tags);
    str_field(out, "description", m->description);
    str_field(out, "language", m->language);
    key(out, "image", false);
    if (m->image_url.ptr && m->image_url.len) {
        wn_buf_puts(out, "{\"url\":");
        wn_render_json_string(out, m->image_url.ptr, m->image_url.len);
        wn_buf_puts(out, ",\"caption\":");
        wn_render_json_string(out, m->image_caption.ptr, m->image_caption.len);
        wn_buf_putc(out, '}');
    } else {
        wn_buf_puts(out, "null");
    }
    const char *pt = wn_page_type_name(m->page_type);
    str_field(out, "page_type", (wn_str){pt, strlen(pt)});
    str_field(out, "text", text);
    if (r->doc->opts.flags & WN_OPT_MARKDOWN_IN_JSON)
        str_field(out, "markdown", md);
    key(out, "word_count", false);
    wn_buf_printf(out, "%zu", m->word_count);
    wn_buf_putc(out, '}');
    return out->failed ? (wn_status)out->failed : WN_OK;
}
