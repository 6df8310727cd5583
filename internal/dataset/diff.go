package dataset

import (
	"fmt"
	"slices"
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

func (c Change) String() string { return c.Text(c.Kind.String()) }

// Text is c with kind as the word for its Kind (the window's language);
// field names stay as the file's columns are named.
func (c Change) Text(kind string) string {
	s := fmt.Sprintf("%s %s (%s)", kind, c.Key, c.Name)
	for _, f := range c.Fields {
		s += fmt.Sprintf("\n  %s: %q → %q", f.Name, f.Old, f.New)
	}
	return s
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// Fields returns a jurisdiction's fields as text, in schema order.
func (j *Jurisdiction) Fields() []Field {
	f := []Field{{"name", j.Name}, {"state", j.State}, {"level", string(j.Level)}, {"category", string(j.Category)},
		{"policy", j.Policy}, {"effective", date(j.Effective)}, {"ended", date(j.Ended)}, {"as_of", date(j.AsOf)},
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
// lawsuits by case id, then 287(g) agreements by state, agency and model
// (new ones, and ones whose listing ended), each in the new file's order
// with removals last.
func Diff(old, new *Dataset) []Change {
	return slices.Concat(diffRows(old.Jurisdictions, new.Jurisdictions), diffRows(old.Lawsuits, new.Lawsuits),
		diffRows(old.Agreements, new.Agreements))
}

func (a *Agreement) key() string   { return a.State + "|" + a.Agency + "|" + a.Model }
func (a *Agreement) label() string { return a.Agency + " (" + a.Model + ")" }

// Fields returns what a reload may change of an agreement.
func (a *Agreement) Fields() []Field {
	return []Field{{"fips", a.FIPS}, {"county_fips", a.County}, {"agency_level", a.AgencyLevel}, {"signed", date(a.Signed)},
		{"listed_from", date(a.ListedFrom)}, {"listed_to", date(a.ListedTo)}}
}

// keyedRow is what Diff compares: a keyed, named list of fields.
type keyedRow interface {
	key() string
	label() string
	Fields() []Field
}

func (j *Jurisdiction) key() string   { return j.FIPS }
func (j *Jurisdiction) label() string { return j.Name }
func (s *Lawsuit) key() string        { return s.CaseID }
func (s *Lawsuit) label() string      { return s.Name }

func diffRows[T keyedRow](old, new []T) []Change {
	var out []Change
	oldKeys, newKeys := occurrences(old), occurrences(new)
	before := map[string]T{}
	for i, r := range old {
		before[oldKeys[i]] = r
	}
	for i, r := range new {
		k := newKeys[i]
		if o, ok := before[k]; !ok {
			out = append(out, Change{Kind: Added, Key: k, Name: r.label()})
		} else if fc := diffFields(o.Fields(), r.Fields()); len(fc) > 0 {
			out = append(out, Change{Kind: Changed, Key: k, Name: r.label(), Fields: fc})
		}
		delete(before, k)
	}
	for i, r := range old {
		if _, gone := before[oldKeys[i]]; gone {
			out = append(out, Change{Kind: Removed, Key: oldKeys[i], Name: r.label()})
		}
	}
	return out
}

// occurrences keys each row by its key and, for a jurisdiction's later
// dated rows, by how many rows with that key came before it ("24005 #2"),
// so dated rows are compared with their counterparts, not with each other.
func occurrences[T keyedRow](rows []T) []string {
	seen := map[string]int{}
	keys := make([]string, len(rows))
	for i, r := range rows {
		k := r.key()
		seen[k]++
		if keys[i] = k; seen[k] > 1 {
			keys[i] = fmt.Sprintf("%s #%d", k, seen[k])
		}
	}
	return keys
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
