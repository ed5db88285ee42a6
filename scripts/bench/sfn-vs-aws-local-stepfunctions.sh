#!/usr/bin/env bash
# sfn-vs-aws-local-stepfunctions.sh: the Step Functions engine against
# aws-local-stepfunctions on the same 10-state machine (sfn-ten-states.json:
# Pass with an intrinsic, two Tasks, one retried once, Choice, Wait,
# Parallel, Map, Succeed), in process, one execution after another, tasks
# answered locally, no real waiting. Go side: BenchmarkExecuteTenStateMachine
# at the default benchtime; peer: sfn-peer.mjs. Runs alternate, RUNS each
# (default 9); prints the median time per execution of each and the ratio.
# Both must end with the same output, {"done":true}.
#
# Usage: scripts/bench/sfn-vs-aws-local-stepfunctions.sh PEER_DIR [RUNS]
#   PEER_DIR: a folder with aws-local-stepfunctions installed, e.g.
#     mkdir -p /tmp/peers/sfn && (cd /tmp/peers/sfn && npm install aws-local-stepfunctions@3.0.0)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
[ $# -ge 1 ] || die "usage: $0 PEER_DIR [RUNS]   (PEER_DIR holds node_modules/aws-local-stepfunctions)"
peer=$1 runs=${2:-9}
[ -d "$peer/node_modules/aws-local-stepfunctions" ] || die "$peer/node_modules/aws-local-stepfunctions not found; npm install aws-local-stepfunctions there"
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
saa=$(build_saa "$work")
(cd "$root" && go test -c -o "$work/sfn.test" ./sim/stepfunctions) || die "go test -c failed"
echo '{"S2":[{"return":{"ok":1}}],"S7":[{"error":"E"},{"return":{}}]}' >"$work/mocks.json"
want='{"done":true}'
got=$("$saa" sim stepfunctions run --definition "$here/sfn-ten-states.json" --input '{"n":3}' --mocks "$work/mocks.json" --json | jq -c .output)
[ "$got" = "$want" ] || die "saa-study ended with $got, want $want"
got=$(node "$here/sfn-peer.mjs" "$peer" 1 | head -1)
[ "$got" = "$want" ] || die "aws-local-stepfunctions ended with $got, want $want"
echo "both end with $want"
s=() p=()
for i in $(seq "$runs"); do
  ns=$(cd "$root/sim/stepfunctions" && "$work/sfn.test" -test.run '^$' -test.bench 'ExecuteTenStateMachine$' | awk '/^BenchmarkExecuteTenStateMachine/ {print $3}')
  [ -n "$ns" ] || die "the Go benchmark printed no figure"
  s+=("$(awk -v n="$ns" 'BEGIN {printf "%.1f", n / 1000}')")
  p+=("$(node "$here/sfn-peer.mjs" "$peer" 3000 | awk '/per execution/ {print $2}')")
done
sm=$(median "${s[@]}") pm=$(median "${p[@]}")
echo "saa-study (Go engine):     median ${sm} µs per execution   (runs: ${s[*]})"
echo "aws-local-stepfunctions:   median ${pm} µs per execution   (runs: ${p[*]})"
echo "ratio: saa-study is $(ratio "$pm" "$sm")x faster ($runs runs each, alternating)"
