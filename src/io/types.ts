import type { Feature } from 'geojson';
import type { InputIssue } from '../core/types';

/** What every reader returns: the features it could read, and every problem it met (nothing silently dropped). */
export interface ReadResult {
  fileName: string;
  features: Feature[];
  issues: InputIssue[];
}

/** What every domain mapper returns. */
export interface MapResult<T> {
  items: T[];
  issues: InputIssue[];
}
