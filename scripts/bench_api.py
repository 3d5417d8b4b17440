"""Latency of the reference API per endpoint: sequential requests over one
keep-alive connection, so the numbers are the server's work plus loopback.

Usage: bench_api.py <api base URL> <API key>
"""

import http.client
import json
import statistics
import sys
import time
import urllib.parse

ROUNDS = 300


def main() -> None:
    base, key = sys.argv[1], sys.argv[2]
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}

    def call(method: str, path: str, body: object = None) -> dict:
        payload = None if body is None else json.dumps(body)
        connection.request(method, url.path + path, body=payload, headers=headers)
        response = connection.getresponse()
        answer = json.loads(response.read())
        if response.status >= 400:
            raise SystemExit(f"{method} {path}: {response.status} {answer}")
        return answer

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


if __name__ == "__main__":
    main()
