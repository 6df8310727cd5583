// Package assets holds the embedded defaults: boundaries, dataset and icon.
// See README.md here for sources and licences.
package assets

import (
	_ "embed"

	"sanctuarymap/dataset"
	"sanctuarymap/geo"
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

// Names label the embedded CSV files in messages.
const (
	JurisdictionsName = "embedded:jurisdictions.csv"
	LawsuitsName      = "embedded:lawsuits.csv"
)

// Boundaries decodes the embedded boundaries.
func Boundaries() (*geo.Boundaries, error) {
	return geo.LoadBinary(Counties)
}

// Dataset loads the embedded dataset.
func Dataset() (*dataset.Dataset, error) {
	return dataset.Load(
		dataset.File{Name: JurisdictionsName, Data: Jurisdictions},
		dataset.File{Name: LawsuitsName, Data: Lawsuits})
}

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

// Icon is the application icon (original artwork, 512×512).
//
//go:embed icon.png
var Icon []byte
