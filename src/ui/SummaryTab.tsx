import { useTranslation } from 'react-i18next';
import type { RoadClass } from '../core/config/roads';
import { useAppStore } from '../store';
import { selectSummary } from '../store/selectors';
import { formatNumber } from './format';
import { useCategoryName } from './useCategoryName';

const ROAD_ORDER: RoadClass[] = ['arterial', 'secondary', 'local', 'alley', 'footpath'];

function Stat({ testId, label, value, note }: { testId: string; label: string; value: string; note?: string }) {
  return (
    <div className="stat" data-testid={testId}>
      <div className="stat-label">{label}</div>
      <div className="stat-value" data-testid={`${testId}-value`}>{value}</div>
      {note && <div className="stat-note">{note}</div>}
    </div>
  );
}

export function SummaryTab() {
  const { t } = useTranslation();
  const summary = useAppStore(selectSummary);
  const language = useAppStore((s) => s.language);
  const categories = useAppStore((s) => s.categories);
  const threshold = useAppStore((s) => s.oldBuildYearThreshold);
  const issueCount = useAppStore((s) => s.inputIssues.length);
  const categoryName = useCategoryName();
  const n = (v: number, digits = 0) => formatNumber(v, language, digits);
  const pct = (part: number, whole: number) => (whole > 0 ? n((100 * part) / whole) : '0');
  return (
    <div className="panel-stack" data-testid="summary">
      <section className="panel-section">
        <h2>{t('summary.title')}</h2>
        <div className="stat-grid">
          <Stat testId="summary-communities" label={t('summary.communities')} value={n(summary.communityCount)} />
          <Stat
            testId="summary-old-communities"
            label={t('summary.oldCommunities')}
            value={n(summary.oldCommunityCount)}
            note={`${t('summary.oldCommunitiesThreshold', { year: threshold })} · ${t('summary.share', { value: pct(summary.oldCommunityCount, summary.communityCount) })}`}
          />
          <Stat testId="summary-households" label={t('summary.households')} value={n(summary.households)} />
          <Stat
            testId="summary-old-households"
            label={t('summary.oldHouseholds')}
            value={n(summary.oldHouseholds)}
            note={t('summary.share', { value: pct(summary.oldHouseholds, summary.households) })}
          />
          <Stat testId="summary-facilities" label={t('summary.facilities')} value={n(summary.facilityCount)} />
          <Stat testId="summary-road-km" label={t('summary.roads')} value={t('summary.km', { value: n(summary.roadKilometers, 1) })} />
        </div>
        {issueCount > 0 && <p className="hint" data-testid="summary-issues">{t('summary.inputIssues', { count: issueCount })}</p>}
      </section>
      <section className="panel-section">
        <h3>{t('summary.facilitiesByCategory')}</h3>
        <table className="data-table" data-testid="summary-facilities-by-category">
          <thead><tr><th>{t('summary.category')}</th><th className="num">{t('summary.number')}</th></tr></thead>
          <tbody>
            {categories.map((c) => {
              const count = summary.facilitiesByCategory[c.id] ?? 0;
              return (
                <tr key={c.id} data-testid={`summary-category-${c.id}`} className={count === 0 ? 'zero' : ''}>
                  <td><span className="swatch dot" style={{ background: c.color }} />{categoryName(c.id)}</td>
                  <td className="num">{n(count)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section className="panel-section">
        <h3>{t('summary.roadsByClass')}</h3>
        <table className="data-table" data-testid="summary-roads-by-class">
          <thead><tr><th>{t('legend.roadClasses')}</th><th className="num">{t('summary.length')}</th></tr></thead>
          <tbody>
            {ROAD_ORDER.map((cls) => (
              <tr key={cls}>
                <td>{t(`legend.${cls}`)}</td>
                <td className="num">{t('summary.km', { value: n(summary.roadKilometersByClass[cls] + (cls === 'alley' ? summary.roadKilometersByClass.other : 0), 1) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
