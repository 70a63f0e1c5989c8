#!/usr/bin/env bash
# The main job: set up, then validate and summarise every bundled sample, and build its
# artifacts into output/<sample>/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
status=0
for sample in samples/*/; do
  name=$(basename "$sample")
  echo "== $name"
  .venv/bin/gpai-docs validate "$sample" || status=1
  if .venv/bin/gpai-docs build --help >/dev/null 2>&1; then
    .venv/bin/gpai-docs build "$sample" --out "output/$name" || status=1
  fi
done
exit $status
