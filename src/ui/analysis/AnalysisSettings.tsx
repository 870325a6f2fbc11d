/** Walking speed and per-category max walk / required flag; every edit reruns the analysis (see analysisRunner). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { formatNumber } from '../format';
import { useCategoryName } from '../useCategoryName';

/** A number input that commits on blur / Enter, so typing "5" on the way to "500" does not start a run. */
function NumberField({ value, onCommit, testId, min, max, step, label }: {
  value: number; onCommit: (v: number) => void; testId: string; min: number; max: number; step: number; label: string;
}) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const commit = () => {
    const v = Number(text);
    if (text.trim() !== '' && Number.isFinite(v) && v !== value) onCommit(v);
    else setText(String(value));
  };
  return (
    <input type="number" className="num-input" data-testid={testId} aria-label={label} value={text} min={min} max={max} step={step}
      onChange={(e) => setText(e.target.value)} onBlur={commit} onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} />
  );
}

export function AnalysisSettingsPanel() {
  const { t } = useTranslation();
  const settings = useAppStore((s) => s.analysisSettings);
  const language = useAppStore((s) => s.language);
  const setWalkSpeed = useAppStore((s) => s.setWalkSpeed);
  const updateCategory = useAppStore((s) => s.updateCategory);
  const reset = useAppStore((s) => s.resetAnalysisSettings);
  const categoryName = useCategoryName();
  return (
    <section className="panel-section" data-testid="analysis-settings">
      <h2>{t('analysis.settings.title')}</h2>
      <label className="field-row">
        <span>{t('analysis.settings.walkSpeed')}</span>
        <NumberField value={settings.walkSpeedMetersPerMinute} onCommit={setWalkSpeed} testId="setting-walk-speed" min={20} max={200} step={1}
          label={t('analysis.settings.walkSpeed')} />
      </label>
      <table className="data-table settings-table">
        <thead><tr>
          <th>{t('analysis.settings.category')}</th>
          <th className="num">{t('analysis.settings.maxWalk')}</th>
          <th className="num">{t('analysis.settings.required')}</th>
        </tr></thead>
        <tbody>
          {settings.categories.map((c) => (
            <tr key={c.id} data-testid={`setting-row-${c.id}`}>
              <td>{categoryName(c.id)}<div className="stat-note">{t('analysis.settings.minutes', { value: formatNumber(c.maxWalkMeters / settings.walkSpeedMetersPerMinute, language, 1) })}</div></td>
              <td className="num">
                <NumberField value={c.maxWalkMeters} onCommit={(v) => updateCategory(c.id, { maxWalkMeters: v })} testId={`setting-max-walk-${c.id}`}
                  min={50} max={5000} step={50} label={`${categoryName(c.id)} ${t('analysis.settings.maxWalk')}`} />
              </td>
              <td className="num">
                <input type="checkbox" data-testid={`setting-required-${c.id}`} checked={c.required}
                  aria-label={`${categoryName(c.id)} ${t('analysis.settings.required')}`}
                  onChange={(e) => updateCategory(c.id, { required: e.target.checked })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn" data-testid="settings-reset" onClick={reset}>{t('analysis.settings.reset')}</button>
    </section>
  );
}
