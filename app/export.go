package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/geo"
	"sanctuarymap/internal/export"
	"sanctuarymap/internal/pngmeta"
	"sanctuarymap/internal/safefile"
	"sanctuarymap/internal/style"
)

// exportDialog asks for a framing, a size and a file, then writes the
// map — level, colours, filters and date — with title, legend and footer.
func (u *UI) exportDialog() {
	// What the map shows now, or all of the country.
	currentView, wholeCountry := lang.L("Current view"), lang.L("Whole country")
	framing := widget.NewRadioGroup([]string{currentView, wholeCountry}, nil)
	framing.Horizontal = true
	framing.Required = true
	framing.SetSelected(currentView)
	width, height := widget.NewEntry(), widget.NewEntry()
	width.SetText("1920")
	height.SetText("1080")
	dir := u.app.Preferences().StringWithFallback(prefExportDir, homeDir())
	file := widget.NewEntry()
	file.SetText(filepath.Join(dir, "sanctuary-map.png"))
	width.Validator = validator(export.MinMapSide, export.MaxSide)
	height.Validator = width.Validator
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Show"), framing),
		widget.NewFormItem(lang.L("Width (px)"), width),
		widget.NewFormItem(lang.L("Height (px)"), height),
		widget.NewFormItem(lang.L("File (.png, .svg, .pdf, .html)"), container.NewBorder(nil, nil, nil, u.folderButton(file), file)),
	}
	file.Validator = func(s string) error {
		if strings.EqualFold(filepath.Ext(s), ".html") {
			return nil
		}
		_, err := export.MapFormat(s)
		return err
	}
	d := dialog.NewForm(lang.L("Export map"), lang.L("Export"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		w, _ := strconv.Atoi(width.Text)
		h, _ := strconv.Atoi(height.Text)
		u.Export(file.Text, w, h, framing.Selected == wholeCountry, nil)
	}, u.win)
	d.Resize(fyne.NewSize(620, 330))
	d.Show()
}

// validator accepts whole numbers from min to max.
func validator(min, max int) fyne.StringValidator {
	return func(s string) error {
		if n, err := strconv.Atoi(s); err != nil || n < min || n > max {
			return fmt.Errorf(lang.L("a whole number from %d to %d"), min, max)
		}
		return nil
	}
}

// folderButton lets the user pick the folder of the file named in file.
func (u *UI) folderButton(file *widget.Entry) *widget.Button {
	return widget.NewButton(lang.L("Folder…"), func() {
		dialog.ShowFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				file.SetText(filepath.Join(l.Path(), filepath.Base(file.Text)))
			}
		}, u.win)
	})
}

func homeDir() string {
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return "."
}

// Export renders the map to a PNG, SVG or PDF, or writes it as one web
// page (.html: the whole country, on the day shown), by path's extension,
// in the background, written atomically: what the window shows of it, or
// the whole country. The
// status line or an error dialog says how it went, and done, if not nil,
// is called with the outcome.
func (u *UI) Export(path string, w, h int, whole bool, done func(error)) {
	frame := geo.Frame()
	if !whole {
		// At least what the window shows, whatever the image's shape.
		frame = u.mapView.Viewport().Bound()
	}
	o := u.mapView.Options()
	o.Theme, o.Selected, o.Hovered, o.Changed = style.Light(), "", "", nil
	o.Title = export.Title
	b, prov := u.sess.Shown.Bounds, u.provenance(o.Title)
	u.status.message.SetText(fmt.Sprintf(lang.L("Exporting %s…"), filepath.Base(path)))
	d, lvl, day := u.sess.Shown.Data, u.lvl, u.asOf
	go func() {
		var err error
		if strings.EqualFold(filepath.Ext(path), ".html") {
			err = safefile.Write(path, func(w io.Writer) error { return export.HTML(w, b, lvl, d, []time.Time{day}, o, prov) })
		} else {
			err = export.Map(path, b, o, w, h, frame, prov)
		}
		u.publish(func() { u.exported(path, err, done) })
	}()
}

// exported reports the outcome of an export on the UI goroutine.
func (u *UI) exported(path string, err error, done func(error)) {
	if done != nil {
		defer done(err)
	}
	if err != nil {
		dialog.ShowError(err, u.win)
		u.status.message.SetText(lang.L("Export failed"))
		return
	}
	u.app.Preferences().SetString(prefExportDir, filepath.Dir(path))
	u.status.message.SetText(fmt.Sprintf(lang.L("Exported %s"), path))
}

// provenance is what exported PNGs record about the data shown.
func (u *UI) provenance(title string) pngmeta.Provenance {
	return export.Provenance(title, u.software, u.sourceLabel(), u.sess.Shown.Data)
}

// exportDataDialog asks where to write what the map shows as CSV.
func (u *UI) exportDataDialog() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close() // safefile writes the file itself, atomically
		u.ExportData(path, nil)
	}, u.win)
	d.SetFileName("sanctuary-map-view.csv")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	d.Show()
}

// ExportData writes the resolved view shown, as `sanctuarymap table`
// does, to path in the background; done, if not nil, gets the outcome.
func (u *UI) ExportData(path string, done func(error)) {
	v, l := u.view, u.sheetLayer()
	if u.mapView.Options().ColorBy != style.ByData {
		l = nil
	}
	u.status.message.SetText(fmt.Sprintf(lang.L("Exporting %s…"), filepath.Base(path)))
	go func() {
		err := safefile.Write(path, func(w io.Writer) error { return export.Table(w, v, l) })
		u.publish(func() { u.exported(path, err, done) })
	}()
}

// exportAnimationDialog asks for a span, a step, a rate, a size and a
// file, then writes the map through time as an animated GIF: the level,
// colouring and filters shown, the whole country, dated on every frame.
func (u *UI) exportAnimationDialog() {
	from, to, fps := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	from.SetText("2024-01-01")
	to.SetText(u.today.Format(time.DateOnly))
	fps.SetText("4")
	isDate := func(s string) error {
		if _, err := time.Parse(time.DateOnly, s); err != nil {
			return errors.New(lang.L("a date YYYY-MM-DD"))
		}
		return nil
	}
	from.Validator, to.Validator, fps.Validator = isDate, isDate, validator(1, 30)
	steps := []string{"week", "month", "year"} // shown translated, read by index
	step := widget.NewSelect([]string{lang.L("week"), lang.L("month"), lang.L("year")}, nil)
	step.SetSelectedIndex(1)
	width, height := widget.NewEntry(), widget.NewEntry()
	width.SetText("1280")
	height.SetText("720")
	width.Validator = validator(export.MinChartSide, export.MaxSide)
	height.Validator = width.Validator
	file := widget.NewEntry()
	file.SetText(filepath.Join(u.app.Preferences().StringWithFallback(prefExportDir, homeDir()), "sanctuary-map.gif"))
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("From"), from), widget.NewFormItem(lang.L("To"), to), widget.NewFormItem(lang.L("Step"), step),
		widget.NewFormItem(lang.L("Frames a second"), fps),
		widget.NewFormItem(lang.L("Width (px)"), width), widget.NewFormItem(lang.L("Height (px)"), height),
		widget.NewFormItem(lang.L("File (.gif)"), container.NewBorder(nil, nil, nil, u.folderButton(file), file)),
	}
	d := dialog.NewForm(lang.L("Export animation"), lang.L("Export"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		first, _ := time.Parse(time.DateOnly, from.Text)
		last, _ := time.Parse(time.DateOnly, to.Text)
		days, err := export.Frames(first, last, steps[max(0, step.SelectedIndex())])
		if err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		w, _ := strconv.Atoi(width.Text)
		h, _ := strconv.Atoi(height.Text)
		n, _ := strconv.Atoi(fps.Text)
		u.ExportAnimation(file.Text, days, w, h, n, nil)
	}, u.win)
	d.Resize(fyne.NewSize(620, 480))
	d.Show()
}

// ExportAnimation writes the map on each of days as an animated GIF at
// path, in the background; done, if not nil, gets the outcome.
func (u *UI) ExportAnimation(path string, days []time.Time, w, h, fps int, done func(error)) {
	o := u.mapView.Options()
	o.Theme, o.Selected, o.Hovered, o.Changed, o.Title = style.Light(), "", "", nil, export.Title
	b, d, lvl, filter, prov := u.sess.Shown.Bounds, u.sess.Shown.Data, u.lvl, u.filter, u.provenance(export.Title)
	if b.Layer(lvl) == nil {
		lvl = geo.States
	}
	u.status.message.SetText(fmt.Sprintf(lang.L("Exporting %s…"), filepath.Base(path)))
	go func() {
		err := export.Animation(path, b, lvl, d, filter, o, days, w, h, fps, geo.Frame(), prov)
		u.publish(func() { u.exported(path, err, done) })
	}()
}
