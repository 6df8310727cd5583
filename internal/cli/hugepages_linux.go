package cli

import "syscall"

// hugePages asks Linux to back the next 64 MB of the heap with 2 MB pages
// where the system leaves that to each program (transparent_hugepage
// "madvise", as on this machine). On a virtual machine the first
// touch of a 4 KB page costs about 10 µs, and a headless render touches
// some 20 MB it never had: a 2 MB page costs little more than one 4 KB
// page, which took 15 ms off the counties render (see DESIGN, "Fresh memory
// costs more than work here"). Go's runtime no longer asks for this itself
// (go.dev/issue/61718): in a long-lived server the kernel's compaction to
// find 2 MB pages can stall. So only the short-lived headless commands ask.
//
// The slice is garbage at once and the heap reuses its addresses, which
// keep the advice. An error leaves 4 KB pages, as before.
func hugePages() {
	b := make([]byte, 64<<20)
	_ = syscall.Madvise(b, syscall.MADV_HUGEPAGE)
}
