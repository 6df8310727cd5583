package pngmeta

import (
	"bytes"
	"errors"
	"hash/adler32"
	"image"
	"image/png"
	"io"
	"reflect"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	texts := []Text{{"Title", "Policy map — 2025"}, {"Software", "sanctuarymap 0.1.0"}, {"Dataset SHA-256", "ab12"}}
	out, err := Insert(buf.Bytes(), texts)
	if err != nil {
		t.Fatal(err)
	}
	// Still a valid PNG of the same size.
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil || img.Bounds().Dx() != 4 {
		t.Fatalf("decode: %v %v", err, img)
	}
	got, err := Read(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	texts[0].Value = "Policy map ? 2025" // the em dash is not Latin-1
	if !reflect.DeepEqual(got, texts) {
		t.Errorf("got %q, want %q", got, texts)
	}
	if _, err := Insert([]byte("GIF89a"), texts); err != ErrNotPNG {
		t.Errorf("non-PNG: %v", err)
	}
}

// The fast RGB path decodes to the same pixels, at widths that leave the
// filter's pairs of pixels a remainder or none.
func TestEncodeRGB(t *testing.T) {
	for _, w := range []int{1, 2, 3, 4, 37} {
		img := image.NewRGBA(image.Rect(5, 7, 5+w, 7+150)) // bands of several chunks, the last short; not at the origin
		for i := range img.Pix {
			img.Pix[i] = byte(i * 7) // neighbours above and below differ both ways
			if i%4 == 3 {
				img.Pix[i] = 0xff
			}
		}
		var buf bytes.Buffer
		if err := Encode(&buf, img, []Text{{"Title", "t"}}); err != nil {
			t.Fatal(err)
		}
		got, err := png.Decode(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		for y := 0; y < img.Bounds().Dy(); y++ {
			for x := 0; x < w; x++ {
				r1, g1, b1, a1 := got.At(x, y).RGBA()
				r2, g2, b2, a2 := img.At(5+x, 7+y).RGBA()
				if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
					t.Fatalf("width %d, pixel %d,%d: %v, want %v", w, x, y, got.At(x, y), img.At(5+x, 7+y))
				}
			}
		}
		texts, err := Read(bytes.NewReader(buf.Bytes()))
		if err != nil || len(texts) != 1 || texts[0].Value != "t" {
			t.Errorf("texts %v %v", texts, err)
		}
	}
}

// Sums of parts combine into the sum of the whole, as the bands' do.
func TestAdler32Combine(t *testing.T) {
	data := make([]byte, 200000)
	for i := range data {
		data[i] = byte(i*31 + i/7)
	}
	for _, cut := range []int{0, 1, 65520, 65521, 65522, 100000, 199999, 200000} {
		got := adler32Combine(adler32.Checksum(data[:cut]), adler32.Checksum(data[cut:]), int64(len(data)-cut))
		if want := adler32.Checksum(data); got != want {
			t.Errorf("cut at %d: %08x, want %08x", cut, got, want)
		}
	}
}

// The zero-skipping sum is hash/adler32's, on mostly-zero and on dense
// bytes, from any starting sum, at lengths that leave a remainder.
func TestAdler32Update(t *testing.T) {
	data := make([]byte, 3<<20)
	for i := range data {
		if i%37 == 0 || i > 2<<20 {
			data[i] = byte(i*131 + i>>9)
		}
	}
	for _, n := range []int{0, 1, 7, 8, 9, 5552, 65536 + 3, 1 << 20, len(data)} {
		for _, cut := range []int{0, n / 3} {
			start := adler32.Checksum(data[:cut])
			got := adler32Update(start, data[cut:n])
			if want := adler32.Checksum(data[:n]); got != want {
				t.Errorf("length %d from %d: %08x, want %08x", n, cut, got, want)
			}
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// A write that fails is reported, not dropped.
func TestEncodeReportsWriteError(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = 0xff
	}
	if err := Encode(failingWriter{}, img, nil); err == nil || err.Error() != "disk full" {
		t.Errorf("err = %v, want disk full", err)
	}
}

func BenchmarkEncodeMap(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 1920, 1080))
	for i := range img.Pix {
		img.Pix[i] = byte(i/4/97%7*30 + i%4)
		if i%4 == 3 {
			img.Pix[i] = 0xff
		}
	}
	for b.Loop() {
		if err := Encode(io.Discard, img, nil); err != nil {
			b.Fatal(err)
		}
	}
}
