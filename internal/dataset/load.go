package dataset

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"sanctuarymap/internal/fileerr"
)

// MaxFileSize caps one CSV file: the full dataset is a few hundred kB, and
// the cap lets a stray multi-gigabyte file be refused before it is read.
const MaxFileSize = 32 << 20

// MaxCell caps one cell: the longest notes run to a few kB, and a cell
// of megabytes would be echoed by every message about it.
const MaxCell = 64 << 10

// MaxProblems is how many problems one file reports before reading it
// stops: a file with a problem on every line needs its first ones fixed,
// not a million lines of them.
const MaxProblems = 100

// Sentinel errors for conditions callers test.
var (
	ErrUnknownHeader = errors.New("header is not that of a jurisdictions file (fips, name, state, level, category, …), a lawsuits file (case_id, case_name, court, …), an agreements file (agency, model, …) or a designations file (list, listed_from, …)")
	ErrNoRows        = errors.New("jurisdictions file has a header but no rows")
	ErrTooLarge      = errors.New("file is too large")
)

// File is a named CSV file's contents.
type File struct {
	Name string
	Data []byte
}

// ReadFiles reads files from disk, refusing any over MaxFileSize before
// reading it.
func ReadFiles(paths ...string) ([]File, error) {
	var errs fileerr.List
	var files []File
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &fileerr.Error{File: p, Err: errors.Unwrap(err)})
			continue
		}
		if st.Size() > MaxFileSize {
			errs = append(errs, &fileerr.Error{File: p, Err: fmt.Errorf("%w: %d MiB; the limit is %d MiB", ErrTooLarge, st.Size()>>20, MaxFileSize>>20)})
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			errs = append(errs, &fileerr.Error{File: p, Err: errors.Unwrap(err)})
			continue
		}
		files = append(files, File{Name: p, Data: data})
	}
	return files, errs.Err()
}

// LoadFiles reads and loads CSV files from disk.
func LoadFiles(paths ...string) (*Dataset, error) {
	files, err := ReadFiles(paths...)
	if err != nil {
		return nil, err
	}
	return Load(files...)
}

// Load reads jurisdictions and lawsuits from CSV files, each recognised by
// its header. It reports every problem it finds, as a fileerr.List, rather
// than stopping at the first; on any problem it returns no dataset.
func Load(files ...File) (*Dataset, error) { return LoadContext(context.Background(), files...) }

// LoadContext is Load, stopping with ctx's error between files once ctx is
// done (a file is at most MaxFileSize, so each takes a moment at most).
func LoadContext(ctx context.Context, files ...File) (*Dataset, error) {
	var errs fileerr.List
	ld := &loading{d: &Dataset{}, jurRows: map[string][]*Jurisdiction{}, suitLine: map[string]*Lawsuit{}, listLine: map[string]*Designation{}, held: map[string][]*Agreement{}}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t, ferrs := readTable(f)
		if t == nil {
			errs = append(errs, ferrs...)
			continue
		}
		for _, row := range t.rows {
			if len(ferrs) >= MaxProblems {
				ferrs = append(ferrs, tooMany(f.Name))
				break
			}
			ferrs = append(ferrs, ld.add(t, row)...)
		}
		errs = append(errs, ferrs...)
		ld.d.Files = append(ld.d.Files, f.Name)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	d := ld.d
	d.listDOJColumn()
	d.index()
	d.Digest = digest(files)
	return d, nil
}

// aggregators are sites that copy or summarise others' reporting, or
// mirror pages: no source for a fact on their own (docs/DATASET.md keeps
// the list).
var aggregators = []string{"loveusa.homes", "encycloreader.org", "infogalactic.com", "efinder.lk", "keytblog.com",
	"tldrdaily.news", "imigrus.com", "freethu.top", "politicalemails.org", "visaverge.com", "instalawyer.io",
	"lawserver.com", "getpocketlaw.com", "cupdf.com", "fdocuments.net", "docslib.org", "studylib.net", "uscisguide.com",
	"legalclarity.org", "citylaws.org", "pure.report", "morningpolitics.com", "rainsnews.com", "particle.news",
	"einpresswire.com", "usa-news.biz", "developinglight.com", "democraticunderground.com", "newsfinale.com",
	"nybaynews.com", "themonexus.com", "4ever.news", "civicintelligence.news", "paprclips.com", "warptechlab.com",
	"rapmd.net", "pubt.io", "tradevae.com", "principlecivics.com", "illinoisdelivered.com", "studicata.com",
	"legaltrends.net", "longform.social", "pressreader.com", "questia.com", "slideshare.net", "feedblitz.com",
	"newsbeep.com", "utah-express.com", "louisiana-express.com", "lawin.news", "legalfix.com", "elliderusa.com"}

// Aggregator reports whether URL u is on an aggregator or mirror site.
func Aggregator(u string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	host := strings.ToLower(p.Hostname())
	return slices.ContainsFunc(aggregators, func(a string) bool { return host == a || strings.HasSuffix(host, "."+a) })
}

// loading is a dataset being read, with what its checks across rows and
// files need: the rows seen so far by key.
type loading struct {
	d        *Dataset
	jurRows  map[string][]*Jurisdiction
	suitLine map[string]*Lawsuit
	listLine map[string]*Designation
	held     map[string][]*Agreement // by state, agency and model
}

// add reads one row of t into the dataset and returns its problems.
func (ld *loading) add(t *table, row *row) fileerr.List {
	d := ld.d
	switch t.kind {
	case jurisdictionsKind:
		j, errs := t.jurisdiction(row)
		if j == nil {
			return errs
		}
		if err := t.repeats(row, j, ld.jurRows[j.FIPS]); err != nil {
			return append(errs, err)
		}
		ld.jurRows[j.FIPS] = append(ld.jurRows[j.FIPS], j)
		d.Jurisdictions = append(d.Jurisdictions, j)
		for _, c := range []dated{{"effective", j.Effective}, {"ended", j.Ended}} {
			if c.date.After(j.AsOf) {
				d.Warnings = append(d.Warnings, t.errAt(row, c.col, "warning: %s %s is after the row's as_of %s; the map shows the change from that day as if it were certain", c.col, c.date.Format(time.DateOnly), j.AsOf.Format(time.DateOnly)))
			}
		}
		if len(j.Sources) > 0 && !slices.ContainsFunc(j.Sources, func(u string) bool { return !Aggregator(u) }) {
			d.Warnings = append(d.Warnings, t.errAt(row, "source", "warning: every source is an aggregator or mirror site (%s); cite the primary source or reliable news", j.Sources[0]))
		}
		return errs
	case lawsuitsKind:
		s, errs := t.lawsuit(row)
		if s == nil {
			return errs
		}
		if prev, dup := ld.suitLine[s.CaseID]; dup {
			return append(errs, t.errAt(row, "case_id", "case_id %s repeats %s:%d", s.CaseID, prev.File, prev.Line))
		}
		ld.suitLine[s.CaseID] = s
		d.Lawsuits = append(d.Lawsuits, s)
		return errs
	case agreementsKind:
		a, errs := t.agreement(row)
		if a == nil {
			return errs
		}
		// One agency may hold one model twice, one agreement after another.
		key := a.State + " " + strings.ToLower(a.Agency) + " " + a.Model
		for _, p := range ld.held[key] {
			if a.overlaps(p) {
				return append(errs, t.errAt(row, "agency", "%s's %s agreement repeats %s:%d, whose span overlaps it", a.Agency, a.Model, p.File, p.Line))
			}
		}
		ld.held[key] = append(ld.held[key], a)
		d.Agreements = append(d.Agreements, a)
		return errs
	case designationsKind:
		g, errs := t.designation(row)
		if g == nil {
			return errs
		}
		key := g.FIPS + " " + g.List
		if prev, dup := ld.listLine[key]; dup {
			return append(errs, t.errAt(row, "fips", "fips %s on list %s repeats %s:%d", g.FIPS, g.List, prev.File, prev.Line))
		}
		ld.listLine[key] = g
		d.Designations = append(d.Designations, g)
		return errs
	}
	return nil
}

// Kind is what a CSV file holds, recognised by its header.
type Kind int

const (
	jurisdictionsKind Kind = iota + 1
	lawsuitsKind
	agreementsKind
	designationsKind
)

// Kinds for callers.
const (
	JurisdictionsFile = jurisdictionsKind
	LawsuitsFile      = lawsuitsKind
	AgreementsFile    = agreementsKind
	DesignationsFile  = designationsKind
)

var kindNames = map[Kind]string{jurisdictionsKind: "jurisdictions", lawsuitsKind: "lawsuits", agreementsKind: "agreements", designationsKind: "designations"}

func (k Kind) String() string { return kindNames[k] }

// KindOf recognises a file by its header alone, so a window can replace
// the file of the same kind when the user opens one.
func KindOf(f File) (Kind, error) {
	header, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(f.Data, bom))).Read()
	if err != nil {
		return 0, &fileerr.Error{File: f.Name, Line: 1, Err: ErrUnknownHeader}
	}
	t := &table{name: f.Name, header: header}
	if errs := t.readHeader(); t.kind == 0 {
		return 0, errs
	}
	return t.kind, nil
}

// table is a CSV file checked for structure, with the line and column of
// every field so row checks can point at a cell.
type table struct {
	name   string
	kind   Kind
	header []string
	col    map[string]int
	rows   []*row
	// urls holds the source URLs already found valid: the agreements'
	// 2,000 rows cite fewer than a hundred.
	urls map[string]bool
}

type row struct {
	line   int
	cells  []string
	starts [][2]int // line, column of each cell
}

var bom = []byte("\ufeff")

func readTable(f File) (*table, fileerr.List) {
	var errs fileerr.List
	data, err := checkBytes(f)
	if err != nil {
		return nil, fileerr.List{err}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	t := &table{name: f.Name}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			// The reader cannot resynchronise after a quoting error.
			return nil, append(errs, fileerr.New(f.Name, pe.Line, pe.Column, "%v", pe.Err))
		}
		if err != nil {
			return nil, append(errs, &fileerr.Error{File: f.Name, Err: err})
		}
		if len(errs) >= MaxProblems {
			return nil, append(errs, tooMany(f.Name))
		}
		line, _ := r.FieldPos(0)
		if t.header != nil && len(rec) == 1 && rec[0] == "" {
			continue // a blank line inside the data
		}
		if t.header != nil && len(rec) != len(t.header) {
			errs = append(errs, fileerr.New(f.Name, line, 1, "row has %d fields; the header has %d", len(rec), len(t.header)))
			continue
		}
		rw := &row{line: line, cells: rec, starts: make([][2]int, len(rec))}
		long := false
		for i := range rec {
			rw.starts[i][0], rw.starts[i][1] = r.FieldPos(i)
			if len(rec[i]) > MaxCell {
				errs = append(errs, fileerr.New(f.Name, rw.starts[i][0], rw.starts[i][1], "cell is %d KiB; a cell is limited to %d KiB", len(rec[i])>>10, MaxCell>>10))
				long = true
			}
		}
		switch {
		case long && t.header == nil:
			return nil, errs
		case long:
			continue
		case t.header == nil:
			t.header = rec
			continue
		}
		t.rows = append(t.rows, rw)
	}
	if t.header == nil {
		return nil, append(errs, fileerr.New(f.Name, 0, 0, "file is empty"))
	}
	if herrs := t.readHeader(); len(herrs) > 0 {
		return nil, append(errs, herrs...)
	}
	if len(t.rows) == 0 && t.kind == jurisdictionsKind && len(errs) == 0 {
		return nil, append(errs, &fileerr.Error{File: f.Name, Line: 2, Err: ErrNoRows})
	}
	return t, errs
}

func tooMany(name string) *fileerr.Error {
	return &fileerr.Error{File: name, Err: fmt.Errorf("stopped after %d problems; fix these and load the file again", MaxProblems)}
}

// Text returns f's data without a BOM, or why it is no CSV text file at
// all (too large, binary, not UTF-8): the checks every CSV reader makes.
func Text(f File) ([]byte, error) {
	data, err := checkBytes(f)
	if err != nil {
		return nil, err
	}
	return data, nil
}

// checkBytes returns f's data without a BOM, or why it is not a CSV text
// file at all: too large, binary, or not UTF-8.
func checkBytes(f File) ([]byte, *fileerr.Error) {
	data := f.Data
	if len(data) > MaxFileSize {
		return nil, &fileerr.Error{File: f.Name, Err: fmt.Errorf("%w: %d MiB; the limit is %d MiB", ErrTooLarge, len(data)>>20, MaxFileSize>>20)}
	}
	data = bytes.TrimPrefix(data, bom)
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line, col := fileerr.LineCol(data, int64(i))
		return nil, fileerr.New(f.Name, line, col, "NUL byte: this looks like a binary file, not CSV")
	}
	if !utf8.Valid(data) {
		line, col := fileerr.LineCol(data, int64(invalidUTF8(data)))
		return nil, fileerr.New(f.Name, line, col, "invalid UTF-8 (save the file as UTF-8; Latin-1 and Windows-1252 are not read)")
	}
	return data, nil
}

func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func (t *table) readHeader() fileerr.List {
	t.col = map[string]int{}
	var errs fileerr.List
	for i, h := range t.header {
		h = strings.TrimSpace(h)
		t.header[i] = h
		if h == "" {
			errs = append(errs, fileerr.New(t.name, 1, i+1, "column %d has no name", i+1))
			continue
		}
		if j, dup := t.col[h]; dup {
			errs = append(errs, fileerr.New(t.name, 1, i+1, "column %q repeats column %d", h, j+1))
			continue
		}
		t.col[h] = i
	}
	var want []string
	switch {
	case len(t.header) == 1 && strings.ContainsAny(t.header[0], ";\t|"):
		return append(errs, fileerr.New(t.name, 1, 0, "the header is a single column: the file seems separated by %q; save it as CSV with commas", separatorOf(t.header[0])))
	case t.has("case_id"):
		t.kind, want = lawsuitsKind, lawsuitColumns
	case t.has("agency") && t.has("model"):
		t.kind, want = agreementsKind, agreementColumns
	case t.has("list") && t.has("listed_from"):
		t.kind, want = designationsKind, designationColumns
	case t.has("fips") && t.has("category"):
		t.kind, want = jurisdictionsKind, jurisdictionColumns
	default:
		return append(errs, &fileerr.Error{File: t.name, Line: 1, Err: ErrUnknownHeader})
	}
	var missing []string
	for _, c := range want {
		if !t.has(c) {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		errs = append(errs, fileerr.New(t.name, 1, 0, "%s file lacks column(s) %s", t.kind, strings.Join(missing, ", ")))
	}
	return errs
}

func separatorOf(h string) string {
	for _, sep := range []string{";", "\t", "|"} {
		if strings.Contains(h, sep) {
			return sep
		}
	}
	return ""
}

func (t *table) has(c string) bool {
	_, ok := t.col[c]
	return ok
}

func (t *table) get(r *row, c string) string {
	if i, ok := t.col[c]; ok {
		return strings.TrimSpace(r.cells[i])
	}
	return ""
}

func (t *table) errAt(r *row, c string, format string, args ...any) *fileerr.Error {
	line, col := r.line, 0
	if i, ok := t.col[c]; ok {
		line, col = r.starts[i][0], r.starts[i][1]
	}
	return fileerr.New(t.name, line, col, format, args...)
}

// column is the column where r's cell c starts; 0 without c.
func (t *table) column(r *row, c string) int {
	if i, ok := t.col[c]; ok {
		return r.starts[i][1]
	}
	return 0
}

// extra returns the columns outside the schema, in file order.
func (t *table) extra(r *row, known []string) []Field {
	var out []Field
	for i, h := range t.header {
		if !slices.Contains(known, h) {
			out = append(out, Field{h, strings.TrimSpace(r.cells[i])})
		}
	}
	return out
}

func (t *table) date(r *row, c string, required bool, errs *fileerr.List) time.Time {
	v := t.get(r, c)
	if v == "" {
		if required {
			*errs = append(*errs, t.errAt(r, c, "%s is empty; want a date YYYY-MM-DD", c))
		}
		return time.Time{}
	}
	d, err := time.Parse(time.DateOnly, v)
	if err != nil {
		*errs = append(*errs, t.errAt(r, c, "%s %q is not a date YYYY-MM-DD", c, v))
	}
	return d
}

// asOf reads the required as_of cell: the day a row was checked, which
// cannot be later than today.
func (t *table) asOf(r *row, errs *fileerr.List) time.Time {
	d := t.date(r, "as_of", true, errs)
	t.notFuture(r, errs, dated{"as_of", d})
	return d
}

// notFuture checks that no date of ds is later than today (UTC, with a
// day's grace for the time zones west of it): what has been seen cannot
// be dated later.
func (t *table) notFuture(r *row, errs *fileerr.List, ds ...dated) {
	tomorrow := time.Now().UTC().AddDate(0, 0, 1)
	for _, d := range ds {
		if d.date.After(tomorrow) {
			*errs = append(*errs, t.errAt(r, d.col, "%s %s is in the future", d.col, d.date.Format(time.DateOnly)))
		}
	}
}

func (t *table) sources(r *row, v Verification, errs *fileerr.List) []string {
	raw := t.get(r, "source")
	var out []string
	for _, s := range strings.Split(raw, ";") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if !t.urls[s] {
			u, err := url.Parse(s)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				*errs = append(*errs, t.errAt(r, "source", "source %q is not an http(s) URL", s))
				continue
			}
			if t.urls == nil {
				t.urls = map[string]bool{}
			}
			t.urls[s] = true
		}
		out = append(out, s)
	}
	if len(out) == 0 && raw == "" && v != Unverified {
		*errs = append(*errs, t.errAt(r, "source", "source is empty; a %s row needs one (or mark it unverified)", v))
	}
	return out
}

func (t *table) verification(r *row, errs *fileerr.List) Verification {
	v := Verification(t.get(r, "verification"))
	switch v {
	case Confirmed, Secondary, Unverified:
		return v
	}
	*errs = append(*errs, t.errAt(r, "verification", "verification %q is not confirmed, secondary or unverified", string(v)))
	return Unverified
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func (t *table) jurisdiction(r *row) (*Jurisdiction, fileerr.List) {
	var errs fileerr.List
	j := &Jurisdiction{
		FIPS:       t.get(r, "fips"),
		Name:       t.get(r, "name"),
		State:      t.get(r, "state"),
		Level:      Level(t.get(r, "level")),
		Policy:     t.get(r, "policy"),
		Notes:      t.get(r, "notes"),
		File:       t.name,
		Line:       r.line,
		NameColumn: t.column(r, "name"),
	}
	if j.Name == "" {
		errs = append(errs, t.errAt(r, "name", "name is empty"))
	}
	errs = append(errs, t.place(r, j)...)
	j.Category = Category(t.get(r, "category"))
	if _, ok := categoryInfo[j.Category]; !ok {
		errs = append(errs, t.errAt(r, "category", "category %q is unknown; want one of %s", string(j.Category), categoryList()))
	}
	j.AsOf = t.asOf(r, &errs)
	j.Effective = t.date(r, "effective", false, &errs)
	j.Ended = t.date(r, "ended", false, &errs)
	if !j.Ended.IsZero() && !j.Ended.After(j.Effective) {
		errs = append(errs, t.errAt(r, "ended", "ended %s is not after effective %s", j.Ended.Format(time.DateOnly), j.Effective.Format(time.DateOnly)))
	}
	j.LastConfirmed = t.date(r, "last_confirmed", false, &errs)
	if !j.LastConfirmed.IsZero() && j.LastConfirmed.Before(j.Effective) {
		errs = append(errs, t.errAt(r, "last_confirmed", "last_confirmed %s is before effective %s", j.LastConfirmed.Format(time.DateOnly), j.Effective.Format(time.DateOnly)))
	}
	t.notAfterAsOf(r, j.AsOf, &errs, dated{"last_confirmed", j.LastConfirmed})
	j.Verification = t.verification(r, &errs)
	j.Sources = t.sources(r, j.Verification, &errs)
	j.OnDOJList = t.get(r, "on_doj_list_2025")
	if j.OnDOJList != "" && j.OnDOJList != "yes" && j.OnDOJList != "no" {
		errs = append(errs, t.errAt(r, "on_doj_list_2025", "on_doj_list_2025 %q is not yes or no", j.OnDOJList))
	}
	lat, lon := t.get(r, "lat"), t.get(r, "lon")
	switch {
	case lat != "" || lon != "":
		j.Lat = t.coord(r, "lat", 90, &errs)
		j.Lon = t.coord(r, "lon", 180, &errs)
		j.HasCoord = true
	case j.Level == City:
		errs = append(errs, t.errAt(r, "lat", "a city needs lat and lon for its marker"))
	}
	j.Extra = t.extra(r, append(jurisdictionColumns, "effective", "ended", "last_confirmed", "on_doj_list_2025", "notes", "lat", "lon"))
	if len(errs) > 0 {
		return nil, errs
	}
	return j, nil
}

// place checks that j's level, state and FIPS code agree.
func (t *table) place(r *row, j *Jurisdiction) fileerr.List {
	var errs fileerr.List
	n, okLevel := fipsLen[j.Level]
	if !okLevel || j.Level == Tract {
		okLevel = false
		errs = append(errs, t.errAt(r, "level", "level %q is not state, county or city", string(j.Level)))
	}
	st, okState := stateFIPS[j.State]
	if !okState {
		errs = append(errs, t.errAt(r, "state", "state %q is not a USPS code of a state, DC or Puerto Rico", j.State))
	}
	switch {
	case !isDigits(j.FIPS):
		errs = append(errs, t.errAt(r, "fips", "fips %q is not a numeric code (keep leading zeros: quote it or format the column as text)", j.FIPS))
	case okLevel && len(j.FIPS) != n:
		errs = append(errs, t.errAt(r, "fips", "fips %q has %d digits; a %s code has %d", j.FIPS, len(j.FIPS), j.Level, n))
	case okState && (len(j.FIPS) < 2 || j.FIPS[:2] != st):
		errs = append(errs, t.errAt(r, "fips", "fips %q does not start with %s, the code of %s", j.FIPS, st, j.State))
	}
	return errs
}

func (t *table) coord(r *row, c string, limit float64, errs *fileerr.List) float64 {
	v := t.get(r, c)
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		*errs = append(*errs, t.errAt(r, c, "%s %q is not a number", c, v))
		return 0
	}
	if math.Abs(f) > limit {
		*errs = append(*errs, t.errAt(r, c, "%s %s is outside -%g..%g", c, v, limit, limit))
	}
	return f
}

func categoryList() string {
	s := make([]string, len(Categories()))
	for i, c := range Categories() {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

func (t *table) lawsuit(r *row) (*Lawsuit, fileerr.List) {
	var errs fileerr.List
	s := &Lawsuit{
		CaseID:           t.get(r, "case_id"),
		Name:             t.get(r, "case_name"),
		Court:            t.get(r, "court"),
		Docket:           t.get(r, "docket"),
		PolicyChallenged: t.get(r, "policy_challenged"),
		Notes:            t.get(r, "notes"),
		File:             t.name,
		Line:             r.line,
	}
	if s.CaseID == "" {
		errs = append(errs, t.errAt(r, "case_id", "case_id is empty"))
	}
	if s.Name == "" {
		errs = append(errs, t.errAt(r, "case_name", "case_name is empty"))
	}
	s.Filed = t.date(r, "filed", true, &errs)
	t.notFuture(r, &errs, dated{"filed", s.Filed})
	s.Status = Status(t.get(r, "status"))
	if !slices.Contains(Statuses(), s.Status) {
		errs = append(errs, t.errAt(r, "status", "status %q is unknown; want one of %s", string(s.Status), statusList()))
	}
	s.StatusDate = t.date(r, "status_date", false, &errs)
	t.notFuture(r, &errs, dated{"status_date", s.StatusDate})
	if !s.StatusDate.IsZero() && !s.Filed.IsZero() && s.StatusDate.Before(s.Filed) {
		errs = append(errs, t.errAt(r, "status_date", "status_date %s is before filed %s", s.StatusDate.Format(time.DateOnly), s.Filed.Format(time.DateOnly)))
	}
	for _, f := range strings.Split(t.get(r, "defendant_fips"), ";") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !isDigits(f) || (len(f) != 2 && len(f) != 5 && len(f) != 7) {
			errs = append(errs, t.errAt(r, "defendant_fips", "defendant_fips %q is not a 2-, 5- or 7-digit FIPS code", f))
			continue
		}
		s.Defendants = append(s.Defendants, f)
	}
	if len(s.Defendants) == 0 {
		errs = append(errs, t.errAt(r, "defendant_fips", "defendant_fips is empty; name at least one defendant's FIPS code"))
	}
	s.Verification = t.verification(r, &errs)
	s.Sources = t.sources(r, s.Verification, &errs)
	s.Extra = t.extra(r, append(lawsuitColumns, "notes"))
	if len(errs) > 0 {
		return nil, errs
	}
	return s, nil
}

func statusList() string {
	s := make([]string, len(Statuses()))
	for i, c := range Statuses() {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

// repeats checks a jurisdiction row against the earlier rows of its FIPS
// code: a jurisdiction may carry several policies one after another, each
// row dated by effective (and, but for the last, ended), never two at once.
// The earliest may give only its end: an instrument older than any record
// of its start.
func (t *table) repeats(r *row, j *Jurisdiction, prev []*Jurisdiction) *fileerr.Error {
	undated := func(x *Jurisdiction) bool { return x.Effective.IsZero() && x.Ended.IsZero() }
	for _, p := range prev {
		switch {
		case undated(j) || undated(p) || (j.Effective.IsZero() && p.Effective.IsZero()):
			return t.errAt(r, "fips", "fips %s repeats %s:%d; a jurisdiction may have several rows only when each has an effective date (the earliest may have only an ended date)", j.FIPS, p.File, p.Line)
		case j.Level != p.Level:
			return t.errAt(r, "level", "level %s differs from %s at %s:%d, a row of the same fips %s", j.Level, p.Level, p.File, p.Line, j.FIPS)
		case overlap(j, p):
			return t.errAt(r, "effective", "fips %s is in effect here from %s, while its row at %s:%d is still in effect; give that row an ended date", j.FIPS, j.Effective.Format(time.DateOnly), p.File, p.Line)
		}
	}
	return nil
}

// overlap reports whether two dated rows are in effect on a common day.
func overlap(a, b *Jurisdiction) bool {
	before := func(x, y *Jurisdiction) bool { return !x.Ended.IsZero() && !x.Ended.After(y.Effective) }
	return !before(a, b) && !before(b, a)
}
