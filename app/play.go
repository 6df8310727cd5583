package app

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// player plays the years: the as-of date steps a month at a time from the
// slider's place (or from the first day, if the slider is at the end) to
// today, with the date shown large over the map. Pausing leaves the slider
// where it stopped.
type player struct {
	button *widget.Button
	date   *canvas.Text // the date, large over the map while playing
	every  time.Duration
	stop   chan struct{} // closed to stop the steps; nil while paused
}

func newPlayer(toggle func()) *player {
	p := &player{every: 100 * time.Millisecond} // 10 frames a second
	p.button = widget.NewButtonWithIcon("", theme.MediaPlayIcon(), toggle)
	p.date = canvas.NewText("", color.Transparent)
	p.date.TextSize = 44
	p.date.TextStyle.Bold = true
	p.date.Hide()
	return p
}

// overlay lays the large date over the bottom left of the map.
func (p *player) overlay(m fyne.CanvasObject) fyne.CanvasObject {
	pad := canvas.NewRectangle(color.Transparent)
	pad.SetMinSize(fyne.NewSize(16, 16))
	return container.NewStack(m, container.NewBorder(nil, container.NewVBox(container.NewHBox(pad, p.date), pad), nil, nil))
}

// togglePlay plays or pauses.
func (u *UI) togglePlay() {
	p := u.player
	if p.stop != nil {
		u.pause()
		return
	}
	// Go on from where the slider is, or from the start if it is at today.
	if u.asOf.IsZero() || !u.asOf.Before(u.today) {
		u.setDay(firstDay)
	}
	p.stop = make(chan struct{})
	p.button.SetIcon(theme.MediaPauseIcon())
	// The date is drawn in the colour of the button's text: the theme the
	// player's own widget is shown in.
	p.date.Color = p.button.Theme().Color(theme.ColorNameForeground, u.app.Settings().ThemeVariant())
	p.date.Show()
	p.date.Text = u.asOf.Format("2006-01")
	p.date.Refresh()
	ticker := time.NewTicker(p.every)
	go u.ticks(p.stop, ticker.C, ticker.Stop)
}

// ticks asks for a step every period until stop closes, one at a time:
// a step not yet done delays the next, so slow frames drop the rate
// rather than pile up.
func (u *UI) ticks(stop chan struct{}, tick <-chan time.Time, stopTicks func()) {
	defer stopTicks()
	done := make(chan struct{}, 1)
	for {
		select {
		case <-stop:
			return
		case <-tick:
		}
		u.publish(func() { u.step(stop); done <- struct{}{} })
		select {
		case <-stop:
			return
		case <-done:
		}
	}
}

// step moves the date a month on, and pauses at today.
func (u *UI) step(stop chan struct{}) {
	p := u.player
	if p.stop != stop {
		return // paused since this step was asked for
	}
	next := u.asOf.AddDate(0, 1, 0)
	if u.asOf.IsZero() || !next.Before(u.today) {
		next = u.today
	}
	u.setDay(next)
	p.date.Text = next.Format("2006-01")
	p.date.Refresh()
	if !next.Before(u.today) {
		u.pause()
	}
}

// pause stops playing; the slider stays where the last step put it.
func (u *UI) pause() {
	p := u.player
	if p.stop == nil {
		return
	}
	close(p.stop)
	p.stop = nil
	p.button.SetIcon(theme.MediaPlayIcon())
	p.date.Hide()
}

// setDay moves the slider to day and shows the map of that day.
func (u *UI) setDay(day time.Time) {
	u.asOfBar.SetValue(day.Sub(firstDay).Hours() / 24)
	u.SetAsOf(day)
}
