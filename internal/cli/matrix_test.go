package cli

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// workbook zips a worksheet's XML into the three parts a workbook needs.
func workbook(t *testing.T, sheetXML string) []byte {
	t.Helper()
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for name, body := range map[string]string{
		"xl/workbook.xml":            `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml":   sheetXML,
	} {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const (
	jurHead   = "fips,name,state,level,category,policy,effective,ended,as_of,source,verification\n"
	suitHead  = "case_id,case_name,court,docket,filed,status,status_date,defendant_fips,policy_challenged,source,verification\n"
	agrHead   = "fips,state,county_fips,agency,agency_level,model,signed,listed_from,listed_to,as_of,source,verification\n"
	listHead  = "fips,name,state,list,listed_from,removed_on,as_of,source,verification\n"
	iceHead   = "STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED\n"
	kingRow   = "53033,King County,WA,county,LOCAL_LIMITS_DETAINERS,o,2018-02-05,,2026-12-01,https://kingcounty.gov/,confirmed\n"
	lovingRow = "48301,TX,48301,Loving County Sheriff's Office,county,Task Force Model,2025-01-01,2025-01-01,,2026-05-18,https://x.org,confirmed\n"
	king      = `{"type":"Feature","id":"53033","properties":{"NAME":"King"},"geometry":{"type":"Polygon","coordinates":[[[-122.5,47.2],[-121.0,47.2],[-121.0,47.8],[-122.5,47.8],[-122.5,47.2]]]}}`
)

// Every command on every kind of file, good and bad, ends with its output
// or with messages naming the file, exit 0 or 1: never a stack trace.
func TestEveryCommandOnEveryKind(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"jurisdictions.csv":     []byte(jurHead + kingRow),
		"jurisdictions-bad.csv": []byte(jurHead + "53033,King County,WA,county,SANCT,o,2018-02-30,,2099-12-01,ftp://x,sure\n"),
		"jurisdictions-dup.csv": []byte(jurHead + kingRow + kingRow),
		"lawsuits.csv":          []byte(suitHead + "US-X,US v X,D. X.,,2025-01-01,pending,,53033,p,https://x.org,confirmed\n"),
		"lawsuits-bad.csv":      []byte(suitHead + "US-X,US v X,D. X.,,2099-01-01,won,,5303,p,https://x.org,confirmed\n"),
		"agreements.csv":        []byte(agrHead + lovingRow),
		"agreements-dup.csv":    []byte(agrHead + lovingRow + lovingRow),
		"designations.csv":      []byte(listHead + "06,California,CA,doj-2025,2025-08-05,,2026-12-01,https://x.org,confirmed\n"),
		"designations-bad.csv":  []byte(listHead + "06,Texas,CA,foo-2030,2025-08-05,,2026-12-01,https://x.org,confirmed\n"),
		"ice.csv":               []byte(iceHead + "TX,Loving County Sheriff's Office,Sheriff's Office,Loving County,Task Force Model,11/1/2026\n"),
		"ice-bad.csv":           []byte(iceHead + "TX,,,,,notadate\n\"unterminated\n"),
		"ice.xlsx":              workbook(t, `<worksheet><sheetData><row><c t="inlineStr"><is><t>STATE</t></is></c><c t="inlineStr"><is><t>LAW ENFORCEMENT AGENCY</t></is></c><c t="inlineStr"><is><t>TYPE</t></is></c><c t="inlineStr"><is><t>COUNTY</t></is></c><c t="inlineStr"><is><t>SUPPORT TYPE</t></is></c><c t="inlineStr"><is><t>SIGNED</t></is></c></row><row><c t="inlineStr"><is><t>TX</t></is></c><c t="inlineStr"><is><t>Loving County Sheriff's Office</t></is></c><c t="inlineStr"><is><t>Sheriff's Office</t></is></c><c t="inlineStr"><is><t>Loving County</t></is></c><c t="inlineStr"><is><t>Task Force Model</t></is></c><c><v>46000</v></c></row></sheetData></worksheet>`),
		"ice-wide.xlsx":         workbook(t, "<worksheet><sheetData>"+strings.Repeat(`<row><c r="XFD1"><v>1</v></c></row>`, 1)+strings.Repeat("<row><c r=\"XFD9\"/></row>", 200)+"</sheetData></worksheet>"),
		"ice-entity.xlsx":       workbook(t, `<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>`),
		"not-a-workbook.xlsx":   []byte("PK\x03\x04 but no more"),
		"sheet.csv":             []byte("fips,value\n17031,5\n17031,6\n06037,\n"),
		"empty.csv":             nil,
		"nul.csv":               []byte(jurHead + "53033,King\x00County\n"),
		"latin1.csv":            []byte(jurHead + "53033,Caf\xe9\n"),
		"long-cell.csv":         []byte(jurHead + "53033," + strings.Repeat("K", 100<<10) + ",WA,county,NO_KNOWN_POLICY,o,,,2026-12-01,,unverified\n"),
		"ragged.csv":            []byte(jurHead + strings.Repeat("1,2\n", 5000)),
		"counties.geojson":      []byte(`{"type":"FeatureCollection","features":[` + king + `]}`),
		"truncated.geojson":     []byte(`{"type":"FeatureCollection","features":[` + king[:60]),
		"nested.geojson":        []byte(`{"type":"FeatureCollection","features":[` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "]}"),
		"nested.topojson":       []byte(`{"type":"Topology","objects":` + strings.Repeat(`{"a":`, 100000) + "1" + strings.Repeat("}", 100000) + "}"),
		"bad-arc.topojson":      []byte(`{"type":"Topology","objects":{"c":{"type":"GeometryCollection","geometries":[{"type":"Polygon","id":"53033","arcs":[[99999]]}]}},"arcs":[[[0,0],[1,1]]]}`),
		"not-json.json":         []byte("hello"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	for name := range files {
		f := filepath.Join(dir, name)
		var commands [][]string
		if strings.HasSuffix(name, "json") {
			for _, c := range [][]string{
				{"render", "-o", out + ".png"}, {"render", "-o", out + ".svg"}, {"table", "-o", out + ".csv"},
				{"animate", "-o", out + ".gif", "--from", "2025-01-01", "--to", "2025-02-01", "--width", "320", "--height", "200"},
			} {
				commands = append(commands, append(c, "--level", "counties", "--boundaries", f))
			}
			commands = append(commands, []string{"validate", f})
		} else {
			commands = [][]string{
				{"validate", f},
				{"render", "-o", out + ".png", "--data", f},
				{"render", "-o", out + ".pdf", "--level", "counties", "--data", f, "--by", "value"},
				{"table", "-o", out + ".csv", "--data", f},
				{"table", "-o", out + ".csv", "--data", f, "--no-embedded"},
				{"chart", "-o", out + ".png", "--kind", "timeline", "--data", f},
				{"animate", "-o", out + ".gif", "--from", "2025-01-01", "--to", "2025-02-01", "--width", "320", "--height", "200", "--data", f},
			}
		}
		for _, c := range commands {
			code, _, errs := run(t, c...)
			bad := strings.Contains(errs, "goroutine ") || strings.Contains(errs, "panic")
			switch {
			case bad || code > BadUsage:
				t.Errorf("%s: exit %d, stderr:\n%s", strings.Join(c, " "), code, errs)
			case code == BadInput && !strings.Contains(errs, f):
				t.Errorf("%s: exit 1 without naming the file:\n%s", strings.Join(c, " "), errs)
			case code == BadUsage && !strings.Contains(c[len(c)-1], "value"):
				t.Errorf("%s: exit 2 (usage) for a file: %s", strings.Join(c, " "), errs)
			}
		}
	}
}
