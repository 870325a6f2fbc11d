import type { zhCN } from './zh-CN';

/** Same keys as the zh-CN resource, any string values: the compiler keeps en.ts complete. */
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type ResourceShape = Widen<typeof zhCN>;
