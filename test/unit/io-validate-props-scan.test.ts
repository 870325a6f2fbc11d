/**
 * checkProperties scans short keys and values in one loop for U+FFFD, "<" and ":" (longer ones with
 * `includes`): the warnings must be exactly those of the three `includes` tests plus the markup pattern.
 */
import { describe, expect, it } from 'vitest';
import { checkProperties } from '../../src/io/validate/properties';

const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|javascript:/i;

function reference(props: Record<string, unknown>): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  for (const key of Object.keys(props)) {
    const value = props[key];
    if (key.includes('\ufffd')) out.push({ field: key, message: `field name "${key}" contains undecodable characters (U+FFFD): wrong encoding?` });
    if (typeof value === 'string') {
      if (value.includes('\ufffd')) out.push({ field: key, message: `field ${key} contains undecodable characters (U+FFFD): wrong encoding?` });
      if ((value.includes('<') || value.includes(':')) && MARKUP.test(value)) out.push({ field: key, message: `field ${key} contains HTML/script markup; kept verbatim as text` });
    }
  }
  return out;
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('checkProperties character scan', () => {
  it('warns exactly as the includes tests on 4000 seeded short and long texts', () => {
    const r = rng(3);
    const pieces = ['a', '路', '\ufffd', '<', ':', '<b>', 'javascript:', ' ', 'x1', '>', '<!-- c -->', 'https://x'];
    let warned = 0;
    for (let n = 0; n < 4000; n++) {
      const text = (len: number): string => Array.from({ length: len }, () => (r() < 0.9 ? pieces[0] : pieces[Math.floor(r() * pieces.length)])).join('');
      const key = r() < 0.05 ? `k\ufffd${n}` : `k${n % 7}`;
      // Around the one-loop limit (64 characters) and well past it.
      const value = text(Math.floor(r() * 90));
      const props = { [key]: value, id: `R${n}`, long: r() < 0.1 ? text(200) : 'plain' };
      const got = checkProperties(props, {});
      expect(got).toEqual(reference(props));
      warned += got.length;
    }
    expect(warned).toBeGreaterThan(500);
  });
});
