package chart

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gonum.org/v1/plot/cmpimg"
	"gonum.org/v1/plot/vg"

	"sanctuarymap/assets"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/view"
)

var update = flag.Bool("update", false, "rewrite the golden images")

// TestGolden draws every chart of the embedded data on a fixed date and
// compares it with its golden image, allowing for small anti-aliasing
// differences between machines.
func TestGolden(t *testing.T) {
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	today := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	v := view.Resolve(d, b.States, today, dataset.Filter{})
	for _, k := range Kinds() {
		t.Run(string(k), func(t *testing.T) {
			at := func(day time.Time) *view.View { return view.Resolve(d, b.States, day, dataset.Filter{}) }
			p, err := New(k, v, Options{Today: today, At: at})
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := Write(&got, p, PNG, 8*vg.Inch, 5*vg.Inch, 96, "Data as of 2026-11-29. Golden test."); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", string(k)+".png")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if ok, err := cmpimg.EqualApprox("png", got.Bytes(), want, 0.01); err != nil || !ok {
				os.MkdirAll("testdata/failed", 0o755)
				os.WriteFile(filepath.Join("testdata/failed", string(k)+".png"), got.Bytes(), 0o644)
				t.Errorf("%s differs from %s (written to testdata/failed): %v", k, golden, err)
			}
		})
	}
}

func TestEmpty(t *testing.T) {
	d, err := dataset.Load(dataset.File{Name: "j.csv", Data: []byte("fips,name,state,level,category,policy,as_of,source,verification\n08,Colorado,CO,state,STATE_LIMITS,p,2026-01-02,https://e.org,confirmed\n")})
	if err != nil {
		t.Fatal(err)
	}
	b, err := assets.Boundaries()
	if err != nil {
		t.Fatal(err)
	}
	v := view.Resolve(d, b.States, time.Time{}, dataset.Filter{})
	if _, err := New(Timeline, v, Options{}); err == nil || err.Error() != "no lawsuits to chart" {
		t.Errorf("timeline without suits: %v", err)
	}
	if _, err := New("pie", v, Options{}); err == nil {
		t.Error("unknown kind accepted")
	}
	if _, err := FormatOf("chart.gif"); err == nil || err.Error() != "chart.gif: unknown format; use .png, .svg or .pdf" {
		t.Errorf("gif: %v", err)
	}
}

// A tap on a bar of the policy chart finds its category, in either theme
// and at any size; the title finds nothing.
func TestColumnAt(t *testing.T) {
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	v := view.Resolve(d, b.States, time.Time{}, dataset.Filter{})
	for _, c := range []struct {
		w, h, dpi int
		dark      bool
	}{{800, 500, 96, false}, {420, 360, 96, true}, {1200, 700, 192, true}} {
		p, err := New(Policy, v, Options{Dark: c.dark})
		if err != nil {
			t.Fatal(err)
		}
		img := Image(p, vg.Length(c.w*72/c.dpi), vg.Length(c.h*72/c.dpi), c.dpi, "footer").(*image.RGBA)
		bg := style.Light().Background
		if c.dark {
			bg = style.Dark().Background
		}
		if got := img.RGBAAt(1, 1); got != bg {
			t.Errorf("%+v: background %v, want %v", c, got, bg)
		}
		found := 0
		for i, col := range Columns(Policy) {
			want := style.Category(col.Category)
		search:
			for y := range c.h {
				for x := range c.w {
					if solid(img, x, y, want) {
						if got := ColumnAt(Policy, p, c.w, c.h, c.dpi, float64(x)+2.5, float64(y)+2.5); got != i {
							t.Errorf("%+v: bar of %s at (%d,%d) is column %d, want %d", c, col.Category, x, y, got, i)
						}
						found++
						break search
					}
				}
			}
		}
		if found < 2 {
			t.Errorf("%+v: found bars of %d categories", c, found)
		}
		if got := ColumnAt(Policy, p, c.w, c.h, c.dpi, float64(c.w)/2, 3); got != -1 {
			t.Errorf("%+v: the title is column %d", c, got)
		}
	}
}

// solid is whether the 5×5 pixels from (x, y) are all c: a bar, not the
// edge of a glyph.
func solid(img *image.RGBA, x, y int, c color.RGBA) bool {
	for dy := range 5 {
		for dx := range 5 {
			if img.RGBAAt(x+dx, y+dy) != c {
				return false
			}
		}
	}
	return true
}
