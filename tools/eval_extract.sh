#!/bin/sh
# Evaluate extraction on the shared sets (dev only: runs build/devdriver from
# /work/devshim while metadata is not on main -- link it with a stand-in for
# any stage still missing, e.g. wn_url_resolve -- and needs ../shared).
# usage: tools/eval_extract.sh [zyte|wcxb|all]   (DRIVER=... to use another)
set -e
WT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${WN_SHARED:-$WT/../shared}
DRIVER=${DRIVER:-$WT/build/devdriver}
what=${1:-all}
if [ "$what" = zyte ] || [ "$what" = all ]; then
    rm -rf /tmp/wn_zyte && mkdir -p /tmp/wn_zyte
    "$DRIVER" -f text -o /tmp/wn_zyte "$SHARED"/datasets/zyte/html/*.html
    /usr/bin/python3 "$SHARED"/datasets/zyte/score.py /tmp/wn_zyte
fi
if [ "$what" = wcxb ] || [ "$what" = all ]; then
    rm -rf /tmp/wn_wcxb && mkdir -p /tmp/wn_wcxb
    "$DRIVER" -f text -o /tmp/wn_wcxb "$SHARED"/datasets/wcxb-dev/html/*.html.gz
    /usr/bin/python3 "$SHARED"/datasets/wcxb-dev/score.py /tmp/wn_wcxb --per-page /tmp/wn_wcxb.csv
fi
