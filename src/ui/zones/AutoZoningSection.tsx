import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore, useAppStore } from '../../store';
import { BARRIER_HIGHWAY_CHOICES } from '../../store/zones/settings';
import { ONE_UNDO_STEP } from './oneUndoStep';
import { ZoningSupersededError, zoningClient } from '../../worker/zoningClient';

/** Run automatic zoning in the Worker with the current settings; manual zones kept unless 'replace'. */
export async function generateZones(mode: 'keep' | 'replace'): Promise<void> {
  const s = appStore.getState();
  const excludeIds = mode === 'keep' ? s.zones.filter((z) => z.source === 'manual').flatMap((z) => z.memberIds) : [];
  s.setZoningStatus('running');
  try {
    const zones = await zoningClient.run({ communities: s.communities, roads: s.roads, water: s.water }, { settings: s.zoningSettings, excludeIds });
    appStore.getState().applyAutoZoning(zones, mode);
  } catch (e) {
    if (e instanceof ZoningSupersededError) return;
    appStore.getState().setZoningStatus('error');
  }
}

function NumberField({ label, unit, value, min, max, testId, onCommit }: {
  label: string; unit: string; value: number; min: number; max: number; testId: string; onCommit: (v: number) => void;
}) {
  return (
    <label className="zone-field">
      <span>{label}</span>
      <span className="zone-input-unit">
        <input
          type="number" min={min} max={max} value={value} data-testid={testId} {...ONE_UNDO_STEP}
          onChange={(e) => { const v = Number(e.target.value); if (e.target.value !== '' && Number.isFinite(v) && v >= min && v <= max) onCommit(v); }}
        />
        <span className="unit">{unit}</span>
      </span>
    </label>
  );
}

export function AutoZoningSection() {
  const { t } = useTranslation();
  const settings = useAppStore((s) => s.zoningSettings);
  const set = useAppStore((s) => s.setZoningSettings);
  const status = useAppStore((s) => s.zoningStatus);
  const hasWater = useAppStore((s) => s.water.length > 0);
  const hasData = useAppStore((s) => s.communities.length > 0);
  const [mode, setMode] = useState<'keep' | 'replace'>('keep');
  const toggleHighway = (h: string, on: boolean) =>
    set({ barrierHighways: on ? [...settings.barrierHighways, h] : settings.barrierHighways.filter((x) => x !== h) });
  return (
    <section className="panel-section" data-testid="zones-auto">
      <h2>{t('zones.auto.title')}</h2>
      <div className="zone-form">
        <NumberField label={t('zones.auto.gap')} unit={t('zones.auto.gapUnit')} value={settings.gapMeters} min={0} max={500} testId="zones-gap" onCommit={(v) => set({ gapMeters: v })} />
        <NumberField label={t('zones.auto.maxHouseholds')} unit="" value={settings.maxHouseholds} min={1} max={1_000_000} testId="zones-max-households" onCommit={(v) => set({ maxHouseholds: v })} />
        <NumberField label={t('zones.auto.maxArea')} unit={t('zones.auto.haUnit')} value={Math.round(settings.maxAreaSqm / 1000) / 10} min={0.1} max={10_000} testId="zones-max-area" onCommit={(v) => set({ maxAreaSqm: v * 10_000 })} />
        <fieldset className="zone-barriers">
          <legend>{t('zones.auto.barriers')}</legend>
          {BARRIER_HIGHWAY_CHOICES.map((h) => (
            <label key={h} className="toggle-row">
              <input type="checkbox" checked={settings.barrierHighways.includes(h)} data-testid={`zones-barrier-${h}`} onChange={(e) => toggleHighway(h, e.target.checked)} />
              <span>{t(`zones.auto.highway.${h}`)}</span>
            </label>
          ))}
          {hasWater && (
            <label className="toggle-row">
              <input type="checkbox" checked={settings.waterBarriers} data-testid="zones-barrier-water" onChange={(e) => set({ waterBarriers: e.target.checked })} />
              <span>{t('zones.auto.water')}</span>
            </label>
          )}
        </fieldset>
      </div>
      <div className="segmented" role="radiogroup">
        {(['keep', 'replace'] as const).map((m) => (
          <label key={m} className={mode === m ? 'seg active' : 'seg'}>
            <input type="radio" name="zones-mode" checked={mode === m} data-testid={`zones-mode-${m}`} onChange={() => setMode(m)} />
            {t(`zones.auto.${m}`)}
          </label>
        ))}
      </div>
      <button type="button" className="primary-button" data-testid="zones-generate" disabled={!hasData || status === 'running'} onClick={() => void generateZones(mode)}>
        {status === 'running' ? t('zones.auto.running') : t('zones.auto.generate')}
      </button>
      <p className="hint">{t('zones.auto.keepHint')}</p>
    </section>
  );
}
