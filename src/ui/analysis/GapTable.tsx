/** Ranked list of service gaps: sortable, filterable by category, paginated, click to show on the map, CSV export. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import type { GapSortKey } from '../../store/analysisUiSlice';
import { useAnalysisUi } from '../../store/analysisUiSlice';
import { filterSortGaps, selectGaps } from '../../store/analysisSelectors';
import { formatNumber } from '../format';
import { useCategoryName } from '../useCategoryName';
import { MIME, downloadData } from '../../io/export/download';
import { gapsCsv } from './gapCsv';

/** Rows per page: a page fits the panel without scrolling far, and React never renders thousands of rows. */
export const GAP_PAGE_SIZE = 50;

export function GapTable() {
  const { t } = useTranslation();
  const gaps = useAppStore(selectGaps);
  const communities = useAppStore((s) => s.communities);
  const categories = useAppStore((s) => s.analysisSettings.categories);
  const searchBound = useAppStore((s) => s.analysisResult?.searchBoundMeters ?? null);
  const categoryIds = useAppStore((s) => s.analysisResult?.categoryIds ?? null);
  const language = useAppStore((s) => s.language);
  const select = useAppStore((s) => s.select);
  const sort = useAnalysisUi((s) => s.gapSort);
  const filter = useAnalysisUi((s) => s.gapCategoryFilter);
  const page = useAnalysisUi((s) => s.gapPage);
  const { setGapSort, setGapCategoryFilter, setGapPage } = useAnalysisUi((s) => s);
  const categoryName = useCategoryName();
  const rows = useMemo(() => filterSortGaps(gaps, communities, categories, filter, sort), [gaps, communities, categories, filter, sort]);
  const pages = Math.max(1, Math.ceil(rows.length / GAP_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const visible = rows.slice(current * GAP_PAGE_SIZE, (current + 1) * GAP_PAGE_SIZE);
  const n = (v: number) => formatNumber(v, language);
  const boundOf = (categoryId: string) => {
    const k = categoryIds?.indexOf(categoryId) ?? -1;
    return k >= 0 && searchBound ? searchBound[k] : NaN;
  };
  const header = (key: GapSortKey, label: string, num = false) => (
    <th className={num ? 'num' : ''} aria-sort={sort.key === key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <button type="button" className="sort-button" data-testid={`gap-sort-${key}`} onClick={() => setGapSort(key)}>
        {label}{sort.key === key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  const usedCategories = categories.filter((c) => c.required);
  return (
    <section className="panel-section" data-testid="gap-table-section">
      <h2>{t('analysis.gaps.title')}</h2>
      <div className="gap-toolbar">
        <select data-testid="gap-filter" value={filter ?? ''} onChange={(e) => setGapCategoryFilter(e.target.value || null)}>
          <option value="">{t('analysis.gaps.filterAll')}</option>
          {usedCategories.map((c) => <option key={c.id} value={c.id}>{categoryName(c.id)}</option>)}
        </select>
        <span className="gap-count" data-testid="gap-count" data-count={rows.length}>{t('analysis.gaps.count', { count: rows.length })}</span>
        <button type="button" className="btn" data-testid="gap-export" disabled={rows.length === 0}
          onClick={() => downloadData('gaps.csv', gapsCsv(rows, communities, categories), MIME.csv)}>{t('analysis.gaps.exportCsv')}</button>
      </div>
      {rows.length === 0 ? <p className="hint">{t('analysis.gaps.empty')}</p> : (
        <table className="data-table gap-table" data-testid="gap-table">
          <thead><tr>
            {header('community', t('analysis.gaps.community'))}
            {header('category', t('analysis.gaps.category'))}
            {header('walkMeters', t('analysis.gaps.walk'), true)}
            {header('households', t('analysis.gaps.households'), true)}
          </tr></thead>
          <tbody>
            {visible.map((g) => (
              <tr key={`${g.communityId}|${g.categoryId}`} data-testid="gap-row" data-community-id={g.communityId} data-category={g.categoryId}
                title={t('analysis.gaps.rowTitle')} onClick={() => select({ kind: 'community', id: g.communityId })}>
                <td>{communities[g.communityIndex]?.name ?? g.communityId}</td>
                <td>{categoryName(g.categoryId)}</td>
                <td className="num">{g.walkMeters === null
                  ? t('analysis.gaps.beyondBound', { meters: n(boundOf(g.categoryId)) })
                  : t('analysis.gaps.meters', { value: n(Math.round(g.walkMeters)) })}</td>
                <td className="num">{g.households === null ? '—' : n(g.households)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <div className="pager">
          <button type="button" className="btn" data-testid="gap-prev" disabled={current === 0} onClick={() => setGapPage(current - 1)}>{t('analysis.gaps.prev')}</button>
          <span data-testid="gap-page">{t('analysis.gaps.page', { page: current + 1, pages })}</span>
          <button type="button" className="btn" data-testid="gap-next" disabled={current >= pages - 1} onClick={() => setGapPage(current + 1)}>{t('analysis.gaps.next')}</button>
        </div>
      )}
    </section>
  );
}
