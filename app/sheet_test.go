package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"sanctuarymap/geo"
	"sanctuarymap/internal/sheet"
	"sanctuarymap/internal/style"
)

// A CSV of one's own columns is not loaded as a dataset file: the map is
// coloured by the column chosen, the legend names its values and the
// detail panel shows the row.
func TestColourBySheet(t *testing.T) {
	u := newTestUI(t)
	path := filepath.Join(t.TempDir(), "mine.csv")
	if err := os.WriteFile(path, []byte("county,state,status\nCook County,IL,sanctuary\nHarris County,TX,cooperates\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	u.OpenFiles([]string{path})
	if u.sess.Busy() {
		t.Fatal("the sheet went to the loader")
	}
	data, _ := os.ReadFile(path)
	sh, err := sheet.Read(path, data)
	if err != nil {
		t.Fatal(err)
	}
	// On the states map: a sheet of counties shows the counties.
	u.colourBySheet(&sheetChoice{sheet: sh, key: sheet.Key{Name: "county", State: "state"}, by: "status", matched: map[geo.Level]*sheet.Matched{}})
	if u.lvl != geo.Counties {
		t.Errorf("level %v, want the counties the sheet names", u.lvl)
	}
	if o := u.mapView.Options(); o.ColorBy != style.ByData || o.Sheet == nil || o.Sheet.Values["48201"] != "cooperates" {
		t.Fatalf("map colouring %v, sheet %+v", o.ColorBy, o.Sheet)
	}
	var lines []string
	for _, o := range u.legend.Objects {
		switch o := o.(type) {
		case *legendItem:
			lines = append(lines, o.entry.Text())
		case *widget.Label:
			lines = append(lines, o.Text)
		}
	}
	// The 3,220 other counties have no row; cities and towns with none
	// are not drawn over the user's map, so not counted.
	if got := strings.Join(lines, "|"); got != "mine.csv, column status|cooperates (1)|sanctuary (1)|Dotted: no row in mine.csv (3220)" {
		t.Errorf("legend %s", got)
	}
	if u.status.message.Text != "mine.csv: 2 rows placed" {
		t.Errorf("status %q", u.status.message.Text)
	}
	u.Select("17031")
	if s := u.details.text.String(); !strings.Contains(s, "From mine.csv") || !strings.Contains(s, "status: sanctuary") {
		t.Errorf("detail:\n%s", s)
	}
}

// ICE's own sheet, opened in the window, updates the 287(g) layer to its
// date; the footer and the status line name it.
func TestOpenICESheet(t *testing.T) {
	u := newTestUI(t)
	path := filepath.Join(t.TempDir(), "participatingAgencies11202026.csv")
	sheet := "STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED\nTX,Loving County Sheriff's Office,Sheriff's Office,Loving County,Task Force Model,11/1/2026\n"
	if err := os.WriteFile(path, []byte(sheet), 0o644); err != nil {
		t.Fatal(err)
	}
	loadAndWait(t, u, func() { u.OpenFiles([]string{path}) })
	if !strings.HasPrefix(u.status.message.Text, "Loaded participatingAgencies11202026.csv: ") {
		t.Fatalf("status %q", u.status.message.Text)
	}
	u.filters.level.SetSelected("Counties")
	if r := u.view.Region("48301"); r == nil || !r.By287g {
		t.Errorf("Loving County after ICE's sheet: %+v", r)
	}
	if !strings.Contains(u.sourceLabel(), "participatingAgencies11202026.csv") {
		t.Errorf("sources %q", u.sourceLabel())
	}
}
