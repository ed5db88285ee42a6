#!/usr/bin/env bash
# Prints one note to a pipe, saa-study and glow alternately, RUNS times
# each: `saa-study notes lambda-limits --print --width 100` against
# `glow -w 100 lambda-limits.md` on the same note's Markdown (glow, like
# saa-study, renders without colour to a pipe). Prints the median wall
# time, CPU time and peak memory of each and saa-study's over glow's (below 1 is
# faster or smaller). Run by hand: scripts/bench/print-vs-glow.sh PEER
USAGE="scripts/bench/print-vs-glow.sh PEER"
source "$(dirname "$0")/common.sh"
need_peer "${1:-}" "$USAGE"
PEER=$1
build_all
NOTE=${NOTE:-lambda-limits}
"$SAA" --db "$DB" notes "$NOTE" --print --width 100 >/dev/null # warm the page cache
"$PEER" -w 100 "$NOTES/$NOTE.md" >/dev/null
for _ in $(seq "$RUNS"); do
	timed_run "$WORK/a" "$SAA" --db "$DB" notes "$NOTE" --print --width 100
	timed_run "$WORK/b" "$PEER" -w 100 "$NOTES/$NOTE.md"
done
echo "$RUNS runs each, alternating; note $NOTE at 100 columns, to a pipe"
report "notes $NOTE --print: wall time" ms "$WORK/a" "$WORK/b" 1
report "notes $NOTE --print: CPU time" ms "$WORK/a" "$WORK/b" 2
report "notes $NOTE --print: peak memory" MiB "$WORK/a" "$WORK/b" 3
