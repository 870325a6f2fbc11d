import { useTranslation } from 'react-i18next';
import type { InputIssue } from '../../core/types';
import type { ImportReport } from '../../io/report';
import { issueReason } from './issueReason';

function IssueTable({ issues, kind }: { issues: readonly InputIssue[]; kind: string }) {
  const { t } = useTranslation();
  return (
    <table className="import-issues" data-testid={`import-report-${kind}`}>
      <thead><tr><th>{t('import.report.file')}</th><th>{t('import.report.feature')}</th><th>{t('import.report.field')}</th><th>{t('import.report.reason')}</th></tr></thead>
      <tbody>
        {issues.map((i, n) => (
          <tr key={n} data-feature-index={i.featureIndex ?? ''}>
            <td>{i.file}</td>
            <td>
              {i.featureIndex !== undefined ? t('import.report.featureLabel', { index: i.featureIndex }) : '—'}
              {i.featureId !== undefined && <span className="import-muted"> ({i.featureId})</span>}
            </td>
            <td>{i.field ?? '—'}</td>
            {/* Messages may quote property values: rendered as text by React, never as HTML. */}
            <td data-issue-code={i.code ?? ''}>{issueReason(t, i)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function countFeatures(issues: readonly InputIssue[]): number {
  return new Set(issues.map((i) => i.featureIndex).filter((x) => x !== undefined)).size;
}

/** One layer's report: counts, then the collapsible lists of skipped, repaired and noted features. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const skippedCount = Math.max(0, report.featuresRead - report.featuresKept);
  const sections: [string, InputIssue[]][] = [['skipped', report.skipped], ['changed', report.changed], ['warnings', report.warnings]];
  return (
    <section className="import-report" data-testid="import-report-layer">
      <h3>{report.file}{report.layer && !report.file.startsWith(report.layer) ? <span className="import-layer-sub"> / {report.layer}</span> : null}</h3>
      <div className="import-layer-meta">
        <span className="import-badge">{report.format}</span>
        {report.crs && <span>{t('import.report.crs')}: {report.crs.label} ({t(`import.report.crsSource.${report.crs.source}`)})</span>}
      </div>
      <dl className="import-counts">
        <div><dt>{t('import.report.read')}</dt><dd data-testid="import-count-read">{report.featuresRead}</dd></div>
        <div><dt>{t('import.report.kept')}</dt><dd data-testid="import-count-kept">{report.featuresKept}</dd></div>
        <div className="changed"><dt>{t('import.report.changed')}</dt><dd data-testid="import-count-changed">{countFeatures(report.changed)}</dd></div>
        <div className="skipped"><dt>{t('import.report.skipped')}</dt><dd data-testid="import-count-skipped">{skippedCount}</dd></div>
        <div><dt>{t('import.report.warnings')}</dt><dd data-testid="import-count-warnings">{report.warnings.length}</dd></div>
      </dl>
      {sections.every(([, list]) => list.length === 0) && <p className="import-muted">{t('import.report.noIssues')}</p>}
      {sections.map(([kind, list]) => list.length > 0 && (
        <details key={kind} className={`import-section ${kind}`} open={kind !== 'warnings'}>
          <summary>{t(`import.report.${kind}`)} ({list.length})</summary>
          <IssueTable issues={list} kind={kind} />
        </details>
      ))}
    </section>
  );
}
