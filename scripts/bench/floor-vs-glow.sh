#!/usr/bin/env bash
# Puts a floor under the comparisons with glow: the same figures for
# scripts/bench/floor, a program that links only saa-study's interface
# libraries (Bubble Tea, Lip Gloss, Bubbles and Glamour, all v2) and does
# the least of what saa-study does. saa-study, the floor and glow run
# alternately, RUNS times each; each line prints the three medians, then
# saa-study over the floor (what saa-study adds) and the floor over glow
# (what the libraries cost against glow's); and the floor's version when
# it also links the libraries of saa-study's other features. Run by hand:
# scripts/bench/floor-vs-glow.sh PEER
USAGE="scripts/bench/floor-vs-glow.sh PEER"
source "$(dirname "$0")/common.sh"
need_peer "${1:-}" "$USAGE"
PEER=$1
build_all
(cd "$ROOT" && go build -o "$WORK/floor" ./scripts/bench/floor)
(cd "$ROOT" && go build -tags deps -o "$WORK/floor-deps" ./scripts/bench/floor)
FLOOR=$WORK/floor
NOTE=${NOTE:-lambda-limits}
MD=$NOTES/$NOTE.md
READY="This note collects"
"$TTYBENCH" first-frame -marker Simulators -- "$SAA" --db "$DB" >/dev/null # creates the progress file
for _ in $(seq "$RUNS"); do
	timed_run "$WORK/va" "$SAA" version
	timed_run "$WORK/vf" "$FLOOR" version
	timed_run "$WORK/vg" "$PEER" --version
	timed_run "$WORK/vd" "$WORK/floor-deps" version
	timed_run "$WORK/pa" "$SAA" --db "$DB" notes "$NOTE" --print --width 100
	timed_run "$WORK/pf" "$FLOOR" print "$MD"
	timed_run "$WORK/pg" "$PEER" -w 100 "$MD"
	"$TTYBENCH" first-frame -marker Simulators -- "$SAA" --db "$DB" >>"$WORK/fa"
	"$TTYBENCH" first-frame -marker Simulators -- "$FLOOR" home >>"$WORK/ff"
	(cd "$NOTES" && "$TTYBENCH" first-frame -marker apigateway.md -- "$PEER" >>"$WORK/fg")
	"$TTYBENCH" memory -ready Simulators -- "$SAA" --db "$DB" >>"$WORK/ma"
	"$TTYBENCH" memory -ready Simulators -- "$FLOOR" home >>"$WORK/mf"
	(cd "$NOTES" && "$TTYBENCH" memory -ready apigateway.md -- "$PEER" >>"$WORK/mg")
	"$TTYBENCH" scroll -ready "$READY" -key j -- "$SAA" --db "$DB" notes "$NOTE" >>"$WORK/sa"
	"$TTYBENCH" scroll -ready "$READY" -key j -- "$FLOOR" note "$MD" >>"$WORK/sf"
	"$TTYBENCH" scroll -ready "$READY" -key j -- "$PEER" -t "$MD" >>"$WORK/sg"
done

# line NAME UNIT FILE-PREFIX [COLUMN]
line() {
	local a f g col=${4:-1}
	a=$(awk -v c="$col" '{print $c}' "$WORK/${3}a" | median)
	f=$(awk -v c="$col" '{print $c}' "$WORK/${3}f" | median)
	g=$(awk -v c="$col" '{print $c}' "$WORK/${3}g" | median)
	printf "%-30s saa-study %8s  floor %8s  glow %8s %-4s  saa/floor %s  floor/glow %s\n" \
		"$1" "$a" "$f" "$g" "$2" "$(ratio "$a" "$f")" "$(ratio "$f" "$g")"
}
echo "$RUNS runs each, alternating; 100x30; note $NOTE"
line "version: wall time" ms v 1
line "version: peak memory" MiB v 3
printf "%-30s floor with the libraries of saa-study's other features (-tags deps): %s ms\n" \
	"version: wall time" "$(awk '{print $1}' "$WORK/vd" | median)"
line "print a note: wall time" ms p 1
line "print a note: peak memory" MiB p 3
line "start to first frame" ms f
line "peak memory, home" MiB m
line "scroll key to end of frame" ms s 2
