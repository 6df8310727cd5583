// Package view resolves what holds for every region on a day: its own
// facts or its state's, which of them wins, its lawsuits, its 287(g)
// agreements and the lists naming it. The map, the detail panel, the
// tooltip, the table, the legend, the charts and every export read one
// View, so they cannot disagree. The rule is written down in
// docs/DATASET.md.
package view

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/i18n"
)

// Region is what holds for one state, county, tract or city on the view's
// day.
type Region struct {
	FIPS, Name string
	State      string // USPS code
	Level      dataset.Level
	// Category is what the map shows: its own, or that of From.
	Category dataset.Category
	// Own is the region's own policy row in effect, or nil.
	Own *dataset.Jurisdiction
	// From is the row Category follows when it is inherited (the state's,
	// or a tract's county's), else nil.
	From      *dataset.Jurisdiction
	Inherited bool
	// By287g says Category is AGREEMENT_287G because the region's own
	// agency held an agreement that day.
	By287g bool
	// Stale says Category comes from the region's own open-ended row whose
	// latest evidence is more than StaleAfter before the view's day. Such
	// a row gives way to a state limit or mandate covering the region:
	// then Own stays (the panel lists it) and the state's row is From.
	Stale bool
	// Agreements are the 287(g) agreements active that day: the region's
	// own agency's first, then other agencies in it (a county's towns,
	// campus and port police; a state's own agencies).
	Agreements []*dataset.Agreement
	// Suits name the region or a region above it (its county, its state):
	// a suit against a state challenges a law that binds all of it.
	Suits []*dataset.Lawsuit
	Suit  dataset.SuitState
	// SuitInherited says the region is named by none of Suits itself.
	SuitInherited bool
	// Lists are the designations naming the region that day.
	Lists []*dataset.Designation
	// Shown says the region passes the filter.
	Shown bool
	// Lat and Lon place a city's marker.
	Lat, Lon float64

	// evidence is the day of the latest evidence that Own held, and
	// evidenceBy what gave it.
	evidence   time.Time
	evidenceBy string
}

// Basis says where a region's category comes from.
type Basis int

const (
	// OwnFacts: its own row or its own agency's 287(g) agreement.
	OwnFacts Basis = iota
	// FollowsState: no row of its own; it follows its state's (or a
	// tract its county's).
	FollowsState
	// NoData: no documented row of its own and none above it to follow.
	NoData
	// StaleFacts: its own row, last confirmed more than StaleAfter before
	// the day.
	StaleFacts
)

// StaleAfter is how long after its latest evidence an open-ended fact is
// drawn as "last confirmed" rather than as current.
const StaleAfter = 2 // years

// Basis says where the region's category comes from.
func (r *Region) Basis() Basis {
	switch {
	case r.Inherited:
		return FollowsState
	case r.By287g:
		return OwnFacts
	case !documented(r.Own):
		return NoData
	case r.Stale:
		return StaleFacts
	}
	return OwnFacts
}

// Fact is the row behind the region's category: its own, or the one it
// follows; nil when the category comes from a 287(g) agreement or there
// is no data.
func (r *Region) Fact() *dataset.Jurisdiction {
	switch r.Basis() {
	case FollowsState:
		return r.From
	case OwnFacts, StaleFacts:
		if !r.By287g {
			return r.Own
		}
	}
	return nil
}

// LastConfirmed is the day of the latest evidence behind the region's
// category: the last ICE list carrying its own agency's agreement, or the
// evidence of the row it shows; zero with no data.
func (r *Region) LastConfirmed() time.Time {
	if r.By287g {
		for _, a := range r.Agreements {
			if r.OwnAgreement(a) {
				if a.ListedTo.IsZero() {
					return a.AsOf
				}
				return a.ListedTo
			}
		}
	}
	switch f := r.Fact(); {
	case f == nil:
		return time.Time{}
	case f == r.Own:
		return r.evidence
	default:
		return f.Evidence()
	}
}

// ConfirmedBy says what last confirmed the region's own row: its latest
// source, or a DOJ complaint against it.
func (r *Region) ConfirmedBy() string { return r.evidenceBy }

// OwnEvidence is the day of the latest evidence that the region's own row
// held; zero when it has none documented.
func (r *Region) OwnEvidence() time.Time { return r.evidence }

// Older is the region's own row when a state limit or mandate shows in
// its place because the row was last confirmed long before the day.
func (r *Region) Older() *dataset.Jurisdiction {
	if r.Inherited && documented(r.Own) {
		return r.Own
	}
	return nil
}

// Summary is the region in one line, as the map's tooltip shows it: name
// and state, level, category and where it comes from, lawsuit state, the
// lists naming it and its 287(g) agreements.
func (r *Region) Summary() string { return r.SummaryIn(i18n.English) }

// SummaryIn is Summary in language l.
func (r *Region) SummaryIn(l i18n.Lang) string {
	name := r.Name
	if r.Level != dataset.State && r.State != "" {
		name += ", " + r.State
	}
	parts := []string{name + " (" + l.T(string(r.Level)) + ")"}
	label := l.T(r.Category.Info().Label)
	switch r.Basis() {
	case NoData:
		parts = append(parts, l.T("no data"))
	case FollowsState:
		parts = append(parts, label+" "+l.T("(follows its state)"))
	case StaleFacts:
		parts = append(parts, label+" "+fmt.Sprintf(l.T("(last confirmed %s)"), r.LastConfirmed().Format("2006")))
	default:
		parts = append(parts, label)
	}
	suit := l.T(r.Suit.String())
	if r.SuitInherited {
		suit += " " + l.T("(its state's)")
	}
	parts = append(parts, suit)
	// Lists by their short ids ("DOJ 2025"): the tooltip is one line.
	var lists []string
	for _, id := range r.ListIDs() {
		lists = append(lists, strings.ToUpper(strings.ReplaceAll(id, "-", " ")))
	}
	if len(lists) > 0 {
		parts = append(parts, fmt.Sprintf(l.T("lists: %s"), strings.Join(lists, ", ")))
	}
	switch n := len(r.Agreements); {
	case n == 1:
		parts = append(parts, l.T("287(g): 1 agreement"))
	case n > 1:
		parts = append(parts, fmt.Sprintf(l.T("287(g): %d agreements"), n))
	}
	return strings.Join(parts, " · ")
}

// OwnAgreement reports whether a is held by the region's own agency.
func (r *Region) OwnAgreement(a *dataset.Agreement) bool { return a.FIPS == r.FIPS }

// OnList reports whether a designation on list names the region.
func (r *Region) OnList(list string) bool {
	return slices.ContainsFunc(r.Lists, func(g *dataset.Designation) bool { return g.List == list })
}

// ListIDs returns the ids of the lists naming the region.
func (r *Region) ListIDs() []string {
	var out []string
	for _, g := range r.Lists {
		if !slices.Contains(out, g.List) {
			out = append(out, g.List)
		}
	}
	slices.Sort(out)
	return out
}

// Sources are the sources behind what the region shows: ICE's list first
// when its own agency's agreement decides the category, then its own row's
// (or that of the row it follows).
func (r *Region) Sources() []string {
	var out []string
	add := func(s []string) {
		for _, v := range s {
			if !slices.Contains(out, v) {
				out = append(out, v)
			}
		}
	}
	for _, a := range r.Agreements {
		if r.By287g && r.OwnAgreement(a) {
			add(a.Sources)
		}
	}
	switch {
	case r.Own != nil && !r.Inherited:
		add(r.Own.Sources)
	case r.From != nil:
		add(r.From.Sources)
	}
	return out
}

// View is what holds at one level on one day.
type View struct {
	// Date is the day; zero for the facts as loaded.
	Date time.Time
	// Data is the dataset as it stood that day.
	Data  *dataset.Dataset
	Level geo.Level
	// Regions are in the order of the boundary layer.
	Regions []Region
	// Cities are the city rows, drawn as markers at every level.
	Cities []Region
	// AgreementsFrom and AgreementsTo bound the days the 287(g) lists
	// cover; before and after, agreements are not known.
	AgreementsFrom, AgreementsTo time.Time
	Filter                       dataset.Filter

	index map[string]*Region
	// day is the day facts are aged against: Date, or for the facts as
	// loaded the day they were last checked.
	day time.Time
}

// Region returns the region or city with code fips, or nil.
func (v *View) Region(fips string) *Region {
	if v == nil {
		return nil
	}
	return v.index[fips]
}

// LevelOf names a boundary level in dataset terms: the one mapping
// between the two.
func LevelOf(l geo.Level) dataset.Level {
	return [...]dataset.Level{geo.States: dataset.State, geo.Counties: dataset.County, geo.Tracts: dataset.Tract}[l]
}

// Resolve computes the view of d at the regions of layer on date (zero:
// as loaded), marking which regions pass f.
func Resolve(d *dataset.Dataset, layer *geo.Layer, date time.Time, f dataset.Filter) *View {
	at := d.At(date)
	v := &View{Date: date, Data: at, Level: layer.Level, Filter: f, index: map[string]*Region{}, day: date}
	if date.IsZero() {
		v.day = d.AsOf()
	}
	v.AgreementsFrom, v.AgreementsTo = d.AgreementsCover()
	v.Regions = make([]Region, len(layer.Regions))
	for i, reg := range layer.Regions {
		r := &v.Regions[i]
		r.FIPS, r.Name, r.Level = reg.FIPS, reg.Name, LevelOf(layer.Level)
		v.resolve(r)
	}
	// Cities: the dataset's, then each town whose own police held a
	// 287(g) agreement that day, the most populous first (the order the
	// map thins markers in); every marker at its Census internal point.
	city := func(fips, name string, lat, lon float64) Region {
		if p, ok := assets.Place(fips); ok {
			lat, lon = p.Lat, p.Lon
		}
		return Region{FIPS: fips, Name: name, Level: dataset.City, Lat: lat, Lon: lon}
	}
	seen := map[string]bool{}
	for _, j := range at.Jurisdictions {
		if j.Level == dataset.City && !seen[j.FIPS] {
			seen[j.FIPS] = true
			v.Cities = append(v.Cities, city(j.FIPS, j.Name, j.Lat, j.Lon))
		}
	}
	var towns []geo.Place
	for _, a := range at.Agreements {
		if seen[a.FIPS] {
			continue
		}
		if p, ok := assets.Place(a.FIPS); ok {
			seen[a.FIPS] = true
			towns = append(towns, p)
		}
	}
	v.addTowns(towns, city)
	for i := range v.Cities {
		v.resolve(&v.Cities[i])
	}
	v.reindex()
	return v
}

// addTowns adds towns to the cities, the most populous first (the order
// the map thins markers in).
func (v *View) addTowns(towns []geo.Place, city func(fips, name string, lat, lon float64) Region) {
	slices.SortStableFunc(towns, func(a, b geo.Place) int { return b.Population - a.Population })
	for _, p := range towns {
		v.Cities = append(v.Cities, city(p.FIPS, p.Name, p.Lat, p.Lon))
	}
}

// reindex indexes the regions and cities by FIPS code, after the cities
// grow.
func (v *View) reindex() {
	clear(v.index)
	for i := range v.Regions {
		v.index[v.Regions[i].FIPS] = &v.Regions[i]
	}
	for i := range v.Cities {
		v.index[v.Cities[i].FIPS] = &v.Cities[i]
	}
}

// AddPlaces adds to the cities the Census places of fips the view does not
// hold yet, resolved as its towns are: the places a user's sheet of towns
// names, to be drawn as markers.
func (v *View) AddPlaces(fips []string) {
	var towns []geo.Place
	for _, f := range fips {
		if p, ok := assets.Place(f); ok && v.index[f] == nil {
			towns = append(towns, p)
		}
	}
	if len(towns) == 0 {
		return
	}
	n := len(v.Cities)
	v.addTowns(towns, func(fips, name string, lat, lon float64) Region {
		return Region{FIPS: fips, Name: name, Level: dataset.City, Lat: lat, Lon: lon}
	})
	for i := n; i < len(v.Cities); i++ {
		v.resolve(&v.Cities[i])
	}
	v.reindex()
}

// documented reports whether a row says something: a row that says only
// that nothing is known yet (unverified, no known policy) does not stand
// in the way of the facts above it.
func documented(j *dataset.Jurisdiction) bool {
	return j != nil && !(j.Category == dataset.NoKnownPolicy && j.Verification == dataset.Unverified)
}

// StateFact is the documented row of r's state on the view's day, or nil
// when the state has no data.
func (v *View) StateFact(r *Region) *dataset.Jurisdiction {
	if j := v.Data.Jurisdiction(r.FIPS[:2]); documented(j) {
		return j
	}
	return nil
}

// binds says a state's category covers every place in it, so that it
// outranks a local fact last confirmed long ago.
func binds(c dataset.Category) bool {
	return c == dataset.StateLimits || c == dataset.StateMandates
}

// resolve applies the precedence rule to r:
//  1. an active 287(g) agreement of the region's own agency (not for a
//     state): AGREEMENT_287G;
//  2. its own documented policy row, unless it is stale and a state limit
//     or mandate covers the region;
//  3. for a tract, its county's own policy;
//  4. its state's policy, inherited;
//  5. else no data.
func (v *View) resolve(r *Region) {
	d := v.Data
	r.Own = d.Jurisdiction(r.FIPS)
	st := r.FIPS[:2]
	r.State = dataset.StateUSPS(st)
	if r.Own != nil {
		r.Name, r.State = r.Own.Name, r.Own.State
	}
	r.Agreements = slices.Clone(d.AgreementsOf(r.FIPS))
	// The region's own agency's agreements first.
	slices.SortStableFunc(r.Agreements, func(a, b *dataset.Agreement) int {
		return boolRank(r.OwnAgreement(b)) - boolRank(r.OwnAgreement(a))
	})
	var up []string
	switch r.Level {
	case dataset.State:
	case dataset.Tract:
		up = []string{r.FIPS[:5], st}
	default:
		up = []string{st}
	}
	var above *dataset.Jurisdiction
	for _, f := range up {
		if j := d.Jurisdiction(f); documented(j) {
			above = j
			break
		}
	}
	if documented(r.Own) {
		r.evidence, r.evidenceBy = r.Own.Evidence(), "its row's latest source"
		if r.Own.LastConfirmed.IsZero() {
			r.evidenceBy = "its row, checked then"
		}
		// A DOJ complaint against the region is a court record of its
		// policy standing on the day it was filed.
		for _, s := range d.Suits(r.FIPS) {
			if s.Filed.After(r.evidence) && !s.Filed.Before(r.Own.Effective) {
				r.evidence, r.evidenceBy = s.Filed, "the DOJ's complaint in "+s.Name
			}
		}
	}
	stale := documented(r.Own) && r.Own.Ended.IsZero() && r.evidence.AddDate(StaleAfter, 0, 0).Before(v.day)
	switch {
	case r.Level != dataset.State && len(r.Agreements) > 0 && r.OwnAgreement(r.Agreements[0]):
		r.Category, r.By287g = dataset.Agreement287g, true
	case documented(r.Own) && !(stale && above != nil && binds(above.Category)):
		r.Category, r.Stale = r.Own.Category, stale
	case above != nil:
		r.From, r.Inherited, r.Category = above, true, above.Category
	default:
		r.Category = dataset.NoKnownPolicy
	}
	r.Suits = slices.Clone(d.Suits(r.FIPS))
	own := len(r.Suits)
	for _, f := range up {
		for _, s := range d.Suits(f) {
			// A suit naming both the region and its state is its own.
			if !slices.Contains(r.Suits, s) {
				r.Suits = append(r.Suits, s)
			}
		}
	}
	r.Suit = dataset.SuitStateOf(r.Suits)
	r.SuitInherited = own == 0 && len(r.Suits) > 0
	r.Lists = d.DesignationsOf(r.FIPS)
	r.Shown = v.Filter.Match(r.Category, r.Suit, r.OnList)
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Count is how many regions and cities show one thing.
type Count struct {
	Regions, Cities int
}

// Counts are the legend's: regions and cities per category (own facts
// only), per basis, per lawsuit state (own suits only), per list, and how
// many follow their state's suits and fall outside the filter. Each
// region is counted once in Category or Basis, and once in Suit or
// SuitInherited, so the legend's lines add up to the whole.
type Counts struct {
	Category      map[dataset.Category]Count
	Basis         map[Basis]Count
	Suit          map[dataset.SuitState]Count
	SuitInherited map[dataset.SuitState]Count
	List          map[string]Count
	Hidden        Count
}

// Counts counts every region and city of the view, shown or not.
func (v *View) Counts() Counts {
	c := Counts{Category: map[dataset.Category]Count{}, Basis: map[Basis]Count{}, Suit: map[dataset.SuitState]Count{}, SuitInherited: map[dataset.SuitState]Count{}, List: map[string]Count{}}
	add := func(rs []Region, city bool) {
		for i := range rs {
			r := &rs[i]
			inc := func(n Count) Count {
				if city {
					n.Cities++
				} else {
					n.Regions++
				}
				return n
			}
			if b := r.Basis(); b == OwnFacts {
				c.Category[r.Category] = inc(c.Category[r.Category])
			} else {
				c.Basis[b] = inc(c.Basis[b])
			}
			if r.SuitInherited {
				c.SuitInherited[r.Suit] = inc(c.SuitInherited[r.Suit])
			} else {
				c.Suit[r.Suit] = inc(c.Suit[r.Suit])
			}
			if !r.Shown {
				c.Hidden = inc(c.Hidden)
			}
			for _, l := range r.ListIDs() {
				c.List[l] = inc(c.List[l])
			}
		}
	}
	add(v.Regions, false)
	add(v.Cities, true)
	return c
}

// AgreementsNote says what the 287(g) lists cannot tell on the view's day:
// before ICE's first archived list agreements are incomplete; after its
// last, their status is unknown. Empty when the day lies within.
func (v *View) AgreementsNote(l i18n.Lang) string {
	from, to := v.AgreementsFrom, v.AgreementsTo
	switch {
	case to.IsZero():
		return ""
	case v.Date.IsZero() || v.Date.After(to):
		return fmt.Sprintf(l.T("287(g): ICE's lists to %s only; later status unknown."), l.Date(to))
	case v.Date.Before(from):
		return fmt.Sprintf(l.T("287(g): ICE's lists before %s are not included; agreements shown are those signed by then and still listed later."), l.Date(from))
	}
	if slices.ContainsFunc(v.Data.Agreements, func(a *dataset.Agreement) bool { return a.Reconstructed }) {
		return l.T("287(g): agreements marked reconstructed were not seen on an ICE list on every day shown; their spans are inferred from ICE's MOA files and the lists either side.")
	}
	return ""
}
