#!/usr/bin/env sh
# The long fuzz run: property-based tests over loading, validation and Markdown rendering
# with GPAI_DOCS_FUZZ_EXAMPLES examples in all (default 10,000; half loading, half
# validation + rendering). The default test run uses 200. CI runs this script.
#
#   scripts/fuzz.sh                          # 10,000 examples
#   GPAI_DOCS_FUZZ_EXAMPLES=50000 scripts/fuzz.sh -x
set -eu
cd "$(dirname "$0")/.."
export GPAI_DOCS_FUZZ_EXAMPLES="${GPAI_DOCS_FUZZ_EXAMPLES:-10000}"
exec "${PYTHON:-.venv/bin/python}" -m pytest tests/fuzz -q -p no:cacheprovider \
    --hypothesis-show-statistics "$@"
