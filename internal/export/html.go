package export

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/pngmeta"
	"sanctuarymap/internal/render"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/view"
)

// The page's own script and style, inlined into every page: no file and
// no request beside it.
var (
	//go:embed page.js
	pageJS string
	//go:embed page.css
	pageCSS string
)

// csp allows the page nothing from the network: its script and style are
// inline, and no image, font or connection is fetched.
const csp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

// page is what the script reads: the regions and cities with what the
// program resolved for each on each day, run-length encoded.
type page struct {
	Title, Footer string
	Days          []string    `json:"days"`
	Level         string      `json:"level"`
	Categories    []pageCat   `json:"cats"`
	NoData        string      `json:"noData"`
	Regions       []pageShape `json:"regions"`
	Cities        []pageShape `json:"cities"`
	// Texts are the tooltip lines after a place's name; Facts, the rows
	// shown (own or followed); both indexed by the runs.
	Texts []string   `json:"texts"`
	Facts []pageFact `json:"facts"`
	// StateNames are [USPS, name] pairs, for a search that ends in a
	// state's name.
	StateNames [][2]string `json:"stateNames"`
	// URLs are the facts' sources, each once: many facts cite the same.
	URLs []string `json:"urls"`
	// UI is the script's own words in the page's language.
	UI map[string]string `json:"ui,omitempty"`
}

// pageWords are the script's own words, for a page in another language.
var pageWords = []string{"No data", "Dotted: follows its state. Lined: last confirmed over 2 years before.", "not on the map",
	"In effect from", "to", "last confirmed", "Sources", "287(g) agreements of its own agency", "ICE's latest list",
	"Jail Enforcement Model", "Task Force Model", "Warrant Service Officer", "state", "county", "city", "tract"}

type pageCat struct {
	Label string `json:"label"`
	Color string `json:"color"`
	Dot   string `json:"dot"` // the dots' and rules' colour over it
}

// pageShape is a region or a city: its name and, for each day, runs of
// [code, text, fact, days]: code packs the category (0–7, 8 no data; bits
// 0–3), the basis (own, follows its state, last confirmed long ago, no
// data; bits 4–5) and the suit (none, resolved, pending; bits 6–7); -1 is
// a city not on the map that day.
type pageShape struct {
	FIPS       string     `json:"f"`
	Name       string     `json:"n"`
	State      string     `json:"s"`
	Kind       string     `json:"k"`
	Center     [2]float64 `json:"c"`
	Runs       [][4]int   `json:"r"`
	Agreements []string   `json:"a,omitempty"`
}

// MarshalJSON writes a shape as an array, [fips, name, state, kind, x, y,
// runs, agreements]: a states page has some 600 cities, and their keys
// alone would take 20 kB.
func (s pageShape) MarshalJSON() ([]byte, error) {
	return json.Marshal([]any{s.FIPS, s.Name, s.State, s.Kind, s.Center[0], s.Center[1], s.Runs, s.Agreements})
}

type pageFact struct {
	Name         string `json:"n"`
	Category     string `json:"c"`
	Policy       string `json:"p"`
	Effective    string `json:"e,omitempty"`
	Ended        string `json:"x,omitempty"`
	Verification string `json:"v"`
	Confirmed    string `json:"lc,omitempty"`
	Sources      []int  `json:"s"` // in page.URLs
}

// HTML writes the map of b's level lvl as one web page on each of days
// (the last shown first): the regions as inline SVG paths with the
// colours and patterns of the PNG, the title, legend and footer, and a
// script that shows a day, names a region under the pointer, opens its
// details with its sources as links, isolates a category from the legend,
// searches by name, plays the days and moves by keyboard. What each day
// shows is the view the program resolved, encoded per region; the page
// holds no rule of its own. It fetches nothing.
func HTML(w io.Writer, b *geo.Boundaries, lvl geo.Level, d *dataset.Dataset, days []time.Time, opt render.Options, prov pngmeta.Provenance) error {
	layer := b.Layer(lvl)
	if layer == nil || len(days) == 0 {
		return fmt.Errorf("no %s to draw", lvl)
	}
	T := opt.Lang.T
	p := page{Title: opt.Title, Level: lvl.String(), NoData: hex(opt.Theme.NoData)}
	if opt.Lang == i18n.Spanish {
		p.UI = map[string]string{}
		for _, w := range pageWords {
			p.UI[w] = T(w)
		}
	}
	for _, c := range dataset.Categories() {
		col := style.Category(c)
		p.Categories = append(p.Categories, pageCat{T(c.Info().Label), hex(col), hex(style.DotColor(col))})
	}
	texts, facts, urls := map[string]int{}, map[*dataset.Jurisdiction]int{}, map[string]int{}
	text := func(r *view.Region) int {
		t := r.SummaryIn(opt.Lang)
		if _, rest, ok := strings.Cut(t, ") · "); ok {
			t = rest
		}
		i, ok := texts[t]
		if !ok {
			i = len(p.Texts)
			texts[t] = i
			p.Texts = append(p.Texts, t)
		}
		return i
	}
	fact := func(r *view.Region) int {
		j := r.Own
		if r.Inherited || (r.Stale && r.From != nil) {
			j = r.From
		}
		if j == nil {
			return -1
		}
		i, ok := facts[j]
		if !ok {
			i = len(p.Facts)
			facts[j] = i
			f := factOf(j)
			for _, u := range j.Sources {
				n, ok := urls[u]
				if !ok {
					n = len(p.URLs)
					urls[u] = n
					p.URLs = append(p.URLs, u)
				}
				f.Sources = append(f.Sources, n)
			}
			p.Facts = append(p.Facts, f)
		}
		return i
	}
	if b.States != nil {
		for _, reg := range b.States.Regions {
			p.StateNames = append(p.StateNames, [2]string{dataset.StateUSPS(reg.FIPS), reg.Name})
		}
	}
	proj := geo.NewAlbersUSA()
	p.Regions = make([]pageShape, len(layer.Regions))
	for i, reg := range layer.Regions {
		c := reg.Bound.Center()
		p.Regions[i] = pageShape{FIPS: reg.FIPS, Name: reg.Name, Kind: string(view.LevelOf(lvl)), Center: [2]float64{round1(c[0]), round1(c[1])}}
	}
	cityAt := map[string]int{}
	for k, day := range days {
		v := view.Resolve(d, layer, day, dataset.Filter{})
		if k == len(days)-1 {
			opt.View = v
		}
		shown := day
		if day.IsZero() { // the data as loaded: its own day
			shown = d.AsOf()
		}
		p.Days = append(p.Days, opt.Lang.Date(shown))
		for i := range v.Regions {
			r := &v.Regions[i]
			s := &p.Regions[i]
			s.Name, s.State = r.Name, r.State
			s.Runs = addRun(s.Runs, [3]int{code(r), text(r), fact(r)})
		}
		for i := range v.Cities {
			r := &v.Cities[i]
			at, ok := cityAt[r.FIPS]
			if !ok {
				at = len(p.Cities)
				cityAt[r.FIPS] = at
				pt := proj.Project(r.FIPS, orb.Point{r.Lon, r.Lat})
				s := pageShape{FIPS: r.FIPS, Name: r.Name, State: r.State, Center: [2]float64{round1(pt[0]), round1(pt[1])}}
				for range k { // not on the map the days before
					s.Runs = addRun(s.Runs, [3]int{-1, -1, -1})
				}
				p.Cities = append(p.Cities, s)
			}
			p.Cities[at].Runs = addRun(p.Cities[at].Runs, [3]int{code(r), text(r), fact(r)})
		}
		for i := range p.Cities {
			if n := runDays(p.Cities[i].Runs); n == k { // absent this day
				p.Cities[i].Runs = addRun(p.Cities[i].Runs, [3]int{-1, -1, -1})
			}
		}
	}
	for _, s := range [][]pageShape{p.Regions, p.Cities} {
		for i := range s {
			s[i].Agreements = agreementsOf(d, s[i].FIPS)
		}
	}
	p.Footer = render.Footer(opt) + " " + T("Interactive page: hover a place, click it for its sources.")
	if len(days) > 1 {
		last := fmt.Sprintf(T("Data on %s."), opt.Lang.Date(days[len(days)-1]))
		p.Footer = strings.Replace(p.Footer, last, fmt.Sprintf(T("Data on each step from %s to %s."), opt.Lang.Date(days[0]), opt.Lang.Date(days[len(days)-1])), 1)
	}
	data, err := json.Marshal(p)
	if err != nil {
		return err
	}
	var sb strings.Builder
	langTag := string(opt.Lang)
	if langTag == "" {
		langTag = "en"
	}
	fmt.Fprintf(&sb, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n", langTag)
	fmt.Fprintf(&sb, "<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n", csp)
	fmt.Fprintf(&sb, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	for _, t := range prov.Texts() {
		fmt.Fprintf(&sb, "<meta name=\"sanctuarymap:%s\" content=\"%s\">\n", html.EscapeString(strings.ToLower(strings.ReplaceAll(t.Key, " ", "-"))), html.EscapeString(t.Value))
	}
	fmt.Fprintf(&sb, "<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n", html.EscapeString(opt.Title), pageCSS)
	fmt.Fprintf(&sb, "<div class=\"sm-page\">\n<h1>%s</h1>\n", html.EscapeString(opt.Title))
	fmt.Fprintf(&sb, `<div class="sm-bar"><label>%s <input id="sm-search" type="search" autocomplete="off" placeholder="%s" aria-label="%s"></label>`+
		`<ul id="sm-found" role="listbox" aria-label="%s"></ul>`+
		`<button id="sm-play" type="button" aria-label="%s">▶</button>`+
		`<input id="sm-day" type="range" min="0" aria-label="%s"><output id="sm-date"></output></div>`+"\n",
		html.EscapeString(T("Find")), html.EscapeString(T("County, state or town")), html.EscapeString(T("Find a state, county or town")),
		html.EscapeString(T("Places found")), html.EscapeString(T("Play the days")), html.EscapeString(T("Day shown")))
	fr := geo.Frame()
	fmt.Fprintf(&sb, "<div class=\"sm-main\"><svg id=\"sm-map\" viewBox=\"%g %g %g %g\" tabindex=\"0\" role=\"img\" aria-label=\"%s\">\n",
		round1(fr.Min[0]), round1(fr.Min[1]), round1(fr.Max[0]-fr.Min[0]), round1(fr.Max[1]-fr.Min[1]),
		html.EscapeString(fmt.Sprintf(T("Map of %s: use the arrow keys to move between places, Enter for details"), opt.Title)))
	sb.WriteString(patterns(p.Categories, p.NoData))
	sb.WriteString("<g id=\"sm-regions\">\n")
	for i, reg := range layer.Regions {
		fmt.Fprintf(&sb, "<path id=\"r%d\" d=\"%s\"/>\n", i, pathOf(reg.Shape))
	}
	sb.WriteString("</g>\n<g id=\"sm-states\">")
	if lvl != geo.States && b.States != nil {
		for _, reg := range b.States.Regions {
			fmt.Fprintf(&sb, "<path d=\"%s\"/>", pathOf(reg.Shape))
		}
	}
	sb.WriteString("</g>\n<g id=\"sm-cities\"></g>\n</svg>\n")
	fmt.Fprintf(&sb, `<aside><div id="sm-legend" aria-label="%s"></div><div id="sm-detail" aria-live="polite"></div></aside></div>`+"\n", html.EscapeString(T("Legend — click a category to isolate it")))
	fmt.Fprintf(&sb, "<div id=\"sm-tip\" role=\"tooltip\" hidden></div>\n<p class=\"sm-footer\">%s</p>\n", html.EscapeString(p.Footer))
	fmt.Fprintf(&sb, `<details class="sm-table"><summary>%s</summary><table><thead><tr><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody id="sm-rows"></tbody></table></details>`+"\n</div>\n",
		html.EscapeString(T("The map as a table")), html.EscapeString(T("Place")), html.EscapeString(T("State")), html.EscapeString(T("What the map shows")))
	fmt.Fprintf(&sb, "<script id=\"sm-data\" type=\"application/json\">%s</script>\n<script>\n%s</script>\n</body>\n</html>\n", data, pageJS)
	_, err = io.WriteString(w, sb.String())
	return err
}

// code packs what the map shows of r: category, basis, suit.
func code(r *view.Region) int {
	cat := 8
	if r.Basis() != view.NoData {
		cat = slices.Index(dataset.Categories(), r.Category)
	}
	return cat | int(r.Basis())<<4 | int(r.Suit)<<6
}

// addRun appends one day's [code, text, fact] to runs, lengthening the
// last run when it is the same.
func addRun(runs [][4]int, v [3]int) [][4]int {
	if n := len(runs); n > 0 && runs[n-1][0] == v[0] && runs[n-1][1] == v[1] && runs[n-1][2] == v[2] {
		runs[n-1][3]++
		return runs
	}
	return append(runs, [4]int{v[0], v[1], v[2], 1})
}

func runDays(runs [][4]int) int {
	n := 0
	for _, r := range runs {
		n += r[3]
	}
	return n
}

func factOf(j *dataset.Jurisdiction) pageFact {
	f := pageFact{Name: j.Name, Category: j.Category.Info().Label, Policy: j.Policy, Verification: string(j.Verification)}
	if !j.Effective.IsZero() {
		f.Effective = j.Effective.Format(time.DateOnly)
	}
	if !j.Ended.IsZero() {
		f.Ended = j.Ended.Format(time.DateOnly)
	}
	if !j.LastConfirmed.IsZero() {
		f.Confirmed = j.LastConfirmed.Format(time.DateOnly)
	}
	return f
}

// agreementsOf gives the 287(g) agreements of fips's own agency for the
// details, as "agency|model's initial|start|end" (end empty while on ICE's
// latest list): the script spells them out.
func agreementsOf(d *dataset.Dataset, fips string) []string {
	var out []string
	for _, a := range d.AgreementsOf(fips) {
		if a.FIPS != fips {
			continue
		}
		to := ""
		if !a.ListedTo.IsZero() {
			to = a.ListedTo.Format(time.DateOnly)
		}
		out = append(out, a.Agency+"|"+a.Model[:1]+"|"+a.Start().Format(time.DateOnly)+"|"+to)
	}
	return out
}

// patterns are the SVG fills of the categories with dots (follows its
// state) and rules (last confirmed long ago), as the PNG draws them.
func patterns(cats []pageCat, noData string) string {
	var sb strings.Builder
	sb.WriteString("<defs>")
	for i, c := range cats {
		fmt.Fprintf(&sb, `<pattern id="d%d" width="3" height="3" patternUnits="userSpaceOnUse"><rect width="3" height="3" fill="%s"/><circle cx="1.5" cy="1.5" r="0.45" fill="%s"/></pattern>`, i, c.Color, c.Dot)
		fmt.Fprintf(&sb, `<pattern id="l%d" width="3" height="3" patternUnits="userSpaceOnUse"><rect width="3" height="3" fill="%s"/><rect y="1.2" width="3" height="0.6" fill="%s"/></pattern>`, i, c.Color, c.Dot)
	}
	sb.WriteString("</defs>\n")
	return sb.String()
}

// pathOf writes a shape as SVG path data in the plane's units to a tenth
// (the whole country is some 975 units wide), each ring's points relative
// to the one before: a counties map in some 600 kB. (Leaving out points
// within a few tenths of the last one kept saved a tenth and opened
// gaps between neighbours that thinned their shared border apart.)
func pathOf(mp orb.MultiPolygon) string {
	var sb strings.Builder
	for _, poly := range mp {
		for _, ring := range poly {
			var px, py int
			for i, pt := range ring {
				x, y := int(math.Round(pt[0]*10)), int(math.Round(pt[1]*10))
				if i == 0 {
					sb.WriteString("M")
					sb.WriteString(tenths(x))
					sb.WriteString(" ")
					sb.WriteString(tenths(y))
					sb.WriteString("l")
				} else if x != px || y != py {
					sb.WriteString(signed(tenths(x - px)))
					sb.WriteString(signed(tenths(y - py)))
				}
				px, py = x, y
			}
			sb.WriteString("z")
		}
	}
	return strings.TrimSpace(sb.String())
}

// tenths writes v/10 with one decimal at most: 123 is "12.3", 120 "12".
func tenths(v int) string {
	s := strconv.FormatFloat(float64(v)/10, 'f', -1, 64)
	switch {
	case strings.HasPrefix(s, "0."):
		return s[1:]
	case strings.HasPrefix(s, "-0."):
		return "-" + s[2:]
	}
	return s
}

// signed puts a space before a number that has no sign to part it from
// the one before.
func signed(s string) string {
	if strings.HasPrefix(s, "-") {
		return s
	}
	return " " + s
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }

func hex(c interface{ RGBA() (r, g, b, a uint32) }) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}
