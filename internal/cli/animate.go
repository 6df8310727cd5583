package cli

import (
	"flag"
	"fmt"
	"io"
	"time"

	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/export"
	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/render"
	"sanctuarymap/internal/style"
)

// runAnimate writes an animated GIF of the map through time.
func runAnimate(args []string, v Version, stderr io.Writer) int {
	fs := flag.NewFlagSet("animate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "output GIF file (required)")
	from := fs.String("from", "2014-01-01", "first day, YYYY-MM-DD (the dataset's facts start on 2014-01-01)")
	to := fs.String("to", time.Now().UTC().Format(time.DateOnly), "last day, YYYY-MM-DD (default today)")
	step := fs.String("step", "month", "week, month or year")
	fps := fs.Int("fps", 4, "frames a second (the last frame is held 3 s)")
	width := fs.Int("width", 1280, "image width in pixels")
	height := fs.Int("height", 720, "image height in pixels")
	m := mapFlagsOf(fs)
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
	}
	first, err1 := time.Parse(time.DateOnly, *from)
	last, err2 := time.Parse(time.DateOnly, *to)
	if err1 != nil || err2 != nil {
		return bad("--from and --to must be dates YYYY-MM-DD")
	}
	days, err := export.Frames(first, last, *step)
	if err != nil {
		return bad("%v", err)
	}
	lang, ok := i18n.Parse(*m.lang)
	if !ok {
		return bad("--lang must be en or es, not %q", *m.lang)
	}
	opt := render.Options{Theme: style.Light(), Title: lang.T(*m.title), Software: v.String(), Lang: lang}
	lvl, _, code := parseLevelDate(*m.level, "", bad)
	if code == OK {
		opt.ColorBy, opt.Compare, code = colouring(*m.color, *m.compare, bad)
	}
	if code != OK {
		return code
	}
	b, d, code := loadAll(m.data, *m.bounds, lvl, *m.level, bad, stderr)
	if code != OK {
		return code
	}
	opt.Source = lang.T(sourceLabel(m.data.files, d))
	prov := export.Provenance(*m.title, v.String(), opt.Source, d)
	if err := export.Animation(*out, b, lvl, d, dataset.Filter{}, opt, days, *width, *height, *fps, geo.Frame(), prov); err != nil {
		return report(stderr, err)
	}
	return OK
}
