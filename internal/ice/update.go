package ice

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"sanctuarymap/assets"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/places"
)

// list is ICE's page of participating agencies, the source of every row.
const list = "https://www.ice.gov/identify-and-arrest/287g"

// Update lays rows, ICE's list of day from file name, over base (the
// agreements known before it) and returns the agreements as they stand on
// day in the dataset's agreements format, with a line for each row it
// could not place. An agency ICE listed before keeps its jurisdiction and
// its first listing; one new to the list is placed by its county (read as
// search reads names) and its type; an agreement off the list ends at the
// last list before.
func Update(name string, day time.Time, rows []Row, base []*dataset.Agreement, ix *places.Index) ([]byte, []string) {
	key := func(usps, agency, model string) string { return usps + "|" + places.Fold(agency) + "|" + model }
	known, agencies := map[string]*dataset.Agreement{}, map[string]*dataset.Agreement{}
	var last time.Time
	for _, a := range base {
		known[key(a.State, a.Agency, a.Model)] = a
		agencies[key(a.State, a.Agency, "")] = a
		last = maxTime(last, a.ListedFrom, a.ListedTo, a.AsOf)
	}
	file := filepath.Base(name)
	var out [][]string
	var report []string
	seen := map[string]bool{}
	for _, r := range rows {
		usps, ok := ix.State(r.State)
		if !ok || !slices.Contains(dataset.Models(), r.Model) {
			report = append(report, fmt.Sprintf("line %d: %s (%s): state %q or model %q unknown", r.Line, r.Agency, r.State, r.State, r.Model))
			continue
		}
		k := key(usps, r.Agency, r.Model)
		seen[k] = true
		if a := known[k]; a != nil {
			out = append(out, row(a, r.Signed, a.ListedFrom, time.Time{}, day, a.Notes))
			continue
		}
		a := agencies[key(usps, r.Agency, "")]
		if a == nil {
			var note string
			if a, note = place(r, usps, ix); note != "" {
				report = append(report, fmt.Sprintf("line %d: %s", r.Line, note))
			}
		}
		n := *a
		n.Agency, n.Model, n.State = r.Agency, r.Model, usps
		out = append(out, row(&n, r.Signed, day, time.Time{}, day, "new on ICE's list of "+day.Format(time.DateOnly)+" ("+file+")"))
	}
	for _, a := range base {
		if seen[key(a.State, a.Agency, a.Model)] {
			continue
		}
		to, note := a.ListedTo, a.Notes
		if to.IsZero() {
			to = last
			note = strings.TrimPrefix(note+"; not on ICE's list of "+day.Format(time.DateOnly)+" ("+file+")", "; ")
		}
		out = append(out, row(a, a.Signed, a.ListedFrom, to, day, note))
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"fips", "state", "county_fips", "agency", "agency_level", "model", "signed", "listed_from", "listed_to", "as_of", "source", "verification", "notes"})
	w.WriteAll(out)
	return b.Bytes(), report
}

// place finds the jurisdiction of an agency new to ICE's list from its
// county and its type, and says what it could not find.
func place(r Row, usps string, ix *places.Index) (*dataset.Agreement, string) {
	st, _ := dataset.StateFIPS(usps)
	a := &dataset.Agreement{AgencyLevel: "other"}
	t := strings.ToLower(r.Type)
	if strings.Contains(t, "state") {
		a.FIPS, a.AgencyLevel = st, "state"
		return a, ""
	}
	counties := ix.Match(r.County, usps, dataset.County)
	if len(counties) != 1 {
		return a, fmt.Sprintf("%s (%s): county %q found %d times; listed in its state only", r.Agency, usps, r.County, len(counties))
	}
	a.County = counties[0].FIPS
	switch {
	case strings.Contains(t, "county") || strings.Contains(t, "sheriff"):
		a.FIPS, a.AgencyLevel = a.County, "county"
	case strings.Contains(t, "municipal") || strings.Contains(t, "police"):
		a.AgencyLevel = "municipal" // the town's own code is not known here
	}
	return a, ""
}

func row(a *dataset.Agreement, signed, from, to, asOf time.Time, notes string) []string {
	if signed.IsZero() {
		signed = a.Signed
	}
	return []string{a.FIPS, a.State, a.County, a.Agency, a.AgencyLevel, a.Model, date(signed), date(from), date(to), date(asOf),
		list, "confirmed", notes}
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func maxTime(ts ...time.Time) time.Time {
	var m time.Time
	for _, t := range ts {
		if t.After(m) {
			m = t
		}
	}
	return m
}

// Convert reads ICE's sheet name and lays it over base as Update does: its
// date is the one ICE's file name carries, else today's. It returns the
// agreements as a dataset file under the sheet's name, so messages, the
// footer and the provenance name the sheet, and what could not be placed.
func Convert(name string, data []byte, base []*dataset.Agreement, ix *places.Index, today time.Time) (dataset.File, []string, error) {
	rows, err := Read(name, data)
	if err != nil {
		return dataset.File{}, nil, err
	}
	var report []string
	day, ok := SheetDate(name)
	if !ok {
		day = today
		report = append(report, "no date in the file name (ICE names its files participatingAgenciesMMDDYYYY); taken as of "+today.Format(time.DateOnly))
	}
	agreements, rep := Update(name, day, rows, base, ix)
	return dataset.File{Name: name, Data: agreements}, append(report, rep...), nil
}

// Overlay reads ICE's sheet as an agreements file: the embedded agreements
// laid over with the sheet's, dated by the file's name or else today.
// notes say what could not be placed. The window and the command line
// both read a sheet through it.
func Overlay(name string, data []byte, today time.Time) (dataset.File, []string, error) {
	b, d, err := assets.Load()
	if err != nil {
		return dataset.File{}, nil, err
	}
	return Convert(name, data, d.Agreements, places.New(b, d, assets.PopulationRank()), today)
}
