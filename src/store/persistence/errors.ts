/**
 * Errors met while reading a project (file or autosave). `code` + `params` let the UI translate the message;
 * `message` is the English text (logs, tests). Messages name what is wrong and where (a JSON path).
 */
export type ProjectErrorCode =
  | 'notJson'
  | 'notObject'
  | 'wrongFormat'
  | 'badVersion'
  | 'newerVersion'
  | 'noParts'
  | 'missingPart'
  | 'newerPart'
  | 'wrongType'
  | 'migrationFailed'
  | 'loadFailed';

export type ProjectErrorParams = Record<string, string | number>;

export class ProjectFileError extends Error {
  readonly code: ProjectErrorCode;
  readonly params: ProjectErrorParams;
  constructor(code: ProjectErrorCode, params: ProjectErrorParams, message: string) {
    super(message);
    this.name = 'ProjectFileError';
    this.code = code;
    this.params = params;
  }
}

/** Short description of a found value for messages: `a string ("abc")`, `an array`, `null`. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `a string (${JSON.stringify(v.length > 30 ? `${v.slice(0, 30)}…` : v)})`;
  if (typeof v === 'number') return `a number (${v})`;
  if (typeof v === 'boolean') return `a boolean (${v})`;
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

/** "`path` should be `expected`, found …" */
export function wrongType(path: string, expected: string, found: unknown): ProjectFileError {
  const foundText = describeValue(found);
  return new ProjectFileError('wrongType', { path, expected, found: foundText },
    `Invalid project file: ${path} should be ${expected}, found ${foundText}.`);
}
