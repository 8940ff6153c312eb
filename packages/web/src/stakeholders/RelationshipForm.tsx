import { useState, type FormEvent } from 'react';
import {
  RELATIONSHIP_KINDS,
  type RelationshipKind,
  type StakeholderOrgJson,
  type StakeholderRelationshipJson,
} from '@openehds/client';
import { stakeholders } from './api';
import { binder } from './bind';
import { Input, Select } from './controls';
import { FormShell } from './FormShell';
import { stakeholdersText as t } from './strings';
import { useSave } from './use-save';

/** Records a relationship from one organisation to another, or edits `rel` (staff only). */
export function RelationshipForm({
  rel,
  orgs,
  fromOrgId,
  onSaved,
  onCancel,
}: {
  rel?: StakeholderRelationshipJson;
  orgs: StakeholderOrgJson[];
  fromOrgId?: string | null;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const [d, setD] = useState({
    fromOrgId: rel?.fromOrgId ?? fromOrgId ?? '',
    kind: (rel?.kind ?? 'collaborates') as RelationshipKind,
    toOrgId: rel?.toOrgId ?? '',
    note: rel?.note ?? '',
  });
  const { busy, fields, error, run } = useSave();
  const field = binder({ id: 'stk-rel', testId: 'stakeholder-rel' }, d, setD, fields);
  const orgOptions = [
    { value: '', label: t.forms.chooseOrg },
    ...orgs.map((o) => ({ value: o.id, label: o.name })),
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = { ...d, note: d.note.trim() || null };
    void run(async () => {
      if (rel) await stakeholders.updateRelationship(rel.id, input);
      else await stakeholders.createRelationship(input);
      if (!rel) setD((old) => ({ ...old, toOrgId: '', note: '' }));
      onSaved();
    });
  };
  return (
    <FormShell
      idPrefix="stk-rel"
      testId="stakeholder-relationship-form"
      title={rel ? t.forms.relEdit : t.forms.relNew}
      saveTestId="stakeholder-rel-save"
      busy={busy}
      error={error}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Select label={t.forms.relFrom} required options={orgOptions} {...field('fromOrgId', 'from')} />
      <Select
        label={t.forms.relKind}
        options={RELATIONSHIP_KINDS.map((k) => ({ value: k, label: t.kinds[k] ?? k }))}
        {...field('kind')}
      />
      <Select label={t.forms.relTo} required options={orgOptions} {...field('toOrgId', 'to')} />
      <Input label={t.forms.relNote} {...field('note')} />
    </FormShell>
  );
}
