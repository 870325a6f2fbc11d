import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';

/** Pointer coordinates (WGS84) in the corner of the map, as planners expect from GIS tools. */
export function StatusBar() {
  const { t } = useTranslation();
  const pointer = useAppStore((s) => s.pointer);
  return (
    <div className="status-bar" data-testid="status-bar">
      <span>WGS84</span>
      {pointer && (
        <span data-testid="pointer-coords">
          {t('status.lng')} {pointer.lng.toFixed(5)}° · {t('status.lat')} {pointer.lat.toFixed(5)}°
        </span>
      )}
    </div>
  );
}
