/**
 * Parse OGC Well-Known Text geometries as CSV exports write them:
 * POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION,
 * with optional Z/M/ZM tags, EMPTY, and an optional `SRID=4326;` prefix (EWKT). Z is kept, M dropped.
 */
import type { Geometry, Position } from 'geojson';

export class WktError extends Error {}

class Scanner {
  pos = 0;
  constructor(readonly text: string) {}
  skipWs(): void { while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++; }
  peek(): string { this.skipWs(); return this.text[this.pos] ?? ''; }
  expect(ch: string): void {
    if (this.peek() !== ch) throw new WktError(`expected "${ch}" at character ${this.pos + 1}`);
    this.pos++;
  }
  word(): string {
    this.skipWs();
    const m = /^[A-Za-z]+/.exec(this.text.slice(this.pos));
    if (!m) throw new WktError(`expected a keyword at character ${this.pos + 1}`);
    this.pos += m[0].length;
    return m[0].toUpperCase();
  }
  number(): number {
    this.skipWs();
    const m = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(this.text.slice(this.pos));
    if (!m) throw new WktError(`expected a number at character ${this.pos + 1}`);
    this.pos += m[0].length;
    return Number(m[0]);
  }
}

/** Parse one WKT geometry; throws WktError with the position of the first problem. */
export function parseWkt(input: string): Geometry {
  const s = new Scanner(input.trim().replace(/^SRID=\d+;/i, ''));
  const g = geometry(s);
  s.skipWs();
  if (s.pos < s.text.length) throw new WktError(`unexpected text after geometry at character ${s.pos + 1}`);
  return g;
}

function geometry(s: Scanner): Geometry {
  const type = s.word();
  let dims = 2;
  let keepDims = 2;
  if (/[A-Za-z]/.test(s.peek())) {
    const save = s.pos;
    const tag = s.word();
    if (tag === 'Z') { dims = 3; keepDims = 3; } else if (tag === 'M') dims = 3; else if (tag === 'ZM') { dims = 4; keepDims = 3; } else if (tag !== 'EMPTY') throw new WktError(`unknown dimension tag "${tag}"`);
    if (tag === 'EMPTY') s.pos = save;
  }
  const empty = (): boolean => {
    const save = s.pos;
    if (/[A-Za-z]/.test(s.peek())) { if (s.word() === 'EMPTY') return true; }
    s.pos = save;
    return false;
  };
  const position = (): Position => {
    const p: number[] = [];
    for (let i = 0; i < dims; i++) p.push(s.number());
    if (dims === 2) {
      // Z without a tag (common in exports): accept a third ordinate.
      s.skipWs();
      if (/[-+\d.]/.test(s.peek())) { p.push(s.number()); if (/[-+\d.]/.test(s.peek())) s.number(); }
      return p;
    }
    return p.slice(0, Math.max(2, Math.min(keepDims, p.length)));
  };
  const list = <T>(item: () => T): T[] => {
    if (empty()) return [];
    s.expect('(');
    const out = [item()];
    while (s.peek() === ',') { s.pos++; out.push(item()); }
    s.expect(')');
    return out;
  };
  // MULTIPOINT (1 2, 3 4) and MULTIPOINT ((1 2), (3 4)) are both in use.
  const pointItem = (): Position => {
    if (s.peek() === '(') { s.pos++; const p = position(); s.expect(')'); return p; }
    return position();
  };
  switch (type) {
    case 'POINT': {
      if (empty()) return { type: 'Point', coordinates: [] };
      s.expect('('); const p = position(); s.expect(')');
      return { type: 'Point', coordinates: p };
    }
    case 'LINESTRING': return { type: 'LineString', coordinates: list(position) };
    case 'POLYGON': return { type: 'Polygon', coordinates: list(() => list(position)) };
    case 'MULTIPOINT': return { type: 'MultiPoint', coordinates: list(pointItem) };
    case 'MULTILINESTRING': return { type: 'MultiLineString', coordinates: list(() => list(position)) };
    case 'MULTIPOLYGON': return { type: 'MultiPolygon', coordinates: list(() => list(() => list(position))) };
    case 'GEOMETRYCOLLECTION': return { type: 'GeometryCollection', geometries: list(() => geometry(s)) };
    default: throw new WktError(`unknown geometry type "${type}"`);
  }
}

/** True when a string looks like WKT (used to find the geometry column of a CSV). */
export function looksLikeWkt(v: string): boolean {
  return /^\s*(?:SRID=\d+;)?\s*(?:MULTI)?(?:POINT|LINESTRING|POLYGON)|^\s*GEOMETRYCOLLECTION/i.test(v);
}
