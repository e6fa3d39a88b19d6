#!/usr/bin/env bash
# Renders each stack's architecture diagram (target/plan/<stack>.md, written by `plan`) with a real Mermaid renderer
# and checks that it reads at page width: no wider than 2.2 times its height (GitHub scales a README diagram to the
# page width, so a wide diagram's labels become unreadable). Runs only where a renderer is installed; otherwise it
# says "skipped" and exits 0, so CI without a browser never fails on it.
#
# Renderer: mermaid-cli (@mermaid-js/mermaid-cli, pinned 11.12.0) with Debian's chromium, installed outside the repo:
#   apt-get install -y chromium
#   mkdir -p /tmp/mmdc && cd /tmp/mmdc && PUPPETEER_SKIP_DOWNLOAD=1 npm install @mermaid-js/mermaid-cli@11.12.0
# then: MMDC=/tmp/mmdc/node_modules/.bin/mmdc bench/render-diagram.sh [stack...]   (PNGs land in target/diagram/)
set -euo pipefail
cd "$(dirname "$0")/.."

MMDC="${MMDC:-$(command -v mmdc || true)}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [[ -z "$MMDC" || ! -x "$MMDC" || ! -x "$CHROMIUM" ]]; then
  echo "render-diagram: skipped (no mermaid-cli or no $CHROMIUM; see the header of $0)"
  exit 0
fi

stacks=("$@")
if [[ ${#stacks[@]} -eq 0 ]]; then
  for file in target/plan/*.md; do stacks+=("$(basename "$file" .md)"); done
fi
out=target/diagram
mkdir -p "$out"
printf '{"executablePath":"%s","args":["--no-sandbox"]}\n' "$CHROMIUM" > "$out/puppeteer.json"

status=0
for stack in "${stacks[@]}"; do
  md="target/plan/$stack.md"
  [[ -f "$md" ]] || { echo "render-diagram: no $md (run plan $stack first)"; status=1; continue; }
  # The first fenced mermaid block is the diagram.
  awk '/^```mermaid/{on=1;next} on&&/^```/{exit} on' "$md" > "$out/$stack.mmd"
  "$MMDC" -q -p "$out/puppeteer.json" -i "$out/$stack.mmd" -o "$out/$stack.png" -s 2 -b white
  # PNG width and height: big-endian at bytes 16..23.
  read -r width height < <(od -An -tu1 -j16 -N8 "$out/$stack.png" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
  if (( width * 10 > height * 22 )); then
    echo "render-diagram: $stack ${width}x${height} px is wider than 2.2:1 -> $out/$stack.png"
    status=1
  else
    echo "render-diagram: $stack ${width}x${height} px -> $out/$stack.png"
  fi
done
exit $status
