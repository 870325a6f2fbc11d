/**
 * The user's role and field mapping per file schema (localStorage, keyed by the schema fingerprint), so the
 * next file with the same fields opens with the same choices.
 */
import type { LayerRole } from '../../io/fieldGuess';

export interface RememberedMapping {
  role: LayerRole | null;
  mapping: Record<string, string | null>;
}

const PREFIX = 'renovation-planner.import.mapping.';

export function loadMapping(fingerprint: string): RememberedMapping | null {
  try {
    const raw = localStorage.getItem(PREFIX + fingerprint);
    if (!raw) return null;
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null || !('mapping' in v) || !('role' in v)) return null;
    return v as RememberedMapping;
  } catch {
    return null; // private mode or corrupt entry: fall back to the guess
  }
}

export function saveMapping(fingerprint: string, value: RememberedMapping): void {
  try {
    localStorage.setItem(PREFIX + fingerprint, JSON.stringify(value));
  } catch {
    // Storage full or disabled: remembering is a convenience only.
  }
}
