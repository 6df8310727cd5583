package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/fileerr"
	"sanctuarymap/internal/ice"
	"sanctuarymap/internal/places"
)

// source is one file the shown data came from.
type source struct {
	name  string // in messages and the footer
	path  string // on disk; empty for embedded data
	data  []byte // embedded contents
	kind  sourceKind
	stamp stamp    // of the file when last read
	notes []string // what reading it could not use: ICE's agencies not placed
}

type sourceKind int

// A CSV source's kind is its dataset.Kind; boundaries are a kind apart, and
// a file just opened has no kind until the load reads it.
const (
	boundariesSource sourceKind = 0
	unreadSource     sourceKind = -1
)

// maxUndo bounds the undo stack: every entry keeps a whole dataset and its
// boundaries alive, and a watched file adds one at every save.
const maxUndo = 10

// stamp identifies a file's version for the watcher; editors that save by
// renaming a new file into place change it too.
type stamp struct {
	mod  time.Time
	size int64
}

func stampOf(path string) (stamp, error) {
	st, err := os.Stat(path)
	if err != nil {
		return stamp{}, err
	}
	return stamp{st.ModTime(), st.Size()}, nil
}

// read stamps a file source and, for a CSV, reads it and learns its kind;
// a boundary file is parsed later, unless it is unchanged.
func (s *source) read() error {
	st, err := stampOf(s.path)
	if err != nil {
		return &fileerr.Error{File: s.path, Err: errors.Unwrap(err)}
	}
	s.stamp = st
	if geo.IsBoundaryFile(s.path) {
		s.kind = boundariesSource
		return nil
	}
	files, err := dataset.ReadFiles(s.path)
	if err != nil {
		return err
	}
	if ice.IsSheet(s.path, files[0].Data) {
		// ICE's own list: it updates the embedded agreements to its date.
		f, notes, err := ice.Overlay(s.path, files[0].Data, time.Now().UTC().Truncate(24*time.Hour))
		if err != nil {
			return err
		}
		s.kind, s.data, s.notes = sourceKind(dataset.AgreementsFile), f.Data, notes
		return nil
	}
	k, err := dataset.KindOf(files[0])
	if err != nil {
		return err
	}
	s.kind, s.data = sourceKind(k), files[0].Data
	return nil
}

func embeddedSources() []source {
	var out []source
	for _, f := range assets.Files() {
		k, err := dataset.KindOf(f)
		if err != nil {
			panic(fmt.Sprintf("embedded %s: %v", f.Name, err)) // a build defect, not user input
		}
		out = append(out, source{name: f.Name, data: f.Data, kind: sourceKind(k)})
	}
	return out
}

// snapshot is what a load replaces, kept for undo.
type snapshot struct {
	bounds  *geo.Boundaries
	data    *dataset.Dataset
	sources []source
	// parsed holds each boundary file's regions by path, so a later load
	// reuses a file whose stamp has not changed instead of parsing it again.
	parsed map[string]parsedBounds
}

type parsedBounds struct {
	stamp stamp
	b     *geo.Boundaries
}

// loader runs one load at a time: a newer load cancels the older, whose
// result is then dropped.
type loader struct {
	gen    int
	cancel context.CancelFunc
	watch  chan []source
	stop   chan struct{}
	// onDone, when set (by tests), runs after each load is applied or refused.
	onDone func()
}

// OpenFiles loads CSV datasets and boundary files in the background. A CSV
// replaces the loaded file of the same kind (jurisdictions, lawsuits,
// agreements or designations); boundaries replace the levels they hold. On
// any problem nothing changes.
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
		u.wanted = append(u.wanted, source{name: p, path: p, kind: unreadSource})
	}
	if len(load) > 0 {
		u.load("Loaded " + strings.Join(baseNames(load), ", "))
	}
}

// Reload reads every wanted file again.
func (u *UI) Reload() { u.load("Reloaded") }

func (u *UI) useEmbedded() {
	u.wanted = embeddedSources()
	u.load("Showing the embedded data")
}

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}

// load starts a job for the whole wanted set, cancelling the one in
// flight: as each job loads everything wanted so far, the newer one loses
// nothing the older was loading.
func (u *UI) load(done string) {
	if u.loads.cancel != nil {
		u.loads.cancel()
	}
	u.loads.gen++
	gen := u.loads.gen
	ctx, cancel := context.WithCancel(context.Background())
	u.loads.cancel = cancel
	wanted, parsed, embedded := slices.Clone(u.wanted), u.parsed, u.embedded
	u.status.progress.Show()
	u.status.progress.Start()
	go func() {
		snap, err := buildSnapshot(ctx, wanted, parsed, embedded)
		u.publish(func() {
			if u.loads.gen != gen {
				return // a newer load took over
			}
			if u.loads.onDone != nil {
				defer u.loads.onDone()
			}
			u.loads.cancel = nil
			cancel()
			u.status.progress.Stop() // Stop before Hide, or the animation keeps running
			u.status.progress.Hide()
			if err != nil {
				u.wanted = slices.Clone(u.sources) // the files that failed are not wanted again
				if !errors.Is(err, context.Canceled) {
					u.showProblems(err)
				}
				return
			}
			u.apply(snap, done, true)
		})
	}()
}

// buildSnapshot reads the wanted sources, the later of two of one kind
// replacing the earlier, and loads them; a boundary file already in parsed
// with its stamp unchanged is not parsed again. It runs off the UI
// goroutine and stops when ctx is cancelled.
func buildSnapshot(ctx context.Context, wanted []source, parsed map[string]parsedBounds, embedded *geo.Boundaries) (*snapshot, error) {
	var errs fileerr.List
	srcs := make([]source, 0, len(wanted))
	for _, s := range wanted {
		if s.path != "" {
			if err := s.read(); err != nil {
				errs = append(errs, fileerr.All(err)...)
				continue
			}
		}
		srcs = slices.DeleteFunc(srcs, func(o source) bool { return o.kind == s.kind })
		srcs = append(srcs, s)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	snap := &snapshot{bounds: embedded, parsed: map[string]parsedBounds{}}
	var files []dataset.File
	for i := range srcs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s := &srcs[i]
		if s.kind == boundariesSource {
			p, ok := parsed[s.path]
			if !ok || p.stamp != s.stamp {
				b, err := geo.LoadFileContext(ctx, s.path)
				if err != nil {
					errs = append(errs, fileerr.All(err)...)
					continue
				}
				p = parsedBounds{s.stamp, b}
			}
			snap.parsed[s.path] = p
			snap.bounds = snap.bounds.Merge(p.b)
			continue
		}
		files = append(files, dataset.File{Name: s.name, Data: s.data})
		if s.path != "" {
			s.data = nil // read again at the next load; only embedded data stays
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	d, err := dataset.LoadContext(ctx, files...)
	if err != nil {
		return nil, err
	}
	d.Warnings = append(d.Warnings, places.CheckNames(d, snap.bounds)...)
	snap.data, snap.sources = d, srcs
	return snap, nil
}

// apply shows a loaded snapshot; with push, the current one can be undone
// back to. Changed jurisdictions are outlined on the map.
func (u *UI) apply(snap *snapshot, done string, push bool) {
	if push {
		u.undo = append(u.undo, snapshot{u.bounds, u.data, u.sources, u.parsed})
		if len(u.undo) > maxUndo {
			u.undo = slices.Delete(u.undo, 0, len(u.undo)-maxUndo)
		}
	}
	old := u.data
	u.bounds, u.data, u.sources, u.parsed = snap.bounds, snap.data, snap.sources, snap.parsed
	u.wanted = slices.Clone(u.sources)
	u.index = places.New(u.bounds, u.data, assets.PopulationRank())
	u.mapView.SetBoundaries(u.bounds)
	u.levelOptions()
	u.comparer.setTerms(u.data, u.compare)

	u.lastCh = dataset.Diff(old, u.data)
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
		if fips, _, _ := strings.Cut(c.Key, " "); u.data.Jurisdiction(fips) != nil {
			changed[fips] = true
		}
		for _, s := range u.data.Lawsuits {
			if s.CaseID == c.Key {
				for _, f := range s.Defendants {
					changed[f] = true
				}
			}
		}
	}
	u.mapView.SetChanges(changed, u.sourceLabel())
	msg := fmt.Sprintf("%s: %d changed, %d added, %d removed", done, modified, added, removed)
	if n := len(u.data.Warnings); n > 0 {
		msg += fmt.Sprintf("; %d warning(s)", n)
		u.showList("Loaded with warnings", u.data.Warnings, "The data is loaded and shown; these rows deserve a second look.")
	}
	u.status.message.SetText(msg)
	var notes []string
	for _, src := range u.sources {
		notes = append(notes, src.notes...)
	}
	if len(notes) > 0 {
		dialog.ShowInformation("Not placed", strings.Join(notes[:min(12, len(notes))], "\n"), u.win)
	}
	if len(u.lastCh) > 0 {
		u.status.changes.Show()
	} else {
		u.status.changes.Hide()
	}
	u.refresh()
	u.rememberSources()
	if u.loads.watch != nil {
		u.loads.watch <- slices.Clone(u.sources)
	}
}

// levelOptions offers tracts only while a tract file is loaded.
func (u *UI) levelOptions() {
	opts := []string{geo.States.Label(), geo.Counties.Label()}
	if u.bounds.Tracts != nil {
		opts = append(opts, geo.Tracts.Label())
	}
	u.filters.level.Options = opts
	if !slices.Contains(opts, u.filters.level.Selected) {
		u.filters.level.SetSelected(geo.States.Label())
	}
	u.filters.level.Refresh()
}

// Undo goes back to what was shown before the last load.
func (u *UI) Undo() {
	if len(u.undo) == 0 {
		u.status.message.SetText("Nothing to undo")
		return
	}
	prev := u.undo[len(u.undo)-1]
	u.undo = u.undo[:len(u.undo)-1]
	// The files on disk still hold what was undone: watch for edits after
	// this, or the watcher would reload it straight back.
	prev.sources = slices.Clone(prev.sources)
	for i, s := range prev.sources {
		if s.path != "" {
			if st, err := stampOf(s.path); err == nil {
				prev.sources[i].stamp = st
			}
		}
	}
	u.apply(&prev, "Undid the last load", false)
}

func (u *UI) sourceLabel() string {
	var names []string
	for _, s := range u.sources {
		if s.path == "" {
			names = append(names, "embedded "+strings.TrimPrefix(s.name, "embedded:"))
		} else {
			names = append(names, filepath.Base(s.path))
		}
	}
	return strings.Join(names, ", ")
}

// watch reloads when a loaded file changes on disk. It polls, which also
// survives deletion and editors that save by renaming a new file into place.
func (u *UI) watch(every time.Duration) {
	u.loads.watch = make(chan []source, 1)
	u.loads.stop = make(chan struct{})
	watch, stop := u.loads.watch, u.loads.stop
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		var files []source
		for {
			select {
			case <-stop:
				return
			case files = <-watch:
			case <-t.C:
				changed := false
				for i, s := range files {
					if s.path == "" {
						continue
					}
					if st, err := stampOf(s.path); err == nil && st != s.stamp {
						files[i].stamp, changed = st, true
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
	u.showList("Could not load", probs, "Nothing was changed: the map still shows the data loaded before.")
	u.status.message.SetText(fmt.Sprintf("Load failed: %d problem(s)", len(probs)))
}

// showList shows located problems, one per line, with a closing word on
// what became of the load.
func (u *UI) showList(title string, probs []*fileerr.Error, tail string) {
	var b strings.Builder
	for i, p := range probs {
		if i == 50 {
			fmt.Fprintf(&b, "… and %d more\n", len(probs)-50)
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
			fmt.Fprintf(&b, "… and %d more\n", len(u.lastCh)-200)
			break
		}
		b.WriteString(c.String() + "\n")
	}
	msg := widget.NewLabel(b.String())
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom("What changed in the last load", "Close", container.NewVScroll(msg), u.win)
	d.Resize(fyne.NewSize(760, 420))
	d.Show()
}
