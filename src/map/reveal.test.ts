import { describe, expect, it } from 'vitest';
import { shiftIntoRange } from './reveal';

describe('shiftIntoRange', () => {
  it('leaves a visible box alone', () => expect(shiftIntoRange(100, 200, 24, 800)).toBe(0));
  it('pans left by the overhang under the panel', () => expect(shiftIntoRange(700, 900, 24, 800)).toBe(100));
  it('pans right when the box starts off screen', () => expect(shiftIntoRange(-50, 100, 24, 800)).toBe(-74));
  it('aligns the start when the box is wider than the visible range', () => expect(shiftIntoRange(300, 1500, 24, 800)).toBe(276));
});
