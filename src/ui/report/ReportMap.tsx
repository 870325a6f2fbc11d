import { useTranslation } from 'react-i18next';
import { BUILD_YEAR_CLASSES, UNKNOWN_BUILD_YEAR_COLOR } from '../../map/palette';
import { zoneColor } from '../../map/layers/zones';
import { useAppStore } from '../../store';
import { HeatmapLegend } from '../analysis/HeatmapLegend';
import { useCategoryName } from '../useCategoryName';
import type { MapView } from './scaleBar';
import { scaleBar } from './scaleBar';

/** The map image as it was on screen when the report opened, with its scale bar and the legend of what it shows. */
export function ReportMap({ image, view }: { image: string; view: MapView | null }) {
  const { t } = useTranslation();
  const bar = view ? scaleBar(view) : null;
  return (
    <>
      <div className="report-map-frame">
        <img className="report-map" data-testid="report-map" src={image} alt={t('export.r.map')} />
        {bar && (
          <div className="report-scale" data-testid="report-scale" style={{ width: `${(bar.fraction * 100).toFixed(2)}%` }}>
            <span className="report-scale-label">
              {bar.meters >= 1000 ? t('export.r.scaleKm', { value: bar.meters / 1000 }) : t('export.r.scaleMeters', { value: bar.meters })}
            </span>
          </div>
        )}
      </div>
      <ReportLegend />
    </>
  );
}

/** Only the layers that are drawn: the heatmap (with gap outlines) or the build-year fills, zones, facilities. */
function ReportLegend() {
  const { t } = useTranslation();
  const visible = useAppStore((s) => s.layerVisibility);
  // The report opens from the export tab, where the coverage overlays are drawn (the zones tab hides them).
  const heatmapOn = useAppStore((s) => s.heatmapMode !== 'off' && s.grid !== null);
  const showGaps = useAppStore((s) => s.showGaps && s.analysisResult !== null);
  const zoneCount = useAppStore((s) => s.zones.length);
  const categories = useAppStore((s) => s.categories);
  const hidden = useAppStore((s) => s.hiddenCategories);
  const categoryName = useCategoryName();
  const shownCategories = visible.facilities ? categories.filter((c) => !hidden.includes(c.id)) : [];
  return (
    <div className="report-legend" data-testid="report-legend">
      <h3>{t('export.r.legend')}</h3>
      {(heatmapOn || showGaps) && <HeatmapLegend />}
      {!heatmapOn && visible.communities && (
        <ul data-testid="report-legend-years">
          {BUILD_YEAR_CLASSES.map((c) => <li key={c.id}><span className="report-swatch" style={{ background: c.color }} />{t(`legend.${c.id}`)}</li>)}
          <li><span className="report-swatch" style={{ background: UNKNOWN_BUILD_YEAR_COLOR }} />{t('legend.unknownYear')}</li>
        </ul>
      )}
      {visible.zones && zoneCount > 0 && (
        <ul data-testid="report-legend-zones">
          <li>
            {[0, 1, 2, 3].map((i) => <span key={i} className="report-swatch outline" style={{ borderColor: zoneColor(i) }} />)}
            {t('export.r.zonesKey')}
          </li>
        </ul>
      )}
      {shownCategories.length > 0 && (
        <ul className="report-legend-categories" data-testid="report-legend-categories">
          {shownCategories.map((c) => <li key={c.id}><span className="report-swatch dot" style={{ background: c.color }} />{categoryName(c.id)}</li>)}
        </ul>
      )}
    </div>
  );
}
