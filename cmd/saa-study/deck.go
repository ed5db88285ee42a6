package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/content"
	"github.com/saa-study/saa-study/progress"
	"github.com/saa-study/saa-study/store"
)

func newDeckCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "deck",
		Short: "Your own decks: add a content folder, import or export cards",
	}
	cmd.AddCommand(newDeckAddCmd(g), newDeckImportCmd(g), newDeckExportCmd(g), newDeckListCmd(g))
	return cmd
}

var nonID = regexp.MustCompile(`[^a-z0-9-]+`)

// deckIDFrom makes a deck id from a file or folder name.
func deckIDFrom(path string) string {
	base := strings.ToLower(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)))
	id := strings.Trim(nonID.ReplaceAllString(base, "-"), "-")
	if len(id) > 63 {
		id = id[:63]
	}
	if id == "" {
		id = "deck"
	}
	return id
}

func newDeckAddCmd(g *globals) *cobra.Command {
	var id string
	cmd := &cobra.Command{
		Use:   "add DIR",
		Short: "Check a content folder and add its cards and questions to your reviews",
		Long: `DIR is laid out like the built-in content (see docs/content-format.md). It is
checked like "saa-study lint DIR"; a folder with problems is refused. The folder
is read again each time reviews start, so edits to it show up.`,
		Example: "  saa-study deck add ./my-cards --id my-cards",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir, err := filepath.Abs(args[0])
			if err != nil {
				return &exitError{code: 1, msg: err.Error()}
			}
			lib, err := content.LoadDir(dir)
			var ps content.Problems
			if errors.As(err, &ps) {
				for _, p := range ps {
					fmt.Fprintln(g.stdout, p.String())
				}
				return &exitError{code: 1, msg: fmt.Sprintf("%s: %d problem(s); fix them, then add the deck again", args[0], len(ps))}
			}
			if err != nil {
				return &exitError{code: 1, msg: err.Error()}
			}
			if id == "" {
				id = deckIDFrom(dir)
			}
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			if err := st.AddDeck(cmd.Context(), store.Deck{ID: id, Source: store.DeckFolder, Path: dir}); err != nil {
				return &exitError{code: 1, msg: err.Error()}
			}
			langs := lib.Langs()
			n := len(lib.Cards(langs[0])) + len(lib.Questions(langs[0]))
			fmt.Fprintf(g.stdout, "deck %s: %s (%s and %s, in %s)\n", id, dir,
				plural(len(lib.Cards(langs[0])), "card", "cards"), plural(len(lib.Questions(langs[0])), "question", "questions"), langNames(langs))
			if n == 0 {
				fmt.Fprintf(g.stderr, "deck %s has no cards or questions yet: reviews take them from cards/ and questions/ (see docs/content-format.md)\n", id)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&id, "id", "", "deck id (default: from the folder name)")
	return cmd
}

func newDeckImportCmd(g *globals) *cobra.Command {
	var id, deckDir string
	var maxMiB int64
	cmd := &cobra.Command{
		Use:   "import FILE.csv|FILE.tsv|FILE.apkg|FILE.colpkg",
		Short: "Import cards from CSV or TSV (front, back, tags), or an Anki package with its review history",
		Long: `Each row is front, back and optional space-separated tags; .csv is comma
separated, anything else tab separated. Lines starting with # (Anki's header
lines) and a first row "front,back,tags" are skipped. A card's id comes from its
front, so importing the file again updates the cards instead of duplicating them.

An Anki package (.apkg or .colpkg, from Anki 2.1 to today's) brings its decks,
notes (as Markdown; cloze kept as cloze), tags, the media its cards name (copied
into --deck-dir, by default decks/NAME beside the progress file) and its review
history, replayed through your scheduler so each card is due when its history
says. Importing the same package again changes nothing.`,
		Example: "  saa-study deck import vocab.tsv --deck vocab\n  saa-study deck import 'AWS SAA.apkg'",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if isAnkiPackage(args[0]) {
				return g.importAnkiPackage(cmd, args[0], deckDir, maxMiB)
			}
			f, err := os.Open(args[0])
			if err != nil {
				return &exitError{code: 1, msg: err.Error()}
			}
			defer f.Close()
			sep := '\t'
			if strings.EqualFold(filepath.Ext(args[0]), ".csv") {
				sep = ','
			}
			cards, err := readDeckRows(f, sep)
			if err != nil {
				return &exitError{code: 1, msg: fmt.Sprintf("%s: %v", args[0], err)}
			}
			if id == "" {
				id = deckIDFrom(args[0])
			}
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			if err := st.ImportDeckCards(cmd.Context(), id, cards); err != nil {
				return &exitError{code: 1, msg: err.Error()}
			}
			fmt.Fprintf(g.stdout, "deck %s: imported %s\n", id, plural(len(cards), "card", "cards"))
			return nil
		},
	}
	cmd.Flags().StringVar(&id, "deck", "", "deck id for CSV/TSV (default: from the file name)")
	cmd.Flags().StringVar(&deckDir, "deck-dir", "", "Anki packages: where their media go (default: decks/NAME beside the progress file)")
	cmd.Flags().Int64Var(&maxMiB, "max-size", 100, "Anki packages: the largest package to read, in MiB")
	return cmd
}

// readDeckRows parses front, back, tags rows. Errors name the line.
func readDeckRows(r io.Reader, sep rune) ([]store.DeckCard, error) {
	cr := csv.NewReader(bufio.NewReader(r))
	cr.Comma = sep
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	var out []store.DeckCard
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(out) == 0 && len(rec) >= 2 && strings.EqualFold(strings.TrimSpace(rec[0]), "front") && strings.EqualFold(strings.TrimSpace(rec[1]), "back") {
			continue
		}
		if len(rec) < 2 || strings.TrimSpace(rec[0]) == "" || strings.TrimSpace(rec[1]) == "" {
			return nil, fmt.Errorf("line %d: want front%sback[%stags] with text in both front and back", line, string(sep), string(sep))
		}
		c := store.DeckCard{Front: strings.TrimSpace(rec[0]), Back: strings.TrimSpace(rec[1]), Ord: len(out)}
		if len(rec) > 2 {
			c.Tags = strings.Fields(rec[2])
		}
		sum := sha256.Sum256([]byte(c.Front))
		c.CardID = "c-" + hex.EncodeToString(sum[:6])
		if prev, dup := seen[c.CardID]; dup {
			return nil, fmt.Errorf("line %d: the same front as line %d; merge the two cards", line, prev)
		}
		seen[c.CardID] = line
		out = append(out, c)
	}
	if len(out) == 0 {
		return nil, errors.New("no cards: want rows of front, back and optional tags")
	}
	return out, nil
}

func newDeckExportCmd(g *globals) *cobra.Command {
	var deck string
	var apkg apkgExport
	cmd := &cobra.Command{
		Use:   "export FILE.tsv | --apkg FILE.apkg",
		Short: "Export flashcards as a TSV file or an Anki package with your review history",
		Long: `Writes every flashcard of the current language (built-in and your decks, or
one deck with --deck) as front<TAB>back<TAB>tags, with the header lines Anki
reads (#separator:tab, #html:false, #tags column:3). A cloze card gives one row
per cloze number. FILE "-" writes to standard output.

With --apkg FILE it writes an Anki package (.apkg) instead, which Anki 2.1.50+
and AnkiDroid import: a deck per topic under "` + progress.AnkiDeckRoot + `", the cards
as HTML with their tags, each card's schedule and FSRS memory state, and the
review log, so Anki carries on where you left off. --deck takes a topic id
(lambda-limits), a deck id of yours or "builtin"; --questions adds the
scenario questions as cards (options on the front, key and explanations on
the back). --apkg - writes the package to standard output (not to a terminal).`,
		Example: "  saa-study deck export saa.tsv --lang ko\n  saa-study deck export --apkg saa.apkg --questions",
		Args: func(cmd *cobra.Command, args []string) error {
			if apkg.file != "" {
				return cobra.NoArgs(cmd, args)
			}
			return cobra.ExactArgs(1)(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if apkg.file != "" {
				return apkg.run(cmd, g, deck)
			}
			if apkg.all || apkg.questions {
				return &exitError{code: 2, msg: "--all and --questions go with --apkg FILE"}
			}
			st, lib, lang, err := g.session(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			rows, err := exportRows(cmd, lib, st, lang, deck)
			if err != nil {
				return &exitError{code: 1, msg: err.Error()}
			}
			if args[0] == "-" {
				return writeAnkiTSV(g.stdout, rows)
			}
			if err := writeFileAtomic(args[0], func(w io.Writer) error { return writeAnkiTSV(w, rows) }); err != nil {
				return err
			}
			fmt.Fprintf(g.stderr, "exported %s to %s\n", plural(len(rows), "card", "cards"), args[0])
			return nil
		},
	}
	cmd.Flags().StringVar(&deck, "deck", "", `only this deck ("builtin" for the built-in cards; with --apkg also a topic id)`)
	cmd.Flags().StringVar(&apkg.file, "apkg", "", "write an Anki package with the review history to this file")
	cmd.Flags().BoolVar(&apkg.all, "all", false, "with --apkg: every deck (the default)")
	cmd.Flags().BoolVar(&apkg.questions, "questions", false, "with --apkg: also export the scenario questions as cards")
	return cmd
}

func newDeckListCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List your decks",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := g.openStore()
			if err != nil {
				return err
			}
			defer st.Close()
			decks, err := st.Decks(cmd.Context())
			if err != nil {
				return err
			}
			if len(decks) == 0 {
				// Nothing on stdout (scripts see an empty list); say why on stderr.
				fmt.Fprintln(g.stderr, "no decks yet: saa-study deck add DIR adds a content folder, saa-study deck import FILE.csv imports cards")
			}
			for _, d := range decks {
				fmt.Fprintf(g.stdout, "%s\t%s\t%s\n", d.ID, d.Source, d.Path)
			}
			return nil
		},
	}
}

// ankiRow is one exported card.
type ankiRow struct{ front, back, tags string }

// exportRows collects the cards of lang: built-in (deck "builtin"), folder
// decks and imported decks; deck picks one of them when not empty.
func exportRows(cmd *cobra.Command, lib *content.Library, st *store.Store, lang content.Lang, deck string) ([]ankiRow, error) {
	var rows []ankiRow
	fromLib := func(l *content.Library, deckTag string) {
		for _, c := range l.Cards(lang) {
			tags := strings.Join(append([]string{"saa-study", deckTag, c.Topic}, c.Tags...), " ")
			if c.IsCloze() {
				for _, n := range c.ClozeNumbers() {
					rows = append(rows, ankiRow{c.ClozeText(n, false), c.ClozeText(n, true), tags})
				}
				continue
			}
			rows = append(rows, ankiRow{c.Front, c.Back, tags})
		}
	}
	if deck == "" || deck == "builtin" {
		fromLib(lib, "builtin")
	}
	decks, err := st.Decks(cmd.Context())
	if err != nil {
		return nil, err
	}
	found := deck == "" || deck == "builtin"
	for _, d := range decks {
		if deck != "" && d.ID != deck {
			continue
		}
		found = true
		if d.Source == store.DeckFolder {
			dl, err := content.LoadDir(d.Path)
			if err != nil {
				return nil, fmt.Errorf("deck %s: %w", d.ID, err)
			}
			fromLib(dl, d.ID)
		}
	}
	if !found {
		return nil, fmt.Errorf("ResourceNotFoundException: no deck %q (see saa-study deck list)", deck)
	}
	cards, err := st.DeckCards(cmd.Context())
	if err != nil {
		return nil, err
	}
	for _, c := range cards {
		if deck == "" || c.Deck == deck {
			rows = append(rows, ankiRow{c.Front, c.Back, strings.Join(append([]string{"saa-study", c.Deck}, c.Tags...), " ")})
		}
	}
	return rows, nil
}

// writeAnkiTSV writes Anki's header lines, then one quoted-as-needed row
// per card (a field with a tab, a quote or a line break is quoted).
func writeAnkiTSV(w io.Writer, rows []ankiRow) error {
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, "#separator:tab\n#html:false\n#tags column:3\n")
	cw := csv.NewWriter(bw)
	cw.Comma = '\t'
	for _, r := range rows {
		if err := cw.Write([]string{r.front, r.back, r.tags}); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// writeFileAtomic writes a file through a temporary file and a rename, so
// a crash never leaves half a file under the real name.
func writeFileAtomic(path string, fn func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	defer os.Remove(tmp.Name())
	if err := fn(tmp); err != nil {
		tmp.Close()
		return &exitError{code: 1, msg: fmt.Sprintf("%s: %v", path, err)}
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return &exitError{code: 1, msg: err.Error()}
	}
	if err := tmp.Close(); err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &exitError{code: 1, msg: err.Error()}
	}
	return nil
}

// plural is "1 card" or "3 cards".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
