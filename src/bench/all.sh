#!/usr/bin/env bash
# Every figure of BENCHMARKS.md in one run, one after the other on the same machine, into target/bench-all.txt:
# (a) and the Jackson anchor of (b) with JMH, (b) the batch, (c) single stored assessments, (d) memory, (e) start-up.
# (c) runs 32 connections and 500 req/s three times each and ends with their medians. About 30 minutes on 2 cores.
# Nothing else should run meanwhile: every figure uses both cores.
#   src/bench/all.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=target/bench-all.txt
./mvnw -B -q package -DskipTests
{
  echo "# $(date -u '+%Y-%m-%dT%H:%M:%SZ') $(git rev-parse --short HEAD) $(nproc) cores, $(java -version 2>&1 | head -1)"
  for step in "jmh" "batch" "single" "memory" "startup"; do
    echo "## $step (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    case $step in
      jmh) JMH_OPTS="-wi 8 -w 4s -i 5 -r 4s" src/bench/jmh.sh 2>&1 | grep -E "^Benchmark|^(Evaluation|JacksonRewrite)Benchmark" ;;
      batch) src/bench/batch.sh 5 20 ;;
      single) CONNECTIONS="4 8 16 32 32 32" RATES="300 400 500 500 500" src/bench/single.sh 30 240 ;;
      memory) src/bench/memory.sh ;;
      startup) src/bench/startup.sh 3 ;;
    esac
  done
  echo "# done $(date -u '+%Y-%m-%dT%H:%M:%SZ')"
} 2>&1 | tee "$OUT"
