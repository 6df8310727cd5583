package geo

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/paulmach/orb"
)

// GeoJSON is decoded into orb geometries with encoding/json for the
// features' members and properties and our own reader (scan.go) for the
// coordinate arrays, which are most of a file: several times faster than
// decoding through orb/geojson, which matters for files of 100,000 tracts.

type geoFeature struct {
	ID         any           `json:"id"`
	Properties geoProperties `json:"properties"`
	Geometry   *geoGeometry  `json:"geometry"`
}

// geoProperties holds the properties that name and key a feature;
// encoding/json matches names case-insensitively (GEOID, geoid, ...).
type geoProperties struct {
	Name     any `json:"name"`
	NameLSAD any `json:"NAMELSAD"`
	GEOID    any `json:"GEOID"`
	FIPS     any `json:"fips"`
	GEOID20  any `json:"GEOID20"`
	GEOID10  any `json:"GEOID10"`
	STATEFP  any `json:"STATEFP"`
	COUNTYFP any `json:"COUNTYFP"`
}

func (p geoProperties) asMap() map[string]any {
	return map[string]any{"name": p.Name, "NAMELSAD": p.NameLSAD, "GEOID": p.GEOID, "fips": p.FIPS,
		"GEOID20": p.GEOID20, "GEOID10": p.GEOID10, "STATEFP": p.STATEFP, "COUNTYFP": p.COUNTYFP}
}

type geoGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// decodeGeoJSON splits the "features" array into its elements in one
// quick pass on this goroutine, handing each to the decoding workers, one a
// core, as soon as it is found, so decoding starts with the first feature
// rather than after the last. Splitter and workers check ctx, so a
// cancelled load of a large file stops at once.
func decodeGeoJSON(ctx context.Context, data []byte) ([]feature, error) {
	found := make(chan [3]int, 1024) // position, first byte, end
	proj := NewAlbersUSA()
	workers := runtime.GOMAXPROCS(0)
	done := make([][]decoded, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			// A cancelled worker still drains found, so the splitter never
			// waits on it.
			var p arcParser // its ring scratch serves all the worker's features
			for e := range found {
				if ctx.Err() != nil {
					continue
				}
				d := decoded{i: e[0]}
				if d.f, d.err = decodeElement(&p, e[0]+1, data, [2]int{e[1], e[2]}); d.f != nil {
					d.f.prepare(proj)
				}
				done[w] = append(done[w], d)
			}
		})
	}
	n, err := func() (int, error) {
		defer close(found)
		return featureElements(data, func(i, start, end int) bool {
			found <- [3]int{i, start, end}
			return i%256 != 0 || ctx.Err() == nil
		})
	}()
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	return inOrder(n, done)
}

// decoded is a feature a worker decoded, or why it could not.
type decoded struct {
	i   int // position in the array, from 0
	f   *feature
	err error
}

// inOrder puts the workers' n features in file order, leaving out those
// without geometry, or returns the first error in the file, as a
// sequential decode would.
func inOrder(n int, done [][]decoded) ([]feature, error) {
	feats, errs := make([]*feature, n), make([]error, n)
	for _, ds := range done {
		for _, d := range ds {
			feats[d.i], errs[d.i] = d.f, d.err
		}
	}
	out := make([]feature, 0, n)
	for i, f := range feats {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if f != nil {
			out = append(out, *f)
		}
	}
	return out, nil
}

// decodeElement decodes feature n, at data[e[0]:e[1]]: its members
// through encoding/json, whose errors say what is wrong where, and its
// coordinates by hand (decodeFeature).
func decodeElement(p *arcParser, n int, data []byte, e [2]int) (*feature, error) {
	var f geoFeature
	if err := json.Unmarshal(data[e[0]:e[1]], &f); err != nil {
		return nil, &elemError{off: int64(e[0]), err: err}
	}
	return decodeFeature(p, n, &f)
}

// elemError is a decoding error inside the feature that starts at off.
type elemError struct {
	off int64
	err error
}

func (e *elemError) Error() string { return e.err.Error() }
func (e *elemError) Unwrap() error { return e.err }

// featureElements hands emit the position and byte range of each element
// of the top-level "features" array, checks the rest of the object is
// valid JSON, and returns how many elements there are. It stops early,
// with no error, when emit returns false.
func featureElements(data []byte, emit func(i, start, end int) bool) (int, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil { // '{', checked by topType
		return 0, err
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return 0, err
		}
		if key != "features" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return 0, err
			}
			continue
		}
		i := skipSpace(data, int(dec.InputOffset()))
		if i >= len(data) {
			return 0, io.ErrUnexpectedEOF
		}
		if data[i] != ':' {
			return 0, &elemError{off: int64(i), err: fmt.Errorf("invalid character %q after object key", data[i])}
		}
		i = skipSpace(data, i+1)
		if i < len(data) && data[i] != '[' {
			var v json.RawMessage // null, or an error to report in place
			if err := dec.Decode(&v); err != nil {
				return 0, err
			}
			if string(v) != "null" {
				return 0, fmt.Errorf("features is not an array")
			}
			continue
		}
		n, end, err := splitArray(data, i, emit)
		if err != nil || end < 0 {
			return n, err
		}
		// The members after the array are checked as an object of their own.
		rest := append([]byte("{"), data[skipComma(data, end):]...)
		var tail map[string]json.RawMessage
		if err := json.Unmarshal(rest, &tail); err != nil {
			return 0, &elemError{off: int64(skipComma(data, end)) - 1, err: err}
		}
		return n, nil
	}
	return 0, nil
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// skipComma returns where the members after position i begin: past a comma
// that separates them from the array, if any.
func skipComma(data []byte, i int) int {
	if j := skipSpace(data, i); j < len(data) && data[j] == ',' {
		return j + 1
	}
	return i
}

// splitArray hands emit the position and byte range of each element of the
// array that opens at data[i], and returns how many there are and the
// position after the closing bracket, or -1 if emit stopped it. It only
// counts brackets outside strings; each element is validated when decoded.
func splitArray(data []byte, i int, emit func(i, start, end int) bool) (int, int, error) {
	n, depth, start := 0, 0, -1
	bad := func(at int, msg string) error { return &elemError{off: int64(at), err: errors.New(msg)} }
	for i++; i < len(data); i++ {
		// Digits, signs, points and spaces are most of a file: one look-up
		// steps over each.
		for i < len(data) && plain[data[i]] {
			if start < 0 && !space[data[i]] {
				start = i
			}
			i++
		}
		if i >= len(data) {
			break
		}
		c := data[i]
		if start < 0 && c != ',' && (depth > 0 || (c != ']' && c != '}')) {
			start = i
		}
		switch {
		case c == '"':
			if i = closingQuote(data, i+1); i < 0 {
				return n, 0, io.ErrUnexpectedEOF
			}
		case c == '{' && depth == 0:
			if i = objectEnd(data, i); i < 0 {
				return n, 0, io.ErrUnexpectedEOF
			}
		case c == '[' || c == '{':
			depth++
		case (c == ']' || c == '}') && depth > 0:
			depth--
		case c == '}':
			return n, 0, bad(i, "invalid character '}' in array")
		case c == ']' && start < 0 && n > 0:
			return n, 0, bad(i, "invalid character ']' after a comma")
		case c == ']':
			if start >= 0 {
				if n++; !emit(n-1, start, i) {
					return n, -1, nil
				}
			}
			return n, i + 1, nil
		case c == ',' && depth == 0:
			if start < 0 {
				return n, 0, bad(i, "invalid character ',' in array")
			}
			if n++; !emit(n-1, start, i) {
				return n, -1, nil
			}
			start = -1
		}
	}
	return n, 0, io.ErrUnexpectedEOF
}

// objectEnd returns the position of the brace that closes the object
// opening at data[i], or -1. Only strings and braces decide where an
// object ends, and a feature is mostly brackets: they are not looked at
// (its decoder checks them).
func objectEnd(data []byte, i int) int {
	depth := 0
	for ; i < len(data); i++ {
		for i < len(data) && !braces[data[i]] {
			i++
		}
		if i == len(data) {
			break
		}
		switch data[i] {
		case '"':
			if i = closingQuote(data, i+1); i < 0 {
				return -1
			}
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// closingQuote returns the position of the quote that closes the string
// whose text starts at data[i], or -1.
func closingQuote(data []byte, i int) int {
	for {
		j := bytes.IndexByte(data[i:], '"')
		if j < 0 {
			return -1
		}
		// The quote is escaped if an odd number of backslashes precede it.
		k := i + j
		n := 0
		for k-1-n >= i && data[k-1-n] == '\\' {
			n++
		}
		if n%2 == 0 {
			return k
		}
		i = k + 1
	}
}

// braces marks the bytes objectEnd looks at.
var braces = [256]bool{'"': true, '{': true, '}': true}

// plain marks the bytes splitArray need not look at: all but quotes,
// brackets, braces and commas. space marks JSON's white space among them.
var plain, space = func() (p, s [256]bool) {
	for c := range 256 {
		p[c] = !strings.ContainsRune(`"[]{},`, rune(c))
	}
	for _, c := range " \t\r\n" {
		s[c] = true
	}
	return
}()

// decodeFeature turns feature n into a polygon feature, or nil for a
// feature without geometry.
func decodeFeature(p *arcParser, n int, f *geoFeature) (*feature, error) {
	if f.Geometry == nil || f.Geometry.Type == "" {
		return nil, nil // a null geometry is valid GeoJSON: nothing to draw
	}
	p.b, p.i = f.Geometry.Coordinates, 0
	var mp orb.MultiPolygon
	var err error
	switch f.Geometry.Type {
	case "Polygon":
		var poly orb.Polygon
		poly, err = p.polygon()
		mp = orb.MultiPolygon{poly}
	case "MultiPolygon":
		err = p.list(func() error {
			poly, err := p.polygon()
			mp = append(mp, poly)
			return err
		})
	default:
		return nil, unsupported(n, f.Geometry.Type)
	}
	if err != nil {
		return nil, fmt.Errorf("feature %d: coordinates: %v", n, err)
	}
	props := f.Properties.asMap()
	return &feature{n: n, id: keyOf(f.ID, props), name: nameOf(props), geom: mp}, nil
}

// polygon parses [[[x, y], ...], ...]: rings of positions. A ring grows in
// the parser's scratch and is copied out at its size, so a worker's
// features make no garbage of growing rings.
func (p *arcParser) polygon() (orb.Polygon, error) {
	var poly orb.Polygon
	err := p.list(func() error {
		p.ring = p.ring[:0]
		err := p.list(func() error {
			pt, err := p.position()
			p.ring = append(p.ring, pt)
			return err
		})
		poly = append(poly, slices.Clone(p.ring))
		return err
	})
	return poly, err
}
