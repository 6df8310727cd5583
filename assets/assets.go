// Package assets holds the embedded defaults: boundaries, dataset and icon.
// See README.md here for sources and licences.
package assets

import (
	_ "embed"
	"encoding/csv"
	"slices"
	"strconv"
	"strings"
	"sync"

	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
)

// Counties is us-atlas' counties-10m.json (2023 Census cartographic
// boundaries, 1:5,000,000: counties and states) in geo's binary form,
// wound and projected already so start-up is quick. counties-10m.json
// beside it is the source; a test checks this copy is current.
//
//go:generate go run gen.go
//go:embed counties.bin
var Counties []byte

// Jurisdictions is the embedded jurisdictions.csv.
//
//go:embed jurisdictions.csv
var Jurisdictions []byte

// Lawsuits is the embedded lawsuits.csv.
//
//go:embed lawsuits.csv
var Lawsuits []byte

// Agreements is the embedded agreements.csv: ICE's 287(g) agreements,
// 2021-01-13 to 2026-05-18, generated from sources/ (go generate).
//
//go:embed agreements.csv
var Agreements []byte

// Designations is the embedded designations.csv: the DOJ list of
// 2025-08-05 with its removals and the DHS list of 2025-05-29, generated
// from sources/ (go generate).
//
//go:embed designations.csv
var Designations []byte

// Names label the embedded CSV files in messages.
const (
	JurisdictionsName = "embedded:jurisdictions.csv"
	LawsuitsName      = "embedded:lawsuits.csv"
	AgreementsName    = "embedded:agreements.csv"
	DesignationsName  = "embedded:designations.csv"
)

// Boundaries decodes the embedded boundaries but for the levels skip
// names.
func Boundaries(skip ...geo.Level) (*geo.Boundaries, error) {
	return geo.LoadBinary(Counties, skip...)
}

// Dataset loads the embedded dataset.
func Dataset() (*dataset.Dataset, error) {
	return dataset.Load(Files()...)
}

// Files are the embedded dataset's files.
func Files() []dataset.File {
	return []dataset.File{
		{Name: JurisdictionsName, Data: Jurisdictions},
		{Name: LawsuitsName, Data: Lawsuits},
		{Name: AgreementsName, Data: Agreements},
		{Name: DesignationsName, Data: Designations}}
}

// Beside returns files with the embedded files of the kinds they lack:
// a file of the user's replaces the embedded file of its own kind and
// keeps the others, in the window and on the command line alike. A file
// of no known kind stays, for the load to report.
func Beside(files []dataset.File) []dataset.File {
	have := map[dataset.Kind]bool{}
	for _, f := range files {
		if k, err := dataset.KindOf(f); err == nil {
			have[k] = true
		}
	}
	var out []dataset.File
	for _, f := range Files() {
		if k, _ := dataset.KindOf(f); !have[k] {
			out = append(out, f)
		}
	}
	return append(out, files...)
}

// IsEmbedded reports whether a file name is one of the embedded files'.
func IsEmbedded(name string) bool { return strings.HasPrefix(name, "embedded:") }

// Load decodes the embedded boundaries and dataset together, as the
// window, the tests and the command line start from them.
func Load() (*geo.Boundaries, *dataset.Dataset, error) {
	b, err := Boundaries()
	if err != nil {
		return nil, nil, err
	}
	d, err := Dataset()
	if err != nil {
		return nil, nil, err
	}
	return b, d, nil
}

//go:embed places.csv
var placesCSV []byte

// Places is every Census place of the 50 states and DC (32,041: TIGER
// 2024 internal points, 2020 Census population), read once, when first
// asked for.
var Places = sync.OnceValue(readPlaces)

// readPlaces reads places.csv line by line, names sliced out of one string
// (encoding/csv's copies took 26 ms, this 13-19 ms; it runs off the UI goroutine).
func readPlaces() *geo.Places {
	lines := placeLines()
	list := make([]geo.Place, 0, len(lines))
	for i := range lines {
		list = append(list, placeAt(lines, i))
	}
	return geo.NewPlaces(list)
}

// placesText is places.csv as a string, for names to be sliced out of.
var placesText = sync.OnceValue(func() string { return string(placesCSV) })

// placeLines are the byte offsets of places.csv's rows, past the header:
// the file is sorted by FIPS code, so one place is found by a binary
// search without reading the rest (a map's render needs a few hundred).
var placeLines = sync.OnceValue(func() []int {
	text := placesText()
	var out []int
	for i := strings.IndexByte(text, '\n') + 1; i < len(text); {
		out = append(out, i)
		n := strings.IndexByte(text[i:], '\n')
		if n < 0 {
			break
		}
		i += n + 1
	}
	return out
})

// placeAt reads row i of places.csv; the two names that hold a comma,
// and so quotes, go through encoding/csv.
func placeAt(lines []int, i int) geo.Place {
	text := placesText()
	line := text[lines[i]:]
	if n := strings.IndexByte(line, '\n'); n >= 0 {
		line = line[:n]
	}
	var f []string
	if strings.Contains(line, `"`) {
		rec, err := csv.NewReader(strings.NewReader(line)).Read()
		if err != nil {
			panic("embedded places.csv: " + err.Error()) // a build defect, not user input
		}
		f = rec
	} else {
		f = strings.SplitN(line, ",", 6)
	}
	if len(f) != 6 {
		panic("embedded places.csv: " + line)
	}
	lat, _ := strconv.ParseFloat(f[3], 64)
	lon, _ := strconv.ParseFloat(f[4], 64)
	pop, _ := strconv.Atoi(f[5])
	return geo.Place{FIPS: f[0], Name: f[1], State: f[2], Lat: lat, Lon: lon, Population: pop}
}

// Place returns the Census place with code fips, found in the file
// without reading the whole table.
func Place(fips string) (geo.Place, bool) {
	lines, text := placeLines(), placesText()
	i, ok := slices.BinarySearchFunc(lines, fips, func(at int, f string) int {
		return strings.Compare(text[at:at+min(7, len(text)-at)], f)
	})
	if !ok || len(fips) != 7 {
		return geo.Place{}, false
	}
	return placeAt(lines, i), true
}

// Icon is the application icon (original artwork, 512×512).
//
//go:embed icon.png
var Icon []byte

//go:embed sources/largest_2020.csv
var largest []byte

// PopulationRank ranks the 50 most populous counties and the 50 most
// populous cities of the 2020 Census by FIPS code, 1 the largest of its
// level; search breaks ties with it ("Harris" is Harris County, Texas).
func PopulationRank() map[string]int {
	rank := map[string]int{}
	n := map[string]int{}
	for i, line := range strings.Split(strings.TrimSpace(string(largest)), "\n") {
		f := strings.Split(line, ",")
		if i == 0 || len(f) < 2 {
			continue
		}
		n[f[0]]++
		rank[f[1]] = n[f[0]]
	}
	return rank
}
