/**
 * A plain OSM data model (nodes, ways, relations with tags) read from OSM XML or Overpass JSON.
 *
 * OSM XML is read with a small attribute scanner instead of DOMParser: OSM XML has only attribute-carrying
 * elements (node, way, nd, tag, relation, member), Web Workers have no DOMParser, and Node has none either,
 * so one scanner serves the browser, the Worker, the CLI and tests alike (and is ~10× faster than a DOM).
 */

export type OsmTags = Record<string, string>;
export type OsmType = 'node' | 'way' | 'relation';

export interface OsmNode { id: number; lon: number; lat: number; tags: OsmTags }
export interface OsmWay { id: number; refs: number[]; tags: OsmTags; /** Overpass `out center`: [lon, lat] when no geometry came with the way. */ center?: [number, number] }
export interface OsmMember { type: OsmType; ref: number; role: string }
export interface OsmRelation { id: number; members: OsmMember[]; tags: OsmTags; center?: [number, number] }

export interface OsmData {
  /** Every node with coordinates, by id (tagged or not: ways need them). */
  nodes: Map<number, OsmNode>;
  /** Nodes in file order (for deterministic output). */
  nodeOrder: number[];
  ways: Map<number, OsmWay>;
  wayOrder: number[];
  relations: OsmRelation[];
}

function emptyData(): OsmData {
  return { nodes: new Map(), nodeOrder: [], ways: new Map(), wayOrder: [], relations: [] };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

const ATTR_RE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
function attrsOf(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR_RE.exec(s))) out[m[1]] = decodeEntities(m[2] ?? m[3] ?? '');
  return out;
}

/** Thrown for text that is not OSM XML at all; the caller turns it into an input issue. */
export class OsmFormatError extends Error {}

/** Parse OSM XML 0.6 text (API map export, Overpass `out xml`, JOSM files). */
export function parseOsmXml(text: string): OsmData {
  const data = emptyData();
  const src = text.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '');
  if (!/<osm[\s>]/.test(src)) throw new OsmFormatError('not OSM XML: no <osm> root element');
  const TAG_RE = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  let way: OsmWay | null = null;
  let rel: OsmRelation | null = null;
  let node: OsmNode | null = null;
  let m: RegExpExecArray | null;
  while ((m = TAG_RE.exec(src))) {
    const [, closing, name, attrText, selfClosing] = m;
    if (closing) {
      if (name === 'node') node = null;
      else if (name === 'way') way = null;
      else if (name === 'relation') rel = null;
      continue;
    }
    const a = attrsOf(attrText);
    switch (name) {
      case 'node': {
        const n: OsmNode = { id: Number(a.id), lon: Number(a.lon), lat: Number(a.lat), tags: {} };
        if (Number.isFinite(n.lon) && Number.isFinite(n.lat) && a.lon !== undefined && a.lat !== undefined) {
          data.nodes.set(n.id, n);
          data.nodeOrder.push(n.id);
        }
        node = selfClosing ? null : n;
        break;
      }
      case 'way': {
        const w: OsmWay = { id: Number(a.id), refs: [], tags: {} };
        data.ways.set(w.id, w);
        data.wayOrder.push(w.id);
        way = selfClosing ? null : w;
        break;
      }
      case 'relation': {
        const r: OsmRelation = { id: Number(a.id), members: [], tags: {} };
        data.relations.push(r);
        rel = selfClosing ? null : r;
        break;
      }
      case 'nd':
        if (way) way.refs.push(Number(a.ref));
        break;
      case 'member':
        if (rel && (a.type === 'node' || a.type === 'way' || a.type === 'relation')) rel.members.push({ type: a.type, ref: Number(a.ref), role: a.role ?? '' });
        break;
      case 'tag': {
        const target = node ?? way ?? rel;
        if (target && a.k !== undefined) target.tags[a.k] = a.v ?? '';
        break;
      }
      default:
        break;
    }
  }
  return data;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function centerOf(v: unknown): [number, number] | undefined {
  if (!isRecord(v)) return undefined;
  const lon = Number(v.lon);
  const lat = Number(v.lat);
  return v.lon !== undefined && Number.isFinite(lon) && Number.isFinite(lat) ? [lon, lat] : undefined;
}

function tagsOf(v: unknown): OsmTags {
  const out: OsmTags = {};
  if (isRecord(v)) for (const [k, val] of Object.entries(v)) out[k] = String(val);
  return out;
}

/**
 * Parse Overpass JSON (`[out:json]`), with node elements (`out body; >;`) or inline way geometry (`out geom`).
 * Inline geometry becomes synthetic nodes keyed by the way's node refs, so the rest of the code sees one model.
 */
export function parseOverpassJson(root: unknown): OsmData {
  if (!isRecord(root) || !Array.isArray(root.elements)) throw new OsmFormatError('not Overpass JSON: no "elements" array');
  const data = emptyData();
  for (const e of root.elements) {
    if (!isRecord(e)) continue;
    const id = Number(e.id);
    if (e.type === 'node') {
      const lon = Number(e.lon);
      const lat = Number(e.lat);
      if (e.lon === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) continue;
      if (!data.nodes.has(id)) data.nodeOrder.push(id);
      data.nodes.set(id, { id, lon, lat, tags: tagsOf(e.tags) });
    } else if (e.type === 'way') {
      const refs = Array.isArray(e.nodes) ? e.nodes.map(Number) : [];
      const geom = Array.isArray(e.geometry) ? e.geometry : [];
      geom.forEach((g, i) => {
        const ref = refs[i];
        if (ref === undefined || data.nodes.has(ref) || !isRecord(g)) return;
        const lon = Number(g.lon);
        const lat = Number(g.lat);
        if (Number.isFinite(lon) && Number.isFinite(lat) && g.lon !== undefined) data.nodes.set(ref, { id: ref, lon, lat, tags: {} });
      });
      if (!data.ways.has(id)) data.wayOrder.push(id);
      const way: OsmWay = { id, refs, tags: tagsOf(e.tags) };
      const center = centerOf(e.center);
      if (center) way.center = center;
      data.ways.set(id, way);
    } else if (e.type === 'relation') {
      const members: OsmMember[] = [];
      if (Array.isArray(e.members)) {
        for (const mb of e.members) {
          if (!isRecord(mb)) continue;
          const t = mb.type;
          if (t === 'node' || t === 'way' || t === 'relation') members.push({ type: t, ref: Number(mb.ref), role: String(mb.role ?? '') });
          // `out geom` relations carry member way geometry inline: materialise it as a way.
          if (t === 'way' && Array.isArray(mb.geometry) && !data.ways.has(Number(mb.ref))) {
            const refs: number[] = [];
            mb.geometry.forEach((g, i) => {
              if (!isRecord(g)) return;
              const nid = -(Number(mb.ref) * 100000 + i); // synthetic, negative: never clashes with real ids
              refs.push(nid);
              data.nodes.set(nid, { id: nid, lon: Number(g.lon), lat: Number(g.lat), tags: {} });
            });
            data.ways.set(Number(mb.ref), { id: Number(mb.ref), refs, tags: {} });
            data.wayOrder.push(Number(mb.ref));
          }
        }
      }
      const rel: OsmRelation = { id, members, tags: tagsOf(e.tags) };
      const center = centerOf(e.center);
      if (center) rel.center = center;
      data.relations.push(rel);
    }
  }
  return data;
}
