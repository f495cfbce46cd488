// run_js.mjs - run one JavaScript extractor over a whole dataset in one
// long-lived process, timing only the extraction.
//
//   node run_js.mjs TOOL OUTDIR FILE...|@LISTFILE
//   TOOL: readability   Mozilla Readability on a jsdom document
//         readability-linkedom   Mozilla Readability on a linkedom document
//         defuddle      defuddle on a linkedom document
//
// Pages go one at a time: read (and gunzipped), parsed and extracted (only
// this is timed), written, dropped, so peak memory is one page's worth plus
// the runtime, as for every tool in bench/compare.sh. Converting the extractor's HTML
// to plain text for the scorers happens outside the timed region, so it
// neither helps nor hurts a tool. Writes OUTDIR/<id>.txt and OUTDIR/<id>.json
// (title, authors, date_published: the keys the WCXB scorer reads) and prints
// one JSON line of statistics on stdout.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { parseHTML } from 'linkedom';

const [tool, outdir, ...args] = process.argv.slice(2);
// "@LIST" stands for the file names listed in LIST, one a line.
const files = args.flatMap((a) => a.startsWith('@')
    ? fs.readFileSync(a.slice(1), 'utf8').split('\n').filter((l) => l) : [a]);
if (!tool || !outdir) {
    console.error('usage: node run_js.mjs readability|readability-linkedom|defuddle OUTDIR FILE...');
    process.exit(2);
}
fs.mkdirSync(outdir, { recursive: true });

// A page's id: its file name without .html / .html.gz.
const pageId = (f) => path.basename(f).replace(/\.gz$/, '').replace(/\.html?$/, '');

const loadPage = (f) => {
    let bytes = fs.readFileSync(f);
    if (f.endsWith('.gz'))
        bytes = zlib.gunzipSync(bytes);
    return { id: pageId(f), bytes: bytes.length, html: new TextDecoder('utf-8').decode(bytes) };
};

let extract;
if (tool === 'readability') {
    const { JSDOM, VirtualConsole } = await import('jsdom');
    const { Readability } = await import('@mozilla/readability');
    extract = (html) => {
        // a console per page (pages' CSS/script errors are noise here): one
        // shared console would keep every closed window reachable
        const dom = new JSDOM(html, { url: 'https://example.com/',
            virtualConsole: new VirtualConsole() });
        const a = new Readability(dom.window.document).parse();
        dom.window.close();
        return a && { html: a.content, title: a.title, author: a.byline, date: a.publishedTime };
    };
} else if (tool === 'readability-linkedom') {
    const { Readability } = await import('@mozilla/readability');
    extract = (html) => {
        const { document } = parseHTML(html);
        const a = new Readability(document).parse();
        return a && { html: a.content, title: a.title, author: a.byline, date: a.publishedTime };
    };
} else if (tool === 'defuddle') {
    const { Defuddle } = await import('defuddle/node');
    extract = async (html) => {
        const { document } = parseHTML(html);
        const r = await Defuddle(document, 'https://example.com/');
        return r && { html: r.content, title: r.title, author: r.author, date: r.published };
    };
} else {
    console.error(`run_js.mjs: unknown tool ${tool}`);
    process.exit(2);
}

// Block elements end a paragraph in the plain-text rendering.
const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt',
    'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li',
    'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tr', 'td', 'th', 'ul']);

// The text of an HTML fragment, one block per paragraph (iterative walk).
function htmlToText(fragment) {
    if (!fragment)
        return '';
    const { document } = parseHTML(`<!DOCTYPE html><html><body>${fragment}</body></html>`);
    const out = [];
    let line = '';
    const flush = () => {
        const t = line.replace(/\s+/g, ' ').trim();
        if (t)
            out.push(t);
        line = '';
    };
    const stack = [[document.body, false]];
    while (stack.length) {
        const [node, leaving] = stack.pop();
        if (leaving) {
            flush();
            continue;
        }
        if (node.nodeType === 3) {
            line += node.data;
            continue;
        }
        if (node.nodeType !== 1)
            continue;
        const name = node.localName;
        if (name === 'script' || name === 'style' || name === 'noscript' || name === 'template')
            continue;
        const block = BLOCK.has(name);
        if (block) {
            flush();
            stack.push([node, true]);
        }
        const kids = node.childNodes;
        for (let i = kids.length - 1; i >= 0; i--)
            stack.push([kids[i], false]);
    }
    flush();
    return out.join('\n\n');
}

// CPU time of the process (all its threads: V8's GC and compiler count), as
// the machine is shared; wall time too.
let seconds = 0, wall = 0, errors = 0, bytes = 0;
for (const f of files) {
    const p = loadPage(f);
    let r = null;
    const t0 = performance.now(), c0 = process.cpuUsage();
    try {
        r = await extract(p.html);
    } catch (e) {
        errors++;
    }
    const c = process.cpuUsage(c0);
    seconds += (c.user + c.system) / 1e6;
    wall += (performance.now() - t0) / 1000;
    bytes += p.bytes;
    let text = '';
    try {
        text = r ? htmlToText(r.html) : '';
    } catch (e) {
        text = '';
    }
    fs.writeFileSync(path.join(outdir, `${p.id}.txt`), text);
    const meta = {
        title: (r && r.title) || null,
        authors: r && r.author ? [r.author] : [],
        date_published: (r && r.date) || null,
    };
    fs.writeFileSync(path.join(outdir, `${p.id}.json`), JSON.stringify(meta));
}

console.log(JSON.stringify({ tool, pages: files.length, bytes, seconds, wall_seconds: wall, errors,
    max_rss_kb: Math.round(process.resourceUsage().maxRSS) }));
