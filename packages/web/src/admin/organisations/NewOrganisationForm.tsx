import { useId, useRef, useState, type FormEvent } from 'react';
import { ORGANISATION_KINDS, type Organisation } from '@openehds/client';
import { fieldErrorsOf } from '../../account/field-errors';
import { identity } from '../../auth/identity-api';
import { ErrorBox } from '../../components/ErrorBox';
import { FieldErrors } from '../../components/fields';
import {
  emptyOrganisationDraft,
  organisationInput,
  type OrganisationDraft,
  type OrganisationErrors,
} from './org-form';
import { organisationsText as t } from './strings';

const c = t.create;
const FIELDS = ['name', 'kind', 'country'] as const;

/** Administrators create an organisation (`POST /api/organisations`); names are unique. */
export function NewOrganisationForm({ onCreated }: { onCreated: (org: Organisation) => void }) {
  const id = useId();
  const [draft, setDraft] = useState<OrganisationDraft>(emptyOrganisationDraft);
  const [errors, setErrors] = useState<OrganisationErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const focusFirst = (found: OrganisationErrors) => {
    const first = FIELDS.find((f) => found[f]);
    if (first) form.current?.querySelector<HTMLElement>(`[data-field="${first}"]`)?.focus();
  };

  async function send(e: FormEvent) {
    e.preventDefault();
    const checked = organisationInput(draft);
    if ('errors' in checked) {
      setErrors(checked.errors);
      focusFirst(checked.errors);
      return;
    }
    setErrors({});
    setError(null);
    setBusy(true);
    try {
      const org = await identity.createOrganisation(checked.input);
      setDraft(emptyOrganisationDraft());
      onCreated(org);
    } catch (err) {
      const fields = fieldErrorsOf(err, FIELDS);
      setErrors(fields);
      setError(err);
      focusFirst(fields);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={form}
      className="form card"
      onSubmit={(e) => void send(e)}
      noValidate
      aria-labelledby={`${id}-title`}
      data-testid="organisation-new"
    >
      <h2 id={`${id}-title`}>{c.title}</h2>
      <OrganisationFields idPrefix={id} draft={draft} errors={errors} onChange={setDraft} />
      {error != null && <ErrorBox error={error} />}
      <div>
        <button type="submit" className="button" disabled={busy} data-testid="organisation-create">
          {busy ? c.working : c.submit}
        </button>
      </div>
    </form>
  );
}

/** The create form's fields, controlled: labels, hints and errors tied with aria-describedby. */
export function OrganisationFields({
  idPrefix: id,
  draft,
  errors,
  onChange,
}: {
  idPrefix: string;
  draft: OrganisationDraft;
  errors: OrganisationErrors;
  onChange: (next: OrganisationDraft) => void;
}) {
  const describe = (field: keyof OrganisationErrors, hint: boolean) =>
    [hint ? `${id}-${field}-hint` : '', errors[field] ? `${id}-${field}-err` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <>
      <div className={`field ${errors.name ? 'has-error' : ''}`}>
        <label htmlFor={`${id}-name`}>
          {c.name}
          <span aria-hidden="true"> *</span>
        </label>
        <p id={`${id}-name-hint`} className="hint">
          {c.nameHint}
        </p>
        <input
          id={`${id}-name`}
          type="text"
          required
          maxLength={200}
          value={draft.name}
          onChange={(e) => onChange({ ...draft, name: e.target.value })}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={describe('name', true)}
          data-field="name"
          data-testid="organisation-name"
        />
        <FieldErrors id={`${id}-name-err`} errors={errors.name ? [errors.name] : undefined} />
      </div>
      <div className={`field ${errors.kind ? 'has-error' : ''}`}>
        <label htmlFor={`${id}-kind`}>
          {c.kind}
          <span aria-hidden="true"> *</span>
        </label>
        <select
          id={`${id}-kind`}
          required
          value={draft.kind}
          onChange={(e) => onChange({ ...draft, kind: e.target.value })}
          aria-invalid={errors.kind ? true : undefined}
          aria-describedby={describe('kind', false)}
          data-field="kind"
          data-testid="organisation-kind"
        >
          <option value="">{c.kindChoose}</option>
          {ORGANISATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t.kinds[k]}
            </option>
          ))}
        </select>
        <FieldErrors id={`${id}-kind-err`} errors={errors.kind ? [errors.kind] : undefined} />
      </div>
      <div className={`field ${errors.country ? 'has-error' : ''}`}>
        <label htmlFor={`${id}-country`}>
          {c.country}
          <span aria-hidden="true"> *</span>
        </label>
        <p id={`${id}-country-hint`} className="hint">
          {c.countryHint}
        </p>
        <input
          id={`${id}-country`}
          type="text"
          required
          maxLength={2}
          autoComplete="off"
          className="my-account-short"
          value={draft.country}
          onChange={(e) => onChange({ ...draft, country: e.target.value.toUpperCase() })}
          aria-invalid={errors.country ? true : undefined}
          aria-describedby={describe('country', true)}
          data-field="country"
          data-testid="organisation-country"
        />
        <FieldErrors id={`${id}-country-err`} errors={errors.country ? [errors.country] : undefined} />
      </div>
    </>
  );
}
