package geo

import (
	"encoding/json"
	"fmt"
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
	Arcs    [][][]float64            `json:"arcs"`
}

type topoGeometry struct {
	Type       string          `json:"type"`
	ID         any             `json:"id"`
	Properties map[string]any  `json:"properties"`
	Arcs       json.RawMessage `json:"arcs"`
	Geometries []*topoGeometry `json:"geometries"`
}

func decodeTopology(data []byte) ([]feature, error) {
	var t topology
	if err := json.Unmarshal(data, &t); err != nil {
		return nil, err
	}
	arcs, err := t.decodeArcs()
	if err != nil {
		return nil, err
	}
	d := &topoDecoder{arcs: arcs}
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
	out := make([][]orb.Point, len(t.Arcs))
	for i, arc := range t.Arcs {
		pts := make([]orb.Point, len(arc))
		var x, y float64
		for j, p := range arc {
			if len(p) < 2 {
				return nil, fmt.Errorf("arc %d, position %d: has %d values; want at least 2", i, j, len(p))
			}
			if t.Transform == nil {
				pts[j] = orb.Point{p[0], p[1]}
				continue
			}
			x += p[0]
			y += p[1]
			pts[j] = orb.Point{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
		}
		out[i] = pts
	}
	return out, nil
}

type topoDecoder struct {
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
	var mp orb.MultiPolygon
	switch g.Type {
	case "Polygon":
		var rings [][]int
		if err := json.Unmarshal(g.Arcs, &rings); err != nil {
			return fmt.Errorf("geometry %d: arcs: %v", d.n, err)
		}
		poly, err := d.polygon(rings)
		if err != nil {
			return err
		}
		mp = orb.MultiPolygon{poly}
	case "MultiPolygon":
		var polys [][][]int
		if err := json.Unmarshal(g.Arcs, &polys); err != nil {
			return fmt.Errorf("geometry %d: arcs: %v", d.n, err)
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
