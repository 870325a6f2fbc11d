import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';

/** Progress bar with cancel while the Worker analyses (the map stays interactive: the work is off the main thread). */
export function AnalysisProgress() {
  const { t } = useTranslation();
  const status = useAppStore((s) => s.analysisStatus);
  const progress = useAppStore((s) => s.analysisProgress);
  const cancel = useAppStore((s) => s.cancelAnalysis);
  if (status === 'cancelled') return <div className="cov-progress cancelled" data-testid="analysis-cancelled">{t('coverage.progress.cancelled')}</div>;
  if (status !== 'running') return null;
  const percent = Math.round((progress?.fraction ?? 0) * 100);
  return (
    <div className="cov-progress" data-testid="analysis-progress" role="status">
      <span>{t('coverage.progress.running', { percent })}</span>
      <progress max={100} value={percent} />
      <button type="button" onClick={cancel} data-testid="analysis-cancel">{t('coverage.progress.cancel')}</button>
    </div>
  );
}
