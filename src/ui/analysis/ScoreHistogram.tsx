/** Column chart of community coverage scores (share of required categories within walking distance). */
import { useTranslation } from 'react-i18next';
import type { ScoreBin } from '../../store/analysisSelectors';
import { formatNumber, formatPercent } from '../format';

const WIDTH_PX = 272, HEIGHT_PX = 110, PAD_BOTTOM_PX = 18, PAD_TOP_PX = 12;

export function ScoreHistogram({ bins, language }: { bins: readonly ScoreBin[]; language: string }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...bins.map((b) => b.communities));
  const colPx = WIDTH_PX / bins.length;
  const plotPx = HEIGHT_PX - PAD_BOTTOM_PX - PAD_TOP_PX;
  return (
    <svg className="score-histogram" viewBox={`0 0 ${WIDTH_PX} ${HEIGHT_PX}`} width="100%" role="img" data-testid="score-histogram"
      aria-label={t('analysis.dashboard.scoreTitle')}>
      <line x1={0} x2={WIDTH_PX} y1={HEIGHT_PX - PAD_BOTTOM_PX} y2={HEIGHT_PX - PAD_BOTTOM_PX} className="axis-line" />
      {bins.map((b, i) => {
        const h = (b.communities / max) * plotPx;
        const y = HEIGHT_PX - PAD_BOTTOM_PX - h;
        // Colour runs from warm (few categories reachable) to green (all reachable).
        const hue = Math.round(8 + 140 * ((b.from + b.to) / 2));
        return (
          <g key={i} data-testid={`score-bin-${i}`} data-communities={b.communities}>
            <title>{`${formatPercent(b.from, language)}–${formatPercent(b.to, language)}: ${t('analysis.dashboard.communities', { count: b.communities })}`}</title>
            <rect x={i * colPx + 2} y={y} width={colPx - 4} height={Math.max(0, h)} fill={`hsl(${hue} 45% 45%)`} />
            {b.communities > 0 && <text x={i * colPx + colPx / 2} y={y - 2} textAnchor="middle" className="bar-count">{formatNumber(b.communities, language)}</text>}
          </g>
        );
      })}
      {[0, 0.5, 1].map((v) => (
        <text key={v} x={Math.min(WIDTH_PX - 12, Math.max(12, v * WIDTH_PX))} y={HEIGHT_PX - 4} textAnchor="middle" className="axis-label">{formatPercent(v, language)}</text>
      ))}
    </svg>
  );
}
