// Package render draws the map and its decorations into images, with no
// GUI toolkit: the command line, the tests and the window share it.
package render

import (
	"encoding/binary"
	"errors"
	"image"
	"image/color"
	"maps"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/paulmach/orb"

	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/sheet"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/view"
)

// Options say what to draw.
type Options struct {
	// View is what holds for each region on its day, at its level: the
	// map draws the view's level and nothing the view does not say.
	View    *view.View
	ColorBy style.ColorBy
	// Compare is what ByCompare sets side by side.
	Compare view.Comparison
	// Sheet is the user's column ByData colours by.
	Sheet *sheet.Matched
	// Lang is the language of the words drawn: legend, footer, notes.
	Lang  i18n.Lang
	Theme style.Theme
	// Selected and Hovered are FIPS codes outlined on the map.
	Selected, Hovered string
	// Changed marks regions a reload changed.
	Changed map[string]bool
	// Decorations adds title, legend and footer, as exports have.
	Decorations bool
	Title       string
	// Stamp is drawn large at the top right, as animations date their
	// frames.
	Stamp string
	// Source and Software are named in the footer.
	Source   string
	Software string
}

// Renderer draws one set of boundaries and data. It keeps the last
// rasterised frame, so redrawing the same view with other colours or
// outlines costs only a pass over the pixels. It is not safe for
// concurrent use.
type Renderer struct {
	bounds *geo.Boundaries
	proj   *geo.AlbersUSA
	fonts  *fonts
	buf    idBuffer
	valid  bool
}

// New returns a renderer of b.
func New(b *geo.Boundaries) *Renderer {
	return &Renderer{bounds: b, proj: geo.NewAlbersUSA()}
}

// Draw renders the view into a new image.
func (r *Renderer) Draw(vp geo.Viewport, opt Options) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, vp.W, vp.H))
	r.DrawInto(img, vp, opt)
	return img
}

// BandRows is how many rows DrawBands draws at a time.
const BandRows = 64

// DrawBands draws the view of b once, as an export does, a band of BandRows
// rows at a time on every core, and hands each band to emit as soon as it
// is drawn: an image holding frame rows y0 to y0+BandRows (fewer at the
// bottom), at their rows in the frame, with the row above but for the first
// band, which a PNG's Up filter reads. Each core rasterises into an id
// buffer of its own a band high, so neither the frame's id buffer nor its
// image (8 MB each at 1920×1080) is made: fresh memory is slow to come by
// (see docs/DESIGN.md). Outlines need the whole id buffer: with them it
// draws the frame as Draw does and hands out bands of it. emit may be
// called from several goroutines at once; DrawBands returns its first
// error.
func DrawBands(b *geo.Boundaries, vp geo.Viewport, opt Options, emit func(y0 int, img *image.RGBA) error) error {
	band := func(y0 int) image.Rectangle { return image.Rect(0, max(y0-1, 0), vp.W, min(y0+BandRows, vp.H)) }
	if opt.Selected != "" || opt.Hovered != "" || len(opt.Changed) > 0 {
		full := New(b).Draw(vp, opt)
		for y0 := 0; y0 < vp.H; y0 += BandRows {
			if err := emit(y0, full.SubImage(band(y0)).(*image.RGBA)); err != nil {
				return err
			}
		}
		return nil
	}
	r := New(b)
	layer := r.layer(opt)
	pal := r.palette(layer, vp, opt)
	errs := make([]error, (vp.H+BandRows-1)/BandRows)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			r := New(b) // fonts and their caches are not for sharing
			var decs []decoration
			if opt.Decorations {
				decs = r.decorations(vp.W, vp.H, opt)
			}
			// A band with the rows above and below it, made once.
			buf := idBuffer{ids: make([]int32, 0, vp.W*(BandRows+3))}
			pix := make([]byte, 4*vp.W*(BandRows+1))
			for y0 := int(next.Add(BandRows)) - BandRows; y0 < vp.H; y0 = int(next.Add(BandRows)) - BandRows {
				rect := band(y0)
				img := &image.RGBA{Pix: pix[:4*rect.Dx()*rect.Dy()], Stride: 4 * vp.W, Rect: rect}
				// Borders read the rows above and below.
				buf.hold(layer, vp, max(rect.Min.Y-1, 0), min(rect.Max.Y+1, vp.H))
				buf.rasterizeRows(layer, vp, buf.top, buf.top+len(buf.ids)/vp.W)
				for y := rect.Min.Y; y < rect.Max.Y; y++ {
					paintRow(img, &buf, y, 0, vp.W, pal)
				}
				r.drawCities(img, vp, opt, nil)
				decorate(img, decs)
				errs[y0/BandRows] = emit(y0, img)
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// DrawInto renders the view into img, which must be vp.W×vp.H.
func (r *Renderer) DrawInto(img *image.RGBA, vp geo.Viewport, opt Options) {
	layer := r.layer(opt)
	if !r.valid || r.buf.layer != layer || r.buf.vp != vp {
		r.buf.rasterize(layer, vp)
		r.valid = true
	}
	pal := r.palette(layer, vp, opt)
	r.paint(img, pal, image.Rect(0, 0, vp.W, vp.H))
	r.outlines(img, layer, opt)
	r.drawCities(img, vp, opt, nil)
	if opt.Decorations {
		decorate(img, r.decorations(vp.W, vp.H, opt))
	}
}

func (r *Renderer) layer(opt Options) *geo.Layer {
	if l := r.bounds.Layer(opt.View.Level); l != nil {
		return l
	}
	return r.bounds.States
}

func (r *Renderer) outlines(img *image.RGBA, layer *geo.Layer, opt Options) {
	r.outline(img, layer, opt.Selected, opt.Theme.Selection, 3)
	r.outline(img, layer, opt.Hovered, opt.Theme.Hover, 2)
	for fips := range opt.Changed {
		r.outline(img, layer, fips, opt.Theme.Changed, 2)
	}
}

// Redraw returns a new frame of the view. When prev is this renderer's last
// frame of the same view and only the hover or selection moved, it copies
// prev and repaints just the regions whose outlines changed, so moving the
// pointer costs a copy rather than a full paint.
func (r *Renderer) Redraw(prev *image.RGBA, prevOpt Options, vp geo.Viewport, opt Options) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, vp.W, vp.H))
	layer := r.layer(opt)
	if prev == nil || prev.Bounds() != img.Bounds() || !r.valid || r.buf.layer != layer || r.buf.vp != vp ||
		opt.Decorations || !sameFills(prevOpt, opt) {
		r.DrawInto(img, vp, opt)
		return img
	}
	copy(img.Pix, prev.Pix)
	var dirty []image.Rectangle
	for _, fips := range []string{prevOpt.Hovered, prevOpt.Selected, opt.Hovered, opt.Selected} {
		if c := opt.View.Region(fips); c != nil && c.Level == dataset.City {
			px, py := vp.ToPixel(r.proj.Project(c.FIPS, orb.Point{c.Lon, c.Lat}))
			dirty = append(dirty, markerBox(px, py, cityRadius(c, opt, vp)).Intersect(img.Bounds()))
		}
		if i := layer.Index(fips); i >= 0 {
			x0, y0 := vp.ToPixel(layer.Regions[i].Bound.Min)
			x1, y1 := vp.ToPixel(layer.Regions[i].Bound.Max)
			// Outlines are up to 3 px deep; a pixel's border depends on its neighbours.
			dirty = append(dirty, image.Rect(int(x0)-5, int(y0)-5, int(x1)+6, int(y1)+6).Intersect(img.Bounds()))
		}
	}
	// City markers are blended: a marker under a repainted box is repainted
	// whole, so none is blended twice.
	dirty = r.growByCities(vp, opt, dirty)
	pal := r.palette(layer, vp, opt)
	for _, d := range dirty {
		r.paint(img, pal, d)
	}
	r.outlines(img, layer, opt)
	r.drawCities(img, vp, opt, dirty)
	return img
}

// sameFills reports whether two options colour every region alike.
func sameFills(a, b Options) bool {
	return a.View == b.View && a.ColorBy == b.ColorBy && a.Compare == b.Compare && a.Sheet == b.Sheet && a.Theme == b.Theme && maps.Equal(a.Changed, b.Changed)
}

// fill is the colour of a region or city marker as the view resolves it,
// and the pattern over it: dots where it follows its state, rules where
// its own fact was last confirmed long ago.
func fill(reg *view.Region, opt Options) (color.RGBA, style.Pattern) {
	var c color.RGBA
	pat := style.Plain
	switch {
	case opt.ColorBy == style.ByLawsuits:
		c = style.Suit(reg.Suit)
		if reg.SuitInherited {
			pat = style.Dots
		}
	case opt.ColorBy == style.ByCompare:
		c = style.Compare(int(reg.SideOf(opt.Compare)))
	case opt.ColorBy == style.ByData:
		// No row: the theme's no-data fill, dotted, apart from the
		// palest class of any ramp; a sheet of towns leaves the regions
		// plain under its markers.
		c, pat = opt.Theme.NoData, style.Dots
		if opt.Sheet.Towns() && reg.Level != dataset.City {
			pat = style.Plain
		} else if opt.Sheet != nil {
			if sc, ok := opt.Sheet.Colour(reg.FIPS); ok {
				c, pat = sc, style.Plain
			}
		}
	default:
		switch reg.Basis() {
		case view.NoData:
			c = opt.Theme.NoData
		case view.FollowsState:
			c, pat = style.Category(reg.Category), style.Dots
		case view.StaleFacts:
			c, pat = style.Category(reg.Category), style.Rules
		default:
			c = style.Category(reg.Category)
		}
	}
	if !reg.Shown {
		c = style.Faded(c, opt.Theme)
	}
	return c, pat
}

func (r *Renderer) fills(opt Options) ([]color.RGBA, []style.Pattern, []dataset.SuitState) {
	regs := opt.View.Regions
	fills := make([]color.RGBA, len(regs))
	pats := make([]style.Pattern, len(regs))
	suits := make([]dataset.SuitState, len(regs))
	for i := range regs {
		fills[i], pats[i] = fill(&regs[i], opt)
		if regs[i].Shown {
			suits[i] = regs[i].Suit
		}
	}
	return fills, pats, suits
}

// minEdgedPixels is the size below which a region's edges are not drawn.
const minEdgedPixels = 6

// palette prepares the colours paintRow needs: each region's fill and
// county-edge colour packed as little-endian RGBA words, one store a pixel.
func (r *Renderer) palette(layer *geo.Layer, vp geo.Viewport, opt Options) *palette {
	fills, pats, suits := r.fills(opt)
	th := opt.Theme
	fill := make([]uint32, len(fills))
	edge := make([]uint32, len(fills))
	dot := make([]uint32, len(fills))
	scale := vp.Scale()
	for i, c := range fills {
		fill[i] = pack(c)
		dot[i] = fill[i]
		if pats[i] != style.Plain {
			dot[i] = pack(style.DotColor(c))
		}
		edge[i] = pack(style.Mix(c, th.CountyBorder, th.CountyAlpha))
		// Level of detail: regions a few pixels wide would be all border,
		// so their inner edges are left out until the user zooms in.
		if b := layer.Regions[i].Bound; (b.Max[0]-b.Min[0])*scale < minEdgedPixels && (b.Max[1]-b.Min[1])*scale < minEdgedPixels {
			edge[i] = fill[i]
		}
	}
	return &palette{state: stateIndex(layer), fill: fill, edge: edge, dot: dot, pattern: pats, suits: suits, hatch: opt.ColorBy == style.ByBoth,
		bg: pack(th.Background), stateBorder: pack(th.StateBorder), hatchColor: pack(style.HatchColor())}
}

// paint colours the pixels of rect from the id buffer: fill, hatching, and
// borders where the region changes, heavier (on both sides) where the state
// changes. Rows are independent, so bands of them go to every core.
func (r *Renderer) paint(img *image.RGBA, pal *palette, rect image.Rectangle) {
	var wg sync.WaitGroup
	bands := runtime.NumCPU()
	h := rect.Dy()
	for band := range bands {
		wg.Go(func() {
			for y := rect.Min.Y + band*h/bands; y < rect.Min.Y+(band+1)*h/bands; y++ {
				paintRow(img, &r.buf, y, rect.Min.X, rect.Max.X, pal)
			}
		})
	}
	wg.Wait()
}

// palette is what paintRow needs to colour a pixel.
type palette struct {
	state                       []int32 // region → state number
	fill, edge                  []uint32
	dot                         []uint32 // the pattern's colour; the fill's where there is none
	pattern                     []style.Pattern
	suits                       []dataset.SuitState
	hatch                       bool
	bg, stateBorder, hatchColor uint32
}

func paintRow(img *image.RGBA, b *idBuffer, y, x0, x1 int, p *palette) {
	w := b.w
	row := b.row(y)
	up, down := row, row // beyond the image edge counts as the same region
	if y > 0 {
		up = b.row(y - 1)
	}
	if y+1 < b.h {
		down = b.row(y + 1)
	}
	up, down = up[:len(row)], down[:len(row)]
	pix := img.Pix[img.PixOffset(0, y) : img.PixOffset(0, y)+4*w]
	left := row[max(x0-1, 0)]
	for x := x0; x < x1; x++ {
		id := row[x]
		right := id
		if x+1 < w {
			right = row[x+1]
		}
		var c uint32
		switch {
		case id < 0:
			c = p.bg
		case left == id && right == id && up[x] == id && down[x] == id:
			c = p.fill[id] // inside a region: most pixels
		default:
			c = p.border(id, left, right, up[x], down[x])
		}
		if id >= 0 && c == p.fill[id] {
			switch {
			case p.hatch && style.Hatch(p.suits[id], x, y):
				c = p.hatchColor
			case p.pattern[id].On(x, y):
				c = p.dot[id]
			}
		}
		binary.LittleEndian.PutUint32(pix[4*x:], c)
		left = id
	}
}

// border colours a pixel of region id next to another region: heavier
// where the state changes, a light line between counties.
func (p *palette) border(id, left, right, above, below int32) uint32 {
	st := p.state[id]
	if otherState(p.state, st, left) || otherState(p.state, st, right) || otherState(p.state, st, above) || otherState(p.state, st, below) {
		return p.stateBorder
	}
	if right != id || below != id {
		return p.edge[id]
	}
	return p.fill[id]
}

func pack(c color.RGBA) uint32 {
	return uint32(c.R) | uint32(c.G)<<8 | uint32(c.B)<<16 | 0xff<<24
}

// otherState reports whether region n lies outside state st (the
// background counts as outside).
func otherState(state []int32, st, n int32) bool {
	return n < 0 || state[n] != st
}

// stateIndex maps each region to a number shared by the regions of the
// same state.
func stateIndex(layer *geo.Layer) []int32 {
	out := make([]int32, len(layer.Regions))
	ids := map[string]int32{}
	for i, reg := range layer.Regions {
		st := reg.FIPS[:2]
		n, ok := ids[st]
		if !ok {
			n = int32(len(ids))
			ids[st] = n
		}
		out[i] = n
	}
	return out
}

// outline draws a band of width px inside the edge of region fips.
func (r *Renderer) outline(img *image.RGBA, layer *geo.Layer, fips string, c color.RGBA, width int) {
	idx := layer.Index(fips)
	if idx < 0 {
		return
	}
	b := &r.buf
	reg := layer.Regions[idx]
	x0, y0 := b.vp.ToPixel(reg.Bound.Min)
	x1, y1 := b.vp.ToPixel(reg.Bound.Max)
	id := int32(idx)
	for y := max(0, int(y0)-1); y <= min(b.h-1, int(y1)+1); y++ {
		for x := max(0, int(x0)-1); x <= min(b.w-1, int(x1)+1); x++ {
			if b.row(y)[x] != id || !nearEdge(b, x, y, id, width) {
				continue
			}
			o := y*img.Stride + 4*x
			img.Pix[o], img.Pix[o+1], img.Pix[o+2] = c.R, c.G, c.B
		}
	}
}

func nearEdge(b *idBuffer, x, y int, id int32, width int) bool {
	for d := 1; d <= width; d++ {
		if b.at(x+d, y) != id || b.at(x-d, y) != id || b.at(x, y+d) != id || b.at(x, y-d) != id {
			return true
		}
	}
	return false
}

// RegionAt returns the region of the given level under pixel (x, y) of vp,
// found geometrically so it works for any view, not just the last drawn.
func RegionAt(b *geo.Boundaries, level geo.Level, vp geo.Viewport, x, y float64) *geo.Region {
	layer := b.Layer(level)
	if layer == nil {
		return nil
	}
	i := layer.RegionAt(vp.ToPlane(x, y))
	if i < 0 {
		return nil
	}
	return layer.Regions[i]
}

// CityAt returns the city of v whose drawn marker is within its radius
// (and 3 pixels) of (x, y). It reads only v and the projection, so any
// goroutine may call it.
func CityAt(opt Options, vp geo.Viewport, x, y float64) *view.Region {
	var best *view.Region
	bestD := math.Inf(1)
	for c, at := range markers(geo.NewAlbersUSA(), vp, opt) {
		if d := dist(at[0], at[1], x, y); d <= cityRadius(c, opt, vp)+3 && d < bestD {
			best, bestD = c, d
		}
	}
	return best
}
