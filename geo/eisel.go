// Copyright 2020 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// This file adapts Go's strconv (src/strconv/eisel_lemire.go, now
// src/internal/strconv/atofeisel.go) to a decimal already read as an
// integer and a count of digits after the point; Go's licence is in this
// project's LICENSE, after its own. strconv's file says:
//
// This file implements the Eisel-Lemire ParseFloat algorithm, published in
// 2020 and discussed extensively at
// https://nigeltao.github.io/blog/2020/eisel-lemire.html
//
// The original C++ implementation is at
// https://github.com/lemire/fast_double_parser/blob/644bef4306059d3be01a04e77d3cc84b379c596f/include/fast_double_parser.h#L840
//
// This Go re-implementation closely follows the C re-implementation at
// https://github.com/google/wuffs/blob/ba3818cb6b473a2ed0b38ecfc07dbbd3a97e8ae7/internal/cgen/base/floatconv-submodule-code.c#L990
//
// FuzzNumber and TestDecimalMatchesParseFloat hold the result to
// strconv.ParseFloat bit for bit.

package geo

import (
	"math"
	"math/big"
	"math/bits"
)

// eiselLemire returns n / 10^frac, rounded as ParseFloat rounds, for
// frac ≤ 19, by the Eisel–Lemire algorithm as strconv implements it, or
// says it cannot decide (a near tie), which ParseFloat then settles.
// strconv keeps it internal, and reaching it through ParseFloat costs a
// string and a second parse of every number.
func eiselLemire(n uint64, frac int, neg bool) (float64, bool) {
	if n == 0 {
		if neg {
			return math.Copysign(0, -1), true
		}
		return 0, true
	}
	exp10 := -frac
	clz := bits.LeadingZeros64(n)
	n <<= uint(clz)
	const bias = 1023
	exp2 := uint64(217706*exp10>>16+64+bias) - uint64(clz)
	pow := &powersOfTenth[frac]
	xHi, xLo := bits.Mul64(n, pow[1])
	if xHi&0x1FF == 0x1FF && xLo+n < n {
		yHi, yLo := bits.Mul64(n, pow[0])
		mHi, mLo := xHi, xLo+yHi
		if mLo < xLo {
			mHi++
		}
		if mHi&0x1FF == 0x1FF && mLo+1 == 0 && yLo+n < n {
			return 0, false
		}
		xHi, xLo = mHi, mLo
	}
	msb := xHi >> 63
	mant := xHi >> (msb + 9)
	exp2 -= 1 ^ msb
	if xLo == 0 && xHi&0x1FF == 0 && mant&3 == 1 {
		return 0, false // halfway between two floats
	}
	mant += mant & 1
	mant >>= 1
	if mant>>53 > 0 {
		mant >>= 1
		exp2++
	}
	if exp2-1 >= 0x7FF-1 {
		return 0, false // subnormal or infinite
	}
	u := exp2<<52 | mant&(1<<52-1)
	if neg {
		u |= 1 << 63
	}
	return math.Float64frombits(u), true
}

// powersOfTenth[d] is 10^-d as strconv's Eisel–Lemire table holds it: the
// 128 leading bits, rounded down, low word first.
var powersOfTenth = func() (t [20][2]uint64) {
	for d := range t {
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(d)), nil)
		q := new(big.Int).Lsh(big.NewInt(1), uint(127+p.BitLen()))
		q.Quo(q, p)
		if q.BitLen() > 128 {
			q.Rsh(q, 1)
		}
		t[d][0] = q.Uint64()
		t[d][1] = new(big.Int).Rsh(q, 64).Uint64()
	}
	return
}()
