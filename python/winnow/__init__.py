"""winnow: turn a web page into the article it carries.

    import winnow
    doc = winnow.extract(open("page.html", "rb").read(), url="https://example.org/page")
    print(doc["title"], doc["authors"], doc["date_published"])
    print(doc["text"])

    for doc in winnow.iter_warc("crawl.warc.gz"):     # one dict per HTML page
        if doc["error"] is None:
            print(doc["url"], doc["word_count"])

extract() and iter_warc() release the GIL while libwinnow works, so a thread pool
scales across cores. winnow.dask.extract_warcs() spreads WARC files over a Dask
cluster (needs dask[bag]; imported only when used).
"""
from ._winnow import WarcIterator, WinnowError, __version__, extract, iter_warc

__all__ = ["extract", "iter_warc", "WarcIterator", "WinnowError", "__version__"]
