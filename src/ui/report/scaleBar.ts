/**
 * The report map's scale bar: a round length (1, 2 or 5 × 10ⁿ metres) no longer than a quarter of the map image,
 * from the map view the image was taken at. Web Mercator with 512 px tiles (MapLibre's): one CSS pixel spans
 * EARTH_CIRCUMFERENCE · cos(latitude) / (512 · 2^zoom) metres at the centre.
 */
const EARTH_CIRCUMFERENCE_METERS = 40_075_016.686;

export interface MapView { centerLat: number; zoom: number; widthPx: number }
export interface ScaleBar { meters: number; /** Share of the image width, 0–1. */ fraction: number }

export function metersPerPixel(view: MapView): number {
  return (EARTH_CIRCUMFERENCE_METERS * Math.cos((view.centerLat * Math.PI) / 180)) / (512 * 2 ** view.zoom);
}

export function scaleBar(view: MapView, maxFraction = 0.25): ScaleBar | null {
  const mpp = metersPerPixel(view);
  if (!(mpp > 0) || !(view.widthPx > 0)) return null;
  const maxMeters = mpp * view.widthPx * maxFraction;
  const decade = 10 ** Math.floor(Math.log10(maxMeters));
  const meters = [5, 2, 1].map((m) => m * decade).find((m) => m <= maxMeters) ?? decade;
  return { meters, fraction: meters / (mpp * view.widthPx) };
}
