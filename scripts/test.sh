#!/usr/bin/env bash
# Set up, then run everything CI checks: lint, formatting, types, the test suite, and the
# long fuzz run (10,000 examples), in the environment locked by requirements-dev.lock.
# Arguments go to pytest and skip the fuzz run, for quick local runs such as
# `bash scripts/test.sh tests/rules -q`.
#
#   bash scripts/test.sh --latest [PYTEST ARGS]   # the same against the newest releases of
#                                                 # every dependency, in .venv-latest
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv
if [ "${1:-}" = "--latest" ]; then
  shift
  bash scripts/setup.sh --latest
  venv=.venv-latest
else
  bash scripts/setup.sh
fi
"$venv/bin/ruff" check src tests bench scripts
"$venv/bin/ruff" format --check src tests bench scripts
"$venv/bin/mypy"
if [ $# -gt 0 ]; then
  exec "$venv/bin/python" -m pytest "$@"
fi
"$venv/bin/python" -m pytest -q -p no:cacheprovider
PYTHON="$venv/bin/python" bash scripts/fuzz.sh
