package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"text/tabwriter"
	"time"

	tea "charm.land/bubbletea/v2"
	charmlog "charm.land/log/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/classroom"
	"github.com/saa-study/saa-study/quiz"
)

func newClassroomCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "classroom",
		Short: "Run a quiz for a room of students over SSH",
		Long: `classroom serve starts an SSH server that serves only the quiz, and the
teacher's live dashboard in this terminal. Students join with
ssh -p PORT NAME@HOST and the join code shown on the dashboard.
classroom results exports a session's answers; classroom sessions lists them.`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newClassroomServeCmd(g), newClassroomResultsCmd(g), newClassroomSessionsCmd(g))
	return cmd
}

func newClassroomServeCmd(g *globals) *cobra.Command {
	var listen, source, code, paced, allowKeys, resume, keyDir string
	var n, maxPending, maxPendingPerAddr int
	var timer, handshake, joinTimeout time.Duration
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Start the SSH quiz server and the teacher's dashboard",
		Example: `  saa-study classroom serve --quiz lambda --questions 10
  saa-study classroom serve --quiz ./week3.md --paced self --timer 90s
  saa-study classroom serve --listen 0.0.0.0:2222 --quiz dynamodb --allow-keys ./class.keys
  saa-study classroom serve --resume latest`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if source == "" && resume == "" {
				return &exitError{code: 2, msg: "classroom serve needs --quiz FILE|TOPIC (or --resume SESSION)"}
			}
			if paced != string(classroom.TeacherPaced) && paced != string(classroom.SelfPaced) {
				return &exitError{code: 2, msg: fmt.Sprintf("--paced %q: use teacher or self", paced)}
			}
			if _, _, err := net.SplitHostPort(listen); err != nil {
				return &exitError{code: 2, msg: fmt.Sprintf("--listen %q: use HOST:PORT, e.g. 127.0.0.1:2222", listen)}
			}
			for _, l := range []struct {
				flag string
				ok   bool
			}{
				{"--max-unjoined", maxPending > 0}, {"--max-unjoined-per-address", maxPendingPerAddr > 0},
				{"--handshake-timeout", handshake > 0}, {"--join-timeout", joinTimeout > 0},
			} {
				if !l.ok {
					return &exitError{code: 2, msg: l.flag + " must be more than 0"}
				}
			}
			return g.serveClassroom(cmd.Context(), serveOpts{listen: listen, source: source, code: code,
				paced: classroom.Paced(paced), allowKeys: allowKeys, resume: resume, n: n, timer: timer, keyDir: keyDir,
				maxPending: maxPending, maxPendingPerAddr: maxPendingPerAddr, handshake: handshake, joinTimeout: joinTimeout})
		},
	}
	f := cmd.Flags()
	f.StringVar(&listen, "listen", "127.0.0.1:2222", "address to listen on; anything but loopback must be given here explicitly")
	f.StringVar(&source, "quiz", "", "a quiz file, or a topic id (see saa-study notes --list)")
	f.IntVar(&n, "questions", 10, "how many questions (0 = all)")
	f.StringVar(&code, "code", "", "join code (default: a random 6-letter code)")
	f.StringVar(&paced, "paced", "teacher", "teacher: everyone on the same question; self: each student at their own speed")
	f.StringVar(&allowKeys, "allow-keys", "", "A file of public keys in authorized_keys format: only these keys may join")
	f.DurationVar(&timer, "timer", quiz.ExamPace, "time per question (self-paced: times the number of questions); 0 for none")
	f.StringVar(&resume, "resume", "", "carry on a stored session (an id from classroom sessions, or latest)")
	f.StringVar(&keyDir, "host-key-dir", classroom.DefaultHostKeyDir(), "folder of the server's SSH host key and the classroom log; yours alone (0700), never a shared one")
	f.IntVar(&maxPending, "max-unjoined", classroom.DefaultMaxPending, "connections that have not joined yet, in all; more are closed at once")
	f.IntVar(&maxPendingPerAddr, "max-unjoined-per-address", classroom.DefaultMaxPendingPerAddr, "connections that have not joined yet from one address")
	f.DurationVar(&handshake, "handshake-timeout", classroom.DefaultHandshakeTimeout, "time a connection has to finish the SSH handshake")
	f.DurationVar(&joinTimeout, "join-timeout", classroom.DefaultJoinTimeout, "time from connecting to typing the right join code")
	return cmd
}

type serveOpts struct {
	listen, source, code, allowKeys, resume, keyDir string
	paced                                           classroom.Paced
	n, maxPending, maxPendingPerAddr                int
	timer, handshake, joinTimeout                   time.Duration
}

func (g *globals) serveClassroom(ctx context.Context, o serveOpts) error {
	if ctx == nil {
		ctx = context.Background()
	}
	st, lib, lang, err := g.session(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	so := classroom.StartOptions{Store: st, Lib: lib, Lang: lang, Source: o.source, N: o.n, Paced: o.paced, Timer: o.timer,
		Listen: o.listen, Code: o.code, Resume: o.resume, HostKeyDir: o.keyDir,
		MaxPending: o.maxPending, MaxPendingPerAddr: o.maxPendingPerAddr, HandshakeTimeout: o.handshake, JoinTimeout: o.joinTimeout}
	if o.allowKeys != "" {
		if so.AllowKeys, err = classroom.LoadAuthorizedKeys(o.allowKeys); err != nil {
			return &exitError{code: 1, msg: err.Error()}
		}
	}
	// The same path as the program's Classroom screen: checked first (the
	// quiz, the session to resume, the host key folder), started once the
	// dashboard has a terminal to draw on.
	prep, err := classroom.Prepare(ctx, so)
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	if !isTerminal(g.stdout) || !isTerminal(g.stdin) {
		return &exitError{code: 2, msg: "the classroom dashboard needs a terminal; for results you can pipe, use: saa-study classroom results --export csv"}
	}
	// Nothing may print over the dashboard: wish's own logger goes to the
	// class's log beside the host key, as plain text.
	charmlog.SetOutput(io.Discard)
	class, err := prep.Start(ctx)
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	charmlog.SetOutput(class.Log())
	charmlog.SetColorProfile(colorprofile.Ascii)
	defer func() {
		// Students get their result and the final board, and their ssh
		// ends with status 0, before the server closes.
		_ = class.Stop()
		charmlog.SetOutput(io.Discard)
	}()
	room := class.Room
	d := classroom.NewDashboard(classroom.DashboardOptions{Room: room, Ctx: ctx, Lang: lang, Listen: class.Addr, IsDark: true})
	defer d.Close()
	p := tea.NewProgram(d, screenOptions(ctx)...)
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrInterrupted) && !errors.Is(err, context.Canceled) && !errors.Is(err, tea.ErrProgramKilled) {
		return err
	}
	fmt.Fprintf(g.stdout, "Session %s is saved. Carry on with: saa-study classroom serve --resume %s\nResults: saa-study classroom results %s --export csv\n", room.ID(), room.ID(), room.ID())
	return nil
}

func newClassroomResultsCmd(g *globals) *cobra.Command {
	var export string
	cmd := &cobra.Command{
		Use:   "results [SESSION]",
		Short: "Export a session's answers per student (default: the latest session)",
		Example: `  saa-study classroom results --export csv > results.csv
  saa-study classroom results 20261127-181000 --export json`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id := "latest"
			if len(args) == 1 {
				id = args[0]
			}
			if export != "csv" && export != "json" {
				return &exitError{code: 2, msg: fmt.Sprintf("--export %q: use csv or json", export)}
			}
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			ctx := cmd.Context()
			sess, err := st.ClassSession(ctx, id)
			if err != nil {
				return &exitError{code: 1, msg: err.Error() + "; see saa-study classroom sessions"}
			}
			ps, err := st.ClassParticipants(ctx, sess.ID)
			if err != nil {
				return err
			}
			as, err := st.ClassAnswers(ctx, sess.ID)
			if err != nil {
				return err
			}
			recs := classroom.Records(sess, ps, as)
			if export == "json" {
				return quiz.ExportJSON(g.stdout, recs)
			}
			return quiz.ExportCSV(g.stdout, recs)
		},
	}
	cmd.Flags().StringVar(&export, "export", "csv", "Format: csv or json")
	return cmd
}

func newClassroomSessionsCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "sessions",
		Short: "List classroom sessions, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			ctx := cmd.Context()
			ss, err := st.ClassSessions(ctx)
			if err != nil {
				return err
			}
			type row struct {
				ID        string    `json:"id"`
				Quiz      string    `json:"quiz"`
				Title     string    `json:"title"`
				Paced     string    `json:"paced"`
				State     string    `json:"state"`
				Questions int       `json:"questions"`
				Students  int       `json:"students"`
				Answers   int       `json:"answers"`
				CreatedAt time.Time `json:"created_at"`
			}
			rows := []row{}
			for _, s := range ss {
				ps, err := st.ClassParticipants(ctx, s.ID)
				if err != nil {
					return err
				}
				as, err := st.ClassAnswers(ctx, s.ID)
				if err != nil {
					return err
				}
				rows = append(rows, row{s.ID, s.QuizID, s.QuizTitle, s.Paced, s.State, len(s.QuestionIDs), len(ps), len(as), s.CreatedAt.UTC()})
			}
			if asJSON {
				enc := json.NewEncoder(g.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(rows)
			}
			if len(rows) == 0 {
				fmt.Fprintln(g.stdout, "No classroom sessions yet: start one with saa-study classroom serve --quiz TOPIC")
				return nil
			}
			tw := tabwriter.NewWriter(g.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tQUIZ\tPACED\tSTATE\tQUESTIONS\tSTUDENTS\tANSWERS\tCREATED")
			for _, r := range rows {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%s\n", r.ID, r.Quiz, r.Paced, r.State, r.Questions, r.Students, r.Answers, r.CreatedAt.Format(time.RFC3339))
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}
