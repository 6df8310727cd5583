package geo

import (
	"os"
	"testing"
)

func BenchmarkTmpCounties(b *testing.B) {
	data, _ := os.ReadFile("/work/main/bench/.cache/out/counties.geojson")
	for b.Loop() {
		if _, err := Load("c", data); err != nil {
			b.Fatal(err)
		}
	}
}
