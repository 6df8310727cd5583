package render

import (
	"image/color"
	"math"

	"github.com/paulmach/orb"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/style"
)

// DrawVector draws the map as DrawInto does, onto a vector canvas (gonum's
// SVG and PDF back-ends) of vp.W×vp.H points: regions as paths with their
// edges, state borders, the dots of regions that follow their state, the
// stripes of suits, city markers, and the title, legend and footer as
// text. Patterns have no vector primitive in gonum's canvases, so dots and
// stripes are drawn as marks inside each region, found with the hit-test.
func (r *Renderer) DrawVector(c vg.Canvas, vp geo.Viewport, opt Options) {
	dc := draw.New(vgCanvas{c, vp.H})
	layer := r.layer(opt)
	th := opt.Theme
	dc.SetColor(th.Background)
	dc.Fill(box(0, 0, float64(vp.W), float64(vp.H), vp.H))
	for i, reg := range layer.Regions {
		f, pat := fill(&opt.View.Regions[i], opt)
		p := path(reg.Shape, vp)
		dc.SetColor(f)
		dc.Fill(p)
		dc.SetColor(style.Mix(f, th.CountyBorder, th.CountyAlpha))
		dc.SetLineWidth(0.4)
		dc.Stroke(p)
		if pat != style.Plain {
			r.marks(dc, layer, i, vp, style.DotColor(f), pat.On)
		}
		if s := opt.View.Regions[i].Suit; opt.ColorBy == style.ByBoth && opt.View.Regions[i].Shown && s != dataset.NoSuit {
			r.marks(dc, layer, i, vp, style.HatchColor(), func(x, y int) bool { return style.Hatch(s, x, y) })
		}
	}
	if states := r.bounds.States; states != nil {
		dc.SetColor(th.StateBorder)
		dc.SetLineWidth(1.2)
		for _, reg := range states.Regions {
			dc.Stroke(path(reg.Shape, vp))
		}
	}
	r.vectorCities(dc, vp, opt)
	if opt.Decorations {
		r.vectorDecorations(dc, vp, opt)
	}
}

// vgCanvas flips y: gonum's canvases grow upward, the map's plane down.
type vgCanvas struct {
	vg.Canvas
	h int
}

func (c vgCanvas) Size() (vg.Length, vg.Length) { return 0, vg.Length(c.h) }

// path is shape in points, its rings thinned to vertices at least a
// quarter point apart: the file need not hold detail no one can see.
func path(shape orb.MultiPolygon, vp geo.Viewport) vg.Path {
	var p vg.Path
	for _, poly := range shape {
		for _, ring := range poly {
			var lx, ly float64
			for k, pt := range ring {
				x, y := vp.ToPixel(pt)
				if k > 0 && k < len(ring)-1 && math.Abs(x-lx)+math.Abs(y-ly) < 0.25 {
					continue
				}
				if k == 0 {
					p.Move(vg.Point{X: vg.Length(x), Y: vg.Length(float64(vp.H) - y)})
				} else {
					p.Line(vg.Point{X: vg.Length(x), Y: vg.Length(float64(vp.H) - y)})
				}
				lx, ly = x, y
			}
			p.Close()
		}
	}
	return p
}

// box is the rectangle from (x0, y0) to (x1, y1) in map pixels, as a path.
func box(x0, y0, x1, y1 float64, h int) vg.Path {
	var p vg.Path
	H := float64(h)
	p.Move(vg.Point{X: vg.Length(x0), Y: vg.Length(H - y0)})
	p.Line(vg.Point{X: vg.Length(x1), Y: vg.Length(H - y0)})
	p.Line(vg.Point{X: vg.Length(x1), Y: vg.Length(H - y1)})
	p.Line(vg.Point{X: vg.Length(x0), Y: vg.Length(H - y1)})
	p.Close()
	return p
}

// marks fills, in colour c, each pixel-sized cell of region i's box that
// on(x, y) marks and that lies in the region: the raster's dots and
// stripes, one path a region.
func (r *Renderer) marks(dc draw.Canvas, layer *geo.Layer, i int, vp geo.Viewport, c color.RGBA, on func(x, y int) bool) {
	b := layer.Regions[i].Bound
	x0, y0 := vp.ToPixel(b.Min)
	x1, y1 := vp.ToPixel(b.Max)
	var p vg.Path
	for y := int(max(0, y0)); y < int(min(float64(vp.H), y1+1)); y++ {
		for x := int(max(0, x0)); x < int(min(float64(vp.W), x1+1)); x++ {
			if on(x, y) && layer.RegionAt(vp.ToPlane(float64(x)+0.5, float64(y)+0.5)) == i {
				p = append(p, box(float64(x), float64(y), float64(x+1), float64(y+1), vp.H)...)
			}
		}
	}
	if len(p) > 0 {
		dc.SetColor(c)
		dc.Fill(p)
	}
}

// vectorCities draws the city markers as the raster does.
func (r *Renderer) vectorCities(dc draw.Canvas, vp geo.Viewport, opt Options) {
	for c, px := range r.shownCities(vp, opt) {
		at := vg.Point{X: vg.Length(px[0]), Y: vg.Length(float64(vp.H) - px[1])}
		for _, d := range markerDiscs(c, opt, cityRadius(c, opt, vp)) {
			var p vg.Path
			p.Move(vg.Point{X: at.X + vg.Length(d.r), Y: at.Y})
			p.Arc(at, vg.Length(d.r), 0, 2*math.Pi)
			p.Close()
			dc.SetColor(d.c)
			dc.Fill(p)
		}
	}
}

// vectorDecorations lays out the title, date stamp, footer and legend as
// decorate does, in text.
func (r *Renderer) vectorDecorations(dc draw.Canvas, vp geo.Viewport, opt Options) {
	w, h := vp.W, vp.H
	unit := decorUnit(w, h)
	th := opt.Theme
	// One regular face: gonum's PDF canvas registers a bold face under a
	// name it then cannot find ("undefined font: liberationsans-bold B").
	face := func(size int) draw.TextStyle {
		f := font.Font{Typeface: "Liberation", Variant: "Sans"}
		return draw.TextStyle{Color: th.Text, Font: font.From(f, vg.Length(size)), Handler: plot.DefaultTextHandler}
	}
	text := func(sty draw.TextStyle, x, y int, s string) {
		dc.FillText(sty, vg.Point{X: vg.Length(x), Y: vg.Length(h - y)}, s)
	}
	big := face(unit * 4)
	titleW := w - 2*unit
	if opt.Stamp != "" {
		titleW -= int(big.Width(opt.Stamp)) + unit
		text(big, w-unit-int(big.Width(opt.Stamp)), unit*5, opt.Stamp)
	}
	title := face(unit * 2)
	for i, line := range titleLines(opt.Title, titleW, func(s string) int { return int(title.Width(s)) }) {
		text(title, unit, unit*3+i*unit*5/2, line)
	}
	small := face(unit)
	lines := bottomLines(opt, w-2*unit, func(s string) int { return int(small.Width(s)) })
	for i, line := range lines {
		text(small, unit, h-unit-(len(lines)-1-i)*unit*3/2, line)
	}
	r.vectorLegend(dc, vp, opt, face, legendLift(lines, unit))
}

// vectorLegend draws the legend box at the bottom right, as legendBox
// does, its swatches' dots and stripes as marks.
func (r *Renderer) vectorLegend(dc draw.Canvas, vp geo.Viewport, opt Options, face func(int) draw.TextStyle, lift int) {
	w, h := vp.W, vp.H
	unit := decorUnit(w, h)
	th := opt.Theme
	small := face(unit)
	text := func(sty draw.TextStyle, x, y int, s string) {
		dc.FillText(sty, vg.Point{X: vg.Length(x), Y: vg.Length(h - y)}, s)
	}
	entries := legend(opt.View, opt)
	lineH, boxW := unit*3/2, int(face(unit).Width(legendHeading(opt)))
	for _, e := range entries {
		boxW = max(boxW, unit+unit/2+int(small.Width(e.Text())))
	}
	// A tenth more: an SVG viewer without Liberation Sans sets the text in
	// a wider face.
	boxW = boxW*11/10 + 2*unit
	boxH := (len(entries)+1)*lineH + unit*3/2
	x0, y0 := w-boxW-unit, h-boxH-unit*3-lift
	dc.SetColor(th.Background) // opaque: PDF has no alpha
	dc.Fill(box(float64(x0), float64(y0), float64(x0+boxW), float64(y0+boxH), h))
	y := y0 + unit + unit
	text(face(unit), x0+unit, y, legendHeading(opt))
	for _, e := range entries {
		y += lineH
		sx, sy := x0+unit, y-unit+2
		swatch := box(float64(sx), float64(sy), float64(sx+unit), float64(sy+unit), h)
		dc.SetColor(e.Color)
		dc.Fill(swatch)
		// The swatch's dots or stripes, as the map draws them.
		marks := map[color.RGBA]vg.Path{}
		for py := sy; py < sy+unit; py++ {
			for px := sx; px < sx+unit; px++ {
				if c := e.Swatch(px, py); c != e.Color {
					marks[c] = append(marks[c], box(float64(px), float64(py), float64(px+1), float64(py+1), h)...)
				}
			}
		}
		for c, p := range marks {
			dc.SetColor(c)
			dc.Fill(p)
		}
		dc.SetColor(style.Mix(e.Color, th.Text, 0.5))
		dc.SetLineWidth(0.5)
		dc.Stroke(swatch)
		text(small, sx+unit+unit/2, y, e.Text())
	}
}
