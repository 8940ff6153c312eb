import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, type ApplicationView, type Decision } from '@openehds/client';
import { applicationsApi } from '../applications/api';
import { placeIssues } from '../applications/issue-fields';
import { applicationsText } from '../applications/strings';
import { ErrorBox } from '../components/ErrorBox';
import { FieldErrors } from '../components/fields';
import { fmt } from '../i18n/format';
import {
  decisionBody,
  emptyDecisionForm,
  needsDatasets,
  needsValidity,
  outcomeChoices,
  type DecisionFormState,
} from './decision-form';
import { backofficeText as t } from './strings';

const FIELDS = [
  'outcome',
  'reasons',
  'validFrom',
  'validUntil',
  'grantedDatasets',
  'conditions',
  'optOutExceptionGranted',
];

/**
 * The decision (Art. 68(3), (9), (10)): an outcome among those the assessment allows, reasons, and
 * for a grant the permit's validity, datasets (partial grant), conditions and the opt-out exception.
 * The hub signs it; the signed decision and the permit number then replace this form.
 */
export function DecisionForm({
  view,
  onDecision,
}: {
  view: ApplicationView;
  onDecision: (d: Decision) => void;
}) {
  const id = useId();
  const [form, setForm] = useState<DecisionFormState>(emptyDecisionForm);
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<Record<string, string[]>>({});
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const status = useRef<HTMLDivElement>(null);
  const choices = outcomeChoices(view);
  const datasets = view.content.datasets ?? [];
  const set = (patch: Partial<DecisionFormState>) => setForm((f) => ({ ...f, ...patch }));
  const err = (field: string) => issues[field];
  const describedBy = (field: string, hint?: boolean) =>
    [hint ? `${id}-${field}-hint` : '', err(field) ? `${id}-${field}-err` : ''].filter(Boolean).join(' ') ||
    undefined;

  async function issue(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const local: Record<string, string[]> = {};
    if (!form.outcome) local.outcome = [t.decision.outcomeMissing];
    if (!form.reasons.trim()) local.reasons = [t.decision.reasonsMissing];
    const body = decisionBody(form, view);
    if (!body || Object.keys(local).length) {
      setIssues(local);
      setUnplaced([]);
      setTimeout(() => status.current?.focus(), 0);
      return;
    }
    setBusy(true);
    try {
      onDecision(await applicationsApi.decide(view.id, body));
    } catch (caught) {
      if (caught instanceof ApiError && caught.status === 400 && caught.issues.length) {
        const placed = placeIssues(caught.issues, FIELDS);
        setIssues(placed.byField);
        setUnplaced(placed.unplaced.map((u) => (u.path ? `${u.path}: ${u.message}` : u.message)));
      } else setError(caught);
      setTimeout(() => status.current?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  if (choices.length === 0)
    return (
      <section aria-labelledby={`${id}-title`} className="card" data-testid="decision-form">
        <h2 id={`${id}-title`}>{t.decision.title}</h2>
        <p>{t.decision.outcomeNone}</p>
      </section>
    );

  const hasIssues = Object.keys(issues).length > 0 || unplaced.length > 0;
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="decision-form">
      <h2 id={`${id}-title`}>{t.decision.title}</h2>
      <p>{t.decision.intro}</p>
      <div ref={status} tabIndex={-1} className="form-status">
        {hasIssues && (
          <div className="alert alert-error" role="alert">
            <p className="alert-title">{t.decision.failed}</p>
            {unplaced.length > 0 && (
              <ul>
                {unplaced.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {error != null && <ErrorBox error={error} />}
      </div>
      <form onSubmit={(e) => void issue(e)} className="form" noValidate>
        <fieldset className={err('outcome') ? 'has-error' : ''} aria-describedby={describedBy('outcome')}>
          <legend>
            {t.decision.outcome}
            <span aria-hidden="true"> *</span>
          </legend>
          <FieldErrors id={`${id}-outcome-err`} errors={err('outcome')} />
          <ul className="option-list">
            {choices.map(({ outcome, blocked }) => (
              <li key={outcome} className={blocked ? 'disabled' : ''}>
                <input
                  type="radio"
                  id={`${id}-o-${outcome}`}
                  name={`${id}-outcome`}
                  checked={form.outcome === outcome}
                  disabled={blocked !== null}
                  aria-describedby={blocked ? `${id}-consent` : undefined}
                  onChange={() => set({ outcome })}
                  data-testid={`outcome-${outcome}`}
                />
                <label htmlFor={`${id}-o-${outcome}`}>{applicationsText.outcomes[outcome]}</label>
              </li>
            ))}
          </ul>
          {choices.some((c) => c.blocked) && (
            <p id={`${id}-consent`} className="hint">
              {t.decision.answeredNeedsConsent}
            </p>
          )}
        </fieldset>
        <div className={`field ${err('reasons') ? 'has-error' : ''}`}>
          <label htmlFor={`${id}-reasons`}>
            {t.decision.reasons}
            <span aria-hidden="true"> *</span>
          </label>
          <p id={`${id}-reasons-hint`} className="hint">
            {t.decision.reasonsHint}
          </p>
          <textarea
            id={`${id}-reasons`}
            rows={5}
            value={form.reasons}
            required
            aria-invalid={err('reasons') ? true : undefined}
            aria-describedby={describedBy('reasons', true)}
            onChange={(e) => set({ reasons: e.target.value })}
            data-testid="decision-reasons"
          />
          <FieldErrors id={`${id}-reasons-err`} errors={err('reasons')} />
        </div>
        {needsValidity(form.outcome, view.kind) && (
          <>
            <p id={`${id}-validFrom-hint`} className="hint">
              {t.decision.validityHint}
            </p>
            <div className="two-col">
              {(['validFrom', 'validUntil'] as const).map((field) => (
                <div key={field} className={`field ${err(field) ? 'has-error' : ''}`}>
                  <label htmlFor={`${id}-${field}`}>
                    {field === 'validFrom' ? t.decision.validFrom : t.decision.validUntil}
                    <span aria-hidden="true"> *</span>
                  </label>
                  <input
                    id={`${id}-${field}`}
                    type="date"
                    value={form[field]}
                    required
                    aria-invalid={err(field) ? true : undefined}
                    aria-describedby={[`${id}-validFrom-hint`, err(field) ? `${id}-${field}-err` : '']
                      .filter(Boolean)
                      .join(' ')}
                    onChange={(e) => set({ [field]: e.target.value })}
                    data-testid={`decision-${field}`}
                  />
                  <FieldErrors id={`${id}-${field}-err`} errors={err(field)} />
                </div>
              ))}
            </div>
          </>
        )}
        {needsDatasets(form.outcome) && (
          <fieldset
            className={err('grantedDatasets') ? 'has-error' : ''}
            aria-describedby={describedBy('grantedDatasets', true)}
          >
            <legend>{t.decision.grantedDatasets}</legend>
            <p id={`${id}-grantedDatasets-hint`} className="hint">
              {t.decision.grantedHint}
            </p>
            <FieldErrors id={`${id}-grantedDatasets-err`} errors={err('grantedDatasets')} />
            <ul className="option-list">
              {datasets.map((d) => (
                <li key={d.datasetId}>
                  <input
                    type="checkbox"
                    id={`${id}-ds-${d.datasetId}`}
                    checked={form.grantedDatasets.includes(d.datasetId)}
                    onChange={(e) =>
                      set({
                        grantedDatasets: e.target.checked
                          ? [...form.grantedDatasets, d.datasetId]
                          : form.grantedDatasets.filter((x) => x !== d.datasetId),
                      })
                    }
                  />
                  <label htmlFor={`${id}-ds-${d.datasetId}`}>
                    {d.title || d.datasetId} <code>{d.datasetId}</code>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        {needsValidity(form.outcome, view.kind) && (
          <>
            <div className={`field ${err('conditions') ? 'has-error' : ''}`}>
              <label htmlFor={`${id}-conditions`}>{t.decision.conditions}</label>
              <p id={`${id}-conditions-hint`} className="hint">
                {t.decision.conditionsHint}
              </p>
              <textarea
                id={`${id}-conditions`}
                rows={4}
                value={form.conditions}
                aria-invalid={err('conditions') ? true : undefined}
                aria-describedby={describedBy('conditions', true)}
                onChange={(e) => set({ conditions: e.target.value })}
              />
              <FieldErrors id={`${id}-conditions-err`} errors={err('conditions')} />
            </div>
            {view.content.optOutException?.requested && (
              <div className="field checkbox">
                <input
                  type="checkbox"
                  id={`${id}-optout`}
                  checked={form.optOutExceptionGranted}
                  onChange={(e) => set({ optOutExceptionGranted: e.target.checked })}
                />
                <label htmlFor={`${id}-optout`}>{t.decision.optOut}</label>
              </div>
            )}
          </>
        )}
        <button type="submit" className="button" disabled={busy} data-testid="issue-decision">
          {busy ? t.decision.issuing : t.decision.issue}
        </button>
      </form>
    </section>
  );
}

/** The outcome of issuing: which permit (if any) the decision granted. */
export function issuedText(decision: Decision): string {
  return decision.permitId ? fmt(t.decision.permitIssued, { permit: decision.permitId }) : t.decision.issued;
}
