#!/usr/bin/env bash
# Times `plan <stack>` as a whole process (JVM start to exit), several runs, and prints the median: first as the
# README runs it (`java -jar`), then with start-up JVM options (an AppCDS archive of the loaded classes, C1 only,
# serial GC) to show what the JVM, rather than the program, costs.
# Usage: bench/plan-startup.sh [stack] [runs]     (build first: ./mvnw -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
stack="${1:-dev}"
runs="${2:-9}"
jar=target/big-data-stack.jar
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }

median_ms() { # $@: the java options before -jar
  java "$@" -jar "$jar" plan "$stack" >/dev/null # warm the file cache; not counted
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    java "$@" -jar "$jar" plan "$stack" >/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

echo "plan $stack, median of $runs runs on $(nproc) cores:"
echo "  java -jar:                         $(median_ms) ms"
archive=target/plan-startup.jsa
java -XX:ArchiveClassesAtExit="$archive" -jar "$jar" plan "$stack" >/dev/null 2>&1
echo "  with AppCDS + C1 + serial GC:      $(median_ms -XX:SharedArchiveFile="$archive" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC) ms"
