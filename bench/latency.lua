-- wrk: print p50, p95 and p99 latency in milliseconds and the request rate, one line. With WRK_EXPECT set (e.g.
-- 304), every answer of another status counts as an error.
local expect = tonumber(os.getenv("WRK_EXPECT") or "")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  other = 0
end

if expect then
  response = function(status, headers, body)
    if status ~= expect then
      other = other + 1
    end
  end
end

done = function(summary, latency, requests)
  local others = 0
  for _, thread in ipairs(threads) do
    others = others + (thread:get("other") or 0)
  end
  io.write(string.format("p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  %.0f req/s  errors %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.errors.status + summary.errors.connect + summary.errors.timeout + others))
end
