#!/usr/bin/env bash
# Reloads under load: CONNECTIONS concurrent clients evaluate the example household on loopback while the rule set is
# changed on disk and reloaded until RELOADS new versions have been activated. Each reload makes a real change,
# alternately to the parameter file (a dated threshold value from 2099) and to a rule file (the wording of M-06),
# so each one passes the full gate (compile, lint, every test case, smoke) and activates a new version.
# Prints each reload, wrk's counts (statuses, socket errors, time-outs, the rule set versions that answered),
# the activations the archive recorded, the reload metrics, and the service's heap and classes at the end.
# Usage: src/bench/reload-under-load.sh   (from the project root, after ./mvnw -B package -DskipTests)
set -euo pipefail
RELOADS=${RELOADS:-20}
MAX_ATTEMPTS=${MAX_ATTEMPTS:-$((RELOADS + 5))}
CONNECTIONS=${CONNECTIONS:-200}
THREADS=${THREADS:-8}          # Tomcat worker threads; the CONNECTIONS stay open and queue for them
PORT=${PORT:-18080}
HEAP=${HEAP:-1g}
work=$(mktemp -d)
cp -r rules "$work/rules"
# a dated value far in the future: changing it changes the parameter file but no assessment of today or the past
sed -i 's|^    - {from: 2026-01-01, value: 8000, source: "placeholder"}$|&\n    - {from: 2099-01-01, value: 9000, source: "reload benchmark"}|' \
  "$work/rules/parameters.yaml"
grep -q 'from: 2099-01-01' "$work/rules/parameters.yaml"
jar=$(ls target/fangpin-*.jar | head -1)
java -Xmx"$HEAP" -jar "$jar" --server.port="$PORT" --fangpin.security.users.bench.password={noop}bench-secret \
  --fangpin.security.users.bench.roles=CASEWORKER,POLICY_EDITOR --fangpin.rules.dir="$work/rules" \
  --fangpin.data-dir="$work/data" --server.tomcat.threads.max="$THREADS" > "$work/service.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; [ -n "${wrk_pid:-}" ] && kill $wrk_pid 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -sf -u bench:bench-secret -o /dev/null "localhost:$PORT/api/v1/ruleset"; do
  kill -0 $pid 2>/dev/null || { cat "$work/service.log"; exit 1; }
  sleep 1
done
echo "service up (pid $pid), rule set $(curl -s -u bench:bench-secret "localhost:$PORT/api/v1/ruleset" | jq -r .version)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
change() {
  if [ $(($1 % 2)) -eq 1 ]; then
    sed -i "s|{from: 2099-01-01, value: [0-9]*,|{from: 2099-01-01, value: $((9000 + $1)),|" "$work/rules/parameters.yaml"
    echo "parameters.yaml: monitoring.incomeThreshold from 2099 = $((9000 + $1))"
  else
    sed -i "s|@zh(\"监测对象近期遭受自然灾害、意外事故或重大疾病：临时救助[^\"]*\")|@zh(\"监测对象近期遭受自然灾害、意外事故或重大疾病：临时救助（第 $1 版）\")|" \
      "$work/rules/50-measures/measures.drl"
    echo "50-measures/measures.drl: M-06 reworded (第 $1 版)"
  fi
}
# wrk runs until the reloads are done, then is stopped with SIGINT, on which it prints its summary.
wrk -t2 -c"$CONNECTIONS" -d2h --timeout 30s -s src/bench/evaluate.lua "http://localhost:$PORT" > "$work/wrk.txt" 2>&1 &
wrk_pid=$!
sleep 10
activated=0
attempts=0
start=$(date +%s)
while [ $activated -lt "$RELOADS" ] && [ $attempts -lt "$MAX_ATTEMPTS" ]; do
  attempts=$((attempts + 1))
  what=$(change $attempts)
  t0=$(date +%s.%N)
  code=$(curl -s -u bench:bench-secret -o "$work/reload.json" -w "%{http_code}" -X POST "localhost:$PORT/api/v1/ruleset/reload?comment=bench%20$attempts")
  t1=$(date +%s.%N)
  result=$(jq -r '"activated=\(.activated) \(.previousVersion[7:19]) -> \(.activeVersion[7:19])"' "$work/reload.json" 2>/dev/null || echo "?")
  [ "$code" = "200" ] && [ "$(jq -r .activated "$work/reload.json")" = "true" ] && activated=$((activated + 1))
  printf "reload %2d: HTTP %s %s in %5.1f s (%s)\n" "$attempts" "$code" "$result" "$(echo "$t1 - $t0" | bc)" "$what"
  sleep 2
done
sleep 5
kill -INT $wrk_pid
wait $wrk_pid || true
wrk_pid=
echo "reload phase: $(( $(date +%s) - start )) s, $activated of $attempts reloads activated a new version"
echo "--- wrk (-t2 -c$CONNECTIONS --timeout 30s, service with $THREADS worker threads)"
cat "$work/wrk.txt"
echo "--- archive"
curl -s -u bench:bench-secret "localhost:$PORT/api/v1/ruleset/versions" | jq -r '"versions archived: \(.versions | length); activations: \(.activations | length) (\(.activations | map(.action) | group_by(.) | map("\(.[0]) \(length)") | join(", ")))"'
echo "--- metrics"
curl -s -u bench:bench-secret "localhost:$PORT/actuator/prometheus" | grep -E '^fangpin_ruleset_(reloads_total\{.*source="(reload|startup)"|gate_seconds_(count|sum|max))' || true
echo "--- service"
jcmd $pid GC.run > /dev/null
sleep 1
jcmd $pid GC.heap_info | head -3
echo "classes: $(jcmd $pid PerfCounter.print | awk -F= '/java.cls.loadedClasses=|java.cls.unloadedClasses=/ {printf "%s ", $0}')"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -cE ' ERROR ' "$work/service.log" | sed 's/^/ERROR lines in the service log: /' || true
