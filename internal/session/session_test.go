package session

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sanctuarymap/assets"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/synth"
)

func newSession(t *testing.T) *Session {
	t.Helper()
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	return New(b, d)
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// land runs l and hands its result to s, as the window does.
func land(s *Session, l *Load) Outcome {
	st, err := l.Run()
	return s.Landed(l.Gen, st, err)
}

// colorado is the embedded jurisdictions with Colorado's latest row in
// category c.
func colorado(c string) string {
	lines := strings.Split(string(assets.Jurisdictions), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(lines[i], "08,Colorado,CO,state,STATE_LIMITS,") {
			lines[i] = strings.Replace(lines[i], "STATE_LIMITS", c, 1)
			break
		}
	}
	return strings.Join(lines, "\n")
}

const denver = `{"type":"FeatureCollection","features":[{"type":"Feature","id":"08031","properties":{"NAME":"Denver"},"geometry":{"type":"Polygon","coordinates":[[[-105.1,39.6],[-104.6,39.6],[-104.6,39.9],[-105.1,39.9],[-105.1,39.6]]]}}]}`

func sources(s *Session) string {
	var names []string
	for _, src := range s.Shown.Sources {
		names = append(names, filepath.Base(src.Name))
	}
	return strings.Join(names, " ")
}

// Each transition, from the embedded data: what is shown after it, what
// can be undone, and what a later load loads.
func TestTransitions(t *testing.T) {
	dir := t.TempDir()
	jur := write(t, dir, "jurisdictions.csv", colorado("NO_KNOWN_POLICY"))
	suits := write(t, dir, "lawsuits.csv", string(assets.Lawsuits))
	bad := write(t, dir, "designations.csv", "fips,name,state,list,listed_from,removed_on,as_of,source,verification\n06,California,CA,foo-2030,2025-08-05,,2026-12-01,https://x.org,confirmed\n")
	counties := write(t, dir, "mycounties.geojson", denver)
	tracts := write(t, dir, "tracts.geojson", string(synth.Tracts(50, 1)))
	coloradoIs := func(s *Session) dataset.Category { return s.Shown.Data.Jurisdiction("08").Category }

	for _, c := range []struct {
		name    string
		steps   func(s *Session) []Outcome
		want    []Outcome
		sources string
		undo    int
		check   func(t *testing.T, s *Session)
	}{
		{"open a CSV", func(s *Session) []Outcome { return []Outcome{land(s, s.Open([]string{jur}))} },
			[]Outcome{Applied}, "embedded:lawsuits.csv embedded:agreements.csv embedded:designations.csv jurisdictions.csv", 1,
			func(t *testing.T, s *Session) {
				if coloradoIs(s) != dataset.NoKnownPolicy {
					t.Errorf("Colorado %s", coloradoIs(s))
				}
			}},
		{"a bad file changes nothing and is not wanted again", func(s *Session) []Outcome {
			return []Outcome{land(s, s.Open([]string{bad})), land(s, s.Reload())}
		}, []Outcome{Failed, Applied}, "embedded:jurisdictions.csv embedded:lawsuits.csv embedded:agreements.csv embedded:designations.csv", 1, nil},
		// The review's probe F1(a).
		{"a second boundary file adds its levels to the first's", func(s *Session) []Outcome {
			return []Outcome{land(s, s.Open([]string{counties})), land(s, s.Open([]string{tracts}))}
		}, []Outcome{Applied, Applied}, "embedded:jurisdictions.csv embedded:lawsuits.csv embedded:agreements.csv embedded:designations.csv mycounties.geojson tracts.geojson", 2,
			func(t *testing.T, s *Session) {
				if n := len(s.Shown.Bounds.Counties.Regions); n != 1 || s.Shown.Bounds.Tracts == nil {
					t.Errorf("%d counties (want the file's 1), tracts %v", n, s.Shown.Bounds.Tracts != nil)
				}
			}},
		{"the same boundary file opened again replaces itself", func(s *Session) []Outcome {
			return []Outcome{land(s, s.Open([]string{tracts})), land(s, s.Open([]string{tracts}))}
		}, []Outcome{Applied, Applied}, "embedded:jurisdictions.csv embedded:lawsuits.csv embedded:agreements.csv embedded:designations.csv tracts.geojson", 2, nil},
		// The review's probe F1(b).
		{"undo during a load cancels it", func(s *Session) []Outcome {
			first := land(s, s.Open([]string{jur}))
			l := s.Open([]string{suits})
			undone := s.Undo()
			out := land(s, l)
			if !undone || s.Busy() {
				t.Errorf("undo %v, busy %v", undone, s.Busy())
			}
			return []Outcome{first, out}
		}, []Outcome{Applied, Stale}, "embedded:jurisdictions.csv embedded:lawsuits.csv embedded:agreements.csv embedded:designations.csv", 0,
			func(t *testing.T, s *Session) {
				if coloradoIs(s) != dataset.StateLimits {
					t.Errorf("the undone file came back: Colorado %s", coloradoIs(s))
				}
			}},
		{"a newer load outdates an older one, and keeps its files", func(s *Session) []Outcome {
			older := s.Open([]string{jur})
			newer := s.Open([]string{suits})
			return []Outcome{land(s, older), land(s, newer)}
		}, []Outcome{Stale, Applied}, "embedded:agreements.csv embedded:designations.csv jurisdictions.csv lawsuits.csv", 1, nil},
		{"embedded data, then undo, brings the user's files back", func(s *Session) []Outcome {
			a := land(s, s.Open([]string{jur}))
			b := land(s, s.UseEmbedded())
			s.Undo()
			return []Outcome{a, b, land(s, s.Reload())}
		}, []Outcome{Applied, Applied, Applied}, "embedded:lawsuits.csv embedded:agreements.csv embedded:designations.csv jurisdictions.csv", 2, nil},
		{"undo with nothing to undo", func(s *Session) []Outcome {
			if s.Undo() {
				t.Error("undid something")
			}
			return nil
		}, nil, "embedded:jurisdictions.csv embedded:lawsuits.csv embedded:agreements.csv embedded:designations.csv", 0, nil},
		{"the undo stack is bounded", func(s *Session) []Outcome {
			var out []Outcome
			for range MaxUndo + 2 {
				out = append(out, land(s, s.Reload()))
			}
			return out[:1]
		}, []Outcome{Applied}, "embedded:jurisdictions.csv embedded:lawsuits.csv embedded:agreements.csv embedded:designations.csv", MaxUndo, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newSession(t)
			got := c.steps(s)
			if len(got) != len(c.want) {
				t.Fatalf("outcomes %v, want %v", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("outcomes %v, want %v", got, c.want)
				}
			}
			if got := sources(s); got != c.sources {
				t.Errorf("sources %q, want %q", got, c.sources)
			}
			if s.CanUndo() != c.undo {
				t.Errorf("%d to undo, want %d", s.CanUndo(), c.undo)
			}
			if c.check != nil {
				c.check(t, s)
			}
		})
	}
}
