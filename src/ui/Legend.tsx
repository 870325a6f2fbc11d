import { useTranslation } from 'react-i18next';
import type { LifeCircleLevel } from '../core/config/categories';
import { BASE_COLORS, BUILD_YEAR_CLASSES, ROAD_CLASS_STYLES, UNKNOWN_BUILD_YEAR_COLOR } from '../map/palette';
import { useAppStore } from '../store';
import { useCategoryName } from './useCategoryName';

const LEVELS: LifeCircleLevel[] = [15, 10, 5];

export function Legend() {
  const { t } = useTranslation();
  const categories = useAppStore((s) => s.categories);
  const hidden = useAppStore((s) => s.hiddenCategories);
  const toggleCategory = useAppStore((s) => s.toggleCategory);
  const categoryName = useCategoryName();
  // Top to bottom: major roads first, as a reader expects.
  const roadClasses = [...ROAD_CLASS_STYLES].reverse();
  return (
    <section className="panel-section legend" data-testid="legend">
      <h2>{t('legend.title')}</h2>

      <h3>{t('legend.buildYear')}</h3>
      <ul className="legend-list">
        {BUILD_YEAR_CLASSES.map((c) => (
          <li key={c.id} data-testid={`legend-year-${c.id}`}>
            <span className="swatch area" style={{ background: c.color }} />
            {t(`legend.${c.id}`)}
          </li>
        ))}
        <li>
          <span className="swatch area" style={{ background: UNKNOWN_BUILD_YEAR_COLOR }} />
          {t('legend.unknownYear')}
        </li>
      </ul>
      <p className="hint">{t('legend.pre2000Note')}</p>

      <h3>{t('legend.facilityCategories')}</h3>
      <p className="hint">{t('legend.categoryToggleHint')}</p>
      {LEVELS.map((level) => {
        const rows = categories.filter((c) => c.level === level);
        if (rows.length === 0) return null;
        return (
          <div key={level} className="legend-group">
            <h4>{t('legend.level', { minutes: level })}</h4>
            <ul className="legend-list categories">
              {rows.map((c) => {
                const off = hidden.includes(c.id);
                return (
                  <li key={c.id}>
                    <button
                      type="button"
                      className={off ? 'legend-cat off' : 'legend-cat'}
                      aria-pressed={!off}
                      data-testid={`legend-category-${c.id}`}
                      title={categoryName(c.id)}
                      onClick={() => toggleCategory(c.id)}
                    >
                      <span className="swatch dot" style={{ background: c.color }} />
                      <span className="legend-cat-name">{categoryName(c.id)}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}

      <h3>{t('legend.roadClasses')}</h3>
      <ul className="legend-list">
        {roadClasses.map((r) => (
          <li key={r.id} data-testid={`legend-road-${r.id}`}>
            <span className="swatch line" aria-hidden="true">
              <svg viewBox="0 0 28 12" width="28" height="12">
                {!r.dashed && <line x1="1" y1="6" x2="27" y2="6" stroke={BASE_COLORS.roadCasing} strokeWidth={Math.min(11, r.widthAtZ16 * 0.7 + 2)} strokeLinecap="round" />}
                <line x1="1" y1="6" x2="27" y2="6" stroke={r.color} strokeWidth={Math.min(9, r.widthAtZ16 * 0.7)} strokeLinecap={r.dashed ? 'butt' : 'round'} strokeDasharray={r.dashed ? '3 2' : undefined} />
              </svg>
            </span>
            {t(`legend.${r.id}`)}
          </li>
        ))}
        <li>
          <span className="swatch area" style={{ background: BASE_COLORS.water, borderColor: BASE_COLORS.waterOutline }} />
          {t('legend.water')}
        </li>
      </ul>
    </section>
  );
}
