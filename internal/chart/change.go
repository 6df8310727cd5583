package chart

import (
	"fmt"
	"image/color"
	"time"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"

	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/view"
)

// firstFacts is where the history starts, as the as-of slider does: every
// state has a fact from 2014-01-01, and the 287(g) agreements come from
// ICE's rosters, lists and MOA files from before then.
var firstFacts = time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)

// months lists the first of each month from from through to, and to.
func months(from, to time.Time) []time.Time {
	var out []time.Time
	for m := from; !m.After(to); m = m.AddDate(0, 1, 0) {
		out = append(out, m)
	}
	if len(out) == 0 || !out[len(out)-1].Equal(to) {
		out = append(out, to)
	}
	return out
}

// modelColor tells the 287(g) models apart: ColorBrewer Dark2, whose
// three first colours stay apart under colour-vision deficiency.
var modelColor = []color.Color{color.RGBA{0x1b, 0x9e, 0x77, 0xff}, color.RGBA{0xd9, 0x5f, 0x02, 0xff}, color.RGBA{0x75, 0x70, 0xb3, 0xff}}

// regionOf is the region of v an agreement's agency belongs to: its own
// jurisdiction, else its county, else its state.
func regionOf(v *view.View, a *dataset.Agreement) *view.Region {
	for _, f := range []string{a.FIPS, a.County} {
		if r := v.Region(f); r != nil {
			return r
		}
		if len(f) >= 5 {
			if r := v.Region(f[:5]); r != nil {
				return r
			}
		}
	}
	if len(a.FIPS) >= 2 {
		return v.Region(a.FIPS[:2])
	}
	return nil
}

// agreementsOverTime counts, month by month from ICE's first archived
// list, the agreements in force whose agency lies in a region the map
// shows, one line per model.
func agreementsOverTime(opt Options) (*plot.Plot, error) {
	if opt.At == nil {
		return nil, fmt.Errorf("this chart needs the data through time")
	}
	if opt.Today.Before(firstFacts) {
		return nil, fmt.Errorf("no history before %s", firstFacts.Format(time.DateOnly))
	}
	models := dataset.Models()
	lines := make([]plotter.XYs, len(models))
	for _, m := range months(firstFacts, opt.Today) {
		v := opt.At(m)
		n := make([]float64, len(models))
		for _, a := range v.Data.Agreements {
			if !a.ActiveOn(m) {
				continue
			}
			if r := regionOf(v, a); r != nil && !r.Shown {
				continue
			}
			for i, model := range models {
				if a.Model == model {
					n[i]++
				}
			}
		}
		for i := range models {
			lines[i] = append(lines[i], plotter.XY{X: year(m), Y: n[i]})
		}
	}
	return linePlot(lines, models, modelColor, "Year (ICE's rosters and lists; some spans reconstructed; later status unknown)", "Agreements in force")
}

// categoriesOverTime counts, month by month, the regions and cities the map
// shows in each category, as the map colours them (own facts or the
// state's; regions with no data are left out), one line per category.
func categoriesOverTime(opt Options) (*plot.Plot, error) {
	if opt.At == nil {
		return nil, fmt.Errorf("this chart needs the data through time")
	}
	cats := dataset.Categories()
	lines := make([]plotter.XYs, len(cats))
	for _, m := range months(firstFacts, opt.Today) {
		v := opt.At(m)
		n := map[dataset.Category]float64{}
		for _, rs := range [][]view.Region{v.Regions, v.Cities} {
			for i := range rs {
				if r := &rs[i]; r.Shown && r.Basis() != view.NoData {
					n[r.Category]++
				}
			}
		}
		for i, c := range cats {
			lines[i] = append(lines[i], plotter.XY{X: year(m), Y: n[c]})
		}
	}
	labels, colours := make([]string, len(cats)), make([]color.Color, len(cats))
	for i, c := range cats {
		labels[i], colours[i] = opt.Lang.T(c.Info().Label), style.Category(c)
	}
	return linePlot(lines, labels, colours, "Year", "Regions and cities on the map")
}

// linePlot draws one line a series, labelled and coloured, with the legend
// above them all.
func linePlot(lines []plotter.XYs, labels []string, colours []color.Color, x, y string) (*plot.Plot, error) {
	p := plot.New()
	p.Add(plotter.NewGrid())
	for i := range lines {
		l, err := plotter.NewLine(lines[i])
		if err != nil {
			return nil, err
		}
		l.Color, l.Width = colours[i], vg.Points(2)
		p.Add(l)
		p.Legend.Add(labels[i], l)
	}
	p.Legend.Top, p.Legend.Left = true, true
	p.X.Label.Text, p.Y.Label.Text = x, y
	p.Y.Min, p.Y.Max = 0, headroom(lines)
	p.X.Tick.Marker = integerTicks{}
	p.Y.Tick.Marker = integerTicks{}
	return p, nil
}

// headroom is a y range that leaves the top of the plot to the legend,
// a tenth of the height a line of it, so it covers no line.
func headroom(lines []plotter.XYs) float64 {
	top := 1.0
	for _, l := range lines {
		for _, p := range l {
			top = max(top, p.Y)
		}
	}
	return top / (1 - 0.07*float64(len(lines)))
}
