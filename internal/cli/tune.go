package cli

import (
	"os"
	"runtime/debug"
)

// headless sets the runtime up for a headless command, which runs once
// for a second at most: garbage is collected a quarter as often unless
// GOGC says otherwise (the Go compiler raises its own start in the same
// way: cmd/compile/internal/base/startheap.go); the counties render runs
// 5–7 ms faster and peaks 3 MB higher. Fresh memory comes in 2 MB pages
// only when SANCTUARYMAP_HUGEPAGES=1 asks for it, as bench/peers.sh does:
// the gain (15–25 ms on this virtual machine) is the machine's, and the
// kernel's compaction to find such pages can stall (go.dev/issue/64342).
func headless() {
	if os.Getenv("SANCTUARYMAP_HUGEPAGES") == "1" {
		hugePages()
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}
