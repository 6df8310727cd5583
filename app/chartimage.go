package app

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// chartImage shows a chart drawn for its size in pixels: it asks for a
// new drawing when resized and reports taps, in the widget's coordinates.
type chartImage struct {
	widget.BaseWidget
	image    image.Image
	onResize func(fyne.Size)
	onTap    func(fyne.Position)
}

func newChartImage() *chartImage {
	c := &chartImage{}
	c.ExtendBaseWidget(c)
	return c
}

// set shows img, drawn for the widget's current size.
func (c *chartImage) set(img image.Image) {
	c.image = img
	c.Refresh()
}

func (c *chartImage) Resize(s fyne.Size) {
	if s == c.Size() {
		return
	}
	c.BaseWidget.Resize(s)
	if c.onResize != nil {
		c.onResize(s)
	}
}

func (c *chartImage) Tapped(ev *fyne.PointEvent) {
	if c.onTap != nil {
		c.onTap(ev.Position)
	}
}

// MinSize is small: the tabs ask for their tallest page's height even
// while the legend stands over them, and the chart, shown, has the legend's
// room as well.
func (c *chartImage) MinSize() fyne.Size { return fyne.NewSize(240, 120) }

func (c *chartImage) CreateRenderer() fyne.WidgetRenderer {
	img := canvas.NewImageFromImage(nil)
	// Drawn at the widget's size in pixels: shown one to one.
	img.FillMode = canvas.ImageFillStretch
	img.ScaleMode = canvas.ImageScalePixels
	r := &chartRenderer{chart: c, img: img}
	r.Refresh()
	return r
}

type chartRenderer struct {
	chart *chartImage
	img   *canvas.Image
}

func (r *chartRenderer) Layout(s fyne.Size)           { r.img.Resize(s) }
func (r *chartRenderer) MinSize() fyne.Size           { return r.chart.MinSize() }
func (r *chartRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.img} }
func (r *chartRenderer) Destroy()                     {}

func (r *chartRenderer) Refresh() {
	r.img.Image = r.chart.image
	r.img.Refresh()
}
