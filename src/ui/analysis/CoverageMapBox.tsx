import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { AnalysisProgress } from './AnalysisProgress';
import { CoverageMapControls } from './CoverageMapControls';
import { HeatmapLegend } from './HeatmapLegend';
import './coverage.css';

/** Floating box in the map's top-left corner: analysis progress, the legend, and (folded) the coverage controls. */
export function CoverageMapBox() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  // The coverage overlay steps aside on the Zones tab (see map/layers/heatmap.ts): so do its controls and legend.
  const zonesTab = useAppStore((s) => s.sidePanelTab === 'zones');
  const running = useAppStore((s) => s.analysisStatus === 'running');
  if (zonesTab) return running ? <div className="cov-box" data-testid="coverage-map-box"><AnalysisProgress /></div> : null;
  return (
    <div className="cov-box" data-testid="coverage-map-box">
      <AnalysisProgress />
      <button type="button" className="cov-box-head" onClick={() => setOpen(!open)} aria-expanded={open} data-testid="coverage-box-toggle">
        {t('coverage.title')} {open ? '▾' : '▸'}
      </button>
      {open && <CoverageMapControls />}
      <HeatmapLegend />
    </div>
  );
}
