package app

import (
	"slices"

	"fyne.io/fyne/v2/lang"

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

// newFilterBar builds the bar with the saved choices selected; wire
// connects it to u once the window is built.
func newFilterBar(u *UI) *filterBar {
	f := &filterBar{}
	// The choices are shown in the window's language; preferences keep
	// their English labels, the same whatever the language.
	f.level = widget.NewSelect([]string{lang.L(geo.States.Label()), lang.L(geo.Counties.Label())}, nil)
	saved, _ := geo.ParseLevel(u.pref(prefLevel, []string{geo.States.Label(), geo.Counties.Label()}, geo.States.Label()))
	f.level.Selected, u.lvl = lang.L(saved.Label()), saved
	var colourings []string
	for _, c := range style.ColorBys() {
		colourings = append(colourings, lang.L(c.Label()))
	}
	f.colorBy = widget.NewSelect(colourings, nil)
	savedBy, _ := style.ParseColorBy(u.pref(prefColorBy, labels(style.ColorBys()), style.ByPolicy.Label()))
	f.colorBy.Selected = lang.L(savedBy.Label())
	var suits []string
	for _, st := range suitFilters {
		suits = append(suits, suitLabel(st))
	}
	f.suits = widget.NewSelect(suits, nil)
	f.suits.Selected = suitLabel(nil)
	var lists []string
	for _, c := range listChoices {
		lists = append(lists, lang.L(c))
	}
	f.lists = widget.NewSelect(lists, nil)
	f.lists.Selected = lists[0]
	for _, sel := range []*widget.Select{f.level, f.colorBy, f.suits, f.lists} {
		fitSelect(sel)
	}
	reset := widget.NewButtonWithIcon("", theme.ZoomFitIcon(), u.mapView.Reset)
	// The entry in a box of its own width: an HBox would squeeze it.
	search := container.NewGridWrap(fyne.NewSize(230, u.search.entry.MinSize().Height), u.search.entry)
	f.box = container.NewHBox(search, widget.NewLabel(lang.L("Level")), f.level, widget.NewLabel(lang.L("Colour by")), f.colorBy,
		widget.NewLabel(lang.L("DOJ")), f.suits, f.lists, reset)
	return f
}

// fitSelect makes s as wide as its widest choice in either language:
// Fyne sizes a select by its placeholder, which these never show.
func fitSelect(s *widget.Select) {
	size := theme.TextSize()
	for _, o := range s.Options {
		if fyne.MeasureText(o, size, fyne.TextStyle{}).Width > fyne.MeasureText(s.PlaceHolder, size, fyne.TextStyle{}).Width {
			s.PlaceHolder = o
		}
	}
}

// wire makes each choice update u and refresh, and applies the colouring
// selected.
func (f *filterBar) wire(u *UI) {
	f.level.OnChanged = func(s string) {
		u.lvl = levelOf(s)
		u.app.Preferences().SetString(prefLevel, u.lvl.Label())
		u.refresh()
	}
	f.colorBy.OnChanged = func(s string) {
		u.colourBy(s)
		u.app.Preferences().SetString(prefColorBy, colorByOf(s).Label())
		u.refresh()
	}
	f.suits.OnChanged = func(s string) {
		u.filter.Suit = suitFilters[slices.Index(f.suits.Options, s)]
		u.refresh()
	}
	f.lists.OnChanged = func(s string) {
		u.filter.List = listOfChoice[listChoices[slices.Index(f.lists.Options, s)]]
		u.refresh()
	}
	u.colourBy(f.colorBy.Selected)
}

// colourBy colours the map by the colouring labelled s, with the
// comparison's choices over the legend while it compares.
func (u *UI) colourBy(s string) {
	c := colorByOf(s)
	u.mapView.SetColorBy(c)
	if c == style.ByCompare {
		u.comparer.box.Show()
	} else {
		u.comparer.box.Hide()
	}
	u.legendBox.Refresh()
}

// levelOf reads a level choice as shown (in the window's language).
func levelOf(s string) geo.Level {
	for _, l := range []geo.Level{geo.States, geo.Counties, geo.Tracts} {
		if s == lang.L(l.Label()) {
			return l
		}
	}
	l, _ := geo.ParseLevel(s)
	return l
}

// colorByOf reads a colouring choice as shown.
func colorByOf(s string) style.ColorBy {
	for _, c := range append(style.ColorBys(), style.ByData) {
		if s == lang.L(c.Label()) {
			return c
		}
	}
	c, _ := style.ParseColorBy(s)
	return c
}

func labels(cs []style.ColorBy) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Label()
	}
	return out
}

// suitFilters are the suit filter's choices: every state, then each.
var suitFilters = []*dataset.SuitState{nil, ptr(dataset.SuitPending), ptr(dataset.SuitResolved), ptr(dataset.NoSuit)}

func ptr[T any](v T) *T { return &v }

// suitLabel names the suit filter's choice for state s; nil is every state.
func suitLabel(s *dataset.SuitState) string {
	switch {
	case s == nil:
		return lang.L("All suits")
	case *s == dataset.NoSuit:
		return lang.L("No suit")
	}
	return lang.L("Suit " + s.Word())
}

// listChoices filter by the official lists naming a region.
var (
	listChoices  = []string{"Any list or none", "On the DOJ list", "On the DHS list"}
	listOfChoice = map[string]string{"On the DOJ list": "doj-2025", "On the DHS list": "dhs-2025"}
)
