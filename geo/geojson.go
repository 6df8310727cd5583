package geo

import (
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

func decodeGeoJSON(data []byte) ([]feature, error) {
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		return nil, err
	}
	feats := make([]feature, 0, len(fc.Features))
	for i, f := range fc.Features {
		n := i + 1
		var mp orb.MultiPolygon
		switch g := f.Geometry.(type) {
		case nil:
			continue // a null geometry is valid GeoJSON: nothing to draw
		case orb.Polygon:
			mp = orb.MultiPolygon{g}
		case orb.MultiPolygon:
			mp = g
		default:
			return nil, unsupported(n, f.Geometry.GeoJSONType())
		}
		feats = append(feats, feature{n: n, id: keyOf(f.ID, f.Properties), name: nameOf(f.Properties), geom: mp})
	}
	return feats, nil
}
