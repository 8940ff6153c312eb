import { fmt } from '../i18n/format';
import { padRows, type CsvPreview } from './csv';
import { airlockText as t } from './strings';

/**
 * A CSV preview as an accessible table: a caption naming the file and how many rows are shown, the
 * first row as column headers. Every cell is React text, never HTML.
 */
export function CsvTable({ name, preview, testId }: { name: string; preview: CsvPreview; testId?: string }) {
  if (preview.rows.length === 0) return <p>{t.files.previewEmpty}</p>;
  const [header = [], ...body] = padRows(preview.rows, preview.width);
  const caption = preview.truncated
    ? fmt(t.files.previewCaption, { name, shown: preview.rows.length, total: preview.total })
    : fmt(t.files.previewCaptionAll, { name, total: preview.total });
  return (
    <div className="table-wrap airlock-preview" tabIndex={0} aria-label={caption} role="region">
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {header.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {body.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <td key={c}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
