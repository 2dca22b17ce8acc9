#!/usr/bin/env bash
# Single stored assessments (BENCHMARKS.md c): the most req/s sustained, then p99 at fixed rates, both with wrk.
# Starts the packaged service with a file database in target/bench-data and stops it afterwards.
#   HEAP_OPTS="-Xms1g -Xmx1g -Xmn448m -XX:+UseSerialGC" (default) are the heap and collector docs/operations.md
#   recommends for storing at a steady rate; HEAP_OPTS="-Xmx1g -Xmn256m" gives the G1 set-up recommended before,
#   HEAP_OPTS="-Xmx1g" the JVM's own choice (G1, young generation sized by G1)
#   src/bench/single.sh [seconds] [warm-up seconds]    (defaults 30 per run, 240 of warm-up)
#   JAR=other.jar src/bench/single.sh ...             measures another build (default: the one in target/)
#   JAVA_OPTS="-Xlog:gc:file=target/gc.log" src/bench/single.sh ...   extra JVM options for the service
#   BENCH_PASSWORD='{noop}bench-secret' src/bench/single.sh ...      the bench user's stored password (default: a
#   bcrypt hash of bench-secret at cost 10, as SECURITY.md has operators configure users)
#   CONNECTIONS="4 8 16 32" (default) are the connection counts of the as-fast-as-possible runs ("" skips them); a
#   count or a rate given more than once is run that many times, and the script ends with the median of its runs
#   DB=postgresql runs the service on the postgres profile against a PostgreSQL server this script starts from
#   Debian's binaries (/usr/lib/postgresql/N/bin, as root through runuser) in target/bench-pg, with the server's
#   default settings (fsync and synchronous commit on), on the same machine; the default is the embedded H2 file
#   RATES="300 400 500" (default) are the rates aimed at after the as-fast-as-possible runs: 128 connections, each
#   waiting an exponential gap of 128/rate seconds after each answer, so the rate reached falls short of the aim by
#   about latency x rate / 128 (2-4 % at 10 ms); the script prints the rate reached
# Each connection posts the households of the 10,000-household sample in turn, so the stored assessments are spread
# over many households as in a county. The JIT takes minutes on 2 cores before the figures stop climbing, hence the
# long warm-up at full load.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN=${1:-30}
WARMUP_SECONDS=${2:-240}
RATES=${RATES-300 400 500}
CONNECTIONS=${CONNECTIONS-4 8 16 32}
JAR=${JAR:-$(ls target/fangpin-*.jar | head -1)}
BENCH_PASSWORD=${BENCH_PASSWORD:-'{bcrypt}$2a$10$bXq8CrFTu9CduHtcZn7Bc.isJIrzQZ1mPaka9aPl3XUqUjthW4jBq'}
PORT=${PORT:-18182}
rm -rf target/bench-data
DB_ARGS=()
if [ "${DB:-h2}" = postgresql ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  PG_DIR=$(pwd)/target/bench-pg
  PG_PORT=${PG_PORT:-15433}
  AS_PG=(); [ "$(id -u)" = 0 ] && AS_PG=(runuser -u postgres --)
  rm -rf "$PG_DIR"; mkdir -p "$PG_DIR"; chmod 777 "$PG_DIR"
  "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U fangpin --auth=trust >/dev/null
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $PG_DIR" start >/dev/null
  "${AS_PG[@]}" "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U fangpin -d postgres -qc "CREATE DATABASE fangpin"
  DB_ARGS=(--spring.profiles.active=postgres "--spring.datasource.url=jdbc:postgresql://127.0.0.1:$PG_PORT/fangpin")
fi
stop_pg() { [ -n "${PG_DIR:-}" ] && "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true; }
java ${HEAP_OPTS:--Xms1g -Xmx1g -Xmn448m -XX:+UseSerialGC} ${JAVA_OPTS:-} -jar "$JAR" "${DB_ARGS[@]}" --server.port=$PORT "--fangpin.security.users.bench.password=$BENCH_PASSWORD" --fangpin.security.users.bench.roles=CASEWORKER,POLICY_EDITOR --fangpin.data-dir="$(pwd)/target/bench-data" >target/bench-single.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; stop_pg' EXIT
for i in $(seq 1 120); do
  curl -sf -u bench:bench-secret "localhost:$PORT/api/v1/ruleset" >/dev/null && break
  sleep 1
done
export FANGPIN_PATH=/api/v1/assessments FANGPIN_BODIES=test-cases/population/households-10000.ndjson
RUNS=$(mktemp)
echo "== warm-up, ${WARMUP_SECONDS}s at 8 connections"
wrk -t2 -c8 -d${WARMUP_SECONDS}s -s src/bench/evaluate.lua "http://localhost:$PORT" | tail -1
for connections in $CONNECTIONS; do
  echo "== as fast as possible, $connections connections"
  wrk -t2 -c$connections -d${SECONDS_PER_RUN}s --latency -s src/bench/evaluate.lua "http://localhost:$PORT" | tail -1 \
    | tee >(sed "s/^/$connections connections: /" >>"$RUNS")
done
for rate in $RATES; do
  echo "== aiming at $rate req/s, 128 connections"
  FANGPIN_RATE=$rate FANGPIN_CONNECTIONS=128 wrk -t2 -c128 -d${SECONDS_PER_RUN}s --latency -s src/bench/evaluate.lua \
    "http://localhost:$PORT" | tail -1 | tee >(sed "s/^/$rate req\/s aimed at: /" >>"$RUNS")
done
sleep 1
# A setting run more than once (CONNECTIONS="32 32 32", RATES="500 500 500") gets the median of its runs.
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
cut -d: -f1 "$RUNS" | sort | uniq -d | while read -r setting; do
  runs=$(grep -c "^$setting:" "$RUNS")
  rps=$(grep "^$setting:" "$RUNS" | grep -o 'rps=[0-9.]*' | cut -d= -f2 | median)
  p99=$(grep "^$setting:" "$RUNS" | grep -o 'p99=[0-9.]*' | cut -d= -f2 | median)
  echo "== median of $runs runs, $setting: rps=$rps p99=${p99}ms"
done
rm -f "$RUNS"
