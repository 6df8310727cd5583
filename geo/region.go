// Package geo holds US boundaries: loading GeoJSON and TopoJSON into
// regions keyed by FIPS code, the AlbersUSA composite projection, a
// viewport onto it, and finding the region under a point.
package geo

import (
	"sanctuarymap/internal/fips"
	"strings"
	"sync"

	"github.com/paulmach/orb"
)

// Level says whether a region is a state, a county or a tract.
type Level int

const (
	States Level = iota
	Counties
	Tracts
)

// levels is the number of levels.
const levels = 3

func (l Level) String() string {
	return [...]string{"states", "counties", "tracts"}[l]
}

// Label names the level in a menu.
func (l Level) Label() string {
	return [...]string{"States", "Counties", "Tracts"}[l]
}

// ParseLevel reads a level by its name (the --level flag's values) or its
// label, in any case.
func ParseLevel(s string) (Level, bool) {
	for l := range Level(levels) {
		if strings.EqualFold(s, l.String()) || strings.EqualFold(s, l.Label()) {
			return l, true
		}
	}
	return 0, false
}

// LevelOf classifies a FIPS code by its length: 2 digits for a state,
// 5 for a county, 11 for a census tract.
func LevelOf(code string) (Level, bool) {
	switch len(code) {
	case fips.State:
		return States, true
	case fips.County:
		return Counties, true
	case fips.Tract:
		return Tracts, true
	}
	return 0, false
}

// Region is one boundary: a state, a county or a tract.
type Region struct {
	FIPS string // leading zeros kept
	Name string
	// Shape is the boundary projected onto the AlbersUSA plane (y down),
	// wound as Normalize winds lon/lat rings (outer counter-clockwise,
	// holes clockwise) before projection. Nothing reads lon/lat after
	// projection, so no copy of it is kept.
	Shape orb.MultiPolygon
	// Bound is Shape's bounding box.
	Bound orb.Bound
}

// Layer is the regions of one level, with an index for finding the region
// at a plane point.
type Layer struct {
	Level   Level
	Regions []*Region
	byID    map[string]int
	// The hit-test index is built on first use: a headless render never
	// needs it.
	indexOnce sync.Once
	index     *grid
	// neighbours are built on first use too: only moving by keyboard
	// needs them.
	neighbourOnce sync.Once
	neighbours    [][]int
}

func newLayer(level Level, regions []*Region) *Layer {
	l := &Layer{Level: level, Regions: regions, byID: make(map[string]int, len(regions))}
	for i, r := range regions {
		l.byID[r.FIPS] = i
	}
	return l
}

// Region returns the region with the FIPS code id, or nil.
func (l *Layer) Region(id string) *Region {
	if l == nil {
		return nil
	}
	if i, ok := l.byID[id]; ok {
		return l.Regions[i]
	}
	return nil
}

// Index returns the position of the region with FIPS code id in Regions, or -1.
func (l *Layer) Index(id string) int {
	if i, ok := l.byID[id]; ok {
		return i
	}
	return -1
}

// Boundaries are the layers a map draws.
type Boundaries struct {
	States   *Layer
	Counties *Layer
	Tracts   *Layer // only from user files
}

// Layer returns the layer of the given level, or nil.
func (b *Boundaries) Layer(l Level) *Layer {
	switch l {
	case Counties:
		return b.Counties
	case Tracts:
		return b.Tracts
	}
	return b.States
}

// Levels returns the levels b has a layer of.
func (b *Boundaries) Levels() []Level {
	var out []Level
	for l := range Level(levels) {
		if b.Layer(l) != nil {
			out = append(out, l)
		}
	}
	return out
}

// Has reports whether a state or county with FIPS code fips exists.
func (b *Boundaries) Has(fips string) bool {
	return b.States.Region(fips) != nil || b.Counties.Region(fips) != nil || b.Tracts.Region(fips) != nil
}

// IDs returns the FIPS codes of a level's regions.
func (b *Boundaries) IDs(l Level) []string {
	layer := b.Layer(l)
	if layer == nil {
		return nil
	}
	ids := make([]string, len(layer.Regions))
	for i, r := range layer.Regions {
		ids[i] = r.FIPS
	}
	return ids
}

// Merge returns boundaries with the layers of other replacing those of b
// where other has them, so loading a counties-only file keeps the states.
func (b *Boundaries) Merge(other *Boundaries) *Boundaries {
	out := *b
	if other.States != nil {
		out.States = other.States
	}
	if other.Counties != nil {
		out.Counties = other.Counties
	}
	if other.Tracts != nil {
		out.Tracts = other.Tracts
	}
	return &out
}
