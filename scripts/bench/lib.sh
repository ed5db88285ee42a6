# lib.sh: helpers shared by the comparison scripts in scripts/bench.
# Sourced, not run.

# die prints a message on stderr and exits 1.
die() { echo "$(basename "$0"): $*" >&2; exit 1; }

# median prints the median of the numbers given as arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.6g\n", (a[NR/2]+a[NR/2+1])/2}'; }

# ratio A B prints A/B with two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

# timed OUT CMD... runs CMD with stdout to OUT and prints
# "wall_seconds max_rss_kib cpu_seconds" (cpu: user + system).
timed() {
  local out=$1 t
  shift
  t=$(mktemp)
  /usr/bin/time -f '%e %M %U %S' -o "$t" "$@" >"$out" || { rm -f "$t"; die "failed: $*"; }
  awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}' "$t"
  rm -f "$t"
}

# build_saa DIR builds the saa-study binary into DIR and prints its path.
build_saa() {
  local root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  (cd "$root" && go build -o "$1/saa-study" ./cmd/saa-study) || die "go build failed"
  echo "$1/saa-study"
}

command -v node >/dev/null || die "node is not installed"
[ -x /usr/bin/time ] || die "/usr/bin/time is missing (apt-get install time)"
command -v jq >/dev/null || die "jq is not installed (apt-get install jq)"
