package geo

import (
	"fmt"
	"math"
	"strconv"

	"github.com/paulmach/orb"
)

// arcParser reads the nested number arrays that are most of a boundary
// file's bytes (TopoJSON arcs, GeoJSON coordinates) straight from the
// file's bytes: several times faster than encoding/json, and without
// copying them.
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
