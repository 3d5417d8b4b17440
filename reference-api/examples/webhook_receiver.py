# An ISAO webhook receiver: checks X-Isao-Signature, skips repeated event ids.
import hashlib, hmac, json, os, time
from http.server import BaseHTTPRequestHandler, HTTPServer

SECRET = os.environ["WEBHOOK_SECRET"].encode()
seen = set()  # delivery is at least once: the same event id can come again

class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        sig = dict(p.split("=", 1) for p in self.headers.get("X-Isao-Signature", "").split(",") if "=" in p)
        t = sig.get("t", "0")
        expected = hmac.new(SECRET, t.encode() + b"." + body, hashlib.sha256).hexdigest()
        if not t.isdigit() or abs(time.time() - int(t)) > 300 or not hmac.compare_digest(expected, sig.get("v1", "")):
            return self.send_error(401)
        event = json.loads(body)
        if event["id"] not in seen:
            seen.add(event["id"])
            print("verified", event["event"], event["id"], event["data"]["id"], flush=True)
        self.send_response(204)
        self.end_headers()

HTTPServer(("127.0.0.1", int(os.environ.get("PORT", "4000"))), Receiver).serve_forever()
