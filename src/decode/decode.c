/* decode.c - bytes in any encoding to valid UTF-8, as a browser decides.
 *
 * Phases of wn_decode:
 *   1. choose the encoding: BOM, transport charset, the prescan of the
 *      first 1024 bytes, a prescan of a larger window (a browser would
 *      reload on a later <meta charset>), detection, windows-1252;
 *   2. convert:
 *      - UTF-8 is validated (eight ASCII bytes at a time); valid input is
 *        returned in place, invalid input is copied with each maximal
 *        invalid subsequence replaced by U+FFFD, as the WHATWG decoder does;
 *      - single-byte encodings go through a 128-entry table that glibc
 *        iconv fills once per call (with the WHATWG differences patched:
 *        the C1 bytes Windows leaves undefined, KOI8-U's two letters);
 *      - CJK encodings go through iconv; a byte iconv rejects becomes
 *        U+FFFD and conversion resumes at the next byte;
 *      - UTF-16, x-user-defined and replacement are decoded here.
 *   Pure-ASCII input in an ASCII-compatible encoding is returned in place.
 * Every path writes at most 3 output bytes per input byte (+ a constant).
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>
#include <uchardet/uchardet.h>

#include "decode/decode.h"
#include "decode/labels.h"
#include "util/utf8.h"

/* Bytes given to the detector: enough for a confident guess, and it keeps
 * detection cheap on huge pages. */
#define DETECT_BYTES (64u * 1024)

/* Window of the second, larger prescan (see wn_prescan_encoding_within). */
#define LATE_META_WINDOW (64u * 1024)

static const char replacement_utf8[3] = {'\xEF', '\xBF', '\xBD'};

/* WHATWG windows-1252 for 0x80..0x9F; 0xA0..0xFF are Latin-1. Unlike
 * glibc's CP1252 it maps 0x81, 0x8D, 0x8F, 0x90, 0x9D to C1 controls. */
static const uint16_t cp1252_c1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

/* ---- small helpers ---------------------------------------------------- */

/* Index of the first byte >= 0x80, or n. */
static size_t
ascii_prefix(const unsigned char *p, size_t n)
{
    size_t i = 0;
    while (i + 8 <= n) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & UINT64_C(0x8080808080808080))
            break;
        i += 8;
    }
    while (i < n && p[i] < 0x80)
        i++;
    return i;
}

static const wn_encoding *
enc(const char *label)
{
    return wn__encoding_lookup(label, strlen(label));
}

/* ---- UTF-8 ------------------------------------------------------------ */

/* Length of the well-formed UTF-8 sequence at p[0..n), or 0 when p[0]
 * starts no complete valid sequence; *bad gets the length of the maximal
 * invalid subsequence (at least 1) in that case. */
static size_t
utf8_seq(const unsigned char *p, size_t n, size_t *bad)
{
    unsigned char c = p[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c == 0xE0) {
        need = 2;
        lo = 0xA0;
    } else if (c == 0xED) {
        need = 2;
        hi = 0x9F;
    } else if (c >= 0xE1 && c <= 0xEF)
        need = 2;
    else if (c == 0xF0) {
        need = 3;
        lo = 0x90;
    } else if (c == 0xF4) {
        need = 3;
        hi = 0x8F;
    } else if (c >= 0xF1 && c <= 0xF3)
        need = 3;
    else {
        *bad = 1;
        return 0;
    }
    size_t j = 1;
    while (j <= need) {
        if (j >= n || p[j] < lo || p[j] > hi) {
            *bad = j;
            return 0;
        }
        lo = 0x80;
        hi = 0xBF;
        j++;
    }
    return j;
}

/* Index of the first invalid byte, or n. */
static size_t
utf8_valid_prefix(const unsigned char *p, size_t n)
{
    size_t i = 0, bad;
    for (;;) {
        i += ascii_prefix(p + i, n - i);
        if (i >= n)
            return n;
        size_t k = utf8_seq(p + i, n - i, &bad);
        if (!k)
            return i;
        i += k;
    }
}

static wn_status
decode_utf8(wn_arena *arena, const unsigned char *p, size_t n, wn_decoded *out)
{
    size_t valid = utf8_valid_prefix(p, n);
    if (valid == n) {
        out->utf8 = (const char *)p;
        out->len = n;
        return WN_OK;
    }
    /* Worst case: every remaining byte becomes U+FFFD. */
    char *o = wn_arena_alloc(arena, valid + 3 * (n - valid) + 1);
    if (!o)
        return WN_ERR_NOMEM;
    memcpy(o, p, valid);
    size_t len = valid, i = valid, bad;
    while (i < n) {
        size_t a = ascii_prefix(p + i, n - i);
        memcpy(o + len, p + i, a);
        len += a;
        i += a;
        if (i >= n)
            break;
        size_t k = utf8_seq(p + i, n - i, &bad);
        if (k) {
            memcpy(o + len, p + i, k);
            len += k;
            i += k;
        } else {
            memcpy(o + len, replacement_utf8, 3);
            len += 3;
            i += bad;
        }
    }
    o[len] = '\0';
    out->utf8 = o;
    out->len = len;
    return WN_OK;
}

/* ---- UTF-16, x-user-defined, replacement ------------------------------ */

static wn_status
decode_utf16(wn_arena *arena, const unsigned char *p, size_t n, int big_endian, wn_decoded *out)
{
    /* A code unit (2 bytes) gives at most 3 bytes, a pair (4) gives 4, a
     * lone last byte gives U+FFFD. */
    char *o = wn_arena_alloc(arena, (n / 2) * 3 + 3 + 1);
    if (!o)
        return WN_ERR_NOMEM;
    size_t len = 0, i = 0;
    while (i + 2 <= n) {
        unsigned u = big_endian ? (unsigned)(p[i] << 8 | p[i + 1]) : (unsigned)(p[i + 1] << 8 | p[i]);
        i += 2;
        if (u >= 0xD800 && u <= 0xDBFF && i + 2 <= n) {
            unsigned v = big_endian ? (unsigned)(p[i] << 8 | p[i + 1])
                                    : (unsigned)(p[i + 1] << 8 | p[i]);
            if (v >= 0xDC00 && v <= 0xDFFF) {
                i += 2;
                len += wn_utf8_put(o + len, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
                continue;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF)
            u = 0xFFFD; /* unpaired surrogate; the next unit is read afresh */
        len += wn_utf8_put(o + len, u);
    }
    if (i < n)
        len += wn_utf8_put(o + len, 0xFFFD);
    o[len] = '\0';
    out->utf8 = o;
    out->len = len;
    return WN_OK;
}

static wn_status
decode_user_defined(wn_arena *arena, const unsigned char *p, size_t n, wn_decoded *out)
{
    char *o = wn_arena_alloc(arena, 3 * n + 1);
    if (!o)
        return WN_ERR_NOMEM;
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += wn_utf8_put(o + len, p[i] < 0x80 ? p[i] : 0xF780u + p[i] - 0x80);
    o[len] = '\0';
    out->utf8 = o;
    out->len = len;
    return WN_OK;
}

/* ---- single-byte encodings -------------------------------------------- */

/* Fill table[b - 0x80] for b in 0x80..0xFF. Errors are U+FFFD. */
static void
single_byte_table(const wn_encoding *e, uint16_t table[128])
{
    for (unsigned b = 0x80; b < 0x100; b++)
        table[b - 0x80] = (uint16_t)(b < 0xA0 ? cp1252_c1[b - 0x80] : b);
    if (strcmp(e->name, "windows-1252") == 0)
        return;
    iconv_t cd = iconv_open("UTF-32LE", e->iconv);
    if (cd == (iconv_t)-1)
        return; /* no converter: windows-1252 keeps the output valid */
    for (unsigned b = 0x80; b < 0x100; b++) {
        char in = (char)b, obuf[16];
        char *ip = &in, *op = obuf;
        size_t il = 1, ol = sizeof obuf;
        unsigned cp = 0xFFFD;
        iconv(cd, NULL, NULL, NULL, NULL);
        if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 &&
            iconv(cd, NULL, NULL, &op, &ol) != (size_t)-1 && op - obuf == 4) {
            unsigned char *u = (unsigned char *)obuf;
            cp = (unsigned)u[0] | (unsigned)u[1] << 8 | (unsigned)u[2] << 16 | (unsigned)u[3] << 24;
            if (cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF))
                cp = 0xFFFD;
        } else if (b < 0xA0 && strncmp(e->name, "windows-", 8) == 0) {
            /* The WHATWG windows-* indexes give undefined C1 bytes their
             * C1 control, as Windows does. */
            cp = b;
        }
        table[b - 0x80] = (uint16_t)cp;
    }
    iconv_close(cd);
    if (strcmp(e->name, "KOI8-U") == 0) {
        table[0xAE - 0x80] = 0x045E; /* the standard's KOI8-U is KOI8-RU */
        table[0xBE - 0x80] = 0x040E;
    } else if (strcmp(e->name, "windows-1255") == 0) {
        table[0xCA - 0x80] = 0x05BA;
    }
}

static wn_status
decode_single(wn_arena *arena, const wn_encoding *e, const unsigned char *p, size_t n,
              wn_decoded *out)
{
    uint16_t table[128];
    single_byte_table(e, table);
    /* Each byte's UTF-8 form, padded to 4 bytes so it copies in one go. */
    unsigned char seq[128][4], seq_len[256];
    for (unsigned b = 0; b < 0x80; b++)
        seq_len[b] = 1;
    for (unsigned b = 0x80; b < 0x100; b++) {
        memset(seq[b - 0x80], 0, 4);
        seq_len[b] = (unsigned char)wn_utf8_put((char *)seq[b - 0x80], table[b - 0x80]);
    }
    /* Exact output size first, so large pages take no slack. */
    size_t need = 0;
    for (size_t i = 0; i < n; i++)
        need += seq_len[p[i]];
    char *o = wn_arena_alloc(arena, need + 4);
    if (!o)
        return WN_ERR_NOMEM;
    size_t len = 0, i = 0;
    while (i < n) {
        if (p[i] < 0x80) {
            size_t a = ascii_prefix(p + i, n - i);
            memcpy(o + len, p + i, a);
            len += a;
            i += a;
            continue;
        }
        memcpy(o + len, seq[p[i] - 0x80], 4);
        len += seq_len[p[i]];
        i++;
    }
    o[len] = '\0';
    out->utf8 = o;
    out->len = len;
    return WN_OK;
}

/* ---- CJK encodings through iconv -------------------------------------- */

typedef struct outbuf {
    wn_arena *arena;
    char *p;
    size_t len, cap;
    size_t soft_max; /* 3 bytes per input byte + slack: growth stops there */
} outbuf;

static int
outbuf_grow(outbuf *ob, size_t min_extra)
{
    size_t cap = ob->cap + (ob->cap / 2 > min_extra ? ob->cap / 2 : min_extra);
    if (cap > ob->soft_max && ob->soft_max >= ob->len + min_extra)
        cap = ob->soft_max;
    if (cap < ob->len + min_extra)
        cap = ob->len + min_extra;
    char *np = wn_arena_realloc(ob->arena, ob->p, ob->cap, cap);
    if (!np)
        return 0;
    ob->p = np;
    ob->cap = cap;
    return 1;
}

static wn_status
decode_iconv(wn_arena *arena, const wn_encoding *e, const unsigned char *p, size_t n,
             wn_decoded *out)
{
    iconv_t cd = iconv_open("UTF-8", e->iconv);
    if (cd == (iconv_t)-1)
        return decode_single(arena, enc("windows-1252"), p, n, out);
    outbuf ob = {arena, NULL, 0, 0, 3 * n + 64};
    ob.cap = n + n / 2 + 64;
    ob.p = wn_arena_alloc(arena, ob.cap);
    if (!ob.p) {
        iconv_close(cd);
        return WN_ERR_NOMEM;
    }
    char *in = (char *)(uintptr_t)p;
    size_t inleft = n;
    int flushing = 0;
    for (;;) {
        /* Room for a U+FFFD and the final NUL whatever happens next. */
        if (ob.cap - ob.len < 8 && !outbuf_grow(&ob, 64)) {
            iconv_close(cd);
            return WN_ERR_NOMEM;
        }
        char *o = ob.p + ob.len;
        size_t oleft = ob.cap - ob.len - 4;
        /* Once the input is used up, one call with no input writes out
         * whatever the converter still holds (stateful encodings). */
        size_t r = flushing ? iconv(cd, NULL, NULL, &o, &oleft) : iconv(cd, &in, &inleft, &o, &oleft);
        int err = r == (size_t)-1 ? errno : 0;
        ob.len = (size_t)(o - ob.p);
        if (err == E2BIG) {
            if (!outbuf_grow(&ob, 64)) {
                iconv_close(cd);
                return WN_ERR_NOMEM;
            }
            continue;
        }
        if (flushing)
            break;
        if (err == EILSEQ && inleft > 0) {
            /* A byte iconv cannot read: U+FFFD, and resume after it. */
            memcpy(ob.p + ob.len, replacement_utf8, 3);
            ob.len += 3;
            in++;
            inleft--;
            continue;
        }
        if (err) {
            /* EINVAL: a sequence cut by the end of input. */
            memcpy(ob.p + ob.len, replacement_utf8, 3);
            ob.len += 3;
            inleft = 0;
        }
        if (inleft == 0)
            flushing = 1;
    }
    iconv_close(cd);
    ob.p[ob.len] = '\0';
    /* iconv writes valid UTF-8, but the tokenizer depends on it: check. */
    if (utf8_valid_prefix((const unsigned char *)ob.p, ob.len) != ob.len)
        return decode_utf8(arena, (const unsigned char *)ob.p, ob.len, out);
    out->utf8 = ob.p;
    out->len = ob.len;
    return WN_OK;
}

/* ---- choosing the encoding -------------------------------------------- */

/* Decide whether bytes with non-ASCII content are UTF-8: valid throughout
 * (a sequence cut by the end of input allowed), or overwhelmingly valid
 * in the first DETECT_BYTES, as in a UTF-8 page with a stray Latin-1
 * snippet. */
static int
looks_utf8(const unsigned char *p, size_t n)
{
    size_t limit = n < DETECT_BYTES ? n : DETECT_BYTES;
    size_t i = 0, good = 0, badn = 0, bad;
    while (i < limit) {
        i += ascii_prefix(p + i, limit - i);
        if (i >= limit)
            break;
        size_t k = utf8_seq(p + i, limit - i, &bad);
        if (k) {
            good++;
            i += k;
        } else {
            if (i + bad >= n)
                break; /* cut at the end of input */
            if (i + bad >= limit)
                break; /* cut at the end of the sample */
            badn++;
            i += bad;
        }
    }
    if (good == 0)
        return 0;
    if (badn == 0)
        return 1;
    return good >= 4 && badn * 8 <= good;
}

/* uchardet's names that are not WHATWG labels. */
static const wn_encoding *
detector_name(const char *name)
{
    static const char *const alias[][2] = {
        {"MAC-CYRILLIC", "x-mac-cyrillic"},
        {"UHC", "euc-kr"},
        {"CP949", "euc-kr"},
        {"CP932", "shift_jis"},
        {"MAC-CENTRALEUROPE", "windows-1250"},
    };
    for (size_t i = 0; i < sizeof alias / sizeof alias[0]; i++)
        if (strcmp(name, alias[i][0]) == 0)
            return enc(alias[i][1]);
    return enc(name);
}

static const wn_encoding *
detect(const unsigned char *p, size_t n)
{
    uchardet_t ud = uchardet_new();
    if (!ud)
        return NULL;
    size_t m = n < DETECT_BYTES ? n : DETECT_BYTES;
    const wn_encoding *e = NULL;
    if (uchardet_handle_data(ud, (const char *)p, m) == 0) {
        uchardet_data_end(ud);
        const char *name = uchardet_get_charset(ud);
        if (name && *name)
            e = detector_name(name);
    }
    uchardet_delete(ud);
    /* On little evidence the detector picks windows-1258 for English with
     * curly quotes or a euro sign; Vietnamese pages carry many non-ASCII
     * bytes, so ask for some before believing it. */
    if (e && strcmp(e->name, "windows-1258") == 0) {
        size_t high = 0;
        for (size_t i = 0; i < m; i++)
            high += p[i] >= 0x80;
        if (high < 64)
            e = NULL;
    }
    /* Never guess an encoding that would throw the text away or that
     * bytes without a BOM cannot be. */
    if (e && (e->kind == WN_ENC_REPLACEMENT || e->kind == WN_ENC_USER_DEFINED ||
              e->kind == WN_ENC_UTF16LE || e->kind == WN_ENC_UTF16BE))
        e = NULL;
    return e;
}

/* The transport's charset: a label, or a whole Content-Type value
 * ("text/html; charset=koi8-r"), since callers pass either. */
static const wn_encoding *
transport_encoding(const char *transport)
{
    size_t n = strlen(transport);
    const wn_encoding *e = wn__encoding_lookup(transport, n);
    if (e || !memchr(transport, '=', n))
        return e;
    return wn__encoding_from_content(transport, n);
}

/* The BOM, if any: its encoding and length. */
static const wn_encoding *
bom(const unsigned char *p, size_t n, size_t *bom_len)
{
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        *bom_len = 3;
        return enc("utf-8");
    }
    if (n >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
        *bom_len = 2;
        return enc("utf-16be");
    }
    if (n >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
        *bom_len = 2;
        return enc("utf-16le");
    }
    *bom_len = 0;
    return NULL;
}

/* Steps 2-5 (no BOM). `ascii` is the length of the ASCII prefix. */
/* Whether a label from the transport or a meta should give way to UTF-8:
 * when the label names a legacy ASCII-compatible encoding but every byte
 * of the page is valid UTF-8 (a sequence cut by the end of input allowed)
 * and some are not ASCII. Legacy text with accented letters or CJK is
 * practically never valid UTF-8 throughout, while pages re-encoded to
 * UTF-8 by a crawler or archive that kept the original <meta>, and
 * servers that announce ISO-8859-1 by default, are common. A browser
 * follows the label here (HTML Standard) and shows mojibake; we want the
 * text the author wrote. Only the whole-page check is trusted, so a page
 * truly in the labelled encoding keeps it. */
static int
utf8_beats_label(const wn_encoding *e, const unsigned char *p, size_t n, size_t ascii)
{
    if (ascii >= n || (e->kind != WN_ENC_SINGLE && e->kind != WN_ENC_MULTI &&
                       e->kind != WN_ENC_REPLACEMENT))
        return 0;
    size_t valid = utf8_valid_prefix(p + ascii, n - ascii) + ascii;
    if (valid == n)
        return 1;
    size_t bad;
    return utf8_seq(p + valid, n - valid, &bad) == 0 && valid + bad >= n && n - valid < 4;
}

/* Steps 2-5 (no BOM). `ascii` is the length of the ASCII prefix. */
static const wn_encoding *
choose(const unsigned char *p, size_t n, const char *transport, size_t ascii, int use_detector,
       wn_charset_source *source)
{
    const wn_encoding *e = NULL;
    if (transport && (e = transport_encoding(transport))) {
        *source = WN_CHARSET_TRANSPORT;
    } else {
        const char *name = wn_prescan_encoding((const char *)p, n);
        if (!name && n > 1024)
            name = wn_prescan_encoding_within((const char *)p, n, LATE_META_WINDOW);
        /* name is a canonical name, not always a label ("replacement") */
        for (size_t i = 0; name && i < WN__ENCODING_COUNT; i++) {
            if (wn__encodings[i].name == name) {
                e = &wn__encodings[i];
                *source = WN_CHARSET_META;
                break;
            }
        }
    }
    if (e) {
        if (use_detector && utf8_beats_label(e, p, n, ascii)) {
            *source = WN_CHARSET_DETECTED;
            return enc("utf-8");
        }
        return e;
    }
    if (use_detector && ascii < n) {
        *source = WN_CHARSET_DETECTED;
        if (looks_utf8(p + ascii, n - ascii))
            return enc("utf-8");
        if ((e = detect(p, n)))
            return e;
    } else if (use_detector && memchr(p, 0x1B, n)) {
        /* 7-bit, with escapes: ISO-2022-JP is the one the detector knows. */
        if ((e = detect(p, n))) {
            *source = WN_CHARSET_DETECTED;
            return e;
        }
    }
    *source = WN_CHARSET_DEFAULT;
    return enc("windows-1252");
}

const char *
wn_sniff_encoding(const char *bytes, size_t len, const char *transport_charset, int use_detector,
                  wn_charset_source *source)
{
    const unsigned char *p = (const unsigned char *)(bytes ? bytes : "");
    if (!bytes)
        len = 0;
    wn_charset_source src;
    size_t bom_len;
    const wn_encoding *e = bom(p, len, &bom_len);
    if (e)
        src = WN_CHARSET_BOM;
    else
        e = choose(p, len, transport_charset, ascii_prefix(p, len), use_detector, &src);
    if (source)
        *source = src;
    return e->name;
}

wn_status
wn_decode(wn_arena *arena, const char *bytes, size_t len, const char *transport_charset,
          wn_decoded *out)
{
    const unsigned char *p = (const unsigned char *)(bytes ? bytes : "");
    if (!bytes)
        len = 0;
    memset(out, 0, sizeof *out);
    size_t bom_len;
    const wn_encoding *e = bom(p, len, &bom_len);
    if (e) {
        p += bom_len;
        len -= bom_len;
        out->source = WN_CHARSET_BOM;
    } else {
        size_t ascii = ascii_prefix(p, len);
        e = choose(p, len, transport_charset, ascii, 1, &out->source);
        /* ASCII reads the same in every ASCII-compatible encoding. */
        if (ascii == len && (e->kind == WN_ENC_SINGLE || e->kind == WN_ENC_UTF8 ||
                             (e->kind == WN_ENC_MULTI && !memchr(p, 0x1B, len)))) {
            out->encoding = e->name;
            out->utf8 = (const char *)p;
            out->len = len;
            return WN_OK;
        }
    }
    out->encoding = e->name;
    switch (e->kind) {
    case WN_ENC_UTF8:
        return decode_utf8(arena, p, len, out);
    case WN_ENC_UTF16LE:
        return decode_utf16(arena, p, len, 0, out);
    case WN_ENC_UTF16BE:
        return decode_utf16(arena, p, len, 1, out);
    case WN_ENC_SINGLE:
        return decode_single(arena, e, p, len, out);
    case WN_ENC_MULTI:
        return decode_iconv(arena, e, p, len, out);
    case WN_ENC_USER_DEFINED:
        return decode_user_defined(arena, p, len, out);
    case WN_ENC_REPLACEMENT:
        out->utf8 = len ? replacement_utf8 : "";
        out->len = len ? 3 : 0;
        return WN_OK;
    }
    return WN_OK;
}
