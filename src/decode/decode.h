/* decode.h - bytes in any encoding to UTF-8, as a browser decides.
 *
 * Order (HTML Standard 13.2.3 "determining the character encoding"):
 *   1. a byte order mark (UTF-8, UTF-16LE, UTF-16BE);
 *   2. a charset given by the transport (HTTP header, WARC record);
 *   3. the prescan of the first 1024 bytes (<meta charset>, http-equiv);
 *   4. detection from the bytes (libuchardet), trusted only when confident;
 *   5. windows-1252.
 * One deliberate departure from the standard: when 2 or 3 name a legacy
 * encoding but the whole page is valid, non-ASCII UTF-8, it is decoded as
 * UTF-8 (source WN_CHARSET_DETECTED): such pages were re-encoded after the
 * label was written, or the server's default charset was wrong.
 * Labels are mapped as the WHATWG Encoding Standard maps them ("latin1",
 * "ascii", "iso-8859-1" all mean windows-1252, "gb2312" means GBK, ...).
 * Conversion uses iconv; invalid sequences become U+FFFD, never a failure.
 * Valid UTF-8 input is returned without a copy.
 */
#ifndef WN_DECODE_H
#define WN_DECODE_H

#include <stddef.h>

#include "../util/arena.h"
#include "winnow.h"

typedef enum wn_charset_source {
    WN_CHARSET_BOM = 0,
    WN_CHARSET_TRANSPORT,
    WN_CHARSET_META,
    WN_CHARSET_DETECTED,
    WN_CHARSET_DEFAULT
} wn_charset_source;

typedef struct wn_decoded {
    const char *utf8;       /* valid UTF-8; may point into the input */
    size_t len;
    const char *encoding;   /* WHATWG canonical name, e.g. "windows-1252" */
    wn_charset_source source;
} wn_decoded;

/* Canonical WHATWG encoding name for a label (case-insensitive, surrounding
 * ASCII whitespace ignored), or NULL when the label is unknown. */
const char *wn_encoding_for_label(const char *label, size_t len);

/* The prescan of the first 1024 bytes; returns a canonical name or NULL. */
const char *wn_prescan_encoding(const char *bytes, size_t len);

/* The same prescan over the first `window` bytes. wn_decode uses a larger
 * window when the first 1024 bytes say nothing: a browser that meets a
 * <meta charset> later, while parsing, reloads the page in that encoding
 * ("change the encoding"), and this finds most such metas up front. */
const char *wn_prescan_encoding_within(const char *bytes, size_t len, size_t window);

/* The encoding wn_decode would use, without converting: steps 1-5 above
 * (step 4 only when `use_detector`). `source` may be NULL. Never NULL. */
const char *wn_sniff_encoding(const char *bytes, size_t len, const char *transport_charset,
                              int use_detector, wn_charset_source *source);

/* Decode. `transport_charset` may be NULL. Output lives in `arena` (or is
 * the input itself). Fails only on OOM. */
wn_status wn_decode(wn_arena *arena, const char *bytes, size_t len, const char *transport_charset,
                    wn_decoded *out);

#endif
