//go:build !unix

package geo

import "os"

// mapFile reads the file: mapping is for unix systems.
func mapFile(f *os.File, size int64) ([]byte, func(), error) {
	return readFile(f, size)
}
