#!/usr/bin/env bash
# Single stored assessments (BENCHMARKS.md c): the most req/s sustained (wrk), then p99 at fixed rates (open loop).
# Starts the packaged service with a file database in target/bench-data and stops it afterwards.
#   src/bench/single.sh [seconds] [warm-up seconds]    (defaults 30 per run, 240 of warm-up)
#   RATES=300,400,500 (default) are the fixed rates of the open-loop run that follows the as-fast-as-possible ones
# Each connection posts the households of the 10,000-household sample in turn, so the stored assessments are spread
# over many households as in a county. The JIT takes minutes on 2 cores before the figures stop climbing, hence the
# long warm-up at full load.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-30}
WARMUP_SECONDS=${2:-240}
RATES=${RATES:-300,400,500}
./mvnw -B -q -Pbench test-compile
./mvnw -B -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
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
export FANGPIN_PATH=/api/v1/assessments FANGPIN_BODIES=test-cases/population/households-10000.ndjson
echo "== warm-up, ${WARMUP_SECONDS}s at 8 connections"
wrk -t2 -c8 -d${WARMUP_SECONDS}s -s src/bench/evaluate.lua "http://localhost:$PORT" | tail -1
for connections in 4 8 16 32; do
  echo "== as fast as possible, $connections connections"
  wrk -t2 -c$connections -d${SECONDS_PER_RUN}s --latency -s src/bench/evaluate.lua "http://localhost:$PORT" | tail -1
done
echo "== fixed rates, open loop (FixedRateLoad): ${RATES}"
java -cp "$CP" org.fangpin.bench.FixedRateLoad "http://localhost:$PORT/api/v1/assessments" "$RATES" \
  "$SECONDS_PER_RUN" "$FANGPIN_BODIES" bench:bench-secret
