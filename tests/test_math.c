/* test_math.c - formulas as TeX (render_math.c): the page's own TeX first
 * (a TeX annotation, alttext, a fallback image's alt text), else the
 * presentation MathML converted; delimiters in the text rendering; and the
 * clean stage keeping a formula whose wrapper's class names a menu. */
#include <stdio.h>
#include <stdlib.h>

#include "extract_helper.h"
#include "harness.h"
#include "render/render.h"

/* The TeX of the first <math> in `html`, in a static buffer. */
static const char *
tex_of(const char *html)
{
    static char out[4096];
    out[0] = '\0';
    wn_doc *doc = fx_parse(html, 0);
    if (!doc)
        return "(parse failed)";
    wn_walk w;
    wn_node *n;
    bool e;
    wn_walk_init(&w, doc->dom->root);
    while (wn_walk_next(&w, &n, &e))
        if (e && wn_render_is_math(n)) {
            wn_buf b;
            wn_buf_init(&b, &doc->arena, 0);
            if (wn_render_math(n, &b) && b.len < sizeof out) {
                memcpy(out, b.ptr, b.len);
                out[b.len] = '\0';
            }
            break;
        }
    wn_arena a = doc->arena;
    wn_arena_free_all(&a);
    return out;
}

#define M(body) "<p><math>" body "</math></p>"

TEST(presentation_markup)
{
    CHECK_EQ_STR(tex_of(M("<mi>a</mi><mo>&#x2260;</mo><mn>0</mn>")), "a\\ne 0");
    CHECK_EQ_STR(tex_of(M("<mfrac><mrow><mo>&#x2212;</mo><mi>b</mi></mrow><mrow><mn>2</mn>"
                          "<mi>a</mi></mrow></mfrac>")),
                 "\\frac{-b}{2a}");
    CHECK_EQ_STR(tex_of(M("<msqrt><msup><mi>b</mi><mn>2</mn></msup><mo>-</mo><mn>4</mn>"
                          "<mi>a</mi><mi>c</mi></msqrt>")),
                 "\\sqrt{{b}^{2}-4ac}");
    CHECK_EQ_STR(tex_of(M("<mroot><mi>x</mi><mn>3</mn></mroot>")), "\\sqrt[3]{x}");
    CHECK_EQ_STR(tex_of(M("<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>")), "{x}_{i}^{2}");
    CHECK_EQ_STR(tex_of(M("<munderover><mo>&#x2211;</mo><mrow><mi>k</mi><mo>=</mo><mn>1</mn>"
                          "</mrow><mi>n</mi></munderover><msub><mi>a</mi><mi>k</mi></msub>")),
                 "{\\sum}_{k=1}^{n}{a}_{k}");
    CHECK_EQ_STR(tex_of(M("<mover><mi>x</mi><mo>&#xAF;</mo></mover>")), "\\bar{x}");
    CHECK_EQ_STR(tex_of(M("<munder><mi>x</mi><mi>y</mi></munder>")), "{x}_{y}");
    CHECK_EQ_STR(tex_of(M("<munder><mrow><mi>x</mi></mrow><mi>y</mi></munder>")),
                 "\\underset{y}{x}");
    /* function names and Greek letters as commands, a space where a name
     * would run on into letters */
    CHECK_EQ_STR(tex_of(M("<mi>sin</mi><mi>x</mi><mo>+</mo><mi>&#x3B1;</mi><mi>b</mi>")),
                 "\\sin x+\\alpha b");
    CHECK_EQ_STR(tex_of(M("<mfenced><mi>a</mi><mi>b</mi><mi>c</mi></mfenced>")), "(a,b,c)");
    CHECK_EQ_STR(tex_of(M("<mfenced open='[' close=']' separators=';'><mi>a</mi><mi>b</mi>"
                          "</mfenced>")),
                 "[a;b]");
    CHECK_EQ_STR(tex_of(M("<mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr><mtr>"
                          "<mtd><mn>0</mn></mtd><mtd><mn>1</mn></mtd></mtr></mtable>")),
                 "\\begin{matrix}1 & 0 \\\\ 0 & 1\\end{matrix}");
    CHECK_EQ_STR(tex_of(M("<mtext>for all {x}</mtext><mi>n</mi>")), "\\text{for all  x }n");
    CHECK_EQ_STR(tex_of(M("<mfrac linethickness='0'><mi>n</mi><mi>k</mi></mfrac>")),
                 "\\binom{n}{k}");
    /* TeX's special characters in tokens are escaped */
    CHECK_EQ_STR(tex_of(M("<mi>%</mi><mo>&amp;</mo><mi>_</mi>")), "\\%\\&\\_");
    /* markup cut short: a fraction with one part is a row */
    CHECK_EQ_STR(tex_of(M("<mfrac><mi>a</mi></mfrac>")), "a");
    /* nothing shown: no formula */
    CHECK_EQ_STR(tex_of(M("<mspace width='1em'/><mphantom><mi>x</mi></mphantom>")), "");
}

TEST(page_tex_first)
{
    /* a TeX annotation beats the markup; its wrapper and spacing go */
    CHECK_EQ_STR(tex_of(M("<semantics><mrow><mi>x</mi></mrow><annotation "
                          "encoding='application/x-tex'>{\\displaystyle \n x^{2} }</annotation>"
                          "</semantics>")),
                 "x^{2}");
    CHECK_EQ_STR(tex_of("<p><math alttext='{\\displaystyle a_{ij}}'><mi>a</mi></math></p>"),
                 "a_{ij}");
    /* an annotation in another encoding is not TeX */
    CHECK_EQ_STR(tex_of(M("<semantics><mi>y</mi><annotation encoding='text/plain'>why"
                          "</annotation></semantics>")),
                 "y");
}

/* Deep markup: the conversion follows a bounded stack, then writes the
 * tokens flat (300 levels: within the parser's nesting cap); output stays
 * linear in the input. */
TEST(deep_markup_bounded)
{
    enum { DEPTH = 300 };
    size_t cap = DEPTH * 16 + 64;
    char *html = malloc(cap);
    if (!html)
        return;
    size_t k = 0;
    k += (size_t)snprintf(html + k, cap - k, "<p><math>");
    for (int i = 0; i < DEPTH; i++)
        k += (size_t)snprintf(html + k, cap - k, "<mrow>");
    k += (size_t)snprintf(html + k, cap - k, "<mi>z</mi></math></p>");
    CHECK_EQ_STR(tex_of(html), "z");
    free(html);
    /* past the parser's own nesting cap, through the whole pipeline */
    enum { HOSTILE = 100000 };
    cap = HOSTILE * 6 + 256;
    html = malloc(cap);
    if (!html)
        return;
    k = (size_t)snprintf(html, cap, "<body><p>Text before the formula here.</p><p><math>");
    for (int i = 0; i < HOSTILE; i++) {
        memcpy(html + k, "<mrow>", 6);
        k += 6;
    }
    snprintf(html + k, cap - k, "<mi>z</mi></math></p></body>");
    fx f;
    CHECK(fx_run(&f, html, 0, NULL));
    CHECK(f.text && strstr(f.text, "Text before the formula here."));
    fx_free(&f);
    free(html);
}

/* The text rendering: inline formulas between $, display ones between $$
 * in a paragraph of their own, a fallback image's TeX, an empty formula
 * leaving no trace. */
TEST(text_delimiters)
{
    fx f;
    CHECK(fx_run(&f,
                 "<body><article><h1>Roots</h1><p>When <math><mi>a</mi><mo>&#x2260;</mo><mn>0"
                 "</mn></math>, there are two solutions to the quadratic equation written "
                 "here, and they are <math display='block'><mi>x</mi><mo>=</mo><mn>1</mn>"
                 "</math> as shown. A formula drawn as an image reads <img alt='{\\displaystyle "
                 "y^{2}}' src='f.svg'> and an empty one <math><mspace/></math>is nothing.</p>"
                 "</article></body>",
                 0, NULL));
    CHECK(f.text && strstr(f.text, "When $a\\ne 0$, there are two solutions"));
    CHECK(f.text && strstr(f.text, "they are\n\n$$x=1$$\n\nas shown."));
    CHECK(f.text && strstr(f.text, "reads $y^{2}$ and an empty one is nothing."));
    fx_free(&f);
    /* typeset formulas: the hidden drawing goes, the TeX source stays */
    CHECK(fx_run(&f,
                 "<body><article><h1>Euler</h1><p>The identity <span class=katex><span "
                 "class=katex-mathml><math><semantics><mrow><mi>e</mi></mrow><annotation "
                 "encoding='application/x-tex'>e^{i\\pi}+1=0</annotation></semantics></math>"
                 "</span><span class=katex-html aria-hidden=true><span>e i&#x3C0; + 1 = 0"
                 "</span></span></span> joins five constants in one short and famous line of "
                 "mathematics.</p></article></body>",
                 0, NULL));
    CHECK(f.text && strstr(f.text, "The identity $e^{i\\pi}+1=0$ joins five constants"));
    fx_free(&f);
}

/* A script's wrapper around a formula whose class names a context menu is
 * no menu: the formula stays. */
TEST(formula_wrapper_kept)
{
    fx f;
    CHECK(fx_run(&f,
                 "<body><article><h1>Roots</h1><p>The first paragraph of the article tells "
                 "what the formula below says, in enough words to be the article.</p>"
                 "<span class='Formula ContextMenu_Attached'><math><mi>e</mi><mo>=</mo><mi>m"
                 "</mi><msup><mi>c</mi><mn>2</mn></msup></math></span>"
                 "<p>The second paragraph goes on about it, in enough words as well.</p>"
                 "</article></body>",
                 0, NULL));
    CHECK(f.text && strstr(f.text, "$e=m{c}^{2}$"));
    fx_free(&f);
}

int
main(void)
{
    RUN(presentation_markup);
    RUN(page_tex_first);
    RUN(deep_markup_bounded);
    RUN(text_delimiters);
    RUN(formula_wrapper_kept);
    return harness_done();
}
