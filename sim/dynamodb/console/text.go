package console

// The text the console itself prints, in English and Korean. A caller's
// chrome (panel names, key help) is the caller's.
var texts = map[string][2]string{
	"help": {`DynamoDB commands (AWS CLI syntax; JSON, or Name=x,Type=y shorthand):
%s
  update-continuous-backups, list-streams, … (every engine operation)
Console commands:
  load --table Demo --op PutItem --rate 200 --seconds 60 --keys 1
    [--distribution hot|uniform|zipf] [--item-bytes 500] [--hot-fraction 0.8]
    [--gsi]                       synthetic traffic: a chart and the why
  advance 60                      move the virtual clock (TTL sweep runs)
  create-cluster --cluster-name C a DAX cluster; add --dax to item commands
  stream [--table Demo]           the table's stream records
  guide [N]                       list or start a guided scenario
                                  (enter on an empty line: next step)
  clear                           clear the output`,
		`DynamoDB 명령 (AWS CLI 문법, JSON 또는 Name=x,Type=y 축약형):
%s
  update-continuous-backups, list-streams, … (엔진의 모든 작업)
콘솔 명령:
  load --table Demo --op PutItem --rate 200 --seconds 60 --keys 1
    [--distribution hot|uniform|zipf] [--item-bytes 500] [--hot-fraction 0.8]
    [--gsi]                       합성 트래픽: 차트와 원인
  advance 60                      가상 시계 이동 (TTL 삭제 실행)
  create-cluster --cluster-name C DAX 클러스터. 항목 명령에 --dax 추가
  stream [--table Demo]           테이블의 스트림 레코드
  guide [N]                       안내 시나리오 목록 또는 시작
                                  (빈 줄에서 enter: 다음 단계)
  clear                           출력 지우기`},
	"dax.created":  {"DAX cluster %s is in front of your tables; add --dax to reads and writes.", "DAX 클러스터 %s가 테이블 앞에 있습니다. 읽기와 쓰기에 --dax를 붙이세요."},
	"load.sum":     {"load: %s at %.0f req/s for %d s over %d key(s), %s", "부하: %s, 초당 %.0f건, %d초, 키 %d개, %s"},
	"load.tot":     {"ok %d · throttled %d · consumed %.1f %s", "성공 %d · 스로틀 %d · 소비 %.1f %s"},
	"why.none":     {"Why: no throttling — the table and its partitions kept up.", "원인: 스로틀링 없음 — 테이블과 파티션이 처리했습니다."},
	"why.generic":  {"Why: %d requests throttled; see the capacity panel (tab).", "원인: %d건 스로틀링. 용량 패널(tab)을 보세요."},
	"why.hot":      {"Why: hot partition — one key needs ≈%.0f %s/s but a partition serves at most %.0f %s/s whatever the table has [%s]. Spread the key.", "원인: 핫 파티션 — 키 하나에 초당 약 %.0f %s가 필요하지만 파티션은 테이블 용량과 무관하게 초당 최대 %.0f %s만 처리합니다 [%s]. 키를 분산하세요."},
	"why.ondemand": {"Why: on-demand spike — ≈%.0f %s/s is above what the table absorbs at once: max(%.0f %s/s, 2× the previous peak) [ddb.ondemand.initial]. Ramp up or pre-warm.", "원인: 온디맨드 급증 — 초당 약 %.0f %s는 즉시 흡수할 수 있는 max(초당 %.0f %s, 이전 최고치의 2배)를 넘습니다 [ddb.ondemand.initial]. 점진적으로 늘리거나 미리 워밍하세요."},
	"why.gsi":      {"Why: GSI back-pressure — index %s has only %d WCU for %.0f writes/s that each update it, so DynamoDB throttles the base-table writes [ddb.indexes].", "원인: GSI 역압 — 인덱스 %s는 %d WCU뿐인데 초당 %.0f건의 쓰기가 모두 인덱스를 갱신해 기본 테이블 쓰기가 스로틀링됩니다 [ddb.indexes]."},
	"why.burst":    {"Why: provisioned rate — ≈%.0f %s/s demanded, %.0f %s/s provisioned; burst credit (≤ %d s of unused capacity) [ddb.burst.seconds] was used up after %d s.", "원인: 프로비저닝 한도 — 초당 약 %.0f %s 요청, 프로비저닝 초당 %.0f %s. 버스트 크레딧(사용하지 않은 용량 최대 %d초분) [ddb.burst.seconds]이 %d초 뒤 소진되었습니다."},
	"why.prov":     {"Why: provisioned rate — ≈%.0f %s/s demanded, %.0f %s/s provisioned, and no burst credit saved yet (≤ %d s of unused capacity) [ddb.burst.seconds].", "원인: 프로비저닝 한도 — 초당 약 %.0f %s 요청, 프로비저닝 초당 %.0f %s이며 모아 둔 버스트 크레딧(사용하지 않은 용량 최대 %d초분) [ddb.burst.seconds]이 없습니다."},
	"guides":       {"Guided scenarios (guide N starts one; enter on an empty line runs the next step):", "안내 시나리오 (guide N으로 시작, 빈 줄에서 enter로 다음 단계):"},
	"guide.start":  {"Guided: %s — a fresh DynamoDB for it.", "안내: %s — 새 DynamoDB로 시작합니다."},
	"guide.bad":    {"guide: no scenario %q (guide lists them)", "guide: %q 시나리오가 없습니다 (guide로 목록 확인)"},
	"guide.unexp":  {"Unexpected: this step should have ended in %s.", "예상과 다름: 이 단계는 %s로 끝나야 합니다."},
}

// helpExamples are the AWS CLI lines help shows, the same in every
// language; the help text has a %s for them.
const helpExamples = `  create-table --table-name Demo
    --attribute-definitions AttributeName=pk,AttributeType=S
    --key-schema AttributeName=pk,KeyType=HASH --billing-mode PROVISIONED
    --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5
  put-item --table-name Demo --item '{"pk":{"S":"a"}}'
  get-item --table-name Demo --key '{"pk":{"S":"a"}}' [--consistent-read]
  query --table-name Demo --key-condition-expression "pk = :v"
    --expression-attribute-values '{":v":{"S":"a"}}'
  scan, update-item, delete-item, describe-table, list-tables, update-table,
  update-time-to-live, batch-write-item, transact-write-items, create-backup,`

// text returns the message key in l, falling back to English.
func text(l Lang, key string) string {
	v := texts[key]
	if l == KO && v[1] != "" {
		return v[1]
	}
	return v[0]
}
