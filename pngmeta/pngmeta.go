// Package pngmeta writes and reads PNG tEXt chunks, so every image the
// program writes says what it shows and where the data came from.
package pngmeta

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/adler32"
	"hash/crc32"
	"image"
	"image/png"
	"io"
	"runtime"
	"sync"

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
// every map is, takes a fast path: RGB rows with the Up filter (maps change
// little from one row to the next) and the fastest deflate level, several
// times quicker than image/png's adaptive filtering for a similar size.
func Encode(w io.Writer, img image.Image, texts []Text) error {
	if rgba, ok := img.(*image.RGBA); ok && rgba.Opaque() {
		return encodeRGB(w, rgba, texts)
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

// filterUp writes row y of img as an RGB line with the Up filter: each
// byte minus the one above it.
func filterUp(line []byte, img *image.RGBA, y, w int) {
	b := img.Bounds()
	line[0] = 2
	cur := img.Pix[img.PixOffset(b.Min.X, b.Min.Y+y):]
	if y == 0 {
		for x := 0; x < w; x++ {
			copy(line[1+3*x:4+3*x], cur[4*x:4*x+3])
		}
		return
	}
	prev := img.Pix[img.PixOffset(b.Min.X, b.Min.Y+y-1):]
	for x := 0; x < w; x++ {
		line[1+3*x] = cur[4*x] - prev[4*x]
		line[2+3*x] = cur[4*x+1] - prev[4*x+1]
		line[3+3*x] = cur[4*x+2] - prev[4*x+2]
	}
}

// chunkRows is how many filtered rows a core holds before deflating them:
// a whole filtered image would be 6 MB of fresh memory at 1920×1080, and
// fresh memory is slow to come by (see docs/DESIGN.md).
const chunkRows = 16

// encodeRGB writes img as an RGB PNG with the texts, straight to w: the
// compressed bands are its only copy.
func encodeRGB(w io.Writer, img *image.RGBA, texts []Text) error {
	b := img.Bounds()
	width, h := b.Dx(), b.Dy()
	// Each core filters and deflates a band of rows, as independent blocks
	// of one zlib stream, as pigz does; the bands' Adler-32 sums combine.
	stride := 1 + 3*width
	parts := runtime.NumCPU()
	blocks := make([]bytes.Buffer, parts)
	sums := make([]uint32, parts)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for i := range parts {
		wg.Go(func() {
			y0, y1 := i*h/parts, (i+1)*h/parts
			sums[i], errs[i] = deflateRows(&blocks[i], img, y0, y1, stride, i == parts-1)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	idat := [][]byte{{0x78, 0x01}} // zlib header: deflate, fastest
	sum := uint32(1)               // Adler-32 of nothing
	for i := range blocks {
		idat = append(idat, blocks[i].Bytes())
		y0, y1 := i*h/parts, (i+1)*h/parts
		sum = adler32Combine(sum, sums[i], int64((y1-y0)*stride))
	}
	idat = append(idat, binary.BigEndian.AppendUint32(nil, sum))

	bw := bufio.NewWriter(w)
	bw.Write(signature)
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	writeChunk(bw, "IHDR", ihdr[:])
	if err := writeTexts(bw, texts); err != nil {
		return err
	}
	writeChunk(bw, "IDAT", idat...)
	writeChunk(bw, "IEND")
	return bw.Flush() // the first error of any write
}

// deflateRows filters rows [y0, y1) of img a chunk at a time and deflates
// them into out, ending the stream if last and on a byte boundary if not.
// It returns the Adler-32 sum of the filtered rows.
func deflateRows(out *bytes.Buffer, img *image.RGBA, y0, y1, stride int, last bool) (uint32, error) {
	// klauspost/compress's fastest level: twice the standard library's speed
	// at this level, for the same size, and 0.5 MB of state instead of 1.2.
	f, err := flate.NewWriter(out, flate.BestSpeed)
	if err != nil {
		return 0, err
	}
	sum := adler32.New()
	chunk := make([]byte, chunkRows*stride)
	for y := y0; y < y1; y += chunkRows {
		n := min(chunkRows, y1-y)
		for k := range n {
			filterUp(chunk[k*stride:(k+1)*stride], img, y+k, img.Bounds().Dx())
		}
		sum.Write(chunk[:n*stride])
		if _, err := f.Write(chunk[:n*stride]); err != nil {
			return 0, err
		}
	}
	if last {
		err = f.Close()
	} else {
		err = f.Flush()
	}
	return sum.Sum32(), err
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
