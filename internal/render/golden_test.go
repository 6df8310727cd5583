package render

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/style"
)

var update = flag.Bool("update", false, "rewrite the golden images")

// TestGolden compares whole frames with golden images. The rasteriser is
// exact (no anti-aliasing in fills), so the comparison is too; text and
// markers are anti-aliased in float maths that amd64 computes the same way
// every time. Other architectures may fuse multiply-adds differently, so
// the goldens are pinned to amd64.
func TestGolden(t *testing.T) {
	if runtime.GOARCH != "amd64" {
		t.Skipf("golden images are amd64's; this is %s", runtime.GOARCH)
	}
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	for name, o := range map[string]Options{
		"states-policy": {View: at(b, d, geo.States, time.Time{}), Theme: style.Light(), Decorations: true, Title: "Golden", Software: "test", Source: "embedded"},
		"counties-both": {View: at(b, d, geo.Counties, time.Time{}), ColorBy: style.ByBoth, Theme: style.Dark(), Selected: "17031", Hovered: "06"},
		"lawsuits-2021": {View: at(b, d, geo.States, date("2021-01-01")), ColorBy: style.ByLawsuits, Theme: style.Light(), Decorations: true, Software: "test", Source: "embedded"},
	} {
		t.Run(name, func(t *testing.T) {
			img := New(b).Draw(ExportViewport(640, 400, geo.Frame()), o)
			path := filepath.Join("testdata", name+".png")
			if *update {
				f, err := os.Create(path)
				if err != nil {
					t.Fatal(err)
				}
				if err := png.Encode(f, img); err != nil {
					t.Fatal(err)
				}
				if err := f.Close(); err != nil {
					t.Fatal(err)
				}
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			want, err := png.Decode(f)
			if err != nil {
				t.Fatal(err)
			}
			w, ok := want.(*image.RGBA)
			if !ok {
				w = image.NewRGBA(want.Bounds())
				for y := range want.Bounds().Dy() {
					for x := range want.Bounds().Dx() {
						w.Set(x, y, want.At(x, y))
					}
				}
			}
			if !bytes.Equal(w.Pix, img.Pix) {
				os.MkdirAll("testdata/failed", 0o755)
				out, _ := os.Create(filepath.Join("testdata/failed", name+".png"))
				png.Encode(out, img)
				out.Close()
				t.Errorf("%s differs from its golden image (written to testdata/failed)", name)
			}
		})
	}
}
