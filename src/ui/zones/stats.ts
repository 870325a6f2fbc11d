/** Zone statistics for the UI, computed on demand and remembered per zone object (zones are immutable). */
import type { AccessibilityResult } from '../../core/coverage';
import type { Community } from '../../core/types';
import type { Zone, ZoneStats } from '../../core/zoning';
import { zoneStats } from '../../core/zoning';
import type { AppState } from '../../store';

/** The coverage work's latest result when it exists in the store and matches the communities (optional). */
export function accessibilityOf(s: AppState): AccessibilityResult | null {
  const r = (s as unknown as { analysisResult?: AccessibilityResult | null }).analysisResult ?? null;
  if (!r || r.communityIds.length !== s.communities.length || r.communityIds[0] !== s.communities[0]?.id) return null;
  return r;
}

const cache = new WeakMap<Zone, { communities: readonly Community[]; acc: AccessibilityResult | null; stats: ZoneStats }>();
const indexCache = new WeakMap<readonly Community[], Map<string, number>>();

export function statsOf(zone: Zone, communities: readonly Community[], acc: AccessibilityResult | null): ZoneStats {
  const hit = cache.get(zone);
  if (hit && hit.communities === communities && hit.acc === acc) return hit.stats;
  let index = indexCache.get(communities);
  if (!index) { index = new Map(communities.map((c, i) => [c.id, i])); indexCache.set(communities, index); }
  const members = zone.memberIds.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
  const stats = zoneStats(communities, members, { geometry: zone.geometry, ...(acc ? { accessibility: acc } : {}) });
  cache.set(zone, { communities, acc, stats });
  return stats;
}
