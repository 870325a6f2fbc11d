/** Road classes (OSM `highway` values) and their roles in walking and zoning. */

export type RoadClass = 'arterial' | 'secondary' | 'local' | 'alley' | 'footpath' | 'other';

/** Never walkable: motorways and their links, trunk links, construction and proposed ways, platforms. */
export const NON_WALKABLE_HIGHWAY = new Set([
  'motorway', 'motorway_link', 'trunk_link', 'construction', 'proposed', 'platform', 'raceway', 'bus_guideway', 'abandoned', 'disused',
]);

/** Default zoning barriers (arterials). Railways and waterways are barriers when loaded. */
export const DEFAULT_BARRIER_HIGHWAY = ['motorway', 'trunk', 'primary'] as const;

const CLASS_OF: Record<string, RoadClass> = {
  motorway: 'arterial', trunk: 'arterial', primary: 'arterial', motorway_link: 'arterial', trunk_link: 'arterial', primary_link: 'arterial',
  secondary: 'secondary', secondary_link: 'secondary', tertiary: 'secondary', tertiary_link: 'secondary',
  residential: 'local', unclassified: 'local', living_street: 'local', road: 'local',
  service: 'alley', track: 'alley',
  footway: 'footpath', path: 'footpath', pedestrian: 'footpath', steps: 'footpath', cycleway: 'footpath', corridor: 'footpath', bridleway: 'footpath',
};

export function roadClassOf(highway: string): RoadClass {
  return CLASS_OF[highway] ?? 'other';
}

/** OSM access semantics for walking: tags that forbid pedestrians. */
export function isWalkable(tags: Record<string, unknown>): boolean {
  const hw = String(tags.highway ?? '');
  if (!hw || NON_WALKABLE_HIGHWAY.has(hw)) return false;
  const foot = tags.foot == null ? '' : String(tags.foot);
  if (foot === 'no') return false;
  const access = tags.access == null ? '' : String(tags.access);
  if ((access === 'no' || access === 'private') && foot !== 'yes' && foot !== 'designated' && foot !== 'permissive') return false;
  return true;
}
