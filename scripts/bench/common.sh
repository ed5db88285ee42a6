# Shared by the comparison scripts in this folder; source it, do not run it.
#
# It checks the peer binary given as the first argument, builds saa-study
# (or uses $SAA when set), the ttybench tool and a folder of the built-in
# notes as Markdown (for a peer that reads files), and offers median and
# ratio helpers. RUNS (default 9) is how many runs of each program.
# IN_TMUX=1 (run inside tmux) has ttybench say its terminal is a tmux pane.

set -euo pipefail

RUNS=${RUNS:-9}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

usage_peer() { # usage_peer SCRIPT-USAGE-LINE
	echo "usage: $1" >&2
	echo "  PEER is a glow binary built from its source, e.g. /tmp/peers/glow" >&2
	echo "  (RUNS=N sets the runs of each program, default 9; SAA=FILE uses a built saa-study)" >&2
	exit 2
}

need_peer() { # need_peer PEER USAGE-LINE
	if [[ -z ${1:-} || ! -x $1 ]]; then
		[[ -n ${1:-} ]] && echo "no executable peer at ${1}" >&2
		usage_peer "$2"
	fi
}

WORK=$(mktemp -d /tmp/saa-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

build_all() {
	if [[ -z ${SAA:-} ]]; then
		(cd "$ROOT" && go build -o "$WORK/saa-study" ./cmd/saa-study)
		SAA=$WORK/saa-study
	fi
	(cd "$ROOT" && go build -o "$WORK/ttybench" ./scripts/bench/ttybench)
	TTYBENCH=$WORK/ttybench
	(cd "$ROOT" && go run ./scripts/bench/exportnotes "$WORK/notes")
	NOTES=$WORK/notes
	TTYFLAGS=()
	[[ ${IN_TMUX:-} == 1 ]] && TTYFLAGS=(-tmux)
	DB=$WORK/progress.db
	export XDG_CONFIG_HOME=$WORK/config XDG_DATA_HOME=$WORK/data XDG_CACHE_HOME=$WORK/cache
}

# median reads numbers, one a line, and prints their median.
median() {
	sort -g | awk '{v[NR]=$1} END {if (NR==0) {print "nan"; exit} if (NR%2) print v[(NR+1)/2]; else printf "%.3f\n", (v[NR/2]+v[NR/2+1])/2}'
}

# ratio A B prints A/B with two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b==0) print "inf"; else printf "%.2f\n", a/b}'; }

# timed_run OUT CMD... runs CMD with no terminal and its output discarded,
# and appends "wall-ms cpu-ms peak-MiB" to OUT.
timed_run() {
	local out=$1
	shift
	"$TTYBENCH" run -- "$@" >>"$out"
}

# report NAME UNIT SAA-FILE PEER-FILE [COLUMN] prints the medians of one
# column of both files and saa-study's figure over the peer's.
report() {
	local name=$1 unit=$2 a b col=${5:-1}
	a=$(awk -v c="$col" '{print $c}' "$3" | median)
	b=$(awk -v c="$col" '{print $c}' "$4" | median)
	printf "%-44s saa-study %9s %-4s  peer %9s %-4s  ratio %s\n" "$name" "$a" "$unit" "$b" "$unit" "$(ratio "$a" "$b")"
}
