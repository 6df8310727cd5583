// Package locale keeps Fyne quiet under a C or POSIX locale with a
// codeset, such as Debian's default C.UTF-8. Fyne reads the language from
// LC_ALL, LC_MESSAGES or LANG when its lang package is initialised, cannot
// parse "C", and logs a three-line "Fyne error" on every run, headless
// commands included. For such a locale this package sets LANGUAGE to "en",
// which Fyne consults next and which the C library ignores under the C
// locale, so nothing else changes.
//
// It must be initialised before Fyne's lang package. Go initialises, at
// each step, the first package by import path whose imports are ready;
// this one needs only os, while fyne's lang needs text/template, which
// sorts after "sanctuarymap" and waits on os as well, so this one is
// always first. A test of the built binary checks it.
package locale

import (
	"os"
	"strings"
)

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, env := range [...]string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := os.Getenv(env)
		if v == "" {
			continue
		}
		if lang, _, _ := strings.Cut(v, "."); v != lang && (lang == "C" || lang == "POSIX") {
			os.Setenv("LANGUAGE", "en")
		}
		return
	}
}
