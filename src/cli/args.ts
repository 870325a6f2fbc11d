/**
 * Command-line parsing for `analyze`. Unknown options are errors (never ignored), so a typo in a batch
 * script fails loudly instead of silently running a different analysis.
 */
import { UsageError } from './errors';
import type { ZoningFlags } from './zoningOptions';
import { ZONING_FLAG_NAMES, parseZoningFlags } from './zoningOptions';

/** summary.json is always written (it is the record of the run); these choose the other files. */
export type OutputFormat = 'geojson' | 'csv' | 'fgb';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['geojson', 'csv', 'fgb'];
export const DEFAULT_FORMATS: readonly OutputFormat[] = ['geojson', 'csv'];

export interface AnalyzeOptions extends ZoningFlags {
  communities: string;
  facilities: string;
  roads?: string;
  config?: string;
  out: string;
  /** Coordinate system of each input (`gcj02`, `bd09`, `EPSG:4548` …): wins over what the file declares. */
  crsCommunities?: string;
  crsFacilities?: string;
  crsRoads?: string;
  /** Coordinate system of the written geometry (default WGS84). */
  outCrs?: string;
  formats: OutputFormat[];
  strict: boolean;
  quiet: boolean;
  /** `--no-zones`: the walking distances only, no renovation zones (faster; no zones.* files). */
  noZones?: boolean;
  /** Worker threads for the distance searches: undefined = one per core (at most 4) for big inputs; ≤ 1 = none. */
  threads?: number;
}

export type ParsedCommand = { command: 'help' } | { command: 'analyze'; options: AnalyzeOptions };

const VALUE_OPTIONS = new Set(['communities', 'facilities', 'roads', 'config', 'out', 'formats', 'crs-communities', 'crs-facilities', 'crs-roads', 'out-crs',
  ...ZONING_FLAG_NAMES, 'threads']);
const FLAG_OPTIONS = new Set(['strict', 'quiet', 'no-zones']);

export function parseArgs(argv: readonly string[]): ParsedCommand {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { command: 'help' };
  const [command, ...rest] = argv;
  if (command !== 'analyze') throw new UsageError(`unknown command "${command}"; the only command is "analyze" (see --help)`);
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument "${arg}"; options start with -- (see --help)`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq > 0 ? eq : undefined);
    if (FLAG_OPTIONS.has(name)) {
      if (eq > 0) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
      continue;
    }
    if (!VALUE_OPTIONS.has(name)) throw new UsageError(`unknown option "--${name}" (see --help)`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = rest[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      i++;
    }
    if (value === '') throw new UsageError(`--${name} needs a value`);
    if (values.has(name)) throw new UsageError(`--${name} is given twice`);
    values.set(name, value);
  }
  for (const required of ['communities', 'facilities', 'out']) {
    if (!values.has(required)) throw new UsageError(`missing --${required} (see --help)`);
  }
  if (values.has('crs-roads') && !values.has('roads')) throw new UsageError('--crs-roads given without --roads');
  const zoning = parseZoningFlags(values);
  if (flags.has('no-zones')) {
    // A zone setting with no zones to apply it to is a mistake in the script, not something to ignore.
    const zoneOption = ZONING_FLAG_NAMES.find((o) => values.has(o));
    if (zoneOption) throw new UsageError(`--${zoneOption} given with --no-zones`);
  }
  return {
    command: 'analyze',
    options: {
      communities: values.get('communities')!,
      facilities: values.get('facilities')!,
      roads: values.get('roads'),
      config: values.get('config'),
      out: values.get('out')!,
      crsCommunities: values.get('crs-communities'),
      crsFacilities: values.get('crs-facilities'),
      crsRoads: values.get('crs-roads'),
      outCrs: values.get('out-crs'),
      formats: parseFormats(values.get('formats')),
      strict: flags.has('strict'),
      quiet: flags.has('quiet'),
      noZones: flags.has('no-zones'),
      threads: parseThreads(values.get('threads')),
      ...zoning,
    },
  };
}

function parseThreads(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 64) throw new UsageError(`--threads: "${value}" is not a whole number from 0 to 64`);
  return Number(value);
}

function parseFormats(value: string | undefined): OutputFormat[] {
  if (value === undefined) return [...DEFAULT_FORMATS];
  const out: OutputFormat[] = [];
  for (const part of value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean)) {
    const f = OUTPUT_FORMATS.find((x) => x === part);
    if (!f) throw new UsageError(`--formats: unknown format "${part}"; choose from ${OUTPUT_FORMATS.join(', ')}`);
    if (!out.includes(f)) out.push(f);
  }
  if (!out.length) throw new UsageError('--formats needs at least one format');
  return out;
}
