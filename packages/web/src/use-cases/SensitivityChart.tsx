import type { SensitivityCurve } from '@openehds/client';
import { ChartFrame } from '../charts/ChartFrame';
import { fmt } from '../i18n/format';
import { useCasesText as t } from './strings';
import { percent, rankLines, shortDecimal } from './view';

const WIDTH = 640;
const HEIGHT = 240;
const LEFT = 40;
const RIGHT = 16;
const TOP = 12;
const BOTTOM = 30;
/** Distinguishable line styles (colour and dash), so the lines differ without colour alone (WCAG 1.4.1). */
const STYLES = [
  { stroke: '#1f5fa8', dash: '' },
  { stroke: '#b4461f', dash: '6 3' },
  { stroke: '#2f7d32', dash: '2 3' },
  { stroke: '#6d3fa0', dash: '8 3 2 3' },
  { stroke: '#8a6d00', dash: '4 4' },
  { stroke: '#00707a', dash: '1 2' },
];

/** The switch sentence of a curve: where another use case takes the top, if anywhere in range. */
export function switchText(curve: SensitivityCurve, labels: Record<string, string>): string {
  const parts = [
    curve.below &&
      fmt(t.switchBelow, {
        weight: shortDecimal(curve.below.weight),
        share: percent(curve.below.share),
        top: labels[curve.below.top] ?? curve.below.top,
      }),
    curve.above &&
      fmt(t.switchAbove, {
        weight: shortDecimal(curve.above.weight),
        share: percent(curve.above.share),
        top: labels[curve.above.top] ?? curve.above.top,
      }),
  ].filter(Boolean);
  return parts.length ? parts.join(' ') : t.noSwitch;
}

/** Rank (1 at the top) of each use case against one criterion's weight, as lines, with the table fallback. */
export function SensitivityChart({
  curve,
  ids,
  labels,
}: {
  curve: SensitivityCurve;
  ids: string[];
  labels: Record<string, string>;
}) {
  const lines = rankLines(curve, ids);
  const maxRank = Math.max(1, ids.length);
  const maxWeight = Math.max(1e-9, ...curve.steps.map((s) => s.weight));
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (w: number) => LEFT + (w / maxWeight) * plotW;
  const y = (rank: number) => TOP + (maxRank === 1 ? plotH / 2 : ((rank - 1) / (maxRank - 1)) * plotH);
  const criterion = t.criteria[curve.criterion];
  return (
    <div className="use-case-sensitivity-chart">
      <ChartFrame
        title={fmt(t.sensitivityChart, { criterion })}
        summary={fmt(t.sensitivitySummary, { switches: switchText(curve, labels) })}
        width={WIDTH}
        height={HEIGHT}
        columns={[t.weightColumn, ...ids.map((id) => labels[id] ?? id)]}
        rows={curve.steps.map((s) => ({
          key: String(s.weight),
          cells: [
            `${shortDecimal(s.weight)} (${percent(s.share)})`,
            ...ids.map((id) => String(s.ranks[id] ?? '')),
          ],
        }))}
      >
        {Array.from({ length: maxRank }, (_, i) => (
          <g key={i}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(i + 1)} y2={y(i + 1)} stroke="#ddd" />
            <text x={LEFT - 8} y={y(i + 1) + 4} textAnchor="end" fontSize="11">
              {i + 1}
            </text>
          </g>
        ))}
        <line
          x1={x(curve.currentWeight)}
          x2={x(curve.currentWeight)}
          y1={TOP}
          y2={TOP + plotH}
          stroke="#555"
          strokeDasharray="3 3"
        />
        <text x={LEFT} y={HEIGHT - 8} fontSize="11">
          0
        </text>
        <text x={WIDTH - RIGHT} y={HEIGHT - 8} fontSize="11" textAnchor="end">
          {shortDecimal(maxWeight)}
        </text>
        {lines.map((line, i) => {
          const style = STYLES[i % STYLES.length]!;
          const points = line.ranks
            .map((r, k) => (r === null ? null : `${x(curve.steps[k]!.weight)},${y(r)}`))
            .filter(Boolean)
            .join(' ');
          return (
            <polyline
              key={line.id}
              points={points}
              fill="none"
              stroke={style.stroke}
              strokeWidth={2}
              strokeDasharray={style.dash || undefined}
            />
          );
        })}
      </ChartFrame>
      <ul className="use-case-legend" aria-hidden="true">
        {lines.map((line, i) => {
          const style = STYLES[i % STYLES.length]!;
          return (
            <li key={line.id}>
              <svg width="28" height="10" viewBox="0 0 28 10">
                <line
                  x1="0"
                  x2="28"
                  y1="5"
                  y2="5"
                  stroke={style.stroke}
                  strokeWidth={2}
                  strokeDasharray={style.dash || undefined}
                />
              </svg>{' '}
              {labels[line.id] ?? line.id}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
