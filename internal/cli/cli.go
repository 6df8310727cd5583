// Package cli is the headless command line: render, validate and chart
// run without a display and share the renderer with the window.
package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/export"
	"sanctuarymap/internal/fileerr"
	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/ice"
	"sanctuarymap/internal/places"
	"sanctuarymap/internal/render"
	"sanctuarymap/internal/safefile"
	"sanctuarymap/internal/sheet"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/view"
)

// Exit statuses.
const (
	OK       = 0
	BadInput = 1
	BadUsage = 2
)

// Version is set by main from the build.
type Version struct {
	Version, Commit string
}

func (v Version) String() string {
	return fmt.Sprintf("sanctuarymap %s (commit %s)", v.Version, v.Commit)
}

// commands are the subcommands by name; Run dispatches on them and
// IsCommand tells them from files to open.
var commands = map[string]func(args []string, v Version, stdout, stderr io.Writer) int{
	"render":   runRender,
	"chart":    func(args []string, v Version, _, stderr io.Writer) int { return runChart(args, v, stderr) },
	"validate": func(args []string, _ Version, stdout, stderr io.Writer) int { return runValidate(args, stdout, stderr) },
	"table":    func(args []string, _ Version, stdout, stderr io.Writer) int { return runTable(args, stdout, stderr) },
	"animate":  func(args []string, v Version, _, stderr io.Writer) int { return runAnimate(args, v, stderr) },
	"version": func(_ []string, v Version, stdout, _ io.Writer) int {
		fmt.Fprintln(stdout, v)
		return OK
	},
	"help": func(_ []string, _ Version, stdout, _ io.Writer) int {
		usage(stdout)
		return OK
	},
}

// IsCommand tells a subcommand or flag from a file to open.
func IsCommand(arg string) bool {
	_, ok := commands[arg]
	return ok || strings.HasPrefix(arg, "-")
}

// Run runs the subcommand in args[0] and returns the exit status. It sets
// the runtime up for a run of a second at most first (see headless).
func Run(args []string, v Version, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return BadUsage
	}
	headless()
	name := args[0]
	switch name {
	case "--version", "-version":
		name = "version"
	case "-h", "--help":
		name = "help"
	}
	if run, ok := commands[name]; ok {
		return run(args[1:], v, stdout, stderr)
	}
	fmt.Fprintf(stderr, "sanctuarymap: unknown command %q\n", args[0])
	usage(stderr)
	return BadUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `usage:
  sanctuarymap [FILE.csv ...]            open the window
  sanctuarymap render -o map.png|svg|pdf|html [--width 1920 --height 1080] [--level states|counties|tracts]
               [--from YYYY-MM-DD [--to YYYY-MM-DD] [--step month]]   (.html: one web page, with a date slider from --from)
               [--color policy|lawsuits|both|compare] [--compare A,B] [--data FILE.csv]... [--boundaries FILE]
               [--by COLUMN [--key COLUMN|NAME_COLUMN,STATE_COLUMN] [--classes 5] [--breaks quantile|equal|jenks|v1,v2,…]
                [--ramp Blues] [--as auto|number|text]]   (colour by a column of your own --data sheet)
               [--title TEXT] [--as-of YYYY-MM-DD]
  sanctuarymap chart -o chart.png|svg|pdf --kind policy|lawsuits|timeline|pending|agreements|categories
               [--width 1600 --height 1000] [--dpi 144] [--data FILE.csv]... [--as-of YYYY-MM-DD]
  sanctuarymap animate -o spread.gif [--from 2014-01-01] [--to YYYY-MM-DD] [--step week|month|year] [--fps 4]
               [--width 1280 --height 720] [--level ...] [--color ...] [--compare A,B] [--data FILE.csv]...
  sanctuarymap table -o view.csv [--level states|counties|tracts] [--as-of YYYY-MM-DD]
               [--data FILE.csv]... [--boundaries FILE] [--by COLUMN ...]   (with a sheet: value and class columns)
                                         what the map shows, one row per region and city (-o -: stdout)
  sanctuarymap validate [FILE ...]       check dataset files as they are (no files: the embedded ones),
                                         and boundary files (.json, .geojson, .topojson)
  sanctuarymap --version

A --data file replaces the embedded file of its own kind (jurisdictions, lawsuits,
agreements or designations) and keeps the others, as the window does; add
--no-embedded to load only your own files.
`)
}

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(s string) error { *m = append(*m, s); return nil }

func runRender(args []string, v Version, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "output file: .png, .svg, .pdf, or .html (one interactive web page)")
	width := fs.Int("width", 1920, "image width in pixels")
	height := fs.Int("height", 1080, "image height in pixels")
	m := mapFlagsOf(fs)
	sf := sheetFlagsOf(fs)
	asOf := fs.String("as-of", "", "show the landscape on this date, YYYY-MM-DD")
	from := fs.String("from", "", "a web page with a date slider: its first day, YYYY-MM-DD")
	to := fs.String("to", "", "… its last day (default today)")
	step := fs.String("step", "month", "… and its step: week, month or year")
	if err := fs.Parse(args); err != nil {
		return BadUsage
	}
	bad := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "sanctuarymap render: "+format+"\n", a...)
		return BadUsage
	}
	_, formatErr := export.MapFormat(*out)
	page := hasExt(*out, ".html")
	switch {
	case fs.NArg() > 0:
		return bad("unexpected argument %q", fs.Arg(0))
	case *out == "":
		return bad("-o FILE is required")
	case formatErr != nil && !page:
		return bad("-o %s: render writes PNG, SVG, PDF or a web page; name the file .png, .svg, .pdf or .html", *out)
	case *from != "" && !page:
		return bad("--from makes a web page with a date slider; name the file .html")
	case export.CheckSize(*width, *height, export.MinMapSide) != nil:
		return bad("--width and --height must be between %d and %d", export.MinMapSide, export.MaxSide)
	}
	lang, ok := i18n.Parse(*m.lang)
	if !ok {
		return bad("--lang must be en or es, not %q", *m.lang)
	}
	opt := render.Options{Theme: style.Light(), Title: lang.T(*m.title), Software: v.String(), Lang: lang}
	lvl, day, code := parseLevelDate(*m.level, *asOf, bad)
	if code == OK {
		opt.ColorBy, opt.Compare, code = colouring(*m.color, *m.compare, bad)
	}
	if code != OK {
		return code
	}
	files, sh, code := splitSheet(*sf.by != "", m.data.files, bad, stderr)
	if code != OK {
		return code
	}
	data := &dataFlags{files: files, noEmbedded: m.data.noEmbedded}
	b, d, code := loadAll(data, *m.bounds, lvl, *m.level, bad, stderr)
	if code != OK {
		return code
	}
	if sh != nil {
		l, code := matchSheet(sf, sh, b, d, lvl, bad, stderr)
		if code != OK {
			return code
		}
		opt.ColorBy, opt.Sheet = style.ByData, l
		if !flagSet(fs, "title") {
			opt.Title = filepath.Base(sh.File) + ": " + l.By
		}
	}
	opt.View = view.Resolve(d, b.Layer(lvl), day, dataset.Filter{})
	if opt.Sheet.Towns() {
		opt.View.AddPlaces(opt.Sheet.Placed())
	}
	opt.Source = lang.T(sourceLabel(data.files, d))
	prov := export.Provenance(opt.Title, v.String(), opt.Source, d)
	if page {
		days := []time.Time{day}
		if *from != "" {
			f, t, err := span(*from, *to)
			if err != nil {
				return bad("%v", err)
			}
			if days, err = export.Frames(f, t, *step); err != nil {
				return bad("%v", err)
			}
		}
		err := safefile.Write(*out, func(w io.Writer) error { return export.HTML(w, b, lvl, d, days, opt, prov) })
		if err != nil {
			return report(stderr, err)
		}
		return OK
	}
	if err := export.Map(*out, b, opt, *width, *height, geo.Frame(), prov); err != nil {
		return report(stderr, err)
	}
	return OK
}

// mapFlags are the flags render and animate share: what to draw and from
// which data.
type mapFlags struct {
	level, color, compare, title, bounds, lang *string
	data                                       *dataFlags
}

func mapFlagsOf(fs *flag.FlagSet) *mapFlags {
	m := &mapFlags{
		level:   fs.String("level", "states", "states, counties, or tracts (from --boundaries)"),
		color:   fs.String("color", "policy", "policy, lawsuits, both or compare"),
		compare: fs.String("compare", "", "colour by two lists or categories side by side: A,B (e.g. doj-2025,dhs-2025)"),
		title:   fs.String("title", export.Title, "title"),
		bounds:  fs.String("boundaries", "", "GeoJSON or TopoJSON boundaries; default: embedded 2023 Census"),
		data:    dataFlagsOf(fs),
		lang:    fs.String("lang", string(i18n.FromEnv()), "the language of the words drawn: en or es (default from the locale)"),
	}
	return m
}

// dataFlags are the flags that say which dataset files to load.
type dataFlags struct {
	files      multi
	noEmbedded *bool
}

func dataFlagsOf(fs *flag.FlagSet) *dataFlags {
	d := &dataFlags{noEmbedded: fs.Bool("no-embedded", false, "load only the --data files, without the embedded files of the kinds they lack")}
	fs.Var(&d.files, "data", "dataset CSV file or ICE sheet (repeatable); it replaces the embedded file of its kind (jurisdictions, lawsuits, agreements, designations) and keeps the others")
	return d
}

// colouring reads the --color and --compare flags: --compare A,B colours
// by the comparison whatever --color says.
func colouring(color, compare string, bad func(string, ...any) int) (style.ColorBy, view.Comparison, int) {
	by, ok := style.ParseColorBy(color)
	if !ok || by == style.ByData {
		return 0, view.Comparison{}, bad("--color must be policy, lawsuits, both or compare, not %q", color)
	}
	cmp := view.Comparison{A: "doj-2025", B: "dhs-2025"}
	if compare != "" {
		c, err := view.ParseComparison(compare)
		if err != nil {
			return 0, view.Comparison{}, bad("%v", err)
		}
		by, cmp = style.ByCompare, c
	}
	return by, cmp, OK
}

// parseLevelDate reads the --level and --as-of flags.
func parseLevelDate(level, asOf string, bad func(string, ...any) int) (geo.Level, time.Time, int) {
	lvl, ok := geo.ParseLevel(level)
	if !ok {
		return 0, time.Time{}, bad("--level must be states, counties or tracts, not %q", level)
	}
	var day time.Time
	if asOf != "" {
		d, err := time.Parse(time.DateOnly, asOf)
		if err != nil {
			return 0, time.Time{}, bad("--as-of %q is not a date YYYY-MM-DD", asOf)
		}
		day = d
	}
	return lvl, day, OK
}

// loadAll loads the user's boundary file and the dataset side by side,
// since neither needs the other, then the embedded boundaries of the
// levels the user's file lacks, and checks that they hold the level asked
// for. Problems with the boundaries are reported before those with the
// data.
func loadAll(data *dataFlags, bounds string, lvl geo.Level, level string, bad func(string, ...any) int, stderr io.Writer) (*geo.Boundaries, *dataset.Dataset, int) {
	var d *dataset.Dataset
	var dataErr error
	var wg sync.WaitGroup
	wg.Go(func() { d, dataErr = loadData(data.files, !*data.noEmbedded, stderr) })
	user := &geo.Boundaries{}
	var err error
	if bounds != "" {
		user, err = geo.LoadFile(bounds)
	}
	var b *geo.Boundaries
	if err == nil {
		b, err = assets.Boundaries(user.Levels()...)
	}
	wg.Wait()
	if err != nil {
		return nil, nil, report(stderr, err)
	}
	b = b.Merge(user)
	if b.Layer(lvl) == nil {
		return nil, nil, bad("--level %s needs a boundary file with %s (--boundaries)", level, level)
	}
	if dataErr != nil {
		return nil, nil, report(stderr, dataErr)
	}
	warn(stderr, d, b)
	return b, d, OK
}

// loadData loads the dataset from files; with embedded, the embedded
// files of the kinds files lack stand beside them, as in the window. An
// ICE sheet among files is read as the embedded agreements laid over with
// its own, noting on stderr the agencies it could not place.
func loadData(files []string, embedded bool, stderr io.Writer) (*dataset.Dataset, error) {
	if len(files) == 0 {
		return assets.Dataset()
	}
	fs, err := dataset.ReadFiles(files...)
	if err != nil {
		return nil, err
	}
	for i, f := range fs {
		if !ice.IsSheet(f.Name, f.Data) {
			continue
		}
		conv, notes, err := ice.Overlay(f.Name, f.Data, time.Now().UTC().Truncate(24*time.Hour))
		if err != nil {
			return nil, err
		}
		for _, n := range notes {
			fmt.Fprintln(stderr, "note: "+f.Name+": "+n)
		}
		fs[i] = conv
	}
	if embedded {
		fs = assets.Beside(fs)
	}
	return dataset.Load(fs...)
}

// sourceLabel names the files d was loaded from for a footer: the user's,
// and whether the embedded files of other kinds stood beside them.
func sourceLabel(files []string, d *dataset.Dataset) string {
	if len(files) == 0 {
		return "Sanctuary Map dataset (sources per row)"
	}
	label := strings.Join(files, ", ")
	if slices.ContainsFunc(d.Files, assets.IsEmbedded) {
		label += " with the embedded dataset's other files"
	}
	return label
}

// warn prints on stderr what a careful reader would question in d but
// that does not stop the load: its own warnings, and names that are not
// those of their FIPS codes in b.
func warn(stderr io.Writer, d *dataset.Dataset, b *geo.Boundaries) {
	for _, w := range append(d.Warnings, places.CheckNames(d, b)...) {
		fmt.Fprintln(stderr, w)
	}
}

// report prints each located problem on its own line and returns BadInput.
func report(stderr io.Writer, err error) int {
	for _, e := range fileerr.All(err) {
		if e.File == "" {
			fmt.Fprintf(stderr, "sanctuarymap: %v\n", e.Err)
			continue
		}
		fmt.Fprintln(stderr, e)
	}
	return BadInput
}

func runValidate(args []string, stdout, stderr io.Writer) int {
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			fmt.Fprintf(stderr, "sanctuarymap validate: unknown flag %q\n", a)
			return BadUsage
		}
	}
	var csvs []string
	for _, a := range args {
		if !geo.IsBoundaryFile(a) {
			csvs = append(csvs, a)
			continue
		}
		bs, err := geo.LoadFile(a)
		if err != nil {
			return report(stderr, err)
		}
		fmt.Fprintf(stdout, "%s: %d states, %d counties, %d tracts\n", a, len(bs.IDs(geo.States)), len(bs.IDs(geo.Counties)), len(bs.IDs(geo.Tracts)))
	}
	if len(csvs) == 0 && len(args) > 0 {
		return OK
	}
	args = csvs
	d, err := loadData(args, false, stderr)
	if err != nil {
		return report(stderr, err)
	}
	b, err := assets.Boundaries()
	if err != nil {
		return report(stderr, err)
	}
	warn(stderr, d, b)
	levels := d.Places()
	asOf := "no jurisdiction row" // a file of agreements or designations alone
	if !d.AsOf().IsZero() {
		asOf = "as of " + d.AsOf().Format(time.DateOnly)
	}
	fmt.Fprintf(stdout, "%s: %d rows for %d jurisdictions (%d states, %d counties, %d cities), %d lawsuits, %s\n",
		sourceLabel(args, d), len(d.Jurisdictions), levels[dataset.State]+levels[dataset.County]+levels[dataset.City], levels[dataset.State], levels[dataset.County], levels[dataset.City],
		len(d.Lawsuits), asOf)
	marks, err := dataset.MarksTable(d)
	if err != nil {
		return report(stderr, err)
	}
	fmt.Fprint(stdout, "Verification marks by level:\n"+marks)
	ids := b.IDs(geo.Counties)
	rep := dataset.Join(d, b.Has, ids)
	for _, m := range append(rep.Unmatched, rep.UnknownDefendants...) {
		fmt.Fprintln(stdout, "note:", m)
	}
	v := view.Resolve(d, b.Counties, time.Time{}, dataset.Filter{})
	var inherited, agreed, own, stale, none int
	for _, r := range v.Regions {
		switch r.Basis() {
		case view.FollowsState:
			inherited++
		case view.StaleFacts:
			stale++
		case view.NoData:
			none++
		default:
			if r.By287g {
				agreed++
			} else {
				own++
			}
		}
	}
	fmt.Fprintf(stdout, "%d agreements, %d designations; of %d counties, %d show their own 287(g) agreement, %d their own policy row, %d their own row last confirmed over %d years before the data's day, %d their state's policy and %d no data (no fact for them or their state)\n",
		len(d.Agreements), len(d.Designations), len(ids), agreed, own, stale, view.StaleAfter, inherited, none)
	return OK
}

func runTable(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("table", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "output CSV file, or - for standard output (required)")
	level := fs.String("level", "states", "states, counties, or tracts (from --boundaries)")
	data := dataFlagsOf(fs)
	bounds := fs.String("boundaries", "", "GeoJSON or TopoJSON boundaries; default: embedded 2023 Census")
	asOf := fs.String("as-of", "", "what held on this date, YYYY-MM-DD")
	sf := sheetFlagsOf(fs)
	if err := fs.Parse(args); err != nil {
		return BadUsage
	}
	bad := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "sanctuarymap table: "+format+"\n", a...)
		return BadUsage
	}
	if fs.NArg() > 0 {
		return bad("unexpected argument %q", fs.Arg(0))
	}
	if *out == "" {
		return bad("-o FILE is required (- for standard output)")
	}
	if *out != "-" && !hasExt(*out, ".csv") {
		return bad("-o %s: table writes CSV only; name the file .csv, or - for standard output", *out)
	}
	lvl, day, code := parseLevelDate(*level, *asOf, bad)
	if code != OK {
		return code
	}
	files, sh, code := splitSheet(*sf.by != "", data.files, bad, stderr)
	if code != OK {
		return code
	}
	data = &dataFlags{files: files, noEmbedded: data.noEmbedded}
	b, d, code := loadAll(data, *bounds, lvl, *level, bad, stderr)
	if code != OK {
		return code
	}
	var l *sheet.Matched
	if sh != nil {
		if l, code = matchSheet(sf, sh, b, d, lvl, bad, stderr); code != OK {
			return code
		}
	}
	v := view.Resolve(d, b.Layer(lvl), day, dataset.Filter{})
	if l.Towns() {
		v.AddPlaces(l.Placed())
	}
	if *out == "-" {
		if err := export.Table(stdout, v, l); err != nil {
			return report(stderr, err)
		}
		return OK
	}
	if err := safefile.Write(*out, func(w io.Writer) error { return export.Table(w, v, l) }); err != nil {
		return report(stderr, err)
	}
	return OK
}

// flagSet reports whether the command line gave flag name.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// hasExt reports whether name ends in ext, in any case: a file named for
// another format would otherwise hold bytes its name does not promise.
func hasExt(name, ext string) bool {
	return strings.EqualFold(filepath.Ext(name), ext)
}

// span reads --from and --to (empty: today) as days.
func span(from, to string) (time.Time, time.Time, error) {
	if to == "" {
		to = time.Now().UTC().Format(time.DateOnly)
	}
	f, err1 := time.Parse(time.DateOnly, from)
	t, err2 := time.Parse(time.DateOnly, to)
	if err1 != nil || err2 != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("--from and --to must be dates YYYY-MM-DD")
	}
	return f, t, nil
}
