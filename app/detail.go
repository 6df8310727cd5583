package app

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/dataset"
	"sanctuarymap/geo"
	"sanctuarymap/render"
)

// detailSegments describes a region or city for the detail panel. Text from
// the data goes in plain text segments, never parsed as markup, and only
// http(s) sources become links.
func detailSegments(d *dataset.Dataset, b *geo.Boundaries, fips string) []widget.RichTextSegment {
	if fips == "" {
		return []widget.RichTextSegment{para("Click a state, county or city to see its policy, sources and lawsuits.")}
	}
	name := fips
	if lvl, ok := geo.LevelOf(fips); ok {
		if r := b.Layer(lvl).Region(fips); r != nil && r.Name != "" {
			name = r.Name
		}
	}
	own := d.Jurisdiction(fips)
	fill := render.FillOf(d, fips)
	if own != nil {
		name = own.Name
	}
	segs := []widget.RichTextSegment{&widget.TextSegment{Text: name, Style: widget.RichTextStyleHeading}}
	add := func(label, value string) {
		if value == "" {
			return
		}
		segs = append(segs,
			&widget.TextSegment{Text: label + ": ", Style: widget.RichTextStyleStrong},
			&widget.TextSegment{Text: value, Style: widget.RichTextStyleParagraph})
	}
	add("FIPS", fips)
	j := own
	switch {
	case own == nil && fill.Row == nil:
		segs = append(segs, para("No row in the dataset for this jurisdiction or its state."))
		return segs
	case own == nil:
		segs = append(segs, para("No row of its own: the map shows the policy of "+fill.Row.Name+", its state, in a lighter tint."),
			&widget.TextSegment{Text: "Policy of " + fill.Row.Name, Style: widget.RichTextStyleSubHeading})
		j = fill.Row
	case fill.Inherited:
		segs = append(segs, para("Its own policy is not documented yet: the map shows the policy of "+fill.Row.Name+", its state, in a lighter tint."))
	}
	if own != nil {
		add("Level", string(j.Level))
		add("State", j.State)
	}
	info := dataset.CategoryInfo[j.Category]
	add("Category", info.Label+" ("+string(j.Category)+")")
	segs = append(segs, para(info.Definition))
	add("Policy", j.Policy)
	if !j.Effective.IsZero() {
		add("In effect since", j.Effective.Format("2006-01-02"))
	}
	add("On the DOJ list of 2025-08-05", j.OnDOJList)
	add("Verification", string(j.Verification))
	add("Checked", j.AsOf.Format("2006-01-02"))
	add("Notes", j.Notes)
	for _, f := range j.Extra {
		add(f.Name, f.Value)
	}
	if len(j.Sources) > 0 {
		segs = append(segs, &widget.TextSegment{Text: "Sources", Style: widget.RichTextStyleSubHeading})
		segs = append(segs, links(j.Sources)...)
	}
	suits := d.Suits(fips)
	if len(suits) > 0 {
		segs = append(segs, &widget.TextSegment{Text: "DOJ lawsuits", Style: widget.RichTextStyleSubHeading})
	}
	for _, s := range suits {
		segs = append(segs, &widget.TextSegment{Text: s.Name, Style: boldBlock})
		line := []string{s.Court}
		if s.Docket != "" {
			line = append(line, s.Docket)
		}
		line = append(line, "filed "+s.Filed.Format("2006-01-02"), "status "+strings.ReplaceAll(string(s.Status), "_", " "))
		if !s.StatusDate.IsZero() {
			line = append(line, "as of "+s.StatusDate.Format("2006-01-02"))
		}
		segs = append(segs, para(strings.Join(line, " · ")))
		add("Challenged", s.PolicyChallenged)
		add("Notes", s.Notes)
		segs = append(segs, links(s.Sources)...)
	}
	return segs
}

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
