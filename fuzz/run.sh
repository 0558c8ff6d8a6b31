#!/usr/bin/env bash
# Runs one cargo-fuzz target of blockvote on the stable toolchain and prints a short
# summary (runs, wall time, executions per second); the full libFuzzer log is kept in
# fuzz/artifacts/<target>.log. See docs/fuzzing.md.
#
#   bash fuzz/run.sh TARGET [libFuzzer options]     e.g.  bash fuzz/run.sh link_decode -runs=1000000
#
# The committed seeds (fuzz/seeds/<target>) are read but never written: libFuzzer
# writes the inputs it finds to the first corpus directory, fuzz/corpus/<target>,
# which git ignores and later runs start from.
set -euo pipefail
cd "$(dirname "$0")/.."

die() { printf 'fuzz: error: %s\n' "$*" >&2; exit 1; }

target=${1:-}
case "$target" in
  link_decode | saved_import | dataset_csv | number_entry | chart_axis | store_merge | lzma_unpack) ;;
  *) die "usage: bash fuzz/run.sh link_decode|saved_import|dataset_csv|number_entry|chart_axis|store_merge|lzma_unpack [libFuzzer options]" ;;
esac
shift
command -v cargo-fuzz >/dev/null || die "cargo-fuzz is missing; run: bash scripts/setup.sh test"

options=(-dict="fuzz/dicts/$target.dict" -print_final_stats=1 -timeout=10)
# A projects file of 8 KiB already holds some 50 rows; longer ones only repeat rows,
# and each run over them costs several times more (the whole engine is prepared).
if [ "$target" = dataset_csv ]; then
  options+=(-max_len=8192)
fi

mkdir -p "fuzz/corpus/$target" fuzz/artifacts
log="fuzz/artifacts/$target.log"
# AddressSanitizer needs a nightly compiler; `--sanitizer none` builds on stable with
# the same coverage instrumentation, and the model has no unsafe code for ASan to
# check. Debug assertions and overflow checks stay on (cargo-fuzz's default). The
# build comes first so that the time measured below is fuzzing alone.
cargo fuzz build --sanitizer none "$target" >"$log" 2>&1 || { tail -n 30 "$log" >&2; die "building $target failed"; }
start=$(date +%s.%N)
status=0
cargo fuzz run --sanitizer none "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- "${options[@]}" "$@" \
  >>"$log" 2>&1 || status=$?
seconds=$(awk -v start="$start" -v end="$(date +%s.%N)" 'BEGIN { printf "%.1f", end - start }')

runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
if [ "$status" -ne 0 ]; then
  # The panic message and the input that caused it (under fuzz/artifacts/<target>/).
  grep -E "panicked at|assertion|Test unit written|SUMMARY|^error" "$log" | head -n 20 >&2 || true
  tail -n 5 "$log" >&2
  # The input itself, so that a run in a clone deleted afterwards (CI) can still be
  # reproduced: `base64 -d > input && cargo fuzz run TARGET input`.
  artifact=$(sed -n 's/.*Test unit written to \([^ ]*\).*/\1/p' "$log" | tail -n 1)
  if [ -n "$artifact" ] && [ -f "$artifact" ]; then
    printf 'fuzz: the input, base64:\n%s\n' "$(base64 -w 0 "$artifact")" >&2
  fi
  die "$target failed after ${runs:-0} runs in ${seconds}s (exit $status); full log: $log"
fi
speed=$(awk -v runs="${runs:-0}" -v seconds="$seconds" 'BEGIN { printf "%.0f", (seconds > 0) ? runs / seconds : 0 }')
printf 'fuzz: %-13s %8s runs in %7ss, %7s exec/s, no crash\n' "$target" "${runs:-?}" "$seconds" "$speed"
