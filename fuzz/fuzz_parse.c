/* fuzz_parse.c - libFuzzer target: decode + parse.
 *
 * The first input byte chooses options so the option space is explored:
 * bits 0-2 a transport charset hint, bits 3-4 a depth limit, bit 5 a small
 * attribute limit. The rest is the page. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "winnow.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const charsets[8] = {
    NULL, "utf-8", "windows-1252", "shift_jis", "utf-16le", "gb2312", "iso-8859-2", "bogus-label",
};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    uint8_t sel = data[0];
    wn_options o;
    memset(&o, 0, sizeof o);
    o.charset = charsets[sel & 7];
    static const size_t depths[4] = {0, 3, 32, 100000};
    o.max_depth = depths[(sel >> 3) & 3];
    if (sel & 0x20)
        o.max_attrs = 2;
    o.max_memory = 256u * 1024 * 1024;
    wn_doc *doc = NULL;
    wn_error err;
    if (wn_doc_parse(data + 1, size - 1, &o, &doc, &err) == WN_OK)
        wn_doc_free(doc);
    return 0;
}
