package app

import (
	"slices"

	"fyne.io/fyne/v2"
)

// Preference keys.
const (
	prefWidth     = "window.width"
	prefHeight    = "window.height"
	prefLevel     = "map.level"
	prefColorBy   = "map.colorBy"
	prefLastFiles = "data.lastFiles"
	prefRecent    = "data.recent"
	prefExportDir = "export.folder"
	prefLanguage  = "view.language" // "", en or es: the locale's, or the one chosen
)

// The first window fits a 1366×768 laptop screen with its panel and
// title bar: the whole map, the legend and the as-of row, no scrolling.
const defaultWidth, defaultHeight = 1280, 690

// maxRecent is how many files Open recent lists.
const maxRecent = 8

// restorePrefs applies what the last session saved. Values that are out of
// range (a hand-edited or damaged file) fall back to the defaults.
func (u *UI) restorePrefs() {
	p := u.app.Preferences()
	w := float32(p.FloatWithFallback(prefWidth, defaultWidth))
	h := float32(p.FloatWithFallback(prefHeight, defaultHeight))
	if w < 640 || h < 480 || w > 10000 || h > 10000 {
		w, h = defaultWidth, defaultHeight
	}
	u.win.Resize(fyne.NewSize(w, h))
}

// pref returns the saved choice for key if it is one of options, else def:
// a damaged preferences file falls back to the defaults.
func (u *UI) pref(key string, options []string, def string) string {
	if s := u.app.Preferences().String(key); slices.Contains(options, s) {
		return s
	}
	return def
}

// rememberSources saves the loaded files for the next start and the
// recent-files menu.
func (u *UI) rememberSources() {
	var paths []string
	for _, s := range u.sess.Shown.Sources {
		if s.Path != "" {
			paths = append(paths, s.Path)
		}
	}
	p := u.app.Preferences()
	p.SetStringList(prefLastFiles, paths)
	recent := p.StringList(prefRecent)
	for _, path := range paths {
		recent = slices.DeleteFunc(recent, func(r string) bool { return r == path })
		recent = append([]string{path}, recent...)
	}
	if len(recent) > maxRecent {
		recent = recent[:maxRecent]
	}
	p.SetStringList(prefRecent, recent)
	u.win.SetMainMenu(u.menu())
}
