package ice

import (
	"archive/zip"
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sanctuarymap/assets"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/places"
)

const sheetCSV = "Participating agencies\n" +
	"STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED MOA\n" +
	"AK,Alaska Department of Corrections,State Agency,,Warrant Service Officer,7/24/2020\n" +
	"TX,Loving County Sheriff's Office,Sheriff's Office,Loving County,Task Force Model,11/1/2026\n" +
	"ZZ,Nowhere Police Department,Municipality,Nowhere,Task Force Model,11/1/2026\n"

// xlsx writes the same rows as a workbook, as ICE publishes them: dates
// as date cells, and a first sheet that is not sheet1.xml.
func xlsx(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "Agencies")
	if _, err := f.NewSheet("Notes"); err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("Notes", "A1", "not this sheet")
	f.SetSheetVisible("Notes", true)
	for i, line := range strings.Split(strings.TrimSpace(sheetCSV), "\n") {
		for j, cell := range strings.Split(line, ",") {
			name, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if d, err := parseDate(cell); err == nil {
				f.SetCellValue("Agencies", name, d)
			} else if cell != "" {
				f.SetCellValue("Agencies", name, cell)
			}
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// ICE's sheet, as a workbook or as CSV, updates the agreements to its
// date: a listed agency keeps its history, a new one is placed by its
// county, one off the list ends, and what cannot be placed is reported.
func TestConvert(t *testing.T) {
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	ix := places.New(b, d, assets.PopulationRank())
	today := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	for name, data := range map[string][]byte{
		"participatingAgencies11202026.csv":  []byte(sheetCSV),
		"participatingAgencies11202026.xlsx": xlsx(t),
	} {
		f, notes, err := Convert(name, data, d.Agreements, ix, today)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(notes) != 1 || !strings.HasPrefix(notes[0], "line 5: Nowhere Police Department (ZZ)") {
			t.Errorf("%s: notes %q", name, notes)
		}
		files := slices.DeleteFunc(assets.Files(), func(f dataset.File) bool { return f.Name == assets.AgreementsName })
		nd, err := dataset.Load(append(files, f)...)
		if err != nil {
			t.Fatalf("%s: the agreements do not load: %v", name, err)
		}
		day := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
		var active []string
		for _, a := range nd.Agreements {
			if a.ActiveOn(day) {
				active = append(active, a.FIPS+" "+a.Agency+" since "+a.ListedFrom.Format(time.DateOnly))
			}
		}
		want := []string{"02 Alaska Department of Corrections since 2020-07-24", "48301 Loving County Sheriff's Office since 2026-11-20"}
		if !slices.Equal(active, want) {
			t.Errorf("%s: active on the sheet's day %q, want %q", name, active, want)
		}
		added := 0
		for _, c := range dataset.Diff(d, nd) {
			if c.Kind == dataset.Added {
				added++
			}
		}
		if added != 1 {
			t.Errorf("%s: the reload diff adds %d agreements, want 1", name, added)
		}
	}
}

// A workbook reads as its CSV export does, line numbers included; what is
// not a workbook says so.
func TestReadWorkbook(t *testing.T) {
	want, err := Read("a.csv", []byte(sheetCSV))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read("a.xlsx", xlsx(t))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) {
		t.Errorf("workbook rows %+v,\nCSV rows %+v", got, want)
	}
	_, err = Read("b.xlsx", []byte("STATE,LAW ENFORCEMENT AGENCY\n"))
	if err == nil || err.Error() != "b.xlsx: not a workbook ICE publishes: zip: not a valid zip file" {
		t.Errorf("a CSV named .xlsx: %v", err)
	}
}

func TestDates(t *testing.T) {
	if d, ok := SheetDate("/x/participatingAgencies05182026am.xlsx"); !ok || d.Format(time.DateOnly) != "2026-05-18" {
		t.Errorf("SheetDate: %v %v", d, ok)
	}
	for s, want := range map[string]string{"4/16/2025": "2025-04-16", "2025-04-16": "2025-04-16", "45763": "2025-04-16", "45763.75": "2025-04-16"} {
		if d, err := parseDate(s); err != nil || d.Format(time.DateOnly) != want {
			t.Errorf("parseDate(%q) = %v, %v", s, d, err)
		}
	}
	if IsSheet("jurisdictions.csv", []byte("fips,name\n")) || !IsSheet("x.csv", []byte(sheetCSV)) {
		t.Error("IsSheet")
	}
}

// sheetBook zips a worksheet and shared strings into a workbook.
func sheetBook(t testing.TB, sheetXML, sharedXML string) []byte {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for _, p := range [][2]string{
		{"xl/workbook.xml", `<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`},
		{"xl/sharedStrings.xml", sharedXML},
		{"xl/worksheets/sheet1.xml", sheetXML},
	} {
		w, err := z.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p[1]))
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// FuzzWorkbook: any worksheet and shared strings give rows or an error,
// never a panic, and never more cells than the cap.
func FuzzWorkbook(f *testing.F) {
	f.Add(`<worksheet><sheetData><row r="2"><c r="B2" t="s"><v>0</v></c><c t="inlineStr"><is><t>x</t><r><t>y</t></r></is></c></row></sheetData></worksheet>`, `<sst><si><t>STATE</t></si></sst>`)
	f.Add(`<worksheet><sheetData><row><c r="XFD1"><v>1</v></c></row><row r="1"/></sheetData></worksheet>`, `<sst/>`)
	f.Add(`<worksheet><sheetData><c/><row r="x"><c r="A1" t="s"><v>9</v></c></row></sheetData></worksheet>`, `<sst><si><t>a</t></si>`)
	f.Add(`<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet><sheetData><row><c t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>`, ``)
	f.Fuzz(func(t *testing.T, sheetXML, sharedXML string) {
		rows, err := xlsxRows(sheetBook(t, sheetXML, sharedXML))
		if err != nil {
			return
		}
		cells := 0
		for _, r := range rows {
			cells += max(1, len(r))
		}
		if cells > maxCells {
			t.Fatalf("%d cells, over the cap of %d", cells, maxCells)
		}
	})
}
