import { ui } from '../i18n/ui';
import { fmt } from '../i18n/format';
import { ChartFrame } from './ChartFrame';
import { countText, pyramidRows, type PyramidCellLike, type PyramidRow } from './chart-data';
import { linearScale, maxOf, niceMax, shortNumber, ticks } from './scale';

interface Props {
  title: string;
  cells: readonly PyramidCellLike[];
  threshold: number | null;
}

const WIDTH = 640;
const ROW = 18;
const BAND_W = 60;
const TOP = 22;
const AXIS = 24;

/** Age/sex population pyramid: females to the left, males to the right, oldest band on top. */
export function PopulationPyramid({ title, cells, threshold }: Props) {
  const rows: PyramidRow[] = pyramidRows(cells);
  const max = niceMax(
    maxOf(
      rows.flatMap((r) => [
        r.female.suppressed ? null : r.female.count,
        r.male.suppressed ? null : r.male.count,
      ]),
    ),
  );
  const half = (WIDTH - BAND_W) / 2;
  const x = linearScale(max, half - 40);
  const mid = WIDTH / 2;
  const height = TOP + rows.length * ROW + AXIS;
  const text = (c: PyramidRow['female']) => countText(c, threshold, ui.charts.suppressed);
  return (
    <ChartFrame
      title={title}
      summary={fmt(ui.charts.pyramidSummary, { bands: rows.length })}
      width={WIDTH}
      height={height}
      columns={[ui.charts.ageBand, ui.charts.female, ui.charts.male]}
      rows={rows.map((r) => ({ key: r.band, cells: [r.band, text(r.female), text(r.male)] }))}
    >
      <text x={mid - BAND_W / 2 - 8} y={14} textAnchor="end" className="chart-legend female-text">
        {ui.charts.female}
      </text>
      <text x={mid + BAND_W / 2 + 8} y={14} className="chart-legend male-text">
        {ui.charts.male}
      </text>
      {rows.map((r, i) => {
        const y = TOP + i * ROW;
        const fw = r.female.suppressed || r.female.count === null ? 0 : x(r.female.count);
        const mw = r.male.suppressed || r.male.count === null ? 0 : x(r.male.count);
        return (
          <g key={r.band}>
            <rect x={mid - BAND_W / 2 - fw} y={y + 2} width={fw} height={ROW - 4} className="bar female" />
            <rect x={mid + BAND_W / 2} y={y + 2} width={mw} height={ROW - 4} className="bar male" />
            <text
              x={mid}
              y={y + ROW / 2}
              textAnchor="middle"
              dominantBaseline="middle"
              className="chart-label"
            >
              {r.band}
            </text>
            {(r.female.suppressed || fw === 0) && (
              <text
                x={mid - BAND_W / 2 - 4}
                y={y + ROW / 2}
                textAnchor="end"
                dominantBaseline="middle"
                className="chart-value"
              >
                {text(r.female)}
              </text>
            )}
            {(r.male.suppressed || mw === 0) && (
              <text
                x={mid + BAND_W / 2 + 4}
                y={y + ROW / 2}
                dominantBaseline="middle"
                className="chart-value"
              >
                {text(r.male)}
              </text>
            )}
          </g>
        );
      })}
      {ticks(max, 2).map((t) => (
        <g key={t}>
          <text x={mid - BAND_W / 2 - x(t)} y={height - 6} textAnchor="middle" className="chart-tick">
            {shortNumber(t)}
          </text>
          {t > 0 && (
            <text x={mid + BAND_W / 2 + x(t)} y={height - 6} textAnchor="middle" className="chart-tick">
              {shortNumber(t)}
            </text>
          )}
        </g>
      ))}
    </ChartFrame>
  );
}
