/** Planned facilities (the scenario): choose a category, place on the map, list, delete, toggle, clear. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import { analysisUiStore, useAnalysisUi } from '../../store/analysisUiSlice';
import { useCategoryName } from '../useCategoryName';

export function ScenarioPanel() {
  const { t } = useTranslation();
  const scenario = useAppStore((s) => s.scenario);
  const categories = useAppStore((s) => s.analysisSettings.categories);
  const setEnabled = useAppStore((s) => s.setScenarioEnabled);
  const remove = useAppStore((s) => s.removePlannedFacility);
  const clear = useAppStore((s) => s.clearScenario);
  const placing = useAnalysisUi((s) => s.placingCategoryId);
  const categoryName = useCategoryName();
  const [categoryId, setCategoryId] = useState('kindergarten');
  useEffect(() => {
    if (!placing) return;
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') analysisUiStore.getState().stopPlacing(); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [placing]);
  return (
    <section className="panel-section" data-testid="scenario-panel">
      <h2>{t('analysis.scenario.title')}</h2>
      <p className="hint">{t('analysis.scenario.hint')}</p>
      <div className="scenario-toolbar">
        <select data-testid="scenario-category" aria-label={t('analysis.scenario.category')} value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
          {categories.map((c) => <option key={c.id} value={c.id}>{categoryName(c.id)}</option>)}
        </select>
        {placing
          ? <button type="button" className="btn" data-testid="scenario-cancel" onClick={() => analysisUiStore.getState().stopPlacing()}>{t('analysis.scenario.cancel')}</button>
          : <button type="button" className="btn btn-primary" data-testid="scenario-add" onClick={() => analysisUiStore.getState().startPlacing(categoryId)}>{t('analysis.scenario.add')}</button>}
      </div>
      {placing && <p className="placing-note" data-testid="scenario-placing">{t('analysis.scenario.placing')}</p>}
      <div className="scenario-toolbar">
        <label className="check">
          <input type="checkbox" data-testid="scenario-enabled" checked={scenario.enabled} onChange={(e) => setEnabled(e.target.checked)} />
          {t('analysis.scenario.enabled')}
        </label>
        <button type="button" className="btn" data-testid="scenario-clear" disabled={scenario.planned.length === 0} onClick={clear}>{t('analysis.scenario.clear')}</button>
      </div>
      {!scenario.enabled && scenario.planned.length > 0 && <p className="hint">{t('analysis.scenario.disabledNote')}</p>}
      {scenario.planned.length === 0 ? <p className="hint">{t('analysis.scenario.empty')}</p> : (
        <ul className="planned-list" data-testid="planned-list">
          {scenario.planned.map((f) => (
            <li key={f.id} data-testid="planned-item" data-id={f.id}>
              <span className="planned-star">☆</span>
              <span className="planned-name">{t('analysis.scenario.plannedName', { category: categoryName(f.categories[0] ?? ''), id: f.id })}</span>
              <button type="button" className="btn btn-small" data-testid={`planned-remove-${f.id}`} onClick={() => remove(f.id)}>{t('analysis.scenario.remove')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
