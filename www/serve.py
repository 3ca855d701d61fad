"""Serves a folder on 127.0.0.1 the way a well-set static host does: a file's
precompressed copy (FILE.br, else FILE.gz, written by www/build.sh) when the
browser accepts it, with Content-Encoding and Vary: Accept-Encoding; the
WebAssembly and module MIME types; no caching headers (a test server).

    python3 www/serve.py [--port 8080] [--dir www/dist]

A copy older than its file is ignored (the file was changed after the build).
Only the standard library: Debian's python3 runs it as it is.
"""

import argparse
import functools
import http.server
import os
import sys

TYPES = {
    ".wasm": "application/wasm",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".css": "text/css; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".svg": "image/svg+xml",
    ".ts": "text/plain; charset=utf-8",
}

# Preference order: brotli is smaller, gzip is understood everywhere.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def log_message(self, format, *args):  # quiet: tests read stderr only on failure
        if os.environ.get("MH_SERVE_LOG"):
            super().log_message(format, *args)

    def accepted(self):
        header = self.headers.get("Accept-Encoding", "")
        names = {part.split(";")[0].strip().lower() for part in header.split(",")}
        return names

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) or not os.path.isfile(path):
            return super().send_head()
        accepted = self.accepted()
        for name, suffix in ENCODINGS:
            copy = path + suffix
            if name not in accepted or not os.path.isfile(copy):
                continue
            if os.path.getmtime(copy) < os.path.getmtime(path):
                continue
            f = open(copy, "rb")
            size = os.fstat(f.fileno()).st_size
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(path))
            self.send_header("Content-Encoding", name)
            self.send_header("Content-Length", str(size))
            self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return f
        return super().send_head()

    def end_headers(self):
        if not any(h.lower().startswith(b"vary:") for h in getattr(self, "_headers_buffer", [])):
            self.send_header("Vary", "Accept-Encoding")
        super().end_headers()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    ap.add_argument("--dir", default="www/dist")
    ap.add_argument("--bind", default="127.0.0.1")
    args = ap.parse_args()
    handler = functools.partial(Handler, directory=args.dir)
    server = http.server.ThreadingHTTPServer((args.bind, args.port), handler)
    print(f"Serving {args.dir}/ on http://{args.bind}:{args.port}/", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
