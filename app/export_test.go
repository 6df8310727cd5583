package app

import (
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"github.com/paulmach/orb"

	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/export"
	"sanctuarymap/internal/render"
	"sanctuarymap/internal/style"
)

// exportPNG exports the map at 800×600 and decodes the file.
func exportPNG(t *testing.T, u *UI, whole bool) image.Image {
	t.Helper()
	path := filepath.Join(t.TempDir(), "map.png")
	done := make(chan error, 1)
	u.Export(path, 800, 600, whole, func(err error) { done <- err })
	if err := await(t, u, done); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// The current view exports what the window shows, framed for the image;
// the whole country exports all of it, wherever the window is.
func TestExportFraming(t *testing.T) {
	u := newTestUI(t)
	u.win.Resize(fyne.NewSize(1280, 690))
	frame(t, u)
	u.search.entry.SetText("Cook County, IL")
	u.search.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	frame(t, u)
	shown := u.mapView.Viewport().Bound()

	cook := geo.NewAlbersUSA().Project("17031", orb.Point{-87.75, 41.85})
	texas := geo.NewAlbersUSA().Project("48", orb.Point{-99, 31})
	at := func(img image.Image, frame orb.Bound, p orb.Point) (color.RGBA, bool) {
		x, y := render.ExportViewport(800, 600, frame).ToPixel(p)
		if !(image.Point{int(x), int(y)}.In(img.Bounds())) {
			return color.RGBA{}, false
		}
		return style.RGBA(img.At(int(x), int(y))), true
	}

	img := exportPNG(t, u, false)
	if c, ok := at(img, shown, cook); !ok || c != style.Category(dataset.LocalLimitsDetainers) {
		t.Errorf("current view: Cook County drawn %v (in image %v), want its category's colour", c, ok)
	}
	if _, ok := at(img, shown, texas); ok {
		t.Error("current view of Cook County reaches Texas")
	}
	if !shown.Contains(cook) || shown.Contains(texas) {
		t.Fatalf("the window shows %v", shown)
	}

	u.filters.level.SetSelected("States")
	img = exportPNG(t, u, true)
	if c, ok := at(img, geo.Frame(), texas); !ok || c != style.Category(dataset.StateMandates) {
		t.Errorf("whole country: Texas drawn %v (in image %v)", c, ok)
	}
}

// File → Export animation writes the map shown, through time, as a GIF.
func TestExportAnimation(t *testing.T) {
	u := newTestUI(t)
	u.filters.level.SetSelected("Counties")
	days, err := export.Frames(time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC), "month")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "a.gif")
	done := make(chan error, 1)
	u.ExportAnimation(path, days, 320, 200, 4, func(err error) { done <- err })
	if err := await(t, u, done); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := gif.DecodeAll(f)
	if err != nil || len(g.Image) != 3 {
		t.Errorf("%v: %d frames, want 3", err, len(g.Image))
	}
}
