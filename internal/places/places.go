// Package places is the searchable list of states, counties and cities:
// names from the boundaries and the dataset, matched as a user types.
package places

import (
	"slices"
	"strings"
	"sync"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/fileerr"
)

// Place is one search result.
type Place struct {
	FIPS  string
	Label string // "Cook County, IL"
	Level dataset.Level
	key   string // the name as normalise leaves it: "cook", "saint paul"
	full  string // the same keeping "city": "kansas city", "baltimore city"
	whole string // the same keeping its kind: "baltimore county"
	state string // USPS code
	row   bool   // the dataset has a row for it
	rank  int    // population rank among the largest of its level; 0: not among them
	pop   int    // population, for a Census place
	town  bool   // a Census place the dataset has no row for
}

// Index holds every place once.
type Index struct {
	places []Place
	byFIPS map[string]int // index in places
	// byName indexes places by each of their names as words (key, full,
	// whole): Match looks whole names up instead of scanning 35,000.
	byName map[string][]int
	// states maps a state's normalised name and its lower-case USPS code
	// to the USPS code, to read "Cook County, IL" or "Cook County Illinois".
	states map[string]string
	// held marks the Census places the index holds already (the dataset's
	// cities), by their position in towns(); made at first use.
	held     []bool
	heldOnce sync.Once
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

// New indexes the states and counties of b, the rows of d and every Census
// place (assets.Places); a row's name wins over the boundary's ("Cook
// County" rather than "Cook"). rank orders places of equal match by
// population (see assets.PopulationRank), then a place's own population.
func New(b *geo.Boundaries, d *dataset.Dataset, rank map[string]int) *Index {
	ix := &Index{states: map[string]string{}, byFIPS: map[string]int{}}
	seen := map[string]bool{}
	add := func(fips, name string, lvl dataset.Level, row bool) {
		if seen[fips] || name == "" {
			return
		}
		seen[fips] = true
		usps := uspsOf[fips[:2]]
		label := name
		if lvl != dataset.State {
			label += ", " + usps
		} else {
			ix.states[normalise(name)] = usps
			ix.states[strings.ToLower(usps)] = usps
		}
		ix.byFIPS[fips] = len(ix.places)
		ix.places = append(ix.places, Place{FIPS: fips, Label: label, Level: lvl, key: normalise(name), full: normaliseKeepCity(name), whole: Fold(name), state: usps, row: row, rank: rank[fips]})
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
			name := r.Name
			if independentCity(r.FIPS) && !strings.HasSuffix(name, " city") {
				name += " city" // as the Census names it: "St. Louis city", not the county
			}
			add(r.FIPS, name, lvl, false)
		}
	}
	ix.byName = byName(ix.places)
	return ix
}

// byName indexes places by each of their names as words.
func byName(places []Place) map[string][]int {
	m := make(map[string][]int, 2*len(places))
	for i, p := range places {
		for _, k := range []string{p.key, p.full, p.whole} {
			if l := m[k]; len(l) == 0 || l[len(l)-1] != i {
				m[k] = append(l, i)
			}
		}
	}
	return m
}

// townIndex is every Census place as search reads names, built once for
// every Index (it takes some 100 ms): Warm builds it ahead of the first
// keystroke.
type townIndex struct {
	places []Place
	byName map[string][]int
}

var towns = sync.OnceValue(func() *townIndex {
	all := assets.Places().All()
	t := &townIndex{places: make([]Place, len(all))}
	for i, p := range all {
		usps := p.State
		t.places[i] = Place{FIPS: p.FIPS, Label: p.Name + ", " + usps, Level: dataset.City, key: normalise(p.Name),
			full: normaliseKeepCity(p.Name), whole: Fold(p.Name), state: usps, pop: p.Population, town: true}
	}
	t.byName = byName(t.places)
	return t
})

// Warm builds the index of Census places, so the first search does not
// wait for it; the window calls it off the UI goroutine at start.
func Warm() { towns() }

// all calls f with every place, the dataset's and the boundaries' first,
// then the Census places they do not hold, until f returns false.
func (ix *Index) all(f func(p *Place) bool) {
	for i := range ix.places {
		if !f(&ix.places[i]) {
			return
		}
	}
	t, held := towns(), ix.heldTowns()
	for i := range t.places {
		if !held[i] && !f(&t.places[i]) {
			return
		}
	}
}

// heldTowns marks the Census places the index holds already.
func (ix *Index) heldTowns() []bool {
	ix.heldOnce.Do(func() {
		t := towns()
		ix.held = make([]bool, len(t.places))
		for i := range t.places {
			_, ix.held[i] = ix.byFIPS[t.places[i].FIPS]
		}
	})
	return ix.held
}

// independentCity is whether a county code is a city outside any county:
// Baltimore, St. Louis, Carson City and Virginia's, coded 510 and up.
func independentCity(fips string) bool {
	return len(fips) == 5 && fips[2] >= '5' && slices.Contains([]string{"24", "29", "32", "51"}, fips[:2])
}

// aliases are names people type for a place that are not its name.
var aliases = map[string]string{
	"washington dc": "district of columbia", "washington d c": "district of columbia", "dc": "district of columbia", "d c": "district of columbia",
}

// normalise reduces a name or query to the words people agree on: lower
// case, no accents ("Doña Ana" is "dona ana"), "St." as "saint", and
// without the kind of place ("County", "Parish", "Borough", "Census
// Area", "city"), which people type or leave out as they please.
func normalise(s string) string { return trimKind(normaliseKeepCity(s), " city ") }

// normaliseKeepCity is normalise leaving a trailing "city", which is part
// of names such as Kansas City.
func normaliseKeepCity(s string) string {
	s = strings.TrimPrefix(" "+Fold(s)+" ", " city of ")
	return trimKind(" "+s, " city and borough ", " census area ", " municipality ", " county ", " parish ", " borough ", " cdp ", " town ", " village ", " township ")
}

// folder drops accents and punctuation; built once, as Fold runs for
// every row of the table on every refresh.
var folder = strings.NewReplacer("ñ", "n", "á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ü", "u", "è", "e", "ç", "c",
	".", " ", ",", " ", "'", "", "’", "")

// Fold is s as names are compared: lower case, without accents and
// punctuation, "St." as "saint".
func Fold(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = folder.Replace(s)
	words := strings.Fields(s)
	for i, w := range words {
		if w == "st" || w == "ste" {
			words[i] = "saint"
		}
	}
	return strings.Join(words, " ")
}

// trimKind removes the first of kinds that ends s (spaced words).
func trimKind(s string, kinds ...string) string {
	s = " " + strings.TrimSpace(s) + " "
	for _, kind := range kinds {
		if strings.HasSuffix(s, kind) && len(s) > len(kind) {
			s = strings.TrimSuffix(s, kind) + " "
			break
		}
	}
	return strings.TrimSpace(s)
}

// Search returns up to n places matching q, best first. q may be a FIPS
// code, or a name with or without its kind and with or without its state
// ("cook county, il", "Cook, IL", "Cook County Illinois"). Whole-name
// matches come first, then names starting with q, then names with a word
// starting with q; within each, places with a dataset row, then the more
// populous, then states before cities before counties.
func (ix *Index) Search(q string, n int) []Place {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil
	}
	if isDigits(q) {
		var out []Place
		ix.all(func(p *Place) bool {
			if p.FIPS == q {
				out = append(out, *p)
			}
			return out == nil
		})
		return out
	}
	qu := ix.parse(q)
	type hit struct {
		p    Place
		rank int
	}
	var hits []hit
	ix.all(func(p *Place) bool {
		if rank := qu.match(p); rank >= 0 {
			hits = append(hits, hit{*p, rank*2 + boolRank(!p.row)})
		}
		return true
	})
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		// A state first: "Kansas" is the state, not Kansas City.
		if sa, sb := boolRank(a.p.Level != dataset.State), boolRank(b.p.Level != dataset.State); sa != sb {
			return sa - sb
		}
		if ra, rb := popRank(a.p), popRank(b.p); ra != rb {
			return ra - rb
		}
		// A state or county before a town of the same name; towns by size.
		if ta, tb := boolRank(a.p.town), boolRank(b.p.town); ta != tb {
			return ta - tb
		}
		if a.p.pop != b.p.pop {
			return b.p.pop - a.p.pop
		}
		if la, lb := levelRank(a.p.Level), levelRank(b.p.Level); la != lb {
			return la - lb
		}
		return strings.Compare(a.p.Label, b.p.Label)
	})
	out := make([]Place, 0, min(n, len(hits)))
	for _, h := range hits[:min(n, len(hits))] {
		out = append(out, h.p)
	}
	return out
}

// query is a search as parse reads it.
type query struct {
	whole, full, name string // as words, normaliseKeepCity and normalise leave it
	state             string // USPS code typed or implied, or ""
	cityTyped         bool   // "city of X" or "X city"
	spaced, hyphened  string // full after a space or a hyphen: a later word of a name
}

func (ix *Index) parse(q string) query {
	var qu query
	if a, ok := aliases[Fold(q)]; ok {
		q = a
	}
	qu.whole, qu.state = ix.splitState(q)
	qu.full = normaliseKeepCity(qu.whole)
	qu.name = trimKind(qu.full, " city ")
	qu.cityTyped = strings.HasPrefix(qu.whole, "city of ") || qu.full != qu.name
	qu.spaced, qu.hyphened = " "+qu.full, "-"+qu.full
	// Parishes are Louisiana's: "Jefferson Parish" is not Jefferson, AL.
	if qu.state == "" && strings.HasSuffix(qu.whole, " parish") {
		qu.state = "LA"
	}
	return qu
}

// match ranks how well p answers the query, 0 best, or -1 for not at all.
func (qu *query) match(p *Place) int {
	if qu.state != "" && (p.state != qu.state || p.Level == dataset.State) {
		return -1
	}
	switch {
	// The kind typed matches too; not for a town the dataset has no row
	// for, whose kind the Census gives ("Juneau city and borough" is the
	// county-equivalent first).
	case p.whole == qu.whole && qu.whole != qu.full && !p.town:
		return 0
	case qu.cityTyped && p.Level == dataset.City && p.key == qu.name && !p.town:
		return 0
	case p.full == qu.full:
		return 1
	case p.key == qu.name:
		return 2
	case strings.HasPrefix(p.full, qu.full) || strings.HasPrefix(p.key, qu.name):
		return 3
	case strings.Contains(p.full, qu.spaced) || strings.Contains(p.full, qu.hyphened):
		return 4
	}
	return -1
}

// splitState reads a trailing state, by code or name, off q: "cook, il"
// and "cook county illinois" are Cook in IL. A query that is only a state
// ("New York") is left whole. The name comes back as words leaves it.
func (ix *Index) splitState(q string) (name, usps string) {
	norm := Fold(q)
	ws := strings.Fields(norm)
	for k := min(3, len(ws)-1); k >= 1; k-- {
		if st, ok := ix.states[strings.Join(ws[len(ws)-k:], " ")]; ok {
			return strings.Join(ws[:len(ws)-k], " "), st
		}
	}
	return norm, ""
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// popRank puts the largest places first and unranked ones after them.
func popRank(p Place) int {
	if p.rank == 0 {
		return 1 << 20
	}
	return p.rank
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

// Match finds the places of level lvl that a sheet's name and state
// (a USPS code or a state's name) name, by the rules search reads names
// with ("Cook County" or "Cook"; "St." or "Saint"; accents or none): the
// best matches only, so more than one means the name is ambiguous.
func (ix *Index) Match(name, state string, lvl dataset.Level) []Place {
	q := name
	if state != "" {
		q += ", " + state
	}
	qu := ix.parse(q)
	var cands []*Place
	for _, k := range []string{qu.whole, qu.full, qu.name} {
		for _, i := range ix.byName[k] {
			cands = append(cands, &ix.places[i])
		}
		if lvl == dataset.City {
			t, held := towns(), ix.heldTowns()
			for _, i := range t.byName[k] {
				if !held[i] {
					cands = append(cands, &t.places[i])
				}
			}
		}
	}
	best := 3 // whole-name matches only (ranks 0 to 2), not prefixes
	var out []Place
	seen := map[*Place]bool{}
	for _, p := range cands {
		if p.Level != lvl || seen[p] {
			continue
		}
		seen[p] = true
		rank := qu.match(p)
		if rank < 0 || rank > best {
			continue
		}
		if rank < best {
			best, out = rank, out[:0]
		}
		out = append(out, *p)
	}
	return out
}

// Names reports whether name, with the USPS code state, names the place
// fips: as Match reads names ("King County" or "King"; "St." or
// "Saint"), spaced or not ("DeBaca"), or as a consolidated government
// that adds a name ("Athens-Clarke County"); a state also by its code. It
// returns the place's label, and true for a code it does not hold, having
// nothing to say against the name.
func (ix *Index) Names(fips, name, state string) (label string, ok bool) {
	i, known := ix.byFIPS[fips]
	if !known {
		return "", true
	}
	p := &ix.places[i]
	if p.Level == dataset.State {
		return p.Label, Fold(name) == p.whole || strings.EqualFold(name, p.state)
	}
	qu := ix.parse(name + ", " + state)
	if r := qu.match(p); r >= 0 && r <= 2 {
		return p.Label, true
	}
	words := " " + strings.ReplaceAll(normalise(name), "-", " ") + " "
	squash := func(s string) string { return strings.ReplaceAll(s, " ", "") }
	return p.Label, squash(words) == squash(p.key) || strings.Contains(words, " "+p.key+" ")
}

// CheckNames warns of each jurisdiction and designation of d whose name
// is not that of its FIPS code in b, whose names are the Census's:
// "06,Texas,CA" is a slip in one of the three.
func CheckNames(d *dataset.Dataset, b *geo.Boundaries) fileerr.List {
	ix := New(b, nil, nil)
	var warns fileerr.List
	check := func(fips, name, state, file string, line, col int) {
		if len(fips) > 5 {
			return // a city's name may be its common one ("Nashville")
		}
		if label, ok := ix.Names(fips, name, state); !ok {
			warns = append(warns, fileerr.New(file, line, col, "warning: name %q is not that of %s, which is %s", name, fips, label))
		}
	}
	for _, j := range d.Jurisdictions {
		check(j.FIPS, j.Name, j.State, j.File, j.Line, j.NameColumn)
	}
	for _, g := range d.Designations {
		check(g.FIPS, g.Name, g.State, g.File, g.Line, g.NameColumn)
	}
	return warns
}

// State reads a state's USPS code or name ("TX", "Texas") as its code.
func (ix *Index) State(s string) (string, bool) {
	usps, ok := ix.states[normalise(s)]
	if !ok {
		usps, ok = ix.states[strings.ToLower(strings.TrimSpace(s))]
	}
	return usps, ok
}
