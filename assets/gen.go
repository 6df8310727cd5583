//go:build ignore

// gen writes counties.bin, the embedded boundaries in geo's binary form,
// from counties-10m.json. Run by `go generate ./assets` (make assets).
package main

import (
	"log"
	"os"

	"sanctuarymap/geo"
)

func main() {
	data, err := os.ReadFile("counties-10m.json")
	if err != nil {
		log.Fatal(err)
	}
	b, err := geo.Load("counties-10m.json", data)
	if err != nil {
		log.Fatal(err)
	}
	f, err := os.Create("counties.bin")
	if err != nil {
		log.Fatal(err)
	}
	if err := b.WriteBinary(f); err != nil {
		log.Fatal(err)
	}
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
}
