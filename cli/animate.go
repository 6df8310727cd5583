package cli

import (
	"flag"
	"fmt"
	"io"
	"time"

	"sanctuarymap/dataset"
	"sanctuarymap/export"
	"sanctuarymap/geo"
	"sanctuarymap/render"
	"sanctuarymap/style"
	"sanctuarymap/view"
)

// runAnimate writes an animated GIF of the map through time.
func runAnimate(args []string, v Version, stderr io.Writer) int {
	fs := flag.NewFlagSet("animate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "output GIF file (required)")
	from := fs.String("from", "", "first day, YYYY-MM-DD (required)")
	to := fs.String("to", "", "last day, YYYY-MM-DD (required)")
	step := fs.String("step", "month", "week, month or year")
	fps := fs.Int("fps", 4, "frames a second (the last frame is held 3 s)")
	width := fs.Int("width", 1280, "image width in pixels")
	height := fs.Int("height", 720, "image height in pixels")
	level := fs.String("level", "states", "states, counties, or tracts (from --boundaries)")
	color := fs.String("color", "policy", "policy, lawsuits, both or compare")
	compare := fs.String("compare", "", "colour by two lists or categories side by side: A,B")
	title := fs.String("title", export.Title, "title")
	var data multi
	fs.Var(&data, "data", "dataset CSV file (repeatable); default: the embedded dataset")
	bounds := fs.String("boundaries", "", "GeoJSON or TopoJSON boundaries; default: embedded 2023 Census")
	if err := fs.Parse(args); err != nil {
		return BadUsage
	}
	bad := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "sanctuarymap animate: "+format+"\n", a...)
		return BadUsage
	}
	switch {
	case fs.NArg() > 0:
		return bad("unexpected argument %q", fs.Arg(0))
	case *out == "":
		return bad("-o FILE is required")
	case !hasExt(*out, ".gif"):
		return bad("-o %s: animate writes GIF only; name the file .gif", *out)
	case *from == "" || *to == "":
		return bad("--from and --to are required (YYYY-MM-DD)")
	}
	first, err1 := time.Parse("2006-01-02", *from)
	last, err2 := time.Parse("2006-01-02", *to)
	if err1 != nil || err2 != nil {
		return bad("--from and --to must be dates YYYY-MM-DD")
	}
	days, err := export.Frames(first, last, *step)
	if err != nil {
		return bad("%v", err)
	}
	opt := render.Options{Theme: style.Light(), Title: *title, Software: v.String(), Compare: view.Comparison{A: "doj-2025", B: "dhs-2025"}}
	var ok bool
	if opt.ColorBy, ok = style.ParseColorBy(*color); !ok {
		return bad("--color must be policy, lawsuits, both or compare, not %q", *color)
	}
	if *compare != "" {
		c, err := view.ParseComparison(*compare)
		if err != nil {
			return bad("%v", err)
		}
		opt.ColorBy, opt.Compare = style.ByCompare, c
	}
	lvl, _, code := parseLevelDate(*level, "", bad)
	if code != OK {
		return code
	}
	b, d, code := loadAll(data, *bounds, lvl, *level, bad, stderr)
	if code != OK {
		return code
	}
	opt.Source = sourceLabel(data)
	prov := export.Provenance(*title, v.String(), opt.Source, d)
	if err := export.Animation(*out, b, lvl, d, dataset.Filter{}, opt, days, *width, *height, *fps, geo.Frame(), prov); err != nil {
		return report(stderr, err)
	}
	return OK
}
