package main

import (
	"strings"
	"testing"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/text/cases"
	"golang.org/x/text/language"
)

// TestHelpTextsSurviveTheirFirstCapital: the help title-cases the first
// word of each command's and flag's description, which lowercases the rest
// of it ("CloudFront" became "Cloudfront") and capitalises past a dash
// ("--api" became "--Api"). Every description starts with a word that
// only gains a capital first letter.
func TestHelpTextsSurviveTheirFirstCapital(t *testing.T) {
	var walk func(c *cobra.Command)
	check := func(where, s string) {
		first, _, _ := strings.Cut(strings.TrimSpace(s), " ")
		if first == "" {
			return
		}
		r := []rune(first)
		r[0] = unicode.ToUpper(r[0])
		if shown := cases.Title(language.AmericanEnglish).String(first); shown != string(r) {
			t.Errorf("%s: %q starts with %q, which the help shows as %q", where, s, first, shown)
		}
	}
	walk = func(c *cobra.Command) {
		check(c.CommandPath(), c.Short)
		c.LocalFlags().VisitAll(func(f *pflag.Flag) { check(c.CommandPath()+" --"+f.Name, f.Usage) })
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(newRootCmd(strings.NewReader(""), &strings.Builder{}, &strings.Builder{}))
}
