package text

// Interface text of the SSH classroom (student and teacher screens).
func init() {
	later(func() {
		for k, v := range map[string][2]string{
			"class.pts":           {"pts", "점"},
			"class.help":          {"↑/↓ move · a, b … or space pick · enter answer · L language · q leave", "↑/↓ 이동 · a, b … 또는 space 선택 · enter 제출 · L 언어 · q 나가기"},
			"class.help.code":     {"enter to join · esc to leave", "enter로 참가 · esc로 나가기"},
			"class.help.wait":     {"L language · q leave", "L 언어 · q 나가기"},
			"class.bye":           {"Goodbye.", "안녕히 가세요."},
			"class.code.prompt":   {"Type the join code the teacher shows:", "선생님이 보여 주는 참가 코드를 입력하세요:"},
			"class.code.wrong":    {"That is not the code.", "코드가 틀렸습니다."},
			"class.code.toomany":  {"Too many wrong codes; the connection is closed.", "틀린 코드가 너무 많아 연결을 끊습니다."},
			"class.code.late":     {"No code typed in time; the connection is closed. Connect again when you have it.", "제한 시간 안에 코드를 입력하지 않아 연결을 끊습니다. 코드를 확인한 뒤 다시 접속하세요."},
			"class.code.left":     {"%d tries left", "남은 시도 %d회"},
			"class.code.left.one": {"%d try left", ""},
			"class.resumed":       {"Welcome back: your %d answers are kept.", "다시 오셨네요: 답안 %d개가 그대로 있습니다."},
			"class.resumed.one":   {"Welcome back: your answer is kept.", ""},
			"class.lobby":         {"Hello, %s. Waiting for the teacher to start…", "%s님, 안녕하세요. 선생님이 시작하기를 기다리는 중…"},
			"class.done":          {"Finished", "끝났습니다"},
			"class.ended":         {"The class has ended. Thank you!", "수업이 끝났습니다. 수고하셨습니다!"},
			"class.rank":          {"rank %d of %d", "%d등 / %d명"},
			"class.score":         {"%d of %d right · %d points", "%d/%d 정답 · %d점"},
			"class.paused":        {"Paused by the teacher.", "선생님이 일시 정지했습니다."},
			"class.board":         {"Leaderboard", "순위표"},
			"class.qof":           {"Question %d of %d", "문제 %d/%d"},
			"class.left":          {"left", "남음"},
			"class.closed":        {"answers closed", "답안 마감"},
			"class.wait":          {"Answer saved. Waiting for the teacher…", "답안을 저장했습니다. 선생님을 기다리는 중…"},
			"class.saved":         {"Answer saved.", "답안을 저장했습니다."},
			"class.choose.n":      {"Pick the number of options the question asks for.", "문제가 요구하는 개수만큼 고르세요."},
			"class.next":          {"enter: next question", "enter: 다음 문제"},
			"class.noanswer":      {"You did not answer this one.", "이 문제에 답하지 않았습니다."},
			"class.right":         {"Right! +%d points", "정답! +%d점"},
			"class.wrong":         {"Not this time.", "아쉽게도 오답입니다."},
			"class.yours":         {"your answer", "내 답"},
			"dash.join":           {"Join: ssh -p %s NAME@%s, then type the code", "참가: ssh -p %s 이름@%s 후 코드 입력"},
			"dash.code":           {"join code", "참가 코드"},
			"dash.connected":      {"%d connected · %d joined", "접속 %d명 · 참가 %d명"},
			"dash.answers":        {"%d of %d answered", "%d/%d명 답함"},
			"dash.students":       {"Students", "학생"},
			"dash.nostudents":     {"Nobody has joined yet.", "아직 참가한 학생이 없습니다."},
			"dash.help.teacher":   {"s start · n next step · c close · r reveal · p pause · e end · q quit", "s 시작 · n 다음 단계 · c 마감 · r 공개 · p 일시 정지 · e 종료 · q 나가기"},
			"dash.help.self":      {"s start · ←/→ question · p pause · e end · q quit", "s 시작 · ←/→ 문제 · p 일시 정지 · e 종료 · q 나가기"},
			"dash.endconfirm":     {"End the session for everyone? y/n", "모두에게 세션을 끝낼까요? y/n"},
			"phase.lobby":         {"waiting to start", "시작 대기"},
			"phase.open":          {"open", "진행 중"},
			"phase.closed":        {"closed", "마감"},
			"phase.revealed":      {"revealed", "공개"},
			"phase.board":         {"leaderboard", "순위표"},
			"phase.ended":         {"ended", "종료"},
			"phase.paused":        {"paused", "일시 정지"},
		} {
			strs[k] = v
		}
	})
}
