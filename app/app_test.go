package app

import (
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
)

func newTestUI(t *testing.T) *UI {
	t.Helper()
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	return newTestUIOn(t, test.NewTempApp(t))
}

// queues holds each test UI's publish queue. Fyne's test driver runs
// fyne.Do at once on the calling goroutine, so background results would
// touch the UI from worker goroutines; queued, they wait until the test
// goroutine runs them, as the window's own goroutine would.
var queues sync.Map // *UI → chan func()

// newTestUIOn builds the window on a with the embedded data and a queue
// for its background results.
func newTestUIOn(t *testing.T, a fyne.App) *UI {
	t.Helper()
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	q := make(chan func(), 1024)
	u := newUI(a, b, d, "test", time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), func(f func()) { q <- f })
	queues.Store(u, q)
	t.Cleanup(func() {
		u.win.Close()
		queues.Delete(u)
	})
	return u
}

// await runs u's published results on the test goroutine until ch yields,
// and returns what it yields. ch must be buffered: it is sent to from a
// result await itself runs.
func await[T any](t *testing.T, u *UI, ch <-chan T) T {
	t.Helper()
	q, _ := queues.Load(u)
	deadline := time.After(10 * time.Second)
	for {
		select {
		case v := <-ch:
			return v
		case f := <-q.(chan func()):
			f()
		case <-deadline:
			t.Fatal("nothing within 10 s")
		}
	}
}

// drainUntil runs u's published results on the test goroutine until done
// holds: tests wait for what they see, with no hook in the code they test.
func drainUntil(t *testing.T, u *UI, done func() bool) {
	t.Helper()
	q, _ := queues.Load(u)
	deadline := time.After(10 * time.Second)
	for !done() {
		select {
		case f := <-q.(chan func()):
			f()
		case <-deadline:
			t.Fatal("nothing within 10 s")
		}
	}
}

// chartShown runs the published results until the chart asked for last
// is on screen.
func chartShown(t *testing.T, u *UI) {
	t.Helper()
	drainUntil(t, u, func() bool { return u.charts.done == u.charts.gen })
}

// frame draws the window and runs the published results until the map
// shows a frame of its newest state.
func frame(t *testing.T, u *UI) {
	t.Helper()
	u.win.Canvas().Capture()
	drainUntil(t, u, u.mapView.current)
}

// posOf returns the widget position of a lon/lat point at canvas scale s.
func posOf(u *UI, fips string, lon, lat float64, s float32) fyne.Position {
	x, y := u.mapView.Viewport().ToPixel(geo.NewAlbersUSA().Project(fips, orb.Point{lon, lat}))
	return fyne.NewPos(float32(x)/s, float32(y)/s)
}

func TestTapSelectsState(t *testing.T) {
	for _, scale := range []float32{1, 2} {
		u := newTestUI(t)
		u.win.Canvas().(test.WindowlessCanvas).SetScale(scale)
		u.win.Resize(fyne.NewSize(1000, 700))
		frame(t, u)
		if vp := u.mapView.Viewport(); vp.W < 400*int(scale) {
			t.Fatalf("scale %v: raster is %d px wide; want device pixels", scale, vp.W)
		}
		test.TapAt(u.mapView, posOf(u, "08", -105.5, 39.0, scale))
		if u.selected != "08" {
			t.Fatalf("scale %v: selected %q, want 08 (Colorado)", scale, u.selected)
		}
		text := u.details.text.String()
		for _, want := range []string{"Colorado", "FIPS: 08", "STATE_LIMITS", "Sources"} {
			if !strings.Contains(text, want) {
				t.Errorf("scale %v: detail lacks %q:\n%s", scale, want, text)
			}
		}
		// Honolulu is in the Hawaii inset.
		test.TapAt(u.mapView, posOf(u, "15", -157.9, 21.4, scale))
		if u.selected != "15" {
			t.Errorf("scale %v: Hawaii tap selected %q", scale, u.selected)
		}
		// The ocean selects nothing.
		test.TapAt(u.mapView, posOf(u, "06", -130, 30, scale))
		if u.selected != "" {
			t.Errorf("scale %v: ocean tap selected %q", scale, u.selected)
		}
	}
}

// A tap selects at once (the map is no fyne.DoubleTappable, for which the
// driver would hold every tap back 300 ms); a second tap on the same spot
// within the delay resets the view.
func TestDoubleTapResets(t *testing.T) {
	u := newTestUI(t)
	u.win.Resize(fyne.NewSize(1000, 700))
	frame(t, u)
	if _, ok := any(u.mapView).(fyne.DoubleTappable); ok {
		t.Fatal("MapView is a fyne.DoubleTappable: every single tap would wait for the double-tap delay")
	}
	home := u.mapView.Viewport()
	u.mapView.ZoomBy(4)
	p := posOf(u, "08", -105.5, 39.0, 1)
	test.TapAt(u.mapView, p)
	if u.selected != "08" || (u.mapView.Viewport() == home) {
		t.Fatalf("one tap: selected %q, view reset %v", u.selected, (u.mapView.Viewport() == home))
	}
	test.TapAt(u.mapView, p)
	if !(u.mapView.Viewport() == home) {
		t.Error("a double tap did not reset the view")
	}
}

func TestZoomAndReset(t *testing.T) {
	u := newTestUI(t)
	u.win.Resize(fyne.NewSize(1000, 700))
	frame(t, u)
	before := u.mapView.Viewport()
	u.mapView.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(300, 200)}, Scrolled: fyne.NewDelta(0, 10)})
	if z := u.mapView.Viewport().Zoom; z <= before.Zoom {
		t.Errorf("wheel up: zoom %v, was %v", z, before.Zoom)
	}
	test.TypeOnCanvas(u.win.Canvas(), "0")
	if got := u.mapView.Viewport(); got.Zoom != 1 || got.Center != before.Center {
		t.Errorf("after 0: %+v, want the fitted view", got)
	}
}

// The tooltip follows what is under a still pointer when the level or the
// camera changes beneath it, and gives way to the keyboard.
func TestTooltipFollowsTheMap(t *testing.T) {
	u := newTestUI(t)
	u.win.Resize(fyne.NewSize(1000, 700))
	frame(t, u)
	at := posOf(u, "06049", -120.7, 41.6, 1) // Modoc County, California
	u.mapView.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
	if !strings.HasPrefix(u.mapView.tip, "California (state)") {
		t.Fatalf("tooltip %q, want California's", u.mapView.tip)
	}
	u.filters.level.SetSelected("Counties")
	if !strings.HasPrefix(u.mapView.tip, "Modoc, CA (county)") || u.mapView.Options().Hovered != "06049" {
		t.Errorf("at the counties level the tooltip is %q, hovered %q", u.mapView.tip, u.mapView.Options().Hovered)
	}
	u.mapView.CenterOn(u.sess.Shown.Bounds.Layer(geo.Counties).Region("06037").Bound) // Los Angeles
	if strings.Contains(u.mapView.tip, "Modoc") {
		t.Errorf("after the map moved the tooltip still says %q", u.mapView.tip)
	}
	u.mapView.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}})
	u.mapView.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	if u.mapView.tip != "" || u.mapView.Options().Hovered != "" {
		t.Errorf("a key on the map leaves the tooltip %q", u.mapView.tip)
	}
}
