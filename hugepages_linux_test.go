package main

import (
	"bufio"
	"os"
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
	var size string
	advised := 0
	for sc := bufio.NewScanner(f); sc.Scan(); {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "Size:"); ok {
			size = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(line, "VmFlags:"); ok && strings.Contains(v+" ", " hg ") {
			if size == "65536 kB" {
				advised++
			}
		}
	}
	if advised != 1 {
		t.Errorf("%d mappings of 64 MB are marked for huge pages, want 1", advised)
	}
}
