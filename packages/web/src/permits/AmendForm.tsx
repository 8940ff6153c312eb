import { useId, useState, type FormEvent } from 'react';
import { PERSON_ROLES, type PermitView } from '@openehds/client';
import { applicationsText } from '../applications/strings';
import { ErrorBox } from '../components/ErrorBox';
import { FieldErrors } from '../components/fields';
import { fmt, formatDate } from '../i18n/format';
import { permitsApi } from './api';
import { amendDraftOf, amendInput, type AmendDraft, type FormErrors, type PersonDraft } from './permit-forms';
import { permitsText as t } from './strings';

const s = t.staff;
const NEW_PERSON: PersonDraft = { name: '', email: '', role: 'researcher', orcid: '', affiliation: '' };

/**
 * An administrative amendment (TEHDAS2 D6.3): the authorised persons, the specific conditions, an
 * earlier end, and the reason. New datasets or variables need a new application, which the form says.
 */
export function AmendForm({ view, onAmended }: { view: PermitView; onAmended: (next: PermitView) => void }) {
  const id = useId();
  const [draft, setDraft] = useState<AmendDraft>(() => amendDraftOf(view.content));
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const end = formatDate(view.validUntil);

  const setPerson = (i: number, change: Partial<PersonDraft>) =>
    setDraft((d) => ({ ...d, persons: d.persons.map((p, n) => (n === i ? { ...p, ...change } : p)) }));

  async function send(e: FormEvent) {
    e.preventDefault();
    const checked = amendInput(draft, { ...view.content, validUntil: view.validUntil });
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    setError(null);
    try {
      onAmended(await permitsApi.amend(view.id, checked.input));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const err = (k: string) => (errors[k] ? [errors[k]!] : undefined);
  return (
    <form
      onSubmit={(e) => void send(e)}
      className="form"
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="amend-form"
    >
      <h3 id={`${id}-title`}>{s.amend}</h3>
      <p className="hint">{s.amendIntro}</p>
      <fieldset className={errors.persons ? 'has-error' : undefined} aria-describedby={`${id}-persons-hint`}>
        <legend>{s.persons}</legend>
        <p id={`${id}-persons-hint`} className="hint">
          {s.personsHint}
        </p>
        <FieldErrors id={`${id}-persons-err`} errors={err('persons')} />
        {draft.persons.map((p, i) => (
          <fieldset key={i} className="app-group">
            <legend>{fmt(s.personN, { n: i + 1 })}</legend>
            <div className="two-col">
              <div className="field">
                <label htmlFor={`${id}-p${i}-name`}>{s.name}</label>
                <input
                  id={`${id}-p${i}-name`}
                  type="text"
                  value={p.name}
                  onChange={(e) => setPerson(i, { name: e.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-p${i}-email`}>{s.email}</label>
                <input
                  id={`${id}-p${i}-email`}
                  type="email"
                  value={p.email}
                  onChange={(e) => setPerson(i, { email: e.target.value })}
                  data-testid={`amend-person-${i}-email`}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-p${i}-role`}>{s.role}</label>
                <select
                  id={`${id}-p${i}-role`}
                  value={p.role}
                  onChange={(e) => setPerson(i, { role: e.target.value as PersonDraft['role'] })}
                >
                  {PERSON_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {applicationsText.personRoles[r]}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${id}-p${i}-orcid`}>{s.orcid}</label>
                <input
                  id={`${id}-p${i}-orcid`}
                  type="text"
                  value={p.orcid}
                  onChange={(e) => setPerson(i, { orcid: e.target.value })}
                />
              </div>
            </div>
            {draft.persons.length > 1 && (
              <button
                type="button"
                className="button secondary small"
                onClick={() => setDraft((d) => ({ ...d, persons: d.persons.filter((_, n) => n !== i) }))}
              >
                {fmt(s.removePerson, { name: p.name || fmt(s.personN, { n: i + 1 }) })}
              </button>
            )}
          </fieldset>
        ))}
        <button
          type="button"
          className="button secondary small"
          onClick={() => setDraft((d) => ({ ...d, persons: [...d.persons, { ...NEW_PERSON }] }))}
          data-testid="amend-add-person"
        >
          {s.addPerson}
        </button>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-conditions`}>{s.conditions}</label>
        <p id={`${id}-conditions-hint`} className="hint">
          {s.conditionsHint}
        </p>
        <textarea
          id={`${id}-conditions`}
          rows={4}
          value={draft.conditionsText}
          aria-describedby={`${id}-conditions-hint`}
          onChange={(e) => setDraft((d) => ({ ...d, conditionsText: e.target.value }))}
          data-testid="amend-conditions"
        />
      </div>
      <div className={`field ${errors.validUntil ? 'has-error' : ''}`}>
        <label htmlFor={`${id}-until`}>{s.validUntil}</label>
        <p id={`${id}-until-hint`} className="hint">
          {fmt(s.validUntilHint, { date: end })}
        </p>
        <input
          id={`${id}-until`}
          type="date"
          value={draft.validUntil}
          max={end}
          aria-invalid={errors.validUntil ? true : undefined}
          aria-describedby={`${id}-until-hint${errors.validUntil ? ` ${id}-until-err` : ''}`}
          onChange={(e) => setDraft((d) => ({ ...d, validUntil: e.target.value }))}
        />
        <FieldErrors id={`${id}-until-err`} errors={err('validUntil')} />
      </div>
      <div className={`field ${errors.reason ? 'has-error' : ''}`}>
        <label htmlFor={`${id}-reason`}>
          {s.reason}
          <span aria-hidden="true"> *</span>
        </label>
        <p id={`${id}-reason-hint`} className="hint">
          {s.reasonHint}
        </p>
        <textarea
          id={`${id}-reason`}
          rows={3}
          value={draft.reason}
          required
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={`${id}-reason-hint${errors.reason ? ` ${id}-reason-err` : ''}`}
          onChange={(e) => setDraft((d) => ({ ...d, reason: e.target.value }))}
          data-testid="amend-reason"
        />
        <FieldErrors id={`${id}-reason-err`} errors={err('reason')} />
      </div>
      {errors.form && (
        <p className="alert alert-error" role="alert">
          {errors.form}
        </p>
      )}
      {error != null && <ErrorBox error={error} />}
      <div>
        <button type="submit" className="button" disabled={busy} data-testid="amend-submit">
          {busy ? s.working : s.amendSubmit}
        </button>
      </div>
    </form>
  );
}
