package text

// The Labs screens' interface text.
func init() {
	later(func() {
		for k, v := range map[string][2]string{
			"lab.title":        {"Lab", "실습"},
			"lab.list":         {"Labs", "실습"},
			"lab.intro":        {"Exam-style problems on a simulator: change the settings until the engine passes the goal.", "시뮬레이터로 푸는 시험형 문제입니다. 엔진이 목표를 통과할 때까지 설정을 바꾸세요."},
			"lab.goal":         {"Goal", "목표"},
			"lab.got":          {"got", "결과"},
			"lab.want":         {"want", "목표"},
			"lab.change":       {"You may change", "바꿀 수 있는 설정"},
			"lab.range":        {"allowed:", "허용 범위:"},
			"lab.text":         {"enter edits the text (JSON as AWS takes it); the engine checks it when you run.", "enter로 텍스트를 고칩니다(AWS가 받는 JSON 그대로). 실행할 때 엔진이 검사합니다."},
			"lab.text.range":   {"any text (JSON)", "자유 텍스트(JSON)"},
			"lab.sns.refused":  {"SNS refused this filter policy, as it would refuse Subscribe: %s", "SNS가 이 필터 정책을 거부했습니다(Subscribe를 거부하듯이): %s"},
			"lab.fixed":        {"Fixed by the situation:", "상황으로 정해진 설정:"},
			"lab.refused":      {"%s is not allowed for %s: use %s.", "%s은(는) %s에 쓸 수 없습니다. %s 범위로 입력하세요."},
			"lab.situation":    {"Situation", "상황"},
			"lab.running":      {"Running the engine…", "엔진을 실행하는 중…"},
			"lab.hint":         {"Change a setting with ←/→ or enter, then press r to run the engine.", "←/→ 또는 enter로 설정을 바꾸고 r을 눌러 엔진을 실행하세요."},
			"lab.notyet":       {"Not yet (run %d): at least one check fails.", "아직입니다(실행 %d회): 통과하지 못한 확인 항목이 있습니다."},
			"lab.passed":       {"Passed on run %d.", "실행 %d회 만에 통과했습니다."},
			"lab.cli.passed":   {"passed", "통과"},
			"lab.cli.notyet":   {"not yet", "아직 통과하지 못함"},
			"lab.engine":       {"What happened:", "무슨 일이 있었나:"},
			"lab.why":          {"Why:", "이유:"},
			"lab.solution":     {"A solution:", "정답 예:"},
			"lab.gaveup":       {"Given up: the solution is below.", "포기했습니다. 아래에 정답 예가 있습니다."},
			"sim.v.definition": {"definition", "정의"},
			"ddb.nofacts":      {"No fact cited yet: a load run's why cites the limit behind it, as [1], listed here.", "아직 인용한 사실이 없습니다. 부하 실행의 원인 설명이 한도를 [1]처럼 인용하면 여기에 나옵니다."},
			"sfn.facts":        {"Facts Step Functions is built on · i: history · ↑/↓ scroll", "Step Functions의 근거 사실 · i: 기록 · ↑/↓ 스크롤"},
			"sim.facts.cited":  {"Facts cited:", "인용한 사실:"},
			"reader.facts":     {"Facts this note cites · esc back", "이 노트가 인용한 사실 · esc 돌아가기"},
			"reader.nofacts":   {"This note inserts no fact from the facts file.", "이 노트는 사실 파일의 사실을 넣지 않습니다."},
			"lab.scheduled":    {"Saved: this lab will come back in Review.", "저장했습니다. 이 실습은 복습에서 다시 나옵니다."},
			"rv.hint.lab":      {"enter opens the lab · b bury · s suspend", "enter 실습 열기 · b 내일로 미루기 · s 보류"},
			"sim.v.facts":      {"facts", "사실"},
			"sim.fact.source":  {"source:", "출처:"},
			"sim.fact.checked": {"checked:", "확인일:"},
			"sim.yours.rds":    {"Your settings, without and with RDS Proxy", "내 설정, RDS Proxy 없이와 함께"},
			"sim.rds.compare":  {"The same load ran twice (←/→ switches): straight to the database %s invocations failed; through RDS Proxy %s.", "같은 부하를 두 번 실행했습니다(←/→로 전환): 데이터베이스에 직접 연결하면 %s건, RDS Proxy를 거치면 %s건이 실패했습니다."},
			"sfn.asl":          {"Definition (Amazon States Language) · d: history", "정의(Amazon States Language) · d: 기록"},
			"sim.labs":         {"Labs", "실습"},
			"sim.labs.d":       {"Exam-style problems you solve by changing a simulator's settings", "시뮬레이터 설정을 바꿔서 푸는 시험형 문제"},
		} {
			strs[k] = v
		}
	})
}
