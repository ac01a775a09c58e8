#!/bin/sh
# Replays every fuzz target over its committed corpus (tests/fuzz/corpus/<target>/), then fuzzes
# each for a short while so that a regression near the seeds is caught. Inputs found on the way go
# to a scratch folder, never into the committed corpus.
#   tests/fuzz/replay.sh BUILD_DIR [SECONDS]    (BUILD_DIR from the fuzz preset: build/fuzz; SECONDS 30)
set -eu
build=${1:?usage: replay.sh BUILD_DIR [SECONDS]}
seconds=${2:-30}
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for corpus in "$here"/corpus/*/; do
    target=$(basename "$corpus")
    binary="$build/fuzz/$target"
    [ -x "$binary" ] || { echo "replay.sh: $binary is missing; build the fuzz preset first." >&2; exit 1; }
    echo "== $target: corpus"
    "$binary" -runs=0 "$corpus"
    echo "== $target: $seconds s"
    mkdir -p "$scratch/$target"
    # One process (no -jobs, which would write fuzz-N.log into the current folder); the log is
    # shown in full only when the target fails.
    if ! "$binary" -max_total_time="$seconds" -max_len=65536 -artifact_prefix="$scratch/" \
        "$scratch/$target" "$corpus" >"$scratch/$target.log" 2>&1; then
        cat "$scratch/$target.log" >&2
        echo "replay.sh: $target failed; the input is in the log above (artifact under $scratch, kept)." >&2
        trap - EXIT
        exit 1
    fi
    tail -n 2 "$scratch/$target.log"
done
