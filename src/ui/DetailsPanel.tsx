import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { selectSelectedCommunity, selectSelectedFacility } from '../store/selectors';
import { CommunityDetails } from './CommunityDetails';
import { FacilityDetails } from './FacilityDetails';

/** Right-hand panel, shown while something is selected. */
export function DetailsPanel() {
  const { t } = useTranslation();
  const community = useAppStore(selectSelectedCommunity);
  const facility = useAppStore(selectSelectedFacility);
  const select = useAppStore((s) => s.select);
  const open = community !== null || facility !== null;
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => { if (e.key === 'Escape') select(null); };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, select]);
  if (!open) return null;
  return (
    <aside className="details-panel" data-testid="details-panel" aria-label={t('details.title')}>
      <div className="details-bar">
        <span>{t('details.title')}</span>
        <button type="button" className="icon-button" data-testid="details-close" aria-label={t('details.close')} title={t('details.close')} onClick={() => select(null)}>
          ×
        </button>
      </div>
      <div className="details-body">
        {community && <CommunityDetails community={community} />}
        {facility && <FacilityDetails facility={facility} />}
      </div>
    </aside>
  );
}
