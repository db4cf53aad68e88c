-- wrk: POST the sessions of BODY_FILE, one JSON object a line without an id (each request logs a new session), in
-- turn, with the token in TOKEN.
local bodies = {}
for line in io.lines(os.getenv("BODY_FILE")) do
  bodies[#bodies + 1] = line
end
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", nil, headers, bodies[n % #bodies + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("%.0f req/s  p50 %.1f ms  p99 %.1f ms  non-2xx %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
