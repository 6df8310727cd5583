package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// catalogue is the bad inputs users send, each with the exact message the
// command line gives (the window shows the same lines). {dir} stands for
// the folder holding the file.
var catalogue = []struct {
	name    string // file name; .csv goes to validate, others to render --boundaries
	content string
	size    int64 // if set, a sparse file of this size instead of content
	want    string
}{
	{"empty.csv", "", 0, "{dir}/empty.csv: file is empty\n"},
	{"binary.csv", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 0, "{dir}/binary.csv:3:1: NUL byte: this looks like a binary file, not CSV\n"},
	{"huge.csv", "", 40 << 20, "{dir}/huge.csv: file is too large: 40 MiB; the limit is 32 MiB\n"},
	{"semicolons.csv", "fips;name;state;level;category;policy;as_of;source;verification\n08;Colorado;CO;state;STATE_LIMITS;p;2026-01-02;https://e.org;confirmed\n", 0, "{dir}/semicolons.csv:1: the header is a single column: the file seems separated by \";\"; save it as CSV with commas\n"},
	{"latin1.csv", jh + "08,Colorado \xe9t\xe9,CO,state,STATE_LIMITS,p,2026-01-02,https://e.org,confirmed\n", 0, "{dir}/latin1.csv:2:13: invalid UTF-8 (save the file as UTF-8; Latin-1 and Windows-1252 are not read)\n"},
	{"nul.csv", jh + "08,Colo\x00rado,CO,state,STATE_LIMITS,p,2026-01-02,https://e.org,confirmed\n", 0, "{dir}/nul.csv:2:8: NUL byte: this looks like a binary file, not CSV\n"},
	{"short-row.csv", jh + "08,Colorado,CO\n", 0, "{dir}/short-row.csv:2:1: row has 3 fields; the header has 9\n"},
	{"long-row.csv", jh + "08,Colorado,CO,state,STATE_LIMITS,p,2026-01-02,https://e.org,confirmed,extra\n", 0, "{dir}/long-row.csv:2:1: row has 10 fields; the header has 9\n"},
	{"duplicate-fips.csv", jh + co + co, 0, "{dir}/duplicate-fips.csv:3:1: fips 08 repeats {dir}/duplicate-fips.csv:2; a jurisdiction may have several rows only when each has an effective date (the earliest may have only an ended date)\n"},
	{"duplicate-case.csv", sh + suit + suit, 0, "{dir}/duplicate-case.csv:3:1: case_id X repeats {dir}/duplicate-case.csv:2\n"},
	{"bare-quote.csv", jh + "08,Colo\"rado,CO,state,STATE_LIMITS,p,2026-01-02,https://e.org,confirmed\n", 0, "{dir}/bare-quote.csv:2:8: bare \" in non-quoted-field\n"},
	{"unterminated-quote.csv", jh + "08,\"Colorado,CO,state,STATE_LIMITS,p,2026-01-02,https://e.org,confirmed\n", 0, "{dir}/unterminated-quote.csv:2:73: extraneous or missing \" in quoted-field\n"},
	{"header-only.csv", jh, 0, "{dir}/header-only.csv:2: jurisdictions file has a header but no rows\n"},
	{"no-header.csv", co + co, 0, "{dir}/no-header.csv:1: header is not that of a jurisdictions file (fips, name, state, level, category, …), a lawsuits file (case_id, case_name, court, …), an agreements file (agency, model, …) or a designations file (list, listed_from, …)\n"},
	{"duplicate-column.csv", "fips,name,name,state,level,category,policy,as_of,source,verification\n", 0, "{dir}/duplicate-column.csv:1:3: column \"name\" repeats column 2\n"},
	{"empty-column-name.csv", "fips,,name,state,level,category,policy,as_of,source,verification\n", 0, "{dir}/empty-column-name.csv:1:2: column 2 has no name\n"},
	{"missing-columns.csv", "fips,name,category\n08,Colorado,STATE_LIMITS\n", 0, "{dir}/missing-columns.csv:1: jurisdictions file lacks column(s) state, level, policy, as_of, source, verification\n"},
	{"bad-date.csv", jh + "08,Colorado,CO,state,STATE_LIMITS,p,29/11/2026,https://e.org,confirmed\n", 0, "{dir}/bad-date.csv:2:37: as_of \"29/11/2026\" is not a date YYYY-MM-DD\n"},
	{"unknown-category.csv", jh + "08,Colorado,CO,state,SANCTUARY,p,2026-01-02,https://e.org,confirmed\n", 0, "{dir}/unknown-category.csv:2:22: category \"SANCTUARY\" is unknown; want one of STATE_LIMITS, LOCAL_LIMITS_DETAINERS, LOCAL_LIMITS_INFO_ACCESS, LOCAL_DECLARATION_ONLY, NO_KNOWN_POLICY, COOPERATES_PRACTICE, AGREEMENT_287G, STATE_MANDATES\n"},
	{"unknown-status.csv", sh + "X,Case,Court,,2025-01-01,won,,08,p,https://e.org,confirmed\n", 0, "{dir}/unknown-status.csv:2:26: status \"won\" is unknown; want one of pending, on_appeal, dismissed, ruled_for_plaintiff, ruled_for_defendant, mixed, withdrawn, settled\n"},
	{"city-without-coordinates.csv", jh + "0820000,Denver,CO,city,NO_KNOWN_POLICY,,2026-01-02,,unverified\n", 0, "{dir}/city-without-coordinates.csv:2: a city needs lat and lon for its marker\n"},
	{"latitude-out-of-range.csv", jh[:len(jh)-1] + ",lat,lon\n0820000,Denver,CO,city,NO_KNOWN_POLICY,,2026-01-02,,unverified,139.7,-104.9\n", 0, "{dir}/latitude-out-of-range.csv:2:64: lat 139.7 is outside -90..90\n"},
	{"script-source.csv", jh + "08,Colorado,CO,state,STATE_LIMITS,p,2026-01-02,javascript:alert(1),confirmed\n", 0, "{dir}/script-source.csv:2:48: source \"javascript:alert(1)\" is not an http(s) URL\n"},
	{"letters-in-fips.csv", jh + "O8,Colorado,CO,state,STATE_LIMITS,p,2026-01-02,https://e.org,confirmed\n", 0, "{dir}/letters-in-fips.csv:2:1: fips \"O8\" is not a numeric code (keep leading zeros: quote it or format the column as text)\n"},
	{"lost-leading-zero.csv", jh + "8,Colorado,CO,state,STATE_LIMITS,p,2026-01-02,https://e.org,confirmed\n", 0, "{dir}/lost-leading-zero.csv:2:1: fips \"8\" has 1 digits; a state code has 2\n"},
	{"status-before-filing.csv", sh + "X,Case,Court,,2025-05-01,dismissed,2025-01-01,08,p,https://e.org,confirmed\n", 0, "{dir}/status-before-filing.csv:2:36: status_date 2025-01-01 is before filed 2025-05-01\n"},
	{"bad-verification.csv", jh + "08,Colorado,CO,state,STATE_LIMITS,p,2026-01-02,https://e.org,probably\n", 0, "{dir}/bad-verification.csv:2:62: verification \"probably\" is not confirmed, secondary or unverified\n"},
	{"not-json.geojson", "<html>not json</html>", 0, "{dir}/not-json.geojson:1:1: not valid JSON: invalid character '<' looking for beginning of value\n"},
	{"truncated.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[-105,39],`, 0, "{dir}/truncated.geojson:1:114: not valid JSON: the file ends too early (truncated?)\n"},
	{"trailing-comma.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null},]}`, 0, "{dir}/trailing-comma.geojson:1:76: not valid JSON: invalid character ']' after a comma\n"},
	{"leading-comma.geojson", `{"type":"FeatureCollection","features":[,{"type":"Feature","geometry":null}]}`, 0, "{dir}/leading-comma.geojson:1:41: not valid JSON: invalid character ',' in array\n"},
	{"stray-brace.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null}}]}`, 0, "{dir}/stray-brace.geojson:1:75: not valid JSON: invalid character '}' in array\n"},
	{"empty.geojson", "", 0, "{dir}/empty.geojson: the file is empty; want a GeoJSON FeatureCollection or a TopoJSON Topology\n"},
	{"no-polygons.geojson", `{"type":"FeatureCollection","features":[]}`, 0, "{dir}/no-polygons.geojson: no Polygon or MultiPolygon features with a state (2-digit), county (5-digit) or tract (11-digit) FIPS id\n"},
	{"point.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","id":"08","geometry":{"type":"Point","coordinates":[-105,39]}}]}`, 0, "{dir}/point.geojson: feature 1: geometry type Point is not supported; use Polygon or MultiPolygon\n"},
	{"collection.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","id":"08","geometry":{"type":"GeometryCollection","geometries":[]}}]}`, 0, "{dir}/collection.geojson: feature 1: geometry type GeometryCollection is not supported; use Polygon or MultiPolygon\n"},
	{"out-of-range.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","id":"08","geometry":{"type":"Polygon","coordinates":[[[-105,39],[-104,39],[-104,91],[-105,39]]]}}]}`, 0, "{dir}/out-of-range.geojson: feature 1 (id \"08\"): coordinate [-104, 91] is outside longitude -180..180, latitude -90..90\n"},
	{"overflow.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","id":"08","geometry":{"type":"Polygon","coordinates":[[[-105,39],[-104,39],[-104,1e400],[-105,39]]]}}]}`, 0, "{dir}/overflow.geojson: feature 1: coordinates: \"1e400\" is not a valid number\n"},
	{"deep.geojson", `{"type":"FeatureCollection","features":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}`, 0, "{dir}/deep.geojson:1:10041: not valid JSON: invalid character '[' exceeded max depth\n"},
	{"two-point-ring.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","id":"08","geometry":{"type":"Polygon","coordinates":[[[-105,39],[-104,39]]]}}]}`, 0, "{dir}/two-point-ring.geojson: feature 1 (id \"08\"): a ring has 2 positions; a ring needs at least 4\n"},
	{"duplicate-ids.geojson", `{"type":"FeatureCollection","features":[` + sq + `,` + sq + `]}`, 0, "{dir}/duplicate-ids.geojson: feature 2: id \"08\" repeats feature 1\n"},
	{"single-feature.geojson", `{"type":"Feature","id":"08","geometry":null}`, 0, "{dir}/single-feature.geojson: type is \"Feature\"; want a GeoJSON FeatureCollection or a TopoJSON Topology\n"},
	{"bad-arc.topojson", `{"type":"Topology","objects":{"s":{"type":"Polygon","id":"08","arcs":[[7]]}},"arcs":[[[-105,39],[-104,39],[-104,40],[-105,39]]]}`, 0, "{dir}/bad-arc.topojson: geometry 1: arc index 7 is out of range (the topology has 1 arcs)\n"},
	{"bad-arc-type.topojson", `{"type":"Topology","objects":{"s":{"type":"Polygon","id":"08","arcs":[["a"]]}},"arcs":[]}`, 0, "{dir}/bad-arc-type.topojson: geometry 1: unexpected '\"', want a number\n"},
	{"garbage-50mb.geojson", "", 50 << 20, "{dir}/garbage-50mb.geojson:1:1: not valid JSON: invalid character '\\x00' looking for beginning of value\n"},
	{"huge.geojson", "", 300 << 20, "{dir}/huge.geojson: file is 300 MiB; boundary files are limited to 256 MiB\n"},
}

const (
	jh   = "fips,name,state,level,category,policy,as_of,source,verification\n"
	sh   = "case_id,case_name,court,docket,filed,status,status_date,defendant_fips,policy_challenged,source,verification\n"
	co   = "08,Colorado,CO,state,STATE_LIMITS,p,2026-01-02,https://e.org,confirmed\n"
	suit = "X,Case,Court,,2025-01-01,pending,,08,p,https://e.org,confirmed\n"
	sq   = `{"type":"Feature","id":"08","geometry":{"type":"Polygon","coordinates":[[[-105,39],[-104,39],[-104,40],[-105,39]]]}}`
)

func TestCatalogue(t *testing.T) {
	if len(catalogue) < 30 {
		t.Fatalf("the catalogue has %d bad inputs; keep at least 30", len(catalogue))
	}
	dir := t.TempDir()
	for _, c := range catalogue {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(dir, c.name)
			if err := os.WriteFile(path, []byte(c.content), 0o644); err != nil {
				t.Fatal(err)
			}
			if c.size > 0 {
				if err := os.Truncate(path, c.size); err != nil {
					t.Fatal(err)
				}
			}
			args := []string{"validate", path}
			if filepath.Ext(path) != ".csv" {
				args = []string{"render", "-o", filepath.Join(dir, "out.png"), "--boundaries", path}
			}
			code, _, stderr := run(t, args...)
			got := strings.ReplaceAll(stderr, dir+string(filepath.Separator), "{dir}/")
			if code != BadInput || got != c.want {
				t.Errorf("exit %d\n got: %q\nwant: %q", code, got, c.want)
			}
		})
	}
}
