package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"gonum.org/v1/plot/vg"

	"sanctuarymap/assets"
	"sanctuarymap/chart"
	"sanctuarymap/dataset"
	"sanctuarymap/pngmeta"
	"sanctuarymap/safefile"
	"sanctuarymap/view"
)

func runChart(args []string, v Version, stderr io.Writer) int {
	fs := flag.NewFlagSet("chart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "output file: .png, .svg or .pdf (required)")
	kind := fs.String("kind", "", "policy, lawsuits, timeline or pending (required)")
	width := fs.Int("width", 1600, "width in pixels")
	height := fs.Int("height", 1000, "height in pixels")
	dpi := fs.Int("dpi", 144, "dots per inch: text size in pixels grows with it")
	asOf := fs.String("as-of", "", "chart the data as it stood on this date, YYYY-MM-DD")
	var data multi
	fs.Var(&data, "data", "dataset CSV file (repeatable); default: the embedded dataset")
	if err := fs.Parse(args); err != nil {
		return BadUsage
	}
	bad := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "sanctuarymap chart: "+format+"\n", a...)
		return BadUsage
	}
	if fs.NArg() > 0 {
		return bad("unexpected argument %q", fs.Arg(0))
	}
	if *out == "" {
		return bad("-o FILE is required")
	}
	format, err := chart.FormatOf(*out)
	if err != nil {
		return bad("%v", err)
	}
	k := chart.Kind(*kind)
	if !strings.Contains(" policy lawsuits timeline pending ", " "+*kind+" ") {
		return bad("--kind must be policy, lawsuits, timeline or pending, not %q", *kind)
	}
	if *width < 100 || *height < 100 || *width > 16384 || *height > 16384 {
		return bad("--width and --height must be between 100 and 16384")
	}
	if *dpi < 36 || *dpi > 1200 {
		return bad("--dpi must be between 36 and 1200")
	}
	today := time.Now().UTC().Truncate(24 * time.Hour)
	if *asOf != "" {
		if today, err = time.Parse("2006-01-02", *asOf); err != nil {
			return bad("--as-of %q is not a date YYYY-MM-DD", *asOf)
		}
	}
	d, err := loadData(data)
	if err != nil {
		return report(stderr, err)
	}
	b, err := assets.Boundaries()
	if err != nil {
		return report(stderr, err)
	}
	footer := fmt.Sprintf("Data as of %s. Sources: %s. %s", today.Format("2006-01-02"), sourceLabel(data), v)
	p, err := chart.New(k, view.Resolve(d, b.States, today, dataset.Filter{}), chart.Options{Today: today, Footer: footer})
	if err != nil {
		return report(stderr, err)
	}
	pt := func(px int) vg.Length { return vg.Length(float64(px) * 72 / float64(*dpi)) }
	var buf bytes.Buffer
	if err := chart.Write(&buf, p, format, pt(*width), pt(*height), *dpi, footer); err != nil {
		return report(stderr, err)
	}
	body := buf.Bytes()
	if format == chart.PNG {
		prov := provenance(chart.Titles[k], v, data, d)
		if body, err = pngmeta.Insert(body, prov.Texts()); err != nil {
			return report(stderr, err)
		}
	}
	if err := safefile.Write(*out, func(w io.Writer) error { _, err := w.Write(body); return err }); err != nil {
		return report(stderr, err)
	}
	return OK
}
