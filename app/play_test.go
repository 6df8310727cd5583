package app

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"sanctuarymap/geo"
)

// Play steps the as-of date a month at a time, with the date shown large
// over the map; pausing leaves the slider where it stopped; playing stops
// by itself at today.
func TestPlayTheYears(t *testing.T) {
	u := newTestUI(t)
	u.filters.level.SetSelected("Counties")
	u.player.every = time.Millisecond
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	// A step runs only when the test runs the published results, and the
	// next is asked for only after it: the date stops where the test does.
	playTo := func(d time.Time) {
		t.Helper()
		drainUntil(t, u, func() bool { return u.asOf.Equal(d) || u.player.stop == nil })
	}

	u.togglePlay()
	if !u.asOf.Equal(firstDay) || !u.player.date.Visible() || u.player.date.Text != "2014-01" {
		t.Fatalf("playing from %v, date %q shown %v", u.asOf, u.player.date.Text, u.player.date.Visible())
	}
	playTo(day("2014-04-01"))
	if want := day("2014-04-01"); !u.asOf.Equal(want) || !u.view.Date.Equal(want) || u.player.date.Text != "2014-04" {
		t.Errorf("after three steps: as of %v, view %v, date %q", u.asOf, u.view.Date, u.player.date.Text)
	}
	u.togglePlay()
	if u.player.date.Visible() || !u.asOf.Equal(day("2014-04-01")) || u.dayAt(u.asOfBar.Value) != day("2014-04-01") {
		t.Errorf("paused: as of %v, slider at %v", u.asOf, u.dayAt(u.asOfBar.Value))
	}

	u.setDay(day("2026-10-01"))
	u.togglePlay()
	playTo(time.Time{}) // today, 2026-11-29, by way of 2026-11-01: it pauses
	if !u.asOf.IsZero() || u.player.stop != nil || u.player.date.Visible() {
		t.Errorf("at today: as of %v, still playing %v", u.asOf, u.player.stop != nil)
	}
}

// The tooltip of the region under a still pointer says what each day of
// play shows.
func TestTooltipFollowsTheDay(t *testing.T) {
	u := newTestUI(t)
	u.win.Resize(fyne.NewSize(1000, 700))
	u.filters.level.SetSelected("Counties")
	u.mapView.CenterOn(u.sess.Shown.Bounds.Layer(geo.Counties).Region("17031").Bound)
	frame(t, u)
	at := posOf(u, "17031", -88.1, 42.05, 1) // Cook County, away from Chicago's marker
	u.mapView.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
	u.SetAsOf(time.Date(2016, 6, 1, 0, 0, 0, 0, time.UTC))
	if want := "Cook County, IL (county) · Local limits on detainers · no DOJ suit"; u.mapView.tip != want {
		t.Errorf("tooltip on 2016-06-01 %q, want %q", u.mapView.tip, want)
	}
}
