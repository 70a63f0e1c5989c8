#!/usr/bin/env sh
# The long fuzz run: property-based tests over loading, validation and Markdown rendering
# with GPAI_DOCS_FUZZ_EXAMPLES examples in all (default 10,000; 45% loading, 40% schema
# validation, 15% validation + rendering), and on top a hundredth of that number (at
# least 10) for each publishing command (verify, history with its crawler page and
# feed, diff, import and export hf-card, domains, validate --format sarif), fed hostile
# strings for every output context (tests/fuzz/test_fuzz_commands.py; about half a
# second each). The default test run uses 200 (and 10 per command). CI runs this script.
#
#   scripts/fuzz.sh                          # 10,000 examples (+ 100 per command)
#   GPAI_DOCS_FUZZ_EXAMPLES=50000 scripts/fuzz.sh -x
set -eu
cd "$(dirname "$0")/.."
export GPAI_DOCS_FUZZ_EXAMPLES="${GPAI_DOCS_FUZZ_EXAMPLES:-10000}"
exec "${PYTHON:-.venv/bin/python}" -m pytest tests/fuzz -q -p no:cacheprovider \
    --hypothesis-show-statistics "$@"
