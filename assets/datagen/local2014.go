package datagen

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// The table of local detainer policies ICE kept in 2014, as the Center for
// Immigration Studies republished it; its latest entries are of September
// 2014, so it shows each policy in force at least until then.
const (
	cisMap      = "https://cis.org/Map-Sanctuary-Cities-Counties-and-States"
	listMonth   = "2014-09-01"
	listDetails = "ICE's table of jurisdictions with policies limiting detainers (current to about September 2014), as republished by the Center for Immigration Studies"
)

// Local2014 returns a jurisdiction row for each county and city on ICE's
// table of 2014 (local), from the month its policy was enacted, for the
// days no other fact covers. Each ends where a later fact ends it: the
// place's own researched rows (researched, with the jurisdictions file's
// header) or a rescission (events), a state law forbidding local
// limits (the state's first STATE_MANDATES row after it), or its own
// agency's 287(g) agreement (agreements). A place's later confirmation in
// events is its last_confirmed date; one restored after an end starts a
// new row. The table's state-wide rows (Colorado's jails, Rhode Island's
// and North Dakota's prisons) are no local facts and are left out.
func Local2014(header []string, researched [][]string, local, events, agreements []map[string]string) ([]map[string]string, error) {
	jur := map[string][]map[string]string{}
	for _, row := range researched {
		m := map[string]string{}
		for i, h := range header {
			m[h] = row[i]
		}
		jur[m["fips"]] = append(jur[m["fips"]], m)
	}
	own287g := map[string]string{}
	for _, a := range agreements {
		start := a["listed_from"]
		if a["signed"] != "" && a["signed"] < start {
			start = a["signed"]
		}
		if f := a["fips"]; f != "" && (own287g[f] == "" || start < own287g[f]) {
			own287g[f] = start
		}
	}
	byPlace := map[string][]map[string]string{}
	var order []string
	for _, r := range local {
		fips := r["place_fips"]
		if r["level"] == "county" || r["level"] == "county_equivalent" {
			fips = r["county_fips"]
		}
		if fips == "" {
			continue
		}
		if byPlace[fips] == nil {
			order = append(order, fips)
		}
		byPlace[fips] = append(byPlace[fips], r)
	}
	slices.Sort(order)
	evs := map[string][]map[string]string{}
	for _, e := range events {
		if byPlace[e["fips"]] == nil {
			return nil, fmt.Errorf("local2014_events.csv: %s %s is not on ICE's 2014 table", e["fips"], e["name"])
		}
		if _, err := time.Parse(time.DateOnly, e["date"]); err != nil || (e["event"] != "ended" && e["event"] != "confirmed") {
			return nil, fmt.Errorf("local2014_events.csv: %s: event %q on %q; want ended or confirmed on a date YYYY-MM-DD", e["fips"], e["event"], e["date"])
		}
		evs[e["fips"]] = append(evs[e["fips"]], e)
	}
	var out []map[string]string
	for _, fips := range order {
		rs := byPlace[fips]
		start := rs[0]["date_enacted_month"] + "-01"
		var policies []string
		for _, r := range rs {
			start = min(start, r["date_enacted_month"]+"-01")
			policies = append(policies, fmt.Sprintf("%s (enacted %s): %q", r["policy_as_printed"], r["date_enacted_as_printed"], r["criteria_as_printed"]))
		}
		// Where the place's own research or a state law or 287(g) takes
		// over, the table's fact ends.
		cut, why := "", ""
		later := func(date, reason string) {
			if date > start && (cut == "" || date < cut) {
				cut, why = date, reason
			}
		}
		covered := false
		for _, j := range jur[fips] {
			if j["effective"] == "" || j["effective"] <= start {
				covered = true
			}
			later(j["effective"], "its own researched row begins")
		}
		if covered {
			continue
		}
		st := fips[:2]
		for _, j := range jur[st] {
			if j["category"] == "STATE_MANDATES" {
				later(j["effective"], "state law forbids local limits: "+j["policy"])
			}
		}
		later(own287g[fips], "its own agency's 287(g) agreement begins")
		for _, p := range periods(start, evs[fips]) {
			if cut != "" && p.from >= cut {
				break
			}
			end, reason := p.to, p.why
			if cut != "" && (end == "" || cut < end) {
				end, reason = cut, why
			}
			out = append(out, localRow(fips, rs[0], p, end, reason, policies, jur[fips]))
		}
	}
	return out, nil
}

// period is a span in which the table's policy held: from its enactment,
// or from its restoration, to an end (empty: none known).
type period struct {
	from, to, why, confirmed string
	restored                 map[string]string
	sources                  []string
}

// periods splits a place's time from start by its events: an "ended"
// event closes the open period, a "confirmed" event dated later restores
// it (or, within a period, moves its last confirmation on).
func periods(start string, evs []map[string]string) []period {
	slices.SortStableFunc(evs, func(a, b map[string]string) int { return strings.Compare(a["date"], b["date"]) })
	out := []period{{from: start, confirmed: listMonth}}
	open := true
	for _, e := range evs {
		p := &out[len(out)-1]
		switch {
		case e["event"] == "ended" && open && e["date"] > p.from:
			p.to, p.why, open = e["date"], e["detail"], false
			p.sources = append(p.sources, splitSources(e["source"])...)
		case e["event"] == "confirmed" && open:
			if e["date"] > p.confirmed {
				p.confirmed = e["date"]
			}
			p.sources = append(p.sources, splitSources(e["source"])...)
		case e["event"] == "confirmed" && !open && e["date"] > p.to:
			out = append(out, period{from: e["date"], confirmed: e["date"], restored: e, sources: splitSources(e["source"])})
			open = true
		}
	}
	return out
}

func splitSources(s string) []string {
	var out []string
	for _, u := range strings.Split(s, ";") {
		if u = strings.TrimSpace(u); u != "" {
			out = append(out, u)
		}
	}
	return out
}

// localRow writes one period of a place on ICE's 2014 table as a
// jurisdictions row.
func localRow(fips string, r map[string]string, p period, end, why string, policies []string, own []map[string]string) map[string]string {
	level, name := "county", strings.TrimSuffix(strings.TrimSuffix(r["census_name"], " city"), " CDP")
	switch {
	case r["level"] == "county_equivalent":
		name = "District of Columbia"
	case r["level"] == "city":
		level = "city"
	case r["state"] == "LA":
		name += " Parish"
	default:
		name += " County"
	}
	if len(own) > 0 {
		name = own[0]["name"] // one name for one place
	}
	policy := "Detainer policy on " + listDetails + ": " + strings.Join(policies, "; ")
	notes := fmt.Sprintf("From the month of enactment ICE's table gives (day unknown); the table shows the policy in force to about %s.", listMonth[:7])
	sources := []string{cisMap}
	verification := "secondary"
	if p.restored != nil {
		policy = "Limit on detainers restored: " + p.restored["detail"]
		notes = "Restored after the 2014 policy had ended (see the earlier row)."
		verification = p.restored["verification"]
	}
	sources = append(sources, p.sources...)
	if end != "" {
		notes += " Ends " + end + ": " + why
	}
	confirmed := p.confirmed
	if end != "" && confirmed > end {
		confirmed = end
	}
	confirmed = max(confirmed, p.from)
	return map[string]string{
		"fips": fips, "name": name, "state": r["state"], "level": level, "category": "LOCAL_LIMITS_DETAINERS",
		"policy": policy, "effective": p.from, "ended": end, "as_of": "2026-12-06", "lat": r["lat"], "lon": r["lon"],
		"source": strings.Join(slices.Compact(sources), "; "), "verification": verification, "notes": notes,
		"last_confirmed": confirmed,
	}
}
