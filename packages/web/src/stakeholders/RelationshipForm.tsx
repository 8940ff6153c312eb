import { useState, type FormEvent } from 'react';
import {
  RELATIONSHIP_KINDS,
  type RelationshipKind,
  type StakeholderOrgJson,
  type StakeholderRelationshipJson,
} from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { stakeholders } from './api';
import { Input, Select } from './controls';
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
  const set = (k: keyof typeof d) => (v: string) => setD((old) => ({ ...old, [k]: v }));
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
  const p = 'stk-rel';
  return (
    <form
      className="form"
      onSubmit={submit}
      noValidate
      data-testid="stakeholder-relationship-form"
      aria-labelledby={`${p}-h`}
    >
      <h3 id={`${p}-h`}>{rel ? t.forms.relEdit : t.forms.relNew}</h3>
      <Select
        id={`${p}-from`}
        label={t.forms.relFrom}
        required
        value={d.fromOrgId}
        onChange={set('fromOrgId')}
        options={orgOptions}
        errors={fields.fromOrgId}
        testId="stakeholder-rel-from"
      />
      <Select
        id={`${p}-kind`}
        label={t.forms.relKind}
        value={d.kind}
        onChange={set('kind')}
        options={RELATIONSHIP_KINDS.map((k) => ({ value: k, label: t.kinds[k] ?? k }))}
        errors={fields.kind}
        testId="stakeholder-rel-kind"
      />
      <Select
        id={`${p}-to`}
        label={t.forms.relTo}
        required
        value={d.toOrgId}
        onChange={set('toOrgId')}
        options={orgOptions}
        errors={fields.toOrgId}
        testId="stakeholder-rel-to"
      />
      <Input
        id={`${p}-note`}
        label={t.forms.relNote}
        value={d.note}
        onChange={set('note')}
        errors={fields.note}
        testId="stakeholder-rel-note"
      />
      {error != null && <ErrorBox error={error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid="stakeholder-rel-save">
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
