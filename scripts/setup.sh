#!/usr/bin/env bash
# Install everything gpai-docs needs on a fresh Debian machine: system libraries for
# WeasyPrint (Pango, HarfBuzz subsetting), poppler for the PDF tests, a Java runtime for
# the optional Spark engine, and a virtual environment with the package and its tools.
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils)
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

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.gpai-docs-installed
want=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing gpai-docs and its development tools into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade "pip>=25.1"
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[pdf,spark,sign]" --group dev
  echo "$want" > "$stamp"
fi
