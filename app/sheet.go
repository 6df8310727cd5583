package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/ice"
	"sanctuarymap/internal/sheet"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/view"
)

// sheetChoice is the user's own sheet the map is coloured by, with how
// its rows find their regions and the column chosen, matched anew for
// each level shown.
type sheetChoice struct {
	sheet   *sheet.Sheet
	key     sheet.Key
	by      string
	matched map[geo.Level]*sheet.Matched
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

// openSheet offers to colour the map by a column of the user's own sheet:
// which column, and how its rows find their regions.
func (u *UI) openSheet(path string, data []byte) {
	sh, err := sheet.Read(path, data)
	if err != nil {
		u.showProblems(err)
		return
	}
	by := widget.NewSelect(sh.Header, nil)
	by.SetSelectedIndex(len(sh.Header) - 1)
	fipsCol := widget.NewSelect(sh.Header, nil)
	name, state := widget.NewSelect(sh.Header, nil), widget.NewSelect(sh.Header, nil)
	if i := sh.Column("fips"); i >= 0 {
		fipsCol.SetSelectedIndex(i)
	}
	name.SetSelectedIndex(0)
	if i := sh.Column("state"); i >= 0 {
		state.SetSelectedIndex(i)
	}
	keyBy := widget.NewRadioGroup([]string{"a FIPS column", "name and state columns"}, nil)
	keyBy.Required = true
	keyBy.SetSelected("name and state columns")
	if fipsCol.Selected != "" {
		keyBy.SetSelected("a FIPS column")
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Colour by column", by),
		widget.NewFormItem("Find regions by", keyBy),
		widget.NewFormItem("FIPS column", fipsCol),
		widget.NewFormItem("Name column", name),
		widget.NewFormItem("State column", state),
	}
	d := dialog.NewForm("Colour the map by "+filepath.Base(path), "Colour", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		k := sheet.Key{FIPS: fipsCol.Selected}
		if keyBy.Selected != "a FIPS column" {
			k = sheet.Key{Name: name.Selected, State: state.Selected}
		}
		u.colourBySheet(&sheetChoice{sheet: sh, key: k, by: by.Selected, matched: map[geo.Level]*sheet.Matched{}})
	}, u.win)
	d.Resize(fyne.NewSize(560, 380))
	d.Show()
}

// colourBySheet colours the map by c, says in the status line how many
// rows found their region, and lists those that did not.
func (u *UI) colourBySheet(c *sheetChoice) {
	// Show the level the sheet is about: the one most of its rows find.
	best := u.lvl
	for _, lvl := range []geo.Level{geo.States, geo.Counties, geo.Tracts} {
		if u.sess.Shown.Bounds.Layer(lvl) == nil {
			continue
		}
		l, err := c.layerAt(u, lvl)
		if err != nil {
			u.showProblems(err)
			return
		}
		if b, _ := c.layerAt(u, best); len(l.Values) > len(b.Values) {
			best = lvl
		}
	}
	l, _ := c.layerAt(u, best)
	u.sheet = c
	if best != u.lvl {
		u.filters.level.SetSelected(best.Label())
	}
	opts := u.filters.colorBy.Options
	if label := style.ByData.Label(); opts[len(opts)-1] != label {
		u.filters.colorBy.SetOptions(append(opts, label))
	}
	u.filters.colorBy.SetSelected(style.ByData.Label())
	u.status.message.SetText(fmt.Sprintf("%s: %d rows placed", filepath.Base(c.sheet.File), len(l.Values)))
	if r := l.Report(); r != "" {
		dialog.ShowInformation("Sheet rows to check", r, u.win)
	}
}

// layer is c matched to the level shown.
func (c *sheetChoice) layer(u *UI) (*sheet.Matched, error) { return c.layerAt(u, u.lvl) }

// layerAt is c matched to the regions of lvl.
func (c *sheetChoice) layerAt(u *UI, lvl geo.Level) (*sheet.Matched, error) {
	if l := c.matched[lvl]; l != nil {
		return l, nil
	}
	level := view.LevelOf(lvl)
	l, err := c.sheet.Match(c.key, c.by, level, u.index)
	if err != nil {
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
