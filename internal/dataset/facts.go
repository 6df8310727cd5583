package dataset

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"time"

	"sanctuarymap/internal/fileerr"
)

// Models are the 287(g) models ICE lists.
func Models() []string {
	return []string{"Jail Enforcement Model", "Task Force Model", "Warrant Service Officer"}
}

// Agreement is one 287(g) agreement of one agency under one model, as ICE
// listed it: a row of an agreements file.
type Agreement struct {
	// FIPS is the jurisdiction whose own agency holds the agreement: the
	// state for a state agency, the county for a sheriff or county jail,
	// the Census place for a town's police; empty for agencies that are no
	// jurisdiction's own (campus, port, regional jail, constable).
	FIPS        string
	State       string // USPS code
	County      string // the county the agency sits in, where known
	Agency      string
	AgencyLevel string // county, municipal, state, campus, …
	Model       string
	Signed      time.Time // zero when ICE printed none
	// ListedFrom and ListedTo are the first and last of ICE's lists that
	// carry the agreement; ListedTo is zero while it is on the latest list
	// the file was built from (see AsOf).
	ListedFrom, ListedTo time.Time
	// Reconstructed says the agreement was not seen on an ICE list on
	// every day of its span: part of it is inferred from MOA files and
	// the lists either side (the span column; notes say which part).
	Reconstructed bool
	AsOf          time.Time
	Sources       []string
	Verification  Verification
	Notes         string
	Extra         []Field
	File          string
	Line          int
}

// Start is when the agreement began: its signing, or its first listing if
// that came first.
func (a *Agreement) Start() time.Time {
	if !a.Signed.IsZero() && a.Signed.Before(a.ListedFrom) {
		return a.Signed
	}
	return a.ListedFrom
}

// ActiveOn reports whether the agreement held on date: from its start
// through its last listing.
func (a *Agreement) ActiveOn(date time.Time) bool {
	return !a.Start().After(date) && (a.ListedTo.IsZero() || !a.ListedTo.Before(date))
}

// overlaps reports whether a and b held on a common day.
func (a *Agreement) overlaps(b *Agreement) bool {
	ends := func(x, y *Agreement) bool { return !x.ListedTo.IsZero() && x.ListedTo.Before(y.Start()) }
	return !ends(a, b) && !ends(b, a)
}

// Designation is a jurisdiction named on an official list, with the dates
// it was named and, where it was taken off, removed.
type Designation struct {
	FIPS, Name, State string
	List              string // a list's id, e.g. doj-2025
	Title             string // the list's display name
	ListedFrom        time.Time
	RemovedOn         time.Time // zero while listed
	AsOf              time.Time
	Sources           []string
	Verification      Verification
	Notes             string
	Extra             []Field
	File              string
	Line              int
	NameColumn        int // of the name cell, for messages about it
}

// ActiveOn reports whether the jurisdiction was on the list on date.
func (g *Designation) ActiveOn(date time.Time) bool {
	return !g.ListedFrom.After(date) && (g.RemovedOn.IsZero() || date.Before(g.RemovedOn))
}

// lists names the official lists the program knows; a file may name others,
// shown by their id.
var lists = map[string]string{
	"doj-2025": "DOJ list of 2025-08-05",
	"dhs-2025": "DHS list of 2025-05-29 (withdrawn)",
}

// ListTitle returns the display name of a list id the program knows, or
// the id.
func ListTitle(id string) string {
	if t, ok := lists[id]; ok {
		return t
	}
	return id
}

func knownLists() string {
	ids := slices.Sorted(maps.Keys(lists))
	for i, id := range ids {
		ids[i] = id + " (" + lists[id] + ")"
	}
	return strings.Join(ids, ", ")
}

// dated is a date cell by its column, for checks across columns.
type dated struct {
	col  string
	date time.Time
}

// notAfterAsOf checks that no date of a row is later than the day the row
// was checked: what was seen on an ICE list or a DOJ page cannot postdate
// the looking.
func (t *table) notAfterAsOf(r *row, asOf time.Time, errs *fileerr.List, ds ...dated) {
	if asOf.IsZero() {
		return
	}
	for _, d := range ds {
		if d.date.After(asOf) {
			*errs = append(*errs, t.errAt(r, d.col, "%s %s is after the row's as_of %s", d.col, d.date.Format(time.DateOnly), asOf.Format(time.DateOnly)))
		}
	}
}

var (
	agreementColumns   = []string{"fips", "state", "county_fips", "agency", "agency_level", "model", "signed", "listed_from", "listed_to", "as_of", "source", "verification"}
	designationColumns = []string{"fips", "name", "state", "list", "listed_from", "removed_on", "as_of", "source", "verification"}
	listID             = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
)

// code checks an optional FIPS code of one of the lengths given that must
// lie in state st.
func (t *table) code(r *row, c, st string, lengths []int, errs *fileerr.List) string {
	v := t.get(r, c)
	switch {
	case v == "":
	case !isDigits(v) || !slices.Contains(lengths, len(v)):
		*errs = append(*errs, t.errAt(r, c, "%s %q is not a %s-digit FIPS code", c, v, digitList(lengths)))
	case st != "" && v[:2] != st:
		*errs = append(*errs, t.errAt(r, c, "%s %q does not start with %s, the code of its state", c, v, st))
	}
	return v
}

func digitList(n []int) string {
	s := make([]string, len(n))
	for i, v := range n {
		s[i] = fmt.Sprint(v)
	}
	return strings.Join(s, ", ")
}

func (t *table) state(r *row, errs *fileerr.List) (usps, fips string) {
	usps = t.get(r, "state")
	fips, ok := stateFIPS[usps]
	if !ok {
		*errs = append(*errs, t.errAt(r, "state", "state %q is not a USPS code of a state, DC or Puerto Rico", usps))
	}
	return usps, fips
}

// checked reads what every fact carries: when it was checked, how, and
// its sources.
func (t *table) checked(r *row, errs *fileerr.List) (asOf time.Time, v Verification, sources []string) {
	asOf = t.asOf(r, errs)
	v = t.verification(r, errs)
	return asOf, v, t.sources(r, v, errs)
}

func (t *table) agreement(r *row) (*Agreement, fileerr.List) {
	var errs fileerr.List
	a := &Agreement{
		Agency:      t.get(r, "agency"),
		AgencyLevel: t.get(r, "agency_level"),
		Model:       t.get(r, "model"),
		Notes:       t.get(r, "notes"),
		File:        t.name,
		Line:        r.line,
	}
	var st string
	a.State, st = t.state(r, &errs)
	a.FIPS = t.code(r, "fips", st, []int{2, 5, 7}, &errs)
	a.County = t.code(r, "county_fips", st, []int{5}, &errs)
	if a.Agency == "" {
		errs = append(errs, t.errAt(r, "agency", "agency is empty"))
	}
	if a.AgencyLevel == "" {
		errs = append(errs, t.errAt(r, "agency_level", "agency_level is empty; want county, municipal, state or another kind of agency"))
	}
	if !slices.Contains(Models(), a.Model) {
		errs = append(errs, t.errAt(r, "model", "model %q is unknown; want one of %s", a.Model, strings.Join(Models(), ", ")))
	}
	a.Signed = t.date(r, "signed", false, &errs)
	a.ListedFrom = t.date(r, "listed_from", true, &errs)
	a.ListedTo = t.date(r, "listed_to", false, &errs)
	if !a.ListedTo.IsZero() && a.ListedTo.Before(a.ListedFrom) {
		errs = append(errs, t.errAt(r, "listed_to", "listed_to %s is before listed_from %s", a.ListedTo.Format(time.DateOnly), a.ListedFrom.Format(time.DateOnly)))
	}
	switch span := t.get(r, "span"); span {
	case "", "observed":
	case "reconstructed":
		a.Reconstructed = true
	default:
		errs = append(errs, t.errAt(r, "span", "span %q is neither observed nor reconstructed", span))
	}
	a.AsOf, a.Verification, a.Sources = t.checked(r, &errs)
	t.notAfterAsOf(r, a.AsOf, &errs, dated{"signed", a.Signed}, dated{"listed_from", a.ListedFrom}, dated{"listed_to", a.ListedTo})
	a.Extra = t.extra(r, append(agreementColumns, "span", "notes"))
	if len(errs) > 0 {
		return nil, errs
	}
	return a, nil
}

func (t *table) designation(r *row) (*Designation, fileerr.List) {
	var errs fileerr.List
	g := &Designation{
		Name:       t.get(r, "name"),
		List:       t.get(r, "list"),
		Notes:      t.get(r, "notes"),
		File:       t.name,
		Line:       r.line,
		NameColumn: t.column(r, "name"),
	}
	var st string
	g.State, st = t.state(r, &errs)
	g.FIPS = t.code(r, "fips", st, []int{2, 5, 7}, &errs)
	if g.FIPS == "" {
		errs = append(errs, t.errAt(r, "fips", "fips is empty; a designation names a jurisdiction by its code"))
	}
	g.Title = lists[g.List]
	switch {
	case !listID.MatchString(g.List):
		errs = append(errs, t.errAt(r, "list", "list %q is not a list id such as doj-2025 (lower-case letters, digits and hyphens)", g.List))
	case g.Title == "" && t.get(r, "list_title") == "":
		errs = append(errs, t.errAt(r, "list", "list %q is unknown; the lists known are %s; declare a list of your own by its title in a list_title column", g.List, knownLists()))
	case g.Title == "":
		g.Title = t.get(r, "list_title")
	}
	g.ListedFrom = t.date(r, "listed_from", true, &errs)
	g.RemovedOn = t.date(r, "removed_on", false, &errs)
	if !g.RemovedOn.IsZero() && g.RemovedOn.Before(g.ListedFrom) {
		errs = append(errs, t.errAt(r, "removed_on", "removed_on %s is before listed_from %s", g.RemovedOn.Format(time.DateOnly), g.ListedFrom.Format(time.DateOnly)))
	}
	g.AsOf, g.Verification, g.Sources = t.checked(r, &errs)
	t.notAfterAsOf(r, g.AsOf, &errs, dated{"listed_from", g.ListedFrom}, dated{"removed_on", g.RemovedOn})
	g.Extra = t.extra(r, append(designationColumns, "list_title", "notes"))
	if len(errs) > 0 {
		return nil, errs
	}
	return g, nil
}
