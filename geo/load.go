package geo

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/paulmach/orb"

	"sanctuarymap/internal/fileerr"
)

// MaxFileSize caps a boundary file; the largest real one (census tracts for
// the whole country at 1:500k) is well under it.
const MaxFileSize = 256 << 20

// ErrNoRegions is returned for a file that holds no state or county polygons.
var ErrNoRegions = errors.New("no Polygon or MultiPolygon features with a state (2-digit), county (5-digit) or tract (11-digit) FIPS id")

// IsBoundaryFile reports whether a file's name says it holds boundaries
// (GeoJSON or TopoJSON) rather than CSV.
func IsBoundaryFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json", ".geojson", ".topojson":
		return true
	}
	return false
}

// LoadFile reads a GeoJSON or TopoJSON file.
func LoadFile(path string) (*Boundaries, error) { return LoadFileContext(context.Background(), path) }

// LoadFileContext is LoadFile, stopping with ctx's error once ctx is done.
// The file is read plainly, not mapped: a mapping a reader still used
// could be cut short or unmapped under it, and reading costs a few
// milliseconds (docs/DESIGN.md).
func LoadFileContext(ctx context.Context, path string) (*Boundaries, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, pathError(path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, pathError(path, err)
	}
	if st.Size() > MaxFileSize {
		return nil, fileerr.New(path, 0, 0, "file is %d MiB; boundary files are limited to %d MiB", st.Size()>>20, MaxFileSize>>20)
	}
	data, err := readAll(f, st)
	if err != nil {
		return nil, pathError(path, err)
	}
	if len(data) > MaxFileSize {
		return nil, fileerr.New(path, 0, 0, "file is over %d MiB; boundary files are limited to %d MiB", MaxFileSize>>20, MaxFileSize>>20)
	}
	return LoadContext(ctx, path, data)
}

// readAll reads a regular file into a buffer of its size at once, as
// growing one costs a third more time on a large file; a pipe or device,
// which has no size, up to one byte past the limit.
func readAll(f *os.File, st os.FileInfo) ([]byte, error) {
	if !st.Mode().IsRegular() {
		return io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	}
	b := make([]byte, st.Size())
	n, err := io.ReadFull(f, b)
	if err == io.ErrUnexpectedEOF {
		err = nil // cut short since the Stat: read what is there
	}
	return b[:n], err
}

func pathError(path string, err error) error {
	if pe, ok := err.(*os.PathError); ok {
		err = pe.Err
	}
	return &fileerr.Error{File: path, Err: err}
}

// Load reads GeoJSON (a FeatureCollection of Polygon and MultiPolygon
// features) or TopoJSON (a Topology) from data; name labels errors. Regions
// are keyed by the feature id or a GEOID/fips property and sorted into
// states and counties by the code's length. Territories the AlbersUSA
// composite has no place for are left out.
func Load(name string, data []byte) (*Boundaries, error) {
	return LoadContext(context.Background(), name, data)
}

// LoadContext is Load, stopping with ctx's error once ctx is done: it
// checks between a few hundred features or regions, so a cancelled load
// of a large file gives its cores back at once.
func LoadContext(ctx context.Context, name string, data []byte) (*Boundaries, error) {
	if len(data) > MaxFileSize {
		return nil, fileerr.New(name, 0, 0, "file is %d MiB; boundary files are limited to %d MiB", len(data)>>20, MaxFileSize>>20)
	}
	typ, err := topType(data)
	if err != nil {
		return nil, jsonError(name, data, err)
	}
	var feats []feature
	switch typ {
	case "Topology":
		feats, err = decodeTopology(ctx, data)
		prepareAll(ctx, feats)
	case "FeatureCollection":
		feats, err = decodeGeoJSON(ctx, data)
	default:
		return nil, fileerr.New(name, 0, 0, "type is %q; want a GeoJSON FeatureCollection or a TopoJSON Topology", typ)
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		var fe *fileerr.Error
		if errors.As(err, &fe) {
			fe.File = name
			return nil, fe
		}
		return nil, jsonError(name, data, err)
	}
	return build(name, feats)
}

// topType reads the top-level "type" member without decoding the rest;
// a full decode follows once the kind of file is known.
func topType(data []byte) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil {
		return "", err
	} else if tok != json.Delim('{') {
		return "", fmt.Errorf("the file is JSON but not an object; want a GeoJSON FeatureCollection or a TopoJSON Topology")
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return "", err
		}
		if key == "type" {
			var typ string
			if err := dec.Decode(&typ); err != nil {
				return "", err
			}
			return typ, nil
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return "", err
		}
	}
	return "", nil
}

// feature is a decoded polygon feature and, once prepared, its region.
type feature struct {
	n      int // position in the file, 1-based, for messages
	id     string
	name   string
	geom   orb.MultiPolygon
	region *Region // checked and projected; nil for a feature no level takes
	bad    error   // why the coordinates cannot be projected
}

// prepare checks f's coordinates and projects its shape into its region,
// unless no level takes f. Projecting is most of the work after parsing:
// the GeoJSON decoder prepares each feature on the core that parsed it,
// while the file is still being split.
func (f *feature) prepare(proj *AlbersUSA) {
	if _, ok := LevelOf(f.id); !ok || !Supported(f.id) || len(f.geom) == 0 {
		return
	}
	if f.bad = checkCoords(f.geom); f.bad == nil {
		f.region = &Region{FIPS: f.id, Name: f.name, Shape: f.geom}
		project(proj, f.region)
	}
}

// prepareAll prepares feats on every core, until ctx is done.
func prepareAll(ctx context.Context, feats []feature) {
	proj := NewAlbersUSA()
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(feats); i += workers {
				if (i/workers)%256 == 0 && ctx.Err() != nil {
					return
				}
				feats[i].prepare(proj)
			}
		})
	}
	wg.Wait()
}

// build gathers prepared features into layers, in file order, or reports
// the first feature that repeats an id or has bad coordinates.
func build(name string, feats []feature) (*Boundaries, error) {
	var byLevel [levels][]*Region
	seen := map[string]int{}
	for _, f := range feats {
		if f.region == nil && f.bad == nil {
			continue
		}
		if prev, dup := seen[f.id]; dup {
			return nil, fileerr.New(name, 0, 0, "feature %d: id %q repeats feature %d", f.n, f.id, prev)
		}
		seen[f.id] = f.n
		if f.bad != nil {
			return nil, fileerr.New(name, 0, 0, "feature %d (id %q): %v", f.n, f.id, f.bad)
		}
		lvl, _ := LevelOf(f.id)
		byLevel[lvl] = append(byLevel[lvl], f.region)
	}
	b := &Boundaries{}
	if len(byLevel[States]) > 0 {
		b.States = newLayer(States, byLevel[States])
	}
	if len(byLevel[Counties]) > 0 {
		b.Counties = newLayer(Counties, byLevel[Counties])
	}
	if len(byLevel[Tracts]) > 0 {
		b.Tracts = newLayer(Tracts, byLevel[Tracts])
	}
	if b.States == nil && b.Counties == nil && b.Tracts == nil {
		return nil, &fileerr.Error{File: name, Err: ErrNoRegions}
	}
	return b, nil
}

// project normalises the winding of r's shape, still in lon/lat, and
// projects it onto the plane in place.
func project(proj *AlbersUSA, r *Region) {
	Normalize(r.Shape)
	for _, poly := range r.Shape {
		for _, ring := range poly {
			for k, p := range ring {
				ring[k] = proj.Project(r.FIPS, p)
			}
		}
	}
	r.Bound = outerBound(r.Shape)
}

// outerBound is mp.Bound(), the box around every polygon's outer ring, in
// one plain pass: orb's extends a box point by point, and it was a fifth
// of projecting.
func outerBound(mp orb.MultiPolygon) orb.Bound {
	if len(mp) == 0 || len(mp[0]) == 0 || len(mp[0][0]) == 0 {
		return mp.Bound()
	}
	b := orb.Bound{Min: mp[0][0][0], Max: mp[0][0][0]}
	for _, poly := range mp {
		if len(poly) == 0 {
			continue
		}
		for _, p := range poly[0] {
			b.Min[0], b.Min[1] = min(b.Min[0], p[0]), min(b.Min[1], p[1])
			b.Max[0], b.Max[1] = max(b.Max[0], p[0]), max(b.Max[1], p[1])
		}
	}
	return b
}

func checkCoords(mp orb.MultiPolygon) error {
	for _, poly := range mp {
		for _, ring := range poly {
			if len(ring) < 3 {
				return fmt.Errorf("a ring has %d positions; a ring needs at least 4", len(ring))
			}
			for _, p := range ring {
				if math.IsNaN(p[0]) || math.IsNaN(p[1]) || p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90 {
					return fmt.Errorf("coordinate [%g, %g] is outside longitude -180..180, latitude -90..90", p[0], p[1])
				}
			}
		}
	}
	return nil
}

// jsonError locates a JSON decoding error in the file.
func jsonError(name string, data []byte, err error) error {
	var (
		syn  *json.SyntaxError
		typ  *json.UnmarshalTypeError
		elem *elemError
		off  int64 = -1
		base int64 // where the decoded part starts in the file
	)
	if errors.As(err, &elem) {
		base = elem.off
	}
	msg := err.Error()
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return fileerr.New(name, 0, 0, "the file is empty; want a GeoJSON FeatureCollection or a TopoJSON Topology")
	case errors.As(err, &syn) && syn.Error() == "unexpected end of JSON input":
		off = int64(len(data))
		msg = "not valid JSON: the file ends too early (truncated?)"
	case errors.As(err, &syn):
		off = base + max(0, syn.Offset-1) // Offset counts the offending byte
		msg = "not valid JSON: " + syn.Error()
	case errors.As(err, &typ):
		// orb decodes geometries from nested raw messages, so the offset is
		// not a position in the file: name the value instead.
		msg = fmt.Sprintf("%s is not a valid %s", typ.Value, typ.Type)
		if typ.Field != "" {
			msg += " (field " + typ.Field + ")"
		}
	case err.Error() == "unexpected end of JSON input" || errors.Is(err, io.ErrUnexpectedEOF):
		off = int64(len(data))
		msg = "not valid JSON: the file ends too early (truncated?)"
	case elem != nil && !errors.As(elem.err, &typ):
		off = base
		msg = "not valid JSON: " + elem.err.Error()
	}
	if off >= 0 {
		line, col := fileerr.LineCol(data, off)
		return fileerr.New(name, line, col, "%s", msg)
	}
	return fileerr.New(name, 0, 0, "%s", strings.TrimPrefix(msg, "json: "))
}

// fipsID turns an id into a FIPS code. Numeric ids lose their leading zero
// in JSON, so they are padded back to a state, county or tract code.
func fipsID(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case float64:
		if v != math.Trunc(v) || v < 1 || v >= 1e11 {
			return ""
		}
		n := int64(v)
		switch {
		case n < 100:
			return fmt.Sprintf("%02d", n)
		case n < 100000:
			return fmt.Sprintf("%05d", n)
		}
		return fmt.Sprintf("%011d", n)
	case json.Number:
		f, err := v.Float64()
		if err != nil {
			return ""
		}
		return fipsID(f)
	}
	return ""
}

// keyOf finds a feature's FIPS code: its id, else a GEOID or fips property,
// else STATEFP+COUNTYFP as in Census shapefiles.
func keyOf(id any, props map[string]any) string {
	if k := fipsID(id); k != "" {
		return k
	}
	for _, p := range []string{"GEOID", "geoid", "fips", "FIPS", "GEOID20", "GEOID10"} {
		if k := fipsID(props[p]); k != "" {
			return k
		}
	}
	st, _ := props["STATEFP"].(string)
	co, _ := props["COUNTYFP"].(string)
	return st + co
}

func nameOf(props map[string]any) string {
	for _, p := range []string{"name", "NAME", "Name", "NAMELSAD"} {
		if s, ok := props[p].(string); ok {
			return s
		}
	}
	return ""
}

// unsupported is returned for geometry types a choropleth cannot fill.
func unsupported(n int, typ string) error {
	return fmt.Errorf("feature %d: geometry type %s is not supported; use Polygon or MultiPolygon", n, typ)
}
