package sheet

import (
	"fmt"
	"slices"
	"strings"

	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/places"
)

// nameColumns and stateColumns are the headers a name and a state column
// go by, in the order they are preferred.
var (
	nameColumns  = []string{"name", "county", "county_name", "countyname", "city", "place", "jurisdiction", "namelsad", "town", "municipality"}
	stateColumns = []string{"state", "st", "state_name", "statename", "state_abbr", "stusps", "usps", "state_code"}
)

// DetectKey finds how s's rows find their regions of level lvl, with no
// --key: the column most of whose values are FIPS codes of regions has
// holds, whatever its name (fips, GEOID, county_fips…); failing that, a
// name column with a state column, known by their headers or, for the
// state, by values that are states. It says which columns in words.
func (s *Sheet) DetectKey(lvl dataset.Level, has func(fips string) bool, ix *places.Index) (Key, string, error) {
	best, bestN := -1, 0
	for c := range s.Header {
		n, filled := 0, 0
		for _, r := range s.Rows {
			v := cell(r, c)
			if v == "" {
				continue
			}
			filled++
			if f := fipsOf(v, lvl); f != "" && has(f) {
				n++
			}
		}
		// Most of its filled cells, so a column of small numbers that
		// happen to be codes is not taken for one.
		if filled > 0 && n*5 >= filled*4 && n > bestN {
			best, bestN = c, n
		}
	}
	if best >= 0 {
		return Key{FIPS: s.Header[best]}, fmt.Sprintf("rows found by the FIPS codes in column %s", s.Header[best]), nil
	}
	name := s.firstColumn(nameColumns)
	state := s.firstColumn(stateColumns)
	if state < 0 {
		state = s.stateByValues(ix, name)
	}
	if name < 0 || state < 0 {
		return Key{}, "", fmt.Errorf("%s:1: no column holds FIPS codes of %s regions, and no name column (%s) with a state column (%s) was found; name them with --key", s.File, lvl, strings.Join(nameColumns[:6], ", "), strings.Join(stateColumns[:4], ", "))
	}
	return Key{Name: s.Header[name], State: s.Header[state]}, fmt.Sprintf("rows found by the names in column %s and the states in column %s", s.Header[name], s.Header[state]), nil
}

// firstColumn is the index of the first of names among s's headers, in
// any case, or -1.
func (s *Sheet) firstColumn(names []string) int {
	for _, n := range names {
		if i := s.Column(n); i >= 0 {
			return i
		}
	}
	return -1
}

// stateByValues is the column, other than skip, most of whose values are
// states (by code or name), or -1.
func (s *Sheet) stateByValues(ix *places.Index, skip int) int {
	for c := range s.Header {
		if c == skip {
			continue
		}
		n := 0
		for _, r := range s.Rows {
			if _, ok := ix.State(cell(r, c)); ok {
				n++
			}
		}
		if n > 0 && n*5 >= len(s.Rows)*4 {
			return c
		}
	}
	return -1
}

// Columns is the headers of s that hold something, for a choice of column
// to colour by: not the key's own.
func (s *Sheet) Columns(k Key) []string {
	return slices.DeleteFunc(slices.Clone(s.Header), func(h string) bool { return h == k.FIPS || h == k.Name || h == k.State || h == "" })
}
