import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrsHint } from '../../io/crs/hints';
import type { LayerRole } from '../../io/fieldGuess';
import type { LayerChoice, LayerSummary } from '../../io/importPipeline';
import { MAPPED_ATTRIBUTES } from '../../io/importPipeline';
import { appStore } from '../../store';
import { CrsSelect } from './CrsSelect';
import { mappingForRole, readWholeLayer } from './importController';
import { issueReason } from './issueReason';

const ROLES: readonly LayerRole[] = ['communities', 'facilities', 'roads'];
const CRS_NAMES: Record<string, string> = { gcj02: 'GCJ-02', bd09: 'BD-09' };
/** Always shown; the other attributes only when mapped or when the user asks for them (keeps the dialog short). */
const CORE_ATTRIBUTES = new Set(['name', 'buildYear', 'households', 'category', 'highway']);

function HintText({ hint }: { hint: CrsHint }) {
  const { t } = useTranslation();
  const crs = hint.suggested ? (CRS_NAMES[hint.suggested] ?? hint.suggested) : '';
  const text = hint.kind === 'offset' ? t('import.hints.offset', { crs })
    : hint.kind === 'out-of-range' ? t('import.hints.outOfRange')
      : hint.suggested ? t('import.hints.projected', { crs }) : t('import.hints.projectedUnknown');
  // The core's message (with the measured figures) stays available on hover.
  return <div className="import-hint" data-testid="import-crs-hint" title={hint.message}>{text}</div>;
}

/** One layer of the dialog: role, coordinate system, hints and the field mapping with sample values. */
export function LayerMappingCard({ layer, choice }: { layer: LayerSummary; choice: LayerChoice }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const update = (patch: Partial<Omit<LayerChoice, 'key'>>) => appStore.getState().updateImportChoice(layer.key, patch);
  const geometry = Object.entries(layer.geometryCounts).map(([g, n]) => `${g} ${n}`).join(' · ');
  const fileProblems = layer.readIssues.filter((i) => i.featureIndex === undefined && i.severity === 'error');
  const idBase = `import-${layer.key.replace(':', '-')}`;
  return (
    <section className="import-layer" data-testid="import-layer" data-layer-key={layer.key}>
      <header className="import-layer-head">
        <div>
          <h3 data-testid="import-layer-title">
            {layer.fileName}
            {layer.layerName && !layer.fileName.startsWith(layer.layerName) && <span className="import-layer-sub"> / {layer.layerName}</span>}
          </h3>
          <div className="import-layer-meta">
            <span className="import-badge">{layer.format}</span>
            <span data-testid="import-layer-count">{layer.featureCount ? t('import.layerCount', { count: layer.featureCount }) : t('import.noFeatures')}</span>
            {geometry && <span className="import-muted">{geometry}</span>}
          </div>
        </div>
      </header>
      <div className="import-layer-grid">
        <label htmlFor={`${idBase}-role`}>{t('import.role')}</label>
        <div className="import-role">
          <select
            id={`${idBase}-role`}
            data-testid="import-role-select"
            value={choice.role ?? 'skip'}
            onChange={(e) => {
              const role = e.target.value === 'skip' ? null : (e.target.value as LayerRole);
              update({ role, mapping: mappingForRole(layer, role) });
            }}
          >
            {ROLES.map((r) => <option key={r} value={r}>{t(`import.roles.${r}`)}{layer.guessedRole === r ? ` (${t('import.guessed')})` : ''}</option>)}
            <option value="skip">{t('import.roles.skip')}</option>
          </select>
        </div>
        <label htmlFor={`${idBase}-crs`}>{t('import.crs')}</label>
        <CrsSelect id={`${idBase}-crs`} value={choice.crs} declared={layer.declaredCrs !== null} declaredLabel={layer.declaredCrsLabel ?? layer.declaredCrs?.slice(0, 40) ?? null} onChange={(crs) => update({ crs })} />
      </div>
      {layer.partial && (
        <div className="import-hint import-partial" data-testid="import-partial">
          <span>{t('import.partialRead', { read: layer.partial.featuresRead, total: layer.partial.featuresInFile })}</span>
          <button type="button" className="btn" data-testid="import-read-all" onClick={() => void readWholeLayer(appStore, layer.key)}>{t('import.readAll')}</button>
        </div>
      )}
      {layer.hints.map((h, i) => <HintText key={i} hint={h} />)}
      {fileProblems.length > 0 && (
        <div className="import-problems" data-testid="import-read-problems">
          <strong>{t('import.readProblems')}</strong>
          <ul>{fileProblems.map((p, i) => <li key={i}>{issueReason(t, p)}</li>)}</ul>
        </div>
      )}
      {choice.role && layer.fields.length > 0 && (
        <table className="import-fields" data-testid="import-fields">
          <thead><tr><th>{t('import.attribute')}</th><th>{t('import.sourceField')}</th><th>{t('import.samples')}</th></tr></thead>
          <tbody>
            {MAPPED_ATTRIBUTES[choice.role].filter((a) => showAll || CORE_ATTRIBUTES.has(a) || choice.mapping[a]).map((attr) => {
              const field = choice.mapping[attr] ?? null;
              return (
                <tr key={attr} data-attribute={attr}>
                  <td>{t(`import.attributes.${attr}`)}</td>
                  <td>
                    <select
                      data-testid={`import-field-${attr}`}
                      aria-label={t(`import.attributes.${attr}`)}
                      value={field ?? ''}
                      onChange={(e) => update({ mapping: { ...choice.mapping, [attr]: e.target.value === '' ? null : e.target.value } })}
                    >
                      <option value="">{t('import.none')}</option>
                      {layer.fields.map((f) => <option key={f} value={f}>{f}</option>)}
                    </select>
                  </td>
                  <td className="import-samples" data-testid={`import-samples-${attr}`}>{field ? (layer.samples[field] ?? []).join(' · ') : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {choice.role && layer.fields.length > 0 && (() => {
        const hidden = MAPPED_ATTRIBUTES[choice.role].filter((a) => !CORE_ATTRIBUTES.has(a) && !choice.mapping[a]).length;
        if (hidden === 0 && !showAll) return null;
        return (
          <button type="button" className="import-more" data-testid="import-more-attributes" onClick={() => setShowAll(!showAll)}>
            {showAll ? t('import.fewerAttributes') : t('import.moreAttributes', { count: hidden })}
          </button>
        );
      })()}
    </section>
  );
}
