/**
 * Guess what a layer is (communities / facilities / roads) and which source field holds each domain
 * attribute, from its geometry types, field names (alias lists in fields.ts) and sample values. The import
 * dialog starts from this guess; the schema fingerprint lets it remember the user's mapping per file schema.
 */
import type { Feature } from 'geojson';
import { COMMUNITY_FIELD_ALIASES, FACILITY_FIELD_ALIASES, ROAD_FIELD_ALIASES } from './fields';

export type LayerRole = 'communities' | 'facilities' | 'roads';

export interface FieldCandidate { field: string; score: number }
export interface FieldGuess {
  attribute: string;
  /** Best field, or null when nothing scores at least MIN_SCORE. */
  field: string | null;
  score: number;
  /** Every field that scored, best first (for the dialog's drop-down). */
  candidates: FieldCandidate[];
}

export interface LayerGuess {
  role: LayerRole | null;
  roleScores: Record<LayerRole, number>;
  /** attribute → field (null = not found). */
  mapping: Record<string, string | null>;
  details: FieldGuess[];
  fingerprint: string;
}

const ALIASES: Record<LayerRole, Record<string, readonly string[]>> = {
  communities: COMMUNITY_FIELD_ALIASES,
  facilities: FACILITY_FIELD_ALIASES,
  roads: ROAD_FIELD_ALIASES,
};

const NUMERIC = new Set(['buildYear', 'households', 'residents', 'buildings', 'willingness', 'renovatedYear']);
const YEAR = new Set(['buildYear', 'renovatedYear']);
const MIN_SCORE = 40;

const norm = (s: string): string => s.trim().toLowerCase().replace(/[\s_\-()（）]/g, '');

function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const n = Number(v.replace(/[,，\s%]/g, '').replace(/年(代)?$/, ''));
  return v.trim() !== '' && Number.isFinite(n) ? n : null;
}

/** How well a field name matches an attribute's aliases: exact 100/90, normalised 80, containment 50. */
function nameScore(field: string, aliases: readonly string[]): number {
  if (field === aliases[0]) return 100;
  if (aliases.includes(field)) return 90;
  const f = norm(field);
  if (aliases.some((a) => norm(a) === f)) return 80;
  // Containment only for aliases of 2+ characters, so "x" or "id" do not match everything.
  if (aliases.some((a) => { const n = norm(a); return n.length >= 2 && (f.includes(n) || (f.length >= 2 && n.includes(f) && /[^\u0020-\u007e]/.test(f))); })) return 50;
  return 0;
}

/** Scale a name score by how well the sample values fit the attribute (numbers, plausible years, text). */
function valueFactor(attribute: string, values: readonly unknown[]): number {
  const present = values.filter((v) => v !== null && v !== undefined && v !== '');
  if (present.length === 0) return 0.5;
  if (NUMERIC.has(attribute)) {
    const nums = present.map(asNumber).filter((n): n is number => n !== null);
    let share = nums.length / present.length;
    if (YEAR.has(attribute)) share = nums.filter((n) => n >= 1900 && n <= 2100).length / present.length;
    return 0.3 + 0.7 * share;
  }
  if (attribute === 'name') return 0.5 + 0.5 * (present.filter((v) => typeof v === 'string' && asNumber(v) === null).length / present.length);
  return 1;
}

/** Guess the field for each attribute of a role; each field is used for at most one attribute (best score first). */
export function guessFieldMapping(role: LayerRole, features: readonly Feature[], sampleSize = 200): FieldGuess[] {
  const sample = features.slice(0, sampleSize);
  const keys = fieldNames(sample);
  const scored: { attribute: string; field: string; score: number }[] = [];
  const guesses = new Map<string, FieldGuess>();
  for (const [attribute, aliases] of Object.entries(ALIASES[role])) {
    const cands: FieldCandidate[] = [];
    for (const field of keys) {
      const ns = nameScore(field, aliases);
      if (ns === 0) continue;
      const score = Math.round(ns * valueFactor(attribute, sample.map((f) => f.properties?.[field])));
      cands.push({ field, score });
      scored.push({ attribute, field, score });
    }
    cands.sort((a, b) => b.score - a.score || a.field.localeCompare(b.field));
    guesses.set(attribute, { attribute, field: null, score: 0, candidates: cands });
  }
  scored.sort((a, b) => b.score - a.score || a.field.localeCompare(b.field));
  const used = new Set<string>();
  for (const s of scored) {
    const g = guesses.get(s.attribute);
    if (!g || g.field !== null || used.has(s.field) || s.score < MIN_SCORE) continue;
    g.field = s.field;
    g.score = s.score;
    used.add(s.field);
  }
  return [...guesses.values()];
}

function fieldNames(features: readonly Feature[]): string[] {
  const keys = new Set<string>();
  for (const f of features) for (const k of Object.keys(f.properties ?? {})) keys.add(k);
  return [...keys];
}

/** Role from geometry (dominant family) plus the attributes only one role has. */
export function guessRole(features: readonly Feature[]): { role: LayerRole | null; scores: Record<LayerRole, number> } {
  const counts = { point: 0, line: 0, polygon: 0 };
  for (const f of features) {
    const t = f.geometry?.type ?? '';
    if (t.endsWith('Point')) counts.point++; else if (t.endsWith('LineString')) counts.line++; else if (t.endsWith('Polygon')) counts.polygon++;
  }
  const n = Math.max(1, features.length);
  const has = (role: LayerRole, attr: string): boolean => guessFieldMapping(role, features, 50).some((g) => g.attribute === attr && g.field !== null);
  const scores: Record<LayerRole, number> = {
    communities: (counts.polygon / n) * 10 + (has('communities', 'households') ? 3 : 0) + (has('communities', 'buildYear') ? 3 : 0),
    // Facilities are points mostly, sometimes polygons (a school ground); a category field decides.
    facilities: (counts.point / n) * 10 + (counts.polygon / n) * 3 + (has('facilities', 'category') ? 4 : 0),
    roads: (counts.line / n) * 10 + (has('roads', 'highway') ? 3 : 0),
  };
  const best = (Object.entries(scores) as [LayerRole, number][]).sort((a, b) => b[1] - a[1])[0];
  return { role: best[1] >= 5 ? best[0] : null, scores };
}

/** FNV-1a 32-bit hash of the sorted field names: same schema → same fingerprint, whatever the column order. */
export function schemaFingerprint(fieldNamesIn: readonly string[]): string {
  const text = [...new Set(fieldNamesIn)].sort().join('\u0000');
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * Guess role, field mapping and schema fingerprint for a layer.
 * @example guessLayer(features).mapping.households // '户数'
 */
export function guessLayer(features: readonly Feature[], role?: LayerRole): LayerGuess {
  const r = guessRole(features);
  const chosen = role ?? r.role;
  const details = chosen ? guessFieldMapping(chosen, features) : [];
  const mapping: Record<string, string | null> = {};
  for (const d of details) mapping[d.attribute] = d.field;
  return { role: chosen, roleScores: r.scores, mapping, details, fingerprint: schemaFingerprint(fieldNames(features)) };
}
