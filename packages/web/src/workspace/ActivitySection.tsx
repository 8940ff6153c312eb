import { useId } from 'react';
import { formatDateTime } from '../i18n/format';
import { workspaceText as t } from './strings';
import type { ActivityEvent } from './types';

/** The caller's own audited actions in this workspace (issue 4 §3). */
export function ActivitySection({ activity }: { activity: ActivityEvent[] }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="workspace-activity">
      <h2 id={`${id}-title`}>{t.activity.title}</h2>
      <p className="muted">{t.activity.intro}</p>
      {activity.length === 0 ? (
        <p>{t.activity.none}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t.activity.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.activity.at}</th>
                <th scope="col">{t.activity.action}</th>
                <th scope="col">{t.activity.outcome}</th>
              </tr>
            </thead>
            <tbody>
              {activity.map((e, i) => (
                <tr key={e.seq ?? i}>
                  <td className="nowrap">{formatDateTime(e.at)}</td>
                  <th scope="row">
                    <code>{e.action}</code>
                  </th>
                  <td>{e.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
