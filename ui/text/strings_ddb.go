package text

// The DynamoDB console's interface text.
func init() {
	for k, v := range map[string][2]string{
		"sim.dynamodb":          {"DynamoDB", "DynamoDB"},
		"sim.dynamodb.d":        {"AWS CLI console: capacity, hot keys, GSIs, on-demand, DAX, TTL, streams", "AWS CLI 콘솔: 용량, 핫 키, GSI, 온디맨드, DAX, TTL, 스트림"},
		"ddb.intro":             {"Type AWS CLI commands (help lists them) · guide: scenarios · tab: panels", "AWS CLI 명령을 입력하세요 (help로 목록) · guide: 안내 시나리오 · tab: 패널"},
		"ddb.placeholder":       {"create-table --table-name Demo …", "create-table --table-name Demo …"},
		"ddb.placeholder.guide": {"enter: the next step of the guide", "enter: 안내의 다음 단계"},
		"ddb.help": {`DynamoDB commands (AWS CLI syntax; JSON, or Name=x,Type=y shorthand):
  create-table --table-name Demo
    --attribute-definitions AttributeName=pk,AttributeType=S
    --key-schema AttributeName=pk,KeyType=HASH --billing-mode PROVISIONED
    --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5
  put-item --table-name Demo --item '{"pk":{"S":"a"}}'
  get-item --table-name Demo --key '{"pk":{"S":"a"}}' [--consistent-read]
  query --table-name Demo --key-condition-expression "pk = :v"
    --expression-attribute-values '{":v":{"S":"a"}}'
  scan, update-item, delete-item, describe-table, list-tables, update-table,
  update-time-to-live, batch-write-item, transact-write-items, create-backup,
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
  clear                           clear the output
Keys: ↑/↓ history · pgup/pgdn scroll · tab next panel · esc back`,
			`DynamoDB 명령 (AWS CLI 문법, JSON 또는 Name=x,Type=y 축약형):
  create-table --table-name Demo
    --attribute-definitions AttributeName=pk,AttributeType=S
    --key-schema AttributeName=pk,KeyType=HASH --billing-mode PROVISIONED
    --provisioned-throughput ReadCapacityUnits=5,WriteCapacityUnits=5
  put-item --table-name Demo --item '{"pk":{"S":"a"}}'
  get-item --table-name Demo --key '{"pk":{"S":"a"}}' [--consistent-read]
  query --table-name Demo --key-condition-expression "pk = :v"
    --expression-attribute-values '{":v":{"S":"a"}}'
  scan, update-item, delete-item, describe-table, list-tables, update-table,
  update-time-to-live, batch-write-item, transact-write-items, create-backup,
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
  clear                           출력 지우기
키: ↑/↓ 기록 · pgup/pgdn 스크롤 · tab 다음 패널 · esc 뒤로`},
		"ddb.dax.created":  {"DAX cluster %s is in front of your tables; add --dax to reads and writes.", "DAX 클러스터 %s가 테이블 앞에 있습니다. 읽기와 쓰기에 --dax를 붙이세요."},
		"ddb.load.sum":     {"load: %s at %.0f req/s for %d s over %d key(s), %s", "부하: %s, 초당 %.0f건, %d초, 키 %d개, %s"},
		"ddb.load.tot":     {"ok %d · throttled %d · consumed %.1f %s", "성공 %d · 스로틀 %d · 소비 %.1f %s"},
		"ddb.why.none":     {"Why: no throttling — the table and its partitions kept up.", "원인: 스로틀링 없음 — 테이블과 파티션이 처리했습니다."},
		"ddb.why.generic":  {"Why: %d requests throttled; see the capacity panel (tab).", "원인: %d건 스로틀링. 용량 패널(tab)을 보세요."},
		"ddb.why.hot":      {"Why: hot partition — one key needs ≈%.0f %s/s but a partition serves at most %.0f %s/s whatever the table has (%s). Spread the key.", "원인: 핫 파티션 — 키 하나에 초당 약 %.0f %s가 필요하지만 파티션은 테이블 용량과 무관하게 초당 최대 %.0f %s만 처리합니다 (%s). 키를 분산하세요."},
		"ddb.why.ondemand": {"Why: on-demand spike — ≈%.0f %s/s is above what the table absorbs at once: max(%.0f %s/s, 2× the previous peak) (ddb.ondemand.initial). Ramp up or pre-warm.", "원인: 온디맨드 급증 — 초당 약 %.0f %s는 즉시 흡수할 수 있는 max(초당 %.0f %s, 이전 최고치의 2배)를 넘습니다 (ddb.ondemand.initial). 점진적으로 늘리거나 미리 워밍하세요."},
		"ddb.why.gsi":      {"Why: GSI back-pressure — index %s has only %d WCU for %.0f writes/s that each update it, so DynamoDB throttles the base-table writes (ddb.indexes).", "원인: GSI 역압 — 인덱스 %s는 %d WCU뿐인데 초당 %.0f건의 쓰기가 모두 인덱스를 갱신해 기본 테이블 쓰기가 스로틀링됩니다 (ddb.indexes)."},
		"ddb.why.burst":    {"Why: provisioned rate — ≈%.0f %s/s demanded, %.0f %s/s provisioned; burst credit (≤ 300 s of unused capacity, ddb.burst.seconds) was used up after %d s.", "원인: 프로비저닝 한도 — 초당 약 %.0f %s 요청, 프로비저닝 초당 %.0f %s. 버스트 크레딧(사용하지 않은 용량 최대 300초분, ddb.burst.seconds)이 %d초 뒤 소진되었습니다."},
		"ddb.why.prov":     {"Why: provisioned rate — ≈%.0f %s/s demanded, %.0f %s/s provisioned, and no burst credit saved yet (≤ 300 s of unused capacity, ddb.burst.seconds).", "원인: 프로비저닝 한도 — 초당 약 %.0f %s 요청, 프로비저닝 초당 %.0f %s이며 모아 둔 버스트 크레딧(사용하지 않은 용량 최대 300초분, ddb.burst.seconds)이 없습니다."},
		"ddb.nochart":      {"No load run yet: try load --table Demo --rate 200 --seconds 60 --keys 1", "아직 부하 실행이 없습니다: load --table Demo --rate 200 --seconds 60 --keys 1"},
		"ddb.s.ok":         {"ok/s", "성공/초"},
		"ddb.s.throttled":  {"throttled/s", "스로틀/초"},
		"ddb.p.capacity":   {"capacity", "용량"},
		"ddb.p.stream":     {"stream", "스트림"},
		"ddb.p.dax":        {"DAX", "DAX"},
		"ddb.p.chart":      {"load chart", "부하 차트"},
		"ddb.notable":      {"No table yet: create one.", "아직 테이블이 없습니다. 하나 만드세요."},
		"ddb.nostream":     {"No stream records (enable a stream with --stream-specification).", "스트림 레코드가 없습니다 (--stream-specification으로 스트림을 켜세요)."},
		"ddb.nodax":        {"No DAX cluster: create-cluster --cluster-name C", "DAX 클러스터가 없습니다: create-cluster --cluster-name C"},
		"ddb.m.table":      {"table %s · %s · %d partition(s) · now %s", "테이블 %s · %s · 파티션 %d개 · 현재 %s"},
		"ddb.m.bucket":     {"%s tokens %.0f of %.0f (burst)", "%s 토큰 %.0f / %.0f (버스트)"},
		"ddb.m.allow":      {"on-demand: %.0f RRU/s · %.0f WRU/s at once", "온디맨드: 즉시 초당 %.0f RRU · %.0f WRU"},
		"ddb.m.gsi":        {"GSI %s: write tokens %.0f of %.0f", "GSI %s: 쓰기 토큰 %.0f / %.0f"},
		"ddb.dax.stats":    {"DAX %s: item hits %d, misses %d · query hits %d, misses %d", "DAX %s: 항목 적중 %d, 미스 %d · 쿼리 적중 %d, 미스 %d"},
		"ddb.dax.rate":     {"hit rate %.0f%% · strong reads passed through %d · RCU used by misses %.1f", "적중률 %.0f%% · 통과한 강력한 일관성 읽기 %d · 미스가 쓴 RCU %.1f"},
		"ddb.guides":       {"Guided scenarios (guide N starts one; enter on an empty line runs the next step):", "안내 시나리오 (guide N으로 시작, 빈 줄에서 enter로 다음 단계):"},
		"ddb.guide.start":  {"Guided: %s — a fresh DynamoDB for it.", "안내: %s — 새 DynamoDB로 시작합니다."},
		"ddb.guide.next":   {"%s · %d/%d · enter: %s", "%s · %d/%d · enter: %s"},
		"ddb.guide.done":   {"%s · done · guide N for another", "%s · 완료 · 다른 시나리오는 guide N"},
		"ddb.guide.bad":    {"guide: no scenario %q (guide lists them)", "guide: %q 시나리오가 없습니다 (guide로 목록 확인)"},
		"ddb.guide.unexp":  {"Unexpected: this step should have ended in %s.", "예상과 다름: 이 단계는 %s로 끝나야 합니다."},
		"ddb.running":      {"running…", "실행 중…"},
		"ddb.k.panel":      {"panel", "패널"},
		"ddb.k.next":       {"next step", "다음 단계"},
		"ddb.k.run":        {"run", "실행"},
		"ddb.k.history":    {"history", "기록"},
		"ddb.k.scroll":     {"scroll up", "위로 스크롤"},
		"ddb.k.scrolldown": {"scroll down", "아래로 스크롤"},
		"ddb.k.panelback":  {"previous panel", "이전 패널"},
	} {
		strs[k] = v
	}
}
