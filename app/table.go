package app

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/export"
	"sanctuarymap/internal/places"
	"sanctuarymap/internal/view"
)

// tablePanel is the Table tab: every region of the level and every city
// the map shows, narrowed by a name filter, sortable by any column (tap a
// header), kept in step with the map's selection. It is the keyboard and
// screen-reader path to the same facts, and exports what `sanctuarymap
// table` writes.
type tablePanel struct {
	box    fyne.CanvasObject
	grid   *scrollingTable
	filter *escEntry
	count  *widget.Label

	all      []tableRow // what the map shows
	rows     []tableRow // all, narrowed by the filter and sorted
	sortCol  int
	desc     bool
	selected string
	onSelect func(fips string)
	quiet    bool // selecting from code: do not call onSelect back
}

type tableRow struct {
	fips string
	key  string // the folded name and state the filter matches
	cols [len(tableHeaders)]string
}

var tableHeaders = [...]string{"Name", "State", "Level", "Category", "DOJ suit", "Lists", "Verified", "Last confirmed"}

// The cells the window shows as `sanctuarymap table` writes them.
var (
	colVerification = slices.Index(export.TableHeader(), "verification")
	colConfirmed    = slices.Index(export.TableHeader(), "last_confirmed")
)

func newTablePanel(onSelect func(string), export func()) *tablePanel {
	t := &tablePanel{onSelect: onSelect}
	t.grid = &scrollingTable{pending: -1}
	t.grid.Length = func() (int, int) { return len(t.rows), len(tableHeaders) }
	t.grid.CreateCell = func() fyne.CanvasObject {
		l := widget.NewLabel("Local limits on detainers")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	t.grid.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(t.rows[id.Row].cols[id.Col])
	}
	t.grid.ShowHeaderRow = true
	t.grid.ExtendBaseWidget(t.grid)
	t.grid.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	t.grid.UpdateHeader = t.updateHeader
	for i, w := range []float32{170, 45, 65, 250, 150, 140, 95, 100} {
		t.grid.SetColumnWidth(i, w)
	}
	t.grid.OnSelected = func(id widget.TableCellID) {
		if id.Row < 0 || id.Row >= len(t.rows) {
			return
		}
		t.selected = t.rows[id.Row].fips
		if !t.quiet && t.onSelect != nil {
			t.onSelect(t.selected)
		}
	}
	t.filter = newEscEntry()
	t.filter.SetPlaceHolder(lang.L("Filter by name or state"))
	t.filter.OnChanged = func(string) { t.narrow() }
	t.count = widget.NewLabel("")
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(t.count, widget.NewButton(lang.L("Export CSV…"), export)), t.filter)
	t.box = container.NewBorder(bar, nil, nil, nil, t.grid)
	return t
}

func (t *tablePanel) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 {
		return
	}
	text := lang.L(tableHeaders[id.Col])
	if id.Col == t.sortCol {
		text += map[bool]string{false: " ▲", true: " ▼"}[t.desc]
	}
	b.SetText(text)
	col := id.Col
	b.OnTapped = func() { t.sortBy(col) }
}

// setRows fills the table with the regions and cities of v that pass its
// filter, as the map shows them.
func (t *tablePanel) setRows(v *view.View) {
	t.all = t.all[:0]
	for _, rs := range [][]view.Region{v.Regions, v.Cities} {
		for i := range rs {
			r := &rs[i]
			if !r.Shown {
				continue
			}
			cells := export.TableRow(r)
			t.all = append(t.all, tableRow{fips: r.FIPS, key: places.Fold(r.Name + " " + r.State),
				cols: [len(tableHeaders)]string{r.Name, r.State, word(string(r.Level)), categoryCell(r), suitCell(r),
					strings.Join(r.ListIDs(), ", "), word(cells[colVerification]), cells[colConfirmed]}})
		}
	}
	t.narrow()
}

// categoryCell says what the map shows, in the tooltip's words.
func categoryCell(r *view.Region) string {
	if r.Basis() == view.NoData {
		return lang.L("No data")
	}
	s := lang.L(r.Category.Info().Label)
	switch r.Basis() {
	case view.FollowsState:
		s += " " + lang.L("(its state's)")
	case view.StaleFacts:
		s += " " + fmt.Sprintf(lang.L("(last confirmed %s)"), r.LastConfirmed().Format("2006"))
	}
	return s
}

func suitCell(r *view.Region) string {
	if r.Suit == dataset.NoSuit {
		return ""
	}
	if r.SuitInherited {
		return fmt.Sprintf(lang.L("%s (against its state)"), lang.L(r.Suit.Word()))
	}
	return lang.L(r.Suit.Word())
}

// narrow keeps the rows whose name and state contain every word of the
// filter, folded as search folds them ("dona ana nm" finds Doña Ana, NM).
func (t *tablePanel) narrow() {
	q := strings.Fields(places.Fold(t.filter.Text))
	t.rows = t.rows[:0]
	for _, r := range t.all {
		if !slices.ContainsFunc(q, func(w string) bool { return !strings.Contains(r.key, w) }) {
			t.rows = append(t.rows, r)
		}
	}
	t.count.SetText(fmt.Sprintf(lang.L("%d of %d"), len(t.rows), len(t.all)))
	t.sort()
}

func (t *tablePanel) sortBy(col int) {
	if t.sortCol == col {
		t.desc = !t.desc
	} else {
		t.sortCol, t.desc = col, false
	}
	t.sort()
}

// sort orders the rows by the sort column, then by name and state, and
// keeps the selection on its row.
func (t *tablePanel) sort() {
	slices.SortFunc(t.rows, func(a, b tableRow) int {
		c := cmp.Compare(strings.ToLower(a.cols[t.sortCol]), strings.ToLower(b.cols[t.sortCol]))
		if t.desc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(a.cols[0], b.cols[0]), cmp.Compare(a.cols[1], b.cols[1]), cmp.Compare(a.fips, b.fips))
	})
	t.grid.Refresh()
	t.selectFIPS(t.selected)
}

// selectFIPS selects and scrolls to the row of fips without calling back,
// or clears the selection.
func (t *tablePanel) selectFIPS(fips string) {
	t.quiet = true
	defer func() { t.quiet = false }()
	t.selected = fips
	i := slices.IndexFunc(t.rows, func(r tableRow) bool { return r.fips == fips })
	if i < 0 {
		t.grid.UnselectAll()
		t.selected = fips // kept for when the filter lets it back in
		t.grid.scrollTo(0)
		return
	}
	// Unselect first: Select of the cell already selected does nothing,
	// and the row under that cell may have changed.
	t.grid.UnselectAll()
	t.grid.Select(widget.TableCellID{Row: i, Col: 0})
	t.grid.scrollTo(i)
}

// scrollingTable is a table that scrolls a row into view a third of the
// way down. Table.ScrollTo leaves it under the header row, and a table
// in a hidden tab has no size to scroll by: it scrolls when it next gets
// one.
type scrollingTable struct {
	widget.Table
	pending int // the row to show on the next Resize, or -1
}

func (g *scrollingTable) scrollTo(row int) {
	g.pending = row
	g.scroll()
}

func (g *scrollingTable) Resize(s fyne.Size) {
	g.Table.Resize(s)
	g.scroll()
}

// scroll shows the pending row if the table has a size to show it in.
func (g *scrollingTable) scroll() {
	h := g.Size().Height
	if g.pending < 0 || h <= 0 {
		return
	}
	// Rows are as tall as the taller of a cell and a header (Table.templateSize).
	pitch := g.CreateCell().MinSize().Max(g.CreateHeader().MinSize()).Height + g.Theme().Size(theme.SizeNamePadding)
	g.ScrollToOffset(fyne.NewPos(0, max(0, float32(g.pending)*pitch-(h-pitch)/3)))
	g.pending = -1
}
