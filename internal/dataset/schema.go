// Package dataset holds the jurisdictions and DOJ lawsuits the map shows:
// CSV files read into typed records with every problem located by file,
// line and column, the join against boundaries, as-of views and diffs.
package dataset

import (
	"strings"
	"time"

	"sanctuarymap/internal/fips"
)

// Level is the kind of jurisdiction a row describes.
type Level string

const (
	State  Level = "state"
	County Level = "county"
	City   Level = "city"
	Tract  Level = "tract" // a boundary level only: no jurisdiction is a tract
)

// fipsLen is the length of a FIPS code at each level.
var fipsLen = map[Level]int{State: fips.State, County: fips.County, City: fips.Place, Tract: fips.Tract}

// FIPSLen is the length of a FIPS code at level l; 0 for no level.
func FIPSLen(l Level) int { return fipsLen[l] }

// Category is a neutral description of a jurisdiction's policy toward
// cooperation with federal immigration enforcement.
type Category string

const (
	StateLimits           Category = "STATE_LIMITS"
	LocalLimitsDetainers  Category = "LOCAL_LIMITS_DETAINERS"
	LocalLimitsInfoAccess Category = "LOCAL_LIMITS_INFO_ACCESS"
	LocalDeclarationOnly  Category = "LOCAL_DECLARATION_ONLY"
	NoKnownPolicy         Category = "NO_KNOWN_POLICY"
	CooperatesPractice    Category = "COOPERATES_PRACTICE"
	Agreement287g         Category = "AGREEMENT_287G"
	StateMandates         Category = "STATE_MANDATES"
)

// Categories lists every category from most limiting to most mandating
// cooperation, the order legends use.
func Categories() []Category {
	return []Category{StateLimits, LocalLimitsDetainers, LocalLimitsInfoAccess,
		LocalDeclarationOnly, NoKnownPolicy, CooperatesPractice, Agreement287g, StateMandates}
}

// Info describes a category for legends and the detail panel.
type Info struct {
	Label      string
	Definition string
}

// Info returns the category's label and definition, worded descriptively
// (see docs/DATASET.md).
func (c Category) Info() Info { return categoryInfo[c] }

var categoryInfo = map[Category]Info{
	StateLimits:           {"State limits cooperation", "A statute, attorney-general directive, governor's order or state-supreme-court ruling binds local agencies statewide to limit detainer holds, information sharing, ICE jail access or 287(g)/detention contracts."},
	LocalLimitsDetainers:  {"Local limits on detainers", "A written county, city or sheriff policy honours ICE detainers only with a judicial warrant or court order, only for listed serious offences, only at ICE's cost, or not at all."},
	LocalLimitsInfoAccess: {"Local limits on information or access", "A local policy bars status inquiries, release-date notification or ICE interviews and jail access, or the use of local resources, while honouring some detainers."},
	LocalDeclarationOnly:  {"Declaration only", "A \"sanctuary\" or \"welcoming\" resolution with no binding limit on detainers, information or access."},
	NoKnownPolicy:         {"No known policy", "No formal policy either way is documented."},
	CooperatesPractice:    {"Cooperates in practice", "Honours detainers or notifies ICE by practice, without a 287(g) agreement or a state mandate."},
	Agreement287g:         {"287(g) agreement", "At least one active 287(g) agreement with ICE (jail, task force or warrant service model)."},
	StateMandates:         {"State mandates cooperation", "A state statute requires detainer compliance or other cooperation, or forbids local limits on it."},
}

// Status is where a lawsuit stands.
type Status string

const (
	Pending           Status = "pending"
	OnAppeal          Status = "on_appeal"
	Dismissed         Status = "dismissed"
	RuledForPlaintiff Status = "ruled_for_plaintiff"
	RuledForDefendant Status = "ruled_for_defendant"
	Mixed             Status = "mixed"
	Withdrawn         Status = "withdrawn"
	Settled           Status = "settled"
)

// Statuses lists every status, pending ones first.
func Statuses() []Status {
	return []Status{Pending, OnAppeal, Dismissed, RuledForPlaintiff, RuledForDefendant, Mixed, Withdrawn, Settled}
}

// IsPending reports whether the map shows a suit with this status as pending.
// Label is s for a reader: "on appeal" for on_appeal.
func (s Status) Label() string { return strings.ReplaceAll(string(s), "_", " ") }

func (s Status) IsPending() bool { return s == Pending || s == OnAppeal }

// Verification says how a row's facts were checked.
type Verification string

const (
	Confirmed  Verification = "confirmed"
	Secondary  Verification = "secondary"
	Unverified Verification = "unverified"
)

// Field is a column of a row kept as text, for columns the schema does not
// know and for showing a row as it was read.
type Field struct {
	Name, Value string
}

// Jurisdiction is one row of a jurisdictions file.
type Jurisdiction struct {
	FIPS      string
	Name      string
	State     string // USPS code
	Level     Level
	Category  Category
	Policy    string
	Effective time.Time // zero when not given
	Ended     time.Time // zero while in effect
	AsOf      time.Time
	// LastConfirmed is the day of the latest evidence that the policy was
	// in force (the list it came from, a source's date); zero when the
	// row gives none, and then AsOf stands for it.
	LastConfirmed time.Time
	Sources       []string
	Verification  Verification
	Lat, Lon      float64
	HasCoord      bool
	OnDOJList     string // "yes", "no" or empty
	Notes         string
	Extra         []Field // further columns, in file order
	File          string
	Line          int
	NameColumn    int // of the name cell, for messages about it
}

// Evidence is the day of the latest evidence that j's policy held: its
// LastConfirmed, or its AsOf when it gives none.
func (j *Jurisdiction) Evidence() time.Time {
	if j.LastConfirmed.IsZero() {
		return j.AsOf
	}
	return j.LastConfirmed
}

// Lawsuit is one row of a lawsuits file.
type Lawsuit struct {
	CaseID           string
	Name             string
	Court            string
	Docket           string
	Filed            time.Time
	Status           Status
	StatusDate       time.Time // zero when unknown
	Defendants       []string  // FIPS codes
	PolicyChallenged string
	Sources          []string
	Verification     Verification
	Notes            string
	Extra            []Field
	File             string
	Line             int
}

// The columns each kind of file must have; a file is recognised by them.
var (
	jurisdictionColumns = []string{"fips", "name", "state", "level", "category", "policy", "as_of", "source", "verification"}
	lawsuitColumns      = []string{"case_id", "case_name", "court", "docket", "filed", "status", "status_date", "defendant_fips", "policy_challenged", "source", "verification"}
)

// stateFIPS maps USPS codes to state FIPS codes for the 50 states, DC and
// Puerto Rico.
var stateFIPS = map[string]string{
	"AL": "01", "AK": "02", "AZ": "04", "AR": "05", "CA": "06", "CO": "08", "CT": "09", "DE": "10",
	"DC": "11", "FL": "12", "GA": "13", "HI": "15", "ID": "16", "IL": "17", "IN": "18", "IA": "19",
	"KS": "20", "KY": "21", "LA": "22", "ME": "23", "MD": "24", "MA": "25", "MI": "26", "MN": "27",
	"MS": "28", "MO": "29", "MT": "30", "NE": "31", "NV": "32", "NH": "33", "NJ": "34", "NM": "35",
	"NY": "36", "NC": "37", "ND": "38", "OH": "39", "OK": "40", "OR": "41", "PA": "42", "RI": "44",
	"SC": "45", "SD": "46", "TN": "47", "TX": "48", "UT": "49", "VT": "50", "VA": "51", "WA": "53",
	"WV": "54", "WI": "55", "WY": "56", "PR": "72",
}

// StateFIPS returns the FIPS code of a USPS state code.
func StateFIPS(usps string) (string, bool) {
	f, ok := stateFIPS[usps]
	return f, ok
}

// StateUSPS returns the USPS code of a state FIPS code, or "".
func StateUSPS(fips string) string { return stateUSPS[fips] }

var stateUSPS = func() map[string]string {
	m := make(map[string]string, len(stateFIPS))
	for k, v := range stateFIPS {
		m[v] = k
	}
	return m
}()

// Filter says which regions the map, legend and table show.
type Filter struct {
	Category Category   // "" for every category
	Suit     *SuitState // nil for any lawsuit state
	List     string     // "" for any; else only those a designation on this list names
}

// Active reports whether the filter hides anything.
func (f Filter) Active() bool { return f.Category != "" || f.Suit != nil || f.List != "" }

// Match reports whether a region showing category c with suit state s
// passes the filter; onList tells whether a list names it.
func (f Filter) Match(c Category, s SuitState, onList func(list string) bool) bool {
	return (f.Category == "" || c == f.Category) &&
		(f.Suit == nil || *f.Suit == s) &&
		(f.List == "" || onList(f.List))
}
