import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MapController } from '../map/MapController';
import { appStore, useAppStore } from '../store';
import { HoverTooltip } from './HoverTooltip';
import { StatusBar } from './StatusBar';
import { CoverageMapBox } from './analysis/CoverageMapBox';

/** Map width covered by the floating details panel (styles.css: .details-panel right 56px + width up to 360px). */
const DETAILS_PANEL_COVER_PX = 430;

/** Hosts the map container; the MapController does everything else. */
export function MapView() {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const loadStatus = useAppStore((s) => s.loadStatus);
  const loadError = useAppStore((s) => s.loadError);
  useEffect(() => {
    if (!ref.current) return;
    const controller = new MapController(ref.current, appStore, { selectionInsetRightPx: DETAILS_PANEL_COVER_PX });
    return () => controller.destroy();
  }, []);
  return (
    <main className="map-area">
      <div ref={ref} className="map" data-testid="map" role="region" aria-label={t('map.ariaLabel')} />
      <HoverTooltip />
      <StatusBar />
      <CoverageMapBox />
      {loadStatus === 'loading' && <div className="map-status" data-testid="load-status">{t('app.loading')}</div>}
      {loadStatus === 'error' && (
        <div className="map-status error" data-testid="load-error">{t('app.loadError', { message: loadError ?? '' })}</div>
      )}
    </main>
  );
}
