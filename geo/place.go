package geo

import "slices"

// Place is a Census place (a city, town, village or CDP) by its internal
// point: where its marker goes.
type Place struct {
	FIPS       string // 7 digits
	Name       string // as the Census names it: "Mustang Ridge city"
	State      string // USPS code
	Lon, Lat   float64
	Population int // 2020 Census; 0 where unknown
}

// Places is a table of places by FIPS code.
type Places struct {
	list []Place
	at   map[string]int
}

// NewPlaces indexes list by FIPS code.
func NewPlaces(list []Place) *Places {
	p := &Places{list: list, at: make(map[string]int, len(list))}
	for i := range list {
		p.at[list[i].FIPS] = i
	}
	return p
}

// Get returns the place with code fips.
func (p *Places) Get(fips string) (*Place, bool) {
	if p == nil {
		return nil, false
	}
	i, ok := p.at[fips]
	if !ok {
		return nil, false
	}
	return &p.list[i], true
}

// All is every place, in the table's order.
func (p *Places) All() []Place {
	if p == nil {
		return nil
	}
	return slices.Clip(p.list)
}
