package i18n_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/sheet"
)

// keys are the English texts the code translates: the literal arguments
// of T(...) and of Fyne's lang.L(...).
func keys(t *testing.T) map[string]string {
	t.Helper()
	call := regexp.MustCompile(`(?:\bT|lang\.L)\("((?:[^"\\]|\\.)*)"\)`)
	out := map[string]string{}
	for _, root := range []string{"../../app", "../../internal"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
				return err
			}
			b, err := os.ReadFile(p)
			for _, m := range call.FindAllStringSubmatch(string(b), -1) {
				out[m[1]] = p
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// Every text the code translates is in both files, and a Spanish line is
// not so much longer than its English that it runs past a legend line's
// or a menu's room (at 1366×768 the legend has some 60 characters).
func TestEveryKeyInBothFiles(t *testing.T) {
	files := map[string]map[string]string{}
	for _, name := range []string{"en", "es"} {
		b, err := i18n.Files.ReadFile("translations/" + name + ".json")
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s.json: %v", name, err)
		}
		files[name] = m
	}
	ks := keys(t)
	// Texts the code translates through a variable: labels of levels,
	// colourings, filters and categories.
	for _, k := range []string{"States", "Counties", "Tracts", "Policy", "Lawsuits", "Both", "Compare lists", "Your data",
		"All suits", "No suit", "Suit pending", "Suit resolved", "Any list or none", "On the DOJ list", "On the DHS list",
		"State limits cooperation", "Local limits on detainers", "Local limits on information or access", "Declaration only",
		"No known policy", "Cooperates in practice", "287(g) agreement", "State mandates cooperation", "county", "counties",
		"state", "city", "tract", "tracts", "no DOJ suit", "DOJ suit resolved", "DOJ suit pending",
		"search for a state, county or city", "show the whole country (or double-click)",
		"By category", "Lawsuits by status", "Lawsuit timeline", "Pending suits over time", "287(g) agreements over time", "Categories over time"} {
		ks[k] = "a label"
	}
	for _, s := range dataset.Statuses() {
		ks[s.Label()] = "a suit's status"
	}
	for _, m := range sheet.Methods() {
		ks[m.Label()] = "a classification"
	}
	for _, k := range []dataset.ChangeKind{dataset.Added, dataset.Removed, dataset.Changed} {
		ks[k.String()] = "a change"
	}
	for _, v := range []dataset.Verification{dataset.Confirmed, dataset.Secondary, dataset.Unverified} {
		ks[string(v)] = "a verification mark"
	}
	for _, id := range []string{"doj-2025", "dhs-2025"} {
		ks[dataset.ListTitle(id)] = "a list's title"
	}
	for _, s := range []dataset.SuitState{dataset.SuitPending, dataset.SuitResolved} {
		ks[s.Word()] = "a suit state"
	}
	if len(ks) < 40 {
		t.Fatalf("found %d keys in the code; the scan is broken", len(ks))
	}
	for k, at := range ks {
		for name, m := range files {
			if _, ok := m[k]; !ok {
				t.Errorf("%s: %q is missing from %s.json", at, k, name)
			}
		}
		es := files["es"][k]
		if n, m := utf8.RuneCountInString(k), utf8.RuneCountInString(es); m > max(60, n*3/2) {
			t.Errorf("%q: the Spanish runs to %d characters against %d", k, m, n)
		}
	}
}

func TestDatesAndNumbers(t *testing.T) {
	d := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	if got := i18n.Spanish.Date(d) + " / " + i18n.English.Date(d); got != "6 dic 2026 / 2026-12-06" {
		t.Errorf("dates %q", got)
	}
	if got := i18n.Spanish.Int(1334) + " " + i18n.Spanish.Int(12345) + " " + i18n.English.Int(12345); got != "1334 12.345 12,345" {
		t.Errorf("numbers %q", got)
	}
	var nums []string
	for _, v := range []float64{0.25, 1015, 12345.6, -2500, 0.000012345} {
		nums = append(nums, i18n.Spanish.Number(v)+"|"+i18n.English.Number(v))
	}
	if got, want := strings.Join(nums, " "), "0,25|0.25 1015|1,015 12.346|12,346 -2500|-2,500 1,234e-05|1.234e-05"; got != want {
		t.Errorf("Number: %s, want %s", got, want)
	}
	if i18n.Spanish.T("No data") != "Sin datos" || i18n.English.T("No data") != "No data" || i18n.Spanish.T("never seen") != "never seen" {
		t.Error("T")
	}
}
