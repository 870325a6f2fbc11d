import { useMemo } from 'react';
import { useAppStore } from '../../store';
import type { ExportInput } from './exportData';

/** The store parts every export reads, as one memoised object (new only when one of them changes). */
export function useExportInput(): ExportInput {
  const communities = useAppStore((s) => s.communities);
  const zones = useAppStore((s) => s.zones);
  const rules = useAppStore((s) => s.zoningSettings.rules);
  const analysisSettings = useAppStore((s) => s.analysisSettings);
  const analysisResult = useAppStore((s) => s.analysisResult);
  return useMemo(() => ({ communities, zones, rules, analysisSettings, analysisResult }), [communities, zones, rules, analysisSettings, analysisResult]);
}

/** The live map canvas (created with preserveDrawingBuffer, so it can be read after a frame). */
export function mapCanvas(): HTMLCanvasElement | null {
  return window.__map?.getCanvas() ?? null;
}
