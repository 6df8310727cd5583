//go:build !linux

package main

// hugePages does nothing where the heap's page size is not the program's to
// ask for.
func hugePages() {}
