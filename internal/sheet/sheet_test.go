package sheet

import (
	"slices"
	"strings"
	"testing"

	"sanctuarymap/assets"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/places"
)

// A sheet of the user's own columns finds its counties by FIPS (leading
// zeros restored) or by name and state, and reports what it cannot place.
func TestMatch(t *testing.T) {
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	ix := places.New(b, d, assets.PopulationRank())
	s, err := Read("mine.csv", []byte("\ufeffcounty,State,status\nCook County,IL,sanctuary\nDona Ana,NM,sanctuary\nHarris,Texas,cooperates\nNowhere,IL,x\n"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Match(Key{Name: "county", State: "state"}, "Status", dataset.County, ix)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"17031": "sanctuary", "35013": "sanctuary", "48201": "cooperates"}
	if len(l.Values) != 3 || l.Values["17031"] != want["17031"] || l.Values["35013"] != want["35013"] || l.Values["48201"] != want["48201"] {
		t.Errorf("values %v, want %v", l.Values, want)
	}
	if !slices.Equal(l.Order, []string{"cooperates", "sanctuary", "x"}[:2]) || len(l.Unmatched) != 1 || l.Report() != "mine.csv: 1 row found no region: line 5: Nowhere, IL" {
		t.Errorf("order %v, report %q", l.Order, l.Report())
	}

	s, _ = Read("f.csv", []byte("fips,v\n6037,a\n17031,b\nabc,c\n"))
	l, err = s.Match(Key{FIPS: "fips"}, "v", dataset.County, ix)
	if err != nil || l.Values["06037"] != "a" || l.Values["17031"] != "b" || len(l.Unmatched) != 1 {
		t.Errorf("by FIPS: %v, %v, unmatched %v", err, l.Values, l.Unmatched)
	}
	if _, err := s.Match(Key{FIPS: "fips"}, "colour", dataset.County, ix); err == nil || err.Error() != `f.csv:1: no column "colour"; the columns are fips, v` {
		t.Errorf("missing column: %v", err)
	}
}

func TestReadAndKeyErrors(t *testing.T) {
	for data, want := range map[string]string{
		"":                  "e.csv: file is empty",
		"a,b\n":             "e.csv:2: the header has no rows under it",
		"a,b\n1,\"2\n3,4\n": "e.csv:3:5: extraneous or missing \" in quoted-field",
	} {
		if _, err := Read("e.csv", []byte(data)); err == nil || err.Error() != want {
			t.Errorf("Read(%q): %v, want %q", data, err, want)
		}
	}
	for s, want := range map[string]Key{"fips": {FIPS: "fips"}, "GEOID": {FIPS: "GEOID"}, "name, state": {Name: "name", State: "state"}} {
		if k, err := ParseKey(s); err != nil || k != want {
			t.Errorf("ParseKey(%q) = %+v, %v", s, k, err)
		}
	}
	for _, s := range []string{"", "name,"} {
		if _, err := ParseKey(s); err == nil {
			t.Errorf("ParseKey(%q) accepted", s)
		}
	}
}

// Two rows for one region keep the first's value and say so with both
// lines; a row with no value is named; past ten, the rest are counted.
func TestDuplicatesAndEmpty(t *testing.T) {
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	ix := places.New(b, d, assets.PopulationRank())
	s, err := Read("dup.csv", []byte("fips,v\n17031,1\n6037,\n17031,3\n"))
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Match(Key{FIPS: "fips"}, "v", dataset.County, ix)
	if err != nil {
		t.Fatal(err)
	}
	want := "dup.csv:3:6: warning: 6037 has no value in column v\ndup.csv:4:1: warning: 17031 places region 17031 again, as line 2 did; line 2's value is kept"
	if l.Values["17031"] != "1" || l.Report() != want {
		t.Errorf("value %q, report:\n%s\nwant:\n%s", l.Values["17031"], l.Report(), want)
	}
	many := "fips,v\n"
	for range 13 {
		many += "17031,1\n"
	}
	s, _ = Read("many.csv", []byte(many))
	l, _ = s.Match(Key{FIPS: "fips"}, "v", dataset.County, ix)
	if r := l.Report(); len(l.Warnings) != 12 || !strings.HasSuffix(r, "\nmany.csv: and 2 more warnings") {
		t.Errorf("%d warnings, report ends %q", len(l.Warnings), r[max(0, len(r)-60):])
	}
}

// FuzzSheet: any bytes read as a sheet and matched by FIPS or by name and
// state give a layer or a located problem, never a panic.
func FuzzSheet(f *testing.F) {
	b, d, err := assets.Load()
	if err != nil {
		f.Fatal(err)
	}
	ix := places.New(b, d, assets.PopulationRank())
	for _, s := range []string{"fips,value\n17031,5\n17031,6\n06037,\n", "county,state,v\nCook County,IL,1\nNowhere,ZZ,2\n", "\ufefffips\n1\n", "a,\"b\n", ""} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := Read("f.csv", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.csv") {
				t.Fatalf("problem not naming the file: %v", err)
			}
			return
		}
		for _, k := range []Key{{FIPS: s.Header[0]}, {Name: s.Header[0], State: s.Header[len(s.Header)-1]}} {
			if l, err := s.Match(k, s.Header[len(s.Header)-1], dataset.County, ix); err == nil {
				l.Report()
			}
		}
	})
}
