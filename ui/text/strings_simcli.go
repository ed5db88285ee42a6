package text

// The words of the simulators' command-line summaries (saa-study sim …),
// beside the "sims." labels the consoles share with them.
func init() {
	for k, v := range map[string][2]string{
		"simc.total":       {"total", "합계"},
		"simc.ok":          {"ok", "성공"},
		"simc.timeouts":    {"timeouts", "타임아웃"},
		"simc.hits":        {"hits", "적중"},
		"simc.misses":      {"misses", "미스"},
		"simc.latency":     {"latency", "지연"},
		"simc.fnruns":      {"function runs at %s: %d", "%s 함수 실행: %d"},
		"simc.refused":     {"refused", "거부됨"},
		"simc.status":      {"status", "상태"},
		"simc.error":       {"error", "오류"},
		"simc.valid":       {"valid", "올바른 정의입니다"},
		"simc.transitions": {"%d state transitions in %s (virtual time)", "상태 전환 %d회, 가상 시간 %s"},
	} {
		strs[k] = v
	}
}

// The consoles' words that the engines' own Korean does not cover.
func init() {
	for k, v := range map[string][2]string{
		// lang.code is the language a translation function speaks, for code
		// that is handed only the function (see ui/pages/sim langOf).
		"lang.code":      {"en", "ko"},
		"sim.refused":    {"refused:", "거부됨:"},
		"sim.cache":      {"cache", "캐시"},
		"sim.cache.hit":  {"hit", "적중"},
		"sim.cache.miss": {"miss", "미스"},
		"simp.avg":       {"avg ms", "평균 ms"},
		"simp.billed":    {"billed ms", "과금 ms"},
		"simp.per_call":  {"$/invocation", "$/호출"},
		"simp.per_m":     {"$/1M", "$/100만"},
	} {
		strs[k] = v
	}
}
