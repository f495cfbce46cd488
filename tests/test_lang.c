/* test_lang.c - language tags normalised, and languages detected; the first
 * detections of a process racing to build the stop-word table. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "harness.h"
#include "metadata/metadata.h"

static const char *
norm(const char *s)
{
    static char out[16];
    return wn_lang_normalise(s, strlen(s), out) ? out : "";
}

static const char *
detect(const char *s)
{
    int score;
    const char *l = wn_lang_detect(s, strlen(s), &score);
    return l ? l : "";
}

/* The first detections of the process, on eight threads released at once:
 * one builds the shared stop-word table, the others use it or, while it is
 * being built, a copy of their own; all agree. (Run first: the table must
 * not exist yet.) */
enum { RACERS = 8 };
static pthread_barrier_t race_start;
static const char *race_result[RACERS];

static void *
racer(void *arg)
{
    size_t i = (size_t)arg;
    pthread_barrier_wait(&race_start);
    int score;
    race_result[i] = wn_lang_detect("Der Hund und die Katze sind nicht in dem Haus, aber sie "
                                    "sind auch nicht im Garten.",
                                    82, &score);
    return NULL;
}

TEST(first_detections_race)
{
    pthread_t t[RACERS];
    CHECK(pthread_barrier_init(&race_start, NULL, RACERS) == 0);
    for (size_t i = 0; i < RACERS; i++)
        CHECK(pthread_create(&t[i], NULL, racer, (void *)i) == 0);
    for (size_t i = 0; i < RACERS; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&race_start);
    for (size_t i = 0; i < RACERS; i++)
        CHECK_EQ_STR(race_result[i] ? race_result[i] : "", "de");
}

TEST(normalise)
{
    CHECK_EQ_STR(norm("en_US"), "en-US");
    CHECK_EQ_STR(norm("EN"), "en");
    CHECK_EQ_STR(norm("pt-br"), "pt-BR");
    CHECK_EQ_STR(norm("zh-hans-cn"), "zh-Hans-CN");
    CHECK_EQ_STR(norm(" de-DE, en;q=0.8"), "de-DE");
    CHECK_EQ_STR(norm("english"), "");
    CHECK_EQ_STR(norm(""), "");
    CHECK_EQ_STR(norm("{{lang}}"), "");
}

TEST(detect_latin)
{
    CHECK_EQ_STR(detect("The committee said that it would publish the report on Monday, and "
                        "that the findings were not what they had expected."), "en");
    CHECK_EQ_STR(detect("Die Regierung hat am Montag angek\xC3\xBCndigt, dass sie die neuen "
                        "Regeln f\xC3\xBCr den Verkehr nicht vor dem Sommer einf\xC3\xBChren wird."),
                 "de");
    CHECK_EQ_STR(detect("Le gouvernement a annonc\xC3\xA9 lundi que les nouvelles r\xC3\xA8gles "
                        "ne seront pas appliqu\xC3\xA9" "es avant l'\xC3\xA9t\xC3\xA9 dans la "
                        "capitale."), "fr");
    CHECK_EQ_STR(detect("El gobierno anunci\xC3\xB3 el lunes que las nuevas normas no se "
                        "aplicar\xC3\xA1n hasta el verano en la capital del pa\xC3\xADs."), "es");
    CHECK_EQ_STR(detect("Il governo ha annunciato luned\xC3\xAC che le nuove regole non "
                        "saranno applicate prima dell'estate nella capitale del paese."), "it");
    CHECK_EQ_STR(detect("O governo anunciou na segunda-feira que as novas regras n\xC3\xA3o "
                        "ser\xC3\xA3o aplicadas antes do ver\xC3\xA3o na capital do pa\xC3\xADs."),
                 "pt");
    CHECK_EQ_STR(detect("De regering heeft maandag aangekondigd dat de nieuwe regels niet "
                        "voor de zomer van kracht worden in de hoofdstad van het land."), "nl");
    CHECK_EQ_STR(detect("Regeringen meddelade p\xC3\xA5 m\xC3\xA5ndagen att de nya reglerna "
                        "inte kommer att inf\xC3\xB6ras f\xC3\xB6re sommaren och det \xC3\xA4r "
                        "klart."), "sv");
    CHECK_EQ_STR(detect("Rz\xC4\x85" "d og\xC5\x82osi\xC5\x82 w poniedzia\xC5\x82" "ek, \xC5\xBC"
                        "e nowe przepisy nie wejd\xC4\x85 w \xC5\xBCycie przed latem, ale to "
                        "jest tylko plan."), "pl");
    CHECK_EQ_STR(detect("H\xC3\xBCk\xC3\xBCmet pazartesi g\xC3\xBCn\xC3\xBC yeni kurallar\xC4\xB1n "
                        "yaz\xC4\xB1n \xC3\xA7ok daha sonra ve bir plan olarak "
                        "uygulanaca\xC4\x9F\xC4\xB1n\xC4\xB1 bu hafta a\xC3\xA7\xC4\xB1klad\xC4\xB1 "
                        "ama de\xC4\x9Fil."), "tr");
    CHECK_EQ_STR(detect("Pemerintah mengumumkan pada hari Senin bahwa aturan yang baru tidak "
                        "akan berlaku sebelum musim panas dan itu sudah jelas."), "id");
}

/* Vietnamese by its letters; Danish and Norwegian, which share most of
 * their function words, by the words only one of them has */
TEST(detect_close_latin)
{
    CHECK_EQ_STR(detect("Th\xE1\xBB\x9Di ti\xE1\xBA\xBFt \xE1\xBB\x9F H\xC3\xA0 N\xE1\xBB\x99i "
                        "h\xC3\xB4m nay n\xE1\xBA\xAFng \xC4\x91\xE1\xBA\xB9p, nhi\xE1\xBB\x87t "
                        "\xC4\x91\xE1\xBB\x99 s\xE1\xBA\xBD t\xC4\x83ng l\xC3\xAAn kho\xE1\xBA\xA3ng "
                        "hai m\xC6\xB0\xC6\xA1i \xC4\x91\xE1\xBB\x99 v\xC3\xA0o bu\xE1\xBB\x95i "
                        "chi\xE1\xBB\x81u."),
                 "vi");
    CHECK_EQ_STR(detect("Regeringen har i dag fremlagt et nyt forslag til en reform af skattesystemet. "
                        "Forslaget skal if\xC3\xB8lge ministeren g\xC3\xB8re det lettere for sm\xC3\xA5 "
                        "virksomheder at ans\xC3\xA6tte flere medarbejdere, og det bliver nu sendt i "
                        "h\xC3\xB8ring. Oppositionen mener dog ikke, at reformen g\xC3\xA5r langt nok, "
                        "og kr\xC3\xA6ver, at der ogs\xC3\xA5 bliver set p\xC3\xA5 afgifterne."),
                 "da");
    CHECK_EQ_STR(detect("Regjeringen har i dag lagt fram et nytt forslag til en reform av "
                        "skattesystemet. Forslaget skal if\xC3\xB8lge statsr\xC3\xA5" "den gj\xC3\xB8re "
                        "det enklere for sm\xC3\xA5 bedrifter \xC3\xA5 ansette flere medarbeidere, og "
                        "det blir n\xC3\xA5 sendt p\xC3\xA5 h\xC3\xB8ring. Opposisjonen mener likevel "
                        "ikke at reformen g\xC3\xA5r langt nok, og krever at det ogs\xC3\xA5 blir sett "
                        "p\xC3\xA5 avgiftene."),
                 "no");
    /* an English text naming Vietnamese places is English */
    CHECK_EQ_STR(detect("The committee met in \xC4\x90\xC3\xA0 N\xE1\xBA\xB5ng and H\xE1\xBB\x99i An on "
                        "Monday, and said that it would publish the report with the findings."),
                 "en");
}

/* more Latin-script languages, each told from its close neighbour */
TEST(detect_more_latin)
{
    CHECK_EQ_STR(detect("El govern ha presentat avui una nova proposta per reformar el sistema fiscal. "
                        "Segons el ministre, la proposta far\xC3\xA0 m\xC3\xA9s f\xC3\xA0" "cil que les "
                        "petites empreses contractin m\xC3\xA9s treballadors, per\xC3\xB2 "
                        "l'oposici\xC3\xB3 creu que no \xC3\xA9s suficient i demana que tamb\xC3\xA9 es "
                        "revisin els impostos."),
                 "ca");
    CHECK_EQ_STR(detect("Vl\xC3\xA1" "da dnes predstavila nov\xC3\xBD n\xC3\xA1vrh na reformu "
                        "da\xC5\x88ov\xC3\xA9ho syst\xC3\xA9mu. Pod\xC4\xBE" "a ministra by mal "
                        "n\xC3\xA1vrh u\xC4\xBE" "ah\xC4\x8Di\xC5\xA5 mal\xC3\xBDm firm\xC3\xA1m "
                        "zamestn\xC3\xA1va\xC5\xA5 viac \xC4\xBEud\xC3\xAD, ale opoz\xC3\xAD" "cia "
                        "tvrd\xC3\xAD, \xC5\xBE" "e to nesta\xC4\x8D\xC3\xAD, a \xC5\xBEiada, aby sa "
                        "presk\xC3\xBAmali aj dane."),
                 "sk");
    CHECK_EQ_STR(detect("Vlada je danes predstavila nov predlog za reformo dav\xC4\x8Dnega sistema. Po "
                        "besedah ministra naj bi predlog malim podjetjem olaj\xC5\xA1" "al "
                        "zaposlovanje, vendar opozicija meni, da to ni dovolj, in zahteva, da se "
                        "pregledajo tudi davki."),
                 "sl");
    CHECK_EQ_STR(detect("Vyriausyb\xC4\x97 \xC5\xA1iandien pristat\xC4\x97 nauj\xC4\x85 "
                        "mokes\xC4\x8Di\xC5\xB3 sistemos reformos pasi\xC5\xABlym\xC4\x85. Pasak "
                        "ministro, pasi\xC5\xABlymas tur\xC4\x97t\xC5\xB3 palengvinti ma\xC5\xBEoms "
                        "\xC4\xAFmon\xC4\x97ms \xC4\xAF" "darbinti daugiau \xC5\xBEmoni\xC5\xB3, "
                        "ta\xC4\x8Diau opozicija mano, kad to nepakanka, ir reikalauja, kad "
                        "b\xC5\xABt\xC5\xB3 per\xC5\xBEi\xC5\xABr\xC4\x97ti ir mokes\xC4\x8Diai."),
                 "lt");
    CHECK_EQ_STR(detect("Vald\xC4\xAB" "ba \xC5\xA1odien iepaz\xC4\xABstin\xC4\x81ja ar jaunu "
                        "nodok\xC4\xBCu sist\xC4\x93mas reformas priek\xC5\xA1likumu. P\xC4\x93" "c "
                        "ministra teikt\xC4\x81, priek\xC5\xA1likumam vajadz\xC4\x93tu atvieglot "
                        "mazajiem uz\xC5\x86\xC4\x93mumiem pie\xC5\x86" "emt darb\xC4\x81 vair\xC4\x81k "
                        "cilv\xC4\x93ku, bet opoz\xC4\xAB" "cija uzskata, ka ar to nepietiek, un "
                        "pieprasa p\xC4\x81rskat\xC4\xABt ar\xC4\xAB nodok\xC4\xBCus."),
                 "lv");
    CHECK_EQ_STR(detect("Valitsus esitas t\xC3\xA4na uue ettepaneku maksus\xC3\xBCsteemi reformimiseks. "
                        "Ministri s\xC3\xB5nul peaks ettepanek lihtsustama "
                        "v\xC3\xA4ikeettev\xC3\xB5tetel rohkemate inimeste palkamist, kuid opositsioon "
                        "leiab, et sellest ei piisa, ja n\xC3\xB5uab, et \xC3\xBCle vaadataks ka "
                        "maksud."),
                 "et");
    CHECK_EQ_STR(detect("Ipinakita ngayon ng pamahalaan ang isang bagong panukala para baguhin ang "
                        "sistema ng buwis. Ayon sa ministro, ang panukala ay gagawing mas madali para "
                        "sa mga maliliit na negosyo na kumuha ng mas maraming manggagawa, pero sinasabi "
                        "ng oposisyon na hindi ito sapat."),
                 "tl");
    CHECK_EQ_STR(detect("Serikali leo imewasilisha pendekezo jipya la kurekebisha mfumo wa kodi. Kwa "
                        "mujibu wa waziri, pendekezo hilo litarahisisha biashara ndogo kuajiri "
                        "wafanyakazi zaidi, lakini upinzani unasema kwamba hilo halitoshi na unataka "
                        "kodi pia zipitiwe upya."),
                 "sw");
    CHECK_EQ_STR(detect("Qeveria paraqiti sot nj\xC3\xAB propozim t\xC3\xAB ri p\xC3\xABr reformimin e "
                        "sistemit tatimor. Sipas ministrit, propozimi do t'u leht\xC3\xABsoj\xC3\xAB "
                        "bizneseve t\xC3\xAB vogla pun\xC3\xABsimin e m\xC3\xAB shum\xC3\xAB "
                        "njer\xC3\xABzve, por opozita mendon se kjo nuk \xC3\xABsht\xC3\xAB e "
                        "mjaftueshme dhe k\xC3\xABrkon q\xC3\xAB t\xC3\xAB rishikohen edhe taksat."),
                 "sq");
}

/* scripts one language writes nearly alone; Marathi by its LLA */
TEST(detect_more_scripts)
{
    CHECK_EQ_STR(detect("\xE0\xA4\x86\xE0\xA4\x9C \xE0\xA4\xAE\xE0\xA5\x81\xE0\xA4\x82\xE0\xA4\xAC\xE0\xA4\x88\xE0\xA4\xA4 \xE0\xA4\xB9\xE0\xA4\xB5\xE0\xA4\xBE\xE0\xA4\xAE\xE0\xA4\xBE\xE0\xA4\xA8 \xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xB5\xE0\xA4\x9A\xE0\xA5\x8D\xE0\xA4\x9B \xE0\xA4\x86\xE0\xA4\xB9\xE0\xA5\x87 \xE0\xA4\x86\xE0\xA4\xA3\xE0\xA4\xBF \xE0\xA4\xA4\xE0\xA4\xBE\xE0\xA4\xAA\xE0\xA4\xAE\xE0\xA4\xBE\xE0\xA4\xA8 \xE0\xA4\xB5\xE0\xA5\x80\xE0\xA4\xB8 \xE0\xA4\x85\xE0\xA4\x82\xE0\xA4\xB6\xE0\xA4\xBE\xE0\xA4\x82\xE0\xA4\xAA\xE0\xA4\xB0\xE0\xA5\x8D\xE0\xA4\xAF\xE0\xA4\x82\xE0\xA4\xA4 \xE0\xA4\xB5\xE0\xA4\xBE\xE0\xA4\xA2\xE0\xA5\x87\xE0\xA4\xB2, \xE0\xA4\x9C\xE0\xA5\x8D\xE0\xA4\xAF\xE0\xA4\xBE\xE0\xA4\xAE\xE0\xA5\x81\xE0\xA4\xB3\xE0\xA5\x87 \xE0\xA4\xB6\xE0\xA4\xBE\xE0\xA4\xB3\xE0\xA4\xBE\xE0\xA4\x82\xE0\xA4\xA8\xE0\xA4\xBE \xE0\xA4\xB5\xE0\xA5\x87\xE0\xA4\xB3 \xE0\xA4\xAE\xE0\xA4\xBF\xE0\xA4\xB3\xE0\xA5\x87\xE0\xA4\xB2."), "mr");
    CHECK_EQ_STR(detect("\xE0\xB0\x88 \xE0\xB0\xB0\xE0\xB1\x8B\xE0\xB0\x9C\xE0\xB1\x81 \xE0\xB0\xB5\xE0\xB0\xBE\xE0\xB0\xA4\xE0\xB0\xBE\xE0\xB0\xB5\xE0\xB0\xB0\xE0\xB0\xA3\xE0\xB0\x82 \xE0\xB0\xB8\xE0\xB1\x8D\xE0\xB0\xAA\xE0\xB0\xB7\xE0\xB1\x8D\xE0\xB0\x9F\xE0\xB0\x82\xE0\xB0\x97\xE0\xB0\xBE \xE0\xB0\x89\xE0\xB0\x82\xE0\xB0\xA6\xE0\xB0\xBF."), "te");
    CHECK_EQ_STR(detect("\xE0\xAA\x86\xE0\xAA\x9C\xE0\xAB\x87 \xE0\xAA\xB9\xE0\xAA\xB5\xE0\xAA\xBE\xE0\xAA\xAE\xE0\xAA\xBE\xE0\xAA\xA8 \xE0\xAA\xB8\xE0\xAB\x8D\xE0\xAA\xB5\xE0\xAA\x9A\xE0\xAB\x8D\xE0\xAA\x9B \xE0\xAA\x9B\xE0\xAB\x87."), "gu");
    CHECK_EQ_STR(detect("\xE1\x9E\x90\xE1\x9F\x92\xE1\x9E\x84\xE1\x9F\x83\xE1\x9E\x93\xE1\x9F\x81\xE1\x9F\x87 \xE1\x9E\xA2\xE1\x9E\xB6\xE1\x9E\x80\xE1\x9E\xB6\xE1\x9E\x9F\xE1\x9E\x92\xE1\x9E\xB6\xE1\x9E\x8F\xE1\x9E\xBB\xE1\x9E\x9F\xE1\x9F\x92\xE1\x9E\x9A\xE1\x9E\xA1\xE1\x9F\x87\xE1\x9F\x94"), "km");
    CHECK_EQ_STR(detect("\xE1\x8B\x9B\xE1\x88\xAC \xE1\x8B\xA8\xE1\x8A\xA0\xE1\x8B\xA8\xE1\x88\xAD \xE1\x88\x81\xE1\x8A\x94\xE1\x89\xB3 \xE1\x8C\xA5\xE1\x88\xA9 \xE1\x8A\x90\xE1\x8B\x8D\xE1\x8D\xA2"), "am");
    CHECK_EQ_STR(detect("\xE0\xB6\x85\xE0\xB6\xAF \xE0\xB6\x9A\xE0\xB7\x8F\xE0\xB6\xBD\xE0\xB6\x9C\xE0\xB7\x94\xE0\xB6\xAB\xE0\xB6\xBA \xE0\xB6\xB4\xE0\xB7\x90\xE0\xB7\x84\xE0\xB7\x90\xE0\xB6\xAF\xE0\xB7\x92\xE0\xB6\xBD\xE0\xB7\x92\xE0\xB6\xBA\xE0\xB7\x92."), "si");
}

TEST(detect_scripts)
{
    CHECK_EQ_STR(detect("\xD0\x9F\xD1\x80\xD0\xB0\xD0\xB2\xD0\xB8\xD1\x82\xD0\xB5\xD0\xBB\xD1\x8C"
                        "\xD1\x81\xD1\x82\xD0\xB2\xD0\xBE \xD0\xBE\xD0\xB1\xD1\x8A\xD1\x8F\xD0\xB2"
                        "\xD0\xB8\xD0\xBB\xD0\xBE \xD0\xBE \xD0\xBD\xD0\xBE\xD0\xB2\xD1\x8B\xD1\x85 "
                        "\xD0\xBF\xD1\x80\xD0\xB0\xD0\xB2\xD0\xB8\xD0\xBB\xD0\xB0\xD1\x85 \xD0\xB8 "
                        "\xD1\x8D\xD1\x82\xD0\xBE \xD0\xB2\xD1\x81\xD1\x91"), "ru");
    CHECK_EQ_STR(detect("\xD0\xA3\xD1\x80\xD1\x8F\xD0\xB4 \xD0\xBE\xD0\xB3\xD0\xBE\xD0\xBB\xD0\xBE"
                        "\xD1\x81\xD0\xB8\xD0\xB2 \xD0\xBF\xD1\x80\xD0\xBE \xD0\xBD\xD0\xBE\xD0\xB2"
                        "\xD1\x96 \xD0\xBF\xD1\x80\xD0\xB0\xD0\xB2\xD0\xB8\xD0\xBB\xD0\xB0 \xD1\x96 "
                        "\xD1\x97\xD1\x85 \xD1\x94\xD0\xB4\xD0\xB8\xD0\xBD\xD1\x96\xD1\x81\xD1\x82"
                        "\xD1\x8C"), "uk");
    CHECK_EQ_STR(detect("\xCE\x97 \xCE\xBA\xCF\x85\xCE\xB2\xCE\xAD\xCF\x81\xCE\xBD\xCE\xB7\xCF\x83"
                        "\xCE\xB7 \xCE\xB1\xCE\xBD\xCE\xAD\xCE\xB4\xCE\xB5\xCE\xB9\xCE\xBE\xCE\xB5 "
                        "\xCF\x84\xCE\xBF\xCF\x85\xCF\x82 \xCE\xBD\xCE\xAD\xCE\xBF\xCF\x85\xCF\x82"),
                 "el");
    CHECK_EQ_STR(detect("\xE6\x94\xBF\xE5\xBA\x9C\xE5\xAE\xA3\xE5\xB8\x83\xE4\xBA\x86\xE6\x96\xB0"
                        "\xE7\x9A\x84\xE8\xA7\x84\xE5\x88\x99\xEF\xBC\x8C\xE5\xB0\x86\xE5\x9C\xA8"
                        "\xE5\xA4\x8F\xE5\xA4\xA9\xE5\xAE\x9E\xE6\x96\xBD\xE3\x80\x82"), "zh");
    CHECK_EQ_STR(detect("\xE6\x94\xBF\xE5\xBA\x9C\xE3\x81\xAF\xE6\x96\xB0\xE3\x81\x97\xE3\x81\x84"
                        "\xE8\xA6\x8F\xE5\x89\x87\xE3\x82\x92\xE5\xA4\x8F\xE3\x81\xBE\xE3\x81\xA7"
                        "\xE3\x81\xAB\xE5\xAE\x9F\xE6\x96\xBD\xE3\x81\x99\xE3\x82\x8B\xE3\x81\xA8"),
                 "ja");
    CHECK_EQ_STR(detect("\xEC\xA0\x95\xEB\xB6\x80\xEB\x8A\x94 \xEC\x83\x88\xEB\xA1\x9C\xEC\x9A\xB4 "
                        "\xEA\xB7\x9C\xEC\xB9\x99\xEC\x9D\x84 \xEC\x97\xAC\xEB\xA6\x84\xEA\xB9\x8C"
                        "\xEC\xA7\x80 \xEC\x8B\x9C\xED\x96\x89\xED\x95\x9C\xEB\x8B\xA4"), "ko");
    CHECK_EQ_STR(detect("\xD7\x94\xD7\x9E\xD7\x9E\xD7\xA9\xD7\x9C\xD7\x94 \xD7\x94\xD7\x95\xD7\x93"
                        "\xD7\x99\xD7\xA2\xD7\x94 \xD7\xA2\xD7\x9C \xD7\x9B\xD7\x9C\xD7\x9C\xD7\x99"
                        "\xD7\x9D \xD7\x97\xD7\x93\xD7\xA9\xD7\x99\xD7\x9D"), "he");
    CHECK_EQ_STR(detect("ok"), "");
}

int
main(void)
{
    RUN(first_detections_race);
    RUN(normalise);
    RUN(detect_latin);
    RUN(detect_close_latin);
    RUN(detect_more_latin);
    RUN(detect_more_scripts);
    RUN(detect_scripts);
    return harness_done();
}
