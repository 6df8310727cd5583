// Package app is the desktop window: the map, its controls, the legend,
// the detail panel and the table. It is the only package besides main that
// imports Fyne.
package app

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/i18n"
	"sanctuarymap/internal/places"
	"sanctuarymap/internal/render"
	"sanctuarymap/internal/session"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/view"
)

// languageMenu offers the window's languages: the system's, English or
// Spanish. The choice is kept for the next start, which shows it: every
// word of the window is set as it is built.
func (u *UI) languageMenu() *fyne.MenuItem {
	m := fyne.NewMenuItem(lang.L("Language"), nil)
	choose := func(code, name string) *fyne.MenuItem {
		it := fyne.NewMenuItem(name, func() {
			u.app.Preferences().SetString(prefLanguage, code)
			dialog.ShowInformation(lang.L("Language"), fmt.Sprintf(lang.L("Sanctuary Map will be in %s when it starts again."), name), u.win)
		})
		it.Checked = u.app.Preferences().String(prefLanguage) == code
		return it
	}
	m.ChildMenu = fyne.NewMenu("", choose("", lang.L("As the system")), choose("en", "English"), choose("es", "Español"))
	return m
}

// translate gives Fyne's lang package the Spanish of the window's words;
// Fyne picks the language from the system locale.
func translate() {
	if err := lang.AddTranslationsFS(i18n.Files, "translations"); err != nil {
		fyne.LogError("translations", err) // a build defect: the window stays in English
	}
}

// ID identifies the app to Fyne (preferences live under it).
const ID = "org.sanctuarymap.app"

// firstDay is where the as-of slider starts.
var firstDay = time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC)

// UI is the main window and what it shows.
type UI struct {
	app      fyne.App
	win      fyne.Window
	software string
	today    time.Time
	lang     i18n.Lang    // what the window's words are in, as the locale says
	publish  func(func()) // runs background results on the UI goroutine

	sess  *session.Session // what is loaded and shown, and how it changes
	view  *view.View       // what holds at the level on the slider's date
	index *places.Index
	watch *watcher // nil until Run starts it

	filter   dataset.Filter
	lvl      geo.Level
	asOf     time.Time // zero: as loaded
	selected string
	// cameFrom and lastMove are the selection before the last arrow key
	// and that key's direction: the opposite key goes back.
	cameFrom string
	lastMove [2]float64

	mapView   *MapView
	details   *detailPanel
	search    *searchPanel
	legend    *fyne.Container
	table     *tablePanel
	status    *statusBar
	filters   *filterBar
	comparer  *comparePanel
	legendBox *fyne.Container // the comparison's choices over the legend
	compare   view.Comparison // what "Compare lists" sets side by side
	sheet     *sheetChoice    // the user's own sheet "Your data" colours by, or nil
	asOfBar   *widget.Slider
	asOfText  *widget.Label
	player    *player

	charts chartView
	tabs   *container.AppTabs
	split  *container.Split // the map beside the legend and tabs
	lastCh []dataset.Change
}

// New builds the window on a's driver, showing b and d. today bounds the
// as-of slider.
func New(a fyne.App, b *geo.Boundaries, d *dataset.Dataset, software string, today time.Time) *UI {
	return newUI(a, b, d, software, today, fyne.Do)
}

// newUI is New with the function that runs background results on the UI
// goroutine: fyne.Do in the window, a queue the test goroutine drains in
// tests, so that UI state is only ever touched by one goroutine.
func newUI(a fyne.App, b *geo.Boundaries, d *dataset.Dataset, software string, today time.Time, publish func(func())) *UI {
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	u := &UI{app: a, win: a.NewWindow("Sanctuary Map"), software: software, today: today,
		sess: session.New(b, d), publish: publish, lang: i18n.FromEnv()}
	u.index = places.New(b, d, assets.PopulationRank())
	u.compare = view.Comparison{A: "doj-2025", B: "dhs-2025"}
	opt := render.Options{Theme: u.theme(), Software: software, Source: "embedded dataset", Compare: u.compare, Lang: u.lang}
	u.mapView = NewMapView(b, opt, publish)
	u.mapView.OnSelect = u.Select

	u.search = newSearchPanel(func() *places.Index { return u.index }, u.GoTo)
	u.details = newDetailPanel(u.search.box)
	u.search.relayout = u.details.box.Refresh
	u.table = newTablePanel(u.Select, u.exportDataDialog)
	u.legend = container.NewVBox()
	u.status = newStatusBar(u.showChanges)
	u.player = newPlayer(u.togglePlay)
	u.comparer = newComparePanel(func(c view.Comparison) {
		u.compare = c
		u.mapView.SetCompare(c)
		u.refresh()
	})
	u.comparer.setTerms(d, u.compare)

	u.win.SetContent(u.layout())
	u.filters.wire(u)
	u.win.SetMainMenu(u.menu())
	u.addShortcuts()
	u.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { u.openURIs(uris) })
	u.win.SetCloseIntercept(u.close)
	a.Settings().AddListener(func(fyne.Settings) {
		u.publish(func() {
			u.mapView.SetTheme(u.theme())
			// "No data" follows the background.
			u.buildLegend(u.mapView.Options().ColorBy)
			u.drawChart()
		})
	})
	u.restorePrefs()
	u.refresh()
	u.Select("")
	return u
}

// close saves the window's size for the next start, stops the watcher
// and closes the window.
func (u *UI) close() {
	size := u.win.Canvas().Size()
	u.app.Preferences().SetFloat(prefWidth, float64(size.Width))
	u.app.Preferences().SetFloat(prefHeight, float64(size.Height))
	if u.watch != nil {
		close(u.watch.stop)
		u.watch = nil
	}
	u.win.Close()
}

func (u *UI) layout() fyne.CanvasObject {
	u.filters = newFilterBar(u)
	bar := u.filters.box
	bottom := container.NewVBox(u.asOfRow(),
		u.status.box)
	u.split = container.NewHSplit(u.player.overlay(u.mapView), u.sidePanel())
	u.split.Offset = mapShare
	return container.NewBorder(bar, bottom, nil, nil, u.split)
}

// asOfRow is the as-of slider with its date.
func (u *UI) asOfRow() fyne.CanvasObject {
	days := u.today.Sub(firstDay).Hours() / 24
	u.asOfBar = widget.NewSlider(0, days)
	u.asOfBar.Step = 1
	u.asOfBar.Value = days
	u.asOfText = widget.NewLabel("")
	u.asOfBar.OnChanged = func(v float64) { u.asOfText.SetText(fmt.Sprintf(lang.L("As of %s"), u.lang.Date(u.dayAt(v)))) }
	u.asOfBar.OnChangeEnded = func(v float64) { u.SetAsOf(u.dayAt(v)) }
	u.asOfText.SetText(fmt.Sprintf(lang.L("As of %s"), u.lang.Date(u.today)))
	return container.NewBorder(nil, nil, container.NewHBox(u.player.button, u.asOfText), nil, u.asOfBar)
}

// The map's share of the window's width: as first shown, and while the
// Charts tab is shown.
const mapShare, mapShareCharts = 0.68, 0.45

// sidePanel is the legend over the Details, Table and Charts tabs.
func (u *UI) sidePanel() fyne.CanvasObject {
	charts := container.NewTabItem(lang.L("Charts"), u.buildCharts())
	u.legendBox = container.NewVBox(u.comparer.box, u.legend)
	legend := widget.NewCard("", lang.L("Legend — click a category to isolate it"), u.legendBox)
	u.tabs = container.NewAppTabs(container.NewTabItem(lang.L("Details"), u.details.box), container.NewTabItem(lang.L("Table"), u.table.box), charts)
	side := container.NewBorder(legend, nil, nil, nil, u.tabs)
	u.tabs.OnSelected = func(t *container.TabItem) {
		// Charts need the room: while they are shown the side panel widens
		// and the legend, whose colours and counts the chart repeats, hides.
		if t == charts {
			u.split.SetOffset(mapShareCharts)
			legend.Hide()
		} else if !legend.Visible() {
			u.split.SetOffset(mapShare)
			legend.Show()
		}
		side.Refresh() // lay out again without (or with) the legend
		u.showCharts(t == charts)
	}
	return side
}

func (u *UI) dayAt(v float64) time.Time { return firstDay.AddDate(0, 0, int(v)) }

func (u *UI) menu() *fyne.MainMenu {
	short := func(k fyne.KeyName) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}
	item := func(label string, k fyne.KeyName, f func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, f)
		it.Shortcut = short(k)
		return it
	}
	// Ctrl+Z reaches the canvas as Fyne's own undo shortcut, not a custom one.
	undo := fyne.NewMenuItem(lang.L("Undo last load"), u.Undo)
	undo.Shortcut = &fyne.ShortcutUndo{}
	recent := fyne.NewMenuItem(lang.L("Open recent"), nil)
	recent.ChildMenu = fyne.NewMenu("")
	for _, p := range u.app.Preferences().StringList(prefRecent) {
		recent.ChildMenu.Items = append(recent.ChildMenu.Items, fyne.NewMenuItem(p, func() { u.OpenFiles([]string{p}) }))
	}
	if len(recent.ChildMenu.Items) == 0 {
		recent.Disabled = true
	}
	return fyne.NewMainMenu(
		fyne.NewMenu(lang.L("File"),
			item(lang.L("Open dataset or boundaries…"), fyne.KeyO, u.openDialog),
			recent,
			item(lang.L("Reload"), fyne.KeyR, u.Reload),
			undo,
			fyne.NewMenuItem(lang.L("Embedded data"), u.useEmbedded),
			fyne.NewMenuItemSeparator(),
			item(lang.L("Export map (PNG, SVG, PDF, HTML)…"), fyne.KeyE, u.exportDialog),
			fyne.NewMenuItem(lang.L("Export animation (GIF)…"), u.exportAnimationDialog),
			fyne.NewMenuItem(lang.L("Export chart…"), u.exportChartDialog),
			fyne.NewMenuItem(lang.L("Export data (CSV)…"), u.exportDataDialog),
		),
		fyne.NewMenu(lang.L("View"),
			item(lang.L("Search"), fyne.KeyF, u.focusSearch),
			fyne.NewMenuItem(lang.L("Reset view (0)"), u.mapView.Reset),
			fyne.NewMenuItem(lang.L("Zoom in (+)"), func() { u.mapView.ZoomBy(1.5) }),
			fyne.NewMenuItem(lang.L("Zoom out (−)"), func() { u.mapView.ZoomBy(1 / 1.5) }),
			fyne.NewMenuItem(lang.L("Clear selection (Esc)"), func() { u.Select("") }),
			fyne.NewMenuItemSeparator(),
			u.languageMenu(),
		),
		fyne.NewMenu(lang.L("Help"),
			fyne.NewMenuItem(lang.L("Keyboard shortcuts"), u.showShortcuts),
			fyne.NewMenuItem(lang.L("About Sanctuary Map"), u.showAbout),
		),
	)
}

// addShortcuts adds the bare keys; the driver runs the main menu's
// shortcuts itself.
func (u *UI) addShortcuts() {
	c := u.win.Canvas()
	c.SetOnTypedRune(u.typedRune)
	c.SetOnTypedKey(u.typedKey)
	u.mapView.OnRune, u.mapView.OnKey = u.typedRune, u.typedKey
	u.mapView.OnMove, u.mapView.OnOpen = u.moveSelection, u.openDetails
	toMap := func() { u.win.Canvas().Focus(u.mapView) }
	u.search.entry.OnEscape, u.table.filter.OnEscape = toMap, toMap
}

// typedRune takes the window's keys for the view: 0 shows the whole
// country, + and − zoom.
func (u *UI) typedRune(r rune) {
	switch r {
	case '0':
		u.mapView.Reset()
	case '+', '=':
		u.mapView.ZoomBy(1.5)
	case '-', '−':
		u.mapView.ZoomBy(1 / 1.5)
	}
}

// typedKey takes the window's other keys: Escape returns to the map, or
// with the map focused clears the selection; Space plays; arrows pan
// while the map does not have the keyboard (with it, they move the
// selection).
func (u *UI) typedKey(ev *fyne.KeyEvent) {
	const step = 60
	switch ev.Name {
	case fyne.KeyEscape:
		if c := u.win.Canvas(); c.Focused() != u.mapView {
			c.Focus(u.mapView)
			return
		}
		u.Select("")
	case fyne.KeySpace:
		u.togglePlay()
	case fyne.KeyLeft:
		u.mapView.PanBy(step, 0)
	case fyne.KeyRight:
		u.mapView.PanBy(-step, 0)
	case fyne.KeyUp:
		u.mapView.PanBy(0, step)
	case fyne.KeyDown:
		u.mapView.PanBy(0, -step)
	}
}

// moveSelection moves the selection to the neighbouring region in
// direction (dx, dy), or back the way it came, keeping it in view; with
// nothing selected it selects the region at the view's centre.
func (u *UI) moveSelection(dx, dy float64) {
	layer := u.sess.Shown.Bounds.Layer(u.lvl)
	if layer == nil {
		layer = u.sess.Shown.Bounds.States
	}
	vp := u.mapView.Viewport()
	i, j := layer.Index(u.selected), -1
	switch {
	case i < 0:
		j = layer.RegionAt(vp.ToPlane(float64(vp.W)/2, float64(vp.H)/2))
	case u.cameFrom != "" && dx == -u.lastMove[0] && dy == -u.lastMove[1]:
		j = layer.Index(u.cameFrom)
	default:
		j = layer.Toward(i, dx, dy)
	}
	if j < 0 {
		return
	}
	u.cameFrom, u.lastMove = u.selected, [2]float64{dx, dy}
	u.Select(layer.Regions[j].FIPS)
	if x, y := vp.ToPixel(layer.Regions[j].Bound.Center()); x < 0 || y < 0 || x > float64(vp.W) || y > float64(vp.H) {
		u.mapView.PanBy(float64(vp.W)/2-x, float64(vp.H)/2-y)
	}
}

// openDetails shows the selection's details tab.
func (u *UI) openDetails() {
	if u.selected != "" {
		u.tabs.SelectIndex(0)
	}
}

func (u *UI) theme() style.Theme {
	if u.dark() {
		return style.Dark()
	}
	return style.Light()
}

// dark is whether the window's background is dark: asked of the theme's
// colour, so a custom theme is followed as well as the system variant.
func (u *UI) dark() bool {
	s := u.app.Settings()
	r, g, b, _ := s.Theme().Color(theme.ColorNameBackground, s.ThemeVariant()).RGBA()
	return r+g+b < 3*0x8000
}

// SetAsOf shows the landscape on day; the slider's last day shows the data
// as loaded.
func (u *UI) SetAsOf(day time.Time) {
	u.asOf = day
	if !day.Before(u.today) {
		u.asOf = time.Time{}
	}
	u.refresh()
}

// refresh resolves what holds at the level on the date, once, and shows
// it in the map, the legend, the table, the detail panel and the chart.
func (u *UI) refresh() {
	layer := u.sess.Shown.Bounds.Layer(u.lvl)
	if layer == nil {
		layer = u.sess.Shown.Bounds.States
	}
	u.view = view.Resolve(u.sess.Shown.Data, layer, u.asOf, u.filter)
	if l := u.sheetLayer(); l.Towns() && u.mapView.Options().ColorBy == style.ByData {
		u.view.AddPlaces(l.Placed())
	}
	u.mapView.SetView(u.view)
	u.mapView.SetSheet(u.sheetLayer())
	u.buildLegend(u.mapView.Options().ColorBy)
	u.status.summary.SetText(summary(u.view, u.dataName(), u.today, u.lang))
	u.table.setRows(u.view)
	u.table.selectFIPS(u.selected)
	u.details.show(u.view, u.selected, false, u.sheetLayer())
	u.drawChart()
}

// Select shows fips in the detail panel, outlines it and selects its table
// row ("" clears).
func (u *UI) Select(fips string) {
	u.selected = fips
	u.mapView.SetSelected(fips)
	u.table.selectFIPS(fips)
	u.details.show(u.view, fips, true, u.sheetLayer())
}

// Run opens the window on the embedded data, loads the CSV or boundary
// files given (or those of the last session), and returns when it closes;
// without a display it returns ErrNoDisplay at once.
func Run(files []string, software string) error {
	if err := checkDisplay(); err != nil {
		return err
	}
	a := fyneapp.NewWithID(ID)
	// A language chosen under View outranks the locale's; Fyne's lang
	// package reads LANGUAGE first.
	if l, ok := i18n.Parse(a.Preferences().String(prefLanguage)); ok {
		os.Setenv("LANGUAGE", string(l))
	}
	translate()
	go places.Warm() // the Census places, for the first search and the town markers
	b, d, err := assets.Load()
	if err != nil {
		panic(fmt.Sprintf("embedded data: %v", err)) // a build defect, not user input
	}
	u := New(a, b, d, software, time.Now().UTC().Truncate(24*time.Hour))
	u.startWatching(time.Second)
	if len(files) == 0 {
		files = a.Preferences().StringList(prefLastFiles)
	}
	if len(files) > 0 {
		u.OpenFiles(files)
	}
	u.win.ShowAndRun()
	return nil
}
