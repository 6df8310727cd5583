package export

// The table: a resolved view as CSV, one row per region of the view's
// level and per city, with what the map shows of each. It is what
// `sanctuarymap table` and the window's File → Export data write.

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/sheet"
	"sanctuarymap/internal/view"
)

// TableHeader is the table's first row.
func TableHeader() []string {
	return []string{"fips", "name", "state", "level", "category", "inherited", "from", "suit", "suit_inherited",
		"lists", "agreements_287g", "other_agreements_287g", "policy", "verification", "as_of", "last_confirmed", "sources"}
}

// TableRow is one region's cells, in TableHeader's order. A region with no data
// has empty category, inherited and last_confirmed cells: the table
// invents no "no known policy".
func TableRow(r *view.Region) []string {
	from, policy, verification, asOf := "", "", "", ""
	row := r.Own
	switch {
	case r.Inherited:
		row, from = r.From, r.From.FIPS
	case r.Basis() == view.NoData:
		row = nil
	}
	if row != nil {
		policy, verification, asOf = row.Policy, string(row.Verification), row.AsOf.Format(time.DateOnly)
	}
	var own []string
	others := 0
	for _, a := range r.Agreements {
		if !r.OwnAgreement(a) {
			others++
			continue
		}
		agreement := a.Agency + ": " + a.Model
		if a.Reconstructed {
			agreement += " (span reconstructed)"
		}
		own = append(own, agreement)
		// The agreement decides the category, so its mark and date stand.
		if r.By287g {
			verification, asOf = string(a.Verification), a.AsOf.Format(time.DateOnly)
		}
	}
	category, inherited, confirmed := string(r.Category), yesNo(r.Inherited), ""
	if r.Basis() == view.NoData {
		category, inherited = "", ""
	}
	if d := r.LastConfirmed(); !d.IsZero() {
		confirmed = d.Format(time.DateOnly)
	}
	return []string{r.FIPS, r.Name, r.State, string(r.Level), category, inherited, from,
		r.Suit.Word(), yesNo(r.SuitInherited), strings.Join(r.ListIDs(), ";"), strings.Join(own, "; "),
		strconv.Itoa(others), policy, verification, asOf, confirmed, strings.Join(r.Sources(), ";")}
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// Table writes v's regions, then its cities; with a user's sheet l, each
// row also gives its value in l's column and, for a classed column, its
// class as a range.
func Table(w io.Writer, v *view.View, l *sheet.Matched) error {
	cw := csv.NewWriter(w)
	head := TableHeader()
	if l != nil {
		head = append(head, "value", "class")
	}
	cw.Write(head)
	for _, rs := range [][]view.Region{v.Regions, v.Cities} {
		for i := range rs {
			cells := TableRow(&rs[i])
			if l != nil {
				val, _ := l.Value(rs[i].FIPS)
				cells = append(cells, val, l.Class(rs[i].FIPS, i18n.English))
			}
			for j, c := range cells {
				cells[j] = SafeCell(c)
			}
			if err := cw.Write(cells); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// SafeCell defuses a cell a spreadsheet would run as a formula (OWASP's CSV
// injection rule: a leading =, +, -, @, tab or carriage return) by putting
// a single quote before it; names and notes come from users' files.
func SafeCell(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
