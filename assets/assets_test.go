package assets

import (
	"bytes"
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"sanctuarymap/assets/datagen"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
)

func TestEmbeddedDataset(t *testing.T) {
	d, err := Dataset()
	if err != nil {
		t.Fatal(err)
	}
	b, err := Boundaries()
	if err != nil {
		t.Fatal(err)
	}
	levels, seen := map[dataset.Level]int{}, map[string]bool{}
	for _, j := range d.Jurisdictions {
		if !seen[j.FIPS] {
			seen[j.FIPS] = true
			levels[j.Level]++
		}
		if len(j.Sources) == 0 && j.Verification != dataset.Unverified {
			t.Errorf("%s %s: %s without a source", j.FIPS, j.Name, j.Verification)
		}
		if j.AsOf.IsZero() {
			t.Errorf("%s: no as_of date", j.FIPS)
		}
	}
	if levels[dataset.State] != 51 {
		t.Errorf("%d state rows, want 50 states and DC", levels[dataset.State])
	}
	// Every county row names a county of the 2023 boundaries, by code and name.
	for _, j := range d.Jurisdictions {
		if j.Level != dataset.County {
			continue
		}
		r := b.Counties.Region(j.FIPS)
		if r == nil {
			t.Errorf("county %s %s has no boundary", j.FIPS, j.Name)
			continue
		}
		if !strings.HasPrefix(j.Name, r.Name) {
			t.Errorf("county %s is %q in the dataset but %q in the boundaries", j.FIPS, j.Name, r.Name)
		}
	}
	// The 35 entries of the DOJ list of 2025-08-05: 13 states (with DC), and
	// 4 counties and 18 cities, San Francisco appearing as both.
	listed, named := map[dataset.Level]int{}, map[string]bool{}
	for _, j := range d.Jurisdictions {
		if j.OnDOJList == "yes" && !named[j.FIPS] {
			named[j.FIPS] = true
			listed[j.Level]++
		}
	}
	if listed[dataset.State] != 13 || listed[dataset.County] != 4 || listed[dataset.City] != 18 {
		t.Errorf("DOJ-listed: %v, want 13 states, 4 counties, 18 cities", listed)
	}
	// All 21 suits of the compiled table plus the two it lacked, each
	// defendant with a row (New Haven since 2026-12).
	if len(d.Lawsuits) != 23 {
		t.Errorf("%d suits, want 23", len(d.Lawsuits))
	}
	for _, s := range d.Lawsuits {
		for _, f := range s.Defendants {
			if d.Jurisdiction(f) == nil {
				t.Errorf("%s: defendant %s has no row", s.CaseID, f)
			}
		}
	}
	rep := dataset.Join(d, b.Has, b.IDs(geo.Counties))
	if len(rep.Unmatched) > 0 || len(rep.UnknownDefendants) > 0 {
		t.Errorf("join: %v %v", rep.Unmatched, rep.UnknownDefendants)
	}
}

// The 50 most populous counties and cities each have a row of their own:
// readers look them up first, and a tint of the state says nothing.
func TestLargestPlacesHaveRows(t *testing.T) {
	d, err := Dataset()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("sources/largest_2020.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	levels := map[string]int{}
	for _, r := range recs[1:] {
		levels[r[0]]++
		if d.Jurisdiction(r[1]) == nil {
			t.Errorf("%s %s, %s has no row of its own", r[0], r[2], r[3])
		}
	}
	if levels["county"] != 50 || levels["city"] != 50 {
		t.Errorf("largest places: %v, want 50 counties and 50 cities", levels)
	}
	// At most ten local rows may stay unverified with no known policy, and
	// each says what was searched.
	n := 0
	for _, j := range d.Jurisdictions {
		if j.Level != dataset.State && j.Category == dataset.NoKnownPolicy && j.Verification == dataset.Unverified {
			n++
			if !strings.Contains(j.Notes, "Searched") {
				t.Errorf("%s %s: unverified without a note of what was searched", j.FIPS, j.Name)
			}
		}
	}
	if n > 10 {
		t.Errorf("%d local rows unverified with no known policy, want at most 10", n)
	}
}

func BenchmarkEmbeddedLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Boundaries(); err != nil {
			b.Fatal(err)
		}
		if _, err := Dataset(); err != nil {
			b.Fatal(err)
		}
	}
}

// The embedded binary boundaries are exactly what counties-10m.json gives:
// run `go generate ./assets` after changing either.
func TestBinaryIsCurrent(t *testing.T) {
	src, err := os.ReadFile("counties-10m.json")
	if err != nil {
		t.Fatal(err)
	}
	b, err := geo.Load("counties-10m.json", src)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := b.WriteBinary(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), Counties) {
		t.Error("counties.bin is stale: run `go generate ./assets`")
	}
}

// The embedded agreements and designations are what the source tables in
// sources/ give: run `go generate ./assets` (make data) after changing them.
func TestGeneratedDataIsCurrent(t *testing.T) {
	files, err := datagen.Build("sources")
	if err != nil {
		t.Fatal(err)
	}
	for name, embedded := range map[string][]byte{"agreements.csv": Agreements, "designations.csv": Designations} {
		if !bytes.Equal(files[name], embedded) {
			t.Errorf("%s is stale: run `go generate ./assets`", name)
		}
	}
	d, err := Dataset()
	if err != nil {
		t.Fatal(err)
	}
	// Every agreement and designation carries a source, a date and a mark.
	for _, a := range d.Agreements {
		if len(a.Sources) == 0 || a.AsOf.IsZero() || a.Verification == "" {
			t.Errorf("%s:%d: %s lacks a source, an as-of date or a verification mark", a.File, a.Line, a.Agency)
		}
	}
	for _, g := range d.Designations {
		if len(g.Sources) == 0 || g.AsOf.IsZero() {
			t.Errorf("%s:%d: %s on %s lacks a source or an as-of date", g.File, g.Line, g.Name, g.List)
		}
	}
	// ICE's 1,988 of 2021–2026 less Guam's and the Northern Marianas' 3,
	// and the 62 of the 212 earlier ones that ended before 2021.
	if n := len(d.Agreements); n != 1985+62 {
		t.Errorf("%d agreements, want 1,985 on ICE's lists of 2021–2026 and 62 that ended before", n)
	}
}

// The tables of verification marks in the docs are the embedded data's.
func TestDocsQuoteTheMarks(t *testing.T) {
	d, err := Dataset()
	if err != nil {
		t.Fatal(err)
	}
	want, err := dataset.MarksTable(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []string{"../docs/DATASET.md", "README.md"} {
		b, err := os.ReadFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), want) {
			t.Errorf("%s does not quote the marks as `sanctuarymap validate` counts them:\n%s", doc, want)
		}
	}
}

// Reading the whole places table (the search index does, off the UI
// goroutine at start; a map reads only its towns): at most 20 ms.
func BenchmarkPlaces(b *testing.B) {
	for b.Loop() {
		readPlaces()
	}
}

func TestPlaces(t *testing.T) {
	p := Places()
	mr, ok := p.Get("4850200")
	if n := len(p.All()); n != 32041 || !ok || mr.Name != "Mustang Ridge city" || mr.State != "TX" || mr.Population == 0 {
		t.Errorf("%d places; 4850200 %+v", n, mr)
	}
}
