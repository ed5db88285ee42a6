package keymap

import (
	"charm.land/bubbles/v2/key"

	"github.com/saa-study/saa-study/content"
)

// helpKo translates the short descriptions of key bindings for the help
// bar. Screens define their bindings once, in English; the bar shows them
// in the learner's language.
var helpKo = map[string]string{
	"all/wrong/flagged": "전체/오답/표시", "answer / next": "답하기 / 다음", "approve": "승인",
	"back": "뒤로", "bottom": "맨 아래", "bury": "내일로 미루기", "change": "바꾸기",
	"change rating": "평가 바꾸기", "check": "확인", "choose": "고르기", "contents": "목차",
	"continue": "계속", "down": "아래", "drill weakest": "약한 카드 연습", "drill what I missed": "틀린 문제 연습",
	"flag": "표시", "flag for review": "검토 표시", "follow link": "링크 열기", "graph down": "그래프 아래로",
	"graph up": "그래프 위로", "help": "도움말", "inspect event": "이벤트 보기", "keep going": "계속 풀기",
	"metric": "지표", "new run": "새 실행", "next": "다음", "next link": "다음 링크", "next view": "다음 화면",
	"next/prev match": "다음/이전 결과", "note ⇄ questions": "노트 ⇄ 문제", "open": "열기",
	"open the note": "노트 열기", "overview": "전체 보기", "page down": "다음 쪽", "page up": "이전 쪽",
	"previous": "이전", "previous link": "이전 링크", "previous match": "이전 결과", "previous view": "이전 화면",
	"quit": "종료", "rate": "평가", "reject": "거절", "report": "신고", "save report": "신고 저장", "retake missed": "틀린 문제 다시",
	"review ahead": "미리 복습", "run": "실행", "scroll": "스크롤", "search": "검색", "show answer": "답 보기",
	"start": "시작", "step": "한 단계", "submit": "제출", "suspend": "보류", "test me": "문제 풀기",
	"toggle": "전환", "top": "맨 위", "undo": "되돌리기", "unsure": "확신 없음", "up": "위",
	"variant": "변형", "half page up": "반쪽 위", "half page down": "반쪽 아래",
	"½ page up": "반쪽 위", "½ page down": "반쪽 아래", "next match": "다음 결과",
	"sections on screen long enough to read them": "읽을 만큼 오래 화면에 있었던 절",
	"give up": "포기", "facts cited": "인용한 사실", "facts": "사실", "definition/history": "정의/기록",
	"decks": "덱", "review deck": "덱 복습", "import a package": "패키지 가져오기", "export a package": "패키지 내보내기", "confirm": "확정",
	"add a card": "카드 만들기", "front ⇄ back": "앞면 ⇄ 뒷면", "save the card": "카드 저장", "cancel": "취소",
	"scroll down": "아래로 스크롤",
	"scroll up":   "위로 스크롤", "type a value": "값 입력", "previous panel": "이전 패널", "panel": "패널", "history": "기록",
	"pause": "일시 정지", "close": "닫기",
}

// Localize returns the bindings with their help text in lang.
func Localize(lang content.Lang, bs []key.Binding) []key.Binding {
	if lang != content.KO {
		return bs
	}
	out := make([]key.Binding, len(bs))
	for i, b := range bs {
		h := b.Help()
		if ko, ok := helpKo[h.Desc]; ok {
			b.SetHelp(h.Key, ko)
		}
		out[i] = b
	}
	return out
}

// LocalizeGroups is Localize for the groups of the full help.
func LocalizeGroups(lang content.Lang, gs [][]key.Binding) [][]key.Binding {
	if lang != content.KO {
		return gs
	}
	out := make([][]key.Binding, len(gs))
	for i, g := range gs {
		out[i] = Localize(lang, g)
	}
	return out
}
