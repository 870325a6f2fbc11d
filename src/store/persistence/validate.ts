/** Narrowing helpers for part loaders: each throws a `wrongType` ProjectFileError naming the JSON path. */
import { wrongType } from './errors';

export type JsonObject = Record<string, unknown>;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function expectObject(v: unknown, path: string): JsonObject {
  if (!isObject(v)) throw wrongType(path, 'an object', v);
  return v;
}

export function expectArray(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw wrongType(path, 'an array', v);
  return v;
}

export function expectString(v: unknown, path: string): string {
  if (typeof v !== 'string') throw wrongType(path, 'a string', v);
  return v;
}

export function expectNullableString(v: unknown, path: string): string | null {
  if (v !== null && typeof v !== 'string') throw wrongType(path, 'a string or null', v);
  return v;
}

export function expectNumber(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw wrongType(path, 'a number', v);
  return v;
}

export function expectBoolean(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw wrongType(path, 'true or false', v);
  return v;
}

/** An array of objects each having a string `id` (domain lists); returns them typed as T after the check. */
export function expectRecordsWithId<T>(v: unknown, path: string, check?: (item: JsonObject, itemPath: string) => void): T[] {
  const items = expectArray(v, path);
  items.forEach((item, i) => {
    const o = expectObject(item, `${path}[${i}]`);
    expectString(o.id, `${path}[${i}].id`);
    check?.(o, `${path}[${i}]`);
  });
  return items as T[];
}
