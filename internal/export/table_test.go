package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
	"time"

	"sanctuarymap/assets"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/view"
)

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "+1": "'+1", "-2": "'-2", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\rx": "'\rx", "Cook County": "Cook County", "": "", "06001": "06001",
	} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// The table says what the view says, one row per county and city.
func TestTable(t *testing.T) {
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	v := view.Resolve(d, b.Counties, time.Date(2026, 5, 18, 0, 0, 0, 0, time.UTC), dataset.Filter{})
	var buf bytes.Buffer
	if err := Table(&buf, v, nil); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(v.Regions)+len(v.Cities) {
		t.Fatalf("%d rows for %d counties and %d cities", len(rows), len(v.Regions), len(v.Cities))
	}
	byFIPS := map[string][]string{}
	n287g := 0
	for _, r := range rows[1:] {
		byFIPS[r[0]] = r
		if r[4] == "AGREEMENT_287G" && r[3] == "county" {
			n287g++
		}
	}
	// 773 by their own agency's agreement, and Clark County by its row
	// (its police, LVMPD, is placed on the City of Las Vegas).
	if n287g != 774 {
		t.Errorf("%d counties with 287(g), want 774", n287g)
	}
	al := byFIPS["06003"] // Alpine County: no row, California's rule and suits
	if al[4] != "STATE_LIMITS" || al[5] != "yes" || al[6] != "06" || al[7] != "pending" || al[8] != "yes" {
		t.Errorf("Alpine: %q", al)
	}
	// Miami's category comes from its police's agreement, so the mark,
	// date and first source are ICE's, not those of its unverified row.
	if mi := byFIPS["1245000"]; mi[4] != "AGREEMENT_287G" || mi[10] != "City of Miami Police Department: Task Force Model" ||
		mi[13] != "confirmed" || mi[14] != "2026-05-18" || mi[15] != "2026-05-18" || !strings.HasPrefix(mi[16], "https://www.ice.gov/") {
		t.Errorf("Miami: %q", mi)
	}
}
