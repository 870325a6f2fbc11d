import { useTranslation } from 'react-i18next';
import type { Facility } from '../core/types';
import { useAppStore } from '../store';
import { PropertiesTable } from './PropertiesTable';
import { useCategoryName } from './useCategoryName';

export function FacilityDetails({ facility: f }: { facility: Facility }) {
  const { t } = useTranslation();
  const categories = useAppStore((s) => s.categories);
  const categoryName = useCategoryName();
  const colorOf = (id: string) => categories.find((c) => c.id === id)?.color ?? '#555';
  return (
    <div data-testid="facility-details">
      <div className="details-head">
        <span className="swatch dot big" style={{ background: colorOf(f.categories[0] ?? '') }} />
        <div>
          <div className="details-kind">{t('details.facility')}</div>
          <h2 className="details-name" data-testid="details-name">{f.name}</h2>
        </div>
      </div>
      <table className="data-table kv">
        <tbody>
          <tr><th>{t('details.id')}</th><td>{f.id}</td></tr>
          <tr data-testid="details-categories">
            <th>{t('details.categories')}</th>
            <td data-testid="details-categories-value">{f.categories.map(categoryName).join('、')}</td>
          </tr>
          {f.planned && <tr><th>{t('details.planned')}</th><td>{t('details.yes')}</td></tr>}
        </tbody>
      </table>
      <PropertiesTable properties={f.properties} />
    </div>
  );
}
