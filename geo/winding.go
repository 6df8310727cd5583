package geo

import "github.com/paulmach/orb"

// signedArea is twice the planar signed area of r: positive when r runs
// counter-clockwise with y pointing up.
func signedArea(r orb.Ring) float64 {
	var a float64
	for i := 0; i+1 < len(r); i++ {
		a += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	if n := len(r); n > 1 && r[0] != r[n-1] {
		a += r[n-1][0]*r[0][1] - r[0][0]*r[n-1][1]
	}
	return a
}

// Normalize winds every polygon's outer ring counter-clockwise and its holes
// clockwise (RFC 7946) and closes open rings. TopoJSON from d3 winds the other
// way; the rasteriser fills by winding, so a hole wound like its outer ring
// would be filled.
func Normalize(mp orb.MultiPolygon) {
	for _, poly := range mp {
		for i, r := range poly {
			if n := len(r); n > 0 && r[0] != r[n-1] {
				r = append(r, r[0])
				poly[i] = r
			}
			a := signedArea(r)
			if (i == 0 && a < 0) || (i > 0 && a > 0) {
				r.Reverse()
			}
		}
	}
}
