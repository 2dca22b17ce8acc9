#!/usr/bin/env bash
# In-process benchmarks (BENCHMARKS.md a and b): Fangpin's engine vs a naive stateless session per household,
# and Jackson parse + rewrite of the same NDJSON. Run from the project root:
#   src/bench/jmh.sh                      every benchmark, 1 and 2 threads
#   src/bench/jmh.sh -t 2 Evaluation      JMH options pass through
#   JMH_OPTS="-wi 8 -w 4s -i 5 -r 4s" src/bench/jmh.sh    every benchmark, shorter iterations
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -Pbench test-compile
./mvnw -B -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
test -f test-cases/population/households-10000.ndjson
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
if [ $# -eq 0 ]; then
  java -cp "$CP" org.openjdk.jmh.Main ${JMH_OPTS:-} -t 1 -rf json -rff target/jmh-t1.json 'EvaluationBenchmark|JacksonRewriteBenchmark'
  java -cp "$CP" org.openjdk.jmh.Main ${JMH_OPTS:-} -t 2 -rf json -rff target/jmh-t2.json \
    'EvaluationBenchmark.fangpin|EvaluationBenchmark.naiveStateless$|JacksonRewriteBenchmark'
else
  java -cp "$CP" org.openjdk.jmh.Main "$@"
fi
