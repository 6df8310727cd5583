package app

import (
	"bytes"
	"image/color"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/export"
	"sanctuarymap/internal/session"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/synth"
	"sanctuarymap/internal/view"
)

func TestSearchSelectsAndCentres(t *testing.T) {
	u := newTestUI(t)
	u.win.Resize(fyne.NewSize(1200, 800))
	frame(t, u)
	test.Type(u.search.entry, "henne")
	if len(u.search.found) != 4 || u.search.found[0].FIPS != "27053" || !u.search.box.Visible() {
		t.Fatalf("suggestions %v (visible %v)", u.search.found, u.search.box.Visible())
	}
	u.search.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if u.selected != "27053" {
		t.Fatalf("selected %q, want Hennepin County 27053", u.selected)
	}
	if u.filters.level.Selected != "Counties" {
		t.Errorf("level %q: a county result shows counties", u.filters.level.Selected)
	}
	if vp := u.mapView.Viewport(); vp.Zoom <= 1 {
		t.Errorf("zoom %v: the map should zoom to the county", vp.Zoom)
	}
	if !strings.Contains(u.details.text.String(), "Sheriff's Office written decision") || !strings.Contains(u.details.text.String(), "LOCAL_LIMITS_DETAINERS") {
		t.Errorf("detail:\n%s", u.details.text.String())
	}
	if u.search.box.Visible() {
		t.Error("suggestions still shown after choosing one")
	}
}

func TestLegendIsolatesCategory(t *testing.T) {
	u := newTestUI(t)
	item := func(c dataset.Category) *legendItem {
		for _, o := range u.legend.Objects {
			if it := o.(*legendItem); it.entry.Category == c {
				return it
			}
		}
		t.Fatalf("no legend item for %s", c)
		return nil
	}
	test.Tap(item(dataset.StateMandates))
	if u.filter.Category != dataset.StateMandates {
		t.Fatalf("filter %+v", u.filter)
	}
	mandating := 0
	for _, rs := range [][]view.Region{u.view.Regions, u.view.Cities} {
		for _, r := range rs {
			if r.Category == dataset.StateMandates {
				mandating++
			}
		}
	}
	if n := len(u.table.rows); n != mandating || n < 25 {
		t.Errorf("table has %d rows, want the %d states and cities shown as mandating", n, mandating)
	}
	if !item(dataset.StateMandates).isolated || !item(dataset.StateLimits).dimmed {
		t.Error("legend does not show the isolation")
	}
	if o := u.mapView.Options(); o.View.Filter.Category != dataset.StateMandates {
		t.Errorf("map filter %+v", o.View.Filter)
	}
	test.Tap(item(dataset.StateMandates))
	if u.filter.Category != "" || len(u.table.rows) != len(u.view.Regions)+len(u.view.Cities) {
		t.Errorf("second tap: filter %+v, %d rows", u.filter, len(u.table.rows))
	}
}

func TestFilters(t *testing.T) {
	u := newTestUI(t)
	u.filters.suits.SetSelected("Suit pending")
	for _, r := range u.table.rows {
		if u.view.Region(r.fips).Suit != dataset.SuitPending {
			t.Errorf("%s %s shown with suit filter pending", r.fips, r.cols[0])
		}
	}
	if len(u.table.rows) == 0 {
		t.Error("no rows with a pending suit")
	}
	u.filters.suits.SetSelected("All suits")
	// The DOJ list as it stands: 13 states and DC less Nevada (removed
	// 2025-09-26), and 18 cities; its counties are not on the states map.
	u.filters.lists.SetSelected("On the DOJ list")
	if n := len(u.table.rows); n != 30 {
		t.Errorf("DOJ list: %d rows, want 30", n)
	}
	u.filters.lists.SetSelected(listChoices[0])
	// Before any suit was filed nothing is pending or resolved.
	u.SetAsOf(time.Date(2017, 6, 1, 0, 0, 0, 0, time.UTC))
	if n := len(u.view.Data.Lawsuits); n != 0 {
		t.Errorf("2017-06-01: %d suits", n)
	}
	if d := u.mapView.Options().View.Date; d.Format(time.DateOnly) != "2017-06-01" {
		t.Errorf("map as-of %v", d)
	}
}

func TestDetailMarkup(t *testing.T) {
	u := newTestUI(t)
	u.filters.level.SetSelected("Counties")
	u.Select("53033") // King County: a county row with a resolved suit
	test.AssertObjectRendersToMarkup(t, "detail_king_county.xml", u.details.text)
	u.Select("06003") // Alpine: no row, shows California's policy and suits
	test.AssertObjectRendersToMarkup(t, "detail_alpine_inherited.xml", u.details.text)
	u.Select("1245000") // Miami: its police's 287(g) task-force agreement
	test.AssertObjectRendersToMarkup(t, "detail_miami_287g.xml", u.details.text)
	// On 2018-08-01 King County's own ordinance shows, its suit not yet filed.
	u.SetAsOf(time.Date(2018, 8, 1, 0, 0, 0, 0, time.UTC))
	u.Select("53033")
	test.AssertObjectRendersToMarkup(t, "detail_king_county_2018.xml", u.details.text)
}

// loadAndWait runs f, which starts a load or leads to one, and runs the
// published results until a load newer than f has landed.
func loadAndWait(t *testing.T, u *UI, f func()) {
	t.Helper()
	gen := u.sess.Gen()
	f()
	drainUntil(t, u, func() bool { return u.sess.Gen() > gen && !u.sess.Busy() })
}

func TestReloadKeepsDataOnErrorAndUndo(t *testing.T) {
	u := newTestUI(t)
	embedded := u.sess.Shown.Data
	path := filepath.Join(t.TempDir(), "jurisdictions.csv")
	edited := colorado(string(assets.Jurisdictions), "NO_KNOWN_POLICY")
	if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	loadAndWait(t, u, func() { u.OpenFiles([]string{path}) })
	if u.sess.Shown.Data == embedded || u.sess.Shown.Data.Jurisdiction("08").Category != dataset.NoKnownPolicy {
		t.Fatalf("not loaded: status %q", u.status.message.Text)
	}
	if got := u.status.message.Text; got != "Loaded jurisdictions.csv: 1 changed, 0 added, 0 removed" {
		t.Errorf("status %q", got)
	}
	if !u.mapView.Options().Changed["08"] {
		t.Error("Colorado is not highlighted as changed")
	}
	if len(u.sess.Shown.Data.Lawsuits) != len(embedded.Lawsuits) {
		t.Error("the embedded lawsuits were not kept beside the new jurisdictions file")
	}
	if got := u.app.Preferences().StringList(prefRecent); len(got) != 1 || got[0] != path {
		t.Errorf("recent files %v", got)
	}

	loaded := u.sess.Shown.Data
	if err := os.WriteFile(path, []byte("fips,name\n\"broken"), 0o644); err != nil {
		t.Fatal(err)
	}
	loadAndWait(t, u, u.Reload)
	if u.sess.Shown.Data != loaded {
		t.Error("a failed reload replaced the data")
	}
	if !strings.HasPrefix(u.status.message.Text, "Load failed: 1 problem") {
		t.Errorf("status %q", u.status.message.Text)
	}

	u.Undo()
	if u.sess.Shown.Data != embedded {
		t.Error("undo did not bring back the embedded data")
	}
	u.Undo()
	if u.status.message.Text != "Nothing to undo" {
		t.Errorf("status %q", u.status.message.Text)
	}
}

func TestExportWritesPNG(t *testing.T) {
	u := newTestUI(t)
	path := filepath.Join(t.TempDir(), "map.png")
	done := make(chan error, 1)
	u.Export(path, 320, 200, true, func(err error) { done <- err })
	if err := await(t, u, done); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		t.Errorf("export file: %v", err)
	}
	if u.status.message.Text != "Exported "+path {
		t.Errorf("status %q", u.status.message.Text)
	}
	// By its extension, one web page of the day shown, fetching nothing.
	page := filepath.Join(t.TempDir(), "map.html")
	u.Export(page, 320, 200, true, func(err error) { done <- err })
	if err := await(t, u, done); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(page); err != nil || !bytes.HasPrefix(b, []byte("<!DOCTYPE html>")) || !bytes.Contains(b, []byte(`content="default-src 'none';`)) {
		t.Errorf("web page: %v, %.100q", err, b)
	}
	// An unwritable place: an error, and the status says so.
	u.Export("/nonexistent-dir/map.png", 320, 200, true, func(err error) { done <- err })
	if err := await(t, u, done); err == nil || err.Error() != "cannot write /nonexistent-dir/map.png: no such file or directory" {
		t.Errorf("unwritable: %v", err)
	}
}

// watched loads a copy of the embedded jurisdictions from a file and
// watches it, polling every 10 ms; it returns the file's path.
func watched(t *testing.T, u *UI) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "jurisdictions.csv")
	if err := os.WriteFile(path, assets.Jurisdictions, 0o644); err != nil {
		t.Fatal(err)
	}
	loadAndWait(t, u, func() { u.OpenFiles([]string{path}) })
	u.startWatching(10 * time.Millisecond)
	t.Cleanup(func() { close(u.watch.stop) })
	u.watched()
	return path
}

// An editor that saves by writing a new file and renaming it over the old
// one still triggers a reload.
func TestWatchReloadsOnRenameReplace(t *testing.T) {
	u := newTestUI(t)
	path := watched(t, u)
	dir := filepath.Dir(path)
	edited := lastRow(string(assets.Jurisdictions), "Texas,TX,state,STATE_MANDATES", "Texas,TX,state,NO_KNOWN_POLICY")
	tmp := filepath.Join(dir, ".jurisdictions.csv.swp")
	if err := os.WriteFile(tmp, []byte(edited+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	loadAndWait(t, u, func() {
		if err := os.Rename(tmp, path); err != nil {
			t.Fatal(err)
		}
	})
	if c := u.sess.Shown.Data.Jurisdiction("48").Category; c != dataset.NoKnownPolicy {
		t.Errorf("Texas after the save: %s", c)
	}
	if !strings.HasPrefix(u.status.message.Text, "Reloaded: 1 changed") {
		t.Errorf("status %q", u.status.message.Text)
	}
}

func TestChartsFollowFiltersAndExport(t *testing.T) {
	u := newTestUI(t)
	wait := func() {
		t.Helper()
		chartShown(t, u)
	}
	// Hidden, the chart is only marked stale; showing its tab draws it.
	u.charts.kind.SetSelected("Lawsuit timeline")
	if !u.charts.stale {
		t.Error("the chart was drawn while its tab was hidden")
	}
	u.tabs.SelectIndex(2)
	wait()
	if !u.charts.img.Visible() || u.charts.img.image == nil {
		t.Fatalf("timeline not shown (err %q)", u.charts.err.Text)
	}
	// Before any suit was filed the timeline has nothing to show.
	u.SetAsOf(time.Date(2017, 6, 1, 0, 0, 0, 0, time.UTC))
	wait()
	if u.charts.img.Visible() || u.charts.err.Text != "No chart: no lawsuits to chart" {
		t.Errorf("2017 timeline: err %q", u.charts.err.Text)
	}
	u.SetAsOf(u.today)
	wait()

	done := make(chan error, 1)
	path := filepath.Join(t.TempDir(), "chart.svg")
	u.ExportChart(path, 800, 500, 96, func(err error) { done <- err })
	if err := await(t, u, done); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), "<svg") {
		t.Error("chart.svg is not an SVG")
	}
}

// Text from data is shown as written: no markup, and only http(s) sources
// become links, opened only when clicked.
func TestDetailIsPlainText(t *testing.T) {
	segs := links([]string{"javascript:alert(1)", "file:///etc/passwd", "https://example.org/a"})
	if _, ok := segs[0].(*widget.TextSegment); !ok {
		t.Errorf("javascript: source became %T", segs[0])
	}
	if _, ok := segs[1].(*widget.TextSegment); !ok {
		t.Errorf("file: source became %T", segs[1])
	}
	if l, ok := segs[2].(*widget.HyperlinkSegment); !ok || l.URL.String() != "https://example.org/a" {
		t.Errorf("https source became %#v", segs[2])
	}
	j := strings.Replace(string(assets.Jurisdictions), "No statewide statute", "**bold** [click](https://evil.example) <b>x</b>", 1)
	d, err := dataset.Load(dataset.File{Name: "j.csv", Data: []byte(j)})
	if err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t)
	v := view.Resolve(d, u.sess.Shown.Bounds.States, time.Time{}, dataset.Filter{})
	for _, s := range detailSegments(v, "02") {
		if l, ok := s.(*widget.HyperlinkSegment); ok && strings.Contains(l.URL.Host, "evil") {
			t.Error("a link was made from text in the notes")
		}
	}
	rt := widget.NewRichText(detailSegments(v, "02")...)
	if !strings.Contains(rt.String(), "**bold** [click](https://evil.example) <b>x</b>") {
		t.Errorf("notes not shown literally:\n%s", rt.String())
	}
}

// The watcher survives the file being deleted and written again.
func TestWatchSurvivesDeletion(t *testing.T) {
	u := newTestUI(t)
	path := watched(t, u)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	edited := lastRow(string(assets.Jurisdictions), "Utah,UT,state,STATE_MANDATES", "Utah,UT,state,NO_KNOWN_POLICY")
	loadAndWait(t, u, func() {
		if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
	})
	if c := u.sess.Shown.Data.Jurisdiction("49").Category; c != dataset.NoKnownPolicy {
		t.Errorf("Utah after re-creation: %s (status %q)", c, u.status.message.Text)
	}
}

func TestAbout(t *testing.T) {
	u := newTestUI(t)
	rt := widget.NewRichText(u.aboutSegments()...)
	for _, want := range []string{"test", "as of 2026-12-06", "478 rows for 298 jurisdictions and 23 lawsuits", u.sess.Shown.Data.Digest, "ISC licence", "US Census Bureau 2023"} {
		if !strings.Contains(rt.String(), want) {
			t.Errorf("About lacks %q:\n%s", want, rt.String())
		}
	}
}

// Level and colouring come back from the last session.
func TestRestoresChoices(t *testing.T) {
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLevel, "Counties")
	a.Preferences().SetString(prefColorBy, "Both")
	u := newTestUIOn(t, a)
	if u.filters.level.Selected != "Counties" || u.filters.colorBy.Selected != "Both" {
		t.Errorf("level %q, colour %q", u.filters.level.Selected, u.filters.colorBy.Selected)
	}
	if o := u.mapView.Options(); o.View.Level != geo.Counties || o.ColorBy != style.ByBoth {
		t.Errorf("map options %+v", o)
	}
}

// Rapid successive saves end with the last one shown.
func TestWatchRapidWrites(t *testing.T) {
	u := newTestUI(t)
	path := watched(t, u)
	// The last value appears only once, so seeing it means the last save won.
	cats := []string{"NO_KNOWN_POLICY", "STATE_MANDATES", "STATE_LIMITS", "NO_KNOWN_POLICY", "COOPERATES_PRACTICE"}
	for i, c := range cats {
		edited := lastRow(string(assets.Jurisdictions), "Vermont,VT,state,STATE_LIMITS", "Vermont,VT,state,"+c)
		// Sizes differ each time, so even writes within one clock tick are seen.
		if err := os.WriteFile(path, []byte(edited+strings.Repeat("\n", i+1)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	drainUntil(t, u, func() bool { return u.sess.Shown.Data.Jurisdiction("50").Category == dataset.CooperatesPractice })
}

// A tract file adds the Tracts level; undoing it takes the level away.
func TestTractBoundaries(t *testing.T) {
	u := newTestUI(t)
	path := filepath.Join(t.TempDir(), "tracts.geojson")
	if err := os.WriteFile(path, synth.Tracts(200, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	loadAndWait(t, u, func() { u.OpenFiles([]string{path}) })
	if !slices.Contains(u.filters.level.Options, "Tracts") || u.sess.Shown.Bounds.Tracts == nil {
		t.Fatalf("level options %v (status %q)", u.filters.level.Options, u.status.message.Text)
	}
	u.filters.level.SetSelected("Tracts")
	if u.mapView.Options().View.Level != geo.Tracts {
		t.Errorf("map level %v", u.mapView.Options().View.Level)
	}
	u.Undo()
	if slices.Contains(u.filters.level.Options, "Tracts") || u.filters.level.Selected != "States" {
		t.Errorf("after undo: options %v, selected %q", u.filters.level.Options, u.filters.level.Selected)
	}
}

// File → Export data writes what the map shows, as `sanctuarymap table`.
func TestExportData(t *testing.T) {
	u := newTestUI(t)
	u.filters.level.SetSelected("Counties")
	path := filepath.Join(t.TempDir(), "view.csv")
	done := make(chan error, 1)
	u.ExportData(path, func(err error) { done <- err })
	if err := await(t, u, done); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := export.Table(&want, u.view, nil); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) || !strings.Contains(string(got), "\n06003,Alpine,CA,county,STATE_LIMITS,yes,06,pending,yes,") {
		t.Errorf("export differs from the table of the view shown:\n%.300s", got)
	}
}

// edited writes the embedded jurisdictions with Colorado's category set to
// cat into a file of dir, and returns its path.
func edited(t *testing.T, dir, cat string) string {
	t.Helper()
	path := filepath.Join(dir, "jurisdictions.csv")
	text := colorado(string(assets.Jurisdictions), cat)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// "Embedded data" then Undo brings back the user's
// files whole: data, sources for the footer, the watcher and Reload.
func TestUndoEmbeddedRestoresSources(t *testing.T) {
	u := newTestUI(t)
	path := edited(t, t.TempDir(), "NO_KNOWN_POLICY")
	loadAndWait(t, u, func() { u.OpenFiles([]string{path}) })
	loadAndWait(t, u, u.useEmbedded)
	// The user's file, not the embedded one, is among the sources.
	users := func() bool {
		l := u.sourceLabel()
		return strings.Contains(l, "jurisdictions.csv") && !strings.Contains(l, "embedded jurisdictions.csv")
	}
	if u.sess.Shown.Data.Jurisdiction("08").Category != dataset.StateLimits || users() {
		t.Fatalf("embedded: Colorado %s, sources %q", u.sess.Shown.Data.Jurisdiction("08").Category, u.sourceLabel())
	}
	u.Undo()
	if u.sess.Shown.Data.Jurisdiction("08").Category != dataset.NoKnownPolicy || !users() {
		t.Fatalf("after undo: Colorado %s, sources %q", u.sess.Shown.Data.Jurisdiction("08").Category, u.sourceLabel())
	}
	loadAndWait(t, u, u.Reload)
	if u.sess.Shown.Data.Jurisdiction("08").Category != dataset.NoKnownPolicy || !users() {
		t.Errorf("reload after undo: Colorado %s, sources %q", u.sess.Shown.Data.Jurisdiction("08").Category, u.sourceLabel())
	}
}

// A file opened while another still loads keeps both.
func TestSecondOpenKeepsFirst(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	jur := edited(t, dir, "NO_KNOWN_POLICY")
	suits := filepath.Join(dir, "lawsuits.csv")
	if err := os.WriteFile(suits, assets.Lawsuits, 0o644); err != nil {
		t.Fatal(err)
	}
	// The first load's result waits in the queue while the second starts.
	loadAndWait(t, u, func() {
		u.OpenFiles([]string{jur})
		u.OpenFiles([]string{suits})
	})
	if u.sess.Shown.Data.Jurisdiction("08").Category != dataset.NoKnownPolicy {
		t.Errorf("the first file was lost: Colorado %s", u.sess.Shown.Data.Jurisdiction("08").Category)
	}
	if got := u.sourceLabel(); !strings.Contains(got, "jurisdictions.csv") || !strings.Contains(got, "lawsuits.csv") || strings.Contains(got, "embedded lawsuits") {
		t.Errorf("sources %q", got)
	}
}

// Reloads reuse an unchanged boundary file, and the
// undo stack stays bounded however often a watched file is saved.
func TestReloadReusesBoundariesAndBoundsUndo(t *testing.T) {
	u := newTestUI(t)
	path := filepath.Join(t.TempDir(), "tracts.geojson")
	if err := os.WriteFile(path, synth.Tracts(200, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	loadAndWait(t, u, func() { u.OpenFiles([]string{path}) })
	first := u.sess.Shown.Bounds.Tracts
	for range session.MaxUndo + 3 {
		loadAndWait(t, u, u.Reload)
	}
	if u.sess.Shown.Bounds.Tracts != first {
		t.Error("an unchanged tract file was parsed again")
	}
	if n := u.sess.CanUndo(); n != session.MaxUndo {
		t.Errorf("%d undo steps, want %d", n, session.MaxUndo)
	}
}

// A light/dark switch recolours the legend's text.
func TestLegendFollowsTheme(t *testing.T) {
	u := newTestUI(t)
	it := u.legend.Objects[0].(*legendItem)
	text := test.WidgetRenderer(it).(*legendRenderer).text
	for _, variant := range []fyne.ThemeVariant{theme.VariantDark, theme.VariantLight} {
		u.app.Settings().SetTheme(forcedVariant{theme.DefaultTheme(), variant})
		if want := theme.DefaultTheme().Color(theme.ColorNameForeground, variant); text.Color != want {
			t.Errorf("legend text %v, want %v", text.Color, want)
		}
	}
}

// forcedVariant is the default theme in one variant, whatever the
// settings say.
type forcedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (f forcedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return f.Theme.Color(n, f.variant)
}

// colorado sets the category of Colorado's latest row, the one the
// dataset as loaded shows, in the jurisdictions file text.
func colorado(text, cat string) string {
	return lastRow(text, "Colorado,CO,state,STATE_LIMITS", "Colorado,CO,state,"+cat)
}

// lastRow replaces the last occurrence of old in text: a place's latest
// period.
func lastRow(text, old, new string) string {
	i := strings.LastIndex(text, old)
	return text[:i] + new + text[i+len(old):]
}

// The window's Open takes every kind of file: good ones load beside the
// rest, bad ones leave what is shown and say why, naming the file.
func TestOpenEveryKind(t *testing.T) {
	u := newTestUI(t)
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, c := range []struct {
		name, content, status string
	}{
		{"agreements.csv", "fips,state,county_fips,agency,agency_level,model,signed,listed_from,listed_to,as_of,source,verification\n48301,TX,48301,Loving County Sheriff's Office,county,Task Force Model,2025-01-01,2025-01-01,,2026-05-18,https://x.org,confirmed\n", "Loaded agreements.csv: "},
		{"designations.csv", "fips,name,state,list,listed_from,removed_on,as_of,source,verification\n06,Texas,CA,doj-2025,2025-08-05,,2026-12-01,https://x.org,confirmed\n", "Loaded designations.csv: 0 changed, 0 added, 0 removed; 1 warning(s)"},
		{"bad-list.csv", "fips,name,state,list,listed_from,removed_on,as_of,source,verification\n06,California,CA,foo-2030,2025-08-05,,2026-12-01,https://x.org,confirmed\n", "Load failed: 1 problem(s)"},
		{"nul.csv", "fips,name,state,level,category,policy,as_of,source,verification\n\x00", "Load failed: 1 problem(s)"},
		{"agencies.xlsx", "PK\x03\x04 no more", "Load failed: 1 problem(s)"},
		{"nested.geojson", `{"type":"FeatureCollection","features":[` + strings.Repeat("[", 100000) + "]}", "Load failed: 1 problem(s)"},
		{"one.topojson", `{"type":"Topology","objects":{},"arcs":[]}`, "Load failed: 1 problem(s)"},
	} {
		before := u.sess.Shown.Data
		p := write(c.name, c.content)
		loadAndWait(t, u, func() { u.OpenFiles([]string{p}) })
		got := u.status.message.Text
		if !strings.HasPrefix(got, c.status) {
			t.Errorf("%s: status %q, want %q…", c.name, got, c.status)
		}
		if failed := strings.HasPrefix(got, "Load failed"); failed != (u.sess.Shown.Data == before) {
			t.Errorf("%s: the data shown changed %v, the load failed %v", c.name, u.sess.Shown.Data != before, failed)
		}
	}
	want := []string{"embedded:jurisdictions.csv", "embedded:lawsuits.csv", filepath.Join(dir, "agreements.csv"), filepath.Join(dir, "designations.csv")}
	if !slices.Equal(u.sess.Shown.Data.Files, want) || len(u.sess.Shown.Data.Agreements) != 1 {
		t.Errorf("files %v, %d agreements; want %v and 1", u.sess.Shown.Data.Files, len(u.sess.Shown.Data.Agreements), want)
	}
}

// From Cook County the arrow keys move the selection to its neighbours
// and back, the details following; Enter opens them, Escape returns to the
// map and then clears the selection.
func TestMapByKeyboard(t *testing.T) {
	u := newTestUI(t)
	u.filters.level.SetSelected("Counties")
	u.win.Canvas().Focus(u.mapView)
	u.Select("17031")
	key := func(k fyne.KeyName) { u.mapView.TypedKey(&fyne.KeyEvent{Name: k}) }
	for _, c := range []struct {
		there, back fyne.KeyName
		want        string
	}{{fyne.KeyLeft, fyne.KeyRight, "17043"}, {fyne.KeyUp, fyne.KeyDown, "17097"}, {fyne.KeyRight, fyne.KeyLeft, "18089"}, {fyne.KeyDown, fyne.KeyUp, "17197"}} {
		key(c.there)
		if u.selected != c.want || !strings.Contains(u.details.text.String(), c.want) {
			t.Errorf("%s from Cook: %s, want %s", c.there, u.selected, c.want)
		}
		key(c.back)
		if u.selected != "17031" {
			t.Errorf("%s back: %s, want Cook", c.back, u.selected)
		}
	}
	u.tabs.SelectIndex(1)
	key(fyne.KeyReturn)
	if u.tabs.SelectedIndex() != 0 {
		t.Errorf("Enter: tab %d, want the details", u.tabs.SelectedIndex())
	}
	// The driver gives a key to the focused widget alone.
	for _, e := range []*escEntry{u.search.entry, u.table.filter} {
		u.win.Canvas().Focus(e)
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if u.win.Canvas().Focused() != u.mapView || u.selected != "17031" {
			t.Errorf("Escape: focus %v, selected %s", u.win.Canvas().Focused(), u.selected)
		}
	}
	key(fyne.KeyEscape)
	if u.selected != "" {
		t.Errorf("Escape on the map: selected %s", u.selected)
	}
}
