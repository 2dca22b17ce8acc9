#!/usr/bin/env bash
# Peak RSS of the screen command (BENCHMARKS.md d): generates N households (default 1,000,000) and screens them
# with /usr/bin/time -v. The heap is capped, as a deployment would: memory does not grow with N.
#   src/bench/memory.sh [N] [heap]   (defaults 1000000 and 256m)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
HEAP=${2:-256m}
JAR=$(ls target/fangpin-*.jar | head -1)
IN=target/bench-population-$N.ndjson
[ -f "$IN" ] || java -jar "$JAR" generate --count "$N" --seed 1 --out "$IN"
/usr/bin/time -v java -Xmx$HEAP -XX:+UseSerialGC -jar "$JAR" screen --in "$IN" --out target/bench-screened.ndjson \
  2>target/bench-memory.log | tail -3
grep -E "Maximum resident set size|Elapsed" target/bench-memory.log
