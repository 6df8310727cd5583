package sheet

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"sanctuarymap/assets"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/places"
)

// matched is a sheet of counties and values, matched by FIPS.
func matched(t *testing.T, csv string) *Matched {
	t.Helper()
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	s, err := Read("v.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Match(Key{FIPS: "fips"}, "v", dataset.County, places.New(b, d, nil))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// counties writes one row a value, on the embedded counties in order.
func counties(t *testing.T, vals ...string) string {
	t.Helper()
	b, err := assets.Boundaries()
	if err != nil {
		t.Fatal(err)
	}
	ids := b.IDs(2 - 1) // geo.Counties
	var sb strings.Builder
	sb.WriteString("fips,v\n")
	for i, v := range vals {
		fmt.Fprintf(&sb, "%s,%s\n", ids[i], v)
	}
	return sb.String()
}

// A numeric column, as gota reads it, is cut into classes by quantiles,
// equal intervals, natural breaks or the user's breaks; each class has a
// range, a colour of the ramp and a count.
func TestClasses(t *testing.T) {
	var vals []string
	for i := 1; i <= 100; i++ {
		vals = append(vals, fmt.Sprint(i))
	}
	l := matched(t, counties(t, vals...))
	if !l.Classing.Numeric || l.Classes == nil {
		t.Fatalf("1..100 read as text: %+v", l.Classing)
	}
	for _, c := range []struct {
		cl     Classing
		edges  []float64
		counts []int
	}{
		{Classing{Numeric: true, Method: Quantile, N: 4, Ramp: "Blues"}, []float64{1, 25, 50, 75, 100}, []int{24, 25, 25, 26}},
		{Classing{Numeric: true, Method: Equal, N: 3, Ramp: "Blues"}, []float64{1, 34, 67, 100}, []int{33, 33, 34}},
		{Classing{Numeric: true, Method: Manual, N: 3, Breaks: []float64{10, 50}, Ramp: "PuOr"}, []float64{1, 10, 50, 100}, []int{9, 40, 51}},
	} {
		if err := l.Classify(c.cl); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(l.Classes.Edges, c.edges) || !slices.Equal(l.Classes.Counts, c.counts) || len(l.Classes.Colors) != len(c.counts) {
			t.Errorf("%s: edges %v counts %v, want %v %v", c.cl.Method, l.Classes.Edges, l.Classes.Counts, c.edges, c.counts)
		}
	}
	// Natural breaks find the gaps of three clusters.
	l = matched(t, counties(t, "1", "2", "3", "50", "51", "52", "53", "900", "901", "905"))
	if err := l.Classify(Classing{Numeric: true, Method: Jenks, N: 3, Ramp: "YlOrRd"}); err != nil {
		t.Fatal(err)
	}
	if want := []float64{1, 50, 900, 905}; !slices.Equal(l.Classes.Edges, want) || l.Classes.Label(1, i18n.English) != "50–900" || l.Class(l.order[9], i18n.English) != "900–905" {
		t.Errorf("jenks: edges %v, labels %q %q", l.Classes.Edges, l.Classes.Label(1, i18n.English), l.Class(l.order[9], i18n.English))
	}
	// A column of text stays one colour a value; a number in it is none.
	l = matched(t, counties(t, "yes", "no", "7"))
	if l.Classing.Numeric || l.Classes != nil || !slices.Equal(l.Order, []string{"7", "no", "yes"}) {
		t.Errorf("text read as numbers: %+v", l.Classing)
	}
}

func TestLabelsAndBreaks(t *testing.T) {
	c := &Classes{Edges: []float64{0.5, 1250, 2000000, 3e6}}
	en, es := i18n.English, i18n.Spanish
	if got := []string{c.Label(0, en), c.Label(1, en), c.Label(2, en)}; !slices.Equal(got, []string{"0.5–1,250", "1,250–2,000,000", "2,000,000–3,000,000"}) {
		t.Errorf("labels %q", got)
	}
	if got := []string{c.Label(0, es), c.Label(1, es)}; !slices.Equal(got, []string{"0,5–1250", "1250–2.000.000"}) {
		t.Errorf("Spanish labels %q", got)
	}
	for in, want := range map[string]string{"quantile": "quantile []", "jenks": "jenks []", "10, 250,1000": "manual [10 250 1000]"} {
		m, b, err := ParseBreaks(in)
		if got := fmt.Sprint(m, " ", b); err != nil || got != want {
			t.Errorf("ParseBreaks(%q) = %s, %v", in, got, err)
		}
	}
	for in, want := range map[string]string{
		"manual": `--breaks "manual": want quantile, equal, jenks, or numbers separated by commas`,
		"5,3":    `--breaks "5,3": the numbers must rise`,
	} {
		if _, _, err := ParseBreaks(in); err == nil || err.Error() != want {
			t.Errorf("ParseBreaks(%q): %v", in, err)
		}
	}
}

// With no --key, a column of FIPS codes is found by its values whatever its
// name, and else a name column with a state column by their names.
func TestDetectKey(t *testing.T) {
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	ix := places.New(b, d, nil)
	for _, c := range []struct{ csv, key, how string }{
		{"id,GEOID,value\n1,17031,5\n2,6037,6\n", "{GEOID  }", "rows found by the FIPS codes in column GEOID"},
		{"county,state,status\nCook County,IL,x\nHarris,Texas,y\n", "{ county state}", "rows found by the names in column county and the states in column state"},
		{"where,usps,v\nCook,IL,1\n", "{ where usps}", ""},
		{"Jurisdiction,Where,v\nCook,Illinois,1\n", "{ Jurisdiction Where}", "rows found by the names in column Jurisdiction and the states in column Where"},
	} {
		s, err := Read("s.csv", []byte(c.csv))
		if err != nil {
			t.Fatal(err)
		}
		k, how, err := s.DetectKey(dataset.County, b.Has, ix)
		if c.how == "" {
			if err == nil || !strings.HasPrefix(err.Error(), "s.csv:1: no column holds FIPS codes of county regions") {
				t.Errorf("%q: key %v, err %v", c.csv, k, err)
			}
			continue
		}
		if err != nil || fmt.Sprint(k) != c.key || how != c.how {
			t.Errorf("%q: key %v %q, %v", c.csv, k, how, err)
		}
	}
}
