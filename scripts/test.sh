#!/usr/bin/env bash
# Set up, then run everything CI checks: lint, formatting, types, the test suite, and the
# long fuzz run (10,000 examples). Arguments go to pytest and skip the fuzz run, for
# quick local runs such as `bash scripts/test.sh tests/rules -q`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check src tests bench scripts
.venv/bin/ruff format --check src tests bench scripts
.venv/bin/mypy
if [ $# -gt 0 ]; then
  exec .venv/bin/python -m pytest "$@"
fi
.venv/bin/python -m pytest -q -p no:cacheprovider
bash scripts/fuzz.sh
