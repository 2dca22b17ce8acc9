-- wrk script: POST the example household to the given path (default /api/v1/evaluations).
local f = io.open(os.getenv("FANGPIN_PROFILE") or "docs/examples/household.json", "r")
local body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.path = os.getenv("FANGPIN_PATH") or "/api/v1/evaluations"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("requests=%d non2xx_or_errors=%d connect=%d read=%d write=%d timeout=%d status_errors=%d\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
  io.write(string.format("p50=%.2fms p99=%.2fms max=%.2fms rps=%.0f\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests / (summary.duration / 1e6)))
end
