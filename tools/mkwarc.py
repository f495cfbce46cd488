#!/usr/bin/env python3
"""mkwarc.py - pack HTML files into a WARC 1.1 file, for tests and benchmarks.

Each page becomes a `request` record and a `response` record (HTTP/1.1 200,
Content-Type text/html); the file starts with a `warcinfo` record. By default
every record is its own gzip member (the usual .warc.gz layout); --plain
writes uncompressed WARC, --whole-gzip one gzip stream over the whole file.
--non-html adds an image/png response and a 404 page, which winnow skips.
Output is deterministic (fixed dates, name-based record ids, gzip mtime 0),
so it can be committed as a fixture or compared byte for byte.

--min-size N repeats the list of files (round r gets URIs under r<r>/) until
the output holds at least N bytes; records are written as they are made, so
a multi-gigabyte benchmark WARC needs no more memory than one page.

usage: mkwarc.py -o OUT.warc.gz [--plain | --whole-gzip] [--non-html]
                 [--base-url URL] [--charset LABEL] [--min-size BYTES] FILE.html...
"""
import argparse
import base64
import datetime
import gzip
import hashlib
import io
import os
import sys
import uuid


def record_id(key):
    return "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, key)


def digest(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def warc_record(rtype, uri, content_type, block, n, extra=None):
    date = (datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc)
            + datetime.timedelta(seconds=n)).strftime("%Y-%m-%dT%H:%M:%SZ")
    head = [
        "WARC/1.1",
        "WARC-Type: " + rtype,
        "WARC-Record-ID: " + record_id("%s/%s/%d" % (rtype, uri or "", n)),
        "WARC-Date: " + date,
    ]
    if uri:
        head.append("WARC-Target-URI: " + uri)
    head += extra or []
    head += [
        "WARC-Block-Digest: " + digest(block),
        "Content-Type: " + content_type,
        "Content-Length: %d" % len(block),
    ]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http_response(status, ctype, body):
    head = "HTTP/1.1 %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n" % (
        status, ctype, len(body))
    return head.encode() + body


def http_request(uri):
    rest = uri.split("://", 1)[-1]
    host, _, path = rest.partition("/")
    return ("GET /%s HTTP/1.1\r\nHost: %s\r\nUser-Agent: mkwarc\r\n\r\n" % (path, host)).encode()


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=6) as f:
        f.write(data)
    return buf.getvalue()


def main():
    ap = argparse.ArgumentParser(description="Pack HTML files into a WARC file.")
    ap.add_argument("-o", "--output", required=True, help="output file ('-' = stdout)")
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--plain", action="store_true", help="no compression")
    mode.add_argument("--whole-gzip", action="store_true", help="one gzip stream")
    ap.add_argument("--non-html", action="store_true", help="add a PNG and a 404 response")
    ap.add_argument("--base-url", default="http://example.test/", help="URI prefix")
    ap.add_argument("--charset", default="utf-8", help="charset in Content-Type ('' = none)")
    ap.add_argument("--min-size", type=int, default=0,
                    help="repeat the files until the output has this many bytes")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()

    if args.output == "-":
        out = sys.stdout.buffer
    else:
        out = open(args.output, "wb")
    whole = gzip.GzipFile(fileobj=out, mode="wb", mtime=0, compresslevel=6) \
        if args.whole_gzip else None
    written = 0

    def emit(record):
        nonlocal written
        if whole is not None:
            whole.write(record)
            written += len(record)
            return
        data = record if args.plain else gz(record)
        out.write(data)
        written += len(data)

    info = b"software: winnow tools/mkwarc.py\r\nformat: WARC File Format 1.1\r\n"
    emit(warc_record("warcinfo", None, "application/warc-fields", info, 0))
    n = 1
    ctype = "text/html" + ("; charset=" + args.charset if args.charset else "")
    rnd = 0
    while True:
        for path in args.files:
            with open(path, "rb") as f:
                body = f.read()
            prefix = args.base_url + ("r%d/" % rnd if rnd else "")
            uri = prefix + os.path.basename(path)
            emit(warc_record("request", uri, "application/http; msgtype=request",
                             http_request(uri), n))
            emit(warc_record("response", uri, "application/http; msgtype=response",
                             http_response("200 OK", ctype, body), n,
                             ["WARC-Payload-Digest: " + digest(body)]))
            n += 1
        rnd += 1
        if written >= args.min_size:
            break
    if args.non_html:
        png = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
        uri = args.base_url + "logo.png"
        emit(warc_record("response", uri, "application/http; msgtype=response",
                         http_response("200 OK", "image/png", png), n))
        uri = args.base_url + "missing.html"
        emit(warc_record("response", uri, "application/http; msgtype=response",
                         http_response("404 Not Found", "text/html",
                                       b"<html><body>Not found</body></html>"),
                         n + 1))
    if whole is not None:
        whole.close()
    if out is not sys.stdout.buffer:
        out.close()

if __name__ == "__main__":
    main()
