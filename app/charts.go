package app

import (
	"fmt"
	"image"
	"path/filepath"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"

	"sanctuarymap/internal/chart"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/export"
	"sanctuarymap/internal/view"
)

// chartView is the Charts tab: a chart of the data shown, following the
// filters and the as-of date, drawn for the panel's size in pixels and in
// the window's theme. Tapping a column isolates its category on the map,
// or filters by its suit status.
type chartView struct {
	kind *widget.Select
	img  *chartImage
	gen  int // of the newest chart asked for
	done int // of the chart on screen, or its error
	box  fyne.CanvasObject
	err  *widget.Label
	// shown is whether the Charts tab is selected; stale, whether the data
	// changed since the chart was last drawn.
	shown, stale bool
	// drawn is the chart on screen, kept to find the column under a tap.
	drawn drawnChart
}

// drawnChart is a chart as drawn: its plot and its size in pixels.
type drawnChart struct {
	kind      chart.Kind
	plot      *plot.Plot
	w, h, dpi int
}

// showCharts follows the tab selection: charts are drawn only while seen.
func (u *UI) showCharts(shown bool) {
	u.charts.shown = shown
	if shown && u.charts.stale {
		u.drawChart()
	}
}

func (u *UI) buildCharts() fyne.CanvasObject {
	c := &u.charts
	c.img = newChartImage()
	c.img.onResize = func(fyne.Size) { u.drawChart() }
	c.img.onTap = u.tapChart
	c.err = widget.NewLabel("")
	c.err.Hide()
	var labels []string
	for _, k := range chart.Kinds() {
		labels = append(labels, lang.L(k.Label()))
	}
	c.kind = widget.NewSelect(labels, func(string) { u.drawChart() })
	c.kind.SetSelected(lang.L(chart.Policy.Label()))
	export := widget.NewButton(lang.L("Export chart…"), u.exportChartDialog)
	// The choice takes the row's width: chart names run long in Spanish.
	c.box = container.NewBorder(container.NewBorder(nil, nil, nil, export, c.kind), c.err, nil, nil, c.img)
	return c.box
}

func (u *UI) chartKind() chart.Kind {
	return chart.Kinds()[u.charts.kind.SelectedIndex()]
}

func (u *UI) chartOptions() (chart.Options, string) {
	day := u.asOf
	if day.IsZero() {
		day = u.today
	}
	footer := export.ChartFooter(day, u.sourceLabel(), u.software, u.lang)
	d, layer, filter := u.sess.Shown.Data, u.sess.Shown.Bounds.Layer(u.view.Level), u.filter
	at := func(day time.Time) *view.View { return view.Resolve(d, layer, day, filter) }
	return chart.Options{Today: day, Footer: footer, At: at, Lang: u.lang}, footer
}

// drawChart renders the chart for the panel's size in the background and
// shows it when done, unless a newer one was asked for meanwhile. While
// the Charts tab is not shown it only notes that the chart is stale;
// showing the tab draws it.
func (u *UI) drawChart() {
	c := &u.charts
	if c.img == nil || u.view == nil {
		return
	}
	scale := u.win.Canvas().Scale()
	size := c.img.Size()
	w, h := int(size.Width*scale), int(size.Height*scale)
	if !c.shown || w < 16 || h < 16 {
		c.stale = true
		return
	}
	c.stale = false
	c.gen++
	// 96 dpi at 100 %: the chart's 10-point labels are as large as the
	// window's own text.
	dpi := int(96 * scale)
	gen, kind, d := c.gen, u.chartKind(), u.view
	opt, footer := u.chartOptions()
	opt.Dark = u.dark()
	go func() {
		var img image.Image
		p, err := chart.New(kind, d, opt)
		if err == nil {
			pt := func(px int) vg.Length { return vg.Length(float64(px) * 72 / float64(dpi)) }
			img = chart.Image(p, pt(w), pt(h), dpi, footer)
		}
		u.publish(func() {
			if c.gen != gen {
				return
			}
			c.done = gen
			if err != nil {
				c.err.SetText(lang.L("No chart:") + " " + err.Error())
				c.err.Show()
				c.img.Hide()
			} else {
				c.err.Hide()
				c.drawn = drawnChart{kind, p, w, h, dpi}
				c.img.set(img)
				c.img.Show()
			}
		})
	}()
}

// tapChart isolates the category of the column tapped, or filters the
// map by the suit status of the column, as the legend does: a second tap
// restores.
func (u *UI) tapChart(at fyne.Position) {
	dc := u.charts.drawn
	if dc.plot == nil {
		return
	}
	scale := u.win.Canvas().Scale()
	i := chart.ColumnAt(dc.kind, dc.plot, dc.w, dc.h, dc.dpi, float64(at.X*scale), float64(at.Y*scale))
	if i < 0 {
		return
	}
	col := chart.Columns(dc.kind)[i]
	if col.Category != "" {
		u.Isolate(col.Category)
		return
	}
	st := dataset.SuitResolved
	if col.Status.IsPending() {
		st = dataset.SuitPending
	}
	want := &st
	if u.filter.Suit != nil && *u.filter.Suit == st {
		want = nil
	}
	u.filters.suits.SetSelected(suitLabel(want))
}

func (u *UI) exportChartDialog() {
	width, height, dpi := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	width.SetText("1600")
	height.SetText("1000")
	dpi.SetText("144")
	dir := u.app.Preferences().StringWithFallback(prefExportDir, homeDir())
	file := widget.NewEntry()
	file.SetText(filepath.Join(dir, "sanctuary-chart.png"))
	width.Validator = validator(export.MinChartSide, export.MaxSide)
	height.Validator = width.Validator
	dpi.Validator = validator(export.MinDPI, export.MaxDPI)
	file.Validator = func(s string) error { _, err := chart.FormatOf(s); return err }
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Width (px)"), width),
		widget.NewFormItem(lang.L("Height (px)"), height),
		widget.NewFormItem(lang.L("DPI"), dpi),
		widget.NewFormItem(lang.L("File (.png, .svg, .pdf)"), container.NewBorder(nil, nil, nil, u.folderButton(file), file)),
	}
	d := dialog.NewForm(lang.L("Export chart"), lang.L("Export"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		w, _ := strconv.Atoi(width.Text)
		h, _ := strconv.Atoi(height.Text)
		n, _ := strconv.Atoi(dpi.Text)
		u.ExportChart(file.Text, w, h, n, nil)
	}, u.win)
	d.Resize(fyne.NewSize(620, 320))
	d.Show()
}

// ExportChart writes the chart shown to path (format from its extension)
// in the background, atomically; done, if not nil, gets the outcome.
func (u *UI) ExportChart(path string, w, h, dpi int, done func(error)) {
	kind, d := u.chartKind(), u.view
	opt, _ := u.chartOptions()
	prov := u.provenance(kind.Title())
	u.status.message.SetText(fmt.Sprintf(lang.L("Exporting %s…"), filepath.Base(path)))
	go func() {
		err := export.Chart(path, kind, d, opt, w, h, dpi, prov)
		u.publish(func() { u.exported(path, err, done) })
	}()
}
