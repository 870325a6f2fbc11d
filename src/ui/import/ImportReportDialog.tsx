import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatReport } from '../../io/report';
import { issueReason } from './issueReason';
import { appStore, useAppStore } from '../../store';
import { ImportReportView } from './ImportReportView';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No clipboard permission (http, headless): the old way through a selected textarea.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

/** The import report after an import: per layer, with a copy-as-text button. */
export function ImportReportDialog() {
  const { t, i18n } = useTranslation();
  const reports = useAppStore((s) => s.importReports);
  const communities = useAppStore((s) => s.communities.length);
  const facilities = useAppStore((s) => s.facilities.length);
  const roads = useAppStore((s) => s.roads.length);
  const [copied, setCopied] = useState(false);
  const text = reports.map((r) => formatReport(r, i18n.language === 'en' ? 'en' : 'zh-CN', (issue) => issueReason(t, issue))).join('\n\n');
  return (
    <div className="import-backdrop" role="presentation">
      <div className="import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-report-title" data-testid="import-report">
        <header className="import-dialog-head">
          <h2 id="import-report-title">{t('import.report.title')}</h2>
          <button type="button" className="import-close" aria-label={t('import.report.close')} onClick={() => appStore.getState().setImportPhase('idle')}>×</button>
        </header>
        <div className="import-dialog-body">
          <p className="import-intro" data-testid="import-report-summary">{t('import.report.summary', { communities, facilities, roads })}</p>
          {reports.map((r, i) => <ImportReportView key={i} report={r} />)}
          <pre className="import-report-text" data-testid="import-report-text" hidden>{text}</pre>
        </div>
        <footer className="import-dialog-foot">
          <div className="import-actions">
            <button type="button" className="btn" data-testid="import-report-copy" onClick={() => void copyText(text).then(setCopied)}>
              {copied ? t('import.report.copied') : t('import.report.copy')}
            </button>
            <button type="button" className="btn btn-primary" data-testid="import-report-close" onClick={() => appStore.getState().setImportPhase('idle')}>{t('import.report.close')}</button>
          </div>
        </footer>
      </div>
    </div>
  );
}
