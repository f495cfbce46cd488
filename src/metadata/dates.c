/* dates.c - dates as pages write them, to ISO 8601.
 *
 * A scan tries, at each word start, the shapes pages use: ISO and its
 * slash/dot variants, day.month.year and month/day/year numerals, month
 * names in many languages before or after the day ("July 26, 2023",
 * "26. Juli 2023", "26 de julio de 2023", "2023. július 26."), CJK
 * year/month/day markers, RFC 2822 with its time and zone, and epoch
 * numbers in attribute values. The output keeps the source's precision (a
 * time and zone only when given). A date that cannot exist, lies before
 * 1990 or more than a day in the future is no date at all: such values are
 * placeholders, typos or countdowns, never when the page was written.
 */
#include <stdio.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "metadata.h"

typedef struct dt {
    int y, mo, d, h, mi, s;
    bool has_time;
    bool has_tz;
    int tz; /* minutes east of UTC */
    bool ambiguous; /* numeric day and month that both read as a month */
} dt;

/* Month names, ASCII lower-case where the language allows; several
 * languages per entry. Abbreviations are listed too (a trailing '.' is
 * accepted by the matcher). */
#define MN(name, month) {name, sizeof(name) - 1, month}
static const struct {
    const char *name;
    unsigned char len; /* strlen(name) */
    unsigned char month;
} month_names[] = {
    /* English */
    MN("january", 1), MN("february", 2), MN("march", 3), MN("april", 4), MN("may", 5),
    MN("june", 6), MN("july", 7), MN("august", 8), MN("september", 9), MN("october", 10),
    MN("november", 11), MN("december", 12), MN("jan", 1), MN("feb", 2), MN("mar", 3), MN("apr", 4),
    MN("jun", 6), MN("jul", 7), MN("aug", 8), MN("sep", 9), MN("sept", 9), MN("oct", 10),
    MN("nov", 11), MN("dec", 12),
    /* German */
    MN("januar", 1), MN("j\xC3\xA4nner", 1), MN("februar", 2), MN("m\xC3\xA4rz", 3), MN("maerz", 3),
    MN("mai", 5), MN("juni", 6), MN("juli", 7), MN("oktober", 10), MN("dezember", 12),
    MN("m\xC3\xA4r", 3), MN("mrz", 3), MN("okt", 10), MN("dez", 12),
    /* French */
    MN("janvier", 1), MN("f\xC3\xA9vrier", 2), MN("fevrier", 2), MN("mars", 3), MN("avril", 4),
    MN("juin", 6), MN("juillet", 7), MN("ao\xC3\xBBt", 8), MN("aout", 8), MN("septembre", 9),
    MN("octobre", 10), MN("novembre", 11), MN("d\xC3\xA9" "cembre", 12), MN("decembre", 12),
    MN("janv", 1), MN("f\xC3\xA9vr", 2), MN("fevr", 2), MN("avr", 4), MN("juil", 7),
    MN("d\xC3\xA9" "c", 12),
    /* Spanish */
    MN("enero", 1), MN("febrero", 2), MN("marzo", 3), MN("abril", 4), MN("mayo", 5), MN("junio", 6),
    MN("julio", 7), MN("agosto", 8), MN("septiembre", 9), MN("setiembre", 9), MN("octubre", 10),
    MN("noviembre", 11), MN("diciembre", 12), MN("ene", 1), MN("abr", 4), MN("ago", 8),
    MN("dic", 12),
    /* Italian */
    MN("gennaio", 1), MN("febbraio", 2), MN("aprile", 4), MN("maggio", 5), MN("giugno", 6),
    MN("luglio", 7), MN("settembre", 9), MN("ottobre", 10), MN("dicembre", 12), MN("gen", 1),
    MN("mag", 5), MN("giu", 6), MN("lug", 7), MN("set", 9), MN("ott", 10),
    /* Portuguese */
    MN("janeiro", 1), MN("fevereiro", 2), MN("mar\xC3\xA7o", 3), MN("marco", 3), MN("maio", 5),
    MN("junho", 6), MN("julho", 7), MN("setembro", 9), MN("outubro", 10), MN("novembro", 11),
    MN("dezembro", 12), MN("fev", 2), MN("out", 10),
    /* Dutch */
    MN("januari", 1), MN("februari", 2), MN("maart", 3), MN("mei", 5), MN("augustus", 8),
    MN("mrt", 3),
    /* Swedish, Danish, Norwegian */
    MN("maj", 5), MN("augusti", 8), MN("marts", 3),
    /* Polish (genitive, as in dates) */
    MN("stycznia", 1), MN("lutego", 2), MN("marca", 3), MN("kwietnia", 4), MN("maja", 5),
    MN("czerwca", 6), MN("lipca", 7), MN("sierpnia", 8), MN("wrze\xC5\x9Bnia", 9),
    MN("pa\xC5\xBA" "dziernika", 10), MN("listopada", 11), MN("grudnia", 12),
    /* Czech (genitive) */
    MN("ledna", 1), MN("\xC3\xBAnora", 2), MN("b\xC5\x99" "ezna", 3), MN("dubna", 4),
    MN("kv\xC4\x9Btna", 5), MN("\xC4\x8D" "ervna", 6), MN("\xC4\x8D" "ervence", 7), MN("srpna", 8),
    MN("z\xC3\xA1\xC5\x99\xC3\xAD", 9), MN("\xC5\x99\xC3\xADjna", 10), MN("listopadu", 11),
    MN("prosince", 12),
    /* Romanian */
    MN("ianuarie", 1), MN("februarie", 2), MN("martie", 3), MN("aprilie", 4), MN("iunie", 6),
    MN("iulie", 7), MN("septembrie", 9), MN("octombrie", 10), MN("noiembrie", 11),
    MN("decembrie", 12),
    /* Hungarian (year first) */
    MN("janu\xC3\xA1r", 1), MN("febru\xC3\xA1r", 2), MN("m\xC3\xA1rcius", 3),
    MN("\xC3\xA1prilis", 4), MN("m\xC3\xA1jus", 5), MN("j\xC3\xBAnius", 6), MN("j\xC3\xBAlius", 7),
    MN("augusztus", 8), MN("szeptember", 9), MN("okt\xC3\xB3" "ber", 10),
    /* Indonesian */
    MN("maret", 3), MN("agustus", 8), MN("desember", 12),
    /* Turkish */
    MN("ocak", 1), MN("\xC5\x9Fubat", 2), MN("mart", 3), MN("nisan", 4), MN("may\xC4\xB1s", 5),
    MN("haziran", 6), MN("temmuz", 7), MN("a\xC4\x9Fustos", 8), MN("eyl\xC3\xBCl", 9),
    MN("ekim", 10), MN("kas\xC4\xB1m", 11), MN("aral\xC4\xB1k", 12),
    /* Finnish (partitive, as in dates) */
    MN("tammikuuta", 1), MN("helmikuuta", 2), MN("maaliskuuta", 3), MN("huhtikuuta", 4),
    MN("toukokuuta", 5), MN("kes\xC3\xA4kuuta", 6), MN("hein\xC3\xA4kuuta", 7), MN("elokuuta", 8),
    MN("syyskuuta", 9), MN("lokakuuta", 10), MN("marraskuuta", 11), MN("joulukuuta", 12),
    /* Russian (genitive) */
    MN("\xD1\x8F\xD0\xBD\xD0\xB2\xD0\xB0\xD1\x80\xD1\x8F", 1),
    MN("\xD1\x84\xD0\xB5\xD0\xB2\xD1\x80\xD0\xB0\xD0\xBB\xD1\x8F", 2),
    MN("\xD0\xBC\xD0\xB0\xD1\x80\xD1\x82\xD0\xB0", 3),
    MN("\xD0\xB0\xD0\xBF\xD1\x80\xD0\xB5\xD0\xBB\xD1\x8F", 4), MN("\xD0\xBC\xD0\xB0\xD1\x8F", 5),
    MN("\xD0\xB8\xD1\x8E\xD0\xBD\xD1\x8F", 6), MN("\xD0\xB8\xD1\x8E\xD0\xBB\xD1\x8F", 7),
    MN("\xD0\xB0\xD0\xB2\xD0\xB3\xD1\x83\xD1\x81\xD1\x82\xD0\xB0", 8),
    MN("\xD1\x81\xD0\xB5\xD0\xBD\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 9),
    MN("\xD0\xBE\xD0\xBA\xD1\x82\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 10),
    MN("\xD0\xBD\xD0\xBE\xD1\x8F\xD0\xB1\xD1\x80\xD1\x8F", 11),
    MN("\xD0\xB4\xD0\xB5\xD0\xBA\xD0\xB0\xD0\xB1\xD1\x80\xD1\x8F", 12),
    /* Hindi */
    MN("\xE0\xA4\x9C\xE0\xA4\xA8\xE0\xA4\xB5\xE0\xA4\xB0\xE0\xA5\x80", 1),
    MN("\xE0\xA4\xAB\xE0\xA4\xBC\xE0\xA4\xB0\xE0\xA4\xB5\xE0\xA4\xB0\xE0\xA5\x80", 2),
    MN("\xE0\xA4\xAB\xE0\xA4\xB0\xE0\xA4\xB5\xE0\xA4\xB0\xE0\xA5\x80", 2),
    MN("\xE0\xA4\xAE\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA5\x8D\xE0\xA4\x9A", 3),
    MN("\xE0\xA4\x85\xE0\xA4\xAA\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA5\x88\xE0\xA4\xB2", 4),
    MN("\xE0\xA4\xAE\xE0\xA4\x88", 5), MN("\xE0\xA4\x9C\xE0\xA5\x82\xE0\xA4\xA8", 6),
    MN("\xE0\xA4\x9C\xE0\xA5\x81\xE0\xA4\xB2\xE0\xA4\xBE\xE0\xA4\x88", 7),
    MN("\xE0\xA4\x85\xE0\xA4\x97\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4", 8),
    MN("\xE0\xA4\xB8\xE0\xA4\xBF\xE0\xA4\xA4\xE0\xA4\x82\xE0\xA4\xAC\xE0\xA4\xB0", 9),
    MN("\xE0\xA4\xB8\xE0\xA4\xBF\xE0\xA4\xA4\xE0\xA4\xAE\xE0\xA5\x8D\xE0\xA4\xAC\xE0\xA4\xB0", 9),
    MN("\xE0\xA4\x85\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\x9F\xE0\xA5\x82\xE0\xA4\xAC\xE0\xA4\xB0", 10),
    MN("\xE0\xA4\x85\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x82\xE0\xA4\xAC\xE0\xA4\xB0", 10),
    MN("\xE0\xA4\xA8\xE0\xA4\xB5\xE0\xA4\x82\xE0\xA4\xAC\xE0\xA4\xB0", 11),
    MN("\xE0\xA4\xA8\xE0\xA4\xB5\xE0\xA4\xAE\xE0\xA5\x8D\xE0\xA4\xAC\xE0\xA4\xB0", 11),
    MN("\xE0\xA4\xA6\xE0\xA4\xBF\xE0\xA4\xB8\xE0\xA4\x82\xE0\xA4\xAC\xE0\xA4\xB0", 12),
    MN("\xE0\xA4\xA6\xE0\xA4\xBF\xE0\xA4\xB8\xE0\xA4\xAE\xE0\xA5\x8D\xE0\xA4\xAC\xE0\xA4\xB0", 12),
    /* Greek (genitive, as in dates; accented, and as capitals write them,
     * without accents) */
    MN("\xCE\xB9\xCE\xB1\xCE\xBD\xCE\xBF\xCF\x85\xCE\xB1\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85", 1),
    MN("\xCF\x86\xCE\xB5\xCE\xB2\xCF\x81\xCE\xBF\xCF\x85\xCE\xB1\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85", 2),
    MN("\xCE\xBC\xCE\xB1\xCF\x81\xCF\x84\xCE\xAF\xCE\xBF\xCF\x85", 3),
    MN("\xCE\xB1\xCF\x80\xCF\x81\xCE\xB9\xCE\xBB\xCE\xAF\xCE\xBF\xCF\x85", 4),
    MN("\xCE\xBC\xCE\xB1\xCE\x90\xCE\xBF\xCF\x85", 5),
    MN("\xCE\xB9\xCE\xBF\xCF\x85\xCE\xBD\xCE\xAF\xCE\xBF\xCF\x85", 6),
    MN("\xCE\xB9\xCE\xBF\xCF\x85\xCE\xBB\xCE\xAF\xCE\xBF\xCF\x85", 7),
    MN("\xCE\xB1\xCF\x85\xCE\xB3\xCE\xBF\xCF\x8D\xCF\x83\xCF\x84\xCE\xBF\xCF\x85", 8),
    MN("\xCF\x83\xCE\xB5\xCF\x80\xCF\x84\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85", 9),
    MN("\xCE\xBF\xCE\xBA\xCF\x84\xCF\x89\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85", 10),
    MN("\xCE\xBD\xCE\xBF\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85", 11),
    MN("\xCE\xB4\xCE\xB5\xCE\xBA\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xAF\xCE\xBF\xCF\x85", 12),
    MN("\xCE\xB9\xCE\xB1\xCE\xBD\xCE\xBF\xCF\x85\xCE\xB1\xCF\x81\xCE\xB9\xCE\xBF\xCF\x85", 1),
    MN("\xCF\x86\xCE\xB5\xCE\xB2\xCF\x81\xCE\xBF\xCF\x85\xCE\xB1\xCF\x81\xCE\xB9\xCE\xBF\xCF\x85", 2),
    MN("\xCE\xBC\xCE\xB1\xCF\x81\xCF\x84\xCE\xB9\xCE\xBF\xCF\x85", 3),
    MN("\xCE\xB1\xCF\x80\xCF\x81\xCE\xB9\xCE\xBB\xCE\xB9\xCE\xBF\xCF\x85", 4),
    MN("\xCE\xBC\xCE\xB1\xCE\xB9\xCE\xBF\xCF\x85", 5),
    MN("\xCE\xBC\xCE\xB1\xCF\x8A\xCE\xBF\xCF\x85", 5),
    MN("\xCE\xB9\xCE\xBF\xCF\x85\xCE\xBD\xCE\xB9\xCE\xBF\xCF\x85", 6),
    MN("\xCE\xB9\xCE\xBF\xCF\x85\xCE\xBB\xCE\xB9\xCE\xBF\xCF\x85", 7),
    MN("\xCE\xB1\xCF\x85\xCE\xB3\xCE\xBF\xCF\x85\xCF\x83\xCF\x84\xCE\xBF\xCF\x85", 8),
    MN("\xCF\x83\xCE\xB5\xCF\x80\xCF\x84\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xB9\xCE\xBF\xCF\x85", 9),
    MN("\xCE\xBF\xCE\xBA\xCF\x84\xCF\x89\xCE\xB2\xCF\x81\xCE\xB9\xCE\xBF\xCF\x85", 10),
    MN("\xCE\xBD\xCE\xBF\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xB9\xCE\xBF\xCF\x85", 11),
    MN("\xCE\xB4\xCE\xB5\xCE\xBA\xCE\xB5\xCE\xBC\xCE\xB2\xCF\x81\xCE\xB9\xCE\xBF\xCF\x85", 12),
    /* Arabic (the months named as in Egypt and the Gulf) */
    MN("\xD9\x8A\xD9\x86\xD8\xA7\xD9\x8A\xD8\xB1", 1),
    MN("\xD9\x81\xD8\xA8\xD8\xB1\xD8\xA7\xD9\x8A\xD8\xB1", 2),
    MN("\xD9\x85\xD8\xA7\xD8\xB1\xD8\xB3", 3), MN("\xD8\xA3\xD8\xA8\xD8\xB1\xD9\x8A\xD9\x84", 4),
    MN("\xD8\xA7\xD8\xA8\xD8\xB1\xD9\x8A\xD9\x84", 4),
    MN("\xD8\xA5\xD8\xA8\xD8\xB1\xD9\x8A\xD9\x84", 4), MN("\xD9\x85\xD8\xA7\xD9\x8A\xD9\x88", 5),
    MN("\xD9\x8A\xD9\x88\xD9\x86\xD9\x8A\xD9\x88", 6),
    MN("\xD9\x8A\xD9\x88\xD9\x84\xD9\x8A\xD9\x88", 7),
    MN("\xD8\xA3\xD8\xBA\xD8\xB3\xD8\xB7\xD8\xB3", 8),
    MN("\xD8\xA7\xD8\xBA\xD8\xB3\xD8\xB7\xD8\xB3", 8),
    MN("\xD8\xB3\xD8\xA8\xD8\xAA\xD9\x85\xD8\xA8\xD8\xB1", 9),
    MN("\xD8\xA3\xD9\x83\xD8\xAA\xD9\x88\xD8\xA8\xD8\xB1", 10),
    MN("\xD8\xA7\xD9\x83\xD8\xAA\xD9\x88\xD8\xA8\xD8\xB1", 10),
    MN("\xD9\x86\xD9\x88\xD9\x81\xD9\x85\xD8\xA8\xD8\xB1", 11),
    MN("\xD8\xAF\xD9\x8A\xD8\xB3\xD9\x85\xD8\xA8\xD8\xB1", 12),
    /* Ukrainian (genitive) */
    MN("\xD1\x81\xD1\x96\xD1\x87\xD0\xBD\xD1\x8F", 1),
    MN("\xD0\xBB\xD1\x8E\xD1\x82\xD0\xBE\xD0\xB3\xD0\xBE", 2),
    MN("\xD0\xB1\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB7\xD0\xBD\xD1\x8F", 3),
    MN("\xD0\xBA\xD0\xB2\xD1\x96\xD1\x82\xD0\xBD\xD1\x8F", 4),
    MN("\xD1\x82\xD1\x80\xD0\xB0\xD0\xB2\xD0\xBD\xD1\x8F", 5),
    MN("\xD1\x87\xD0\xB5\xD1\x80\xD0\xB2\xD0\xBD\xD1\x8F", 6),
    MN("\xD0\xBB\xD0\xB8\xD0\xBF\xD0\xBD\xD1\x8F", 7),
    MN("\xD1\x81\xD0\xB5\xD1\x80\xD0\xBF\xD0\xBD\xD1\x8F", 8),
    MN("\xD0\xB2\xD0\xB5\xD1\x80\xD0\xB5\xD1\x81\xD0\xBD\xD1\x8F", 9),
    MN("\xD0\xB6\xD0\xBE\xD0\xB2\xD1\x82\xD0\xBD\xD1\x8F", 10),
    MN("\xD0\xBB\xD0\xB8\xD1\x81\xD1\x82\xD0\xBE\xD0\xBF\xD0\xB0\xD0\xB4\xD0\xB0", 11),
    MN("\xD0\xB3\xD1\x80\xD1\x83\xD0\xB4\xD0\xBD\xD1\x8F", 12),
    /* Bulgarian */
    MN("\xD1\x8F\xD0\xBD\xD1\x83\xD0\xB0\xD1\x80\xD0\xB8", 1),
    MN("\xD1\x84\xD0\xB5\xD0\xB2\xD1\x80\xD1\x83\xD0\xB0\xD1\x80\xD0\xB8", 2),
    MN("\xD0\xBC\xD0\xB0\xD1\x80\xD1\x82", 3), MN("\xD0\xB0\xD0\xBF\xD1\x80\xD0\xB8\xD0\xBB", 4),
    MN("\xD0\xBC\xD0\xB0\xD0\xB9", 5), MN("\xD1\x8E\xD0\xBD\xD0\xB8", 6),
    MN("\xD1\x8E\xD0\xBB\xD0\xB8", 7), MN("\xD0\xB0\xD0\xB2\xD0\xB3\xD1\x83\xD1\x81\xD1\x82", 8),
    MN("\xD1\x81\xD0\xB5\xD0\xBF\xD1\x82\xD0\xB5\xD0\xBC\xD0\xB2\xD1\x80\xD0\xB8", 9),
    MN("\xD0\xBE\xD0\xBA\xD1\x82\xD0\xBE\xD0\xBC\xD0\xB2\xD1\x80\xD0\xB8", 10),
    MN("\xD0\xBD\xD0\xBE\xD0\xB5\xD0\xBC\xD0\xB2\xD1\x80\xD0\xB8", 11),
    MN("\xD0\xB4\xD0\xB5\xD0\xBA\xD0\xB5\xD0\xBC\xD0\xB2\xD1\x80\xD0\xB8", 12),
    /* Serbian (Cyrillic) */
    MN("\xD1\x98\xD0\xB0\xD0\xBD\xD1\x83\xD0\xB0\xD1\x80", 1),
    MN("\xD1\x84\xD0\xB5\xD0\xB1\xD1\x80\xD1\x83\xD0\xB0\xD1\x80", 2),
    MN("\xD0\xBC\xD0\xB0\xD1\x98", 5), MN("\xD1\x98\xD1\x83\xD0\xBD", 6),
    MN("\xD1\x98\xD1\x83\xD0\xBB", 7),
    MN("\xD1\x81\xD0\xB5\xD0\xBF\xD1\x82\xD0\xB5\xD0\xBC\xD0\xB1\xD0\xB0\xD1\x80", 9),
    MN("\xD0\xBE\xD0\xBA\xD1\x82\xD0\xBE\xD0\xB1\xD0\xB0\xD1\x80", 10),
    MN("\xD0\xBD\xD0\xBE\xD0\xB2\xD0\xB5\xD0\xBC\xD0\xB1\xD0\xB0\xD1\x80", 11),
    MN("\xD0\xB4\xD0\xB5\xD1\x86\xD0\xB5\xD0\xBC\xD0\xB1\xD0\xB0\xD1\x80", 12),
    /* Slovak (genitive) */
    MN("janu\xC3\xA1ra", 1), MN("febru\xC3\xA1ra", 2), MN("apr\xC3\xADla", 4),
    MN("m\xC3\xA1ja", 5), MN("j\xC3\xBAna", 6), MN("j\xC3\xBAla", 7), MN("augusta", 8),
    MN("septembra", 9), MN("okt\xC3\xB3" "bra", 10), MN("novembra", 11), MN("decembra", 12),
    /* Slovenian (genitive) */
    MN("januarja", 1), MN("februarja", 2), MN("aprila", 4), MN("junija", 6), MN("julija", 7),
    MN("avgusta", 8), MN("oktobra", 10),
    /* Croatian (genitive; listopad is Polish November, so not here) */
    MN("sije\xC4\x8Dnja", 1), MN("velja\xC4\x8D" "e", 2), MN("o\xC5\xBEujka", 3), MN("travnja", 4),
    MN("svibnja", 5), MN("lipnja", 6), MN("srpnja", 7), MN("kolovoza", 8), MN("rujna", 9),
    MN("studenoga", 11), MN("prosinca", 12),
    /* Lithuanian (genitive) */
    MN("sausio", 1), MN("vasario", 2), MN("kovo", 3), MN("baland\xC5\xBEio", 4),
    MN("gegu\xC5\xBE\xC4\x97s", 5), MN("bir\xC5\xBE" "elio", 6), MN("liepos", 7),
    MN("rugpj\xC5\xAB\xC4\x8Dio", 8), MN("rugs\xC4\x97jo", 9), MN("spalio", 10),
    MN("lapkri\xC4\x8Dio", 11), MN("gruod\xC5\xBEio", 12),
    /* Catalan ("de" or "d'" before the name) */
    MN("gener", 1), MN("febrer", 2), MN("mar\xC3\xA7", 3), MN("maig", 5), MN("juny", 6),
    MN("juliol", 7), MN("agost", 8), MN("setembre", 9), MN("desembre", 12),
};

static bool
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool
is_alpha_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* The value 0-9 of the digit of another script whose UTF-8 bytes start at
 * s[i] (U+0660-0669 Arabic-Indic, U+06F0-06F9 Persian, U+0966-096F
 * Devanagari), with its length in *len; -1 if none. */
static int
script_digit(const char *s, size_t n, size_t i, size_t *len)
{
    unsigned char a = (unsigned char)s[i], b = i + 1 < n ? (unsigned char)s[i + 1] : 0;
    if (a == 0xD9 && b >= 0xA0 && b <= 0xA9) {
        *len = 2;
        return b - 0xA0;
    }
    if (a == 0xDB && b >= 0xB0 && b <= 0xB9) {
        *len = 2;
        return b - 0xB0;
    }
    if (a == 0xE0 && b == 0xA5 && i + 2 < n && (unsigned char)s[i + 2] >= 0xA6 &&
        (unsigned char)s[i + 2] <= 0xAF) {
        *len = 3;
        return (unsigned char)s[i + 2] - 0xA6;
    }
    return -1;
}

/* A copy of s[0..n) into buf (n bytes at most) with other scripts' digits
 * as ASCII ones; returns its length, or 0 when s holds no such digit. */
#define DIGITS_COPY_MAX 512
static size_t
ascii_digits(const char *s, size_t n, char *buf)
{
    size_t i = 0, len = 0;
    int d = -1;
    /* (most texts have none: found without copying) */
    for (; i < n; i++)
        if ((unsigned char)s[i] >= 0xD9 && (d = script_digit(s, n, i, &len)) >= 0)
            break;
    if (d < 0)
        return 0;
    memcpy(buf, s, i);
    size_t m = i;
    while (i < n) {
        d = (unsigned char)s[i] >= 0xD9 ? script_digit(s, n, i, &len) : -1;
        if (d >= 0) {
            buf[m++] = (char)('0' + d);
            i += len;
        } else {
            buf[m++] = s[i++];
        }
    }
    return m;
}

/* Does s[0..n) hold a digit? */
static bool
memchr_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (is_digit(s[i]))
            return true;
    return false;
}

/* A run of 1..max digits at s[*i] (not followed by another digit). */
static bool
read_num(const char *s, size_t n, size_t *i, int min, int max, int *out)
{
    size_t j = *i;
    int v = 0;
    while (j < n && is_digit(s[j]) && j - *i < (size_t)max) {
        v = v * 10 + (s[j] - '0');
        j++;
    }
    if ((int)(j - *i) < min || (j < n && is_digit(s[j])))
        return false;
    *i = j;
    *out = v;
    return true;
}

static void
skip_spaces(const char *s, size_t n, size_t *i)
{
    while (*i < n) {
        unsigned char c = (unsigned char)s[*i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            (*i)++;
        else if (c == 0xC2 && *i + 1 < n && (unsigned char)s[*i + 1] == 0xA0)
            *i += 2;
        else
            break;
    }
}

#define N_MONTH_NAMES (sizeof month_names / sizeof month_names[0])

/* The month names grouped by their first byte, built once per process: a
 * word is compared with the dozen names that start as it does, not the
 * hundreds of the table. */
typedef struct month_index {
    uint16_t start[257]; /* names with first byte b: order[start[b] .. start[b + 1]) */
    uint16_t order[N_MONTH_NAMES];
} month_index;
static month_index month_ix;
static atomic_int month_ix_state; /* 0 not built, 1 being built, 2 ready */

/* The index, or NULL while another thread builds it (the caller then
 * reads the whole table). */
static const month_index *
month_index_get(void)
{
    if (atomic_load_explicit(&month_ix_state, memory_order_acquire) == 2)
        return &month_ix;
    int expected = 0;
    if (!atomic_compare_exchange_strong_explicit(&month_ix_state, &expected, 1,
                                                 memory_order_acq_rel, memory_order_acquire))
        return expected == 2 ? &month_ix : NULL;
    uint16_t count[256] = {0};
    for (size_t k = 0; k < N_MONTH_NAMES; k++)
        count[(unsigned char)month_names[k].name[0]]++;
    month_ix.start[0] = 0;
    for (size_t b = 0; b < 256; b++)
        month_ix.start[b + 1] = (uint16_t)(month_ix.start[b] + count[b]);
    uint16_t at[256];
    memcpy(at, month_ix.start, sizeof at);
    for (size_t k = 0; k < N_MONTH_NAMES; k++)
        month_ix.order[at[(unsigned char)month_names[k].name[0]]++] = (uint16_t)k;
    atomic_store_explicit(&month_ix_state, 2, memory_order_release);
    return &month_ix;
}

/* A month name at s[*i]; the word must end there (a '.' may follow). */
static int
read_month(const char *s, size_t n, size_t *i)
{
    size_t j = *i;
    while (j < n && is_alpha_byte((unsigned char)s[j]))
        j++;
    /* an Arabic comma (U+060C) glued to the name ("29 November, 2026") */
    bool comma = j - *i > 2 && (unsigned char)s[j - 2] == 0xD8 && (unsigned char)s[j - 1] == 0x8C;
    if (comma)
        j -= 2;
    size_t l = j - *i;
    if (l < 3 || l > 24)
        return 0;
    char w[32];
    for (size_t k = 0; k < l; k++) {
        char c = s[*i + k];
        w[k] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
    }
    /* Cyrillic capitals (U+0410..U+042F) to lower-case, for "Июля"; Greek
     * ones (U+0391..U+03AB, and those with a tonos), for "Ιουλίου" */
    for (size_t k = 0; k + 1 < l; k++) {
        unsigned char a = (unsigned char)w[k], b = (unsigned char)w[k + 1];
        if (a == 0xD0 && b >= 0x90 && b <= 0x9F)
            w[k + 1] = (char)(b + 0x20);
        else if (a == 0xD0 && b >= 0xA0 && b <= 0xAF) {
            w[k] = (char)0xD1;
            w[k + 1] = (char)(b - 0x20);
        } else if (a == 0xCE && b >= 0x91 && b <= 0x9F) {
            w[k + 1] = (char)(b + 0x20);
        } else if (a == 0xCE && b >= 0xA0 && b <= 0xAB && b != 0xA2) {
            w[k] = (char)0xCF;
            w[k + 1] = (char)(b - 0x20);
        } else if (a == 0xCE && b >= 0x86 && b <= 0x8F) {
            /* Ά Έ Ή Ί Ό Ύ Ώ (U+0386, U+0388..U+038A, U+038C, U+038E, U+038F) */
            static const unsigned char lower_tonos[10][2] = {
                {0xCE, 0xAC}, {0, 0},       {0xCE, 0xAD}, {0xCE, 0xAE}, {0xCE, 0xAF},
                {0, 0},       {0xCF, 0x8C}, {0, 0},       {0xCF, 0x8D}, {0xCF, 0x8E}};
            if (lower_tonos[b - 0x86][0]) {
                w[k] = (char)lower_tonos[b - 0x86][0];
                w[k + 1] = (char)lower_tonos[b - 0x86][1];
            }
        }
    }
    const month_index *ix = month_index_get();
    unsigned char f = (unsigned char)w[0];
    size_t from = ix ? ix->start[f] : 0, to = ix ? ix->start[f + 1] : N_MONTH_NAMES;
    for (size_t x = from; x < to; x++) {
        size_t k = ix ? ix->order[x] : x;
        if (month_names[k].len == l && month_names[k].name[0] == w[0] &&
            memcmp(month_names[k].name, w, l) == 0) {
            *i = j;
            if (*i < n && s[*i] == '.')
                (*i)++;
            else if (comma)
                *i += 2; /* the Arabic comma */
            return month_names[k].month;
        }
    }
    return 0;
}

bool
wn_date_month_word(const char *s, size_t n)
{
    size_t i = 0;
    return read_month(s, n, &i) && i == n;
}

/* "st", "nd", "rd", "th", "er" (1er), "º" after a day number. */
static void
skip_ordinal(const char *s, size_t n, size_t *i)
{
    static const char *const suf[] = {"st", "nd", "rd", "th", "er", "\xC2\xBA", "\xC2\xAA"};
    for (size_t k = 0; k < sizeof suf / sizeof suf[0]; k++) {
        size_t l = strlen(suf[k]);
        if (*i + l <= n && (memcmp(s + *i, suf[k], l) == 0) &&
            (*i + l == n || !is_alpha_byte((unsigned char)s[*i + l]) ||
             (unsigned char)s[*i] == 0xC2)) {
            *i += l;
            return;
        }
    }
}

/* Skip a small connecting word ("de", "del", "of", "the") and spaces. */
static void
skip_connector(const char *s, size_t n, size_t *i)
{
    static const char *const words[] = {"de ", "del ", "of ", "di ", "d'", "d\xE2\x80\x99"};
    skip_spaces(s, n, i);
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t l = strlen(words[k]);
        if (*i + l <= n && wn_meta_iprefix(s + *i, n - *i, words[k])) {
            *i += l;
            skip_spaces(s, n, i);
            return;
        }
    }
}

/* Optional time after a date: [T| |, |at ]HH:MM[:SS[.frac]][ am|pm][zone]. */
static void
read_time(const char *s, size_t n, size_t *i, dt *t)
{
    size_t j = *i;
    if (j < n && (s[j] == 'T' || s[j] == 't')) {
        j++;
    } else {
        skip_spaces(s, n, &j);
        if (j < n && (s[j] == ',' || s[j] == '-' || s[j] == '|' || s[j] == '@'))
            j++;
        skip_spaces(s, n, &j);
        if (j + 2 < n && wn_meta_iprefix(s + j, n - j, "at "))
            j += 3;
        skip_spaces(s, n, &j);
    }
    int h, mi, sec = 0;
    if (!read_num(s, n, &j, 1, 2, &h) || j >= n || s[j] != ':')
        return;
    j++;
    if (!read_num(s, n, &j, 2, 2, &mi))
        return;
    if (j + 1 < n && s[j] == ':' && is_digit(s[j + 1])) {
        j++;
        if (!read_num(s, n, &j, 2, 2, &sec))
            return;
        if (j + 1 < n && (s[j] == '.' || s[j] == ',') && is_digit(s[j + 1])) {
            j++;
            while (j < n && is_digit(s[j]))
                j++;
        }
    }
    size_t k = j;
    skip_spaces(s, n, &k);
    if (k + 1 < n && (s[k] == 'a' || s[k] == 'A' || s[k] == 'p' || s[k] == 'P') &&
        (s[k + 1] == 'm' || s[k + 1] == 'M' || s[k + 1] == '.')) {
        bool pm = s[k] == 'p' || s[k] == 'P';
        if (h < 1 || h > 12)
            return;
        h = h % 12 + (pm ? 12 : 0);
        j = k + 2;
        if (j < n && (s[j] == '.' || s[j] == 'm' || s[j] == 'M'))
            j++;
        if (j < n && s[j] == '.')
            j++;
    }
    if (h > 23 || mi > 59 || sec > 60)
        return;
    t->h = h;
    t->mi = mi;
    t->s = sec > 59 ? 59 : sec;
    t->has_time = true;
    /* zone: "Z", "+02:00", "+0200" attached; " +0000" (RFC 2822) and
     * " GMT", "UTC+2" after a space */
    k = j;
    skip_spaces(s, n, &k);
    if (j < n && (s[j] == 'Z' || s[j] == 'z') &&
        (j + 1 == n || !is_alpha_byte((unsigned char)s[j + 1]))) {
        t->has_tz = true;
        t->tz = 0;
        j++;
    } else {
        size_t z = j;
        bool named = false, spaced = false;
        if (wn_meta_iprefix(s + k, n - k, "GMT") || wn_meta_iprefix(s + k, n - k, "UTC")) {
            named = true;
            z = k + 3;
        } else if (k > j && k < n && (s[k] == '+' || s[k] == '-')) {
            spaced = true;
            z = k;
        }
        if (z < n && (s[z] == '+' || s[z] == '-')) {
            int sign = s[z] == '-' ? -1 : 1;
            size_t z0 = ++z;
            int zh = 0, zm = 0;
            bool ok = false;
            if (read_num(s, n, &z, 4, 4, &zh)) {
                zm = zh % 100;
                zh /= 100;
                ok = true;
            } else if (!spaced) {
                z = z0;
                if (read_num(s, n, &z, 1, 2, &zh)) {
                    ok = true;
                    size_t z2 = z + 1;
                    if (z < n && s[z] == ':' && read_num(s, n, &z2, 2, 2, &zm))
                        z = z2;
                }
            }
            if (ok && zh <= 14 && zm < 60) {
                t->has_tz = true;
                t->tz = sign * (zh * 60 + zm);
                j = z;
            } else if (named) {
                t->has_tz = true;
                t->tz = 0;
                j = k + 3;
            }
        } else if (named) {
            t->has_tz = true;
            t->tz = 0;
            j = z;
        }
    }
    *i = j;
}

static int64_t
days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static bool
valid(const dt *t, int64_t now)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (t->y < 1990 || t->y > 2200 || t->mo < 1 || t->mo > 12 || t->d < 1 ||
        t->d > mdays[t->mo - 1])
        return false;
    bool leap = (t->y % 4 == 0 && t->y % 100 != 0) || t->y % 400 == 0;
    if (t->mo == 2 && t->d == 29 && !leap)
        return false;
    int64_t secs = days_from_civil(t->y, t->mo, t->d) * 86400;
    if (t->has_time)
        secs += t->h * 3600 + t->mi * 60 + t->s - (t->has_tz ? t->tz * 60 : 0);
    return secs <= now + 86400;
}

static size_t
format(const dt *t, char *out)
{
    int tz = t->tz < 0 ? -t->tz : t->tz;
    /* by hand, the fields in range (as valid() leaves them): snprintf
     * costs more than the rest of a date's reading */
    if (t->y >= 0 && t->y <= 9999 && t->mo >= 0 && t->mo <= 99 && t->d >= 0 && t->d <= 99 &&
        t->h >= 0 && t->h <= 99 && t->mi >= 0 && t->mi <= 99 && t->s >= 0 && t->s <= 99 &&
        tz / 60 <= 99) {
        char *o = out;
#define PUT2(v) (*o++ = (char)('0' + (v) / 10), *o++ = (char)('0' + (v) % 10))
        *o++ = (char)('0' + t->y / 1000), *o++ = (char)('0' + t->y / 100 % 10);
        PUT2(t->y % 100);
        *o++ = '-';
        PUT2(t->mo);
        *o++ = '-';
        PUT2(t->d);
        if (t->has_time) {
            *o++ = 'T';
            PUT2(t->h);
            *o++ = ':';
            PUT2(t->mi);
            *o++ = ':';
            PUT2(t->s);
            if (t->has_tz && t->tz == 0) {
                *o++ = 'Z';
            } else if (t->has_tz) {
                *o++ = t->tz < 0 ? '-' : '+';
                PUT2(tz / 60);
                *o++ = ':';
                PUT2(tz % 60);
            }
        }
#undef PUT2
        *o = '\0';
        return (size_t)(o - out);
    }
    int l;
    if (!t->has_time)
        l = snprintf(out, WN_DATE_MAX, "%04d-%02d-%02d", t->y, t->mo, t->d);
    else if (!t->has_tz)
        l = snprintf(out, WN_DATE_MAX, "%04d-%02d-%02dT%02d:%02d:%02d", t->y, t->mo, t->d, t->h,
                     t->mi, t->s);
    else if (t->tz == 0)
        l = snprintf(out, WN_DATE_MAX, "%04d-%02d-%02dT%02d:%02d:%02dZ", t->y, t->mo, t->d,
                     t->h, t->mi, t->s);
    else
        l = snprintf(out, WN_DATE_MAX, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", t->y, t->mo,
                     t->d, t->h, t->mi, t->s, t->tz < 0 ? '-' : '+', tz / 60, tz % 60);
    return l > 0 && l < WN_DATE_MAX ? (size_t)l : 0;
}

/* Numeric shapes at s[i] (a digit): Y-M-D, D.M.Y, M/D/Y, CJK markers. */
static bool
try_numeric(const char *s, size_t n, size_t i, bool whole, dt *t, size_t *end)
{
    size_t j = i;
    int a, b, c;
    /* compact 20230726 only as a whole value */
    if (whole && read_num(s, n, &j, 8, 8, &a)) {
        t->y = a / 10000, t->mo = a / 100 % 100, t->d = a % 100;
        *end = j;
        return true;
    }
    j = i;
    if (read_num(s, n, &j, 4, 4, &a)) {
        /* year first */
        if (j < n && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {
            char sep = s[j++];
            if (!read_num(s, n, &j, 1, 2, &b) || j >= n || s[j] != sep)
                goto cjk;
            j++;
            if (!read_num(s, n, &j, 1, 2, &c))
                goto cjk;
            t->y = a, t->mo = b, t->d = c;
            if (sep == '-' || j == n || s[j] == 'T' || s[j] == ' ')
                read_time(s, n, &j, t);
            *end = j;
            return true;
        }
    cjk:
        j = i + 4;
        /* 2023年7月26日 / 2023년 7월 26일 */
        if (j + 3 <= n && (memcmp(s + j, "\xE5\xB9\xB4", 3) == 0 ||
                           memcmp(s + j, "\xEB\x85\x84", 3) == 0)) {
            j += 3;
            skip_spaces(s, n, &j);
            if (!read_num(s, n, &j, 1, 2, &b) || j + 3 > n ||
                (memcmp(s + j, "\xE6\x9C\x88", 3) != 0 && memcmp(s + j, "\xEC\x9B\x94", 3) != 0))
                return false;
            j += 3;
            skip_spaces(s, n, &j);
            if (!read_num(s, n, &j, 1, 2, &c))
                return false;
            t->y = a, t->mo = b, t->d = c;
            *end = j;
            return true;
        }
        /* 2023. július 26. (Hungarian), 2023 Jan 7 (citations); not a
         * year before a month-first date with its own year ("... of 2024
         * September 1st, 2023") */
        j = i + 4;
        if (j < n && s[j] == '.')
            j++;
        skip_spaces(s, n, &j);
        int m = read_month(s, n, &j);
        if (m) {
            skip_spaces(s, n, &j);
            if (read_num(s, n, &j, 1, 2, &c)) {
                size_t k = j;
                int y2;
                skip_ordinal(s, n, &k);
                if (k < n && s[k] == ',')
                    k++;
                skip_spaces(s, n, &k);
                if (read_num(s, n, &k, 4, 4, &y2))
                    return false;
                t->y = a, t->mo = m, t->d = c;
                *end = j;
                return true;
            }
        }
        return false;
    }
    j = i;
    if (!read_num(s, n, &j, 1, 2, &a))
        return false;
    if (j < n && (s[j] == '.' || s[j] == '/' || s[j] == '-')) {
        char sep = s[j];
        size_t k = j + 1;
        skip_spaces(s, n, &k);
        if (read_num(s, n, &k, 1, 2, &b) && k < n && s[k] == sep) {
            k++;
            skip_spaces(s, n, &k);
            if (!read_num(s, n, &k, 4, 4, &c))
                return false;
            /* month first after a '/' as in the US when both fit, else
             * day first; whichever order alone can be a date */
            if ((sep == '/' && a <= 12 && b <= 31) || (a <= 12 && b > 12))
                t->mo = a, t->d = b;
            else
                t->d = a, t->mo = b;
            t->ambiguous = a <= 12 && b <= 12 && a != b;
            t->y = c;
            read_time(s, n, &k, t);
            *end = k;
            return true;
        }
    }
    /* day then month name: "26 July 2023", "26. Juli 2023", "26-Jul-2023",
     * "26 de julio de 2023" */
    j = i;
    read_num(s, n, &j, 1, 2, &a);
    skip_ordinal(s, n, &j);
    if (j < n && (s[j] == '.' || s[j] == '-'))
        j++;
    skip_connector(s, n, &j);
    int m = read_month(s, n, &j);
    if (!m)
        return false;
    if (j < n && (s[j] == '-' || s[j] == ','))
        j++;
    skip_connector(s, n, &j);
    if (!read_num(s, n, &j, 4, 4, &c))
        return false;
    t->y = c, t->mo = m, t->d = a;
    read_time(s, n, &j, t);
    *end = j;
    return true;
}

/* Month name first: "July 26, 2023", "Jul. 26th 2023". */
static bool
try_month_first(const char *s, size_t n, size_t i, dt *t, size_t *end)
{
    size_t j = i;
    int m = read_month(s, n, &j);
    if (!m)
        return false;
    skip_spaces(s, n, &j);
    int d, y;
    if (!read_num(s, n, &j, 1, 2, &d))
        return false;
    skip_ordinal(s, n, &j);
    if (j < n && s[j] == ',')
        j++;
    skip_spaces(s, n, &j);
    if (!read_num(s, n, &j, 4, 4, &y))
        return false;
    t->y = y, t->mo = m, t->d = d;
    read_time(s, n, &j, t);
    *end = j;
    return true;
}

/* Vietnamese: "26 tháng 7 năm 2023", "26 tháng 7, 2023" (the day, the
 * word for month and its number, then the year, after "năm" or a comma). */
static bool
try_thang(const char *s, size_t n, size_t i, dt *t, size_t *end)
{
    static const char thang[] = "th\xC3\xA1ng", nam[] = "n\xC4\x83m";
    size_t j = i;
    int d, m, y;
    if (!read_num(s, n, &j, 1, 2, &d))
        return false;
    skip_spaces(s, n, &j);
    if (j + sizeof thang - 1 > n || !wn_meta_iprefix(s + j, n - j, thang))
        return false;
    j += sizeof thang - 1;
    skip_spaces(s, n, &j);
    if (!read_num(s, n, &j, 1, 2, &m))
        return false;
    skip_spaces(s, n, &j);
    if (j < n && s[j] == ',')
        j++;
    skip_spaces(s, n, &j);
    if (j + sizeof nam - 1 <= n && memcmp(s + j, nam, sizeof nam - 1) == 0)
        j += sizeof nam - 1;
    skip_spaces(s, n, &j);
    if (!read_num(s, n, &j, 4, 4, &y))
        return false;
    t->y = y, t->mo = m, t->d = d;
    *end = j;
    return true;
}

/* A text that is a month and a year and nothing else ("November 2015", the
 * whole dateline of an essay): the month, "2015-11", as precise as the
 * source. Not a month and year within other words ("since March 2020"). */
static size_t
month_year(const char *s, size_t n, int64_t now, char *out)
{
    size_t i = 0;
    skip_spaces(s, n, &i);
    int m = read_month(s, n, &i);
    if (!m)
        return 0;
    if (i < n && s[i] == ',')
        i++;
    skip_spaces(s, n, &i);
    int y;
    if (!read_num(s, n, &i, 4, 4, &y))
        return 0;
    skip_spaces(s, n, &i);
    dt t = {0};
    t.y = y, t.mo = m, t.d = 1;
    if (i != n || !valid(&t, now))
        return 0;
    int l = snprintf(out, WN_DATE_MAX, "%04d-%02d", y, m);
    return l > 0 && l < WN_DATE_MAX ? (size_t)l : 0;
}

size_t
wn_date_parse(const char *s, size_t n, int64_t now, bool whole, char *out)
{
    return wn_date_parse_ex(s, n, now, whole, out, NULL);
}

size_t
wn_date_parse_ex(const char *s, size_t n, int64_t now, bool whole, char *out, bool *ambiguous)
{
    if (ambiguous)
        *ambiguous = false;
    out[0] = '\0';
    if (!s)
        return 0;
    /* digits of other scripts (Arabic-Indic, Persian, Devanagari) read as
     * ASCII ones, in a copy of a short text */
    char ascii[DIGITS_COPY_MAX];
    if (n <= sizeof ascii) {
        size_t m = ascii_digits(s, n, ascii);
        if (m) {
            s = ascii;
            n = m;
        }
    }
    if (whole) {
        /* epoch seconds or milliseconds */
        size_t a = 0, b = n;
        while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n'))
            a++;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\n'))
            b--;
        size_t k = a;
        while (k < b && is_digit(s[k]))
            k++;
        if (k == b && (b - a == 10 || b - a == 13)) {
            int64_t v = 0;
            for (k = a; k < b; k++)
                v = v * 10 + (s[k] - '0');
            if (b - a == 13)
                v /= 1000;
            int64_t days = v / 86400, rem = v % 86400;
            /* civil from days (Howard Hinnant's algorithm, restated) */
            int64_t z = days + 719468;
            int64_t era = z / 146097;
            int64_t doe = z - era * 146097;
            int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
            int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            int64_t mp = (5 * doy + 2) / 153;
            dt t = {0};
            t.d = (int)(doy - (153 * mp + 2) / 5 + 1);
            t.mo = (int)(mp < 10 ? mp + 3 : mp - 9);
            t.y = (int)(yoe + era * 400 + (t.mo <= 2));
            t.h = (int)(rem / 3600), t.mi = (int)(rem / 60 % 60), t.s = (int)(rem % 60);
            t.has_time = t.has_tz = true;
            return valid(&t, now) ? format(&t, out) : 0;
        }
    }
    /* every form below holds digits (a day, a year): a text without one
     * is not scanned word by word */
    if (!memchr_digit(s, n))
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        bool word_start = i == 0 || !(is_alpha_byte((unsigned char)s[i - 1]) || is_digit(s[i - 1]));
        if (!word_start)
            continue;
        dt t = {0};
        size_t end = 0;
        bool ok = false;
        if (is_digit((char)c))
            ok = try_numeric(s, n, i, whole, &t, &end) || try_thang(s, n, i, &t, &end);
        else if (is_alpha_byte(c))
            ok = try_month_first(s, n, i, &t, &end);
        if (ok && valid(&t, now)) {
            if (ambiguous)
                *ambiguous = t.ambiguous;
            return format(&t, out);
        }
    }
    return month_year(s, n, now, out);
}

/* n digits at s as a number */
static int
digits_at(const char *s, size_t n)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool
wn_date_instant(const char *iso, size_t n, int64_t *secs, bool *utc)
{
    /* "2023-07-26T10:00:00Z" or "2023-07-26T10:00:00+02:00", as format() writes them */
    if (!iso || (n != 20 && n != 25) || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' ||
        iso[13] != ':' || iso[16] != ':')
        return false;
    int y = digits_at(iso, 4), mo = digits_at(iso + 5, 2), d = digits_at(iso + 8, 2);
    int h = digits_at(iso + 11, 2), mi = digits_at(iso + 14, 2), sec = digits_at(iso + 17, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || mi < 0 || sec < 0)
        return false;
    int tz = 0;
    if (n == 20) {
        if (iso[19] != 'Z')
            return false;
    } else {
        int zh = digits_at(iso + 20, 2), zm = digits_at(iso + 23, 2);
        if ((iso[19] != '+' && iso[19] != '-') || iso[22] != ':' || zh < 0 || zm < 0)
            return false;
        tz = (iso[19] == '-' ? -1 : 1) * (zh * 60 + zm);
    }
    *utc = n == 20;
    *secs = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - (int64_t)tz * 60;
    return true;
}

size_t
wn_date_from_url(const char *s, size_t n, int64_t now, char *out)
{
    out[0] = '\0';
    /* skip scheme and host */
    size_t i = 0;
    const char *p = memchr(s, ':', n < 12 ? n : 12);
    if (p && (size_t)(p - s) + 2 < n && p[1] == '/' && p[2] == '/') {
        i = (size_t)(p - s) + 3;
        while (i < n && s[i] != '/')
            i++;
    }
    for (; i < n; i++) {
        if (s[i] == '?' || s[i] == '#')
            break;
        if (s[i] != '/' && s[i] != '-' && s[i] != '_')
            continue;
        size_t j = i + 1;
        int y, m, d;
        if (!read_num(s, n, &j, 4, 4, &y)) {
            j = i + 1;
            int v;
            if (read_num(s, n, &j, 8, 8, &v) && (j == n || s[j] == '/' || s[j] == '-' || s[j] == '_')) {
                dt t = {v / 10000, v / 100 % 100, v % 100, 0, 0, 0, false, false, 0, false};
                if (valid(&t, now))
                    return format(&t, out);
            }
            continue;
        }
        if (j >= n || (s[j] != '/' && s[j] != '-'))
            continue;
        char sep = s[j++];
        if (!read_num(s, n, &j, 1, 2, &m) || j >= n || s[j] != sep)
            continue;
        j++;
        if (!read_num(s, n, &j, 1, 2, &d))
            continue;
        if (j < n && s[j] != '/' && s[j] != '-' && s[j] != '_' && s[j] != '.')
            continue;
        dt t = {y, m, d, 0, 0, 0, false, false, 0, false};
        if (valid(&t, now))
            return format(&t, out);
    }
    return 0;
}

size_t
wn_date_swap_day_month(const char *iso, size_t n, int64_t now, char *out)
{
    if (n < 10 || n >= WN_DATE_MAX || iso[4] != '-' || iso[7] != '-')
        return 0;
    int mo = digits_at(iso + 5, 2), d = digits_at(iso + 8, 2);
    if (mo < 1 || d < 1 || d > 12)
        return 0;
    memcpy(out, iso, n);
    out[n] = '\0';
    memcpy(out + 5, iso + 8, 2);
    memcpy(out + 8, iso + 5, 2);
    /* valid() again: the other order may lie in the future */
    char tmp[WN_DATE_MAX];
    return wn_date_parse(out, n, now, true, tmp) == n && memcmp(tmp, out, n) == 0 ? n : 0;
}

bool
wn_date_day(const char *iso, size_t n, int64_t *day)
{
    if (!iso || n < 10 || iso[4] != '-' || iso[7] != '-')
        return false;
    int y = digits_at(iso, 4), mo = digits_at(iso + 5, 2), d = digits_at(iso + 8, 2);
    if (y < 0 || mo < 1 || d < 1)
        return false;
    *day = days_from_civil(y, mo, d);
    return true;
}
