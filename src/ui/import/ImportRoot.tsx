import { useAppStore } from '../../store';
import { DropOverlay } from './DropOverlay';
import { ImportDialog } from './ImportDialog';
import { ImportReportDialog } from './ImportReportDialog';
import './import.css';

/** Everything of the import feature that floats over the app: drop overlay, mapping dialog, report. */
export function ImportRoot() {
  const phase = useAppStore((s) => s.importPhase);
  return (
    <>
      <DropOverlay />
      {(phase === 'reading' || phase === 'mapping' || phase === 'importing') && <ImportDialog />}
      {phase === 'report' && <ImportReportDialog />}
    </>
  );
}
