package geo

import (
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// Neighbours returns, for each region, the regions that share a stretch of
// its border (two points or more: a corner alone is no border). The
// boundaries are topological (us-atlas' shared arcs), so neighbours hold
// the very same projected points; the insets' regions neighbour each
// other alone.
func (l *Layer) Neighbours() [][]int {
	l.neighbourOnce.Do(func() {
		at := map[orb.Point][]int{}
		for i, r := range l.Regions {
			for _, poly := range r.Shape {
				for _, ring := range poly {
					for _, p := range ring {
						if rs := at[p]; len(rs) == 0 || rs[len(rs)-1] != i {
							at[p] = append(rs, i)
						}
					}
				}
			}
		}
		shared := map[[2]int]int{}
		for _, rs := range at {
			for a := range rs {
				for b := a + 1; b < len(rs); b++ {
					shared[[2]int{rs[a], rs[b]}]++
				}
			}
		}
		l.neighbours = make([][]int, len(l.Regions))
		for pair, n := range shared {
			if n >= 2 {
				l.neighbours[pair[0]] = append(l.neighbours[pair[0]], pair[1])
				l.neighbours[pair[1]] = append(l.neighbours[pair[1]], pair[0])
			}
		}
		for i := range l.neighbours {
			slices.Sort(l.neighbours[i])
		}
	})
	return l.neighbours
}

// Toward returns the region to move to from region i in direction (dx,
// dy) (y down, as on screen): the neighbour whose centre lies most nearly
// that way, within 60 degrees of it; failing one, the nearest region whose
// centre lies that way at all (across water, or out of an inset); -1 when
// none does.
func (l *Layer) Toward(i int, dx, dy float64) int {
	from := l.Regions[i].Bound.Center()
	best, bestScore := -1, math.Inf(1)
	score := func(j int, cone float64) float64 {
		c := l.Regions[j].Bound.Center()
		vx, vy := c[0]-from[0], c[1]-from[1]
		along := vx*dx + vy*dy
		d := math.Hypot(vx, vy)
		if along <= 0 || d == 0 || along/d < cone {
			return math.Inf(1)
		}
		return d * (2 - along/d) // nearer, and more nearly that way
	}
	for _, j := range l.Neighbours()[i] {
		if s := score(j, 0.5); s < bestScore {
			best, bestScore = j, s
		}
	}
	if best >= 0 {
		return best
	}
	for j := range l.Regions {
		if s := score(j, 0.5); j != i && s < bestScore {
			best, bestScore = j, s
		}
	}
	return best
}
