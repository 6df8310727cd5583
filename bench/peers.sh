#!/usr/bin/env bash
# Times, as whole processes and side by side, the same 1920×1080 counties
# choropleth made by sanctuarymap, by geopandas + matplotlib (the peer
# script in ../shared/bench/peers) and by mapshaper (to SVG), and prints
# the ratios. Installs what is missing: Debian's python3-geopandas,
# python3-matplotlib and hyperfine, npm's mapshaper (into bench/.cache).
set -euo pipefail
cd "$(dirname "$0")/.."
PEERS=${PEERS:-../shared/bench/peers}
CACHE=bench/.cache
OUT=$CACHE/out
RUNS=${RUNS:-5}
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
mkdir -p "$OUT"

missing=$(for p in python3-geopandas python3-matplotlib hyperfine; do dpkg -s $p >/dev/null 2>&1 || echo $p; done)
if [ -n "$missing" ]; then
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi
[ -x $CACHE/node_modules/.bin/mapshaper ] || npm install --silent --prefix $CACHE mapshaper@0.7.70
MAPSHAPER=$CACHE/node_modules/.bin/mapshaper

# The same inputs for every tool: the embedded counties as GeoJSON, and
# each county's category (its state's, as the map shows it).
if [ ! -s $OUT/counties.geojson ]; then
	$MAPSHAPER -i assets/counties-10m.json id-field=GEOID -target counties -o format=geojson id-field=GEOID $OUT/counties.geojson
fi
/usr/bin/python3 - "$OUT" <<'PY'
import csv, json, sys
out = sys.argv[1]
state = {r["fips"]: r["category"] for r in csv.DictReader(open("assets/jurisdictions.csv")) if r["level"] == "state"}
fips = [f["properties"]["GEOID"] for f in json.load(open(out + "/counties.geojson"))["features"]]
with open(out + "/categories.csv", "w") as f:
    f.write("fips,category\n")
    for x in fips:
        f.write("%s,%s\n" % (x, state.get(x[:2], "NO_KNOWN_POLICY")))
PY

# Ours run five times as often: 20 runs of a tenth of a second last 2 s,
# and one burst of other work on a shared machine would move their median.
export SANCTUARYMAP_HUGEPAGES=1 # ours only: the peers ignore it
hyperfine -N --warmup 3 --runs $((5 * RUNS)) --export-json $OUT/ours.json \
	-n sanctuarymap "bin/sanctuarymap render --level counties -o $OUT/ours.png" \
	-n sanctuarymap-geojson "bin/sanctuarymap render --level counties --boundaries $OUT/counties.geojson -o $OUT/ours-geojson.png"
hyperfine -N --warmup 1 --runs "$RUNS" --export-json $OUT/peers.json \
	-n geopandas "/usr/bin/python3 $PEERS/choropleth_geopandas.py $OUT/counties.geojson $OUT/categories.csv $OUT/geopandas.png" \
	-n mapshaper "$MAPSHAPER -i $OUT/counties.geojson -join $OUT/categories.csv keys=GEOID,fips field-types=GEOID:str,fips:str -proj albersusa -style fill=\"category=='STATE_LIMITS' ? '#542788' : category=='STATE_MANDATES' ? '#b35806' : '#c8c8c8'\" -o $OUT/mapshaper.svg width=1920"

/usr/bin/python3 - $OUT/ours.json $OUT/peers.json <<'PY'
import json, sys
t = {r["command"]: r["median"] for f in sys.argv[1:] for r in json.load(open(f))["results"]}
ours = t["sanctuarymap"]
print("\nmedian wall time, whole process:")
for k, v in t.items():
    print("  %-22s %7.3f s" % (k, v))
geo = t["sanctuarymap-geojson"]
print("embedded boundaries: geopandas / sanctuarymap = %5.1f×, mapshaper / sanctuarymap = %5.1f×" % (t["geopandas"] / ours, t["mapshaper"] / ours))
print("the same GeoJSON:    geopandas / sanctuarymap = %5.1f×  (target ≥ 20×)" % (t["geopandas"] / geo))
print("                     mapshaper / sanctuarymap = %5.1f×  (target ≥ 7×)" % (t["mapshaper"] / geo))
PY
