"""The reference API for scripts/bench.sh.

latency: per endpoint, sequential requests over one keep-alive connection, so
the numbers are the server's work plus loopback.
export: every deal the key can read, as a json-server database
({"deals": [...]}), so json-server can serve the very same deals.

Usage: bench_api.py latency <api base URL> <API key>
       bench_api.py export <api base URL> <API key> <db.json>
"""

import http.client
import json
import statistics
import sys
import time
import urllib.parse

ROUNDS = 300


class Api:
    def __init__(self, base: str, key: str) -> None:
        self.url = urllib.parse.urlsplit(base)
        self.connection = http.client.HTTPConnection(self.url.hostname, self.url.port)
        self.headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}

    def call(self, method: str, path: str, body: object = None) -> dict:
        payload = None if body is None else json.dumps(body)
        self.connection.request(method, self.url.path + path, body=payload, headers=self.headers)
        response = self.connection.getresponse()
        answer = json.loads(response.read())
        if response.status >= 400:
            raise SystemExit(f"{method} {path}: {response.status} {answer}")
        return answer


def latency(api: Api) -> None:
    call = api.call
    some_id = call("GET", "/deals?limit=1")["data"][0]["id"]
    cases = [
        ("GET /deals (limit 50)", lambda i: call("GET", f"/deals?page={i % 5 + 1}")),
        ("GET /deals (limit 200)", lambda i: call("GET", "/deals?limit=200")),
        ("GET /deals filtered", lambda i: call("GET", "/deals?status=open&stage=proposal&createdSince=2024-01-01")),
        ("GET /deals/{id}", lambda i: call("GET", f"/deals/{some_id}")),
        ("POST /deals", lambda i: call("POST", "/deals", {"title": f"Bench deal {i}", "value": 1000 + i})),
        ("PUT /deals/{id}/status", lambda i: call("PUT", f"/deals/{some_id}/status", {"stage": f"stage-{i % 3}"})),
    ]
    print(f"{'endpoint':28} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'req/s':>8}")
    for name, run in cases:
        durations = []
        for i in range(ROUNDS):
            started = time.perf_counter()
            run(i)
            durations.append((time.perf_counter() - started) * 1000)
        durations.sort()
        p50 = statistics.median(durations)
        p95 = durations[int(len(durations) * 0.95) - 1]
        rate = ROUNDS / (sum(durations) / 1000)
        print(f"{name:28} {p50:8.2f} {p95:8.2f} {durations[-1]:8.2f} {rate:8.0f}")


def export(api: Api, path: str) -> None:
    deals, page, total_pages = [], 1, 1
    while page <= total_pages:
        answer = api.call("GET", f"/deals?page={page}&limit=200")
        deals.extend(answer["data"])
        total_pages = answer["meta"]["totalPages"]
        page += 1
    with open(path, "w", encoding="utf-8") as database:
        json.dump({"deals": deals}, database)
    print(f"{len(deals)} deals exported to {path}")


def main() -> None:
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    command, base, key, *rest = sys.argv[1:]
    api = Api(base, key)
    if command == "latency":
        latency(api)
    elif command == "export":
        export(api, rest[0])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
