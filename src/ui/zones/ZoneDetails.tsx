import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import type { ZoneTool } from '../../store/zonesSlice';
import { formatNumber, formatPercent } from '../format';
import { useCategoryName } from '../useCategoryName';
import { accessibilityOf, statsOf } from './stats';

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return <tr><th scope="row">{label}</th><td data-testid={testId}>{value}</td></tr>;
}

/** The selected zone: rename, statistics, and its edit tools (members, outline, split, merge, delete). */
export function ZoneDetails() {
  const { t } = useTranslation();
  const zone = useAppStore((s) => s.zones.find((z) => z.id === s.selectedZoneId) ?? null);
  const communities = useAppStore((s) => s.communities);
  const acc = useAppStore(accessibilityOf);
  const language = useAppStore((s) => s.language);
  const tool = useAppStore((s) => s.zoneTool);
  const setTool = useAppStore((s) => s.setZoneTool);
  const rename = useAppStore((s) => s.renameZone);
  const remove = useAppStore((s) => s.deleteZone);
  const mergeSourceId = useAppStore((s) => s.mergeSourceId);
  const setMergeSource = useAppStore((s) => s.setMergeSource);
  const categoryName = useCategoryName();
  const [name, setName] = useState(zone?.name ?? '');
  useEffect(() => setName(zone?.name ?? ''), [zone?.id, zone?.name]);
  if (!zone) return null;
  const st = statsOf(zone, communities, acc);
  const n = (v: number, d = 0) => formatNumber(v, language, d);
  const years = st.buildYearMin === null ? t('zones.detail.none') : st.buildYearMin === st.buildYearMax ? String(st.buildYearMin) : `${st.buildYearMin}–${st.buildYearMax}`;
  const toolButton = (id: ZoneTool, label: string) => (
    <button type="button" className={tool === id ? 'tool-button active' : 'tool-button'} aria-pressed={tool === id} data-testid={`zone-tool-${id}`} onClick={() => setTool(tool === id ? 'none' : id)}>
      {label}
    </button>
  );
  return (
    <section className="panel-section zone-details" data-testid="zone-details">
      <h2>{t('zones.detail.title')}</h2>
      <label className="zone-field">
        <span>{t('zones.detail.rename')}</span>
        <input
          type="text" value={name} data-testid="zone-name-input" onChange={(e) => setName(e.target.value)}
          onBlur={() => rename(zone.id, name)} onKeyDown={(e) => { if (e.key === 'Enter') rename(zone.id, name); }}
        />
      </label>
      <div className="button-row wrap">
        {toolButton('members', t('zones.tools.members'))}
        {toolButton('outline', t('zones.tools.outline'))}
        {toolButton('split', t('zones.tools.split'))}
        <button
          type="button" className={mergeSourceId === zone.id ? 'tool-button active' : 'tool-button'} data-testid="zone-merge"
          onClick={() => setMergeSource(mergeSourceId === zone.id ? null : zone.id)}
        >
          {mergeSourceId === zone.id ? t('zones.tools.cancel') : t('zones.tools.merge')}
        </button>
        <button type="button" className="tool-button danger" data-testid="zone-delete" onClick={() => remove(zone.id)}>{t('zones.tools.delete')}</button>
      </div>
      {mergeSourceId === zone.id && <p className="tool-hint">{t('zones.tools.mergeHint')}</p>}
      <table className="kv-table">
        <tbody>
          <Row label={t('zones.detail.communities')} value={n(st.communities)} testId="zone-detail-communities" />
          <Row label={t('zones.detail.households')} value={n(st.households)} testId="zone-detail-households" />
          <Row label={t('zones.detail.residents')} value={n(st.residents)} />
          <Row label={t('zones.detail.area')} value={t('zones.detail.areaValue', { value: n((st.zoneAreaSqm ?? st.memberAreaSqm) / 10_000, 1) })} />
          <Row label={t('zones.detail.buildYears')} value={years} />
          <Row label={t('zones.detail.willingness')} value={st.meanWillingness === null ? t('zones.detail.none') : formatPercent(st.meanWillingness, language)} />
          <Row label={t('zones.detail.pm')} value={t('zones.detail.pmMix', st.propertyManagement)} />
          {acc ? (
            <>
              <Row label={t('zones.detail.missing')} value={st.missingCategoryIds.length ? st.missingCategoryIds.map(categoryName).join('、') : t('zones.detail.none')} />
              <Row label={t('zones.detail.gapHouseholds')} value={n(st.householdsInGaps)} />
            </>
          ) : (
            <tr><td colSpan={2} className="hint">{t('zones.detail.noAnalysis')}</td></tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
