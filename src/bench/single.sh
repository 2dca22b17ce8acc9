#!/usr/bin/env bash
# Single stored assessments with wrk (BENCHMARKS.md c): p99 at a fixed 500 req/s, then the most req/s sustained.
# Starts the packaged service with a file database in target/bench-data and stops it afterwards.
#   src/bench/single.sh [seconds]    (default 30 per run)
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-30}
JAR=$(ls target/fangpin-*.jar | head -1)
PORT=${PORT:-18182}
rm -rf target/bench-data
java -Xmx1g -jar "$JAR" --server.port=$PORT --fangpin.security.users.bench.password={noop}bench-secret --fangpin.security.users.bench.roles=CASEWORKER,POLICY_EDITOR --fangpin.data-dir="$(pwd)/target/bench-data" >target/bench-single.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for i in $(seq 1 120); do
  curl -sf -u bench:bench-secret "localhost:$PORT/api/v1/ruleset" >/dev/null && break
  sleep 1
done
export FANGPIN_PATH=/api/v1/assessments
wrk -t2 -c16 -d10s -s src/bench/evaluate.lua "http://localhost:$PORT" >/dev/null   # warm-up
echo "== fixed rate 500 req/s"
FANGPIN_RATE=500 FANGPIN_CONNECTIONS=32 wrk -t2 -c32 -d${SECONDS_PER_RUN}s --latency -s src/bench/evaluate.lua \
  "http://localhost:$PORT" | tail -1
for connections in 4 8 16 32; do
  echo "== as fast as possible, $connections connections"
  wrk -t2 -c$connections -d${SECONDS_PER_RUN}s --latency -s src/bench/evaluate.lua "http://localhost:$PORT" | tail -1
done
