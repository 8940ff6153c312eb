import { useId, useState, type FormEvent } from 'react';
import {
  CRITERION_IDS,
  VERDICTS,
  type ApplicationView,
  type Assessment,
  type CriterionAssessment,
  type CriterionId,
  type Verdict,
} from '@openehds/client';
import { applicationsApi } from '../applications/api';
import { applicationsText } from '../applications/strings';
import { useAuth } from '../auth/AuthContext';
import { ErrorBox } from '../components/ErrorBox';
import { FieldErrors } from '../components/fields';
import { fmt } from '../i18n/format';
import { backofficeText as t } from './strings';

/**
 * The assessment checklist of Art. 68(1)(a)–(h) and 68(2): a verdict and justification per point,
 * with its assessor; under the four-eyes rule a second member of staff confirms each point.
 */
export function AssessmentChecklist({
  view,
  onAssessment,
}: {
  view: ApplicationView;
  onAssessment: (a: Assessment) => void;
}) {
  const id = useId();
  const editable = view.status === 'PROCESSING';
  const items = new Map((view.assessment?.items ?? []).map((i) => [i.criterion, i]));
  const state = view.assessment?.state;
  const done = items.size;
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="assessment">
      <h2 id={`${id}-title`}>{t.assessment.title}</h2>
      <p>{t.assessment.intro}</p>
      {view.fourEyes && <p className="alert">{t.assessment.fourEyes}</p>}
      {!editable && <p className="muted">{t.assessment.readOnly}</p>}
      {state && (
        <p role="status" data-testid="assessment-summary">
          {fmt(t.assessment.summary, {
            done,
            total: CRITERION_IDS.length,
            unconfirmed: state.unconfirmed.length,
            failed: state.failed.length,
          })}{' '}
          {state.allowedOutcomes.length
            ? fmt(t.assessment.allowed, {
                outcomes: state.allowedOutcomes.map((o) => applicationsText.outcomes[o]).join(', '),
              })
            : t.assessment.allowedNone}
        </p>
      )}
      {CRITERION_IDS.map((criterion) => (
        <CriterionForm
          key={criterion}
          applicationId={view.id}
          criterion={criterion}
          item={items.get(criterion)}
          editable={editable}
          fourEyes={view.fourEyes}
          onAssessment={onAssessment}
        />
      ))}
    </section>
  );
}

function CriterionForm({
  applicationId,
  criterion,
  item,
  editable,
  fourEyes,
  onAssessment,
}: {
  applicationId: string;
  criterion: CriterionId;
  item: CriterionAssessment | undefined;
  editable: boolean;
  fourEyes: boolean;
  onAssessment: (a: Assessment) => void;
}) {
  const id = useId();
  const { principal } = useAuth();
  const [verdict, setVerdict] = useState<Verdict | ''>(item?.verdict ?? '');
  const [justification, setJustification] = useState(item?.justification ?? '');
  const [missing, setMissing] = useState<{ verdict: boolean; justification: boolean }>({
    verdict: false,
    justification: false,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mine = item && principal && item.assessor === principal.username;

  async function record(e: FormEvent) {
    e.preventDefault();
    const m = { verdict: !verdict, justification: !justification.trim() };
    setMissing(m);
    if (m.verdict || m.justification || !verdict) return;
    setBusy(true);
    setError(null);
    try {
      onAssessment(await applicationsApi.assess(applicationId, criterion, verdict, justification.trim()));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      onAssessment(await applicationsApi.confirmCriterion(applicationId, criterion));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const legend = (
    <>
      <code>Art. {criterion}</code> {t.assessment.criteria[criterion]}
    </>
  );
  const recorded = item ? (
    <p className="recorded">
      {fmt(t.assessment.recorded, { assessor: item.assessor, verdict: t.assessment.verdicts[item.verdict] })}{' '}
      {fourEyes &&
        (item.confirmedBy
          ? fmt(t.assessment.confirmedBy, { user: item.confirmedBy })
          : t.assessment.unconfirmed)}
    </p>
  ) : (
    <p className="recorded">{t.assessment.notAssessed}</p>
  );

  if (!editable)
    return (
      <div className="criterion card" data-testid={`criterion-${criterion}`}>
        <p>
          <strong>{legend}</strong>
        </p>
        {recorded}
        {item?.justification && <p className="quote">{item.justification}</p>}
      </div>
    );

  return (
    <form onSubmit={(e) => void record(e)} noValidate className="card" data-testid={`criterion-${criterion}`}>
      <fieldset className="criterion">
        <legend>{legend}</legend>
        {recorded}
        <fieldset
          className={missing.verdict ? 'has-error' : ''}
          aria-describedby={missing.verdict ? `${id}-verdict-err` : undefined}
        >
          <legend>{t.assessment.verdict}</legend>
          <ul className="option-list">
            {VERDICTS.map((v) => (
              <li key={v}>
                <input
                  type="radio"
                  id={`${id}-${v}`}
                  name={`${id}-verdict`}
                  value={v}
                  checked={verdict === v}
                  onChange={() => setVerdict(v)}
                />
                <label htmlFor={`${id}-${v}`}>{t.assessment.verdicts[v]}</label>
              </li>
            ))}
          </ul>
          <FieldErrors
            id={`${id}-verdict-err`}
            errors={missing.verdict ? [t.assessment.verdictMissing] : undefined}
          />
        </fieldset>
        <div className={`field ${missing.justification ? 'has-error' : ''}`}>
          <label htmlFor={`${id}-just`}>
            {t.assessment.justification}
            <span aria-hidden="true"> *</span>
          </label>
          <textarea
            id={`${id}-just`}
            rows={3}
            value={justification}
            required
            aria-invalid={missing.justification || undefined}
            aria-describedby={missing.justification ? `${id}-just-err` : undefined}
            onChange={(e) => setJustification(e.target.value)}
          />
          <FieldErrors
            id={`${id}-just-err`}
            errors={missing.justification ? [t.assessment.justificationMissing] : undefined}
          />
        </div>
        {error != null && <ErrorBox error={error} />}
        <div className="actions">
          <button type="submit" className="button secondary" disabled={busy}>
            {item ? t.assessment.update : t.assessment.save}
          </button>
          {fourEyes && item && !item.confirmedBy && (
            <button
              type="button"
              className="button"
              disabled={busy || Boolean(mine)}
              aria-label={fmt(t.assessment.confirmLabel, { criterion: `Art. ${criterion}` })}
              aria-describedby={mine ? `${id}-mine` : undefined}
              onClick={() => void confirm()}
              data-testid={`confirm-${criterion}`}
            >
              {t.assessment.confirm}
            </button>
          )}
        </div>
        {fourEyes && mine && !item?.confirmedBy && (
          <p id={`${id}-mine`} className="hint">
            {t.assessment.ownVerdict}
          </p>
        )}
      </fieldset>
    </form>
  );
}
