/* fuzz_extract.c - libFuzzer target: decode + parse + extract + every
 * renderer. The first byte chooses option flags (precision/recall, links,
 * images, tables, captions, markdown in JSON) and a base URL. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "winnow.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t sel = data[0];
    wn_options o;
    memset(&o, 0, sizeof o);
    o.flags = sel & 0x7f;
    o.url = (sel & 0x80) ? "https://example.org/a/b/page.html?q=1" : NULL;
    o.max_memory = 256u * 1024 * 1024;
    o.max_output = 1u << 20;
    wn_result *r = NULL;
    wn_error err;
    if (wn_extract(data + 1, size - 1, &o, &r, &err) != WN_OK)
        return 0;
    for (int f = WN_FORMAT_TEXT; f <= WN_FORMAT_HTML; f++) {
        wn_str out;
        wn_result_render(r, (wn_format)f, &out, &err);
    }
    const wn_metadata *m = wn_result_metadata(r);
    (void)m;
    wn_result_free(r);
    return 0;
}
