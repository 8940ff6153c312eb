import { useState, type FormEvent } from 'react';
import type { StakeholderOrgJson, StakeholderPersonJson } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { fmt } from '../i18n/format';
import { stakeholders } from './api';
import { Input, Select } from './controls';
import { stakeholdersText as t } from './strings';
import { useSave } from './use-save';

/** Adds a person to an organisation, or edits `person` (staff only). */
export function PersonForm({
  person,
  orgs,
  orgId,
  onSaved,
  onCancel,
}: {
  person?: StakeholderPersonJson;
  orgs: StakeholderOrgJson[];
  orgId?: string | null;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const [d, setD] = useState({
    orgId: person?.orgId ?? orgId ?? '',
    name: person?.name ?? '',
    title: person?.title ?? '',
    email: person?.email ?? '',
  });
  const { busy, fields, error, run } = useSave();
  const set = (k: keyof typeof d) => (v: string) => setD((old) => ({ ...old, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = {
      orgId: d.orgId,
      name: d.name,
      title: d.title.trim() || null,
      email: d.email.trim() || null,
    };
    void run(async () => {
      if (person) await stakeholders.updatePerson(person.id, input);
      else await stakeholders.createPerson(input);
      if (!person) setD((old) => ({ ...old, name: '', title: '', email: '' }));
      onSaved();
    });
  };
  const p = 'stk-person';
  return (
    <form
      className="form"
      onSubmit={submit}
      noValidate
      data-testid="stakeholder-person-form"
      aria-labelledby={`${p}-h`}
    >
      <h3 id={`${p}-h`}>{person ? fmt(t.forms.personEdit, { name: person.name }) : t.forms.personNew}</h3>
      <Select
        id={`${p}-org`}
        label={t.forms.personOrg}
        required
        value={d.orgId}
        onChange={set('orgId')}
        options={[
          { value: '', label: t.forms.chooseOrg },
          ...orgs.map((o) => ({ value: o.id, label: o.name })),
        ]}
        errors={fields.orgId}
        testId="stakeholder-person-org"
      />
      <Input
        id={`${p}-name`}
        label={t.forms.personName}
        required
        value={d.name}
        onChange={set('name')}
        errors={fields.name}
        testId="stakeholder-person-name"
      />
      <Input
        id={`${p}-title`}
        label={t.forms.personTitle}
        value={d.title}
        onChange={set('title')}
        errors={fields.title}
        testId="stakeholder-person-title"
      />
      <Input
        id={`${p}-email`}
        label={t.forms.personEmail}
        hint={t.forms.personEmailHint}
        type="email"
        value={d.email}
        onChange={set('email')}
        errors={fields.email}
        testId="stakeholder-person-email"
      />
      {error != null && <ErrorBox error={error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid="stakeholder-person-save">
          {busy ? t.forms.saving : t.forms.save}
        </button>
        {onCancel && (
          <button type="button" className="button secondary" onClick={onCancel}>
            {t.forms.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
