//go:build !linux

package cli

// hugePages does nothing where the heap's page size is not the program's to
// ask for.
func hugePages() {}
