/** Side-panel tab "分析 / Analysis": dashboard, scenario, gap table and settings of the life-circle analysis. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { AnalysisSettingsPanel } from './AnalysisSettings';
import { Dashboard } from './Dashboard';
import { GapTable } from './GapTable';
import { ScenarioPanel } from './ScenarioPanel';
import './analysis.css';

export function AnalysisTab() {
  const { t } = useTranslation();
  const status = useAppStore((s) => s.analysisStatus);
  const error = useAppStore((s) => s.analysisError);
  const hasResult = useAppStore((s) => s.analysisResult !== null);
  const hasData = useAppStore((s) => s.dataVersion > 0);
  return (
    <div className="panel-stack analysis-tab" data-testid="analysis-tab" data-status={status}>
      {!hasData && <p className="hint panel-section">{t('analysis.noData')}</p>}
      {hasData && !hasResult && status !== 'error' && <p className="hint panel-section" data-testid="analysis-waiting">{t('analysis.waiting')}</p>}
      {status === 'error' && error && <p className="hint panel-section error-note">{t('analysis.error', { message: error })}</p>}
      <Dashboard />
      <ScenarioPanel />
      {hasResult && <GapTable />}
      <AnalysisSettingsPanel />
    </div>
  );
}
