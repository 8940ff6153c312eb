import { useState, type FormEvent } from 'react';
import type { StakeholderOrgJson, StakeholderPersonJson } from '@openehds/client';
import { fmt } from '../i18n/format';
import { stakeholders } from './api';
import { binder } from './bind';
import { Input, Select } from './controls';
import { FormShell } from './FormShell';
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
  const field = binder({ id: 'stk-person', testId: 'stakeholder-person' }, d, setD, fields);
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
  return (
    <FormShell
      idPrefix="stk-person"
      testId="stakeholder-person-form"
      title={person ? fmt(t.forms.personEdit, { name: person.name }) : t.forms.personNew}
      saveTestId="stakeholder-person-save"
      busy={busy}
      error={error}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Select
        label={t.forms.personOrg}
        required
        options={[
          { value: '', label: t.forms.chooseOrg },
          ...orgs.map((o) => ({ value: o.id, label: o.name })),
        ]}
        {...field('orgId', 'org')}
      />
      <Input label={t.forms.personName} required {...field('name')} />
      <Input label={t.forms.personTitle} {...field('title')} />
      <Input label={t.forms.personEmail} hint={t.forms.personEmailHint} type="email" {...field('email')} />
    </FormShell>
  );
}
