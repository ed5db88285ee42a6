package classroom

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/saa-study/saa-study/content"
)

// TestPlurals: one answer kept and one try left read right in English,
// and Korean keeps its counter.
func TestPlurals(t *testing.T) {
	r, _, _ := testRoom(t, SelfPaced, 3, 0)
	_ = r.Do(bg, ActStart)
	join := func(lang content.Lang) tea.Model {
		var m tea.Model = NewStudent(StudentOptions{Room: r, Ctx: context.Background(), User: "ana", KeyFP: "k", Lang: lang})
		m = typeText(m, "abcdef")
		return drive(m, press("enter"))
	}
	m := join(content.EN)
	m = drive(m, press("a"))
	m = drive(m, press("enter"))
	m.(*Student).Close()
	for _, c := range []struct {
		lang content.Lang
		want string
	}{
		{content.EN, "Welcome back: your answer is kept."},
		{content.KO, "답안 1개가 그대로 있습니다"},
	} {
		m := join(c.lang)
		if s := screen(m); !strings.Contains(s, c.want) {
			t.Errorf("%s: the screen does not say %q:\n%s", c.lang, c.want, s)
		}
		m.(*Student).Close()
	}
	var e tea.Model = NewStudent(StudentOptions{Room: r, Ctx: context.Background(), User: "eve", WrongCodeDelay: 1})
	for range MaxCodeTries - 1 {
		e = typeText(e, "nope")
		e = drive(e, press("enter"))
		e = drive(e, unblockMsg{})
	}
	if s := screen(e); !strings.Contains(s, "1 try left") {
		t.Errorf("after %d wrong codes the screen must say 1 try left:\n%s", MaxCodeTries-1, s)
	}
}
