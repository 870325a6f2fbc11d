import type { TFunction } from 'i18next';
import type { InputIssue } from '../../core/types';

/** The "Feature 3: " / "Line 7: " prefix of a message: the report shows where in a column of its own. */
const LABEL = /^(?:Feature|Line) \d+: /;

/**
 * An issue's reason in the UI language: the translation of its code with its params; the English message
 * (without its label) for issues that have no code (e.g. the two CLI-only issues of src/cli).
 */
export function issueReason(t: TFunction, issue: InputIssue): string {
  const key = `issues.${issue.code ?? ''}`;
  if (issue.code !== undefined && t(key, { defaultValue: '' }) !== '') return t(key, translatedNested(t, issue.params ?? {}));
  return issue.message.replace(LABEL, '');
}

/** The params with each `<name>$code` (a reason quoted in the text, see io/issue.ts) replaced by its translation. */
function translatedNested(t: TFunction, params: Record<string, string | number>): Record<string, string | number> {
  const out = { ...params };
  for (const [key, code] of Object.entries(params)) {
    if (!key.endsWith('$code')) continue;
    const name = key.slice(0, -'$code'.length);
    const inner: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(params)) if (k.startsWith(`${name}$`) && k !== key) inner[k.slice(name.length + 1)] = v;
    const text = t(`issues.${String(code)}`, { ...inner, defaultValue: '' });
    if (text !== '') out[name] = text;
  }
  return out;
}
