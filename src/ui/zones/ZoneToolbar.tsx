import { useStore } from 'zustand';
import { useTranslation } from 'react-i18next';
import { appStore, useAppStore } from '../../store';
import { zonesHistory } from '../../store/zones/history';

/** Draw a new zone, undo/redo (also Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y on the map), and the active tool's hint. */
export function ZoneToolbar() {
  const { t } = useTranslation();
  const history = zonesHistory(appStore);
  const canUndo = useStore(history, (h) => h.pastStates.length > 0);
  const canRedo = useStore(history, (h) => h.futureStates.length > 0);
  const tool = useAppStore((s) => s.zoneTool);
  const setTool = useAppStore((s) => s.setZoneTool);
  const hasData = useAppStore((s) => s.communities.length > 0);
  const message = useAppStore((s) => s.zoneMessage);
  const hint = tool === 'none' ? null : t(`zones.tools.${tool}Hint`);
  return (
    <div className="zone-toolbar" data-testid="zones-toolbar">
      <div className="button-row">
        <button
          type="button" className={tool === 'draw' ? 'tool-button active' : 'tool-button'} data-testid="zones-draw" disabled={!hasData}
          aria-pressed={tool === 'draw'} onClick={() => setTool(tool === 'draw' ? 'none' : 'draw')}
        >
          ✎ {t('zones.tools.draw')}
        </button>
        <span className="spacer" />
        <button type="button" className="tool-button" data-testid="zones-undo" disabled={!canUndo} title={t('zones.tools.undoTitle')} onClick={() => history.getState().undo()}>
          ↶ {t('zones.tools.undo')}
        </button>
        <button type="button" className="tool-button" data-testid="zones-redo" disabled={!canRedo} title={t('zones.tools.redoTitle')} onClick={() => history.getState().redo()}>
          ↷ {t('zones.tools.redo')}
        </button>
      </div>
      {hint && (
        <p className="tool-hint" data-testid="zones-tool-hint">
          {hint} <button type="button" className="link-button" onClick={() => setTool('none')}>{t('zones.tools.done')}</button>
        </p>
      )}
      {message && <p className="tool-message" role="status" data-testid="zones-message">{t(`zones.msg.${message}`)}</p>}
    </div>
  );
}
