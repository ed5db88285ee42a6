package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/saa-study/saa-study/content"
)

// version is set by the release build (-ldflags "-X main.version=v1.2.3").
var version = ""

// buildInfo returns the version and the commit the binary was built from.
func buildInfo() (ver, commit string) {
	ver, commit = version, "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		if ver == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			ver = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				commit = s.Value
				if len(commit) > 12 {
					commit = commit[:12]
				}
			case "vcs.modified":
				if s.Value == "true" {
					commit += "+dirty"
				}
			}
		}
	}
	if ver == "" {
		ver = "dev"
	}
	return ver, commit
}

func versionString() string {
	v, c := buildInfo()
	return fmt.Sprintf("%s (commit %s)", v, c)
}

func newVersionCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version, the commit and the content version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			v, c := buildInfo()
			fmt.Fprintf(g.stdout, "saa-study %s\ncommit    %s\ncontent   %s\n", v, c, content.EmbeddedVersion())
			return nil
		},
	}
}
