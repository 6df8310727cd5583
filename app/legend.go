package app

import (
	"fmt"
	"image/color"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/render"
	"sanctuarymap/internal/style"
)

// legendItem is one legend line: a swatch drawn as the map draws it and a
// label with the count. Tapping a category line isolates it.
type legendItem struct {
	widget.BaseWidget
	entry    render.LegendEntry
	isolated bool
	dimmed   bool
	onTap    func()
}

func newLegendItem(e render.LegendEntry, isolated, dimmed bool, onTap func()) *legendItem {
	it := &legendItem{entry: e, isolated: isolated, dimmed: dimmed, onTap: onTap}
	it.ExtendBaseWidget(it)
	return it
}

// Tapped implements fyne.Tappable.
func (it *legendItem) Tapped(*fyne.PointEvent) {
	if it.onTap != nil {
		it.onTap()
	}
}

// CreateRenderer implements fyne.Widget. As in fyne's widget/icon.go, the
// state stays on the widget and Refresh reads it, with the theme looked up
// through the widget, so a light/dark switch recolours the text.
func (it *legendItem) CreateRenderer() fyne.WidgetRenderer {
	r := &legendRenderer{it: it, text: canvas.NewText("", color.Black)}
	r.swatch = canvas.NewRasterWithPixels(func(x, y, w, h int) color.Color {
		c := it.entry.Swatch(x, y)
		// A rim, so a swatch as pale as the panel (no data) still shows.
		if x == 0 || y == 0 || x == w-1 || y == h-1 {
			c = style.Mix(c, r.rim, 0.5)
		}
		return c
	})
	r.swatch.SetMinSize(fyne.NewSize(16, 16))
	// Plain text rather than a label: a legend line needs no padding.
	r.row = container.NewHBox(r.swatch, r.text)
	r.Refresh()
	return r
}

type legendRenderer struct {
	it     *legendItem
	swatch *canvas.Raster
	text   *canvas.Text
	row    *fyne.Container
	rim    color.RGBA // the swatch's edge: the text colour
}

func (r *legendRenderer) Layout(s fyne.Size)           { r.row.Resize(s) }
func (r *legendRenderer) MinSize() fyne.Size           { return r.row.MinSize() }
func (r *legendRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.row} }
func (r *legendRenderer) Destroy()                     {}

// Refresh shows the widget's entry and state in the widget's theme.
func (r *legendRenderer) Refresh() {
	it := r.it
	th, v := it.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.text.Text = it.entry.Text()
	r.text.TextStyle.Bold = it.isolated
	r.text.Color = th.Color(theme.ColorNameForeground, v)
	r.rim = style.RGBA(r.text.Color)
	switch {
	case it.isolated:
		r.text.Text = "▶ " + r.text.Text
	case it.dimmed:
		r.text.Color = th.Color(theme.ColorNameDisabled, v)
	}
	r.text.Refresh()
	r.swatch.Refresh()
}

// buildLegend lists what the fills mean with counts from the data shown;
// clicking a category isolates it, clicking it again shows all.
func (u *UI) buildLegend(by style.ColorBy) {
	u.legend.RemoveAll()
	entries := render.Legend(u.view, by, u.compare, u.theme(), u.lang)
	if by == style.ByData {
		l := u.sheetLayer()
		entries = render.SheetLegend(u.view, l, u.theme(), u.lang)
		if l != nil {
			u.legend.Add(widget.NewLabelWithStyle(fmt.Sprintf(lang.L("%s, column %s"), filepath.Base(l.File), l.By), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		}
	}
	for _, e := range entries {
		var tap func()
		if e.Category != "" {
			cat := e.Category
			tap = func() { u.Isolate(cat) }
		}
		isolated := e.Category != "" && e.Category == u.filter.Category
		dimmed := u.filter.Category != "" && !isolated
		u.legend.Add(newLegendItem(e, isolated, dimmed, tap))
	}
	u.legend.Refresh()
}

// Isolate shows only category c, or everything again if c is isolated.
func (u *UI) Isolate(c dataset.Category) {
	if u.filter.Category == c {
		c = ""
	}
	u.filter.Category = c
	u.refresh()
}
