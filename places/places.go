// Package places is the searchable list of states, counties and cities:
// names from the boundaries and the dataset, matched as a user types.
package places

import (
	"slices"
	"strings"

	"sanctuarymap/dataset"
	"sanctuarymap/geo"
)

// Place is one search result.
type Place struct {
	FIPS  string
	Label string // "Cook County, IL"
	Level dataset.Level
	key   string // lower-case name without "County" or "Parish", for matching
	row   bool   // the dataset has a row for it
}

// Index holds every place once.
type Index struct {
	places []Place
}

var uspsOf = func() map[string]string {
	m := map[string]string{}
	for _, usps := range []string{"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
		"KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH",
		"OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR"} {
		f, _ := dataset.StateFIPS(usps)
		m[f] = usps
	}
	return m
}()

// New indexes the states and counties of b and the rows of d; a row's name
// wins over the boundary's ("Cook County" rather than "Cook").
func New(b *geo.Boundaries, d *dataset.Dataset) *Index {
	ix := &Index{}
	seen := map[string]bool{}
	add := func(fips, name string, lvl dataset.Level, row bool) {
		if seen[fips] || name == "" {
			return
		}
		seen[fips] = true
		label := name
		if lvl != dataset.State {
			label += ", " + uspsOf[fips[:2]]
		}
		key := strings.ToLower(name)
		for _, suffix := range []string{" county", " parish"} {
			key = strings.TrimSuffix(key, suffix)
		}
		ix.places = append(ix.places, Place{FIPS: fips, Label: label, Level: lvl, key: key, row: row})
	}
	if d != nil {
		for _, j := range d.Jurisdictions {
			add(j.FIPS, j.Name, j.Level, true)
		}
	}
	for _, l := range []*geo.Layer{b.States, b.Counties} {
		if l == nil {
			continue
		}
		lvl := dataset.State
		if l.Level == geo.Counties {
			lvl = dataset.County
		}
		for _, r := range l.Regions {
			add(r.ID, r.Name, lvl, false)
		}
	}
	return ix
}

// Search returns up to n places matching q, best first: whole-name
// matches, then names starting with q, then names with a word starting
// with q. Within each, places with a dataset row come first, then states
// before cities before counties.
func (ix *Index) Search(q string, n int) []Place {
	q = strings.ToLower(strings.TrimSpace(q))
	if q == "" {
		return nil
	}
	type hit struct {
		p    Place
		rank int
	}
	var hits []hit
	for _, p := range ix.places {
		rank := -1
		switch {
		case p.key == q:
			rank = 0
		case strings.HasPrefix(p.key, q):
			rank = 1
		case strings.Contains(p.key, " "+q) || strings.Contains(p.key, "-"+q):
			rank = 2
		}
		if rank >= 0 {
			rank = rank*6 + levelRank(p.Level)
			if !p.row {
				rank += 3
			}
			hits = append(hits, hit{p, rank})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return strings.Compare(a.p.Label, b.p.Label)
	})
	out := make([]Place, 0, min(n, len(hits)))
	for _, h := range hits[:min(n, len(hits))] {
		out = append(out, h.p)
	}
	return out
}

func levelRank(l dataset.Level) int {
	switch l {
	case dataset.State:
		return 0
	case dataset.City:
		return 1
	}
	return 2
}
