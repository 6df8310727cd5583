package app

import (
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/sheet"
	"sanctuarymap/internal/view"
)

// detailPanel is the Details tab: the search suggestions, when there are
// any, over the description of the selected place.
type detailPanel struct {
	text   *widget.RichText
	scroll *container.Scroll
	box    *fyne.Container
}

func newDetailPanel(suggestions fyne.CanvasObject) *detailPanel {
	d := &detailPanel{text: widget.NewRichText()}
	d.text.Wrapping = fyne.TextWrapWord
	d.scroll = container.NewVScroll(d.text)
	d.box = container.NewBorder(suggestions, nil, nil, nil, d.scroll)
	return d
}

// show describes fips as v resolves it, and its row of the user's sheet
// l (if any); from the top when top is set.
func (d *detailPanel) show(v *view.View, fips string, top bool, l *sheet.Matched) {
	d.text.Segments = append(detailSegments(v, fips), sheetSegments(l, fips)...)
	d.text.Refresh()
	if top {
		d.scroll.ScrollToTop()
	}
}

// maxOtherAgreements caps the other agencies' agreements listed for one
// region: a county seat's towns can hold dozens.
const maxOtherAgreements = 12

// detailSegments describes a region or city of v for the detail panel,
// exactly as the map resolves it. Text from the data goes in plain text
// segments, never parsed as markup, and only http(s) sources become links.
func detailSegments(v *view.View, fips string) []widget.RichTextSegment {
	if fips == "" {
		return []widget.RichTextSegment{para(lang.L("Click a state, county or city to see its policy, sources and lawsuits."))}
	}
	r := v.Region(fips)
	if r == nil {
		return []widget.RichTextSegment{&widget.TextSegment{Text: fips, Style: widget.RichTextStyleHeading},
			para(lang.L("Not shown at this level."))}
	}
	// What a reader came for leads: the category, the suits and lists,
	// the 287(g) standing and how old the facts are; then the policy
	// text, the particulars, and the sources last.
	p := &panel{}
	p.header(v, r)
	p.glance(r)
	if i18n.FromEnv() != i18n.English {
		p.text(lang.L("Policy texts, notes and source titles are in English, as they were researched."))
	}
	row := p.policyRow(r)
	p.older(r)
	p.segs = append(p.segs, agreementSegments(v, r)...)
	p.lists(r.Lists)
	p.suits(r)
	if row != nil && len(row.Sources) > 0 {
		p.sub(lang.L("Sources of the policy"))
		p.links(row.Sources)
	}
	return p.segs
}

// glance sums up, one line each, the suits naming the region or its
// state with their status on the view's day, the lists naming it, its
// 287(g) standing, and the day of the latest evidence behind the map.
func (p *panel) glance(r *view.Region) {
	for _, s := range r.Suits {
		label := lang.L("DOJ suit, its own")
		if !slices.Contains(s.Defendants, r.FIPS) {
			label = lang.L("DOJ suit, its state's")
		}
		status := lang.L(s.Status.Label())
		if !s.StatusDate.IsZero() {
			status += " (" + date(s.StatusDate) + ")"
		}
		p.add(label, s.Name+": "+status)
	}
	if len(r.Suits) == 0 {
		p.add(lang.L("DOJ suit"), lang.L("none on this day"))
	}
	var names []string
	for _, g := range r.Lists {
		names = append(names, word(dataset.ListTitle(g.List)))
	}
	if len(names) > 0 {
		p.add(lang.L("Named on"), strings.Join(names, "; "))
	} else {
		p.add(lang.L("Named on"), lang.L("no official list on this day"))
	}
	own, others := 0, 0
	for _, a := range r.Agreements {
		if r.OwnAgreement(a) {
			own++
		} else {
			others++
		}
	}
	standing := lang.L("its own agency holds none on this day")
	if own > 0 {
		standing = fmt.Sprintf(lang.L("its own agency holds %d on this day"), own)
	}
	if others > 0 {
		standing += fmt.Sprintf(lang.L("; %d of other agencies in it"), others)
	}
	p.add(lang.L("287(g)"), standing)
	if d := r.LastConfirmed(); !d.IsZero() {
		line := date(d)
		switch {
		case r.By287g:
			line += " (" + lang.L("ICE's list") + ")"
		case r.Fact() == r.Own:
			line += " (" + r.ConfirmedBy() + ")"
		}
		if r.Stale {
			line += fmt.Sprintf(lang.L(": more than %d years before this day, so the map draws it lined"), view.StaleAfter)
		}
		p.add(lang.L("Last confirmed"), line)
	}
}

// older shows the region's own row that a state limit or mandate
// outranks because it was last confirmed long before the day.
func (p *panel) older(r *view.Region) {
	o := r.Older()
	if o == nil {
		return
	}
	p.sub(lang.L("Its own older fact"))
	p.text(fmt.Sprintf(lang.L("Last confirmed %s (%s), more than %d years before this day; %s's %s covers it now."),
		date(r.OwnEvidence()), r.ConfirmedBy(), view.StaleAfter, r.From.Name, lang.L(r.From.Category.Info().Label)))
	p.add(lang.L("Category of the row"), lang.L(o.Category.Info().Label))
	p.add(lang.L("Policy"), o.Policy)
	if !o.Effective.IsZero() {
		p.add(lang.L("In effect since"), date(o.Effective))
	}
	p.links(o.Sources)
}

// sheetSegments shows the cells of fips's row in the user's sheet l.
func sheetSegments(l *sheet.Matched, fips string) []widget.RichTextSegment {
	row, ok := l.Row(fips)
	if !ok {
		return nil
	}
	p := &panel{}
	p.sub(fmt.Sprintf(lang.L("From %s"), filepath.Base(l.File)))
	for i, h := range l.Header {
		if i < len(row) {
			p.add(h, row[i])
		}
	}
	p.add(fmt.Sprintf(lang.L("Class of %s"), l.By), l.Class(fips, i18n.FromEnv()))
	return p.segs
}

// panel collects the detail panel's segments, section by section.
type panel struct{ segs []widget.RichTextSegment }

// add shows "label: value", or nothing for an empty value.
func (p *panel) add(label, value string) {
	if value == "" {
		return
	}
	p.segs = append(p.segs,
		&widget.TextSegment{Text: label + ": ", Style: widget.RichTextStyleStrong},
		&widget.TextSegment{Text: value, Style: widget.RichTextStyleParagraph})
}

func (p *panel) sub(s string) {
	p.segs = append(p.segs, &widget.TextSegment{Text: s, Style: widget.RichTextStyleSubHeading})
}

func (p *panel) text(s string) { p.segs = append(p.segs, para(s)) }

func (p *panel) bold(s string) {
	p.segs = append(p.segs, &widget.TextSegment{Text: s, Style: boldBlock})
}

func (p *panel) links(sources []string) { p.segs = append(p.segs, links(sources)...) }

// header names the region, says why the map shows it as it does, and
// defines its category.
func (p *panel) header(v *view.View, r *view.Region) {
	p.segs = append(p.segs, &widget.TextSegment{Text: r.Name, Style: widget.RichTextStyleHeading})
	p.add(lang.L("FIPS"), r.FIPS)
	p.add(lang.L("Level"), lang.L(string(r.Level)))
	p.add(lang.L("State"), r.State)
	switch {
	case r.By287g:
		p.text(lang.L("Its own agency held a 287(g) agreement with ICE on this day (listed below), so the map shows it as a 287(g) agreement."))
	case r.Older() != nil:
		p.text(fmt.Sprintf(lang.L("Its own fact was last confirmed long before this day, and a state law covers it: the map shows the policy of %s, dotted."), r.From.Name))
	case r.Inherited:
		p.text(fmt.Sprintf(lang.L("No documented policy of its own: the map shows the policy of %s, dotted."), r.From.Name))
	case r.Basis() == view.NoData:
		p.add(lang.L("Category"), lang.L("No data"))
		p.text(lang.L("No researched fact holds for this jurisdiction or its state on this day."))
		return
	}
	info := r.Category.Info()
	p.add(lang.L("Category"), lang.L(info.Label)+" ("+string(r.Category)+")")
	p.text(lang.L(info.Definition))
	if r.Level != dataset.State && !r.Inherited {
		state := lang.L("No data")
		if j := v.StateFact(r); j != nil {
			state = lang.L(j.Category.Info().Label) + " (" + j.Name + ")"
		}
		p.add(lang.L("State policy"), state)
	}
}

// policyRow shows the row behind the region, its own or its state's,
// all but its sources, and returns it.
func (p *panel) policyRow(r *view.Region) *dataset.Jurisdiction {
	row := r.Own
	switch {
	case r.Inherited:
		row = r.From
		p.sub(fmt.Sprintf(lang.L("Policy of %s"), r.From.Name))
	case r.Basis() == view.NoData:
		return nil
	case r.By287g && row != nil:
		p.sub(lang.L("Its own policy row"))
		p.add(lang.L("Category of the row"), lang.L(row.Category.Info().Label))
	default:
		p.sub(lang.L("Policy"))
	}
	if row == nil {
		return nil
	}
	p.add(lang.L("Policy"), row.Policy)
	if !row.Effective.IsZero() {
		p.add(lang.L("In effect since"), date(row.Effective))
	}
	if !row.Ended.IsZero() {
		p.add(lang.L("Ended"), date(row.Ended))
	}
	p.add(lang.L("Verification"), word(string(row.Verification)))
	p.add(lang.L("Checked"), date(row.AsOf))
	p.add(lang.L("Notes"), row.Notes)
	for _, f := range row.Extra {
		p.add(f.Name, f.Value)
	}
	return row
}

// lists shows the official lists naming the region, with their dates.
func (p *panel) lists(lists []*dataset.Designation) {
	if len(lists) > 0 {
		p.sub(lang.L("Official lists"))
	}
	for _, g := range lists {
		p.bold(word(dataset.ListTitle(g.List)))
		line := fmt.Sprintf(lang.L("named from %s"), date(g.ListedFrom))
		if !g.RemovedOn.IsZero() {
			line += fmt.Sprintf(lang.L(", removed %s"), date(g.RemovedOn))
		}
		p.text(line + " · " + fmt.Sprintf(lang.L("%s, checked %s"), word(string(g.Verification)), date(g.AsOf)))
		p.add(lang.L("Notes"), g.Notes)
		p.links(g.Sources)
	}
}

// suits shows the DOJ suits against the region or its state.
func (p *panel) suits(r *view.Region) {
	if len(r.Suits) > 0 {
		p.sub(lang.L("DOJ lawsuits"))
	}
	for _, s := range r.Suits {
		p.bold(s.Name)
		if !slices.Contains(s.Defendants, r.FIPS) {
			p.text(fmt.Sprintf(lang.L("Against its state: the law it challenges binds %s too."), r.Name))
		}
		line := []string{s.Court}
		if s.Docket != "" {
			line = append(line, s.Docket)
		}
		line = append(line, fmt.Sprintf(lang.L("filed %s"), date(s.Filed)), fmt.Sprintf(lang.L("status %s"), lang.L(s.Status.Label())))
		if !s.StatusDate.IsZero() {
			line = append(line, fmt.Sprintf(lang.L("as of %s"), date(s.StatusDate)))
		}
		p.text(strings.Join(line, " · "))
		p.add(lang.L("Challenged"), s.PolicyChallenged)
		p.add(lang.L("Notes"), s.Notes)
		p.links(s.Sources)
	}
}

// agreementSegments lists the 287(g) agreements active on the view's day:
// the region's own agency's, then up to maxOtherAgreements of others in it.
func agreementSegments(v *view.View, r *view.Region) []widget.RichTextSegment {
	if len(r.Agreements) == 0 {
		return nil
	}
	var segs []widget.RichTextSegment
	sub := func(s string) {
		segs = append(segs, &widget.TextSegment{Text: s, Style: widget.RichTextStyleSubHeading})
	}
	var own, others []*dataset.Agreement
	for _, a := range r.Agreements {
		if r.OwnAgreement(a) {
			own = append(own, a)
		} else {
			others = append(others, a)
		}
	}
	line := func(a *dataset.Agreement) {
		parts := []string{a.Model}
		if !a.Signed.IsZero() {
			parts = append(parts, fmt.Sprintf(lang.L("signed %s"), date(a.Signed)))
		}
		parts = append(parts, fmt.Sprintf(lang.L("listed from %s"), date(a.ListedFrom)))
		if a.ListedTo.IsZero() {
			parts = append(parts, fmt.Sprintf(lang.L("on ICE's list of %s"), date(a.AsOf)))
		} else {
			parts = append(parts, fmt.Sprintf(lang.L("last listed %s"), date(a.ListedTo)))
		}
		if a.Reconstructed {
			parts = append(parts, lang.L("span reconstructed: not seen on an ICE list every day (see notes)"))
		}
		segs = append(segs, &widget.TextSegment{Text: a.Agency, Style: boldBlock}, para(strings.Join(parts, " · ")))
	}
	if len(own) > 0 {
		sub(lang.L("287(g) agreements of its own agency"))
		for _, a := range own {
			line(a)
		}
	}
	if len(others) > 0 {
		sub(fmt.Sprintf(lang.L("287(g) agreements of other agencies in %s"), r.Name))
		for _, a := range others[:min(len(others), maxOtherAgreements)] {
			line(a)
		}
		if n := len(others) - maxOtherAgreements; n > 0 {
			segs = append(segs, para(fmt.Sprintf(lang.L("and %s more (see sanctuarymap table or the agreements file)"), i18n.FromEnv().Int(n))))
		}
	}
	if note := v.AgreementsNote(i18n.FromEnv()); note != "" {
		segs = append(segs, para(note))
	}
	segs = append(segs, links(r.Agreements[0].Sources[:1])...)
	return segs
}

// date writes t as the window's language writes dates; Fyne's lang reads
// the same locale.
func date(t time.Time) string { return i18n.FromEnv().Date(t) }

// word is the window's word for a value a file may spell (a verification
// mark, a list's title), or the value itself when the program has no word
// for it: unlike lang.L it reports no missing translation.
func word(s string) string { return i18n.FromEnv().T(s) }

// boldBlock is a bold line of its own (RichTextStyleStrong runs inline).
var boldBlock = widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameText, ColorName: theme.ColorNameForeground}

func para(s string) *widget.TextSegment {
	return &widget.TextSegment{Text: s, Style: widget.RichTextStyleParagraph}
}

func links(sources []string) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for _, s := range sources {
		u, err := url.Parse(s)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			out = append(out, para(s))
			continue
		}
		// Links run inline; an empty paragraph puts each on its own line.
		out = append(out, &widget.HyperlinkSegment{Text: linkText(u), URL: u}, para(""))
	}
	return out
}

// linkText shortens a URL for display: host and path, cut to fit the panel,
// since a link does not wrap.
func linkText(u *url.URL) string {
	const maxLen = 44
	t := []rune(strings.TrimPrefix(u.Host, "www.") + u.EscapedPath())
	if len(t) > maxLen {
		return string(t[:maxLen-1]) + "…"
	}
	return string(t)
}
