import { useTranslation } from 'react-i18next';
import { appStore, useAppStore } from '../../store';
import type { HeatmapMode } from '../../store/coverageMapSlice';
import { useCategoryName } from '../useCategoryName';

const MODES: HeatmapMode[] = ['score', 'category', 'off'];
const MODE_KEY: Record<HeatmapMode, string> = { score: 'coverage.modeScore', category: 'coverage.modeCategory', off: 'coverage.modeOff' };

/** Heatmap mode / category / opacity and the gap filter. Self-contained: usable in any panel. */
export function CoverageMapControls() {
  const { t } = useTranslation();
  const mode = useAppStore((s) => s.heatmapMode);
  const category = useAppStore((s) => s.heatmapCategory);
  const opacity = useAppStore((s) => s.heatmapOpacity);
  const showGaps = useAppStore((s) => s.showGaps);
  const gapCategory = useAppStore((s) => s.gapCategory);
  const categories = useAppStore((s) => s.analysisSettings.categories);
  const gridStatus = useAppStore((s) => s.gridStatus);
  const actions = appStore.getState();
  const categoryName = useCategoryName();
  return (
    <div className="cov-controls" data-testid="coverage-map-controls">
      <fieldset>
        <legend>{t('coverage.mode')}</legend>
        {MODES.map((m) => (
          <label key={m} className="cov-radio">
            <input type="radio" name="heatmap-mode" value={m} checked={mode === m} onChange={() => actions.setHeatmapMode(m)} data-testid={`heatmap-mode-${m}`} />
            {t(MODE_KEY[m])}
          </label>
        ))}
        {mode === 'category' && (
          <label className="cov-row">
            {t('coverage.category')}
            <select value={category} onChange={(e) => actions.setHeatmapCategory(e.target.value)} data-testid="heatmap-category">
              {categories.map((c) => <option key={c.id} value={c.id}>{categoryName(c.id)}</option>)}
            </select>
          </label>
        )}
        <label className="cov-row">
          {t('coverage.opacity')}
          <input type="range" min={0} max={100} step={5} value={Math.round(opacity * 100)} onChange={(e) => actions.setHeatmapOpacity(Number(e.target.value) / 100)} data-testid="heatmap-opacity" />
        </label>
        {gridStatus === 'running' && <div className="cov-note">{t('coverage.computing')}</div>}
      </fieldset>
      <fieldset>
        <legend>{t('coverage.gaps')}</legend>
        <label className="cov-radio">
          <input type="checkbox" checked={showGaps} onChange={(e) => actions.setShowGaps(e.target.checked)} data-testid="gaps-show" />
          {t('coverage.showGaps')}
        </label>
        <select value={gapCategory} onChange={(e) => actions.setGapCategory(e.target.value)} disabled={!showGaps} data-testid="gaps-category">
          <option value="any">{t('coverage.gapAny')}</option>
          {categories.filter((c) => c.required).map((c) => <option key={c.id} value={c.id}>{categoryName(c.id)}</option>)}
        </select>
      </fieldset>
    </div>
  );
}
