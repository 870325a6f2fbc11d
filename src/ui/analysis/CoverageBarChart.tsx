/** Horizontal bars: share of households covered per category, with the pre-scenario bar beside it when present. */
import { useTranslation } from 'react-i18next';
import type { CategoryFigures } from '../../store/analysisSelectors';
import { formatNumber, formatPercent } from '../format';

// viewBox ≈ the panel's pixel width, so SVG text renders at the UI's own font size.
const ROW_PX = 22, ROW_BEFORE_PX = 30, LABEL_PX = 92, VALUE_PX = 84, WIDTH_PX = 272;
/** Fit a label into the label column: CJK glyphs are about twice as wide as Latin ones at 11 px. */
function shorten(label: string, maxPx = LABEL_PX - 8): string {
  let px = 0;
  for (let i = 0; i < label.length; i++) {
    px += /[\u2e80-\uffff]/.test(label[i]) ? 11.5 : 6.6;
    if (px > maxPx) return `${label.slice(0, Math.max(1, i - 1))}…`;
  }
  return label;
}

function barColor(share: number): string {
  // Below the 80 % reference the bar turns warm: the eye finds the weak categories first.
  if (share >= 0.8) return '#2f7d5b';
  if (share >= 0.5) return '#c98a1b';
  return '#c0462b';
}

export function CoverageBarChart({ rows, language, categoryName }: {
  rows: readonly CategoryFigures[]; language: string; categoryName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const withBefore = rows.some((r) => r.before !== null);
  const rowPx = withBefore ? ROW_BEFORE_PX : ROW_PX;
  const barMaxPx = WIDTH_PX - LABEL_PX - VALUE_PX;
  const heightPx = rows.length * rowPx + 18;
  const x = (share: number) => LABEL_PX + share * barMaxPx;
  return (
    <svg className="coverage-chart" viewBox={`0 0 ${WIDTH_PX} ${heightPx}`} width="100%" role="img" data-testid="coverage-chart"
      aria-label={t('analysis.dashboard.coverageTitle')}>
      {[0, 0.5, 1].map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={0} y2={heightPx - 14} className="axis-line" />
          <text x={x(v)} y={heightPx - 3} className="axis-label" textAnchor="middle">{formatPercent(v, language)}</text>
        </g>
      ))}
      <line x1={x(0.8)} x2={x(0.8)} y1={0} y2={heightPx - 14} className="ref-line" />
      {rows.map((r, i) => {
        const y = i * rowPx + 3;
        const name = categoryName(r.categoryId) + (r.required ? '' : ` ${t('analysis.dashboard.optional')}`);
        return (
          <g key={r.categoryId} data-testid={`coverage-bar-${r.categoryId}`} data-share={r.share.toFixed(6)}
            data-households-covered={r.householdsCovered} data-households-gained={r.householdsGained}>
            <title>{`${name}: ${formatNumber(r.householdsCovered, language)} / ${formatNumber(r.householdsTotal, language)}${r.householdsGained > 0 ? ` (${t('analysis.dashboard.gained', { value: formatNumber(r.householdsGained, language) })})` : ''}`}</title>
            <text x={LABEL_PX - 6} y={y + 11} className={`bar-label${r.required ? '' : ' optional'}`} textAnchor="end">{shorten(categoryName(r.categoryId))}</text>
            {r.before && <rect x={LABEL_PX} y={y + 14} width={Math.max(1, r.before.share * barMaxPx)} height={7} className="bar-before" />}
            <rect x={LABEL_PX} y={y + 2} width={Math.max(1, r.share * barMaxPx)} height={12} fill={barColor(r.share)} opacity={r.required ? 1 : 0.45} />
            <text x={WIDTH_PX - VALUE_PX + 4} y={y + 12} className="bar-value">
              {formatPercent(r.share, language)}
              {r.householdsGained > 0 && <tspan className="bar-gain" dx={4}>+{formatNumber(r.householdsGained, language)}</tspan>}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
