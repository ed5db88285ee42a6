package text

// The DynamoDB console's interface text.
func init() {
	later(func() {
		for k, v := range map[string][2]string{
			"sim.dynamodb":          {"DynamoDB", "DynamoDB"},
			"sim.dynamodb.d":        {"AWS CLI console: capacity, hot keys, GSIs, on-demand, DAX, TTL, streams", "AWS CLI 콘솔: 용량, 핫 키, GSI, 온디맨드, DAX, TTL, 스트림"},
			"ddb.intro":             {"Type AWS CLI commands (help lists them) · guide: scenarios · tab: panels", "AWS CLI 명령을 입력하세요 (help로 목록) · guide: 안내 시나리오 · tab: 패널"},
			"ddb.placeholder":       {"create-table --table-name Demo …", "create-table --table-name Demo …"},
			"ddb.placeholder.guide": {"enter: the next step of the guide", "enter: 안내의 다음 단계"},
			"ddb.help.keys":         {"Keys: ↑/↓ history · pgup/pgdn scroll · tab next panel · esc back", "키: ↑/↓ 기록 · pgup/pgdn 스크롤 · tab 다음 패널 · esc 뒤로"},
			"ddb.nochart":           {"No load run yet: try load --table Demo --rate 200 --seconds 60 --keys 1", "아직 부하 실행이 없습니다: load --table Demo --rate 200 --seconds 60 --keys 1"},
			"ddb.s.ok":              {"ok/s", "성공/초"},
			"ddb.s.throttled":       {"throttled/s", "스로틀/초"},
			"ddb.p.capacity":        {"capacity", "용량"},
			"ddb.p.stream":          {"stream", "스트림"},
			"ddb.p.dax":             {"DAX", "DAX"},
			"ddb.p.chart":           {"load chart", "부하 차트"},
			"ddb.notable":           {"No table yet: create one.", "아직 테이블이 없습니다. 하나 만드세요."},
			"ddb.nostream":          {"No stream records (enable a stream with --stream-specification).", "스트림 레코드가 없습니다 (--stream-specification으로 스트림을 켜세요)."},
			"ddb.nodax":             {"No DAX cluster: create-cluster --cluster-name C", "DAX 클러스터가 없습니다: create-cluster --cluster-name C"},
			"ddb.m.table":           {"table %s · %s · %d partition(s) · now %s", "테이블 %s · %s · 파티션 %d개 · 현재 %s"},
			"ddb.m.bucket":          {"%s tokens %.0f of %.0f (burst)", "%s 토큰 %.0f / %.0f (버스트)"},
			"ddb.m.allow":           {"on-demand: %.0f RRU/s · %.0f WRU/s at once", "온디맨드: 즉시 초당 %.0f RRU · %.0f WRU"},
			"ddb.m.gsi":             {"GSI %s: write tokens %.0f of %.0f", "GSI %s: 쓰기 토큰 %.0f / %.0f"},
			"ddb.dax.stats":         {"DAX %s: item hits %d, misses %d · query hits %d, misses %d", "DAX %s: 항목 적중 %d, 미스 %d · 쿼리 적중 %d, 미스 %d"},
			"ddb.dax.rate":          {"hit rate %.0f%% · strong reads passed through %d · RCU used by misses %.1f", "적중률 %.0f%% · 통과한 강력한 일관성 읽기 %d · 미스가 쓴 RCU %.1f"},
			"ddb.guide.next":        {"%s · %d/%d · enter: %s", "%s · %d/%d · enter: %s"},
			"ddb.guide.done":        {"%s · done · guide N for another", "%s · 완료 · 다른 시나리오는 guide N"},
			"ddb.running":           {"running…", "실행 중…"},
			"ddb.k.panel":           {"panel", "패널"},
			"ddb.k.next":            {"next step", "다음 단계"},
			"ddb.k.run":             {"run", "실행"},
			"ddb.k.history":         {"history", "기록"},
			"ddb.k.scroll":          {"scroll up", "위로 스크롤"},
			"ddb.k.scrolldown":      {"scroll down", "아래로 스크롤"},
			"ddb.k.panelback":       {"previous panel", "이전 패널"},
		} {
			strs[k] = v
		}
	})
}
