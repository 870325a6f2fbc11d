/** The `--help` text: part of the CLI contract used by batch scripts, keep it in step with args.ts. */
export const USAGE = `renovation-planner analyze — 15-minute life-circle accessibility of residential communities

Usage:
  npm run cli -- analyze --communities FILE --facilities FILE [--roads FILE] [--config FILE.json] --out DIR
                 [--crs-communities CRS] [--crs-facilities CRS] [--crs-roads CRS] [--out-crs CRS] [--formats LIST]
  npx tsx src/cli/main.ts analyze ...      (same command without npm)

Inputs (GeoJSON .geojson/.json/.geojsonl, FlatGeobuf .fgb, OpenStreetMap .osm/.osm.xml or Overpass JSON):
  --communities FILE   residential communities (Polygon/MultiPolygon); from an OSM file: landuse=residential
                       and residential=* areas. Fields such as name/名称, households/户数 are recognised.
  --facilities FILE    service facilities (Point or Polygon) with a \`category\` field holding a category id
                       (e.g. kindergarten) or its Chinese name (幼儿园), several separated by ';'.
                       From an OSM file: mapped from tags (amenity, shop, leisure, healthcare …).
  --roads FILE         road/path lines (highway=* class). Without it distances are straight-line
                       ("analysis_mode": "euclidean" in every output).
  --config FILE.json   partial analysis settings, e.g.
                       { "walkSpeedMetersPerMinute": 70,
                         "categories": { "kindergarten": { "maxWalkMeters": 400, "required": true } },
                         "network": { "maxSnapMeters": 200, "mergeToleranceMeters": 0.5, "nodeAtCrossings": false } }
  One OSM file may be given for all three inputs; it is read once.
  Also read: zipped Shapefile (.zip with .prj/.cpg), CSV/TSV with lon/lat (经度/纬度) or WKT columns.

Coordinate systems (each input; the flag wins over a .prj / FlatGeobuf / GeoJSON declaration, which wins over
the default WGS84): wgs84, gcj02 (Amap/Tencent), bd09 (Baidu), cgcs2000, EPSG:4490, EPSG:4513–4554 (CGCS2000
Gauss-Krüger), other EPSG codes proj4 knows, a proj4 string or WKT.
  --crs-communities CRS
  --crs-facilities CRS
  --crs-roads CRS
  --out-crs CRS        coordinate system of written geometry: wgs84 (default), gcj02 or bd09 (for Chinese
                       map platforms; GeoJSON then carries a "coordinate_system" member saying so)

Outputs:
  --out DIR            created if missing. Writes
                         communities.geojson  every community with its original properties plus
                                              walk_m_<category> (metres, null = none within 2× max walk),
                                              covered_<category>, coverage_score, off_network, analysis_mode
                         gaps.csv             uncovered required categories, most households first (UTF-8 BOM)
                         summary.json         mode, per-category households covered, network, off-network ids, issues
  --formats LIST       comma-separated from geojson, csv, fgb (default geojson,csv): geojson writes
                       communities.geojson, csv writes gaps.csv and communities.csv (no geometry),
                       fgb writes communities.fgb (FlatGeobuf, typed columns). summary.json is always written.

Other:
  --strict             exit with code 3 when any input feature was skipped as an error
  --quiet              no progress on stderr
  -h, --help           this text

Exit codes: 0 done, 2 bad command line, 3 bad input (the message names the file and the feature), 1 other error.
`;
