import type { ApplicationHistoryEvent } from '@openehds/client';
import { fmt, formatDateTime } from '../i18n/format';
import { actorName, eventLabel } from './status-text';
import { applicationsText as t } from './strings';

/** The status history, oldest first: what happened, who did it, when (UTC) and why. */
export function Timeline({ history, id }: { history: readonly ApplicationHistoryEvent[]; id: string }) {
  return (
    <section aria-labelledby={`timeline-${id}`} className="card" data-testid="timeline">
      <h2 id={`timeline-${id}`}>{t.file.timeline}</h2>
      {history.length === 0 ? (
        <p>{t.file.timelineEmpty}</p>
      ) : (
        <ol className="timeline">
          {history.map((e) => (
            <li key={e.seq}>
              <strong>{eventLabel(e)}</strong>{' '}
              <span className="when">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time> ·{' '}
                {fmt(t.file.by, { actor: actorName(e.actor) })}
              </span>
              {e.reason && (
                <blockquote>
                  <span className="visually-hidden">{t.file.reason}: </span>
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
