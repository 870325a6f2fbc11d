/**
 * `--config FILE.json`: partial AnalysisSettings overrides, validated with messages that name the file and the
 * JSON path of the bad value (a batch user edits this file by hand).
 */
import { defaultAnalysisSettings } from '../core/config/defaults';
import type { AnalysisSettings } from '../core/config/defaults';
import { InputError } from './errors';
import type { ZoningSettings } from './zoningOptions';
import { ZONING_LIMITS, barrierList } from './zoningOptions';

/** A parsed config file: analysis settings (defaults filled in) and the zoning values it gives. */
export interface CliConfig {
  settings: AnalysisSettings;
  zoning: Partial<ZoningSettings>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class Checker {
  readonly errors: string[] = [];
  number(v: unknown, path: string, min: number, max: number): number | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) { this.errors.push(`${path} must be a number, got ${JSON.stringify(v)}`); return undefined; }
    if (v < min || v > max) { this.errors.push(`${path} must be between ${min} and ${max}, got ${v}`); return undefined; }
    return v;
  }
  integer(v: unknown, path: string, min: number, max: number): number | undefined {
    const n = this.number(v, path, min, max);
    if (n !== undefined && !Number.isInteger(n)) { this.errors.push(`${path} must be a whole number, got ${n}`); return undefined; }
    return n;
  }
  boolean(v: unknown, path: string): boolean | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'boolean') { this.errors.push(`${path} must be true or false, got ${JSON.stringify(v)}`); return undefined; }
    return v;
  }
  unknownKeys(o: Json, allowed: readonly string[], path: string): void {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.errors.push(`${path}${path ? '.' : ''}${k} is not a setting (expected one of: ${allowed.join(', ')})`);
  }
}

const ZONING_KEYS = ['eligibleBefore', 'gapMeters', 'barriers', 'maxHouseholds', 'maxAreaSqm'];

/** `zoning: { eligibleBefore, gapMeters, barriers: ["primary", …], maxHouseholds, maxAreaSqm }`. */
function zoningFromConfig(v: unknown, c: Checker): Partial<ZoningSettings> {
  const out: Partial<ZoningSettings> = {};
  if (v === undefined) return out;
  if (!isObject(v)) { c.errors.push('zoning must be an object such as { "gapMeters": 30, "barriers": ["trunk", "primary"] }'); return out; }
  c.unknownKeys(v, ZONING_KEYS, 'zoning');
  const L = ZONING_LIMITS;
  const year = c.integer(v.eligibleBefore, 'zoning.eligibleBefore', L.eligibleBefore[0], L.eligibleBefore[1]);
  if (year !== undefined) out.eligibleBefore = year;
  const gap = c.number(v.gapMeters, 'zoning.gapMeters', L.gapMeters[0], L.gapMeters[1]);
  if (gap !== undefined) out.gapMeters = gap;
  const hh = c.integer(v.maxHouseholds, 'zoning.maxHouseholds', L.maxHouseholds[0], L.maxHouseholds[1]);
  if (hh !== undefined) out.maxHouseholds = hh;
  const area = c.number(v.maxAreaSqm, 'zoning.maxAreaSqm', L.maxAreaSqm[0], L.maxAreaSqm[1]);
  if (area !== undefined) out.maxAreaSqm = area;
  if (v.barriers !== undefined) {
    if (!Array.isArray(v.barriers) || !v.barriers.every((x): x is string => typeof x === 'string')) {
      c.errors.push(`zoning.barriers must be a list of road classes such as ["trunk", "primary"] (or [] for none), got ${JSON.stringify(v.barriers)}`);
    } else if (v.barriers.length === 0) out.barrierHighways = [];
    else {
      const list = barrierList(v.barriers);
      if (typeof list === 'string') c.errors.push(`zoning.barriers: ${list}`);
      else out.barrierHighways = list;
    }
  }
  return out;
}

/** Apply overrides (already parsed JSON) to the default settings; throws InputError listing every problem. */
export function settingsFromConfig(json: unknown, fileName: string): AnalysisSettings {
  return configFromJson(json, fileName).settings;
}

/** Settings and zoning values of a config (already parsed JSON); throws InputError listing every problem. */
export function configFromJson(json: unknown, fileName: string): CliConfig {
  const settings = defaultAnalysisSettings();
  const c = new Checker();
  if (!isObject(json)) throw new InputError(`${fileName}: the config must be a JSON object`);
  c.unknownKeys(json, ['walkSpeedMetersPerMinute', 'categories', 'network', 'zoning'], '');
  const speed = c.number(json.walkSpeedMetersPerMinute, 'walkSpeedMetersPerMinute', 10, 300);
  if (speed !== undefined) settings.walkSpeedMetersPerMinute = speed;
  if (json.categories !== undefined) {
    if (!isObject(json.categories)) c.errors.push('categories must be an object keyed by category id, e.g. { "kindergarten": { "maxWalkMeters": 400 } }');
    else {
      for (const [id, v] of Object.entries(json.categories)) {
        const cat = settings.categories.find((x) => x.id === id);
        const path = `categories.${id}`;
        if (!cat) { c.errors.push(`${path}: unknown category id (known: ${settings.categories.map((x) => x.id).join(', ')})`); continue; }
        if (!isObject(v)) { c.errors.push(`${path} must be an object such as { "maxWalkMeters": 500, "required": true }`); continue; }
        c.unknownKeys(v, ['maxWalkMeters', 'required'], path);
        const max = c.number(v.maxWalkMeters, `${path}.maxWalkMeters`, 1, 20000);
        if (max !== undefined) cat.maxWalkMeters = max;
        const req = c.boolean(v.required, `${path}.required`);
        if (req !== undefined) cat.required = req;
      }
    }
  }
  if (json.network !== undefined) {
    if (!isObject(json.network)) c.errors.push('network must be an object');
    else {
      const n = json.network;
      c.unknownKeys(n, ['maxSnapMeters', 'mergeToleranceMeters', 'nodeAtCrossings'], 'network');
      const snap = c.number(n.maxSnapMeters, 'network.maxSnapMeters', 0, 5000);
      if (snap !== undefined) settings.network.maxSnapMeters = snap;
      const merge = c.number(n.mergeToleranceMeters, 'network.mergeToleranceMeters', 0, 50);
      if (merge !== undefined) settings.network.mergeToleranceMeters = merge;
      const cross = c.boolean(n.nodeAtCrossings, 'network.nodeAtCrossings');
      if (cross !== undefined) settings.network.nodeAtCrossings = cross;
    }
  }
  const zoning = zoningFromConfig(json.zoning, c);
  if (c.errors.length) throw new InputError(`${fileName}: invalid config:\n  - ${c.errors.join('\n  - ')}`);
  return { settings, zoning };
}

/** Parse config text into analysis settings; JSON syntax errors name the file. */
export function parseConfigText(text: string, fileName: string): AnalysisSettings {
  return parseConfigDocument(text, fileName).settings;
}

/** Parse config text into settings and zoning values; JSON syntax errors name the file. */
export function parseConfigDocument(text: string, fileName: string): CliConfig {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new InputError(`${fileName}: not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return configFromJson(json, fileName);
}
