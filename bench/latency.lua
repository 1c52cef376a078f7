-- wrk -s bench/latency.lua: prints the latency percentiles wrk's --latency leaves out (p95),
-- in microseconds, on one line bench/run.py reads.
done = function(summary, latency, requests)
  io.write(string.format(
    "cocrea-latency p50=%d p95=%d p99=%d\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99)
  ))
end
