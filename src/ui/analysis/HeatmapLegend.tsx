import { useTranslation } from 'react-i18next';
import { GAP_COLOR, OFF_NETWORK_COLOR } from '../../map/layers/gaps';
import { scoreClasses, walkClasses } from '../../map/layers/heatmapClasses';
import { useAppStore } from '../../store';
import { useCategoryName } from '../useCategoryName';

/** Class breaks of the heatmap as shown, plus the gap / off-network outline styles. */
export function HeatmapLegend() {
  const { t } = useTranslation();
  const mode = useAppStore((s) => s.heatmapMode);
  const category = useAppStore((s) => s.heatmapCategory);
  const grid = useAppStore((s) => s.grid);
  const showGaps = useAppStore((s) => s.showGaps);
  const maxSnap = useAppStore((s) => s.analysisSettings.network.maxSnapMeters);
  const categoryName = useCategoryName();
  const classes = mode === 'category'
    ? walkClasses()
    : scoreClasses(grid?.requiredCount ?? 0).map((c) => c.cls);
  return (
    <div className="cov-legend" data-testid="heatmap-legend">
      {mode !== 'off' && (
        <>
          <div className="cov-legend-title">
            {mode === 'category' ? t('coverage.legend.walkTitle', { category: categoryName(category) }) : t('coverage.legend.scoreTitle')}
          </div>
          <ul>
            {classes.map((c, i) => (
              <li key={i} data-testid="heatmap-legend-class">
                <span className="cov-swatch" style={{ background: c.color }} />
                {t(c.labelKey, c.values)}
              </li>
            ))}
          </ul>
          <div className="cov-note">{t('coverage.emptyCells', { meters: maxSnap })}{grid && grid.spacingMeters > 0 ? ` · ${t('coverage.cellSize', { meters: grid.spacingMeters })}` : ''}</div>
        </>
      )}
      {showGaps && (
        <ul>
          <li><span className="cov-swatch outline" style={{ borderColor: GAP_COLOR }} />{t('coverage.gapLegend')}</li>
          <li><span className="cov-swatch outline dashed" style={{ borderColor: OFF_NETWORK_COLOR }} />{t('coverage.offNetworkLegend')}</li>
        </ul>
      )}
    </div>
  );
}
