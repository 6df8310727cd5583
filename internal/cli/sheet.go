package cli

import (
	"fmt"
	"io"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/places"
	"sanctuarymap/internal/render"
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

// colourBySheet matches sh's rows to the regions of lvl by key and colours
// the map by column by, noting on stderr the rows that found no region or
// more than one.
func colourBySheet(opt *render.Options, sh *sheet.Sheet, key, by string, b *geo.Boundaries, d *dataset.Dataset, lvl geo.Level, bad func(string, ...any) int, stderr io.Writer) int {
	k, err := sheet.ParseKey(key)
	if err != nil {
		return bad("%v", err)
	}
	level := view.LevelOf(lvl)
	l, err := sh.Match(k, by, level, places.New(b, d, assets.PopulationRank()))
	if err != nil {
		return report(stderr, err)
	}
	if r := l.Report(); r != "" {
		fmt.Fprintln(stderr, "note:", r)
	}
	opt.ColorBy, opt.Sheet = style.ByData, l
	return OK
}
