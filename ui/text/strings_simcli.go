package text

// The words of the simulators' command-line summaries (saa-study sim …),
// beside the "sims." labels the consoles share with them.
func init() {
	later(func() {
		for k, v := range map[string][2]string{
			"simc.total":       {"total", "합계"},
			"simc.second":      {"second", "초"},
			"simc.ok":          {"ok", "성공"},
			"simc.timeouts":    {"timeouts", "타임아웃"},
			"simc.hits":        {"hits", "적중"},
			"simc.misses":      {"misses", "미스"},
			"simc.latency":     {"latency", "지연"},
			"simc.fnruns":      {"function runs at %s: %d", "%s 함수 실행: %d"},
			"simc.refused":     {"refused", "거부됨"},
			"simc.subscriber":  {"subscriber", "구독자"},
			"simc.protocol":    {"protocol", "프로토콜"},
			"simc.status":      {"status", "상태"},
			"simc.error":       {"error", "오류"},
			"simc.valid":       {"valid", "올바른 정의입니다"},
			"simc.transitions": {"%d state transitions in %s (virtual time)", "상태 전환 %d회, 가상 시간 %s"},
		} {
			strs[k] = v
		}
	})
}

// The consoles' words that the engines' own Korean does not cover.
func init() {
	later(func() {
		for k, v := range map[string][2]string{
			// lang.code is the language a translation function speaks, for code
			// that is handed only the function (see ui/pages/sim langOf).
			"lang.code":      {"en", "ko"},
			"sim.refused":    {"refused:", "거부됨:"},
			"sim.cache":      {"cache", "캐시"},
			"sim.origin":     {"origin", "오리진"},
			"sim.fromcache":  {"OK (from cache)", "OK (캐시 응답)"},
			"sim.cache.hit":  {"hit", "적중"},
			"sim.cache.miss": {"miss", "미스"},
			"simp.avg":       {"avg ms", "평균 ms"},
			"simp.billed":    {"billed ms", "과금 ms"},
			"simp.per_call":  {"$/invocation", "$/호출"},
			"simp.per_m":     {"$/1M", "$/100만"},
		} {
			strs[k] = v
		}
	})
}

// The Step Functions console's words and its examples' descriptions.
func init() {
	later(func() {
		for k, v := range map[string][2]string{
			"sfn.branch":        {"branch %d", "분기 %d"},
			"sfn.each":          {"each item", "항목마다"},
			"sfn.transitions.n": {"%d state transitions", "상태 전환 %d회"},
			"sfn.rejected":      {"rejected by the approver", "승인자가 거절함"},
			"sfn.ex.retry":      {"Retry with exponential backoff, a delay cap and full jitter, then a catch-all.", "지수 백오프, 대기 시간 상한, 전체 지터로 재시도하고 마지막에 모두 잡는 Catch를 둡니다."},
			"sfn.ex.approval":   {"Human approval: the workflow sends a task token and pauses until someone answers or a day passes.", "사람 승인: 워크플로가 태스크 토큰을 보내고 누군가 응답하거나 하루가 지날 때까지 멈춥니다."},
			"sfn.ex.saga":       {"Order fulfilment as a saga: each step that succeeded is undone, newest first, when a later step fails.", "사가 패턴의 주문 처리: 뒤 단계가 실패하면 성공했던 단계를 최근 것부터 되돌립니다."},
			"sfn.ex.map":        {"Data processing with an inline Map: each record is validated and transformed, two at a time.", "인라인 Map으로 데이터 처리: 레코드마다 검증하고 변환하며, 한 번에 두 개씩 처리합니다."},
			"sfn.ex.choice":     {"Choice routing: rules are tried in order and the first match wins; Default catches the rest. IsPresent guards optional fields, because comparing a missing field is a States.Runtime error.", "Choice 라우팅: 규칙을 순서대로 시도해 처음 맞는 규칙을 따르고, 나머지는 Default가 받습니다. 없는 필드를 비교하면 States.Runtime 오류가 나므로 선택 필드는 IsPresent로 확인합니다."},
			"sfn.ex.parallel":   {"Parallel fan-out: three independent steps run at once; the slowest decides the duration.", "Parallel 팬아웃: 독립된 세 단계가 동시에 실행되고, 가장 느린 단계가 전체 시간을 정합니다."},
		} {
			strs[k] = v
		}
	})
}
