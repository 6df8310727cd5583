package dataset

import (
	"errors"
	"strings"
	"testing"
	"time"

	"sanctuarymap/internal/fileerr"
)

const jHead = "fips,name,state,level,category,policy,as_of,source,verification,lat,lon\n"
const sHead = "case_id,case_name,court,docket,filed,status,status_date,defendant_fips,policy_challenged,source,verification\n"

const goodJ = jHead +
	"08,Colorado,CO,state,STATE_LIMITS,HB19-1124,2026-01-02,https://example.org/co,confirmed,,\n" +
	"17031,Cook County,IL,county,LOCAL_LIMITS_DETAINERS,ordinance,2026-01-02,https://example.org/cook,secondary,,\n" +
	"0820000,Denver,CO,city,NO_KNOWN_POLICY,,2026-01-02,,unverified,39.76,-104.88\n"
const goodS = sHead +
	"US-CO,United States v. Colorado,D. Colo.,1:25-cv-01391,2025-05-02,pending,,08;0820000,laws,https://example.org/s,confirmed\n" +
	"US-IL,United States v. Illinois,N.D. Ill.,,2025-02-06,dismissed,2025-07-25,17031,TRUST Act,https://example.org/i,confirmed\n"

func load(t *testing.T, files ...File) *Dataset {
	t.Helper()
	d, err := Load(files...)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestLoadGood(t *testing.T) {
	// A BOM and CRLF line ends are accepted; FIPS codes keep leading zeros.
	j := "\ufeff" + strings.ReplaceAll(goodJ, "\n", "\r\n")
	d := load(t, File{"j.csv", []byte(j)}, File{"s.csv", []byte(goodS)})
	co := d.Jurisdiction("08")
	if co == nil || co.Name != "Colorado" || co.Category != StateLimits || co.AsOf != time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC) {
		t.Fatalf("Colorado = %+v", co)
	}
	den := d.Jurisdiction("0820000")
	if den == nil || !den.HasCoord || den.Lat != 39.76 || den.Lon != -104.88 {
		t.Errorf("Denver = %+v", den)
	}
	if got := suitState(d, "08"); got != SuitPending {
		t.Errorf("Colorado suit state %v", got)
	}
	if got := suitState(d, "17031"); got != SuitResolved {
		t.Errorf("Cook suit state %v", got)
	}
	if got := suitState(d, "06"); got != NoSuit {
		t.Errorf("California suit state %v", got)
	}
	if len(d.Digest) != 64 {
		t.Errorf("digest %q", d.Digest)
	}
}

// Every problem is reported, each with its file, line and column.
func TestLoadBadInputs(t *testing.T) {
	for _, c := range []struct {
		name, data string
		want       []string
	}{
		{"empty", "", []string{"empty: file is empty"}},
		{"header only", jHead, []string{"header only:2: jurisdictions file has a header but no rows"}},
		{"neither", "a,b\n1,2\n", []string{"neither:1: header is not that of a jurisdictions file (fips, name, state, level, category, …), a lawsuits file (case_id, case_name, court, …), an agreements file (agency, model, …) or a designations file (list, listed_from, …)"}},
		{"missing columns", "fips,category\n08,STATE_LIMITS\n", []string{"missing columns:1: jurisdictions file lacks column(s) name, state, level, policy, as_of, source, verification"}},
		{"ragged", jHead + "08,Colorado,CO\n" + "17031,Cook County,IL,county,LOCAL_LIMITS_DETAINERS,o,2026-01-02,https://e.org,confirmed,,,extra\n",
			[]string{"ragged:2:1: row has 3 fields; the header has 11", "ragged:3:1: row has 12 fields; the header has 11"}},
		{"quote", jHead + "08,\"Colo\"rado,CO,state,STATE_LIMITS,p,2026-01-02,https://e.org,confirmed,,\n", []string{"quote:2:9: extraneous or missing \" in quoted-field"}},
		{"nul", jHead + "08,Colo\x00rado\n", []string{"nul:2:8: NUL byte: this looks like a binary file, not CSV"}},
		{"latin1", jHead + "08,Caf\xe9,CO\n", []string{"latin1:2:7: invalid UTF-8 (save the file as UTF-8; Latin-1 and Windows-1252 are not read)"}},
		{"fields", jHead +
			"8,Colorado,CO,state,STATE_LIMITS,p,2026-01-02,https://e.org,confirmed,,\n" +
			"08,Colorado,CO,county,SANCTUARY,p,2026-13-02,ftp://e.org,sure,,\n" +
			"06037,Los Angeles,CO,county,NO_KNOWN_POLICY,p,2026-01-02,https://e.org,confirmed,,\n" +
			"0644000,Los Angeles,CA,city,NO_KNOWN_POLICY,p,2026-01-02,https://e.org,confirmed,,\n" +
			"0644000,Los Angeles,CA,city,NO_KNOWN_POLICY,p,2026-01-02,https://e.org,confirmed,95,x\n" +
			"08,Colorado,XX,town,STATE_LIMITS,p,2026-01-02,,confirmed,,\n",
			[]string{
				"fields:2:1: fips \"8\" has 1 digits; a state code has 2",
				"fields:3:1: fips \"08\" has 2 digits; a county code has 5",
				"fields:3:23: category \"SANCTUARY\" is unknown; want one of STATE_LIMITS, LOCAL_LIMITS_DETAINERS, LOCAL_LIMITS_INFO_ACCESS, LOCAL_DECLARATION_ONLY, NO_KNOWN_POLICY, COOPERATES_PRACTICE, AGREEMENT_287G, STATE_MANDATES",
				"fields:3:35: as_of \"2026-13-02\" is not a date YYYY-MM-DD",
				"fields:3:58: verification \"sure\" is not confirmed, secondary or unverified",
				"fields:3:46: source \"ftp://e.org\" is not an http(s) URL",
				"fields:4:1: fips \"06037\" does not start with 08, the code of CO",
				"fields:5:82: a city needs lat and lon for its marker",
				"fields:6:82: lat 95 is outside -90..90",
				"fields:6:85: lon \"x\" is not a number",
				"fields:7:16: level \"town\" is not state, county or city",
				"fields:7:13: state \"XX\" is not a USPS code of a state, DC or Puerto Rico",
				"fields:7:47: source is empty; a confirmed row needs one (or mark it unverified)",
			}},
		{"duplicate", jHead + "08,Colorado,CO,state,STATE_LIMITS,p,2026-01-02,https://e.org,confirmed,,\n08,Colorado,CO,state,STATE_LIMITS,p,2026-01-02,https://e.org,confirmed,,\n",
			[]string{"duplicate:3:1: fips 08 repeats duplicate:2; a jurisdiction may have several rows only when each has an effective date (the earliest may have only an ended date)"}},
		{"suits", sHead +
			"X,Case,Court,,2025-05-02,winning,2024-01-01,08;123,p,https://e.org,confirmed\n" +
			",,Court,,,pending,,,p,,confirmed\n",
			[]string{
				"suits:2:26: status \"winning\" is unknown; want one of pending, on_appeal, dismissed, ruled_for_plaintiff, ruled_for_defendant, mixed, withdrawn, settled",
				"suits:2:34: status_date 2024-01-01 is before filed 2025-05-02",
				"suits:2:45: defendant_fips \"123\" is not a 2-, 5- or 7-digit FIPS code",
				"suits:3:1: case_id is empty",
				"suits:3:2: case_name is empty",
				"suits:3:10: filed is empty; want a date YYYY-MM-DD",
				"suits:3:20: defendant_fips is empty; name at least one defendant's FIPS code",
				"suits:3:23: source is empty; a confirmed row needs one (or mark it unverified)",
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Load(File{c.name, []byte(c.data)})
			if d != nil {
				t.Errorf("got a dataset despite errors")
			}
			var got []string
			for _, e := range fileerr.All(err) {
				got = append(got, e.Error())
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	_, err := Load(File{"big.csv", make([]byte, MaxFileSize+1)})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
}

func TestAt(t *testing.T) {
	j := jHead + "08,Colorado,CO,state,STATE_LIMITS,HB19-1124,2026-01-02,https://example.org/co,confirmed,,\n"
	j = strings.Replace(j, "lat,lon", "lat,lon,effective", 1)
	j = strings.Replace(j, ",,\n", ",,,2019-05-28\n", 1)
	d := load(t, File{"j.csv", []byte(j)}, File{"s.csv", []byte(goodS)})
	day := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }

	before := d.At(day("2019-01-01"))
	if c := before.Jurisdiction("08").Category; c != NoKnownPolicy {
		t.Errorf("before the law took effect: %s", c)
	}
	if n := len(before.Lawsuits); n != 0 {
		t.Errorf("2019: %d suits, want none filed yet", n)
	}
	mid := d.At(day("2025-06-01"))
	if s := suitState(mid, "17031"); s != SuitPending {
		t.Errorf("Cook on 2025-06-01: %v, want pending (dismissed only on 2025-07-25)", s)
	}
	if c := mid.Jurisdiction("08").Category; c != StateLimits {
		t.Errorf("Colorado in 2025: %s", c)
	}
	if s := suitState(d.At(day("2025-08-01")), "17031"); s != SuitResolved {
		t.Errorf("Cook on 2025-08-01: %v, want resolved", s)
	}
}

func TestDiff(t *testing.T) {
	old := load(t, File{"j.csv", []byte(goodJ)}, File{"s.csv", []byte(goodS)})
	nj := strings.Replace(goodJ, "HB19-1124", "HB19-1124; SB25-276", 1)
	nj = strings.Replace(nj, "17031,Cook County,IL,county,LOCAL_LIMITS_DETAINERS,ordinance,2026-01-02,https://example.org/cook,secondary,,\n", "", 1)
	nj += "06,California,CA,state,STATE_LIMITS,SB 54,2026-01-02,https://example.org/ca,confirmed,,\n"
	ns := strings.Replace(goodS, "pending,,08", "dismissed,2026-06-01,08", 1)
	got := Diff(old, load(t, File{"j.csv", []byte(nj)}, File{"s.csv", []byte(ns)}))
	var s []string
	for _, c := range got {
		s = append(s, c.String())
	}
	want := `changed 08 (Colorado)
  policy: "HB19-1124" → "HB19-1124; SB25-276"
added 06 (California)
removed 17031 (Cook County)
changed US-CO (United States v. Colorado)
  status: "pending" → "dismissed"
  status_date: "" → "2026-06-01"`
	if strings.Join(s, "\n") != want {
		t.Errorf("diff:\n%s\nwant:\n%s", strings.Join(s, "\n"), want)
	}
}

// Dated rows of one FIPS are compared in order, each with its counterpart.
func TestDiffDatedRows(t *testing.T) {
	head := "fips,name,state,level,category,policy,effective,ended,as_of,source,verification\n"
	rows := head + "24005,Baltimore County,MD,county,LOCAL_LIMITS_DETAINERS,EO,2017-04-05,2025-10-25,2026-01-02,https://e.org/a,secondary\n" +
		"24005,Baltimore County,MD,county,COOPERATES_PRACTICE,MOU,2025-10-25,,2026-01-02,https://e.org/b,secondary\n"
	old := load(t, File{"j.csv", []byte(rows)})
	changed := load(t, File{"j.csv", []byte(strings.Replace(rows, ",MOU,", ",MOU with ICE,", 1))})
	var s []string
	for _, c := range Diff(old, changed) {
		s = append(s, c.String())
	}
	if want := "changed 24005 #2 (Baltimore County)\n  policy: \"MOU\" → \"MOU with ICE\""; strings.Join(s, "\n") != want {
		t.Errorf("diff:\n%s\nwant:\n%s", strings.Join(s, "\n"), want)
	}
}

func TestJoin(t *testing.T) {
	j := goodJ + "09001,Fairfield County,CT,county,NO_KNOWN_POLICY,,2026-01-02,,unverified,,\n"
	s := goodS + "US-X,X,C,,2025-01-01,pending,,3651000,p,https://e.org,confirmed\n"
	d := load(t, File{"j.csv", []byte(j)}, File{"s.csv", []byte(s)})
	bounds := map[string]bool{"08": true, "17031": true, "09110": true, "06": true}
	r := Join(d, func(f string) bool { return bounds[f] }, []string{"08", "17031", "09110", "06"})
	if want := "j.csv:5: fips 09001 (Fairfield County) matches no boundary; Connecticut's eight counties were replaced by nine planning regions (09110–09190) in 2022"; len(r.Unmatched) != 1 || r.Unmatched[0] != want {
		t.Errorf("unmatched %q", r.Unmatched)
	}
	if want := "s.csv:4: defendant 3651000 of US-X has no jurisdiction row"; len(r.UnknownDefendants) != 1 || r.UnknownDefendants[0] != want {
		t.Errorf("unknown defendants %q", r.UnknownDefendants)
	}
	if r.WithoutRow != 2 {
		t.Errorf("without row %d, want 2", r.WithoutRow)
	}
}

func TestKindOf(t *testing.T) {
	for data, want := range map[string]Kind{jHead: JurisdictionsFile, sHead + "x\n": LawsuitsFile} {
		if k, err := KindOf(File{"f.csv", []byte(data)}); k != want || err != nil {
			t.Errorf("KindOf(%.20q) = %v, %v; want %v", data, k, err, want)
		}
	}
	if _, err := KindOf(File{"f.csv", []byte("a,b\n")}); !errors.Is(err, ErrUnknownHeader) {
		t.Errorf("unknown header: %v", err)
	}
}

func TestFilter(t *testing.T) {
	pending, none := SuitPending, NoSuit
	onDOJ := func(l string) bool { return l == "doj-2025" }
	never := func(string) bool { return false }
	for _, c := range []struct {
		f    Filter
		cat  Category
		s    SuitState
		list func(string) bool
		want bool
	}{
		{Filter{}, StateLimits, NoSuit, never, true},
		{Filter{Category: StateLimits}, StateLimits, NoSuit, never, true},
		{Filter{Category: StateLimits}, Agreement287g, NoSuit, never, false},
		{Filter{Suit: &pending}, NoKnownPolicy, SuitPending, never, true},
		{Filter{Suit: &none}, NoKnownPolicy, SuitPending, never, false},
		{Filter{List: "doj-2025"}, NoKnownPolicy, NoSuit, onDOJ, true},
		{Filter{List: "dhs-2025"}, NoKnownPolicy, NoSuit, onDOJ, false},
	} {
		if got := c.f.Match(c.cat, c.s, c.list); got != c.want {
			t.Errorf("%+v on %s/%v: %v, want %v", c.f, c.cat, c.s, got, c.want)
		}
	}
}

// suitState is the state of the suits naming fips itself, before the
// view's rule adds its state's.
func suitState(d *Dataset, fips string) SuitState { return SuitStateOf(d.Suits(fips)) }
