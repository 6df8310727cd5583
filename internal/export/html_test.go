package export

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"sanctuarymap/assets"
	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/render"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/view"
)

// page writes the HTML page of lvl on days to a file and returns its path
// and size.
func writePage(t *testing.T, lvl geo.Level, days []time.Time) (string, int) {
	t.Helper()
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	opt := render.Options{Theme: style.Light(), Title: Title, Software: "test", Source: "embedded"}
	if err := HTML(&buf, b, lvl, d, days, opt, Provenance(Title, "test", "embedded", d)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "map.html")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Len()
}

// The pages stay small: the states page of one day within 300 kB, the
// counties page of every month since 2014 within 2 MB.
func TestHTMLSizes(t *testing.T) {
	_, n := writePage(t, geo.States, []time.Time{{}})
	if n > 300<<10 {
		t.Errorf("states page %d bytes, over 300 kB", n)
	}
	days, err := Frames(time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC), "month")
	if err != nil {
		t.Fatal(err)
	}
	_, n = writePage(t, geo.Counties, days)
	if n > 2<<20 {
		t.Errorf("counties page %d bytes, over 2 MB", n)
	}
}

// In headless Chromium the counties page loads with no request beside
// its own file and no console error; hovering King County names it,
// clicking the legend isolates a category, the slider on 2017-08-01 gives
// the counts the program resolves for that day, and a screenshot has the
// PNG's colour where Cook County is.
func TestHTMLInChromium(t *testing.T) {
	chrome, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("no chromium here (make test installs it):", err)
	}
	days, err := Frames(time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC), "month")
	if err != nil {
		t.Fatal(err)
	}
	path, _ := writePage(t, geo.Counties, days)
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox, chromedp.WindowSize(1400, 1000))
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	var mu sync.Mutex
	var requests, problems []string
	// The first call starts the browser; listening needs it started.
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		t.Fatal(err)
	}
	err = chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			requests = append(requests, e.Request.URL)
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeWarning {
				problems = append(problems, fmt.Sprint(e.Type, e.Args))
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, e.ExceptionDetails.Text)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	centre := func(fips string) (float64, float64) {
		js := fmt.Sprintf(`(function(){var d=JSON.parse(document.getElementById("sm-data").textContent);`+
			`var i=d.regions.findIndex(function(r){return r[0]==%q});var b=document.getElementById("r"+i).getBoundingClientRect();`+
			`return [b.left+b.width/2,b.top+b.height/2]})()`, fips)
		xy, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](js))
		if err != nil || len(xy) != 2 {
			t.Fatalf("centre of %s: %v %v", fips, xy, err)
		}
		return xy[0], xy[1]
	}
	start := time.Now()
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+path), chromedp.WaitVisible(chromedp.CSS("#sm-legend div"))); err != nil {
		t.Fatal(err)
	}
	x, y := centre("53033")
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x, y)); err != nil {
		t.Fatal(err)
	}
	tip, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#sm-tip")))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("shown and hovered in %v", time.Since(start))
	if !strings.HasPrefix(tip, "King County, WA (county) · ") {
		t.Errorf("tooltip over King County %q", tip)
	}
	// Isolate "287(g) agreement" from the legend: every other place fades.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#sm-legend div[data-cat="6"]`))); err != nil {
		t.Fatal(err)
	}
	dim, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#sm-regions path.sm-dim").length`))
	if err != nil {
		t.Fatal(err)
	}
	all, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#sm-regions path").length`))
	if err != nil {
		t.Fatal(err)
	}
	b, d, _ := assets.Load()
	last := view.Resolve(d, b.Counties, days[len(days)-1], dataset.Filter{})
	agreed := 0
	for i := range last.Regions {
		if r := &last.Regions[i]; r.Category == dataset.Agreement287g && r.Basis() != view.NoData {
			agreed++
		}
	}
	if dim != all-agreed {
		t.Errorf("isolating 287(g): %d of %d counties faded, want %d", dim, all, all-agreed)
	}
	// The slider on 2017-08-01: the legend's counts are the program's.
	js := `(function(){var s=document.getElementById("sm-day");var d=JSON.parse(document.getElementById("sm-data").textContent);` +
		`s.value=d.days.indexOf("2017-08-01");s.dispatchEvent(new Event("input"));` +
		`return Array.prototype.map.call(document.querySelectorAll("#sm-legend .sm-count"),function(e){return e.textContent})})()`
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`#sm-legend div[data-cat="6"]`))); err != nil {
		t.Fatal(err)
	}
	counts, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](js))
	if err != nil {
		t.Fatal(err)
	}
	v := view.Resolve(d, b.Counties, time.Date(2017, 8, 1, 0, 0, 0, 0, time.UTC), dataset.Filter{})
	want := make([]int, 9)
	for _, rs := range [][]view.Region{v.Regions, v.Cities} {
		for i := range rs {
			if rs[i].Basis() == view.NoData {
				want[8]++
			} else {
				for c, cat := range dataset.Categories() {
					if rs[i].Category == cat {
						want[c]++
					}
				}
			}
		}
	}
	if got := strings.Join(counts, " "); got != strings.Trim(fmt.Sprint(want), "[]") {
		t.Errorf("legend on 2017-08-01 %s, want %v", got, want)
	}
	// Cook County's own fill, where the PNG has it (Chicago's marker,
	// which stands on the same spot, aside).
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("sm-cities").style.display="none"`)); err != nil {
		t.Fatal(err)
	}
	cx, cy := centre("17031")
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(shot))
	if err != nil {
		t.Fatal(err)
	}
	r, g, bl, _ := img.At(int(cx), int(cy)).RGBA()
	cook := v.Region("17031")
	wantC := style.Category(cook.Category)
	// Chromium's compositing may round a channel by a step or two.
	near := func(a uint32, b uint8) bool { return max(int(a>>8)-int(b), int(b)-int(a>>8)) <= 3 }
	if !near(r, wantC.R) || !near(g, wantC.G) || !near(bl, wantC.B) {
		t.Errorf("Cook County at (%.0f,%.0f) is %02x%02x%02x, want %v as the PNG draws %s", cx, cy, r>>8, g>>8, bl>>8, wantC, cook.Category)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(requests) != 1 || requests[0] != "file://"+path {
		t.Errorf("requests %v, want only the page", requests)
	}
	if len(problems) > 0 {
		t.Errorf("console: %v", problems)
	}
}
