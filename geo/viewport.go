package geo

import (
	"math"

	"github.com/paulmach/orb"
)

// Viewport maps the AlbersUSA plane to an image of W×H pixels. At Zoom 1
// the Frame fits the image with a margin; Center is the plane point drawn
// at the image centre. Keeping zoom and centre rather than an absolute
// scale lets the view follow window resizes.
type Viewport struct {
	W, H   int
	Frame  orb.Bound
	Zoom   float64
	Center orb.Point
}

// Zoom limits: from the whole country to a few city blocks.
const (
	MinZoom = 0.5
	MaxZoom = 400
)

// Frame is the plane bound of the 50 states, DC and Puerto Rico.
func Frame() orb.Bound { return orb.Bound{Min: orb.Point{-58, 12}, Max: orb.Point{958, 607}} }

// Fit returns the viewport showing all of frame in a w×h image.
func Fit(w, h int, frame orb.Bound) Viewport {
	return Viewport{W: w, H: h, Frame: frame, Zoom: 1, Center: frame.Center()}
}

// Scale is pixels per plane unit.
func (v Viewport) Scale() float64 {
	fw, fh := v.Frame.Max[0]-v.Frame.Min[0], v.Frame.Max[1]-v.Frame.Min[1]
	if fw <= 0 || fh <= 0 || v.W <= 0 || v.H <= 0 {
		return 1
	}
	const margin = 0.96
	return math.Min(float64(v.W)/fw, float64(v.H)/fh) * margin * v.Zoom
}

// ToPixel maps a plane point to pixel coordinates.
func (v Viewport) ToPixel(p orb.Point) (x, y float64) {
	s := v.Scale()
	return (p[0]-v.Center[0])*s + float64(v.W)/2, (p[1]-v.Center[1])*s + float64(v.H)/2
}

// ToPlane maps pixel coordinates to the plane.
func (v Viewport) ToPlane(x, y float64) orb.Point {
	s := v.Scale()
	return orb.Point{(x-float64(v.W)/2)/s + v.Center[0], (y-float64(v.H)/2)/s + v.Center[1]}
}

// Bound is the part of the plane the image shows.
func (v Viewport) Bound() orb.Bound {
	return orb.Bound{Min: v.ToPlane(0, 0), Max: v.ToPlane(float64(v.W), float64(v.H))}
}

// ZoomAt multiplies the zoom by factor keeping the plane point under pixel
// (x, y) in place, as map apps do for the mouse wheel.
func (v Viewport) ZoomAt(x, y, factor float64) Viewport {
	anchor := v.ToPlane(x, y)
	v.Zoom = math.Min(MaxZoom, math.Max(MinZoom, v.Zoom*factor))
	after := v.ToPlane(x, y)
	v.Center[0] += anchor[0] - after[0]
	v.Center[1] += anchor[1] - after[1]
	return v
}

// Pan moves the view so the map follows a drag of (dx, dy) pixels. The
// centre stays within the frame so the map cannot be lost off-screen.
func (v Viewport) Pan(dx, dy float64) Viewport {
	s := v.Scale()
	v.Center[0] = math.Min(v.Frame.Max[0], math.Max(v.Frame.Min[0], v.Center[0]-dx/s))
	v.Center[1] = math.Min(v.Frame.Max[1], math.Max(v.Frame.Min[1], v.Center[1]-dy/s))
	return v
}

// Resize keeps zoom and centre at a new image size.
func (v Viewport) Resize(w, h int) Viewport {
	v.W, v.H = w, h
	return v
}

// CenterOn frames a plane bound so it fills about a third of the image,
// its neighbours around it, zooming in or out as needed; a small county
// or a city stops at FocusZoom, where the towns around it still show.
func (v Viewport) CenterOn(b orb.Bound) Viewport {
	v.Center = b.Center()
	fit := Fit(v.W, v.H, b)
	v.Zoom = math.Max(MinZoom, math.Min(FocusZoom, fit.Scale()/Fit(v.W, v.H, v.Frame).Scale()/3))
	return v
}

// FocusZoom is the deepest CenterOn goes: a region of a few miles still
// shows its county and the next ones.
const FocusZoom = 60
