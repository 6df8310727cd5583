// Command sanctuarymap shows where US states, counties and cities stand on
// cooperation with federal immigration enforcement, and which of them the
// Department of Justice has sued. With no subcommand, or with CSV files, it
// opens the window; render and validate run headless (see package cli).
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"sanctuarymap/app"
	"sanctuarymap/internal/cli"
	_ "sanctuarymap/internal/locale" // before Fyne reads the locale
)

// version follows FyneApp.toml (a test checks); commit is set by the
// Makefile with -ldflags -X, or by a generated file for `make package`,
// whose fyne CLI sets ldflags of its own.
var (
	version = "0.1.0"
	commit  = "unknown"
)

func main() {
	v := cli.Version{Version: version, Commit: commit}
	defer lastResort(os.Stderr, v.String(), os.Args)
	args := os.Args[1:]
	if len(args) == 0 || !cli.IsCommand(args[0]) {
		if err := app.Run(args, v.String()); err != nil {
			fmt.Fprintln(os.Stderr, "sanctuarymap:", err)
			os.Exit(1)
		}
		return
	}
	os.Exit(cli.Run(args, v, os.Stdout, os.Stderr))
}

// lastResort, deferred in main, turns a panic that escaped every check
// into one line and a report file the user can send, in place of a stack
// trace. No test relies on it: every input has its own message.
func lastResort(stderr io.Writer, version string, args []string) {
	r := recover()
	if r == nil {
		return
	}
	report := fmt.Sprintf("%s\nargs: %q\npanic: %v\n\n%s", version, args, r, debug.Stack())
	f, err := os.CreateTemp("", "sanctuarymap-crash-*.txt")
	if err == nil {
		_, err = f.WriteString(report)
		f.Close()
	}
	if err != nil {
		fmt.Fprintf(stderr, "sanctuarymap: internal error (%v); please report it with the command you ran\n", r)
	} else {
		fmt.Fprintf(stderr, "sanctuarymap: internal error (%v); please send %s with your report\n", r, f.Name())
	}
	os.Exit(1)
}
