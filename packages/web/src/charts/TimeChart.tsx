import { ui } from '../i18n/ui';
import { fmt } from '../i18n/format';
import { ChartFrame } from './ChartFrame';
import type { ChartDatum } from './chart-data';
import { linePoints, linearScale, maxOf, niceMax, shortNumber, ticks } from './scale';

interface Props {
  title: string;
  /** One datum per period, in time order; `label` is the period (a year, a date). */
  data: ChartDatum[];
  kind: 'bar' | 'line';
  periodLabel?: string;
  valueLabel?: string;
  /** Fixed top of the value axis (e.g. 100 for a score); otherwise from the data. */
  max?: number;
}

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 48;
const BOTTOM = 28;
const TOP = 10;
const RIGHT = 12;
/** Narrowest bar slot (px in the viewBox) that still fits a "<10" label. */
const MIN_LABEL_SLOT = 28;

/** Values over time, as bars (counts per year) or a line (a score per run). */
export function TimeChart({
  title,
  data,
  kind,
  periodLabel = ui.charts.year,
  valueLabel = ui.charts.count,
  max,
}: Props) {
  const top = max ?? niceMax(maxOf(data.map((d) => d.value)));
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const y = linearScale(top, plotH);
  const slot = data.length ? plotW / data.length : plotW;
  // Show at most ~10 period labels, fewer when they are long (11px text is ~6.5px a character), so
  // they never overlap.
  const longest = Math.max(1, ...data.map((d) => d.label.length));
  const fit = Math.max(2, Math.floor(plotW / (longest * 6.5 + 12)));
  const labelEvery = Math.max(1, Math.ceil(data.length / Math.min(10, fit)));
  const first = data[0]?.label ?? '';
  const last = data[data.length - 1]?.label ?? '';
  const points = linePoints(
    data.map((d) => d.value),
    plotW - slot,
    plotH,
    top,
  );
  return (
    <ChartFrame
      title={title}
      summary={data.length ? fmt(ui.charts.timeSummary, { first, last }) : ui.charts.noData}
      width={WIDTH}
      height={HEIGHT}
      columns={[periodLabel, valueLabel]}
      rows={data.map((d, i) => ({ key: `${i}-${d.label}`, cells: [d.label, d.display] }))}
    >
      {ticks(top).map((t) => (
        <g key={t}>
          <line
            x1={LEFT}
            x2={WIDTH - RIGHT}
            y1={TOP + plotH - y(t)}
            y2={TOP + plotH - y(t)}
            className="grid"
          />
          <text
            x={LEFT - 6}
            y={TOP + plotH - y(t)}
            textAnchor="end"
            dominantBaseline="middle"
            className="chart-tick"
          >
            {shortNumber(t)}
          </text>
        </g>
      ))}
      {kind === 'bar' &&
        data.map((d, i) =>
          d.value === null ? (
            // A suppressed or missing period is never drawn as a bar. With room it is labelled
            // ("<10"); when bars are narrow the labels would run together, so a flat marker stands in
            // (its tooltip and the data table still say "<10").
            slot >= MIN_LABEL_SLOT ? (
              <text
                key={`${i}-${d.label}`}
                x={LEFT + i * slot + slot / 2}
                y={TOP + plotH - 4}
                textAnchor="middle"
                className="chart-value"
              >
                {d.display}
              </text>
            ) : d.display === '–' ? null : (
              <rect
                key={`${i}-${d.label}`}
                x={LEFT + i * slot + slot * 0.15}
                y={TOP + plotH - 3}
                width={slot * 0.7}
                height={3}
                className="bar-suppressed"
              >
                <title>{`${d.label}: ${d.display}`}</title>
              </rect>
            )
          ) : (
            <rect
              key={`${i}-${d.label}`}
              x={LEFT + i * slot + slot * 0.15}
              y={TOP + plotH - y(d.value)}
              width={slot * 0.7}
              height={y(d.value)}
              className="bar"
            >
              <title>{`${d.label}: ${d.display}`}</title>
            </rect>
          ),
        )}
      {kind === 'line' && points.length > 0 && (
        <>
          <polyline
            points={points.map((p) => `${LEFT + slot / 2 + p.x},${TOP + p.y}`).join(' ')}
            className="line"
          />
          {points.map((p) => (
            <circle key={p.index} cx={LEFT + slot / 2 + p.x} cy={TOP + p.y} r={3.5} className="dot">
              <title>{`${data[p.index]?.label}: ${data[p.index]?.display}`}</title>
            </circle>
          ))}
        </>
      )}
      {data.map((d, i) =>
        i % labelEvery === 0 ? (
          <text
            key={`l-${i}`}
            x={LEFT + i * slot + slot / 2}
            y={HEIGHT - 8}
            textAnchor="middle"
            className="chart-tick"
          >
            {d.label}
          </text>
        ) : null,
      )}
    </ChartFrame>
  );
}
