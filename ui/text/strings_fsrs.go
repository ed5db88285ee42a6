package text

// Interface text of the FSRS optimizer and the desired retention.
func init() {
	later(func() {
		for k, v := range map[string][2]string{
			"fsrs.offer": {"o fits the FSRS parameters to your own reviews", "o 키: FSRS 매개변수를 내 복습 기록에 맞춥니다"},
			"fsrs.title": {"FSRS parameters fitted to your reviews", "내 복습 기록에 맞춘 FSRS 매개변수"},
			"fsrs.reviews": {"%s reviews read, %s of them predicted (on a later day than the card's previous review)",
				"복습 %s개를 읽었고 그중 %s개를 예측했습니다 (카드의 이전 복습보다 뒤의 날짜)"},
			"fsrs.logloss": {"Log loss: %.4f → %.4f (lower predicts better)", "로그 손실: %.4f → %.4f (낮을수록 예측이 정확)"},
			"fsrs.rmse":    {"RMSE(bins): %.2f%% → %.2f%%", "RMSE(bins): %.2f%% → %.2f%%"},
			"fsrs.needmore": {"%d predicted reviews so far: %d more are needed before the parameters can be fitted. The defaults stay in use.",
				"지금까지 예측 가능한 복습 %d개: 매개변수를 맞추려면 %d개가 더 필요합니다. 기본값을 계속 씁니다."},
			"fsrs.hint.apply":    {"a applies them (Review's intervals change) · u undoes the last applied fit · o runs again", "a 적용 (복습 간격이 바뀝니다) · u 마지막 적용 취소 · o 다시 실행"},
			"fsrs.hint.applied":  {"Applied. u goes back to the parameters used before.", "적용했습니다. u로 이전 매개변수로 돌아갑니다."},
			"fsrs.applied":       {"FSRS parameters applied.", "FSRS 매개변수를 적용했습니다."},
			"fsrs.undone":        {"Back to the parameters used before.", "이전 매개변수로 돌아갔습니다."},
			"settings.retention": {"Desired retention", "목표 기억 유지율"},
			"settings.exam":      {"Exam date", "시험 날짜"},
			"settings.new":       {"New items a day", "하루 새 항목"},
			"settings.reviews":   {"Reviews a day", "하루 복습"},
			"settings.dayhour":   {"A new day starts at", "새 하루 시작"},
			"settings.exam.none": {"none", "없음"},
			"wl.title":           {"Workload at your desired retention", "목표 기억 유지율에 따른 복습량"},
			"wl.loading":         {"Simulating the next 90 days…", "앞으로 90일을 시뮬레이션하는 중…"},
			"wl.now": {"Desired retention %s: about %.0f reviews a day over 30 days, %.0f over 90. Suggested minimum retention: %s (the least time per card remembered after a year). Change it in Settings.",
				"목표 기억 유지율 %s: 30일 동안 하루 약 %.0f개, 90일 동안 %.0f개 복습. 권장 최소 유지율: %s (1년 뒤 기억하는 카드당 시간이 가장 적음). 설정에서 바꿀 수 있습니다."},
			"wl.chart":         {"Reviews a day, next %d days (today at left, tallest %d)", "하루 복습 수, 앞으로 %d일 (왼쪽이 오늘, 최대 %d)"},
			"wl.options":       {"Reviews a day over 30 days at other retentions: %s", "다른 유지율의 30일 하루 복습 수: %s"},
			"wl.exam":          {"Exam on %s (in %d days)", "시험일 %s (%d일 후)"},
			"wl.exam.recall":   {"At the current pace (about %.0f reviews a day), predicted recall on exam day: %s", "지금 속도(하루 약 %.0f개)라면 시험일 예상 기억률: %s"},
			"wl.exam.lift":     {"To bring %s to %s by then: desired retention %s, about %.0f reviews a day.", "그때까지 %s 영역을 %s로 올리려면: 목표 유지율 %s, 하루 약 %.0f개 복습."},
			"wl.exam.nolift":   {"Even at 97%% retention %s stays below %s by then: too many of its questions are still new at the current new-card limit.", "유지율 97%%로도 %s 영역은 %s에 못 미칩니다: 지금의 새 항목 한도로는 아직 새 문제가 너무 많습니다."},
			"home.glance.exam": {" · exam in %d days, weakest %s %d%% at this pace", " · 시험까지 %d일, 가장 약한 %s %d%% (지금 속도)"},
			"fsrs.noundo":      {"No applied parameters to undo: the defaults are in use.", "취소할 적용 기록이 없습니다: 기본값을 쓰고 있습니다."},
		} {
			strs[k] = v
		}
	})
}
