#!/usr/bin/env bash
# Times `plan <stack>` as a whole process (JVM start to exit), several runs, and prints the median.
# Usage: bench/plan-startup.sh [stack] [runs]     (build first: ./mvnw -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
stack="${1:-dev}"
runs="${2:-9}"
jar=target/big-data-stack.jar
[ -f "$jar" ] || { echo "no $jar: run ./mvnw -q package -DskipTests first" >&2; exit 1; }

java -jar "$jar" plan "$stack" >/dev/null # warm the file cache; not counted
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  java -jar "$jar" plan "$stack" >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")
echo "plan $stack: runs=$runs median=${median} ms min=$(echo "$sorted" | head -1) ms max=$(echo "$sorted" | tail -1) ms ($(nproc) cores)"
