import { useId } from 'react';
import { Link } from 'react-router-dom';
import { airlockText } from '../airlock/strings';
import { formatDateTime } from '../i18n/format';
import { workspaceText as t } from './strings';
import type { AirlockOutput } from './types';

/** The permit's outputs: airlock requests with their review status, each linked to its page. */
export function OutputsSection({ outputs }: { outputs: AirlockOutput[] }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="workspace-outputs">
      <h2 id={`${id}-title`}>{t.outputs.title}</h2>
      <p className="muted">{t.outputs.intro}</p>
      {outputs.length === 0 ? (
        <p>{t.outputs.none}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t.outputs.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.outputs.request}</th>
                <th scope="col">{t.outputs.status}</th>
                <th scope="col">{t.outputs.created}</th>
              </tr>
            </thead>
            <tbody>
              {outputs.map((o) => (
                <tr key={o.id} data-testid={`workspace-output-${o.id}`}>
                  <th scope="row">
                    <Link to={`/airlock/${encodeURIComponent(o.id)}`}>{o.reference}</Link>
                  </th>
                  <td>{airlockText.statuses[o.status] ?? o.status}</td>
                  <td className="nowrap">{formatDateTime(o.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
