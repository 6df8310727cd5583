package app

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"sanctuarymap/geo"
	"sanctuarymap/internal/dataset"
	"sanctuarymap/internal/render"
	"sanctuarymap/internal/sheet"
	"sanctuarymap/internal/style"
	"sanctuarymap/internal/view"
)

// MapView shows the map. Rendering runs on a worker goroutine that always
// draws the newest state; the raster only hands Fyne the last finished
// image, so drawing never blocks the UI.
type MapView struct {
	widget.BaseWidget

	// OnSelect is called with the FIPS code of a tapped region or city, or
	// "" when the tap hit nothing.
	OnSelect func(fips string)
	// With the map focused, OnMove is called for an arrow key with its
	// direction (y down), OnOpen for Enter, and OnKey and OnRune with the
	// keys the map does not take itself.
	OnMove  func(dx, dy float64)
	OnOpen  func()
	OnKey   func(*fyne.KeyEvent)
	OnRune  func(rune)
	focused bool

	mu  sync.Mutex // guards what the worker reads: state and img
	st  viewState
	img *image.RGBA

	raster  *canvas.Raster
	kick    chan struct{}
	stop    chan struct{} // closed by the renderer's Destroy to end the worker
	publish func(func())
	// shown is the revision of the state whose frame is on screen.
	shown int
	// tip is the name under the pointer, drawn beside it at tipPos.
	tip    string
	tipPos fyne.Position
	// lastTap and lastTapAt are the time and place of the last tap, to
	// tell a double tap.
	lastTap   time.Time
	lastTapAt fyne.Position
}

// viewState is everything a frame depends on, and its revision, which
// every change moves on.
type viewState struct {
	r   *render.Renderer
	b   *geo.Boundaries
	vp  geo.Viewport
	opt render.Options
	rev int
}

// NewMapView returns a map of b, drawn once opt has a view; publish runs
// each finished frame's hand-over on the UI goroutine (fyne.Do).
func NewMapView(b *geo.Boundaries, opt render.Options, publish func(func())) *MapView {
	m := &MapView{kick: make(chan struct{}, 1), publish: publish}
	m.st = viewState{r: render.New(b), b: b, vp: geo.Fit(1, 1, geo.Frame()), opt: opt}
	m.raster = canvas.NewRaster(m.generate)
	m.ExtendBaseWidget(m)
	return m
}

// CreateRenderer implements fyne.Widget. The renderer starts the worker
// that draws frames, and its Destroy stops it.
func (m *MapView) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(color.Transparent)
	bg.StrokeWidth = 1
	ring := canvas.NewRectangle(color.Transparent)
	ring.StrokeWidth = 2
	r := &mapRenderer{m: m, tipBG: bg, tipText: canvas.NewText("", color.Transparent), focus: ring}
	r.Refresh()
	m.stop = make(chan struct{})
	go m.work(m.stop)
	return r
}

// mapRenderer draws the raster and, over it, the hover tooltip.
type mapRenderer struct {
	m       *MapView
	tipBG   *canvas.Rectangle
	tipText *canvas.Text
	focus   *canvas.Rectangle // the focus ring, while the map has the keyboard
}

func (r *mapRenderer) Layout(size fyne.Size) {
	r.m.raster.Resize(size)
	r.focus.Resize(size)
	r.layoutTip(size)
}

// layoutTip puts the tooltip beside the pointer, flipped to stay inside.
func (r *mapRenderer) layoutTip(size fyne.Size) {
	pad := r.m.Theme().Size(theme.SizeNameInnerPadding) / 2
	ts := r.tipText.MinSize()
	box := fyne.NewSize(ts.Width+2*pad, ts.Height+2*pad)
	pos := r.m.tipPos.Add(fyne.NewPos(14, 18))
	if pos.X+box.Width > size.Width {
		pos.X = max(0, r.m.tipPos.X-box.Width-6)
	}
	if pos.Y+box.Height > size.Height {
		pos.Y = max(0, r.m.tipPos.Y-box.Height-6)
	}
	r.tipBG.Move(pos)
	r.tipBG.Resize(box)
	r.tipText.Move(pos.Add(fyne.NewPos(pad, pad)))
	r.tipText.Resize(ts)
}

func (r *mapRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 150) }

func (r *mapRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.m.raster, r.focus, r.tipBG, r.tipText}
}

func (r *mapRenderer) Refresh() {
	th, v := r.m.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.tipText.Text = r.m.tip
	r.tipText.Color = th.Color(theme.ColorNameForeground, v)
	r.tipBG.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	r.tipBG.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	r.tipBG.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.focus.StrokeColor = th.Color(theme.ColorNameFocus, v)
	r.focus.Hidden = !r.m.focused
	r.focus.Refresh()
	r.tipBG.Hidden, r.tipText.Hidden = r.m.tip == "", r.m.tip == ""
	r.layoutTip(r.m.Size())
	r.tipBG.Refresh()
	r.tipText.Refresh()
	// The raster is refreshed by the worker when a new frame is ready.
}

func (r *mapRenderer) Destroy() { close(r.m.stop) }

// generate is the raster callback, on Fyne's draw goroutine: it asks for a
// frame at the new size and shows the last one meanwhile.
func (m *MapView) generate(w, h int) image.Image {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.st.vp.W != w || m.st.vp.H != h {
		m.st.vp = m.st.vp.Resize(w, h)
		m.st.rev++
		m.request()
	}
	if m.img == nil {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	return m.img
}

func (m *MapView) request() {
	select {
	case m.kick <- struct{}{}:
	default: // a frame is already asked for; it will see the newest state
	}
}

func (m *MapView) work(stop <-chan struct{}) {
	// The last frame, for redrawing only what a hover or selection changed.
	var last *image.RGBA
	var lastSt viewState
	for {
		select {
		case <-stop:
			return
		case <-m.kick:
		}
		m.mu.Lock()
		st := m.st
		m.mu.Unlock()
		if st.vp.W < 2 || st.vp.H < 2 || st.opt.View == nil {
			continue
		}
		prev := last
		if lastSt.r != st.r {
			prev = nil
		}
		img := st.r.Redraw(prev, lastSt.opt, st.vp, st.opt)
		last, lastSt = img, st
		m.publish(func() {
			m.mu.Lock()
			m.img, m.shown = img, st.rev
			m.mu.Unlock()
			m.raster.Refresh()
		})
	}
}

// update changes the state under the lock and asks for a frame.
func (m *MapView) update(f func(st *viewState)) {
	m.mu.Lock()
	f(&m.st)
	m.st.rev++
	m.request()
	m.mu.Unlock()
}

// current reports whether the frame on screen is of the newest state.
func (m *MapView) current() bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.shown == m.st.rev
}

// Options returns the current render options.
func (m *MapView) Options() render.Options {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.st.opt
}

// SetView shows v: what holds at its level on its day.
func (m *MapView) SetView(v *view.View) {
	m.update(func(st *viewState) { st.opt.View = v })
	m.rehover()
}

// rehover names anew what is under a still pointer once the day, the
// level or the camera changed beneath it: playing the years, a search
// that moves the map, a zoom by key.
func (m *MapView) rehover() {
	if m.tip != "" {
		m.hoverAt(m.tipPos, true)
	}
}

// hoverAt highlights and names what is under widget position pos; the
// tooltip's text is made anew only for another region, or when anew says
// what it shows has changed.
func (m *MapView) hoverAt(pos fyne.Position, anew bool) {
	fips, name := m.At(pos)
	m.tipPos = pos
	opt := m.Options()
	if fips != opt.Hovered || anew {
		m.tip = name
		if r := opt.View.Region(fips); r != nil {
			m.tip = m.summary(r)
		}
	}
	if fips != opt.Hovered {
		m.update(func(st *viewState) { st.opt.Hovered = fips })
	}
	m.Refresh()
}

// moveCamera changes what part of the map is shown.
func (m *MapView) moveCamera(f func(vp geo.Viewport) geo.Viewport) {
	m.update(func(st *viewState) { st.vp = f(st.vp) })
	m.rehover()
}

// summary is the tooltip of region r: what it shows of the colouring,
// its value and class when the map is coloured by a user's sheet.
func (m *MapView) summary(r *view.Region) string {
	opt := m.Options()
	if opt.ColorBy != style.ByData || opt.Sheet == nil {
		return r.SummaryIn(opt.Lang)
	}
	s := r.Name + ", " + r.State + " · " + opt.Sheet.By + ": "
	v, ok := opt.Sheet.Value(r.FIPS)
	switch {
	case !ok:
		return s + lang.L("no row")
	case v == "":
		return s + lang.L("no value")
	}
	if c := opt.Sheet.Class(r.FIPS, opt.Lang); c != "" {
		return s + v + " (" + fmt.Sprintf(lang.L("class %s"), c) + ")"
	}
	return s + v
}

// SetColorBy chooses what the fills show.
func (m *MapView) SetColorBy(c style.ColorBy) {
	m.update(func(st *viewState) { st.opt.ColorBy = c })
}

// SetCompare sets what the "Compare lists" colouring compares.
func (m *MapView) SetCompare(c view.Comparison) {
	m.update(func(st *viewState) { st.opt.Compare = c })
}

// SetSheet sets the user's column "Your data" colours by.
func (m *MapView) SetSheet(l *sheet.Matched) {
	m.update(func(st *viewState) { st.opt.Sheet = l })
}

// SetTheme draws in th's colours.
func (m *MapView) SetTheme(th style.Theme) {
	m.update(func(st *viewState) { st.opt.Theme = th })
}

// SetSelected outlines the region or city fips ("" for none).
func (m *MapView) SetSelected(fips string) {
	m.update(func(st *viewState) { st.opt.Selected = fips })
}

// SetChanges outlines the regions a reload changed and names the data's
// source.
func (m *MapView) SetChanges(changed map[string]bool, source string) {
	m.update(func(st *viewState) { st.opt.Changed, st.opt.Source = changed, source })
}

// SetBoundaries replaces the boundaries.
func (m *MapView) SetBoundaries(b *geo.Boundaries) {
	m.update(func(st *viewState) { st.r, st.b = render.New(b), b })
}

// Viewport returns the current view.
func (m *MapView) Viewport() geo.Viewport {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.st.vp
}

// Reset shows the whole country again.
func (m *MapView) Reset() {
	m.moveCamera(func(vp geo.Viewport) geo.Viewport { return geo.Fit(vp.W, vp.H, geo.Frame()) })
}

// ZoomBy zooms about the centre, for keys and buttons.
func (m *MapView) ZoomBy(f float64) {
	m.moveCamera(func(vp geo.Viewport) geo.Viewport { return vp.ZoomAt(float64(vp.W)/2, float64(vp.H)/2, f) })
}

// PanBy moves the view by device pixels.
func (m *MapView) PanBy(dx, dy float64) {
	m.moveCamera(func(vp geo.Viewport) geo.Viewport { return vp.Pan(dx, dy) })
}

// CenterOn centres the view on a plane bound, zooming in if it is small.
func (m *MapView) CenterOn(b orb.Bound) {
	m.moveCamera(func(vp geo.Viewport) geo.Viewport { return vp.CenterOn(b) })
}

// scale converts widget positions to the raster's device pixels.
func (m *MapView) scale() float32 {
	if c := fyne.CurrentApp().Driver().CanvasForObject(m); c != nil {
		return c.Scale()
	}
	return 1
}

// At returns the FIPS code and name of what is under widget position pos:
// a city marker first, then a region.
func (m *MapView) At(pos fyne.Position) (fips, name string) {
	s := m.scale()
	x, y := float64(pos.X*s), float64(pos.Y*s)
	m.mu.Lock()
	st := m.st
	m.mu.Unlock()
	if st.opt.View == nil {
		return "", ""
	}
	if c := render.CityAt(st.opt, st.vp, x, y); c != nil {
		return c.FIPS, c.Name
	}
	if r := render.RegionAt(st.b, st.opt.View.Level, st.vp, x, y); r != nil {
		return r.FIPS, r.Name
	}
	return "", ""
}

// FocusGained implements fyne.Focusable: the map is one focus stop.
func (m *MapView) FocusGained() { m.focused = true; m.Refresh() }

// FocusLost implements fyne.Focusable.
func (m *MapView) FocusLost() { m.focused = false; m.Refresh() }

// TypedKey moves the selection by the arrow keys and opens it by Enter;
// other keys go to OnKey.
func (m *MapView) TypedKey(ev *fyne.KeyEvent) {
	// The pointer's tooltip gives way to the keyboard's selection; the
	// driver tells no widget when the pointer leaves the window, so it
	// may be long gone.
	if m.tip != "" {
		m.MouseOut()
	}
	dir := map[fyne.KeyName][2]float64{fyne.KeyLeft: {-1, 0}, fyne.KeyRight: {1, 0}, fyne.KeyUp: {0, -1}, fyne.KeyDown: {0, 1}}
	switch d, ok := dir[ev.Name]; {
	case ok && m.OnMove != nil:
		m.OnMove(d[0], d[1])
	case (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter) && m.OnOpen != nil:
		m.OnOpen()
	case m.OnKey != nil:
		m.OnKey(ev)
	}
}

// TypedRune zooms about the selection by + and −; other runes go to
// OnRune.
func (m *MapView) TypedRune(r rune) {
	switch r {
	case '+', '=':
		m.zoomAboutSelection(1.5)
	case '-', '−':
		m.zoomAboutSelection(1 / 1.5)
	default:
		if m.OnRune != nil {
			m.OnRune(r)
		}
	}
}

// zoomAboutSelection zooms about the selected region or city, or the
// centre when nothing is selected.
func (m *MapView) zoomAboutSelection(f float64) {
	m.update(func(st *viewState) {
		x, y := float64(st.vp.W)/2, float64(st.vp.H)/2
		if r := st.opt.View.Region(st.opt.Selected); r != nil {
			var c orb.Point
			if r.Level == dataset.City {
				c = geo.NewAlbersUSA().Project(r.FIPS, orb.Point{r.Lon, r.Lat})
			} else if reg := st.b.Layer(st.opt.View.Level).Region(r.FIPS); reg != nil {
				c = reg.Bound.Center()
			}
			x, y = st.vp.ToPixel(c)
		}
		st.vp = st.vp.ZoomAt(x, y, f)
	})
	m.rehover()
}

// Tapped selects what was tapped at once, and a second tap within the
// double-tap delay resets the view. MapView is not a fyne.DoubleTappable,
// which would make the driver hold back every single tap for that delay.
func (m *MapView) Tapped(ev *fyne.PointEvent) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(m); c != nil {
		c.Focus(m)
	}
	fips, _ := m.At(ev.Position)
	if m.OnSelect != nil {
		m.OnSelect(fips)
	}
	now, p := time.Now(), ev.Position
	if now.Sub(m.lastTap) < fyne.CurrentApp().Driver().DoubleTapDelay() &&
		abs(p.X-m.lastTapAt.X) <= doubleTapSlop && abs(p.Y-m.lastTapAt.Y) <= doubleTapSlop {
		m.Reset()
		now = time.Time{} // a third tap starts afresh
	}
	m.lastTap, m.lastTapAt = now, p
}

// doubleTapSlop is how far apart, in widget units, two taps of a double
// tap may land: a quick tap elsewhere is a new selection, not a reset.
const doubleTapSlop = 6

func abs(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

// Scrolled zooms about the pointer.
func (m *MapView) Scrolled(ev *fyne.ScrollEvent) {
	s := m.scale()
	f := math.Pow(1.2, float64(ev.Scrolled.DY)/10)
	if ev.Scrolled.DY == 0 {
		return
	}
	x, y := float64(ev.Position.X*s), float64(ev.Position.Y*s)
	m.moveCamera(func(vp geo.Viewport) geo.Viewport { return vp.ZoomAt(x, y, f) })
}

// Dragged pans.
func (m *MapView) Dragged(ev *fyne.DragEvent) {
	s := m.scale()
	m.tipPos = ev.Position // the pointer moves with the map
	m.PanBy(float64(ev.Dragged.DX*s), float64(ev.Dragged.DY*s))
}

// DragEnd implements fyne.Draggable.
func (m *MapView) DragEnd() {}

// MouseIn implements desktop.Hoverable.
func (m *MapView) MouseIn(ev *desktop.MouseEvent) { m.MouseMoved(ev) }

// MouseMoved highlights and names what is under the pointer.
func (m *MapView) MouseMoved(ev *desktop.MouseEvent) { m.hoverAt(ev.Position, false) }

// MouseOut clears the hover.
func (m *MapView) MouseOut() {
	m.tip = ""
	m.update(func(st *viewState) { st.opt.Hovered = "" })
	m.Refresh()
}
