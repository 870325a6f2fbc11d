/** Reading FlatGeobuf (the writer is ./flatgeobuf.ts). */
import type { Feature } from 'geojson';
import { geojson as fgb } from 'flatgeobuf';
import type { HeaderMeta } from 'flatgeobuf/lib/mjs/header-meta.js';
import type { InputIssue } from '../core/types';
import { decodeFlatGeobuf } from './fgb/decode';
import { issue } from './issue';
import type { ReadResult } from './types';

/** Read a whole FlatGeobuf file into GeoJSON features. */
export async function readFlatGeobuf(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  // Clean files decode straight from the bytes (same features, see fgb/decode.ts); the rest as below.
  const fast = decodeFlatGeobuf(bytes);
  if (fast) {
    return {
      fileName, issues: [],
      features: fast.features.map((f) => {
        const properties: Record<string, unknown> = {};
        for (const c of fast.columnNames) properties[c] = null;
        Object.assign(properties, f.properties);
        return { type: 'Feature', geometry: f.geometry, properties };
      }),
    };
  }
  const features: Feature[] = [];
  const issues: InputIssue[] = [];
  // FlatGeobuf stores null as an absent value: put every header column back (as null) so a round trip keeps keys.
  let columnNames: string[] = [];
  try {
    for await (const f of fgb.deserialize(bytes, { headerMetaFn: (m: HeaderMeta) => { columnNames = (m.columns ?? []).map((c) => c.name); } })) {
      const properties: Record<string, unknown> = {};
      for (const c of columnNames) properties[c] = null;
      Object.assign(properties, f.properties ?? {});
      features.push({ type: 'Feature', geometry: f.geometry as Feature['geometry'], properties });
    }
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    issues.push(issue('fgbReadFailed', { index: features.length, detail: msg }, { severity: 'error', file: fileName, featureIndex: features.length, action: 'skipped' }));
  }
  return { fileName, features, issues };
}
