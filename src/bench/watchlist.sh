#!/usr/bin/env bash
# Watch list and summary of a county on a database with many stored assessments (BENCHMARKS.md, "Watch lists").
# Starts the packaged service on a copy of DATA_DIR (default target/bench-data, which src/bench/single.sh leaves with
# 100,000 and more assessments of the 10,000-household sample) and times GET /api/v1/watchlist and
# GET /api/v1/reports/summary for COUNTY, six times each, storing one assessment before each pair so that the
# database cannot answer from the result of the same query a moment before.
#   src/bench/watchlist.sh            JAR=other.jar src/bench/watchlist.sh      DATA_DIR=... COUNTY=... src/bench/watchlist.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${JAR:-$(ls target/fangpin-*.jar | head -1)}
DATA_DIR=${DATA_DIR:-target/bench-data}
COUNTY=${COUNTY:-忻府区}
PORT=${PORT:-18183}
COPY=target/bench-watchlist
rm -rf "$COPY"; cp -r "$DATA_DIR" "$COPY"
java -Xmx1g -jar "$JAR" --server.port=$PORT --fangpin.data-dir="$(pwd)/$COPY" \
  '--fangpin.security.users.bench.password={noop}bench-secret' --fangpin.security.users.bench.roles=CASEWORKER \
  >target/bench-watchlist.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true' EXIT
for i in $(seq 1 600); do
  curl -sf -u bench:bench-secret "localhost:$PORT/api/v1/ruleset" >/dev/null && break
  sleep 1
done
Q=$(python3 -c "import urllib.parse,sys; print(urllib.parse.quote(sys.argv[1]))" "$COUNTY")
curl -s -u bench:bench-secret "localhost:$PORT/api/v1/watchlist?county=$Q" \
  | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["households"]), "households on the watch list (first call)")'
for i in 1 2 3 4 5 6; do
  curl -sf -o /dev/null -u bench:bench-secret -H 'Content-Type: application/json' \
    --data-binary @docs/examples/household.json "localhost:$PORT/api/v1/assessments"
  w=$(curl -s -o /dev/null -w "%{http_code} %{time_total}" -u bench:bench-secret "localhost:$PORT/api/v1/watchlist?county=$Q")
  s=$(curl -s -o /dev/null -w "%{http_code} %{time_total}" -u bench:bench-secret "localhost:$PORT/api/v1/reports/summary?county=$Q")
  echo "call $i: watch list $w s, summary $s s"
done
