/**
 * Attribute checks. Values are never changed here (every original property is kept through to export);
 * problems become warnings the import report lists.
 */

const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|javascript:/i;

export interface PropertyRules {
  /** Fields that should hold numbers (after field mapping, e.g. the households column). */
  numericFields?: readonly string[];
  /** Fields every feature should have. */
  requiredFields?: readonly string[];
}

interface Warning { field: string; message: string }

const HAS_FFFD = 1, HAS_MARKUP_START = 2;
/** Up to this length a string is scanned in one loop; longer ones by `includes` (native, fast on long text). */
const SCAN_MAX = 64;

/**
 * Whether the text holds U+FFFD (bit 1) and "<" or ":" (bit 2), as `includes` tells: one loop over a short
 * string instead of three `includes` calls (×50: 93k roads with 2–3 short keys and values each, mostly ids).
 */
function charsOf(text: string): number {
  if (text.length > SCAN_MAX) return (text.includes('\ufffd') ? HAS_FFFD : 0) | (text.includes('<') || text.includes(':') ? HAS_MARKUP_START : 0);
  let found = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) found |= HAS_FFFD;
    else if (c === 60 || c === 58) found |= HAS_MARKUP_START; // '<' ':'
  }
  return found;
}

function warn(out: Warning[] | null, field: string, message: string): Warning[] {
  const list = out ?? [];
  list.push({ field, message });
  return list;
}

/** Warnings about one feature's properties (each message is feature-independent so the report can group them). */
export function checkProperties(props: Record<string, unknown>, rules: PropertyRules): { field: string; message: string }[] {
  // Most features have nothing to report: the list is made on the first warning, and the rule lists are not
  // replaced by fresh empty arrays on every call (×50: 118k calls, two allocations each saved).
  let out: Warning[] | null = null;
  // Object.keys rather than entries (no [key, value] pair per property), and the markup regex only on values
  // that hold a "<" or ":" (it cannot match without one): ×50 roads 93k features, ~120 → ~40 ms.
  const keys = Object.keys(props);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const value = props[key];
    if ((charsOf(key) & HAS_FFFD) !== 0) out = warn(out, key, `field name "${key}" contains undecodable characters (U+FFFD): wrong encoding?`);
    if (typeof value === 'string') {
      const chars = charsOf(value);
      if ((chars & HAS_FFFD) !== 0) out = warn(out, key, `field ${key} contains undecodable characters (U+FFFD): wrong encoding?`);
      if ((chars & HAS_MARKUP_START) !== 0 && MARKUP.test(value)) out = warn(out, key, `field ${key} contains HTML/script markup; kept verbatim as text`);
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) out = warn(out, key, `field ${key} holds a number too large to represent (${value}); exports will write null`);
      else if (Number.isInteger(value) && !Number.isSafeInteger(value)) out = warn(out, key, `field ${key} holds an integer beyond 2^53; its last digits may be lost`);
    }
  }
  const required = rules.requiredFields;
  if (required) for (const f of required) {
    const v = props[f];
    if (v === undefined || v === null || v === '') out = warn(out, f, `field ${f} is missing`);
  }
  const numeric = rules.numericFields;
  if (numeric) for (const f of numeric) {
    const v = props[f];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'number') continue;
    const n = Number(String(v).replace(/[,，\s]/g, ''));
    if (!Number.isFinite(n)) out = warn(out, f, `field ${f} is not a number`);
  }
  return out ?? [];
}
