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
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"sanctuarymap/assets"
	"sanctuarymap/dataset"
	"sanctuarymap/geo"
	"sanctuarymap/style"
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

func TestClickState(t *testing.T) {
	bin := os.Getenv("SANCTUARYMAP_BIN")
	if bin == "" {
		t.Skip("SANCTUARYMAP_BIN is not set; `make test` sets it to the built binary")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	s := &session{t: t, display: display(t), ctx: ctx}

	app := exec.Command(bin)
	app.Env = append(os.Environ(), "DISPLAY="+s.display, "LANG=en_US.UTF-8", "XDG_CONFIG_HOME="+t.TempDir())
	var logs bytes.Buffer
	app.Stdout, app.Stderr = &logs, &logs
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		app.Process.Kill()
		app.Wait()
		if t.Failed() {
			t.Logf("app output:\n%s", logs.String())
		}
	})
	wid := strings.Fields(string(s.run("xdotool", "search", "--sync", "--name", "^Sanctuary Map$")))[0]
	s.run("xdotool", "windowmove", wid, "0", "0")

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
		if j := d.Jurisdiction(r.ID); j != nil && slices.Contains(boxCategories, j.Category) {
			plane = plane.Union(r.Bound)
		}
	}
	toScreen := func(fips string, lon, lat float64) (int, int) {
		p := geo.NewAlbersUSA().Project(fips, orb.Point{lon, lat})
		fx := (p[0] - plane.Min[0]) / (plane.Max[0] - plane.Min[0])
		fy := (p[1] - plane.Min[1]) / (plane.Max[1] - plane.Min[1])
		return box.Min.X + int(fx*float64(box.Dx())), box.Min.Y + int(fy*float64(box.Dy()))
	}
	x, y := toScreen("08", -105.5, 39.0)
	want := style.Category(d.Jurisdiction("08").Category)
	if got := img.RGBAAt(x, y); got != want {
		save(t, img, "colorado")
		t.Fatalf("Colorado at (%d,%d) is %v, want %v", x, y, got, want)
	}

	s.run("xdotool", "mousemove", fmt.Sprint(x), fmt.Sprint(y), "click", "1")
	// Move away so the hover outline does not cover the selection's.
	s.run("xdotool", "mousemove", "5", "790")
	minX, minY := toScreen("08", -109.06, 41.0)
	maxX, maxY := toScreen("08", -102.04, 36.99)
	selected := func(img *image.RGBA) bool {
		n := 0
		for py := minY - 3; py <= maxY+3; py++ {
			for px := minX - 3; px <= maxX+3; px++ {
				if c := img.RGBAAt(px, py); c == style.Dark.Selection || c == style.Light.Selection {
					n++
				}
			}
		}
		return n > 200
	}
	img = s.until("Colorado's selection outline", selected)
	if got := img.RGBAAt(x, y); got != want {
		t.Errorf("after the click Colorado's centre is %v, want its fill %v", got, want)
	}
}
