package cli

import (
	"runtime/debug"
	"testing"
)

func TestIsCommand(t *testing.T) {
	for arg, want := range map[string]bool{"render": true, "--version": true, "-h": true, "data.csv": false, "counties.geojson": false} {
		if got := IsCommand(arg); got != want {
			t.Errorf("IsCommand(%q) = %v", arg, got)
		}
	}
}

// A headless run collects garbage a quarter as often, unless GOGC is set.
func TestHeadlessSetsGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "")
	headless()
	if got := debug.SetGCPercent(100); got != 400 {
		t.Errorf("GC percent %d after headless, want 400", got)
	}
	t.Setenv("GOGC", "150")
	headless()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percent %d after headless with GOGC set, want it left at 100", got)
	}
}
