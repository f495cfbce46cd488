import os
from typing import Any, Iterable, List, Union

import dask.bag

from . import WarcError, WarcResult

_Path = Union[str, "os.PathLike[str]"]

def extract_warc_file(path: _Path, **opts: Any) -> List[Union[WarcResult, WarcError]]: ...
def extract_warcs(paths: Union[_Path, Iterable[_Path]], **opts: Any) -> dask.bag.Bag: ...
