package app

import (
	"cmp"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/dataset"
	"sanctuarymap/view"
)

// jurisdictionTable lists the rows shown on the map, sortable by any column
// (tap a header), kept in step with the map's selection: the keyboard and
// screen-reader path to the same facts.
type jurisdictionTable struct {
	*widget.Table
	rows     []tableRow
	sortCol  int
	desc     bool
	onSelect func(fips string)
	quiet    bool // selecting from code: do not call onSelect back
}

type tableRow struct {
	fips string
	cols [len(tableHeaders)]string
}

var tableHeaders = [...]string{"Name", "Level", "State", "Category", "Lists", "DOJ suit", "Verified"}

func newJurisdictionTable(onSelect func(string)) *jurisdictionTable {
	t := &jurisdictionTable{onSelect: onSelect}
	t.Table = widget.NewTableWithHeaders(
		func() (int, int) { return len(t.rows), len(tableHeaders) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Local limits on detainers")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(t.rows[id.Row].cols[id.Col])
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 {
			return
		}
		text := tableHeaders[id.Col]
		if id.Col == t.sortCol {
			text += map[bool]string{false: " ▲", true: " ▼"}[t.desc]
		}
		b.SetText(text)
		col := id.Col
		b.OnTapped = func() { t.sortBy(col) }
	}
	for i, w := range []float32{190, 70, 55, 230, 75, 150, 90} {
		t.SetColumnWidth(i, w)
	}
	t.OnSelected = func(id widget.TableCellID) {
		if !t.quiet && id.Row >= 0 && id.Row < len(t.rows) && t.onSelect != nil {
			t.onSelect(t.rows[id.Row].fips)
		}
	}
	return t
}

// setRows fills the table with the regions and cities of v that pass its
// filter, as the map shows them.
func (t *jurisdictionTable) setRows(v *view.View) {
	t.rows = t.rows[:0]
	for _, rs := range [][]view.Region{v.Regions, v.Cities} {
		for i := range rs {
			r := &rs[i]
			if !r.Shown {
				continue
			}
			t.rows = append(t.rows, tableRow{fips: r.FIPS, cols: [len(tableHeaders)]string{
				r.Name, string(r.Level), r.State, categoryCell(r), strings.Join(r.ListIDs(), ", "),
				suitCell(r), verificationCell(r)}})
		}
	}
	t.sort()
}

func categoryCell(r *view.Region) string {
	s := dataset.CategoryInfo[r.Category].Label
	if r.Inherited {
		s += " (its state's)"
	}
	return s
}

func suitCell(r *view.Region) string {
	if r.Suit == dataset.NoSuit {
		return ""
	}
	if r.SuitInherited {
		return r.Suit.Word() + " (against its state)"
	}
	return r.Suit.Word()
}

func verificationCell(r *view.Region) string {
	switch {
	case r.Inherited:
		return string(r.From.Verification)
	case r.By287g:
		return string(r.Agreements[0].Verification)
	case r.Own != nil:
		return string(r.Own.Verification)
	}
	return ""
}

func (t *jurisdictionTable) sortBy(col int) {
	if t.sortCol == col {
		t.desc = !t.desc
	} else {
		t.sortCol, t.desc = col, false
	}
	t.sort()
}

func (t *jurisdictionTable) sort() {
	slices.SortStableFunc(t.rows, func(a, b tableRow) int {
		c := cmp.Compare(strings.ToLower(a.cols[t.sortCol]), strings.ToLower(b.cols[t.sortCol]))
		if t.desc {
			return -c
		}
		return c
	})
	t.Refresh()
}

// selectFIPS selects the row of fips without calling back, or clears the
// selection.
func (t *jurisdictionTable) selectFIPS(fips string) {
	t.quiet = true
	defer func() { t.quiet = false }()
	for i, r := range t.rows {
		if r.fips == fips {
			t.Select(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
	t.UnselectAll()
}
