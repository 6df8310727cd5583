package geo

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/paulmach/orb"
)

// A compact binary form of loaded boundaries, for the embedded defaults:
// regions already wound and projected, so start-up skips parsing and
// projecting. Coordinates are float32, far finer than the 1:5,000,000
// source. `go generate ./assets` writes it from the TopoJSON, and a test
// checks the embedded copy is current.
//
//	"SMB2" | layers uint8 | per layer: level uint8, regions uint32 |
//	per region: id, name (uint16 length + bytes), polygons uint32 |
//	per polygon: rings uint32 | per ring: points uint32, then per point
//	x, y float32 on the plane (no lon/lat: nothing reads it)

var binaryMagic = []byte("SMB2")

// ErrBadBinary is returned for data not written by WriteBinary.
var ErrBadBinary = errors.New("not a Sanctuary Map boundary file")

// WriteBinary writes b in the binary form.
func (b *Boundaries) WriteBinary(w io.Writer) error {
	bw := bufio.NewWriter(w)
	bw.Write(binaryMagic)
	var layers []*Layer
	for _, l := range []*Layer{b.States, b.Counties, b.Tracts} {
		if l != nil {
			layers = append(layers, l)
		}
	}
	put := func(v any) { binary.Write(bw, binary.LittleEndian, v) }
	str := func(s string) {
		put(uint16(len(s)))
		bw.WriteString(s)
	}
	put(uint8(len(layers)))
	for _, l := range layers {
		put(uint8(l.Level))
		put(uint32(len(l.Regions)))
		for _, r := range l.Regions {
			str(r.FIPS)
			str(r.Name)
			put(uint32(len(r.Shape)))
			for _, poly := range r.Shape {
				put(uint32(len(poly)))
				for _, ring := range poly {
					put(uint32(len(ring)))
					for _, p := range ring {
						put([2]float32{float32(p[0]), float32(p[1])})
					}
				}
			}
		}
	}
	return bw.Flush()
}

// LoadBinary reads boundaries written by WriteBinary, but for the layers
// of the levels skip names, which it only steps over: a command given a
// counties file of its own need not decode the embedded counties.
func LoadBinary(data []byte, skip ...Level) (*Boundaries, error) {
	r := binReader{b: data}
	if len(data) < 5 || string(data[:4]) != string(binaryMagic) {
		return nil, ErrBadBinary
	}
	r.i = 4
	b := &Boundaries{}
	nl := int(r.u8())
	for range nl {
		lvl := Level(r.u8())
		n := int(r.u32())
		if r.err != nil || lvl >= levels || n > len(data) {
			return nil, ErrBadBinary
		}
		keep := !slices.Contains(skip, lvl)
		var regions []*Region
		if keep {
			regions = make([]*Region, 0, n)
		}
		for range n {
			reg, err := r.region(keep)
			if err != nil {
				return nil, err
			}
			if keep {
				regions = append(regions, reg)
			}
		}
		if !keep {
			continue
		}
		switch lvl {
		case States:
			b.States = newLayer(lvl, regions)
		case Counties:
			b.Counties = newLayer(lvl, regions)
		case Tracts:
			b.Tracts = newLayer(lvl, regions)
		}
	}
	if r.err != nil || r.i != len(data) {
		return nil, fmt.Errorf("%w: %d bytes left over", ErrBadBinary, len(data)-r.i)
	}
	return b, nil
}

// region reads one region, or only steps over it (and returns nil) unless
// keep.
func (r *binReader) region(keep bool) (*Region, error) {
	var reg *Region
	if keep {
		reg = &Region{}
		reg.FIPS, reg.Name = r.str(), r.str()
	} else {
		r.take(int(binary.LittleEndian.Uint16(r.take(2))))
		r.take(int(binary.LittleEndian.Uint16(r.take(2))))
	}
	np := int(r.u32())
	if r.err != nil || np > len(r.b) {
		return nil, ErrBadBinary
	}
	if keep {
		reg.Shape = make(orb.MultiPolygon, np)
	}
	for i := range np {
		nr := int(r.u32())
		if r.err != nil || nr > len(r.b) {
			return nil, ErrBadBinary
		}
		if keep {
			reg.Shape[i] = make(orb.Polygon, nr)
		}
		for j := range nr {
			pts := int(r.u32())
			if r.err != nil || pts*8 > len(r.b)-r.i {
				return nil, ErrBadBinary
			}
			if !keep {
				r.i += pts * 8
				continue
			}
			shape := make(orb.Ring, pts)
			for k := range pts {
				shape[k] = orb.Point{r.f32(), r.f32()}
			}
			reg.Shape[i][j] = shape
		}
	}
	if keep {
		reg.Bound = outerBound(reg.Shape)
	}
	return reg, nil
}

type binReader struct {
	b   []byte
	i   int
	err error
}

func (r *binReader) take(n int) []byte {
	if r.err != nil || r.i+n > len(r.b) {
		r.err = ErrBadBinary
		return make([]byte, n)
	}
	s := r.b[r.i : r.i+n]
	r.i += n
	return s
}

func (r *binReader) u8() uint8   { return r.take(1)[0] }
func (r *binReader) u32() uint32 { return binary.LittleEndian.Uint32(r.take(4)) }
func (r *binReader) f32() float64 {
	return float64(math.Float32frombits(binary.LittleEndian.Uint32(r.take(4))))
}
func (r *binReader) str() string { return string(r.take(int(binary.LittleEndian.Uint16(r.take(2))))) }
