#!/usr/bin/env bash
# Time from starting the full-screen program to its first frame, in a
# 100x30 pseudo-terminal (ttybench answers the terminal queries as a real
# terminal does), saa-study and glow alternately, RUNS times each:
# saa-study's home screen until its menu shows ("Simulators"), and glow in
# a folder of the same notes until its list shows ("apigateway.md"). Also
# when saa-study's home has counted the content (the summary line, drawn
# after the first frame). Prints medians and saa-study's over glow's.
# Run by hand: scripts/bench/startup-vs-glow.sh PEER (inside tmux, with
# IN_TMUX=1, for a tmux pane's figures)
USAGE="scripts/bench/startup-vs-glow.sh PEER"
source "$(dirname "$0")/common.sh"
need_peer "${1:-}" "$USAGE"
PEER=$1
build_all
"$TTYBENCH" first-frame "${TTYFLAGS[@]}" -marker Simulators -- "$SAA" --db "$DB" >/dev/null # creates the progress file
(cd "$NOTES" && "$TTYBENCH" first-frame "${TTYFLAGS[@]}" -marker apigateway.md -- "$PEER" >/dev/null)
for _ in $(seq "$RUNS"); do
	"$TTYBENCH" first-frame "${TTYFLAGS[@]}" -marker Simulators -- "$SAA" --db "$DB" >>"$WORK/a"
	(cd "$NOTES" && "$TTYBENCH" first-frame "${TTYFLAGS[@]}" -marker apigateway.md -- "$PEER" >>"$WORK/b")
	"$TTYBENCH" first-frame "${TTYFLAGS[@]}" -marker flashcards -- "$SAA" --db "$DB" >>"$WORK/c"
done
echo "$RUNS runs each, alternating; 100x30"
report "start to first frame" ms "$WORK/a" "$WORK/b"
report "start to home with its content counted" ms "$WORK/c" "$WORK/b"
