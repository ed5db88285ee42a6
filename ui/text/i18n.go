package text

import (
	"sync"

	"github.com/saa-study/saa-study/content"
)

// strs holds the interface text in each language. Content has its own
// translations; these are the words of the screens themselves. The table
// is built on first use (ready): a command that shows no screen, such as
// version or notes --print, does not pay for it at start.
var strs map[string][2]string

// pending are the other files' additions to strs (later).
var pending []func()

// later adds a file's strings when the table is built.
func later(add func()) { pending = append(pending, add) }

var ready = sync.OnceFunc(func() {
	strs = baseStrings()
	for _, add := range pending {
		add()
	}
	pending = nil
})

func baseStrings() map[string][2]string {
	return map[string][2]string{
		"app.title":        {"saa-study", "saa-study"},
		"app.tagline":      {"AWS SAA-C03 serverless: notes, quizzes, spaced repetition, simulators", "AWS SAA-C03 서버리스: 노트, 퀴즈, 간격 반복, 시뮬레이터"},
		"home.notes":       {"Notes", "노트"},
		"home.notes.d":     {"Read the study notes, topic by topic", "주제별 학습 노트 읽기"},
		"home.study":       {"Study", "학습"},
		"home.study.d":     {"Read a section, then answer questions on it", "섹션을 읽고 바로 문제 풀기"},
		"home.review":      {"Review", "복습"},
		"home.review.d":    {"Flashcards and questions that are due today", "오늘 복습할 카드와 문제"},
		"home.exam":        {"Exam", "모의시험"},
		"home.exam.d":      {"A timed exam shaped like the real one", "실제 시험 형식의 시간 제한 모의시험"},
		"home.sim":         {"Simulators", "시뮬레이터"},
		"home.sim.d":       {"Change a setting and see how Lambda, DynamoDB and others behave", "설정을 바꾸고 Lambda, DynamoDB 등의 동작 확인"},
		"home.stats":       {"Stats", "통계"},
		"home.stats.d":     {"Progress, retention and exam readiness", "진도, 기억 유지율, 시험 준비도"},
		"home.classroom":   {"Classroom", "교실"},
		"home.classroom.d": {"Run a quiz for a class over SSH: students join with a code", "SSH로 수업 퀴즈 진행: 학생은 코드로 참여"},
		"home.settings":    {"Settings", "설정"},
		"home.settings.d":  {"Language, colours, daily limits, retention, exam date", "언어, 색상, 하루 한도, 기억 유지율, 시험 날짜"},
		"home.summary":     {"%d notes · %d questions · %d flashcards · %d facts", "노트 %d개 · 문제 %d개 · 플래시카드 %d개 · 사실 %d개"},
		"soon":             {"%s is not in this version yet. Press esc to go back.", "%s 기능은 아직 이 버전에 없습니다. esc를 눌러 돌아가세요."},
		"notes.title":      {"Notes", "노트"},
		"notes.read":       {"%d%% read", "%d%% 읽음"},
		"notes.due":        {"%d due", "복습 %d개"},
		"notes.unread":     {"not started", "읽지 않음"},
		"notes.rendering":  {"Rendering…", "렌더링 중…"},
		"notes.empty":      {"No notes in this language.", "이 언어로 된 노트가 없습니다."},
		"settings.title":   {"Settings", "설정"},
		"settings.lang":    {"Language", "언어"},
		"settings.theme":   {"Theme", "테마"},
		"settings.saved":   {"Saved.", "저장했습니다."},
		"settings.hint":    {"←/→ or enter to change; saved at once", "←/→ 또는 enter로 변경, 즉시 저장"},
		"theme.auto":       {"auto (follow the terminal)", "자동 (터미널 배경에 맞춤)"},
		"theme.dark":       {"dark", "어두운"},
		"theme.light":      {"light", "밝은"},
		"lang.en":          {"English", "English"},
		"lang.ko":          {"한국어 (Korean)", "한국어"},
		"err.prefix":       {"Error: ", "오류: "},
		"app.only.en":      {"This content is in English only.", "이 콘텐츠는 영어로만 되어 있습니다."},
		"app.only.ko":      {"This content is in Korean only.", "이 콘텐츠는 한국어로만 되어 있습니다."},
		"app.help.more":    {"↑/↓ more help · lines %d–%d of %d", "↑/↓ 도움말 더 보기 · %d–%d / %d줄"},
		"app.noopen":       {"There is nothing to open at %s.", "%s: 열 수 있는 화면이 없습니다."},
		"reader.contents":  {"Contents — enter jumps, esc closes", "목차 — enter로 이동, esc로 닫기"},
		"reader.link":      {"link → %s (enter follows)", "링크 → %s (enter로 이동)"},
		"reader.back":      {"esc goes back", "esc로 돌아가기"},
		"search.none":      {"No match for %q in any note.", "%q: 찾는 말이 어느 노트에도 없습니다."},
		"search.summary":   {"%q: match %d of %d here · found in %d notes", "%q: 이 노트 %d/%d번째 · 노트 %d개에서 찾음"},
		"search.count":     {"%q: %d matches here · n selects · found in %d notes", "%q: 이 노트에 %d개 · n으로 선택 · 노트 %d개에서 찾음"},
		"search.elsewhere": {"%q: none here · n for the next note (%d notes)", "%q: 이 노트에 없음 · n으로 다음 노트 (노트 %d개)"},
		"help.more":        {"more keys", "키 도움말"},
	}
}

// Prepare builds the interface strings now, where the first T would.
func Prepare() { ready() }

// T returns the interface text for key in lang.
func T(lang content.Lang, key string) string {
	ready()
	s, ok := strs[key]
	if !ok {
		return key
	}
	if lang == content.KO {
		return s[1]
	}
	return s[0]
}
