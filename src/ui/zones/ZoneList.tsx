import { useTranslation } from 'react-i18next';
import { zoneColor } from '../../map/layers/zones';
import { useAppStore } from '../../store';
import { formatNumber } from '../format';
import { accessibilityOf, statsOf } from './stats';

/** All zones with their size; click selects (or, while merging, picks the zone that joins the selected one). */
export function ZoneList() {
  const { t } = useTranslation();
  const zones = useAppStore((s) => s.zones);
  const communities = useAppStore((s) => s.communities);
  const acc = useAppStore(accessibilityOf);
  const selectedId = useAppStore((s) => s.selectedZoneId);
  const mergeSourceId = useAppStore((s) => s.mergeSourceId);
  const select = useAppStore((s) => s.selectZone);
  const merge = useAppStore((s) => s.mergeZones);
  const language = useAppStore((s) => s.language);
  const n = (v: number) => formatNumber(v, language);
  const onPick = (id: string) => {
    if (mergeSourceId && id !== mergeSourceId) merge(mergeSourceId, id);
    else select(id === selectedId ? null : id);
  };
  return (
    <section className="panel-section" data-testid="zones-list">
      <h2>{t('zones.list.title')} <span className="count-badge" data-testid="zones-count">{zones.length}</span></h2>
      {zones.length === 0 ? <p className="hint">{t('zones.list.empty')}</p> : (
        <div className="zone-table-wrap">
          <table className="data-table zone-table">
            <thead><tr><th>{t('zones.list.name')}</th><th className="num">{t('zones.list.communities')}</th><th className="num">{t('zones.list.households')}</th></tr></thead>
            <tbody>
              {zones.map((z, i) => {
                const st = statsOf(z, communities, acc);
                const cls = [z.id === selectedId ? 'selected' : '', mergeSourceId && z.id !== mergeSourceId ? 'merge-target' : ''].join(' ').trim();
                return (
                  <tr key={z.id} className={cls} data-testid={`zone-row-${z.id}`} onClick={() => onPick(z.id)} aria-selected={z.id === selectedId}>
                    <td>
                      <span className="swatch" style={{ background: zoneColor(i) }} />
                      <span className="zone-name">{z.name}</span>
                      <span className={`tag ${z.source}`}>{t(`zones.list.${z.source}`)}</span>
                    </td>
                    <td className="num" data-testid={`zone-row-${z.id}-members`}>{n(st.communities)}</td>
                    <td className="num">{n(st.households)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
