#!/usr/bin/env bash
# What a program costs while it waits for a key, in a 100x30
# pseudo-terminal, saa-study and glow alternately, RUNS times each, FOR
# (default 5s) each time: saa-study's home screen against glow's list of
# the same notes, then `saa-study notes lambda-limits` against `glow -t
# lambda-limits.md`. Prints the median CPU milliseconds a second and the
# times a second the program wakes up. A full-screen program is left
# waiting far longer than it is used: on a laptop's battery, and on a
# classroom server where every student's session is one. Run by hand:
# scripts/bench/idle-vs-glow.sh PEER
USAGE="scripts/bench/idle-vs-glow.sh PEER"
source "$(dirname "$0")/common.sh"
need_peer "${1:-}" "$USAGE"
PEER=$1
FOR=${FOR:-5s}
build_all
NOTE=${NOTE:-lambda-limits}
"$TTYBENCH" first-frame -marker Simulators -- "$SAA" --db "$DB" >/dev/null # creates the progress file
for _ in $(seq "$RUNS"); do
	"$TTYBENCH" idle -for "$FOR" -ready Simulators -- "$SAA" --db "$DB" >>"$WORK/a"
	(cd "$NOTES" && "$TTYBENCH" idle -for "$FOR" -ready apigateway.md -- "$PEER" >>"$WORK/b")
	"$TTYBENCH" idle -for "$FOR" -ready "This note collects" -- "$SAA" --db "$DB" notes "$NOTE" >>"$WORK/c"
	"$TTYBENCH" idle -for "$FOR" -ready "This note collects" -- "$PEER" -t "$NOTES/$NOTE.md" >>"$WORK/d"
done
echo "$RUNS runs each of $FOR, alternating; 100x30"
report "idle at home / glow's list: CPU" ms/s "$WORK/a" "$WORK/b" 1
report "idle at home / glow's list: wake-ups" /s "$WORK/a" "$WORK/b" 2
report "idle in note $NOTE: CPU" ms/s "$WORK/c" "$WORK/d" 1
report "idle in note $NOTE: wake-ups" /s "$WORK/c" "$WORK/d" 2
