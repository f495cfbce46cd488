/* test_tokenizer.c - unit tests for the HTML tokenizer (src/parse/tokenizer.c).
 *
 * Own fixtures for what the html5lib suite does not check: that text runs
 * are slices of the input, CR LF handling, entity edge cases, the
 * attribute limits, large inputs, and EOF inside every kind of construct.
 */
#include <stdint.h>

#include "harness.h"
#include "parse/tokenizer.h"

#define MAX_TOKS 64

typedef struct toks {
    wn_arena arena;
    wn_tokenizer *t;
    wn_token tok[MAX_TOKS];
    size_t n;
} toks;

/* Tokenize `in` (len bytes) until EOF; tokens land in r->tok (the first
 * MAX_TOKS of them; r->n counts all, EOF included). */
static void
tokenize_n(toks *r, const char *in, size_t len, wn_tok_state state, size_t max_attrs)
{
    wn_arena_init(&r->arena, NULL, 0);
    r->t = wn_tokenizer_new(&r->arena, in, len, max_attrs);
    wn_tokenizer_set_state(r->t, state);
    r->n = 0;
    for (size_t guard = 0; guard < 4 * len + 16; guard++) {
        wn_token k;
        if (!wn_tokenizer_next(r->t, &k))
            break;
        if (r->n < MAX_TOKS)
            r->tok[r->n] = k;
        r->n++;
        if (k.type == WN_TOK_EOF)
            break;
    }
}

static void
tokenize(toks *r, const char *in)
{
    tokenize_n(r, in, strlen(in), WN_TOKSTATE_DATA, 0);
}

static void
done(toks *r)
{
    wn_arena_free_all(&r->arena);
}

TEST(text_run_is_a_slice)
{
    toks r;
    const char *in = "Hello, world <b>bold</b>";
    tokenize(&r, in);
    CHECK_EQ_INT(r.n, 5);
    CHECK_EQ_INT(r.tok[0].type, WN_TOK_CHARACTER);
    CHECK(r.tok[0].data == in);
    CHECK_EQ_MEM(r.tok[0].data, r.tok[0].len, "Hello, world ");
    CHECK_EQ_INT(r.tok[1].type, WN_TOK_START_TAG);
    CHECK_EQ_INT(r.tok[1].tag, WN_TAG_B);
    CHECK_EQ_STR(r.tok[1].name, "b");
    CHECK_EQ_INT(r.tok[1].offset, 13);
    CHECK(r.tok[2].data == in + 16);
    CHECK_EQ_INT(r.tok[3].type, WN_TOK_END_TAG);
    CHECK_EQ_INT(r.tok[4].type, WN_TOK_EOF);
    done(&r);
}

TEST(crlf_normalisation)
{
    toks r;
    tokenize(&r, "a\r\nb\rc\n\r\n<p title=\"x\r\ny\">\r<!--c\r\n-->");
    CHECK_EQ_MEM(r.tok[0].data, r.tok[0].len, "a\nb\nc\n\n");
    CHECK_EQ_INT(r.tok[1].type, WN_TOK_START_TAG);
    CHECK_EQ_MEM(r.tok[1].attrs[0].value, r.tok[1].attrs[0].value_len, "x\ny");
    CHECK_EQ_MEM(r.tok[2].data, r.tok[2].len, "\n");
    CHECK_EQ_INT(r.tok[3].type, WN_TOK_COMMENT);
    CHECK_EQ_MEM(r.tok[3].data, r.tok[3].len, "c\n");
    done(&r);
    /* a CR at the very end, and CR between tag attributes */
    tokenize(&r, "<a\r\nhref=x\r>z\r");
    CHECK_EQ_INT(r.tok[0].n_attrs, 1);
    CHECK_EQ_MEM(r.tok[0].attrs[0].value, r.tok[0].attrs[0].value_len, "x");
    CHECK_EQ_MEM(r.tok[1].data, r.tok[1].len, "z\n");
    done(&r);
}

TEST(entities_in_text)
{
    toks r;
    tokenize(&r, "&amp;&lt&notit; &notin; &AElig &zz; &#x41;&#66;");
    CHECK_EQ_INT(r.n, 2);
    CHECK_EQ_MEM(r.tok[0].data, r.tok[0].len, "&<\xC2\xACit; \xE2\x88\x89 \xC3\x86 &zz; AB");
    done(&r);
}

TEST(entities_in_attributes)
{
    toks r;
    tokenize(&r, "<a href=\"?x=1&amp=2&ampy&amp;z&lt\" t='&notit;' u=&gt>");
    CHECK_EQ_INT(r.tok[0].n_attrs, 3);
    /* no-semicolon reference followed by '=' or alphanumeric stays as is */
    CHECK_EQ_MEM(r.tok[0].attrs[0].value, r.tok[0].attrs[0].value_len, "?x=1&amp=2&ampy&z<");
    /* followed by 'i': "&not" is not decoded inside an attribute */
    CHECK_EQ_MEM(r.tok[0].attrs[1].value, r.tok[0].attrs[1].value_len, "&notit;");
    CHECK_EQ_MEM(r.tok[0].attrs[2].value, r.tok[0].attrs[2].value_len, ">");
    done(&r);
}

TEST(numeric_references)
{
    toks r;
    tokenize(&r, "&#x80;|&#0;|&#xD800;|&#x110000;|&#128512;|&#x9d;|&#xFFFF;|&#99999999999999;|&#;|&#x;");
    CHECK_EQ_MEM(r.tok[0].data, r.tok[0].len,
                 "\xE2\x82\xAC|\xEF\xBF\xBD|\xEF\xBF\xBD|\xEF\xBF\xBD|\xF0\x9F\x98\x80|\xC2\x9D|"
                 "\xEF\xBF\xBF|\xEF\xBF\xBD|&#;|&#x;");
    done(&r);
}

TEST(comments)
{
    toks r;
    tokenize(&r, "<!-->x<!--a--!>y<!---->z<!--a-b--c-->");
    CHECK_EQ_INT(r.tok[0].type, WN_TOK_COMMENT);
    CHECK_EQ_INT(r.tok[0].len, 0);
    CHECK_EQ_MEM(r.tok[1].data, r.tok[1].len, "x");
    CHECK_EQ_MEM(r.tok[2].data, r.tok[2].len, "a");
    CHECK_EQ_MEM(r.tok[3].data, r.tok[3].len, "y");
    CHECK_EQ_INT(r.tok[4].type, WN_TOK_COMMENT);
    CHECK_EQ_INT(r.tok[4].len, 0);
    CHECK_EQ_MEM(r.tok[6].data, r.tok[6].len, "a-b--c");
    done(&r);
    tokenize(&r, "<?xml version='1.0'?><!x>");
    CHECK_EQ_MEM(r.tok[0].data, r.tok[0].len, "?xml version='1.0'?");
    CHECK_EQ_MEM(r.tok[1].data, r.tok[1].len, "x");
    done(&r);
}

TEST(doctype)
{
    toks r;
    tokenize(&r, "<!DOCTYPE html><!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\" "
                 "'http://www.w3.org/TR/html4/strict.dtd'><!DOCTYPE>");
    CHECK_EQ_INT(r.tok[0].type, WN_TOK_DOCTYPE);
    CHECK_EQ_STR(r.tok[0].name, "html");
    CHECK(r.tok[0].public_id == NULL);
    CHECK(r.tok[0].system_id == NULL);
    CHECK(!r.tok[0].force_quirks);
    CHECK_EQ_STR(r.tok[1].name, "html");
    CHECK_EQ_MEM(r.tok[1].public_id, r.tok[1].public_len, "-//W3C//DTD HTML 4.01//EN");
    CHECK_EQ_MEM(r.tok[1].system_id, r.tok[1].system_len, "http://www.w3.org/TR/html4/strict.dtd");
    CHECK(!r.tok[1].force_quirks);
    CHECK(r.tok[2].name == NULL);
    CHECK(r.tok[2].force_quirks);
    done(&r);
}

TEST(rcdata_title)
{
    toks r;
    const char *in = "<title>a<b></TITLE x>&amp;</title >";
    wn_arena_init(&r.arena, NULL, 0);
    wn_tokenizer *t = wn_tokenizer_new(&r.arena, in, strlen(in), 0);
    wn_token k;
    CHECK(wn_tokenizer_next(t, &k));
    CHECK_EQ_INT(k.tag, WN_TAG_TITLE);
    wn_tokenizer_set_state(t, WN_TOKSTATE_RCDATA);
    CHECK(wn_tokenizer_next(t, &k));
    CHECK_EQ_INT(k.type, WN_TOK_CHARACTER);
    CHECK_EQ_MEM(k.data, k.len, "a<b>");
    CHECK(wn_tokenizer_next(t, &k));
    CHECK_EQ_INT(k.type, WN_TOK_END_TAG);
    CHECK_EQ_INT(k.tag, WN_TAG_TITLE);
    CHECK(wn_tokenizer_next(t, &k)); /* back in the data state */
    CHECK_EQ_MEM(k.data, k.len, "&");
    CHECK(wn_tokenizer_next(t, &k));
    CHECK_EQ_INT(k.type, WN_TOK_END_TAG);
    CHECK(wn_tokenizer_next(t, &k));
    CHECK_EQ_INT(k.type, WN_TOK_EOF);
    CHECK(wn_tokenizer_next(t, &k));
    CHECK_EQ_INT(k.type, WN_TOK_EOF);
    done(&r);
    /* RCDATA: "</titlex" is not an end tag; a different end tag is text */
    in = "x</titlex></b>&lt;</title>";
    wn_arena_init(&r.arena, NULL, 0);
    t = wn_tokenizer_new(&r.arena, in, strlen(in), 0);
    wn_tokenizer_set_state(t, WN_TOKSTATE_RCDATA);
    wn_tokenizer_set_last_start_tag(t, "TITLE", 5);
    CHECK(wn_tokenizer_next(t, &k));
    CHECK_EQ_MEM(k.data, k.len, "x</titlex></b><");
    CHECK(wn_tokenizer_next(t, &k));
    CHECK_EQ_INT(k.type, WN_TOK_END_TAG);
    done(&r);
}

TEST(script_escapes)
{
    toks r;
    const char *in = "<!--<script></script>--></script>";
    wn_arena_init(&r.arena, NULL, 0);
    wn_tokenizer *t = wn_tokenizer_new(&r.arena, in, strlen(in), 0);
    wn_tokenizer_set_state(t, WN_TOKSTATE_SCRIPT_DATA);
    wn_tokenizer_set_last_start_tag(t, "script", 6);
    wn_token k;
    CHECK(wn_tokenizer_next(t, &k));
    CHECK_EQ_INT(k.type, WN_TOK_CHARACTER);
    /* double-escaped: the inner </script> does not end the script */
    CHECK_EQ_MEM(k.data, k.len, "<!--<script></script>-->");
    CHECK(k.data == in);
    CHECK(wn_tokenizer_next(t, &k));
    CHECK_EQ_INT(k.type, WN_TOK_END_TAG);
    CHECK_EQ_INT(k.tag, WN_TAG_SCRIPT);
    done(&r);
    /* escaped but not double-escaped: </script> ends it */
    in = "<!-- x </script> y";
    wn_arena_init(&r.arena, NULL, 0);
    t = wn_tokenizer_new(&r.arena, in, strlen(in), 0);
    wn_tokenizer_set_state(t, WN_TOKSTATE_SCRIPT_DATA);
    wn_tokenizer_set_last_start_tag(t, "script", 6);
    CHECK(wn_tokenizer_next(t, &k));
    CHECK_EQ_MEM(k.data, k.len, "<!-- x ");
    CHECK(wn_tokenizer_next(t, &k));
    CHECK_EQ_INT(k.type, WN_TOK_END_TAG);
    done(&r);
}

TEST(many_attributes_capped)
{
    toks r;
    size_t n = 10000, cap = 100;
    char *in = malloc(n * 16 + 16);
    size_t len = 0;
    len += (size_t)sprintf(in + len, "<div");
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(in + len, " a%zu=%zu", i, i);
    len += (size_t)sprintf(in + len, ">");
    tokenize_n(&r, in, len, WN_TOKSTATE_DATA, cap);
    CHECK_EQ_INT(r.tok[0].type, WN_TOK_START_TAG);
    CHECK_EQ_INT(r.tok[0].n_attrs, cap);
    CHECK_EQ_INT(wn_tokenizer_dropped_attrs(r.t), n - cap);
    CHECK_EQ_MEM(r.tok[0].attrs[99].name, r.tok[0].attrs[99].name_len, "a99");
    CHECK_EQ_MEM(r.tok[0].attrs[99].value, r.tok[0].attrs[99].value_len, "99");
    done(&r);
    /* default cap, all distinct: 10,000 > WN_DEFAULT_MAX_ATTRS */
    tokenize_n(&r, in, len, WN_TOKSTATE_DATA, 0);
    CHECK_EQ_INT(r.tok[0].n_attrs, WN_DEFAULT_MAX_ATTRS);
    done(&r);
    free(in);
}

TEST(duplicate_attributes)
{
    toks r;
    tokenize(&r, "<p a=1 B=2 a=3 b=4 c>");
    CHECK_EQ_INT(r.tok[0].n_attrs, 3);
    CHECK_EQ_MEM(r.tok[0].attrs[0].value, r.tok[0].attrs[0].value_len, "1");
    CHECK_EQ_MEM(r.tok[0].attrs[1].name, r.tok[0].attrs[1].name_len, "b");
    CHECK_EQ_MEM(r.tok[0].attrs[1].value, r.tok[0].attrs[1].value_len, "2");
    CHECK_EQ_MEM(r.tok[0].attrs[2].name, r.tok[0].attrs[2].name_len, "c");
    CHECK(r.tok[0].attrs[2].value != NULL);
    CHECK_EQ_INT(r.tok[0].attrs[2].value_len, 0);
    CHECK_EQ_INT(wn_tokenizer_dropped_attrs(r.t), 0);
    done(&r);
    /* duplicates among many attributes (the hash set path) */
    char *in = malloc(64 * 1024);
    size_t len = (size_t)sprintf(in, "<p");
    for (int i = 0; i < 2000; i++)
        len += (size_t)sprintf(in + len, " x%d=%d", i % 500, i);
    len += (size_t)sprintf(in + len, ">");
    tokenize_n(&r, in, len, WN_TOKSTATE_DATA, 0);
    CHECK_EQ_INT(r.tok[0].n_attrs, 500);
    CHECK_EQ_MEM(r.tok[0].attrs[499].value, r.tok[0].attrs[499].value_len, "499");
    CHECK_EQ_INT(wn_tokenizer_dropped_attrs(r.t), 0);
    done(&r);
    free(in);
}

TEST(upper_case_names)
{
    toks r;
    const char *in = "<DIV Class=X><svg viewBox=0><Foo-Bar></DIV>";
    tokenize(&r, in);
    CHECK_EQ_INT(r.tok[0].tag, WN_TAG_DIV);
    CHECK_EQ_STR(r.tok[0].name, "div");
    CHECK_EQ_MEM(r.tok[0].attrs[0].name, r.tok[0].attrs[0].name_len, "class");
    CHECK_EQ_MEM(r.tok[0].attrs[0].value, r.tok[0].attrs[0].value_len, "X");
    CHECK_EQ_MEM(r.tok[1].attrs[0].name, r.tok[1].attrs[0].name_len, "viewbox");
    CHECK_EQ_INT(r.tok[2].tag, WN_TAG_UNKNOWN);
    CHECK_EQ_STR(r.tok[2].name, "foo-bar");
    CHECK_EQ_INT(r.tok[3].type, WN_TOK_END_TAG);
    CHECK_EQ_INT(r.tok[3].tag, WN_TAG_DIV);
    done(&r);
    /* lower-case names are not copied */
    in = "<foo bar=baz>";
    tokenize(&r, in);
    CHECK(r.tok[0].attrs[0].name == in + 5);
    CHECK(r.tok[0].attrs[0].value == in + 9);
    done(&r);
}

TEST(nul_handling)
{
    toks r;
    const char in[] = "a\0b<p\0q x\0=\"\0\"><!--\0-->";
    tokenize_n(&r, in, sizeof in - 1, WN_TOKSTATE_DATA, 0);
    CHECK_EQ_INT(r.tok[0].len, 3); /* data state keeps U+0000 */
    CHECK(r.tok[0].data[1] == '\0');
    CHECK_EQ_STR(r.tok[1].name, "p\xEF\xBF\xBDq");
    CHECK_EQ_MEM(r.tok[1].attrs[0].name, r.tok[1].attrs[0].name_len, "x\xEF\xBF\xBD");
    CHECK_EQ_MEM(r.tok[1].attrs[0].value, r.tok[1].attrs[0].value_len, "\xEF\xBF\xBD");
    CHECK_EQ_MEM(r.tok[2].data, r.tok[2].len, "\xEF\xBF\xBD");
    done(&r);
    tokenize_n(&r, in, 3, WN_TOKSTATE_RAWTEXT, 0);
    CHECK_EQ_MEM(r.tok[0].data, r.tok[0].len, "a\xEF\xBF\xBD" "b");
    done(&r);
}

TEST(big_text_run_not_copied)
{
    toks r;
    size_t len = 10u * 1024 * 1024;
    char *in = malloc(len);
    for (size_t i = 0; i < len; i++)
        in[i] = (char)('a' + i % 26);
    for (size_t i = 80; i < len; i += 81)
        in[i] = '\n';
    tokenize_n(&r, in, len, WN_TOKSTATE_DATA, 0);
    CHECK_EQ_INT(r.n, 2);
    CHECK(r.tok[0].data == in);
    CHECK_EQ_INT(r.tok[0].len, len);
    CHECK(r.arena.used < 64 * 1024);
    done(&r);
    free(in);
}

/* Input cut at every byte of a document holding every kind of construct:
 * the tokenizer reaches EOF, never reads past the end (ASan checks it, as
 * the cut copy is exactly `len` bytes), and never emits an empty text. */
TEST(truncated_everywhere)
{
    const char *doc = "<!DOCTYPE html PUBLIC \"p\" 'q'><html a=\"1\" b='2' c=3 d/><!-- c -- -->"
                      "<![CDATA[x]]>&amp;&#x41;&#65;&notin;</p><script><!--<script></script>"
                      "--></script><?pi?></a b>";
    size_t n = strlen(doc);
    for (size_t cut = 0; cut <= n; cut++) {
        for (int st = 0; st <= WN_TOKSTATE_CDATA_SECTION; st++) {
            char *in = malloc(cut ? cut : 1);
            memcpy(in, doc, cut);
            toks r;
            tokenize_n(&r, in, cut, (wn_tok_state)st, 0);
            bool eof = r.n > 0 && r.n <= MAX_TOKS && r.tok[r.n - 1].type == WN_TOK_EOF;
            CHECK(eof || r.n > MAX_TOKS);
            for (size_t i = 0; i < r.n && i < MAX_TOKS; i++)
                if (r.tok[i].type == WN_TOK_CHARACTER)
                    CHECK(r.tok[i].len > 0);
            done(&r);
            free(in);
        }
    }
}

TEST(eof_in_constructs)
{
    toks r;
    /* EOF in a tag: the tag is dropped */
    tokenize(&r, "x<div class=\"a");
    CHECK_EQ_INT(r.n, 2);
    CHECK_EQ_MEM(r.tok[0].data, r.tok[0].len, "x");
    done(&r);
    /* EOF in an attribute name */
    tokenize(&r, "<div cl");
    CHECK_EQ_INT(r.n, 1);
    done(&r);
    /* EOF in a comment: the comment is emitted */
    tokenize(&r, "<!-- abc -");
    CHECK_EQ_INT(r.tok[0].type, WN_TOK_COMMENT);
    CHECK_EQ_MEM(r.tok[0].data, r.tok[0].len, " abc ");
    done(&r);
    /* EOF in a doctype: emitted with force-quirks */
    tokenize(&r, "<!DOCTYPE html PUBLIC \"x");
    CHECK_EQ_INT(r.tok[0].type, WN_TOK_DOCTYPE);
    CHECK(r.tok[0].force_quirks);
    CHECK_EQ_MEM(r.tok[0].public_id, r.tok[0].public_len, "x");
    done(&r);
    /* "<" and "</" at EOF are text */
    tokenize(&r, "a<");
    CHECK_EQ_MEM(r.tok[0].data, r.tok[0].len, "a<");
    done(&r);
    tokenize(&r, "a</");
    CHECK_EQ_MEM(r.tok[0].data, r.tok[0].len, "a</");
    done(&r);
    /* a cut entity */
    tokenize(&r, "&am");
    CHECK_EQ_MEM(r.tok[0].data, r.tok[0].len, "&am");
    done(&r);
    tokenize(&r, "&#x");
    CHECK_EQ_MEM(r.tok[0].data, r.tok[0].len, "&#x");
    done(&r);
}

TEST(cdata_sections)
{
    toks r;
    const char *in = "<![CDATA[a]]b]]]>";
    tokenize(&r, in);
    CHECK_EQ_INT(r.tok[0].type, WN_TOK_COMMENT);
    CHECK_EQ_MEM(r.tok[0].data, r.tok[0].len, "[CDATA[a]]b]]]");
    done(&r);
    wn_arena_init(&r.arena, NULL, 0);
    wn_tokenizer *t = wn_tokenizer_new(&r.arena, in, strlen(in), 0);
    wn_tokenizer_set_cdata_allowed(t, true);
    wn_token k;
    CHECK(wn_tokenizer_next(t, &k));
    CHECK_EQ_INT(k.type, WN_TOK_CHARACTER);
    CHECK_EQ_MEM(k.data, k.len, "a]]b]");
    CHECK(wn_tokenizer_next(t, &k));
    CHECK_EQ_INT(k.type, WN_TOK_EOF);
    done(&r);
}

/* 10^6 attributes on one tag: linear time, and memory bounded by the cap
 * (dropped attributes leave nothing behind). */
TEST(million_attributes)
{
    toks r;
    size_t n = 1000000;
    char *in = malloc(n * 16 + 16);
    size_t len = (size_t)sprintf(in, "<p");
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(in + len, " A%zu=%zu", i % 300000, i);
    len += (size_t)sprintf(in + len, ">x");
    tokenize_n(&r, in, len, WN_TOKSTATE_DATA, 0);
    CHECK_EQ_INT(r.tok[0].type, WN_TOK_START_TAG);
    CHECK_EQ_INT(r.tok[0].n_attrs, WN_DEFAULT_MAX_ATTRS);
    /* each kept name occurs 4 times: 3 duplicates each are not "dropped";
     * past the cap names are not remembered, so every other one counts */
    CHECK_EQ_INT(wn_tokenizer_dropped_attrs(r.t), n - 4 * WN_DEFAULT_MAX_ATTRS);
    CHECK(r.arena.used < 512 * 1024);
    CHECK_EQ_MEM(r.tok[1].data, r.tok[1].len, "x");
    done(&r);
    free(in);
}

/* Random soup of the bytes that matter, in every state: always ends,
 * tokens are well formed (ASan checks the reads stay inside the input). */
TEST(random_inputs)
{
    static const char alphabet[] = "<>/!-=&#;\"'?[]xX0aAsScCrRiIpPtT \t\n\r\0;amp;lt";
    uint64_t seed = 0x9E3779B97F4A7C15ull;
    char buf[96];
    for (int iter = 0; iter < 4000; iter++) {
        size_t len = (size_t)(iter % 96);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
            buf[i] = alphabet[(seed >> 33) % (sizeof alphabet - 1)];
        }
        char *in = malloc(len ? len : 1);
        memcpy(in, buf, len);
        wn_arena arena;
        wn_arena_init(&arena, NULL, 0);
        wn_tokenizer *t = wn_tokenizer_new(&arena, in, len, 4);
        wn_tokenizer_set_state(t, (wn_tok_state)(iter % 6));
        wn_tokenizer_set_cdata_allowed(t, iter & 1);
        wn_tokenizer_set_last_start_tag(t, "script", 6);
        size_t steps = 0;
        wn_token k;
        while (wn_tokenizer_next(t, &k) && k.type != WN_TOK_EOF && steps++ < 4 * len + 8) {
            if (k.type == WN_TOK_CHARACTER || k.type == WN_TOK_COMMENT)
                CHECK(k.type == WN_TOK_COMMENT || (k.len > 0 && k.data));
            if (k.type == WN_TOK_START_TAG || k.type == WN_TOK_END_TAG) {
                CHECK(k.name && k.name[k.name_len] == '\0' && k.name_len > 0);
                CHECK(k.n_attrs <= 4);
                for (uint32_t i = 0; i < k.n_attrs; i++)
                    CHECK(k.attrs[i].value != NULL);
            }
            if (k.type == WN_TOK_START_TAG && (k.tag == WN_TAG_SCRIPT || k.tag == WN_TAG_TITLE))
                wn_tokenizer_set_state(t, k.tag == WN_TAG_SCRIPT ? WN_TOKSTATE_SCRIPT_DATA
                                                                 : WN_TOKSTATE_RCDATA);
        }
        CHECK(k.type == WN_TOK_EOF);
        wn_arena_free_all(&arena);
        free(in);
    }
}

TEST(script_escaped_cr)
{
    const char *in = "<!--a\r\nb--></script>";
    wn_arena arena;
    wn_arena_init(&arena, NULL, 0);
    wn_tokenizer *t = wn_tokenizer_new(&arena, in, strlen(in), 0);
    wn_tokenizer_set_state(t, WN_TOKSTATE_SCRIPT_DATA);
    wn_tokenizer_set_last_start_tag(t, "script", 6);
    wn_token k;
    CHECK(wn_tokenizer_next(t, &k));
    CHECK_EQ_MEM(k.data, k.len, "<!--a\nb-->");
    CHECK(wn_tokenizer_next(t, &k));
    CHECK_EQ_INT(k.type, WN_TOK_END_TAG);
    wn_arena_free_all(&arena);
}

/* The duplicate hash set is reset between tags. */
TEST(hash_set_reset_between_tags)
{
    toks r;
    char *in = malloc(4096);
    size_t len = (size_t)sprintf(in, "<a");
    for (int i = 0; i < 40; i++)
        len += (size_t)sprintf(in + len, " n%d", i);
    len += (size_t)sprintf(in + len, "><b");
    for (int i = 0; i < 40; i++)
        len += (size_t)sprintf(in + len, " n%d n%d", i, i);
    len += (size_t)sprintf(in + len, ">");
    tokenize_n(&r, in, len, WN_TOKSTATE_DATA, 0);
    CHECK_EQ_INT(r.tok[0].n_attrs, 40);
    CHECK_EQ_INT(r.tok[1].n_attrs, 40);
    done(&r);
    free(in);
}

TEST(error_count)
{
    toks r;
    tokenize(&r, "<!DOCTYPE html><p class=\"a\">x &amp; y</p>");
    CHECK_EQ_INT(wn_tokenizer_error_count(r.t), 0);
    done(&r);
    tokenize(&r, "<p a=1 a=2>&#0;</p x>");
    CHECK(wn_tokenizer_error_count(r.t) >= 3);
    done(&r);
}

/* Under an arena limit the tokenizer reports OOM (false) and never
 * crashes, at every limit. */
TEST(out_of_memory)
{
    const char *in = "<DIV CLASS=\"A&amp;B\" ID=x>T&lt;EXT\r\n<!--C\0--><!DOCTYPE HTML PUBLIC 'P'>"
                     "<Foo-Bar Z=1>&notin;</Foo-Bar>";
    size_t len = strlen(in);
    bool saw_oom = false, saw_ok = false;
    for (size_t limit = 256; limit < 16384; limit += 64) {
        wn_arena arena;
        wn_arena_init(&arena, NULL, limit);
        wn_tokenizer *t = wn_tokenizer_new(&arena, in, len, 0);
        if (t) {
            wn_token k;
            bool ok;
            size_t steps = 0;
            while ((ok = wn_tokenizer_next(t, &k)) && k.type != WN_TOK_EOF && steps++ < 100)
                ;
            saw_oom |= !ok;
            saw_ok |= ok && k.type == WN_TOK_EOF;
        }
        wn_arena_free_all(&arena);
    }
    CHECK(saw_ok);
    CHECK(saw_oom);
}

int
main(void)
{
    RUN(text_run_is_a_slice);
    RUN(crlf_normalisation);
    RUN(entities_in_text);
    RUN(entities_in_attributes);
    RUN(numeric_references);
    RUN(comments);
    RUN(doctype);
    RUN(rcdata_title);
    RUN(script_escapes);
    RUN(many_attributes_capped);
    RUN(duplicate_attributes);
    RUN(upper_case_names);
    RUN(nul_handling);
    RUN(big_text_run_not_copied);
    RUN(truncated_everywhere);
    RUN(eof_in_constructs);
    RUN(cdata_sections);
    RUN(million_attributes);
    RUN(random_inputs);
    RUN(script_escaped_cr);
    RUN(hash_set_reset_between_tags);
    RUN(error_count);
    RUN(out_of_memory);
    return harness_done();
}
