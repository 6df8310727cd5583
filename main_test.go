package main

import (
	"errors"
	"os"
	"os/exec"
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
