-- wrk's end-of-run hook for scripts/bench.sh: one line a script can read,
-- "RESULT <requests/s> <p50 ms> <p99 ms> <non-2xx/3xx answers> <socket errors>".
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n",
    summary.requests / summary.duration * 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
