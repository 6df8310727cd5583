package ice

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// A workbook reader of our own: ICE's sheet is one worksheet of text and
// dates, which is a zip of three small XML files to read. excelize read it
// before, at 9 ms of start-up for every run of the program, the window's
// included, for a file few users open (docs/DESIGN.md).

// maxPart caps the unzipped size of one part of a workbook.
const maxPart = 64 << 20

// xlsxRows reads the first worksheet of a workbook: each cell's text as
// the workbook stores it (shared strings looked up; a date is its Excel
// day number, which parseDate reads), rows and columns where the sheet
// places them.
func xlsxRows(data []byte) ([][]string, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a workbook ICE publishes: %v", err)
	}
	sheet, err := firstSheet(z)
	if err != nil {
		return nil, err
	}
	var shared []string
	if f := part(z, "xl/sharedStrings.xml"); f != nil {
		if shared, err = sharedStrings(f); err != nil {
			return nil, fmt.Errorf("xl/sharedStrings.xml: %v", err)
		}
	}
	f := part(z, sheet)
	if f == nil {
		return nil, fmt.Errorf("the workbook lacks its worksheet %s", sheet)
	}
	rows, err := sheetRows(f, shared)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", sheet, err)
	}
	return rows, nil
}

func part(z *zip.Reader, name string) *zip.File {
	for _, f := range z.File {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// decode unmarshals the XML of a part into v.
func decode(f *zip.File, v any) error {
	r, err := open(f)
	if err != nil {
		return err
	}
	defer r.Close()
	return xml.NewDecoder(r).Decode(v)
}

func open(f *zip.File) (io.ReadCloser, error) {
	if f.UncompressedSize64 > maxPart {
		return nil, fmt.Errorf("%s unzips to %d MiB; a worksheet part is limited to %d MiB", f.Name, f.UncompressedSize64>>20, maxPart>>20)
	}
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(r, maxPart), r}, nil
}

// firstSheet finds the part of the workbook's first worksheet, through the
// workbook's list of sheets and its relationships.
func firstSheet(z *zip.Reader) (string, error) {
	var wb struct {
		Sheets []struct {
			ID string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	w, r := part(z, "xl/workbook.xml"), part(z, "xl/_rels/workbook.xml.rels")
	if w == nil || r == nil {
		return "", errors.New("not a workbook ICE publishes: no xl/workbook.xml and its relationships")
	}
	if err := decode(w, &wb); err != nil {
		return "", fmt.Errorf("xl/workbook.xml: %v", err)
	}
	if err := decode(r, &rels); err != nil {
		return "", fmt.Errorf("xl/_rels/workbook.xml.rels: %v", err)
	}
	if len(wb.Sheets) == 0 {
		return "", errors.New("the workbook has no worksheet")
	}
	for _, rel := range rels.Rel {
		if rel.ID == wb.Sheets[0].ID {
			if strings.HasPrefix(rel.Target, "/") {
				return strings.TrimPrefix(rel.Target, "/"), nil
			}
			return path.Join("xl", rel.Target), nil
		}
	}
	return "", fmt.Errorf("the workbook's first sheet (%s) has no part", wb.Sheets[0].ID)
}

// text is a string item: plain text, or runs of rich text, without the
// phonetic guides (rPh) some East Asian workbooks add.
type text struct {
	T    string `xml:"t"`
	Runs []struct {
		T string `xml:"t"`
	} `xml:"r"`
}

func (t text) String() string {
	s := t.T
	for _, r := range t.Runs {
		s += r.T
	}
	return s
}

func sharedStrings(f *zip.File) ([]string, error) {
	var sst struct {
		SI []text `xml:"si"`
	}
	if err := decode(f, &sst); err != nil {
		return nil, err
	}
	out := make([]string, len(sst.SI))
	for i, si := range sst.SI {
		out[i] = si.String()
	}
	return out, nil
}

// sheetRows reads a worksheet's cells into rows; rows and cells the sheet
// leaves out are empty, so row i is the sheet's row i+1.
func sheetRows(f *zip.File, shared []string) ([][]string, error) {
	var ws struct {
		Rows []struct {
			R     int `xml:"r,attr"`
			Cells []struct {
				R  string `xml:"r,attr"`
				T  string `xml:"t,attr"`
				V  string `xml:"v"`
				Is text   `xml:"is"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := decode(f, &ws); err != nil {
		return nil, err
	}
	var rows [][]string
	for _, row := range ws.Rows {
		n := len(rows) + 1
		if row.R > 0 {
			n = row.R
		}
		if n < len(rows)+1 || n > 1<<20 {
			return nil, fmt.Errorf("row %d is out of order", n)
		}
		for len(rows) < n {
			rows = append(rows, nil)
		}
		var rec []string
		for _, c := range row.Cells {
			col := len(rec)
			if c.R != "" {
				var err error
				if col, err = column(c.R); err != nil {
					return nil, fmt.Errorf("row %d: %v", n, err)
				}
			}
			if col < len(rec) {
				return nil, fmt.Errorf("row %d: cell %s is out of order", n, c.R)
			}
			v := c.V
			switch c.T {
			case "s":
				i, err := strconv.Atoi(c.V)
				if err != nil || i < 0 || i >= len(shared) {
					return nil, fmt.Errorf("cell %s: no shared string %q", c.R, c.V)
				}
				v = shared[i]
			case "inlineStr":
				v = c.Is.String()
			}
			for len(rec) < col {
				rec = append(rec, "")
			}
			rec = append(rec, v)
		}
		rows[n-1] = rec
	}
	return rows, nil
}

// column reads the column of a cell reference: "C7" is column 2 (from 0).
func column(ref string) (int, error) {
	col := 0
	i := 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A'+1)
	}
	if i == 0 || i > 3 || i == len(ref) || col > 16384 {
		return 0, fmt.Errorf("%q is not a cell reference", ref)
	}
	return col - 1, nil
}
