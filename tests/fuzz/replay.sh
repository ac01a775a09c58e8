#!/bin/sh
# Replays every fuzz target over its committed corpus (tests/fuzz/corpus/<target>/), then fuzzes
# each for a short while so that a regression near the seeds is caught. Inputs found on the way go
# to a scratch folder, never into the committed corpus. Targets run as many at once as there are
# processors (each is one process), so the short runs cost SECONDS x targets / processors.
#   tests/fuzz/replay.sh BUILD_DIR [SECONDS]    (BUILD_DIR from the fuzz preset: build/fuzz; SECONDS 30)
set -eu
build=${1:?usage: replay.sh BUILD_DIR [SECONDS]}
seconds=${2:-30}
here=$(cd "$(dirname "$0")" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
at_once=$(nproc)

# One target: its corpus replayed, then SECONDS of fuzzing; everything it prints goes to its log.
# One process per target (no -jobs, which would write fuzz-N.log into the current folder).
fuzz_one() {
    target=$1
    corpus="$here/corpus/$target"
    binary="$build/fuzz/$target"
    mkdir -p "$scratch/$target"
    "$binary" -runs=0 "$corpus" &&
        "$binary" -max_total_time="$seconds" -max_len=65536 -artifact_prefix="$scratch/$target-" \
            "$scratch/$target" "$corpus"
}

targets=
for corpus in "$here"/corpus/*/; do
    target=$(basename "$corpus")
    [ -x "$build/fuzz/$target" ] || { echo "replay.sh: $build/fuzz/$target is missing; build the fuzz preset first." >&2; exit 1; }
    targets="$targets $target"
done

failed=
running=
for target in $targets; do
    echo "== $target: corpus, then $seconds s"
    fuzz_one "$target" >"$scratch/$target.log" 2>&1 &
    running="$running $!:$target"
    if [ "$(echo "$running" | wc -w)" -ge "$at_once" ] || [ "$target" = "${targets##* }" ]; then
        for job in $running; do
            if wait "${job%%:*}"; then
                tail -n 2 "$scratch/${job#*:}.log"
            else
                cat "$scratch/${job#*:}.log" >&2
                echo "replay.sh: ${job#*:} failed; the input is in the log above (artifact under $scratch, kept)." >&2
                failed=yes
            fi
        done
        running=
    fi
done
if [ -n "$failed" ]; then
    trap - EXIT
    exit 1
fi
