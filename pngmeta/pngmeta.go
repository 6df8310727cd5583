// Package pngmeta writes and reads PNG tEXt chunks, so every image the
// program writes says what it shows and where the data came from.
package pngmeta

import (
	"bytes"
	"compress/flate"
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
	for _, t := range texts {
		if len(t.Key) == 0 || len(t.Key) > 79 {
			return nil, fmt.Errorf("tEXt keyword %q must have 1 to 79 characters", t.Key)
		}
		data := append(append([]byte(t.Key), 0), latin1(t.Value)...)
		writeChunk(&out, "tEXt", data)
	}
	out.Write(png[ihdrEnd:])
	return out.Bytes(), nil
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

func writeChunk(w *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	w.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	w.WriteString(typ)
	w.Write(data)
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
	var buf bytes.Buffer
	if rgba, ok := img.(*image.RGBA); ok && rgba.Opaque() {
		if err := encodeRGB(&buf, rgba); err != nil {
			return err
		}
	} else {
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		if err := enc.Encode(&buf, img); err != nil {
			return err
		}
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

func encodeRGB(out *bytes.Buffer, img *image.RGBA) error {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	out.Write(signature)
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2 // 8-bit RGB
	writeChunk(out, "IHDR", ihdr[:])
	// Each core filters and deflates a band of rows, as independent blocks
	// of one zlib stream, as pigz does.
	stride := 1 + 3*w
	data := make([]byte, stride*h)
	parts := runtime.NumCPU()
	blocks := make([]bytes.Buffer, parts)
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for i := range parts {
		wg.Go(func() {
			y0, y1 := i*h/parts, (i+1)*h/parts
			for y := y0; y < y1; y++ {
				filterUp(data[y*stride:(y+1)*stride], img, y, w)
			}
			f, err := flate.NewWriter(&blocks[i], flate.BestSpeed)
			if err == nil {
				_, err = f.Write(data[y0*stride : y1*stride])
			}
			if err == nil && i < parts-1 {
				err = f.Flush() // ends on a byte boundary, not as the final block
			} else if err == nil {
				err = f.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	var idat bytes.Buffer
	idat.Write([]byte{0x78, 0x01}) // zlib header: deflate, fastest
	for i := range blocks {
		idat.Write(blocks[i].Bytes())
	}
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], adler32.Checksum(data))
	idat.Write(sum[:])
	writeChunk(out, "IDAT", idat.Bytes())
	writeChunk(out, "IEND", nil)
	return nil
}
