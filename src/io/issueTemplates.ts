/**
 * The English text of every input issue, by code: `{{name}}` marks a parameter (the same syntax i18next
 * interpolates, so the UI translates `issues.<code>` with the issue's params). The English here is what the CLI,
 * logs and exports print; changing a template changes their output.
 */

/** Geometry repairs (validate/geometry.ts): each also has a `<code>Counted` form, " (n)" when repeated in one feature. */
const GEOMETRY_REPAIRS = {
  geomRepairDuplicatePoints: 'removed duplicate consecutive points',
  geomRepairClosedRings: 'closed unclosed rings',
  geomRepairDroppedShortHoles: 'dropped holes with fewer than 4 positions',
  geomRepairDroppedZeroHoles: 'dropped zero-area holes',
  geomRepairRewound: 'rewound rings to RFC 7946 winding',
  geomRepairSplitKinks: 'split a self-intersecting polygon at {{crossings}} crossing(s) into {{parts}} parts and merged them ({{areaM2}} m²)',
  geomRepairDroppedLineParts: 'dropped line parts with fewer than 2 distinct points',
  geomRepairDroppedPolygonParts: 'dropped invalid polygon parts ({{reason}})',
} as const;

type Counted<T> = { [K in keyof T & string as `${K}Counted`]: string };

/** The counted forms of a repair table, built with `suffix` (which must hold `{{count}}`). */
export function countedForms<T extends Record<string, string>>(table: T, suffix: string): Counted<T> {
  const out: Record<string, string> = {};
  for (const [code, text] of Object.entries(table)) out[`${code}Counted`] = `${text}${suffix}`;
  return out as Counted<T>;
}

/** Why validate/geometry.ts skipped a feature's geometry. */
const GEOMETRY_REASONS = {
  geomMissing: 'no geometry',
  geomInvalid: 'invalid geometry',
  geomMalformed: 'malformed coordinates',
  geomNonNumeric: 'non-numeric coordinate [{{x}}, {{y}}]',
  geomNotFinite: 'coordinate is not a finite number [{{x}}, {{y}}]',
  geomOutOfRange: 'coordinate out of range [{{x}}, {{y}}] (longitude ±180, latitude ±90): wrong coordinate system?',
  geomRingTooShort: 'polygon ring has {{positions}} positions, at least 4 needed',
  geomEmptyPolygon: 'empty polygon',
  geomZeroArea: 'polygon has zero area',
  geomKinkUnrepairable: 'self-intersecting polygon ({{crossings}} crossings) could not be repaired',
  geomEmpty: 'empty geometry',
  geomLineTooShort: 'line has fewer than 2 distinct points',
  geomCheckFailed: 'geometry could not be checked: {{detail}}',
} as const;

/** Why an OSM relation gives no complete area (osm/geometry.ts), quoted as {{reason}} by the OSM issues. */
const OSM_RELATION_REASONS = {
  osmReasonNoOuter: 'has no outer way',
  osmReasonMemberMissing: 'member way/{{ref}} is missing from the file',
  osmReasonMemberIncomplete: 'member way/{{ref}} has {{missing}} of {{total}} nodes missing',
  osmReasonRingsOpen: 'rings do not close',
} as const;

/** Coordinate-system hints of io/crs/hints.ts, quoted inside crsHint (translated there as a nested reason). */
const CRS_HINTS = {
  crsHintOutOfRange: '{{outside}} of {{total}} coordinates are outside longitude ±180 / latitude ±90',
  crsHintZone: 'Projected coordinates with zone number {{zone}} in the easting: CGCS2000 Gauss-Krüger {{crs}}?',
  crsHintNoZone: 'Projected coordinates without a zone number in the easting: choose the Gauss-Krüger central meridian (CGCS2000 3° CM, EPSG:4534–4554)',
  crsHintWebMercator: 'Coordinates look like Web Mercator metres (EPSG:3857)',
  crsHintUnknownProjection: 'Coordinates are not longitude/latitude and match no known projection: choose the coordinate system',
  crsHintOffset: 'Points sit a median {{asRead}} m from the streets; read as {{crs}} they sit {{shifted}} m away ({{closer}}% of points closer): convert from {{crs}}?',
} as const;

/** Attribute warnings of validate/properties.ts. */
const PROPERTY_WARNINGS = {
  propFieldNameUndecodable: 'field name "{{field}}" contains undecodable characters (U+FFFD): wrong encoding?',
  propValueUndecodable: 'field {{field}} contains undecodable characters (U+FFFD): wrong encoding?',
  propMarkup: 'field {{field}} contains HTML/script markup; kept verbatim as text',
  propNumberTooLarge: 'field {{field}} holds a number too large to represent ({{value}}); exports will write null',
  propUnsafeInteger: 'field {{field}} holds an integer beyond 2^53; its last digits may be lost',
  propMissing: 'field {{field}} is missing',
  propNotNumber: 'field {{field}} is not a number',
} as const;

export const ISSUE_TEMPLATES = {
  // read.ts, importPipeline.ts, importLayer.ts: files and layers
  fileUnreadable: 'File could not be read: {{detail}}',
  fileNotUtf8: 'File is not valid UTF-8: decoded as GBK',
  fileNotUtf8Json: 'File is not valid UTF-8 (RFC 8259 requires it): decoded as GBK',
  fileManyLayers: 'File holds {{count}} layers; read {{layer}}, not {{others}}',
  fileLargePartial: 'Large file: only the {{read}} features inside the map view were read (of {{total}}); "Read all" in the import dialog reads the whole file',
  layerEmpty: 'The file holds no features',
  crsUnknownChoice: 'Unknown coordinate system "{{crs}}"; read as WGS84',
  crsNotUnderstood: "The file's coordinate system could not be understood ({{declared}}); read as WGS84",
  crsHint: 'Coordinate system: {{reason}}',
  mixedGeometry: 'Mixed geometry types: {{types}}; assign each part to a layer role (communities need polygons, facilities points, roads lines)',
  // geojson.ts
  geojsonNotJson: 'Not valid JSON: {{detail}}',
  geojsonNotGeojson: 'Not GeoJSON: expected a FeatureCollection, Feature or geometry object',
  geojsonLineNotJson: 'Line {{line}} is not valid JSON',
  geojsonNotFeature: 'Feature {{index}} is not a GeoJSON Feature',
  geojsonNoGeometry: 'Feature {{index}} has no geometry',
  // csv.ts
  csvEmpty: 'CSV file is empty',
  csvQuotes: 'Line {{line}}: {{detail}}',
  csvNoCoordinates: 'No coordinate columns: expected longitude (lon/lng/longitude/x/经度) and latitude (lat/latitude/y/纬度) columns or a WKT column; found {{header}}; {{rows}} rows not imported',
  csvCellEmpty: '{{column}} is empty',
  csvCellMissing: '{{column}} is missing (row has {{fields}} fields, header has {{headerFields}})',
  csvNotNumber: '{{column}} "{{value}}" is not a number',
  csvNotWkt: '{{column}} is not valid WKT ({{detail}})',
  csvFieldCount: '{{fields}} fields, header has {{headerFields}}',
  // flatgeobufRead.ts, flatgeobufBbox.ts
  fgbReadFailed: 'FlatGeobuf could not be read past feature {{index}}: {{detail}}',
  fgbNotReadable: 'Not a readable FlatGeobuf file: {{detail}}',
  fgbTruncated: 'FlatGeobuf is truncated or corrupt after feature {{index}} ({{detail}})',
  fgbTruncatedLost: 'FlatGeobuf is truncated or corrupt after feature {{index}}; {{lost}} of {{total}} features not read ({{detail}})',
  fgbOutsideIndexed: '{{count}} features outside the requested bbox were not loaded (read through the spatial index)',
  fgbOutsideNoIndex: '{{count}} features outside the requested bbox were not loaded (file has no spatial index)',
  // shapefile.ts, shapefile/dbf.ts
  shpNotZip: 'Not a readable zip file: {{detail}}',
  shpZipNoShp: 'Zip contains no .shp file (found: {{found}})',
  shpZipEmpty: 'Zip contains no .shp file (found: nothing)',
  shpDroppedNoShp: 'The dropped files contain no .shp file (found: {{found}})',
  shpDroppedEmpty: 'The dropped files contain no .shp file (found: nothing)',
  shpNoShp: '{{container}} no .shp file (found: {{found}})',
  shpNoShpEmpty: '{{container}} no .shp file (found: nothing)',
  shpBadHeader: '{{layer}}.shp is not a shapefile (bad header)',
  shpUnreadable: '{{layer}}.shp ({{shapeType}}) could not be read: {{detail}}',
  shpNoPrj: '{{layer}} has no .prj: coordinate system unknown',
  shpNoDbf: '{{layer}} has no .dbf: features have no attributes',
  shpMissingShape: 'Record {{record}} has no shape: {{layer}}.shp holds {{shapes}} shapes for {{records}} .dbf records (truncated)',
  shpNullShape: 'Shape {{shape}} is a null shape (no geometry)',
  dbfUnreadable: '{{layer}}.dbf could not be read ({{detail}}): features kept without attributes',
  dbfFewerRecords: '{{layer}}.dbf has {{records}} records for {{shapes}} shapes: shapes {{first}}–{{shapes}} have no attributes',
  dbfDeleted: 'Record {{record}} is marked deleted in the .dbf',
  dbfCpgUnknown: '.cpg names an unknown encoding "{{encoding}}"; guessing from the content',
  dbfGbkGuessed: 'No .cpg file and the text is not valid UTF-8: decoded as GBK',
  dbfTruncated: '.dbf header says {{declared}} records but the file holds {{available}}: it is truncated',
  dbfNotNumber: 'field {{field}}: "{{value}}" is not a number; kept as text',
  // osm.ts, osm/layers.ts ({{id}} is the OSM id, {{tags}} the tags that made the element a candidate)
  osmNotOsm: 'Not an OSM file: {{detail}}',
  osmResidentialPoint: '{{id}} {{tags}} is a point, not an area; not used as a community',
  osmWayNotClosed: '{{id}} {{tags}} is not closed',
  osmWayIncomplete: "{{id}} {{tags}} is incomplete: {{missing}} of {{total}} nodes missing (cut at the extract's edge)",
  osmRelationNotMultipolygon: '{{id}} {{tags}} is a type={{type}} relation, not a multipolygon',
  osmRelationIncomplete: '{{id}} {{tags}} is incomplete: {{reason}}',
  osmRingsOpen: '{{id}} {{tags}} rings do not close into a polygon',
  osmNoResidential: 'no residential areas (landuse=residential or residential=* polygons) found',
  osmNoResidentialPlaces: 'no residential areas (landuse=residential or residential=* polygons) found; {{places}} place=quarter/neighbourhood points exist but a point has no area, so they are not used as communities',
  osmWayNoNodes: '{{id}} {{tags}} has none of its {{total}} nodes in the file',
  osmWayIncompleteMean: '{{id}} {{tags}} is incomplete ({{missing}} of {{total}} nodes missing); placed at the mean of its present nodes',
  osmOpenWayMiddle: '{{id}} {{tags}} is an open way; placed at its middle vertex',
  osmRelationOnlyMultipolygons: '{{id}} {{tags}} is a type={{type}} relation; only multipolygons are read',
  osmMultipolygonFailed: '{{id}} {{tags}} multipolygon could not be built ({{reason}})',
  osmRelationPartial: '{{id}} {{tags}} is incomplete ({{reason}}); built from the members present',
  osmHighwayArea: '{{id}} highway={{highway}} area=yes is an area, not a line',
  osmHighwayTooFewNodes: '{{id}} highway={{highway}} has fewer than 2 of its {{total}} nodes in the file',
  osmHighwayIncomplete: "{{id}} highway={{highway}}: {{missing}} of {{total}} nodes missing (cut at the extract's edge); kept {{parts}} present part(s)",
  // domain.ts: mapping features to communities, facilities and roads
  communityGeometryWrong: 'community geometry is {{type}}, expected Polygon or MultiPolygon',
  communityGeometryMissing: 'community geometry is missing, expected Polygon or MultiPolygon',
  buildYearNotNumber: 'build year "{{value}}" is not a number; left empty',
  householdsNotNumber: 'households "{{value}}" is not a number; left empty',
  willingnessNotNumber: 'willingness "{{value}}" is not a number; left empty',
  residentsNotNumber: 'residents "{{value}}" is not a number; left empty',
  buildingsNotNumber: 'buildings "{{value}}" is not a number; left empty',
  renovatedYearNotNumber: 'renovated year "{{value}}" is not a number; left empty',
  buildYearOutOfRange: 'build year {{year}} is out of range',
  householdsNegative: 'households {{households}} is negative',
  facilityGeometryWrong: 'facility geometry is {{type}}, expected Point or Polygon',
  facilityGeometryMissing: 'facility geometry is missing, expected Point or Polygon',
  facilityNoCategory: 'facility has no category field',
  facilityUnknownCategory: 'unknown category "{{value}}"',
  facilityUnknownCategoriesIgnored: 'unknown categories ignored: {{values}}',
  roadGeometryWrong: 'road geometry is {{type}}, expected LineString',
  roadGeometryMissing: 'road geometry is missing, expected LineString',
  roadNoHighway: 'road has no highway class; treated as a local street',
  // sample.ts
  waterGeometryWrong: 'water geometry is {{type}}, expected Polygon',
  waterGeometryMissing: 'water geometry is missing, expected Polygon',
  // store/importMerge.ts: "add to the loaded data" imports
  idRenamedCommunity: 'id "{{from}}" is already used by a loaded community; renamed to "{{to}}"',
  idRenamedFacility: 'id "{{from}}" is already used by a loaded facility; renamed to "{{to}}"',
  idRenamedRoad: 'id "{{from}}" is already used by a loaded road; renamed to "{{to}}"',
  // validate.ts and validate/*: per-feature checks
  ...GEOMETRY_REASONS,
  ...GEOMETRY_REPAIRS,
  ...countedForms(GEOMETRY_REPAIRS, ' ({{count}})'),
  ...PROPERTY_WARNINGS,
  ...OSM_RELATION_REASONS,
  ...CRS_HINTS,
} as const;

export type IssueCode = keyof typeof ISSUE_TEMPLATES;

/** The codes of the texts validate/* builds as plain strings (validate.ts finds their code by matching). */
export const GEOMETRY_REASON_CODES = Object.keys(GEOMETRY_REASONS) as IssueCode[];
/** Counted forms first: "closed unclosed rings (2)" is the counted form, not a plain text that happens to end so. */
export const GEOMETRY_REPAIR_CODES = [...Object.keys(countedForms(GEOMETRY_REPAIRS, '')), ...Object.keys(GEOMETRY_REPAIRS)] as IssueCode[];
export const PROPERTY_WARNING_CODES = Object.keys(PROPERTY_WARNINGS) as IssueCode[];
/** The codes a `reason` param may be the text of (it is then translated too: see `issue`). */
export const NESTED_REASON_CODES = [...Object.keys(GEOMETRY_REASONS), ...Object.keys(OSM_RELATION_REASONS), ...Object.keys(CRS_HINTS)] as IssueCode[];
