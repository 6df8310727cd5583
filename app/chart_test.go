package app

import (
	"image"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/style"
)

// The chart is drawn at the panel's size in pixels, in the window's
// theme, again when the panel is resized; a tap on a column isolates its
// category on the map, a second tap restores.
func TestChartFitsPanelAndFilters(t *testing.T) {
	u := newTestUI(t)
	u.app.Settings().SetTheme(forcedVariant{theme.DefaultTheme(), theme.VariantDark})
	u.win.Resize(fyne.NewSize(1280, 690))
	u.tabs.SelectIndex(2)
	chartShown(t, u)
	check := func() *image.RGBA {
		t.Helper()
		img := u.charts.img.image.(*image.RGBA)
		size, scale := u.charts.img.Size(), u.win.Canvas().Scale()
		if b := img.Bounds(); b.Dx() != int(size.Width*scale) || b.Dy() != int(size.Height*scale) {
			t.Errorf("chart %v for a panel of %v at scale %v", b, size, scale)
		}
		return img
	}
	img := check()
	if got, bg := img.RGBAAt(1, 1), style.Dark().Background; got != bg {
		t.Errorf("chart background %v, want the window's %v", got, bg)
	}

	u.win.Resize(fyne.NewSize(1500, 900))
	chartShown(t, u)
	img = check()

	// Tap the State mandates column where its bar is drawn.
	want := style.Category(dataset.StateMandates)
	scale := u.win.Canvas().Scale()
	for y := range img.Bounds().Dy() {
		for x := range img.Bounds().Dx() {
			if img.RGBAAt(x, y) == want && img.RGBAAt(x+3, y+3) == want {
				pos := fyne.NewPos(float32(x+2)/scale, float32(y+2)/scale)
				u.charts.img.Tapped(&fyne.PointEvent{Position: pos})
				if u.filter.Category != dataset.StateMandates {
					t.Fatalf("tap on its column: filter %+v", u.filter)
				}
				chartShown(t, u)
				u.charts.img.Tapped(&fyne.PointEvent{Position: pos})
				if u.filter.Category != "" {
					t.Errorf("second tap: filter %+v", u.filter)
				}
				return
			}
		}
	}
	t.Fatal("no State mandates bar drawn")
}
