package dataset

import (
	"testing"
	"time"

	"sanctuarymap/fileerr"
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
