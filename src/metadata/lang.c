/* lang.c - the page's language: declared values normalised to BCP 47, and
 * detection from the text when the markup says nothing (or something the
 * text plainly contradicts).
 *
 * Detection has two steps. The writing system settles most languages on its
 * own (Hangul is Korean, kana Japanese, Thai, Greek, Hebrew, Devanagari...),
 * with letters that only one language of a script uses to tell Russian,
 * Ukrainian, Bulgarian and Serbian apart, or Persian from Arabic. Latin-script
 * text is then matched against short lists of each language's most frequent
 * function words, written for this purpose: in any running text of a few
 * sentences these words make up a third or more of the tokens, and they are
 * what differs most between languages sharing the alphabet.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "metadata.h"
#include "util/swar.h"

size_t
wn_lang_normalise(const char *s, size_t n, char *out)
{
    out[0] = '\0';
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == ';' || s[n - 1] == ','))
        n--;
    /* "en-US,en;q=0.9" (content-language lists): the first one */
    for (size_t i = 0; i < n; i++)
        if (s[i] == ',' || s[i] == ';' || s[i] == ' ') {
            n = i;
            break;
        }
    size_t k = 0, i = 0, sub = 0;
    while (i < n) {
        size_t st = i;
        while (i < n && s[i] != '-' && s[i] != '_')
            i++;
        size_t l = i - st;
        for (size_t j = st; j < i; j++) {
            char c = s[j];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                return sub ? k : (out[0] = '\0', 0);
        }
        if (sub == 0) {
            if (l < 2 || l > 3)
                return 0;
            for (size_t j = st; j < i; j++)
                if (!((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z')))
                    return 0;
        }
        if (l == 0 || l > 8 || k + 1 + l >= 16)
            break;
        if (sub)
            out[k++] = '-';
        for (size_t j = 0; j < l; j++) {
            char c = s[st + j];
            char lo = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
            char up = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
            if (sub == 0)
                out[k++] = lo;
            else if (l == 4)
                out[k++] = j == 0 ? up : lo; /* script: Hans */
            else if (l == 2 || l == 3)
                out[k++] = up; /* region: US, 419 */
            else
                out[k++] = lo;
        }
        sub++;
        if (i < n)
            i++;
    }
    out[k] = '\0';
    if (k == 3 && memcmp(out, "und", 3) == 0)
        return out[0] = '\0', 0;
    return k;
}

/* Frequent function words per language (lower-case). */
static const struct {
    const char *lang;
    const char *words;
} stopwords[] = {
    {"en", " the and of to in is that for it with was on are as be this by at have from or an "
           "they which you were their has been would there we not but can will what when more "
           "about if its his her who also than into our these those "},
    {"de", " der die und das ist nicht den von zu mit sich des auf f\xC3\xBCr ein eine dem im "
           "auch es an als wird bei nach oder aus wie einer sie sind noch wurde werden hat dass "
           "\xC3\xBC" "ber um zum zur einen kann durch nur aber vor wir ich haben sein mehr "},
    {"fr", " le la les de des et un une du est en que qui dans pour pas sur au aux avec ce il "
           "elle par sont plus ne se son sa ses \xC3\xA9t\xC3\xA9 cette mais ou nous vous leur "
           "comme \xC3\xA9tait aussi \xC3\xAAtre tout tr\xC3\xA8s lors dont ces entre "},
    {"es", " el la los las de del y en que un una es por con para se no su sus al lo como "
           "m\xC3\xA1s pero fue este esta ha son entre tambi\xC3\xA9n sobre hasta desde muy ya "
           "porque cuando est\xC3\xA1 han sin todo esto ser hay otros nos donde "},
    {"it", " il lo la gli le di del della dei che \xC3\xA8 e un una per non con si da in sono "
           "al alla nel nella anche come pi\xC3\xB9 ma questo questa ha ci essere stato tra fra "
           "dopo molto sua suo loro quando degli delle era ancora perch\xC3\xA9 "},
    {"pt", " o a os as de do da dos das e que em um uma para com n\xC3\xA3o no na nos por mais "
           "se foi ao \xC3\xA0 \xC3\xA9 seu sua como mas tamb\xC3\xA9m pelo pela s\xC3\xA3o "
           "est\xC3\xA1 isso esse essa ele ela muito quando j\xC3\xA1 entre ser tem h\xC3\xA1 "
           "sobre "},
    {"nl", " de het een en van in is dat op te voor met zijn niet aan er om ook als bij door "
           "naar maar dan nog wordt werd uit over deze heeft hij ze wij worden kan tot hun zo al "
           "meer geen onder wel was die dit zich moet "},
    {"sv", " och att det som en p\xC3\xA5 \xC3\xA4r av f\xC3\xB6r med till den har de inte om "
           "ett var jag men s\xC3\xA5 vi kan fr\xC3\xA5n man vid hade eller sig ocks\xC3\xA5 "
           "efter n\xC3\xA4r under skulle blir bara mycket nu hur dem sina sin d\xC3\xA4r vara "
           "\xC3\xA4n alla detta "},
    {"da", " og i at det en den til er som p\xC3\xA5 de med af for ikke der var har et men om "
           "vi jeg fra kan eller hvor efter n\xC3\xA5r ogs\xC3\xA5 blev skal ud bliver havde sig "
           "nu her hvad mange v\xC3\xA6re meget dette disse kun deres "},
    {"no", " og i det som p\xC3\xA5 er en til av for med at ikke har de den om var et jeg men "
           "fra vi kan eller ogs\xC3\xA5 etter n\xC3\xA5r skal ble blir hadde seg n\xC3\xA5 her "
           "hva mange v\xC3\xA6re mye dette disse bare deres hvor ut "},
    {"fi", " ja on ei se ett\xC3\xA4 oli h\xC3\xA4n ovat mutta kun my\xC3\xB6s tai jos joka "
           "t\xC3\xA4m\xC3\xA4 sen ole kuin niin vain mit\xC3\xA4 nyt jo voi sek\xC3\xA4 olla "
           "h\xC3\xA4nen joita jotka mukaan kanssa vuonna koska sit\xC3\xA4 siit\xC3\xA4 ennen "
           "j\xC3\xA4lkeen viel\xC3\xA4 kaikki t\xC3\xA4ss\xC3\xA4 ollut "},
    {"pl", " i w z na si\xC4\x99 nie do to \xC5\xBC" "e jest o jak po a od za co s\xC4\x85 przez "
           "dla ale tak jego ich jej czy ju\xC5\xBC tylko mo\xC5\xBC" "e by\xC5\x82 by\xC5\x82" "a "
           "by\xC5\x82o tak\xC5\xBC" "e oraz przy jednak bardzo kt\xC3\xB3re kt\xC3\xB3ry "
           "kt\xC3\xB3ra r\xC3\xB3wnie\xC5\xBC gdy tym ten tego "},
    {"cs", " a v se na je \xC5\xBE" "e s z do o k to jako pro ale by jsou byl byla bylo "
           "kter\xC3\xBD kter\xC3\xA1 kter\xC3\xA9 tak\xC3\xA9 jeho jejich po p\xC5\x99i od za "
           "u\xC5\xBE jen v\xC5\xA1" "ak tak kdy\xC5\xBE nebo jsem b\xC3\xBDt mezi podle "
           "p\xC5\x99" "ed t\xC3\xA9to tento toho v\xC3\xAD" "ce "},
    {"ro", " \xC8\x99i \xC3\xAEn de la a cu pe care nu din o un este s\xC4\x83 mai pentru sunt "
           "fost ce au se prin sau dar al ale lui dup\xC4\x83 acest aceast\xC4\x83 fi "
           "f\xC4\x83r\xC4\x83 despre foarte \xC3\xAEntre p\xC3\xA2n\xC4\x83 dec\xC3\xA2t acum "
           "c\xC4\x83tre \xC5\x9Fi \xC3\xAEn "},
    {"hu", " a az \xC3\xA9s hogy nem is egy meg van de ez m\xC3\xA1r csak m\xC3\xA9g volt mint "
           "azt ki el fel vagy ut\xC3\xA1n pedig lesz kell nagyon ami amely aki ezt azok "
           "k\xC3\xB6z\xC3\xB6tt szerint \xC3\xA1ltal mert \xC3\xADgy most lehet minden "},
    {"tr", " ve bir bu da de i\xC3\xA7in ile olarak \xC3\xA7ok daha en ne gibi ama olan sonra "
           "kadar her o mi de\xC4\x9Fil var ya ki \xC5\x9F" "ey diye g\xC3\xB6re ise bunu \xC5\x9Fu "
           "onun b\xC3\xBCt\xC3\xBCn veya yok oldu\xC4\x9Fu ancak aras\xC4\xB1nda bile "},
    {"id", " yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena ada "
           "oleh saya mereka kami kita bisa sudah atau tersebut telah lebih sebagai adalah bahwa "
           "dapat seperti hanya namun saat menjadi banyak para masih "},
    {"hr", " i je u na da se za od su a o s koji kao iz ali \xC5\xA1to bi \xC4\x87" "e nije to "
           "sam biti ili do jo\xC5\xA1 samo kako sve bio bila koja koje nakon prema me\xC4\x91u "},
    {"vi", " c\xE1\xBB\xA7" "a v\xC3\xA0 c\xC3\xA1" "c l\xC3\xA0 c\xC3\xB3 \xC4\x91\xC6\xB0\xE1\xBB\xA3" "c "
           "nh\xE1\xBB\xAF" "ng trong cho kh\xC3\xB4ng m\xE1\xBB\x99t ng\xC6\xB0\xE1\xBB\x9Di "
           "v\xE1\xBB\x9Bi n\xC3\xA0y \xC4\x91\xC3\xA3 \xC4\x91\xE1\xBB\x83 khi n\xC4\x83m "
           "t\xE1\xBB\xAB v\xE1\xBB\x81 nh\xC6\xB0 \xC4\x91\xE1\xBA\xBFn "},
    {"ca", " el la els les de del dels i a en que un una \xC3\xA9s per amb no es al als com "
           "m\xC3\xA9s per\xC3\xB2 va ha han s\xC3\xB3n aquest aquesta aquests tamb\xC3\xA9 "
           "sobre fins des molt ja perqu\xC3\xA8 quan est\xC3\xA0 sense tot aix\xC3\xB2 ser "
           "hi altres ens on seu seva seus pel fer hem "},
    {"sk", " a v sa na je \xC5\xBE" "e s z do o k to ako pre ale by s\xC3\xBA bol bola bolo "
           "boli ktor\xC3\xBD ktor\xC3\xA1 ktor\xC3\xA9 tie\xC5\xBE jeho ich po pri od za "
           "u\xC5\xBE len v\xC5\xA1" "ak tak ke\xC4\x8F alebo som by\xC5\xA5 medzi "
           "pod\xC4\xBE" "a pred tejto tento toho viac aj e\xC5\xA1te sme "},
    {"sl", " in je v na se da za so z ki pa ne s tudi bi bil bila bilo kot ali do po iz ga "
           "jih \xC5\xA1" "e le pri od med pred ker sem smo biti lahko zelo vse ta to tem "},
    {"lt", " ir yra kad \xC4\xAF su i\xC5\xA1 o bet kaip tai jo jos buvo bus nuo d\xC4\x97l "
           "per apie jau tik taip ar kur kai savo \xC5\xA1io \xC5\xA1is ji jis mes jie "
           "ta\xC4\x8Diau dar bei nes kuris kuri kurie ne "},
    {"lv", " un ir ka uz ar no par bet k\xC4\x81 tas t\xC4\x81 ar\xC4\xAB jau vai kas to "
           "vi\xC5\x86\xC5\xA1 vi\xC5\x86" "a bija b\xC5\xABs pie p\xC4\x93" "c "
           "l\xC4\xAB" "dz tikai \xC4\xBCoti savu \xC5\xA1is \xC5\xA1\xC4\xAB m\xC4\x93s "
           "vi\xC5\x86i "},
    {"et", " ja on et ei see oli ka kui aga mis oma ning ta tema nad seda selle veel nii "
           "siis kes v\xC3\xB5i juba ainult p\xC3\xA4rast \xC3\xBCle k\xC3\xB5ik olla oleks "},
    {"tl", " ang ng sa na at mga ay si ni para hindi ito kung may mag siya sila kami ako ka "
           "nang pa rin din lamang lang ko mo niya nila ating "},
    {"sw", " na ya wa kwa ni katika za la kuwa cha hiyo huo hii hizo lakini pia au kama wao "
           "yeye sisi mimi ambayo ambao baada kabla hadi zaidi sana "},
    {"sq", " dhe t\xC3\xAB n\xC3\xAB e nj\xC3\xAB p\xC3\xABr me q\xC3\xAB nga "
           "\xC3\xABsht\xC3\xAB nuk se i u ka do si m\xC3\xAB por jan\xC3\xAB ishte kjo ky "
           "edhe pas deri mbi sipas "},
};

#define N_LANGS (sizeof stopwords / sizeof stopwords[0])

enum script {
    SC_LATIN, SC_CYRILLIC, SC_GREEK, SC_HEBREW, SC_ARABIC, SC_DEVANAGARI, SC_THAI, SC_HANGUL,
    SC_KANA, SC_HAN, SC_BENGALI, SC_TAMIL, SC_GEORGIAN, SC_ARMENIAN, SC_GURMUKHI,
    SC_GUJARATI, SC_ORIYA, SC_TELUGU, SC_KANNADA, SC_MALAYALAM, SC_SINHALA, SC_LAO,
    SC_MYANMAR, SC_ETHIOPIC, SC_KHMER, SC_COUNT
};

/* Scripts that one language writes nearly alone, by block (first, last,
 * language), in script order from SC_GURMUKHI on. */
static const struct {
    unsigned first, last;
    const char *lang;
} one_language_blocks[] = {
    {0xA00, 0xA7F, "pa"},   {0xA80, 0xAFF, "gu"},   {0xB00, 0xB7F, "or"},
    {0xC00, 0xC7F, "te"},   {0xC80, 0xCFF, "kn"},   {0xD00, 0xD7F, "ml"},
    {0xD80, 0xDFF, "si"},   {0xE80, 0xEFF, "lo"},   {0x1000, 0x109F, "my"},
    {0x1200, 0x137F, "am"}, {0x1780, 0x17FF, "km"},
};
_Static_assert(sizeof one_language_blocks / sizeof one_language_blocks[0] ==
                   SC_COUNT - SC_GURMUKHI,
               "a block per script from SC_GURMUKHI on");

static int
script_of(unsigned cp)
{
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0x24F &&
                                                                   cp != 0xD7 && cp != 0xF7) ||
        (cp >= 0x1E00 && cp <= 0x1EFF))
        return SC_LATIN;
    if (cp >= 0x400 && cp <= 0x4FF)
        return SC_CYRILLIC;
    if (cp >= 0x370 && cp <= 0x3FF)
        return SC_GREEK;
    if (cp >= 0x590 && cp <= 0x5FF)
        return SC_HEBREW;
    if ((cp >= 0x600 && cp <= 0x6FF) || (cp >= 0x750 && cp <= 0x77F) ||
        (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF))
        return SC_ARABIC;
    if (cp >= 0x900 && cp <= 0x97F)
        return SC_DEVANAGARI;
    if (cp >= 0x980 && cp <= 0x9FF)
        return SC_BENGALI;
    if (cp >= 0xB80 && cp <= 0xBFF)
        return SC_TAMIL;
    if (cp >= 0xE00 && cp <= 0xE7F)
        return SC_THAI;
    if (cp >= 0x10A0 && cp <= 0x10FF)
        return SC_GEORGIAN;
    if (cp >= 0x530 && cp <= 0x58F)
        return SC_ARMENIAN;
    if (cp >= 0xA00 && cp <= 0x17FF)
        for (size_t k = 0; k < sizeof one_language_blocks / sizeof one_language_blocks[0]; k++)
            if (cp >= one_language_blocks[k].first && cp <= one_language_blocks[k].last)
                return SC_GURMUKHI + (int)k;
    if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) ||
        (cp >= 0x3130 && cp <= 0x318F))
        return SC_HANGUL;
    if (cp >= 0x3040 && cp <= 0x30FF)
        return SC_KANA;
    if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF))
        return SC_HAN;
    return -1;
}

/* The stop words of all languages in one open-addressing hash table: each
 * word once, with a bit for every language that lists it. Built on the
 * stack on the first word of a call (about a thousand words), it replaces a
 * search of every list for every word of the text. */
#define SW_SLOTS 2048 /* power of two, over twice the number of words */

typedef struct sw_slot {
    uint64_t head;  /* the word's first eight bytes as sw_head gives them */
    uint32_t mask;  /* bit k: stopwords[k] lists the word; 0 = empty slot */
    uint16_t off;   /* the word: stopwords[lang].words + off, len bytes */
    uint8_t lang;
    uint8_t len;
} sw_slot;

_Static_assert(N_LANGS <= 32, "a language bit per list");

/* The first min(l, 8) bytes at w as one number, the bytes past l masked off
 * (w needs 8 readable bytes: callers pass padded buffers). */
static inline uint64_t
sw_head(const char *w, size_t l)
{
    uint64_t x = wn_sw_load(w);
    if (l >= 8)
        return x;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return x & (~0ull << (8 * (8 - l)));
#else
    return x & (~0ull >> (8 * (8 - l)));
#endif
}

/* Hash of the l bytes at w (padded as sw_head wants), eight at a time, the
 * first eight given as sw_head's number. One multiply per eight bytes; most
 * words take one round, without a branch per byte. */
static uint32_t
sw_hash(const char *w, size_t l, uint64_t head)
{
    uint64_t h = ((0x9E3779B97F4A7C15ull ^ l) ^ head) * 0xFF51AFD7ED558CCDull;
    for (size_t k = 8; k < l; k += 8)
        h = (h ^ sw_head(w + k, l - k)) * 0xFF51AFD7ED558CCDull;
    return (uint32_t)(h ^ (h >> 29));
}

/* The slot holding w (padded as sw_head wants), or the empty slot where it
 * would go. The first eight bytes are compared as one number, the rest of a
 * longer word byte by byte. */
static const sw_slot *
sw_probe(const sw_slot *t, const char *w, size_t l, uint64_t head, uint32_t i)
{
    for (;;) {
        const sw_slot *e = &t[i];
        if (!e->mask || (e->head == head && e->len == l &&
                         (l <= 8 || memcmp(stopwords[e->lang].words + e->off + 8, w + 8, l - 8) == 0)))
            return e;
        i = (i + 1) & (SW_SLOTS - 1);
    }
}

static const sw_slot *
sw_find(const sw_slot *t, const char *w, size_t l)
{
    uint64_t head = sw_head(w, l);
    return sw_probe(t, w, l, head, sw_hash(w, l, head) & (SW_SLOTS - 1));
}

/* Fills t; returns the length of the longest word in it. */
static size_t
sw_build(sw_slot *t)
{
    size_t longest = 0;
    memset(t, 0, SW_SLOTS * sizeof *t);
    for (size_t k = 0; k < N_LANGS; k++) {
        const char *list = stopwords[k].words;
        size_t i = 0;
        while (list[i]) {
            while (list[i] == ' ')
                i++;
            size_t st = i;
            while (list[i] && list[i] != ' ')
                i++;
            if (i == st)
                continue;
            char pad[48] = {0};
            if (i - st > sizeof pad - 8)
                continue; /* no such word: the text's words are shorter */
            memcpy(pad, list + st, i - st);
            sw_slot *e = (sw_slot *)sw_find(t, pad, i - st); /* t is ours to fill */
            if (!e->mask) {
                e->head = sw_head(pad, i - st);
                e->lang = (uint8_t)k;
                e->off = (uint16_t)st;
                e->len = (uint8_t)(i - st);
            }
            e->mask |= 1u << k;
            if (i - st > longest)
                longest = i - st;
        }
    }
    return longest;
}

/* The table is built once per process. The first caller builds it in
 * place; a caller that comes while it is being built builds its own copy
 * on the heap (*own, for it to free) instead of waiting: a table on the
 * stack (32 KB) would weigh on every call's frame for a rare race. */
static sw_slot sw_shared[SW_SLOTS];
static size_t sw_shared_longest; /* written before sw_state turns 2 */
/* Which slots of sw_shared hold a word, a bit each: most words of a text
 * are no stopword, and most of those hash to an empty slot, which this
 * says without a read of the 32 KB table (cold after the walks). */
static uint64_t sw_shared_used[SW_SLOTS / 64];
static atomic_int sw_state;      /* 0 not built, 1 being built, 2 ready */

/* The table, and in *longest the length of its longest word (a longer
 * word of the text is looked up nowhere); NULL when an own copy could not
 * be allocated. */
static const sw_slot *
sw_table(sw_slot **own, size_t *longest)
{
    if (atomic_load_explicit(&sw_state, memory_order_acquire) == 2) {
        *longest = sw_shared_longest;
        return sw_shared;
    }
    int expected = 0;
    if (atomic_compare_exchange_strong_explicit(&sw_state, &expected, 1, memory_order_acq_rel,
                                                memory_order_acquire)) {
        sw_shared_longest = sw_build(sw_shared);
        for (size_t i = 0; i < SW_SLOTS; i++)
            if (sw_shared[i].mask)
                sw_shared_used[i / 64] |= 1ull << (i % 64);
        atomic_store_explicit(&sw_state, 2, memory_order_release);
        *longest = sw_shared_longest;
        return sw_shared;
    }
    if (expected == 2) {
        *longest = sw_shared_longest;
        return sw_shared;
    }
    *own = malloc(SW_SLOTS * sizeof **own);
    if (!*own)
        return NULL;
    *longest = sw_build(*own);
    return *own;
}

static const char *detect(const char *s, size_t n, int *score, sw_slot **own);

const char *
wn_lang_detect(const char *s, size_t n, int *score)
{
    sw_slot *own = NULL;
    const char *lang = detect(s, n, score, &own);
    free(own);
    return lang;
}

static const char *
detect(const char *s, size_t n, int *score, sw_slot **own)
{
    *score = 0;
    if (!s || !n)
        return NULL;
    if (n > 64 * 1024)
        n = 64 * 1024;
    size_t scripts[SC_COUNT] = {0};
    size_t cyr_ru = 0, cyr_uk = 0, cyr_bg = 0, cyr_sr = 0, ar_fa = 0, ar_ur = 0;
    size_t vi_marked = 0, vi_core = 0; /* Vietnamese: see below */
    size_t deva_lla = 0; /* Devanagari LLA, Marathi's and not Hindi's */
    size_t hits[N_LANGS] = {0};
    /* how often each set of lists (a mask) held a word of the text, to
     * weigh two close languages by the words only one of them lists */
    enum { MASK_SLOTS = 64 };
    uint32_t mask_of[MASK_SLOTS] = {0};
    uint32_t mask_count[MASK_SLOTS] = {0};
    size_t words = 0, letters = 0;
    /* the word, lower-cased: at most W_CAP - 2 bytes, then 8 bytes of room
     * for whole-word stores and sw_hash's loads */
    enum { W_CAP = 40 };
    char w[W_CAP + 8] = {0};
    size_t wl = 0;
    const sw_slot *table = NULL;
    bool table_asked = false;
    size_t longest = 0;
    bool long_word = false;
    for (size_t i = 0; i <= n;) {
        unsigned cp = 0;
        size_t st = i;
        if (i < n) {
            /* ASCII letters, most of Latin-script text: what the general
             * path below does for them, inline */
            unsigned char lo = (unsigned char)(s[i] | 0x20);
            if (lo >= 'a' && lo <= 'z') {
                size_t j = i;
                /* eight bytes at a time: the letters up to the first
                 * non-letter, stored lower-cased (| 0x20) whole */
                while (n - j >= 8) {
                    uint64_t x = wn_sw_load(s + j) | (WN_SW_ONES * 0x20);
                    uint64_t other = ~wn_sw_range(x, 'a', 'z') & WN_SW_HIGH;
                    size_t k = other ? wn_sw_first(other) : 8;
                    if (wl + k <= W_CAP - 2) {
                        memcpy(w + wl, &x, 8);
                        wl += k;
                    } else {
                        long_word = true;
                        wl = W_CAP - 2;
                    }
                    j += k;
                    if (k < 8)
                        goto run_done;
                }
                lo = (unsigned char)(j < n ? s[j] | 0x20 : 0);
                while (lo >= 'a' && lo <= 'z') {
                    if (wl + 1 < W_CAP - 1)
                        w[wl++] = (char)lo;
                    else
                        long_word = true;
                    j++;
                    lo = (unsigned char)(j < n ? s[j] | 0x20 : 0);
                }
            run_done:
                scripts[SC_LATIN] += j - i;
                letters += j - i;
                i = j;
                continue;
            }
        }
        int sc = -1;
        if (i < n && (unsigned char)s[i] < 0x80) {
            cp = (unsigned char)s[i++]; /* ASCII but not a letter: no script */
        } else {
            if (i < n)
                cp = wn_meta_u8next(s, n, &i);
            else
                i++;
            if (i <= n && st < n)
                sc = script_of(cp);
        }
        if (sc >= 0) {
            scripts[sc]++;
            letters++;
            if (sc == SC_CYRILLIC) {
                if (cp == 0x44B || cp == 0x44D || cp == 0x451) /* ы э ё */
                    cyr_ru++;
                else if (cp == 0x456 || cp == 0x457 || cp == 0x454 || cp == 0x491) /* і ї є ґ */
                    cyr_uk++;
                else if (cp == 0x44A) /* ъ */
                    cyr_bg++;
                else if (cp == 0x452 || cp == 0x45B || cp == 0x45F || cp == 0x459 ||
                         cp == 0x45A || cp == 0x458) /* ђ ћ џ љ њ ј */
                    cyr_sr++;
            } else if (sc == SC_DEVANAGARI) {
                deva_lla += cp == 0x933;
            } else if (sc == SC_LATIN) {
                /* letters with a tone mark under or over another mark
                 * (U+1EA0-U+1EF9), and o-horn, u-horn and d-bar, which
                 * only Vietnamese writes (Yoruba shares a few of the
                 * first, none of the second) */
                if (cp >= 0x1EA0 && cp <= 0x1EF9)
                    vi_marked++;
                else if (cp == 0x1A0 || cp == 0x1A1 || cp == 0x1AF || cp == 0x1B0 || cp == 0x110 ||
                         cp == 0x111)
                    vi_marked++, vi_core++;
            } else if (sc == SC_ARABIC) {
                if (cp == 0x67E || cp == 0x686 || cp == 0x698 || cp == 0x6AF || cp == 0x6CC ||
                    cp == 0x6A9)
                    ar_fa++;
                else if (cp == 0x6D2 || cp == 0x679 || cp == 0x688 || cp == 0x691)
                    ar_ur++;
            }
        }
        if (sc == SC_LATIN) {
            size_t l = i - st;
            if (wl + l < W_CAP - 1) {
                for (size_t k = 0; k < l; k++) {
                    char c = s[st + k];
                    w[wl++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
                }
            } else {
                long_word = true;
            }
            continue;
        }
        if (cp == '\'' && wl)
            continue; /* "l'homme": keep the run going, the article is lost */
        if (wl) {
            w[wl] = '\0';
            if (!long_word && words < 4000) {
                words++;
                if (!table_asked) {
                    table = sw_table(own, &longest);
                    table_asked = true;
                }
                if (table && wl <= longest) {
                    uint64_t head = sw_head(w, wl);
                    uint32_t at = sw_hash(w, wl, head) & (SW_SLOTS - 1);
                    if (table != sw_shared || (sw_shared_used[at / 64] >> (at % 64) & 1))
                    {
                        uint32_t m = sw_probe(table, w, wl, head, at)->mask;
                        if (m) {
                            uint32_t h = (m * 0x9E3779B1u) >> 26;
                            while (mask_of[h] && mask_of[h] != m)
                                h = (h + 1) & (MASK_SLOTS - 1);
                            mask_of[h] = m; /* fewer masks than slots: 2^N_LANGS
                                               sets, but a text meets few */
                            mask_count[h]++;
                        }
                        for (; m; m &= m - 1)
                            hits[__builtin_ctz(m)]++;
                    }
                }
            }
            wl = 0;
            long_word = false;
        }
    }
    if (letters < 12)
        return NULL;
    int best = 0;
    for (int k = 1; k < SC_COUNT; k++)
        if (scripts[k] > scripts[best])
            best = k;
    size_t cjk = scripts[SC_HAN] + scripts[SC_KANA] + scripts[SC_HANGUL];
    if (cjk * 3 > letters) {
        *score = 90;
        if (scripts[SC_HANGUL] * 3 > cjk)
            return "ko";
        if (scripts[SC_KANA] * 20 > cjk)
            return "ja";
        return "zh";
    }
    if (best != SC_LATIN) {
        *score = 90;
        switch (best) {
        case SC_CYRILLIC:
            if (cyr_uk * 2 > cyr_ru + 1 && cyr_uk >= 2)
                return "uk";
            if (cyr_sr > cyr_ru && cyr_sr >= 2)
                return "sr";
            if (cyr_ru == 0 && cyr_bg >= 2)
                return "bg";
            return "ru";
        case SC_GREEK: return "el";
        case SC_HEBREW: return "he";
        case SC_ARABIC:
            if (ar_ur >= 2 && ar_ur * 4 > ar_fa)
                return "ur";
            return ar_fa * 50 > scripts[SC_ARABIC] ? "fa" : "ar";
        case SC_DEVANAGARI:
            return deva_lla >= 2 && deva_lla * 200 > scripts[SC_DEVANAGARI] ? "mr" : "hi";
        case SC_THAI: return "th";
        case SC_BENGALI: return "bn";
        case SC_TAMIL: return "ta";
        case SC_GEORGIAN: return "ka";
        case SC_ARMENIAN: return "hy";
        default:
            return best >= SC_GURMUKHI ? one_language_blocks[best - SC_GURMUKHI].lang : NULL;
        }
    }
    /* Vietnamese marks one letter in a few of almost every word */
    if (vi_core >= 2 && vi_marked * 20 > scripts[SC_LATIN]) {
        *score = 90;
        return "vi";
    }
    size_t b1 = 0, b2 = 0;
    int li = -1;
    for (size_t k = 0; k < N_LANGS; k++) {
        if (hits[k] > b1) {
            b2 = b1;
            b1 = hits[k];
            li = (int)k;
        } else if (hits[k] > b2) {
            b2 = hits[k];
        }
    }
    if (li < 0 || b1 < 3 || b1 * 10 < words)
        return NULL;
    /* Close languages (Danish and Norwegian, Spanish and Portuguese)
     * share many of their words: what weighs is the words the leader's
     * list has and the runner-up's has not, against the other way round.
     * Twice as many of them (three at least) settle it, and set the
     * margin the score weighs; else the leader needs a fifth more hits. */
    int l2 = -1;
    for (size_t k = 0; k < N_LANGS; k++)
        if ((int)k != li && hits[k] == b2 && b2)
            l2 = (int)k;
    size_t own1 = 0, own2 = 0;
    for (size_t h = 0; l2 >= 0 && h < MASK_SLOTS; h++) {
        bool in1 = mask_of[h] >> li & 1, in2 = mask_of[h] >> l2 & 1;
        own1 += in1 && !in2 ? mask_count[h] : 0;
        own2 += in2 && !in1 ? mask_count[h] : 0;
    }
    size_t m1 = b1, m2 = b2;
    if (l2 >= 0 && own1 >= 3 && own1 >= own2 * 2)
        m1 = own1, m2 = own2;
    else if (b1 * 10 < b2 * 12)
        return NULL;
    int sc = (int)(100 * b1 / (words ? words : 1));
    /* margin over the runner-up counts too */
    sc = sc * (int)(m1 - m2 + 1) / (int)(m1 + 1) * 2;
    *score = sc > 100 ? 100 : sc;
    return stopwords[li].lang;
}
