import type { TFunction } from 'i18next';
import type { InputIssue } from '../../core/types';

/** The "Feature 3: " / "Line 7: " prefix of a message: the report shows where in a column of its own. */
const LABEL = /^(?:Feature|Line) \d+: /;

/**
 * An issue's reason in the UI language: the translation of its code with its params; the English message
 * (without its label) for issues that have no code (e.g. the coordinate-system hints of io/crs).
 */
export function issueReason(t: TFunction, issue: InputIssue): string {
  const key = `issues.${issue.code ?? ''}`;
  if (issue.code !== undefined && t(key, { defaultValue: '' }) !== '') return t(key, issue.params ?? {});
  return issue.message.replace(LABEL, '');
}
