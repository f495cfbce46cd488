#!/bin/sh
# Install the Debian packages winnow's build, tests and benchmarks need, when
# they are missing. Runs apt-get only if something is absent (needs root, or
# sudo). Usage: tools/install-deps.sh [build|bench|all]
set -e
what=${1:-build}
pkgs="gcc clang cmake make pkg-config zlib1g-dev libdeflate-dev libuchardet-dev libcurl4-openssl-dev"
# the Python package and its tests (tests/test_python.sh, docs/PYTHON.md)
pkgs="$pkgs python3-dev python3-setuptools python3-pytest python3-dask python3-distributed"
# tests/test_json_schema.sh validates the JSON lines against docs/json-schema.json
pkgs="$pkgs python3-jsonschema"
# tests/test_parallel.sh runs GNU parallel over WARC files (docs/SCALING.md)
pkgs="$pkgs parallel"
case "$what" in
  bench|all) pkgs="$pkgs libxml2-dev gnuplot-nox python3-readability python3-html2text libboilerpipe-java valgrind time" ;;
esac
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "install-deps: installing:$missing" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
