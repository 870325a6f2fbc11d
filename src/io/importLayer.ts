/**
 * Import one layer end to end: choose its coordinate system (user's choice > the file's declaration > WGS84),
 * suggest one when the numbers disagree, transform to WGS84, validate and repair, and write the import report.
 */
import type { Feature } from 'geojson';
import type { InputIssue } from '../core/types';
import { issue } from './issue';
import type { Crs } from './crs';
import { WGS84, parseCrs, toWgs84 } from './crs';
import type { CrsHint } from './crs/hints';
import { detectCrsHints } from './crs/hints';
import type { LayerRead } from './read';
import type { ImportReport } from './report';
import { splitIssues } from './report';
import type { PropertyRules } from './validate/properties';
import { validateFeatures } from './validate';

export interface ImportOptions extends PropertyRules {
  /** The user's (or CLI flag's) coordinate system: `gcj02`, `bd09`, `EPSG:4548`, WKT … Wins over the file's. */
  crs?: string | Crs;
  /** WGS84 roads already loaded, to detect GCJ-02/BD-09 points by their distance to the streets. */
  roads?: readonly Feature[];
}

export interface ImportedLayer {
  layerName: string;
  /** WGS84, validated and repaired; every original property kept. */
  features: Feature[];
  crs: Crs | null;
  hints: CrsHint[];
  report: ImportReport;
}

/** Run the whole import for one layer of a `readLayers` result. */
export function importLayer(layer: LayerRead, options: ImportOptions = {}): ImportedLayer {
  const issues: InputIssue[] = [...layer.issues];
  let crs: Crs | null = null;
  let source: 'user' | 'file' | 'default' = 'default';
  if (options.crs !== undefined) {
    crs = typeof options.crs === 'string' ? parseCrs(options.crs) : options.crs;
    source = 'user';
    if (!crs) issues.push(issue('crsUnknownChoice', { crs: String(options.crs) }, { severity: 'error', file: layer.fileName, action: 'kept' }));
  }
  if (!crs && layer.declaredCrs) {
    crs = parseCrs(layer.declaredCrs);
    source = 'file';
    if (!crs) issues.push(issue('crsNotUnderstood', { declared: layer.declaredCrs.slice(0, 80) }, { severity: 'warning', file: layer.fileName, action: 'kept' }));
  }
  if (!crs) { crs = WGS84; source = 'default'; }

  // Hints only when nobody has said what the coordinates are.
  const hints = source === 'default' ? detectCrsHints(layer.features, options.roads) : [];
  for (const h of hints) issues.push(issue('crsHint', { reason: h.message }, { severity: 'warning', file: layer.fileName, action: 'kept' }));

  const wgs = toWgs84(layer.features, crs);
  const lines = layer.sourceLines;
  const sourceIndex = sourceIndexes(layer);
  const checked = validateFeatures(wgs, {
    fileName: layer.fileName,
    ...(options.numericFields ? { numericFields: options.numericFields } : {}),
    ...(options.requiredFields ? { requiredFields: options.requiredFields } : {}),
    ...(lines ? { labelOf: (i: number) => `Line ${lines[i]}` } : {}),
    sourceIndex,
  });
  issues.push(...checked.issues);
  if (layer.features.length === 0 && !layer.issues.some((i) => i.action === 'skipped')) {
    issues.push(issue('layerEmpty', {}, { severity: 'warning', file: layer.fileName, action: 'kept' }));
  }

  const readerSkips = new Set(layer.issues.filter((i) => i.action === 'skipped' && i.featureIndex !== undefined).map((i) => i.featureIndex)).size;
  const report: ImportReport = {
    file: layer.fileName,
    layer: layer.layerName,
    format: layer.format,
    crs: { label: crs.label, source },
    featuresRead: Math.max(layer.features.length + readerSkips, layer.featuresInFile ?? 0),
    featuresKept: checked.features.length,
    ...splitIssues(issues),
  };
  return { layerName: layer.layerName, features: checked.features, crs, hints, report };
}

/**
 * Position in the file of each feature the reader kept: readers report every feature they drop with its
 * index, so the kept ones fill the remaining positions in order.
 */
function sourceIndexes(layer: LayerRead): number[] {
  const dropped = new Set(layer.issues.filter((i) => i.action === 'skipped' && i.featureIndex !== undefined).map((i) => i.featureIndex));
  const out: number[] = [];
  for (let i = 0; out.length < layer.features.length; i++) if (!dropped.has(i)) out.push(i);
  return out;
}
