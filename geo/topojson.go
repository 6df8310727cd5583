package geo

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// A TopoJSON decoder of our own: the Go TopoJSON libraries are either not
// served by the module proxy or return another geometry library's types,
// and stitching arcs straight into orb rings is short.

type topology struct {
	Transform *struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
	Objects map[string]*topoGeometry `json:"objects"`
	// Arcs are most of a topology's bytes: parsed by parseArcs, which is
	// several times faster than encoding/json for nested number arrays.
	Arcs json.RawMessage `json:"arcs"`
}

type topoGeometry struct {
	Type       string          `json:"type"`
	ID         any             `json:"id"`
	Properties map[string]any  `json:"properties"`
	Arcs       json.RawMessage `json:"arcs"`
	Geometries []*topoGeometry `json:"geometries"`
}

func decodeTopology(ctx context.Context, data []byte) ([]feature, error) {
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, err
	}
	arcs, err := t.decodeArcs()
	if err != nil {
		return nil, err
	}
	d := &topoDecoder{ctx: ctx, arcs: arcs}
	// Objects is a map: visit states before counties for a stable order.
	for _, name := range sortedKeys(t.Objects) {
		if err := d.walk(t.Objects[name], 0); err != nil {
			return nil, err
		}
	}
	return d.feats, nil
}

// decodeArcs undoes quantisation: with a transform, positions are deltas on
// an integer grid.
func (t *topology) decodeArcs() ([][]orb.Point, error) {
	arcs, err := parseArcs(t.Arcs)
	if err != nil {
		return nil, err
	}
	if t.Transform == nil {
		return arcs, nil
	}
	sx, sy := t.Transform.Scale[0], t.Transform.Scale[1]
	tx, ty := t.Transform.Translate[0], t.Transform.Translate[1]
	for _, arc := range arcs {
		var x, y float64
		for j, p := range arc {
			x += p[0]
			y += p[1]
			arc[j] = orb.Point{x*sx + tx, y*sy + ty}
		}
	}
	return arcs, nil
}

// parseArcs reads [[[x, y, ...], ...], ...]: arcs of positions whose
// values past the second are ignored.
func parseArcs(b []byte) ([][]orb.Point, error) {
	p := arcParser{b: b}
	p.space()
	if p.i == len(p.b) {
		return nil, nil // no "arcs" member
	}
	var arcs [][]orb.Point
	err := p.list(func() error {
		var arc []orb.Point
		err := p.list(func() error {
			pt, err := p.position()
			if err != nil {
				err = fmt.Errorf("arc %d, position %d: %w", len(arcs), len(arc), err)
			}
			arc = append(arc, pt)
			return err
		})
		arcs = append(arcs, arc)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("arcs: %w", err)
	}
	return arcs, nil
}

// position parses [x, y, ...], ignoring values past the second.
func (p *arcParser) position() (orb.Point, error) {
	var pt orb.Point
	n := 0
	err := p.list(func() error {
		v, err := p.number()
		if n < 2 {
			pt[n] = v
		}
		n++
		return err
	})
	if err == nil && n < 2 {
		err = fmt.Errorf("a position has %d values; want at least 2", n)
	}
	return pt, err
}

// parseRings reads a Polygon's arcs: [[arc index, ...], ...].
func parseRings(b []byte) ([][]int, error) {
	p := arcParser{b: b}
	return p.rings()
}

func (p *arcParser) rings() ([][]int, error) {
	var rings [][]int
	err := p.list(func() error {
		var ring []int
		err := p.list(func() error {
			v, err := p.number()
			if err == nil && (v != math.Trunc(v) || math.Abs(v) > 1<<31) {
				err = fmt.Errorf("arc index %g is not an integer", v)
			}
			ring = append(ring, int(v))
			return err
		})
		rings = append(rings, ring)
		return err
	})
	return rings, err
}

type topoDecoder struct {
	ctx   context.Context
	arcs  [][]orb.Point
	feats []feature
	n     int
}

// maxTopoDepth bounds nested GeometryCollections; real files nest one deep.
const maxTopoDepth = 16

func (d *topoDecoder) walk(g *topoGeometry, depth int) error {
	if g == nil {
		return nil
	}
	if depth > maxTopoDepth {
		return fmt.Errorf("GeometryCollections nested more than %d deep", maxTopoDepth)
	}
	if g.Type == "GeometryCollection" {
		for _, c := range g.Geometries {
			if err := d.walk(c, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	d.n++
	if d.n%256 == 0 {
		if err := d.ctx.Err(); err != nil {
			return err
		}
	}
	var mp orb.MultiPolygon
	switch g.Type {
	case "Polygon":
		rings, err := parseRings(g.Arcs)
		if err != nil {
			return fmt.Errorf("geometry %d: %v", d.n, err)
		}
		poly, err := d.polygon(rings)
		if err != nil {
			return err
		}
		mp = orb.MultiPolygon{poly}
	case "MultiPolygon":
		var polys [][][]int
		p := arcParser{b: g.Arcs}
		err := p.list(func() error {
			rings, err := p.rings()
			polys = append(polys, rings)
			return err
		})
		if err != nil {
			return fmt.Errorf("geometry %d: %v", d.n, err)
		}
		for _, rings := range polys {
			poly, err := d.polygon(rings)
			if err != nil {
				return err
			}
			mp = append(mp, poly)
		}
	case "", "null":
		return nil
	default:
		return unsupported(d.n, g.Type)
	}
	d.feats = append(d.feats, feature{n: d.n, id: keyOf(g.ID, g.Properties), name: nameOf(g.Properties), geom: mp})
	return nil
}

// polygon stitches each ring from its arcs; ~i is arc i reversed, and each
// arc after the first repeats the previous arc's last point.
func (d *topoDecoder) polygon(rings [][]int) (orb.Polygon, error) {
	var poly orb.Polygon
	for _, ring := range rings {
		var r orb.Ring
		for _, a := range ring {
			i := a
			if a < 0 {
				i = ^a
			}
			if i >= len(d.arcs) {
				return nil, fmt.Errorf("geometry %d: arc index %d is out of range (the topology has %d arcs)", d.n, a, len(d.arcs))
			}
			arc := d.arcs[i]
			if len(r) > 0 && len(arc) > 0 {
				// Skip the point shared with the previous arc.
				if a < 0 {
					arc = arc[:len(arc)-1]
				} else {
					arc = arc[1:]
				}
			}
			if a < 0 {
				for j := len(arc) - 1; j >= 0; j-- {
					r = append(r, arc[j])
				}
			} else {
				r = append(r, arc...)
			}
		}
		// Degenerate rings (a tiny county collapsed by quantisation) have
		// nothing to draw.
		if len(r) >= 4 {
			poly = append(poly, r)
		} else if len(poly) == 0 {
			break
		}
	}
	return poly, nil
}

func sortedKeys(m map[string]*topoGeometry) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
