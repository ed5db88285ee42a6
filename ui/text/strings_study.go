package text

func init() {
	later(func() {
		for k, v := range map[string][2]string{
			"study.title":       {"Study", "학습"},
			"study.pick":        {"Choose a note to study", "학습할 노트를 고르세요"},
			"study.head":        {"Question %d of %d · %s", "문제 %d/%d · %s"},
			"study.onnote":      {"on this note", "이 노트 전체"},
			"study.none":        {"No questions link to this note yet. Read on, or pick another note.", "이 노트에 연결된 문제가 아직 없습니다. 계속 읽거나 다른 노트를 고르세요."},
			"study.done":        {"Done: %d of %d right. Scroll the note to a new section for its questions.", "끝: %d/%d 정답. 노트를 다른 섹션으로 넘기면 그 섹션의 문제가 나옵니다."},
			"study.donehint":    {"esc goes back; tab switches to the note.", "esc로 돌아가기, tab으로 노트로 이동."},
			"study.choose":      {"Choose an option first (a–f).", "먼저 보기를 고르세요 (a–f)."},
			"study.choosen":     {"Choose exactly %d options.", "보기를 정확히 %d개 고르세요."},
			"study.partial":     {"%d of %d chosen: choose %d more, or press enter again to submit it as it is (it counts as wrong).", "%d/%d개 선택: %d개 더 고르거나, enter를 한 번 더 누르면 이대로 제출합니다 (오답으로 처리)."},
			"rv.help.now":       {"Now", "지금"},
			"rv.help.empty":     {"When nothing is due", "복습할 것이 없을 때"},
			"help.everywhere":   {"Everywhere", "어디서나"},
			"help.question":     {"Question pane (when it has focus)", "문제 창 (포커스가 있을 때)"},
			"help.note":         {"Note pane (tab to go there)", "노트 창 (tab으로 이동)"},
			"help.notefocus":    {"Note pane (when it has focus)", "노트 창 (포커스가 있을 때)"},
			"help.questionaway": {"Question pane (tab to go there)", "문제 창 (tab으로 이동)"},
			"help.both":         {"Both panes", "두 창 모두"},
			"question.chosen":   {"%d of %d chosen", "%d/%d개 선택"},
			"study.unsure":      {"Marked unsure: a right answer counts as Hard.", "확신 없음 표시: 맞혀도 Hard로 기록됩니다."},
			"study.more":        {"↓ more below (J/K scrolls)", "↓ 아래에 더 있음 (J/K 스크롤)"},
			"study.saving":      {"Saving your answer…", "답을 저장하는 중…"},
			"study.right":       {"Right", "정답"},
			"study.wrong":       {"Wrong", "오답"},
			"study.rating":      {"recorded as %s (1–4 to change)", "기록: %s (1–4로 변경)"},
			"study.facts":       {"Facts:", "사실:"},
			"study.next":        {"enter: next question · the note shows where this is explained", "enter: 다음 문제 · 노트에 해설 위치가 표시됩니다"},
			"study.wrongagain":  {"A wrong answer stays Again: that is what brings it back soon.", "틀린 답은 Again으로 남습니다. 그래야 곧 다시 나옵니다."},
			"domain.secure":     {"secure", "보안"},
			"domain.resilient":  {"resilient", "복원력"},
			"domain.performant": {"high-performing", "고성능"},
			"domain.cost":       {"cost-optimized", "비용 최적화"},
			// The exam guide's names of its domains.
			"domain.guide.secure":     {"Design Secure Architectures", "안전한 아키텍처 설계"},
			"domain.guide.resilient":  {"Design Resilient Architectures", "복원력을 갖춘 아키텍처 설계"},
			"domain.guide.performant": {"Design High-Performing Architectures", "고성능 아키텍처 설계"},
			"domain.guide.cost":       {"Design Cost-Optimized Architectures", "비용에 최적화된 아키텍처 설계"},
			"rating.Again":            {"Again", "Again(다시)"},
			"rating.Hard":             {"Hard", "Hard(어려움)"},
			"rating.Good":             {"Good", "Good(좋음)"},
			"rating.Easy":             {"Easy", "Easy(쉬움)"},
		} {
			strs[k] = v
		}
	})
}
