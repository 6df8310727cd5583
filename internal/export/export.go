// Package export writes what Sanctuary Map exports, for the command line
// and the window alike: map PNGs and charts (PNG, SVG, PDF) with the
// provenance of their data, written atomically, within one set of size
// limits. Neither caller restates a title, a footer or a limit.
package export

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/paulmach/orb"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"

	"sanctuarymap/geo"
	"sanctuarymap/internal/chart"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/pngmeta"
	"sanctuarymap/internal/render"
	"sanctuarymap/internal/safefile"
	"sanctuarymap/internal/view"
)

// Title is the heading of exported maps unless the user gives another.
const Title = "Immigration-enforcement cooperation: states, counties, cities"

// Size limits in pixels: a map may be as small as an icon, a chart needs
// room for its axes.
const (
	MinMapSide   = 16
	MinChartSide = 100
	MaxSide      = 16384
	MinDPI       = 36
	MaxDPI       = 1200
)

// CheckSize says whether w×h lies within min and MaxSide.
func CheckSize(w, h, min int) error {
	if w < min || h < min || w > MaxSide || h > MaxSide {
		return fmt.Errorf("width and height must be between %d and %d pixels", min, MaxSide)
	}
	return nil
}

// CheckDPI says whether dpi lies within the limits.
func CheckDPI(dpi int) error {
	if dpi < MinDPI || dpi > MaxDPI {
		return fmt.Errorf("dpi must be between %d and %d", MinDPI, MaxDPI)
	}
	return nil
}

// Provenance is what an export records of its data: title, the program,
// where the data came from, its as-of date and its digest.
func Provenance(title, software, source string, d *dataset.Dataset) pngmeta.Provenance {
	return pngmeta.Provenance{Title: title, Software: software, Source: source,
		AsOf: d.AsOf().Format(time.DateOnly), Digest: d.Digest}
}

// MapFormat is the format path's extension names for a map: PNG, SVG or
// PDF.
func MapFormat(path string) (chart.Format, error) {
	f, err := chart.FormatOf(path)
	if err != nil {
		return "", fmt.Errorf("%s: a map is written as .png, .svg or .pdf", path)
	}
	return f, nil
}

// Map draws opt over b at w×h pixels (points, for SVG and PDF), with
// frame (a part of the AlbersUSA plane; geo.Frame() for the whole country)
// fitted to what the title, legend and footer leave free, and writes it to
// path in the format its extension names, carrying prov (in a PNG's tEXt
// chunks, an SVG's description; a PDF has it in its footer only).
func Map(path string, b *geo.Boundaries, opt render.Options, w, h int, frame orb.Bound, prov pngmeta.Provenance) error {
	format, err := MapFormat(path)
	if err != nil {
		return err
	}
	if err := CheckSize(w, h, MinMapSide); err != nil {
		return err
	}
	opt.Decorations = true
	vp := render.ExportViewport(w, h, frame)
	var c vg.CanvasWriterTo
	switch format {
	case chart.PNG:
		// Each band is compressed as soon as it is drawn: the whole image is
		// never held.
		enc := pngmeta.NewBands(w, h, render.BandRows)
		if err := render.DrawBands(b, vp, opt, enc.Add); err != nil {
			return err
		}
		return safefile.Write(path, func(wr io.Writer) error { return enc.WriteTo(wr, prov.Texts()) })
	case chart.SVG:
		c = vgsvg.New(vg.Length(w), vg.Length(h))
	default:
		pdf := vgpdf.New(vg.Length(w), vg.Length(h))
		pdf.EmbedFonts(true) // the bold face is no PDF standard font
		c = pdf
	}
	render.New(b).DrawVector(c, vp, opt)
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		return err
	}
	body := buf.Bytes()
	if format == chart.SVG {
		body = withDescription(body, provenanceText(prov))
	}
	return safefile.Write(path, func(wr io.Writer) error { _, err := wr.Write(body); return err })
}

// withDescription puts text in a <desc> element, SVG's place for what a
// picture is, after the opening <svg> tag.
func withDescription(svg []byte, text string) []byte {
	i := bytes.Index(svg, []byte("<svg"))
	j := bytes.IndexByte(svg[max(i, 0):], '>')
	if i < 0 || j < 0 {
		return svg
	}
	var esc bytes.Buffer
	xml.EscapeText(&esc, []byte(text))
	at := i + j + 1
	return slices.Concat(svg[:at], []byte("\n<desc>"), esc.Bytes(), []byte("</desc>"), svg[at:])
}

// ChartFooter is the line under a chart: the day charted, the sources and
// the program.
func ChartFooter(day time.Time, source, software string, l i18n.Lang) string {
	return fmt.Sprintf("%s %s %s", fmt.Sprintf(l.T("Data as of %s."), l.Date(day)), fmt.Sprintf(l.T("Sources: %s."), source), software)
}

// Chart draws the chart of kind k from v at w×h pixels and dpi, in the
// format path's extension names, and writes it to path; a PNG carries
// prov.
func Chart(path string, k chart.Kind, v *view.View, opt chart.Options, w, h, dpi int, prov pngmeta.Provenance) error {
	format, err := chart.FormatOf(path)
	if err != nil {
		return err
	}
	if err := CheckSize(w, h, MinChartSide); err != nil {
		return err
	}
	if err := CheckDPI(dpi); err != nil {
		return err
	}
	p, err := chart.New(k, v, opt)
	if err != nil {
		return err
	}
	pt := func(px int) vg.Length { return vg.Length(float64(px) * 72 / float64(dpi)) }
	var buf bytes.Buffer
	if err := chart.Write(&buf, p, format, pt(w), pt(h), dpi, opt.Footer); err != nil {
		return err
	}
	body := buf.Bytes()
	if format == chart.PNG {
		if body, err = pngmeta.Insert(body, prov.Texts()); err != nil {
			return err
		}
	}
	return safefile.Write(path, func(wr io.Writer) error { _, err := wr.Write(body); return err })
}
