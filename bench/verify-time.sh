#!/usr/bin/env bash
# Times `./mvnw -B -o verify` as a whole (wall clock, and CPU seconds of the whole process tree, which a busy shared
# machine distorts far less than the wall clock), then shows where the time went: the sum of the JUnit classes' times and the
# slowest classes (from target/surefire-reports), with the machine's load average before and after, since a shared
# machine's figures mean little without it. Run it on a warm machine (~/.m2 and policy/node_modules present).
# Usage: bench/verify-time.sh [top]
set -euo pipefail
cd "$(dirname "$0")/.."
top="${1:-10}"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s%N)
log=$(mktemp)
/usr/bin/time -f "cpu: %U s user + %S s sys" -o "$log.time" ./mvnw -B -o verify > "$log" 2>&1 || { tail -40 "$log"; exit 1; }
end=$(date +%s%N)
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
echo "verify: $(( (end - start) / 1000000 )) ms wall; $(cat "$log.time")"
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
