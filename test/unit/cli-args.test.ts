import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { parseConfigText } from '../../src/cli/config';
import { USAGE } from '../../src/cli/usage';

const base = ['analyze', '--communities', 'c.geojson', '--facilities', 'f.fgb', '--out', 'out'];

describe('parseArgs', () => {
  it('parses the documented options, with --opt value and --opt=value forms', () => {
    expect(parseArgs([...base, '--roads=r.osm', '--config', 'cfg.json', '--formats', 'fgb,geojson', '--strict'])).toEqual({
      command: 'analyze',
      options: { communities: 'c.geojson', facilities: 'f.fgb', roads: 'r.osm', config: 'cfg.json', out: 'out', formats: ['fgb', 'geojson'], strict: true, quiet: false, noZones: false },
    });
    const crs = parseArgs([...base, '--crs-communities', 'gcj02', '--crs-facilities=EPSG:4549', '--out-crs', 'bd09']);
    expect(crs.command === 'analyze' && [crs.options.crsCommunities, crs.options.crsFacilities, crs.options.crsRoads, crs.options.outCrs]).toEqual(['gcj02', 'EPSG:4549', undefined, 'bd09']);
    expect(() => parseArgs([...base, '--crs-roads', 'gcj02'])).toThrow('--crs-roads given without --roads');
    const parsed = parseArgs(base);
    expect(parsed.command === 'analyze' && parsed.options.formats).toEqual(['geojson', 'csv']);
  });

  it('answers help for no arguments, help, -h and --help', () => {
    for (const argv of [[], ['help'], ['-h'], [...base, '--help']]) expect(parseArgs(argv)).toEqual({ command: 'help' });
    expect(USAGE).toContain('--communities FILE');
    expect(USAGE).toContain('walk_m_<category>');
  });

  it('rejects unknown commands and options, missing and repeated values with clear messages', () => {
    expect(() => parseArgs(['analyse'])).toThrow('unknown command "analyse"; the only command is "analyze" (see --help)');
    expect(() => parseArgs([...base, '--road', 'r.geojson'])).toThrow('unknown option "--road" (see --help)');
    expect(() => parseArgs(['analyze', '--communities', 'c.geojson', '--out', 'o'])).toThrow('missing --facilities (see --help)');
    expect(() => parseArgs([...base, '--roads'])).toThrow('--roads needs a value');
    expect(() => parseArgs([...base, '--roads', '--strict'])).toThrow('--roads needs a value');
    expect(() => parseArgs([...base, '--out', 'x'])).toThrow('--out is given twice');
    expect(() => parseArgs([...base, 'extra.geojson'])).toThrow('unexpected argument "extra.geojson"; options start with -- (see --help)');
    expect(() => parseArgs([...base, '--formats', 'shp'])).toThrow('--formats: unknown format "shp"; choose from geojson, csv, fgb');
    expect(() => parseArgs([...base, '--strict=yes'])).toThrow('--strict takes no value');
    expect(() => parseArgs([...base, '--threads', 'two'])).toThrow('--threads: "two" is not a whole number from 0 to 64');
    expect(() => parseArgs([...base, '--threads', '-1'])).toThrow('--threads: "-1" is not a whole number from 0 to 64');
  });

  it('parses --no-zones, and refuses it with a zone option', () => {
    const none = parseArgs([...base, '--no-zones']);
    expect(none.command === 'analyze' && none.options.noZones).toBe(true);
    const auto = parseArgs(base);
    expect(auto.command === 'analyze' && auto.options.noZones).toBe(false);
    expect(() => parseArgs([...base, '--no-zones', '--zone-gap', '10'])).toThrow('--zone-gap given with --no-zones');
    expect(() => parseArgs([...base, '--eligible-before=1990', '--no-zones'])).toThrow('--eligible-before given with --no-zones');
    expect(() => parseArgs([...base, '--no-zones=1'])).toThrow('--no-zones takes no value');
    expect(USAGE).toContain('--no-zones');
  });

  it('parses --threads (absent = automatic)', () => {
    const two = parseArgs([...base, '--threads', '2']);
    expect(two.command === 'analyze' && two.options.threads).toBe(2);
    const auto = parseArgs(base);
    expect(auto.command === 'analyze' && auto.options.threads).toBe(undefined);
    expect(USAGE).toContain('--threads N');
  });
});

describe('parseConfigText', () => {
  it('applies partial overrides on top of the defaults', () => {
    const s = parseConfigText(JSON.stringify({ walkSpeedMetersPerMinute: 75, categories: { kindergarten: { maxWalkMeters: 400 }, housekeeping: { required: true } }, network: { maxSnapMeters: 150, nodeAtCrossings: true } }), 'cfg.json');
    expect(s.walkSpeedMetersPerMinute).toBe(75);
    expect(s.categories.find((c) => c.id === 'kindergarten')!.maxWalkMeters).toBe(400);
    expect(s.categories.find((c) => c.id === 'kindergarten')!.required).toBe(true);
    expect(s.categories.find((c) => c.id === 'housekeeping')!.required).toBe(true);
    expect(s.categories.find((c) => c.id === 'market')!.maxWalkMeters).toBe(500);
    expect(s.network).toEqual({ maxSnapMeters: 150, mergeToleranceMeters: 0.5, nodeAtCrossings: true });
  });

  it('lists every problem with its JSON path and the file name', () => {
    const text = JSON.stringify({ walkSpeed: 70, categories: { kindergarden: {}, market: { maxWalkMeters: '500', required: 'yes' } }, network: { maxSnapMeters: -5 } });
    let message = '';
    try { parseConfigText(text, 'cfg.json'); } catch (e) { message = (e as Error).message; }
    expect(message.split('\n')).toEqual([
      'cfg.json: invalid config:',
      '  - walkSpeed is not a setting (expected one of: walkSpeedMetersPerMinute, categories, network, zoning)',
      expect.stringMatching(/^ {2}- categories\.kindergarden: unknown category id \(known: health_center, .*kindergarten/),
      '  - categories.market.maxWalkMeters must be a number, got "500"',
      '  - categories.market.required must be true or false, got "yes"',
      '  - network.maxSnapMeters must be between 0 and 5000, got -5',
    ]);
  });

  it('names the file for JSON syntax errors', () => {
    expect(() => parseConfigText('{ "categories": ', 'bad.json')).toThrow(/^bad\.json: not valid JSON: /);
    expect(() => parseConfigText('[1]', 'arr.json')).toThrow('arr.json: the config must be a JSON object');
  });
});
