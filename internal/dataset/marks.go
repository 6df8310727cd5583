package dataset

import (
	"fmt"
	"slices"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"
)

// MarksTable counts the jurisdictions by level and verification mark, as
// a Markdown table with a total row: what `sanctuarymap validate` prints
// and docs/DATASET.md and assets/README.md quote. The counting is a gota
// group-by: a report over the whole file, run once, where a DataFrame
// fits (docs/DESIGN.md says why the map's own counts are not).
func MarksTable(d *Dataset) (string, error) {
	lv, mk := make([]string, len(d.Jurisdictions)), make([]string, len(d.Jurisdictions))
	for i, j := range d.Jurisdictions {
		lv[i], mk[i] = string(j.Level), string(j.Verification)
	}
	marks := []Verification{Confirmed, Secondary, Unverified}
	count := map[[2]string]int{}
	// gota's group-by fails on an empty frame: a file of agreements or
	// designations alone has no jurisdiction rows to count.
	if len(d.Jurisdictions) > 0 {
		df := dataframe.New(series.New(lv, series.String, "level"), series.New(mk, series.String, "mark"))
		g := df.GroupBy("level", "mark").Aggregation([]dataframe.AggregationType{dataframe.Aggregation_COUNT}, []string{"level"})
		if g.Err != nil {
			return "", g.Err
		}
		for _, rec := range g.Records()[1:] {
			var n float64
			fmt.Sscan(rec[slices.Index(g.Names(), "level_COUNT")], &n)
			count[[2]string{rec[slices.Index(g.Names(), "level")], rec[slices.Index(g.Names(), "mark")]}] = int(n)
		}
	}
	var b strings.Builder
	b.WriteString("| level | confirmed | secondary | unverified | rows |\n|---|---|---|---|---|\n")
	total := make([]int, len(marks)+1)
	for _, l := range []Level{State, County, Tract, City} {
		if l == Tract && count[[2]string{string(Tract), string(Confirmed)}]+count[[2]string{string(Tract), string(Secondary)}]+count[[2]string{string(Tract), string(Unverified)}] == 0 {
			continue // a level only users' files have
		}
		fmt.Fprintf(&b, "| %s |", l)
		row := 0
		for i, m := range marks {
			n := count[[2]string{string(l), string(m)}]
			fmt.Fprintf(&b, " %d |", n)
			total[i] += n
			row += n
		}
		total[len(marks)] += row
		fmt.Fprintf(&b, " %d |\n", row)
	}
	b.WriteString("| **all** |")
	for _, n := range total {
		fmt.Fprintf(&b, " **%d** |", n)
	}
	b.WriteString("\n")
	return b.String(), nil
}
