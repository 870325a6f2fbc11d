import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readOsm } from './osm';

// A tiny hand-written extract. Node coordinates are on a 0.001° grid near Beijing.
const OSM_XML = `<?xml version="1.0" encoding="UTF-8"?>
<!-- exported by hand <not a tag> -->
<osm version="0.6" generator="hand">
  <node id="1" lat="39.000" lon="116.000"/>
  <node id="2" lat="39.000" lon="116.002"/>
  <node id="3" lat="39.002" lon="116.002"/>
  <node id="4" lat="39.002" lon="116.000"/>
  <node id="5" lat="39.010" lon="116.010"/>
  <node id="6" lat="39.010" lon="116.020"/>
  <node id="7" lat="39.020" lon="116.020"/>
  <node id="8" lat="39.020" lon="116.010"/>
  <node id="9" lat="39.014" lon="116.014"/>
  <node id="10" lat="39.014" lon="116.016"/>
  <node id="11" lat="39.016" lon="116.016"/>
  <node id="12" lat="39.016" lon="116.014"/>
  <node id="20" lat="39.001" lon="116.001">
    <tag k="amenity" v="community_centre"/>
    <tag k="name" v="和平里社区服务中心 &amp; 文化站"/>
  </node>
  <node id="21" lat="39.003" lon="116.003">
    <tag k="amenity" v="restaurant"/>
  </node>
  <node id="22" lat="39.004" lon="116.004">
    <tag k="landuse" v="residential"/>
  </node>
  <node id="23" lat="39.005" lon="116.005">
    <tag k="place" v="quarter"/>
  </node>
  <node id="30" lat="39.030" lon="116.000"/>
  <node id="31" lat="39.030" lon="116.010"/>
  <node id="32" lat="39.030" lon="116.020"/>
  <node id="33" lat="39.030" lon="116.030"/>
  <way id="100">
    <nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/>
    <tag k="landuse" v="residential"/>
    <tag k="name" v="和平里小区"/>
    <tag k="residential" v="apartments"/>
  </way>
  <way id="101">
    <nd ref="1"/><nd ref="2"/><nd ref="3"/>
    <tag k="landuse" v="residential"/>
  </way>
  <way id="102">
    <nd ref="1"/><nd ref="999"/><nd ref="3"/><nd ref="1"/>
    <tag k="landuse" v="residential"/>
  </way>
  <way id="110"><nd ref="5"/><nd ref="6"/><nd ref="7"/></way>
  <way id="111"><nd ref="7"/><nd ref="8"/><nd ref="5"/></way>
  <way id="112"><nd ref="9"/><nd ref="10"/><nd ref="11"/><nd ref="12"/><nd ref="9"/></way>
  <way id="120">
    <nd ref="9"/><nd ref="10"/><nd ref="11"/><nd ref="12"/><nd ref="9"/>
    <tag k="amenity" v="school"/>
    <tag k="name" v="实验小学"/>
  </way>
  <way id="130">
    <nd ref="30"/><nd ref="31"/><nd ref="32"/><nd ref="33"/>
    <tag k="highway" v="residential"/>
    <tag k="name" v="和平路"/>
  </way>
  <way id="131">
    <nd ref="30"/><nd ref="31"/><nd ref="998"/><nd ref="32"/><nd ref="33"/>
    <tag k="highway" v="footway"/>
  </way>
  <way id="132">
    <nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="1"/>
    <tag k="highway" v="pedestrian"/>
    <tag k="area" v="yes"/>
  </way>
  <relation id="200">
    <member type="way" ref="110" role="outer"/>
    <member type="way" ref="111" role="outer"/>
    <member type="way" ref="112" role="inner"/>
    <tag k="type" v="multipolygon"/>
    <tag k="landuse" v="residential"/>
    <tag k="name" v="幸福家园"/>
  </relation>
  <relation id="201">
    <member type="way" ref="110" role="outer"/>
    <member type="way" ref="997" role="outer"/>
    <tag k="type" v="multipolygon"/>
    <tag k="landuse" v="residential"/>
  </relation>
</osm>`;

describe('readOsm on OSM XML', () => {
  const layers = readOsm(OSM_XML, 'town.osm');

  it('keeps closed residential ways and complete multipolygons, with OSM ids and all tags', () => {
    const c = layers.communities.features;
    expect(c.map((f) => f.properties!.id)).toEqual(['way/100', 'relation/200']);
    expect(c[0].properties).toMatchObject({ name: '和平里小区', landuse: 'residential', residential: 'apartments' });
    expect(c[0].geometry).toEqual({ type: 'Polygon', coordinates: [[[116, 39], [116.002, 39], [116.002, 39.002], [116, 39.002], [116, 39]]] });
    // The two outer ways join into one ring; the inner way becomes a hole.
    const mp = c[1].geometry as Polygon;
    expect(mp.type).toBe('Polygon');
    expect(mp.coordinates).toHaveLength(2);
    expect(mp.coordinates[0]).toHaveLength(5);
    expect(c[1].properties!.name).toBe('幸福家园');
  });

  it('reports every residential element it skips, with its OSM id and why', () => {
    const msgs = layers.communities.issues.map((i) => i.message);
    expect(msgs).toContain('node/22 landuse=residential is a point, not an area; not used as a community');
    expect(msgs).toContain('way/101 landuse=residential is not closed');
    expect(msgs).toContain("way/102 landuse=residential is incomplete: 1 of 4 nodes missing (cut at the extract's edge)");
    expect(msgs).toContain('relation/201 landuse=residential is incomplete: member way/997 is missing from the file');
    expect(layers.communities.issues.every((i) => i.file === 'town.osm' && i.action === 'skipped')).toBe(true);
    expect(layers.communities.issues).toHaveLength(4);
  });

  it('maps facility tags to categories; a community_centre counts for two categories', () => {
    const f = layers.facilities.features;
    expect(f.map((x) => x.properties!.id)).toEqual(['node/20', 'way/120']);
    expect(f[0].properties).toMatchObject({ category: 'culture;community_service', amenity: 'community_centre', name: '和平里社区服务中心 & 文化站' });
    expect(f[0].geometry).toEqual({ type: 'Point', coordinates: [116.001, 39.001] });
    // A school polygon named …小学 maps to primary_school and stays a polygon.
    expect(f[1].properties!.category).toBe('primary_school');
    expect(f[1].geometry.type).toBe('Polygon');
  });

  it('keeps highway lines with their tags, splits at missing nodes and skips highway areas', () => {
    const r = layers.roads.features;
    expect(r.map((x) => x.properties!.id)).toEqual(['way/130', 'way/131']);
    expect(r[0].properties).toMatchObject({ highway: 'residential', name: '和平路' });
    expect(r[0].geometry).toEqual({ type: 'LineString', coordinates: [[116, 39.03], [116.01, 39.03], [116.02, 39.03], [116.03, 39.03]] });
    // Never bridge the missing node 998 with an invented straight chord.
    expect(r[1].geometry).toEqual({ type: 'MultiLineString', coordinates: [[[116, 39.03], [116.01, 39.03]], [[116.02, 39.03], [116.03, 39.03]]] });
    expect(layers.roads.issues.map((i) => i.message)).toEqual([
      "way/131 highway=footway: 1 of 5 nodes missing (cut at the extract's edge); kept 2 present part(s)",
      'way/132 highway=pedestrian area=yes is an area, not a line',
    ]);
  });
});

describe('readOsm on Overpass JSON', () => {
  it('reads the same layers from `out body` JSON as from XML', () => {
    const json = {
      version: 0.6,
      elements: [
        { type: 'node', id: 1, lat: 39, lon: 116 },
        { type: 'node', id: 2, lat: 39, lon: 116.002 },
        { type: 'node', id: 3, lat: 39.002, lon: 116.002 },
        { type: 'node', id: 20, lat: 39.001, lon: 116.001, tags: { amenity: 'community_centre' } },
        { type: 'node', id: 21, lat: 39.001, lon: 116.0015, tags: { amenity: 'kindergarten', name: '阳光幼儿园' } },
        { type: 'way', id: 100, nodes: [1, 2, 3, 1], tags: { landuse: 'residential', name: '小区' } },
        { type: 'way', id: 130, nodes: [1, 2], tags: { highway: 'service' } },
      ],
    };
    const layers = readOsm(JSON.stringify(json), 'overpass.json');
    expect(layers.communities.features.map((f) => f.properties!.id)).toEqual(['way/100']);
    expect(layers.facilities.features.map((f) => [f.properties!.id, f.properties!.category])).toEqual([
      ['node/20', 'culture;community_service'], ['node/21', 'kindergarten'],
    ]);
    expect(layers.roads.features.map((f) => f.properties!.highway)).toEqual(['service']);
  });

  it('reads `out geom` ways whose coordinates are inline', () => {
    const json = { elements: [{ type: 'way', id: 7, nodes: [1, 2, 3, 1], geometry: [{ lat: 0, lon: 0 }, { lat: 0, lon: 1 }, { lat: 1, lon: 1 }, { lat: 0, lon: 0 }], tags: { landuse: 'residential' } }] };
    const c = readOsm(JSON.stringify(json), 'geom.json').communities.features;
    expect(c[0].geometry).toEqual({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
  });

  it('places `out center` ways and relations at their centre', () => {
    const json = { elements: [
      { type: 'way', id: 8, center: { lat: 39.5, lon: 116.5 }, tags: { amenity: 'school', name: '第一中学' } },
      { type: 'relation', id: 9, center: { lat: 39.6, lon: 116.6 }, tags: { type: 'multipolygon', leisure: 'park' } },
    ] };
    const f = readOsm(JSON.stringify(json), 'center.json').facilities;
    expect(f.features.map((x) => [x.properties!.id, x.properties!.category, x.geometry])).toEqual([
      ['way/8', 'middle_school', { type: 'Point', coordinates: [116.5, 39.5] }],
      ['relation/9', 'fitness', { type: 'Point', coordinates: [116.6, 39.6] }],
    ]);
    expect(f.issues).toEqual([]);
  });

  it('reports a file that is neither OSM XML nor Overpass JSON in every layer', () => {
    const layers = readOsm('<html><body>not osm</body></html>', 'page.osm');
    expect(layers.roads.issues[0]).toMatchObject({ severity: 'error', file: 'page.osm', message: 'Not an OSM file: not OSM XML: no <osm> root element' });
    expect(layers.communities.features).toHaveLength(0);
    expect(readOsm('{"type":"FeatureCollection"}', 'x.json').facilities.issues[0].message).toBe('Not an OSM file: not Overpass JSON: no "elements" array');
  });

  it('says when there are no residential areas, pointing at place=quarter points', () => {
    const xml = '<osm><node id="1" lat="28.3" lon="117.2"><tag k="place" v="quarter"/><tag k="name" v="花园社区"/></node></osm>';
    const c = readOsm(xml, 'guixi.osm').communities;
    expect(c.features).toHaveLength(0);
    expect(c.issues[0].message).toBe('no residential areas (landuse=residential or residential=* polygons) found; 1 place=quarter/neighbourhood points exist but a point has no area, so they are not used as communities');
  });
});
