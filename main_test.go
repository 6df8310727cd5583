package main

import (
	"os"
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
