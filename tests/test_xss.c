/* test_xss.c - the html output format is inert, whatever the page held.
 *
 * Each vector is put inside an article (between real paragraphs, so the
 * extractor keeps the block around it), extracted with links and images
 * kept, rendered as HTML, and the output is parsed again by our WHATWG
 * parser, i.e. the way a browser would see it (so mutation-XSS through
 * mis-nested markup, raw-text elements and attribute quoting is caught at
 * the tree level, not by string matching). The output must then hold:
 *   - no element that runs code, loads a document or changes how the page
 *     is interpreted (script, style, iframe, object, embed, base, meta,
 *     link, form and its controls, svg, math, template, noscript, ...);
 *   - no event handler (on*), style, srcdoc, formaction, action,
 *     http-equiv, xlink:href or similar attribute;
 *   - no URL attribute whose value, after entity decoding and removal of
 *     whitespace and control characters, uses a scheme other than http,
 *     https, mailto, ftp, or is relative (data:image/ only on <img src>).
 * Also: the marker text "xss-marker" around each vector survives (the page
 * was not thrown away wholesale, which would make the test vacuous). */
#include <ctype.h>

#include "harness.h"
#include "pipeline.h"
#include "winnow.h"

static const char *const vectors[] = {
    /* event handlers */
    "<img src=x onerror=alert(1)>",
    "<img src=\"a.png\" ONERROR=\"alert(1)\" onload=alert(2)>",
    "<p onclick=alert(1) onmouseover='alert(2)'>click</p>",
    "<a href=/ok onfocus=alert(1) autofocus>link</a>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>d</details>",
    "<video><source onerror=alert(1)></video>",
    /* javascript:, vbscript:, data: URLs, obfuscated */
    "<a href=\"javascript:alert(1)\">j</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">j</a>",
    "<a href=\" \t\njavascript:alert(1)\">j</a>",
    "<a href=\"java&#x09;script:alert(1)\">j</a>",
    "<a href=\"java&Tab;script&colon;alert(1)\">j</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">j</a>",
    "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">j</a>",
    "<a href=\"jav\x01ascript:alert(1)\">j</a>",
    "<a href=\"\x0e javascript:alert(1)\">j</a>",
    "<a href=\"vbscript:msgbox(1)\">v</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">d</a>",
    "<a href=\"DATA:text/html,<script>alert(1)</script>\">d</a>",
    "<img src=\"javascript:alert(1)\">",
    "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
    "<img srcset=\"javascript:alert(1) 1x, x.png 2x\">",
    "<a href=\"jAvAsCrIpT&colon;alert&lpar;1&rpar;\">j</a>",
    "<a href=\"javascript&#0000058alert(1)\">j</a>",
    "<blockquote cite=\"javascript:alert(1)\">q</blockquote>",
    "<q cite=javascript:alert(1)>q</q>",
    "<a href=\"//evil.example/%0Ajavascript:alert(1)\">ok-ish</a>",
    /* script and style in every disguise */
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "<style>@import 'javascript:alert(1)';</style>",
    "<p style=\"background:url(javascript:alert(1))\">s</p>",
    "<div style=\"width:expression(alert(1))\">s</div>",
    "<link rel=stylesheet href=javascript:alert(1)>",
    /* SVG and MathML */
    "<svg><script>alert(1)</script></svg>",
    "<svg onload=alert(1)><circle r=1/></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>t</text></a></svg>",
    "<svg><animate attributeName=href to=javascript:alert(1) /></svg>",
    "<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math href=javascript:alert(1)>m</math>",
    /* base, meta refresh, frames, objects, forms */
    "<base href=\"javascript:alert(1)//\">",
    "<base href=\"https://evil.example/\">",
    "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"data:text/html,<script>alert(1)</script>\">",
    "<form action=javascript:alert(1)><button>b</button></form>",
    "<form><button formaction=javascript:alert(1)>b</button></form>",
    "<input type=image src=x onerror=alert(1)>",
    "<isindex action=javascript:alert(1) type=image>",
    /* mutation XSS via mis-nested or raw-text markup */
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<template><img src=x onerror=alert(1)></template>",
    "<textarea></textarea><img src=x onerror=alert(1)></textarea>",
    "<title><img src=x onerror=alert(1)></title>",
    "<xmp><img src=x onerror=alert(1)></xmp>",
    "<noembed><img src=x onerror=alert(1)></noembed>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
    "<p title=\"&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">attr</p>",
    "<a href=\"x\" title='\"><script>alert(1)</script>'>q</a>",
    "<img src=\"x` `<script>alert(1)</script>\"` `>",
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    "<![CDATA[<img src=x onerror=alert(1)>]]>",
    "<a href=\"https://ok.example/\"><b>bold<i>mis</b>nested</i></a>",
    "<table><tr><td>cell<img src=x onerror=alert(1)></td></tr><script>alert(1)</script></table>",
    "&lt;script&gt;alert(1)&lt;/script&gt; as text",
    "<plaintext><img src=x onerror=alert(1)>",
};

static const char *const bad_elements[] = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
    "meta", "link", "form", "input", "button", "select", "option", "textarea", "svg", "math",
    "template", "noscript", "xmp", "plaintext", "noembed", "noframes", "audio", "video",
    "source", "track", "portal", "dialog", "isindex", "param", "animate", "set", "handler",
    "foreignobject", "title", "head", "body", "html", "canvas", "marquee", "bgsound",
};

static const char *const url_attrs[] = {
    "href", "src", "cite", "poster", "background", "longdesc", "usemap", "data", "codebase",
    "action", "formaction", "icon", "manifest", "xlink:href", "ping", "lowsrc", "dynsrc",
};

static bool
name_is(const char *s, size_t n, const char *lit)
{
    if (strlen(lit) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (tolower((unsigned char)s[i]) != lit[i])
            return false;
    return true;
}

/* The URL as a browser reads its scheme: ASCII whitespace and control
 * characters removed, lower-cased; then the scheme must be a safe one. */
static bool
url_is_inert(const char *v, size_t n, bool img_src)
{
    char s[64];
    size_t k = 0;
    for (size_t i = 0; i < n && k < sizeof s - 1; i++) {
        unsigned char c = (unsigned char)v[i];
        if (c <= 0x20 || c == 0x7f)
            continue;
        s[k++] = (char)tolower(c);
    }
    s[k] = '\0';
    const char *colon = strchr(s, ':');
    const char *stop = strpbrk(s, "/?#");
    if (!colon || (stop && stop < colon))
        return true; /* relative */
    if (!strncmp(s, "http:", 5) || !strncmp(s, "https:", 6) || !strncmp(s, "mailto:", 7) ||
        !strncmp(s, "ftp:", 4))
        return true;
    if (img_src && !strncmp(s, "data:image/", 11) && strncmp(s, "data:image/svg", 14))
        return true;
    return false;
}

static int
check_inert(const char *vector, const char *html, size_t len)
{
    int bad = 0;
    wn_doc *d = NULL;
    wn_error err;
    if (wn_doc_parse(html, len, NULL, &d, &err) != WN_OK) {
        fprintf(stderr, "re-parse failed: %s\n", err.message);
        return 1;
    }
    wn_walk w;
    wn_walk_init(&w, d->dom->root);
    wn_node *n;
    bool entering;
    while (wn_walk_next(&w, &n, &entering)) {
        if (!entering || n->type != WN_NODE_ELEMENT)
            continue;
        bool implied = n->name && (!strcmp(n->name, "html") || !strcmp(n->name, "head") ||
                                   !strcmp(n->name, "body"));
        for (size_t i = 0; i < sizeof bad_elements / sizeof bad_elements[0]; i++) {
            if (!implied && n->name && name_is(n->name, n->name_len, bad_elements[i])) {
                fprintf(stderr, "XSS: <%s> in output for vector %s\n", n->name, vector);
                bad++;
            }
        }
        for (uint32_t a = 0; a < n->n_attrs; a++) {
            const wn_attr *at = &n->attrs[a];
            const char *an = at->name;
            size_t al = at->name_len;
            if ((al > 2 && tolower((unsigned char)an[0]) == 'o' &&
                 tolower((unsigned char)an[1]) == 'n') ||
                name_is(an, al, "style") || name_is(an, al, "srcdoc") ||
                name_is(an, al, "formaction") || name_is(an, al, "action") ||
                name_is(an, al, "http-equiv") || name_is(an, al, "srcset") ||
                name_is(an, al, "xlink:href") || name_is(an, al, "is")) {
                fprintf(stderr, "XSS: attribute %.*s on <%s> for vector %s\n", (int)al, an,
                        n->name, vector);
                bad++;
                continue;
            }
            for (size_t u = 0; u < sizeof url_attrs / sizeof url_attrs[0]; u++) {
                if (!name_is(an, al, url_attrs[u]))
                    continue;
                bool img_src = name_is(an, al, "src") && n->name && !strcmp(n->name, "img");
                if (!url_is_inert(at->value, at->value_len, img_src)) {
                    fprintf(stderr, "XSS: %.*s=\"%.*s\" for vector %s\n", (int)al, an,
                            (int)at->value_len, at->value, vector);
                    bad++;
                }
            }
        }
    }
    wn_doc_free(d);
    return bad;
}

static char *
page_with(const char *vector, size_t *len)
{
    static const char head[] =
        "<html><head><title>XSS page</title></head><body><article><h1>Headline of the test</h1>"
        "<p>xss-marker one: the first paragraph of the article has enough words to be kept by "
        "the extractor as body text, which is what we want here.</p><p>Before the vector, ";
    static const char tail[] =
        " and after it, more words so this paragraph is content too.</p>"
        "<p>xss-marker two: a closing paragraph of ordinary prose, long enough to count as the "
        "article's body and keep the whole block in the output.</p></article></body></html>";
    size_t vl = strlen(vector);
    char *p = malloc(sizeof head + vl + sizeof tail);
    memcpy(p, head, sizeof head - 1);
    memcpy(p + sizeof head - 1, vector, vl);
    memcpy(p + sizeof head - 1 + vl, tail, sizeof tail);
    *len = sizeof head - 1 + vl + sizeof tail - 1;
    return p;
}

TEST(every_vector_is_inert)
{
    size_t n_vectors = sizeof vectors / sizeof vectors[0];
    int leaks = 0;
    for (size_t i = 0; i < n_vectors; i++) {
        size_t len;
        char *page = page_with(vectors[i], &len);
        static const uint32_t flag_sets[3] = {
            WN_OPT_LINKS | WN_OPT_IMAGES,
            WN_OPT_LINKS | WN_OPT_IMAGES | WN_OPT_RECALL,
            0,
        };
        for (int fs = 0; fs < 3; fs++) {
            wn_options o;
            memset(&o, 0, sizeof o);
            o.flags = flag_sets[fs];
            o.url = fs == 1 ? "https://example.org/news/story.html" : NULL;
            wn_result *r = NULL;
            wn_error err;
            CHECK_EQ_INT(wn_extract(page, len, &o, &r, &err), WN_OK);
            if (!r)
                continue;
            wn_str out = {NULL, 0};
            CHECK_EQ_INT(wn_result_render(r, WN_FORMAT_HTML, &out, &err), WN_OK);
            if (out.ptr) {
                CHECK(strstr(out.ptr, "xss-marker") != NULL);
                int bad = check_inert(vectors[i], out.ptr, out.len);
                if (bad) {
                    fprintf(stderr, "  output: %s\n", out.ptr);
                    leaks++;
                }
                CHECK_EQ_INT(bad, 0);
            }
            wn_result_free(r);
        }
        free(page);
    }
    printf("  %zu vectors x 3 option sets: %d outputs not inert\n", n_vectors, leaks);
}

/* The checker itself must fail on live markup, or the test proves nothing. */
TEST(checker_catches_live_markup)
{
    static const char *const live[] = {
        "<img src=x onerror=alert(1)>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<svg><g></g></svg>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<p style=\"x\">y</p>",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
    };
    for (size_t i = 0; i < sizeof live / sizeof live[0]; i++) {
        fprintf(stderr, "(expected) ");
        CHECK(check_inert("self-test", live[i], strlen(live[i])) > 0);
    }
    static const char ok[] = "<p>fine <a href=\"https://example.org/\">x</a> "
                             "<img src=\"/a.png\" alt=\"a\"></p>";
    CHECK_EQ_INT(check_inert("self-test", ok, sizeof ok - 1), 0);
}

int
main(void)
{
    RUN(checker_catches_live_markup);
    RUN(every_vector_is_inert);
    return harness_done();
}
