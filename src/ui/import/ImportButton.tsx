import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore } from '../../store';
import { startImport } from './importController';

const ACCEPT = '.geojson,.json,.ndjson,.geojsonl,.jsonl,.fgb,.zip,.csv,.tsv,.txt,.osm,.xml';

/** "导入数据" button with a hidden multi-file picker. */
export function ImportButton({ variant = 'top' }: { variant?: 'top' | 'panel' }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={variant === 'top' ? 'import-button' : 'import-button import-button-panel'}
        data-testid={variant === 'top' ? 'import-button' : 'import-button-panel'}
        title={t('import.buttonTitle')}
        onClick={() => input.current?.click()}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 3v12M7 10l5 5 5-5M4 17v3h16v-3" /></svg>
        {t('import.button')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid={variant === 'top' ? 'import-file-input' : 'import-file-input-panel'}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = ''; // the same file again must fire change again
          void startImport(appStore, files);
        }}
      />
    </>
  );
}
