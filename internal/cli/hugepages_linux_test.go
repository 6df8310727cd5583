package cli

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// hugePages leaves 64 MB of the process's memory marked for huge pages
// ("hg" among a mapping's VmFlags), where the kernel has them at all.
func TestHugePagesAdvisesTheHeap(t *testing.T) {
	if _, err := os.Stat("/sys/kernel/mm/transparent_hugepage/enabled"); err != nil {
		t.Skip("this kernel has no transparent huge pages:", err)
	}
	hugePages()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	size, advised := 0, 0 // kB
	for sc := bufio.NewScanner(f); sc.Scan(); {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "Size:"); ok {
			size, _ = strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(v, "kB")))
		}
		if v, ok := strings.CutPrefix(line, "VmFlags:"); ok && strings.Contains(v+" ", " hg ") {
			advised += size
		}
	}
	if advised < 64<<10 {
		t.Errorf("%d kB marked for huge pages, want at least 64 MB", advised)
	}
}
