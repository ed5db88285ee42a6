package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The layout of DESIGN.md as tests: which package may import which, and
// how long a file under ui/ may grow. Each rule is a function over plain
// data (import lists, line counts), so that the tests below can show it
// failing on a broken input before it is trusted on the real module.

const module = "github.com/saa-study/saa-study"

// maxUILines is the longest a .go file under ui/ may be.
const maxUILines = 500

// oversizedUIFiles are files under ui/ (paths relative to ui/) allowed to
// stay over maxUILines for now. Each one is a file still waiting to be
// split; the list only ever shrinks, and a name left here after its file
// got short (or went away) is reported too, so the list cannot go stale.
var oversizedUIFiles = []string{}

// pkgInfo is what the rules need to know about one package of the module,
// as `go list -json` reports it.
type pkgInfo struct {
	ImportPath   string
	Imports      []string // non-test imports
	TestImports  []string // imports of the package's own _test files
	XTestImports []string // imports of its external (package x_test) tests
	Deps         []string // every package it needs to build, transitively, tests left out
}

// TestLayering checks the real module against every import rule.
func TestLayering(t *testing.T) {
	pkgs := modulePackages(t)
	if len(pkgs) == 0 || !slices.ContainsFunc(pkgs, func(p pkgInfo) bool { return p.ImportPath == module+"/ui" }) {
		t.Fatalf("go list found no ui package among %d packages", len(pkgs))
	}
	for _, rule := range layeringRules {
		for _, v := range rule.check(pkgs) {
			t.Errorf("%s: %s", rule.name, v)
		}
	}
}

// TestUIFileSizes checks that no .go file under ui/ is longer than
// maxUILines, apart from the known exceptions.
func TestUIFileSizes(t *testing.T) {
	counts, err := goFileLines(".")
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) == 0 {
		t.Fatal("no .go files found under ui/")
	}
	for _, v := range checkFileLines(counts, maxUILines, oversizedUIFiles) {
		t.Error(v)
	}
}

var layeringRules = []struct {
	name  string
	check func([]pkgInfo) []string
}{
	{"a page never imports another page", checkPageImportsPage},
	{"only ui imports a page", checkOnlyUIImportsPages},
	{"nothing under ui/ imports store", checkUIImportsNoStore},
	{"classroom never depends on ui or a simulator", checkClassroom},
	{"cores import only what is below them", checkCoreLayers},
}

// rel is a package's path inside the module ("ui/pages/home"); "" for a
// package outside it.
func rel(path string) string {
	if path == module {
		return "."
	}
	r, ok := strings.CutPrefix(path, module+"/")
	if !ok {
		return ""
	}
	return r
}

// under reports whether module-relative path r is dir or inside it.
func under(r, dir string) bool { return r == dir || strings.HasPrefix(r, dir+"/") }

// isPage reports whether r is a page: any package under ui/pages, each
// sub-package (ui/pages/sim/dynamodb) a page of its own.
func isPage(r string) bool { return strings.HasPrefix(r, "ui/pages/") }

// allImports is every import of p, its tests' included.
func allImports(p pkgInfo) []string {
	return slices.Concat(p.Imports, p.TestImports, p.XTestImports)
}

func checkPageImportsPage(pkgs []pkgInfo) []string {
	var out []string
	for _, p := range pkgs {
		self := rel(p.ImportPath)
		if !isPage(self) {
			continue
		}
		for _, imp := range allImports(p) {
			if r := rel(imp); isPage(r) && r != self {
				out = append(out, fmt.Sprintf("%s imports %s; open it through common.Open instead", self, r))
			}
		}
	}
	return out
}

func checkOnlyUIImportsPages(pkgs []pkgInfo) []string {
	var out []string
	for _, p := range pkgs {
		self := rel(p.ImportPath)
		if self == "ui" || isPage(self) { // pages are checkPageImportsPage's
			continue
		}
		for _, imp := range p.Imports {
			if r := rel(imp); isPage(r) {
				out = append(out, fmt.Sprintf("%s imports %s; only ui builds pages", self, r))
			}
		}
	}
	return out
}

func checkUIImportsNoStore(pkgs []pkgInfo) []string {
	var out []string
	for _, p := range pkgs {
		self := rel(p.ImportPath)
		if !under(self, "ui") {
			continue
		}
		for _, imp := range allImports(p) {
			if r := rel(imp); under(r, "store") {
				out = append(out, fmt.Sprintf("%s imports %s; use progress", self, r))
			}
		}
	}
	return out
}

func checkClassroom(pkgs []pkgInfo) []string {
	var out []string
	for _, p := range pkgs {
		self := rel(p.ImportPath)
		if !under(self, "classroom") {
			continue
		}
		for _, d := range p.Deps {
			if r := rel(d); r == "ui" || under(r, "sim") {
				out = append(out, fmt.Sprintf("%s depends on %s", self, r))
			}
		}
	}
	return out
}

// coreMayImport is DESIGN.md's table for the cores: each core (by its top
// folder) and the other cores it may import. Every core may import its own
// sub-packages (sim/lambda imports sim/clock), and nothing else of ours.
var coreMayImport = map[string][]string{
	"content":  nil,
	"srs":      nil,
	"sim":      nil,
	"quiz":     {"content"},
	"store":    {"srs"},
	"progress": {"store", "srs", "quiz", "content", "anki"},
	"lab":      {"content", "sim"},
	"anki":     nil,
}

// top is the first element of a module-relative path.
func top(r string) string {
	t, _, _ := strings.Cut(r, "/")
	return t
}

func checkCoreLayers(pkgs []pkgInfo) []string {
	var out []string
	for _, p := range pkgs {
		self := rel(p.ImportPath)
		allowed, core := coreMayImport[top(self)]
		if !core {
			continue
		}
		for _, imp := range p.Imports {
			r := rel(imp)
			if r == "" || top(r) == top(self) || slices.Contains(allowed, top(r)) {
				continue
			}
			out = append(out, fmt.Sprintf("%s imports %s; a core imports only the cores below it", self, r))
		}
		// Tests may use other cores (the simulators' tests read the facts
		// from content), but never the UI, the commands or the classroom.
		for _, imp := range slices.Concat(p.TestImports, p.XTestImports) {
			r := rel(imp)
			if r == "" {
				continue
			}
			if _, ok := coreMayImport[top(r)]; !ok {
				out = append(out, fmt.Sprintf("%s's tests import %s; a core's tests stay among the cores", self, r))
			}
		}
	}
	return out
}

// checkFileLines reports every file over limit lines that is not in
// known, and every name in known that is no longer over limit.
func checkFileLines(counts map[string]int, limit int, known []string) []string {
	var out []string
	names := make([]string, 0, len(counts))
	for name := range counts {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if n := counts[name]; n > limit && !slices.Contains(known, name) {
			out = append(out, fmt.Sprintf("%s has %d lines, more than %d: split it along its natural lines", name, n, limit))
		}
	}
	for _, name := range known {
		if n, ok := counts[name]; !ok || n <= limit {
			out = append(out, fmt.Sprintf("%s is listed in oversizedUIFiles but has %d lines: take it off the list", name, n))
		}
	}
	return out
}

// goFileLines counts the lines of every .go file under dir, by path
// relative to dir with forward slashes.
func goFileLines(dir string) (map[string]int, error) {
	counts := map[string]int{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		n := bytes.Count(b, []byte("\n"))
		if len(b) > 0 && b[len(b)-1] != '\n' {
			n++ // a last line without its newline
		}
		r, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		counts[filepath.ToSlash(r)] = n
		return nil
	})
	return counts, err
}

// modulePackages lists every package of the module with `go list`.
func modulePackages(t *testing.T) []pkgInfo {
	t.Helper()
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "list", "-json=ImportPath,Imports,TestImports,XTestImports,Deps", "./...")
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	pkgs, err := decodePackages(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("go list output: %v", err)
	}
	return pkgs
}

// decodePackages reads the stream of JSON objects `go list -json` writes.
func decodePackages(r io.Reader) ([]pkgInfo, error) {
	var pkgs []pkgInfo
	dec := json.NewDecoder(r)
	for {
		var p pkgInfo
		err := dec.Decode(&p)
		if errors.Is(err, io.EOF) {
			return pkgs, nil
		}
		if err != nil {
			return nil, err
		}
		pkgs = append(pkgs, p)
	}
}

// moduleRoot is the nearest folder at or above the working folder that
// holds go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working folder")
		}
		dir = parent
	}
}

// The rules above, each shown failing on a broken input (and passing on
// the nearest good one), so that a green TestLayering means something.

// fake builds a package of the module from module-relative paths.
func fake(path string, imports ...string) pkgInfo {
	p := pkgInfo{ImportPath: module + "/" + path}
	for _, i := range imports {
		p.Imports = append(p.Imports, module+"/"+i)
	}
	return p
}

func withTests(p pkgInfo, imports ...string) pkgInfo {
	for _, i := range imports {
		p.TestImports = append(p.TestImports, module+"/"+i)
	}
	return p
}

func withXTests(p pkgInfo, imports ...string) pkgInfo {
	for _, i := range imports {
		p.XTestImports = append(p.XTestImports, module+"/"+i)
	}
	return p
}

func withDeps(p pkgInfo, deps ...string) pkgInfo {
	for _, d := range deps {
		p.Deps = append(p.Deps, module+"/"+d)
	}
	return p
}

// wantViolations runs check on pkgs and wants exactly the violations that
// contain each of want, in order.
func wantViolations(t *testing.T, check func([]pkgInfo) []string, pkgs []pkgInfo, want ...string) {
	t.Helper()
	got := check(pkgs)
	if len(got) != len(want) {
		t.Fatalf("got %d violations, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i, w := range want {
		if !strings.Contains(got[i], w) {
			t.Errorf("violation %d = %q, want it to name %q", i, got[i], w)
		}
	}
}

func TestLayeringRulesCatchViolations(t *testing.T) {
	t.Run("page imports page", func(t *testing.T) {
		wantViolations(t, checkPageImportsPage, []pkgInfo{
			fake("ui/pages/home", "ui/common", "ui/components/menu", "ui/pages/notes"),
			fake("ui/pages/sim", "ui/pages/sim/dynamodb"), // a sub-package is a page too
			withTests(fake("ui/pages/review"), "ui/pages/exam"),
			withXTests(fake("ui/pages/stats"), "ui/pages/stats", "ui/internal/uitest"), // its own x_test: fine
			fake("ui", "ui/pages/home", "ui/pages/notes"),                              // ui may
		}, "ui/pages/home imports ui/pages/notes", "ui/pages/sim imports ui/pages/sim/dynamodb", "ui/pages/review imports ui/pages/exam")
	})
	t.Run("only ui imports pages", func(t *testing.T) {
		wantViolations(t, checkOnlyUIImportsPages, []pkgInfo{
			fake("ui", "ui/pages/stats"),
			fake("cmd/saa-study", "ui", "ui/pages/stats"),
			fake("ui/components/reader", "ui/pages/study"),
			withTests(fake("classroom"), "ui/pages/home"), // test files may
		}, "cmd/saa-study imports ui/pages/stats", "ui/components/reader imports ui/pages/study")
	})
	t.Run("ui imports store", func(t *testing.T) {
		wantViolations(t, checkUIImportsNoStore, []pkgInfo{
			fake("ui/pages/stats", "progress"),
			withTests(fake("ui/pages/stats"), "store"),
			fake("ui/internal/uitest", "store"),
			withXTests(fake("ui"), "store"),
			fake("progress", "store"), // outside ui/: fine
		}, "ui/pages/stats imports store", "ui/internal/uitest imports store", "ui imports store")
	})
	t.Run("classroom depends on ui or a simulator", func(t *testing.T) {
		wantViolations(t, checkClassroom, []pkgInfo{
			withDeps(fake("classroom"), "ui/styles", "ui/text", "progress", "quiz", "content"),
			withDeps(fake("classroom/dashboard"), "ui/common", "ui", "ui/text"),
			withDeps(fake("classroom/lab"), "sim/clock"),
			withTests(withDeps(fake("classroom/x"), "progress"), "sim/clock"), // tests: fine
		}, "classroom/dashboard depends on ui", "classroom/lab depends on sim/clock")
	})
	t.Run("core imports upward", func(t *testing.T) {
		wantViolations(t, checkCoreLayers, []pkgInfo{
			fake("quiz", "content"),
			fake("quiz", "store"),
			fake("srs", "content"),
			fake("sim/lambda", "sim/clock", "sim/internal/scenariofile"),
			fake("sim/lambda", "content"),
			fake("store", "srs"),
			fake("store", "progress"),
			fake("progress", "store", "srs", "quiz", "content", "ui/text"),
			fake("content", "cmd/saa-study"),
			withTests(fake("sim"), "content"), // a simulator's test reads the facts: fine
			withXTests(fake("content"), "ui"),
		}, "quiz imports store", "srs imports content", "sim/lambda imports content", "store imports progress",
			"progress imports ui/text", "content imports cmd/saa-study", "content's tests import ui")
	})
}

func TestFileSizeRuleCatchesLongFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, lines int, lastNewline bool) {
		t.Helper()
		s := strings.Repeat("//\n", lines)
		if !lastNewline {
			s = strings.TrimSuffix(s, "\n")
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("ok.go", 500, true)
	write("pages/long/long.go", 501, true)
	write("pages/long/unterminated.go", 501, false)
	write("known.go", 900, true)
	write("notes.md", 2000, true) // not Go: not counted
	counts, err := goFileLines(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(counts) != 4 || counts["ok.go"] != 500 || counts["pages/long/long.go"] != 501 || counts["pages/long/unterminated.go"] != 501 {
		t.Fatalf("line counts = %v", counts)
	}
	got := checkFileLines(counts, 500, []string{"known.go", "ok.go", "gone.go"})
	want := []string{
		"pages/long/long.go has 501 lines",
		"pages/long/unterminated.go has 501 lines",
		"ok.go is listed in oversizedUIFiles",
		"gone.go is listed in oversizedUIFiles",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d violations, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i, w := range want {
		if !strings.Contains(got[i], w) {
			t.Errorf("violation %d = %q, want it to say %q", i, got[i], w)
		}
	}
}

func TestDecodePackagesReadsGoListOutput(t *testing.T) {
	in := `{"ImportPath": "` + module + `/ui/pages/home", "Imports": ["` + module + `/ui/pages/notes"]}
{"ImportPath": "` + module + `/ui"}`
	pkgs, err := decodePackages(strings.NewReader(in))
	if err != nil || len(pkgs) != 2 {
		t.Fatalf("decoded %+v, %v", pkgs, err)
	}
	wantViolations(t, checkPageImportsPage, pkgs, "ui/pages/home imports ui/pages/notes")
	if _, err := decodePackages(strings.NewReader(`{"ImportPath": `)); err == nil {
		t.Fatal("a cut stream should be an error")
	}
}
