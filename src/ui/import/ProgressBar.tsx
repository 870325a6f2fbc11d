import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';

/** Progress of reading / parsing / converting, from the import slice. */
export function ProgressBar() {
  const { t } = useTranslation();
  const progress = useAppStore((s) => s.importProgress);
  if (!progress) return null;
  const label = progress.stage === 'converting' ? t('import.converting') : t(`import.${progress.stage}`, { file: progress.fileName });
  const pct = Math.round(progress.fraction * 100);
  return (
    <div className="import-progress" data-testid="import-progress">
      <div className="import-progress-label"><span>{label}</span><span>{pct}%</span></div>
      <div className="import-progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className="import-progress-fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
