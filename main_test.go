package main

import (
	"errors"
	"os"
	"os/exec"
	"runtime/debug"
	"strings"
	"testing"
)

// The version the program prints is the one FyneApp.toml packages.
func TestVersionMatchesFyneAppToml(t *testing.T) {
	b, err := os.ReadFile("FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "\nVersion = \""+version+"\"\n") {
		t.Errorf("main.version %q is not FyneApp.toml's Version", version)
	}
}

func TestIsCommand(t *testing.T) {
	for arg, want := range map[string]bool{"render": true, "--version": true, "-h": true, "data.csv": false, "counties.geojson": false} {
		if got := isCommand(arg); got != want {
			t.Errorf("isCommand(%q) = %v", arg, got)
		}
	}
}

// A headless run collects garbage a quarter as often, unless GOGC is set.
func TestOneRunSetsGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "")
	oneRun()
	if got := debug.SetGCPercent(100); got != 400 {
		t.Errorf("GC percent %d after oneRun, want 400", got)
	}
	t.Setenv("GOGC", "150")
	oneRun()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percent %d after oneRun with GOGC set, want it left at 100", got)
	}
}

// A panic that escapes is one line on stderr and a report file; the test
// runs it in a child process, as it ends the process.
func TestLastResort(t *testing.T) {
	if os.Getenv("SANCTUARYMAP_PANIC") == "1" {
		defer lastResort(os.Stderr, "sanctuarymap test", []string{"render"})
		panic("boom")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLastResort$")
	cmd.Env = append(os.Environ(), "SANCTUARYMAP_PANIC=1", "TMPDIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Fatalf("exit %v, want 1: %s", err, out)
	}
	line, path, ok := strings.Cut(strings.TrimSpace(string(out)), "please send ")
	if !ok || line != "sanctuarymap: internal error (boom); " || strings.Count(string(out), "\n") != 1 {
		t.Fatalf("stderr %q", out)
	}
	report, err := os.ReadFile(strings.TrimSuffix(path, " with your report"))
	if err != nil || !strings.Contains(string(report), "panic: boom") || !strings.Contains(string(report), "goroutine ") {
		t.Errorf("report %q: %v", report, err)
	}
}
