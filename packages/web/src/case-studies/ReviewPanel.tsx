import { useId, useState } from 'react';
import type { CaseStudyAction, CaseStudyView } from '@openehds/client';
import { caseStudiesText as t } from './strings';

/**
 * HDAB staff's controls on a case study they did not write (four eyes): publish, or return it with a
 * reason; take a published one down with a reason. Exported for the markup test.
 */
export function ReviewPanel(props: {
  cs: CaseStudyView;
  busy: boolean;
  onMove: (action: CaseStudyAction, reason?: string) => void;
}) {
  const { cs, busy, onMove } = props;
  const [reason, setReason] = useState('');
  const id = useId();
  if (!cs.can.review && !cs.can.unpublish) return null;
  const review = cs.can.review;
  return (
    <section aria-labelledby={`${id}-h`} className="card case-study-review" data-testid="case-study-review">
      <h2 id={`${id}-h`}>{review ? t.review.title : t.review.unpublishTitle}</h2>
      {review && <p className="muted">{t.review.intro}</p>}
      {review && (
        <p>
          <button
            type="button"
            className="button"
            disabled={busy}
            data-testid="case-study-publish"
            onClick={() => onMove('publish')}
          >
            {t.review.publish}
          </button>
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-reason`}>{review ? t.review.reasonLabel : t.review.unpublishLabel}</label>
        <p id={`${id}-hint`} className="hint">
          {t.review.reasonHint}
        </p>
        <textarea
          id={`${id}-reason`}
          rows={3}
          value={reason}
          aria-describedby={`${id}-hint`}
          data-testid="case-study-reason"
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      <button
        type="button"
        className="button secondary"
        disabled={busy || !reason.trim()}
        data-testid={review ? 'case-study-return' : 'case-study-unpublish'}
        onClick={() => onMove(review ? 'return' : 'unpublish', reason)}
      >
        {review ? t.review.return : t.review.unpublish}
      </button>
    </section>
  );
}
