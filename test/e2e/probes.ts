/** Find places on the map where exactly one thing is drawn, so pixel and click checks are unambiguous. */
import type { Page } from '@playwright/test';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LngLat } from './fixtures';
import { waitForMapIdle } from './fixtures';
import { interiorPoints } from './sample-data';

export interface Probe { feature: Feature<Polygon | MultiPolygon>; id: string; lngLat: LngLat }

/** Layers drawn at the point within `radiusPx`, other than the background (and the invisible highlight line). */
export interface CanvasPoint { x: number; y: number; width: number; height: number }

async function layersAt(page: Page, lngLat: LngLat, radiusPx: number): Promise<{ layers: string[]; ids: string[]; onScreen: boolean; at: CanvasPoint }> {
  return page.evaluate(({ lngLat, radiusPx }) => {
    const m = window.__map!, c = m.getCanvas(), r = c.getBoundingClientRect(), p = m.project(lngLat);
    const onScreen = p.x > 40 && p.y > 40 && p.x < r.width - 40 && p.y < r.height - 40;
    const fs = m.queryRenderedFeatures([[p.x - radiusPx, p.y - radiusPx], [p.x + radiusPx, p.y + radiusPx]]);
    return { layers: [...new Set(fs.map((f) => f.layer.id))], ids: [...new Set(fs.map((f) => String(f.id)))], onScreen, at: { x: p.x, y: p.y, width: r.width, height: r.height } };
  }, { lngLat, radiusPx });
}

/**
 * Switch the coverage overlays (heatmap, gap outlines) off, as a user does to look at the base layers: they are
 * drawn over the community fills once the analysis has run, and would make every probe ambiguous.
 */
export async function showBaseLayersOnly(page: Page): Promise<void> {
  await page.evaluate(() => { const s = window.__store!.getState(); s.setHeatmapMode('off'); s.setShowGaps(false); });
  await waitForMapIdle(page);
}

/** A point inside one of the candidate communities where only that community's fill is drawn. */
export async function cleanCommunityProbe(
  page: Page, candidates: Feature<Polygon | MultiPolygon>[], radiusPx = 5, accept: (at: CanvasPoint) => boolean = () => true,
): Promise<Probe> {
  await showBaseLayersOnly(page);
  for (const feature of candidates.slice(0, 60)) {
    const id = String(feature.properties?.id);
    for (const lngLat of interiorPoints(feature, 8).slice(0, 6)) {
      const at = await layersAt(page, lngLat, radiusPx);
      if (at.onScreen && accept(at.at) && at.layers.length === 1 && at.layers[0] === 'communities-fill' && at.ids.length === 1 && at.ids[0] === id) {
        return { feature, id, lngLat };
      }
    }
  }
  throw new Error(`no clean probe point found among ${candidates.length} candidate communities`);
}
