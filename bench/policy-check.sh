#!/usr/bin/env bash
# Times the offline policy check over every stack's plan as a whole process (node start to exit), several runs,
# and prints the median. Usage: bench/policy-check.sh [runs]
# Needs the plans and the built pack: ./mvnw -q -B verify (or `plan --all` and `npm --prefix policy ci`).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-9}"
ls target/plan/*.json >/dev/null 2>&1 || { echo "no target/plan/*.json: run java -jar target/big-data-stack.jar plan --all" >&2; exit 1; }
[ -f policy/dist/check.js ] || { echo "policy pack not built: npm --prefix policy ci" >&2; exit 1; }

measure() { # $@: the command
  "$@" >/dev/null 2>&1 || true # warm-up; a mandatory violation (exit 1) still counts as a run
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p"
}

plans=(target/plan/*.json)
echo "policy check of ${#plans[@]} plans: node dist/check.js median $(measure node policy/dist/check.js "${plans[@]}") ms," \
     "npm run check median $(measure npm --prefix policy run --silent check -- target/plan) ms (runs=$runs, $(nproc) cores)"
