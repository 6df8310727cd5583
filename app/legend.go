package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/dataset"
	"sanctuarymap/render"
	"sanctuarymap/style"
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

// CreateRenderer implements fyne.Widget.
func (it *legendItem) CreateRenderer() fyne.WidgetRenderer {
	e := it.entry
	swatch := canvas.NewRasterWithPixels(func(x, y, w, h int) color.Color {
		if style.Hatch(e.Hatch, x, y) {
			return style.HatchColor
		}
		return e.Color
	})
	swatch.SetMinSize(fyne.NewSize(16, 16))
	text := canvas.NewText(fmt.Sprintf("%s (%d)", e.Label, e.Count), theme.Color(theme.ColorNameForeground))
	switch {
	case it.isolated:
		text.TextStyle.Bold = true
		text.Text = "▶ " + text.Text
	case it.dimmed:
		text.Color = theme.Color(theme.ColorNameDisabled)
	}
	// Plain text rather than a label: a legend line needs no padding.
	row := container.NewHBox(swatch, text)
	return widget.NewSimpleRenderer(row)
}

// buildLegend lists what the fills mean with counts from the data shown;
// clicking a category isolates it, clicking it again shows all.
func (u *UI) buildLegend(by style.ColorBy) {
	u.legend.RemoveAll()
	for _, e := range render.Legend(u.view, by) {
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
