//go:build unix

package geo

import (
	"os"
	"syscall"
)

// mapFile maps a regular file's size bytes read-only. Mapped pages of the
// page cache cost a tenth of reading them into fresh memory here (see
// docs/DESIGN.md). Where the file system cannot map, it reads.
func mapFile(f *os.File, size int64) ([]byte, func(), error) {
	if size == 0 {
		return nil, func() {}, nil
	}
	b, err := syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_PRIVATE)
	if err != nil {
		return readFile(f, size)
	}
	return b, func() { syscall.Munmap(b) }, nil
}
