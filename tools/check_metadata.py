#!/usr/bin/env python3
"""Sanity check of metadata JSON outputs (winnow -f json, one <id>.json per page):
authors must look like names (no URLs, e-mails, handles, digits, sentences) and
no date may lie in the future. usage: check_metadata.py PRED_DIR"""
import datetime, json, os, re, sys

d = sys.argv[1]
now = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)
bad = 0
n = a_n = d_n = 0
for fn in sorted(os.listdir(d)):
    if not fn.endswith('.json'):
        continue
    n += 1
    try:
        j = json.load(open(os.path.join(d, fn)))
    except Exception as e:
        print(fn, 'unreadable', e); bad += 1; continue
    for a in j.get('authors') or []:
        a_n += 1
        if (re.search(r'https?:|www\.|@|\d', a) or len(a) > 80 or len(a.split()) > 6
                or not a.strip() or a != ' '.join(a.split())):
            print(fn, 'author?', repr(a)); bad += 1
    for k in ('date_published', 'date_modified'):
        v = j.get(k)
        if not v:
            continue
        d_n += 1
        try:
            # a month alone ("2015-11") is ISO 8601 as precise as the source
            w = v + '-01' if re.fullmatch(r'\d{4}-\d{2}', v) else v
            t = datetime.datetime.fromisoformat(w.replace('Z', '+00:00'))
            if t.tzinfo is None:
                t = t.replace(tzinfo=datetime.timezone.utc)
            if t > now or t.year < 1990:
                print(fn, k, 'out of range', v); bad += 1
        except ValueError:
            print(fn, k, 'not ISO 8601', v); bad += 1
print(f'pages {n}  authors {a_n}  dates {d_n}  problems {bad}')
sys.exit(1 if bad else 0)
