#!/usr/bin/env bash
# AWS CLI check of the simulator's HTTP endpoint, on loopback only.
#
# Starts `saa-study sim dynamodb --serve 127.0.0.1:PORT` in the background,
# drives it with the real AWS CLI (dummy credentials), checks the answers,
# then hammers a 5-WCU table on one key until the CLI reports
# ProvisionedThroughputExceededException. Every loop is bounded.
#
#   sim/dynamodb/conformance/awscli_test.sh            # builds the binary
#   SAA_STUDY_BIN=/path/saa-study PORT=8123 ./awscli_test.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
port=${PORT:-$((20000 + RANDOM % 20000))}
work=$(mktemp -d)

if ! command -v aws >/dev/null 2>&1; then
  echo "aws not found: installing the Debian awscli package"
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq awscli
  else sudo apt-get update -qq && sudo apt-get install -y -qq awscli; fi
fi

bin=${SAA_STUDY_BIN:-}
if [ -z "$bin" ]; then
  bin="$work/saa-study"
  (cd "$repo" && go build -o "$bin" ./cmd/saa-study)
fi

"$bin" sim dynamodb --serve "127.0.0.1:$port" 2>"$work/server.log" &
server=$!
cleanup() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

export AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x AWS_SESSION_TOKEN=x AWS_DEFAULT_REGION=us-east-1
export AWS_PAGER="" AWS_RETRY_MODE=standard AWS_MAX_ATTEMPTS=1 # show throttles instead of retrying them
ddb() { aws dynamodb --endpoint-url "http://127.0.0.1:$port" --output json "$@"; }

for _ in $(seq 1 50); do # wait up to 5 s for the listener
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.1
done

fail() { echo "FAIL: $*" >&2; exit 1; }
expect() { # expect NAME TEXT EXTENDED-REGEX
  if grep -Eq -- "$3" <<<"$2"; then echo "ok   $1"; else echo "$2" >&2; fail "$1: no match for $3"; fi
}

echo "== create-table (5 RCU / 5 WCU)"
out=$(ddb create-table --table-name Music \
  --attribute-definitions AttributeName=Artist,AttributeType=S AttributeName=SongTitle,AttributeType=S \
  --key-schema AttributeName=Artist,KeyType=HASH AttributeName=SongTitle,KeyType=RANGE \
  --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5)
expect "create-table is ACTIVE" "$out" '"TableStatus": "ACTIVE"'

echo "== put-item"
out=$(ddb put-item --table-name Music --return-consumed-capacity TOTAL \
  --item '{"Artist":{"S":"No One You Know"},"SongTitle":{"S":"Call Me Today"},"Year":{"N":"2015"}}')
echo "$out"
expect "put-item costs 1 WCU" "$out" '"CapacityUnits": 1(\.0)?,?$'

echo "== query"
out=$(ddb query --table-name Music --key-condition-expression "Artist = :a" \
  --expression-attribute-values '{":a":{"S":"No One You Know"}}' --return-consumed-capacity TOTAL)
echo "$out"
expect "query finds the song" "$out" '"Count": 1'
expect "query costs 0.5 RCU (eventually consistent)" "$out" '"CapacityUnits": 0\.5,?$'

echo "== validation error"
if out=$(ddb get-item --table-name Music --key '{"Artist":{"S":"x"}}' 2>&1); then fail "get-item with half a key succeeded"; fi
echo "$out"
expect "half a key is a ValidationException" "$out" 'ValidationException'

# The CLI starts slowly (about a second a call), so each put must cost more
# than 5 WCU/s can refill in that time: 100 KB items cost 98 WCU each.
echo "== hammer: 100 KB items (98 WCU each) on one key of the 5-WCU table"
printf '{"TableName":"Music","Item":{"Artist":{"S":"Hot Key"},"SongTitle":{"S":"Loop"},"Blob":{"S":"%s"}},"ReturnConsumedCapacity":"TOTAL"}' \
  "$(head -c 100000 /dev/zero | tr '\0' x)" >"$work/big.json"
throttled=0
for i in $(seq 1 40); do # the 300 s of burst credit a new table has hold about 15 such puts
  if out=$(ddb put-item --cli-input-json "file://$work/big.json" 2>&1); then
    echo "put $i ok: $(grep -o '"CapacityUnits": [0-9.]*' <<<"$out")"
  else
    echo "put $i: $out"
    if grep -q ProvisionedThroughputExceededException <<<"$out"; then throttled=1; break; fi
    fail "unexpected error"
  fi
done
[ "$throttled" = 1 ] || fail "no ProvisionedThroughputExceededException in 40 puts"
echo "ok   ProvisionedThroughputExceededException after $i puts"

echo "== streams and PITR"
out=$(ddb update-table --table-name Music --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES)
expect "update-table returns the stream ARN" "$out" '"LatestStreamArn": "arn:aws:dynamodb:us-east-1:[0-9]+:table/Music/stream/'
out=$(aws dynamodbstreams --endpoint-url "http://127.0.0.1:$port" --output json list-streams --table-name Music)
expect "dynamodbstreams list-streams finds it" "$out" '"TableName": "Music"'
out=$(ddb update-continuous-backups --table-name Music \
  --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true,RecoveryPeriodInDays=7)
expect "PITR is on with a 7-day window" "$out" '"RecoveryPeriodInDays": 7'
echo "PASS"
