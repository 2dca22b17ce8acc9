#!/usr/bin/env bash
# Start-up to ready (BENCHMARKS.md e): Fangpin against a bare Spring Boot web app built from the same parent in a
# temporary directory (not kept). Prints Boot's own "Started ... in X seconds" and Fangpin's rule set load time, for
# two starts of Fangpin each run: its first start on a new data directory (migrations applied, the DRL compiled),
# then a restart on the same directory (as after a redeploy or a reboot: the compiled rules are read back).
#   src/bench/startup.sh [runs]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
ROOT=$(pwd)
JAR=$(ls "$ROOT"/target/fangpin-*.jar | head -1)
BARE=$(mktemp -d)
mkdir -p "$BARE/src/main/java/bare"
cat >"$BARE/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId>
    <version>4.0.7</version><relativePath/></parent>
  <groupId>bench</groupId><artifactId>bare</artifactId><version>1</version>
  <properties><java.version>17</java.version></properties>
  <dependencies><dependency><groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-web</artifactId></dependency></dependencies>
  <build><plugins><plugin><groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build>
</project>
POM
cat >"$BARE/src/main/java/bare/Bare.java" <<'JAVA'
package bare;
@org.springframework.boot.autoconfigure.SpringBootApplication
public class Bare { public static void main(String[] args) { org.springframework.boot.SpringApplication.run(Bare.class, args); } }
JAVA
(cd "$BARE" && "$ROOT/mvnw" -B -q -o package -DskipTests)
measure() {
  local log=$1; shift
  "$@" >"$log" 2>&1 &
  local pid=$!
  for i in $(seq 1 600); do
    grep -q "Started " "$log" && break
    sleep 0.2
  done
  kill $pid; wait $pid 2>/dev/null || true
  grep -o "Started [A-Za-z]* in [0-9.]* seconds" "$log"
  grep -o "loaded from .* in [0-9]* ms ([a-zA-Z ]*" "$log" | sed 's/ from [^ ]*$//' || true
}
for run in $(seq 1 "$RUNS"); do
  echo "== run $run"
  measure "$BARE/bare.log" java -jar "$BARE"/target/bare-1.jar --server.port=0
  rm -rf target/bench-start
  echo "-- first start"
  measure target/bench-start.log java -jar "$JAR" --server.port=0 --fangpin.data-dir="$(pwd)/target/bench-start"
  echo "-- restart"
  measure target/bench-start.log java -jar "$JAR" --server.port=0 --fangpin.data-dir="$(pwd)/target/bench-start"
done
rm -rf "$BARE"
