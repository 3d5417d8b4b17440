"""Webhooks of the reference API, measured: what the outbox adds to a write,
how long an event takes from the write's answer to a local receiver, and how
fast a burst of events drains.

Usage: bench_webhooks.py <reference-api binary> <api base URL> <database>
"""

import http.client
import http.server
import json
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

ROUNDS = 200
BURST = 1000


class Receiver(http.server.BaseHTTPRequestHandler):
    arrivals: dict = {}

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Receiver.arrivals[body["data"]["id"]] = time.perf_counter()
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


def summary(durations: list) -> str:
    durations = sorted(durations)
    p95 = durations[int(len(durations) * 0.95) - 1]
    return f"p50 {statistics.median(durations):7.2f} ms   p95 {p95:7.2f} ms   max {durations[-1]:7.2f} ms"


def main() -> None:
    binary, base, db = sys.argv[1:4]
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port)
    headers = {"Authorization": "Bearer isao_demo_rw", "Content-Type": "application/json"}

    def create(i: int) -> tuple:
        started = time.perf_counter()
        connection.request("POST", url.path + "/deals", json.dumps({"title": f"Hook {i}", "value": i}), headers)
        response = connection.getresponse()
        answer = json.loads(response.read())
        if response.status != 201:
            raise SystemExit(f"POST /deals: {response.status} {answer}")
        return answer["data"]["id"], started, time.perf_counter()

    def wait_for(ids: list) -> None:
        deadline = time.monotonic() + 120
        while not all(deal in Receiver.arrivals for deal in ids):
            if time.monotonic() > deadline:
                raise SystemExit("events did not all arrive within 120 s")
            time.sleep(0.01)

    unsubscribed = [create(i) for i in range(ROUNDS)]
    receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    subprocess.run(
        [binary, "webhooks", "add", "--db", db, "--company", "1", "--events", "deal.created",
         "--url", f"http://127.0.0.1:{receiver.server_address[1]}/", "--secret", "whsec_bench_webhooks"],
        check=True, stdout=subprocess.DEVNULL,
    )

    latencies = []
    subscribed = []
    for i in range(ROUNDS):
        deal, started, answered = create(i)
        subscribed.append((deal, started, answered))
        wait_for([deal])
        latencies.append((Receiver.arrivals[deal] - answered) * 1000)

    burst_started = time.perf_counter()
    burst = [create(i)[0] for i in range(BURST)]
    written = time.perf_counter()
    wait_for(burst)
    drained = max(Receiver.arrivals[deal] for deal in burst)

    print(f"POST /deals, no subscription:       {summary([(a - s) * 1000 for _, s, a in unsubscribed])}")
    print(f"POST /deals, one subscription:      {summary([(a - s) * 1000 for _, s, a in subscribed])}")
    print(f"answer to arrival at the receiver:  {summary(latencies)}")
    print(f"burst of {BURST} creates: written in {written - burst_started:.2f} s, "
          f"all delivered {drained - burst_started:.2f} s after the first "
          f"({BURST / (drained - burst_started):.0f} events/s)")


if __name__ == "__main__":
    main()
