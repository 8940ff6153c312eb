import { ui } from '../i18n/ui';

/** One QUANTUM dimension of a quality label, as shown to people (score 0–100, or null when not assessed). */
export interface DimensionRow {
  id: string;
  name: string;
  group: string;
  weight: number;
  score: number | null;
  /** What the score rests on, already in words. */
  source: string;
}

/** The label's dimensions with weight, score and basis, folded under a summary (Art. 78, QUANTUM). */
export function DimensionsTable({ summary, rows }: { summary: string; rows: DimensionRow[] }) {
  if (rows.length === 0) return null;
  return (
    <details>
      <summary>{summary}</summary>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{ui.dataset.dimension}</th>
              <th scope="col">{ui.dataset.group}</th>
              <th scope="col" className="num">
                {ui.dataset.weight}
              </th>
              <th scope="col" className="num">
                {ui.dataset.score}
              </th>
              <th scope="col">{ui.dataset.source}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.name}</th>
                <td>{d.group}</td>
                <td className="num">{d.weight}</td>
                <td className="num">{d.score == null ? '–' : Math.round(d.score)}</td>
                <td>{d.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
