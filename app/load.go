package app

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/fileerr"
	"sanctuarymap/internal/places"
	"sanctuarymap/internal/session"
)

// watcher polls the loaded files and reloads when one changes on disk.
type watcher struct {
	files chan []session.Source // the latest list; the UI goroutine is its only sender
	stop  chan struct{}
}

// OpenFiles loads CSV datasets and boundary files in the background. A CSV
// replaces the loaded file of the same kind (jurisdictions, lawsuits,
// agreements or designations); a boundary file adds its levels over the
// others'. On any problem nothing changes.
func (u *UI) OpenFiles(paths []string) {
	var load []string
	for _, p := range paths {
		// A CSV of the user's own columns is no dataset file: offer to
		// colour the map by one of them.
		if data, ok := isSheet(p); ok {
			u.openSheet(p, data)
			continue
		}
		load = append(load, p)
	}
	if len(load) > 0 {
		u.run(u.sess.Open(load), fmt.Sprintf(lang.L("Loaded %s"), strings.Join(baseNames(load), ", ")))
	}
}

// Reload reads every wanted file again.
func (u *UI) Reload() { u.run(u.sess.Reload(), lang.L("Reloaded")) }

func (u *UI) useEmbedded() { u.run(u.sess.UseEmbedded(), lang.L("Showing the embedded data")) }

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}

// run runs a load off the UI goroutine and publishes what became of it.
func (u *UI) run(l *session.Load, done string) {
	u.status.progress.Show()
	u.status.progress.Start()
	go func() {
		st, err := l.Run()
		u.publish(func() { u.landed(l.Gen, st, err, done) })
	}()
}

// landed shows what a load became: its state, its problems, or nothing
// when a newer load or an undo took over.
func (u *UI) landed(gen int, st *session.State, err error, done string) {
	old := u.sess.Shown.Data
	switch u.sess.Landed(gen, st, err) {
	case session.Stale:
		return
	case session.Failed:
		u.showProblems(err)
	case session.Applied:
		u.apply(old, done)
	}
	if !u.sess.Busy() {
		u.status.progress.Stop() // Stop before Hide, or the animation keeps running
		u.status.progress.Hide()
	}
}

// apply shows the session's state after a change from old; changed
// jurisdictions are outlined on the map.
func (u *UI) apply(old *dataset.Dataset, done string) {
	shown := u.sess.Shown
	u.index = places.New(shown.Bounds, shown.Data, assets.PopulationRank())
	u.mapView.SetBoundaries(shown.Bounds)
	u.levelOptions()
	u.comparer.setTerms(shown.Data, u.compare)

	u.lastCh = dataset.Diff(old, shown.Data)
	changed := map[string]bool{}
	var added, removed, modified int
	for _, c := range u.lastCh {
		switch c.Kind {
		case dataset.Added:
			added++
		case dataset.Removed:
			removed++
		case dataset.Changed:
			modified++
		}
		// A later period of a place is keyed "FIPS #n".
		if fips, _, _ := strings.Cut(c.Key, " "); shown.Data.Jurisdiction(fips) != nil {
			changed[fips] = true
		}
		for _, s := range shown.Data.Lawsuits {
			if s.CaseID == c.Key {
				for _, f := range s.Defendants {
					changed[f] = true
				}
			}
		}
	}
	u.mapView.SetChanges(changed, u.sourceLabel())
	msg := fmt.Sprintf(lang.L("%s: %d changed, %d added, %d removed"), done, modified, added, removed)
	if n := len(shown.Data.Warnings); n > 0 {
		msg += fmt.Sprintf(lang.L("; %d warning(s)"), n)
		u.showList(lang.L("Loaded with warnings"), shown.Data.Warnings, lang.L("The data is loaded and shown; these rows deserve a second look."))
	}
	u.status.message.SetText(msg)
	var notes []string
	for _, src := range shown.Sources {
		notes = append(notes, src.Notes...)
	}
	if len(notes) > 0 {
		dialog.ShowInformation(lang.L("Not placed"), strings.Join(notes[:min(12, len(notes))], "\n"), u.win)
	}
	if len(u.lastCh) > 0 {
		u.status.changes.Show()
	} else {
		u.status.changes.Hide()
	}
	u.refresh()
	u.rememberSources()
	u.watched()
}

// watched hands the watcher the files now shown. The UI goroutine is the
// only sender: it takes back a list the watcher has not read yet, so the
// send never waits on a watcher busy with a slow file system.
func (u *UI) watched() {
	if u.watch == nil {
		return
	}
	select {
	case <-u.watch.files:
	default:
	}
	u.watch.files <- slices.Clone(u.sess.Shown.Sources)
}

// levelOptions offers tracts only while a tract file is loaded.
func (u *UI) levelOptions() {
	opts := []string{lang.L(geo.States.Label()), lang.L(geo.Counties.Label())}
	if u.sess.Shown.Bounds.Tracts != nil {
		opts = append(opts, lang.L(geo.Tracts.Label()))
	}
	u.filters.level.Options = opts
	if !slices.Contains(opts, u.filters.level.Selected) {
		u.filters.level.SetSelected(lang.L(geo.States.Label()))
	}
	u.filters.level.Refresh()
}

// Undo goes back to what was shown before the last load, cancelling a
// load in flight.
func (u *UI) Undo() {
	old := u.sess.Shown.Data
	if !u.sess.Undo() {
		u.status.message.SetText(lang.L("Nothing to undo"))
		return
	}
	u.status.progress.Stop()
	u.status.progress.Hide()
	u.apply(old, lang.L("Undid the last load"))
}

func (u *UI) sourceLabel() string {
	var names []string
	for _, s := range u.sess.Shown.Sources {
		if s.Path == "" {
			names = append(names, fmt.Sprintf(lang.L("embedded %s"), strings.TrimPrefix(s.Name, "embedded:")))
		} else {
			names = append(names, filepath.Base(s.Path))
		}
	}
	return strings.Join(names, ", ")
}

// watch reloads when a loaded file changes on disk. It polls, which also
// survives deletion and editors that save by renaming a new file into place.
func (u *UI) startWatching(every time.Duration) {
	w := &watcher{files: make(chan []session.Source, 1), stop: make(chan struct{})}
	u.watch = w
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		var files []session.Source
		for {
			select {
			case <-w.stop:
				return
			case files = <-w.files:
			case <-t.C:
				changed := false
				for i, s := range files {
					if s.Path == "" {
						continue
					}
					if st, err := session.StampOf(s.Path); err == nil && st != s.Stamp {
						files[i].Stamp, changed = st, true
					}
				}
				if changed {
					u.publish(u.Reload)
				}
			}
		}
	}()
}

func (u *UI) openDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showProblems(err)
			return
		}
		if r == nil {
			return // cancelled
		}
		path := r.URI().Path()
		r.Close()
		u.OpenFiles([]string{path})
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".json", ".geojson", ".topojson"}))
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

func (u *UI) openURIs(uris []fyne.URI) {
	var paths []string
	for _, uri := range uris {
		if uri.Scheme() == "file" {
			paths = append(paths, uri.Path())
		}
	}
	if len(paths) > 0 {
		u.OpenFiles(paths)
	}
}

// showProblems lists every problem of a failed load, one per line, and
// says that the data already shown stays.
func (u *UI) showProblems(err error) {
	probs := fileerr.All(err)
	u.showList(lang.L("Could not load"), probs, lang.L("Nothing was changed: the map still shows the data loaded before."))
	u.status.message.SetText(fmt.Sprintf(lang.L("Load failed: %d problem(s)"), len(probs)))
}

// showList shows located problems, one per line, with a closing word on
// what became of the load.
func (u *UI) showList(title string, probs []*fileerr.Error, tail string) {
	var b strings.Builder
	for i, p := range probs {
		if i == 50 {
			fmt.Fprintf(&b, lang.L("… and %s more")+"\n", u.lang.Int(len(probs)-50))
			break
		}
		b.WriteString(p.Error() + "\n")
	}
	msg := widget.NewLabel(b.String() + "\n" + tail)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(title, "OK", container.NewVScroll(msg), u.win)
	d.Resize(fyne.NewSize(760, 420))
	d.Show()
}

func (u *UI) showChanges() {
	var b strings.Builder
	for i, c := range u.lastCh {
		if i == 200 {
			fmt.Fprintf(&b, lang.L("… and %s more")+"\n", u.lang.Int(len(u.lastCh)-200))
			break
		}
		b.WriteString(c.Text(lang.L(c.Kind.String())) + "\n")
	}
	msg := widget.NewLabel(b.String())
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("What changed in the last load"), lang.L("Close"), container.NewVScroll(msg), u.win)
	d.Resize(fyne.NewSize(760, 420))
	d.Show()
}
