#!/usr/bin/env bash
# Installs the Debian packages ingestd builds and tests against, if any are missing
# (PostgreSQL and Chromium only serve the tests: a throwaway server, a headless browser).
# As root it runs apt-get; otherwise it prints the exact command to run and fails.
set -euo pipefail
packages=(libcurl4-openssl-dev libsqlite3-dev zlib1g-dev libxml2-dev libmodest-dev libsimdjson-dev pkg-config python3 python3-venv libpq-dev postgresql chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "missing system packages: ${missing[*]}" >&2
  echo "run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
