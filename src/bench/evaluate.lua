-- wrk script: POST one household profile to Fangpin, count every response by status and by the rule set version
-- that answered it, and print the totals when wrk stops.
--   FANGPIN_PATH   path to post to (default /api/v1/evaluations; /api/v1/assessments stores each one)
--   FANGPIN_BODY   the profile file (default docs/examples/household.json)
--   FANGPIN_BODIES an NDJSON file of profiles, one a line; each connection posts them in turn from a different
--                  starting line (instead of FANGPIN_BODY), so stored assessments are spread over many households
--   FANGPIN_RATE   total requests a second to aim at (default: as fast as possible); needs FANGPIN_CONNECTIONS,
--                  the -c given to wrk, since each connection waits connections/rate seconds between requests
--   FANGPIN_BASIC  base64 of user:password (default: the bench user the bench scripts configure)
local f = assert(io.open(os.getenv("FANGPIN_BODY") or os.getenv("FANGPIN_PROFILE") or "docs/examples/household.json", "rb"))
local body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.path = os.getenv("FANGPIN_PATH") or "/api/v1/evaluations"
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

-- setup runs in the main Lua state once per wrk thread; done reads each thread's counts from there
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  statuses = {}
  versions = {}
  local path = os.getenv("FANGPIN_BODIES")
  if path then
    bodies = {}
    for line in io.lines(path) do
      if #line > 0 then table.insert(bodies, line) end
    end
    next_body = (id * 4999) % #bodies
  end
end

function request()
  if bodies then
    next_body = next_body % #bodies + 1
    return wrk.format(nil, nil, nil, bodies[next_body])
  end
  return wrk.request()
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local version = body and string.match(body, '"ruleSetVersion"%s*:%s*"(sha256:%x+)"')
  if version then
    versions[version] = (versions[version] or 0) + 1
  end
end

function done(summary, latency, requests)
  local byStatus, byVersion = {}, {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      byStatus[status] = (byStatus[status] or 0) + count
    end
    for version, count in pairs(thread:get("versions")) do
      byVersion[version] = (byVersion[version] or 0) + count
    end
  end
  local non2xx, answered, distinct = 0, 0, 0
  for status, count in pairs(byStatus) do
    answered = answered + count
    if status < 200 or status > 299 then
      non2xx = non2xx + count
    end
    io.write(string.format("status %d: %d\n", status, count))
  end
  for version, count in pairs(byVersion) do
    distinct = distinct + 1
  end
  local e = summary.errors
  io.write(string.format("requests=%d answered=%d non2xx=%d connect=%d read=%d write=%d timeout=%d " ..
      "rule_set_versions_answering=%d\n", summary.requests, answered, non2xx, e.connect, e.read, e.write, e.timeout,
      distinct))
  io.write(string.format("duration=%.1fs rps=%.1f p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms\n",
      summary.duration / 1e6, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
      latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
