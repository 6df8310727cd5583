package cli

import (
	"flag"
	"fmt"
	"io"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/places"
	"sanctuarymap/internal/sheet"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/view"
)

// splitSheet takes out of the --data files, when --by asks for one, the
// one whose header is none of the dataset's: the user's own sheet.
func splitSheet(wanted bool, files []string, bad func(string, ...any) int, stderr io.Writer) ([]string, *sheet.Sheet, int) {
	if !wanted {
		return files, nil, OK
	}
	var rest []string
	var sh *sheet.Sheet
	for _, f := range files {
		read, err := dataset.ReadFiles(f)
		if err != nil {
			return nil, nil, report(stderr, err)
		}
		data := read[0].Data
		if _, err := dataset.KindOf(read[0]); err == nil {
			rest = append(rest, f)
			continue
		}
		if sh != nil {
			return nil, nil, bad("--by colours by one sheet of your own; %s and %s are both", sh.File, f)
		}
		if sh, err = sheet.Read(f, data); err != nil {
			return nil, nil, report(stderr, err)
		}
	}
	if sh == nil {
		return nil, nil, bad("--by needs a --data file of your own columns (its header is none of the dataset's)")
	}
	return rest, sh, OK
}

// sheetFlags are the flags that colour a map, or fill a table, by a
// column of the user's own sheet.
type sheetFlags struct {
	by, key, breaks, ramp, as *string
	classes                   *int
}

func sheetFlagsOf(fs *flag.FlagSet) *sheetFlags {
	return &sheetFlags{
		by:      fs.String("by", "", "colour by this column of your own --data sheet"),
		key:     fs.String("key", "", "the column names your sheet's rows find their regions by: a FIPS column (e.g. GEOID), or a name and a state column (e.g. county,state); default: found from the columns' values and names"),
		classes: fs.Int("classes", 5, "how many classes a numeric column is cut into, 3 to 9"),
		breaks:  fs.String("breaks", "quantile", "how: quantile, equal, jenks, or the inner breaks as numbers (e.g. 10,250,1000)"),
		ramp:    fs.String("ramp", "Blues", "ColorBrewer colour ramp of the classes: sequential (Blues, YlOrRd, …) or diverging (PuOr, RdBu, …)"),
		as:      fs.String("as", "auto", "read the column as numbers (classes) or text (a colour a value); auto: as gota's type detection reads it"),
	}
}

// classing reads the classing flags, or says what is wrong with them.
func (f *sheetFlags) classing() (sheet.Classing, error) {
	if *f.classes < sheet.MinClasses || *f.classes > sheet.MaxClasses {
		return sheet.Classing{}, fmt.Errorf("--classes must be %d to %d, not %d", sheet.MinClasses, sheet.MaxClasses, *f.classes)
	}
	m, breaks, err := sheet.ParseBreaks(*f.breaks)
	if err != nil {
		return sheet.Classing{}, err
	}
	if _, err := style.Ramp(*f.ramp, *f.classes); err != nil {
		return sheet.Classing{}, fmt.Errorf("--ramp: %v", err)
	}
	if *f.as != "auto" && *f.as != "number" && *f.as != "text" {
		return sheet.Classing{}, fmt.Errorf("--as must be auto, number or text, not %q", *f.as)
	}
	n := *f.classes
	if m == sheet.Manual {
		n = len(breaks) + 1
	}
	return sheet.Classing{Method: m, N: n, Breaks: breaks, Ramp: *f.ramp}, nil
}

// matchSheet matches sh's rows to the regions of lvl, by the --key
// columns or by the columns found, and classes column --by as the flags
// say; it notes on stderr the key used and the rows that found no region
// or more than one.
func matchSheet(f *sheetFlags, sh *sheet.Sheet, b *geo.Boundaries, d *dataset.Dataset, lvl geo.Level, bad func(string, ...any) int, stderr io.Writer) (*sheet.Matched, int) {
	cl, err := f.classing()
	if err != nil {
		return nil, bad("%v", err)
	}
	ix := places.New(b, d, assets.PopulationRank())
	has := func(fips string) bool {
		_, town := assets.Place(fips)
		return b.Has(fips) || town
	}
	// The rows name regions of the level asked for, or towns: whichever
	// more of them find.
	var l *sheet.Matched
	for _, level := range []dataset.Level{view.LevelOf(lvl), dataset.City} {
		k, how := sheet.Key{}, ""
		if *f.key != "" {
			if k, err = sheet.ParseKey(*f.key); err != nil {
				return nil, bad("%v", err)
			}
		} else if k, how, err = sh.DetectKey(level, has, ix); err != nil {
			continue
		}
		m, err := sh.Match(k, *f.by, level, ix)
		if err != nil {
			return nil, report(stderr, err)
		}
		if l == nil || len(m.Values) > len(l.Values) {
			l = m
			if how != "" {
				l.How = how
			}
		}
	}
	if l == nil {
		_, _, err := sh.DetectKey(view.LevelOf(lvl), has, ix)
		return nil, report(stderr, err)
	}
	if l.How != "" {
		fmt.Fprintf(stderr, "note: %s: %s (--key to choose others)\n", sh.File, l.How)
	}
	switch *f.as {
	case "auto":
		cl.Numeric = l.Classing.Numeric
	case "number":
		cl.Numeric = true
	}
	if err := l.Classify(cl); err != nil {
		return nil, report(stderr, err)
	}
	if r := l.Report(); r != "" {
		fmt.Fprintln(stderr, "note:", r)
	}
	return l, OK
}
