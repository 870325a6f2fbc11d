/** analyze with one OpenStreetMap file (XML or Overpass JSON) feeding all three inputs. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze';
import { looksLikeOsm } from '../../src/cli/inputs';

// A residential block (0.002° square) west of a north–south street at lon 116.003, a kindergarten on the
// street 0.001° north of the block's latitude, and a motorway that must not carry walkers.
const XML = `<?xml version="1.0"?>
<osm version="0.6">
  <node id="1" lat="39.000" lon="116.000"/><node id="2" lat="39.000" lon="116.002"/>
  <node id="3" lat="39.002" lon="116.002"/><node id="4" lat="39.002" lon="116.000"/>
  <node id="10" lat="38.995" lon="116.003"/><node id="11" lat="39.010" lon="116.003"/>
  <node id="12" lat="38.995" lon="116.010"/><node id="13" lat="39.010" lon="116.010"/>
  <node id="20" lat="39.002" lon="116.003"><tag k="amenity" v="kindergarten"/><tag k="name" v="阳光幼儿园"/></node>
  <way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/>
    <tag k="landuse" v="residential"/><tag k="name" v="和平小区"/></way>
  <way id="200"><nd ref="10"/><nd ref="11"/><tag k="highway" v="residential"/></way>
  <way id="201"><nd ref="12"/><nd ref="13"/><tag k="highway" v="motorway"/></way>
</osm>`;

describe('analyze with an OSM file for every input', () => {
  it('uses the matching layer of one .osm file and keeps OSM ids and tags', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-osm-'));
    const osm = join(dir, 'town.osm');
    writeFileSync(osm, XML);
    const out = await runAnalyze({ communities: osm, facilities: osm, roads: osm, out: join(dir, 'out') });
    expect(out.communities.map((c) => [c.id, c.name])).toEqual([['way/100', '和平小区']]);
    expect(out.facilities.map((f) => [f.id, f.categories])).toEqual([['node/20', ['kindergarten']]]);
    expect(out.roads.map((r) => r.id)).toEqual(['way/200', 'way/201']);
    expect(out.summary.network).toMatchObject({ droppedWays: 1 });
    const props = out.communityFeatures[0].properties!;
    expect(props).toMatchObject({ id: 'way/100', landuse: 'residential', name: '和平小区', analysis_mode: 'network', covered_kindergarten: true });
    // Centroid (116.001, 39.001) → street at lon 116.003 (≈173 m east), then ≈111 m north to the kindergarten.
    expect(props.walk_m_kindergarten as number).toBeGreaterThan(280);
    expect(props.walk_m_kindergarten as number).toBeLessThan(290);
  });

  it('recognises Overpass JSON by content and reads it the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-osm-'));
    const json = {
      elements: [
        { type: 'node', id: 1, lat: 39, lon: 116 }, { type: 'node', id: 2, lat: 39, lon: 116.002 }, { type: 'node', id: 3, lat: 39.002, lon: 116.002 },
        { type: 'node', id: 20, lat: 39.001, lon: 116.0025, tags: { amenity: 'community_centre' } },
        { type: 'way', id: 100, nodes: [1, 2, 3, 1], tags: { landuse: 'residential' } },
      ],
    };
    const file = join(dir, 'overpass.json');
    writeFileSync(file, JSON.stringify(json));
    expect(looksLikeOsm(file, new TextEncoder().encode(JSON.stringify(json)))).toBe(true);
    expect(looksLikeOsm('a.json', new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'))).toBe(false);
    const out = await runAnalyze({ communities: file, facilities: file, out: join(dir, 'out') });
    expect(out.facilities[0].categories).toEqual(['culture', 'community_service']);
    expect(out.summary.mode).toBe('euclidean');
    expect(out.summary.categories.find((c) => c.id === 'culture')!.communitiesCovered).toBe(1);
  });
});
