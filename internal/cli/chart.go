package cli

import (
	"flag"
	"fmt"
	"io"
	"time"

	"sanctuarymap/assets"
	"sanctuarymap/internal/chart"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/export"
	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/view"
)

// chartArgs are the checked flags of the chart command.
type chartArgs struct {
	out           string
	kind          chart.Kind
	width, height int
	dpi           int
	today         time.Time
	data          *dataFlags
	lang          i18n.Lang
}

func runChart(args []string, v Version, stderr io.Writer) int {
	a, code := parseChartArgs(args, stderr)
	if code != OK {
		return code
	}
	d, err := loadData(a.data.files, !*a.data.noEmbedded, stderr)
	if err != nil {
		return report(stderr, err)
	}
	b, err := assets.Boundaries()
	if err != nil {
		return report(stderr, err)
	}
	at := func(day time.Time) *view.View { return view.Resolve(d, b.States, day, dataset.Filter{}) }
	opt := chart.Options{Today: a.today, Footer: export.ChartFooter(a.today, a.lang.T(sourceLabel(a.data.files, d)), v.String(), a.lang), At: at, Lang: a.lang}
	prov := export.Provenance(a.lang.T(a.kind.Title()), v.String(), sourceLabel(a.data.files, d), d)
	shown := view.Resolve(d, b.States, a.today, dataset.Filter{})
	if err := export.Chart(a.out, a.kind, shown, opt, a.width, a.height, a.dpi, prov); err != nil {
		return report(stderr, err)
	}
	return OK
}

// parseChartArgs reads and checks the chart command's flags.
func parseChartArgs(args []string, stderr io.Writer) (chartArgs, int) {
	fs := flag.NewFlagSet("chart", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "output file: .png, .svg or .pdf (required)")
	kind := fs.String("kind", "", "policy, lawsuits, timeline, pending, agreements or categories (required)")
	width := fs.Int("width", 1600, "width in pixels")
	height := fs.Int("height", 1000, "height in pixels")
	dpi := fs.Int("dpi", 144, "dots per inch: text size in pixels grows with it")
	asOf := fs.String("as-of", "", "chart the data as it stood on this date, YYYY-MM-DD")
	lang := fs.String("lang", string(i18n.FromEnv()), "the language of the chart's words: en or es (default from the locale)")
	var a chartArgs
	a.data = dataFlagsOf(fs)
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
	if _, err := chart.FormatOf(*out); err != nil {
		return bad("%v", err)
	}
	k, ok := chart.ParseKind(*kind)
	if !ok {
		return bad("--kind must be policy, lawsuits, timeline, pending, agreements or categories, not %q", *kind)
	}
	if export.CheckSize(*width, *height, export.MinChartSide) != nil {
		return bad("--width and --height must be between %d and %d", export.MinChartSide, export.MaxSide)
	}
	if export.CheckDPI(*dpi) != nil {
		return bad("--dpi must be between %d and %d", export.MinDPI, export.MaxDPI)
	}
	l, ok := i18n.Parse(*lang)
	if !ok {
		return bad("--lang must be en or es, not %q", *lang)
	}
	a.out, a.kind, a.width, a.height, a.dpi, a.lang = *out, k, *width, *height, *dpi, l
	a.today = time.Now().UTC().Truncate(24 * time.Hour)
	if *asOf != "" {
		var err error
		if a.today, err = time.Parse(time.DateOnly, *asOf); err != nil {
			return bad("--as-of %q is not a date YYYY-MM-DD", *asOf)
		}
	}
	return a, OK
}
