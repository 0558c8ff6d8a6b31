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

.PHONY: serve test dist setup setup-test lint test-native test-wasm test-e2e bench clean

## serve: install what is missing, build, and serve the app on http://127.0.0.1:8080
serve: setup
	trunk serve

## dist: release build — dist/ for serving and dist/blockvote.html, the one-file app
dist: setup
	trunk build --release
	node scripts/single-file.mjs dist

## test: install what is missing and run every test
test: setup-test lint test-native test-wasm dist test-e2e

setup:
	bash scripts/setup.sh build

setup-test:
	bash scripts/setup.sh test

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --workspace --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test --workspace

test-wasm:
	cargo test -p blockvote --target wasm32-unknown-unknown

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

## bench: release build, then the benchmark table in docs/benchmarks.md
bench: dist
	cargo bench -p blockvote-model

clean:
	rm -rf dist target
