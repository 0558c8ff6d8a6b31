# blockvote — the two commands a person needs are `make serve` and `make test`.
# Each first installs whatever is missing (scripts/setup.sh) and never rebuilds a tool
# that is already there at the right version.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
# npm's wasm-opt must come before Debian's /usr/bin/wasm-opt, which miscompiles.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true
export CHROMEDRIVER := /usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT := 180
export CARGO_TERM_COLOR := never

.PHONY: serve test dist setup setup-test fmt lint test-native test-wasm test-e2e bench bench-native clean

## serve: install what is missing, build, and serve the app on http://127.0.0.1:8080
serve: setup
	trunk serve

## dist: release build — dist/ for serving and dist/blockvote.html, the one-file app
dist: setup
	trunk build --release
	node scripts/single-file.mjs dist

## test: install what is missing and run every test
test: setup-test lint test-native fuzz-smoke test-wasm dist test-e2e

setup:
	bash scripts/setup.sh build

setup-test:
	bash scripts/setup.sh test

## fmt: format the Rust and the markup inside `view!` (leptosfmt and rustfmt, twice:
## each can move what the other formats, and the second round settles it)
fmt:
	leptosfmt --quiet src && cargo fmt --all
	leptosfmt --quiet src && cargo fmt --all

lint:
	cargo fmt --all --check
	leptosfmt --check --quiet src
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --workspace --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p blockvote --tests --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test --workspace

test-wasm:
	cargo test -p blockvote --target wasm32-unknown-unknown

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

# Fuzzing (docs/fuzzing.md): cargo-fuzz on the stable toolchain, one target at a time.
.PHONY: fuzz fuzz-smoke
FUZZ_TARGETS := link_decode saved_import dataset_csv number_entry chart_axis store_merge lzma_unpack
## fuzz: FUZZ_RUNS runs of every fuzz target (about 20 minutes for the default million)
FUZZ_RUNS ?= 1000000
fuzz: setup-test
	for target in $(FUZZ_TARGETS); do bash fuzz/run.sh $$target -runs=$(FUZZ_RUNS); done

## fuzz-smoke: FUZZ_SMOKE_SECONDS of each fuzz target (after a build of about 80 s); run by `make test`
FUZZ_SMOKE_SECONDS ?= 10
fuzz-smoke: setup-test
	for target in $(FUZZ_TARGETS); do bash fuzz/run.sh $$target -max_total_time=$(FUZZ_SMOKE_SECONDS); done

## bench: release build, the empty Leptos app and the model timing crate (wasm and
## native), then scripts/bench.mjs measures (running the native timing between its
## browser rounds; the start-up phase by phase; the wasm's bytes by crate through
## scripts/wasm-bytes.mjs) and writes docs/benchmarks.md; about 15 minutes from cold
BENCH := $(CURDIR)/target/bench
bench: dist setup-test
	cd bench/empty-app && CARGO_TARGET_DIR=$(BENCH) trunk build --release --locked --dist $(BENCH)/empty-dist
	node scripts/single-file.mjs $(BENCH)/empty-dist
	cd bench/wasm-timing && CARGO_TARGET_DIR=$(BENCH) trunk build --release --locked --dist $(BENCH)/timing-dist
	cd bench/wasm-timing && CARGO_TARGET_DIR=$(BENCH) cargo build --release --locked
	node scripts/bench.mjs --app dist --empty $(BENCH)/empty-dist --timing $(BENCH)/timing-dist \
		--native-bin $(BENCH)/release/blockvote-wasm-timing --out docs/benchmarks.md

## bench-native: the model's divan benchmarks (crates/model/benches), natively
bench-native:
	cargo bench -p blockvote-model

clean:
	rm -rf dist target
