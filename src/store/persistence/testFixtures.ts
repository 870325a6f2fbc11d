/** Small domain fixtures for the persistence tests (two communities, a facility, a road, a water body). */
import type { Community, Facility, Road } from '../../core/types';
import type { CityDataset, WaterBody } from '../../io/sample';

const square = (lng: number, lat: number): Community['geometry'] => ({
  type: 'Polygon',
  coordinates: [[[lng, lat], [lng + 0.001, lat], [lng + 0.001, lat + 0.001], [lng, lat + 0.001], [lng, lat]]],
});

export function community(id: string, lng: number, buildYear: number | null): Community {
  return {
    id, name: `小区${id}`, geometry: square(lng, 28.68), buildYear, households: 120, residents: 300, buildings: 4,
    district: '东湖区', subdistrict: null, propertyManagement: 'self', willingness: 0.8, renovation: 'none',
    renovatedYear: null, demolitionPlanned: false, shantyTown: false, historic: false, properties: { 原编号: id, 层数: 6 },
  };
}

export function testDataset(name = 'east-lake.geojson'): CityDataset {
  const facilities: Facility[] = [{ id: 'f1', name: '社区卫生服务站', categories: ['health_station'], geometry: { type: 'Point', coordinates: [115.9, 28.681] }, planned: false, properties: {} }];
  const roads: Road[] = [{ id: 'r1', highway: 'residential', name: '站前路', geometry: { type: 'LineString', coordinates: [[115.899, 28.68], [115.905, 28.68]] }, properties: { lanes: 2 } }];
  const water: WaterBody[] = [{ id: 'w1', name: '东湖', kind: 'lake', geometry: square(115.91, 28.69) as WaterBody['geometry'], properties: {} }];
  return {
    name,
    communities: [community('c1', 115.9, 1988), community('c2', 115.902, null)],
    facilities, roads, water,
    issues: [{ severity: 'warning', file: name, featureIndex: 1, field: 'build_year', action: 'kept', message: 'build year missing' }],
  };
}
