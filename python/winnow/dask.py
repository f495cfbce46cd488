"""winnow.dask: extract WARC files on a Dask cluster.

    from dask.distributed import Client
    import winnow.dask
    client = Client("tcp://scheduler:8786")        # or a LocalCluster
    bag = winnow.dask.extract_warcs(["a.warc.gz", "b.warc.gz"], format="markdown")
    bag.filter(lambda d: d["error"] is None).pluck("text").take(3)

Each WARC file is one partition: a worker reads it with winnow.iter_warc, so
only paths travel to the workers (every worker must see the files: a shared
file system, or the same paths on each machine). The bag's items are the
dicts iter_warc yields, in file order and, within a file, in record order, so
computing the bag gives the same list as iterating the files one after the
other in one process.
"""
import functools
import os

import dask.bag

from ._winnow import iter_warc

__all__ = ["extract_warcs", "extract_warc_file"]


def extract_warc_file(path, **opts):
    """All of iter_warc(path, **opts) as a list (what one partition holds)."""
    with iter_warc(path, **opts) as records:
        return list(records)


def _extract_partition(paths, opts=None):
    out = []
    for path in paths:
        out.extend(extract_warc_file(path, **(opts or {})))
    return out


def extract_warcs(paths, **opts):
    """A dask.bag of the dicts iter_warc(path, **opts) yields for every path.

    paths: WARC file paths (str or os.PathLike), one partition per file.
    opts:  the keyword options of winnow.iter_warc (format, errors, precision, ...).
    Nothing runs until the bag is computed (on the current Dask scheduler or
    distributed Client)."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    paths = [os.fspath(p) for p in paths]
    if not paths:
        return dask.bag.from_sequence([], npartitions=1)
    files = dask.bag.from_sequence(paths, npartitions=len(paths))
    # the options travel inside a partial: as a plain argument, dask would
    # look into the dict for task keys
    return files.map_partitions(functools.partial(_extract_partition, opts=dict(opts)))
