/* test_decode.c - choosing the encoding (BOM, transport, prescan,
 * detection, default), the label table, and conversion to UTF-8.
 * The encoded pages in fixtures/encoding/ come from
 * tools/gen_encoding_fixtures.py. */
#include "decode/decode.h"
#include "harness.h"

#include <stdint.h>

/* Valid UTF-8 with no surrogates or overlongs (independent of decode.c). */
static int
valid_utf8(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = p[i], cp, k;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            k = 1, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            k = 2, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            k = 3, cp = c & 0x07;
        else
            return 0;
        if (i + k >= n)
            return 0;
        for (unsigned j = 1; j <= k; j++) {
            if ((p[i + j] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (p[i + j] & 0x3F);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += k + 1;
    }
    return 1;
}

static int
contains(const wn_decoded *d, const char *needle)
{
    size_t n = strlen(needle);
    if (!d->utf8 || d->len < n)
        return 0;
    for (size_t i = 0; i + n <= d->len; i++)
        if (memcmp(d->utf8 + i, needle, n) == 0)
            return 1;
    return 0;
}

typedef struct decoded_file {
    wn_arena arena;
    char *bytes;
    size_t len;
    wn_decoded d;
    wn_status st;
} decoded_file;

static void
decode_file(decoded_file *f, const char *name, const char *transport)
{
    char path[1024];
    const char *src = getenv("WN_SOURCE_DIR");
    snprintf(path, sizeof path, "%s%sfixtures/encoding/%s", src ? src : "", src ? "/tests/" : "",
             name);
    wn_arena_init(&f->arena, NULL, 0);
    f->bytes = harness_read_file(path, &f->len);
    memset(&f->d, 0, sizeof f->d);
    f->st = WN_ERR_IO;
    if (!f->bytes) {
        fprintf(stderr, "cannot read %s (run from tests/)\n", path);
        return;
    }
    f->st = wn_decode(&f->arena, f->bytes, f->len, transport, &f->d);
}

static void
decoded_free(decoded_file *f)
{
    free(f->bytes);
    wn_arena_free_all(&f->arena);
}

/* Decode a string; the arena is the caller's. */
static wn_decoded
decode_str(wn_arena *a, const char *s, size_t n, const char *transport)
{
    wn_decoded d;
    memset(&d, 0, sizeof d);
    wn_status st = wn_decode(a, s, n, transport, &d);
    CHECK_EQ_INT(st, WN_OK);
    CHECK(valid_utf8(d.utf8, d.len));
    return d;
}

#define CHECK_FILE(file, transport, enc, src, needle)                                             \
    do {                                                                                           \
        decoded_file f_;                                                                           \
        decode_file(&f_, (file), (transport));                                                     \
        CHECK_EQ_INT(f_.st, WN_OK);                                                                \
        CHECK_EQ_STR(f_.d.encoding, (enc));                                                        \
        CHECK_EQ_INT(f_.d.source, (src));                                                          \
        CHECK(valid_utf8(f_.d.utf8, f_.d.len));                                                    \
        CHECK(contains(&f_.d, (needle)));                                                          \
        decoded_free(&f_);                                                                         \
    } while (0)

TEST(labels)
{
    CHECK_EQ_STR(wn_encoding_for_label("latin1", 6), "windows-1252");
    CHECK_EQ_STR(wn_encoding_for_label("ISO-8859-1", 10), "windows-1252");
    CHECK_EQ_STR(wn_encoding_for_label("ascii", 5), "windows-1252");
    CHECK_EQ_STR(wn_encoding_for_label("US-ASCII", 8), "windows-1252");
    CHECK_EQ_STR(wn_encoding_for_label("gb2312", 6), "GBK");
    CHECK_EQ_STR(wn_encoding_for_label("chinese", 7), "GBK");
    CHECK_EQ_STR(wn_encoding_for_label("x-gbk", 5), "GBK");
    CHECK_EQ_STR(wn_encoding_for_label("iso-8859-9", 10), "windows-1254");
    CHECK_EQ_STR(wn_encoding_for_label("x-sjis", 6), "Shift_JIS");
    CHECK_EQ_STR(wn_encoding_for_label("Shift_JIS", 9), "Shift_JIS");
    CHECK_EQ_STR(wn_encoding_for_label("ks_c_5601-1987", 14), "EUC-KR");
    CHECK_EQ_STR(wn_encoding_for_label("iso-2022-kr", 11), "replacement");
    CHECK_EQ_STR(wn_encoding_for_label("hz-gb-2312", 10), "replacement");
    CHECK_EQ_STR(wn_encoding_for_label("utf-16", 6), "UTF-16LE");
    CHECK_EQ_STR(wn_encoding_for_label("unicode-1-1-utf-8", 17), "UTF-8");
    CHECK_EQ_STR(wn_encoding_for_label("cseucpkdfmtjapanese", 19), "EUC-JP");
    CHECK_EQ_STR(wn_encoding_for_label(" \t UTF8\n\f ", 10), "UTF-8");
    CHECK(wn_encoding_for_label("utf-7", 5) == NULL);
    CHECK(wn_encoding_for_label("replacement", 11) == NULL); /* not a label */
    CHECK(wn_encoding_for_label("", 0) == NULL);
    CHECK(wn_encoding_for_label("   ", 3) == NULL);
    CHECK(wn_encoding_for_label("utf-8x", 6) == NULL);
    CHECK(wn_encoding_for_label("windows-1252-and-a-very-long-tail", 33) == NULL);
    CHECK(wn_encoding_for_label(NULL, 0) == NULL);
    /* length is honoured: "latin1" without its last byte is no label */
    CHECK(wn_encoding_for_label("latin1", 5) == NULL);
}

TEST(prescan)
{
    const char *s;
    s = "<meta charset=\"koi8-r\">";
    CHECK_EQ_STR(wn_prescan_encoding(s, strlen(s)), "KOI8-R");
    s = "<META CHARSET=' iso8859-2 '>";
    CHECK_EQ_STR(wn_prescan_encoding(s, strlen(s)), "ISO-8859-2");
    s = "<meta content='text/html; charset=Shift_JIS' http-equiv=Content-Type>";
    CHECK_EQ_STR(wn_prescan_encoding(s, strlen(s)), "Shift_JIS");
    /* content without the http-equiv pragma says nothing */
    s = "<meta content='text/html; charset=Shift_JIS'>";
    CHECK(wn_prescan_encoding(s, strlen(s)) == NULL);
    /* a meta in a comment is skipped; the real one after it counts */
    s = "<!-- <meta charset=koi8-r> --><meta charset=euc-jp>";
    CHECK_EQ_STR(wn_prescan_encoding(s, strlen(s)), "EUC-JP");
    s = "<!--> <meta charset=koi8-r>";
    CHECK_EQ_STR(wn_prescan_encoding(s, strlen(s)), "KOI8-R");
    /* "<meta" inside another tag's attribute value is not a tag */
    s = "<div title='<meta charset=koi8-r>'><meta charset=big5>";
    CHECK_EQ_STR(wn_prescan_encoding(s, strlen(s)), "Big5");
    /* UTF-16 from a meta means UTF-8; x-user-defined means windows-1252 */
    s = "<meta charset=utf-16be>";
    CHECK_EQ_STR(wn_prescan_encoding(s, strlen(s)), "UTF-8");
    s = "<meta charset=x-user-defined>";
    CHECK_EQ_STR(wn_prescan_encoding(s, strlen(s)), "windows-1252");
    /* the first charset attribute wins; an unknown label ends nothing */
    s = "<meta charset=bogus charset=koi8-r><meta charset=iso-8859-5>";
    CHECK_EQ_STR(wn_prescan_encoding(s, strlen(s)), "ISO-8859-5");
    /* only the first 1024 bytes count */
    char big[2048];
    memset(big, ' ', sizeof big);
    memcpy(big + 1100, "<meta charset=koi8-r>", 21);
    CHECK(wn_prescan_encoding(big, sizeof big) == NULL);
    CHECK_EQ_STR(wn_prescan_encoding_within(big, sizeof big, 2048), "KOI8-R");
    /* a meta cut by the end of input says nothing */
    s = "<meta charset=koi8-r";
    CHECK(wn_prescan_encoding(s, strlen(s)) == NULL);
    s = "<?xml version='1.0' encoding='ISO-8859-7'?><html>";
    CHECK_EQ_STR(wn_prescan_encoding(s, strlen(s)), "ISO-8859-7");
}

TEST(fixture_pages)
{
    CHECK_FILE("shift_jis_meta.html", NULL, "Shift_JIS", WN_CHARSET_META, "東京は日本の首都");
    CHECK_FILE("shift_jis_meta.html", NULL, "Shift_JIS", WN_CHARSET_META, "ｶﾀｶﾅ");
    CHECK_FILE("gbk_meta_gb2312.html", NULL, "GBK", WN_CHARSET_META, "北京是中国的首都");
    CHECK_FILE("windows1251_http_equiv.html", NULL, "windows-1251", WN_CHARSET_META,
               "Москва — столица России");
    CHECK_FILE("iso8859_2_meta.html", NULL, "ISO-8859-2", WN_CHARSET_META, "Zażółć gęślą jaźń");
    CHECK_FILE("utf16le_bom.html", NULL, "UTF-16LE", WN_CHARSET_BOM, "żółw 日本 \xF0\x9F\x98\x80 end");
    CHECK_FILE("utf16be_bom.html", NULL, "UTF-16BE", WN_CHARSET_BOM, "żółw 日本 \xF0\x9F\x98\x80 end");
    /* a page truly in windows-1252 keeps its label */
    CHECK_FILE("windows1252_meta.html", NULL, "windows-1252", WN_CHARSET_META,
               "Café «crème» à 2 € — “quotes” and ‘single’ ones…");
    /* UTF-8 bytes labelled ISO-8859-1: the HTML Standard follows the meta
     * (mojibake); we decode valid UTF-8 as UTF-8 (see decode.h) */
    CHECK_FILE("utf8_labelled_latin1.html", NULL, "UTF-8", WN_CHARSET_DETECTED, "Café");
    CHECK_FILE("utf8_labelled_latin1.html", "iso-8859-1", "UTF-8", WN_CHARSET_DETECTED, "Café");
    {
        size_t n;
        char path[1024];
        const char *src = getenv("WN_SOURCE_DIR");
        snprintf(path, sizeof path, "%s%sfixtures/encoding/utf8_labelled_latin1.html",
                 src ? src : "", src ? "/tests/" : "");
        char *b = harness_read_file(path, &n);
        CHECK(b != NULL);
        wn_charset_source s;
        /* without detection (the standard's steps alone) the meta wins */
        CHECK_EQ_STR(b ? wn_sniff_encoding(b, n, NULL, 0, &s) : "", "windows-1252");
        free(b);
    }
    /* no label: the detector decides */
    CHECK_FILE("windows1251_nolabel.html", NULL, "windows-1251", WN_CHARSET_DETECTED,
               "Крупнейший по численности населения город");
    CHECK_FILE("shift_jis_nolabel.html", NULL, "Shift_JIS", WN_CHARSET_DETECTED,
               "花見を楽しみます");
    /* transport beats meta; BOM beats transport */
    CHECK_FILE("windows1251_http_equiv.html", "text/html ; KOI8-R", "windows-1251",
               WN_CHARSET_META, "Москва"); /* not a label: ignored */
    CHECK_FILE("windows1251_http_equiv.html", " koi8-r ", "KOI8-R", WN_CHARSET_TRANSPORT, "<p>");
    CHECK_FILE("windows1251_http_equiv.html", "text/html; charset=\"KOI8-R\"", "KOI8-R",
               WN_CHARSET_TRANSPORT, "<p>");
    CHECK_FILE("utf8_labelled_latin1.html", "utf-8", "UTF-8", WN_CHARSET_TRANSPORT, "Café");
    CHECK_FILE("utf16le_bom.html", "windows-1252", "UTF-16LE", WN_CHARSET_BOM, "żółw");
}

TEST(utf8)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    /* valid UTF-8 comes back in place */
    const char *ok = "<p>caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 plain ascii after</p>";
    wn_decoded d = decode_str(&a, ok, strlen(ok), NULL);
    CHECK(d.utf8 == ok);
    CHECK_EQ_INT(d.len, strlen(ok));
    CHECK_EQ_STR(d.encoding, "UTF-8");
    CHECK_EQ_INT(d.source, WN_CHARSET_DETECTED);
    /* a UTF-8 BOM is stripped, still no copy */
    const char *bom = "\xEF\xBB\xBF<p>x</p>";
    d = decode_str(&a, bom, strlen(bom), "iso-8859-2");
    CHECK(d.utf8 == bom + 3);
    CHECK_EQ_MEM(d.utf8, d.len, "<p>x</p>");
    CHECK_EQ_INT(d.source, WN_CHARSET_BOM);
    /* maximal invalid subsequences each become one U+FFFD */
    const char *bad = "a\x80" "b\xE2\x82" "c\xF0\x9F\x98" "d\xC0\xAF" "e\xED\xA0\x80" "f\xFF";
    d = decode_str(&a, bad, strlen(bad), "utf-8");
    CHECK_EQ_MEM(d.utf8, d.len,
                 "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD\xEF\xBF\xBD"
                 "e\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "f\xEF\xBF\xBD");
    /* NUL passes through */
    d = decode_str(&a, "a\0b", 3, "utf-8");
    CHECK_EQ_INT(d.len, 3);
    CHECK(d.len == 3 && d.utf8[1] == '\0');
    /* mostly UTF-8 with a stray Latin-1 byte is still detected as UTF-8 */
    char mixed[200];
    size_t n = 0;
    for (int i = 0; i < 20; i++) {
        memcpy(mixed + n, "\xC3\xA9t\xC3\xA9 ", 6);
        n += 6;
    }
    mixed[n++] = '\xE9';
    d = decode_str(&a, mixed, n, NULL);
    CHECK_EQ_STR(d.encoding, "UTF-8");
    CHECK_EQ_INT(d.len, n - 1 + 3);
    wn_arena_free_all(&a);
}

TEST(single_byte)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    /* pure ASCII: default windows-1252, returned in place */
    const char *ascii = "<p>hello</p>";
    wn_decoded d = decode_str(&a, ascii, strlen(ascii), NULL);
    CHECK(d.utf8 == ascii);
    CHECK_EQ_STR(d.encoding, "windows-1252");
    CHECK_EQ_INT(d.source, WN_CHARSET_DEFAULT);
    /* windows-1252's C1 holes are C1 controls; NUL passes through */
    d = decode_str(&a, "\x80\x81\x8D\x8F\x90\x9D\x9F\xFF\0", 9, "latin1");
    CHECK_EQ_MEM(d.utf8, d.len - 1,
                 "\xE2\x82\xAC\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D\xC5\xB8\xC3\xBF");
    CHECK(d.len == 18 && d.utf8[17] == '\0');
    /* a byte the encoding leaves undefined becomes U+FFFD; a windows-*
     * C1 hole becomes its C1 control */
    d = decode_str(&a, "\xAA\x81", 2, "windows-1253");
    CHECK_EQ_MEM(d.utf8, d.len, "\xEF\xBF\xBD\xC2\x81");
    d = decode_str(&a, "\xAE\xBE", 2, "koi8-u");
    CHECK_EQ_MEM(d.utf8, d.len, "ўЎ");
    d = decode_str(&a, "\xC1\xE9", 2, "x-mac-cyrillic");
    CHECK_EQ_MEM(d.utf8, d.len, "Ѕй");
    d = decode_str(&a, "\xE0\xE1", 2, "iso-8859-8-i");
    CHECK_EQ_MEM(d.utf8, d.len, "אב");
    /* English with curly quotes and a euro sign, no label: windows-1252,
     * not the detector's windows-1258 guess */
    const char *en = "<html><body><p>Price: 5 \x80 \x97 \x93sale\x94</p></body></html>";
    d = decode_str(&a, en, strlen(en), NULL);
    CHECK_EQ_STR(d.encoding, "windows-1252");
    CHECK(strstr(d.utf8, "5 € — “sale”") != NULL);
    wn_arena_free_all(&a);
}

TEST(multi_byte)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    /* Shift_JIS is windows-31j: 0x5C is a backslash; a bad trail byte
     * gives U+FFFD and the ASCII after it survives */
    wn_decoded d = decode_str(&a, "\x93\xFA\\\x81 x", 6, "shift_jis");
    CHECK_EQ_MEM(d.utf8, d.len, "日\\\xEF\xBF\xBD x");
    /* truncated at the end */
    d = decode_str(&a, "ab\x93", 3, "sjis");
    CHECK_EQ_MEM(d.utf8, d.len, "ab\xEF\xBF\xBD");
    /* EUC-KR is windows-949: the extended hangul decode too */
    d = decode_str(&a, "\xC7\xD1\x81\x41", 4, "euc-kr");
    CHECK_EQ_MEM(d.utf8, d.len, "한갂");
    /* GBK decodes as gb18030 (a superset) */
    d = decode_str(&a, "\xD6\xD0\x81\x30\x81\x30", 6, "gbk");
    CHECK_EQ_MEM(d.utf8, d.len, "中\xC2\x80");
    d = decode_str(&a, "\xA4\xA4", 2, "big5");
    CHECK_EQ_MEM(d.utf8, d.len, "中");
    d = decode_str(&a, "\x1B$B$3$s\x1B(B!", 11, "iso-2022-jp");
    CHECK_EQ_MEM(d.utf8, d.len, "こん!");
    /* x-user-defined and replacement */
    d = decode_str(&a, "a\x80\xFF", 3, "x-user-defined");
    CHECK_EQ_MEM(d.utf8, d.len, "a\xEF\x9E\x80\xEF\x9F\xBF");
    d = decode_str(&a, "<p>anything</p>", 15, "iso-2022-kr");
    CHECK_EQ_MEM(d.utf8, d.len, "\xEF\xBF\xBD");
    CHECK_EQ_STR(d.encoding, "replacement");
    /* the same from a meta (the standard's defence against ISO-2022-KR) */
    const char *kr = "<meta charset=iso-2022-kr><p>x</p>";
    d = decode_str(&a, kr, strlen(kr), NULL);
    CHECK_EQ_STR(d.encoding, "replacement");
    CHECK_EQ_INT(d.source, WN_CHARSET_META);
    CHECK_EQ_MEM(d.utf8, d.len, "\xEF\xBF\xBD");
    wn_arena_free_all(&a);
}

TEST(utf16)
{
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    /* unpaired surrogates and an odd last byte become U+FFFD */
    wn_decoded d = decode_str(&a, "\xFF\xFE" "a\0" "\x00\xD8" "b\0" "\x00\xDC" "\x3D\xD8\x00\xDE" "c", 15,
                              NULL);
    CHECK_EQ_MEM(d.utf8, d.len,
                 "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xF0\x9F\x98\x80\xEF\xBF\xBD");
    CHECK_EQ_STR(d.encoding, "UTF-16LE");
    /* transport utf-16 without a BOM is honoured (UTF-16LE) */
    d = decode_str(&a, "h\0i\0", 4, "utf-16");
    CHECK_EQ_MEM(d.utf8, d.len, "hi");
    /* a meta saying utf-16 means UTF-8 */
    const char *m = "<meta charset=utf-16><p>caf\xC3\xA9</p>";
    d = decode_str(&a, m, strlen(m), NULL);
    CHECK_EQ_STR(d.encoding, "UTF-8");
    CHECK_EQ_INT(d.source, WN_CHARSET_META);
    wn_charset_source src;
    CHECK_EQ_STR(wn_sniff_encoding(m, strlen(m), NULL, 1, &src), "UTF-8");
    CHECK_EQ_INT(src, WN_CHARSET_META);
    CHECK_EQ_STR(wn_sniff_encoding("\xFE\xFFx", 3, "koi8-r", 1, &src), "UTF-16BE");
    CHECK_EQ_INT(src, WN_CHARSET_BOM);
    wn_arena_free_all(&a);
}

/* Every byte value in every position: output valid and bounded. */
TEST(hostile_bytes)
{
    static const char *const labels[] = {
        NULL, "utf-8", "utf-16le", "utf-16be", "windows-1252", "koi8-r", "windows-1255",
        "gbk", "gb18030", "big5", "euc-jp", "iso-2022-jp", "shift_jis", "euc-kr",
        "x-user-defined", "iso-2022-kr", "windows-1258",
    };
    uint32_t seed = 12345;
    unsigned char buf[4096];
    for (int round = 0; round < 40; round++) {
        for (size_t i = 0; i < sizeof buf; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = (unsigned char)(seed >> 16);
            if (round % 3 == 0 && (seed & 0x100))
                buf[i] &= 0x7F; /* mostly ASCII in some rounds */
        }
        size_t n = (size_t)(round * 97) % sizeof buf + 1;
        for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
            wn_arena a;
            wn_arena_init(&a, NULL, 0);
            wn_decoded d = decode_str(&a, (const char *)buf, n, labels[k]);
            CHECK(d.len <= 3 * n + 16);
            wn_arena_free_all(&a);
        }
    }
    wn_arena a;
    wn_arena_init(&a, NULL, 0);
    wn_decoded d = decode_str(&a, "", 0, NULL);
    CHECK_EQ_INT(d.len, 0);
    CHECK(d.utf8 != NULL);
    wn_arena_free_all(&a);
}

/* Random markup made of the pieces the prescan reacts to: it must never
 * read out of bounds (ASan) and answers a known name or NULL. */
TEST(prescan_random_markup)
{
    static const char *const pieces[] = {
        "<meta", " ", "charset", "=", "'", "\"", "koi8-r", "utf-16", "<!--", "-->", ">", "<",
        "/", "content=", "http-equiv=content-type", "text/html;charset=", "<a ", "</", "<!",
        "<?", "x", "\t", "<?xml encoding=", "shift_jis", ";",
    };
    uint32_t seed = 99;
    char buf[1400];
    for (int round = 0; round < 3000; round++) {
        size_t n = 0;
        while (n < sizeof buf - 32) {
            seed = seed * 1103515245u + 12345u;
            const char *piece = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
            size_t k = strlen(piece);
            memcpy(buf + n, piece, k);
            n += k;
            if (((seed >> 8) & 63) == 0)
                break;
        }
        const char *e = wn_prescan_encoding(buf, n);
        CHECK(e == NULL || wn_encoding_for_label(e, strlen(e)) != NULL);
        e = wn_prescan_encoding_within(buf, n, n / 2);
        CHECK(e == NULL || wn_encoding_for_label(e, strlen(e)) != NULL);
    }
}

int
main(void)
{
    RUN(labels);
    RUN(prescan);
    RUN(fixture_pages);
    RUN(utf8);
    RUN(single_byte);
    RUN(multi_byte);
    RUN(utf16);
    RUN(hostile_bytes);
    RUN(prescan_random_markup);
    return harness_done();
}
