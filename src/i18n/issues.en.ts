/**
 * Import issue texts in English (merged into en.ts under `issues`): the templates the CLI and logs print, so the
 * English UI says exactly what they say. Keep keys identical to issues.zh-CN.ts (the compiler and a test check).
 */
import { ISSUE_TEMPLATES } from '../io/issueTemplates';
import type { issuesZhCN } from './issues.zh-CN';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const issuesEn: Widen<typeof issuesZhCN> = ISSUE_TEMPLATES;
