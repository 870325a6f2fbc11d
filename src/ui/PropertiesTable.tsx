import { useTranslation } from 'react-i18next';
import type { Properties } from '../core/types';

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Every original property of the source feature, untouched (what the file said, not what we understood). */
export function PropertiesTable({ properties }: { properties: Properties }) {
  const { t } = useTranslation();
  return (
    <details className="raw-properties" open data-testid="raw-properties">
      <summary>{t('details.rawProperties')}</summary>
      <table className="data-table kv">
        <thead><tr><th>{t('details.field')}</th><th>{t('details.value')}</th></tr></thead>
        <tbody>
          {Object.entries(properties).map(([k, v]) => (
            <tr key={k} data-testid={`raw-${k}`}>
              <td className="mono">{k}</td>
              <td>{show(v)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
