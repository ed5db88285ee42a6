package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/saa-study/saa-study/store"
)

func TestClassroomServeRefusals(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"classroom", "serve"}, 2, "--quiz"},
		{[]string{"classroom", "serve", "--quiz", "lambda", "--paced", "fast"}, 2, "--paced"},
		{[]string{"classroom", "serve", "--quiz", "lambda", "--listen", "2222"}, 2, "--listen"},
		{[]string{"classroom", "serve", "--quiz", "no-such-topic"}, 1, "neither a quiz file nor a topic"},
		{[]string{"classroom", "serve", "--quiz", "lambda"}, 2, "needs a terminal"},
		{[]string{"classroom", "serve", "--quiz", "lambda", "--max-unjoined", "0"}, 2, "--max-unjoined must be more than 0"},
		{[]string{"classroom", "serve", "--quiz", "lambda", "--join-timeout", "0s"}, 2, "--join-timeout must be more than 0"},
		{[]string{"classroom", "serve", "--resume", "no-such-session"}, 1, "no-such-session"},
		{[]string{"classroom", "results", "--export", "xml"}, 2, "--export"},
		{[]string{"classroom", "results"}, 1, "no such classroom session"},
	} {
		code, _, errs := saa(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errs, c.code, c.want)
		}
	}
}

// TestClassroomServeLimitFlags: the caps on connections that have not
// joined and the two deadlines are flags, shown with their defaults.
func TestClassroomServeLimitFlags(t *testing.T) {
	code, out, errs := saa(t, "classroom", "serve", "--help")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"--max-unjoined", "100", "--max-unjoined-per-address", "50", "--handshake-timeout", "10s", "--join-timeout", "1m30s"} {
		if !strings.Contains(out, want) {
			t.Errorf("serve --help does not show %q:\n%s", want, out)
		}
	}
}

// TestClassroomHostKeyFolder: the host key no longer follows --db into a
// shared folder, and a planted symlink there is refused.
func TestClassroomHostKeyFolder(t *testing.T) {
	shared := t.TempDir()
	db := filepath.Join(shared, "p.db")
	if err := os.Symlink(filepath.Join(t.TempDir(), "theirs"), filepath.Join(shared, "ssh")); err != nil {
		t.Fatal(err)
	}
	// No terminal here, so serve stops at that check, after the folder's.
	code, _, errs := saa(t, "--db", db, "classroom", "serve", "--quiz", "lambda")
	if code != 2 || !strings.Contains(errs, "needs a terminal") {
		t.Fatalf("exit %d %q: the default host key folder must be the user's own, not beside --db", code, errs)
	}
	code, _, errs = saa(t, "--db", db, "classroom", "serve", "--quiz", "lambda", "--host-key-dir", filepath.Join(shared, "ssh"))
	if code != 1 || !strings.Contains(errs, "symbolic link") {
		t.Fatalf("a symlinked --host-key-dir: exit %d %q, want 1 and a clear refusal", code, errs)
	}
}

func TestClassroomSessionsAndResults(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.CreateClassSession(ctx, store.ClassSession{ID: "s1", QuizID: "lambda", QuizTitle: "Lambda", Source: "lambda",
		Paced: "teacher", JoinCode: "ABCDEF", Lang: "en", QuestionIDs: []string{"q1", "q2"}, State: "ended", CreatedAt: at}))
	must(st.AddClassParticipant(ctx, store.ClassParticipant{SessionID: "s1", Name: "ana", JoinedAt: at}))
	for i, id := range []string{"q1", "q2"} {
		_, err := st.RecordClassAnswer(ctx, store.ClassAnswer{SessionID: "s1", Name: "ana", QuestionID: id, Position: i,
			Chosen: "b", Correct: i == 0, Points: 100 * (1 - i), DurationMS: 2000, AnsweredAt: at.Add(time.Duration(i) * time.Minute)})
		must(err)
	}
	st.Close()

	code, out, errs := saa(t, "--db", db, "classroom", "sessions")
	if code != 0 || !strings.Contains(out, "s1") || !strings.Contains(out, "lambda") {
		t.Fatalf("sessions: exit %d %q %q", code, out, errs)
	}
	code, out, errs = saa(t, "--db", db, "classroom", "results", "s1", "--export", "json")
	if code != 0 {
		t.Fatalf("results: exit %d %s", code, errs)
	}
	var doc struct {
		Records []struct {
			Name       string `json:"name"`
			QuestionID string `json:"question_id"`
			Correct    bool   `json:"correct"`
			DurationMS int64  `json:"duration_ms"`
		}
		Summary []struct{ Correct, Total int }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(doc.Records) != 2 || doc.Records[0].DurationMS != 2000 || doc.Records[0].Name != "ana" || doc.Records[1].QuestionID != "q2" || len(doc.Summary) != 1 || doc.Summary[0].Correct != 1 || doc.Summary[0].Total != 2 {
		t.Fatalf("json export = %+v", doc)
	}
	code, out, _ = saa(t, "--db", db, "classroom", "results", "--export", "csv")
	if code != 0 || !strings.HasPrefix(out, "name,quiz,question_id,chosen,correct,answered_at,duration_ms,shown,option_ids\r\n") || !strings.Contains(out, "ana,lambda,#score,,1/2 (50.0%)") {
		t.Fatalf("csv export (latest session):\n%s", out)
	}
}
