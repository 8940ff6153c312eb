import { useId } from 'react';
import { Link } from 'react-router-dom';
import type { PermitView } from '@openehds/client';
import { Badge } from '../applications/Badge';
import { fmt, formatDate, formatDateTime } from '../i18n/format';
import { permitActor, permitBadge, versionRows } from './permit-text';
import { permitsText as t } from './strings';

/**
 * Every version of the permit's chain with the dates each governed access and why it began and
 * ended (TEHDAS2 D6.4), and the chain's history with who acted and why.
 */
export function VersionsSection({ view }: { view: PermitView }) {
  const id = useId();
  const rows = versionRows(view.versions, view.history);
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="permit-versions">
      <h2 id={`${id}-title`}>{t.versions.title}</h2>
      <p className="muted">{t.versions.intro}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t.versions.caption}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t.versions.version}
              </th>
              <th scope="col">{t.versions.number}</th>
              <th scope="col">{t.versions.status}</th>
              <th scope="col">{t.versions.valid}</th>
              <th scope="col">{t.versions.inForce}</th>
              <th scope="col">{t.versions.began}</th>
              <th scope="col">{t.versions.ended}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ version: v, began, ended }) => (
              <tr
                key={v.id}
                aria-current={v.id === view.id ? 'true' : undefined}
                data-testid={`version-${v.version}`}
              >
                <td className="num">{v.version}</td>
                <th scope="row" className="nowrap">
                  {v.id === view.id ? (
                    <>
                      <code>{v.id}</code> <span className="muted small">{t.versions.thisOne}</span>
                    </>
                  ) : (
                    <Link to={`/permits/${encodeURIComponent(v.id)}`}>
                      <code>{v.id}</code>
                    </Link>
                  )}
                </th>
                <td>
                  <Badge badge={permitBadge(v)} />
                </td>
                <td className="nowrap">
                  {formatDate(v.validFrom)} – {formatDate(v.validUntil)}
                </td>
                <td>
                  {fmt(t.versions.inForceValue, {
                    from: formatDateTime(v.activeFrom),
                    until: v.activeUntil ? formatDateTime(v.activeUntil) : t.versions.now,
                  })}
                </td>
                <td>{began}</td>
                <td>{ended}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t.history.title}</h3>
      {view.history.length === 0 ? (
        <p>{t.history.empty}</p>
      ) : (
        <ol className="timeline" data-testid="permit-history">
          {view.history.map((e) => (
            <li key={e.seq}>
              <strong>{t.history.events[e.event] ?? e.event}</strong>{' '}
              <code className="small">{e.permitId}</code>{' '}
              <span className="when">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time> ·{' '}
                {fmt(t.history.by, { actor: permitActor(e.actor) })}
              </span>
              {e.reason && (
                <blockquote>
                  <span className="visually-hidden">{t.history.reason}: </span>
                  {e.reason}
                </blockquote>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
