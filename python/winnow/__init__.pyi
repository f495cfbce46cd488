from typing import Any, Dict, List, Literal, Optional, TypedDict, Union

__version__: str

class Image(TypedDict):
    url: str
    caption: Optional[str]

class Result(TypedDict, total=False):
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
    page_type: Literal["article", "forum", "product", "collection", "listing",
                       "documentation", "service", "other"]
    text: str
    markdown: str
    html: str
    word_count: int

class WinnowError(Exception):
    input: str
    code: int

def extract(html: Union[bytes, bytearray, memoryview, str], url: Optional[str] = ...,
            format: Literal["text", "markdown", "html", "json"] = ..., *,
            precision: bool = ..., recall: bool = ..., links: bool = ..., images: bool = ...,
            tables: bool = ..., captions: bool = ..., markdown: bool = ...,
            charset: Optional[str] = ...) -> Any: ...
