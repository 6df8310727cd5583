// Package i18n holds the program's words in English and Spanish: the
// Spanish for each English text, as translations/es.json gives it (the
// window reads the same files through Fyne's lang package), and dates and
// numbers written as each language writes them. Researched text (policy,
// notes, source titles) is not translated.
package i18n

import (
	"embed"
	"encoding/json"
	"math"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Lang is a language the program writes: "en" or "es".
type Lang string

const (
	English Lang = "en"
	Spanish Lang = "es"
)

// Files are the translation files, translations/en.json and es.json,
// for Fyne's lang package (lang.AddTranslationsFS(i18n.Files,
// "translations")).
//
//go:embed translations/*.json
var Files embed.FS

var spanish = sync.OnceValue(func() map[string]string {
	b, err := Files.ReadFile("translations/es.json")
	if err != nil {
		panic("embedded es.json: " + err.Error()) // a build defect
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		panic("embedded es.json: " + err.Error())
	}
	return m
})

// Parse reads --lang: en or es.
func Parse(s string) (Lang, bool) {
	switch l := Lang(strings.ToLower(s)); l {
	case English, Spanish:
		return l, true
	}
	return "", false
}

// FromEnv is the language of the locale (LANGUAGE, LC_ALL, LC_MESSAGES,
// LANG, as Fyne reads them): Spanish for es*, else English.
func FromEnv() Lang {
	for _, k := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "es") {
				return Spanish
			}
			return English
		}
	}
	return English
}

// T is the English text en in l.
func (l Lang) T(en string) string {
	if l == Spanish {
		if s, ok := spanish()[en]; ok {
			return s
		}
	}
	return en
}

var months = [...]string{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"}

// Date writes a day: 2026-12-06 in English (as the data writes it), "6
// dic 2026" in Spanish.
func (l Lang) Date(t time.Time) string {
	if l == Spanish {
		return strconv.Itoa(t.Day()) + " " + months[t.Month()-1] + " " + strconv.Itoa(t.Year())
	}
	return t.Format(time.DateOnly)
}

// Number writes v with the digits it needs: 1,234.5 in English, 1234,5
// and 12.345,5 in Spanish; thousands apart from 1,000 (Spanish: 10.000),
// rounded to a whole number from there, and four significant digits past
// eight characters.
func (l Lang) Number(v float64) string {
	if a := math.Abs(v); a >= 1000 && a < 1e15 {
		s := l.Int(int(math.Round(a)))
		if v < 0 {
			s = "-" + s
		}
		return s
	}
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if len(s) > 8 {
		s = strconv.FormatFloat(v, 'g', 4, 64)
	}
	if l == Spanish {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Int writes a count: 1,234 in English, 1234 and 12.345 in Spanish (the
// RAE leaves four-digit numbers unseparated).
func (l Lang) Int(n int) string {
	s := strconv.Itoa(n)
	sep := ","
	if l == Spanish {
		if len(s) <= 4 {
			return s
		}
		sep = "."
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}
