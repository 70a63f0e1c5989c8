# Sourced by the set-up scripts: puts a pinned uv (the installer and resolver that reads
# requirements-dev.lock) into .tools/ and sets UV to it. uv comes from PyPI as a wheel.
UV_VERSION=0.13.9
if [ ! -x .tools/bin/uv ] || [ "$(.tools/bin/uv --version 2>/dev/null | cut -d' ' -f2)" != "$UV_VERSION" ]; then
  echo "setup: installing uv $UV_VERSION into .tools"
  "${PYTHON:-python3}" -m venv .tools
  .tools/bin/python -m pip install -q --disable-pip-version-check "uv==$UV_VERSION" 2>&1 \
    | grep -v "^WARNING: Location" || true
fi
UV="$PWD/.tools/bin/uv"
export UV_NO_PROGRESS=1
