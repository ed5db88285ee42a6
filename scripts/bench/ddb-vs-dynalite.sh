#!/usr/bin/env bash
# ddb-vs-dynalite.sh: `saa-study sim dynamodb --serve` against dynalite, both
# in memory on loopback, driven over raw HTTP by ddbload (scripts/bench/
# ddbload) with 16 requests in flight: PutItem, then GetItem, then Query
# (Limit 10), DURATION each (default 2s). The puts cycle over KEYS keys
# (default 10000), so both servers end holding the same items and their
# peak memory compares like for like (KEYS=0: a new key for every put, so
# the faster server holds more). Each run starts a fresh server;
# runs alternate, RUNS each (default 9). Prints the median requests per
# second of each operation, the servers' peak memory (VmHWM) and CPU time
# per request (over the whole run, and in each operation's phase alone),
# and the ratios. saa-study serves with --throttle off, as
# dynalite never throttles.
#
# Usage: scripts/bench/ddb-vs-dynalite.sh PEER_DIR [RUNS] [DURATION]
#   PEER_DIR: a folder with dynalite installed, e.g.
#     mkdir -p /tmp/peers/dynalite && (cd /tmp/peers/dynalite && npm install dynalite@4.0.0)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
[ $# -ge 1 ] || die "usage: $0 PEER_DIR [RUNS] [DURATION]   (PEER_DIR holds node_modules/dynalite)"
peer=$1 runs=${2:-9} dur=${3:-2s}
[ -d "$peer/node_modules/dynalite" ] || die "$peer/node_modules/dynalite not found; npm install dynalite@4.0.0 there"
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
saa=$(build_saa "$work")
(cd "$root" && go build -o "$work/ddbload" scripts/bench/ddbload/main.go) || die "building ddbload failed"
tck=$(getconf CLK_TCK)

# one NAME PORT CMD... starts a server, loads it, and appends
# "put get query rss_kib cpu_us_per_request put_cpu get_cpu query_cpu" to
# $work/NAME (the last three: µs of server CPU a request in that phase).
one() {
  local name=$1 port=$2
  shift 2
  "$@" >/dev/null 2>&1 &
  pid=$!
  local res
  res=$("$work/ddbload" -url "http://127.0.0.1:$port" -c 16 -d "$dur" -keys "${KEYS:-10000}" -pid "$pid" -json) || die "$name: ddbload failed"
  local rss ticks
  rss=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status")
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
  echo "$res" | jq -r --arg rss "$rss" --arg t "$ticks" --arg tck "$tck" \
    '"\(.put) \(.get) \(.query) \($rss) \(($t | tonumber) / ($tck | tonumber) * 1e6 / .requests) \(.put_cpu_us) \(.get_cpu_us) \(.query_cpu_us)"' >>"$work/$name"
}
port=$((20000 + RANDOM % 20000))
for i in $(seq "$runs"); do
  one saa $((port + 2 * i)) "$saa" sim dynamodb --serve "127.0.0.1:$((port + 2 * i))" --throttle off
  one dynalite $((port + 2 * i + 1)) node "$here/dynalite-serve.mjs" "$peer" $((port + 2 * i + 1))
done
col() { awk -v c="$2" '{print $c}' "$work/$1"; }
for name in saa dynalite; do
  for c in 1 2 3 4 5 6 7 8; do
    declare "m_${name}_$c=$(median $(col $name $c))"
  done
done
printf '%-10s %10s %10s %10s %14s %14s\n' "" "put/s" "get/s" "query/s" "peak RSS MiB" "CPU µs/req"
for name in saa dynalite; do
  a="m_${name}_1" b="m_${name}_2" c="m_${name}_3" d="m_${name}_4" e="m_${name}_5"
  printf '%-10s %10.0f %10.0f %10.0f %14.0f %14.0f\n' "$name" "${!a}" "${!b}" "${!c}" "$((${!d} / 1024))" "${!e}"
done
printf '%-10s %10s %10s %10s   (µs of server CPU a request, each phase alone)\n' "" "put" "get" "query"
for name in saa dynalite; do
  a="m_${name}_6" b="m_${name}_7" c="m_${name}_8"
  printf '%-10s %10.0f %10.0f %10.0f\n' "$name" "${!a}" "${!b}" "${!c}"
done
echo "ratio (saa-study / dynalite, medians of $runs alternating runs, 16 in flight, $dur each, puts over ${KEYS:-10000} keys):" \
  "put $(ratio "$m_saa_1" "$m_dynalite_1")x, get $(ratio "$m_saa_2" "$m_dynalite_2")x, query $(ratio "$m_saa_3" "$m_dynalite_3")x;" \
  "memory $(ratio "$m_dynalite_4" "$m_saa_4")x less; CPU per request $(ratio "$m_dynalite_5" "$m_saa_5")x less" \
  "(put $(ratio "$m_dynalite_6" "$m_saa_6")x, get $(ratio "$m_dynalite_7" "$m_saa_7")x, query $(ratio "$m_dynalite_8" "$m_saa_8")x)"
