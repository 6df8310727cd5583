package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/style"
)

// filterBar is the row above the map: search, level, colouring, the suit
// and list filters, and the reset button. Each choice updates the UI's
// filter or the map and refreshes.
type filterBar struct {
	level, colorBy, suits, lists *widget.Select
	box                          fyne.CanvasObject
}

func newFilterBar(u *UI) *filterBar {
	f := &filterBar{}
	f.level = widget.NewSelect([]string{geo.States.Label(), geo.Counties.Label()}, func(s string) {
		u.lvl, _ = geo.ParseLevel(s)
		u.app.Preferences().SetString(prefLevel, s)
		u.refresh()
	})
	f.level.SetSelected(u.pref(prefLevel, f.level.Options, geo.States.Label()))
	var colourings []string
	for _, c := range style.ColorBys() {
		colourings = append(colourings, c.Label())
	}
	f.colorBy = widget.NewSelect(colourings, func(s string) {
		c, _ := style.ParseColorBy(s)
		u.mapView.SetColorBy(c)
		if c == style.ByCompare {
			u.comparer.box.Show()
		} else {
			u.comparer.box.Hide()
		}
		if u.legendBox != nil {
			u.legendBox.Refresh()
		}
		u.app.Preferences().SetString(prefColorBy, s)
		u.refresh()
	})
	f.colorBy.SetSelected(u.pref(prefColorBy, f.colorBy.Options, style.ByPolicy.Label()))
	f.suits = widget.NewSelect([]string{"All suits", "Suit pending", "Suit resolved", "No suit"}, func(s string) {
		u.filter.Suit = nil
		for st, name := range map[dataset.SuitState]string{dataset.SuitPending: "Suit pending", dataset.SuitResolved: "Suit resolved", dataset.NoSuit: "No suit"} {
			if s == name {
				u.filter.Suit = &st
			}
		}
		u.refresh()
	})
	f.suits.SetSelected("All suits")
	f.lists = widget.NewSelect(listChoices, func(s string) {
		u.filter.List = listOfChoice[s]
		u.refresh()
	})
	f.lists.SetSelected(listChoices[0])
	reset := widget.NewButtonWithIcon("", theme.ZoomFitIcon(), u.mapView.Reset)
	// The entry in a box of its own width: an HBox would squeeze it.
	search := container.NewGridWrap(fyne.NewSize(230, u.search.entry.MinSize().Height), u.search.entry)
	f.box = container.NewHBox(search, widget.NewLabel("Level"), f.level, widget.NewLabel("Colour by"), f.colorBy,
		widget.NewLabel("DOJ"), f.suits, f.lists, reset)
	return f
}

// listChoices filter by the official lists naming a region.
var (
	listChoices  = []string{"Any list or none", "On the DOJ list", "On the DHS list"}
	listOfChoice = map[string]string{"On the DOJ list": "doj-2025", "On the DHS list": "dhs-2025"}
)
