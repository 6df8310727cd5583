package dataset

import (
	"fmt"
	"strings"
)

// JoinReport says how a dataset's rows meet the boundaries.
type JoinReport struct {
	// Unmatched lists state and county rows whose FIPS code matches no
	// boundary, as FILE:LINE messages with a hint where one is known.
	Unmatched []string
	// UnknownDefendants lists defendant codes with no jurisdiction row.
	UnknownDefendants []string
	// WithoutRow counts boundaries with no row of their own
	// (informational: they show their state's policy).
	WithoutRow int
}

// Join matches state and county rows against boundary codes: has reports
// whether a boundary with that FIPS code exists; all lists every boundary code.
func Join(d *Dataset, has func(fips string) bool, all []string) JoinReport {
	var r JoinReport
	for _, j := range d.Jurisdictions {
		if j.Level == City || has(j.FIPS) {
			continue
		}
		msg := fmt.Sprintf("%s:%d: fips %s (%s) matches no boundary", j.File, j.Line, j.FIPS, j.Name)
		if strings.HasPrefix(j.FIPS, "09") && j.FIPS >= "09001" && j.FIPS <= "09015" {
			msg += "; Connecticut's eight counties were replaced by nine planning regions (09110–09190) in 2022"
		}
		if j.FIPS == "02261" {
			msg += "; Valdez-Cordova was split into Chugach (02063) and Copper River (02066) in 2019"
		}
		r.Unmatched = append(r.Unmatched, msg)
	}
	seen := map[string]bool{}
	for _, s := range d.Lawsuits {
		for _, f := range s.Defendants {
			if d.Jurisdiction(f) == nil && !seen[f] {
				seen[f] = true
				r.UnknownDefendants = append(r.UnknownDefendants, fmt.Sprintf("%s:%d: defendant %s of %s has no jurisdiction row", s.File, s.Line, f, s.CaseID))
			}
		}
	}
	for _, f := range all {
		if d.Jurisdiction(f) == nil {
			r.WithoutRow++
		}
	}
	return r
}
