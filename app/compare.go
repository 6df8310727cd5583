package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/view"
)

// comparePanel chooses the two terms the "Compare lists" colouring sets
// side by side: the official lists the data holds and the policy
// categories. It sits above the legend, which shows the four sides, and
// only while that colouring is chosen.
type comparePanel struct {
	a, b     *widget.Select
	box      *fyne.Container
	terms    []string // a, b's options, in order, as terms
	onChange func(view.Comparison)
}

func newComparePanel(onChange func(view.Comparison)) *comparePanel {
	p := &comparePanel{onChange: onChange}
	changed := func(string) { p.onChange(p.comparison()) }
	p.a, p.b = widget.NewSelect(nil, changed), widget.NewSelect(nil, changed)
	p.box = container.NewBorder(nil, nil, widget.NewLabel(lang.L("Compare")), nil,
		container.NewGridWithColumns(2, p.a, p.b))
	p.box.Hide()
	return p
}

// setTerms offers the lists of d and every category, keeping the choice
// where it still exists (by default the DOJ's list against the DHS's).
func (p *comparePanel) setTerms(d *dataset.Dataset, c view.Comparison) {
	p.terms = p.terms[:0]
	for _, g := range d.Designations {
		if !slices.Contains(p.terms, g.List) {
			p.terms = append(p.terms, g.List)
		}
	}
	slices.Sort(p.terms)
	slices.Reverse(p.terms) // doj-2025 before dhs-2025: the newer list first
	for _, cat := range dataset.Categories() {
		p.terms = append(p.terms, string(cat))
	}
	var labels []string
	for _, t := range p.terms {
		labels = append(labels, word(view.TermLabel(t)))
	}
	onChange := p.onChange
	p.onChange = func(view.Comparison) {} // setting the choices is not a choice
	p.a.SetOptions(labels)
	p.b.SetOptions(labels)
	p.a.SetSelectedIndex(max(0, slices.Index(p.terms, c.A)))
	p.b.SetSelectedIndex(max(0, slices.Index(p.terms, c.B)))
	p.onChange = onChange
}

func (p *comparePanel) comparison() view.Comparison {
	term := func(s *widget.Select) string {
		if i := s.SelectedIndex(); i >= 0 && i < len(p.terms) {
			return p.terms[i]
		}
		return ""
	}
	return view.Comparison{A: term(p.a), B: term(p.b)}
}
