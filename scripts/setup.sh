#!/usr/bin/env bash
# Installs what blockvote needs to build and test, and nothing that is already there at
# the right version. Everything comes from the package registries (crates.io, npm,
# Debian): this machine cannot download from anywhere else.
#
#   scripts/setup.sh build    toolchain for building the app (make serve, make dist)
#   scripts/setup.sh test     the above plus Chromium, ChromeDriver and cargo-fuzz (make test)
#
# A first run on a brand-new machine takes about 12 minutes (trunk ~6 min and
# wasm-bindgen-cli ~3 min are compiled from source); later runs take about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-build}
TRUNK_VERSION=0.21.14
CARGO_FUZZ_VERSION=0.13.2
LEPTOSFMT_VERSION=0.1.33
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# The versions that must agree: Cargo.lock decides wasm-bindgen; Trunk.toml must pin
# the same, or Trunk will try (and fail, offline) to download its own copy.
wasm_bindgen_version=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$wasm_bindgen_version" ] || die "cannot read the wasm-bindgen version from Cargo.lock"
pinned_wasm_bindgen=$(sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' Trunk.toml)
[ "$pinned_wasm_bindgen" = "$wasm_bindgen_version" ] ||
  die "Trunk.toml pins wasm_bindgen = \"$pinned_wasm_bindgen\" but Cargo.lock has $wasm_bindgen_version; set wasm_bindgen = \"$wasm_bindgen_version\" in Trunk.toml"
pinned_wasm_opt=$(sed -n 's/^wasm_opt = "\(.*\)"/\1/p' Trunk.toml)
binaryen_version=$(sed -n 's/.*"binaryen": "\([0-9.]*\)".*/\1/p' package.json)
[ "$pinned_wasm_opt" = "version_${binaryen_version%%.*}" ] ||
  die "Trunk.toml pins wasm_opt = \"$pinned_wasm_opt\" but package.json has binaryen $binaryen_version; set wasm_opt = \"version_${binaryen_version%%.*}\""

# Rust's wasm target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Trunk: 0.22 needs a newer rustc than this machine's; 0.21.14 builds and works.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features --force
fi

# wasm-bindgen-cli at exactly Cargo.lock's version (`--locked` fails on a yanked
# dependency of the CLI, so it is installed without it). Brings wasm-bindgen-test-runner.
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen_version" ] ||
  [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" != "wasm-bindgen-test-runner $wasm_bindgen_version" ]; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version (about 3 minutes)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi

# npm tools: wasm-opt from binaryen (Debian's binaryen 108 miscompiles; never use
# /usr/bin/wasm-opt) and terser for the one-file build, playwright-core and
# axe-core for the end-to-end tests.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] ||
  [ ! -d node_modules/terser ] ||
  [ "$(node_modules/.bin/wasm-opt --version 2>/dev/null | sed -n 's/.*(\(.*\)).*/\1/p')" != "$pinned_wasm_opt" ]; then
  say "installing npm packages (package-lock.json)"
  npm ci --no-audit --no-fund
fi
[ "$(command -v wasm-opt)" = "$PWD/node_modules/.bin/wasm-opt" ] || die "wasm-opt on PATH is $(command -v wasm-opt), not node_modules/.bin/wasm-opt"

# xz packs the wasm of the one-file build as raw LZMA (scripts/single-file.mjs).
if ! command -v xz >/dev/null; then
  say "installing xz-utils from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq xz-utils >/dev/null
fi

if [ "$what" = test ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Chromium and ChromeDriver from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  chromium_major=$(chromium --version | sed -n 's/^Chromium \([0-9]*\).*/\1/p')
  driver_major=$(chromedriver --version | sed -n 's/^ChromeDriver \([0-9]*\).*/\1/p')
  [ "$chromium_major" = "$driver_major" ] || die "Chromium $chromium_major and ChromeDriver $driver_major differ; apt-get install --only-upgrade chromium chromium-driver"

  # leptosfmt formats the markup inside `view!` (rustfmt leaves macro bodies alone),
  # so screen code is held to the same width as the rest (`make fmt`, `make lint`).
  if [ "$(leptosfmt --version 2>/dev/null)" != "leptosfmt $LEPTOSFMT_VERSION" ]; then
    say "installing leptosfmt $LEPTOSFMT_VERSION (about 2 minutes)"
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install leptosfmt --version "$LEPTOSFMT_VERSION" --locked --force
  fi

  # cargo-fuzz, for `make fuzz-smoke` and `make fuzz` (docs/fuzzing.md). It runs on the
  # stable toolchain (`--sanitizer none`); libfuzzer-sys compiles libFuzzer with g++.
  if [ "$(cargo-fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    say "installing cargo-fuzz $CARGO_FUZZ_VERSION (about 1 minute)"
    CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
  fi
  if ! command -v g++ >/dev/null; then
    say "installing g++ from Debian (libFuzzer is C++)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq g++ >/dev/null
  fi
fi
say "ready: $(trunk --version), wasm-bindgen $wasm_bindgen_version, wasm-opt $pinned_wasm_opt"
