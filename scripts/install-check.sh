#!/usr/bin/env bash
# `make install` into a scratch prefix, then what a Debian server without Swift needs of it:
# ldd names no Swift or Foundation library, the binary runs with an empty environment and
# LD_LIBRARY_PATH, the man page is a manual, and each completion script parses in its shell
# (bash here; zsh and fish when installed).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
./scripts/install.sh "$prefix" >/dev/null
bin="$prefix/bin/ingestd"
if ldd "$bin" | grep -Ei 'swift|foundation|dispatch|BlocksRuntime|not found'; then
  echo "install-check: the installed binary needs the libraries above" >&2; exit 1
fi
version=$(env -i LD_LIBRARY_PATH= "$bin" --version)
[ -n "$version" ] || { echo "install-check: --version printed nothing" >&2; exit 1; }
grep -q '^\.Dt INGESTD 1\|^\.TH INGESTD' "$prefix/share/man/man1/ingestd.1" \
  || { echo "install-check: the man page has no title" >&2; exit 1; }
grep -q 'daemon' "$prefix/share/man/man1/ingestd.1" || { echo "install-check: the man page misses subcommands" >&2; exit 1; }
bash -n "$prefix/share/bash-completion/completions/ingestd"
if command -v zsh >/dev/null; then zsh -n "$prefix/share/zsh/site-functions/_ingestd"; fi
if command -v fish >/dev/null; then fish -n "$prefix/share/fish/vendor_completions.d/ingestd.fish"; fi
echo "install-check: ingestd $version installed and runs without Swift (static standard library and Foundation)"
