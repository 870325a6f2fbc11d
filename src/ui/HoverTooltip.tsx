import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { selectHoveredCommunity, selectHoveredFacility } from '../store/selectors';
import { useCategoryName } from './useCategoryName';

/** Name and key figure of the feature under the pointer, next to the cursor. */
export function HoverTooltip() {
  const { t } = useTranslation();
  const community = useAppStore(selectHoveredCommunity);
  const facility = useAppStore(selectHoveredFacility);
  const pointer = useAppStore((s) => s.pointer);
  const categoryName = useCategoryName();
  if (!pointer || (!community && !facility)) return null;
  const line2 = community
    ? `${t('details.buildYear')} ${community.buildYear ?? t('details.unknown')}`
    : facility!.categories.map(categoryName).join('、');
  return (
    <div className="hover-tooltip" data-testid="hover-tooltip" style={{ left: pointer.x + 14, top: pointer.y + 14 }}>
      <div className="hover-name">{community?.name ?? facility?.name}</div>
      <div className="hover-sub">{line2}</div>
    </div>
  );
}
