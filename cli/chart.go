package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"slices"
	"time"

	"gonum.org/v1/plot/vg"

	"sanctuarymap/assets"
	"sanctuarymap/chart"
	"sanctuarymap/dataset"
	"sanctuarymap/pngmeta"
	"sanctuarymap/safefile"
	"sanctuarymap/view"
)

// chartArgs are the checked flags of the chart command.
type chartArgs struct {
	out           string
	format        chart.Format
	kind          chart.Kind
	width, height int
	dpi           int
	today         time.Time
	data          multi
}

func runChart(args []string, v Version, stderr io.Writer) int {
	a, code := parseChartArgs(args, stderr)
	if code != OK {
		return code
	}
	d, err := loadData(a.data)
	if err != nil {
		return report(stderr, err)
	}
	b, err := assets.Boundaries()
	if err != nil {
		return report(stderr, err)
	}
	footer := fmt.Sprintf("Data as of %s. Sources: %s. %s", a.today.Format("2006-01-02"), sourceLabel(a.data), v)
	p, err := chart.New(a.kind, view.Resolve(d, b.States, a.today, dataset.Filter{}), chart.Options{Today: a.today, Footer: footer})
	if err != nil {
		return report(stderr, err)
	}
	pt := func(px int) vg.Length { return vg.Length(float64(px) * 72 / float64(a.dpi)) }
	var buf bytes.Buffer
	if err := chart.Write(&buf, p, a.format, pt(a.width), pt(a.height), a.dpi, footer); err != nil {
		return report(stderr, err)
	}
	body := buf.Bytes()
	if a.format == chart.PNG {
		prov := provenance(chart.Titles[a.kind], v, a.data, d)
		if body, err = pngmeta.Insert(body, prov.Texts()); err != nil {
			return report(stderr, err)
		}
	}
	if err := safefile.Write(a.out, func(w io.Writer) error { _, err := w.Write(body); return err }); err != nil {
		return report(stderr, err)
	}
	return OK
}

// parseChartArgs reads and checks the chart command's flags.
func parseChartArgs(args []string, stderr io.Writer) (chartArgs, int) {
	fs := flag.NewFlagSet("chart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "output file: .png, .svg or .pdf (required)")
	kind := fs.String("kind", "", "policy, lawsuits, timeline or pending (required)")
	width := fs.Int("width", 1600, "width in pixels")
	height := fs.Int("height", 1000, "height in pixels")
	dpi := fs.Int("dpi", 144, "dots per inch: text size in pixels grows with it")
	asOf := fs.String("as-of", "", "chart the data as it stood on this date, YYYY-MM-DD")
	var a chartArgs
	fs.Var(&a.data, "data", "dataset CSV file (repeatable); default: the embedded dataset")
	if err := fs.Parse(args); err != nil {
		return a, BadUsage
	}
	bad := func(format string, args ...any) (chartArgs, int) {
		fmt.Fprintf(stderr, "sanctuarymap chart: "+format+"\n", args...)
		return a, BadUsage
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
	if !slices.Contains(chart.Kinds, chart.Kind(*kind)) {
		return bad("--kind must be policy, lawsuits, timeline or pending, not %q", *kind)
	}
	if *width < 100 || *height < 100 || *width > 16384 || *height > 16384 {
		return bad("--width and --height must be between 100 and 16384")
	}
	if *dpi < 36 || *dpi > 1200 {
		return bad("--dpi must be between 36 and 1200")
	}
	a.out, a.format, a.kind, a.width, a.height, a.dpi = *out, format, chart.Kind(*kind), *width, *height, *dpi
	a.today = time.Now().UTC().Truncate(24 * time.Hour)
	if *asOf != "" {
		if a.today, err = time.Parse("2006-01-02", *asOf); err != nil {
			return bad("--as-of %q is not a date YYYY-MM-DD", *asOf)
		}
	}
	return a, OK
}
