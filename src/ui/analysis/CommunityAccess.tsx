import { useTranslation } from 'react-i18next';
import { walkMinutes } from '../../core/coverage';
import { activePlanned } from '../../store/analysisSlice';
import { appStore, useAppStore } from '../../store';
import { useCategoryName } from '../useCategoryName';

/**
 * Life-circle access of one community: per category the walking metres and minutes to the nearest facility (its
 * name), met or not, and a "show path" button that draws the walking path on the map (computed in the Worker).
 */
export function CommunityAccess({ communityId }: { communityId: string }) {
  const { t } = useTranslation();
  const result = useAppStore((s) => s.analysisResult);
  const settings = useAppStore((s) => s.analysisSettings);
  const facilities = useAppStore((s) => s.facilities);
  const scenario = useAppStore((s) => s.scenario);
  const pathRequest = useAppStore((s) => s.pathRequest);
  const pathStatus = useAppStore((s) => s.pathStatus);
  const categoryName = useCategoryName();
  const i = result ? result.communityIds.indexOf(communityId) : -1;
  if (!result || i < 0) {
    return <section data-testid="community-access"><h3>{t('coverage.access.title')}</h3><p className="cov-note">{t('coverage.access.pending')}</p></section>;
  }
  if (result.communitySnap.offNetwork[i]) {
    return <section data-testid="community-access"><h3>{t('coverage.access.title')}</h3><p data-testid="access-off-network">{t('coverage.access.offNetwork')}</p></section>;
  }
  // The run's facilities are the existing ones followed by the active planned ones (same order as in the Worker).
  const all = [...facilities, ...activePlanned({ scenario })];
  const nCat = result.categoryIds.length;
  const speed = settings.walkSpeedMetersPerMinute;
  const requiredIds = new Set(settings.categories.filter((c) => c.required).map((c) => c.id));
  let coveredCount = 0;
  for (let k = 0; k < nCat; k++) if (requiredIds.has(result.categoryIds[k]) && result.covered[i * nCat + k]) coveredCount++;
  return (
    <section data-testid="community-access">
      <h3>{t('coverage.access.title')}</h3>
      <p data-testid="access-summary">{t('coverage.access.summary', { covered: coveredCount, total: requiredIds.size })}</p>
      <table className="data-table cov-access">
        <thead>
          <tr><th>{t('coverage.access.category')}</th><th>{t('coverage.access.walk')}</th><th>{t('coverage.access.nearest')}</th><th>{t('coverage.access.covered')}</th><th /></tr>
        </thead>
        <tbody>
          {result.categoryIds.map((id, k) => {
            const w = result.walkMeters[i * nCat + k];
            const f = result.nearestFacility[i * nCat + k];
            const ok = result.covered[i * nCat + k] === 1;
            const required = requiredIds.has(id);
            const showing = pathRequest?.communityId === communityId && pathRequest.categoryId === id;
            return (
              <tr key={id} data-testid={`access-${id}`}>
                <td>{categoryName(id)}{required ? '' : ` ${t('coverage.access.optional')}`}</td>
                <td data-testid={`access-${id}-walk`}>
                  {Number.isNaN(w) ? t('coverage.access.none') : (
                    // Metres and minutes on two lines: the narrow details panel has five columns to fit.
                    <><span className="walk-m">{t('coverage.access.meters', { meters: Math.round(w) })}</span> <span className="walk-min">{t('coverage.access.minutes', { minutes: Math.round(walkMinutes(w, speed)) })}</span></>
                  )}
                </td>
                <td data-testid={`access-${id}-facility`}>{f >= 0 && all[f] ? all[f].name : '—'}</td>
                <td className={ok ? 'ok' : 'no'} data-testid={`access-${id}-covered`}>{ok ? '✓' : '✗'}</td>
                <td>
                  {f >= 0 && (
                    <button type="button" data-testid={`access-${id}-path`} title={showing ? t('coverage.access.hidePathTitle') : t('coverage.access.showPathTitle')}
                      aria-label={showing ? t('coverage.access.hidePathTitle') : t('coverage.access.showPathTitle')}
                      onClick={() => (showing ? appStore.getState().clearPath() : appStore.getState().requestPath(communityId, id))}>
                      {showing ? t('coverage.access.hidePath') : t('coverage.access.showPath')}
                    </button>
                  )}
                  {showing && pathStatus === 'none' && <span className="cov-note">{t('coverage.access.pathNone')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
