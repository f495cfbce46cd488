"""winnow: turn a web page into the article it carries.

    import winnow
    doc = winnow.extract(open("page.html", "rb").read(), url="https://example.org/page")
    print(doc["title"], doc["authors"], doc["date_published"])
    print(doc["text"])

extract() releases the GIL while it works, so a thread pool scales across cores.
"""
from ._winnow import WinnowError, __version__, extract

__all__ = ["extract", "WinnowError", "__version__"]
