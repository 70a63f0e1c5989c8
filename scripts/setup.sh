#!/usr/bin/env bash
# Install everything gpai-docs needs on a fresh Debian machine: system libraries for
# WeasyPrint (Pango, HarfBuzz subsetting), poppler for the PDF tests, LibreOffice Writer
# without a GUI (soffice, for the Word round-trip tests), a Java runtime for the optional
# Spark engine, and a virtual environment with the package and its tools,
# installed exactly as requirements-dev.lock pins them (hashes checked).
# Idempotent: a second run only checks.
#
#   bash scripts/setup.sh            # .venv from the lock
#   bash scripts/setup.sh --latest   # .venv-latest from the newest releases pyproject.toml allows
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils chromium
  libreoffice-writer-nogui)
command -v java >/dev/null 2>&1 || SYSTEM_PACKAGES+=(default-jre-headless)

missing=()
for pkg in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

source scripts/_uv.sh
latest=0
[ "${1:-}" = "--latest" ] && latest=1
venv=.venv
[ $latest -eq 1 ] && venv=.venv-latest

if [ ! -x "$venv/bin/python" ]; then
  echo "setup: creating $venv"
  "$UV" venv -q --python "${PYTHON:-python3}" "$venv"
fi
export VIRTUAL_ENV="$PWD/$venv"
stamp="$venv/.gpai-docs-installed"
if [ $latest -eq 1 ]; then
  # Always re-resolve: the point is today's newest releases, not yesterday's.
  echo "setup: installing the newest releases into $venv"
  "$UV" pip install -q --upgrade -e ".[pdf,spark,sign]" --group dev
  "$UV" pip freeze | grep -E -i '^(pyyaml|pydantic|weasyprint|duckdb|click)==' | sed 's/^/setup:   /'
  exit 0
fi
want=$(cat pyproject.toml requirements-dev.lock | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing the locked environment (requirements-dev.lock) into $venv"
  # sync removes whatever the lock does not name, so the environment is exactly the lock.
  "$UV" pip sync -q --require-hashes requirements-dev.lock
  "$UV" pip install -q --no-deps -e .
  echo "$want" > "$stamp"
fi

# Microsoft's SARIF multitool, which tests/integrations/test_sarif_multitool.py runs on our
# SARIF with GitHub's ingestion rules. It is an npm package shipping a prebuilt binary per
# OS; pinned, into .tools/sarif, and never saved into a package.json of ours.
SARIF_MULTITOOL_VERSION=5.7.0
sarif_stamp=.tools/sarif/.version
if [ "$(cat "$sarif_stamp" 2>/dev/null)" != "$SARIF_MULTITOOL_VERSION" ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "setup: installing the SARIF multitool $SARIF_MULTITOOL_VERSION into .tools/sarif"
    mkdir -p .tools/sarif
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix .tools/sarif \
      "@microsoft/sarif-multitool@$SARIF_MULTITOOL_VERSION" >/dev/null
    # Its postinstall script only marks the binary executable; npm may not run it.
    chmod u+x .tools/sarif/node_modules/@microsoft/sarif-multitool-*/Sarif.Multitool* 2>/dev/null || true
    echo "$SARIF_MULTITOOL_VERSION" > "$sarif_stamp"
  else
    echo "setup: npm is not installed, so the SARIF multitool is not; its test will be skipped" \
      "(install Node.js and npm, then run this again)"
  fi
fi
