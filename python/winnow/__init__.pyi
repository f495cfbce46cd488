import os
from types import TracebackType
from typing import Iterator, List, Literal, Optional, Type, TypedDict, Union, overload

__version__: str

class Image(TypedDict):
    url: str
    caption: Optional[str]

PageType = Literal["article", "forum", "product", "collection", "listing", "documentation",
                   "service", "other"]

class _ResultBase(TypedDict):
    url: Optional[str]
    title: Optional[str]
    authors: List[str]
    date_published: Optional[str]
    date_modified: Optional[str]
    site_name: Optional[str]
    section: Optional[str]
    tags: List[str]
    description: Optional[str]
    language: Optional[str]
    image: Optional[Image]
    page_type: PageType
    text: str
    word_count: int

class Result(_ResultBase, total=False):
    markdown: str  # format="markdown" or markdown=True
    html: str      # format="html"

class _WarcResultBase(Result):
    input: str                       # the WARC file, as given
    warc_target_uri: Optional[str]
    warc_record_id: Optional[str]
    warc_date: Optional[str]
    http_status: Optional[int]
    error: None

class WarcResult(_WarcResultBase):
    """A page of a WARC file (error is None)."""

class WarcError(TypedDict):
    """A record that could not be read or extracted (iter_warc errors="yield")."""
    url: Optional[str]
    input: str
    warc_target_uri: Optional[str]
    warc_record_id: Optional[str]
    warc_date: Optional[str]
    http_status: Optional[int]
    error: str   # the reason
    status: str  # wn_status_str(): "limit exceeded", "bad input format", ...

class WarcStats(TypedDict):
    records: int
    html: int
    skipped: int
    failed: int
    raw_bytes: int

class WinnowError(Exception):
    input: str    # the URL given, "<bytes>"/"<str>", or "file.warc.gz: target URI"
    code: int     # the wn_status (include/winnow.h)
    message: str  # the reason, without the input

Html = Union[bytes, bytearray, memoryview, str]
Format = Literal["text", "markdown", "html"]

@overload
def extract(html: Html, url: Optional[str] = ..., format: Format = ..., *,
            precision: bool = ..., recall: bool = ..., links: bool = ..., images: bool = ...,
            tables: bool = ..., captions: Optional[bool] = ..., markdown: bool = ...,
            metadata: bool = ..., charset: Optional[str] = ..., max_input: Optional[int] = ...,
            max_memory: Optional[int] = ...) -> Result: ...
@overload
def extract(html: Html, url: Optional[str], format: Literal["json"], *,
            precision: bool = ..., recall: bool = ..., links: bool = ..., images: bool = ...,
            tables: bool = ..., captions: Optional[bool] = ..., markdown: bool = ...,
            metadata: bool = ..., charset: Optional[str] = ..., max_input: Optional[int] = ...,
            max_memory: Optional[int] = ...) -> str: ...
@overload
def extract(html: Html, url: Optional[str] = ..., *, format: Literal["json"],
            precision: bool = ..., recall: bool = ..., links: bool = ..., images: bool = ...,
            tables: bool = ..., captions: Optional[bool] = ..., markdown: bool = ...,
            metadata: bool = ..., charset: Optional[str] = ..., max_input: Optional[int] = ...,
            max_memory: Optional[int] = ...) -> str: ...

class WarcIterator(Iterator[Union[WarcResult, WarcError]]):
    stats: WarcStats
    def __iter__(self) -> "WarcIterator": ...
    def __next__(self) -> Union[WarcResult, WarcError]: ...
    def close(self) -> None: ...
    def __enter__(self) -> "WarcIterator": ...
    def __exit__(self, t: Optional[Type[BaseException]], v: Optional[BaseException],
                 tb: Optional[TracebackType]) -> bool: ...

def iter_warc(path: Union[str, bytes, "os.PathLike[str]"], format: Format = ..., *,
              precision: bool = ..., recall: bool = ..., links: bool = ..., images: bool = ...,
              tables: bool = ..., captions: Optional[bool] = ..., markdown: bool = ...,
              metadata: bool = ..., errors: Literal["yield", "raise"] = ...,
              max_input: Optional[int] = ..., max_memory: Optional[int] = ...) -> WarcIterator: ...
