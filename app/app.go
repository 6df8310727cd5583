// Package app is the desktop window: the map, its controls and the detail
// panel. It is the only package besides main that imports Fyne.
package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/assets"
	"sanctuarymap/dataset"
	"sanctuarymap/fileerr"
	"sanctuarymap/geo"
	"sanctuarymap/render"
	"sanctuarymap/style"
)

// ID identifies the app to Fyne (preferences live under it).
const ID = "org.sanctuarymap.app"

// UI is the main window and what it shows.
type UI struct {
	app fyne.App
	win fyne.Window

	bounds *geo.Boundaries
	data   *dataset.Dataset

	mapView  *MapView
	detail   *widget.RichText
	hover    *widget.Label
	selected string
}

// New builds the window on a's driver, showing b and d.
func New(a fyne.App, b *geo.Boundaries, d *dataset.Dataset, software string) *UI {
	u := &UI{app: a, win: a.NewWindow("Sanctuary Map"), bounds: b, data: d}
	opt := render.Options{Theme: u.theme(), Software: software, Source: "embedded dataset"}
	u.mapView = NewMapView(b, d, opt)
	u.mapView.OnSelect = u.Select
	u.hover = widget.NewLabel("")
	u.mapView.OnHover = func(name string) { u.hover.SetText(name) }
	u.detail = widget.NewRichText()
	u.detail.Wrapping = fyne.TextWrapWord
	u.Select("")

	level := widget.NewSelect([]string{"States", "Counties"}, func(s string) {
		o := u.mapView.Options()
		o.Level = geo.States
		if s == "Counties" {
			o.Level = geo.Counties
		}
		u.mapView.SetOptions(o)
	})
	level.SetSelected("States")
	colorBy := widget.NewSelect([]string{"Policy", "Lawsuits", "Both"}, func(s string) {
		o := u.mapView.Options()
		o.ColorBy, _ = style.ParseColorBy(map[string]string{"Policy": "policy", "Lawsuits": "lawsuits", "Both": "both"}[s])
		u.mapView.SetOptions(o)
	})
	colorBy.SetSelected("Policy")
	reset := widget.NewButtonWithIcon("", theme.ZoomFitIcon(), u.mapView.Reset)
	bar := container.NewHBox(widget.NewLabel("Level"), level, widget.NewLabel("Colour by"), colorBy, reset, u.hover)

	side := container.NewVScroll(u.detail)
	split := container.NewHSplit(u.mapView, side)
	split.Offset = 0.72
	u.win.SetContent(container.NewBorder(bar, nil, nil, nil, split))
	u.win.Resize(fyne.NewSize(1280, 800))
	u.win.Canvas().SetOnTypedRune(func(r rune) {
		switch r {
		case '0':
			u.mapView.Reset()
		case '+', '=':
			u.mapView.ZoomBy(1.5)
		case '-':
			u.mapView.ZoomBy(1 / 1.5)
		}
	})
	u.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		const step = 60
		switch ev.Name {
		case fyne.KeyEscape:
			u.Select("")
		case fyne.KeyLeft:
			u.mapView.PanBy(step, 0)
		case fyne.KeyRight:
			u.mapView.PanBy(-step, 0)
		case fyne.KeyUp:
			u.mapView.PanBy(0, step)
		case fyne.KeyDown:
			u.mapView.PanBy(0, -step)
		}
	})
	return u
}

func (u *UI) theme() style.Theme {
	if u.app.Settings().ThemeVariant() == theme.VariantDark {
		return style.Dark
	}
	return style.Light
}

// Select shows fips in the detail panel and outlines it ("" clears).
func (u *UI) Select(fips string) {
	u.selected = fips
	o := u.mapView.Options()
	o.Selected = fips
	u.mapView.SetOptions(o)
	u.detail.Segments = detailSegments(u.data, u.bounds, fips)
	u.detail.Refresh()
}

// Window returns the main window.
func (u *UI) Window() fyne.Window { return u.win }

// Run opens the window on the embedded data, or on the CSV files given,
// and returns when it closes.
func Run(files []string, software string) {
	a := fyneapp.NewWithID(ID)
	b, d, err := assets.Load()
	if err != nil {
		panic(fmt.Sprintf("embedded data: %v", err)) // a build defect, not user input
	}
	var loadErr error
	if len(files) > 0 {
		if user, err := dataset.LoadFiles(files...); err != nil {
			loadErr = err
		} else {
			d = user
		}
	}
	u := New(a, b, d, software)
	if loadErr != nil {
		u.showProblems(loadErr)
	}
	u.win.ShowAndRun()
}

// showProblems lists every problem of a failed load, one per line, and
// says that the data already shown stays.
func (u *UI) showProblems(err error) {
	probs := fileerr.All(err)
	text := ""
	for i, p := range probs {
		if i == 20 {
			text += fmt.Sprintf("… and %d more\n", len(probs)-20)
			break
		}
		text += p.Error() + "\n"
	}
	msg := widget.NewLabel(text + "\nThe map still shows the data loaded before.")
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("Could not load the dataset", "OK", container.NewVScroll(msg), u.win)
	d.Resize(fyne.NewSize(700, 400))
	d.Show()
}
