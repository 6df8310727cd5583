//go:build e2e

package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// bin is the program under test: SANCTUARYMAP_BIN when `make test` has
// built it, else a build of this checkout, so `go test ./e2e` stands alone.
var bin string

func TestMain(m *testing.M) {
	bin = os.Getenv("SANCTUARYMAP_BIN")
	if bin == "" {
		dir, err := os.MkdirTemp("", "sanctuarymap-e2e")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		bin = filepath.Join(dir, "sanctuarymap")
		build := exec.Command("go", "build", "-o", bin, "sanctuarymap")
		build.Stdout, build.Stderr = os.Stderr, os.Stderr
		if err := build.Run(); err != nil {
			fmt.Fprintln(os.Stderr, "building the program:", err)
			os.Exit(1)
		}
		code := m.Run()
		os.RemoveAll(dir)
		os.Exit(code)
	}
	os.Exit(m.Run())
}
