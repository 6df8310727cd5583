package datagen

import (
	"slices"
	"testing"
)

// ICE's earlier 287(g) sources become links to the pages they name.
func TestPre2021Sources(t *testing.T) {
	got := pre2021Sources("ICE MOA file 287gJEM_X.pdf (Wayback 20180101000000) | ICE fact-sheet roster, Wayback 20110220090259 (as of 2010-10-29) | " +
		"ICE fact-sheet roster, Wayback 20161121042821 | ICE 287(g) partners page list as of 2008-03-10 | DHS OIG-10-63 App. E (ICE data as of 2009-10-28); model Jail Enforcement | +3 more")
	want := []string{
		"https://web.archive.org/web/20180101000000/https://www.ice.gov/doclib/287gMOA/287gJEM_X.pdf",
		"https://web.archive.org/web/20110220090259/http://www.ice.gov/news/library/factsheets/287g.htm",
		"https://web.archive.org/web/20161121042821/http://www.ice.gov/factsheets/287g",
		"https://web.archive.org/web/20080324215905/http://www.ice.gov/partners/287g/Section287_g.htm",
		oigReport,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// A 2014 policy ends at its rescission, and one restored later starts a
// new period; confirmations move its last confirmation on.
func TestPeriods(t *testing.T) {
	evs := []map[string]string{
		{"event": "confirmed", "date": "2015-07-10"},
		{"event": "confirmed", "date": "2019-02-06", "detail": "restored"},
		{"event": "ended", "date": "2017-01-15", "detail": "rescinded"},
	}
	got := periods("2014-04-01", evs)
	if len(got) != 2 {
		t.Fatalf("%d periods, want 2: %+v", len(got), got)
	}
	if p := got[0]; p.from != "2014-04-01" || p.to != "2017-01-15" || p.confirmed != "2015-07-10" || p.why != "rescinded" {
		t.Errorf("first period %+v", p)
	}
	if p := got[1]; p.from != "2019-02-06" || p.to != "" || p.restored == nil {
		t.Errorf("restored period %+v", p)
	}
}

// The 2014 fact ends where the state first forbids local limits, and gives
// way to the place's own research.
func TestLocal2014Ends(t *testing.T) {
	header := []string{"fips", "name", "effective", "category", "policy"}
	researched := [][]string{
		{"19", "Iowa", "2018-07-01", "STATE_MANDATES", "SF 481"},
		{"19113", "Linn County", "", "NO_KNOWN_POLICY", "x"},
	}
	local := []map[string]string{
		{"level": "county", "county_fips": "19013", "state": "IA", "census_name": "Black Hawk", "date_enacted_month": "2014-07", "date_enacted_as_printed": "Jul-14"},
		{"level": "county", "county_fips": "19113", "state": "IA", "census_name": "Linn", "date_enacted_month": "2014-07", "date_enacted_as_printed": "Jul-14"},
	}
	rows, err := Local2014(header, researched, local, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 {
		t.Fatalf("%d rows, want Black Hawk's alone: %v", len(rows), rows)
	}
	r := rows[0]
	if r["fips"] != "19013" || r["name"] != "Black Hawk County" || r["effective"] != "2014-07-01" || r["ended"] != "2018-07-01" || r["last_confirmed"] != "2014-09-01" {
		t.Errorf("Black Hawk: %v", r)
	}
}
