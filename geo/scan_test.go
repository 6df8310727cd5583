package geo

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// The decimal fast path reads every plain decimal as ParseFloat does, and
// what JSON does not allow is refused.
func TestDecimalMatchesParseFloat(t *testing.T) {
	for _, s := range []string{"1.", ".5", "01", "+1", "-", "1e", "1e+", "-.5", "0x10", "1_0"} {
		p := arcParser{b: []byte(s + ",")}
		if v, err := p.number(); err == nil && p.b[p.i] == ',' {
			t.Errorf("%q read as %v; JSON has no such number", s, v)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	cases := []string{"0", "-0", "1", "-87.6298", "41.8781", "0.000001", "123456789012345", "-179.999999999999", "1.5e3", "1234567890123456", "2e-7", "30.869373080620804", "-82.9722074591746", "0.0000000000000000001", "9999999999999999999", "18446744073709551615", "1.0000000000000000001", "0.30000000000000004", "1E+2", "0.5e-3"}
	for range 100000 {
		// 16 to 19 digits, as mapshaper and GDAL write them.
		digits := 16 + rng.IntN(4)
		s := strconv.FormatUint(rng.Uint64N(uint64(math.Pow10(digits))), 10)
		s = strings.Repeat("0", digits-len(s)) + s
		at := rng.IntN(digits + 1)
		s = strings.TrimLeft(s[:at], "0") + "." + s[at:]
		if s[0] == '.' {
			s = "0" + s
		}
		cases = append(cases, strings.TrimSuffix("-"[:rng.IntN(2)]+s, "."))
	}
	for range 100000 {
		intDigits, fracDigits := rng.IntN(5), rng.IntN(12)
		s := strconv.Itoa(rng.IntN(int(math.Pow10(intDigits + 1))))
		if fracDigits > 0 {
			f := strconv.Itoa(rng.IntN(int(math.Pow10(fracDigits))))
			s += "." + strings.Repeat("0", fracDigits-len(f)) + f
		}
		if rng.IntN(2) == 0 {
			s = "-" + s
		}
		cases = append(cases, s)
	}
	for _, s := range cases {
		p := arcParser{b: []byte(s + ",")}
		got, err := p.number()
		want, werr := strconv.ParseFloat(s, 64)
		if (err != nil) != (werr != nil) || (err == nil && math.Float64bits(got) != math.Float64bits(want)) {
			t.Errorf("%q: got %v (%v), ParseFloat %v (%v)", s, got, err, want, werr)
		}
	}
}
