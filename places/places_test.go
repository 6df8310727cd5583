package places

import (
	"fmt"
	"testing"

	"sanctuarymap/assets"
)

func TestSearch(t *testing.T) {
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	ix := New(b, d)
	for q, want := range map[string]string{
		"colorado":     "[08 Colorado 48089 Colorado, TX 0816000 Colorado Springs, CO]",
		"cook":         "[17031 Cook County, IL 13075 Cook, GA 27031 Cook, MN]",
		"New York":     "[36 New York 36061 New York County, NY 3651000 New York City, NY]",
		"  CHICAGO ":   "[1714000 Chicago, IL]",
		"francisco":    "[0667000 San Francisco, CA 06075 San Francisco, CA]",
		"zzz":          "[]",
		"":             "[]",
		"st. paul":     "[2758000 St. Paul, MN]",
		"puerto rico":  "[72 Puerto Rico]",
		"anchorage":    "[0203000 Anchorage, AK 02020 Anchorage, AK]",
		"district of ": "[11 District of Columbia 11001 District of Columbia, DC]",
	} {
		var got []string
		for _, p := range ix.Search(q, 3) {
			got = append(got, p.FIPS+" "+p.Label)
		}
		if s := fmt.Sprint(got); s != want {
			t.Errorf("Search(%q) = %s, want %s", q, s, want)
		}
	}
}

func Example() {
	b, d, _ := assets.Load()
	for _, p := range New(b, d).Search("hennepin", 5) {
		fmt.Println(p.FIPS, p.Label, p.Level)
	}
	// Output: 27053 Hennepin County, MN county
}
