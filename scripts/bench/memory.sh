#!/usr/bin/env bash
# Peak resident memory (the kernel's high-water mark, from wait4), in a
# 100x30 pseudo-terminal, saa-study and glow alternately, RUNS times each:
#   home: the first screen, then quit;
#   every screen: saa-study visits each entry of home (three notes, Study
#   on a note, Review, Exam, each simulator, Classroom, Stats, Settings),
#   glow opens three notes from its list.
# Goals: home at most 30 MiB, every screen at most 60 MiB.
# Run by hand: scripts/bench/memory.sh PEER
USAGE="scripts/bench/memory.sh PEER"
source "$(dirname "$0")/common.sh"
need_peer "${1:-}" "$USAGE"
PEER=$1
build_all
W=wait
NOTES3="enter,$W,enter,$W,esc,$W,down,enter,$W,esc,$W,down,enter,$W,esc,$W,esc,$W"
STUDY="down,enter,$W,enter,$W,esc,$W,esc,$W"
ONE="down,enter,$W,esc,$W"
SIMS="down,enter,$W,enter,$W,esc,down,enter,$W,esc,down,enter,$W,esc,down,enter,$W,esc,down,enter,$W,esc,down,enter,$W,esc,$W,esc,$W"
SAA_KEYS="$NOTES3,$STUDY,$ONE,$ONE,$SIMS,$ONE,$ONE,$ONE"
GLOW_KEYS="enter,$W,esc,$W,down,enter,$W,esc,$W,down,enter,$W,esc,$W"
"$TTYBENCH" first-frame -marker Simulators -- "$SAA" --db "$DB" >/dev/null # creates the progress file
for _ in $(seq "$RUNS"); do
	"$TTYBENCH" memory -ready Simulators -- "$SAA" --db "$DB" >>"$WORK/a"
	(cd "$NOTES" && "$TTYBENCH" memory -ready apigateway.md -- "$PEER" >>"$WORK/b")
	"$TTYBENCH" memory -ready Simulators -keys "$SAA_KEYS" -- "$SAA" --db "$DB" >>"$WORK/c"
	(cd "$NOTES" && "$TTYBENCH" memory -ready apigateway.md -keys "$GLOW_KEYS" -- "$PEER" >>"$WORK/d")
done
echo "$RUNS runs each, alternating; 100x30"
report "peak memory, home" MiB "$WORK/a" "$WORK/b"
report "peak memory, every screen (glow: 3 notes)" MiB "$WORK/c" "$WORK/d"
