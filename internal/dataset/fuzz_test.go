package dataset

import (
	"testing"
	"time"

	"sanctuarymap/internal/fileerr"
)

func check(t *testing.T, d *Dataset, err error, names ...string) {
	t.Helper()
	if (d == nil) == (err == nil) {
		t.Fatalf("want exactly one of a dataset and an error, got %v and %v", d, err)
	}
	for _, e := range fileerr.All(err) {
		ok := false
		for _, n := range names {
			ok = ok || e.File == n
		}
		if !ok || e.Line < 0 || e.Column < 0 {
			t.Fatalf("problem not located in a given file: %#v", e)
		}
	}
}

// FuzzLoad feeds arbitrary bytes to the CSV loader: it must return a
// dataset or located problems, never panic.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{goodJ, goodS, jHead, "", "a,b\n1,2\n", jHead + "08,\"x\n", "\ufeff" + goodJ, "fips;name\n08;x\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Load(File{"f.csv", data})
		check(t, d, err, "f.csv")
		if d != nil {
			if ch := Diff(d, d); len(ch) != 0 {
				t.Fatalf("a dataset differs from itself: %v", ch)
			}
			d.At(time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC))
		}
	})
}

// FuzzValidate loads a jurisdictions and a lawsuits file together and
// joins them with boundaries, as `sanctuarymap validate` does.
func FuzzValidate(f *testing.F) {
	f.Add([]byte(goodJ), []byte(goodS))
	f.Add([]byte(goodJ), []byte(sHead+"X,Y,C,,2025-01-01,pending,,99,p,https://e.org,confirmed\n"))
	f.Fuzz(func(t *testing.T, j, s []byte) {
		d, err := Load(File{"j.csv", j}, File{"s.csv", s})
		check(t, d, err, "j.csv", "s.csv")
		if d != nil {
			Join(d, func(f string) bool { return len(f) == 2 }, []string{"08", "06"})
		}
	})
}

// fuzzKind fuzzes the rows under one kind's header: the loader returns a
// dataset or located problems, never a panic.
func fuzzKind(f *testing.F, head string, rows ...string) {
	for _, r := range rows {
		f.Add([]byte(r))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		d, err := Load(File{"f.csv", append([]byte(head), body...)})
		check(t, d, err, "f.csv")
		if d != nil {
			d.At(time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
		}
	})
}

func FuzzAgreements(f *testing.F) {
	fuzzKind(f, aHead,
		"4835000,TX,48201,Houston Police Department,municipal,Task Force Model,2025-03-01,2025-03-01,,2026-05-18,https://x.org,confirmed\n",
		"48301,TX,48301,Loving County Sheriff's Office,county,Task Force Model,2025-01-01,2025-01-01,,2026-05-18,https://x.org,confirmed\n48301,TX,48301,Loving County Sheriff's Office,county,Task Force Model,2025-01-01,2025-01-01,,2026-05-18,https://x.org,confirmed\n",
		",TX,,Texas Department of Public Safety,state,Jail Enforcement Model,,2099-01-01,2020-01-01,2026-05-18,,secondary\n")
}

func FuzzDesignations(f *testing.F) {
	fuzzKind(f, gHead,
		"06,California,CA,doj-2025,2025-08-05,,2026-12-01,https://x.org,confirmed\n",
		"06,Texas,CA,foo-2030,2025-08-05,2025-01-01,2099-12-01,https://x.org,confirmed\n",
		"0644000,Los Angeles,CA,dhs-2025,2025-05-29,2025-06-01,2026-12-01,,unverified\n")
}

func FuzzLawsuits(f *testing.F) {
	fuzzKind(f, sHead,
		"US-CO,United States v. Colorado,D. Colo.,1:25-cv-01391,2025-05-02,pending,,08;0820000,laws,https://example.org/s,confirmed\n",
		"US-X,US v X,D. X.,,2099-01-01,won,2020-01-01,5303;,p,ftp://x,sure\n",
		"US-X,US v X,,,2025-01-01,dismissed,2025-02-01,17031,p,https://x.org,confirmed\nUS-X,US v X,,,2025-01-01,dismissed,,17031,p,https://x.org,confirmed\n")
}
