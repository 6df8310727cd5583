package dataset

import (
	"fmt"
	"strings"
	"time"
)

// ChangeKind says how a row differs between two datasets.
type ChangeKind int

const (
	Added ChangeKind = iota
	Removed
	Changed
)

func (k ChangeKind) String() string { return [...]string{"added", "removed", "changed"}[k] }

// FieldChange is one field's old and new text.
type FieldChange struct {
	Name, Old, New string
}

// Change is a row added, removed or changed; Key is its FIPS code or case id.
type Change struct {
	Kind   ChangeKind
	Key    string
	Name   string
	Fields []FieldChange // for Changed
}

func (c Change) String() string {
	s := fmt.Sprintf("%s %s (%s)", c.Kind, c.Key, c.Name)
	for _, f := range c.Fields {
		s += fmt.Sprintf("\n  %s: %q → %q", f.Name, f.Old, f.New)
	}
	return s
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

// Fields returns a jurisdiction's fields as text, in schema order.
func (j *Jurisdiction) Fields() []Field {
	f := []Field{{"name", j.Name}, {"state", j.State}, {"level", string(j.Level)}, {"category", string(j.Category)},
		{"policy", j.Policy}, {"effective", date(j.Effective)}, {"as_of", date(j.AsOf)},
		{"source", strings.Join(j.Sources, "; ")}, {"verification", string(j.Verification)},
		{"on_doj_list_2025", j.OnDOJList}, {"notes", j.Notes}}
	if j.HasCoord {
		f = append(f, Field{"lat", fmt.Sprint(j.Lat)}, Field{"lon", fmt.Sprint(j.Lon)})
	}
	return append(f, j.Extra...)
}

// Fields returns a lawsuit's fields as text, in schema order.
func (s *Lawsuit) Fields() []Field {
	f := []Field{{"case_name", s.Name}, {"court", s.Court}, {"docket", s.Docket}, {"filed", date(s.Filed)},
		{"status", string(s.Status)}, {"status_date", date(s.StatusDate)}, {"defendant_fips", strings.Join(s.Defendants, ";")},
		{"policy_challenged", s.PolicyChallenged}, {"source", strings.Join(s.Sources, "; ")},
		{"verification", string(s.Verification)}, {"notes", s.Notes}}
	return append(f, s.Extra...)
}

// Diff lists what changed from old to new: jurisdictions by FIPS code,
// then lawsuits by case id, each in the new file's order with removals last.
func Diff(old, new *Dataset) []Change {
	var out []Change
	oldJ := map[string]*Jurisdiction{}
	for _, j := range old.Jurisdictions {
		oldJ[j.FIPS] = j
	}
	for _, j := range new.Jurisdictions {
		if o, ok := oldJ[j.FIPS]; !ok {
			out = append(out, Change{Kind: Added, Key: j.FIPS, Name: j.Name})
		} else if fc := diffFields(o.Fields(), j.Fields()); len(fc) > 0 {
			out = append(out, Change{Kind: Changed, Key: j.FIPS, Name: j.Name, Fields: fc})
		}
		delete(oldJ, j.FIPS)
	}
	for _, j := range old.Jurisdictions {
		if _, gone := oldJ[j.FIPS]; gone {
			out = append(out, Change{Kind: Removed, Key: j.FIPS, Name: j.Name})
		}
	}
	oldS := map[string]*Lawsuit{}
	for _, s := range old.Lawsuits {
		oldS[s.CaseID] = s
	}
	for _, s := range new.Lawsuits {
		if o, ok := oldS[s.CaseID]; !ok {
			out = append(out, Change{Kind: Added, Key: s.CaseID, Name: s.Name})
		} else if fc := diffFields(o.Fields(), s.Fields()); len(fc) > 0 {
			out = append(out, Change{Kind: Changed, Key: s.CaseID, Name: s.Name, Fields: fc})
		}
		delete(oldS, s.CaseID)
	}
	for _, s := range old.Lawsuits {
		if _, gone := oldS[s.CaseID]; gone {
			out = append(out, Change{Kind: Removed, Key: s.CaseID, Name: s.Name})
		}
	}
	return out
}

func diffFields(a, b []Field) []FieldChange {
	old := map[string]string{}
	for _, f := range a {
		old[f.Name] = f.Value
	}
	var out []FieldChange
	for _, f := range b {
		if o, ok := old[f.Name]; !ok || o != f.Value {
			out = append(out, FieldChange{f.Name, o, f.Value})
		}
		delete(old, f.Name)
	}
	for _, f := range a {
		if _, gone := old[f.Name]; gone {
			out = append(out, FieldChange{f.Name, f.Value, ""})
		}
	}
	return out
}
