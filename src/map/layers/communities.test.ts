import { expression } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { BUILD_YEAR_CLASSES, UNKNOWN_BUILD_YEAR_COLOR, buildYearClassOf } from '../palette';
import { buildYearColorExpression } from './communities';

/** Evaluate the real style expression with maplibre's evaluator (untyped: colours come back as the literals). */
function colorFor(properties: Record<string, unknown>): string {
  const parsed = expression.createExpression(buildYearColorExpression(), 'layers[communities-fill].paint.fill-color');
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  const v = parsed.value.evaluate({ zoom: 15 }, { type: 3, properties, geometry: [] } as never);
  return String(v);
}

describe('build-year colour expression', () => {
  it.each([
    [1965, 'to1980'], [1980, 'to1980'], [1981, 'y1981to1990'], [1990, 'y1981to1990'], [1991, 'y1991to2000'],
    [2000, 'y1991to2000'], [2001, 'y2001to2010'], [2010, 'y2001to2010'], [2011, 'after2010'], [2015, 'after2010'],
  ])('%i is drawn in class %s (same class as the legend uses)', (year, classId) => {
    const cls = BUILD_YEAR_CLASSES.find((c) => c.id === classId)!;
    expect(buildYearClassOf(year)?.id).toBe(classId);
    expect(colorFor({ buildYear: year })).toBe(cls.color);
  });

  it('communities without a build year get the neutral colour', () => {
    expect(colorFor({})).toBe(UNKNOWN_BUILD_YEAR_COLOR);
    expect(buildYearClassOf(null)).toBeNull();
  });
});

