package export

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"io"
	"slices"
	"time"

	"github.com/paulmach/orb"

	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/pngmeta"
	"sanctuarymap/internal/render"
	"sanctuarymap/internal/safefile"
	"sanctuarymap/internal/view"
)

// MaxFrames bounds an animation: ten years of months, with room to spare.
const MaxFrames = 400

// Frames lists the days from from to to (both included) a step apart:
// "month", "week" or "year".
func Frames(from, to time.Time, step string) ([]time.Time, error) {
	add := map[string]func(time.Time, int) time.Time{
		"week":  func(t time.Time, i int) time.Time { return t.AddDate(0, 0, 7*i) },
		"month": func(t time.Time, i int) time.Time { return t.AddDate(0, i, 0) },
		"year":  func(t time.Time, i int) time.Time { return t.AddDate(i, 0, 0) },
	}[step]
	if add == nil {
		return nil, fmt.Errorf("step must be week, month or year, not %q", step)
	}
	if to.Before(from) {
		return nil, fmt.Errorf("the last day (%s) comes before the first (%s)", to.Format(time.DateOnly), from.Format(time.DateOnly))
	}
	var days []time.Time
	for i := 0; ; i++ {
		d := add(from, i)
		if d.After(to) {
			break
		}
		if len(days) == MaxFrames {
			return nil, fmt.Errorf("more than %d frames; take a longer step or a shorter span", MaxFrames)
		}
		days = append(days, d)
	}
	if !days[len(days)-1].Equal(to) {
		days = append(days, to) // end on the day asked for
	}
	return days, nil
}

// Animation writes an animated GIF of opt's map on each of days, drawn
// from d over layer lvl of b at w×h pixels, fps frames a second, the last
// held for three seconds: title, legend, footer and the date on every
// frame, and prov in the file's comment extension. opt.View is ignored;
// opt.View.Filter's counterpart is filter.
func Animation(path string, b *geo.Boundaries, lvl geo.Level, d *dataset.Dataset, filter dataset.Filter, opt render.Options, days []time.Time, w, h, fps int, frame orb.Bound, prov pngmeta.Provenance) error {
	if err := CheckSize(w, h, MinChartSide); err != nil {
		return err
	}
	if fps < 1 || fps > 30 {
		return fmt.Errorf("fps must be between 1 and 30")
	}
	layer := b.Layer(lvl)
	if layer == nil {
		return fmt.Errorf("the boundaries hold no %s", lvl)
	}
	r := render.New(b)
	vp := render.ExportViewport(w, h, frame)
	opt.Decorations = true
	anim := gif.GIF{LoopCount: 0}
	for i, day := range days {
		opt.View = view.Resolve(d, layer, day, filter)
		opt.Stamp = opt.Lang.Date(day)
		anim.Image = append(anim.Image, paletted(r.Draw(vp, opt)))
		delay := 100 / fps
		if i == len(days)-1 {
			delay = 300
		}
		anim.Delay = append(anim.Delay, delay)
	}
	var buf bytes.Buffer
	if err := gif.EncodeAll(&buf, &anim); err != nil {
		return err
	}
	body, err := withComment(buf.Bytes(), provenanceText(prov))
	if err != nil {
		return err
	}
	return safefile.Write(path, func(wr io.Writer) error { _, err := wr.Write(body); return err })
}

// paletted turns a map into a GIF frame: the 256 most frequent colours,
// exact (the fills, borders and text of a categorical map are few), and
// any others, the edges of antialiased text, to the nearest of them.
func paletted(img *image.RGBA) *image.Paletted {
	count := map[uint32]int{}
	pix := img.Pix
	for i := 0; i < len(pix); i += 4 {
		count[uint32(pix[i])<<16|uint32(pix[i+1])<<8|uint32(pix[i+2])]++
	}
	keys := make([]uint32, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b uint32) int { return count[b] - count[a] })
	keys = keys[:min(256, len(keys))]
	pal := make(color.Palette, len(keys))
	index := make(map[uint32]uint8, len(count))
	for i, k := range keys {
		pal[i] = color.RGBA{uint8(k >> 16), uint8(k >> 8), uint8(k), 0xff}
		index[k] = uint8(i)
	}
	out := image.NewPaletted(img.Bounds(), pal)
	for i, j := 0, 0; i < len(pix); i, j = i+4, j+1 {
		k := uint32(pix[i])<<16 | uint32(pix[i+1])<<8 | uint32(pix[i+2])
		n, ok := index[k]
		if !ok {
			n = uint8(pal.Index(color.RGBA{pix[i], pix[i+1], pix[i+2], 0xff}))
			index[k] = n
		}
		out.Pix[j] = n
	}
	return out
}

func provenanceText(p pngmeta.Provenance) string {
	var b bytes.Buffer
	for _, t := range p.Texts() {
		fmt.Fprintf(&b, "%s: %s\n", t.Key, t.Value)
	}
	return b.String()
}

// withComment inserts a GIF comment extension holding text after the
// header, the logical screen descriptor and the global colour table.
func withComment(g []byte, text string) ([]byte, error) {
	if len(g) < 13 || string(g[:6]) != "GIF89a" {
		return nil, fmt.Errorf("not a GIF89a")
	}
	at := 13
	if flags := g[10]; flags&0x80 != 0 {
		at += 3 << (flags&7 + 1)
	}
	if at > len(g) {
		return nil, fmt.Errorf("GIF too short")
	}
	ext := []byte{0x21, 0xfe}
	for t := []byte(text); len(t) > 0; {
		n := min(255, len(t))
		ext = append(ext, byte(n))
		ext = append(ext, t[:n]...)
		t = t[n:]
	}
	ext = append(ext, 0)
	return slices.Concat(g[:at], ext, g[at:]), nil
}
