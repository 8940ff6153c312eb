import type { ApplicationView } from '@openehds/client';
import { fmt, formatDate, formatDateTime } from '../i18n/format';
import { Badge } from './Badge';
import { clockArticle, clockBadge, remainingText } from './clock-text';
import { applicationsText as t } from './strings';

/** The statutory clocks of a file (EHDS.md §6): due date, time left, and an overdue or at-risk badge. */
export function ClocksPanel({ view }: { view: Pick<ApplicationView, 'id' | 'clocks' | 'extension'> }) {
  const started = view.clocks.clocks.filter((c) => c.state !== 'not-started');
  return (
    <section aria-labelledby={`clocks-${view.id}`} className="card" data-testid="clocks">
      <h2 id={`clocks-${view.id}`}>{t.clocks.title}</h2>
      {view.extension && (
        <p className="alert">
          {fmt(t.clocks.extended, { at: formatDateTime(view.extension.at), reason: view.extension.reason })}
        </p>
      )}
      {started.length === 0 ? (
        <p>{t.clocks.noClocks}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.clocks.clock}</th>
                <th scope="col">{t.clocks.state}</th>
                <th scope="col">{t.clocks.due}</th>
                <th scope="col">{t.clocks.remaining}</th>
                <th scope="col">{t.clocks.article}</th>
              </tr>
            </thead>
            <tbody>
              {started.map((c) => (
                <tr key={c.name} data-testid={`clock-${c.name}`}>
                  <th scope="row">{t.clocks.names[c.name] ?? c.name}</th>
                  <td>
                    <Badge badge={clockBadge(c)} />
                  </td>
                  <td className="nowrap">{formatDate(c.dueAt) || t.content.none}</td>
                  <td>{remainingText(c) || t.content.none}</td>
                  <td>{clockArticle(c)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
