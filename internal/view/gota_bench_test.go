package view

import (
	"cmp"
	"slices"
	"testing"
	"time"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"sanctuarymap/assets"
	"sanctuarymap/internal/dataset"
)

// These benchmarks measure what the legend's counts and the table's
// sorting would cost through a gota DataFrame rather than in plain Go, on
// the counties view; docs/DESIGN.md quotes them.

func countiesView(b *testing.B) *View {
	bs, d, err := assets.Load()
	if err != nil {
		b.Fatal(err)
	}
	return Resolve(d, bs.Counties, time.Time{}, dataset.Filter{})
}

func BenchmarkCountsPlain(b *testing.B) {
	v := countiesView(b)
	for b.Loop() {
		v.Counts()
	}
}

// BenchmarkCountsGota groups the same regions by category and basis in a
// DataFrame, as the legend's counts would be computed with gota.
func BenchmarkCountsGota(b *testing.B) {
	v := countiesView(b)
	for b.Loop() {
		cat, basis := make([]string, len(v.Regions)), make([]string, len(v.Regions))
		for i := range v.Regions {
			cat[i], basis[i] = string(v.Regions[i].Category), string(rune('0'+v.Regions[i].Basis()))
		}
		df := dataframe.New(series.New(cat, series.String, "category"), series.New(basis, series.String, "basis"))
		g := df.GroupBy("category", "basis").Aggregation([]dataframe.AggregationType{dataframe.Aggregation_COUNT}, []string{"category"})
		if g.Err != nil {
			b.Fatal(g.Err)
		}
	}
}

func tableRows(v *View) [][]string {
	var rows [][]string
	for i := range v.Regions {
		r := &v.Regions[i]
		rows = append(rows, []string{r.Name, r.State, string(r.Category)})
	}
	return rows
}

func BenchmarkSortPlain(b *testing.B) {
	rows := tableRows(countiesView(b))
	for b.Loop() {
		s := slices.Clone(rows)
		slices.SortFunc(s, func(a, b []string) int { return cmp.Or(cmp.Compare(a[2], b[2]), cmp.Compare(a[0], b[0])) })
	}
}

// BenchmarkSortGota sorts the same rows as a DataFrame, by category then
// name, as the table's sorting would with gota.
func BenchmarkSortGota(b *testing.B) {
	rows := append([][]string{{"name", "state", "category"}}, tableRows(countiesView(b))...)
	df := dataframe.LoadRecords(rows, dataframe.DetectTypes(false))
	for b.Loop() {
		if s := df.Arrange(dataframe.Sort("category"), dataframe.Sort("name")); s.Err != nil {
			b.Fatal(s.Err)
		}
	}
}
