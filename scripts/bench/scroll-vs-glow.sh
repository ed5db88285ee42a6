#!/usr/bin/env bash
# What a scroll key costs in a long note, saa-study and glow alternately,
# RUNS times each: `saa-study notes lambda-limits` against `glow -t
# lambda-limits.md` (the same Markdown) in a 100x30 pseudo-terminal, 40
# presses of j each run, 40-60 ms apart. Prints two figures for each: the CPU
# milliseconds the program spends per key (its idle CPU over as long taken
# away: the work from key to frame, renderer included), and the median
# milliseconds from the key to the end of the frame it draws (saa-study
# draws at most 120 frames a second and glow 60, so this includes the wait for
# the next frame). Run by hand: scripts/bench/scroll-vs-glow.sh PEER
USAGE="scripts/bench/scroll-vs-glow.sh PEER"
source "$(dirname "$0")/common.sh"
need_peer "${1:-}" "$USAGE"
PEER=$1
build_all
NOTE=${NOTE:-lambda-limits}
READY="This note collects"
for _ in $(seq "$RUNS"); do
	"$TTYBENCH" scroll -ready "$READY" -key j -- "$SAA" --db "$DB" notes "$NOTE" >>"$WORK/a"
	"$TTYBENCH" scroll -ready "$READY" -key j -- "$PEER" -t "$NOTES/$NOTE.md" >>"$WORK/b"
done
echo "$RUNS runs each of 40 presses, alternating; note $NOTE at 100x30"
report "scroll key: CPU per key" ms "$WORK/a" "$WORK/b" 1
report "scroll key: key to end of frame (median)" ms "$WORK/a" "$WORK/b" 2
