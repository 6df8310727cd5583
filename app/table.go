package app

import (
	"cmp"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/dataset"
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

var tableHeaders = [...]string{"Name", "Level", "State", "Category", "DOJ list", "DOJ suits", "Verified"}

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

// setRows fills the table with d's rows that pass f.
func (t *jurisdictionTable) setRows(d *dataset.Dataset, f dataset.Filter) {
	t.rows = t.rows[:0]
	for _, j := range d.Jurisdictions {
		suit := d.SuitState(j.FIPS)
		if !f.Match(j, suit) {
			continue
		}
		var suits []string
		for _, s := range d.Suits(j.FIPS) {
			suits = append(suits, strings.ReplaceAll(string(s.Status), "_", " "))
		}
		t.rows = append(t.rows, tableRow{fips: j.FIPS, cols: [len(tableHeaders)]string{
			j.Name, string(j.Level), j.State, dataset.CategoryInfo[j.Category].Label, j.OnDOJList,
			strings.Join(suits, ", "), string(j.Verification)}})
	}
	t.sort()
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
