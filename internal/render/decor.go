package render

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"iter"
	"math"
	"path/filepath"
	"slices"
	"strings"

	"github.com/paulmach/orb"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/sheet"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/view"
)

// fonts are the Go fonts, embedded so exports look the same everywhere.
type fonts struct {
	regular, bold *opentype.Font
	faces         map[faceKey]font.Face
}

type faceKey struct {
	bold bool
	size int
}

func newFonts() *fonts {
	// Parsing the embedded Go fonts cannot fail.
	r, _ := opentype.Parse(goregular.TTF)
	b, _ := opentype.Parse(gobold.TTF)
	return &fonts{regular: r, bold: b, faces: map[faceKey]font.Face{}}
}

// face returns a face of the Go fonts, parsed on first use: only
// decorations need them.
func (r *Renderer) face(bold bool, size int) font.Face {
	if r.fonts == nil {
		r.fonts = newFonts()
	}
	return r.fonts.face(bold, size)
}

func (f *fonts) face(bold bool, size int) font.Face {
	k := faceKey{bold, size}
	if fc, ok := f.faces[k]; ok {
		return fc
	}
	src := f.regular
	if bold {
		src = f.bold
	}
	fc, _ := opentype.NewFace(src, &opentype.FaceOptions{Size: float64(size), DPI: 72, Hinting: font.HintingFull})
	f.faces[k] = fc
	return fc
}

func drawText(img *image.RGBA, face font.Face, c color.Color, x, y int, s string) {
	d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: face, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// backed is s on a panel of th's, so it stays legible where the map runs
// under it, as in an export of a zoomed-in view.
func backed(face font.Face, th style.Theme, x, y int, s string) decoration {
	m := face.Metrics()
	pad := m.Height.Ceil() / 4
	box := image.Rect(x-pad, y-m.Ascent.Ceil()-pad, x+textWidth(face, s)+pad, y+m.Descent.Ceil()+pad)
	return decoration{box, func(img *image.RGBA) {
		draw.Draw(img, box, image.NewUniform(th.Panel), image.Point{}, draw.Over)
		drawText(img, face, th.Text, x, y, s)
	}}
}

func textWidth(face font.Face, s string) int {
	return font.MeasureString(face, s).Ceil()
}

func markerRadius(vp geo.Viewport) float64 {
	return math.Max(3.5, math.Min(float64(vp.W), float64(vp.H))/220)
}

func dist(ax, ay, bx, by float64) float64 { return math.Hypot(ax-bx, ay-by) }

// cityRadius is c's marker radius: the map's, or on a map of a user's
// sheet of towns, grown with the square root of the town's 2020
// population (area for people: 20,000 people the usual size, 0.7 to 3
// times it).
func cityRadius(c *view.Region, opt Options, vp geo.Viewport) float64 {
	rad := markerRadius(vp)
	if opt.ColorBy != style.ByData || !opt.Sheet.Towns() {
		return rad
	}
	p, _ := assets.Place(c.FIPS)
	return rad * min(3, max(0.7, math.Sqrt(float64(p.Population)/20000)))
}

// markerBox is the pixel box a city's marker may touch.
func markerBox(px, py, rad float64) image.Rectangle {
	r := rad + 4
	return image.Rect(int(px-r)-1, int(py-r)-1, int(px+r)+2, int(py+r)+2)
}

// growByCities widens each dirty box to cover every city marker it touches.
func (r *Renderer) growByCities(vp geo.Viewport, opt Options, dirty []image.Rectangle) []image.Rectangle {
	bounds := image.Rect(0, 0, vp.W, vp.H)
	// A box grown over one marker may reach the next: grow until none
	// does.
	for i := range dirty {
		for grown := true; grown; {
			grown = false
			for c, at := range markers(r.proj, vp, opt) {
				if mb := markerBox(at[0], at[1], cityRadius(c, opt, vp)).Intersect(bounds); mb.Overlaps(dirty[i]) && !mb.In(dirty[i]) {
					dirty[i], grown = dirty[i].Union(mb), true
				}
			}
		}
	}
	return dirty
}

// drawCities draws each city as a disc in its fill colour with a dark rim;
// a pending suit adds an outer ring. With only non-nil, it draws just the
// markers inside those boxes. Cities the filter hides are left out.
func (r *Renderer) drawCities(img *image.RGBA, vp geo.Viewport, opt Options, only []image.Rectangle) {
	for c, at := range r.shownCities(vp, opt) {
		rad := cityRadius(c, opt, vp)
		if only != nil && !slices.ContainsFunc(only, func(b image.Rectangle) bool { return markerBox(at[0], at[1], rad).In(b) }) {
			continue
		}
		for _, d := range markerDiscs(c, opt, rad) {
			disc(img, at[0], at[1], d.r, d.c)
		}
	}
}

// shownCities yields the markers the map draws (see markers).
func (r *Renderer) shownCities(vp geo.Viewport, opt Options) iter.Seq2[*view.Region, [2]float64] {
	return markers(r.proj, vp, opt)
}

// markers yields the cities the filter shows whose markers the map draws,
// each with its centre in pixels, for the raster and vector maps and for
// the click alike. They go in v's order (the dataset's cities, then towns
// by population); a marker that would touch one already drawn is left
// out, so none hides another's click. At national scale that thins the
// towns; zooming in spreads them until every one is drawn. A map of a
// user's sheet draws the places with a row in it alone.
func markers(proj *geo.AlbersUSA, vp geo.Viewport, opt Options) iter.Seq2[*view.Region, [2]float64] {
	v := opt.View
	byData := opt.ColorBy == style.ByData
	return func(yield func(*view.Region, [2]float64) bool) {
		gap := 2*markerRadius(vp) + 2 // centres closer than this touch
		kept := map[[2]int][][2]float64{}
		cell := func(x, y float64) [2]int { return [2]int{int(math.Floor(x / gap)), int(math.Floor(y / gap))} }
		for i := range v.Cities {
			c := &v.Cities[i]
			if _, row := opt.Sheet.Value(c.FIPS); !c.Shown || (byData && !row) {
				continue
			}
			x, y := vp.ToPixel(proj.Project(c.FIPS, orb.Point{c.Lon, c.Lat}))
			at, near := cell(x, y), false
			for dx := -1; dx <= 1 && !near; dx++ {
				for dy := -1; dy <= 1 && !near; dy++ {
					for _, k := range kept[[2]int{at[0] + dx, at[1] + dy}] {
						near = near || dist(k[0], k[1], x, y) < gap
					}
				}
			}
			if near {
				continue
			}
			kept[at] = append(kept[at], [2]float64{x, y})
			if !yield(c, [2]float64{x, y}) {
				return
			}
		}
	}
}

// markerDisc is one of the concentric discs of a city marker.
type markerDisc struct {
	r float64
	c color.RGBA
}

// markerDiscs are a city's marker from the outside in, as the raster and
// the vector maps draw it: a ring for a pending suit, a rim (the
// selection's or hover's colour when it is either), its fill, and a dot
// in the middle when it follows its state.
func markerDiscs(c *view.Region, opt Options, rad float64) []markerDisc {
	var out []markerDisc
	if c.Suit == dataset.SuitPending && (opt.ColorBy == style.ByLawsuits || opt.ColorBy == style.ByBoth) {
		out = append(out, markerDisc{rad + 3, style.HatchColor()}, markerDisc{rad + 1.5, opt.Theme.Background})
	}
	rim := opt.Theme.StateBorder
	switch c.FIPS {
	case opt.Selected:
		rim = opt.Theme.Selection
	case opt.Hovered:
		rim = opt.Theme.Hover
	}
	f, pat := fill(c, opt)
	out = append(out, markerDisc{rad, rim}, markerDisc{rad - 1.5, f})
	switch pat {
	case style.Dots:
		out = append(out, markerDisc{rad / 3, style.DotColor(f)})
	case style.Rules:
		// A ring: a marker too small for lines still shows its age.
		out = append(out, markerDisc{rad - 3, style.DotColor(f)}, markerDisc{rad - 4.5, f})
	}
	return out
}

// disc draws an anti-aliased filled circle.
func disc(img *image.RGBA, cx, cy, r float64, c color.RGBA) {
	b := img.Bounds()
	for y := max(b.Min.Y, int(cy-r-1)); y <= min(b.Max.Y-1, int(cy+r+1)); y++ {
		for x := max(b.Min.X, int(cx-r-1)); x <= min(b.Max.X-1, int(cx+r+1)); x++ {
			cov := r + 0.5 - dist(float64(x)+0.5, float64(y)+0.5, cx, cy)
			if cov <= 0 {
				continue
			}
			blend(img, x, y, c, math.Min(1, cov))
		}
	}
}

func blend(img *image.RGBA, x, y int, c color.RGBA, a float64) {
	o := img.PixOffset(x, y)
	p := img.Pix[o : o+3]
	p[0] = uint8(float64(p[0])*(1-a) + float64(c.R)*a + 0.5)
	p[1] = uint8(float64(p[1])*(1-a) + float64(c.G)*a + 0.5)
	p[2] = uint8(float64(p[2])*(1-a) + float64(c.B)*a + 0.5)
}

// LegendEntry is one line of the legend.
type LegendEntry struct {
	Label string
	Color color.RGBA
	Hatch dataset.SuitState // NoSuit: no stripes
	// Pattern is drawn over Color: dots for regions that follow their
	// state's row, rules for facts last confirmed long ago.
	Pattern style.Pattern
	// Faded stands for any fill outside the filter: a modifier, like the
	// patterns, not a colour of its own.
	Faded bool
	Count int
	// Category is set for policy entries, so a legend can isolate it.
	Category dataset.Category
}

// Swatch is the colour of pixel (x, y) of the entry's swatch, drawn as the
// map draws it.
func (e LegendEntry) Swatch(x, y int) color.RGBA {
	switch {
	case style.Hatch(e.Hatch, x, y):
		return style.HatchColor()
	case e.Pattern.On(x, y):
		return style.DotColor(e.Color)
	}
	return e.Color
}

// Legend lists every fill the map of v draws in theme th and what it
// means, with how many regions of the view's level and cities each stands
// for; the lines add up to the whole. cmp is what ByCompare compares.
func Legend(v *view.View, by style.ColorBy, cmp view.Comparison, th style.Theme, l i18n.Lang) []LegendEntry {
	return legend(v, Options{ColorBy: by, Compare: cmp, Theme: th, Lang: l})
}

// SheetLegend is the legend of a map coloured by a user's column: its
// values in order (the twelfth and later as "Other"), and the regions
// without a row.
func SheetLegend(v *view.View, l *sheet.Matched, th style.Theme, lang i18n.Lang) []LegendEntry {
	return legend(v, Options{ColorBy: style.ByData, Sheet: l, Theme: th, Lang: lang})
}

func legend(v *view.View, opt Options) []LegendEntry {
	by, cmp, th, T := opt.ColorBy, opt.Compare, opt.Theme, opt.Lang.T
	if v == nil {
		return nil
	}
	n := v.Counts()
	count := func(c view.Count) int { return c.Regions + c.Cities }
	grey := style.Category(dataset.NoKnownPolicy)
	var out []LegendEntry
	if by == style.ByData {
		if opt.Sheet == nil {
			return hiddenEntry(n, th, T)
		}
		return append(sheetEntries(v, opt.Sheet, th, opt.Lang), hiddenEntry(n, th, T)...)
	}
	if by == style.ByCompare {
		sides := v.CountSides(cmp)
		for _, s := range view.Sides() {
			out = append(out, LegendEntry{Label: cmp.LabelIn(s, opt.Lang), Color: style.Compare(int(s)), Count: count(sides[s])})
		}
	} else if by != style.ByLawsuits {
		for _, c := range dataset.Categories() {
			out = append(out, LegendEntry{Label: T(c.Info().Label), Color: style.Category(c), Count: count(n.Category[c]), Category: c})
		}
		if k := count(n.Basis[view.FollowsState]); k > 0 {
			out = append(out, LegendEntry{Label: T("Dotted: follows its state (no own row)"), Color: grey, Pattern: style.Dots, Count: k})
		}
		if k := count(n.Basis[view.StaleFacts]); k > 0 {
			out = append(out, LegendEntry{Label: fmt.Sprintf(T("Lined: last confirmed over %d years before"), view.StaleAfter), Color: grey, Pattern: style.Rules, Count: k})
		}
		if k := count(n.Basis[view.NoData]); k > 0 {
			out = append(out, LegendEntry{Label: T("No data"), Color: th.NoData, Count: k})
		}
	}
	switch by {
	case style.ByLawsuits:
		out = append(out,
			LegendEntry{Label: T("DOJ suit pending"), Color: style.Suit(dataset.SuitPending), Count: count(n.Suit[dataset.SuitPending])},
			LegendEntry{Label: T("DOJ suit resolved"), Color: style.Suit(dataset.SuitResolved), Count: count(n.Suit[dataset.SuitResolved])},
			LegendEntry{Label: T("No DOJ suit"), Color: style.Suit(dataset.NoSuit), Count: count(n.Suit[dataset.NoSuit])})
		if k := count(n.SuitInherited[dataset.SuitPending]) + count(n.SuitInherited[dataset.SuitResolved]); k > 0 {
			out = append(out, LegendEntry{Label: T("Dotted: its state's suit"), Color: style.Suit(dataset.NoSuit), Pattern: style.Dots, Count: k})
		}
	case style.ByBoth:
		all := func(s dataset.SuitState) int { return count(n.Suit[s]) + count(n.SuitInherited[s]) }
		out = append(out,
			LegendEntry{Label: T("Stripes: DOJ suit pending (own or its state's)"), Color: grey, Hatch: dataset.SuitPending, Count: all(dataset.SuitPending)},
			LegendEntry{Label: T("Sparse stripes: DOJ suit resolved"), Color: grey, Hatch: dataset.SuitResolved, Count: all(dataset.SuitResolved)})
	}
	return append(out, hiddenEntry(n, th, T)...)
}

// hiddenEntry is the legend's line for the regions the filters fade, if
// any.
func hiddenEntry(n view.Counts, th style.Theme, T func(string) string) []LegendEntry {
	if k := n.Hidden.Regions + n.Hidden.Cities; k > 0 {
		grey := style.Category(dataset.NoKnownPolicy)
		return []LegendEntry{{Label: T("Faded: outside the filter"), Color: style.Faded(grey, th), Faded: true, Count: k}}
	}
	return nil
}

// sheetEntries are the legend's lines for a user's column: a line a class
// of a numeric column, with its range, or a line a value (the twelfth and
// later together as "Other"); then the rows with no number, and the
// regions the sheet has no row for.
func sheetEntries(v *view.View, l *sheet.Matched, th style.Theme, lang i18n.Lang) []LegendEntry {
	T := lang.T
	var out []LegendEntry
	if c := l.Classes; c != nil {
		for i := range c.Colors {
			out = append(out, LegendEntry{Label: c.Label(i, lang), Color: c.Colors[i]})
		}
	} else {
		out = make([]LegendEntry, min(len(l.Order), style.SheetColors))
		for i := range out {
			out[i] = LegendEntry{Label: l.Order[i], Color: style.Sheet(i)}
		}
		if len(l.Order) > style.SheetColors {
			out[style.SheetColors-1].Label = T("other values")
		}
	}
	noValue := LegendEntry{Label: fmt.Sprintf(T("No value in %s"), l.By), Color: style.NoValue}
	none := LegendEntry{Label: fmt.Sprintf(T("Dotted: no row in %s"), filepath.Base(l.File)), Color: th.NoData, Pattern: style.Dots}
	shown := [][]view.Region{v.Regions, v.Cities}
	if l.Towns() {
		shown = shown[1:] // the regions are only the ground under the towns
	}
	for _, rs := range shown {
		for i := range rs {
			f := rs[i].FIPS
			val, ok := l.Values[f]
			x, num := l.Nums[f]
			if !ok && rs[i].Level == dataset.City {
				continue // not drawn: the map of a sheet marks its own rows alone
			}
			switch {
			case !ok:
				none.Count++
			case l.Classes != nil && num:
				out[l.Classes.Of(x)].Count++
			case l.Classes != nil:
				noValue.Count++
			default:
				out[min(slices.Index(l.Order, val), style.SheetColors-1)].Count++
			}
		}
	}
	if noValue.Count > 0 {
		out = append(out, noValue)
	}
	if l.Towns() {
		return out // only the sheet's towns are drawn
	}
	return append(out, none)
}

// agreementsNote is the caveat on ICE's 287(g) lists, for a map that
// shows them: a map of a user's sheet does not.
func agreementsNote(opt Options) string {
	if opt.ColorBy == style.ByData {
		return ""
	}
	return opt.View.AgreementsNote(opt.Lang)
}

// bottomLines are the 287(g) caveat and the footer, each wrapped to max as
// width measures text, in the order they stand from the top.
func bottomLines(opt Options, max int, width func(string) int) []string {
	lines := wrap(agreementsNote(opt), max, width)
	return append(lines, wrap(Footer(opt), max, width)...)
}

// legendLift is how far the legend box rises above its place when the
// bottom lines take more than the two lines the layout leaves them.
func legendLift(lines []string, unit int) int { return max(0, len(lines)-2) * unit * 3 / 2 }

// titleLines is the title wrapped to max, on two lines at most: a longer
// one ends in "…" rather than cover the map.
func titleLines(title string, max int, width func(string) int) []string {
	lines := wrap(title, max, width)
	if len(lines) <= 2 {
		return lines
	}
	last := []rune(lines[1])
	for len(last) > 0 && width(string(last)+"…") > max {
		last = last[:len(last)-1]
	}
	return []string{lines[0], string(last) + "…"}
}

// wrap breaks s at spaces into lines no wider than max as width measures
// them; a word wider than max stands on a line of its own.
func wrap(s string, max int, width func(string) int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		switch {
		case line == "":
			line = word
		case width(line+" "+word) <= max:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// Footer is the line under an exported map: the data's date, its
// sources, the boundaries' and the program.
func Footer(opt Options) string {
	d, day, l := opt.View.Data, opt.View.Date, opt.Lang
	date := l.T("Data as loaded.")
	switch {
	case !day.IsZero():
		date = fmt.Sprintf(l.T("Data on %s."), l.Date(day))
	case !d.AsOf().IsZero():
		date = fmt.Sprintf(l.T("Data as of %s."), l.Date(d.AsOf()))
	}
	sheet := ""
	if opt.ColorBy == style.ByData && opt.Sheet != nil {
		sheet = fmt.Sprintf(l.T("Colours: column %s of %s."), opt.Sheet.By, filepath.Base(opt.Sheet.File)) + " "
	}
	return fmt.Sprintf("%s%s %s %s %s", sheet, date, fmt.Sprintf(l.T("Sources: %s."), opt.Source), l.T("Boundaries: US Census Bureau 2023 via us-atlas (ISC)."), opt.Software)
}

// legendHeading names what the legend explains, and its day.
func legendHeading(opt Options) string {
	T := opt.Lang.T
	heading := T("Policy")
	switch opt.ColorBy {
	case style.ByLawsuits:
		heading = T("DOJ lawsuits")
	case style.ByBoth:
		heading = T("Policy and DOJ lawsuits")
	case style.ByCompare:
		heading = T("Official lists compared")
	case style.ByData:
		heading = fmt.Sprintf(T("%s, column %s"), filepath.Base(opt.Sheet.File), opt.Sheet.By)
		if opt.Sheet.Towns() {
			heading += " " + T("(marker area: 2020 population)")
		}
	}
	if day := opt.View.Date; !day.IsZero() {
		heading += ", " + opt.Lang.Date(day)
	}
	return heading
}

// decoration is one of an export's decorations: the box it covers and how
// to draw it, so a band of the frame draws only those it meets.
type decoration struct {
	box  image.Rectangle
	draw func(img *image.RGBA)
}

// decorate draws into img, a frame or a band of one, the decorations it
// meets.
func decorate(img *image.RGBA, decs []decoration) {
	for _, d := range decs {
		if d.box.Overlaps(img.Bounds()) {
			d.draw(img)
		}
	}
}

// decorations lays out the title (top left), the stamp (top right), the
// footer with sources and dates (bottom) and the legend (bottom right) of a
// w×h frame, in the order they are drawn.
func (r *Renderer) decorations(w, h int, opt Options) []decoration {
	th := opt.Theme
	unit := decorUnit(w, h)
	small := r.face(false, unit)
	pad := unit
	var out []decoration
	big := r.face(true, unit*4)
	titleW := w - 2*pad
	if opt.Stamp != "" {
		titleW -= textWidth(big, opt.Stamp) + pad
	}
	title := r.face(true, unit*2)
	for i, line := range titleLines(opt.Title, titleW, func(s string) int { return textWidth(title, s) }) {
		out = append(out, backed(title, th, pad, pad+unit*2+i*unit*5/2, line))
	}
	if opt.Stamp != "" {
		out = append(out, backed(big, th, w-pad-textWidth(big, opt.Stamp), pad+unit*4, opt.Stamp))
	}
	lines := bottomLines(opt, w-2*pad, func(s string) int { return textWidth(small, s) })
	for i, line := range lines {
		out = append(out, backed(small, th, pad, h-pad-(len(lines)-1-i)*unit*3/2, line))
	}
	if entries := legend(opt.View, opt); len(entries) > 0 {
		out = append(out, r.legendBox(entries, w, h-legendLift(lines, unit), opt, unit))
	}
	return out
}

// legendBox is the legend box in the bottom right corner of a w×h frame,
// with text unit pixels high.
func (r *Renderer) legendBox(entries []LegendEntry, w, h int, opt Options, unit int) decoration {
	th, pad := opt.Theme, unit
	small, bold := r.face(false, unit), r.face(true, unit)
	heading := legendHeading(opt)
	lineH := unit * 3 / 2
	sw := unit
	boxW := textWidth(small, heading)
	for _, e := range entries {
		boxW = max(boxW, sw+unit/2+textWidth(small, e.Text()))
	}
	boxW += 2 * pad
	boxH := (len(entries)+1)*lineH + pad*3/2
	x0, y0 := w-boxW-pad, h-boxH-pad*3
	box := image.Rect(x0, y0, x0+boxW, y0+boxH)
	return decoration{box, func(img *image.RGBA) {
		draw.Draw(img, box, image.NewUniform(th.Panel), image.Point{}, draw.Over)
		y := y0 + pad + unit
		drawText(img, bold, th.Text, x0+pad, y, heading)
		for _, e := range entries {
			y += lineH
			if y+lineH/2 < img.Rect.Min.Y || y-lineH >= img.Rect.Max.Y {
				continue // a line another band draws: its glyphs cost more than its pixels
			}
			sr := image.Rect(x0+pad, y-sw+2, x0+pad+sw, y+2)
			for py := max(sr.Min.Y, img.Rect.Min.Y); py < min(sr.Max.Y, img.Rect.Max.Y); py++ {
				for px := sr.Min.X; px < sr.Max.X; px++ {
					c := e.Swatch(px, py)
					// A rim, so a swatch as pale as the panel still shows.
					if px == sr.Min.X || py == sr.Min.Y || px == sr.Max.X-1 || py == sr.Max.Y-1 {
						c = style.Mix(c, th.Text, 0.5)
					}
					img.SetRGBA(px, py, c)
				}
			}
			drawText(img, small, th.Text, sr.Max.X+unit/2, y, e.Text())
		}
	}}
}

// decorUnit is the legend's text size in pixels, from the image size.
func decorUnit(w, h int) int { return max(10, min(w, h*16/9)/110) }

// ExportViewport fits frame into what the title, footer and legend leave
// free of a w×h image, so the legend never covers Florida or Puerto Rico.
func ExportViewport(w, h int, frame orb.Bound) geo.Viewport {
	u := decorUnit(w, h)
	top, bottom, right := u*4, u*9/2, min(w/4, u*22)
	inner := geo.Fit(w-right, h-top-bottom, frame)
	vp := geo.Fit(w, h, frame)
	vp.Zoom = inner.Scale() / vp.Scale()
	s := inner.Scale()
	vp.Center[0] += float64(right) / 2 / s
	vp.Center[1] += (float64(bottom) - float64(top)) / 2 / s
	return vp
}

// Text is the entry's line: its label with its count.
func (e LegendEntry) Text() string { return fmt.Sprintf("%s (%d)", e.Label, e.Count) }
