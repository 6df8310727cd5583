package main

import (
	"os"
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
