// Package synth makes synthetic boundary sets for benchmarks: n
// tract-sized polygons tiling the lower 48, as GeoJSON with 11-digit tract
// codes, so the loader, the renderer and the hit-test can be measured at
// scales beyond the embedded counties.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
)

// states the tracts are assigned to, west to east by longitude band; any
// valid state codes serve, they only group tracts for state borders.
var states = []string{"06", "32", "04", "16", "49", "35", "30", "56", "08", "38", "46", "31", "20", "40", "48", "27",
	"19", "29", "05", "22", "55", "17", "28", "26", "18", "47", "01", "21", "39", "13", "12", "54", "42", "51", "37", "45", "36", "23"}

// Tracts returns a GeoJSON FeatureCollection of about n tracts tiling the
// lower 48 without gaps: a grid whose corners are jittered by seed, each
// cell an 8-vertex ring (corners and edge midpoints shared with its
// neighbours), like real tracts that share their borders.
func Tracts(n int, seed uint64) []byte {
	const lon0, lon1, lat0, lat1 = -124.0, -67.0, 25.0, 49.0
	aspect := (lon1 - lon0) / (lat1 - lat0)
	rows := int(math.Max(1, math.Round(math.Sqrt(float64(n)/aspect))))
	cols := int(math.Max(1, math.Round(float64(n)/float64(rows))))
	dx, dy := (lon1-lon0)/float64(cols), (lat1-lat0)/float64(rows)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	corner := make([][2]float64, (rows+1)*(cols+1))
	for r := 0; r <= rows; r++ {
		for c := 0; c <= cols; c++ {
			x, y := lon0+float64(c)*dx, lat0+float64(r)*dy
			if r > 0 && r < rows && c > 0 && c < cols {
				x += (rng.Float64() - 0.5) * dx * 0.3
				y += (rng.Float64() - 0.5) * dy * 0.3
			}
			corner[r*(cols+1)+c] = [2]float64{x, y}
		}
	}
	at := func(r, c int) [2]float64 { return corner[r*(cols+1)+c] }
	mid := func(a, b [2]float64) [2]float64 { return [2]float64{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2} }
	out := make([]byte, 0, n*300)
	out = append(out, `{"type":"FeatureCollection","features":[`...)
	id := 0
	for r := range rows {
		for c := range cols {
			if id > 0 {
				out = append(out, ',')
			}
			st := states[c*len(states)/cols]
			out = fmt.Appendf(out, `{"type":"Feature","id":"%s%09d","properties":{"name":"Tract %d"},"geometry":{"type":"Polygon","coordinates":[[`, st, id, id)
			a, b, cc, d := at(r, c), at(r, c+1), at(r+1, c+1), at(r+1, c)
			ring := [][2]float64{a, mid(a, b), b, mid(b, cc), cc, mid(cc, d), d, mid(d, a), a}
			for k, p := range ring {
				if k > 0 {
					out = append(out, ',')
				}
				out = append(out, '[')
				out = strconv.AppendFloat(out, p[0], 'f', 5, 64)
				out = append(out, ',')
				out = strconv.AppendFloat(out, p[1], 'f', 5, 64)
				out = append(out, ']')
			}
			out = append(out, "]]}}"...)
			id++
		}
	}
	return append(out, "]}"...)
}
