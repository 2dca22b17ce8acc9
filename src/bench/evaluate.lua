-- wrk script: POST one household profile to Fangpin.
--   FANGPIN_PATH   path to post to (default /api/v1/evaluations; /api/v1/assessments stores each one)
--   FANGPIN_BODY   the profile file (default docs/examples/household.json)
--   FANGPIN_RATE   total requests a second to aim at (default: as fast as possible); needs FANGPIN_CONNECTIONS,
--                  the -c given to wrk, since each connection waits connections/rate seconds between requests
local path = os.getenv("FANGPIN_PATH") or "/api/v1/evaluations"
local file = assert(io.open(os.getenv("FANGPIN_BODY") or "docs/examples/household.json", "rb"))
local body = file:read("*a")
file:close()

wrk.method = "POST"
wrk.path = path
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
-- the user the bench scripts configure (bench / bench-secret, roles CASEWORKER and POLICY_EDITOR)
wrk.headers["Authorization"] = "Basic " .. (os.getenv("FANGPIN_BASIC") or "YmVuY2g6YmVuY2gtc2VjcmV0")

local rate = tonumber(os.getenv("FANGPIN_RATE") or "0")
local connections = tonumber(os.getenv("FANGPIN_CONNECTIONS") or "1")

if rate > 0 then
  function delay()
    -- exponential gaps: arrivals at a steady rate without lockstep between connections
    local mean = 1000 * connections / rate
    return math.floor(-mean * math.log(1 - math.random()))
  end
end

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, req/s %.1f, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read +
    summary.errors.write + summary.errors.timeout, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("connect %d, read %d, write %d, timeout %d, non-2xx %d\n", summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.timeout, summary.errors.status))
end
