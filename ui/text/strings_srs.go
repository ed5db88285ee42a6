package text

// Interface text of the review and stats screens and the home summary.
func init() {
	later(func() {
		for k, v := range map[string][2]string{
			"rv.loading":       {"Loading today's reviews…", "오늘 복습할 항목을 불러오는 중…"},
			"rv.counts":        {"learning %d · review %d · new %d · done today %d", "학습 중 %d · 복습 %d · 새 항목 %d · 오늘 완료 %d"},
			"rv.counts.short":  {"learn %d · due %d · new %d · done %d", "학습 %d · 복습 %d · 새 %d · 완료 %d"},
			"rv.list.ahead":    {"Review ahead: %d of %d (not due yet)", "미리 복습: %d/%d (아직 기한 전)"},
			"rv.list.drill":    {"Drill weakest: %d of %d", "약한 항목 집중 연습: %d/%d"},
			"rv.r1":            {"Again", "다시"},
			"rv.r2":            {"Hard", "어려움"},
			"rv.r3":            {"Good", "알맞음"},
			"rv.r4":            {"Easy", "쉬움"},
			"rv.hint.front":    {"space shows the answer · u undo · b bury · s suspend", "space 답 보기 · u 되돌리기 · b 내일로 미루기 · s 보류"},
			"rv.hint.back":     {"1–4 rate · u undo · b bury · s suspend", "1–4 평가 · u 되돌리기 · b 내일로 미루기 · s 보류"},
			"rv.hint.question": {"a–f choose · enter checks the answer · u undo", "a–f 고르기 · enter 채점 · u 되돌리기"},
			"rv.hint.graded":   {"enter accepts ▸ · 1–4 to rate otherwise · b bury · s suspend", "enter로 ▸ 평가 · 1–4로 직접 평가 · b 내일로 미루기 · s 보류"},
			"rv.choose":        {"Choose %d option(s) first.", "먼저 %d개를 선택하세요."},
			"rv.right":         {"Right", "정답"},
			"rv.wrong":         {"Wrong", "오답"},
			"rv.read":          {"Read: %s", "읽어 보기: %s"},
			"rv.readopen":      {"Read: %s — o opens it", "읽어 보기: %s — o로 열기"},
			"rv.more":          {"↓ more (j/↓)", "↓ 더 보기 (j/↓)"},
			"rv.missing":       {"This item is no longer in the content.", "이 항목은 더 이상 콘텐츠에 없습니다."},
			"rv.tag.new":       {"new", "새 항목"},
			"rv.tag.leech":     {"leech", "거머리"},
			"rv.buried":        {"Buried until tomorrow.", "내일까지 미뤘습니다."},
			"rv.suspended":     {"Suspended: it will not come back until unsuspended (srs unsuspend).", "보류했습니다: 해제할 때까지 나오지 않습니다 (saa-study srs unsuspend)."},
			"rv.undone":        {"Undone: rate it again.", "취소했습니다: 다시 평가하세요."},
			"rv.noundo":        {"Nothing to undo.", "취소할 평가가 없습니다."},
			"rv.empty":         {"Nothing is due now.", "지금 복습할 항목이 없습니다."},
			"rv.wait":          {"The next learning step is due at %s.", "다음 학습 단계: %s"},
			"rv.next":          {"The next card is due at %s.", "다음 카드 기한: %s"},
			"rv.nothing":       {"No studied cards wait for later; new cards come with tomorrow's limit.", "나중에 복습할 카드가 없습니다. 새 카드는 내일 한도로 나옵니다."},
			"rv.offer.ahead":   {"a  review ahead: cards due in the next 14 days, weakest first", "a  미리 복습: 14일 안에 기한이 오는 카드, 약한 것부터"},
			"rv.offer.drill":   {"d  drill weakest: the 20 studied items you are most likely to forget", "d  약한 항목 연습: 잊을 가능성이 가장 높은 20개"},
			"rv.offer.undo":    {"u  undo the last rating", "u  마지막 평가 취소"},
			"rv.none.ahead":    {"No cards fall due in the next 14 days.", "14일 안에 기한이 오는 카드가 없습니다."},
			"rv.none.drill":    {"Nothing studied yet to drill.", "아직 연습할 학습 항목이 없습니다."},
			"rv.leech.title":   {"Leech: suspended", "거머리 카드: 보류됨"},
			"rv.leech":         {"You have forgotten this card %d times, so it is tagged leech and suspended: more repetitions of the same card rarely help.", "이 카드를 %d번 잊었기 때문에 거머리로 표시하고 보류했습니다. 같은 카드를 더 반복해도 잘 도움이 되지 않습니다."},
			"rv.leech.read":    {"Re-read %s, then rewrite the card in your own words or unsuspend it (srs unsuspend).", "%s 부분을 다시 읽고, 카드를 자신의 말로 바꾸거나 보류를 해제하세요 (saa-study srs unsuspend)."},
			"rv.continue":      {"enter continues", "enter로 계속"},

			"st.loading":   {"Counting…", "계산 중…"},
			"st.today":     {"Today: %d done · %d due · %d new · %d-day streak", "오늘: 완료 %d · 기한 %d · 새 항목 %d · 연속 %d일"},
			"st.retention": {"True retention: 7 days %s · 30 days %s", "실제 기억 유지율: 7일 %s · 30일 %s"},
			"st.states":    {"Items: %d new · %d learning · %d review · %d relearning · %d suspended", "항목: 새 %d · 학습 %d · 복습 %d · 재학습 %d · 보류 %d"},
			"st.forecast":  {"Due in the next 30 days (today at left, tallest %d)", "앞으로 30일 기한 (왼쪽이 오늘, 최대 %d)"},
			"st.heatmap":   {"Reviews, last %d weeks (%s none … %s most)", "최근 %d주 복습 (%s 없음 … %s 최다)"},
			"st.topics":    {"Mastery by topic (recall now; unseen items count 0)", "주제별 숙달도 (현재 기억률, 안 본 항목은 0으로 계산)"},
			"st.domains":   {"Exam readiness by domain (questions)", "영역별 시험 준비도 (문제)"},
			"st.overall":   {"Exam readiness: %s", "시험 준비도: %s"},
			"st.exams":     {"Practice exams (%d): percent correct, oldest first", "모의시험 (%d회): 정답률, 오래된 순"},
			"st.none":      {"none yet", "아직 없음"},
			"st.day.mon":   {"Mon", "월"},
			"st.day.wed":   {"Wed", "수"},
			"st.day.fri":   {"Fri", "금"},
			"st.scroll":    {"↑/↓ scroll", "↑/↓ 스크롤"},

			"home.glance.new": {"Due today %d · exam readiness appears after your first answers", "오늘 복습 %d · 시험 준비도는 첫 답을 한 뒤에 표시됩니다"},
			"home.glance":     {"Due today %d · %d-day streak · exam readiness %d%%", "오늘 복습 %d · 연속 %d일 · 시험 준비도 %d%%"},

			"st.domain.secure":     {"Secure", "보안"},
			"st.domain.resilient":  {"Resilient", "복원력"},
			"st.domain.performant": {"High-performing", "고성능"},
			"st.domain.cost":       {"Cost-optimized", "비용 최적화"},
		} {
			strs[k] = v
		}
	})
}
