package cli

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"sanctuarymap/assets"
	"sanctuarymap/internal/pngmeta"
)

func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = Run(args, Version{"test", "abc"}, &o, &e)
	return code, o.String(), e.String()
}

func TestRenderWritesPNG(t *testing.T) {
	out := filepath.Join(t.TempDir(), "map.png")
	code, _, stderr := run(t, "render", "-o", out, "--width", "800", "--height", "500", "--level", "counties", "--color", "both", "--title", "Test")
	if code != OK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 800 || b.Dy() != 500 {
		t.Errorf("size %v, want 800×500", b)
	}
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRenderUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"render"}, "sanctuarymap render: -o FILE is required\n"},
		{[]string{"render", "-o", "x.png", "--level", "towns"}, "sanctuarymap render: --level must be states, counties or tracts, not \"towns\"\n"},
		{[]string{"render", "-o", "x.png", "--color", "red"}, "sanctuarymap render: --color must be policy, lawsuits, both or compare, not \"red\"\n"},
		{[]string{"render", "-o", "x.png", "--as-of", "2025-13-01"}, "sanctuarymap render: --as-of \"2025-13-01\" is not a date YYYY-MM-DD\n"},
		{[]string{"render", "-o", "x.png", "--width", "0"}, "sanctuarymap render: --width and --height must be between 16 and 16384\n"},
		{[]string{"render", "-o", "x.png", "--level", "tracts"}, "sanctuarymap render: --level tracts needs a boundary file with tracts (--boundaries)\n"},
		{[]string{"render", "-o", "x.png", "extra"}, "sanctuarymap render: unexpected argument \"extra\"\n"},
		{[]string{"render", "-o", "map.jpg"}, "sanctuarymap render: -o map.jpg: render writes PNG, SVG, PDF or a web page; name the file .png, .svg, .pdf or .html\n"},
		{[]string{"render", "-o", "map"}, "sanctuarymap render: -o map: render writes PNG, SVG, PDF or a web page; name the file .png, .svg, .pdf or .html\n"},
		{[]string{"table", "-o", "view.xlsx"}, "sanctuarymap table: -o view.xlsx: table writes CSV only; name the file .csv, or - for standard output\n"},
		{[]string{"animate", "-o", "a.mp4", "--from", "2024-01-01", "--to", "2025-01-01"}, "sanctuarymap animate: -o a.mp4: animate writes GIF only; name the file .gif\n"},
		{[]string{"animate", "-o", "a.gif", "--to", "2013-06-01"}, "sanctuarymap animate: the last day (2013-06-01) comes before the first (2014-01-01)\n"},
		{[]string{"animate", "-o", "a.gif", "--from", "2024-01-01", "--to", "May"}, "sanctuarymap animate: --from and --to must be dates YYYY-MM-DD\n"},
		{[]string{"animate", "-o", "a.gif", "--from", "2025-01-01", "--to", "2024-01-01"}, "sanctuarymap animate: the last day (2024-01-01) comes before the first (2025-01-01)\n"},
		{[]string{"animate", "-o", "a.gif", "--from", "2024-01-01", "--to", "2025-01-01", "--step", "day"}, "sanctuarymap animate: step must be week, month or year, not \"day\"\n"},
	} {
		code, _, stderr := run(t, c.args...)
		if code != BadUsage || stderr != c.want {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q", c.args, code, stderr, BadUsage, c.want)
		}
	}
	if code, _, _ := run(t, "frobnicate"); code != BadUsage {
		t.Errorf("unknown command: exit %d", code)
	}
}

// Bad boundary files are refused with exit 1, a message naming the file
// and, where it can, the line and column; an existing output stays as it was.
func TestRenderBadBoundaries(t *testing.T) {
	deep := strings.Repeat("[", 20000) + strings.Repeat("]", 20000)
	for _, c := range []struct {
		name, content, want string
	}{
		{"notjson.geojson", "hello", "notjson.geojson:1:1: not valid JSON: invalid character 'h' looking for beginning of value"},
		{"truncated.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature"`, "truncated.geojson:1:58: not valid JSON: the file ends too early (truncated?)"},
		{"empty.geojson", `{"type":"FeatureCollection","features":[]}`, "empty.geojson: no Polygon or MultiPolygon features with a state (2-digit), county (5-digit) or tract (11-digit) FIPS id"},
		{"point.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","id":"08","geometry":{"type":"Point","coordinates":[1,2]}}]}`, "point.geojson: feature 1: geometry type Point is not supported; use Polygon or MultiPolygon"},
		{"range.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","id":"08","geometry":{"type":"Polygon","coordinates":[[[-105,39],[-104,39],[-104,400],[-105,39]]]}}]}`, "range.geojson: feature 1 (id \"08\"): coordinate [-104, 400] is outside longitude -180..180, latitude -90..90"},
		{"overflow.geojson", `{"type":"FeatureCollection","features":[{"type":"Feature","id":"08","geometry":{"type":"Polygon","coordinates":[[[-105,39],[-104,39],[-104,1e999],[-105,39]]]}}]}`, "overflow.geojson: feature 1: coordinates: \"1e999\" is not a valid number"},
		{"deep.geojson", `{"type":"FeatureCollection","features":` + deep + `}`, "deep.geojson:"},
		{"other.json", `{"type":"Feature"}`, "other.json: type is \"Feature\"; want a GeoJSON FeatureCollection or a TopoJSON Topology"},
		{"badarc.topojson", `{"type":"Topology","objects":{"s":{"type":"GeometryCollection","geometries":[{"type":"Polygon","id":"08","arcs":[[5]]}]}},"arcs":[[[0,0],[1,0],[1,1],[0,0]]]}`, "badarc.topojson: geometry 1: arc index 5 is out of range (the topology has 1 arcs)"},
	} {
		t.Run(c.name, func(t *testing.T) {
			bad := writeFile(t, c.name, c.content)
			out := writeFile(t, "old.png", "previous contents")
			code, _, stderr := run(t, "render", "-o", out, "--boundaries", bad)
			if code != BadInput {
				t.Errorf("exit %d, want %d", code, BadInput)
			}
			if !strings.HasPrefix(stderr, filepath.Join(filepath.Dir(bad), c.want)) {
				t.Errorf("stderr %q\nwant prefix %q", stderr, c.want)
			}
			if got, _ := os.ReadFile(out); string(got) != "previous contents" {
				t.Errorf("the existing output was changed")
			}
		})
	}
}

func TestRenderMissingAndUnwritable(t *testing.T) {
	code, _, stderr := run(t, "render", "-o", filepath.Join(t.TempDir(), "m.png"), "--boundaries", "/nonexistent/b.geojson")
	if code != BadInput || stderr != "/nonexistent/b.geojson: no such file or directory\n" {
		t.Errorf("missing file: exit %d, %q", code, stderr)
	}
	code, _, stderr = run(t, "render", "-o", "/nonexistent-dir/m.png")
	if code != BadInput || stderr != "sanctuarymap: cannot write /nonexistent-dir/m.png: no such file or directory\n" {
		t.Errorf("unwritable: exit %d, %q", code, stderr)
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := run(t, "--version")
	if code != OK || stdout != "sanctuarymap test (commit abc)\n" {
		t.Errorf("exit %d, %q", code, stdout)
	}
}

func TestValidate(t *testing.T) {
	code, stdout, stderr := run(t, "validate")
	if code != OK || !strings.HasPrefix(stdout, "Sanctuary Map dataset (sources per row): 478 rows for 298 jurisdictions (51 states, 176 counties, 71 cities), 23 lawsuits, as of 2026-12-06\n") {
		t.Errorf("embedded: exit %d\n%s%s", code, stdout, stderr)
	}
	bad := writeFile(t, "bad.csv", "fips,name,state,level,category,policy,as_of,source,verification\n"+
		"08,Colorado,CO,state,LIMITS,p,2026-01-02,https://e.org,confirmed\n"+
		"8,Colorado,CO,state,STATE_LIMITS,p,2026-01-02,https://e.org,confirmed\n")
	code, _, stderr = run(t, "validate", bad)
	want := bad + ":2:22: category \"LIMITS\" is unknown; want one of STATE_LIMITS, LOCAL_LIMITS_DETAINERS, LOCAL_LIMITS_INFO_ACCESS, LOCAL_DECLARATION_ONLY, NO_KNOWN_POLICY, COOPERATES_PRACTICE, AGREEMENT_287G, STATE_MANDATES\n" +
		bad + ":3:1: fips \"8\" has 1 digits; a state code has 2\n"
	if code != BadInput || stderr != want {
		t.Errorf("bad file: exit %d\n%s\nwant\n%s", code, stderr, want)
	}
	// A file of one kind that holds no jurisdictions has its summary too.
	code, stdout, stderr = run(t, "validate", "../../assets/agreements.csv")
	if code != OK || !strings.HasPrefix(stdout, "../../assets/agreements.csv: 0 rows for 0 jurisdictions (0 states, 0 counties, 0 cities), 0 lawsuits, no jurisdiction row\n") || stderr != "" {
		t.Errorf("agreements alone: exit %d\n%s%s", code, stdout, stderr)
	}
	// A row whose every source is an aggregator is worth a warning, not a
	// refusal.
	agg := writeFile(t, "agg.csv", "fips,name,state,level,category,policy,as_of,source,verification\n"+
		"08,Colorado,CO,state,STATE_LIMITS,p,2026-01-02,https://infogalactic.com/info/x;https://www.encycloreader.org/y,secondary\n")
	code, _, stderr = run(t, "validate", agg)
	want = agg + ":2:48: warning: every source is an aggregator or mirror site (https://infogalactic.com/info/x); cite the primary source or reliable news\n"
	if code != OK || stderr != want {
		t.Errorf("aggregator: exit %d\n%s\nwant\n%s", code, stderr, want)
	}
}

// Every PNG the program writes carries its provenance.
func TestPNGProvenance(t *testing.T) {
	_, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, c := range []struct {
		args  []string
		title string
	}{
		{[]string{"render", "-o", filepath.Join(dir, "map.png"), "--width", "400", "--height", "300", "--title", "My map"}, "My map"},
		{[]string{"chart", "--kind", "timeline", "-o", filepath.Join(dir, "chart.png"), "--width", "800", "--height", "500"}, "DOJ lawsuits: from filing to the latest status"},
	} {
		if code, _, stderr := run(t, c.args...); code != OK {
			t.Fatalf("%v: exit %d: %s", c.args, code, stderr)
		}
		out := c.args[slices.Index(c.args, "-o")+1]
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		texts, err := pngmeta.Read(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		want := []pngmeta.Text{{Key: "Title", Value: c.title}, {Key: "Software", Value: "sanctuarymap test (commit abc)"},
			{Key: "Source", Value: "Sanctuary Map dataset (sources per row)"}, {Key: "Dataset as-of", Value: "2026-12-06"},
			{Key: "Dataset SHA-256", Value: d.Digest}}
		if !reflect.DeepEqual(texts, want) {
			t.Errorf("%s: tEXt %q\nwant %q", out, texts, want)
		}
	}
}

func TestChartFormatsAndUsage(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"c.svg", "c.pdf"} {
		if code, _, stderr := run(t, "chart", "--kind", "policy", "-o", filepath.Join(dir, f)); code != OK {
			t.Errorf("%s: exit %d %s", f, code, stderr)
		}
	}
	svg, _ := os.ReadFile(filepath.Join(dir, "c.svg"))
	if !strings.Contains(string(svg), "<svg") {
		t.Error("not an SVG")
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"chart", "-o", "x.png"}, "sanctuarymap chart: --kind must be policy, lawsuits, timeline, pending, agreements or categories, not \"\"\n"},
		{[]string{"chart", "--kind", "policy", "-o", "x.gif"}, "sanctuarymap chart: x.gif: unknown format; use .png, .svg or .pdf\n"},
		{[]string{"chart", "--kind", "policy", "-o", "x.png", "--dpi", "5"}, "sanctuarymap chart: --dpi must be between 36 and 1200\n"},
	} {
		if code, _, stderr := run(t, c.args...); code != BadUsage || stderr != c.want {
			t.Errorf("%v: exit %d %q", c.args, code, stderr)
		}
	}
}

// BenchmarkRenderCommand is a whole `render` run of the counties at
// 1920×1080 but for process start-up.
func BenchmarkRenderCommand(b *testing.B) {
	out := filepath.Join(b.TempDir(), "map.png")
	for b.Loop() {
		var e bytes.Buffer
		if code := Run([]string{"render", "--level", "counties", "-o", out}, Version{"bench", "x"}, &e, &e); code != OK {
			b.Fatal(e.String())
		}
	}
}

func TestTable(t *testing.T) {
	code, out, errs := run(t, "table", "-o", "-", "--level", "counties", "--as-of", "2024-12-18")
	if code != OK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if lines[0] != "fips,name,state,level,category,inherited,from,suit,suit_inherited,lists,agreements_287g,other_agreements_287g,policy,verification,as_of,last_confirmed,sources" {
		t.Errorf("header %q", lines[0])
	}
	if n := strings.Count(out, ",county,AGREEMENT_287G,"); n != 126 {
		t.Errorf("%d counties with 287(g) on 2024-12-18, want 126", n)
	}
	path := filepath.Join(t.TempDir(), "view.csv")
	if code, _, errs := run(t, "table", "-o", path); code != OK {
		t.Errorf("to a file: exit %d: %s", code, errs)
	}
	if code, _, errs := run(t, "table", "-o", "-", "--level", "towns"); code != BadUsage || !strings.Contains(errs, `--level must be states, counties or tracts, not "towns"`) {
		t.Errorf("bad level: exit %d: %s", code, errs)
	}
	if code, _, errs := run(t, "table", "-o", "-", "--data", "/nonexistent.csv"); code != BadInput || errs != "/nonexistent.csv: no such file or directory\n" {
		t.Errorf("missing file: exit %d: %q", code, errs)
	}
}

// A sheet of one's own columns colours the map by one of them, keyed by
// FIPS or by name and state, with a note of the rows it cannot place.
func TestRenderBySheet(t *testing.T) {
	dir := t.TempDir()
	sheetPath := filepath.Join(dir, "mine.csv")
	if err := os.WriteFile(sheetPath, []byte("county,state,status\nCook County,IL,sanctuary\nNowhere,IL,x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "m.png")
	code, _, errs := run(t, "render", "-o", out, "--level", "counties", "--data", sheetPath, "--key", "county,state", "--by", "status")
	if code != OK || errs != "note: "+sheetPath+": 1 row found no region: line 3: Nowhere, IL\n" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if code, _, errs := run(t, "render", "-o", out, "--data", sheetPath, "--by", "colour", "--key", "county,state"); code != BadInput || errs != sheetPath+":1: no column \"colour\"; the columns are county, state, status\n" {
		t.Errorf("missing column: exit %d, %q", code, errs)
	}
	if code, _, errs := run(t, "render", "-o", out, "--by", "status"); code != BadUsage || !strings.Contains(errs, "--by needs a --data file of your own columns") {
		t.Errorf("no sheet: exit %d, %q", code, errs)
	}
}

// ICE's sheet as --data updates the embedded agreements to its date and
// notes the agencies it cannot place.
func TestICESheetAsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "participatingAgencies11202026.csv")
	sheet := "STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED\nTX,Loving County Sheriff's Office,Sheriff's Office,Loving County,Task Force Model,11/1/2026\nZZ,Nowhere PD,Municipality,Nowhere,Task Force Model,11/1/2026\n"
	if err := os.WriteFile(path, []byte(sheet), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "table", "-o", "-", "--level", "counties", "--data", path)
	if code != OK || !strings.Contains(out, "\n48301,Loving,TX,county,AGREEMENT_287G,") {
		t.Errorf("exit %d, Loving County not by its agreement:\n%.300s", code, out)
	}
	if errs != "note: "+path+": line 3: Nowhere PD (ZZ): state \"ZZ\" or model \"Task Force Model\" unknown\n" {
		t.Errorf("stderr %q", errs)
	}
}

// A --data file replaces the embedded file of its kind and keeps the
// others, as the window does; --no-embedded starts from nothing.
func TestDataKeepsOtherKinds(t *testing.T) {
	one := writeFile(t, "one-row.csv", "fips,name,state,level,category,policy,effective,as_of,source,verification\n"+
		"53033,King County,WA,county,LOCAL_LIMITS_DETAINERS,Ordinance 18665 (2018),2018-02-05,2026-12-01,https://kingcounty.gov/,confirmed\n")
	row := func(out, fips string) string {
		for l := range strings.SplitSeq(out, "\n") {
			if strings.HasPrefix(l, fips+",") {
				return l
			}
		}
		return ""
	}
	code, out, errs := run(t, "table", "-o", "-", "--level", "counties", "--data", one)
	if code != OK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if got := row(out, "53033"); !strings.HasPrefix(got, "53033,King County,WA,county,LOCAL_LIMITS_DETAINERS,no,,pending,no,dhs-2025,,0,Ordinance 18665 (2018),") {
		t.Errorf("King County keeps its suit and list: %q", got)
	}
	if got := row(out, "48201"); !strings.HasPrefix(got, "48201,Harris,TX,county,,,,none,no,,,1,") {
		t.Errorf("Harris County keeps its agreement and shows no data without Texas's row: %q", got)
	}
	code, out, errs = run(t, "table", "-o", "-", "--level", "counties", "--data", one, "--no-embedded")
	if code != OK {
		t.Fatalf("--no-embedded: exit %d: %s", code, errs)
	}
	if got := row(out, "53033"); !strings.HasPrefix(got, "53033,King County,WA,county,LOCAL_LIMITS_DETAINERS,no,,none,no,,,0,") {
		t.Errorf("--no-embedded: King County with nothing but its row: %q", got)
	}
}

// A sheet's key is found with no --key, whatever its FIPS column is
// called; a numeric column is classed, and table writes value and class.
func TestSheetKeysAndClasses(t *testing.T) {
	geoid := writeFile(t, "mine.csv", "GEOID,value\n17031,10\n06037,250\n48201,1000\n53033,\n")
	code, out, errs := run(t, "table", "-o", "-", "--level", "counties", "--data", geoid, "--by", "value", "--classes", "3", "--breaks", "100,500")
	if code != OK || errs != "note: "+geoid+": rows found by the FIPS codes in column GEOID (--key to choose others)\nnote: "+geoid+":5:7: warning: 53033 has no value in column value\n" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for fips, want := range map[string]string{"17031": ",10,10–100\n", "06037": ",250,100–500\n", "48201": ",1000,\"500–1,000\"\n", "53033": ",,\n", "01001": ",,\n"} {
		i := strings.Index(out, "\n"+fips+",")
		if i < 0 || !strings.HasSuffix(out[i:i+1+strings.Index(out[i+1:], "\n")+1], want) {
			t.Errorf("%s: row does not end %q", fips, want)
		}
	}
	names := writeFile(t, "names.csv", "county,state,status\nCook County,IL,sanctuary\nHarris,Texas,cooperates\n")
	code, _, errs = run(t, "render", "-o", filepath.Join(t.TempDir(), "m.png"), "--level", "counties", "--data", names, "--by", "status")
	if code != OK || errs != "note: "+names+": rows found by the names in column county and the states in column state (--key to choose others)\n" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	for _, c := range []struct{ flag, value, want string }{
		{"--classes", "12", "sanctuarymap render: --classes must be 3 to 9, not 12\n"},
		{"--breaks", "5,3", "sanctuarymap render: --breaks \"5,3\": the numbers must rise\n"},
		{"--as", "date", "sanctuarymap render: --as must be auto, number or text, not \"date\"\n"},
	} {
		code, _, errs := run(t, "render", "-o", filepath.Join(t.TempDir(), "m.png"), "--data", geoid, "--by", "value", c.flag, c.value)
		if code != BadUsage || errs != c.want {
			t.Errorf("%s %s: exit %d, %q", c.flag, c.value, code, errs)
		}
	}
}

// A sheet of towns, by name and state or by 7-digit code, is drawn as
// markers at the towns' Census points; table lists each with its value.
func TestSheetOfTowns(t *testing.T) {
	towns := writeFile(t, "towns.csv", "city,state,officers\nMustang Ridge,TX,12\nKittanning,PA,9\nAustin,TX,1800\n")
	code, out, errs := run(t, "table", "-o", "-", "--data", towns, "--by", "officers", "--as", "text")
	if code != OK || errs != "note: "+towns+": rows found by the names in column city and the states in column state (--key to choose others)\n" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	for _, want := range []string{"\n4850200,Mustang Ridge city,TX,city,AGREEMENT_287G,", "\n4240040,Kittanning borough,PA,city,"} {
		if !strings.Contains(out, want) {
			t.Errorf("no row %q", want)
		}
	}
	if !strings.Contains(out, ",12,\n") || !strings.Contains(out, ",9,\n") {
		t.Errorf("values not written:\n%s", out[len(out)-400:])
	}
}
