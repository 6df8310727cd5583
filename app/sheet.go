package app

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/fileerr"
	"sanctuarymap/internal/ice"
	"sanctuarymap/internal/sheet"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/view"
)

// sheetChoice is the user's own sheet the map is coloured by, with how
// its rows find their regions, the column chosen and how its values
// become colours, matched anew for each level shown.
type sheetChoice struct {
	sheet    *sheet.Sheet
	key      sheet.Key
	by       string
	as       string // "auto", "number" or "text"
	classing sheet.Classing
	towns    bool // its rows are towns, drawn as markers over any level
	matched  map[geo.Level]*sheet.Matched
}

// isSheet reports whether path is a CSV whose header is none of the
// dataset's, and returns its contents.
func isSheet(path string) ([]byte, bool) {
	if geo.IsBoundaryFile(path) {
		return nil, false
	}
	files, err := dataset.ReadFiles(path)
	if err != nil || ice.IsSheet(path, files[0].Data) {
		return nil, false // the loader reads it, or reports what is wrong
	}
	_, err = dataset.KindOf(files[0])
	return files[0].Data, err != nil
}

// openSheet colours the map by a column of the user's own sheet: its rows
// find their regions by the columns found for them (or, failing that, the
// ones the user names), and a panel offers the column, how its values
// become colours and the ramp, the map following every change.
func (u *UI) openSheet(path string, data []byte) {
	sh, err := sheet.Read(path, data)
	if err != nil {
		u.showProblems(err)
		return
	}
	has := func(fips string) bool {
		_, town := assets.Place(fips)
		return u.sess.Shown.Bounds.Has(fips) || town
	}
	var levels []dataset.Level
	for _, lvl := range []geo.Level{u.lvl, geo.Counties, geo.States, geo.Tracts} {
		if u.sess.Shown.Bounds.Layer(lvl) != nil {
			levels = append(levels, view.LevelOf(lvl))
		}
	}
	for _, level := range append(levels, dataset.City) {
		if k, _, err := sh.DetectKey(level, has, u.index); err == nil {
			u.colourSheet(sh, k)
			return
		}
	}
	u.askKey(sh)
}

// askKey asks which columns a sheet's rows find their regions by, when
// none could be told from its values and names.
func (u *UI) askKey(sh *sheet.Sheet) {
	fipsCol := widget.NewSelect(sh.Header, nil)
	name, state := widget.NewSelect(sh.Header, nil), widget.NewSelect(sh.Header, nil)
	fipsCol.SetSelectedIndex(0)
	name.SetSelectedIndex(0)
	state.SetSelectedIndex(min(1, len(sh.Header)-1))
	byFIPS, byName := lang.L("a FIPS column"), lang.L("name and state columns")
	keyBy := widget.NewRadioGroup([]string{byFIPS, byName}, nil)
	keyBy.Required = true
	keyBy.SetSelected(byName)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Find regions by"), keyBy),
		widget.NewFormItem(lang.L("FIPS column"), fipsCol),
		widget.NewFormItem(lang.L("Name column"), name),
		widget.NewFormItem(lang.L("State column"), state),
	}
	title := fmt.Sprintf(lang.L("How do the rows of %s find their regions?"), filepath.Base(sh.File))
	d := dialog.NewForm(title, lang.L("Colour"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		k := sheet.Key{FIPS: fipsCol.Selected}
		if keyBy.Selected != byFIPS {
			k = sheet.Key{Name: name.Selected, State: state.Selected}
		}
		u.colourSheet(sh, k)
	}, u.win)
	d.Resize(fyne.NewSize(560, 340))
	d.Show()
}

// colourSheet colours the map by sh's last column other than the key's,
// and shows the panel that changes the column and its colours.
func (u *UI) colourSheet(sh *sheet.Sheet, k sheet.Key) {
	cols := sh.Columns(k)
	if len(cols) == 0 {
		u.showProblems(fileerr.New(sh.File, 1, 0, "no column to colour by besides the key's"))
		return
	}
	c := &sheetChoice{sheet: sh, key: k, by: cols[len(cols)-1], as: "auto", classing: sheet.DefaultClassing(false), matched: map[geo.Level]*sheet.Matched{}}
	if !u.colourBySheet(c) {
		return
	}
	how := fmt.Sprintf(lang.L("rows found by the FIPS codes in column %s"), k.FIPS)
	if k.FIPS == "" {
		how = fmt.Sprintf(lang.L("rows found by the names in column %s and the states in column %s"), k.Name, k.State)
	}
	u.status.message.SetText(u.status.message.Text + "; " + how)
	u.sheetPanel(c, cols)
}

// sheetPanel is the dialog that chooses the column and how its values
// become colours; the map follows each change while it is open.
func (u *UI) sheetPanel(c *sheetChoice, cols []string) {
	by := widget.NewSelect(cols, nil)
	by.Selected = c.by
	// Choices are shown in the window's language and read back by index.
	readAs := []string{"auto", "number", "text"}
	as := widget.NewSelect([]string{lang.L("as read (gota)"), lang.L("numbers: classes"), lang.L("text: a colour a value")}, nil)
	as.SetSelectedIndex(0)
	var methods []string
	for _, m := range sheet.Methods() {
		methods = append(methods, lang.L(m.Label()))
	}
	method := widget.NewSelect(methods, nil)
	method.SetSelectedIndex(slices.Index(sheet.Methods(), c.classing.Method))
	var counts []string
	for n := sheet.MinClasses; n <= sheet.MaxClasses; n++ {
		counts = append(counts, strconv.Itoa(n))
	}
	classes := widget.NewSelect(counts, nil)
	classes.Selected = strconv.Itoa(c.classing.N)
	ramp := widget.NewSelect(style.Ramps(), nil)
	ramp.Selected = c.classing.Ramp
	breaks := widget.NewEntry()
	breaks.SetPlaceHolder("10, 250, 1000")
	problem := widget.NewLabel("")
	apply := func() {
		cl := c.classing
		cl.Ramp = ramp.Selected
		cl.Method = sheet.Methods()[max(0, method.SelectedIndex())]
		cl.N, _ = strconv.Atoi(classes.Selected)
		if cl.Method == sheet.Manual {
			m, b, err := sheet.ParseBreaks(strings.ReplaceAll(breaks.Text, " ", ""))
			if err != nil || m != sheet.Manual {
				problem.SetText(lang.L("Type the inner breaks as rising numbers, e.g. 10, 250, 1000"))
				return
			}
			cl.Breaks, cl.N = b, len(b)+1
		}
		problem.SetText("")
		c.by, c.classing, c.matched = by.Selected, cl, map[geo.Level]*sheet.Matched{}
		c.as = readAs[max(0, as.SelectedIndex())]
		if _, err := c.layer(u); err != nil {
			problem.SetText(err.Error())
			return
		}
		u.refresh()
	}
	for _, s := range []*widget.Select{by, as, method, classes, ramp} {
		s.OnChanged = func(string) { apply() }
	}
	breaks.OnSubmitted = func(string) { apply() }
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Colour by column"), by),
		widget.NewFormItem(lang.L("Read its values"), as),
		widget.NewFormItem(lang.L("Classes by"), method),
		widget.NewFormItem(lang.L("Number of classes"), classes),
		widget.NewFormItem(lang.L("Breaks (manual)"), breaks),
		widget.NewFormItem(lang.L("Colour ramp"), ramp),
	)
	d := dialog.NewCustom(fmt.Sprintf(lang.L("Colour the map by %s"), filepath.Base(c.sheet.File)), lang.L("Close"), container.NewVBox(form, problem), u.win)
	d.Resize(fyne.NewSize(520, 420))
	d.Show()
}

// colourBySheet colours the map by c, says in the status line how many
// rows found their region, and lists those that did not; false when c
// cannot colour it.
func (u *UI) colourBySheet(c *sheetChoice) bool {
	// Show the level the sheet is about: the one most of its rows find.
	best := u.lvl
	for _, lvl := range []geo.Level{geo.States, geo.Counties, geo.Tracts} {
		if u.sess.Shown.Bounds.Layer(lvl) == nil {
			continue
		}
		l, err := c.layerAt(u, lvl)
		if err != nil {
			u.showProblems(err)
			return false
		}
		if b, _ := c.layerAt(u, best); len(l.Values) > len(b.Values) {
			best = lvl
		}
	}
	l, _ := c.layerAt(u, best)
	// Rows that are towns more often than regions are drawn as markers.
	if t, err := c.sheet.Match(c.key, c.by, dataset.City, u.index); err == nil && len(t.Values) > len(l.Values) {
		c.towns, c.matched = true, map[geo.Level]*sheet.Matched{}
		l, _ = c.layerAt(u, best)
	}
	u.sheet = c
	if best != u.lvl {
		u.filters.level.SetSelected(lang.L(best.Label()))
	}
	opts := u.filters.colorBy.Options
	if label := lang.L(style.ByData.Label()); opts[len(opts)-1] != label {
		u.filters.colorBy.SetOptions(append(opts, label))
	}
	u.filters.colorBy.SetSelected(lang.L(style.ByData.Label()))
	u.status.message.SetText(fmt.Sprintf(lang.L("%s: %s rows placed"), filepath.Base(c.sheet.File), u.lang.Int(len(l.Values))))
	if r := l.Report(); r != "" {
		dialog.ShowInformation(lang.L("Sheet rows to check"), r, u.win)
	}
	return true
}

// layer is c matched to the level shown.
func (c *sheetChoice) layer(u *UI) (*sheet.Matched, error) { return c.layerAt(u, u.lvl) }

// layerAt is c matched to the regions of lvl.
func (c *sheetChoice) layerAt(u *UI, lvl geo.Level) (*sheet.Matched, error) {
	if l := c.matched[lvl]; l != nil {
		return l, nil
	}
	level := view.LevelOf(lvl)
	if c.towns {
		level = dataset.City
	}
	l, err := c.sheet.Match(c.key, c.by, level, u.index)
	if err != nil {
		return nil, err
	}
	cl := c.classing
	cl.Numeric = c.as == "number" || (c.as == "auto" && l.Classing.Numeric)
	if err := l.Classify(cl); err != nil {
		return nil, err
	}
	c.matched[lvl] = l
	return l, nil
}

// sheetLayer is the user's sheet matched to the level shown, or nil.
func (u *UI) sheetLayer() *sheet.Matched {
	if u.sheet == nil {
		return nil
	}
	l, err := u.sheet.layer(u)
	if err != nil {
		return nil // it matched at another level; a column cannot go missing
	}
	return l
}
