package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/view"
)

// visibleCells is the text of the table cells in view: the grid lays
// out cells only for the rows its scroll offset shows.
func visibleCells(u *UI) []string {
	var texts []string
	for _, o := range test.LaidOutObjects(u.table.grid) {
		if sc, ok := o.(*container.Scroll); ok {
			for _, c := range test.WidgetRenderer(sc.Content.(fyne.Widget)).Objects() {
				if l, ok := c.(*widget.Label); ok {
					texts = append(texts, l.Text)
				}
			}
		}
	}
	return texts
}

func TestTableHoldsTheLevelAndFollowsSelection(t *testing.T) {
	u := newTestUI(t)
	u.win.Resize(fyne.NewSize(1280, 690))
	u.filters.level.SetSelected("Counties")
	if want := len(u.view.Regions) + len(u.view.Cities); len(u.table.rows) != want || want < 3200 {
		t.Fatalf("%d rows, want every county and city (%d)", len(u.table.rows), want)
	}
	// A county decided by its 287(g) agreement is listed as such.
	i := slices.IndexFunc(u.view.Regions, func(r view.Region) bool { return r.By287g })
	r := u.table.rows[slices.IndexFunc(u.table.rows, func(r tableRow) bool { return r.fips == u.view.Regions[i].FIPS })]
	if r.cols[3] != dataset.Agreement287g.Info().Label || r.cols[6] == "" || r.cols[7] == "" {
		t.Errorf("287(g) county row %q", r.cols)
	}

	// Search, then open the tab: the selected row is on screen, highlighted.
	test.Type(u.search.entry, "Cook County, IL")
	u.search.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	u.tabs.SelectIndex(1)
	u.win.Canvas().Capture()
	if cells := visibleCells(u); !slices.Contains(cells, "Cook") || !slices.Contains(cells, "IL") {
		t.Errorf("Cook County not on screen after opening the tab: %q", cells)
	}
	if u.table.selected != "17031" {
		t.Errorf("selected row %q", u.table.selected)
	}
}

func TestTableFilterAndSort(t *testing.T) {
	u := newTestUI(t)
	u.filters.level.SetSelected("Counties")
	for q, want := range map[string][]string{
		"cook il":     {"17031"},
		"Doña Ana":    {"35013"},
		"dona ana nm": {"35013"},
		"saint paul":  {"2758000"},
		"zzz":         nil,
	} {
		u.table.filter.SetText(q)
		var got []string
		for _, r := range u.table.rows {
			got = append(got, r.fips)
		}
		if !slices.Equal(got, want) {
			t.Errorf("filter %q: rows %v, want %v", q, got, want)
		}
	}
	u.table.filter.SetText("cook")
	if got, want := u.table.count.Text, fmt.Sprintf("%d of %d", len(u.table.rows), len(u.table.all)); got != want || len(u.table.rows) < 2 {
		t.Errorf("count %q, want %q", got, want)
	}
	u.table.filter.SetText("")
	// Tapping a new column sorts up, tapping it again down; Name, sorted
	// up at first, comes last.
	for i := range tableHeaders {
		col := (i + 1) % len(tableHeaders)
		for _, desc := range []bool{false, true} {
			u.table.sortBy(col)
			if u.table.sortCol != col || u.table.desc != desc {
				t.Fatalf("after tapping column %d: sorted by %d desc %v", col, u.table.sortCol, u.table.desc)
			}
			sorted := slices.IsSortedFunc(u.table.rows, func(a, b tableRow) int {
				c := cmp.Compare(strings.ToLower(a.cols[col]), strings.ToLower(b.cols[col]))
				if desc {
					return -c
				}
				return c
			})
			if !sorted {
				t.Errorf("column %s (desc %v) not sorted", tableHeaders[col], desc)
			}
		}
	}
}
