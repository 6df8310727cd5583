package view_test

import (
	"strings"
	"testing"
	"time"

	"sanctuarymap/assets"
	"sanctuarymap/dataset"
	"sanctuarymap/geo"
	"sanctuarymap/view"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func load(t *testing.T) (*geo.Boundaries, *dataset.Dataset) {
	t.Helper()
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b, d
}

// Counties whose own agency holds a 287(g) agreement, through time: ICE's
// lists give 125 on 2024-12-18, 370 on 2025-06-30 and 773 on 2026-05-18;
// starting an agreement at its signing when that came before its listing
// adds one and eleven.
func TestCounties287gThroughTime(t *testing.T) {
	b, d := load(t)
	for date, want := range map[string]int{"2024-12-18": 126, "2025-06-30": 381, "2026-05-18": 773} {
		v := view.Resolve(d, b.Counties, day(date), dataset.Filter{})
		n := 0
		for _, r := range v.Regions {
			if r.By287g {
				n++
				if r.Category != dataset.Agreement287g {
					t.Errorf("%s %s: by 287(g) but %s", date, r.FIPS, r.Category)
				}
			}
		}
		if n != want {
			t.Errorf("%s: %d counties with their own 287(g) agreement, want %d", date, n, want)
		}
	}
}

// What the map shows, the panel's facts and the table's come from one
// Region: a county following its state carries its state's suits.
func TestInheritance(t *testing.T) {
	b, d := load(t)
	v := view.Resolve(d, b.Counties, time.Time{}, dataset.Filter{})
	al := v.Region("06003") // Alpine County has no row of its own
	if !al.Inherited || al.From.FIPS != "06" || al.Category != dataset.StateLimits {
		t.Errorf("Alpine: inherited %v from %v, %s", al.Inherited, al.From, al.Category)
	}
	if al.Suit != dataset.SuitPending || !al.SuitInherited || len(al.Suits) == 0 {
		t.Errorf("Alpine: suit %v inherited %v, %d suits", al.Suit, al.SuitInherited, len(al.Suits))
	}
	// On 2020-02-11 New Jersey, King County and California had suits pending.
	old := view.Resolve(d, b.Counties, day("2020-02-11"), dataset.Filter{})
	for _, f := range []string{"53033", "06001", "34013"} {
		if r := old.Region(f); r.Suit != dataset.SuitPending {
			t.Errorf("%s on 2020-02-11: %v", f, r.Suit)
		}
	}
	if n := old.AgreementsNote(); n == "" {
		t.Error("2020: no note that ICE's lists start in 2021")
	}
}

// Miami's police signed a 287(g) task-force agreement on 2025-08-28.
func TestMiami(t *testing.T) {
	b, d := load(t)
	before := view.Resolve(d, b.States, day("2025-08-01"), dataset.Filter{}).Region("1245000")
	after := view.Resolve(d, b.States, day("2026-01-01"), dataset.Filter{}).Region("1245000")
	if before.By287g {
		t.Error("Miami shown with an agreement before it was signed")
	}
	if !after.By287g || after.Agreements[0].Agency != "City of Miami Police Department" || after.Agreements[0].Model != "Task Force Model" {
		t.Errorf("Miami 2026: %+v", after.Agreements)
	}
}

// Dated rows: each holds on its own days.
func TestDatedRows(t *testing.T) {
	b, d := load(t)
	for _, c := range []struct {
		fips, date string
		layer      *geo.Layer
		want       dataset.Category
	}{
		{"24005", "2016-01-01", b.Counties, dataset.StateLimits},          // before the 2017 order: Maryland's rule, inherited
		{"24005", "2020-01-01", b.Counties, dataset.LocalLimitsDetainers}, // Kamenetz's order of 2017-04-05
		{"24005", "2026-01-01", b.Counties, dataset.CooperatesPractice},   // the MOU with ICE of about 2025-10-25
		{"1235000", "2020-01-01", b.States, dataset.StateMandates},        // Florida's SB 168
		{"1235000", "2021-01-01", b.States, dataset.Agreement287g},        // the Sheriff's Office agreement of 2020-06-09
	} {
		if got := view.Resolve(d, c.layer, day(c.date), dataset.Filter{}).Region(c.fips).Category; got != c.want {
			t.Errorf("%s on %s: %s, want %s", c.fips, c.date, got, c.want)
		}
	}
}

// The DOJ list with its removals; the DHS list as a designation only.
func TestLists(t *testing.T) {
	b, d := load(t)
	for _, c := range []struct {
		date, fips string
		level      geo.Level
		want       bool
	}{
		{"2025-09-01", "32", geo.States, true},
		{"2025-09-26", "32", geo.States, false},
		{"2025-10-30", "24005", geo.Counties, true},
		{"2025-10-31", "24005", geo.Counties, false},
		{"2025-08-04", "06", geo.States, false},
		{"2026-05-01", "06", geo.States, true},
	} {
		layer := b.Layer(c.level)
		if got := view.Resolve(d, layer, day(c.date), dataset.Filter{}).Region(c.fips).OnList("doj-2025"); got != c.want {
			t.Errorf("%s on the DOJ list on %s: %v, want %v", c.fips, c.date, got, c.want)
		}
	}
	v := view.Resolve(d, b.Counties, time.Time{}, dataset.Filter{List: "dhs-2025"})
	if n := v.Counts().List["dhs-2025"].Regions; n < 380 {
		t.Errorf("%d counties named on the DHS list, want its 391 less uncoded", n)
	}
	for _, r := range v.Regions {
		if r.Shown != r.OnList("dhs-2025") {
			t.Fatalf("%s shown %v, on the DHS list %v", r.FIPS, r.Shown, r.OnList("dhs-2025"))
		}
	}
}

// The tooltip's line says name, state, level, category and its basis,
// lawsuit state and lists.
func TestSummary(t *testing.T) {
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	v := view.Resolve(d, b.Counties, time.Time{}, dataset.Filter{})
	lincoln := v.Region("08073")
	want := "Lincoln, CO (county) · " + d.Jurisdiction("08").Category.Info().Label + " (follows its state) · "
	if got := lincoln.Summary(); !strings.HasPrefix(got, want) {
		t.Errorf("Lincoln County, CO: %q, want it to start %q", got, want)
	}
	king := v.Region("53033").Summary()
	if !strings.HasPrefix(king, "King County, WA (county) · "+d.Jurisdiction("53033").Category.Info().Label+" · ") || strings.Contains(king, "follows") {
		t.Errorf("King County: %q", king)
	}
}

func TestSummaryNamesLists(t *testing.T) {
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	v := view.Resolve(d, b.Counties, day("2025-09-01"), dataset.Filter{})
	if got := v.Region("17031").Summary(); !strings.HasSuffix(got, " · lists: DHS 2025, DOJ 2025") {
		t.Errorf("Cook County: %q", got)
	}
}
