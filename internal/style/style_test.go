package style

import "testing"

// Every colouring parses from its flag name and from its menu label.
func TestParseColorBy(t *testing.T) {
	for _, c := range ColorBys() {
		for _, s := range []string{c.String(), c.Label()} {
			if got, ok := ParseColorBy(s); !ok || got != c {
				t.Errorf("ParseColorBy(%q) = %v, %v", s, got, ok)
			}
		}
	}
}
