#!/usr/bin/env bash
# replay-vs-ts-fsrs.sh: `saa-study srs replay FILE --json` against the same
# replay done with ts-fsrs (tsfsrs-replay.mjs), as whole processes, on a
# history of 20,000 cards (about 211,000 reviews). Runs alternate, RUNS
# each (default 9); prints the median wall time and peak memory of each and
# the ratios. The two outputs must be byte for byte the same.
#
# Usage: scripts/bench/replay-vs-ts-fsrs.sh PEER_DIR [RUNS]
#   PEER_DIR: a folder with ts-fsrs installed, e.g.
#     mkdir -p /tmp/peers/ts-fsrs && (cd /tmp/peers/ts-fsrs && npm install ts-fsrs@5.4.2)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
[ $# -ge 1 ] || die "usage: $0 PEER_DIR [RUNS]   (PEER_DIR holds node_modules/ts-fsrs)"
peer=$1 runs=${2:-9}
[ -d "$peer/node_modules/ts-fsrs" ] || die "$peer/node_modules/ts-fsrs not found; npm install ts-fsrs@5.4.2 there"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
saa=$(build_saa "$work")
node "$here/replay-input.mjs" 20000 >"$work/in.json"
echo "input: 20,000 cards, $(grep -o '"rating"' "$work/in.json" | wc -l) reviews, $(du -h "$work/in.json" | cut -f1)"
"$saa" srs replay "$work/in.json" --json >"$work/saa.out"
node "$here/tsfsrs-replay.mjs" "$peer" "$work/in.json" >"$work/peer.out"
cmp -s "$work/saa.out" "$work/peer.out" || die "the outputs differ: diff $work/saa.out $work/peer.out"
echo "outputs identical ($(wc -l <"$work/saa.out") lines)"
st=() sm=() sc=() pt=() pm=() pc=()
for i in $(seq "$runs"); do
  read -r t m c < <(timed /dev/null "$saa" srs replay "$work/in.json" --json); st+=("$t"); sm+=("$m"); sc+=("$c")
  read -r t m c < <(timed /dev/null node "$here/tsfsrs-replay.mjs" "$peer" "$work/in.json"); pt+=("$t"); pm+=("$m"); pc+=("$c")
done
s_t=$(median "${st[@]}") s_m=$(median "${sm[@]}") s_c=$(median "${sc[@]}")
p_t=$(median "${pt[@]}") p_m=$(median "${pm[@]}") p_c=$(median "${pc[@]}")
echo "saa-study srs replay --json: median ${s_t} s wall, ${s_c} s CPU, peak RSS $((s_m / 1024)) MiB   (wall: ${st[*]})"
echo "ts-fsrs replay:              median ${p_t} s wall, ${p_c} s CPU, peak RSS $((p_m / 1024)) MiB   (wall: ${pt[*]})"
echo "ratio (ts-fsrs / saa-study): wall $(ratio "$p_t" "$s_t")x, CPU $(ratio "$p_c" "$s_c")x, memory $(ratio "$p_m" "$s_m")x ($runs runs each, alternating)"
