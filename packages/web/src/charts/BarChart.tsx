import { ui } from '../i18n/ui';
import { fmt } from '../i18n/format';
import { ChartFrame } from './ChartFrame';
import type { ChartDatum } from './chart-data';
import { linearScale, maxOf, niceMax } from './scale';

interface Props {
  title: string;
  data: ChartDatum[];
  valueLabel?: string;
  categoryLabel?: string;
}

const ROW = 26;
const LABEL_W = 220;
const VALUE_W = 70;
const WIDTH = 640;

/** Horizontal bar chart: long category labels (condition names) stay readable. */
export function BarChart({
  title,
  data,
  valueLabel = ui.charts.count,
  categoryLabel = ui.charts.label,
}: Props) {
  const max = maxOf(data.map((d) => d.value));
  const barW = WIDTH - LABEL_W - VALUE_W;
  const x = linearScale(niceMax(max), barW);
  const height = Math.max(ROW, data.length * ROW) + 8;
  const biggest = data.find((d) => d.value === max);
  return (
    <ChartFrame
      title={title}
      summary={
        data.length
          ? fmt(ui.charts.barSummary, {
              n: data.length,
              max: biggest ? `${biggest.label} (${biggest.display})` : '',
            })
          : ui.charts.noData
      }
      width={WIDTH}
      height={height}
      columns={[categoryLabel, valueLabel]}
      rows={data.map((d, i) => ({ key: `${i}-${d.label}`, cells: [d.label, d.display] }))}
    >
      {data.map((d, i) => {
        const y = 4 + i * ROW;
        const label = d.label.length > 34 ? `${d.label.slice(0, 33)}…` : d.label;
        return (
          <g key={`${i}-${d.label}`}>
            <text
              x={LABEL_W - 8}
              y={y + ROW / 2}
              textAnchor="end"
              dominantBaseline="middle"
              className="chart-label"
            >
              {label}
            </text>
            {d.value !== null && (
              <rect x={LABEL_W} y={y + 4} width={Math.max(1, x(d.value))} height={ROW - 8} className="bar" />
            )}
            <text
              x={LABEL_W + (d.value !== null ? x(d.value) : 0) + 6}
              y={y + ROW / 2}
              dominantBaseline="middle"
              className="chart-value"
            >
              {d.display}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
