// Package chart draws the dataset as charts with gonum/plot: jurisdictions
// by category and level, suits by status, a timeline of suits and the
// number of pending suits over time. Colours match the map's.
package chart

import (
	"fmt"
	"image"
	"image/color"
	"io"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"

	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/view"
)

// Kind names a chart.
type Kind string

const (
	Policy   Kind = "policy"   // jurisdictions by category, split by level
	Lawsuits Kind = "lawsuits" // suits by status
	Timeline Kind = "timeline" // one bar per suit, filing to status date
	Pending  Kind = "pending"  // pending suits over time
	// Agreements counts the 287(g) agreements in force month by month,
	// by model.
	Agreements Kind = "agreements"
	// Categories counts the regions and cities in each category month by
	// month.
	Categories Kind = "categories"
)

// Kinds lists every chart, in menu order.
func Kinds() []Kind { return []Kind{Policy, Lawsuits, Timeline, Pending, Agreements, Categories} }

// ParseKind reads a kind by its name, as --kind takes it.
func ParseKind(s string) (Kind, bool) {
	k := Kind(s)
	return k, slices.Contains(Kinds(), k)
}

// Title is the chart's heading.
func (k Kind) Title() string {
	switch k {
	case Policy:
		return "Jurisdictions by policy category"
	case Lawsuits:
		return "DOJ lawsuits by status"
	case Timeline:
		return "DOJ lawsuits: from filing to the latest status"
	case Pending:
		return "DOJ lawsuits pending over time"
	case Agreements:
		return "287(g) agreements in force, by model"
	case Categories:
		return "Jurisdictions in each category over time"
	}
	return string(k)
}

// Label names the chart in a menu.
func (k Kind) Label() string {
	switch k {
	case Policy:
		return "By category"
	case Lawsuits:
		return "Lawsuits by status"
	case Timeline:
		return "Lawsuit timeline"
	case Pending:
		return "Pending suits over time"
	case Agreements:
		return "287(g) agreements over time"
	case Categories:
		return "Categories over time"
	}
	return string(k)
}

// Options say what a chart covers and how it is labelled.
type Options struct {
	// Today ends pending suits' bars and the pending line.
	Today time.Time
	// Footer names the source and date, as the map's does.
	Footer string
	// Dark draws light text on the dark theme's background, for the
	// window; exports are drawn on white.
	Dark bool
	// At resolves the map's level, with its filters, on another day: the
	// charts of change draw a month at a time up to Today.
	At func(day time.Time) *view.View
	// Lang is the language of the chart's words: title, axes, categories.
	Lang i18n.Lang
}

// New builds the chart of kind k from v: the regions and cities it shows,
// and its dataset as of its day.
func New(k Kind, v *view.View, opt Options) (*plot.Plot, error) {
	var p *plot.Plot
	var err error
	d := v.Data
	switch k {
	case Policy:
		p, err = policy(v, opt)
	case Lawsuits:
		p, err = lawsuits(d)
	case Timeline:
		p, err = timeline(d, opt)
	case Pending:
		p, err = pending(d, opt)
	case Agreements:
		p, err = agreementsOverTime(opt)
	case Categories:
		p, err = categoriesOverTime(opt)
	default:
		return nil, fmt.Errorf("unknown chart %q; want policy, lawsuits, timeline, pending, agreements or categories", k)
	}
	if err != nil {
		return nil, err
	}
	T := opt.Lang.T
	p.Title.Text = T(k.Title())
	p.X.Label.Text, p.Y.Label.Text = T(p.X.Label.Text), T(p.Y.Label.Text)
	sans(p)
	if opt.Dark {
		colour(p, style.Dark())
	}
	return p, nil
}

// colour sets p's background and every text and axis line in th's colours.
func colour(p *plot.Plot, th style.Theme) {
	p.BackgroundColor = th.Background
	p.Title.TextStyle.Color = th.Text
	p.Legend.TextStyle.Color = th.Text
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Color, a.Label.TextStyle.Color, a.Tick.Label.Color, a.Tick.Color = th.Text, th.Text, th.Text, th.Text
	}
}

// Columns are what the columns of a bar chart stand for, left to right:
// a policy category each, or a suit status; nil for the other kinds.
type Column struct {
	Category dataset.Category
	Status   dataset.Status
}

// Columns lists the columns of a chart of kind k.
func Columns(k Kind) []Column {
	var cs []Column
	switch k {
	case Policy:
		for _, c := range dataset.Categories() {
			cs = append(cs, Column{Category: c})
		}
	case Lawsuits:
		for _, s := range dataset.Statuses() {
			cs = append(cs, Column{Status: s})
		}
	}
	return cs
}

// ColumnAt returns the index of the column (a row of bars, counted from
// the top) of a bar chart under pixel (x, y) of p drawn by Image at w×h
// pixels and dpi: over its bar, the space beside it or its label. It
// returns -1 elsewhere, and for charts without columns.
func ColumnAt(k Kind, p *plot.Plot, w, h, dpi int, x, y float64) int {
	n := len(Columns(k))
	pt := func(px float64) vg.Length { return vg.Length(px * 72 / float64(dpi)) }
	c := draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: pt(float64(w)), Y: pt(float64(h))}}}
	data := p.DataCanvas(plotArea(c))
	at := vg.Point{X: pt(x), Y: pt(float64(h) - y)} // vg's y grows upward
	if n < 2 || at.X > data.Max.X || at.X < plotArea(c).Min.X {
		return -1
	}
	_, trY := p.Transforms(&data)
	half := (trY(1) - trY(0)) / 2
	for i := range n {
		if at.Y >= trY(float64(i))-half && at.Y < trY(float64(i))+half {
			return n - 1 - i
		}
	}
	return -1
}

// sans sets every text of p in Liberation Sans, which reads better on screen
// than gonum's default serif; the fonts are embedded, so output is the same
// everywhere.
func sans(p *plot.Plot) {
	for _, f := range []*font.Font{&p.Title.TextStyle.Font, &p.X.Label.TextStyle.Font, &p.Y.Label.TextStyle.Font,
		&p.X.Tick.Label.Font, &p.Y.Tick.Label.Font, &p.Legend.TextStyle.Font} {
		f.Variant = "Sans"
	}
	p.Title.TextStyle.Font.Size = vg.Points(14)
}

var levelOrder = []dataset.Level{dataset.State, dataset.County, dataset.Tract, dataset.City}

var levelNames = map[dataset.Level]string{dataset.State: "States", dataset.County: "Counties (lighter)", dataset.Tract: "Tracts (lighter)", dataset.City: "Cities (lightest)"}

// policy stacks the regions and cities the map shows per category, by
// level.
func policy(v *view.View, opt Options) (*plot.Plot, error) {
	p := plot.New()
	p.X.Label.Text = "Regions and cities on the map"
	var names []string
	for _, c := range dataset.Categories() {
		names = append(names, wrap(opt.Lang.T(c.Info().Label), 22))
	}
	shades := map[dataset.Level]float64{dataset.State: 0, dataset.County: 0.35, dataset.Tract: 0.35, dataset.City: 0.6}
	counts := map[dataset.Level][]float64{}
	for _, lvl := range levelOrder {
		counts[lvl] = make([]float64, len(dataset.Categories()))
	}
	present := map[dataset.Level]bool{}
	for _, rs := range [][]view.Region{v.Regions, v.Cities} {
		for i := range rs {
			if r := &rs[i]; r.Shown {
				counts[r.Level][slices.Index(dataset.Categories(), r.Category)]++
				present[r.Level] = true
			}
		}
	}
	// One stack per category in its colour: states at the bottom, then
	// counties and cities in lighter tints.
	for i, c := range dataset.Categories() {
		var below *plotter.BarChart
		for _, lvl := range levelOrder {
			b, err := bar(len(dataset.Categories()), i, counts[lvl][i], style.Mix(style.Category(c), color.RGBA{0xff, 0xff, 0xff, 0xff}, shades[lvl]))
			if err != nil {
				return nil, err
			}
			if below != nil {
				b.StackOn(below)
			}
			below = b
			p.Add(b)
		}
	}
	for _, lvl := range levelOrder {
		if present[lvl] {
			p.Legend.Add(opt.Lang.T(levelNames[lvl]), swatch(grey(shades[lvl])))
		}
	}
	p.Legend.Top = true
	p.Legend.Left = false
	p.NominalY(topDown(names)...)
	p.X.Min = 0
	p.X.Tick.Marker = integerTicks{}
	return p, nil
}

// topDown orders the names of horizontal bars as bar places them: the
// first at the top, as in the map's legend.
func topDown(names []string) []string {
	names = slices.Clone(names)
	slices.Reverse(names)
	return names
}

func grey(shade float64) color.Color {
	return style.Mix(color.RGBA{0x60, 0x60, 0x60, 0xff}, color.RGBA{0xff, 0xff, 0xff, 0xff}, shade)
}

// statusColor colours suits by status: pending in the map's pending green,
// resolved ones in the resolved green or greys by outcome.
func statusColor(s dataset.Status) color.Color {
	switch s {
	case dataset.Pending:
		return style.Suit(dataset.SuitPending)
	case dataset.OnAppeal:
		return style.Mix(style.Suit(dataset.SuitPending), color.RGBA{0xff, 0xff, 0xff, 0xff}, 0.3)
	case dataset.RuledForPlaintiff, dataset.Settled:
		return color.RGBA{0x76, 0x2a, 0x83, 0xff}
	case dataset.Mixed:
		return color.RGBA{0xaf, 0x8d, 0xc3, 0xff}
	}
	return style.Suit(dataset.SuitResolved)
}

func lawsuits(d *dataset.Dataset) (*plot.Plot, error) {
	p := plot.New()
	p.X.Label.Text = "Suits"
	n := make([]float64, len(dataset.Statuses()))
	for _, s := range d.Lawsuits {
		n[slices.Index(dataset.Statuses(), s.Status)]++
	}
	for i, st := range dataset.Statuses() {
		b, err := bar(len(dataset.Statuses()), i, n[i], statusColor(st))
		if err != nil {
			return nil, err
		}
		p.Add(b)
	}
	p.X.Max = slices.Max(n) + 1 // room beside the longest bar
	var names []string
	for _, s := range dataset.Statuses() {
		names = append(names, strings.ReplaceAll(string(s), "_", " "))
	}
	p.NominalY(topDown(names)...)
	p.X.Min = 0
	p.X.Tick.Marker = integerTicks{}
	return p, nil
}

// year turns a date into fractional years for the time axes.
func year(t time.Time) float64 {
	start := time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	next := start.AddDate(1, 0, 0)
	return float64(t.Year()) + t.Sub(start).Hours()/next.Sub(start).Hours()
}

// end is where a suit's bar stops: its status date when resolved, today
// while pending (or when the date is unknown).
func end(s *dataset.Lawsuit, today time.Time) time.Time {
	if s.Status.IsPending() || s.StatusDate.IsZero() {
		return today
	}
	return s.StatusDate
}

// bars draws one horizontal bar per suit.
type bars struct {
	suits []*dataset.Lawsuit
	today time.Time
}

func (b bars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	h := vg.Points(5)
	for i, s := range b.suits {
		x0, x1 := trX(year(s.Filed)), trX(year(end(s, b.today)))
		if x1-x0 < vg.Points(2) {
			x1 = x0 + vg.Points(2)
		}
		y := trY(float64(i))
		col := statusColor(s.Status)
		if !s.Status.IsPending() && s.StatusDate.IsZero() {
			// Resolved on a date nobody recorded: the bar runs to today, faded.
			col = style.Mix(style.RGBA(col), color.RGBA{0xff, 0xff, 0xff, 0xff}, 0.6)
		}
		c.FillPolygon(col, []vg.Point{{X: x0, Y: y - h}, {X: x1, Y: y - h}, {X: x1, Y: y + h}, {X: x0, Y: y + h}})
	}
}

func (b bars) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, xmax = math.Inf(1), math.Inf(-1)
	for _, s := range b.suits {
		xmin = math.Min(xmin, year(s.Filed))
		xmax = math.Max(xmax, year(end(s, b.today)))
	}
	return math.Floor(xmin), math.Ceil(xmax), -0.5, float64(len(b.suits)) - 0.5
}

func timeline(d *dataset.Dataset, opt Options) (*plot.Plot, error) {
	suits := slices.Clone(d.Lawsuits)
	if len(suits) == 0 {
		return nil, fmt.Errorf("no lawsuits to chart")
	}
	// Newest at the top: the plot's y axis grows upward.
	slices.SortStableFunc(suits, func(a, b *dataset.Lawsuit) int { return a.Filed.Compare(b.Filed) })
	p := plot.New()
	p.X.Label.Text = "Year. Bars end at the latest status date; pending suits, and faded ones resolved on an unknown date, run to " + opt.Today.Format(time.DateOnly)
	p.Add(bars{suits, opt.Today}, plotter.NewGrid())
	var names []string
	for _, s := range suits {
		names = append(names, shorten(s.Name, 48))
	}
	p.NominalY(names...)
	for _, st := range []dataset.Status{dataset.Pending, dataset.OnAppeal, dataset.Dismissed, dataset.RuledForPlaintiff, dataset.Mixed} {
		p.Legend.Add(strings.ReplaceAll(string(st), "_", " "), swatch(statusColor(st)))
	}
	p.Legend.Top = true
	p.Legend.Left = true
	p.X.Tick.Marker = integerTicks{}
	return p, nil
}

// pending counts suits pending at each filing or status date.
func pending(d *dataset.Dataset, opt Options) (*plot.Plot, error) {
	if len(d.Lawsuits) == 0 {
		return nil, fmt.Errorf("no lawsuits to chart")
	}
	type event struct {
		t     time.Time
		delta int
	}
	var evs []event
	for _, s := range d.Lawsuits {
		evs = append(evs, event{s.Filed, 1})
		if !s.Status.IsPending() && !s.StatusDate.IsZero() {
			evs = append(evs, event{s.StatusDate, -1})
		}
	}
	slices.SortStableFunc(evs, func(a, b event) int { return a.t.Compare(b.t) })
	// One step per day: a filing and a ruling on the same day cancel out.
	var pts plotter.XYs
	n := 0
	for i, e := range evs {
		if i > 0 && evs[i-1].t.Equal(e.t) {
			n += e.delta
			pts[len(pts)-1].Y = float64(n)
			continue
		}
		pts = append(pts, plotter.XY{X: year(e.t), Y: float64(n)})
		n += e.delta
		pts = append(pts, plotter.XY{X: year(e.t), Y: float64(n)})
	}
	pts = append(pts, plotter.XY{X: year(opt.Today), Y: float64(n)})
	line, err := plotter.NewLine(pts)
	if err != nil {
		return nil, err
	}
	line.Color = style.Suit(dataset.SuitPending)
	line.Width = vg.Points(2)
	line.FillColor = style.Mix(style.Suit(dataset.SuitPending), color.RGBA{0xff, 0xff, 0xff, 0xff}, 0.7)
	p := plot.New()
	p.Add(plotter.NewGrid(), line)
	p.X.Label.Text = "Year"
	p.Y.Label.Text = "Suits pending"
	p.Y.Min = 0
	p.X.Tick.Marker = integerTicks{}
	p.Y.Tick.Marker = integerTicks{}
	return p, nil
}

// integerTicks marks whole numbers only, years and counts, at most ten,
// at round steps (1, 2 or 5 times a power of ten).
type integerTicks struct{}

func (integerTicks) Ticks(min, max float64) []plot.Tick {
	step := 1.0
	for i := 0; (max-min)/step > 10; i++ {
		step *= []float64{2, 2.5, 2}[i%3] // 1, 2, 5, 10, 20, 50, …
	}
	var ts []plot.Tick
	for v := math.Ceil(min); v <= max; v += step {
		ts = append(ts, plot.Tick{Value: v, Label: fmt.Sprint(v)})
	}
	return ts
}

// bar is a horizontal bar chart with a single bar of length v in row i
// of n, counted from the top, so that each bar can have its own colour.
// Horizontal bars leave room for the labels in a narrow panel.
func bar(n, i int, v float64, c color.Color) (*plotter.BarChart, error) {
	vals := make(plotter.Values, n)
	vals[n-1-i] = v
	b, err := plotter.NewBarChart(vals, vg.Points(14))
	if err != nil {
		return nil, err
	}
	b.Horizontal = true
	b.Color = c
	b.LineStyle.Width = 0
	return b, nil
}

func swatch(c color.Color) plot.Thumbnailer { return swatchThumb{c} }

func (s swatchThumb) Thumbnail(c *draw.Canvas) {
	c.FillPolygon(s.c, []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Min.X, Y: c.Max.Y}})
}

type swatchThumb struct{ c color.Color }

func wrap(s string, width int) string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			lines = append(lines, line)
			line = w
			continue
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return strings.Join(append(lines, line), "\n")
}

func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// Format is an output format, chosen by the file's extension.
type Format string

const (
	PNG Format = "png"
	SVG Format = "svg"
	PDF Format = "pdf"
)

// FormatOf returns the format for a file name.
func FormatOf(path string) (Format, error) {
	switch f := Format(strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")); f {
	case PNG, SVG, PDF:
		return f, nil
	}
	return "", fmt.Errorf("%s: unknown format; use .png, .svg or .pdf", path)
}

// Write draws p with a footer line at w×h points (PNG at dpi dots per inch).
func Write(out io.Writer, p *plot.Plot, f Format, w, h vg.Length, dpi int, footer string) error {
	var c interface {
		vg.CanvasSizer
		io.WriterTo
	}
	switch f {
	case PNG:
		c = vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi))}
	case SVG:
		c = vgsvg.New(w, h)
	case PDF:
		c = vgpdf.New(w, h)
	default:
		return fmt.Errorf("unknown format %q", f)
	}
	drawOn(c, p, footer)
	_, err := c.WriteTo(out)
	return err
}

// Image draws p with a footer line into a w×h image at dpi dots per inch,
// straight into the pixels: no PNG to encode and decode again.
func Image(p *plot.Plot, w, h vg.Length, dpi int, footer string) image.Image {
	c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi))
	drawOn(c, p, footer)
	return c.Image()
}

// drawOn draws p on c above a footer line, on p's background.
func drawOn(c vg.CanvasSizer, p *plot.Plot, footer string) {
	dc := draw.New(c)
	fill(dc, p.BackgroundColor)
	text := style.Mix(style.RGBA(p.Title.TextStyle.Color), style.RGBA(p.BackgroundColor), 0.25)
	sty := draw.TextStyle{Color: text, Font: font.From(font.Font{Typeface: "Liberation", Variant: "Sans"}, vg.Points(8)), Handler: plot.DefaultTextHandler}
	dc.FillText(sty, vg.Point{X: dc.Min.X + vg.Points(6), Y: dc.Min.Y + vg.Points(5)}, footer)
	p.Draw(plotArea(dc))
}

// plotArea is the part of c the plot takes: all but the footer line and
// a small margin.
func plotArea(c draw.Canvas) draw.Canvas {
	return draw.Crop(c, vg.Points(4), -vg.Points(8), vg.Points(16), -vg.Points(4))
}

func fill(c draw.Canvas, col color.Color) {
	c.FillPolygon(col, []vg.Point{{X: c.Min.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Min.Y}, {X: c.Max.X, Y: c.Max.Y}, {X: c.Min.X, Y: c.Max.Y}})
}
