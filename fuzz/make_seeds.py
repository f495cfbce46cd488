#!/usr/bin/env python3
"""make_seeds.py - build the small seed corpora OUT_DIR/<target>/ from the test
fixtures, plus a few hand-written inputs per entry point. The seeds are derived
(fixtures with an option byte in front), so they are made at fuzz time by
fuzz/run.sh and fuzz/long_run.sh instead of being committed as copies.

Every target reads its first byte as an option selector, so each seed is
written with a few different first bytes. Seeds are kept small (a fuzzer
mutates small inputs fastest); pages larger than 64 KiB are left out.

usage: python3 fuzz/make_seeds.py OUT_DIR      (rewrites OUT_DIR)
"""
import glob
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEEDS = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(HERE, "seeds")
MAX = 64 * 1024


def write(target, name, data):
    d = os.path.join(SEEDS, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def pages():
    files = sorted(glob.glob(os.path.join(ROOT, "examples", "*.html")) +
                   glob.glob(os.path.join(ROOT, "tests", "fixtures", "**", "*.html"), recursive=True) +
                   glob.glob(os.path.join(ROOT, "tests", "corpus", "*.html")) +
                   glob.glob(os.path.join(ROOT, "tests", "corpus", "render", "*.html")))
    for f in files:
        data = open(f, "rb").read()
        if len(data) <= MAX:
            yield os.path.splitext(os.path.basename(f))[0], data


JSONLD = [
    b'{"@context":"https://schema.org","@type":"NewsArticle","headline":"A &amp; B",'
    b'"datePublished":"2024-05-06T10:00:00+02:00","dateModified":"2024-05-07",'
    b'"author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],'
    b'"publisher":{"@type":"Organization","name":"Example News","logo":{"@type":"ImageObject",'
    b'"url":"/logo.png"}},"image":["https://example.org/a.jpg"],"keywords":"one, two",'
    b'"articleSection":"World","inLanguage":"en-GB","mainEntityOfPage":{"@id":"https://example.org/s"}}',
    b'{"@context":"https://schema.org","@graph":[{"@type":"WebSite","@id":"#site","name":"Site"},'
    b'{"@type":"Person","@id":"#p1","name":"By Ann Smith"},{"@type":["BlogPosting","Article"],'
    b'"isPartOf":{"@id":"#site"},"author":{"@id":"#p1"},"datePublished":"1717000000",'
    b'"headline":"Graph \\u00e9t\\u00e9 \\ud83d\\ude00"},{"@type":"BreadcrumbList","itemListElement":'
    b'[{"@type":"ListItem","position":1,"name":"Home"},{"@type":"ListItem","position":2,"name":"Tech"}]}]}',
    b'<!--\n[{"@type":"Recipe","name":"Soup",},/* comment */ {"@type":"Product","name":"X",'
    b'"offers":{"price":1.5e3,"priceCurrency":"EUR"}}]\n-->',
    b'{"a":[[[[[[[[{"b":null,"c":true,"d":false,"e":-0.5E-3}]]]]]]]]}{"second":1}',
]
DATES = [b"2024-05-06", b"2024-05-06T10:00:00Z", b"2024-05-06T10:00:00.123+05:30",
         b"May 6, 2024", b"6 mai 2024", b"06/05/2024 10:00", b"1717000000000", b"20240506",
         b"Published on Monday, 6th of May 2024 at 10am", b"/news/2024/05/06/story.html",
         b"9999-99-99", b"0000-00-00T25:61:61Z", b"2024-02-30", b"2024\xe5\xb9\xb45\xe6\x9c\x886\xe6\x97\xa5"]
AUTHORS = [b"By Jane Doe and John Roe, Staff Writers", b"Jane Doe | Reuters",
           b"von Hans M\xc3\xbcller & Eva Schmidt", b"By  <b>Ann</b> &amp; Bob \xe2\x80\xa2 May 6",
           b"Staff", b"https://twitter.com/someone"]
LANGS = [b"en_US", b"EN", b"zh-Hant-TW", b"x-klingon", b"The quick brown fox jumps over the lazy dog "
         b"and then the cat sat on the mat with the other animals.",
         "Der schnelle braune Fuchs springt \u00fcber den faulen Hund und die Katze.".encode(),
         "\u0411\u044b\u0441\u0442\u0440\u0430\u044f \u043a\u043e\u0440\u0438\u0447\u043d\u0435\u0432\u0430\u044f \u043b\u0438\u0441\u0430.".encode()]
URLS = [b"../x/./y?z#w", b"//cdn.example.com/i.png", b"  \\\\evil\\path ", b"javascript:alert(1)",
        b"https://a.example/b/c d", b"http://[::1]:80/%7Euser/", b"mailto:a@b.c", b"?only=query",
        b"https://h\xc3\xa9.example/\xe2\x82\xac"]
TEXT = [b"  a&amp;b&nbsp;c&#x41;&#65;&bogus;\x01\x7f\t\n x ", b"\xff\xfe\xc3\x28\xe2\x82"]


def main():
    if os.path.isdir(SEEDS):
        shutil.rmtree(SEEDS)
    for name, data in pages():
        write("fuzz_parse", name + ".html", b"\x00" + data)
        write("fuzz_extract", name + ".html", b"\x8c" + data)  # links+images+md-in-json, URL
    write("fuzz_parse", "charset-hint.html", b"\x02<meta charset=utf-8><p>caf\xe9</p>")
    write("fuzz_parse", "depth3.html", b"\x08<div><div><div><div><table><tr><td><svg><g>x")
    write("fuzz_extract", "plain.html", b"\x00<title>T</title><article><h1>H</h1><p>Para one.</p></article>")
    for i, j in enumerate(JSONLD):
        write("fuzz_metadata", "jsonld%d" % i, b"\x00" + j)
    for i, d in enumerate(DATES):
        write("fuzz_metadata", "date%d" % i, b"\x01" + d)
    for i, a in enumerate(AUTHORS):
        write("fuzz_metadata", "author%d" % i, b"\x02" + a)
    for i, l in enumerate(LANGS):
        write("fuzz_metadata", "lang%d" % i, b"\x03" + l)
    for i, u in enumerate(URLS):
        write("fuzz_metadata", "url%d" % i, b"\x04" + u)
    write("fuzz_metadata", "url-split", b"\x04https://example.org/a/b ../c")
    for i, t in enumerate(TEXT):
        write("fuzz_metadata", "text%d" % i, b"\x05" + t)
    # WARC: the committed fixture, and small plain / whole-gzip files made by
    # tools/mkwarc.py from one small page (the first byte picks the body cap).
    gz = open(os.path.join(ROOT, "tests", "fixtures", "warc", "two-pages.warc.gz"), "rb").read()
    write("fuzz_warc", "two-pages.warc.gz", b"\x07" + gz)
    small = os.path.join(ROOT, "tests", "fixtures", "cli", "page.html")
    for flag in ("--plain", "--whole-gzip"):
        out = os.path.join(SEEDS, "tmp.warc")
        subprocess.run([sys.executable, os.path.join(ROOT, "tools", "mkwarc.py"), "-o", out, flag,
                        "--non-html", small], check=True)
        write("fuzz_warc", "page%s.warc" % flag.replace("--", "-"), b"\x07" + open(out, "rb").read())
        os.remove(out)
    write("fuzz_warc", "ten-tb.warc", b"\x07WARC/1.1\r\nWARC-Type: response\r\nContent-Length: "
          b"10995116277760\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x")
    write("fuzz_warc", "chunked.warc", b"\x03WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 90\r\n\r\n"
          b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n"
          b"5\r\n<p>hi\r\n0\r\n\r\n\r\n\r\n")
    n = sum(len(files) for _, _, files in os.walk(SEEDS))
    print("make_seeds: %d seed files under %s" % (n, SEEDS))


if __name__ == "__main__":
    main()
