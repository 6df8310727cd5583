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

// maxPart caps the unzipped size of one part of a workbook: ICE's
// worksheet unzips to about a megabyte.
const maxPart = 16 << 20

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
		return nil, fmt.Errorf("unzips to more than %d MiB; a workbook part is limited to %d MiB", maxPart>>20, maxPart>>20)
	}
	r, err := f.Open()
	if err != nil {
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{&capped{r: r, left: maxPart}, r}, nil
}

// capped reads up to left bytes and then fails, naming the limit: a zip
// entry's header may understate what it unzips to.
type capped struct {
	r    io.Reader
	left int64
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, fmt.Errorf("unzips to more than %d MiB; a workbook part is limited to %d MiB", maxPart>>20, maxPart>>20)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
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

// maxCells caps the cells of a worksheet, counting those a row's gaps
// leave empty: ICE's sheet has some twenty thousand, and a few bytes of
// XML can place a cell sixteen thousand columns out.
const maxCells = 1 << 21

// cell is one c element of a worksheet.
type cell struct {
	R  string `xml:"r,attr"`
	T  string `xml:"t,attr"`
	V  string `xml:"v"`
	Is text   `xml:"is"`
}

// sheetRows reads a worksheet's cells into rows, one cell at a time so
// memory follows the cells kept, not the XML; rows and cells the sheet
// leaves out are empty, so row i is the sheet's row i+1.
func sheetRows(f *zip.File, shared []string) ([][]string, error) {
	r, err := open(f)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	dec := xml.NewDecoder(r)
	var rows [][]string
	var rec []string
	n, cells := 0, 0 // the row being read, from 1; cells kept so far
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "row":
				next := len(rows) + 1
				if v := attr(e, "r"); v != "" {
					if next, err = strconv.Atoi(v); err != nil {
						return nil, fmt.Errorf("row %q is not a row number", v)
					}
				}
				if next < len(rows)+1 || next > 1<<20 {
					return nil, fmt.Errorf("row %d is out of order", next)
				}
				cells += next - len(rows)
				for len(rows) < next {
					rows = append(rows, nil)
				}
				n, rec = next, nil
			case "c":
				if n == 0 {
					return nil, errors.New("a cell outside any row")
				}
				var c cell
				if err := dec.DecodeElement(&c, &e); err != nil {
					return nil, err
				}
				col := len(rec)
				if c.R != "" {
					if col, err = column(c.R); err != nil {
						return nil, fmt.Errorf("row %d: %v", n, err)
					}
				}
				if col < len(rec) {
					return nil, fmt.Errorf("row %d: cell %s is out of order", n, c.R)
				}
				if cells += col + 1 - len(rec); cells > maxCells {
					return nil, fmt.Errorf("the worksheet holds over %d cells (ICE's sheet has some twenty thousand)", maxCells)
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
		case xml.EndElement:
			if e.Name.Local == "row" && n > 0 {
				rows[n-1], n = rec, 0
			}
		}
	}
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
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
