#!/usr/bin/env python3
"""Write the encoded test pages of tests/test_decode.c into
tests/fixtures/encoding/. Each page is written here as text and encoded
with Python's codecs, so the bytes are what a server in that encoding
would send.

Usage: python3 tools/gen_encoding_fixtures.py   (run from the repository root)
"""
import codecs
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "tests", "fixtures", "encoding")

RUSSIAN = (
    "Москва — столица России, город федерального значения, административный "
    "центр Центрального федерального округа и центр Московской области, в "
    "состав которой не входит. Крупнейший по численности населения город "
    "России и её субъект. Москва является одним из крупнейших городов мира, "
    "а также самым крупным городом Европы. Город расположен на реке Москве в "
    "центре Восточно-Европейской равнины, в междуречье Оки и Волги. "
)
JAPANESE = (
    "日本語の文章です。東京は日本の首都であり、世界でも有数の大都市です。"
    "この文書はシフトJISで符号化されています。春には桜が咲き、多くの人々が"
    "花見を楽しみます。夏は暑く、秋には紅葉が美しい季節になります。"
    "ｶﾀｶﾅの半角文字も含まれています。"
)
CHINESE = "中文网页的编码测试。这是一个用国标码编写的页面，北京是中国的首都。"
POLISH = "Zażółć gęślą jaźń - to zdanie zawiera wszystkie polskie litery."
FRENCH = "Café «crème» à 2 € — “quotes” and ‘single’ ones…"


def page(meta, body, title="Test"):
    return (
        "<!DOCTYPE html>\n<html><head>%s<title>%s</title></head>\n"
        "<body><p>%s</p></body></html>\n" % (meta, title, body)
    )


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    write("shift_jis_meta.html",
          page('<meta charset="shift_jis">', JAPANESE).encode("cp932"))
    write("gbk_meta_gb2312.html",
          page("<meta charset=gb2312>", CHINESE).encode("gbk"))
    write("windows1251_http_equiv.html",
          page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
               RUSSIAN).encode("cp1251"))
    write("iso8859_2_meta.html",
          page('<meta charset="ISO-8859-2">', POLISH).encode("iso8859_2"))
    text16 = page('<meta charset="utf-16">', "UTF-16 test: żółw 日本 \U0001F600 end")
    write("utf16le_bom.html", codecs.BOM_UTF16_LE + text16.encode("utf-16-le"))
    write("utf16be_bom.html", codecs.BOM_UTF16_BE + text16.encode("utf-16-be"))
    write("windows1252_meta.html",
          page('<meta charset="windows-1252">', FRENCH).encode("cp1252"))
    # UTF-8 bytes that claim to be ISO-8859-1: per the HTML Standard the
    # meta wins, so a browser shows mojibake; so do we.
    write("utf8_labelled_latin1.html",
          page('<meta charset="iso-8859-1">', "Café").encode("utf-8"))
    # No label anywhere: the detector has to find these.
    write("windows1251_nolabel.html", page("", RUSSIAN * 3).encode("cp1251"))
    write("shift_jis_nolabel.html", page("", JAPANESE * 2).encode("cp932"))


if __name__ == "__main__":
    main()
