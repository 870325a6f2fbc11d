/**
 * The import report: every feature changed or skipped and why, plus warnings, for the import dialog, the CLI
 * and the printable report. Messages come from the readers and validation (English); the framing is localised.
 */
import type { InputIssue } from '../core/types';

export interface ImportReport {
  file: string;
  /** Layer inside the file (shapefile name, OSM role), when the file has several. */
  layer?: string;
  format: string;
  /** Coordinate system the features were read in, and where that came from. */
  crs: { label: string; source: 'user' | 'file' | 'default' } | null;
  /** Features (rows, records) found in the file, including those skipped. */
  featuresRead: number;
  featuresKept: number;
  /** Kept after a repair (action 'repaired'). */
  changed: InputIssue[];
  /** Not kept, or a file-level failure (action 'skipped'). */
  skipped: InputIssue[];
  /** Kept as is, with a note (action 'kept'). */
  warnings: InputIssue[];
}

/** Sort issues into the report's three lists; nothing is left out. */
export function splitIssues(issues: readonly InputIssue[]): Pick<ImportReport, 'changed' | 'skipped' | 'warnings'> {
  return {
    changed: issues.filter((i) => i.action === 'repaired'),
    skipped: issues.filter((i) => i.action === 'skipped'),
    warnings: issues.filter((i) => i.action === 'kept'),
  };
}

type Lang = 'zh-CN' | 'en';

const TEXT = {
  'zh-CN': {
    title: '导入报告', crs: '坐标系', from: { user: '用户指定', file: '文件声明', default: '默认' }, unknownCrs: '未知',
    counts: (r: ImportReport) => `读取 ${r.featuresRead} 个要素，保留 ${r.featuresKept} 个；修复 ${countFeatures(r.changed)} 个，跳过 ${r.featuresRead - r.featuresKept} 个，提示 ${r.warnings.length} 条`,
    skipped: '跳过', changed: '已修复', warnings: '提示', more: (n: number) => `等另 ${n} 处`,
  },
  en: {
    title: 'Import report', crs: 'Coordinate system', from: { user: 'chosen by user', file: 'declared by the file', default: 'default' }, unknownCrs: 'unknown',
    counts: (r: ImportReport) => `${r.featuresRead} features read, ${r.featuresKept} kept; ${countFeatures(r.changed)} repaired, ${r.featuresRead - r.featuresKept} skipped, ${r.warnings.length} notes`,
    skipped: 'Skipped', changed: 'Repaired', warnings: 'Notes', more: (n: number) => `and ${n} more`,
  },
} as const;

function countFeatures(issues: readonly InputIssue[]): number {
  return new Set(issues.filter((i) => i.featureIndex !== undefined).map((i) => i.featureIndex)).size;
}

const LABEL = /^((?:Feature|Line) \d+): /;
const MAX_LABELS = 10;

/** Group identical messages (ignoring their "Feature 3: " / "Line 7: " prefix) and list where they occur. */
function groupLines(issues: readonly InputIssue[], more: (n: number) => string, reasonOf?: (issue: InputIssue) => string): string[] {
  const groups = new Map<string, string[]>();
  for (const i of issues) {
    const m = LABEL.exec(i.message);
    const key = reasonOf ? reasonOf(i) : m ? i.message.slice(m[0].length) : i.message;
    const where = m ? m[1] : i.featureIndex !== undefined ? `Feature ${i.featureIndex}` : '';
    const list = groups.get(key) ?? [];
    if (where) list.push(where);
    groups.set(key, list);
  }
  return [...groups].map(([msg, where]) => {
    if (where.length === 0) return `  - ${msg}`;
    const shown = where.slice(0, MAX_LABELS).join(', ');
    return `  - ${msg} — ${shown}${where.length > MAX_LABELS ? ` ${more(where.length - MAX_LABELS)}` : ''} (${where.length})`;
  });
}

/**
 * Plain-text report (zh-CN first, English second). The UI renders it as text, never as HTML; it passes
 * `reasonOf` to word each issue's reason in its language (default: the English message without its label).
 */
export function formatReport(report: ImportReport, lang: Lang = 'zh-CN', reasonOf?: (issue: InputIssue) => string): string {
  const t = TEXT[lang];
  const lines = [`${t.title}: ${report.file}${report.layer ? ` / ${report.layer}` : ''} (${report.format})`];
  lines.push(`${t.crs}: ${report.crs ? `${report.crs.label} (${t.from[report.crs.source]})` : t.unknownCrs}`);
  lines.push(t.counts(report));
  const section = (title: string, issues: readonly InputIssue[]): void => {
    if (!issues.length) return;
    lines.push(`${title}:`);
    lines.push(...groupLines(issues, t.more, reasonOf));
  };
  section(t.skipped, report.skipped);
  section(t.changed, report.changed);
  section(t.warnings, report.warnings);
  return lines.join('\n');
}
