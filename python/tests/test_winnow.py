"""Tests of the winnow Python package: extract(), iter_warc(), winnow.dask.

unittest; pytest runs them too (tests/test_python.sh does, under ctest). The
package is imported from PYTHONPATH when it is there (an installed or
separately built copy), else from the source tree (after `make python`).
"""
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
try:
    import winnow
except ImportError:
    sys.path.insert(0, os.path.dirname(HERE))
    import winnow

MKWARC = os.path.join(ROOT, "tools", "mkwarc.py")

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
WARC_KEYS = ["input", "warc_target_uri", "warc_record_id", "warc_date", "http_status", "error"]


def page(i, words=""):
    """A distinct small article page."""
    return (b"<!DOCTYPE html><html><head><title>Story %d</title></head><body><article>"
            b"<h1>Story %d</h1><p>Story number %d tells of a river that changed course %s "
            b"and the town that moved to follow it, one house at a time, over %d winters.</p>"
            b"<p>The second paragraph of story %d adds the names of the families.</p>"
            b"</article></body></html>" % (i, i, i, words.encode(), i + 2, i))


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
        self.assertNotIn("markdown", doc)

    def test_dict_agrees_with_the_json_output(self):
        url = "https://harbour.example/news/keepers"
        doc = winnow.extract(PAGE, url=url, markdown=True)
        out = json.loads(winnow.extract(PAGE, url=url, format="json", markdown=True))
        self.assertEqual(sorted(out), sorted(doc))
        self.assertEqual(out, doc)

    def test_input_types_agree(self):
        want = winnow.extract(PAGE)
        self.assertEqual(winnow.extract(PAGE.decode("utf-8")), want)
        self.assertEqual(winnow.extract(bytearray(PAGE)), want)
        self.assertEqual(winnow.extract(memoryview(PAGE)), want)

    def test_formats(self):
        md = winnow.extract(PAGE, format="markdown")
        self.assertIn("resident keepers", md["markdown"])
        self.assertIn("resident keepers", md["text"])
        html = winnow.extract(PAGE, format="html")
        self.assertIn("<p>", html["html"])
        self.assertNotIn("<script", html["html"])
        self.assertIn("markdown", winnow.extract(PAGE, markdown=True))
        self.assertIsInstance(winnow.extract(PAGE, format="json"), str)
        with self.assertRaises(ValueError):
            winnow.extract(PAGE, format="pdf")

    def test_options(self):
        self.assertEqual(winnow.extract(PAGE, metadata=False)["authors"], [])
        for flag in ("precision", "recall", "links", "images", "tables", "captions"):
            for value in (False, True):
                self.assertIn("resident keepers", winnow.extract(PAGE, **{flag: value})["text"])
        # captions: None (the default) as the format decides, True keeps an
        # article's, False drops them everywhere
        cap = "The mill wheel in 1950"
        ex = ("<html><body><article><h1>Mill to turn again</h1>"
              + "<p>The council met on Tuesday and voted to restore the old tidal mill, which has "
                "stood idle for decades.</p>" * 3
              + "<figure><img src='/w.jpg' alt=''><figcaption>" + cap + ", before the flood."
                "</figcaption></figure><p>Work starts in the autumn, once the pond has been "
                "drained.</p></article></body></html>").encode()
        self.assertNotIn(cap, winnow.extract(ex)["text"])
        self.assertNotIn(cap, winnow.extract(ex, captions=None)["text"])
        self.assertIn(cap, winnow.extract(ex, captions=True)["text"])
        self.assertIn(cap, winnow.extract(ex, format="markdown")["markdown"])
        self.assertNotIn(cap, winnow.extract(ex, format="markdown", captions=False)["markdown"])
        with self.assertRaises(TypeError):
            winnow.extract(PAGE, "https://a.example/", "text", True)  # flags are keyword-only
        with self.assertRaises(TypeError):
            winnow.extract(PAGE, colour=True)

    def test_encodings(self):
        page_1251 = ("<html><head><meta charset='windows-1251'></head><body><p>"
                     + "Привет, мир. " * 20 + "</p></body></html>").encode("windows-1251")
        self.assertIn("Привет", winnow.extract(page_1251)["text"])
        latin = "<html><body><p>" + "Café crème, déjà vu. " * 20 + "</p></body></html>"
        self.assertIn("Café", winnow.extract(latin.encode("latin-1"), charset="iso-8859-1")["text"])
        # a str is text already: a stale charset label inside it is ignored
        stale = "<meta charset='windows-1251'>" + latin
        self.assertIn("Café", winnow.extract(stale)["text"])

    def test_bad_input_types(self):
        for bad in (12345, None, ["<p>x</p>"]):
            with self.assertRaises(TypeError):
                winnow.extract(bad)

    def test_empty_page_is_not_an_error(self):
        doc = winnow.extract(b"", url="https://example.org/empty")
        self.assertEqual(doc["text"], "")
        self.assertEqual(doc["word_count"], 0)

    def test_errors_name_the_input(self):
        with self.assertRaises(winnow.WinnowError) as cm:
            winnow.extract(PAGE, url="https://harbour.example/big", max_input=100)
        e = cm.exception
        self.assertEqual(e.input, "https://harbour.example/big")
        self.assertTrue(str(e).startswith("https://harbour.example/big: "), str(e))
        self.assertIn("limit", e.message)
        self.assertEqual(e.code, 3)  # WN_ERR_LIMIT
        with self.assertRaises(winnow.WinnowError) as cm:
            winnow.extract(PAGE, max_input=100)
        self.assertEqual(cm.exception.input, "<bytes>")
        with self.assertRaises(winnow.WinnowError) as cm:
            winnow.extract(b"<div>" * 100000, max_memory=64 * 1024)
        self.assertEqual(cm.exception.code, 3)
        with self.assertRaises(ValueError):
            winnow.extract(PAGE, max_input=-1)

    def test_hostile_input_does_not_crash(self):
        for html in (b"<div>" * 200000, b"<a " + b"x=1 " * 100000 + b">", b"\xff\xfe\x00<",
                     bytes(range(256)) * 100):
            doc = winnow.extract(html)
            self.assertIsInstance(doc["text"], str)

    def test_threads_give_the_same_results(self):
        pages = [PAGE.replace(b"forty", str(i).encode()) for i in range(64)]
        serial = [winnow.extract(p) for p in pages]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            threaded = list(pool.map(winnow.extract, pages))
        self.assertEqual(serial, threaded)

    def test_gil_is_released(self):
        # While one thread is inside extract(), this thread keeps running. The
        # worker notes when each call starts and ends; this thread notes the
        # time as fast as it can. Its running time inside the calls is the sum
        # of the short steps between its notes there. With the GIL held
        # through a call, it could run only at the call's edges (where the
        # worker may be switched out before or after calling): about 0.1% of
        # the calls' time, measured with a C function that holds the GIL. With
        # the GIL released, it runs for as long as the machine gives it a core
        # (a quarter of the time with four other busy processes on two cores).
        # No speed is asserted, only whether it ran.
        big = b"<html><body>" + b"".join(page(i) for i in range(30000)) + b"</body></html>"
        windows, ticks = [], []
        done = threading.Event()

        def work():
            for _ in range(3):
                t_in = time.perf_counter()
                winnow.extract(big)
                windows.append((t_in, time.perf_counter()))
            done.set()

        old = sys.getswitchinterval()
        sys.setswitchinterval(0.001)
        try:
            t = threading.Thread(target=work)
            t.start()
            while not done.is_set():
                ticks.append(time.perf_counter())
            t.join()
        finally:
            sys.setswitchinterval(old)
        ran = 0.0
        for a, b in windows:
            inside = [x for x in ticks if a < x < b]
            ran += sum(y - x for x, y in zip(inside, inside[1:]) if y - x < 0.001)
        share = ran / sum(b - a for a, b in windows)
        self.assertGreater(share, 0.02, "this thread ran %.2f%% of the time extract() took"
                           % (100 * share))


def mkwarc(out, files, *flags):
    subprocess.run([sys.executable, MKWARC, "-o", out, *flags, *files], check=True)


@unittest.skipUnless(os.path.exists(MKWARC), "tools/mkwarc.py is missing")
class WarcTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="winnow-pytest-")
        self.pages = []
        for i in range(5):
            path = os.path.join(self.dir, "story%d.html" % i)
            with open(path, "wb") as f:
                f.write(page(i))
            self.pages.append(path)
        self.warc = os.path.join(self.dir, "a.warc.gz")
        mkwarc(self.warc, self.pages, "--non-html")

    def tearDown(self):
        shutil.rmtree(self.dir)

    def test_pages_in_order_with_warc_keys(self):
        docs = list(winnow.iter_warc(self.warc))
        self.assertEqual(len(docs), len(self.pages))  # the PNG and the 404 are skipped
        for i, doc in enumerate(docs):
            for key in KEYS + WARC_KEYS:
                self.assertIn(key, doc)
            uri = "http://example.test/story%d.html" % i
            self.assertIsNone(doc["error"])
            self.assertEqual(doc["input"], self.warc)
            self.assertEqual(doc["warc_target_uri"], uri)
            self.assertEqual(doc["http_status"], 200)
            self.assertTrue(doc["warc_record_id"].startswith("<urn:uuid:"))
            self.assertTrue(doc["warc_date"].startswith("2024-01-01T"))
            self.assertIn("Story number %d " % i, doc["text"])
            alone = winnow.extract(page(i), url=uri, charset="utf-8")
            self.assertEqual({k: doc[k] for k in KEYS}, alone)

    def test_layouts_and_stats(self):
        def records(path):
            return [{k: v for k, v in d.items() if k != "input"} for d in winnow.iter_warc(path)]

        want = records(self.warc)
        for flag in ("--plain", "--whole-gzip"):
            other = os.path.join(self.dir, "b.warc")
            mkwarc(other, self.pages, "--non-html", flag)
            self.assertEqual(records(other), want)
        it = winnow.iter_warc(self.warc, format="markdown")
        first = next(it)
        self.assertIn("Story number 0", first["markdown"])
        rest = list(it)
        self.assertEqual(len(rest), 4)
        self.assertEqual(list(it), [])
        s = it.stats
        self.assertEqual(s["html"], 5)
        self.assertEqual(s["failed"], 0)
        self.assertEqual(s["records"], s["html"] + s["skipped"] + s["failed"])
        self.assertGreater(s["raw_bytes"], 0)
        with winnow.iter_warc(self.warc) as it2:
            next(it2)
        self.assertEqual(list(it2), [])  # closed

    def test_bad_record_yields_an_error_and_reading_goes_on(self):
        with open(self.warc, "rb") as f:
            good = f.read()
        bad = os.path.join(self.dir, "bad.warc.gz")
        with open(bad, "wb") as f:
            # a gzip member whose deflate data is garbage, between two files
            f.write(good + b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + b"\xff" * 200 + good)
        docs = list(winnow.iter_warc(bad))
        errors = [d for d in docs if d["error"] is not None]
        self.assertGreaterEqual(len(errors), 1)
        for key in ["url", "status"] + WARC_KEYS:
            self.assertIn(key, errors[0])
        self.assertEqual(errors[0]["input"], bad)
        self.assertEqual(len([d for d in docs if d["error"] is None]), 10)
        with self.assertRaises(winnow.WinnowError) as cm:
            list(winnow.iter_warc(bad, errors="raise"))
        self.assertTrue(cm.exception.input.startswith(bad + ": "), cm.exception.input)

    def test_extraction_error_in_a_record(self):
        docs = list(winnow.iter_warc(self.warc, max_input=100))
        self.assertEqual(len(docs), 5)
        for doc in docs:
            self.assertIn("limit", doc["error"])
            self.assertEqual(doc["status"], "limit exceeded")
            self.assertTrue(doc["url"].startswith("http://example.test/story"))

    def test_open_errors(self):
        with self.assertRaises(FileNotFoundError):
            winnow.iter_warc(os.path.join(self.dir, "missing.warc.gz"))
        with self.assertRaises(winnow.WinnowError) as cm:
            winnow.iter_warc(self.pages[0])
        self.assertEqual(cm.exception.input, self.pages[0])
        with self.assertRaises(ValueError):
            winnow.iter_warc(self.warc, format="json")
        with self.assertRaises(ValueError):
            winnow.iter_warc(self.warc, errors="ignore")

    def test_threads_over_files(self):
        warcs = []
        for n in range(4):
            w = os.path.join(self.dir, "t%d.warc.gz" % n)
            mkwarc(w, self.pages[n:] + self.pages[:n])
            warcs.append(w)
        serial = [list(winnow.iter_warc(w)) for w in warcs]
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            threaded = list(pool.map(lambda w: list(winnow.iter_warc(w)), warcs))
        self.assertEqual(serial, threaded)


def have_dask():
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


@unittest.skipUnless(os.path.exists(MKWARC), "tools/mkwarc.py is missing")
@unittest.skipUnless(have_dask(), "python3-dask / python3-distributed are not installed")
class DaskTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="winnow-dask-")
        self.warcs = []
        for n in range(4):
            files = []
            for i in range(6):
                path = os.path.join(self.dir, "w%d-%d.html" % (n, i))
                with open(path, "wb") as f:
                    f.write(page(10 * n + i, "in warc %d" % n))
                files.append(path)
            w = os.path.join(self.dir, "crawl-%d.warc.gz" % n)
            mkwarc(w, files, "--non-html", "--base-url", "http://w%d.example/" % n)
            self.warcs.append(w)

    def tearDown(self):
        shutil.rmtree(self.dir)

    def single_process(self, **opts):
        return [d for w in self.warcs for d in winnow.iter_warc(w, **opts)]

    def test_bag_in_process(self):
        import winnow.dask
        bag = winnow.dask.extract_warcs(self.warcs, format="markdown")
        self.assertEqual(bag.npartitions, 4)
        self.assertEqual(bag.compute(scheduler="sync"), self.single_process(format="markdown"))
        self.assertEqual(winnow.dask.extract_warcs([]).compute(scheduler="sync"), [])

    def test_local_cluster_equals_single_process(self):
        import winnow.dask
        from distributed import Client, LocalCluster
        # the worker processes import winnow from where this process found it
        pkg_parent = os.path.dirname(os.path.dirname(os.path.abspath(winnow.__file__)))
        old = os.environ.get("PYTHONPATH")
        os.environ["PYTHONPATH"] = pkg_parent + (os.pathsep + old if old else "")
        try:
            with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                              dashboard_address=None, silence_logs=40) as cluster, \
                    Client(cluster, timeout=60) as client:
                bag = winnow.dask.extract_warcs(self.warcs)
                got = client.compute(bag).result(timeout=120)
                workers = client.run(os.getpid)
        finally:
            if old is None:
                del os.environ["PYTHONPATH"]
            else:
                os.environ["PYTHONPATH"] = old
        self.assertEqual(len(workers), 2)
        self.assertNotIn(os.getpid(), workers.values())
        want = self.single_process()
        self.assertEqual(len(want), 24)
        self.assertEqual(got, want)


if __name__ == "__main__":
    unittest.main()
