package app

import (
	"encoding/json"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"sanctuarymap/internal/i18n"
)

// In Spanish the window at 1366×768 still fits: its content asks for no
// more room than the screen has, and no text on the map's side panels,
// filters or legend runs past the window's right edge, at the states and
// the counties level, with King County's details open.
func TestSpanishFits(t *testing.T) {
	t.Cleanup(translate) // back to English once LANGUAGE is restored
	t.Setenv("LANGUAGE", "es")
	translate()
	if got := lang.L("Counties"); got != "Condados" {
		t.Fatalf("the window's words are not Spanish: %q", got)
	}
	b, err := i18n.Files.ReadFile("translations/es.json")
	if err != nil {
		t.Fatal(err)
	}
	whole := map[string]string{}
	if err := json.Unmarshal(b, &whole); err != nil {
		t.Fatal(err)
	}
	words := map[string]bool{} // texts that end in "…" by themselves
	for _, es := range whole {
		words[es] = true
	}
	u := newTestUI(t)
	// The first window's size, which a 1366×768 screen shows whole.
	u.win.Resize(fyne.NewSize(defaultWidth, defaultHeight))
	check := func(when string) {
		t.Helper()
		if m := u.win.Content().MinSize(); m.Width > defaultWidth || m.Height > defaultHeight {
			t.Errorf("%s: the window needs %v", when, m)
		}
		d := fyne.CurrentApp().Driver()
		for _, o := range test.LaidOutObjects(u.win.Content()) {
			txt, ok := o.(*canvas.Text)
			if !ok || !o.Visible() || txt.Text == "" {
				continue
			}
			if right := d.AbsolutePositionForObject(o).X + txt.MinSize().Width; right > defaultWidth+1 {
				t.Errorf("%s: %q runs to x=%.0f", when, txt.Text, right)
			}
			// Fyne cuts what does not fit its widget and ends it with "…"
			// (source links are cut to a length on purpose).
			link := strings.Contains(txt.Text, "/") && !strings.Contains(txt.Text, " ")
			if strings.HasSuffix(txt.Text, "…") && !words[txt.Text] && !link {
				t.Errorf("%s: %q is cut short", when, txt.Text)
			}
		}
	}
	if s := u.status.summary.Text; !strings.HasSuffix(s, "resueltas") {
		t.Fatalf("status line %q", s)
	}
	check("states")
	u.filters.level.SetSelected(lang.L("Counties"))
	u.filters.colorBy.SetSelected(lang.L("Both"))
	test.Type(u.search.entry, "King")
	check("search suggestions")
	u.Select("53033")
	check("King County")
	u.tabs.SelectIndex(2)
	check("the charts")
	if s := u.details.text.String(); !strings.Contains(s, "Demanda del DOJ") || !strings.Contains(s, "Verificado") || !strings.Contains(s, "están en inglés") {
		t.Errorf("King County's panel is not in Spanish:\n%s", s)
	}
}
