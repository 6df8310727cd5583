package app

import (
	"fmt"
	"net"
	"os"
	"runtime"
	"strings"
	"time"
)

// ErrNoDisplay is why the window cannot open: without this check GLFW
// panics with a stack trace that tells an SSH user nothing.
type ErrNoDisplay struct{ Reason string }

func (e ErrNoDisplay) Error() string {
	return "cannot open the window: " + e.Reason + "; the headless commands render, chart, table, animate and validate need no display (sanctuarymap help)"
}

// checkDisplay finds an X11 or Wayland display on the systems that need
// one. A local X display (":N") is probed on its socket, since DISPLAY
// is often set in an SSH session whose X server is gone.
func checkDisplay() error {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return nil
	}
	if os.Getenv("WAYLAND_DISPLAY") != "" {
		return nil
	}
	d := os.Getenv("DISPLAY")
	if d == "" {
		return ErrNoDisplay{"no display (DISPLAY is not set)"}
	}
	if !strings.HasPrefix(d, ":") {
		return nil // a remote display: GLFW reports its own failure
	}
	n, _, _ := strings.Cut(d[1:], ".")
	c, err := net.DialTimeout("unix", "/tmp/.X11-unix/X"+n, time.Second)
	if err != nil {
		return ErrNoDisplay{fmt.Sprintf("display %s does not answer", d)}
	}
	return c.Close()
}
