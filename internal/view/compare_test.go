package view_test

import (
	"testing"
	"time"

	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/view"
)

// The DOJ's list against the DHS's, and a list against a category: every
// region falls on one side, and the sides add up to the whole.
func TestCompare(t *testing.T) {
	b, d := load(t)
	v := view.Resolve(d, b.Counties, time.Time{}, dataset.Filter{})
	c := view.Comparison{A: "doj-2025", B: "dhs-2025"}
	if s := v.Region("17031").SideOf(c); s != view.OnBoth {
		t.Errorf("Cook County: side %v, want both (named by both lists)", s)
	}
	if s := v.Region("06037").SideOf(c); s != view.OnlyB {
		t.Errorf("Los Angeles County: side %v, want only the DHS list", s)
	}
	sides := v.CountSides(c)
	total := 0
	for _, s := range view.Sides() {
		total += sides[s].Regions + sides[s].Cities
	}
	if total != len(v.Regions)+len(v.Cities) {
		t.Errorf("sides add up to %d, want %d", total, len(v.Regions)+len(v.Cities))
	}
	// A category as a term: the 287(g) counties the DHS listed.
	g := view.Comparison{A: "dhs-2025", B: string(dataset.Agreement287g)}
	for _, r := range v.Regions {
		want := r.Has("dhs-2025") && r.By287g
		if got := r.SideOf(g) == view.OnBoth; got != want {
			t.Fatalf("%s %s: on both %v, want %v", r.FIPS, r.Name, got, want)
		}
	}
	if got := c.Label(view.OnlyA); got != "Only DOJ 2025" {
		t.Errorf("label %q", got)
	}
	for _, bad := range []string{"doj-2025", "doj-2025,", ",x", "a,b,c"} {
		if _, err := view.ParseComparison(bad); err == nil {
			t.Errorf("view.ParseComparison(%q) accepted", bad)
		}
	}
}
