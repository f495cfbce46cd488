/* tree_tables.c - name fix-up tables for foreign content and the doctype
 * lists of quirks mode (HTML Standard 13.2.6.4.1 and 13.2.6.3). */
#include "tree_tables.h"

#include <string.h>

static bool
ieq(const char *a, size_t alen, const char *b)
{
    size_t blen = strlen(b);
    if (alen != blen)
        return false;
    for (size_t i = 0; i < alen; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y + 32);
        if (x != y)
            return false;
    }
    return true;
}

static bool
iprefix(const char *s, size_t len, const char *prefix)
{
    size_t pl = strlen(prefix);
    return len >= pl && ieq(s, pl, prefix);
}

/* A name with its length, so that a lookup compares lengths first. */
typedef struct wn_name_len {
    const char *name;
    size_t len;
} wn_name_len;
#define N(s) {s, sizeof s - 1}

/* Element names whose SVG spelling is not all lower case. */
static const wn_name_len svg_tags[] = {
    N("altGlyph"), N("altGlyphDef"), N("altGlyphItem"), N("animateColor"), N("animateMotion"),
    N("animateTransform"), N("clipPath"), N("feBlend"), N("feColorMatrix"),
    N("feComponentTransfer"), N("feComposite"), N("feConvolveMatrix"), N("feDiffuseLighting"),
    N("feDisplacementMap"), N("feDistantLight"), N("feDropShadow"), N("feFlood"), N("feFuncA"),
    N("feFuncB"), N("feFuncG"), N("feFuncR"), N("feGaussianBlur"), N("feImage"), N("feMerge"),
    N("feMergeNode"), N("feMorphology"), N("feOffset"), N("fePointLight"), N("feSpecularLighting"),
    N("feSpotLight"), N("feTile"), N("feTurbulence"), N("foreignObject"), N("glyphRef"),
    N("linearGradient"), N("radialGradient"), N("textPath"),
};

/* Attribute names whose SVG spelling is not all lower case. */
static const wn_name_len svg_attrs[] = {
    N("attributeName"), N("attributeType"), N("baseFrequency"), N("baseProfile"), N("calcMode"),
    N("clipPathUnits"), N("diffuseConstant"), N("edgeMode"), N("filterUnits"), N("glyphRef"),
    N("gradientTransform"), N("gradientUnits"), N("kernelMatrix"), N("kernelUnitLength"),
    N("keyPoints"), N("keySplines"), N("keyTimes"), N("lengthAdjust"), N("limitingConeAngle"),
    N("markerHeight"), N("markerUnits"), N("markerWidth"), N("maskContentUnits"), N("maskUnits"),
    N("numOctaves"), N("pathLength"), N("patternContentUnits"), N("patternTransform"),
    N("patternUnits"), N("pointsAtX"), N("pointsAtY"), N("pointsAtZ"), N("preserveAlpha"),
    N("preserveAspectRatio"), N("primitiveUnits"), N("refX"), N("refY"), N("repeatCount"),
    N("repeatDur"), N("requiredExtensions"), N("requiredFeatures"), N("specularConstant"),
    N("specularExponent"), N("spreadMethod"), N("startOffset"), N("stdDeviation"), N("stitchTiles"),
    N("surfaceScale"), N("systemLanguage"), N("tableValues"), N("targetX"), N("targetY"),
    N("textLength"), N("viewBox"), N("viewTarget"), N("xChannelSelector"), N("yChannelSelector"),
    N("zoomAndPan"),
};

const char *
wn__svg_tag_adjust(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof svg_tags / sizeof svg_tags[0]; i++)
        if (svg_tags[i].len == len && ieq(name, len, svg_tags[i].name))
            return svg_tags[i].name;
    return NULL;
}

/* Foreign attributes: qualified name, namespace, local name. */
static const struct {
    const char *qname;
    uint8_t ns;
    const char *local;
} foreign_attrs[] = {
    {"xlink:actuate", WN_ATTR_NS_XLINK, "actuate"}, {"xlink:arcrole", WN_ATTR_NS_XLINK, "arcrole"},
    {"xlink:href", WN_ATTR_NS_XLINK, "href"},       {"xlink:role", WN_ATTR_NS_XLINK, "role"},
    {"xlink:show", WN_ATTR_NS_XLINK, "show"},       {"xlink:title", WN_ATTR_NS_XLINK, "title"},
    {"xlink:type", WN_ATTR_NS_XLINK, "type"},       {"xml:lang", WN_ATTR_NS_XML, "lang"},
    {"xml:space", WN_ATTR_NS_XML, "space"},         {"xmlns", WN_ATTR_NS_XMLNS, "xmlns"},
    {"xmlns:xlink", WN_ATTR_NS_XMLNS, "xlink"},
};

void
wn__attrs_adjust_foreign(wn_attr *attrs, uint32_t n, wn_ns ns)
{
    for (uint32_t i = 0; i < n; i++) {
        wn_attr *a = &attrs[i];
        if (ns == WN_NS_SVG) {
            /* cheap filter: every entry has an upper-case letter after a
             * lower-case start, and lengths 4..19 */
            if (a->name_len >= 4 && a->name_len <= 19) {
                for (size_t k = 0; k < sizeof svg_attrs / sizeof svg_attrs[0]; k++) {
                    if (svg_attrs[k].len == a->name_len &&
                        ieq(a->name, a->name_len, svg_attrs[k].name)) {
                        a->name = svg_attrs[k].name;
                        break;
                    }
                }
            }
        } else if (ns == WN_NS_MATHML) {
            if (ieq(a->name, a->name_len, "definitionurl"))
                a->name = "definitionURL";
        }
        if (a->name_len >= 5 && (a->name[0] == 'x')) {
            for (size_t k = 0; k < sizeof foreign_attrs / sizeof foreign_attrs[0]; k++) {
                if (ieq(a->name, a->name_len, foreign_attrs[k].qname)) {
                    a->name = foreign_attrs[k].local;
                    a->name_len = (uint32_t)strlen(a->name);
                    a->ns = foreign_attrs[k].ns;
                    break;
                }
            }
        }
    }
}

/* Public identifier prefixes that put a document in quirks mode. */
static const char *const quirks_prefixes[] = {
    "+//Silmaril//dtd html Pro v0r11 19970101//",
    "-//AS//DTD HTML 3.0 asWedit + extensions//",
    "-//AdvaSoft Ltd//DTD HTML 3.0 asWedit + extensions//",
    "-//IETF//DTD HTML 2.0 Level 1//",
    "-//IETF//DTD HTML 2.0 Level 2//",
    "-//IETF//DTD HTML 2.0 Strict Level 1//",
    "-//IETF//DTD HTML 2.0 Strict Level 2//",
    "-//IETF//DTD HTML 2.0 Strict//",
    "-//IETF//DTD HTML 2.0//",
    "-//IETF//DTD HTML 2.1E//",
    "-//IETF//DTD HTML 3.0//",
    "-//IETF//DTD HTML 3.2 Final//",
    "-//IETF//DTD HTML 3.2//",
    "-//IETF//DTD HTML 3//",
    "-//IETF//DTD HTML Level 0//",
    "-//IETF//DTD HTML Level 1//",
    "-//IETF//DTD HTML Level 2//",
    "-//IETF//DTD HTML Level 3//",
    "-//IETF//DTD HTML Strict Level 0//",
    "-//IETF//DTD HTML Strict Level 1//",
    "-//IETF//DTD HTML Strict Level 2//",
    "-//IETF//DTD HTML Strict Level 3//",
    "-//IETF//DTD HTML Strict//",
    "-//IETF//DTD HTML//",
    "-//Metrius//DTD Metrius Presentational//",
    "-//Microsoft//DTD Internet Explorer 2.0 HTML Strict//",
    "-//Microsoft//DTD Internet Explorer 2.0 HTML//",
    "-//Microsoft//DTD Internet Explorer 2.0 Tables//",
    "-//Microsoft//DTD Internet Explorer 3.0 HTML Strict//",
    "-//Microsoft//DTD Internet Explorer 3.0 HTML//",
    "-//Microsoft//DTD Internet Explorer 3.0 Tables//",
    "-//Netscape Comm. Corp.//DTD HTML//",
    "-//Netscape Comm. Corp.//DTD Strict HTML//",
    "-//O'Reilly and Associates//DTD HTML 2.0//",
    "-//O'Reilly and Associates//DTD HTML Extended 1.0//",
    "-//O'Reilly and Associates//DTD HTML Extended Relaxed 1.0//",
    "-//SQ//DTD HTML 2.0 HoTMetaL + extensions//",
    "-//SoftQuad Software//DTD HoTMetaL PRO 6.0::19990601::extensions to HTML 4.0//",
    "-//SoftQuad//DTD HoTMetaL PRO 4.0::19970916::extensions to HTML 4.0//",
    "-//Spyglass//DTD HTML 2.0 Extended//",
    "-//Sun Microsystems Corp.//DTD HotJava HTML//",
    "-//Sun Microsystems Corp.//DTD HotJava Strict HTML//",
    "-//W3C//DTD HTML 3 1995-03-24//",
    "-//W3C//DTD HTML 3.2 Draft//",
    "-//W3C//DTD HTML 3.2 Final//",
    "-//W3C//DTD HTML 3.2//",
    "-//W3C//DTD HTML 3.2S Draft//",
    "-//W3C//DTD HTML 4.0 Frameset//",
    "-//W3C//DTD HTML 4.0 Transitional//",
    "-//W3C//DTD HTML Experimental 19960712//",
    "-//W3C//DTD HTML Experimental 970421//",
    "-//W3C//DTD W3 HTML//",
    "-//W3O//DTD W3 HTML 3.0//",
    "-//WebTechs//DTD Mozilla HTML 2.0//",
    "-//WebTechs//DTD Mozilla HTML//",
};

wn_quirks
wn__doctype_quirks(const char *name, size_t name_len, const char *pub, size_t pub_len,
                   const char *sys, size_t sys_len, bool force_quirks)
{
    if (force_quirks || !name || name_len != 4 || memcmp(name, "html", 4) != 0)
        return WN_QUIRKS;
    if (sys && ieq(sys, sys_len, "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"))
        return WN_QUIRKS;
    if (!pub)
        return WN_NO_QUIRKS;
    if (ieq(pub, pub_len, "-//W3O//DTD W3 HTML Strict 3.0//EN//") ||
        ieq(pub, pub_len, "-/W3C/DTD HTML 4.0 Transitional/EN") || ieq(pub, pub_len, "HTML"))
        return WN_QUIRKS;
    for (size_t i = 0; i < sizeof quirks_prefixes / sizeof quirks_prefixes[0]; i++)
        if (iprefix(pub, pub_len, quirks_prefixes[i]))
            return WN_QUIRKS;
    bool html401 = iprefix(pub, pub_len, "-//W3C//DTD HTML 4.01 Frameset//") ||
                   iprefix(pub, pub_len, "-//W3C//DTD HTML 4.01 Transitional//");
    if (!sys && html401)
        return WN_QUIRKS;
    if (iprefix(pub, pub_len, "-//W3C//DTD XHTML 1.0 Frameset//") ||
        iprefix(pub, pub_len, "-//W3C//DTD XHTML 1.0 Transitional//") || (sys && html401))
        return WN_LIMITED_QUIRKS;
    return WN_NO_QUIRKS;
}
