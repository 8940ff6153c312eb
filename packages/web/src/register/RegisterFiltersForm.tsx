import { useId, useState, type FormEvent } from 'react';
import { RESULT_KINDS } from '@openehds/client';
import { nameOf } from '../i18n/format';
import type { RegisterFilters } from './register-list';
import { registerText as t } from './strings';

const APPLICATION_STATUSES = [
  'SUBMITTED',
  'PRE_SCREENING',
  'PROCESSING',
  'AWAITING_ADDITIONAL_INFORMATION',
  'DECISION_ISSUED',
  'WITHDRAWN',
];
const OUTCOMES = ['GRANTED', 'PARTIALLY_GRANTED', 'REFUSED', 'ANSWERED_AS_REQUEST'];
const PERMIT_STATES = ['REVOKED', 'EXPIRED'];

/** The status choices of a part of the register. */
function statusOptions(tab: RegisterFilters['tab']): { value: string; label: string }[] {
  if (tab === 'applications')
    return [
      ...APPLICATION_STATUSES.map((s) => ({ value: s, label: nameOf(t.statuses, s) })),
      ...OUTCOMES.map((s) => ({ value: s, label: nameOf(t.outcomes, s) })),
    ];
  if (tab === 'decisions')
    return [
      ...OUTCOMES.map((s) => ({ value: s, label: nameOf(t.outcomes, s) })),
      ...PERMIT_STATES.map((s) => ({ value: s, label: nameOf(t.permitStatuses, s) })),
      { value: 'overdue', label: t.decisions.overdue },
    ];
  return [];
}

/**
 * The register's filters: reference and date go to the hub; words, kind and status filter the entries
 * loaded (the hub's register API has no such parameters), which the form says.
 */
export function RegisterFiltersForm({
  filters,
  onApply,
}: {
  filters: RegisterFilters;
  onApply: (f: RegisterFilters) => void;
}) {
  const id = useId();
  const [f, setF] = useState(filters);
  const set = (change: Partial<RegisterFilters>) => setF((x) => ({ ...x, ...change }));
  const statuses = statusOptions(filters.tab);
  const kinds =
    filters.tab === 'results'
      ? RESULT_KINDS.map((k) => ({ value: k, label: nameOf(t.results.kinds, k) }))
      : ['application', 'request'].map((k) => ({ value: k, label: nameOf(t.kinds, k) }));

  function apply(e: FormEvent) {
    e.preventDefault();
    onApply({ ...f, tab: filters.tab });
  }

  return (
    <form
      className="card form register-filters"
      role="search"
      aria-labelledby={`${id}-title`}
      onSubmit={apply}
    >
      <h2 id={`${id}-title`} className="visually-hidden">
        {t.filters.title}
      </h2>
      <div className="two-col">
        <div className="field">
          <label htmlFor={`${id}-ref`}>{t.filters.reference}</label>
          <p id={`${id}-ref-hint`} className="hint">
            {t.filters.referenceHint}
          </p>
          <input
            id={`${id}-ref`}
            type="text"
            value={f.reference}
            aria-describedby={`${id}-ref-hint`}
            onChange={(e) => set({ reference: e.target.value })}
            data-testid="register-reference"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-since`}>{t.filters.since}</label>
          <p id={`${id}-since-hint`} className="hint">
            {t.filters.sinceHint}
          </p>
          <input
            id={`${id}-since`}
            type="date"
            value={f.since}
            aria-describedby={`${id}-since-hint`}
            onChange={(e) => set({ since: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-text`}>{t.filters.text}</label>
          <p id={`${id}-text-hint`} className="hint">
            {t.filters.textHint}
          </p>
          <input
            id={`${id}-text`}
            type="search"
            value={f.text}
            aria-describedby={`${id}-text-hint`}
            onChange={(e) => set({ text: e.target.value })}
            data-testid="register-text"
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t.filters.kind}</label>
          <select
            id={`${id}-kind`}
            value={f.kind}
            onChange={(e) => set({ kind: e.target.value })}
            data-testid="register-kind"
          >
            <option value="">{t.filters.anyKind}</option>
            {kinds.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </div>
        {statuses.length > 0 && (
          <div className="field">
            <label htmlFor={`${id}-status`}>{t.filters.status}</label>
            <select
              id={`${id}-status`}
              value={f.status}
              onChange={(e) => set({ status: e.target.value })}
              data-testid="register-status"
            >
              <option value="">{t.filters.anyStatus}</option>
              {statuses.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </select>
          </div>
        )}
        {filters.tab === 'results' && (
          <div className="field checkbox">
            <input
              type="checkbox"
              id={`${id}-ai`}
              checked={f.status === 'ai'}
              onChange={(e) => set({ status: e.target.checked ? 'ai' : '' })}
            />
            <label htmlFor={`${id}-ai`}>{t.filters.aiOnly}</label>
          </div>
        )}
      </div>
      <p className="hint">{t.filters.localNote}</p>
      <div className="actions">
        <button type="submit" className="button" data-testid="register-apply">
          {t.filters.apply}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() =>
            onApply({ tab: filters.tab, reference: '', since: '', text: '', kind: '', status: '' })
          }
        >
          {t.filters.clear}
        </button>
      </div>
    </form>
  );
}
