"""Build the winnow Python package: a CPython extension that compiles libwinnow's
sources in (no separate install of the C library needed).

    make python                                  # builds in place (python/winnow/)
    pip install --no-build-isolation ./python    # into a virtualenv

Needs Debian's python3-dev, python3-setuptools, zlib1g-dev, libdeflate-dev and libuchardet-dev
(tools/install-deps.sh installs them). winnow.dask needs python3-dask (and
python3-distributed for a cluster). See docs/PYTHON.md.
"""
import glob
import os

from setuptools import Extension, setup

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def rel(path):
    return os.path.relpath(path, here)


sources = [rel(os.path.join(here, "winnow", "_winnow.c"))]
sources += sorted(rel(p) for p in glob.glob(os.path.join(root, "src", "**", "*.c"), recursive=True))
# headers: a changed header rebuilds the extension (setuptools compares times)
depends = sorted(rel(p) for p in glob.glob(os.path.join(root, "src", "**", "*.h"), recursive=True))
depends += [rel(os.path.join(root, "include", "winnow.h"))]

ext = Extension(
    "winnow._winnow",
    sources=sources,
    depends=depends,
    include_dirs=[rel(os.path.join(root, "include")), rel(os.path.join(root, "src")),
                  "/usr/include/uchardet"],
    libraries=["uchardet", "deflate", "z", "m", "pthread"],
    define_macros=[("_POSIX_C_SOURCE", "200809L"), ("_DEFAULT_SOURCE", None)],
    extra_compile_args=["-std=c11", "-O2", "-fvisibility=hidden", "-Wall", "-Wno-unused-parameter"],
)

setup(
    name="winnow",
    version="0.1.0",
    description="Turn a web page into the article it carries (bindings of libwinnow)",
    packages=["winnow"],
    package_data={"winnow": ["__init__.pyi", "dask.pyi", "py.typed"]},
    ext_modules=[ext],
    python_requires=">=3.9",
)
