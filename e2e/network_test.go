//go:build e2e

package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// inet matches a socket opened or connected for IPv4 or IPv6; the window's
// X connection and D-Bus use Unix sockets.
var inet = regexp.MustCompile(`AF_INET6?\b`)

// TestNoNetwork traces every socket the program opens, headless and in the
// window, and fails on any Internet one: the app works offline and sends
// nothing anywhere.
func TestNoNetwork(t *testing.T) {
	if _, err := exec.LookPath("strace"); err != nil {
		t.Fatal("strace is not installed; `make test` installs it")
	}
	dir := t.TempDir()
	trace := func(name string, env []string, args ...string) string {
		t.Helper()
		log := filepath.Join(dir, name+".trace")
		cmd := exec.Command("strace", append([]string{"-f", "-qq", "-e", "trace=socket,connect,sendto", "-o", log, bin}, args...)...)
		cmd.Env = append(os.Environ(), env...)
		if name == "window" {
			// In a group of its own, so the app under strace can be stopped.
			cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// The window is up and drawing once xdotool finds it.
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			find := exec.CommandContext(ctx, "xdotool", "search", "--sync", "--name", "^Sanctuary Map$")
			find.Env = cmd.Env
			if out, err := find.Output(); err != nil {
				t.Fatalf("no window: %v %s", err, out)
			}
			syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(20 * time.Second):
				syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
				<-done
			}
		} else if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		b, err := os.ReadFile(log)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	env := []string{"LANG=en_US.UTF-8", "XDG_CONFIG_HOME=" + t.TempDir()}
	logs := map[string]string{
		"render":   trace("render", env, "render", "-o", filepath.Join(dir, "m.png")),
		"chart":    trace("chart", env, "chart", "--kind", "timeline", "-o", filepath.Join(dir, "c.png")),
		"validate": trace("validate", env, "validate"),
		"window":   trace("window", append(env, "DISPLAY="+display(t))),
	}
	for name, log := range logs {
		for _, line := range strings.Split(log, "\n") {
			if inet.MatchString(line) {
				t.Errorf("%s opened an Internet socket: %s", name, line)
			}
		}
	}
	if !strings.Contains(logs["window"], "AF_UNIX") {
		t.Error("the window's trace shows no X connection: was it traced at all?")
	}
}
