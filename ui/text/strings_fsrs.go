package text

// Interface text of the FSRS optimizer and the desired retention.
func init() {
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
		"settings.exam.none": {"none", "없음"},
		"fsrs.noundo":        {"No applied parameters to undo: the defaults are in use.", "취소할 적용 기록이 없습니다: 기본값을 쓰고 있습니다."},
	} {
		strs[k] = v
	}
}
