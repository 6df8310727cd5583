// Package datagen derives the embedded jurisdictions, agreements and
// designations files from the source tables in assets/sources, so the embedded data can
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
	"regexp"
	"slices"
	"strings"

	"sanctuarymap/internal/dataset"
)

// Build reads the source tables in dir and returns the generated files by
// name.
func Build(dir string) (map[string][]byte, error) {
	tables := map[string][]map[string]string{}
	for _, name := range []string{"ice_287g_agreements.csv", "ice_287g_pre2021.csv", "doj_sanctuary_list_2025-08-05.csv",
		"doj_list_revisions.csv", "dhs_2025_list.csv", "jurisdictions.csv", "ice_local_policies_2014.csv", "local2014_events.csv"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		if tables[name], err = records(name, data); err != nil {
			return nil, err
		}
	}
	agreements, err := Agreements(tables["ice_287g_agreements.csv"], tables["ice_287g_pre2021.csv"])
	if err != nil {
		return nil, err
	}
	header, researched, err := table(filepath.Join(dir, "jurisdictions.csv"))
	if err != nil {
		return nil, err
	}
	local, err := Local2014(header, researched, tables["ice_local_policies_2014.csv"], tables["local2014_events.csv"], agreements)
	if err != nil {
		return nil, err
	}
	rows := slices.Clone(researched)
	for _, r := range local {
		rows = append(rows, cells(header, r))
	}
	return map[string][]byte{
		"agreements.csv":    write(agreementHeader, cellsOf(agreementHeader, agreements)),
		"designations.csv":  Designations(tables["doj_sanctuary_list_2025-08-05.csv"], tables["doj_list_revisions.csv"], tables["dhs_2025_list.csv"]),
		"jurisdictions.csv": write(header, rows),
	}, nil
}

// table reads a CSV file as its header and rows.
func table(path string) ([]string, [][]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, nil, fmt.Errorf("%s: empty", path)
	}
	return rows[0], rows[1:], nil
}

// cells lays a row given by column out in header's order.
func cells(header []string, m map[string]string) []string {
	out := make([]string, len(header))
	for i, h := range header {
		out[i] = m[h]
	}
	return out
}

func cellsOf(header []string, ms []map[string]string) [][]string {
	out := make([][]string, len(ms))
	for i, m := range ms {
		out[i] = cells(header, m)
	}
	return out
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

var agreementHeader = []string{"fips", "state", "county_fips", "agency", "agency_level", "model", "signed", "listed_from", "listed_to", "as_of", "source", "verification", "span", "notes"}

// Agreements returns one row per ICE agreement: those on ICE's lists from
// 2021-01-13 (ice), each carried back to its start where ICE's earlier
// rosters, lists and MOA files show it (pre), and the agreements of those
// that ended before 2021. An agreement still on the latest sheet has no
// listed_to: its status after that sheet is unknown, and as_of says when
// it was last seen. Guam and the Northern Mariana Islands, outside the
// map, are left out.
func Agreements(ice, pre []map[string]string) ([]map[string]string, error) {
	latest, first := "", ""
	for _, r := range ice {
		if r["last_listed"] > latest {
			latest = r["last_listed"]
		}
		if first == "" || r["first_listed"] < first {
			first = r["first_listed"]
		}
	}
	earlier := matchPre2021(ice, pre, first)
	var rows []map[string]string
	for i, r := range ice {
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
		sources := []string{iceList}
		if u := sheetURL(r["derived_from"]); u != "" {
			sources = append(sources, u)
		}
		listedFrom, span := r["first_listed"], "observed"
		var notes []string
		if p := earlier[i]; p != nil {
			listedFrom = p["listed_from"]
			span = spanOf(p)
			sources = append(sources, pre2021Sources(p["source"])...)
			notes = append(notes, "before "+first+": "+p["verification"]+"; "+p["notes"])
		} else if r["first_listed"] == first {
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
		rows = append(rows, map[string]string{"fips": fips, "state": r["state"], "county_fips": county, "agency": r["agency"],
			"agency_level": r["jurisdiction_level"], "model": r["model"], "signed": r["signed"], "listed_from": listedFrom,
			"listed_to": listedTo, "as_of": latest, "source": strings.Join(sources, ";"), "verification": "confirmed",
			"span": span, "notes": strings.Join(notes, "; ")})
	}
	// A row's as_of is the latest evidence it rests on: three rows' MOA
	// files and captures postdate the last list transcribed for them.
	for _, p := range pre {
		if p["listed_to"] == first {
			continue // carried on by its row on the 2021 list
		}
		rows = append(rows, map[string]string{"fips": p["fips"], "state": p["state"], "county_fips": p["county_fips"],
			"agency": p["agency"], "agency_level": p["agency_level"], "model": p["model"], "signed": p["signed"],
			"listed_from": p["listed_from"], "listed_to": p["listed_to"], "as_of": max(p["as_of"], p["signed"], p["listed_to"]),
			"source": strings.Join(pre2021Sources(p["source"]), ";"), "verification": "confirmed", "span": spanOf(p),
			"notes": p["verification"] + "; " + p["notes"]})
	}
	return rows, nil
}

// matchPre2021 finds, for each agreement on ICE's first list of 2021
// (first), its earlier history: the row of pre that ends on that list,
// by state, agency and model, or else by state, county and model when
// ICE renamed the agency. Indexed like ice.
func matchPre2021(ice, pre []map[string]string, first string) map[int]map[string]string {
	byName, byCounty := map[string][]int{}, map[string][]int{}
	for i, r := range ice {
		if r["first_listed"] != first {
			continue
		}
		name, county := nameKey(r), countyKey(r)
		byName[name] = append(byName[name], i)
		byCounty[county] = append(byCounty[county], i)
	}
	out := map[int]map[string]string{}
	for _, p := range pre {
		if p["listed_to"] != first {
			continue
		}
		m := byName[nameKey(p)]
		if len(m) != 1 {
			m = byCounty[countyKey(p)]
		}
		if len(m) == 1 && out[m[0]] == nil {
			out[m[0]] = p
		}
	}
	return out
}

// nameKey and countyKey identify an agreement by its agency's name, or by
// the county it sits in, within its state and model.
func nameKey(r map[string]string) string {
	return r["state"] + "|" + strings.ToLower(r["agency"]) + "|" + r["model"]
}

func countyKey(r map[string]string) string {
	return r["state"] + "|" + r["county_fips"] + "|" + r["model"]
}

// spanOf says whether a pre-2021 agreement was seen on ICE's lists over
// its whole span (observed) or is in part inferred (reconstructed), as its
// notes say.
func spanOf(p map[string]string) string {
	n := p["notes"]
	if strings.Contains(n, "inferred") || strings.Contains(n, "not checked") || strings.Contains(n, "not observed") {
		return "reconstructed"
	}
	return "observed"
}

// The pages ICE's earlier 287(g) lists stood on, and the DHS Inspector
// General's report with the table of 2009.
const (
	partnersPage = "http://www.ice.gov/partners/287g/Section287_g.htm"
	rosterPage   = "http://www.ice.gov/news/library/factsheets/287g.htm"
	factsheet    = "http://www.ice.gov/factsheets/287g"
	moaFiles     = "https://www.ice.gov/doclib/287gMOA/"
	oigReport    = "https://www.oig.dhs.gov/sites/default/files/assets/Mgmt/OIG_10-63_Mar10.pdf"
	wayback      = "https://web.archive.org/web/"
)

var (
	moaWayback = regexp.MustCompile(`^ICE MOA file (\S+) \(Wayback (\d{14})\)$`)
	moaIndex   = regexp.MustCompile(`^ICE MOA file (\S+) \(ICE 287g-archive index\)$`)
	roster     = regexp.MustCompile(`^ICE fact-sheet roster, Wayback (\d{14})( \(as of 2010-10-29\))?$`)
	// The Wayback captures of ICE's partners page that hold its lists of
	// 2007-09-19 and 2008-03-10.
	partnersCapture = map[string]string{"2007-09-19": "20080114130103", "2008-03-10": "20080324215905"}
)

// pre2021Sources turns the source notes of a pre-2021 agreement ("ICE MOA
// file X (Wayback T) | ICE fact-sheet roster, Wayback T | …") into links
// to the pages they name.
func pre2021Sources(text string) []string {
	var out []string
	for _, s := range strings.Split(text, " | ") {
		u := ""
		switch m := moaWayback.FindStringSubmatch(s); {
		case m != nil:
			u = wayback + m[2] + "/" + moaFiles + m[1]
		case moaIndex.MatchString(s):
			u = moaFiles + moaIndex.FindStringSubmatch(s)[1]
		case roster.MatchString(s):
			m := roster.FindStringSubmatch(s)
			page := factsheet
			if m[2] != "" {
				page = rosterPage
			}
			u = wayback + m[1] + "/" + page
		case strings.HasPrefix(s, "ICE 287(g) partners page list as of "):
			if ts, ok := partnersCapture[strings.TrimPrefix(s, "ICE 287(g) partners page list as of ")]; ok {
				u = wayback + ts + "/" + partnersPage
			}
		case strings.HasPrefix(s, "DHS OIG-10-63"):
			u = oigReport
		}
		if u != "" && !slices.Contains(out, u) {
			out = append(out, u)
		}
	}
	return out
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
