#!/usr/bin/python3
"""score_zyte.py - winnow's scorer for the Zyte article-extraction benchmark.

    /usr/bin/python3 bench/score_zyte.py PRED_DIR [--gt ground-truth.json] [--json OUT]
                                         [--per-page OUT.tsv]

PRED_DIR/<id>.txt holds the extracted body of page <id>; a missing file is an
empty extraction. --gt defaults to $WN_SHARED/datasets/zyte/ground-truth.json.

The metric, as the dataset README defines it:
  * a text's tokens are its maximal runs of Unicode word characters, case kept;
  * its shingles are the multiset of 4 consecutive tokens (a text of 1 to 3
    tokens has a single, shorter shingle; no tokens, no shingles);
  * on one page, counting shingles: matched = sum of min(truth, pred),
    extra = what pred has beyond the truth, lost = what the truth has beyond
    pred; precision = matched / (matched + extra), recall = matched /
    (matched + lost), and both are 1 when nothing is extra and nothing lost;
  * precision is the mean over pages whose prediction has a shingle, recall
    the mean over pages whose truth has one, F1 the harmonic mean of those two
    means; accuracy is the share of pages whose token sequence is exactly the
    truth's. Empty predictions only cost recall, so their number is reported.
"""
import argparse
import json
import os
import re
import sys
from collections import Counter

TOKEN = re.compile(r'\w+')
SHINGLE = 4


def shingle_counts(tokens):
    """The multiset of SHINGLE-token windows of a token list."""
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def compare(truth_tokens, pred_tokens):
    """(matched, extra, lost) shingle counts of one page."""
    truth, pred = shingle_counts(truth_tokens), shingle_counts(pred_tokens)
    matched = sum((truth & pred).values())
    extra = sum(pred.values()) - matched
    lost = sum(truth.values()) - matched
    return matched, extra, lost


def ratio(num, den, perfect):
    if perfect:
        return 1.0
    return num / den if den else 0.0


def score(truth_texts, pred_texts):
    """truth_texts, pred_texts: {id: text}. Returns (summary, per-page rows)."""
    rows = []
    for pid, truth in truth_texts.items():
        t_tok = TOKEN.findall(truth or '')
        p_tok = TOKEN.findall(pred_texts.get(pid) or '')
        matched, extra, lost = compare(t_tok, p_tok)
        perfect = extra == 0 and lost == 0
        rows.append({
            'id': pid,
            'precision': ratio(matched, matched + extra, perfect),
            'recall': ratio(matched, matched + lost, perfect),
            'has_pred': matched + extra > 0,
            'has_truth': matched + lost > 0,
            'exact': t_tok == p_tok,
        })
    precs = [r['precision'] for r in rows if r['has_pred']]
    recs = [r['recall'] for r in rows if r['has_truth']]
    p = sum(precs) / len(precs) if precs else 0.0
    r = sum(recs) / len(recs) if recs else 0.0
    return {
        'pages': len(rows),
        'f1': 2 * p * r / (p + r) if p + r else 0.0,
        'precision': p,
        'recall': r,
        'accuracy': sum(x['exact'] for x in rows) / len(rows) if rows else 0.0,
        'empty': sum(not x['has_pred'] for x in rows),
    }, rows


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
    return os.path.join(shared, 'datasets', 'zyte', 'ground-truth.json')


def main(argv=None):
    ap = argparse.ArgumentParser(description='Zyte benchmark scorer (shingle P/R/F1).')
    ap.add_argument('pred', help='directory of <id>.txt files')
    ap.add_argument('--gt', default=None, help='ground-truth.json')
    ap.add_argument('--json', help='write the summary as JSON to this file')
    ap.add_argument('--only', help='score only the pages named in this file (one path or id a '
                    'line, as a sample for --limit runs)')
    ap.add_argument('--per-page', help='write per-page precision/recall as TSV')
    a = ap.parse_args(argv)
    gt_path = a.gt or default_gt()
    if not os.path.isfile(gt_path):
        print(f'score_zyte: no ground truth at {gt_path} (set WN_SHARED)', file=sys.stderr)
        return 77
    with open(gt_path, encoding='utf-8') as f:
        gt = json.load(f)
    truth = {pid: (v or {}).get('articleBody') or '' for pid, v in gt.items()}
    if a.only:
        keep = page_ids(a.only)
        truth = {pid: t for pid, t in truth.items() if pid in keep}
    preds, missing = {}, 0
    for pid in truth:
        path = os.path.join(a.pred, pid + '.txt')
        if os.path.isfile(path):
            with open(path, 'rb') as f:
                preds[pid] = f.read().decode('utf-8', 'replace')
        else:
            missing += 1
    s, rows = score(truth, preds)
    s['missing'] = missing
    print(f"zyte: pages {s['pages']}  empty {s['empty']}  missing {missing}")
    print(f"f1 {s['f1']:.3f}  precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
          f"accuracy {s['accuracy']:.3f}")
    if a.json:
        with open(a.json, 'w', encoding='utf-8') as f:
            json.dump(s, f, indent=1)
    if a.per_page:
        with open(a.per_page, 'w', encoding='utf-8') as f:
            f.write('id\tprecision\trecall\texact\n')
            for r in rows:
                f.write(f"{r['id']}\t{r['precision']:.4f}\t{r['recall']:.4f}\t{int(r['exact'])}\n")
    return 0


if __name__ == '__main__':
    sys.exit(main())
