import type { Feature } from 'geojson';
import { useTranslation } from 'react-i18next';
import type { CategoryDef } from '../../core/config/categories';
import { useAppStore } from '../../store';
import { formatNumber } from '../format';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function years(min: number | null, max: number | null): string {
  if (min === null || max === null) return '—';
  return min === max ? String(min) : `${min}–${max}`;
}

/** One row per zone: id, name, communities, households, area, build years, missing services. */
export function ReportZoneTable({ zones, categories }: { zones: readonly Feature[]; categories: readonly CategoryDef[] }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const nameOf = new Map(categories.map((c) => [c.id, language === 'en' ? c.en : c.zh]));
  const n = (v: number | null, d = 0) => (v === null ? '—' : formatNumber(v, language, d));
  return (
    <section className="report-section">
      <h2>{t('export.r.zoneTable')}</h2>
      {zones.length === 0 ? <p className="report-muted">{t('export.r.noZones')}</p> : (
        <table className="report-table" data-testid="report-zones">
          <thead>
            <tr>
              <th>{t('export.r.zoneId')}</th><th>{t('export.r.zoneName')}</th>
              <th className="num">{t('export.r.zoneCommunities')}</th><th className="num">{t('export.r.zoneHouseholds')}</th>
              <th className="num">{t('export.r.zoneArea')}</th><th>{t('export.r.zoneYears')}</th><th>{t('export.r.zoneMissing')}</th>
            </tr>
          </thead>
          <tbody>
            {zones.map((f) => {
              const p = f.properties ?? {};
              const missing = Array.isArray(p.categories_missing) ? (p.categories_missing as unknown[]).map((id) => nameOf.get(str(id)) ?? str(id)) : [];
              const area = num(p.zone_area_sqm) ?? num(p.area_sqm);
              return (
                <tr key={str(p.zone_id)} data-testid="report-zone-row">
                  <td className="mono">{str(p.zone_id)}</td>
                  <td className="report-zone-name">{str(p.zone_name)}</td>
                  <td className="num">{n(num(p.communities))}</td>
                  <td className="num">{n(num(p.households))}</td>
                  <td className="num">{n(area === null ? null : area / 10_000, 2)}</td>
                  <td className="mono">{years(num(p.build_year_min), num(p.build_year_max))}</td>
                  <td className="report-missing">{missing.length ? missing.join(language === 'en' ? ', ' : '、') : t('export.r.none')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The largest gaps by households (rows as gaps.csv), with the total count in the heading. */
export function ReportGapTable({ gaps, maxRows, categories }: { gaps: readonly Record<string, unknown>[] | null; maxRows: number; categories: readonly CategoryDef[] }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const nameOf = new Map(categories.map((c) => [c.id, language === 'en' ? c.en : c.zh]));
  const shown = gaps ? gaps.slice(0, maxRows) : [];
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, language));
  return (
    <section className="report-section">
      <h2 data-testid="report-gaps-title">{t('export.r.gapTable', { shown: shown.length, total: gaps?.length ?? 0 })}</h2>
      {gaps === null ? <p className="report-muted">{t('export.r.noAnalysis')}</p> : gaps.length === 0 ? <p className="report-muted">{t('export.r.noGaps')}</p> : (
        <table className="report-table" data-testid="report-gaps">
          <thead>
            <tr><th>{t('export.r.gapCommunity')}</th><th>{t('export.r.gapCategory')}</th><th className="num">{t('export.r.gapWalk')}</th><th className="num">{t('export.r.gapHouseholds')}</th></tr>
          </thead>
          <tbody>
            {shown.map((g, i) => (
              <tr key={i} data-testid="report-gap-row">
                <td>{str(g.community)}</td>
                <td>{nameOf.get(str(g.category)) ?? str(g.category)}</td>
                <td className="num">{n(num(g.walk_m))}</td>
                <td className="num">{n(num(g.households))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
