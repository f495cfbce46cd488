/* fuzz_warc.c - the WARC reader, HTTP head parser and gzip reader on
 * hostile bytes. The first byte picks the body cap (so the limit paths are
 * explored too); the rest is the file. Every record read must be counted
 * once: html + skipped + failed == records. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "input/http.h"
#include "input/input.h"
#include "input/warc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    size_t max_body = (size_t)(data[0] % 8) * 512 + 1;
    data++;
    size--;
    wn_warc_reader *r;
    if (wn_warc_open_mem(data, size, max_body, &r, NULL) == WN_OK) {
        wn_warc_record rec;
        memset(&rec, 0, sizeof rec);
        uint64_t n = 0;
        while (wn_warc_next(r, &rec)) {
            if (rec.outcome == WN_WARC_HTML && (!rec.body || rec.body[rec.body_len] != '\0'))
                abort();
            if (++n > size + 1) /* each record consumes at least one byte */
                abort();
        }
        wn_warc_record_free(&rec);
        wn_warc_stats st = wn_warc_get_stats(r);
        if (st.records != n || st.html + st.skipped + st.failed != st.records)
            abort();
        wn_warc_close(r);
    }
    wn_http_head h;
    if (wn_http_parse_head((const char *)data, size, &h) == WN_OK && h.head_len > size)
        abort();
    char *copy = malloc(size + 1);
    if (copy) {
        memcpy(copy, data, size);
        if (wn_http_dechunk(copy, size) > size)
            abort();
        free(copy);
    }
    char *out;
    size_t out_len;
    if (wn_input_inflate(data, size, 1u << 20, &out, &out_len, NULL) == WN_OK)
        free(out);
    return 0;
}
