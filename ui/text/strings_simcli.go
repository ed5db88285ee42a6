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
