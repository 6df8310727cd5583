package app

import (
	"testing"
	"time"
)

// The status line says what the map shows, and follows the level, the
// date and the filters.
func TestStatusSummary(t *testing.T) {
	u := newTestUI(t)
	for _, step := range []struct {
		do   func()
		want string
	}{
		{func() {}, "Embedded dataset (facts checked to 2026-12-06) · map of 2026-11-29 · 52 states and territories (51 with facts of their own), 628 cities and towns · DOJ suits: 15 pending, 8 resolved"},
		{func() {
			u.filters.level.SetSelected("Counties")
			u.SetAsOf(time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
		}, "Embedded dataset (facts checked to 2026-12-06) · map of 2025-06-01 · 3222 counties (368 with facts of their own), 198 cities and towns · DOJ suits: 5 pending, 4 resolved"},
		{func() { u.filters.suits.SetSelected("Suit pending") }, "Embedded dataset (facts checked to 2026-12-06) · map of 2025-06-01 · 3222 counties (368 with facts of their own), 198 cities and towns · DOJ suits: 5 pending, 4 resolved · 3181 faded by filters"},
	} {
		step.do()
		if u.status.summary.Text != step.want {
			t.Errorf("status line\n%s\nwant\n%s", u.status.summary.Text, step.want)
		}
	}
}
