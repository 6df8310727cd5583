//go:build ignore

// gen writes counties.bin, the embedded boundaries in geo's binary form,
// from counties-10m.json, and the agreements and designations files from
// the source tables in sources/. Run by `go generate ./assets` (make data).
package main

import (
	"log"
	"os"

	"sanctuarymap/assets/datagen"
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
	files, err := datagen.Build("sources")
	if err != nil {
		log.Fatal(err)
	}
	for name, data := range files {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
