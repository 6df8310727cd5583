package view_test

import (
	"strings"
	"testing"
	"time"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/view"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
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
	if n := old.AgreementsNote(i18n.English); n == "" {
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
		{"24005", "2016-01-01", b.Counties, dataset.NoKnownPolicy},         // before the 2017 order: Maryland's rule, inherited
		{"24005", "2020-01-01", b.Counties, dataset.LocalLimitsDetainers},  // Kamenetz's order of 2017-04-05
		{"24005", "2026-01-01", b.Counties, dataset.CooperatesPractice},    // the MOU with ICE of about 2025-10-25
		{"1235000", "2020-01-01", b.States, dataset.StateMandates},         // Florida's SB 168
		{"1235000", "2021-01-01", b.States, dataset.StateMandates},         // the Sheriff's agreement is Duval County's
		{"12031", "2018-06-01", b.Counties, dataset.Agreement287g},         // the Sheriff's jail agreement, since 2008-07-08
		{"06003", "2015-01-01", b.Counties, dataset.StateLimits},           // California's TRUST Act, in force 2014-01-01
		{"09", "2014-06-01", b.States, dataset.StateLimits},                // Connecticut's TRUST Act of 2013
		{"0952000", "2019-01-01", b.States, dataset.LocalLimitsInfoAccess}, // New Haven's General Order 06-2
		{"0477000", "2016-01-01", b.States, dataset.LocalLimitsInfoAccess}, // Tucson's limits on status questions
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
	// In 2019 King County's own ordinance shows; by the dataset's day its
	// latest evidence (the DOJ's complaint of 2020) is over two years
	// old, so Washington's limits show and the panel lists the ordinance.
	king := view.Resolve(d, b.Counties, day("2019-06-01"), dataset.Filter{}).Region("53033").Summary()
	if !strings.HasPrefix(king, "King County, WA (county) · Local limits on detainers · ") {
		t.Errorf("King County in 2019: %q", king)
	}
	if k := v.Region("53033"); !strings.Contains(k.Summary(), "(follows its state)") || k.Older() == nil || k.From.FIPS != "53" {
		t.Errorf("King County as loaded: %q, older %v", k.Summary(), k.Older())
	}
}

// A fact last confirmed over two years before the day shows lined, with
// its year; a state limit or mandate covering the place outranks it.
func TestStaleFacts(t *testing.T) {
	b, d := load(t)
	v := view.Resolve(d, b.Counties, day("2026-06-01"), dataset.Filter{})
	lancaster := v.Region("31109") // Nebraska: no state instrument either way
	if lancaster.Basis() != view.StaleFacts || lancaster.Category != dataset.LocalLimitsDetainers || lancaster.LastConfirmed().Year() != 2014 {
		t.Errorf("Lancaster County, NE: basis %v, %s, last confirmed %v", lancaster.Basis(), lancaster.Category, lancaster.LastConfirmed())
	}
	if got := lancaster.Summary(); !strings.Contains(got, "Local limits on detainers (last confirmed 2014)") {
		t.Errorf("Lancaster summary %q", got)
	}
	clackamas := v.Region("41005") // Oregon's state limits cover it
	if clackamas.Basis() != view.FollowsState || clackamas.Category != dataset.StateLimits || clackamas.Older() == nil {
		t.Errorf("Clackamas County, OR: basis %v, %s, older %v", clackamas.Basis(), clackamas.Category, clackamas.Older())
	}
	if early := view.Resolve(d, b.Counties, day("2014-12-31"), dataset.Filter{}).Region("31109"); early.Basis() != view.OwnFacts {
		t.Errorf("Lancaster in 2014: basis %v, want its own fact", early.Basis())
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

// The map of any day since 2014 rests on facts: at most 110 counties with
// no data (Puerto Rico's 78 municipios have no state row), the 287(g)
// agreements of counties' own agencies as ICE's tables count them, and
// ICE's 2014 table of local detainer policies.
func TestHistoryCounts(t *testing.T) {
	b, d := load(t)
	for _, c := range []struct {
		date                   string
		own287gMin, own287gMax int
	}{
		{"2014-06-30", 20, 40},
		{"2017-01-01", 25, 35},
		{"2017-08-01", 50, 60},
		{"2019-06-01", 60, 90},
		{"2020-01-01", 110, 128},
		{"2021-01-13", 135, 143},
		{"2025-07-01", 370, 400},
		{"2026-05-18", 770, 776},
	} {
		v := view.Resolve(d, b.Counties, day(c.date), dataset.Filter{})
		n := v.Counts()
		if k := n.Basis[view.NoData].Regions; k > 110 {
			t.Errorf("%s: %d counties with no data, want at most 110", c.date, k)
		}
		own := 0
		for _, r := range v.Regions {
			if r.By287g {
				own++
			}
		}
		if own < c.own287gMin || own > c.own287gMax {
			t.Errorf("%s: %d counties whose own agency holds a 287(g) agreement, want %d–%d", c.date, own, c.own287gMin, c.own287gMax)
		}
	}
	v := view.Resolve(d, b.Counties, day("2014-12-31"), dataset.Filter{})
	local := 0
	for _, r := range v.Regions {
		if r.Basis() == view.OwnFacts && (r.Category == dataset.LocalLimitsDetainers || r.Category == dataset.LocalLimitsInfoAccess) {
			local++
		}
	}
	if local < 140 {
		t.Errorf("2014-12-31: %d counties with a local limit of their own, want at least 140", local)
	}
}
