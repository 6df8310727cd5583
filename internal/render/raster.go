package render

import (
	"math"
	"runtime"
	"slices"
	"sync"

	"github.com/paulmach/orb"

	"sanctuarymap/geo"
)

// idBuffer holds, for each pixel, the index of the region covering its
// centre or -1. Fills, borders and outlines are all read from it, so
// recolouring needs no rasterising, and it doubles as a pick buffer. It
// holds the whole frame, or for a one-off image a band of its rows.
type idBuffer struct {
	w, h  int     // the frame's size
	top   int     // the first frame row held
	ids   []int32 // rows top, top+1, ... of w pixels
	layer *geo.Layer
	vp    geo.Viewport
}

type edge struct {
	y0, y1 float64 // y0 < y1
	x0     float64 // x at y0
	dxdy   float64
	dir    int8
}

// rasterize fills b with layer's regions as seen through vp. Each region is
// scanned only over its own rows, with an active edge list, so the cost
// follows the regions' pixel area and vertex count rather than
// regions × frame (which was 34 s a frame for counties). Bands of rows go
// to every core; a band writes only its own rows, so the result does not
// depend on scheduling.
func (b *idBuffer) rasterize(layer *geo.Layer, vp geo.Viewport) {
	b.hold(layer, vp, 0, vp.H)
	bands := runtime.NumCPU()
	var wg sync.WaitGroup
	for band := range bands {
		wg.Go(func() { b.rasterizeRows(layer, vp, band*b.h/bands, (band+1)*b.h/bands) })
	}
	wg.Wait()
}

// hold sizes b to hold frame rows [top, bottom) of vp.
func (b *idBuffer) hold(layer *geo.Layer, vp geo.Viewport, top, bottom int) {
	b.w, b.h, b.top, b.layer, b.vp = vp.W, vp.H, top, layer, vp
	n := vp.W * (bottom - top)
	if cap(b.ids) < n {
		b.ids = make([]int32, n)
	}
	b.ids = b.ids[:n]
}

// rasterizeRows draws the regions' parts in rows [top, bottom), which b
// holds.
func (b *idBuffer) rasterizeRows(layer *geo.Layer, vp geo.Viewport, top, bottom int) {
	rows := b.ids[(top-b.top)*b.w : (bottom-b.top)*b.w]
	for i := range rows {
		rows[i] = -1
	}
	s := vp.Scale()
	cx := float64(vp.W)/2 - vp.Center[0]*s
	cy := float64(vp.H)/2 - vp.Center[1]*s
	var edges, active, sorted []edge
	var xs []crossing
	var counts []int
	for ri, r := range layer.Regions {
		x0, y0 := r.Bound.Min[0]*s+cx, r.Bound.Min[1]*s+cy
		x1, y1 := r.Bound.Max[0]*s+cx, r.Bound.Max[1]*s+cy
		if x1 < 0 || y1 < float64(top) || x0 >= float64(b.w) || y0 >= float64(bottom) {
			continue
		}
		edges = appendEdges(edges[:0], r.Shape, s, cx, cy, float64(top), float64(bottom))
		rowStart := max(top, int(math.Ceil(y0-0.5)))
		rowEnd := min(bottom-1, int(math.Floor(y1-0.5)))
		if rowEnd < rowStart {
			continue
		}
		edges, sorted = byFirstRow(edges, sorted[:0], &counts, rowStart, rowEnd)
		active = active[:0]
		next := 0
		id := int32(ri)
		for y := rowStart; y <= rowEnd; y++ {
			yc := float64(y) + 0.5
			for next < len(edges) && edges[next].y0 <= yc {
				active = append(active, edges[next])
				next++
			}
			xs = xs[:0]
			keep := active[:0]
			for _, e := range active {
				if e.y1 <= yc {
					continue
				}
				keep = append(keep, e)
				if e.y0 <= yc {
					xs = append(xs, crossing{e.x0 + (yc-e.y0)*e.dxdy, e.dir})
				}
			}
			active = keep
			b.fillRow(y, xs, id)
		}
	}
}

// appendEdges appends the non-horizontal edges of shape, in pixels, that
// reach rows top to bottom.
func appendEdges(edges []edge, shape orb.MultiPolygon, s, cx, cy, top, bottom float64) []edge {
	for _, poly := range shape {
		for _, ring := range poly {
			for i := 0; i+1 < len(ring); i++ {
				ax, ay := ring[i][0]*s+cx, ring[i][1]*s+cy
				bx, by := ring[i+1][0]*s+cx, ring[i+1][1]*s+cy
				if ay == by || max(ay, by) < top || min(ay, by) > bottom {
					continue
				}
				e := edge{dir: 1}
				if ay > by {
					ax, ay, bx, by = bx, by, ax, ay
					e.dir = -1
				}
				e.y0, e.y1, e.x0 = ay, by, ax
				e.dxdy = (bx - ax) / (by - ay)
				edges = append(edges, e)
			}
		}
	}
	return edges
}

// byFirstRow orders edges by the first pixel row whose centre they cross,
// a counting sort over the region's rows: cheaper than a comparison sort
// for the thousands of small regions of a frame. It returns the ordered
// edges and the spare buffer.
func byFirstRow(edges, out []edge, countBuf *[]int, rowStart, rowEnd int) ([]edge, []edge) {
	n := rowEnd - rowStart + 2
	if cap(*countBuf) < n {
		*countBuf = make([]int, n)
	}
	counts := (*countBuf)[:n]
	clear(counts)
	first := func(e edge) int {
		return min(max(int(math.Ceil(e.y0-0.5)), rowStart), rowEnd+1) - rowStart
	}
	for _, e := range edges {
		counts[first(e)]++
	}
	sum := 0
	for i, c := range counts {
		counts[i] = sum
		sum += c
	}
	out = slices.Grow(out[:0], len(edges))[:len(edges)]
	for _, e := range edges {
		i := first(e)
		out[counts[i]] = e
		counts[i]++
	}
	return out, edges
}

type crossing struct {
	x   float64
	dir int8
}

// fillRow sets the pixels of row y whose centres have a non-zero winding.
func (b *idBuffer) fillRow(y int, xs []crossing, id int32) {
	// Insertion sort: a row crosses a region's boundary only a few times.
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j].x < xs[j-1].x; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
	row := b.row(y)
	wind := 0
	for i := 0; i+1 < len(xs); i++ {
		wind += int(xs[i].dir)
		if wind == 0 {
			continue
		}
		from := max(0, int(math.Ceil(xs[i].x-0.5)))
		to := min(b.w, int(math.Ceil(xs[i+1].x-0.5)))
		for x := from; x < to; x++ {
			row[x] = id
		}
	}
}

// row returns frame row y, which b must hold.
func (b *idBuffer) row(y int) []int32 {
	i := (y - b.top) * b.w
	return b.ids[i : i+b.w]
}

// at returns the region index at pixel (x, y), or -1 outside the rows b
// holds.
func (b *idBuffer) at(x, y int) int32 {
	if x < 0 || y < b.top || x >= b.w || (y-b.top)*b.w >= len(b.ids) {
		return -1
	}
	return b.row(y)[x]
}
