import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

function leafKeys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v !== null && typeof v === 'object' ? leafKeys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('i18n resources', () => {
  it('zh-CN and en have exactly the same keys', () => {
    const zh = leafKeys(zhCN).sort();
    const e = leafKeys(en).sort();
    expect(zh.length).toBeGreaterThan(80);
    expect(e).toEqual(zh);
  });

  it('every value is a non-empty string and placeholders match between languages', () => {
    const get = (o: object, path: string): unknown => path.split('.').reduce<unknown>((acc, k) => (acc as Record<string, unknown>)[k], o);
    for (const key of leafKeys(zhCN)) {
      const zv = get(zhCN, key), ev = get(en, key);
      expect(typeof zv === 'string' && zv.length > 0, key).toBe(true);
      expect(typeof ev === 'string' && ev.length > 0, key).toBe(true);
      const ph = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(ph(ev as string), key).toEqual(ph(zv as string));
    }
  });

  it('the English UI is actually English (no CJK outside the language name and the subtitle)', () => {
    // csvNoCoordinates quotes the Chinese column names it looks for (经度, 纬度).
    const allowed = new Set(['language.zhCN', 'app.subtitle', 'issues.csvNoCoordinates']);
    const get = (o: object, path: string): string => path.split('.').reduce<unknown>((acc, k) => (acc as Record<string, unknown>)[k], o) as string;
    const cjk = leafKeys(en).filter((k) => !allowed.has(k) && /[\u4e00-\u9fff]/.test(get(en, k)));
    expect(cjk).toEqual([]);
  });
});
