package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/geo"
	"sanctuarymap/pngmeta"
	"sanctuarymap/render"
	"sanctuarymap/safefile"
	"sanctuarymap/style"
	"sanctuarymap/table"
)

// Export framings: what the map shows now, or all of the country.
const (
	currentView  = "Current view"
	wholeCountry = "Whole country"
)

// exportDialog asks for a framing, a size and a file, then writes the
// map — level, colours, filters and date — with title, legend and footer.
func (u *UI) exportDialog() {
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
	width.Validator, height.Validator = sizeValidator, sizeValidator
	items := []*widget.FormItem{
		widget.NewFormItem("Show", framing),
		widget.NewFormItem("Width (px)", width),
		widget.NewFormItem("Height (px)", height),
		widget.NewFormItem("File", container.NewBorder(nil, nil, nil, u.folderButton(file), file)),
	}
	d := dialog.NewForm("Export PNG", "Export", "Cancel", items, func(ok bool) {
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

func sizeValidator(s string) error {
	if n, err := strconv.Atoi(s); err != nil || n < 16 || n > 16384 {
		return fmt.Errorf("a whole number from 16 to 16384")
	}
	return nil
}

// folderButton lets the user pick the folder of the file named in file.
func (u *UI) folderButton(file *widget.Entry) *widget.Button {
	return widget.NewButton("Folder…", func() {
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

// Export renders the map to a PNG at path in the background, written
// atomically: what the window shows of it, or the whole country. The
// status line or an error dialog says how it went, and done, if not nil,
// is called with the outcome.
func (u *UI) Export(path string, w, h int, whole bool, done func(error)) {
	frame := geo.Frame
	if !whole {
		// At least what the window shows, whatever the image's shape.
		frame = u.mapView.Viewport().Bound()
	}
	o := u.mapView.Options()
	o.Theme, o.Decorations, o.Selected, o.Hovered, o.Changed = style.Light(), true, "", "", nil
	o.Title = "Immigration-enforcement cooperation: states, counties, cities"
	r := render.New(u.bounds)
	prov := u.provenance(o.Title)
	u.status.SetText("Exporting " + filepath.Base(path) + "…")
	go func() {
		img := r.Draw(render.ExportViewport(w, h, frame), o)
		err := safefile.Write(path, func(wr io.Writer) error { return pngmeta.Encode(wr, img, prov.Texts()) })
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
		u.status.SetText("Export failed")
		return
	}
	u.app.Preferences().SetString(prefExportDir, filepath.Dir(path))
	u.status.SetText("Exported " + path)
}

// provenance is what exported PNGs record about the data shown.
func (u *UI) provenance(title string) pngmeta.Provenance {
	return pngmeta.Provenance{Title: title, Software: u.software, Source: u.sourceLabel(),
		AsOf: u.data.AsOf().Format("2006-01-02"), Digest: u.data.Digest}
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
	v := u.view
	u.status.SetText("Exporting " + filepath.Base(path) + "…")
	go func() {
		err := safefile.Write(path, func(w io.Writer) error { return table.Write(w, v) })
		u.publish(func() { u.exported(path, err, done) })
	}()
}
