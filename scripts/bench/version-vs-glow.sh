#!/usr/bin/env bash
# Runs `saa-study version` and `glow --version` alternately, RUNS times
# each, and prints the median wall time and peak memory of each and
# saa-study's over glow's. The goal is under 50 ms. Run by hand:
# scripts/bench/version-vs-glow.sh PEER
USAGE="scripts/bench/version-vs-glow.sh PEER"
source "$(dirname "$0")/common.sh"
need_peer "${1:-}" "$USAGE"
PEER=$1
build_all
"$SAA" version >/dev/null
"$PEER" --version >/dev/null
for _ in $(seq "$RUNS"); do
	timed_run "$WORK/a" "$SAA" version
	timed_run "$WORK/b" "$PEER" --version
done
echo "$RUNS runs each, alternating"
report "version: wall time" ms "$WORK/a" "$WORK/b" 1
report "version: CPU time" ms "$WORK/a" "$WORK/b" 2
report "version: peak memory" MiB "$WORK/a" "$WORK/b" 3
