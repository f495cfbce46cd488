#!/usr/bin/python3
"""run_py.py - run one Python extractor (or baseline) over a whole dataset in one
process, timing only the extraction.

    /usr/bin/python3 run_py.py TOOL OUTDIR FILE...|@LISTFILE
    TOOL: readability-lxml   Debian python3-readability (Document.summary())
          html2text          Debian python3-html2text on the whole page (a baseline)
          strip-tags         every text node outside script/style/... (the floor
                             of "keep everything": recall ~1, precision low)

Pages go one at a time: read (and gunzipped), extracted (only this is timed),
written, dropped, so peak memory is one page's worth plus the runtime, as for
every tool in bench/compare.sh; converting a tool's HTML output to plain text
for the scorers is done outside the timed region. Writes OUTDIR/<id>.txt
(and <id>.json with the title where the tool gives one) and prints one JSON
line of statistics on stdout.
"""
import gzip
import json
import os
import re
import resource
import sys
import time
from html.parser import HTMLParser

BLOCK = {'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt',
         'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
         'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'td', 'th',
         'ul', 'title', 'body'}
SKIP = {'script', 'style', 'noscript', 'template', 'svg', 'head'}


class TextOf(HTMLParser):
    """Plain text of HTML: one paragraph per block element, nothing from SKIP."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paras, self.line, self.skip = [], [], 0

    def flush(self):
        t = ' '.join(''.join(self.line).split())
        if t:
            self.paras.append(t)
        self.line = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self.flush()

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.line.append(data)


def html_to_text(html):
    p = TextOf()
    p.feed(html or '')
    p.close()
    p.flush()
    return '\n\n'.join(p.paras)


def page_id(path):
    name = os.path.basename(path)
    return re.sub(r'\.html?$', '', name[:-3] if name.endswith('.gz') else name)


def load(path):
    with open(path, 'rb') as f:
        data = f.read()
    return gzip.decompress(data) if path.endswith('.gz') else data


def main():
    if len(sys.argv) < 3:
        sys.exit('usage: run_py.py readability-lxml|html2text|strip-tags OUTDIR FILE...')
    tool, outdir, files = sys.argv[1], sys.argv[2], []
    for a in sys.argv[3:]:  # "@LIST" stands for the file names listed in LIST
        files += open(a[1:]).read().split('\n') if a.startswith('@') else [a]
    files = [f for f in files if f]
    os.makedirs(outdir, exist_ok=True)

    if tool == 'readability-lxml':
        import logging
        from readability import Document
        logging.disable(logging.CRITICAL)

        def extract(raw):
            d = Document(raw.decode('utf-8', 'replace'))  # the datasets are UTF-8
            return d.summary(html_partial=True), d.short_title()
    elif tool == 'html2text':
        import html2text

        def extract(raw):
            h = html2text.HTML2Text()
            h.ignore_links = h.ignore_images = True
            h.body_width = 0
            return h.handle(raw.decode('utf-8', 'replace')), None
    elif tool == 'strip-tags':
        def extract(raw):
            return html_to_text(raw.decode('utf-8', 'replace')), None
    else:
        sys.exit(f'run_py.py: unknown tool {tool}')

    # CPU time of the process (the machine is shared), and wall time
    seconds, wall, errors, nbytes = 0.0, 0.0, 0, 0
    for path in files:
        pid, raw = page_id(path), load(path)
        t0, w0 = time.process_time(), time.perf_counter()
        try:
            out = extract(raw)
        except Exception:  # a peer failing on a page is an empty output
            out, errors = None, errors + 1
        seconds += time.process_time() - t0
        wall += time.perf_counter() - w0
        nbytes += len(raw)
        del raw
        body, title = out if out else ('', None)
        text = body if tool != 'readability-lxml' else html_to_text(body)
        with open(os.path.join(outdir, pid + '.txt'), 'w', encoding='utf-8') as f:
            f.write(text)
        if tool == 'readability-lxml':  # the only one of these with metadata (title)
            with open(os.path.join(outdir, pid + '.json'), 'w', encoding='utf-8') as f:
                json.dump({'title': title, 'authors': [], 'date_published': None}, f)
    print(json.dumps({'tool': tool, 'pages': len(files), 'bytes': nbytes, 'seconds': seconds,
                      'wall_seconds': wall,
                      'errors': errors,
                      'max_rss_kb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))


if __name__ == '__main__':
    main()
