package geo

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
)

func loadEmbedded(t testing.TB) *Boundaries {
	t.Helper()
	data, err := os.ReadFile("../assets/counties-10m.json")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load("counties-10m.json", data)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestLoadEmbedded(t *testing.T) {
	b := loadEmbedded(t)
	// 50 states, DC and Puerto Rico; 3,144 counties in the states and DC plus
	// Puerto Rico's 78 municipios. Other territories have no inset.
	if got := len(b.States.Regions); got != 52 {
		t.Errorf("states = %d, want 52", got)
	}
	if got := len(b.Counties.Regions); got != 3144+78 {
		t.Errorf("counties = %d, want %d", got, 3144+78)
	}
	for id, name := range map[string]string{"06": "California", "06069": "San Benito", "09110": "Capitol", "02063": "Chugach", "72": "Puerto Rico"} {
		lvl, _ := LevelOf(id)
		r := b.Layer(lvl).Region(id)
		if r == nil || r.Name != name {
			t.Errorf("region %s = %v, want %s", id, r, name)
		}
	}
	if b.Counties.Region("66010") != nil {
		t.Error("Guam is loaded; it has no place on the AlbersUSA composite")
	}
}

func TestBinaryRoundTrip(t *testing.T) {
	b := loadEmbedded(t)
	var buf bytes.Buffer
	if err := b.WriteBinary(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := LoadBinary(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	for _, lvl := range []Level{States, Counties} {
		want, have := b.Layer(lvl), got.Layer(lvl)
		if len(have.Regions) != len(want.Regions) {
			t.Fatalf("%s: %d regions, want %d", lvl, len(have.Regions), len(want.Regions))
		}
		for i, r := range want.Regions {
			h := have.Regions[i]
			if h.FIPS != r.FIPS || h.Name != r.Name || maxDiff(h.Bound, r.Bound) > 1e-3 {
				t.Fatalf("%s %s: %+v vs %+v", lvl, r.FIPS, h.Bound, r.Bound)
			}
		}
	}
	// Skipping a layer leaves it out and the others whole.
	states, err := LoadBinary(buf.Bytes(), Counties)
	if err != nil || states.Counties != nil || len(states.States.Regions) != len(b.States.Regions) {
		t.Errorf("without counties: %v, levels %v", err, states.Levels())
	}
	for _, bad := range [][]byte{nil, []byte("SMB1"), []byte("GIF89a"), buf.Bytes()[:buf.Len()/2], append(buf.Bytes(), 0)} {
		if _, err := LoadBinary(bad); !errors.Is(err, ErrBadBinary) {
			t.Errorf("%d bytes: %v, want ErrBadBinary", len(bad), err)
		}
	}
}

// Cancelling reaches into the parse of a large file.
func TestLoadContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	data := []byte(`{"type":"FeatureCollection","features":[` + strings.Repeat(`{"type":"Feature","id":"06069","geometry":null},`, 999) + `{"type":"Feature","id":"06069","geometry":null}]}`)
	if _, err := LoadContext(ctx, "big.geojson", data); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled load: %v", err)
	}
}

// Splitting the features array counts brackets outside strings only, with
// escaped quotes, spaces between elements and members after the array.
func TestSplitFeatures(t *testing.T) {
	data := `{"type":"FeatureCollection","features":[ {"type":"Feature","geometry":null} ,` +
		` {"type":"Feature","id":"08","properties":{"name":"a \"quoted\" ]}, name"},` +
		`"geometry":{"type":"Polygon","coordinates":[[[-109,37],[-102,37],[-102,41],[-109,37]]]}} ],"bbox":[1,2,3,4]}`
	b, err := Load("f.json", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if r := b.States.Region("08"); r == nil || r.Name != `a "quoted" ]}, name` || len(b.States.Regions) != 1 {
		t.Errorf("states %+v", b.States.Regions)
	}
}
