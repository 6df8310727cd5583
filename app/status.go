package app

import (
	"fyne.io/fyne/v2/lang"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"sanctuarymap/internal/i18n"

	"fmt"
	"path/filepath"
	"strings"
	"time"

	"sanctuarymap/geo"
	"sanctuarymap/internal/view"
)

// statusBar is the line under the map: what it shows, the outcome of the
// last load or export, a load's progress and the "What changed" button.
type statusBar struct {
	summary  *widget.Label // what the map shows
	message  *widget.Label // the outcome of the last load or export
	changes  *widget.Button
	progress *widget.ProgressBarInfinite
	box      fyne.CanvasObject
}

func newStatusBar(showChanges func()) *statusBar {
	s := &statusBar{summary: widget.NewLabel(""), message: widget.NewLabel(""),
		changes: widget.NewButton(lang.L("What changed"), showChanges), progress: widget.NewProgressBarInfinite()}
	s.summary.Truncation = fyne.TextTruncateEllipsis
	s.changes.Hide()
	s.progress.Stop()
	s.progress.Hide()
	s.box = container.NewBorder(nil, nil, nil, container.NewHBox(s.message, s.progress, s.changes), s.summary)
	return s
}

// summary is the status line's account of what the map shows: which
// data, as of when, on which day, how many places have facts of their own,
// and the DOJ suits standing that day. source names the data; today is
// the day of a view of the facts as loaded.
func summary(v *view.View, source string, today time.Time, l i18n.Lang) string {
	c := v.Counts()
	own := c.Basis[view.StaleFacts].Regions // own facts, however old
	for _, n := range c.Category {
		own += n.Regions
	}
	day := v.Date
	if day.IsZero() {
		day = today
	}
	pending, resolved := 0, 0
	for _, s := range v.Data.Lawsuits {
		if s.Status.IsPending() {
			pending++
		} else {
			resolved++
		}
	}
	parts := []string{
		fmt.Sprintf(lang.L("%s (facts checked to %s)"), source, l.Date(v.Data.AsOf())),
		fmt.Sprintf(lang.L("map of %s"), l.Date(day)),
		fmt.Sprintf(lang.L("%d %s (%d with facts of their own), %d cities and towns"), len(v.Regions), lang.L(levelName(v.Level, len(v.Regions))), own, len(v.Cities)),
		fmt.Sprintf(lang.L("DOJ suits: %d pending, %d resolved"), pending, resolved),
	}
	if h := c.Hidden.Regions + c.Hidden.Cities; h > 0 {
		parts = append(parts, fmt.Sprintf(lang.L("%d faded by filters"), h))
	}
	return strings.Join(parts, " · ")
}

// levelNames name the regions of each level; the states layer holds DC
// and Puerto Rico too.
var levelNames = map[geo.Level][2]string{geo.States: {"state or territory", "states and territories"}, geo.Counties: {"county", "counties"}, geo.Tracts: {"tract", "tracts"}}

// levelName names n regions of level l.
func levelName(l geo.Level, n int) string {
	if n == 1 {
		return levelNames[l][0]
	}
	return levelNames[l][1]
}

// dataName names the data shown for the status line: the user's files,
// and the embedded data they are laid over.
func (u *UI) dataName() string {
	var files []string
	embedded := false
	for _, s := range u.sess.Shown.Sources {
		if s.Path == "" {
			embedded = true
		} else {
			files = append(files, filepath.Base(s.Path))
		}
	}
	switch {
	case len(files) == 0:
		return lang.L("Embedded dataset")
	case embedded:
		return fmt.Sprintf(lang.L("%s over embedded data"), strings.Join(files, ", "))
	}
	return strings.Join(files, ", ")
}
