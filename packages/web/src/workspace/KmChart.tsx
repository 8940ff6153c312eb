import type { KmCurveJson } from '@openehds/client';
import { ChartFrame } from '../charts/ChartFrame';
import { fmt } from '../i18n/format';
import { analysisText as a } from './analysis-strings';
import { formatStat } from './glm-result';
import { axes, CURVE_STYLES, KM_FRAME as F, stepPath, timeMax } from './km-chart';

interface Props {
  curves: KmCurveJson[];
  survival: string;
  /** The grouping variable's name, for the legend (`sex = female`). */
  group: string | null;
}

/** A curve's name in the legend and the table. */
export const curveLabel = (group: string | null, level: string | null) =>
  level === null ? a.result.all : fmt(a.result.groupOf, { name: group ?? '', level });

const num = (v: number | null) => (v === null ? '—' : formatStat(v));

/**
 * Kaplan–Meier curves as an inline SVG: one step line per group (colour and dash differ), survival
 * 0–1 against days; the same points as a table for screen readers and copying (WCAG 1.1.1, 1.4.1).
 */
export function KmChart({ curves, survival, group }: Props) {
  const tMax = timeMax(curves);
  const ax = axes(tMax);
  const plotRight = F.width - F.right;
  const plotBottom = F.height - F.bottom;
  return (
    <ChartFrame
      title={fmt(a.kmResult.chartTitle, { name: survival })}
      summary={fmt(a.kmResult.chartSummary, { n: curves.length, days: tMax })}
      width={F.width}
      height={F.height}
      columns={[
        a.result.variable,
        a.kmResult.time,
        a.kmResult.atRisk,
        a.kmResult.events,
        a.kmResult.censored,
        a.kmResult.survival,
        a.kmResult.lower,
        a.kmResult.upper,
      ]}
      rows={curves.flatMap((c) =>
        c.points.map((p) => ({
          key: `${c.group ?? 'all'}-${p.time}`,
          cells: [
            curveLabel(group, c.group),
            String(p.time),
            String(p.nRisk),
            String(p.nEvent),
            String(p.nCensor),
            num(p.survival),
            num(p.lower),
            num(p.upper),
          ],
        })),
      )}
    >
      {ax.survival.map((s) => (
        <g key={`s${s.value}`}>
          <line x1={F.left} x2={plotRight} y1={s.y} y2={s.y} className="grid" />
          <text x={F.left - 6} y={s.y} textAnchor="end" dominantBaseline="middle" className="chart-tick">
            {s.value}
          </text>
        </g>
      ))}
      {ax.time.map((t) => (
        <text key={`t${t.value}`} x={t.x} y={plotBottom + 14} textAnchor="middle" className="chart-tick">
          {t.value}
        </text>
      ))}
      <text x={(F.left + plotRight) / 2} y={F.height - 4} textAnchor="middle" className="chart-tick">
        {a.kmResult.days}
      </text>
      <line x1={F.left} x2={plotRight} y1={plotBottom} y2={plotBottom} stroke="#5a6572" />
      <line x1={F.left} x2={F.left} y1={F.top} y2={plotBottom} stroke="#5a6572" />
      {curves.map((c, i) => {
        const style = CURVE_STYLES[i % CURVE_STYLES.length]!;
        return (
          <path
            key={c.group ?? 'all'}
            d={stepPath(c, tMax)}
            fill="none"
            stroke={style.stroke}
            strokeWidth={2.5}
            strokeDasharray={style.dash}
            data-group={c.group ?? 'all'}
          />
        );
      })}
      {curves.map((c, i) => {
        const style = CURVE_STYLES[i % CURVE_STYLES.length]!;
        const y = F.top + 8 + i * 18;
        return (
          <g key={`legend-${c.group ?? 'all'}`}>
            <line
              x1={plotRight + 10}
              x2={plotRight + 34}
              y1={y}
              y2={y}
              stroke={style.stroke}
              strokeWidth={2.5}
              strokeDasharray={style.dash}
            />
            <text x={plotRight + 38} y={y} dominantBaseline="middle" className="chart-label">
              {c.group ?? a.result.all}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
