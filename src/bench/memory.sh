#!/usr/bin/env bash
# Peak RSS of the screen command (BENCHMARKS.md d): N households (default 1,000,000: the 10,000-household sample
# streamed N/10,000 times through a pipe, so no 1 GB file is needed) screened with /usr/bin/time -v. The heap is
# capped, as a deployment would cap it: memory does not grow with N.
#   src/bench/memory.sh [N] [heap]   (defaults 1000000 and 256m)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
HEAP=${2:-256m}
JAR=$(ls target/fangpin-*.jar | head -1)
SAMPLE=test-cases/population/households-10000.ndjson
PIPE=$(mktemp -u)
mkfifo "$PIPE"
trap 'rm -f "$PIPE"' EXIT
(for i in $(seq 1 $((N / 10000))); do cat "$SAMPLE"; done >"$PIPE") &
/usr/bin/time -v java -Xmx$HEAP -jar "$JAR" screen --in "$PIPE" --out /dev/null 2>target/bench-memory.log | tail -2
grep -E "Maximum resident set size|Elapsed" target/bench-memory.log
tail -c 300 target/bench-memory.log | tr '\r' '\n' | grep rows | tail -1 || true
