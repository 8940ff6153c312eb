import type { Recommendation } from '@openehds/client';
import { fmt, formatDate } from '../i18n/format';
import { roadmapText as t } from './strings';

/** The recommendations as a captioned table; staff get an Edit button per row. */
export function RecommendationsTable({
  items,
  status,
  canEdit,
  onEdit,
}: {
  items: readonly Recommendation[];
  status: string;
  canEdit: boolean;
  onEdit: (r: Recommendation) => void;
}) {
  if (!items.length) return <p data-testid="recommendations-empty">{t.none}</p>;
  return (
    <table className="roadmap-table" data-testid="recommendations-table">
      <caption>
        {status ? fmt(t.captionFiltered, { status: t.recStatuses[status] ?? status }) : t.caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t.colTitle}</th>
          <th scope="col">{t.colOwner}</th>
          <th scope="col">{t.colStatus}</th>
          <th scope="col">{t.colTarget}</th>
          <th scope="col">{t.colKpis}</th>
          {canEdit && <th scope="col">{t.colActions}</th>}
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id} data-testid={`recommendation-${r.id}`}>
            <th scope="row">
              {r.title}
              <details>
                <summary>{t.rationale}</summary>
                <p>{r.rationale}</p>
              </details>
            </th>
            <td>{r.owner}</td>
            <td>
              <span className={`status-badge status-${r.status}`}>{t.recStatuses[r.status] ?? r.status}</span>
            </td>
            <td>{r.targetDate ? formatDate(r.targetDate) : t.noDate}</td>
            <td>
              {r.kpiKeys.map((k) => (
                <code key={k} className="kpi-key">
                  {k}
                </code>
              ))}
            </td>
            {canEdit && (
              <td>
                <button
                  type="button"
                  className="button secondary small"
                  aria-label={fmt(t.editLabel, { title: r.title })}
                  data-testid={`recommendation-edit-${r.id}`}
                  onClick={() => onEdit(r)}
                >
                  {t.edit}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
