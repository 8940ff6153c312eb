import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { RESULT_KINDS, type RegisterResult, type ResultInput, type ResultKind } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { FieldErrors } from '../components/fields';
import { fmt } from '../i18n/format';
import { resultInput, type FormErrors, type ResultDraft } from './permit-forms';
import { permitsText as t } from './strings';

const EMPTY: ResultDraft = { kind: 'publication', title: '', doi: '', url: '', isAiProduct: false };

/**
 * The applicant reports a result of their permit (or of an answered health data request): kind,
 * title, DOI and/or web address, and whether it is a product or AI system (Art. 61(4), 59(1)(k)).
 */
export function ResultForm({
  reference,
  onReport,
}: {
  /** The file's reference, to find the result in the register afterwards. */
  reference: string;
  onReport: (input: ResultInput) => Promise<RegisterResult>;
}) {
  const id = useId();
  const [draft, setDraft] = useState<ResultDraft>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<RegisterResult | null>(null);
  const set = <K extends keyof ResultDraft>(k: K, v: ResultDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  async function send(e: FormEvent) {
    e.preventDefault();
    const checked = resultInput(draft);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await onReport(checked.input));
      setDraft(EMPTY);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const described = (field: string, hint: boolean) =>
    [hint ? `${id}-${field}-hint` : '', errors[field] ? `${id}-${field}-err` : '']
      .filter(Boolean)
      .join(' ') || undefined;

  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="report-result">
      <h2 id={`${id}-title`}>{t.results.title}</h2>
      <p>{t.results.intro}</p>
      <div role="status">
        {done && (
          <p className="alert alert-ok">
            {fmt(t.results.sent, { title: done.title })}{' '}
            <Link to={`/register?tab=results&reference=${encodeURIComponent(reference)}`}>
              {t.results.seeRegister}
            </Link>
          </p>
        )}
      </div>
      <form onSubmit={(e) => void send(e)} className="form" noValidate>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t.results.kind}</label>
          <select
            id={`${id}-kind`}
            value={draft.kind}
            onChange={(e) => {
              const kind = e.target.value as ResultKind;
              // An AI model is an AI product unless said otherwise (as the hub defaults it).
              setDraft((d) => ({ ...d, kind, isAiProduct: kind === 'ai_model' ? true : d.isAiProduct }));
            }}
            data-testid="result-kind"
          >
            {RESULT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.results.kinds[k]}
              </option>
            ))}
          </select>
        </div>
        <div className={`field ${errors.title ? 'has-error' : ''}`}>
          <label htmlFor={`${id}-title-input`}>
            {t.results.resultTitle}
            <span aria-hidden="true"> *</span>
          </label>
          <input
            id={`${id}-title-input`}
            type="text"
            value={draft.title}
            required
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={described('title', false)}
            onChange={(e) => set('title', e.target.value)}
            data-testid="result-title"
          />
          <FieldErrors id={`${id}-title-err`} errors={errors.title ? [errors.title] : undefined} />
        </div>
        <div className="two-col">
          <div className={`field ${errors.doi ? 'has-error' : ''}`}>
            <label htmlFor={`${id}-doi`}>{t.results.doi}</label>
            <p id={`${id}-doi-hint`} className="hint">
              {t.results.doiHint}
            </p>
            <input
              id={`${id}-doi`}
              type="text"
              value={draft.doi}
              aria-invalid={errors.doi ? true : undefined}
              aria-describedby={described('doi', true)}
              onChange={(e) => set('doi', e.target.value)}
              data-testid="result-doi"
            />
            <FieldErrors id={`${id}-doi-err`} errors={errors.doi ? [errors.doi] : undefined} />
          </div>
          <div className={`field ${errors.url ? 'has-error' : ''}`}>
            <label htmlFor={`${id}-url`}>{t.results.url}</label>
            <p id={`${id}-url-hint`} className="hint">
              {t.results.urlHint}
            </p>
            <input
              id={`${id}-url`}
              type="text"
              inputMode="url"
              autoComplete="url"
              value={draft.url}
              aria-invalid={errors.url ? true : undefined}
              aria-describedby={described('url', true)}
              onChange={(e) => set('url', e.target.value)}
              data-testid="result-url"
            />
            <FieldErrors id={`${id}-url-err`} errors={errors.url ? [errors.url] : undefined} />
          </div>
        </div>
        <div className="field checkbox">
          <input
            type="checkbox"
            id={`${id}-ai`}
            checked={draft.isAiProduct}
            onChange={(e) => set('isAiProduct', e.target.checked)}
            data-testid="result-ai"
          />
          <label htmlFor={`${id}-ai`}>{t.results.aiProduct}</label>
        </div>
        {error != null && <ErrorBox error={error} />}
        <div>
          <button type="submit" className="button" disabled={busy} data-testid="report-result-submit">
            {busy ? t.results.sending : t.results.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
