import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EXCLUSION_REASONS } from '../../core/zoning';
import { useAppStore } from '../../store';
import { eligibilityOf } from '../../store/zones/context';
import { formatNumber } from '../format';
import { ONE_UNDO_STEP } from './oneUndoStep';

/** 改造范围: the rules as settings and the counts (eligible / excluded by which rule). */
export function EligibilitySection() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const communities = useAppStore((s) => s.communities);
  const rules = useAppStore((s) => s.zoningSettings.rules);
  const setRules = useAppStore((s) => s.setEligibilityRules);
  const summary = useMemo(() => eligibilityOf(communities, rules).summary, [communities, rules]);
  const n = (v: number) => formatNumber(v, language);
  const counts = (c: { communities: number; households: number }) => (
    <><td className="num">{n(c.communities)}</td><td className="num">{n(c.households)}</td></>
  );
  return (
    <section className="panel-section" data-testid="zones-eligibility">
      <h2>{t('zones.eligibility.title')}</h2>
      <div className="zone-form">
        <label className="zone-field">
          <span>{t('zones.eligibility.builtInOrBefore')}</span>
          <input
            type="number" min={1900} max={2100} step={1} value={rules.builtInOrBefore} data-testid="zones-rule-year" {...ONE_UNDO_STEP}
            onChange={(e) => { const v = Number(e.target.value); if (Number.isInteger(v) && v >= 1900 && v <= 2100) setRules({ builtInOrBefore: v }); }}
          />
        </label>
        {(['excludeDemolition', 'excludeShantyTown', 'excludeRenovated'] as const).map((k) => (
          <label key={k} className="toggle-row">
            <input type="checkbox" checked={rules[k]} data-testid={`zones-rule-${k}`} onChange={(e) => setRules({ [k]: e.target.checked })} />
            <span>{t(`zones.eligibility.${k}`)}</span>
          </label>
        ))}
      </div>
      <table className="data-table zone-counts">
        <thead><tr><th /><th className="num">{t('zones.list.communities')}</th><th className="num">{t('zones.list.households')}</th></tr></thead>
        <tbody>
          <tr data-testid="zones-eligible-count">
            <td><span className="swatch eligible-swatch" />{t('zones.eligibility.eligible')}</td>
            {counts(summary.eligible)}
          </tr>
          <tr data-testid="zones-excluded">
            <td><span className="swatch excluded-swatch" />{t('zones.eligibility.excluded')}</td>
            {counts(summary.excluded)}
          </tr>
          {EXCLUSION_REASONS.filter((r) => summary.byReason[r].communities > 0).map((r) => (
            <tr key={r} className="sub" data-testid={`zones-excluded-${r}`}>
              <td>{t(`zones.eligibility.reason.${r}`, { year: rules.builtInOrBefore })}</td>
              {counts(summary.byReason[r])}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('zones.eligibility.mapHint')}</p>
    </section>
  );
}
