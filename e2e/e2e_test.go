//go:build e2e

// Package e2e drives the real binary in a virtual X display: it waits for
// the map, clicks a state with xdotool and checks the screenshot.
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/style"
)

// display starts Xvfb on a free display and returns its name.
func display(t *testing.T) string {
	t.Helper()
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is not installed; `make test` installs it", tool)
		}
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	x := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
	x.ExtraFiles = []*os.File{w}
	if err := x.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { x.Process.Kill(); x.Wait() })
	// Xvfb writes the display number once it accepts connections.
	n, err := bufio.NewReader(r).ReadString('\n')
	if err != nil {
		t.Fatalf("Xvfb did not start: %v", err)
	}
	return ":" + strings.TrimSpace(n)
}

type session struct {
	t       *testing.T
	display string
	ctx     context.Context
	xdg     string // XDG_CONFIG_HOME; a fresh folder when empty
}

func (s *session) run(name string, args ...string) []byte {
	s.t.Helper()
	cmd := exec.CommandContext(s.ctx, name, args...)
	cmd.Env = append(os.Environ(), "DISPLAY="+s.display)
	out, err := cmd.Output()
	if err != nil {
		s.t.Fatalf("%s %v: %v", name, args, err)
	}
	return out
}

func (s *session) shot() *image.RGBA {
	s.t.Helper()
	img, err := png.Decode(bytes.NewReader(s.run("import", "-window", "root", "png:-")))
	if err != nil {
		s.t.Fatal(err)
	}
	rgba := image.NewRGBA(img.Bounds())
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			rgba.Set(x, y, img.At(x, y))
		}
	}
	return rgba
}

// until takes screenshots until ok accepts one, or fails at the deadline.
func (s *session) until(what string, ok func(*image.RGBA) bool) *image.RGBA {
	s.t.Helper()
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		img := s.shot()
		if ok(img) {
			return img
		}
		select {
		case <-s.ctx.Done():
			save(s.t, img, "timeout")
			s.t.Fatalf("timed out waiting for %s", what)
		case <-tick.C:
		}
	}
}

func save(t *testing.T, img image.Image, name string) {
	dir := "testdata/failed"
	os.MkdirAll(dir, 0o755)
	f, err := os.Create(fmt.Sprintf("%s/%s-%s.png", dir, t.Name(), name))
	if err == nil {
		png.Encode(f, img)
		f.Close()
		t.Logf("screenshot saved to %s", f.Name())
	}
}

// boxCategories are the fills mapBox looks for: saturated colours no
// widget uses.
var boxCategories = []dataset.Category{dataset.StateLimits, dataset.StateMandates}

// mapBox finds the drawn extent of the states in boxCategories, in the
// left part of the window where the map is.
func mapBox(img *image.RGBA) image.Rectangle {
	fills := map[color.RGBA]bool{}
	for _, c := range boxCategories {
		fills[style.Category(c)] = true
	}
	box := image.Rectangle{}
	first := true
	for y := 0; y < img.Bounds().Dy(); y++ {
		for x := 0; x < img.Bounds().Dx()*3/4; x++ {
			if !fills[img.RGBAAt(x, y)] {
				continue
			}
			p := image.Rect(x, y, x+1, y+1)
			if first {
				box, first = p, false
			} else {
				box = box.Union(p)
			}
		}
	}
	return box
}

// start runs the binary with args on the session's display and returns
// when its window exists, moved to the top left corner.
func (s *session) start(args ...string) {
	s.t.Helper()
	app := exec.Command(bin, args...)
	if s.xdg == "" {
		s.xdg = s.t.TempDir()
	}
	app.Env = append(os.Environ(), "DISPLAY="+s.display, "LANG=en_US.UTF-8", "XDG_CONFIG_HOME="+s.xdg)
	var logs bytes.Buffer
	app.Stdout, app.Stderr = &logs, &logs
	if err := app.Start(); err != nil {
		s.t.Fatal(err)
	}
	s.t.Cleanup(func() {
		app.Process.Kill()
		app.Wait()
		if s.t.Failed() {
			s.t.Logf("app output:\n%s", logs.String())
		}
	})
	wid := strings.Fields(string(s.run("xdotool", "search", "--sync", "--name", "^Sanctuary Map$")))[0]
	s.run("xdotool", "windowmove", wid, "0", "0")
}

// selectedNear counts pixels in the selection colour within box.
func selectedNear(img *image.RGBA, box image.Rectangle) int {
	n := 0
	for py := box.Min.Y; py <= box.Max.Y; py++ {
		for px := box.Min.X; px <= box.Max.X; px++ {
			if c := img.RGBAAt(px, py); c == style.Dark().Selection || c == style.Light().Selection {
				n++
			}
		}
	}
	return n
}

// TestWindow drives the real window: it clicks Colorado and checks the
// outline, finds Colorado again with Ctrl+F, then starts the program on a
// broken CSV and checks the error dialog over the embedded data.
func TestWindow(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	s := &session{t: t, display: display(t), ctx: ctx}
	s.start()

	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	// The lower 48 span the map's width: wait until the drawn map is wider
	// than tall, as the whole composite is.
	img := s.until("the map", func(img *image.RGBA) bool {
		r := mapBox(img)
		return r.Dx() > 400 && r.Dx() > r.Dy()
	})
	box := mapBox(img)
	// The drawn box is the bound of the states in those categories.
	plane := b.States.Region("08").Bound
	for _, r := range b.States.Regions {
		if j := d.Jurisdiction(r.FIPS); j != nil && slices.Contains(boxCategories, j.Category) {
			plane = plane.Union(r.Bound)
		}
	}
	toScreen := func(fips string, lon, lat float64) (int, int) {
		p := geo.NewAlbersUSA().Project(fips, orb.Point{lon, lat})
		fx := (p[0] - plane.Min[0]) / (plane.Max[0] - plane.Min[0])
		fy := (p[1] - plane.Min[1]) / (plane.Max[1] - plane.Min[1])
		return box.Min.X + int(fx*float64(box.Dx())), box.Min.Y + int(fy*float64(box.Dy()))
	}
	// Western Colorado: away from Denver's city marker.
	x, y := toScreen("08", -107.5, 38.8)
	want := style.Category(d.Jurisdiction("08").Category)
	if got := img.RGBAAt(x, y); got != want {
		save(t, img, "colorado")
		t.Fatalf("Colorado at (%d,%d) is %v, want %v", x, y, got, want)
	}

	t.Run("click", func(t *testing.T) {
		s.run("xdotool", "mousemove", fmt.Sprint(x), fmt.Sprint(y), "click", "1")
		// Move away so the hover outline does not cover the selection's.
		s.run("xdotool", "mousemove", "5", "675") // inside the window, below the map
		minX, minY := toScreen("08", -109.06, 41.0)
		maxX, maxY := toScreen("08", -102.04, 36.99)
		co := image.Rect(minX-3, minY-3, maxX+3, maxY+3)
		img := s.until("Colorado's selection outline", func(img *image.RGBA) bool { return selectedNear(img, co) > 200 })
		if got := img.RGBAAt(x, y); got != want {
			t.Errorf("after the click Colorado's centre is %v, want its fill %v", got, want)
		}
	})

	t.Run("search", func(t *testing.T) {
		s.run("xdotool", "key", "Escape")
		s.until("the selection to clear", func(img *image.RGBA) bool { return selectedNear(img, box) == 0 })
		s.run("xdotool", "key", "ctrl+f")
		s.run("xdotool", "type", "--delay", "30", "Hawaii")
		s.run("xdotool", "key", "Return")
		// The map zooms to Hawaii, outlined, around the map's centre.
		c := image.Pt((box.Min.X+box.Max.X)/2, (box.Min.Y+box.Max.Y)/2)
		s.until("Hawaii outlined at the centre", func(img *image.RGBA) bool {
			return selectedNear(img, image.Rect(c.X-250, c.Y-250, c.X+250, c.Y+250)) > 200
		})
	})

	t.Run("broken preferences", func(t *testing.T) {
		xdg := t.TempDir()
		prefs := filepath.Join(xdg, "fyne", "org.sanctuarymap.app")
		if err := os.MkdirAll(prefs, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(prefs, "preferences.json"), []byte(`{"window.width": "wide", broken`), 0o644); err != nil {
			t.Fatal(err)
		}
		s3 := &session{t: t, display: display(t), ctx: ctx, xdg: xdg}
		s3.start()
		s3.until("the map despite broken preferences", func(img *image.RGBA) bool { return img.RGBAAt(x, y) == want })
	})

	t.Run("bad csv", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.csv")
		csv := "fips,name,state,level,category,policy,as_of,source,verification\n" +
			"08,Colorado,CO,state,STATE_MANDATES,p,2026-01-02,https://e.org,confirmed\n" +
			"8,Colorado,CO,state,NOT_A_CATEGORY,p,2026-01-02,https://e.org,confirmed\n"
		if err := os.WriteFile(bad, []byte(csv), 0o644); err != nil {
			t.Fatal(err)
		}
		s2 := &session{t: t, display: display(t), ctx: ctx}
		s2.start(bad)
		// The dialog covers Colorado and dims the rest of the window.
		// California, clear of the dialog, must still show the embedded
		// data's purple, dimmed: the file has no California row at all.
		cx, cy := toScreen("06", -119.0, 36.0)
		wantCA := style.Category(d.Jurisdiction("06").Category)
		img := s2.until("the error dialog over the map", func(img *image.RGBA) bool {
			c := img.RGBAAt(cx, cy)
			return c != wantCA && c.B > c.G && c.R > c.G && c.B > 40
		})
		if c := img.RGBAAt(cx, cy); c.B <= c.R {
			save(t, img, "bad-csv")
			t.Errorf("California under the dialog is %v: not the embedded purple", c)
		}
	})
}
