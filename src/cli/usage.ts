/** The `--help` text: part of the CLI contract used by batch scripts, keep it in step with args.ts. */
export const USAGE = `renovation-planner analyze — 15-minute life-circle accessibility and renovation zones of residential communities

Usage:
  npm run cli -- analyze --communities FILE --facilities FILE [--roads FILE] [--config FILE.json] --out DIR
                 [--crs-communities CRS] [--crs-facilities CRS] [--crs-roads CRS] [--out-crs CRS] [--formats LIST]
                 [--eligible-before YEAR] [--zone-gap METRES] [--barriers LIST] [--zone-max-households N] [--no-zones]
  npx tsx src/cli/main.ts analyze ...      (same command without npm)

Inputs (GeoJSON .geojson/.json/.geojsonl, FlatGeobuf .fgb, OpenStreetMap .osm/.osm.xml or Overpass JSON):
  --communities FILE   residential communities (Polygon/MultiPolygon); from an OSM file: landuse=residential
                       and residential=* areas. Fields such as name/名称, households/户数 are recognised.
  --facilities FILE    service facilities (Point or Polygon) with a \`category\` field holding a category id
                       (e.g. kindergarten) or its Chinese name (幼儿园), several separated by ';'.
                       From an OSM file: mapped from tags (amenity, shop, leisure, healthcare …).
  --roads FILE         road/path lines (highway=* class). Without it distances are straight-line
                       ("analysis_mode": "euclidean" in every output). Lines tagged railway=rail|light_rail|
                       subway|narrow_gauge|monorail or waterway=river|canal|stream (or natural=water areas)
                       with no highway tag are zoning barriers only, never walked along.
  --config FILE.json   partial analysis settings, e.g.
                       { "walkSpeedMetersPerMinute": 70,
                         "categories": { "kindergarten": { "maxWalkMeters": 400, "required": true } },
                         "network": { "maxSnapMeters": 200, "mergeToleranceMeters": 0.5, "nodeAtCrossings": false },
                         "zoning": { "eligibleBefore": 2000, "gapMeters": 30, "barriers": ["trunk", "primary"],
                                     "maxHouseholds": 3000, "maxAreaSqm": 300000 } }
                       (the flags below win over "zoning")
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

Renovation zones (区块化改造):
  --eligible-before YEAR   eligible when built in or before YEAR (default 2000); unknown build year,
                           demolition (计划征收拆迁) and shanty-town (棚户区改建) communities are never eligible
  --zone-gap METRES        eligible communities closer than this are neighbours (default 30; touching = 0)
  --barriers LIST          road classes a neighbour link must not cross (default motorway,trunk,primary;
                           "none" = no road barriers). Railways and waterways in --roads always are.
  --zone-max-households N  split larger groups into compact zones of at most N households (default 3000)
  --no-zones               walking distances only (faster, e.g. for batches of many cities): no zones.* files,
                           eligible, excluded_reason and zone_id are null, summary.json "zoning" is null;
                           cannot be combined with the zone options above

Outputs:
  --out DIR            created if missing. Writes
                         communities.geojson  every community with its original properties plus
                                              walk_m_<category> (metres, null = none within 2× max walk),
                                              covered_<category>, coverage_score, off_network, analysis_mode,
                                              eligible, excluded_reason, zone_id
                         zones.geojson        one feature per zone: zone_id, zone_name, community_ids, communities,
                                              households, residents, area_sqm, build years, willingness_mean,
                                              pm_* counts, categories_missing, households_in_gaps
                         gaps.csv             uncovered required categories, most households first (UTF-8 BOM)
                         summary.json         mode, per-category households covered, network, off-network ids,
                                              zoning (eligible/excluded households by reason, zones), issues
  --formats LIST       comma-separated from geojson, csv, fgb (default geojson,csv): geojson writes
                       communities.geojson and zones.geojson, csv writes gaps.csv, communities.csv and
                       zones.csv (no geometry), fgb writes communities.fgb and zones.fgb (FlatGeobuf, typed
                       columns, layers "communities" and "zones"). summary.json is always written.

Other:
  --strict             exit with code 3 when any input feature was skipped as an error
  --quiet              no progress on stderr
  --threads N          threads for the walking-distance work, the main one included (default: one per
                       core, at most 4, for a roads file of 2 MB or more and a big network): N − 1 worker
                       threads build the walk network and search it; big inputs also draft and write the
                       zones and write gaps.csv on threads. 0 or 1 = main thread only.
                       Results are identical either way.
  -h, --help           this text

Exit codes: 0 done, 2 bad command line, 3 bad input (the message names the file and the feature), 1 other error.
`;
