#!/usr/bin/env bash
# Installs ingestd under PREFIX: bin/ingestd (static Swift standard library and Foundation),
# share/man/man1/ingestd.1 (generated from the command definitions by swift-argument-parser's
# generate-manual plugin), and bash, zsh and fish completions (the binary's own
# --generate-completion-script). Builds in .build-static and .build-man, apart from .build.
# usage: scripts/install.sh PREFIX
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:?usage: scripts/install.sh PREFIX}
swift build -c release --static-swift-stdlib --scratch-path .build-static --product ingestd
bin=.build-static/release/ingestd
rm -rf .build-man/pages && mkdir -p .build-man/pages
swift package --scratch-path .build-man --allow-writing-to-directory .build-man/pages generate-manual \
  --output-directory .build-man/pages >/dev/null
install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 "$bin" "$prefix/bin/ingestd"
install -m 644 .build-man/pages/ingestd.1 "$prefix/share/man/man1/ingestd.1"
"$bin" --generate-completion-script bash > "$prefix/share/bash-completion/completions/ingestd"
"$bin" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_ingestd"
"$bin" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/ingestd.fish"
echo "installed ingestd $("$prefix/bin/ingestd" --version) under $prefix"
