// vitest 5's reporter uses Map.groupBy (Node 21+); CI runs Node 20. Without this, a failing test crashes the
// reporter and hides the real failure.
if (!('groupBy' in Map)) {
  Object.defineProperty(Map, 'groupBy', {
    value<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const out = new Map<K, T[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const list = out.get(k);
        if (list) list.push(item); else out.set(k, [item]);
      }
      return out;
    },
  });
}
if (!('groupBy' in Object)) {
  Object.defineProperty(Object, 'groupBy', {
    value<T>(items: Iterable<T>, key: (item: T, index: number) => PropertyKey): Record<PropertyKey, T[]> {
      const out: Record<PropertyKey, T[]> = {};
      let i = 0;
      for (const item of items) (out[key(item, i++)] ??= []).push(item);
      return out;
    },
  });
}
export {};
