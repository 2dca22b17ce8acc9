#!/usr/bin/env bash
# NDJSON batch over HTTP with store=false (BENCHMARKS.md b): posts the sample N times and reports households/s.
# Starts the packaged service on a free port with an in-memory database and stops it afterwards.
#   src/bench/batch.sh [runs] [warm-up batches]     (defaults 5 and 20)
#   HEAP_OPTS="-Xmx1g" (default) are the service's heap and collector options
#   JAR=other.jar src/bench/batch.sh ...          measures another build (default: the one in target/)
# The JIT needs about 20 batches of the sample (200,000 households, 2-3 minutes on 2 cores) before the figures stop
# climbing; the warm-up batches are timed and printed too, so the climb can be seen.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
WARMUP=${2:-20}
JAR=${JAR:-$(ls target/fangpin-*.jar | head -1)}
FILE=test-cases/population/households-10000.ndjson
PORT=${PORT:-18181}
java ${HEAP_OPTS:--Xmx1g} -jar "$JAR" --server.port=$PORT --fangpin.security.users.bench.password={noop}bench-secret --fangpin.security.users.bench.roles=CASEWORKER,POLICY_EDITOR --spring.datasource.url=jdbc:h2:mem:bench \
  --fangpin.data-dir="$(pwd)/target/bench-data" >target/bench-batch.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
for i in $(seq 1 120); do
  curl -sf -u bench:bench-secret "localhost:$PORT/api/v1/ruleset" >/dev/null && break
  sleep 1
done
LINES=$(wc -l <"$FILE")
batch() {
  START=$(date +%s.%N)
  OUT=$(curl -s -u bench:bench-secret -H 'Content-Type: application/x-ndjson' --data-binary @"$FILE" \
    "localhost:$PORT/api/v1/assessments/batch?store=false" | wc -l)
  END=$(date +%s.%N)
  echo "$1: $OUT lines, $(echo "$LINES / ($END - $START)" | bc -l | xargs printf '%.0f') households/s"
}
for run in $(seq 1 "$WARMUP"); do batch "warm-up $run"; done
for run in $(seq 1 "$RUNS"); do batch "run $run"; done
