import { useTranslation } from 'react-i18next';
import { LAYER_GROUP_IDS, useAppStore } from '../store';
import type { Basemap, LayerGroupId } from '../store';
import { Legend } from './Legend';

const LAYER_LABEL: Record<LayerGroupId, string> = {
  communities: 'layers.communities',
  facilities: 'layers.facilities',
  roads: 'layers.roads',
  water: 'layers.water',
  zones: 'zones.layer',
};

export function LayersTab() {
  const { t } = useTranslation();
  const visibility = useAppStore((s) => s.layerVisibility);
  const setVisible = useAppStore((s) => s.setLayerVisible);
  const basemap = useAppStore((s) => s.basemap);
  const setBasemap = useAppStore((s) => s.setBasemap);
  const basemaps: { id: Basemap; label: string }[] = [
    { id: 'offline', label: t('layers.basemapOffline') },
    { id: 'osm', label: t('layers.basemapOsm') },
  ];
  return (
    <div className="panel-stack">
      <section className="panel-section" data-testid="layer-toggles">
        <h2>{t('layers.title')}</h2>
        {LAYER_GROUP_IDS.map((id) => (
          <label key={id} className="toggle-row">
            <input
              type="checkbox"
              checked={visibility[id]}
              data-testid={`layer-toggle-${id}`}
              onChange={(e) => setVisible(id, e.target.checked)}
            />
            <span>{t(LAYER_LABEL[id])}</span>
          </label>
        ))}
      </section>
      <section className="panel-section" data-testid="basemap-switch">
        <h2>{t('layers.basemap')}</h2>
        {basemaps.map((b) => (
          <label key={b.id} className="toggle-row">
            <input
              type="radio"
              name="basemap"
              checked={basemap === b.id}
              data-testid={`basemap-${b.id}`}
              onChange={() => setBasemap(b.id)}
            />
            <span>{b.label}</span>
          </label>
        ))}
        <p className="hint">{t('layers.basemapOsmNote')}</p>
      </section>
      <Legend />
    </div>
  );
}
