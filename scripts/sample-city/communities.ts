/**
 * Residential communities (老旧小区 candidates) on the lots: outline, name and survey attributes. The old core
 * is mostly pre-2000 walk-ups (many without property management); the new district is mostly post-2000 estates.
 */
import { signedArea, type Vec } from './geom';
import {
  NEIGHBOURHOODS, NEW_ESTATE_PREFIXES, NEW_ESTATE_SUFFIXES, OLD_ESTATE_NAMES, ROMAN_ZH, WORK_UNITS, WORK_UNIT_SUFFIXES,
} from './names';
import type { Lot } from './parcels';
import type { Rng } from './prng';
import { outlineFor } from './shapes';
import type { Block } from './streets';

export interface CommunityProps {
  id: string;
  name: string;
  build_year: number;
  households: number;
  residents: number;
  buildings: number;
  district: string;
  subdistrict: string;
  property_management: 'professional' | 'self' | 'none';
  willingness: number;
  renovation: 'none' | 'planned' | 'done';
  renovated_year: number | null;
  demolition_planned: boolean;
  shanty_town: boolean;
  historic: boolean;
}

export interface CommunityDraft {
  ring: Vec[];
  props: CommunityProps;
}

const SUBDISTRICTS: Record<string, string[]> = {
  东湖区: ['百花洲街道', '公园街道', '豫章街道', '八一桥街道', '滕王阁街道', '墩子塘街道'],
  西湖区: ['南浦街道', '朝阳洲街道', '广润门街道', '系马桩街道'],
  青山湖区: ['青山路街道', '上海路街道', '京东街道', '湖坊街道', '塘山街道'],
  红谷滩区: ['沙井街道', '卫东街道', '凤凰洲街道', '红角洲街道'],
};

/** District and subdistrict from the coarse cell: 八一大道 (core column 2) splits 青山湖区 off the old town. */
export function districtOf(block: Block): { district: string; subdistrict: string } {
  if (block.zone === 'new') {
    const list = SUBDISTRICTS['红谷滩区'];
    return { district: '红谷滩区', subdistrict: list[Math.min(list.length - 1, Math.floor(((block.band * 3 + block.col) * list.length) / 12))] };
  }
  if (block.col === 2) return { district: '青山湖区', subdistrict: SUBDISTRICTS['青山湖区'][block.band] };
  if (block.band >= 2) return { district: '东湖区', subdistrict: SUBDISTRICTS['东湖区'][(block.band - 2) * 2 + block.col] };
  return { district: '西湖区', subdistrict: SUBDISTRICTS['西湖区'][block.band * 2 + block.col] };
}

function buildYear(rng: Rng, block: Block): number {
  if (block.kind === 'historic') return rng.int(1965, 1985);
  if (block.kind === 'workunit') return rng.int(1968, 1995);
  if (block.zone === 'core') return rng.chance(0.88) ? 1965 + Math.floor(35 * Math.sqrt(rng.next())) : rng.int(2000, 2015);
  return rng.chance(0.82) ? rng.int(2000, 2015) : rng.int(1985, 1999);
}

function floors(rng: Rng, year: number, block: Block): number {
  if (year < 1980) return rng.int(3, 5);
  if (year < 1990) return rng.int(5, 6);
  if (year < 2000) return rng.int(6, 7);
  return block.zone === 'core' ? rng.int(7, 18) : rng.int(11, 32);
}

function management(rng: Rng, year: number): CommunityProps['property_management'] {
  const r = rng.next();
  if (year < 1990) return r < 0.55 ? 'none' : r < 0.9 ? 'self' : 'professional';
  if (year <= 2000) return r < 0.3 ? 'none' : r < 0.7 ? 'self' : 'professional';
  return r < 0.05 ? 'none' : r < 0.2 ? 'self' : 'professional';
}

class CommunityNamer {
  private used = new Set<string>();
  constructor(private readonly rng: Rng) {}

  name(block: Block, year: number, edge: string): string {
    const rng = this.rng;
    let base: string;
    const r = rng.next();
    if (block.kind === 'workunit' || (year < 2000 && r < 0.35)) {
      base = rng.pick(WORK_UNITS) + rng.pick(WORK_UNIT_SUFFIXES);
    } else if (year < 2000 && r < 0.6) {
      base = rng.pick(OLD_ESTATE_NAMES);
    } else if (year < 2000 && r < 0.85) {
      base = `${edge}${rng.int(1, 160)}号院`;
    } else if (year < 2000) {
      base = rng.pick(NEIGHBOURHOODS) + rng.pick(['小区', '新村', '里']);
    } else {
      base = rng.pick(NEW_ESTATE_PREFIXES) + rng.pick(NEW_ESTATE_SUFFIXES);
    }
    if (!this.used.has(base)) { this.used.add(base); return base; }
    // Same estate name again: later phases are 二区, 三区 … as on real survey lists.
    for (let i = 1; i < 10; i++) {
      const n = `${base}${ROMAN_ZH[i]}区`;
      if (!this.used.has(n)) { this.used.add(n); return n; }
    }
    return this.name(block, year, edge);
  }
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

export function buildCommunities(rng: Rng, lots: Lot[]): CommunityDraft[] {
  const namer = new CommunityNamer(rng);
  const drafts: (CommunityDraft & { block: Block })[] = [];
  for (const lot of lots) {
    const { block } = lot;
    const useShare = block.kind === 'workunit' ? 0.9 : block.zone === 'core' ? 0.82 : 0.8;
    if (!rng.chance(useShare)) continue; // schools, shops, offices, vacant land
    const outline = outlineFor(rng, lot.quad, block.kind === 'workunit' ? 0 : block.zone === 'core' ? 0.14 : 0.03);
    const areaM2 = signedArea(outline.ring);
    if (areaM2 < 300) continue;
    const year = buildYear(rng, block);
    const storeys = floors(rng, year, block);
    const coverage = outline.singleBuilding ? 1 : year < 2000 ? rng.range(0.3, 0.4) : rng.range(0.18, 0.28);
    const unitM2 = year < 1990 ? rng.range(50, 65) : year < 2000 ? rng.range(65, 85) : rng.range(90, 130);
    const households = Math.max(6, Math.min(1500, Math.round((areaM2 * coverage * storeys * 0.85) / unitM2)));
    const footprintM2 = year < 2000 ? rng.range(400, 700) : rng.range(450, 800);
    const buildings = outline.singleBuilding ? 1 : Math.max(1, Math.round((areaM2 * coverage) / footprintM2));
    const pm = management(rng, year);
    const rr = rng.next();
    const renovation: CommunityProps['renovation'] = year <= 2000 ? (rr < 0.14 ? 'done' : rr < 0.34 ? 'planned' : 'none') : rr < 0.02 ? 'planned' : 'none';
    const edge = block.edgeName[rng.int(0, 3)];
    drafts.push({
      ring: outline.ring,
      block,
      props: {
        id: '', name: namer.name(block, year, edge), build_year: year, households,
        residents: Math.round(households * rng.range(2.4, 3.0)), buildings, ...districtOf(block),
        property_management: pm,
        willingness: round2(Math.max(0.3, Math.min(0.99, 0.7 + (pm === 'none' ? 0.06 : 0) + rng.range(-0.22, 0.2)))),
        renovation, renovated_year: renovation === 'done' ? rng.int(2019, 2024) : null,
        demolition_planned: false, shanty_town: false, historic: false,
      },
    });
  }
  flagFew(rng, drafts, 0.03, (d) => d.block.kind === 'historic' && d.props.build_year < 1980, (d) => { d.props.historic = true; });
  flagFew(rng, drafts, 0.03, (d) => d.block.zone === 'core' && d.props.build_year < 1985 && !d.props.historic && d.props.households < 300,
    (d) => { d.props.demolition_planned = true; d.props.renovation = 'none'; d.props.renovated_year = null; });
  flagFew(rng, drafts, 0.02, (d) => d.block.zone === 'core' && d.props.build_year < 1980 && d.props.households < 150
    && d.props.property_management === 'none' && !d.props.historic && !d.props.demolition_planned,
  (d) => { d.props.shanty_town = true; d.props.renovation = 'none'; d.props.renovated_year = null; });
  return drafts.map((d, i) => ({ ring: d.ring, props: { ...d.props, id: `C${String(i + 1).padStart(4, '0')}` } }));
}

/** Flag round(share × all) randomly chosen communities among the eligible ones. */
function flagFew<T>(rng: Rng, items: T[], share: number, eligible: (t: T) => boolean, apply: (t: T) => void): void {
  const n = Math.max(1, Math.round(items.length * share));
  rng.shuffle(items.filter(eligible)).slice(0, n).forEach(apply);
}
