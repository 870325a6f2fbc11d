import { useTranslation } from 'react-i18next';
import { appStore, useAppStore } from '../../store';
import { cancelImport, confirmImport } from './importController';
import { LayerMappingCard } from './LayerMappingCard';
import { ProgressBar } from './ProgressBar';

/** The role / field / coordinate-system dialog shown after files are read (and while they are read). */
export function ImportDialog() {
  const { t } = useTranslation();
  const phase = useAppStore((s) => s.importPhase);
  const layers = useAppStore((s) => s.importLayers);
  const choices = useAppStore((s) => s.importChoices);
  const mode = useAppStore((s) => s.importMode);
  const error = useAppStore((s) => s.importError);
  const busy = phase === 'reading' || phase === 'importing';
  const anyRole = choices.some((c) => c.role !== null);
  return (
    <div className="import-backdrop" role="presentation">
      <div className="import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-dialog-title" data-testid="import-dialog">
        <header className="import-dialog-head">
          <h2 id="import-dialog-title">{t('import.dialogTitle')}</h2>
          <button type="button" className="import-close" aria-label={t('import.cancel')} onClick={() => cancelImport(appStore)}>×</button>
        </header>
        <div className="import-dialog-body">
          {phase === 'reading' ? <ProgressBar /> : <p className="import-intro">{t('import.dialogIntro')}</p>}
          {error && <div className="import-error" data-testid="import-error">{t('import.failed', { message: error })}</div>}
          {layers.map((layer) => {
            const choice = choices.find((c) => c.key === layer.key);
            return choice ? <LayerMappingCard key={layer.key} layer={layer} choice={choice} /> : null;
          })}
        </div>
        <footer className="import-dialog-foot">
          <fieldset className="import-mode" disabled={busy}>
            <legend>{t('import.mode')}</legend>
            <label><input type="radio" name="import-mode" data-testid="import-mode-replace" checked={mode === 'replace'} onChange={() => appStore.getState().setImportMode('replace')} />{t('import.modeReplace')}</label>
            <label><input type="radio" name="import-mode" data-testid="import-mode-add" checked={mode === 'add'} onChange={() => appStore.getState().setImportMode('add')} />{t('import.modeAdd')}</label>
          </fieldset>
          {phase === 'importing' && <ProgressBar />}
          <div className="import-actions">
            {!anyRole && phase === 'mapping' && <span className="import-muted">{t('import.nothingToImport')}</span>}
            <button type="button" className="btn" data-testid="import-cancel" onClick={() => cancelImport(appStore)}>{t('import.cancel')}</button>
            <button type="button" className="btn btn-primary" data-testid="import-confirm" disabled={busy || !anyRole} onClick={() => void confirmImport(appStore)}>
              {phase === 'importing' ? t('import.importing') : t('import.confirm')}
            </button>
          </div>
        </footer>
      </div>
    </div>
  );
}
