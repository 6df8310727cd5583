package export

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"sanctuarymap/assets"
	"sanctuarymap/chart"
	"sanctuarymap/dataset"
	"sanctuarymap/geo"
	"sanctuarymap/pngmeta"
	"sanctuarymap/render"
	"sanctuarymap/style"
	"sanctuarymap/view"
)

// A map and a chart written by the one export path carry their
// provenance; sizes outside the limits and unknown formats are refused
// before anything is written.
func TestMapAndChart(t *testing.T) {
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	v := view.Resolve(d, b.States, time.Time{}, dataset.Filter{})
	prov := Provenance("T", "test", "embedded", d)

	path := filepath.Join(dir, "map.png")
	if err := Map(path, b, render.Options{View: v, Theme: style.Light()}, 320, 200, geo.Frame(), prov); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	texts, err := pngmeta.Read(f)
	f.Close()
	if err != nil || !slices.Contains(texts, pngmeta.Text{Key: "Dataset SHA-256", Value: d.Digest}) {
		t.Errorf("map provenance %v, %v", texts, err)
	}

	opt := chart.Options{Today: time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), Footer: ChartFooter(time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC), "embedded", "test")}
	svg := filepath.Join(dir, "chart.svg")
	if err := Chart(svg, chart.Timeline, v, opt, 800, 500, 96, prov); err != nil {
		t.Fatal(err)
	}
	body, _ := os.ReadFile(svg)
	if err := xml.Unmarshal(body, new(struct{})); err != nil {
		t.Errorf("chart.svg is not XML: %v", err)
	}

	for _, c := range []struct {
		err  error
		want string
	}{
		{Map(filepath.Join(dir, "tiny.png"), b, render.Options{View: v}, 8, 200, geo.Frame(), prov), "width and height must be between 16 and 16384 pixels"},
		{Chart(filepath.Join(dir, "small.png"), chart.Policy, v, opt, 99, 500, 96, prov), "width and height must be between 100 and 16384 pixels"},
		{Chart(filepath.Join(dir, "c.png"), chart.Policy, v, opt, 800, 500, 20, prov), "dpi must be between 36 and 1200"},
		{Chart(filepath.Join(dir, "c.gif"), chart.Policy, v, opt, 800, 500, 96, prov), filepath.Join(dir, "c.gif") + ": unknown format; use .png, .svg or .pdf"},
	} {
		if c.err == nil || c.err.Error() != c.want {
			t.Errorf("got %v, want %q", c.err, c.want)
		}
	}
	if names, _ := os.ReadDir(dir); len(names) != 2 {
		t.Errorf("%d files written, want map.png and chart.svg", len(names))
	}
}
