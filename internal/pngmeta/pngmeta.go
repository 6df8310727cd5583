// Package pngmeta writes and reads PNG tEXt chunks, so every image the
// program writes says what it shows and where the data came from.
package pngmeta

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/flate"
)

// Text is one tEXt chunk: a Latin-1 keyword (1–79 characters) and its text.
type Text struct {
	Key, Value string
}

var signature = []byte("\x89PNG\r\n\x1a\n")

// ErrNotPNG is returned for data without the PNG signature.
var ErrNotPNG = errors.New("not a PNG file")

// Insert returns png with the texts added right after the IHDR chunk.
func Insert(png []byte, texts []Text) ([]byte, error) {
	if !bytes.HasPrefix(png, signature) || len(png) < 8+25 {
		return nil, ErrNotPNG
	}
	// IHDR is always first: 4 length + 4 type + 13 data + 4 CRC.
	const ihdrEnd = 8 + 25
	var out bytes.Buffer
	out.Write(png[:ihdrEnd])
	if err := writeTexts(&out, texts); err != nil {
		return nil, err
	}
	out.Write(png[ihdrEnd:])
	return out.Bytes(), nil
}

func writeTexts(w io.Writer, texts []Text) error {
	for _, t := range texts {
		if len(t.Key) == 0 || len(t.Key) > 79 {
			return fmt.Errorf("tEXt keyword %q must have 1 to 79 characters", t.Key)
		}
		writeChunk(w, "tEXt", []byte(t.Key), []byte{0}, latin1(t.Value))
	}
	return nil
}

// latin1 maps text to ISO 8859-1, as tEXt requires; other characters
// become '?'.
func latin1(s string) []byte {
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if r > 0xff {
			r = '?'
		}
		b = append(b, byte(r))
	}
	return b
}

func writeChunk(w io.Writer, typ string, data ...[]byte) {
	var n [4]byte
	size := 0
	for _, d := range data {
		size += len(d)
	}
	binary.BigEndian.PutUint32(n[:], uint32(size))
	w.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	w.Write([]byte(typ))
	for _, d := range data {
		crc.Write(d)
		w.Write(d)
	}
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	w.Write(n[:])
}

// Read returns the tEXt chunks of a PNG in file order.
func Read(r io.Reader) ([]Text, error) {
	var sig [8]byte
	if _, err := io.ReadFull(r, sig[:]); err != nil || !bytes.Equal(sig[:], signature) {
		return nil, ErrNotPNG
	}
	var texts []Text
	for {
		var head [8]byte
		if _, err := io.ReadFull(r, head[:]); err != nil {
			return nil, fmt.Errorf("reading PNG chunks: %w", err)
		}
		n := binary.BigEndian.Uint32(head[:4])
		typ := string(head[4:])
		if typ == "IEND" {
			return texts, nil
		}
		if n > 1<<28 {
			return nil, fmt.Errorf("PNG chunk %s of %d bytes is too large", typ, n)
		}
		data := make([]byte, n+4) // with CRC
		if _, err := io.ReadFull(r, data); err != nil {
			return nil, fmt.Errorf("reading PNG chunk %s: %w", typ, err)
		}
		if typ == "tEXt" {
			if k, v, ok := bytes.Cut(data[:n], []byte{0}); ok {
				rs := make([]rune, len(v))
				for i, c := range v {
					rs[i] = rune(c)
				}
				texts = append(texts, Text{string(k), string(rs)})
			}
		}
	}
}

// Provenance is what every image the program writes records about itself
// and its data.
type Provenance struct {
	Title    string
	Software string
	Source   string
	AsOf     string // the dataset's as-of date, YYYY-MM-DD
	Digest   string // SHA-256 of the dataset files
}

// Texts returns p as tEXt chunks; Title, Software and Source are PNG's
// registered keywords.
func (p Provenance) Texts() []Text {
	return []Text{{"Title", p.Title}, {"Software", p.Software}, {"Source", p.Source},
		{"Dataset as-of", p.AsOf}, {"Dataset SHA-256", p.Digest}}
}

// Encode writes img as a PNG with the texts. An opaque *image.RGBA, which
// every map is, takes the fast path of Bands, a band on every core.
func Encode(w io.Writer, img image.Image, texts []Text) error {
	if rgba, ok := img.(*image.RGBA); ok && rgba.Opaque() {
		// The same pixels, with the frame's rows counted from 0.
		rgba = &image.RGBA{Pix: rgba.Pix, Stride: rgba.Stride, Rect: rgba.Rect.Sub(rgba.Rect.Min)}
		width, h := rgba.Rect.Dx(), rgba.Rect.Dy()
		const rows = 64
		e := NewBands(width, h, rows)
		errs := make([]error, len(e.parts))
		var next atomic.Int64
		var wg sync.WaitGroup
		for range runtime.NumCPU() {
			wg.Go(func() {
				for y0 := int(next.Add(rows)) - rows; y0 < h; y0 = int(next.Add(rows)) - rows {
					errs[y0/rows] = e.Add(y0, rgba.SubImage(image.Rect(0, max(y0-1, 0), width, min(y0+rows, h))).(*image.RGBA))
				}
			})
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			return err
		}
		return e.WriteTo(w, texts)
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return err
	}
	out, err := Insert(buf.Bytes(), texts)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// Bands writes an opaque image as an RGB PNG from bands of its rows, added
// in any order from any goroutine: each band is filtered (Up: maps change
// little from one row to the next) and deflated at the fastest level on its
// own, as independent blocks of one zlib stream, as pigz does. A caller can
// draw and compress a band at a time and never hold the whole image.
type Bands struct {
	w, h, rows int
	parts      [][]byte
	sums       []uint32 // Adler-32 of each band's filtered rows
	// scratch holds deflaters and filter buffers between bands: one for
	// each goroutine adding at a time.
	scratch sync.Pool
}

// NewBands starts a w×h image of bands of rows rows each (fewer in the
// last).
func NewBands(w, h, rows int) *Bands {
	n := (h + rows - 1) / rows
	return &Bands{w: w, h: h, rows: rows, parts: make([][]byte, n), sums: make([]uint32, n)}
}

type bandScratch struct {
	f     *flate.Writer
	chunk []byte
	out   bytes.Buffer // the band compressed, copied out at its size
}

// chunkRows is how many filtered rows are deflated at a time.
const chunkRows = 16

// Add filters and deflates the band whose first row is y0 (a multiple of
// the band height) from img, which holds that band's rows and, but for the
// first band, the row above, all at their rows in the frame. Add may be
// called for different bands at once.
func (e *Bands) Add(y0 int, img *image.RGBA) error {
	i := y0 / e.rows
	y1 := min(y0+e.rows, e.h)
	stride := 1 + 3*e.w
	sc, _ := e.scratch.Get().(*bandScratch)
	if sc == nil {
		// klauspost/compress's fastest level: twice the standard library's
		// speed at this level, for the same size, and 0.5 MB of state
		// instead of 1.2.
		f, err := flate.NewWriter(nil, flate.BestSpeed)
		if err != nil {
			return err
		}
		sc = &bandScratch{f: f, chunk: make([]byte, chunkRows*stride)}
	}
	defer e.scratch.Put(sc)
	sc.out.Reset()
	sc.f.Reset(&sc.out)
	sum := uint32(1) // Adler-32 of nothing
	for y := y0; y < y1; y += chunkRows {
		n := min(chunkRows, y1-y)
		for k := range n {
			filterUp(sc.chunk[k*stride:(k+1)*stride], img, y+k, e.w)
		}
		sum = adler32Update(sum, sc.chunk[:n*stride])
		if _, err := sc.f.Write(sc.chunk[:n*stride]); err != nil {
			return err
		}
	}
	var err error
	if y1 == e.h {
		err = sc.f.Close() // the final block
	} else {
		err = sc.f.Flush() // ends on a byte boundary, not as the final block
	}
	e.parts[i], e.sums[i] = bytes.Clone(sc.out.Bytes()), sum
	return err
}

// WriteTo writes the PNG, with the texts, once every band is added.
func (e *Bands) WriteTo(w io.Writer, texts []Text) error {
	idat := [][]byte{{0x78, 0x01}} // zlib header: deflate, fastest
	sum := uint32(1)               // Adler-32 of nothing
	stride := 1 + 3*e.w
	for i, part := range e.parts {
		if part == nil {
			return fmt.Errorf("PNG band %d of %d was not drawn", i+1, len(e.parts))
		}
		idat = append(idat, part)
		rows := min(e.rows, e.h-i*e.rows)
		sum = adler32Combine(sum, e.sums[i], int64(rows*stride))
	}
	idat = append(idat, binary.BigEndian.AppendUint32(nil, sum))

	bw := bufio.NewWriter(w)
	bw.Write(signature)
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(e.w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(e.h))
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	writeChunk(bw, "IHDR", ihdr[:])
	if err := writeTexts(bw, texts); err != nil {
		return err
	}
	writeChunk(bw, "IDAT", idat...)
	writeChunk(bw, "IEND")
	return bw.Flush() // the first error of any write
}

// filterUp writes frame row y of img as an RGB line with the Up filter:
// each byte minus the one above it. Two pixels are taken at once, their
// bytes subtracted without borrows between them; it halves the filter's
// share of an export.
func filterUp(line []byte, img *image.RGBA, y, w int) {
	line[0] = 2
	out := line[1 : 1+3*w]
	cur := img.Pix[img.PixOffset(0, y):][:4*w]
	if y == 0 {
		for x := range w {
			copy(out[3*x:3*x+3], cur[4*x:4*x+3])
		}
		return
	}
	prev := img.Pix[img.PixOffset(0, y-1):][:4*w]
	x := 0
	for ; x+3 <= w; x += 2 { // the 8-byte store needs a third pixel's room
		const high = 0x8080808080808080
		c := binary.LittleEndian.Uint64(cur[4*x:])
		p := binary.LittleEndian.Uint64(prev[4*x:])
		d := ((c | high) - (p &^ high)) ^ ((c ^ ^p) & high)
		binary.LittleEndian.PutUint64(out[3*x:], d&0xffffff|d>>8&0xffffff000000)
	}
	for ; x < w; x++ {
		for k := range 3 {
			out[3*x+k] = cur[4*x+k] - prev[4*x+k]
		}
	}
}

// adler32Update returns the Adler-32 sum of the bytes sum was taken of,
// followed by p, as hash/adler32 would. Up-filtered rows of a map are
// mostly zeros, and a zero byte only adds the first sum to the second, so
// eight zeros are one step.
func adler32Update(sum uint32, p []byte) uint32 {
	const mod = 65521
	s1, s2 := uint64(sum&0xffff), uint64(sum>>16)
	for len(p) > 0 {
		// Up to 1 MB between reductions keeps s2 far below 2^64.
		q := p[:min(len(p), 1<<20)]
		p = p[len(q):]
		for ; len(q) >= 8; q = q[8:] {
			if binary.LittleEndian.Uint64(q) == 0 {
				s2 += 8 * s1
				continue
			}
			for _, c := range q[:8] {
				s1 += uint64(c)
				s2 += s1
			}
		}
		for _, c := range q {
			s1 += uint64(c)
			s2 += s1
		}
		s1, s2 = s1%mod, s2%mod
	}
	return uint32(s2<<16 | s1)
}

// adler32Combine returns the Adler-32 sum of a followed by b, from their
// sums and b's length, as zlib's adler32_combine does.
func adler32Combine(a, b uint32, lenB int64) uint32 {
	const base = 65521
	rem := uint32(lenB % base)
	s1 := a & 0xffff
	s2 := rem * s1 % base
	s1 += b&0xffff + base - 1
	s2 += a>>16 + b>>16 + base - rem
	if s1 >= base {
		s1 -= base
	}
	if s1 >= base {
		s1 -= base
	}
	if s2 >= 2*base {
		s2 -= 2 * base
	}
	if s2 >= base {
		s2 -= base
	}
	return s2<<16 | s1
}
