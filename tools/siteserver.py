"""A local static server for the built site with the MIME types Pyodide needs."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class SiteRequestHandler(http.server.SimpleHTTPRequestHandler):
    # application/wasm enables streaming compilation; module workers need a JavaScript type.
    # Set here so the result does not depend on the machine's mime.types.
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".whl": "application/zip",
        ".zip": "application/zip",
    }

    def log_message(self, format, *args):
        pass


class SiteServer:
    """Serves a folder on 127.0.0.1 at a free port, in a background thread."""

    def __init__(self, directory: Path):
        handler = functools.partial(SiteRequestHandler, directory=str(directory))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
