#!/bin/sh
# check_scorers.sh - show that winnow's scorers (bench/score_zyte.py,
# bench/score_wcxb.py) give the same figures as the datasets' reference
# scorers on the same predictions, to +-0.001.
#
#   sh bench/check_scorers.sh                       synthetic prediction sets
#   sh bench/check_scorers.sh zyte DIR [wcxb DIR]   also these prediction dirs
#
# The synthetic sets exercise the edge cases: the truth itself (perfect),
# truths cut short, padded with noise, emptied or missing, and a whole-page
# tag stripper. Exits non-zero when a figure disagrees, 77 without the data.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=${WN_SHARED:-$HERE/../../shared}
Z=$SHARED/datasets/zyte
W=$SHARED/datasets/wcxb-dev
PY=/usr/bin/python3
if [ ! -f "$Z/score.py" ] || [ ! -f "$W/score.py" ]; then
    echo "check_scorers: datasets not found under $SHARED (set WN_SHARED)" >&2
    exit 77
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Synthetic predictions derived from the ground truth.
"$PY" - "$Z" "$W" "$TMP" <<'EOF'
import json, os, sys, random
z, w, tmp = sys.argv[1:4]
rng = random.Random(1)
def variants(truths, kind):
    out = {'perfect': {}, 'mixed': {}}
    for i, (pid, t) in enumerate(sorted(truths.items())):
        out['perfect'][pid] = t
        k = i % 6
        if k == 0: v = t[: len(t) // 2]                       # cut short
        elif k == 1: v = 'Share this Subscribe now ' * 5 + t  # noise before
        elif k == 2: v = ''                                   # empty
        elif k == 3: v = None                                 # missing file
        elif k == 4: v = ' '.join(t.split()[:2])              # 1-3 tokens
        else: v = t.upper() + '\nRelated: more stories'       # case + tail
        out['mixed'][pid] = v
    for name, preds in out.items():
        d = os.path.join(tmp, f'{kind}-{name}')
        os.makedirs(d)
        for pid, v in preds.items():
            if v is not None:
                open(os.path.join(d, pid + '.txt'), 'w', encoding='utf-8').write(v)
zt = {k: (v.get('articleBody') or '') for k, v in json.load(open(os.path.join(z, 'ground-truth.json'), encoding='utf-8')).items()}
variants(zt, 'zyte')
wt = {}
gt = os.path.join(w, 'ground-truth')
for n in os.listdir(gt):
    g = json.load(open(os.path.join(gt, n), encoding='utf-8')).get('ground_truth') or {}
    wt[n[:-5]] = g.get('main_content') or ''
variants(wt, 'wcxb')
# metadata: the truth's own fields for some pages, wrong ones for others
d = os.path.join(tmp, 'wcxb-mixed')
for i, n in enumerate(sorted(os.listdir(gt))):
    rec = json.load(open(os.path.join(gt, n), encoding='utf-8'))
    g = rec.get('ground_truth') or {}
    pt = rec['_internal']['page_type']['primary']
    if i % 3 == 0:
        m = {'title': g.get('title'), 'authors': [g.get('author')] if g.get('author') else [],
             'date_published': g.get('publish_date'), 'page_type': pt}
    elif i % 3 == 1:
        m = {'title': (g.get('title') or '') + ' | Site', 'authors': ['Nobody'],
             'date_modified': g.get('publish_date'), 'page_type': 'article'}
    else:
        continue
    json.dump(m, open(os.path.join(d, n), 'w', encoding='utf-8'))
EOF
"$PY" "$HERE/peers/run_py.py" strip-tags "$TMP/zyte-strip" "$Z"/html/*.html >/dev/null
"$PY" "$HERE/peers/run_py.py" strip-tags "$TMP/wcxb-strip" "$W"/html/*.html.gz >/dev/null

sets="zyte $TMP/zyte-perfect zyte $TMP/zyte-mixed zyte $TMP/zyte-strip
      wcxb $TMP/wcxb-perfect wcxb $TMP/wcxb-mixed wcxb $TMP/wcxb-strip $*"

# Compare figure by figure; the reference zyte scorer writes JSON, the
# reference wcxb scorer only prints, so its lines are parsed.
"$PY" - "$HERE" "$Z" "$W" $sets <<'EOF'
import json, os, re, subprocess, sys
here, z, w = sys.argv[1:4]
args = sys.argv[4:]
py = '/usr/bin/python3'
bad = 0
print(f"{'set':<28} {'metric':<12} {'ours':>8} {'reference':>10}  agree")
def row(name, metric, ours, ref):
    global bad
    ok = abs(ours - ref) <= 0.001
    bad += not ok
    print(f"{name:<28} {metric:<12} {ours:8.4f} {ref:10.4f}  {'yes' if ok else 'NO'}")
for kind, d in zip(args[0::2], args[1::2]):
    name = f'{kind}:{os.path.basename(d.rstrip("/"))}'
    oj = d.rstrip('/') + '.ours.json'
    if kind == 'zyte':
        rj = d.rstrip('/') + '.ref.json'
        subprocess.run([py, f'{here}/score_zyte.py', d, '--gt', f'{z}/ground-truth.json', '--json', oj], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([py, f'{z}/score.py', d, '--gt', f'{z}/ground-truth.json', '--n-bootstrap', '0', '--json', rj], check=True, stdout=subprocess.DEVNULL)
        o, r = json.load(open(oj)), json.load(open(rj))
        for m in ('f1', 'precision', 'recall', 'accuracy'):
            row(name, m, o[m], r[m])
        row(name, 'empty', o['empty'], r['empty_pred'])
    else:
        subprocess.run([py, f'{here}/score_wcxb.py', d, '--gt', f'{w}/ground-truth', '--json', oj], check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run([py, f'{w}/score.py', d, '--gt', f'{w}/ground-truth'], check=True, capture_output=True, text=True).stdout
        o = json.load(open(oj))
        ref = {}
        m = re.search(r'empty (\d+)', out); ref['empty'] = int(m.group(1))
        for key in ('f1', 'precision', 'recall'):
            ref[key] = float(re.search(rf'\b{key} ([0-9.]+)', out).group(1))
        ref['with'] = float(re.search(r'with-snippets ([0-9.]+)%', out).group(1)) / 100
        ref['without'] = float(re.search(r'without-snippets ([0-9.]+)%', out).group(1)) / 100
        for t, v in re.findall(r'(\w+) ([0-9.]+) \(n=\d+\)', out):
            ref['type:' + t] = float(v)
        for k, v in re.findall(r'(title|author|date|page_type) ([0-9.]+)% of', out):
            ref['meta:' + k] = float(v) / 100
        for key in ('f1', 'precision', 'recall'):
            row(name, key, o[key], ref[key])
        # the reference prints percentages to 0.1%: compare those to 0.0005 + rounding
        for key in ('with', 'without'):
            row(name, key, round(o[key], 3), ref[key])
        row(name, 'empty', o['empty'], ref['empty'])
        for t, v in o['types'].items():
            row(name, 'f1:' + t, v['f1'], ref.get('type:' + t, -1))
        for k, v in o['metadata'].items():
            row(name, 'meta:' + k, round(v['ok'], 3), ref.get('meta:' + k, -1))
        for k in ref:
            if k.startswith('meta:') and k[5:] not in o['metadata']:
                row(name, k, -1, ref[k])
print('scorers agree on every figure' if not bad else f'{bad} figures DISAGREE')
sys.exit(1 if bad else 0)
EOF
