import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import type { ExportInput } from '../export/exportData';
import { buildZoneFeatures, gapTable, reportSummary } from '../export/exportData';
import { mapCanvas } from '../export/useExportInput';
import { formatNumber, formatPercent } from '../format';
import { ReportMap } from './ReportMap';
import type { MapView } from './scaleBar';
import { ReportGapTable, ReportZoneTable } from './ReportTables';
import './report.css';

/** Rows of the gap table in the report; the heading gives the total. */
export const REPORT_GAP_ROWS = 20;

/**
 * Printable report (overlay over the app; print CSS hides everything else). Every value is rendered as React text:
 * names come from user files and may hold HTML.
 */
export function ReportView({ input, onClose }: { input: ExportInput; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const datasetName = useAppStore((s) => s.datasetName);
  const [mapImage, setMapImage] = useState<string | null>(null);
  const [mapView, setMapView] = useState<MapView | null>(null);
  const summary = useMemo(() => reportSummary(input), [input]);
  const zones = useMemo(() => buildZoneFeatures(input), [input]);
  const gaps = useMemo(() => gapTable(input), [input]);
  const n = (v: number, d = 0) => formatNumber(v, language, d);

  useEffect(() => {
    // The map was created with preserveDrawingBuffer: its last frame can be read at any time.
    try { setMapImage(mapCanvas()?.toDataURL('image/png') ?? null); } catch { setMapImage(null); }
    const map = window.__map;
    if (map) setMapView({ centerLat: map.getCenter().lat, zoom: map.getZoom(), widthPx: map.getContainer().clientWidth });
    document.body.classList.add('report-open');
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') onClose(); };
    window.addEventListener('keydown', onKey);
    return () => { document.body.classList.remove('report-open'); window.removeEventListener('keydown', onKey); };
  }, [onClose]);

  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date());
  const figures: [string, string, string][] = [
    ['communities', t('export.r.communities'), n(summary.communities)],
    ['eligible', t('export.r.eligible'), n(summary.eligibleCommunities)],
    ['households', t('export.r.households'), n(summary.households)],
    ['eligibleHouseholds', t('export.r.eligibleHouseholds'), n(summary.eligibleHouseholds)],
    ['zones', t('export.r.zones'), n(summary.zones)],
    ['householdsZoned', t('export.r.householdsZoned'), n(summary.householdsZoned)],
  ];

  return (
    <div className="report-root" data-testid="report" role="dialog" aria-label={t('export.r.title')}>
      <div className="report-toolbar">
        <button type="button" className="report-btn report-btn-primary" data-testid="report-print" onClick={() => window.print()}>{t('export.r.print')}</button>
        <button type="button" className="report-btn" data-testid="report-close" onClick={onClose}>{t('export.r.close')}</button>
      </div>
      <article className="report-page" lang={language}>
        <header className="report-header">
          <h1>{t('export.r.title')}</h1>
          <dl className="report-meta">
            <dt>{t('export.r.dataset')}</dt><dd data-testid="report-dataset">{datasetName === 'sample' ? t('app.datasetSample') : datasetName ?? '—'}</dd>
            <dt>{t('export.r.date')}</dt><dd>{date}</dd>
          </dl>
        </header>

        <section className="report-section">
          <h2>{t('export.r.summary')}</h2>
          <div className="report-figures">
            {figures.map(([key, label, value]) => (
              <div className="report-figure" key={key} data-testid={`report-figure-${key}`}>
                <span className="report-figure-value">{value}</span>
                <span className="report-figure-label">{label}</span>
              </div>
            ))}
          </div>
        </section>

        <section className="report-section report-map-section">
          <h2>{t('export.r.map')}</h2>
          {mapImage && <ReportMap image={mapImage} view={mapView} />}
        </section>

        <section className="report-section">
          <h2>{t('export.r.coverage')}</h2>
          {summary.coverage.length === 0 ? <p className="report-muted">{t('export.r.noAnalysis')}</p> : (
            <table className="report-table" data-testid="report-coverage">
              <thead><tr><th>{t('export.r.category')}</th><th className="num">{t('export.r.share')}</th><th className="num">{t('export.r.covered')}</th><th /></tr></thead>
              <tbody>
                {summary.coverage.map((c) => (
                  <tr key={c.categoryId} data-testid="report-coverage-row">
                    <td>{language === 'en' ? c.en : c.zh}</td>
                    <td className="num">
                      <span className="report-bar"><span style={{ width: `${Math.round(c.share * 100)}%` }} /></span>
                      {formatPercent(c.share, language)}
                    </td>
                    <td className="num">{n(c.householdsCovered)} / {n(c.householdsTotal)}</td>
                    <td className="report-muted">{c.required ? t('export.r.required') : t('export.r.optional')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>

        <ReportZoneTable zones={zones} categories={input.analysisSettings.categories} />
        <ReportGapTable gaps={gaps} maxRows={REPORT_GAP_ROWS} categories={input.analysisSettings.categories} />

        <footer className="report-footer">{t('export.r.footer')}</footer>
      </article>
    </div>
  );
}
