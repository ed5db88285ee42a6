#!/usr/bin/env bash
# Runs every Go fuzz target in the repository, one at a time, for SECONDS
# each (default 60), and prints one line per target: package, name,
# seconds, executions and result.
#
#   scripts/fuzz-all.sh          # 60 s each, by hand
#   scripts/fuzz-all.sh 2        # what CI runs (.ci/run)
#
# A failing input is written by `go test` into the target's
# testdata/fuzz/<Target>/ folder; commit it with the fix so it is tested
# by every later `go test`. The script goes on to the next target and
# exits non-zero at the end if any target failed.
set -uo pipefail
cd "$(dirname "$0")/.."

secs=${1:-60}
case $secs in
  '' | *[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

# "dir name" for every `func FuzzXxx(` in a test file, sorted.
targets=$(git ls-files '*_test.go' | xargs grep -H -E '^func Fuzz[A-Za-z0-9_]*\(' |
  sed -E 's|^(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\(.*|\1 \2|; s|^([^/ ]*_test\.go):func (Fuzz[A-Za-z0-9_]*)\(.*|. \2|' |
  sort)
if [ -z "$targets" ]; then
  echo "no fuzz targets found" >&2; exit 1
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
failed=0
start=$SECONDS
printf '%-32s %-22s %5s %12s  %s\n' package target secs execs result
while read -r dir name; do
  t0=$SECONDS
  result=FAIL
  for try in 1 2 3; do
    if go test -run='^$' -fuzz="^${name}\$" -fuzztime="${secs}s" "./$dir" >"$log" 2>&1; then
      result=ok
      [ "$try" -gt 1 ] && result="ok (try $try)"
      break
    fi
    # On a busy machine the fuzzing engine itself can miss its own stop
    # deadline ("context deadline exceeded") with no failing input found:
    # that says nothing about the code, so the target runs again, up to
    # three times (at 2 s a target about one in 25 runs misses it). A
    # real failure writes its input to testdata and is never retried.
    if ! grep -q 'context deadline exceeded' "$log" || grep -q 'Failing input written' "$log"; then
      break
    fi
  done
  if [ "$result" = FAIL ]; then
    failed=$((failed + 1))
  fi
  execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  printf '%-32s %-22s %5s %12s  %s (%ds with the build)\n' "$dir" "$name" "$secs" "${execs:-?}" "$result" $((SECONDS - t0))
  if [ "$result" = FAIL ]; then
    sed 's/^/    /' "$log"
  fi
done <<<"$targets"

echo "$(wc -l <<<"$targets") targets, ${secs}s each, $((SECONDS - start))s in all, $failed failed"
if [ "$failed" -gt 0 ]; then
  echo "new failing inputs (commit them with the fix):"
  git status --short -- '*/testdata/fuzz/*' | sed 's/^/    /'
  exit 1
fi
