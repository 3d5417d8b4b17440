"""An API that stops answering on demand, for the component tests of a hung API.

Sits in front of the reference server: forwards every request to it until told
to hang, then accepts requests (but preflights) and never answers them (the connection stays
open, as a stuck server or proxy leaves it) until the browser closes it.
Controlled by the tests over plain GETs:

  /__hang    hold every request from now on
  /__answer  forward every request from now on
  /__held    how many held requests still have their connection open (text)

Usage: hanging_api.py UPSTREAM_URL; prints "hanging api listening on URL".
"""

import http.client
import select
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# No request is held longer than this, so the server never waits without end.
LONGEST_HOLD_SECONDS = 120

UPSTREAM = urllib.parse.urlsplit(sys.argv[1])
state = {"hanging": False, "held": 0}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_one_request_kind(self):
        path = self.path.split("?")[0]
        if path in ("/__hang", "/__answer"):
            with lock:
                state["hanging"] = path == "/__hang"
            return self.control("ok")
        if path == "/__held":
            with lock:
                return self.control(str(state["held"]))
        with lock:
            hanging = state["hanging"]
        # CORS preflights still pass: the browser aborts a request it sent,
        # not a preflight, which it finishes on its own.
        if hanging and self.command != "OPTIONS":
            return self.hold()
        self.forward()

    do_GET = do_POST = do_PUT = do_OPTIONS = do_DELETE = handle_one_request_kind

    def control(self, text):
        body = text.encode()
        self.send_response(200)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def hold(self):
        """Never answers; returns once the client has closed the connection."""
        with lock:
            state["held"] += 1
        try:
            deadline = time.monotonic() + LONGEST_HOLD_SECONDS
            while time.monotonic() < deadline:
                readable, _, _ = select.select([self.connection], [], [], 0.1)
                if readable and not self.connection.recv(4096):
                    break
        finally:
            with lock:
                state["held"] -= 1
            self.close_connection = True

    def forward(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        upstream = http.client.HTTPConnection(UPSTREAM.hostname, UPSTREAM.port, timeout=30)
        headers = {name: value for name, value in self.headers.items() if name.lower() != "host"}
        upstream.request(self.command, self.path, body=body, headers=headers)
        answer = upstream.getresponse()
        data = answer.read()
        self.send_response(answer.status)
        for name, value in answer.getheaders():
            if name.lower() not in ("content-length", "transfer-encoding", "connection"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        upstream.close()


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(f"hanging api listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
server.serve_forever()
