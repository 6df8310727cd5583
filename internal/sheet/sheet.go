// Package sheet is a user's own CSV of any columns, laid over the map: its
// rows matched to regions by a FIPS column or by name and state (the rules
// search reads names by), one of its columns chosen to colour by. It holds
// no sourced facts; the dataset's schema remains the path for those.
package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/fileerr"
	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/places"
	"sanctuarymap/internal/style"
)

// Sheet is a CSV file's header and rows.
type Sheet struct {
	File   string
	Header []string
	Rows   [][]string
	lines  []int      // each row's line in the file
	starts [][][2]int // each cell's line and column, for messages
}

// Read reads a CSV with a header row; a problem names the file, line and
// column.
func Read(name string, data []byte) (*Sheet, error) {
	data, err := dataset.Text(dataset.File{Name: name, Data: data})
	if err != nil {
		return nil, err
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 0
	s := &Sheet{File: name}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fileerr.New(name, pe.Line, pe.Column, "%v", pe.Err)
			}
			return nil, &fileerr.Error{File: name, Err: err}
		}
		line, _ := r.FieldPos(0)
		starts := make([][2]int, len(rec))
		for i := range rec {
			starts[i][0], starts[i][1] = r.FieldPos(i)
			if len(rec[i]) > dataset.MaxCell {
				return nil, fileerr.New(name, starts[i][0], starts[i][1], "cell is %d KiB; a cell is limited to %d KiB", len(rec[i])>>10, dataset.MaxCell>>10)
			}
		}
		if s.Header == nil {
			for _, h := range rec {
				s.Header = append(s.Header, strings.TrimSpace(h))
			}
			continue
		}
		s.Rows, s.lines, s.starts = append(s.Rows, rec), append(s.lines, line), append(s.starts, starts)
	}
	if s.Header == nil {
		return nil, fileerr.New(name, 0, 0, "file is empty")
	}
	if len(s.Rows) == 0 {
		return nil, fileerr.New(name, 2, 0, "the header has no rows under it")
	}
	return s, nil
}

// Column returns the index of the column named name, in any case.
func (s *Sheet) Column(name string) int {
	return slices.IndexFunc(s.Header, func(h string) bool { return strings.EqualFold(h, name) })
}

// Key says how rows find their regions: by the FIPS codes in one column,
// or by the names and states in two.
type Key struct {
	FIPS        string // the FIPS column, or ""
	Name, State string // the name and state columns, when FIPS is ""
}

// ParseKey reads --key: "fips" (or the name of a FIPS column), or
// "name,state" (the names of a name column and a state column).
func ParseKey(s string) (Key, error) {
	a, b, two := strings.Cut(s, ",")
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case a == "":
		return Key{}, fmt.Errorf("--key takes a FIPS column (fips) or a name and a state column (name,state), not %q", s)
	case two && b != "":
		return Key{Name: a, State: b}, nil
	case two:
		return Key{}, fmt.Errorf("--key %q: the state column is missing", s)
	}
	return Key{FIPS: a}, nil
}

// Matched is a sheet matched to the regions of one level, coloured by one
// column.
type Matched struct {
	File, By string
	// Level is what the rows name: counties, states or tracts coloured
	// as regions, or towns drawn as markers (dataset.City).
	Level dataset.Level
	// How says in words which columns found the rows' regions, when they
	// were found by DetectKey.
	How string
	// Values maps a region's FIPS code to its value in the By column.
	Values map[string]string
	// Cells maps a region's FIPS code to its row, for the detail panel.
	Cells  map[string][]string
	Header []string
	// Order is the distinct values, sorted: the legend's order and the
	// palette's, the same for the same values on every run.
	Order []string
	// Unmatched and Ambiguous report rows that found no region or more
	// than one, as "line 7: Nowhere, IL".
	Unmatched, Ambiguous []string
	// Warnings are rows placed on a region an earlier row placed (the
	// earlier row's value is kept) and rows with no value to colour by.
	Warnings fileerr.List
	// Nums holds the values that read as numbers, by FIPS code.
	Nums map[string]float64
	// Classing is how values become colours; Classes, the ranges of a
	// numeric column (nil while each value has a colour of its own).
	Classing Classing
	Classes  *Classes
	order    []string // the FIPS codes placed, in file order
}

// Match matches s's rows to the regions of level lvl by k and colours them
// by column by; ix reads names as search does.
func (s *Sheet) Match(k Key, by string, lvl dataset.Level, ix *places.Index) (*Matched, error) {
	bi, err := s.col(by)
	if err != nil {
		return nil, err
	}
	find, keyCol, err := s.finder(k, lvl, ix)
	if err != nil {
		return nil, err
	}
	l := &Matched{File: s.File, By: s.Header[bi], Level: lvl, Values: map[string]string{}, Cells: map[string][]string{}, Header: s.Header, Nums: map[string]float64{}}
	placedBy := map[string]int{} // the line of the row that placed each region
	at := func(r, col int, format string, a ...any) *fileerr.Error {
		line, c := s.lines[r], 0
		if col < len(s.starts[r]) {
			line, c = s.starts[r][col][0], s.starts[r][col][1]
		}
		return fileerr.New(s.File, line, c, format, a...)
	}
	for r, row := range s.Rows {
		fips, what := find(row)
		switch {
		case len(fips) == 0:
			l.Unmatched = append(l.Unmatched, fmt.Sprintf("line %d: %s", s.lines[r], what))
		case len(fips) > 1:
			l.Ambiguous = append(l.Ambiguous, fmt.Sprintf("line %d: %s (%s)", s.lines[r], what, strings.Join(fips, ", ")))
		case placedBy[fips[0]] > 0:
			l.Warnings = append(l.Warnings, at(r, keyCol, "warning: %s places region %s again, as line %d did; line %d's value is kept", what, fips[0], placedBy[fips[0]], placedBy[fips[0]]))
		default:
			placedBy[fips[0]] = s.lines[r]
			v := cell(row, bi)
			if v == "" {
				l.Warnings = append(l.Warnings, at(r, bi, "warning: %s has no value in column %s", what, s.Header[bi]))
			}
			l.Values[fips[0]], l.Cells[fips[0]] = v, row
			l.order = append(l.order, fips[0])
			if x, err := strconv.ParseFloat(v, 64); err == nil && !math.IsNaN(x) && !math.IsInf(x, 0) {
				l.Nums[fips[0]] = x
			}
			if !slices.Contains(l.Order, v) {
				l.Order = append(l.Order, v)
			}
		}
	}
	slices.Sort(l.Order)
	// A numeric column (as gota reads it) is classed until the user says
	// otherwise; one whose placed rows hold no number stays by value.
	err = l.Classify(DefaultClassing(s.Numeric(bi)))
	if errors.Is(err, ErrNoNumbers) {
		err = l.Classify(DefaultClassing(false))
	}
	if err != nil {
		return nil, err
	}
	return l, nil
}

// Placed is the FIPS codes the rows found, in file order.
func (l *Matched) Placed() []string { return slices.Clone(l.order) }

// Towns reports whether l's rows are towns, drawn as markers.
func (l *Matched) Towns() bool { return l != nil && l.Level == dataset.City }

// Colour is the fill of region fips: its class's, its value's, or
// style.NoValue for a row with no number in a classed column; false when
// the sheet has no row for it.
func (l *Matched) Colour(fips string) (color.RGBA, bool) {
	v, ok := l.Value(fips)
	switch {
	case !ok:
		return color.RGBA{}, false
	case l.Classes == nil:
		return style.Sheet(slices.Index(l.Order, v)), true
	}
	if x, ok := l.Nums[fips]; ok {
		return l.Classes.Colors[l.Classes.Of(x)], true
	}
	return style.NoValue, true
}

// Class is the class of region fips as its range ("10–250"), or "" for
// a column by value or a row with no number.
func (l *Matched) Class(fips string, lang i18n.Lang) string {
	if l == nil || l.Classes == nil {
		return ""
	}
	if x, ok := l.Nums[fips]; ok {
		return l.Classes.Label(l.Classes.Of(x), lang)
	}
	return ""
}

// col is the index of the column named name, or an error naming the
// columns there are.
func (s *Sheet) col(name string) (int, error) {
	if i := s.Column(name); i >= 0 {
		return i, nil
	}
	return 0, fileerr.New(s.File, 1, 0, "no column %q; the columns are %s", name, strings.Join(s.Header, ", "))
}

// finder returns what finds a row's regions by k: their FIPS codes (none,
// one, or several for an ambiguous name) and the row's key as read; and
// the key's (first) column.
func (s *Sheet) finder(k Key, lvl dataset.Level, ix *places.Index) (func(row []string) ([]string, string), int, error) {
	if k.FIPS != "" {
		fi, err := s.col(k.FIPS)
		if err != nil {
			return nil, 0, err
		}
		return func(row []string) ([]string, string) {
			if f := fipsOf(cell(row, fi), lvl); f != "" {
				return []string{f}, cell(row, fi)
			}
			return nil, cell(row, fi)
		}, fi, nil
	}
	ni, err := s.col(k.Name)
	if err != nil {
		return nil, 0, err
	}
	si, err := s.col(k.State)
	if err != nil {
		return nil, 0, err
	}
	return func(row []string) ([]string, string) {
		var fips []string
		for _, p := range ix.Match(cell(row, ni), cell(row, si), lvl) {
			fips = append(fips, p.FIPS)
		}
		return fips, cell(row, ni) + ", " + cell(row, si)
	}, ni, nil
}

// cell is row's cell i, trimmed; "" past the row's end.
func cell(row []string, i int) string {
	if i < len(row) {
		return strings.TrimSpace(row[i])
	}
	return ""
}

// Value returns the value fips has in the column coloured by; nil l has
// none.
func (l *Matched) Value(fips string) (string, bool) {
	if l == nil {
		return "", false
	}
	v, ok := l.Values[fips]
	return v, ok
}

// Row returns the sheet's row for fips; nil l has none.
func (l *Matched) Row(fips string) ([]string, bool) {
	if l == nil {
		return nil, false
	}
	row, ok := l.Cells[fips]
	return row, ok
}

// fipsOf reads a FIPS code of level lvl, restoring the leading zero a
// spreadsheet drops ("6037" is 06037); "" if it is none.
func fipsOf(s string, lvl dataset.Level) string {
	n := dataset.FIPSLen(lvl)
	if n == 0 || s == "" || len(s) > n || strings.Trim(s, "0123456789") != "" {
		return ""
	}
	return strings.Repeat("0", n-len(s)) + s
}

// maxShown is how many warnings Report gives one by one: a sheet of
// 200,000 rows for 3,000 counties would otherwise print 197,000.
const maxShown = 10

// Report says, in a line or two, which rows found no region or more than
// one; "" when all did.
func (l *Matched) Report() string {
	var parts []string
	for _, p := range []struct {
		what string
		rows []string
	}{{"no region", l.Unmatched}, {"more than one region", l.Ambiguous}} {
		if len(p.rows) > 0 {
			shown := p.rows[:min(5, len(p.rows))]
			more := ""
			if len(p.rows) > len(shown) {
				more = fmt.Sprintf(" and %d more", len(p.rows)-len(shown))
			}
			rows := "rows"
			if len(p.rows) == 1 {
				rows = "row"
			}
			parts = append(parts, fmt.Sprintf("%s: %d %s found %s: %s%s", l.File, len(p.rows), rows, p.what, strings.Join(shown, "; "), more))
		}
	}
	for i, w := range l.Warnings {
		if i == maxShown {
			parts = append(parts, fmt.Sprintf("%s: and %d more warnings", l.File, len(l.Warnings)-maxShown))
			break
		}
		parts = append(parts, w.Error())
	}
	return strings.Join(parts, "\n")
}
