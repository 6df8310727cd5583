package dataset

import (
	"crypto/sha256"
	"encoding/hex"
	"time"

	"sanctuarymap/internal/fileerr"
)

// Dataset is the jurisdictions, lawsuits, 287(g) agreements and list
// designations read from one or more files: every dated fact as loaded.
// At gives the facts that held on one day.
type Dataset struct {
	// Jurisdictions holds every policy row; a jurisdiction whose policy
	// changed has one row per period, in file order.
	Jurisdictions []*Jurisdiction
	Lawsuits      []*Lawsuit
	Agreements    []*Agreement
	Designations  []*Designation
	Files         []string
	// Digest is the SHA-256 of the files' contents, in load order.
	Digest string
	// Warnings are what a careful reader would question but that does not
	// stop a load: rows whose only sources are aggregator sites.
	Warnings fileerr.List
	// Date is the day the facts held, for a dataset made by At; zero for
	// the dataset as loaded.
	Date time.Time

	byFIPS     map[string]*Jurisdiction
	suits      map[string][]*Lawsuit
	agreements map[string][]*Agreement // by FIPS and by county
	lists      map[string][]*Designation
}

func (d *Dataset) index() {
	d.byFIPS = make(map[string]*Jurisdiction, len(d.Jurisdictions))
	for _, j := range d.Jurisdictions {
		// The latest period stands for the jurisdiction as loaded.
		if p := d.byFIPS[j.FIPS]; p == nil || j.Effective.After(p.Effective) {
			d.byFIPS[j.FIPS] = j
		}
	}
	d.suits = map[string][]*Lawsuit{}
	for _, s := range d.Lawsuits {
		for _, f := range s.Defendants {
			d.suits[f] = append(d.suits[f], s)
		}
	}
	d.agreements = map[string][]*Agreement{}
	for _, a := range d.Agreements {
		if a.FIPS != "" {
			d.agreements[a.FIPS] = append(d.agreements[a.FIPS], a)
		}
		if a.County != "" && a.County != a.FIPS {
			d.agreements[a.County] = append(d.agreements[a.County], a)
		}
		// An agency placed in no county is shown with its state.
		if a.FIPS == "" && a.County == "" {
			st := stateFIPS[a.State]
			d.agreements[st] = append(d.agreements[st], a)
		}
	}
	d.lists = map[string][]*Designation{}
	for _, g := range d.Designations {
		d.lists[g.FIPS] = append(d.lists[g.FIPS], g)
	}
}

// listDOJColumn turns the on_doj_list_2025 column of one-row-per-
// jurisdiction files into designations, for rows no designations file
// names on that list: such files keep meaning what they meant.
func (d *Dataset) listDOJColumn() {
	named := map[string]bool{}
	for _, g := range d.Designations {
		if g.List == "doj-2025" {
			named[g.FIPS] = true
		}
	}
	for _, j := range d.Jurisdictions {
		if j.OnDOJList != "yes" || named[j.FIPS] {
			continue
		}
		named[j.FIPS] = true
		d.Designations = append(d.Designations, &Designation{FIPS: j.FIPS, Name: j.Name, State: j.State, List: "doj-2025",
			ListedFrom: dojListDate, AsOf: j.AsOf, Sources: j.Sources, Verification: j.Verification,
			Notes: "from the on_doj_list_2025 column", File: j.File, Line: j.Line})
	}
}

var dojListDate = time.Date(2025, 8, 5, 0, 0, 0, 0, time.UTC)

func digest(files []File) string {
	h := sha256.New()
	for _, f := range files {
		h.Write(f.Data)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Jurisdiction returns the row with FIPS code fips, or nil.
func (d *Dataset) Jurisdiction(fips string) *Jurisdiction {
	if d == nil {
		return nil
	}
	return d.byFIPS[fips]
}

// Suits returns the lawsuits naming fips as a defendant.
func (d *Dataset) Suits(fips string) []*Lawsuit {
	if d == nil {
		return nil
	}
	return d.suits[fips]
}

// AgreementsOf returns the agreements of fips's own agency, and for a
// county those of every agency in it.
func (d *Dataset) AgreementsOf(fips string) []*Agreement {
	if d == nil {
		return nil
	}
	return d.agreements[fips]
}

// DesignationsOf returns the lists naming fips.
func (d *Dataset) DesignationsOf(fips string) []*Designation {
	if d == nil {
		return nil
	}
	return d.lists[fips]
}

// Places counts the jurisdictions d has rows for, by level: a place whose
// policy changed has a row a period but counts once.
func (d *Dataset) Places() map[Level]int {
	out, seen := map[Level]int{}, map[string]bool{}
	for _, j := range d.Jurisdictions {
		if !seen[j.FIPS] {
			seen[j.FIPS] = true
			out[j.Level]++
		}
	}
	return out
}

// Cities returns the city rows.
func (d *Dataset) Cities() []*Jurisdiction {
	var out []*Jurisdiction
	for _, j := range d.Jurisdictions {
		if j.Level == City && d.byFIPS[j.FIPS] == j {
			out = append(out, j)
		}
	}
	return out
}

// AsOf is the latest as_of date of any row: how current the dataset is.
func (d *Dataset) AsOf() time.Time {
	var t time.Time
	for _, j := range d.Jurisdictions {
		if j.AsOf.After(t) {
			t = j.AsOf
		}
	}
	return t
}

// AgreementsCover returns the first and last days the 287(g) agreements
// were checked on: the earliest first listing and the latest as_of. Zero
// when there are none.
func (d *Dataset) AgreementsCover() (from, to time.Time) {
	for _, a := range d.Agreements {
		if from.IsZero() || a.ListedFrom.Before(from) {
			from = a.ListedFrom
		}
		if a.AsOf.After(to) {
			to = a.AsOf
		}
	}
	return from, to
}

// SuitState summarises a jurisdiction's lawsuits for the map.
type SuitState int

const (
	NoSuit SuitState = iota
	SuitResolved
	SuitPending
)

var suitNames = [...]string{"none", "resolved", "pending"}

func (s SuitState) String() string {
	return [...]string{"no DOJ suit", "DOJ suit resolved", "DOJ suit pending"}[s]
}

// Word is the state in one word, as tables write it: none, resolved or
// pending.
func (s SuitState) Word() string { return suitNames[s] }

// SuitStateOf is pending if any suit is pending, resolved if there are
// suits and none is pending.
func SuitStateOf(suits []*Lawsuit) SuitState {
	st := NoSuit
	for _, s := range suits {
		if s.Status.IsPending() {
			return SuitPending
		}
		st = SuitResolved
	}
	return st
}

// At returns the facts that held on date, one policy row per jurisdiction:
// the row in effect then; a jurisdiction none of whose rows was in effect
// shows as no known policy, unverified, so that a county or city falls back
// on its state's rule of that day as if it had no row. Suits not yet filed are gone and suits
// resolved after date are pending again; only agreements active and
// designations standing on date remain. Rows without an effective date
// are kept, since the date they began is not known. A zero date gives the
// facts as loaded: the latest row of each jurisdiction, open agreements,
// standing designations.
func (d *Dataset) At(date time.Time) *Dataset {
	out := &Dataset{Files: d.Files, Digest: d.Digest, Date: date}
	if date.IsZero() {
		date = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	inForce := map[string]*Jurisdiction{}
	for _, j := range d.Jurisdictions {
		if !j.Effective.After(date) && (j.Ended.IsZero() || date.Before(j.Ended)) {
			inForce[j.FIPS] = j
		}
	}
	seen := map[string]bool{}
	for _, j := range d.Jurisdictions {
		if seen[j.FIPS] {
			continue
		}
		seen[j.FIPS] = true
		if r := inForce[j.FIPS]; r != nil {
			out.Jurisdictions = append(out.Jurisdictions, r)
			continue
		}
		// Before its first period, or after its last ended.
		c := *d.byFIPS[j.FIPS]
		c.Category, c.Policy, c.Effective, c.Ended = NoKnownPolicy, "", time.Time{}, time.Time{}
		c.Verification = Unverified
		out.Jurisdictions = append(out.Jurisdictions, &c)
	}
	for _, s := range d.Lawsuits {
		if s.Filed.After(date) {
			continue
		}
		if !s.Status.IsPending() && s.StatusDate.After(date) {
			c := *s
			c.Status = Pending
			c.StatusDate = time.Time{}
			out.Lawsuits = append(out.Lawsuits, &c)
			continue
		}
		out.Lawsuits = append(out.Lawsuits, s)
	}
	for _, a := range d.Agreements {
		if a.ActiveOn(date) {
			out.Agreements = append(out.Agreements, a)
		}
	}
	for _, g := range d.Designations {
		if g.ActiveOn(date) {
			out.Designations = append(out.Designations, g)
		}
	}
	out.index()
	return out
}
