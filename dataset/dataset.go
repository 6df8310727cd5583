package dataset

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// Dataset is the jurisdictions and lawsuits read from one or more files.
type Dataset struct {
	Jurisdictions []*Jurisdiction
	Lawsuits      []*Lawsuit
	Files         []string
	// Digest is the SHA-256 of the files' contents, in load order.
	Digest string

	byFIPS map[string]*Jurisdiction
	suits  map[string][]*Lawsuit
}

func (d *Dataset) index() {
	d.byFIPS = make(map[string]*Jurisdiction, len(d.Jurisdictions))
	for _, j := range d.Jurisdictions {
		d.byFIPS[j.FIPS] = j
	}
	d.suits = map[string][]*Lawsuit{}
	for _, s := range d.Lawsuits {
		for _, f := range s.Defendants {
			d.suits[f] = append(d.suits[f], s)
		}
	}
}

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

// Cities returns the city rows.
func (d *Dataset) Cities() []*Jurisdiction {
	var out []*Jurisdiction
	for _, j := range d.Jurisdictions {
		if j.Level == City {
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

// SuitState summarises a jurisdiction's lawsuits for the map.
type SuitState int

const (
	NoSuit SuitState = iota
	SuitResolved
	SuitPending
)

func (s SuitState) String() string {
	return [...]string{"no DOJ suit", "DOJ suit resolved", "DOJ suit pending"}[s]
}

// SuitState is pending if any suit naming fips is pending, resolved if
// there are suits and none is pending.
func (d *Dataset) SuitState(fips string) SuitState {
	st := NoSuit
	for _, s := range d.Suits(fips) {
		if s.Status.IsPending() {
			return SuitPending
		}
		st = SuitResolved
	}
	return st
}

// At returns the landscape on date: suits not yet filed are gone, suits
// resolved after date are pending again, and policies that took effect
// after date show as no known policy. Rows without an effective date are
// kept as they are, since the date they began is not known.
func (d *Dataset) At(date time.Time) *Dataset {
	out := &Dataset{Files: d.Files, Digest: d.Digest}
	for _, j := range d.Jurisdictions {
		if !j.Effective.IsZero() && j.Effective.After(date) {
			c := *j
			c.Category = NoKnownPolicy
			c.Policy = ""
			out.Jurisdictions = append(out.Jurisdictions, &c)
			continue
		}
		out.Jurisdictions = append(out.Jurisdictions, j)
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
	out.index()
	return out
}
