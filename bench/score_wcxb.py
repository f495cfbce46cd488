#!/usr/bin/python3
"""score_wcxb.py - winnow's scorer for the WCXB development split.

    /usr/bin/python3 bench/score_wcxb.py PRED_DIR [--gt GT_DIR] [--json OUT]
                                         [--per-page OUT.tsv]

PRED_DIR/<id>.txt holds the extracted main text of page <id> (missing = empty);
PRED_DIR/<id>.json, when present, is winnow's JSON output (or anything with the
keys title, authors, date_published, date_modified, page_type) and is scored
for metadata. --gt defaults to $WN_SHARED/datasets/wcxb-dev/ground-truth.

The metric, as the dataset README defines it:
  * words are the lower-cased maximal runs of Unicode word characters;
  * per page, as bags of words: precision = common / predicted words,
    recall = common / truth words, F1 their harmonic mean; a page whose truth
    has no words scores 1 if the prediction has none either, else 0; an empty
    prediction scores 0;
  * each figure is the mean over pages, overall and per page type (the type
    is _internal.page_type.primary; "category" counts as "collection");
  * `with` snippets: the share of them found (case-insensitive substring) in
    the prediction; `without` snippets: the share leaked into it (lower is
    better); a page without snippets of a kind counts 1 resp. 0;
  * metadata, over pages whose truth has the field: title equal as a word
    sequence (after NFKC); authors equal as a set of names (a byline is split
    at , ; & "and" "und" "et"); the date equal to the day to date_published
    or date_modified; page type equal, over pages whose prediction names one.
"""
import argparse
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

WORD = re.compile(r'\w+')
NAME_SPLIT = re.compile(r'\s*(?:[,;&]|\band\b|\bund\b|\bet\b)\s*')


def words(text):
    return WORD.findall((text or '').lower())


def bag_prf(pred, truth):
    """(precision, recall, f1) of two texts as bags of words."""
    pw, tw = words(pred), words(truth)
    if not tw:
        return (1.0, 1.0, 1.0) if not pw else (0.0, 0.0, 0.0)
    if not pw:
        return 0.0, 0.0, 0.0
    common = sum((Counter(pw) & Counter(tw)).values())
    p, r = common / len(pw), common / len(tw)
    return p, r, (2 * p * r / (p + r) if common else 0.0)


def phrase(text):
    """A string as a normalised word sequence, for title and name equality."""
    return ' '.join(words(unicodedata.normalize('NFKC', text or '')))


def name_set(byline):
    out = set()
    for part in NAME_SPLIT.split(byline or ''):
        n = phrase(part)
        if n:
            out.add(n)
    return out


def page_type_of(record):
    pt = (record.get('_internal') or {}).get('page_type')
    if isinstance(pt, dict):
        pt = pt.get('primary')
    pt = pt or 'article'
    return 'collection' if pt == 'category' else pt


def snippet_rates(pred, with_, without):
    low = pred.lower()
    found = sum(s.lower() in low for s in with_) / len(with_) if with_ else 1.0
    leaked = sum(s.lower() in low for s in without) / len(without) if without else 0.0
    return found, leaked


def metadata_checks(pred_meta, truth, ptype):
    """{field: bool} for each metadata field that can be judged on this page."""
    out = {}
    if truth.get('title'):
        out['title'] = phrase(pred_meta.get('title')) == phrase(truth['title'])
    if truth.get('author'):
        got = set()
        for a in pred_meta.get('authors') or []:
            got |= name_set(a)
        out['author'] = got == name_set(truth['author'])
    if truth.get('publish_date'):
        day = str(truth['publish_date'])[:10]
        out['date'] = day in (str(pred_meta.get('date_published') or '')[:10],
                              str(pred_meta.get('date_modified') or '')[:10])
    if pred_meta.get('page_type'):
        out['page_type'] = pred_meta['page_type'] == ptype
    return out


def read_text(path):
    if not os.path.isfile(path):
        return ''
    with open(path, 'rb') as f:
        return f.read().decode('utf-8', 'replace')


def mean(rows, key):
    return sum(r[key] for r in rows) / len(rows) if rows else 0.0


def score(gt_dir, pred_dir, only=None):
    rows, meta = [], defaultdict(lambda: [0, 0])  # field -> [right, judged]
    for name in sorted(os.listdir(gt_dir)):
        if not name.endswith('.json'):
            continue
        pid = name[:-5]
        if only is not None and pid not in only:
            continue
        with open(os.path.join(gt_dir, name), encoding='utf-8') as f:
            record = json.load(f)
        truth = record.get('ground_truth') or {}
        ptype = page_type_of(record)
        pred = read_text(os.path.join(pred_dir, pid + '.txt'))
        p, r, f1 = bag_prf(pred, truth.get('main_content'))
        found, leaked = snippet_rates(pred, truth.get('with') or [], truth.get('without') or [])
        rows.append({'id': pid, 'type': ptype, 'p': p, 'r': r, 'f1': f1, 'with': found,
                     'without': leaked, 'empty': not pred.strip()})
        jpath = os.path.join(pred_dir, pid + '.json')
        if os.path.isfile(jpath):
            try:
                with open(jpath, encoding='utf-8') as f:
                    pred_meta = json.load(f)
            except (ValueError, UnicodeDecodeError):
                pred_meta = {}
            if not isinstance(pred_meta, dict):
                pred_meta = {}
            for field, ok in metadata_checks(pred_meta, truth, ptype).items():
                meta[field][0] += ok
                meta[field][1] += 1
    by_type = defaultdict(list)
    for r in rows:
        by_type[r['type']].append(r)
    summary = {
        'pages': len(rows), 'empty': sum(r['empty'] for r in rows),
        'f1': mean(rows, 'f1'), 'precision': mean(rows, 'p'), 'recall': mean(rows, 'r'),
        'with': mean(rows, 'with'), 'without': mean(rows, 'without'),
        'types': {t: {'n': len(v), 'f1': mean(v, 'f1')} for t, v in by_type.items()},
        'metadata': {k: {'n': v[1], 'ok': v[0] / v[1]} for k, v in meta.items() if v[1]},
    }
    return summary, rows


def page_ids(list_file):
    """The page ids named in a file of paths or ids (dataset/html/<id>.html[.gz])."""
    out = set()
    with open(list_file, encoding='utf-8') as f:
        for line in f:
            name = os.path.basename(line.strip())
            if name:
                out.add(re.sub(r'\.html?$', '', re.sub(r'\.gz$', '', name)))
    return out


def default_gt():
    shared = os.environ.get('WN_SHARED') or os.path.join(os.path.dirname(__file__), '..', '..',
                                                          'shared')
    return os.path.join(shared, 'datasets', 'wcxb-dev', 'ground-truth')


def main(argv=None):
    ap = argparse.ArgumentParser(description='WCXB scorer (bag-of-words P/R/F1 per page).')
    ap.add_argument('pred', help='directory of <id>.txt (and optional <id>.json) files')
    ap.add_argument('--gt', default=None, help='ground-truth directory')
    ap.add_argument('--json', help='write the summary as JSON to this file')
    ap.add_argument('--only', help='score only the pages named in this file (one path or id a '
                    'line, as a sample for --limit runs)')
    ap.add_argument('--per-page', help='write per-page figures as TSV')
    a = ap.parse_args(argv)
    gt_dir = a.gt or default_gt()
    if not os.path.isdir(gt_dir):
        print(f'score_wcxb: no ground truth at {gt_dir} (set WN_SHARED)', file=sys.stderr)
        return 77
    s, rows = score(gt_dir, a.pred, page_ids(a.only) if a.only else None)
    print(f"wcxb: pages {s['pages']}  empty {s['empty']}")
    print(f"f1 {s['f1']:.3f}  precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
          f"with {s['with']:.1%}  without {s['without']:.1%} (lower is better)")
    types = sorted(s['types'].items(), key=lambda kv: -kv[1]['n'])
    print('per type: ' + '  '.join(f"{t} {v['f1']:.3f} (n={v['n']})" for t, v in types))
    if s['metadata']:
        order = [k for k in ('title', 'author', 'date', 'page_type') if k in s['metadata']]
        print('metadata: ' + '  '.join(f"{k} {s['metadata'][k]['ok']:.1%} of "
                                      f"{s['metadata'][k]['n']}" for k in order))
    if a.json:
        with open(a.json, 'w', encoding='utf-8') as f:
            json.dump(s, f, indent=1)
    if a.per_page:
        with open(a.per_page, 'w', encoding='utf-8') as f:
            f.write('id\ttype\tprecision\trecall\tf1\twith\twithout\n')
            for r in rows:
                f.write(f"{r['id']}\t{r['type']}\t{r['p']:.4f}\t{r['r']:.4f}\t{r['f1']:.4f}\t"
                        f"{r['with']:.4f}\t{r['without']:.4f}\n")
    return 0


if __name__ == '__main__':
    sys.exit(main())
