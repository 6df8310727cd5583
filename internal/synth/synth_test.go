package synth

import (
	"context"
	"errors"
	"image"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/render"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/view"
)

func TestTractsLoad(t *testing.T) {
	b, err := geo.Load("synth.geojson", Tracts(1000, 1))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(b.Tracts.Regions); n < 990 || n > 1010 {
		t.Errorf("%d tracts, want about 1000", n)
	}
}

// The benchmarks below measure 100,000 tracts: load (target ≤ 2 s), a full
// redraw at 1920×1080 (≤ 100 ms) and a hit-test (≤ 10 µs).

const scale = 100_000

func load100k(b *testing.B) *geo.Boundaries {
	b.Helper()
	bs, err := geo.Load("synth.geojson", Tracts(scale, 1))
	if err != nil {
		b.Fatal(err)
	}
	return bs
}

func BenchmarkLoad100k(b *testing.B) {
	data := Tracts(scale, 1)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := geo.Load("synth.geojson", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCancel100k cancels a load of 100,000 tracts halfway and reports
// how long it takes to stop: cancel-ms, to meet 100 ms.
func BenchmarkCancel100k(b *testing.B) {
	data := Tracts(scale, 1)
	start := time.Now()
	if _, err := geo.Load("synth.geojson", data); err != nil {
		b.Fatal(err)
	}
	half := time.Since(start) / 2
	var worst time.Duration
	for b.Loop() {
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() {
			_, err := geo.LoadContext(ctx, "synth.geojson", data)
			done <- err
		}()
		time.Sleep(half) // let the parse get halfway: the figure is how fast it stops
		cancel()
		t0 := time.Now()
		if err := <-done; !errors.Is(err, context.Canceled) {
			b.Fatalf("cancelled load: %v", err)
		}
		worst = max(worst, time.Since(t0))
	}
	b.ReportMetric(float64(worst.Microseconds())/1000, "cancel-ms")
}

func BenchmarkRedraw100k(b *testing.B) {
	bs := load100k(b)
	_, d, err := assets.Load()
	if err != nil {
		b.Fatal(err)
	}
	embedded, err := assets.Boundaries()
	if err != nil {
		b.Fatal(err)
	}
	all := embedded.Merge(bs)
	r := render.New(all)
	v := view.Resolve(d, all.Tracts, time.Time{}, dataset.Filter{})
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	for i := 0; b.Loop(); i++ {
		// Alternate zoom so every frame rasterises anew.
		vp := geo.Fit(1920, 1080, geo.Frame())
		vp.Zoom = 1 + float64(i%2)*1e-9
		r.DrawInto(img, vp, render.Options{View: v, Theme: style.Light()})
	}
}

func BenchmarkRegionAt100k(b *testing.B) {
	bs := load100k(b)
	a := geo.NewAlbersUSA()
	pts := []orb.Point{a.Project("08", orb.Point{-105, 39.7}), a.Project("36", orb.Point{-74, 40.7}), a.Project("48", orb.Point{-99, 31})}
	for i := 0; b.Loop(); i++ {
		bs.Tracts.RegionAt(pts[i%len(pts)])
	}
}

// TestWriteSynth writes the 100k file for whole-process measurements
// (make bench-scale) when SYNTH_OUT names a folder.
func TestWriteSynth(t *testing.T) {
	dir := os.Getenv("SYNTH_OUT")
	if dir == "" {
		t.Skip("SYNTH_OUT not set")
	}
	if err := os.WriteFile(filepath.Join(dir, "tracts100k.geojson"), Tracts(scale, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
}
