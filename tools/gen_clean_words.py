#!/usr/bin/env python3
"""Generate src/clean/clean_words.h: the class/id vocabulary of the clean
stage (src/clean/clean_rules.c) and the visually-hidden class names, as
tables the tokenizer reads without a search.

Usage: python3 tools/gen_clean_words.py   (run from the repository root;
test_clean checks that every word and name of the header is found)

The words are generic web-page vocabulary (what front-end developers call
navigation, share bars, ad slots, comment sections, article bodies), never a
class seen on one site. Each word has the WN_TOK_* bits of its category:
  D  never content: navigation and menus, sharing and social, ads and
     promotion, banners, dialogs, subscriptions;
  N  usually boilerplate, judged with the text it holds (related, footers,
     sidebars, tags, bios, pagination, calls to action);
  M  a comment section (N as well);
  P  usually the article;
  B  bylines and dates;  C  captions and credits.

Tables:
  - wn_vocab_ends[len][f & 31]: bit (c & 31) is set when a word of that
    length starts with letter f and ends with letter c (a letter & 31 is 1
    for 'a' or 'A' .. 26 for 'z' or 'Z'; row and bit 0 stand for any other
    byte). A token is looked up only when its length, first and last
    letters occur together in a word: three in four tokens of class names
    stop there, and most of those that pass are words.
  - wn_vocab_keys / wn_vocab_bits: open addressing with linear probing. A
    word is packed into two 64-bit integers, its bytes 0..7 and 8..15 in
    little-endian order with zero bytes after its end (lo, hi); its first
    slot is ((lo ^ hi * WN_VOCAB_HI_MUL) * WN_VOCAB_MUL) >> (64 -
    WN_VOCAB_BITS), then the next slots up to an empty one (lo == 0). The
    generator tries multipliers and keeps the one with the fewest probes.
  - hidden class names (whole names, compared lower-cased): the same
    length/first/last letter table (wn_hidden_ends), then the few names of
    that length (wn_hidden_names[wn_hidden_start[len] ..
    wn_hidden_start[len + 1]]).
"""
import os
import random

VOCABULARY = {
    "D": "ad addthis ads adsense adslot adunit advert advertisement advertising adverts "
         "breadcrumb breadcrumbs ccpa consent cookie cookies crumbs dfp drawer dropdown gdpr "
         "lightbox likes login megamenu menu menubar menus modal nav navbar navigation newsletter nocontent "
         "offcanvas popover popup print promo promos promotion reactions searchbox searchform share "
         "sharebar shares sharethis sharing signin signup skip skiplink social socialmedia "
         "sharedaddy socials sponsor sponsored sponsors submenu subnav subscribe subscription toolbar "
         "tooltip topbar "
         # the same in other languages: share, ads
         "teilen partager partage compartir condividi compartilhar partilhar delen "
         "werbung anzeige publicite publicidad pubblicita publicidade reclame reklame reklama",
    "N": "aside authorbio authorbox banner bio cta follow foot footer header links masthead "
         "more mostpopular mostread outbrain pager pagination paywall popular rail recirc "
         "recirculation recommendations recommended related relatedarticles relatedposts sidebar "
         "signature signatures "
         "taboola tag tagcloud taglist tags trending usercard userinfo vote "
         "facet facets filter filters sort sorting "
         "votes voting "
         # related links and tags in other languages
         "verwandte similaires connexes relacionados relacionadas correlati gerelateerd etiquetas",
    "M": "comment commentlist comments disqus respond",
    "P": "article articlebody blog body content entry entrycontent hentry main post postbody "
         "postcontent prose richtext rte story storybody text",
    "B": "author authorname authors byline bylines date dateline dates meta posted pubdate "
         "published timestamp "
         "autor auteur autore datum fecha",
    "C": "caption captions credit credits figcaption",
}
CATEGORY_BITS = {
    "D": "WN_TOK_DROP",
    "N": "WN_TOK_NEG",
    "M": "WN_TOK_NEG | WN_TOK_COMMENTS",
    "P": "WN_TOK_POS",
    "B": "WN_TOK_BYLINE",
    "C": "WN_TOK_CAPTION",
}

# Whole class names (not tokens) that hide an element from sighted readers.
HIDDEN_CLASSES = ("sr-only sr-only-focusable screen-reader-text screen-reader-only screenreader "
                  "visually-hidden visuallyhidden visually_hidden a11y-hidden hidden hide d-none "
                  "is-hidden u-hidden offscreen element-invisible invisible")

HI_MUL = 0x9E3779B97F4A7C15
MASK64 = (1 << 64) - 1


def pack(word):
    """(lo, hi): bytes 0..7 and 8..15, little-endian, zero-padded."""
    b = word.encode()
    return int.from_bytes(b[:8], "little"), int.from_bytes(b[8:16], "little")


def slot(word, mul, bits):
    lo, hi = pack(word)
    return (((lo ^ ((hi * HI_MUL) & MASK64)) * mul) & MASK64) >> (64 - bits)


def place(words, bits, mul):
    """Linear probing; returns (slots, probes of hits, probes of misses)."""
    size = 1 << bits
    slots = {}
    hit = 0
    for w in sorted(words):
        s = slot(w, mul, bits)
        while s in slots:
            s = (s + 1) & (size - 1)
            hit += 1
        slots[s] = w
    # a miss from each possible first slot probes up to the next empty one
    miss = 0
    for s in range(size):
        k = s
        while k in slots:
            k = (k + 1) & (size - 1)
            miss += 1
    return slots, hit, miss


def c_string(w):
    assert all(32 <= ord(ch) < 127 and ch not in '"\\' for ch in w)
    return '"' + w + '"'


def letter(ch):
    """The index of a letter in the masks: its byte & 31, 'a' -> 1 .. 'z' -> 26."""
    return ord(ch) & 31


def write_ends(f, name, max_name, what, words, maxlen):
    """name[len][f & 31]: bit (c & 31) set when a word of that length starts
    with letter f and ends with letter c."""
    ends = {}
    for w in words:
        key = (len(w), letter(w[0]))
        ends[key] = ends.get(key, 0) | 1 << letter(w[-1])
    f.write("/* bit (c & 31) of %s[len][f & 31]: a %s of that length starts\n"
            " * with letter f and ends with letter c (either case: 'a' & 31 = 'A' & 31 = 1) */\n"
            % (name, what))
    f.write("static const uint32_t %s[%s + 1][32] = {\n" % (name, max_name))
    for l in range(maxlen + 1):
        row = ["[%d] = 0x%08x," % (k, ends[(l, k)]) for k in range(32) if (l, k) in ends]
        if row:
            f.write("    [%d] = {\n" % l)
            for k in range(0, len(row), 5):
                f.write("        %s\n" % " ".join(row[k:k + 5]))
            f.write("    },\n")
    f.write("};\n")


def main():
    vocab = {}
    for cat, ws in VOCABULARY.items():
        for w in ws.split():
            assert w not in vocab, "word listed twice: " + w
            assert all("a" <= ch <= "z" for ch in w), "words are lower-case letters: " + w
            vocab[w] = cat
    minlen = min(len(w) for w in vocab)
    maxlen = max(len(w) for w in vocab)
    assert maxlen <= 16, "a word is packed into two 64-bit integers"

    # the smallest table at most half full; the multiplier with the fewest
    # probes (hits and misses alike) out of a fixed series of candidates
    bits = 1
    while (1 << bits) < 2 * len(vocab):
        bits += 1
    rng = random.Random(20261129)
    best = None
    for _ in range(4000):
        mul = rng.getrandbits(64) | 1
        slots, hit, miss = place(vocab, bits, mul)
        cost = hit * (1 << bits) + miss * len(vocab)
        if best is None or cost < best[0]:
            best = (cost, mul, slots, hit, miss)
    _, mul, slots, hit, miss = best

    hidden = sorted(HIDDEN_CLASSES.split(), key=lambda n: (len(n), n))
    assert len(set(hidden)) == len(hidden)
    for n in hidden:
        assert n[0].isalpha() and n[-1].isalpha() and n == n.lower(), \
            "hidden names start and end with a lower-case letter: " + n
        assert not any(ch in n for ch in " \t\n\r\f:[(="), "hidden names are plain class names"
    hmax = max(len(n) for n in hidden)

    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    out = os.path.join(root, "src/clean/clean_words.h")
    with open(out, "w") as f:
        f.write("/* generated by tools/gen_clean_words.py, do not edit */\n")
        f.write("/* clean_words.h - the class/id vocabulary and the visually-hidden class names\n"
                " * (see the generator for the words, their categories and the tables). */\n")
        f.write("#ifndef WN_CLEAN_WORDS_H\n#define WN_CLEAN_WORDS_H\n\n#include <stdint.h>\n\n"
                "#include \"clean/clean.h\"\n\n")
        f.write("#define WN_VOCAB_MIN_LEN %d\n#define WN_VOCAB_MAX_LEN %d\n" % (minlen, maxlen))
        f.write("#define WN_VOCAB_WORDS %d\n\n" % len(vocab))
        write_ends(f, "wn_vocab_ends", "WN_VOCAB_MAX_LEN", "word", vocab, maxlen)
        f.write("\n/* %d words in %d slots: %d probes past the first slot for them all, %d for\n"
                " * a miss from each slot in turn */\n" % (len(vocab), 1 << bits, hit, miss))
        f.write("#define WN_VOCAB_BITS %d\n#define WN_VOCAB_SIZE (1u << WN_VOCAB_BITS)\n" % bits)
        f.write("#define WN_VOCAB_HI_MUL 0x%016xull\n#define WN_VOCAB_MUL 0x%016xull\n"
                % (HI_MUL, mul))
        f.write("/* the words packed (lo, hi), by slot; lo == 0: an empty slot */\n")
        f.write("static const uint64_t wn_vocab_keys[WN_VOCAB_SIZE][2] = {\n")
        for s in sorted(slots):
            lo, hi = pack(slots[s])
            f.write("    [%d] = {0x%016xull, 0x%016xull}, /* %s */\n" % (s, lo, hi, slots[s]))
        f.write("};\n")
        f.write("static const uint8_t wn_vocab_bits[WN_VOCAB_SIZE] = {\n")
        for s in sorted(slots):
            f.write("    [%d] = %s,\n" % (s, CATEGORY_BITS[vocab[slots[s]]]))
        f.write("};\n\n")

        f.write("/* visually-hidden class names, by length */\n")
        f.write("#define WN_HIDDEN_MAX_LEN %d\n#define WN_HIDDEN_NAMES %d\n" % (hmax, len(hidden)))
        write_ends(f, "wn_hidden_ends", "WN_HIDDEN_MAX_LEN", "name", hidden, hmax)
        f.write("static const char *const wn_hidden_names[WN_HIDDEN_NAMES] = {\n")
        for n in hidden:
            f.write("    %s,\n" % c_string(n))
        f.write("};\n")
        start = [sum(1 for n in hidden if len(n) < l) for l in range(hmax + 2)]
        f.write("/* names of length len: wn_hidden_names[wn_hidden_start[len] .. "
                "wn_hidden_start[len + 1]) */\n")
        f.write("static const uint8_t wn_hidden_start[WN_HIDDEN_MAX_LEN + 2] = {\n    ")
        f.write(", ".join(str(x) for x in start))
        f.write(",\n};\n\n#endif\n")
    print("%s: %d words (%d slots, %d + %d probes), %d hidden names"
          % (os.path.relpath(out, root), len(vocab), 1 << bits, hit, miss, len(hidden)))


main()
