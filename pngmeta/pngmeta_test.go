package pngmeta

import (
	"bytes"
	"image"
	"image/png"
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
