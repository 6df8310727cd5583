package geo

import (
	"fmt"
	"testing"
)

func TestParseArcs(t *testing.T) {
	for in, want := range map[string]string{
		`[[[0,0],[1,-2]],[[3.5,4e2,7]]]`: "[[[0 0] [1 -2]] [[3.5 400]]]",
		` [ ] `:                          "[]",
		``:                               "[]",
		`[[[-12345678901234567,1]]]`:     "[[[-1.2345678901234568e+16 1]]]",
	} {
		got, err := parseArcs([]byte(in))
		if err != nil || fmt.Sprint(got) != want && !(want == "[]" && len(got) == 0) {
			t.Errorf("parseArcs(%q) = %v, %v; want %s", in, got, err, want)
		}
	}
	for in, want := range map[string]string{
		`[[[0]]]`:       "arcs: arc 0, position 0: a position has 1 values; want at least 2",
		`[[[0,x]]]`:     `arcs: arc 0, position 0: unexpected 'x', want a number`,
		`[[[0,1]`:       "arcs: unexpected end, want ] or ,",
		`[[[1e999,1]]]`: `arcs: arc 0, position 0: "1e999" is not a valid number`,
		`{}`:            `arcs: unexpected '{', want [`,
	} {
		if _, err := parseArcs([]byte(in)); err == nil || err.Error() != want {
			t.Errorf("parseArcs(%q): %v, want %q", in, err, want)
		}
	}
}
