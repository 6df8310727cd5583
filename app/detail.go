package app

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/dataset"
	"sanctuarymap/view"
)

// maxOtherAgreements caps the other agencies' agreements listed for one
// region: a county seat's towns can hold dozens.
const maxOtherAgreements = 12

// detailSegments describes a region or city of v for the detail panel,
// exactly as the map resolves it. Text from the data goes in plain text
// segments, never parsed as markup, and only http(s) sources become links.
func detailSegments(v *view.View, fips string) []widget.RichTextSegment {
	if fips == "" {
		return []widget.RichTextSegment{para("Click a state, county or city to see its policy, sources and lawsuits.")}
	}
	r := v.Region(fips)
	if r == nil {
		return []widget.RichTextSegment{&widget.TextSegment{Text: fips, Style: widget.RichTextStyleHeading},
			para("Not shown at this level.")}
	}
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: r.Name, Style: widget.RichTextStyleHeading}}
	add := func(label, value string) {
		if value == "" {
			return
		}
		segs = append(segs,
			&widget.TextSegment{Text: label + ": ", Style: widget.RichTextStyleStrong},
			&widget.TextSegment{Text: value, Style: widget.RichTextStyleParagraph})
	}
	sub := func(s string) {
		segs = append(segs, &widget.TextSegment{Text: s, Style: widget.RichTextStyleSubHeading})
	}
	add("FIPS", fips)
	add("Level", string(r.Level))
	add("State", r.State)
	state := v.Data.Jurisdiction(fips[:2])
	switch {
	case r.By287g:
		segs = append(segs, para("Its own agency held a 287(g) agreement with ICE on this day (listed below), so the map shows it as a 287(g) agreement."))
	case r.Inherited:
		segs = append(segs, para("No documented policy of its own: the map shows the policy of "+r.From.Name+" in a lighter tint."))
	case r.Own == nil && r.Level != dataset.State:
		segs = append(segs, para("No row in the dataset for this jurisdiction or its state."))
	}
	info := dataset.CategoryInfo[r.Category]
	add("Category", info.Label+" ("+string(r.Category)+")")
	segs = append(segs, para(info.Definition))
	if r.Level != dataset.State && !r.Inherited && state != nil {
		add("State policy", dataset.CategoryInfo[state.Category].Label+" ("+state.Name+")")
	}
	row := r.Own
	switch {
	case r.Inherited:
		row = r.From
		sub("Policy of " + r.From.Name)
	case r.By287g && row != nil:
		sub("Its own policy row")
		add("Category of the row", dataset.CategoryInfo[row.Category].Label)
	}
	if row != nil {
		add("Policy", row.Policy)
		if !row.Effective.IsZero() {
			add("In effect since", row.Effective.Format(day))
		}
		if !row.Ended.IsZero() {
			add("Ended", row.Ended.Format(day))
		}
		add("Verification", string(row.Verification))
		add("Checked", row.AsOf.Format(day))
		add("Notes", row.Notes)
		for _, f := range row.Extra {
			add(f.Name, f.Value)
		}
		if len(row.Sources) > 0 {
			sub("Sources")
			segs = append(segs, links(row.Sources)...)
		}
	}
	segs = append(segs, agreementSegments(v, r)...)
	if len(r.Lists) > 0 {
		sub("Official lists")
	}
	for _, g := range r.Lists {
		segs = append(segs, &widget.TextSegment{Text: dataset.ListTitle(g.List), Style: boldBlock})
		line := "named from " + g.ListedFrom.Format(day)
		if !g.RemovedOn.IsZero() {
			line += ", removed " + g.RemovedOn.Format(day)
		}
		segs = append(segs, para(line+" · "+string(g.Verification)+", checked "+g.AsOf.Format(day)))
		add("Notes", g.Notes)
		segs = append(segs, links(g.Sources)...)
	}
	if len(r.Suits) > 0 {
		sub("DOJ lawsuits")
	}
	for _, s := range r.Suits {
		segs = append(segs, &widget.TextSegment{Text: s.Name, Style: boldBlock})
		if !slices.Contains(s.Defendants, fips) {
			segs = append(segs, para("Against its state: the law it challenges binds "+r.Name+" too."))
		}
		line := []string{s.Court}
		if s.Docket != "" {
			line = append(line, s.Docket)
		}
		line = append(line, "filed "+s.Filed.Format(day), "status "+strings.ReplaceAll(string(s.Status), "_", " "))
		if !s.StatusDate.IsZero() {
			line = append(line, "as of "+s.StatusDate.Format(day))
		}
		segs = append(segs, para(strings.Join(line, " · ")))
		add("Challenged", s.PolicyChallenged)
		add("Notes", s.Notes)
		segs = append(segs, links(s.Sources)...)
	}
	return segs
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
			parts = append(parts, "signed "+a.Signed.Format(day))
		}
		parts = append(parts, "listed from "+a.ListedFrom.Format(day))
		if a.ListedTo.IsZero() {
			parts = append(parts, "on ICE's list of "+a.AsOf.Format(day))
		} else {
			parts = append(parts, "last listed "+a.ListedTo.Format(day))
		}
		segs = append(segs, &widget.TextSegment{Text: a.Agency, Style: boldBlock}, para(strings.Join(parts, " · ")))
	}
	if len(own) > 0 {
		sub("287(g) agreements of its own agency")
		for _, a := range own {
			line(a)
		}
	}
	if len(others) > 0 {
		sub("287(g) agreements of other agencies in " + r.Name)
		for _, a := range others[:min(len(others), maxOtherAgreements)] {
			line(a)
		}
		if n := len(others) - maxOtherAgreements; n > 0 {
			segs = append(segs, para(fmt.Sprintf("and %d more (see sanctuarymap table or the agreements file)", n)))
		}
	}
	if note := v.AgreementsNote(); note != "" {
		segs = append(segs, para(note))
	}
	segs = append(segs, links(r.Agreements[0].Sources[:1])...)
	return segs
}

const day = "2006-01-02"

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
