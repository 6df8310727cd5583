package geo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"
)

// arcParser reads the nested number arrays that are most of a boundary
// file's bytes (TopoJSON arcs, GeoJSON coordinates), and the usual shape of
// a GeoJSON feature around them, straight from the file's bytes: several
// times faster than encoding/json, and without copying them.
type arcParser struct {
	b    []byte
	i    int
	ring orb.Ring // scratch for polygon
}

func (p *arcParser) space() {
	for p.i < len(p.b) && (p.b[p.i] == ' ' || p.b[p.i] == '\n' || p.b[p.i] == '\r' || p.b[p.i] == '\t') {
		p.i++
	}
}

func (p *arcParser) fail(want string) error {
	if p.i >= len(p.b) {
		return fmt.Errorf("unexpected end, want %s", want)
	}
	return fmt.Errorf("unexpected %q, want %s", p.b[p.i], want)
}

// open steps over the bracket or brace c that opens a list or an object,
// and over close if it follows at once: whether c stood there, and whether
// the list or object is empty.
func (p *arcParser) open(c, close byte) (ok, empty bool) {
	p.space()
	if p.i >= len(p.b) || p.b[p.i] != c {
		return false, false
	}
	p.i++
	p.space()
	if p.i < len(p.b) && p.b[p.i] == close {
		p.i++
		return true, true
	}
	return true, false
}

// list parses '[' item (',' item)* ']' calling item for each.
func (p *arcParser) list(item func() error) error {
	if ok, empty := p.open('[', ']'); !ok {
		return p.fail("[")
	} else if empty {
		return nil
	}
	for {
		if err := item(); err != nil {
			return err
		}
		p.space()
		if p.i >= len(p.b) {
			return p.fail("] or ,")
		}
		switch p.b[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			return nil
		default:
			return p.fail("] or ,")
		}
	}
}

// number parses a JSON number, held to JSON's grammar (no "+1", ".5" or
// "01"). A plain decimal of at most 15 digits, which coordinates almost
// always are, is read without strconv: the digits make an integer below
// 2^53 and the point divides it by an exact power of ten, so the one
// rounding gives what ParseFloat gives (Clinger's fast path).
func (p *arcParser) number() (float64, error) {
	p.space()
	start := p.i
	d, err := p.decimal()
	if err != nil {
		return 0, err
	}
	neg := p.b[start] == '-'
	switch {
	case d.exp || d.digits > 19:
	case d.digits <= 15:
		v := float64(d.n) / pow10[d.frac]
		if neg {
			v = -v
		}
		return v, nil
	default:
		// 16 to 19 digits, as mapshaper and GDAL write coordinates.
		if v, ok := eiselLemire(d.n, d.frac, neg); ok {
			return v, nil
		}
	}
	text := p.b[start:p.i]
	v, err := strconv.ParseFloat(string(text), 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a valid number", text)
	}
	return v, nil
}

// decimal is a number's text read as digits: their value as an integer
// (exact up to 19 digits), how many there are, how many follow the point,
// and whether an exponent follows them.
type decimal struct {
	n            uint64
	digits, frac int
	exp          bool
}

// decimal steps over a number by JSON's grammar and reads its digits.
func (p *arcParser) decimal() (decimal, error) {
	var d decimal
	b := p.b
	digit := func() bool { return p.i < len(b) && b[p.i] >= '0' && b[p.i] <= '9' }
	if p.i < len(b) && b[p.i] == '-' {
		p.i++
	}
	if !digit() {
		return d, p.fail("a number")
	}
	if b[p.i] == '0' {
		p.i++
		d.digits++
	} else {
		for ; digit(); p.i++ {
			d.n = d.n*10 + uint64(b[p.i]-'0')
			d.digits++
		}
	}
	if p.i < len(b) && b[p.i] == '.' {
		p.i++
		if !digit() {
			return d, p.fail("a digit after the point")
		}
		for ; digit(); p.i++ {
			d.n = d.n*10 + uint64(b[p.i]-'0')
			d.digits++
			d.frac++
		}
	}
	if d.exp = p.i < len(b) && (b[p.i] == 'e' || b[p.i] == 'E'); d.exp {
		p.i++
		if p.i < len(b) && (b[p.i] == '+' || b[p.i] == '-') {
			p.i++
		}
		if !digit() {
			return d, p.fail("a digit in the exponent")
		}
		for digit() {
			p.i++
		}
	}
	return d, nil
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}

// The rest reads a GeoJSON feature of the usual shape by hand. Anything
// unusual (an escaped key, a member whose name differs from ours only in
// case, a geometry we do not fill, a syntax error) stops it, and the
// feature is decoded again through encoding/json, whose messages and
// leniencies stay the program's.

// feature reads feature n from all of p's bytes, or says it cannot.
func (p *arcParser) feature(n int) (*feature, bool) {
	var (
		id    any
		props geoProperties
		geom  orb.MultiPolygon
		typ   string
	)
	ok := p.object(func(key []byte) bool {
		switch string(key) {
		case "id":
			raw, ok := p.value()
			if s, plain := plainString(raw); ok && plain {
				id = s
				return true
			}
			return ok && json.Unmarshal(raw, &id) == nil
		case "properties":
			return p.properties(&props)
		case "geometry":
			var ok bool
			typ, geom, ok = p.geometry()
			return ok
		}
		_, ok := p.value()
		return ok && !oneOf(key, "id", "properties", "geometry")
	})
	if p.space(); !ok || p.i != len(p.b) {
		return nil, false
	}
	if typ == "" {
		return nil, true // no geometry: nothing to draw
	}
	m := props.asMap()
	return &feature{n: n, id: keyOf(id, m), name: nameOf(m), geom: geom}, true
}

// properties reads a feature's properties into props as encoding/json
// would: a member whose name is one of props' in any case sets it (the last
// of several), a plain string as it stands, any other value through
// encoding/json; other members are only checked.
func (p *arcParser) properties(props *geoProperties) bool {
	if p.null() {
		return true
	}
	return p.object(func(key []byte) bool {
		raw, ok := p.value()
		field := props.field(string(key))
		switch {
		case !ok:
			return false
		case field == nil:
			return true
		}
		if s, plain := plainString(raw); plain {
			*field = s
			return true
		}
		return json.Unmarshal(raw, field) == nil
	})
}

// plainString returns the JSON value raw as a string if it is one with no
// escapes, which encoding/json would decode to the same bytes.
func plainString(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || bytes.IndexByte(raw, '\\') >= 0 || !utf8.Valid(raw) {
		return "", false
	}
	return string(raw[1 : len(raw)-1]), true
}

// geometry reads a Polygon or MultiPolygon geometry, or null (type "").
func (p *arcParser) geometry() (string, orb.MultiPolygon, bool) {
	if p.null() {
		return "", nil, true
	}
	var typ string
	var mp orb.MultiPolygon
	var coords []byte // when they come before the type
	parsed := false
	ok := p.object(func(name []byte) bool {
		key := string(name) // compared only: not made
		switch {
		case key == "coordinates" && typ != "":
			var ok bool
			mp, ok = p.shape(typ)
			parsed = true
			return ok
		case key == "coordinates":
			coords = p.skip()
			return true
		}
		raw, ok := p.value()
		if key == "type" {
			var plain bool
			typ, plain = plainString(raw)
			ok = ok && plain && typ != ""
		}
		return ok && (key == "type" || !oneOf(name, "type", "coordinates"))
	})
	if coords != nil && ok && !parsed {
		c := &arcParser{b: coords, ring: p.ring}
		mp, ok = c.shape(typ)
		ok = ok && c.i == len(coords)
		p.ring, parsed = c.ring, true
	}
	return typ, mp, ok && parsed
}

// shape reads the coordinates of a Polygon or MultiPolygon, checking
// them as it goes.
func (p *arcParser) shape(typ string) (orb.MultiPolygon, bool) {
	switch typ {
	case "Polygon":
		poly, err := p.polygon()
		return orb.MultiPolygon{poly}, err == nil
	case "MultiPolygon":
		var mp orb.MultiPolygon
		err := p.list(func() error {
			poly, err := p.polygon()
			mp = append(mp, poly)
			return err
		})
		return mp, err == nil
	}
	return nil, false
}

// null steps over a null value, if one stands next.
func (p *arcParser) null() bool {
	p.space()
	if !bytes.HasPrefix(p.b[p.i:], []byte("null")) {
		return false
	}
	p.i += 4
	return true
}

// object reads '{' member (',' member)* '}', calling member with each key
// (none escaped; the file's bytes, not a copy) once the reader stands on
// its value; member reads the value.
func (p *arcParser) object(member func(key []byte) bool) bool {
	if ok, empty := p.open('{', '}'); !ok || empty {
		return ok
	}
	for {
		p.space()
		key, ok := p.key()
		if !ok || !member(key) {
			return false
		}
		p.space()
		if p.i >= len(p.b) {
			return false
		}
		p.i++
		switch p.b[p.i-1] {
		case ',':
		case '}':
			return true
		default:
			return false
		}
	}
}

// key reads a member's name and its colon.
func (p *arcParser) key() ([]byte, bool) {
	if p.i >= len(p.b) || p.b[p.i] != '"' {
		return nil, false
	}
	end := bytes.IndexByte(p.b[p.i+1:], '"')
	if end < 0 {
		return nil, false
	}
	key := p.b[p.i+1 : p.i+1+end]
	if bytes.ContainsFunc(key, func(r rune) bool { return r < ' ' || r == '\\' }) {
		return nil, false
	}
	p.i += end + 2
	p.space()
	if p.i >= len(p.b) || p.b[p.i] != ':' {
		return nil, false
	}
	p.i++
	p.space()
	return key, true
}

// value steps over a JSON value and returns its bytes, checked valid.
func (p *arcParser) value() ([]byte, bool) {
	raw := p.skip()
	return raw, json.Valid(raw)
}

// skip steps over a JSON value, counting brackets outside strings, and
// returns its bytes, unchecked.
func (p *arcParser) skip() []byte {
	start := p.i
	depth, inString := 0, false
	for ; p.i < len(p.b); p.i++ {
		c := p.b[p.i]
		if inString {
			switch c {
			case '\\':
				p.i++
			case '"':
				inString = false
				if depth == 0 {
					p.i++
					return p.raw(start)
				}
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '[', '{':
			depth++
		case ']', '}', ',':
			if depth == 0 {
				return p.raw(start)
			}
			if c != ',' {
				depth--
				if depth == 0 {
					p.i++
					return p.raw(start)
				}
			}
		}
	}
	return p.raw(start)
}

func (p *arcParser) raw(start int) []byte {
	end := min(p.i, len(p.b))
	for end > start && space[p.b[end-1]] {
		end--
	}
	return p.b[start:end]
}

// oneOf reports whether key is one of names in another case, which
// encoding/json would take for it.
func oneOf(key []byte, names ...string) bool {
	for _, n := range names {
		if strings.EqualFold(string(key), n) {
			return true
		}
	}
	return false
}
