package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"sanctuarymap/dataset"
	"sanctuarymap/geo"
	"sanctuarymap/places"
)

// maxResults is how many suggestions the search list shows.
const maxResults = 8

func (u *UI) buildSearch() {
	u.search = widget.NewEntry()
	u.search.SetPlaceHolder("Search places (Ctrl+F)")
	u.results = widget.NewList(
		func() int { return len(u.found) },
		func() fyne.CanvasObject { return widget.NewLabel("Cook County, IL (county)") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p := u.found[i]
			o.(*widget.Label).SetText(p.Label + " (" + string(p.Level) + ")")
		})
	u.results.OnSelected = func(i widget.ListItemID) {
		if i < len(u.found) {
			u.GoTo(u.found[i])
		}
		u.results.UnselectAll()
	}
	u.resultsBox = container.NewVScroll(u.results)
	u.resultsBox.SetMinSize(fyne.NewSize(0, 200))
	u.resultsBox.Hide()
	u.search.OnChanged = func(q string) {
		u.found = u.index.Search(q, maxResults)
		u.showResults(len(u.found) > 0)
		u.results.Refresh()
	}
	u.search.OnSubmitted = func(q string) {
		if found := u.index.Search(q, 1); len(found) > 0 {
			u.GoTo(found[0])
		}
	}
}

// showResults shows or hides the suggestions and lays the panel out again,
// which hiding a child alone does not do.
func (u *UI) showResults(show bool) {
	if show {
		u.resultsBox.Show()
	} else {
		u.resultsBox.Hide()
	}
	if u.details != nil {
		u.details.Refresh()
	}
}

func (u *UI) focusSearch() { u.win.Canvas().Focus(u.search) }

// GoTo selects a place, centres the map on it and shows its details.
func (u *UI) GoTo(p places.Place) {
	switch lvl, ok := geo.LevelOf(p.FIPS); {
	case ok && u.bounds.Layer(lvl) != nil && u.bounds.Layer(lvl).Region(p.FIPS) != nil:
		if lvl == geo.Counties {
			u.level.SetSelected(geo.Counties.Label())
		}
		u.mapView.CenterOn(u.bounds.Layer(lvl).Region(p.FIPS).Bound)
	default:
		if c := u.view.Region(p.FIPS); c != nil && c.Level == dataset.City {
			pt := geo.NewAlbersUSA().Project(c.FIPS, orb.Point{c.Lon, c.Lat})
			u.mapView.CenterOn(pt.Bound().Pad(8)) // about a county's size
		}
	}
	u.found = nil
	u.showResults(false)
	u.Select(p.FIPS)
}
