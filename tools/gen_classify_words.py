#!/usr/bin/env python3
"""Generate src/score/classify_words.h: the word lists of the page-type
classifier (src/score/classify.c) as collision-free hash tables, and its
short text phrases indexed by first byte.

Usage: python3 tools/gen_classify_words.py   (run from the repository root)

Tables:
  - class/id words (compared lower-cased): bits CLS_POST, CLS_USER, CLS_DOC;
  - URL path/host words (lower-cased): bit k = feature WN_FEAT_url_forum + k;
  - schema.org type names (case-sensitive): bit k = WN_FEAT_schema_article + k.
A word's first slot is (FNV-1a(word) >> shift) & (size - 1), then the next
ones (linear probing) until an empty slot; the table has at least twice as
many slots as words and the generator picks the shift that displaces the
fewest words, so a lookup is one hash, about one probe and one compare. FNV-1a can be computed byte by byte while
a token is scanned (WN_CW_STEP).

The class words also get wn_class_ends, the filter the mask scans (the
features' own, src/score/class_words.c, and clean's token scan,
src/clean/clean_rules.c) test their tokens of letters with before one is
looked up here: bit (c & 31) of wn_class_ends[len & 15][f & 31] is set when
a word of that length starts with letter f and ends with letter c.

Phrases (cart, reply, service) are substrings looked for in lower-cased short
text: sorted by first byte, with wn_phrase_start[c] .. wn_phrase_start[c + 1]
the phrases that start with byte c, and wn_phrase_quad a filter on the first
four bytes (a bit per hash of them: most positions of a text are passed over
without a compare).
"""
import os

CLASS_WORDS = {
    "CLS_POST": "answer answers comment comments message messages post posts replies reply "
                "thread topic",
    "CLS_USER": "author avatar member poster profile user userinfo username",
    "CLS_DOC": "admonition api codehilite doc docs documentation highlight hljs note "
               "prettyprint sourcecode toc warning",
}
CLASS_BITS = ["CLS_POST", "CLS_USER", "CLS_DOC"]

# In the order of the url_* features (classify.h).
URL_WORDS = [
    ("forum", "forum forums thread threads topic topics t viewtopic showthread community "
              "discussion discussions discuss questions question answers board boards comments r q"),
    ("product", "product products p dp itm item items sku detail details pd prod app buy gp"),
    ("collection", "c cat category categories collection collections department departments "
                   "shop b browse catalog catalogue store s range"),
    ("docs", "docs doc documentation wiki reference api manual guide guides library tutorial "
             "tutorials book learn kb handbook spec glossary help faq howto developer developers "
             "sdk man"),
    ("article", "blog news article articles story stories post posts recipe recipes insights "
                "press magazine journal opinion column review reviews analysis"),
    ("listing", "tag tags archive archives author authors page latest all index search results "
                "list lists events jobs"),
    ("service", "services service solutions solution platform pricing features about company "
                "programs program degree enterprise industries contact careers plans business "
                "admissions courses"),
]

# In the order of the schema_* features (classify.h).
SCHEMA_TYPES = [
    ("article", "NewsArticle Article BlogPosting Report ReportageNewsArticle AnalysisNewsArticle "
                "OpinionNewsArticle Recipe LiveBlogPosting ScholarlyArticle HowTo Review"),
    ("product", "Product ProductGroup IndividualProduct ProductModel Vehicle Book"),
    ("forum", "DiscussionForumPosting QAPage Question Answer SocialMediaPosting Comment"),
    ("docs", "TechArticle APIReference SoftwareSourceCode"),
    ("collection", "CollectionPage ItemList OfferCatalog SearchResultsPage ProductCollection"),
    ("service", "Service SoftwareApplication WebApplication LocalBusiness Course "
                "EducationalOrganization CollegeOrUniversity EducationalOccupationalProgram "
                "ProfessionalService FinancialProduct"),
    ("offer", "Offer AggregateOffer AggregateRating"),
]

# Phrase sets: (bit name, phrases). Matched as substrings of the text with ASCII letters
# lower-cased (so a phrase in a cased script other than Latin is listed as UI text writes it,
# capital first: the match is on bytes). Other languages than English stand beside it: the
# model reads the count, whatever the language.
PHRASES = [
    ("WN_PHRASE_CART", ["add to cart", "add to bag", "add to basket", "add to trolley", "buy now",
                        "in den warenkorb", "ajouter au panier", "a\u00f1adir al carrito",
                        "aggiungi al carrello", "in winkelwagen", "add to wishlist", "in stock",
                        "out of stock", "adicionar ao carrinho", "dodaj do koszyka",
                        "do ko\u0161\u00edku", "sepete ekle", "l\u00e4gg i varukorgen",
                        "ostoskoriin", "\u0412 \u043a\u043e\u0440\u0437\u0438\u043d\u0443",
                        "\u0432 \u043a\u043e\u0440\u0437\u0438\u043d\u0443",
                        "\u52a0\u5165\u8d2d\u7269\u8f66", "\u30ab\u30fc\u30c8\u306b\u5165\u308c\u308b",
                        "\uc7a5\ubc14\uad6c\ub2c8"]),
    ("WN_PHRASE_REPLY", ["reply", "replies", "quote", "joined", "posts:", "member since",
                         "report post", "like", "permalink", "upvote", "antworten",
                         "r\u00e9pondre", "responder", "rispondi", "beantwoorden", "odpowiedz",
                         "yan\u0131tla", "\u041e\u0442\u0432\u0435\u0442\u0438\u0442\u044c",
                         "\u043e\u0442\u0432\u0435\u0442\u0438\u0442\u044c",
                         "\u56de\u590d", "\u8fd4\u4fe1", "\ub2f5\uae00"]),
    ("WN_PHRASE_SERVICE", ["contact us", "get started", "request a demo", "book a demo",
                           "free trial", "get a quote", "schedule a", "talk to sales",
                           "our services", "learn more", "start now", "sign up free",
                           "try it free", "apply now", "request info", "kontaktieren sie uns",
                           "kostenlos testen", "demo anfordern", "contactez-nous",
                           "essai gratuit", "demander une d\u00e9mo", "cont\u00e1ctenos",
                           "prueba gratis", "solicitar demo", "contattaci", "prova gratuita",
                           "neem contact op", "gratis proberen", "fale conosco",
                           "teste gr\u00e1tis"]),
]


QUAD_MUL = 0x9E3779B1
QUAD_BITS = 12


def quad_hash(key):
    """The top QUAD_BITS bits of the 32-bit product key * QUAD_MUL (classify.c's quad_hash)."""
    return ((key * QUAD_MUL) & 0xFFFFFFFF) >> (32 - QUAD_BITS)


def fnv(b):
    h = 2166136261
    for ch in b:
        h ^= ch
        h = (h * 16777619) & 0xFFFFFFFF
    return h


def place(words):
    """words: {bytes: bits}. Open addressing with linear probing in a table
    of at least twice as many slots as words; the shift that gives the fewest
    displaced words wins (the class words get no collision at all)."""
    size = 1
    while size < 2 * len(words):
        size *= 2
    best = None
    for shift in range(0, 25):
        slots = {}
        cost = 0
        for w in sorted(words):
            s = (fnv(w) >> shift) & (size - 1)
            while s in slots:
                s = (s + 1) & (size - 1)
                cost += 1
            slots[s] = w
        if best is None or cost < best[0]:
            best = (cost, shift, slots)
    return size, best[1], best[2], best[0]


def c_string(b):
    out = ""
    for ch in b:
        if 32 <= ch < 127 and ch not in (ord('"'), ord("\\")):
            out += chr(ch)
        else:
            out += '\\x%02X" "' % ch
    return '"' + out + '"'


def table(f, name, words, bit_names=None):
    size, shift, slots, displaced = place(words)
    f.write("/* %d words, %d not in their first slot */\n" % (len(words), displaced))
    f.write("#define %s_SIZE %d\n#define %s_SHIFT %d\n" % (name.upper(), size, name.upper(), shift))
    f.write("static const wn_cw_entry %s[%s_SIZE] = {\n" % (name, name.upper()))
    for s in range(size):
        if s in slots:
            w = slots[s]
            bits = words[w]
            if bit_names:
                b = " | ".join(bit_names[k] for k in range(len(bit_names)) if bits >> k & 1)
            else:
                b = "0x%02x" % bits
            f.write("    [%d] = {%s, %d, %s},\n" % (s, c_string(w), len(w), b))
    f.write("};\n")
    lens = [len(w) for w in words]
    f.write("#define %s_MIN_LEN %d\n#define %s_MAX_LEN %d\n\n" % (name.upper(), min(lens),
                                                                   name.upper(), max(lens)))


def word_bits(groups):
    words = {}
    for k, (_, ws) in enumerate(groups):
        for w in ws.split():
            b = w.encode()
            words[b] = words.get(b, 0) | (1 << k)
    return words


root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
with open(os.path.join(root, "src/score/classify_words.h"), "w") as f:
    f.write("/* generated by tools/gen_classify_words.py, do not edit */\n")
    f.write("/* classify_words.h - word lists and phrases of the page-type classifier. */\n")
    f.write("#ifndef WN_CLASSIFY_WORDS_H\n#define WN_CLASSIFY_WORDS_H\n\n#include <stdint.h>\n\n")
    f.write("typedef struct wn_cw_entry {\n    const char *word; /* NULL: empty slot */\n"
            "    uint8_t len;\n    uint8_t bits;\n} wn_cw_entry;\n\n")
    f.write("/* FNV-1a, one byte at a time; first slot = (hash >> SHIFT) & (SIZE - 1), then linear\n * probing up to an empty slot. */\n")
    f.write("#define WN_CW_SEED 2166136261u\n")
    f.write("#define WN_CW_STEP(h, c) (((h) ^ (uint32_t)(c)) * 16777619u)\n\n")
    for k, b in enumerate(CLASS_BITS):
        f.write("#define %s %du\n" % (b, 1 << k))
    f.write("\n/* class/id tokens, lower-cased */\n")
    cw = {}
    for k, b in enumerate(CLASS_BITS):
        for w in CLASS_WORDS[b].split():
            cw[w.encode()] = cw.get(w.encode(), 0) | (1 << k)
    table(f, "wn_class_words", cw, CLASS_BITS)
    # the scanner filters tokens on their length and first and last letters
    assert all(97 <= ch <= 122 for w in cw for ch in w), "class words: letters a-z only"
    maxlen = max(len(w) for w in cw)
    for name, pos in (("first", 0), ("last", -1)):
        masks = [0] * (maxlen + 1)
        for w in cw:
            masks[len(w)] |= 1 << (w[pos] - 97)
        f.write("/* bit (c - 'a') of wn_class_%s[len]: a word of that length %s with c */\n"
                % (name, "starts" if pos == 0 else "ends"))
        f.write("static const uint32_t wn_class_%s[WN_CLASS_WORDS_MAX_LEN + 1] = {" % name)
        f.write(", ".join("0x%07x" % m for m in masks) + "};\n")
    # the same filter for tokens of letters (the mask scans; clean's tests its
    # own words so too): rows by length modulo 16, letters by c & 31
    assert maxlen < 16, "class words: lengths modulo 16 keep every word's row"
    ends = [[0] * 32 for _ in range(16)]
    for w in cw:
        ends[len(w)][w[0] & 31] |= 1 << (w[-1] & 31)
    f.write("/* bit (c & 31) of wn_class_ends[len & 15][f & 31]: a word of that length\n"
            " * starts with letter f and ends with letter c (tokens of letters) */\n")
    f.write("static const uint32_t wn_class_ends[16][32] = {\n")
    for l in range(16):
        row = ["[%d] = 0x%08x," % (k, ends[l][k]) for k in range(32) if ends[l][k]]
        if row:
            f.write("    [%d] = {\n" % l)
            for k in range(0, len(row), 5):
                f.write("        %s\n" % " ".join(row[k:k + 5]))
            f.write("    },\n")
    f.write("};\n")
    # token scanner: state 0 = after a digit or upper-case letter (or at the
    # start), 1 = after a lower-case letter; 2 = the byte ends the token
    f.write("\n/* Class/id token scanner: wn_class_step[state][byte] is the next state, or\n"
            " * 2 where the byte ends the token (not alphanumeric, or an upper-case letter\n"
            " * after a lower-case one). State 0: at the start or after a digit or\n"
            " * upper-case letter; 1: after a lower-case letter. */\n")
    f.write("static const uint8_t wn_class_step[2][256] = {\n")
    for st in (0, 1):
        row = []
        for c in range(256):
            if 97 <= c <= 122:
                row.append(1)
            elif 48 <= c <= 57:
                row.append(0)
            elif 65 <= c <= 90:
                row.append(2 if st == 1 else 0)
            else:
                row.append(2)
        f.write("    {")
        for c in range(256):
            f.write(("\n        " if c % 32 == 0 else " ") + "%d," % row[c])
        f.write("\n    },\n")
    f.write("};\n\n")
    f.write("/* URL words, lower-cased: bit k = WN_FEAT_url_%s + k (%s) */\n"
            % (URL_WORDS[0][0], ", ".join(n for n, _ in URL_WORDS)))
    table(f, "wn_url_words", word_bits(URL_WORDS))
    f.write("/* schema.org types: bit k = WN_FEAT_schema_%s + k (%s) */\n"
            % (SCHEMA_TYPES[0][0], ", ".join(n for n, _ in SCHEMA_TYPES)))
    table(f, "wn_schema_types", word_bits(SCHEMA_TYPES))

    for k, (b, _) in enumerate(PHRASES):
        f.write("#define %s %du\n" % (b, 1 << k))
    phrases = []
    for b, ps in PHRASES:
        for p in ps:
            phrases.append((p.encode(), b))
    phrases.sort(key=lambda x: x[0][0])
    f.write("\n/* phrases, sorted by first byte */\n")
    f.write("static const wn_cw_entry wn_phrases[%d] = {\n" % len(phrases))
    for p, b in phrases:
        f.write("    {%s, %d, %s},\n" % (c_string(p), len(p), b))
    f.write("};\n")
    start = []
    i = 0
    for c in range(257):
        while i < len(phrases) and phrases[i][0][0] < c:
            i += 1
        start.append(i)
    f.write("/* phrases starting with byte c: wn_phrases[wn_phrase_start[c] .. wn_phrase_start[c + 1]) */\n")
    f.write("static const uint8_t wn_phrase_start[257] = {")
    for c in range(257):
        f.write(("\n    " if c % 16 == 0 else " ") + "%d," % start[c])
    f.write("\n};\n")
    # a filter on the first four bytes: bit quad_hash(b0..b3) of
    # wn_phrase_quad is set when a phrase starts with them
    assert min(len(p) for p, _ in phrases) >= 4, "phrase_sets reads four bytes"
    quad = [0] * (1 << (QUAD_BITS - 6))
    for p, _ in phrases:
        h = quad_hash(p[0] | p[1] << 8 | p[2] << 16 | p[3] << 24)
        quad[h >> 6] |= 1 << (h & 63)
    f.write("/* bit h of wn_phrase_quad (word h >> 6, bit h & 63), h = the first four bytes\n"
            " * b0 | b1 << 8 | b2 << 16 | b3 << 24 times WN_PHRASE_QUAD_MUL, top\n"
            " * WN_PHRASE_QUAD_BITS bits (of 32): set when a phrase may start with them */\n")
    f.write("#define WN_PHRASE_QUAD_MUL 0x%08Xu\n#define WN_PHRASE_QUAD_BITS %d\n" % (QUAD_MUL, QUAD_BITS))
    f.write("static const uint64_t wn_phrase_quad[%d] = {\n" % len(quad))
    for k, q in enumerate(quad):
        if q:
            f.write("    [%d] = 0x%016xull,\n" % (k, q))
    f.write("};\n")
    for b, ps in PHRASES:
        f.write("#define %s_MIN_LEN %d\n" % (b, min(len(p.encode()) for p in ps)))
    f.write("\n#endif\n")
