import { useId, useState } from 'react';
import type { PermitSummary } from '@openehds/client';
import { formatDate } from '../i18n/format';
import { caseStudiesText as t } from './strings';

/** "Pre-fill from my permit": a choice among the user's permits and an optional use-case id. Exported for tests. */
export function PrefillPicker(props: {
  permits: readonly PermitSummary[];
  busy: boolean;
  onPrefill: (permitId: string, useCaseId: string) => void;
}) {
  const { permits, busy, onPrefill } = props;
  const id = useId();
  const [permitId, setPermitId] = useState('');
  const [useCaseId, setUseCaseId] = useState('');
  return (
    <section aria-labelledby={`${id}-h`} className="card case-study-prefill" data-testid="case-study-prefill">
      <h2 id={`${id}-h`}>{t.editor.prefillTitle}</h2>
      <p className="muted">{t.editor.prefillIntro}</p>
      {permits.length === 0 ? (
        <p data-testid="case-study-prefill-none">{t.editor.noPermits}</p>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (permitId) onPrefill(permitId, useCaseId);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-permit`}>{t.editor.permitLabel}</label>
            <select
              id={`${id}-permit`}
              value={permitId}
              required
              data-testid="case-study-prefill-permit"
              onChange={(e) => setPermitId(e.target.value)}
            >
              <option value="">{t.editor.choosePermit}</option>
              {permits.map((p) => (
                <option key={p.id} value={p.id}>
                  {`${p.id} · ${p.datasets.join(', ')} · ${formatDate(p.validFrom)}–${formatDate(p.validUntil)}`}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-uc`}>{t.editor.useCaseLabel}</label>
            <input
              id={`${id}-uc`}
              value={useCaseId}
              data-testid="case-study-prefill-use-case"
              onChange={(e) => setUseCaseId(e.target.value)}
            />
          </div>
          <button
            type="submit"
            className="button"
            disabled={busy || !permitId}
            data-testid="case-study-prefill-submit"
          >
            {t.editor.prefill}
          </button>
        </form>
      )}
    </section>
  );
}
