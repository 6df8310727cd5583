// Package ice reads ICE's list of 287(g) participating agencies as ICE
// publishes it every few days (participatingAgencies<MMDDYYYY>.xlsx, or its
// CSV export) and lays it over the embedded agreements: agencies ICE
// listed before keep their place and history, agencies new to the list are
// placed by their county, and agreements no longer listed end. The result
// is an agreements file in the dataset's own schema.
package ice

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"sanctuarymap/internal/fileerr"
)

// Row is one agreement as ICE lists it.
type Row struct {
	State, Agency, Type, County, Model string
	Signed                             time.Time
	Line                               int
}

// columns are the headings ICE's sheet is recognised by, as they read in
// it; Read finds them in any case, and SIGNED by its start ("SIGNED MOA").
var columns = []string{"STATE", "LAW ENFORCEMENT AGENCY", "TYPE", "COUNTY", "SUPPORT TYPE", "SIGNED"}

// IsSheet reports whether a file is one of ICE's lists: a workbook, or a
// CSV with ICE's headings.
func IsSheet(name string, data []byte) bool {
	if strings.EqualFold(filepath.Ext(name), ".xlsx") {
		return true
	}
	rows, err := csvRows(data, headerRows)
	return err == nil && header(rows) >= 0
}

// Read reads the agreements of a sheet; a problem names the file and line.
func Read(name string, data []byte) ([]Row, error) {
	var rows [][]string
	var err error
	if strings.EqualFold(filepath.Ext(name), ".xlsx") {
		rows, err = xlsxRows(data)
	} else {
		rows, err = csvRows(data, -1)
	}
	if err != nil {
		return nil, &fileerr.Error{File: name, Err: err}
	}
	h := header(rows)
	if h < 0 {
		return nil, fileerr.New(name, 0, 0, "no header row with ICE's columns %s", strings.Join(columns, ", "))
	}
	col := map[string]int{}
	for i, c := range rows[h] {
		for _, want := range columns {
			if _, done := col[want]; !done && strings.HasPrefix(strings.ToUpper(strings.TrimSpace(c)), want) {
				col[want] = i
			}
		}
	}
	var out []Row
	for i, rec := range rows[h+1:] {
		get := func(c string) string {
			if j := col[c]; j < len(rec) {
				return strings.TrimSpace(rec[j])
			}
			return ""
		}
		if get("LAW ENFORCEMENT AGENCY") == "" {
			continue // blank lines and footnotes
		}
		r := Row{State: get("STATE"), Agency: get("LAW ENFORCEMENT AGENCY"), Type: get("TYPE"), County: get("COUNTY"),
			Model: get("SUPPORT TYPE"), Line: h + i + 2}
		if s := get("SIGNED"); s != "" {
			if r.Signed, err = parseDate(s); err != nil {
				return nil, fileerr.New(name, r.Line, col["SIGNED"]+1, "%v", err)
			}
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return nil, fileerr.New(name, h+2, 0, "no agencies under the header")
	}
	return out, nil
}

// header is the index of the first row holding ICE's headings, or -1.
// headerRows is how far down a sheet its header may be: ICE puts a title
// or two above it.
const headerRows = 20

func header(rows [][]string) int {
	for i, r := range rows[:min(len(rows), headerRows)] {
		found := 0
		for _, c := range r {
			for _, want := range columns {
				if strings.HasPrefix(strings.ToUpper(strings.TrimSpace(c)), want) {
					found++
					break
				}
			}
		}
		if found >= len(columns)-1 {
			return i
		}
	}
	return -1
}

// csvRows reads the first n rows of a CSV, or all for n < 0.
func csvRows(data []byte, n int) ([][]string, error) {
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.FieldsPerRecord = -1
	var rows [][]string
	cells := 0
	for len(rows) != n {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		if cells += len(rec); cells > maxCells {
			return nil, fmt.Errorf("the sheet holds over %d cells (ICE's sheet has some twenty thousand)", maxCells)
		}
		rows = append(rows, rec)
	}
	return rows, nil
}

// parseDate reads a date as ICE's sheets write it: 4/16/2025, 2025-04-16,
// or an Excel day number.
func parseDate(s string) (time.Time, error) {
	for _, layout := range []string{"1/2/2006", "01/02/2006", time.DateOnly, "1/2/06", "01-02-06", "1-2-2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	// A workbook's date cell holds its day number, with the time of day as
	// a fraction.
	if n, err := strconv.ParseFloat(s, 64); err == nil && n > 20000 && n < 80000 {
		return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n)), nil
	}
	return time.Time{}, fmt.Errorf("%q is not a date", s)
}

var sheetDate = regexp.MustCompile(`(\d{2})(\d{2})(\d{4})`)

// SheetDate reads the date ICE's file name carries:
// participatingAgencies05182026am.xlsx was published on 2026-05-18.
func SheetDate(name string) (time.Time, bool) {
	m := sheetDate.FindStringSubmatch(filepath.Base(name))
	if m == nil {
		return time.Time{}, false
	}
	t, err := time.Parse("01022006", m[1]+m[2]+m[3])
	return t, err == nil
}
