import { useTranslation } from 'react-i18next';
import { appStore, useAppStore } from '../../store';
import { ImportButton } from './ImportButton';

/** Side-panel tab "导入": the picker, and the last import's figures with a link to its report. */
export function ImportTab() {
  const { t } = useTranslation();
  const reports = useAppStore((s) => s.importReports);
  return (
    <div className="import-tab" data-testid="import-tab">
      <p className="import-muted">{t('import.tabIntro')}</p>
      <ImportButton variant="panel" />
      <h3>{t('import.lastImport')}</h3>
      {reports.length === 0 ? <p className="import-muted">{t('import.noImportYet')}</p> : (
        <>
          <ul className="import-tab-list">
            {reports.map((r, i) => (
              <li key={i}>
                <strong>{r.file}</strong>
                <span>{t('import.report.read')} {r.featuresRead} · {t('import.report.kept')} {r.featuresKept} · {t('import.report.skipped')} {Math.max(0, r.featuresRead - r.featuresKept)}</span>
              </li>
            ))}
          </ul>
          <button type="button" className="btn" data-testid="import-show-report" onClick={() => appStore.getState().setImportPhase('report')}>{t('import.report.show')}</button>
        </>
      )}
    </div>
  );
}
