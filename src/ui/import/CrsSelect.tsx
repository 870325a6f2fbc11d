import { useTranslation } from 'react-i18next';
import { parseCrs } from '../../io/crs';

const PRESETS = ['', 'wgs84', 'gcj02', 'bd09', 'EPSG:4490'] as const;
const PRESET_KEYS: Record<string, string> = { wgs84: 'wgs84', gcj02: 'gcj02', bd09: 'bd09', 'EPSG:4490': 'cgcs2000' };
const CUSTOM = 'epsg';

interface Props {
  id: string;
  value: string;
  declaredLabel: string | null;
  declared: boolean;
  onChange: (crs: string) => void;
}

/** Coordinate-system choice: the file's, the Chinese presets, or any EPSG code / proj4 / WKT typed in. */
export function CrsSelect({ id, value, declaredLabel, declared, onChange }: Props) {
  const { t } = useTranslation();
  const isPreset = (PRESETS as readonly string[]).includes(value);
  const selectValue = isPreset ? value : CUSTOM;
  const invalid = !isPreset && value.trim() !== '' && parseCrs(value) === null;
  const resolved = !isPreset && !invalid && value.trim() !== '' ? parseCrs(value)?.label : null;
  return (
    <div className="import-crs">
      <select id={id} data-testid="import-crs-select" value={selectValue} onChange={(e) => onChange(e.target.value === CUSTOM ? 'EPSG:' : e.target.value)}>
        <option value="">{declared ? t('import.crsOptions.file', { label: declaredLabel ?? '?' }) : t('import.crsOptions.fileNone')}</option>
        {PRESETS.filter((p) => p !== '').map((p) => <option key={p} value={p}>{t(`import.crsOptions.${PRESET_KEYS[p]}`)}</option>)}
        <option value={CUSTOM}>{t('import.crsOptions.epsg')}</option>
      </select>
      {selectValue === CUSTOM && (
        <input
          type="text"
          className={invalid ? 'invalid' : ''}
          data-testid="import-crs-code"
          value={value}
          placeholder={t('import.epsgPlaceholder')}
          aria-invalid={invalid}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {invalid && <span className="import-crs-note error">{t('import.epsgInvalid')}</span>}
      {resolved && <span className="import-crs-note">{resolved}</span>}
    </div>
  );
}
