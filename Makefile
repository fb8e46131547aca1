# ingestd: `make run` builds and runs the demo, `make test` runs the whole test suite.
SWIFT        ?= swift
DEMO_CONFIG  := config/demo/ingestd.yaml
DEMO_ARCHIVE := .demo/archive.sqlite
BIN          := .build/debug/ingestd

.PHONY: run test deps build clean bench-extract feeds-conformance

## Install missing system packages (apt-get as root, else print the command).
deps:
	@./scripts/install-deps.sh

build: deps
	$(SWIFT) build --product ingestd

## Build, ingest the demo feeds into $(DEMO_ARCHIVE) and print the duplicate clusters.
run: build
	$(BIN) run --config $(DEMO_CONFIG) --archive $(DEMO_ARCHIVE)
	@echo
	$(BIN) clusters list --members --archive $(DEMO_ARCHIVE)

## Build and run every test (unit, integration on loopback, end to end), then feed conformance.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	./scripts/feeds-conformance.sh $(BIN)

## feeds parse against feedparser's references in ../shared/feeds; fails below 97 % of files.
feeds-conformance: build
	./scripts/feeds-conformance.sh $(BIN)

## Extraction against trafilatura on ../shared/extraction; rewrites its section of BENCHMARKS.md.
bench-extract: deps
	./scripts/bench-extract.sh

clean:
	rm -rf .build .demo
