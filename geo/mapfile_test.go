//go:build unix

package geo

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// A mapped file cut short under the reader gives errShrank, not a crash.
func TestMappedFileCutShort(t *testing.T) {
	path := filepath.Join(t.TempDir(), "counties.geojson")
	if err := os.WriteFile(path, bytes.Repeat([]byte(" "), 1<<16), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	data, release, err := mapFile(f, 1<<16)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	var got byte
	err = func() (err error) {
		defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
		defer guardFault(&err)
		got = data[1<<15] // past the new end
		return nil
	}()
	if err != errShrank {
		t.Errorf("reading a mapped file cut short: %v (read %q), want errShrank", err, got)
	}
}
