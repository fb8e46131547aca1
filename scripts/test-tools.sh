#!/usr/bin/env bash
# The Python tools the tests check ingestd's output with, in a virtual environment of
# their own under .build (never the system's): warcio, the WARC reader and writer
# archivists use (`warcio check`, `warcio index`, and WARC files it writes for import).
# Idempotent: does nothing when the pinned version is already there.
set -euo pipefail
venv=.build/test-tools
want=1.8.1
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import sys; from importlib.metadata import version; sys.exit(version('warcio') != '$want')" 2>/dev/null; then
  exit 0
fi
python3 -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "warcio==$want"
"$venv/bin/python" -c "from importlib.metadata import version; print('test tools: warcio', version('warcio'))"
