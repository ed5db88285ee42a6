#!/bin/sh
# Runs dynalite's own test suite (test/*.js of a dynalite source checkout,
# with its npm dependencies installed) against `saa-study sim dynamodb --serve`,
# as one mocha process, and prints each test file's pass/fail counts. Mocha's
# JSON report goes to $RESULTS (default: a temporary file, removed).
#
#   sim/dynamodb/conformance/dynalite-suite/run.sh /path/to/dynalite [mocha args…]
#
# The checkout is only read; preload.cjs redirects its helpers' requests to
# the endpoint on 127.0.0.1.
set -eu
dyn=$(cd "${1:?usage: run.sh DYNALITE_CHECKOUT [mocha args]}" && pwd); shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT INT TERM
(cd "$root" && go build -o "$work/saa-study" ./cmd/saa-study)
port=${PORT:-18123}
"$work/saa-study" sim dynamodb --serve "127.0.0.1:$port" --throttle=off 2>"$work/serve.log" &
pid=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 0.3
done
start=$(date +%s)
cd "$dyn"
DDB_ENDPOINT="http://127.0.0.1:$port" ./node_modules/.bin/mocha \
  --require should --require "$here/preload.cjs" --timeout 4s \
  --reporter json --reporter-option output="${RESULTS:-$work/results.json}" "$@" test/*.js || true
end=$(date +%s)
node "$here/summary.cjs" "${RESULTS:-$work/results.json}" "$((end - start))"
