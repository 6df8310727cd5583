package view

import (
	"fmt"
	"slices"
	"strings"

	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/i18n"
)

// A Comparison sets two terms side by side: each an official list's id
// ("doj-2025") or a policy category ("AGREEMENT_287G"). It sorts every
// region into one of four sides.
type Comparison struct{ A, B string }

// Side is where a region stands in a comparison.
type Side int

const (
	OnNeither Side = iota
	OnlyA
	OnlyB
	OnBoth
)

// Sides lists the sides in legend order.
func Sides() []Side { return []Side{OnBoth, OnlyA, OnlyB, OnNeither} }

// ParseComparison reads "A,B" as --compare takes it. Each term is a list
// id or a category code; ids of lists the data does not hold are accepted
// (nothing is on them) so a comparison can be set before its data is
// loaded.
func ParseComparison(s string) (Comparison, error) {
	a, b, ok := strings.Cut(s, ",")
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	if !ok || a == "" || b == "" || strings.Contains(b, ",") {
		return Comparison{}, fmt.Errorf("--compare takes two lists or categories separated by a comma, such as doj-2025,dhs-2025 or doj-2025,AGREEMENT_287G; not %q", s)
	}
	return Comparison{A: a, B: b}, nil
}

// Has reports whether r falls under term on the view's day: named by the
// list, or shown in the category (its own or its state's, as the map
// shows it).
func (r *Region) Has(term string) bool {
	if slices.Contains(dataset.Categories(), dataset.Category(term)) {
		return r.Basis() != NoData && r.Category == dataset.Category(term)
	}
	return slices.ContainsFunc(r.Lists, func(g *dataset.Designation) bool { return g.List == term })
}

// SideOf is where r stands in c.
func (r *Region) SideOf(c Comparison) Side {
	a, b := r.Has(c.A), r.Has(c.B)
	switch {
	case a && b:
		return OnBoth
	case a:
		return OnlyA
	case b:
		return OnlyB
	}
	return OnNeither
}

// TermLabel names a term for a legend: a list's title or a category's
// label.
func TermLabel(term string) string {
	if c := dataset.Category(term); slices.Contains(dataset.Categories(), c) {
		return c.Info().Label
	}
	return dataset.ListTitle(term)
}

// termShort names a term in a legend line: a list by its id as the
// tooltip does ("DOJ 2025"), a category by its label.
func termShort(term string) string {
	if c := dataset.Category(term); slices.Contains(dataset.Categories(), c) {
		return c.Info().Label
	}
	return strings.ToUpper(strings.ReplaceAll(term, "-", " "))
}

// Label is the legend's line for side s of c.
func (c Comparison) Label(s Side) string { return c.LabelIn(s, i18n.English) }

// LabelIn is Label in language l.
func (c Comparison) LabelIn(s Side, l i18n.Lang) string {
	a, b := l.T(termShort(c.A)), l.T(termShort(c.B))
	switch s {
	case OnBoth:
		return fmt.Sprintf(l.T("Both: %s and %s"), a, b)
	case OnlyA:
		return fmt.Sprintf(l.T("Only %s"), a)
	case OnlyB:
		return fmt.Sprintf(l.T("Only %s"), b)
	}
	return l.T("Neither")
}

// CountSides counts the regions and cities of v on each side of c, shown
// or not, as the legend does.
func (v *View) CountSides(c Comparison) map[Side]Count {
	out := map[Side]Count{}
	for _, rs := range [][]Region{v.Regions, v.Cities} {
		for i := range rs {
			s := rs[i].SideOf(c)
			n := out[s]
			if rs[i].Level == dataset.City {
				n.Cities++
			} else {
				n.Regions++
			}
			out[s] = n
		}
	}
	return out
}
