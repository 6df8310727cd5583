package geo_test

import (
	"testing"

	"sanctuarymap/assets"
)

// Cook County's neighbours by their shared borders, and the arrow keys'
// moves from it.
func TestNeighbours(t *testing.T) {
	b, err := assets.Boundaries()
	if err != nil {
		t.Fatal(err)
	}
	l := b.Counties
	cook := l.Index("17031")
	var names []string
	for _, j := range l.Neighbours()[cook] {
		names = append(names, l.Regions[j].FIPS)
	}
	t.Logf("Cook's neighbours: %v", names)
	for _, c := range []struct {
		dx, dy float64
		want   string
	}{{-1, 0, "17043"}, {0, -1, "17097"}, {0, 1, "17197"}, {1, 0, "18089"}} {
		j := l.Toward(cook, c.dx, c.dy)
		if j < 0 || l.Regions[j].FIPS != c.want {
			got := "none"
			if j >= 0 {
				got = l.Regions[j].FIPS + " " + l.Regions[j].Name
			}
			t.Errorf("from Cook toward (%v,%v): %s, want %s", c.dx, c.dy, got, c.want)
			continue
		}
	}
	// Hawaii's counties neighbour none on the mainland.
	for _, j := range l.Neighbours()[l.Index("15003")] {
		if f := l.Regions[j].FIPS; f[:2] != "15" {
			t.Errorf("Honolulu neighbours %s", f)
		}
	}
}
