package places

import (
	"fmt"
	"slices"
	"testing"

	"sanctuarymap/assets"
	"sanctuarymap/internal/dataset"
)

func TestSearch(t *testing.T) {
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	ix := New(b, d, assets.PopulationRank())
	for q, want := range map[string]string{
		"colorado":     "[08 Colorado 48089 Colorado, TX 0414870 Colorado City town, AZ]",
		"cook":         "[17031 Cook County, IL 13075 Cook, GA 27031 Cook, MN]",
		"New York":     "[36 New York 36061 New York County, NY 3651000 New York City, NY]",
		"  CHICAGO ":   "[1714000 Chicago, IL 1714026 Chicago Heights city, IL 1714065 Chicago Ridge village, IL]",
		"francisco":    "[1825306 Francisco town, IN 0667000 San Francisco, CA 06075 San Francisco, CA]",
		"zzz":          "[]",
		"":             "[]",
		"st. paul":     "[2758000 St. Paul, MN 4864220 St. Paul town, TX 1867212 St. Paul town, IN]",
		"puerto rico":  "[72 Puerto Rico]",
		"anchorage":    "[0203000 Anchorage, AK 02020 Anchorage, AK 2101504 Anchorage city, KY]",
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
	for _, p := range New(b, d, assets.PopulationRank()).Search("hennepin", 5) {
		fmt.Println(p.FIPS, p.Label, p.Level)
	}
	// Output:
	// 27053 Hennepin County, MN county
	// 1734098 Hennepin village, IL city
	// 4033650 Hennepin CDP, OK city
}

// Queries as people type them, with the place each must find first.
func TestSearchFirst(t *testing.T) {
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	ix := New(b, d, assets.PopulationRank())
	for _, c := range []struct{ q, want string }{
		{"Cook County", "17031"}, {"cook county, il", "17031"}, {"Cook, IL", "17031"}, {"Cook County Illinois", "17031"},
		{"cook il", "17031"}, {"17031", "17031"}, {"St. Paul", "2758000"}, {"Saint Paul", "2758000"}, {"st paul, mn", "2758000"},
		{"Doña Ana", "35013"}, {"Dona Ana", "35013"}, {"dona ana county, nm", "35013"}, {"Orleans Parish", "22071"},
		{"Jefferson Parish", "22051"}, {"Harris", "48201"}, {"Harris County", "48201"}, {"harris, ga", "13145"},
		{"Portland", "4159000"}, {"Washington, DC", "11"}, {"Washington DC", "11"}, {"DC", "11"},
		{"St Louis city", "29510"}, {"St. Louis County", "29189"}, {"Baltimore city", "2404000"}, {"Baltimore County", "24005"}, {"King County", "53033"}, {"King County, WA", "53033"}, {"king, tx", "48269"},
		{"Kansas", "20"}, {"Kansas City", "2938000"}, {"New York City", "3651000"}, {"New York", "36"},
		{"Baltimore County", "24005"}, {"Baltimore city", "2404000"}, {"Bethel Census Area", "02050"},
		{"Matanuska-Susitna Borough", "02170"}, {"Juneau City and Borough", "02110"}, {"Miami-Dade", "12086"},
		{"Los Angeles", "06037"}, {"City of Los Angeles", "0644000"}, {"Los Angeles city", "0644000"},
		{"Philadelphia", "4260000"}, {"Texas", "48"}, {"06", "06"}, {"0644000", "0644000"}, {"Fairfax", "51059"},
		{"hennepin county minnesota", "27053"},
	} {
		got := ix.Search(c.q, 1)
		if len(got) == 0 || got[0].FIPS != c.want {
			t.Errorf("Search(%q) = %v, want %s first", c.q, got, c.want)
		}
	}
}

// A sheet's names find their places, and names that fit two are reported.
func TestMatch(t *testing.T) {
	b, d, err := assets.Load()
	if err != nil {
		t.Fatal(err)
	}
	ix := New(b, d, assets.PopulationRank())
	for _, c := range []struct {
		name, state string
		lvl         dataset.Level
		want        []string
	}{
		{"Cook County", "IL", dataset.County, []string{"17031"}},
		{"cook", "Illinois", dataset.County, []string{"17031"}},
		{"Doña Ana", "NM", dataset.County, []string{"35013"}},
		{"St. Louis", "MO", dataset.County, []string{"29189"}},
		{"Nowhere", "IL", dataset.County, nil},
		{"Cook", "IL", dataset.State, nil},
	} {
		var got []string
		for _, p := range ix.Match(c.name, c.state, c.lvl) {
			got = append(got, p.FIPS)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Match(%q, %q, %s) = %v, want %v", c.name, c.state, c.lvl, got, c.want)
		}
	}
}

// A name that is not its FIPS code's is a warning, while the names people
// and lists write for a place are not.
func TestCheckNames(t *testing.T) {
	b, err := assets.Boundaries()
	if err != nil {
		t.Fatal(err)
	}
	g := "fips,name,state,list,listed_from,removed_on,as_of,source,verification\n" +
		"06,Texas,CA,doj-2025,2025-08-05,,2026-12-01,https://x.org,confirmed\n" +
		"06,CA,CA,dhs-2025,2025-05-29,,2026-12-01,https://x.org,confirmed\n" +
		"54,West Virginia,WV,doj-2025,2025-08-05,,2026-12-01,https://x.org,confirmed\n" +
		"13059,Athens-Clarke County,GA,doj-2025,2025-08-05,,2026-12-01,https://x.org,confirmed\n" +
		"35011,DeBaca County,NM,doj-2025,2025-08-05,,2026-12-01,https://x.org,confirmed\n" +
		"29510,St. Louis city,MO,doj-2025,2025-08-05,,2026-12-01,https://x.org,confirmed\n" +
		"17031,Kane County,IL,doj-2025,2025-08-05,,2026-12-01,https://x.org,confirmed\n"
	d, err := dataset.Load(dataset.File{Name: "g.csv", Data: []byte(g)})
	if err != nil {
		t.Fatal(err)
	}
	got := CheckNames(d, b).Error()
	want := `g.csv:2:4: warning: name "Texas" is not that of 06, which is California
g.csv:8:7: warning: name "Kane County" is not that of 17031, which is Cook, IL`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// Every Census place is found as people type it: by name and state, by
// name alone, by its 7-digit code.
func TestTowns(t *testing.T) {
	b, d, _ := assets.Load()
	ix := New(b, d, assets.PopulationRank())
	for q, want := range map[string]string{"Mustang Ridge, TX": "4850200", "Kittanning": "4240040", "4850200": "4850200", "kittanning borough, pa": "4240040"} {
		if got := ix.Search(q, 1); len(got) != 1 || got[0].FIPS != want {
			t.Errorf("Search(%q) = %v, want %s", q, got, want)
		}
	}
}

// A keystroke's search over 35,000 names stays under 5 ms.
func BenchmarkSearch(b *testing.B) {
	bs, d, _ := assets.Load()
	ix := New(bs, d, assets.PopulationRank())
	for b.Loop() {
		for _, q := range []string{"m", "mu", "mus", "must", "mustang r"} {
			ix.Search(q, 8)
		}
	}
}

// Building the index, which every load does.
func BenchmarkNew(b *testing.B) {
	bs, d, _ := assets.Load()
	for b.Loop() {
		New(bs, d, assets.PopulationRank())
	}
}
