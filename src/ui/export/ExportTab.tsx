import { useCallback, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { GCJ02 } from '../../io/crs';
import { MIME, downloadBlob, downloadData } from '../../io/export/download';
import { ReportView } from '../report/ReportView';
import { communitiesCsv, buildZoneFeatures, gapsCsv, zonesFlatGeobuf, zonesGeoJSON, zonesShapefile } from './exportData';
import { mapCanvas, useExportInput } from './useExportInput';
import './export.css';

/** Side-panel tab "导出": zones (GeoJSON, FlatGeobuf), result tables (CSV), the map (PNG) and the printable report. */
export function ExportTab() {
  const { t } = useTranslation();
  const input = useExportInput();
  const [gcj02, setGcj02] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [reportOpen, setReportOpen] = useState(false);
  const closeReport = useCallback(() => setReportOpen(false), []);
  const hasZones = input.zones.length > 0;
  const hasAnalysis = input.analysisResult !== null;

  const run = (file: string, make: () => void) => {
    try { make(); setMessage(t('export.exported', { file })); }
    catch (e) { setMessage(t('export.failed', { message: e instanceof Error ? e.message : String(e) })); }
  };
  const exportGeoJSON = () => {
    const file = gcj02 ? 'zones_gcj02.geojson' : 'zones.geojson';
    run(file, () => downloadData(file, zonesGeoJSON(buildZoneFeatures(input), gcj02 ? GCJ02 : null), MIME.geojson));
  };
  // The GCJ-02 choice applies to every geometry export; the file name says so.
  const exportShp = () => {
    const file = gcj02 ? 'zones_gcj02.zip' : 'zones.zip';
    run(file, () => downloadData(file, zonesShapefile(buildZoneFeatures(input), gcj02 ? GCJ02 : null), MIME.zip));
  };
  const exportFgb = () => {
    const file = gcj02 ? 'zones_gcj02.fgb' : 'zones.fgb';
    run(file, () => downloadData(file, zonesFlatGeobuf(buildZoneFeatures(input), gcj02 ? GCJ02 : null), MIME.fgb));
  };
  const exportCsv = (file: string, make: () => string | null) => run(file, () => {
    const csv = make();
    if (csv === null) throw new Error(t('export.noAnalysis'));
    downloadData(file, csv, MIME.csv);
  });
  const exportPng = () => {
    const canvas = mapCanvas();
    if (!canvas) { setMessage(t('export.failed', { message: 'no map' })); return; }
    canvas.toBlob((blob) => {
      if (!blob) { setMessage(t('export.failed', { message: 'PNG' })); return; }
      downloadBlob('map.png', blob);
      setMessage(t('export.exported', { file: 'map.png' }));
    }, 'image/png');
  };

  return (
    <div className="export-tab" data-testid="export-tab">
      <p className="export-muted">{t('export.intro')}</p>

      <section className="export-section">
        <h3>{t('export.zonesTitle', { count: input.zones.length })}</h3>
        {!hasZones && <p className="export-hint" data-testid="export-no-zones">{t('export.noZones')}</p>}
        <label className="export-check">
          <input type="checkbox" data-testid="export-gcj02" checked={gcj02} disabled={!hasZones} onChange={(e) => setGcj02(e.target.checked)} />
          {t('export.gcj02')}
        </label>
        <div className="export-row">
          <button type="button" className="btn" data-testid="export-zones-geojson" disabled={!hasZones} onClick={exportGeoJSON}>{t('export.geojson')}</button>
          <span className="export-muted">{t('export.geojsonHint')}</span>
        </div>
        <div className="export-row">
          <button type="button" className="btn" data-testid="export-zones-fgb" disabled={!hasZones} onClick={exportFgb}>{t('export.flatgeobuf')}</button>
          <span className="export-muted">{t('export.flatgeobufHint')}</span>
        </div>
        <div className="export-row">
          <button type="button" className="btn" data-testid="export-zones-shp" disabled={!hasZones} onClick={exportShp}>{t('export.shapefile')}</button>
          <span className="export-muted">{t('export.shapefileHint')}</span>
        </div>
      </section>

      <section className="export-section">
        <h3>{t('export.tablesTitle')}</h3>
        {!hasAnalysis && <p className="export-hint" data-testid="export-no-analysis">{t('export.noAnalysis')}</p>}
        <div className="export-row">
          <button type="button" className="btn" data-testid="export-communities-csv" disabled={!hasAnalysis} onClick={() => exportCsv('communities.csv', () => communitiesCsv(input))}>{t('export.communitiesCsv')}</button>
          <button type="button" className="btn" data-testid="export-gaps-csv" disabled={!hasAnalysis} onClick={() => exportCsv('gaps.csv', () => gapsCsv(input))}>{t('export.gapsCsv')}</button>
        </div>
      </section>

      <section className="export-section">
        <h3>{t('export.mapTitle')}</h3>
        <div className="export-row">
          <button type="button" className="btn" data-testid="export-png" onClick={exportPng}>{t('export.png')}</button>
          <button type="button" className="btn btn-primary" data-testid="export-report" onClick={() => setReportOpen(true)}>{t('export.report')}</button>
        </div>
      </section>

      {message && <p className="export-status" role="status" data-testid="export-status">{message}</p>}
      {reportOpen && createPortal(<ReportView input={input} onClose={closeReport} />, document.body)}
    </div>
  );
}
