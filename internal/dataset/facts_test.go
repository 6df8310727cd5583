package dataset

import (
	"strings"
	"testing"
	"time"
)

const aHead = "fips,state,county_fips,agency,agency_level,model,signed,listed_from,listed_to,as_of,source,verification\n"
const gHead = "fips,name,state,list,listed_from,removed_on,as_of,source,verification\n"

func TestAgreementsAndDesignations(t *testing.T) {
	a := aHead +
		"48201,TX,48201,Harris County Sheriff's Office,county,Task Force Model,2025-03-01,2025-03-04,,2026-05-18,https://www.ice.gov/x,confirmed\n" +
		"4835000,TX,48201,Houston Police,municipal,Warrant Service Officer,,2025-04-01,2025-06-30,2026-05-18,https://www.ice.gov/x,confirmed\n"
	g := gHead + "32,Nevada,NV,doj-2025,2025-08-05,2025-09-26,2026-12-01,https://www.justice.gov/x,confirmed\n"
	d := load(t, File{"a.csv", []byte(a)}, File{"g.csv", []byte(g)})
	if n := len(d.AgreementsOf("48201")); n != 2 {
		t.Errorf("Harris County: %d agreements (its sheriff's and Houston's), want 2", n)
	}
	for date, want := range map[string]int{"2025-03-01": 1, "2025-05-01": 2, "2025-07-01": 1} {
		if n := len(d.At(day(date)).AgreementsOf("48201")); n != want {
			t.Errorf("%s: %d active, want %d", date, n, want)
		}
	}
	if n := len(d.At(day("2025-09-25")).DesignationsOf("32")); n != 1 {
		t.Errorf("Nevada before its removal: %d", n)
	}
	if n := len(d.At(day("2025-09-26")).DesignationsOf("32")); n != 0 {
		t.Errorf("Nevada on its removal: %d", n)
	}
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// A jurisdiction whose policy changed carries one row per period.
func TestDatedPolicies(t *testing.T) {
	h := "fips,name,state,level,category,policy,effective,ended,as_of,source,verification\n"
	j := h + "24005,Baltimore County,MD,county,LOCAL_LIMITS_DETAINERS,EO 2017,2017-04-05,2025-10-25,2026-12-01,https://e.org/a,secondary\n" +
		"24005,Baltimore County,MD,county,COOPERATES_PRACTICE,MOU with ICE,2025-10-25,,2026-12-01,https://e.org/b,secondary\n"
	d := load(t, File{"j.csv", []byte(j)})
	for date, want := range map[string]Category{"2016-01-01": NoKnownPolicy, "2020-01-01": LocalLimitsDetainers, "2025-10-25": CooperatesPractice} {
		if c := d.At(day(date)).Jurisdiction("24005").Category; c != want {
			t.Errorf("%s: %s, want %s", date, c, want)
		}
	}
	if c := d.Jurisdiction("24005").Category; c != CooperatesPractice {
		t.Errorf("as loaded: %s", c)
	}
	overlapping := strings.Replace(j, "2017-04-05,2025-10-25", "2017-04-05,2025-12-01", 1)
	_, err := Load(File{"j.csv", []byte(overlapping)})
	if want := "j.csv:3:67: fips 24005 is in effect here from 2025-10-25, while its row at j.csv:2 is still in effect; give that row an ended date"; err == nil || err.Error() != want {
		t.Errorf("overlap: %v\nwant %s", err, want)
	}
}

func TestBadFacts(t *testing.T) {
	a := aHead + "4835000,TX,06001,,county,Magic Model,2025-13-01,,2024-01-01,2026-05-18,https://x.org,confirmed\n"
	_, err := Load(File{"a.csv", []byte(a)})
	want := `a.csv:2:12: county_fips "06001" does not start with 48, the code of its state
a.csv:2:18: agency is empty
a.csv:2:26: model "Magic Model" is unknown; want one of Jail Enforcement Model, Task Force Model, Warrant Service Officer
a.csv:2:38: signed "2025-13-01" is not a date YYYY-MM-DD
a.csv:2:49: listed_from is empty; want a date YYYY-MM-DD`
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
	g := gHead + "32,Nevada,NV,DOJ list,2025-08-05,2025-01-01,2026-12-01,https://x.org,confirmed\n"
	_, err = Load(File{"g.csv", []byte(g)})
	want = `g.csv:2:14: list "DOJ list" is not a list id such as doj-2025 (lower-case letters, digits and hyphens)
g.csv:2:34: removed_on 2025-01-01 is before listed_from 2025-08-05`
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
}

// What a careful reader would reject: the same agreement twice, a list
// the program does not know, dates after the row's own as_of or in the
// future.
func TestCarefulReader(t *testing.T) {
	a := aHead +
		"12005,FL,12005,Bay County Sheriff's Office,county,Task Force Model,2008-06-15,2008-06-15,2011-02-20,2026-05-18,https://x.org,confirmed\n" +
		"12005,FL,12005,Bay County Sheriff's Office,county,Task Force Model,2025-02-26,2025-02-26,,2026-05-18,https://x.org,confirmed\n" +
		"12005,FL,12005,BAY COUNTY SHERIFF'S OFFICE,county,Task Force Model,2025-02-26,2025-02-26,,2026-05-18,https://x.org,confirmed\n" +
		"48301,TX,48301,Loving County Sheriff's Office,county,Task Force Model,2099-01-01,2026-05-18,,2026-05-18,https://x.org,confirmed\n"
	_, err := Load(File{"a.csv", []byte(a)})
	want := `a.csv:4:16: BAY COUNTY SHERIFF'S OFFICE's Task Force Model agreement repeats a.csv:3, whose span overlaps it
a.csv:5:71: signed 2099-01-01 is after the row's as_of 2026-05-18`
	if err == nil || err.Error() != want {
		t.Errorf("agreements: got:\n%v\nwant:\n%s", err, want)
	}
	g := gHead +
		"32,Nevada,NV,foo-2030,2025-08-05,,2026-12-01,https://x.org,confirmed\n" +
		"08,Colorado,CO,doj-2025,2027-08-05,,2026-12-01,https://x.org,confirmed\n" +
		"06,California,CA,doj-2025,2025-08-05,,2099-12-01,https://x.org,confirmed\n"
	_, err = Load(File{"g.csv", []byte(g)})
	want = `g.csv:2:14: list "foo-2030" is unknown; the lists known are dhs-2025 (DHS list of 2025-05-29 (withdrawn)), doj-2025 (DOJ list of 2025-08-05); declare a list of your own by its title in a list_title column
g.csv:3:25: listed_from 2027-08-05 is after the row's as_of 2026-12-01
g.csv:4:39: as_of 2099-12-01 is in the future`
	if err == nil || err.Error() != want {
		t.Errorf("designations: got:\n%v\nwant:\n%s", err, want)
	}
	own := "fips,name,state,list,list_title,listed_from,removed_on,as_of,source,verification\n" +
		"32,Nevada,NV,foo-2030,Foo's list of 2030,2025-08-05,,2026-12-01,https://x.org,confirmed\n"
	d, err := Load(File{"own.csv", []byte(own)})
	if err != nil || d.Designations[0].Title != "Foo's list of 2030" {
		t.Errorf("a declared list: %v", err)
	}
	j := jHead[:len(jHead)-1] + ",effective,last_confirmed\n" +
		"08,Colorado,CO,state,STATE_LIMITS,HB19-1124,2026-01-02,https://e.org,confirmed,,,2027-01-01,\n" +
		"17031,Cook County,IL,county,LOCAL_LIMITS_DETAINERS,o,2026-01-02,https://e.org,confirmed,,,2020-01-01,2026-02-01\n"
	_, err = Load(File{"j.csv", []byte(j)})
	want = `j.csv:3:102: last_confirmed 2026-02-01 is after the row's as_of 2026-01-02`
	if err == nil || err.Error() != want {
		t.Errorf("jurisdictions: got:\n%v\nwant:\n%s", err, want)
	}
	d, err = Load(File{"j.csv", []byte(j[:strings.LastIndex(j, "17031")])})
	if err != nil || len(d.Warnings) != 1 || d.Warnings[0].Error() != "j.csv:2:82: warning: effective 2027-01-01 is after the row's as_of 2026-01-02; the map shows the change from that day as if it were certain" {
		t.Errorf("a law not yet in force: %v, %v", err, d.Warnings)
	}
	s := sHead + "US-X,United States v. X,D. X.,,2099-01-01,pending,,08,laws,https://example.org/s,confirmed\n"
	_, err = Load(File{"s.csv", []byte(s)})
	if want := "s.csv:2:32: filed 2099-01-01 is in the future"; err == nil || err.Error() != want {
		t.Errorf("lawsuits: got %v, want %s", err, want)
	}
}
