#!/usr/bin/env bash
# Reloads under load: 200 concurrent clients evaluate households on loopback while the rule set is
# changed on disk and reloaded RELOADS times. Prints wrk's summary (any failed request counts) and each
# reload's outcome. Then reloads HEAP_RELOADS more times and prints the heap after a full GC every 20.
# Usage: src/bench/reload-under-load.sh   (from the project root, after ./mvnw package -DskipTests)
set -euo pipefail
RELOADS=${RELOADS:-20}
HEAP_RELOADS=${HEAP_RELOADS:-0}
CONNECTIONS=${CONNECTIONS:-200}
PORT=${PORT:-18080}
work=$(mktemp -d)
cp -r rules "$work/rules"
jar=$(ls target/fangpin-*.jar | head -1)
java -Xmx1g -jar "$jar" --server.port=$PORT --fangpin.security.users.bench.password={noop}bench-secret --fangpin.security.users.bench.roles=CASEWORKER,POLICY_EDITOR --fangpin.rules.dir="$work/rules" \
  --fangpin.data-dir="$work/data" --server.tomcat.threads.max=200 > "$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf -u bench:bench-secret -o /dev/null localhost:$PORT/api/v1/ruleset; do sleep 1; done
echo "service up (pid $pid)"
reload() {
  # Changing a comment changes the rule set's content hash, so each reload activates a new version.
  echo "// reload $1 at $(date +%s%N)" >> "$work/rules/70-early-warning/alerts.drl"
  curl -s -u bench:bench-secret -o /dev/null -w "%{http_code}" -X POST "localhost:$PORT/api/v1/ruleset/reload"
}
# wrk runs until every reload is done, then is stopped with SIGINT, on which it prints its summary.
wrk -t2 -c"$CONNECTIONS" -d1h -s src/bench/evaluate.lua "http://localhost:$PORT" > "$work/wrk.txt" &
wrk_pid=$!
sleep 5
ok=0
start=$(date +%s)
for i in $(seq 1 "$RELOADS"); do
  code=$(reload "$i")
  [ "$code" = "200" ] && ok=$((ok + 1))
  sleep 1
done
sleep 3
kill -INT $wrk_pid
wait $wrk_pid || true
echo "reload phase took $(( $(date +%s) - start )) s"
echo "reloads under load: $ok of $RELOADS activated"
cat "$work/wrk.txt"
heap() {
  jcmd $pid GC.run > /dev/null
  sleep 1
  jcmd $pid GC.heap_info | awk '/total/ {print $0; exit}'
}
echo "heap after the load test: $(heap)"
for i in $(seq 1 "$HEAP_RELOADS"); do
  reload "heap-$i" > /dev/null
  if [ $((i % 20)) -eq 0 ]; then
    echo "after $i more reloads: $(heap)"
  fi
done
echo "classes loaded: $(jcmd $pid VM.classloader_stats 2>/dev/null | tail -1)"
