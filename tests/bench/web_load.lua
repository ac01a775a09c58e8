-- One group of simulated users for wrk (tests/bench/web_load.sh): every connection sends WL_METHOD to
-- WL_PATH with the signed-in session's cookie and CSRF token, cycling through the request bodies in
-- the file WL_BODIES (one JSON body a line; none for GET), pausing about WL_THINK_MS between requests. Prints the group's latency percentiles and
-- its errors in one line, which the script reads.
local method = os.getenv("WL_METHOD") or "GET"
local path = os.getenv("WL_PATH")
local headers = { ["Cookie"] = os.getenv("WL_COOKIE"), ["X-CSRF-Token"] = os.getenv("WL_CSRF") }
local think_ms = tonumber(os.getenv("WL_THINK_MS") or "0")
local bodies = {}
local next_body = 0

-- A person's pause between requests (0: each connection sends its next request at once).
function delay()
    if think_ms == 0 then return 0 end
    return think_ms / 2 + math.random(think_ms)  -- from half to one and a half times the pause
end

function init(args)
    local file = os.getenv("WL_BODIES")
    if file and file ~= "" then
        for line in io.lines(file) do bodies[#bodies + 1] = line end
        headers["Content-Type"] = "application/json"
    end
end

function request()
    local body = nil
    if #bodies > 0 then
        next_body = next_body % #bodies + 1
        body = bodies[next_body]
    end
    return wrk.format(method, path, headers, body)
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write(string.format("requests %d p50_ms %.2f p95_ms %.2f p99_ms %.2f max_ms %.2f http_errors %d socket_errors %d\n",
        summary.requests, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
        latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
