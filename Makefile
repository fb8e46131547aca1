# ingestd: `make run` builds and runs the demo, `make test` runs the whole test suite.
SWIFT        ?= swift
DEMO_CONFIG  := config/demo/ingestd.yaml
DEMO_ARCHIVE := .demo/archive.sqlite
BIN          := .build/debug/ingestd

.PHONY: run test deps build clean bench-extract feeds-conformance fuzz fuzz-smoke fault-injection install install-check docs/clusters-report.png
FUZZ_SECONDS ?= 300
PREFIX       ?= /usr/local

## Install missing system packages (apt-get as root, else print the command).
deps:
	@./scripts/install-deps.sh

build: deps
	$(SWIFT) build --product ingestd

## Build, ingest the demo feeds into $(DEMO_ARCHIVE), print the duplicate clusters and write them
## as a page to open in a browser (.demo/clusters.html).
run: build
	$(BIN) run --config $(DEMO_CONFIG) --archive $(DEMO_ARCHIVE)
	@echo
	$(BIN) clusters list --members --archive $(DEMO_ARCHIVE)
	$(BIN) clusters report --html .demo/clusters.html --archive $(DEMO_ARCHIVE)

## Build and run every test (unit, integration on loopback, end to end), a short fuzzing
## pass over every parser, then feed conformance. The tests check WARC output with warcio,
## installed into .build/test-tools by scripts/test-tools.sh.
test: deps
	./scripts/test-tools.sh
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	./scripts/fuzz.sh 20
	./scripts/feeds-conformance.sh $(BIN)
	./scripts/install-check.sh

## Install into $(PREFIX) (/usr/local): the binary, linked with the static Swift standard library
## and Foundation (it needs no Swift on the machine, only Debian's libcurl4, libxml2, libsqlite3-0,
## libpq5, libmodest0 and libsimdjson14), a man page generated from the command definitions, and
## bash, zsh and fish completions. DESTDIR is honoured, for packaging.
install: deps
	./scripts/install.sh "$(DESTDIR)$(PREFIX)"

## `make install` into a scratch prefix, then the checks a server without Swift would make (part of `make test`).
install-check: deps
	./scripts/install-check.sh

## libFuzzer on every parser of untrusted bytes, FUZZ_SECONDS each (see RELIABILITY.md).
fuzz: deps build
	./scripts/fuzz.sh $(FUZZ_SECONDS)

## The same, about 20 s a target (part of `make test`).
fuzz-smoke: deps build
	./scripts/fuzz.sh 20

## SIGKILL at random points of import and run, N times (default 100); verify after each.
fault-injection: deps
	$(SWIFT) build -c release --product ingestd
	./scripts/fault-injection.sh $(or $(N),100) .build/release/ingestd

## feeds parse against feedparser's references in ../shared/feeds; fails below 97 % of files.
feeds-conformance: build
	./scripts/feeds-conformance.sh $(BIN)

## Extraction against trafilatura on ../shared/extraction; rewrites its section of BENCHMARKS.md.
bench-extract: deps
	./scripts/bench-extract.sh

## The README's picture of the demo's clusters report, drawn by headless Chromium.
docs/clusters-report.png: run
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1500 \
	  --screenshot=$@ file://$(CURDIR)/.demo/clusters.html 2>/dev/null

clean:
	rm -rf .build .build-static .build-man .demo
