#!/usr/bin/env python3
"""Split WCXB per-page scores (bench/score_wcxb.py --per-page TSV) into two halves by a
hash of the page id, to compare the half used for tuning with the other.
usage: wcxb_split.py PER_PAGE.tsv"""
import csv, sys, zlib
from collections import defaultdict

rows = list(csv.DictReader(open(sys.argv[1]), delimiter='\t'))
halves = defaultdict(list)
for r in rows:
    halves['A' if zlib.crc32(r['id'].encode()) % 2 == 0 else 'B'].append(r)
for h in sorted(halves):
    v = halves[h]
    by = defaultdict(list)
    for r in v:
        by[r['type']].append(float(r['f1']))
    f1 = sum(float(r['f1']) for r in v) / len(v)
    types = '  '.join(f'{t} {sum(x)/len(x):.3f}' for t, x in sorted(by.items()))
    print(f'half {h}: n={len(v)} f1 {f1:.3f}   {types}')
