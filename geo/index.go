package geo

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// grid is a uniform grid over the plane listing, per cell, the polygon parts
// whose bounds touch it. A lookup tests only a cell's few parts, which keeps
// hit-testing to about a microsecond for counties (see BenchmarkRegionAt).
type grid struct {
	bound      orb.Bound
	cell       float64
	cols, rows int
	cells      [][]part
}

type part struct {
	region int
	poly   int
	bound  orb.Bound
}

// gridCell is the cell size in plane units: about 6 px at the plane's 975
// px width, so a cell holds a handful of counties.
const gridCell = 6

func newGrid(regions []*Region) *grid {
	g := &grid{cell: gridCell}
	first := true
	for _, r := range regions {
		if len(r.Shape) == 0 {
			continue
		}
		if first {
			g.bound, first = r.Bound, false
		} else {
			g.bound = g.bound.Union(r.Bound)
		}
	}
	if first {
		return g
	}
	g.cols = int(math.Ceil((g.bound.Max[0]-g.bound.Min[0])/g.cell)) + 1
	g.rows = int(math.Ceil((g.bound.Max[1]-g.bound.Min[1])/g.cell)) + 1
	g.cells = make([][]part, g.cols*g.rows)
	for ri, r := range regions {
		for pi, poly := range r.Shape {
			if len(poly) == 0 {
				continue
			}
			b := poly.Bound()
			c0, r0 := g.cellOf(b.Min)
			c1, r1 := g.cellOf(b.Max)
			for y := r0; y <= r1; y++ {
				for x := c0; x <= c1; x++ {
					i := y*g.cols + x
					g.cells[i] = append(g.cells[i], part{region: ri, poly: pi, bound: b})
				}
			}
		}
	}
	return g
}

func (g *grid) cellOf(p orb.Point) (col, row int) {
	col = int((p[0] - g.bound.Min[0]) / g.cell)
	row = int((p[1] - g.bound.Min[1]) / g.cell)
	return min(max(col, 0), g.cols-1), min(max(row, 0), g.rows-1)
}

// RegionAt returns the index of the region containing the plane point p, or
// -1 if there is none. Holes are not part of a region.
func (l *Layer) RegionAt(p orb.Point) int {
	l.indexOnce.Do(func() { l.index = newGrid(l.Regions) })
	g := l.index
	if g == nil || g.cells == nil || !g.bound.Contains(p) {
		return -1
	}
	c, r := g.cellOf(p)
	for _, pt := range g.cells[r*g.cols+c] {
		if pt.bound.Contains(p) && planar.PolygonContains(l.Regions[pt.region].Shape[pt.poly], p) {
			return pt.region
		}
	}
	return -1
}
