package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/places"
)

// maxResults is how many suggestions the search list shows.
const maxResults = 8

// searchPanel is the search box and the suggestions under it, shown above
// the detail panel while there are any.
type searchPanel struct {
	entry   *escEntry
	results *widget.List
	box     *container.Scroll // the suggestions, hidden when there are none
	found   []places.Place
	// relayout lays the panel holding the suggestions out again, which
	// hiding a child alone does not do.
	relayout func()
}

// newSearchPanel searches ix as the user types; choosing a suggestion or
// pressing Enter calls goTo with the place.
func newSearchPanel(ix func() *places.Index, goTo func(places.Place)) *searchPanel {
	s := &searchPanel{relayout: func() {}}
	s.entry = newEscEntry()
	s.entry.SetPlaceHolder(lang.L("Search places (Ctrl+F)"))
	s.results = widget.NewList(
		func() int { return len(s.found) },
		func() fyne.CanvasObject { return widget.NewLabel("Cook County, IL (county)") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p := s.found[i]
			o.(*widget.Label).SetText(p.Label + " (" + string(p.Level) + ")")
		})
	s.results.OnSelected = func(i widget.ListItemID) {
		if i < len(s.found) {
			goTo(s.found[i])
		}
		s.results.UnselectAll()
	}
	s.box = container.NewVScroll(s.results)
	// Room for about four places: the list sits in the side panel, and a
	// taller one would make the first window outgrow a 1366×768 screen.
	s.box.SetMinSize(fyne.NewSize(0, 140))
	s.box.Hide()
	s.entry.OnChanged = func(q string) {
		s.found = ix().Search(q, maxResults)
		s.show(len(s.found) > 0)
		s.results.Refresh()
	}
	s.entry.OnSubmitted = func(q string) {
		if found := ix().Search(q, 1); len(found) > 0 {
			goTo(found[0])
		}
	}
	return s
}

// show shows or hides the suggestions.
func (s *searchPanel) show(on bool) {
	if on {
		s.box.Show()
	} else {
		s.box.Hide()
	}
	s.relayout()
}

func (u *UI) focusSearch() { u.win.Canvas().Focus(u.search.entry) }

// escEntry is a text entry that hands Escape to OnEscape: Fyne gives a
// key to the focused widget alone, and Escape is to return to the map.
type escEntry struct {
	widget.Entry
	OnEscape func()
}

func newEscEntry() *escEntry {
	e := &escEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *escEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.OnEscape != nil {
		e.OnEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// GoTo selects a place, centres the map on it and shows its details.
func (u *UI) GoTo(p places.Place) {
	switch lvl, ok := geo.LevelOf(p.FIPS); {
	case ok && u.sess.Shown.Bounds.Layer(lvl) != nil && u.sess.Shown.Bounds.Layer(lvl).Region(p.FIPS) != nil:
		if lvl == geo.Counties {
			u.filters.level.SetSelected(lang.L(geo.Counties.Label()))
		}
		u.mapView.CenterOn(u.sess.Shown.Bounds.Layer(lvl).Region(p.FIPS).Bound)
	default:
		if c := u.view.Region(p.FIPS); c != nil && c.Level == dataset.City {
			pt := geo.NewAlbersUSA().Project(c.FIPS, orb.Point{c.Lon, c.Lat})
			u.mapView.CenterOn(pt.Bound().Pad(8)) // about a county's size
		}
	}
	u.search.found = nil
	u.search.show(false)
	u.Select(p.FIPS)
}
