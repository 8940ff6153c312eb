import type { CountTableJson } from '@openehds/client';
import { formatNumber } from '../i18n/format';
import { analysisText as a } from './analysis-strings';

/** A released count, or "suppressed" where disclosure control withheld it at a node. */
export function Count({ value }: { value: number | null | undefined }) {
  return value === null || value === undefined ? (
    <span className="muted" data-suppressed="true">
      {a.result.suppressed}
    </span>
  ) : (
    <>{formatNumber(value)}</>
  );
}

/** Whether any released count of a table was withheld. */
export function hasSuppressed(t: CountTableJson): boolean {
  const line = (l?: (number | null)[]) => (l ?? []).some((c) => c === null);
  return t.cells.some((r) => line(r)) || line(t.rowTotals) || line(t.columnTotals) || t.grandTotal === null;
}

interface Props {
  table: CountTableJson;
  caption: string;
  /** The heading of the row labels' column. */
  corner: string;
  /** Column headings (default: the table's columns). */
  columnLabels?: string[];
  testId?: string;
}

/** A pooled count table with its totals; withheld cells say so. */
export function CountTable({ table, caption, corner, columnLabels = table.columns, testId }: Props) {
  const totals = table.rowTotals !== undefined;
  return (
    <div className="table-wrap">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {columnLabels.map((c) => (
              <th key={c} scope="col" className="num">
                {c}
              </th>
            ))}
            {totals && (
              <th scope="col" className="num">
                {a.result.total}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={r}>
              <th scope="row">{r}</th>
              {table.cells[i]!.map((c, j) => (
                <td key={j} className="num">
                  <Count value={c} />
                </td>
              ))}
              {totals && (
                <td className="num">
                  <Count value={table.rowTotals![i]} />
                </td>
              )}
            </tr>
          ))}
          {table.columnTotals && (
            <tr>
              <th scope="row">{a.result.total}</th>
              {table.columnTotals.map((c, j) => (
                <td key={j} className="num">
                  <Count value={c} />
                </td>
              ))}
              {totals && (
                <td className="num">
                  <Count value={table.grandTotal} />
                </td>
              )}
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
