import { useId } from 'react';
import type { AirlockReview } from '@openehds/client';
import { fmt, formatDateTime } from '../i18n/format';
import { REVIEWS_NEEDED } from './airlock-rules';
import { airlockText as t } from './strings';

/** The reviews of the current submission: who, when, and each file's vote and comment. */
export function ReviewsList({
  reviews,
  files,
  title = t.reviews.title,
  reason,
}: {
  reviews: readonly AirlockReview[];
  files: readonly string[];
  title?: string;
  /** The reason given when the request was returned or rejected. */
  reason?: string | null;
}) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="airlock-reviews">
      <h2 id={`${id}-title`}>{title}</h2>
      {reason && (
        <div className="alert" data-testid="airlock-return-reason">
          <p className="alert-title">{t.reviews.returnReason}</p>
          <p>{reason}</p>
        </div>
      )}
      <p>{fmt(t.reviews.progress, { n: Math.min(reviews.length, REVIEWS_NEEDED) })}</p>
      {reviews.length === 0 ? (
        <p>{t.reviews.none}</p>
      ) : (
        reviews.map((r, i) => (
          <div key={r.reviewerId} data-testid={`airlock-review-${r.reviewer}`}>
            <h3 id={`${id}-r${i}`}>
              {fmt(t.reviews.by, { who: r.reviewer })}{' '}
              <span className="muted small">{fmt(t.reviews.at, { at: formatDateTime(r.at) })}</span>
            </h3>
            <div className="table-wrap">
              <table aria-labelledby={`${id}-r${i}`}>
                <thead>
                  <tr>
                    <th scope="col">{t.reviews.file}</th>
                    <th scope="col">{t.reviews.vote}</th>
                    <th scope="col">{t.reviews.comment}</th>
                  </tr>
                </thead>
                <tbody>
                  {files.map((f) => (
                    <tr key={f}>
                      <th scope="row">
                        <code>{f}</code>
                      </th>
                      <td>{r.votes[f] ? t.votes[r.votes[f]] : '–'}</td>
                      <td className="airlock-comment">{r.comments[f]?.trim() || t.reviews.noComment}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))
      )}
    </section>
  );
}
