// Package assets holds the embedded defaults: boundaries, dataset and icon.
// See README.md here for sources and licences.
package assets

import (
	_ "embed"
	"encoding/csv"
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
// (encoding/csv's copies took 26 ms, this 13 ms); the two names that hold
// a comma, and so quotes, go through encoding/csv.
func readPlaces() *geo.Places {
	text := string(placesCSV)
	list := make([]geo.Place, 0, 32100)
	_, text, _ = strings.Cut(text, "\n") // the header
	for line := range strings.Lines(text) {
		line = strings.TrimSuffix(line, "\n")
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
		list = append(list, geo.Place{FIPS: f[0], Name: f[1], State: f[2], Lat: lat, Lon: lon, Population: pop})
	}
	return geo.NewPlaces(list)
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
