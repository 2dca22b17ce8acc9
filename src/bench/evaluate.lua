-- wrk script: POST the example household to the given path (default /api/v1/evaluations), count every response by
-- status and by the rule set version that answered it, and print the totals when wrk stops.
local f = io.open(os.getenv("FANGPIN_PROFILE") or "docs/examples/household.json", "r")
local body = f:read("*a")
f:close()
wrk.method = "POST"
wrk.path = os.getenv("FANGPIN_PATH") or "/api/v1/evaluations"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"

-- setup runs in the main Lua state once per wrk thread; done reads each thread's counts from there
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  versions = {}
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
