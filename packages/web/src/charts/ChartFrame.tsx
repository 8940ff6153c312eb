import { useId, type ReactNode } from 'react';
import { ui } from '../i18n/ui';

/** A row of a chart's data table fallback. */
export interface TableRow {
  key: string;
  cells: string[];
}

interface Props {
  title: string;
  /** A sentence describing the chart for screen readers (read with the title). */
  summary: string;
  width: number;
  height: number;
  columns: string[];
  rows: TableRow[];
  children: ReactNode;
}

/**
 * A chart with its accessible parts: the SVG is one image named by title and summary, and the same
 * data is available as a real table (WCAG 1.1.1 text alternative, 1.3.1 structure).
 */
export function ChartFrame({ title, summary, width, height, columns, rows, children }: Props) {
  const titleId = useId();
  const descId = useId();
  return (
    <figure className="chart">
      <figcaption id={titleId} className="chart-title">
        {title}
      </figcaption>
      <p id={descId} className="visually-hidden">
        {summary}
      </p>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={descId}
        className="chart-svg"
        preserveAspectRatio="xMidYMid meet"
      >
        {children}
      </svg>
      <details className="chart-table">
        <summary>{ui.charts.dataTable}</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                {r.cells.map((c, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {c}
                    </th>
                  ) : (
                    <td key={i} className="num">
                      {c}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
