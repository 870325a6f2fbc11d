import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore } from '../../store';
import { startImport } from './importController';

const hasFiles = (e: DragEvent): boolean => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/**
 * Files dragged anywhere over the page show "松开以导入" and are imported on drop. Listens on the window so the
 * map canvas (which eats pointer events) does not stand in the way.
 */
export function DropOverlay() {
  const { t } = useTranslation();
  const [active, setActive] = useState(false);
  useEffect(() => {
    let depth = 0; // dragenter/leave fire for every child crossed
    const enter = (e: DragEvent) => { if (!hasFiles(e)) return; e.preventDefault(); depth++; setActive(true); };
    const over = (e: DragEvent) => { if (!hasFiles(e)) return; e.preventDefault(); if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy'; };
    const leave = (e: DragEvent) => { if (!hasFiles(e)) return; depth = Math.max(0, depth - 1); if (depth === 0) setActive(false); };
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer || e.dataTransfer.files.length === 0) return;
      e.preventDefault(); // otherwise the browser opens the file
      depth = 0;
      setActive(false);
      void startImport(appStore, [...e.dataTransfer.files]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  if (!active) return null;
  return (
    <div className="import-drop-overlay" data-testid="import-drop-overlay">
      <div className="import-drop-box">
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3v12M7 10l5 5 5-5M4 17v3h16v-3" /></svg>
        <strong>{t('import.dropHere')}</strong>
        <span>{t('import.dropFormats')}</span>
      </div>
    </div>
  );
}
