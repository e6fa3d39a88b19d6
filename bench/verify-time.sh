#!/usr/bin/env bash
# Times `./mvnw -B -o verify` as a whole process, several runs one after the other, and prints the median wall clock
# and CPU seconds (user + sys of the whole process tree, which a busy shared machine distorts far less than the wall
# clock), with the machine's load average before and after, since a shared machine's figures mean little without it.
# Then where the last run's time went: the sum of the JUnit classes' times and the slowest classes (target/surefire-reports).
# Run it on a warm machine (~/.m2 and policy/node_modules present); the first run compiles whatever changed.
# Usage: bench/verify-time.sh [runs] [top]        (the 60 s target is for the median wall clock)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
top="${2:-10}"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
walls=()
cpus=()
log=$(mktemp)
for run in $(seq "$runs"); do
    start=$(date +%s%N)
    /usr/bin/time -f "%U %S" -o "$log.time" ./mvnw -B -o verify > "$log" 2>&1 || { tail -40 "$log"; exit 1; }
    end=$(date +%s%N)
    wall=$(( (end - start) / 1000000 ))
    cpu=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$log.time")
    walls+=("$wall")
    cpus+=("$cpu")
    echo "run $run: $(( wall / 1000 )).$(( wall % 1000 / 100 )) s wall, $(( cpu / 1000 )) s CPU"
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
mw=$(median "${walls[@]}")
mc=$(median "${cpus[@]}")
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "verify, median of $runs: $(( mw / 1000 )).$(( mw % 1000 / 100 )) s wall, $(( mc / 1000 )) s CPU"
python3 - "$top" <<'PY'
import glob, re, sys
rows = []
for f in glob.glob("target/surefire-reports/TEST-*.xml"):
    head = open(f, encoding="utf-8").read(4000)
    suite = re.search(r"<testsuite\b[^>]*>", head).group(0)
    rows.append((float(re.search(r'\btime="([^"]+)"', suite).group(1)), re.search(r'\bname="([^"]+)"', suite).group(1)))
rows.sort(reverse=True)
print("JUnit classes: %d, sum of their times: %.1f s" % (len(rows), sum(t for t, _ in rows)))
for t, name in rows[: int(sys.argv[1])]:
    print("  %6.1f s  %s" % (t, name))
PY
rm -f "$log" "$log.time"
