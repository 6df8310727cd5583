// Package datagen derives the embedded agreements and designations files
// from the raw source tables in assets/sources, so the embedded data can
// be rebuilt and checked (go generate ./assets; a test fails when the
// embedded files are stale).
package datagen

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"sanctuarymap/dataset"
)

// Build reads the source tables in dir and returns the generated files by
// name.
func Build(dir string) (map[string][]byte, error) {
	read := func(name string) ([]map[string]string, error) {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		return records(name, data)
	}
	ice, err := read("ice_287g_agreements.csv")
	if err != nil {
		return nil, err
	}
	doj, err := read("doj_sanctuary_list_2025-08-05.csv")
	if err != nil {
		return nil, err
	}
	rev, err := read("doj_list_revisions.csv")
	if err != nil {
		return nil, err
	}
	dhs, err := read("dhs_2025_list.csv")
	if err != nil {
		return nil, err
	}
	agreements, err := Agreements(ice)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{"agreements.csv": agreements, "designations.csv": Designations(doj, rev, dhs)}, nil
}

// records reads a CSV file into maps from column to value.
func records(name string, data []byte) ([]map[string]string, error) {
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: empty", name)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := make(map[string]string, len(r))
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out, nil
}

func write(header []string, rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(header)
	w.WriteAll(rows) // a bytes.Buffer does not fail
	return b.Bytes()
}

// iceList is ICE's page of 287(g) participating agencies.
const iceList = "https://www.ice.gov/identify-and-arrest/287g"

// sheetURL turns a derived_from reference (owner/repo@commit:path) into a
// link to the archived sheet.
func sheetURL(ref string) string {
	repo, rest, ok := strings.Cut(ref, "@")
	commit, path, ok2 := strings.Cut(rest, ":")
	if !ok || !ok2 {
		return ""
	}
	parts := strings.Split(path, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return "https://github.com/" + repo + "/blob/" + commit + "/" + strings.Join(parts, "/")
}

// Agreements writes one row per ICE agreement. An agreement still on the
// latest sheet has no listed_to: its status after that sheet is unknown,
// and as_of says when it was last seen. Guam and the Northern Mariana
// Islands, outside the map, are left out.
func Agreements(ice []map[string]string) ([]byte, error) {
	latest, first := "", ""
	for _, r := range ice {
		if r["last_listed"] > latest {
			latest = r["last_listed"]
		}
		if first == "" || r["first_listed"] < first {
			first = r["first_listed"]
		}
	}
	var rows [][]string
	for _, r := range ice {
		st, ok := dataset.StateFIPS(r["state"])
		if !ok {
			continue
		}
		fips := ""
		switch r["jurisdiction_level"] {
		case "county":
			fips = r["county_fips"]
		case "municipal":
			fips = r["place_fips"]
		case "state":
			fips = st
		}
		county := r["county_fips"]
		if county == "" {
			county = r["containing_county_fips"]
		}
		listedTo := r["last_listed"]
		if listedTo == latest {
			listedTo = ""
		}
		sources := iceList
		if u := sheetURL(r["derived_from"]); u != "" {
			sources += ";" + u
		}
		var notes []string
		if r["first_listed"] == first {
			notes = append(notes, "on ICE's first archived list ("+first+"): it may have been listed earlier")
		}
		if n := r["absent_snapshots_between"]; n != "" && n != "0" {
			notes = append(notes, "missing from "+n+" list versions between its first and last listing")
		}
		if m := r["merged_variants"]; m != "" {
			notes = append(notes, "ICE also listed it as "+m)
		}
		if m := r["mapping_note"]; m != "" {
			notes = append(notes, m)
		}
		rows = append(rows, []string{fips, r["state"], county, r["agency"], r["jurisdiction_level"], r["model"],
			r["signed"], r["first_listed"], listedTo, latest, sources, "confirmed", strings.Join(notes, "; ")})
	}
	return write([]string{"fips", "state", "county_fips", "agency", "agency_level", "model", "signed", "listed_from", "listed_to", "as_of", "source", "verification", "notes"}, rows), nil
}

// Designations writes the DOJ list of 2025-08-05 with its later removals,
// and the DHS list of 2025-05-29, whose uncoded entries (towns with no
// Census place) cannot be placed and are left out.
func Designations(doj, revisions, dhs []map[string]string) []byte {
	removed := map[string]map[string]string{}
	for _, r := range revisions {
		removed[r["list"]+" "+r["fips"]] = r
	}
	const dojChecked = "2026-12-01"
	var rows [][]string
	for _, r := range doj {
		fips := map[string]string{"state": r["state_fips"], "county": r["county_fips"], "city": r["place_fips"]}[r["jurisdiction_type"]]
		sources, notes, removedOn, asOf := r["source_url"], "", "", dojChecked
		if rev, ok := removed["doj-2025 "+fips]; ok {
			removedOn, asOf = rev["removed_on"], rev["as_of"]
			sources += ";" + rev["source"]
			notes = rev["reason"]
		}
		rows = append(rows, []string{fips, r["name"], r["state_abbr"], "doj-2025", "2025-08-05", removedOn, asOf, sources, "confirmed", notes})
	}
	for _, r := range dhs {
		if r["fips"] == "" {
			continue
		}
		name := r["name_as_printed"]
		notes := "DHS withdrew the whole list within days (gone by about 2025-06-02); this records that it named the jurisdiction"
		switch {
		case r["level"] == "state":
			name = r["state"]
			notes += "; listed under \"" + r["name_as_printed"] + "\""
		case r["census_name"] != "" && r["census_name"] != name:
			notes += "; Census name " + r["census_name"]
		}
		rows = append(rows, []string{r["fips"], name, r["state"], "dhs-2025", r["list_published"], "", r["capture"][:10], r["source_url"], "secondary", notes})
	}
	return write([]string{"fips", "name", "state", "list", "listed_from", "removed_on", "as_of", "source", "verification", "notes"}, rows)
}
