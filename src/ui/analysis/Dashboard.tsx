/** Decision-maker summary: eligible stock, coverage per category (before/after under a scenario), score spread. */
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { selectDashboard } from '../../store/analysisSelectors';
import { formatNumber } from '../format';
import { useCategoryName } from '../useCategoryName';
import { CoverageBarChart } from './CoverageBarChart';
import { ScoreHistogram } from './ScoreHistogram';

export function Dashboard() {
  const { t } = useTranslation();
  const figures = useAppStore(selectDashboard);
  const language = useAppStore((s) => s.language);
  const categoryName = useCategoryName();
  if (!figures) return null;
  const n = (v: number) => formatNumber(v, language);
  const required = figures.categories.filter((c) => c.required);
  const optional = figures.categories.filter((c) => !c.required);
  return (
    <section className="panel-section" data-testid="analysis-dashboard">
      <h2>{t('analysis.dashboard.title')}</h2>
      <p className={`mode-label mode-${figures.mode}`} data-testid="analysis-mode" data-mode={figures.mode}>
        {t('analysis.modeLabel')}{figures.mode === 'network' ? t('analysis.modeNetwork') : t('analysis.modeEuclidean')}
      </p>
      <div className="stat-grid">
        <div className="stat" data-testid="dash-eligible-communities">
          <div className="stat-label">{t('analysis.dashboard.eligibleCommunities')}</div>
          <div className="stat-value" data-testid="dash-eligible-communities-value">{n(figures.eligibleCommunities)}</div>
          <div className="stat-note">{t('analysis.dashboard.eligibleNote')}</div>
        </div>
        <div className="stat" data-testid="dash-eligible-households">
          <div className="stat-label">{t('analysis.dashboard.eligibleHouseholds')}</div>
          <div className="stat-value" data-testid="dash-eligible-households-value">{n(figures.eligibleHouseholds)}</div>
        </div>
        <div className="stat stat-wide" data-testid="dash-gaps">
          <div className="stat-label">{t('analysis.dashboard.gaps')}</div>
          <div className="stat-value" data-testid="dash-gaps-value" data-gaps={figures.totalGaps}>{n(figures.totalGaps)}</div>
          <div className="stat-note">{t('analysis.dashboard.gapsNote')}</div>
        </div>
      </div>
      {figures.baselineTotalGaps !== null && (
        <p className="scenario-gain" data-testid="dash-scenario-gain" data-households-gained={figures.householdsGained}>
          {t('analysis.dashboard.scenarioGain', { households: n(figures.householdsGained), before: n(figures.baselineTotalGaps), after: n(figures.totalGaps) })}
        </p>
      )}
      {figures.offNetworkCommunities > 0 && <p className="hint">{t('analysis.dashboard.offNetwork', { count: figures.offNetworkCommunities })}</p>}
      <h3>{t('analysis.dashboard.coverageTitle')}</h3>
      {figures.baselineTotalGaps !== null && (
        <div className="chart-legend">
          <span><i className="key after" />{t('analysis.dashboard.after')}</span>
          <span><i className="key before" />{t('analysis.dashboard.before')}</span>
        </div>
      )}
      <CoverageBarChart rows={[...required, ...optional]} language={language} categoryName={categoryName} />
      <p className="hint">{t('analysis.dashboard.coverageHint')}</p>
      <h3>{t('analysis.dashboard.scoreTitle')}</h3>
      <ScoreHistogram bins={figures.scoreBins} language={language} />
      <p className="hint">{t('analysis.dashboard.scoreHint')}</p>
    </section>
  );
}
