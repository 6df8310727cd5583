package sheet

import (
	"errors"
	"fmt"
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/go-gota/gota/dataframe"
	"github.com/go-gota/gota/series"

	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/style"
)

// Method is how a numeric column's range is cut into classes.
type Method string

const (
	Quantile Method = "quantile" // each class about as many regions
	Equal    Method = "equal"    // each class as wide
	Jenks    Method = "jenks"    // natural breaks: classes as tight as can be
	Manual   Method = "manual"   // breaks the user typed
)

// Methods lists the methods, the order menus offer them in.
func Methods() []Method { return []Method{Quantile, Equal, Jenks, Manual} }

// Label names m for a reader (the key of its translations).
func (m Method) Label() string {
	return map[Method]string{Quantile: "quantiles", Equal: "equal intervals", Jenks: "natural breaks (Jenks)", Manual: "breaks you type"}[m]
}

// Class counts bound a classed map: fewer says little, more cannot be told
// apart (ColorBrewer's own range).
const MinClasses, MaxClasses = 3, 9

// Classing says how a column's values become colours: each value its own
// (categories), or classes of numbers.
type Classing struct {
	Numeric bool
	Method  Method
	N       int       // classes, MinClasses to MaxClasses
	Breaks  []float64 // Manual: the inner breaks, ascending
	Ramp    string    // a ColorBrewer scheme (style.Ramps)
}

// DefaultClassing is how a column is shown until the user says otherwise:
// classes by quantiles in blues when gota reads it as numbers, each value
// its own colour when it reads text.
func DefaultClassing(numeric bool) Classing {
	return Classing{Numeric: numeric, Method: Quantile, N: 5, Ramp: "Blues"}
}

// ParseBreaks reads --breaks: a method's name, or the inner breaks as
// numbers separated by commas ("10,250,1000").
func ParseBreaks(s string) (Method, []float64, error) {
	if slices.Contains(Methods(), Method(s)) && s != string(Manual) {
		return Method(s), nil, nil
	}
	var out []float64
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return "", nil, fmt.Errorf("--breaks %q: want quantile, equal, jenks, or numbers separated by commas", s)
		}
		if len(out) > 0 && v <= out[len(out)-1] {
			return "", nil, fmt.Errorf("--breaks %q: the numbers must rise", s)
		}
		out = append(out, v)
	}
	return Manual, out, nil
}

// Numeric reports whether gota reads column col of s as numbers (int or
// float), empty cells aside.
func (s *Sheet) Numeric(col int) bool {
	recs := make([][]string, 0, len(s.Rows)+1)
	recs = append(recs, []string{"v"})
	for _, r := range s.Rows {
		recs = append(recs, []string{cell(r, col)})
	}
	df := dataframe.LoadRecords(recs, dataframe.NaNValues([]string{"", "NA", "NaN", "n/a", "N/A", "-"}))
	if df.Err != nil || df.Ncol() != 1 {
		return false
	}
	t := df.Col("v").Type()
	return t == series.Int || t == series.Float
}

// Classes are a numeric column cut into ranges: class i holds values from
// Edges[i] to Edges[i+1], the last one closed.
type Classes struct {
	Edges  []float64
	Colors []color.RGBA
	Counts []int // regions in each class
}

// Of returns the class of v.
func (c *Classes) Of(v float64) int {
	i, _ := slices.BinarySearch(c.Edges[1:len(c.Edges)-1], v)
	// A value on an inner break opens the class above it.
	if i < len(c.Edges)-2 && v == c.Edges[i+1] {
		i++
	}
	return min(i, len(c.Colors)-1)
}

// Label is class i's range as a legend or table writes it in language l:
// "10–250", or one number for a class of one value.
func (c *Classes) Label(i int, l i18n.Lang) string {
	if c.Edges[i] == c.Edges[i+1] {
		return l.Number(c.Edges[i])
	}
	return l.Number(c.Edges[i]) + "–" + l.Number(c.Edges[i+1])
}

// ErrNoNumbers is the error for a column with no number in the regions'
// rows to class.
var ErrNoNumbers = errors.New("no numbers to class")

// Classify cuts the numbers of l's regions into classes as c says, and
// colours them with c.Ramp; with c.Numeric false it leaves l coloured by
// value. Quantiles are gota's (Series.Quantile).
func (l *Matched) Classify(c Classing) error {
	l.Classing, l.Classes = c, nil
	if !c.Numeric {
		return nil
	}
	var vals []float64
	for _, f := range l.order {
		if v, ok := l.Nums[f]; ok {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		return fmt.Errorf("%s: column %s: %w", l.File, l.By, ErrNoNumbers)
	}
	slices.Sort(vals)
	n := min(max(c.N, MinClasses), MaxClasses)
	var edges []float64
	switch c.Method {
	case Equal:
		lo, hi := vals[0], vals[len(vals)-1]
		for i := range n + 1 {
			edges = append(edges, lo+(hi-lo)*float64(i)/float64(n))
		}
	case Jenks:
		edges = jenks(vals, n)
	case Manual:
		edges = append([]float64{min(vals[0], c.Breaks[0])}, c.Breaks...)
		edges = append(edges, max(vals[len(vals)-1], c.Breaks[len(c.Breaks)-1]))
	default:
		s := series.Floats(vals)
		edges = append(edges, vals[0])
		for i := 1; i < n; i++ {
			edges = append(edges, s.Quantile(float64(i)/float64(n)))
		}
		edges = append(edges, vals[len(vals)-1])
	}
	// Ties make equal breaks (a quantile of many equal values): a class
	// between two equal inner breaks would be empty, so it goes; the last
	// class may be one value alone (the largest county), and stays.
	kept := edges[:1]
	for i, e := range edges[1:] {
		if e != kept[len(kept)-1] || i == len(edges)-2 {
			kept = append(kept, e)
		}
	}
	edges = kept
	colors, err := style.Ramp(c.Ramp, max(len(edges)-1, MinClasses))
	if err != nil {
		return err
	}
	cl := &Classes{Edges: edges, Colors: colors[:len(edges)-1], Counts: make([]int, len(edges)-1)}
	// With fewer classes than MinClasses, the ramp's darker end stays.
	if k := len(edges) - 1; k < MinClasses {
		cl.Colors = colors[MinClasses-k:]
	}
	for _, v := range vals {
		cl.Counts[cl.Of(v)]++
	}
	l.Classes = cl
	return nil
}

// jenks returns the n+1 edges of Fisher's optimal partition of sorted
// vals into n classes of least within-class variance (Jenks's natural
// breaks). It is quadratic in the values, so more than maxJenks of them
// are sampled evenly, their order kept: breaks move by less than the
// sample's step.
func jenks(vals []float64, n int) []float64 {
	const maxJenks = 2000
	if len(vals) > maxJenks {
		s := make([]float64, maxJenks)
		for i := range s {
			s[i] = vals[i*(len(vals)-1)/(maxJenks-1)]
		}
		vals = s
	}
	m := len(vals)
	if n >= m {
		return slices.Clone(vals)
	}
	// cost[k][j]: least variance of vals[:j+1] in k+1 classes; from[k][j]:
	// where its last class starts.
	sum, sq := make([]float64, m+1), make([]float64, m+1)
	for i, v := range vals {
		sum[i+1], sq[i+1] = sum[i]+v, sq[i]+v*v
	}
	ssd := func(i, j int) float64 { // of vals[i:j+1]
		k := float64(j - i + 1)
		s := sum[j+1] - sum[i]
		return sq[j+1] - sq[i] - s*s/k
	}
	cost := make([][]float64, n)
	from := make([][]int, n)
	for k := range n {
		cost[k], from[k] = make([]float64, m), make([]int, m)
		for j := range m {
			if k == 0 {
				cost[k][j] = ssd(0, j)
				continue
			}
			cost[k][j] = math.Inf(1)
			for i := k; i <= j; i++ {
				if c := cost[k-1][i-1] + ssd(i, j); c < cost[k][j] {
					cost[k][j], from[k][j] = c, i
				}
			}
		}
	}
	edges := make([]float64, n+1)
	edges[n] = vals[m-1]
	j := m - 1
	for k := n - 1; k > 0; k-- {
		i := from[k][j]
		edges[k] = vals[i]
		j = i - 1
	}
	edges[0] = vals[0]
	return edges
}
