import { useId } from 'react';
import type { AirlockEvent } from '@openehds/client';
import { fmt, formatDateTime } from '../i18n/format';
import { actorText } from './airlock-rules';
import { airlockText as t } from './strings';

/** Every step of the request, oldest first: when, who, what, the status change and any reason. */
export function HistoryList({ history }: { history: readonly AirlockEvent[] }) {
  const id = useId();
  const status = (s: string | null) => (s ? (t.statuses[s] ?? s) : '–');
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>{t.history.title}</h2>
      <div className="table-wrap">
        <table data-testid="airlock-history">
          <caption className="visually-hidden">{t.history.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.history.when}</th>
              <th scope="col">{t.history.who}</th>
              <th scope="col">{t.history.what}</th>
              <th scope="col">{t.history.status}</th>
              <th scope="col">{t.history.reason}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((e, i) => (
              <tr key={i} data-action={e.action}>
                <td className="nowrap">{formatDateTime(e.at)}</td>
                <td>{actorText(e.actor)}</td>
                <td>{t.actions[e.action] ?? e.action}</td>
                <td>{fmt(t.history.change, { from: status(e.fromStatus), to: status(e.toStatus) })}</td>
                <td className="airlock-comment">{e.reason ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
