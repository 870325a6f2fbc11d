/**
 * Tabs of the left side panel. Extension point: Analysis (coverage), Zones and Import/Export add an entry here
 * (labelKey is an i18n key under `tabs.`; add it to both zh-CN.ts and en.ts).
 */
import type { ComponentType } from 'react';
import { AnalysisTab } from './analysis/AnalysisTab';
import { ExportTab } from './export/ExportTab';
import { ImportTab } from './import/ImportTab';
import { LayersTab } from './LayersTab';
import { SummaryTab } from './SummaryTab';
import { ZonesTab } from './zones/ZonesTab';

export interface SidePanelTab {
  id: string;
  labelKey: string;
  Component: ComponentType;
}

export const SIDE_PANEL_TABS: readonly SidePanelTab[] = [
  { id: 'layers', labelKey: 'tabs.layers', Component: LayersTab },
  { id: 'summary', labelKey: 'tabs.summary', Component: SummaryTab },
  { id: 'analysis', labelKey: 'analysis.tab', Component: AnalysisTab },
  { id: 'zones', labelKey: 'zones.tab', Component: ZonesTab },
  { id: 'import', labelKey: 'import.tab', Component: ImportTab },
  { id: 'export', labelKey: 'export.tab', Component: ExportTab },
];
