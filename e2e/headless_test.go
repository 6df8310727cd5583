//go:build e2e

package e2e

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// run starts the program with env replacing the locale and display
// variables, and returns its exit code, standard output and error.
func run(t *testing.T, env []string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	for _, kv := range os.Environ() {
		switch k, _, _ := strings.Cut(kv, "="); k {
		case "LANG", "LC_ALL", "LC_MESSAGES", "LANGUAGE", "DISPLAY", "WAYLAND_DISPLAY":
		default:
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errOut.String()
}

// Headless commands print their own lines and nothing else, whatever the
// locale: Fyne used to log a "Fyne error" for C.UTF-8 on every run.
func TestHeadlessUnderAnyLocale(t *testing.T) {
	for _, lang := range []string{"C", "C.UTF-8", "POSIX", "en_US.UTF-8", "de_DE.UTF-8", ""} {
		code, out, errOut := run(t, []string{"LANG=" + lang, "XDG_CONFIG_HOME=" + t.TempDir()}, "validate")
		if code != 0 || errOut != "" || !strings.HasPrefix(out, "Sanctuary Map dataset") || strings.Count(out, "\n") != 9 {
			t.Errorf("LANG=%q: exit %d, stdout %q, stderr %q", lang, code, out, errOut)
		}
	}
}

// Without a display the window says so in one line, exit 1.
func TestNoDisplay(t *testing.T) {
	const hint = "; the headless commands render, chart, table, animate and validate need no display (sanctuarymap help)\n"
	for _, c := range []struct {
		env  []string
		want string
	}{
		{nil, "sanctuarymap: cannot open the window: no display (DISPLAY is not set)" + hint},
		{[]string{"DISPLAY=:97"}, "sanctuarymap: cannot open the window: display :97 does not answer" + hint},
	} {
		code, out, errOut := run(t, append(c.env, "LANG=C.UTF-8", "XDG_CONFIG_HOME="+t.TempDir()))
		if code != 1 || out != "" || errOut != c.want {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", c.env, code, out, errOut)
		}
	}
}
