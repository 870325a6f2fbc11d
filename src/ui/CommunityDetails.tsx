import { useTranslation } from 'react-i18next';
import type { Community } from '../core/types';
import { buildYearClassOf } from '../map/palette';
import { useAppStore } from '../store';
import { formatNumber, formatPercent } from './format';
import { PropertiesTable } from './PropertiesTable';
import { CommunityAccess } from './analysis/CommunityAccess';

export function CommunityDetails({ community: c }: { community: Community }) {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const threshold = useAppStore((s) => s.oldBuildYearThreshold);
  const dash = t('details.unknown');
  const num = (v: number | null) => (v === null ? dash : formatNumber(v, language));
  const yesNo = (v: boolean) => (v ? t('details.yes') : t('details.no'));
  const yearClass = buildYearClassOf(c.buildYear);
  const rows: { key: string; label: string; value: string }[] = [
    { key: 'id', label: t('details.id'), value: c.id },
    { key: 'buildYear', label: t('details.buildYear'), value: c.buildYear === null ? dash : String(c.buildYear) },
    { key: 'households', label: t('details.households'), value: num(c.households) },
    { key: 'residents', label: t('details.residents'), value: num(c.residents) },
    { key: 'buildings', label: t('details.buildings'), value: num(c.buildings) },
    { key: 'district', label: t('details.district'), value: c.district ?? dash },
    { key: 'subdistrict', label: t('details.subdistrict'), value: c.subdistrict ?? dash },
    { key: 'propertyManagement', label: t('details.propertyManagement'), value: c.propertyManagement ? t(`details.pm.${c.propertyManagement}`) : dash },
    { key: 'willingness', label: t('details.willingness'), value: c.willingness === null ? dash : formatPercent(c.willingness, language) },
    { key: 'renovation', label: t('details.renovation'), value: t(`details.renovationStatus.${c.renovation}`) },
    { key: 'renovatedYear', label: t('details.renovatedYear'), value: c.renovatedYear ? String(c.renovatedYear) : dash },
    { key: 'demolitionPlanned', label: t('details.demolitionPlanned'), value: yesNo(c.demolitionPlanned) },
    { key: 'shantyTown', label: t('details.shantyTown'), value: yesNo(c.shantyTown) },
    { key: 'historic', label: t('details.historic'), value: yesNo(c.historic) },
  ];
  return (
    <div data-testid="community-details">
      <div className="details-head">
        {yearClass && <span className="swatch area big" style={{ background: yearClass.color }} />}
        <div>
          <div className="details-kind">{t('details.community')}</div>
          <h2 className="details-name" data-testid="details-name">{c.name}</h2>
        </div>
      </div>
      <div className="badges">
        {c.buildYear !== null && c.buildYear <= threshold && <span className="badge warm" data-testid="badge-pre2000">{t('details.pre2000Badge')}</span>}
        {c.demolitionPlanned && <span className="badge danger">{t('details.demolitionBadge')}</span>}
        {c.historic && <span className="badge info">{t('details.historicBadge')}</span>}
      </div>
      <h3>{t('details.attributes')}</h3>
      <table className="data-table kv" data-testid="community-attributes">
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid={`details-${r.key}`}>
              <th>{r.label}</th>
              <td data-testid={`details-${r.key}-value`}>{r.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <CommunityAccess communityId={c.id} />
      <PropertiesTable properties={c.properties} />
    </div>
  );
}
