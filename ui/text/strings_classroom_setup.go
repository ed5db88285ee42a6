package text

// Interface text of the screen that starts a class from the program.
func init() {
	later(func() {
		for k, v := range map[string][2]string{
			"csetup.title":         {"Classroom", "교실"},
			"csetup.heading":       {"Start a class: students join over SSH and answer in their own terminal", "수업 시작: 학생들이 SSH로 접속해 각자의 터미널에서 답합니다"},
			"csetup.topic":         {"Topic", "주제"},
			"csetup.file":          {"Quiz file", "퀴즈 파일"},
			"csetup.file.none":     {"none (enter to type a path)", "없음 (enter로 경로 입력)"},
			"csetup.file.prompt":   {"Quiz file (enter to use it, esc to cancel): ", "퀴즈 파일 (enter로 사용, esc로 취소): "},
			"csetup.paced":         {"Pacing", "진행"},
			"csetup.paced.teacher": {"teacher: everyone on the same question", "교사: 모두 같은 문제"},
			"csetup.paced.self":    {"self: each student at their own speed", "자율: 학생마다 각자 속도"},
			"csetup.timer":         {"Time per question", "문제당 시간"},
			"csetup.timer.off":     {"no timer", "제한 없음"},
			"csetup.questions":     {"Questions", "문제 수"},
			"csetup.questions.all": {"all", "전부"},
			"csetup.listen":        {"Students connect from", "학생 접속 범위"},
			"csetup.listen.local":  {"this computer only (%s)", "이 컴퓨터에서만 (%s)"},
			"csetup.listen.lan":    {"the local network (%s)", "로컬 네트워크 (%s)"},
			"csetup.start":         {"Start the class", "수업 시작"},
			"csetup.hint":          {"↑/↓ choose · ←/→ change · enter start · esc back", "↑/↓ 선택 · ←/→ 변경 · enter 시작 · esc 뒤로"},
			"csetup.starting":      {"Starting the class…", "수업을 시작하는 중…"},
			"csetup.nostore":       {"A class keeps its answers in your progress file: run saa-study with a progress file (--db) to start one.", "수업 답안은 진도 파일에 저장됩니다: 진도 파일(--db)과 함께 saa-study를 실행해야 수업을 시작할 수 있습니다."},
			"csetup.notopics":      {"No topic has questions in this language; choose a quiz file.", "이 언어로 문제가 있는 주제가 없습니다. 퀴즈 파일을 고르세요."},
			"csetup.give":          {"Give students: ssh -p %s NAME@%s", "학생에게 알려 줄 명령: ssh -p %s 이름@%s"},
			"csetup.ended":         {"Class ended; session %s is saved (saa-study classroom results %s).", "수업을 마쳤습니다. 세션 %s이(가) 저장되었습니다 (saa-study classroom results %s)."},
		} {
			strs[k] = v
		}
	})
}
