package text

import (
	"testing"

	"github.com/saa-study/saa-study/content"
)

func TestN(t *testing.T) {
	for _, c := range []struct {
		lang content.Lang
		key  string
		n    int
		want string
	}{
		{content.EN, "class.resumed", 1, "Welcome back: your answer is kept."},
		{content.EN, "class.resumed", 2, "Welcome back: your 2 answers are kept."},
		{content.KO, "class.resumed", 1, "다시 오셨네요: 답안 1개가 그대로 있습니다."},
		{content.EN, "class.code.left", 1, "1 try left"},
		{content.EN, "class.code.left", 0, "0 tries left"},
		{content.KO, "class.code.left", 1, "남은 시도 1회"},
	} {
		if got := N(c.lang, c.key, c.n); got != c.want {
			t.Errorf("N(%s, %s, %d) = %q, want %q", c.lang, c.key, c.n, got, c.want)
		}
	}
}
