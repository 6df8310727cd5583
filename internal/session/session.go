// Package session is what the window has loaded and how it changes: the
// files shown, the files wanted next, the undo stack and the one load in
// flight, as explicit transitions (Open, Reload, UseEmbedded, Undo and a
// load landing with its generation). It knows no Fyne: the window runs a
// Load off its UI goroutine, hands the result to Landed on it, and draws
// what Shown holds.
package session

import (
	"context"
	"errors"
	"os"
	"slices"
	"time"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/fileerr"
	"sanctuarymap/internal/ice"
	"sanctuarymap/internal/places"
)

// MaxUndo bounds the undo stack: every entry keeps a whole dataset and its
// boundaries alive, and a watched file adds one at every save.
const MaxUndo = 10

// Kind is what a source holds: a dataset file's kind, boundaries, or not
// yet known for a file just opened.
type Kind int

const (
	Boundaries Kind = 0
	Unread     Kind = -1
)

// Stamp identifies a file's version; editors that save by renaming a new
// file into place change it too.
type Stamp struct {
	mod  time.Time
	size int64
}

// StampOf returns the stamp of the file at path.
func StampOf(path string) (Stamp, error) {
	st, err := os.Stat(path)
	if err != nil {
		return Stamp{}, err
	}
	return Stamp{st.ModTime(), st.Size()}, nil
}

// Source is one file the shown data came from.
type Source struct {
	Name  string // in messages and the footer
	Path  string // on disk; empty for embedded data
	Kind  Kind
	Stamp Stamp    // of the file when last read
	Notes []string // what reading it could not use: ICE's agencies not placed
	data  []byte   // embedded contents, or a file's while a load runs
}

// State is what the window shows, and what undo returns to.
type State struct {
	Bounds  *geo.Boundaries
	Data    *dataset.Dataset
	Sources []Source
	// parsed holds each boundary file's regions by path, so a later load
	// reuses a file whose stamp has not changed instead of parsing it again.
	parsed map[string]parsed
}

type parsed struct {
	stamp Stamp
	b     *geo.Boundaries
}

// Session is the loading state of one window.
type Session struct {
	Shown    State
	embedded *geo.Boundaries // boundary files are merged over these
	wanted   []Source        // what the next load loads
	undo     []State         // at most MaxUndo
	gen      int             // of the load in flight, or of the last one
	cancel   context.CancelFunc
}

// New starts a session showing the embedded boundaries b and dataset d.
func New(b *geo.Boundaries, d *dataset.Dataset) *Session {
	s := &Session{Shown: State{Bounds: b, Data: d, Sources: embeddedSources()}, embedded: b}
	s.wanted = slices.Clone(s.Shown.Sources)
	return s
}

func embeddedSources() []Source {
	var out []Source
	for _, f := range assets.Files() {
		k, err := dataset.KindOf(f)
		if err != nil {
			panic("embedded " + f.Name + ": " + err.Error()) // a build defect, not user input
		}
		out = append(out, Source{Name: f.Name, data: f.Data, Kind: Kind(k)})
	}
	return out
}

// Load is one load, to run off the UI goroutine: everything wanted when
// it started, so a newer load loses nothing an older one was loading.
type Load struct {
	Gen      int
	ctx      context.Context
	wanted   []Source
	parsed   map[string]parsed
	embedded *geo.Boundaries
}

// Open wants the files at paths beside those shown: a CSV in place of the
// loaded file of its kind, a boundary file beside the others (its levels
// over theirs).
func (s *Session) Open(paths []string) *Load {
	for _, p := range paths {
		s.wanted = append(s.wanted, Source{Name: p, Path: p, Kind: Unread})
	}
	return s.start()
}

// Reload reads every wanted file again.
func (s *Session) Reload() *Load { return s.start() }

// UseEmbedded wants the embedded data alone.
func (s *Session) UseEmbedded() *Load {
	s.wanted = embeddedSources()
	return s.start()
}

// start cancels the load in flight and starts one for what is wanted.
func (s *Session) start() *Load {
	if s.cancel != nil {
		s.cancel()
	}
	s.gen++
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	return &Load{Gen: s.gen, ctx: ctx, wanted: slices.Clone(s.wanted), parsed: s.Shown.parsed, embedded: s.embedded}
}

// Gen is the generation of the newest load started: a load landing with
// an older one is stale.
func (s *Session) Gen() int { return s.gen }

// Busy reports whether a load is in flight.
func (s *Session) Busy() bool { return s.cancel != nil }

// CanUndo reports how many loads can be undone.
func (s *Session) CanUndo() int { return len(s.undo) }

// Undo returns to what was shown before the last load, and cancels a load
// in flight, which would otherwise bring back what was undone when it
// lands. It reports false when there is nothing to undo.
func (s *Session) Undo() bool {
	if len(s.undo) == 0 {
		return false
	}
	s.stop()
	prev := s.undo[len(s.undo)-1]
	s.undo = s.undo[:len(s.undo)-1]
	// The files on disk still hold what was undone: stamp them now, or a
	// watcher would reload it straight back.
	prev.Sources = slices.Clone(prev.Sources)
	for i, src := range prev.Sources {
		if src.Path != "" {
			if st, err := StampOf(src.Path); err == nil {
				prev.Sources[i].Stamp = st
			}
		}
	}
	s.Shown, s.wanted = prev, slices.Clone(prev.Sources)
	return true
}

// stop cancels the load in flight and outdates it.
func (s *Session) stop() {
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
	s.gen++
}

// Outcome is what became of a load that landed.
type Outcome int

const (
	Stale    Outcome = iota // a newer load, or an undo, took over: nothing changed
	Failed                  // it had problems: nothing changed, and its files are not wanted again
	Canceled                // it was cancelled: nothing changed
	Applied                 // it is shown, and what was shown can be undone
)

// Landed takes the result of load gen: the state it built, or its error.
func (s *Session) Landed(gen int, st *State, err error) Outcome {
	if gen != s.gen {
		return Stale
	}
	s.cancel = nil
	switch {
	case errors.Is(err, context.Canceled):
		s.wanted = slices.Clone(s.Shown.Sources)
		return Canceled
	case err != nil:
		s.wanted = slices.Clone(s.Shown.Sources)
		return Failed
	}
	s.undo = append(s.undo, s.Shown)
	if len(s.undo) > MaxUndo {
		s.undo = slices.Delete(s.undo, 0, len(s.undo)-MaxUndo)
	}
	s.Shown, s.wanted = *st, slices.Clone(st.Sources)
	return Applied
}

// Run reads the wanted sources and loads them: a CSV replaces an earlier
// one of its kind, a boundary file an earlier reading of the same path; a
// boundary file whose stamp has not changed is not parsed again. It stops
// when the session cancels it.
func (l *Load) Run() (*State, error) {
	var errs fileerr.List
	srcs := make([]Source, 0, len(l.wanted))
	for _, src := range l.wanted {
		if src.Path != "" {
			if err := src.read(); err != nil {
				errs = append(errs, fileerr.All(err)...)
				continue
			}
		}
		srcs = slices.DeleteFunc(srcs, func(o Source) bool {
			return o.Kind == src.Kind && (src.Kind != Boundaries || o.Path == src.Path)
		})
		srcs = append(srcs, src)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	st := &State{Bounds: l.embedded, parsed: map[string]parsed{}}
	var files []dataset.File
	for i := range srcs {
		if err := l.ctx.Err(); err != nil {
			return nil, err
		}
		src := &srcs[i]
		if src.Kind == Boundaries {
			p, ok := l.parsed[src.Path]
			if !ok || p.stamp != src.Stamp {
				b, err := geo.LoadFileContext(l.ctx, src.Path)
				if err != nil {
					errs = append(errs, fileerr.All(err)...)
					continue
				}
				p = parsed{src.Stamp, b}
			}
			st.parsed[src.Path] = p
			st.Bounds = st.Bounds.Merge(p.b)
			continue
		}
		files = append(files, dataset.File{Name: src.Name, Data: src.data})
		if src.Path != "" {
			src.data = nil // read again at the next load; only embedded data stays
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	d, err := dataset.LoadContext(l.ctx, files...)
	if err != nil {
		return nil, err
	}
	d.Warnings = append(d.Warnings, places.CheckNames(d, st.Bounds)...)
	st.Data, st.Sources = d, srcs
	return st, nil
}

// read stamps a file source and, for a CSV, reads it and learns its kind;
// a boundary file is parsed later, unless it is unchanged.
func (src *Source) read() error {
	st, err := StampOf(src.Path)
	if err != nil {
		return &fileerr.Error{File: src.Path, Err: errors.Unwrap(err)}
	}
	src.Stamp = st
	if geo.IsBoundaryFile(src.Path) {
		src.Kind = Boundaries
		return nil
	}
	files, err := dataset.ReadFiles(src.Path)
	if err != nil {
		return err
	}
	if ice.IsSheet(src.Path, files[0].Data) {
		// ICE's own list: it updates the embedded agreements to its date.
		f, notes, err := ice.Overlay(src.Path, files[0].Data, time.Now().UTC().Truncate(24*time.Hour))
		if err != nil {
			return err
		}
		src.Kind, src.data, src.Notes = Kind(dataset.AgreementsFile), f.Data, notes
		return nil
	}
	k, err := dataset.KindOf(files[0])
	if err != nil {
		return err
	}
	src.Kind, src.data = Kind(k), files[0].Data
	return nil
}
