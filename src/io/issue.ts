/**
 * Input issues with a code and parameters: the UI translates `issues.<code>` with the params, while `message`
 * keeps the English text (rendered here from the same template, so the two cannot drift) for the CLI, logs
 * and exports.
 */
import type { InputIssue } from '../core/types';
import type { IssueCode } from './issueTemplates';
import { ISSUE_TEMPLATES, NESTED_REASON_CODES } from './issueTemplates';

export type IssueParams = Record<string, string | number>;
/** Everything of an issue but its text. */
export type IssueFields = Omit<InputIssue, 'message' | 'code' | 'params'>;

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** The English text of an issue (as `${value}` would print each param). */
export function issueText(code: IssueCode, params: IssueParams = {}): string {
  return ISSUE_TEMPLATES[code].replace(PLACEHOLDER, (_, name: string) => String(params[name]));
}

/**
 * An issue with its code, params and English message; `label` ("Feature 3", "Line 7") prefixes the message
 * only: the report shows where in a column of its own. A `reason` param that is itself the text of a code
 * (an OSM relation's or a polygon part's reason) also gets `reason$code` and `reason$<param>` entries, so the
 * UI can translate it inside the outer text.
 * @example issue('csvEmpty', {}, { severity: 'error', file: 'a.csv', action: 'skipped' })
 */
export function issue(code: IssueCode, params: IssueParams, fields: IssueFields, label?: string): InputIssue {
  const text = issueText(code, params);
  const reason = params.reason;
  const nested = typeof reason === 'string' ? codeOfText(reason, NESTED_REASON_CODES) : null;
  let all = params;
  if (nested) {
    all = { ...params, reason$code: nested.code };
    for (const [k, v] of Object.entries(nested.params)) all[`reason$${k}`] = v;
  }
  return { ...fields, message: label === undefined ? text : `${label}: ${text}`, code, params: all };
}

const matchers = new Map<IssueCode, RegExp>();

function matcherOf(code: IssueCode): RegExp {
  let re = matchers.get(code);
  if (!re) {
    const parts = ISSUE_TEMPLATES[code].split(PLACEHOLDER);
    const seen = new Set<string>();
    // split() with a capture group alternates literal text and placeholder names; a name used twice must match
    // the same text both times.
    const source = parts.map((p, i) => {
      if (i % 2 === 0) return p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (seen.has(p)) return `\\k<${p}>`;
      seen.add(p);
      return `(?<${p}>[\\s\\S]*?)`;
    }).join('');
    re = new RegExp(`^${source}$`);
    matchers.set(code, re);
  }
  return re;
}

/**
 * The code and params of a text built elsewhere as a plain string (validate/* builds its reasons that way on its
 * hot path), trying `codes` in order; null when none renders back to exactly that text.
 */
export function codeOfText(text: string, codes: readonly IssueCode[]): { code: IssueCode; params: IssueParams } | null {
  for (const code of codes) {
    const m = matcherOf(code).exec(text);
    if (!m) continue;
    const params: IssueParams = {};
    for (const [k, v] of Object.entries(m.groups ?? {})) params[k] = /^-?\d+(?:\.\d+)?$/.test(v) && String(Number(v)) === v ? Number(v) : v;
    if (issueText(code, params) === text) return { code, params };
  }
  return null;
}

// Validation repeats the same few texts across many features ("field 户数 is missing" on each of them).
const parsed = new Map<string, { code: IssueCode; params: IssueParams } | null>();
const PARSED_MAX = 2000;

/** `issue` for a text built elsewhere (see `codeOfText`); without a code when no template renders it exactly. */
export function issueOfText(text: string, codes: readonly IssueCode[], fields: IssueFields, label?: string): InputIssue {
  let found = parsed.get(text);
  if (found === undefined) {
    found = codeOfText(text, codes);
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(text, found);
  }
  if (found) return issue(found.code, found.params, fields, label);
  return { ...fields, message: label === undefined ? text : `${label}: ${text}` };
}
