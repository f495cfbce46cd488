"""Tests of the winnow Python package (unittest; pytest runs them too)."""
import concurrent.futures
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import winnow  # noqa: E402

PAGE = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Lighthouse keepers return | Harbour Weekly</title>
<meta property="og:site_name" content="Harbour Weekly">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Lighthouse keepers return",
 "datePublished": "2024-05-02", "author": {"@type": "Person", "name": "Ruth Amsel"}}</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article><h1>Lighthouse keepers return</h1>
<p>For the first time in forty years, the lighthouse on the north cape has resident keepers again,
after the coastguard found that automated lamps failed too often in winter storms.</p>
<p>The two keepers, a married couple from the village, will live in the cottage beside the tower
and climb its 118 steps each evening to check the lamp and the fog signal.</p>
<p>"It is a job people thought had gone for good," said the harbour master, who pushed for the change.</p>
</article>
<footer><p>Copyright Harbour Weekly</p></footer></body></html>"""

KEYS = ["url", "title", "authors", "date_published", "date_modified", "site_name", "section",
        "tags", "description", "language", "image", "page_type", "text", "word_count"]


class ExtractTest(unittest.TestCase):
    def test_dict_has_the_json_keys(self):
        doc = winnow.extract(PAGE, url="https://harbour.example/news/keepers")
        for key in KEYS:
            self.assertIn(key, doc)
        self.assertIn("resident keepers", doc["text"])
        self.assertNotIn("Copyright", doc["text"])
        self.assertEqual(doc["title"], "Lighthouse keepers return")
        self.assertEqual(doc["authors"], ["Ruth Amsel"])
        self.assertTrue(doc["date_published"].startswith("2024-05-02"))
        self.assertGreater(doc["word_count"], 40)

    def test_str_input_equals_bytes_input(self):
        self.assertEqual(winnow.extract(PAGE.decode("utf-8")), winnow.extract(PAGE))

    def test_formats(self):
        md = winnow.extract(PAGE, format="markdown")
        self.assertIn("markdown", md)
        self.assertIn("resident keepers", md["markdown"])
        html = winnow.extract(PAGE, format="html")
        self.assertIn("<p>", html["html"])
        text = winnow.extract(PAGE, format="json")
        self.assertEqual(list(json.loads(text).keys())[:3], ["url", "title", "authors"])
        with self.assertRaises(ValueError):
            winnow.extract(PAGE, format="pdf")

    def test_encodings(self):
        page = ("<html><head><meta charset='windows-1251'></head><body><p>"
                + "Привет, мир. " * 20 + "</p></body></html>").encode("windows-1251")
        self.assertIn("Привет", winnow.extract(page)["text"])

    def test_bad_input_types(self):
        with self.assertRaises(TypeError):
            winnow.extract(12345)

    def test_threads_give_the_same_results(self):
        pages = [PAGE.replace(b"forty", str(i).encode()) for i in range(64)]
        serial = [winnow.extract(p) for p in pages]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            threaded = list(pool.map(winnow.extract, pages))
        self.assertEqual(serial, threaded)

    def test_error_names_the_input(self):
        # the declared base URL appears in the error; an empty page is not an error
        doc = winnow.extract(b"", url="https://example.org/empty")
        self.assertEqual(doc["text"], "")


if __name__ == "__main__":
    unittest.main()
