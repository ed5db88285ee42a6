package main

import (
	"context"
	crand "crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"math/rand/v2"
	"net"
	"os"
	"text/tabwriter"
	"time"

	tea "charm.land/bubbletea/v2"
	charmlog "charm.land/log/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/classroom"
	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/quiz"
	"github.com/saa-study/saa-study/store"
)

type wallClock struct{}

func (wallClock) Now() time.Time { return time.Now() }

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

func randomSeed() uint64 {
	var b [8]byte
	if _, err := crand.Read(b[:]); err != nil {
		return uint64(time.Now().UnixNano())
	}
	return binary.LittleEndian.Uint64(b[:])
}

func newClassroomServeCmd(g *globals) *cobra.Command {
	var listen, source, code, paced, allowKeys, resume, keyDir string
	var n int
	var timer time.Duration
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
			return g.serveClassroom(cmd.Context(), serveOpts{listen: listen, source: source, code: code,
				paced: classroom.Paced(paced), allowKeys: allowKeys, resume: resume, n: n, timer: timer, keyDir: keyDir})
		},
	}
	f := cmd.Flags()
	f.StringVar(&listen, "listen", "127.0.0.1:2222", "address to listen on; anything but loopback must be given here explicitly")
	f.StringVar(&source, "quiz", "", "a quiz file, or a topic id (see saa-study notes --list)")
	f.IntVar(&n, "questions", 10, "how many questions (0 = all)")
	f.StringVar(&code, "code", "", "join code (default: a random 6-letter code)")
	f.StringVar(&paced, "paced", "teacher", "teacher: everyone on the same question; self: each student at their own speed")
	f.StringVar(&allowKeys, "allow-keys", "", "authorized_keys file: only these keys may join")
	f.DurationVar(&timer, "timer", quiz.ExamPace, "time per question (self-paced: times the number of questions); 0 for none")
	f.StringVar(&resume, "resume", "", "carry on a stored session (an id from classroom sessions, or latest)")
	f.StringVar(&keyDir, "host-key-dir", classroom.DefaultHostKeyDir(), "folder of the server's SSH host key and the classroom log; yours alone (0700), never a shared one")
	return cmd
}

type serveOpts struct {
	listen, source, code, allowKeys, resume, keyDir string
	paced                                           classroom.Paced
	n                                               int
	timer                                           time.Duration
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
	q, err := sessionQuiz(ctx, st, lib, lang, o)
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	if o.keyDir == "" {
		o.keyDir = classroom.DefaultHostKeyDir()
	}
	if err := classroom.CheckPrivateDir(o.keyDir); err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	if !isTerminal(g.stdout) || !isTerminal(g.stdin) {
		return &exitError{code: 2, msg: "the classroom dashboard needs a terminal; for results you can pipe, use: saa-study classroom results --export csv"}
	}
	room, err := openRoom(ctx, st, q, o)
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	cfg := classroom.ServerConfig{Addr: o.listen, HostKeyDir: o.keyDir, Room: room, Lang: lang}
	if o.allowKeys != "" {
		ks, err := classroom.LoadAuthorizedKeys(o.allowKeys)
		if err != nil {
			return &exitError{code: 1, msg: err.Error()}
		}
		cfg.AllowKeys = ks
	}
	// Nothing may print over the dashboard: wish's own logger and ours go
	// to a file beside the host key, as plain text.
	charmlog.SetOutput(io.Discard)
	lf, err := classroom.OpenLog(cfg.HostKeyDir)
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	defer lf.Close()
	cfg.Logger = log.New(lf, "", log.LstdFlags)
	charmlog.SetOutput(lf)
	charmlog.SetColorProfile(colorprofile.Ascii)
	srv, err := classroom.NewServer(cfg)
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	l, err := net.Listen("tcp", o.listen)
	if err != nil {
		return &exitError{code: 1, msg: fmt.Sprintf("listen on %s: %v", o.listen, err)}
	}
	go func() { _ = srv.Serve(l) }()
	defer func() {
		// Students get their result and the final board, and their ssh
		// ends with status 0, before the server closes.
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	d := classroom.NewDashboard(classroom.DashboardOptions{Room: room, Ctx: ctx, Lang: lang, Listen: o.listen, IsDark: true})
	defer d.Close()
	p := tea.NewProgram(d, tea.WithContext(ctx))
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrInterrupted) && !errors.Is(err, context.Canceled) && !errors.Is(err, tea.ErrProgramKilled) {
		return err
	}
	fmt.Fprintf(g.stdout, "Session %s is saved. Carry on with: saa-study classroom serve --resume %s\nResults: saa-study classroom results %s --export csv\n", room.ID(), room.ID(), room.ID())
	return nil
}

// sessionQuiz loads the questions: the stored session's when resuming,
// otherwise n of --quiz (a topic's in a random order, a file's in its own).
func sessionQuiz(ctx context.Context, st *store.Store, lib *content.Library, lang content.Lang, o serveOpts) (classroom.Quiz, error) {
	if o.resume != "" {
		sess, err := st.ClassSession(ctx, o.resume)
		if err != nil {
			return classroom.Quiz{}, err
		}
		sl, _ := content.ParseLang(sess.Lang)
		pool, err := classroom.LoadQuiz(lib, sess.Source, sl)
		if err != nil {
			return classroom.Quiz{}, err
		}
		return pool.Select(sess.QuestionIDs)
	}
	pool, err := classroom.LoadQuiz(lib, o.source, lang)
	if err != nil {
		return classroom.Quiz{}, err
	}
	_, statErr := os.Stat(o.source)
	return pool.Pick(o.n, randomSeed(), statErr != nil), nil
}

// openRoom resumes the stored session or starts a new one.
func openRoom(ctx context.Context, st *store.Store, q classroom.Quiz, o serveOpts) (*classroom.Room, error) {
	clk := wallClock{}
	if o.resume != "" {
		sess, err := st.ClassSession(ctx, o.resume)
		if err != nil {
			return nil, err
		}
		return classroom.ResumeRoom(ctx, st, clk, q, sess.ID)
	}
	seed := randomSeed()
	code := classroom.NormalizeCode(o.code)
	if code == "" {
		code = classroom.GenerateCode(rand.New(rand.NewPCG(seed, randomSeed())))
	}
	return classroom.NewRoom(ctx, classroom.Config{Store: st, Clock: clk, Quiz: q, Paced: o.paced, Code: code, Timer: o.timer,
		SessionID: fmt.Sprintf("%s-%04x", time.Now().UTC().Format("20060102-150405"), seed&0xffff)})
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
	cmd.Flags().StringVar(&export, "export", "csv", "csv or json")
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
