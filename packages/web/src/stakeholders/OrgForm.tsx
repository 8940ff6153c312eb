import { useState, type FormEvent } from 'react';
import { EHDS_ROLES, STAKEHOLDER_TYPES, type StakeholderOrgJson } from '@openehds/client';
import { FieldErrors } from '../components/fields';
import { fmt } from '../i18n/format';
import { stakeholders } from './api';
import { binder } from './bind';
import { Area, Checkboxes, Input, Select } from './controls';
import { FormShell } from './FormShell';
import { draftFromOrg, emptyOrgDraft, orgInputFromDraft, type OrgDraft } from './form-model';
import { stakeholdersText as t } from './strings';
import { useSave } from './use-save';

/** Adds an organisation, or edits `org` (staff only); each error is shown beside its field. */
export function OrgForm({
  org,
  platformOrgs,
  onSaved,
  onCancel,
}: {
  org?: StakeholderOrgJson;
  platformOrgs: { id: string; name: string }[];
  onSaved: (saved: StakeholderOrgJson) => void;
  onCancel?: () => void;
}) {
  const [d, setD] = useState<OrgDraft>(() => (org ? draftFromOrg(org) : emptyOrgDraft()));
  const { busy, fields, error, run } = useSave();
  const field = binder({ id: 'stk-org', testId: 'stakeholder-org' }, d, setD, fields);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { input, issues } = orgInputFromDraft(d, t.forms.gpuFormat);
    void run(async () => {
      const saved = org
        ? await stakeholders.updateOrganisation(org.id, input)
        : await stakeholders.createOrganisation(input);
      if (!org) setD(emptyOrgDraft());
      onSaved(saved);
    }, issues);
  };
  return (
    <FormShell
      idPrefix="stk-org"
      testId="stakeholder-org-form"
      title={org ? fmt(t.forms.orgEdit, { name: org.name }) : t.forms.orgNew}
      saveTestId="stakeholder-org-save"
      busy={busy}
      error={error}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Input label={t.forms.name} required {...field('name')} />
      <div className="two-col">
        <Select
          label={t.forms.type}
          options={STAKEHOLDER_TYPES.map((v) => ({ value: v, label: t.types[v] ?? v }))}
          {...field('type')}
        />
        <Input label={t.forms.country} hint={t.forms.countryHint} required {...field('country')} />
      </div>
      <Checkboxes
        id="stk-org-roles"
        label={t.forms.roles}
        values={d.ehdsRoles}
        onChange={(ehdsRoles) => setD((old) => ({ ...old, ehdsRoles }))}
        options={EHDS_ROLES.map((v) => ({ value: v, label: t.roles[v] ?? v }))}
        errors={fields.ehdsRoles}
        testId="stakeholder-org-roles"
      />
      <div className="two-col">
        <Input label={t.forms.interest} type="number" min={1} max={5} required {...field('interest')} />
        <Input label={t.forms.influence} type="number" min={1} max={5} required {...field('influence')} />
      </div>
      {d.type === 'ai_factory' && (
        <fieldset className="field" aria-describedby={fields.aiCapabilities ? 'stk-org-ai-err' : undefined}>
          <legend>{t.details.compute}</legend>
          <Area label={t.forms.gpus} hint={t.forms.gpusHint} {...field('gpus')} />
          <Input label={t.forms.partitions} hint={t.forms.listHint} {...field('partitions')} />
          <Input label={t.forms.services} hint={t.forms.listHint} {...field('services')} />
          <FieldErrors id="stk-org-ai-err" errors={fields.aiCapabilities} />
        </fieldset>
      )}
      <Input label={t.forms.website} type="url" {...field('website')} />
      <Area label={t.forms.description} {...field('description')} />
      {platformOrgs.length > 0 && (
        <Select
          label={t.forms.platformOrg}
          options={[
            { value: '', label: t.forms.noPlatformOrg },
            ...platformOrgs.map((o) => ({ value: o.id, label: o.name })),
          ]}
          {...field('organisationId', 'platform')}
        />
      )}
    </FormShell>
  );
}
