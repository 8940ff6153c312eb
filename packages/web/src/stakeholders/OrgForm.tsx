import { useState, type FormEvent } from 'react';
import { EHDS_ROLES, STAKEHOLDER_TYPES, type StakeholderOrgJson } from '@openehds/client';
import { ErrorBox } from '../components/ErrorBox';
import { fmt } from '../i18n/format';
import { stakeholders } from './api';
import { Area, Checkboxes, Input, Select } from './controls';
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
  const set =
    <K extends keyof OrgDraft>(k: K) =>
    (v: OrgDraft[K]) =>
      setD((old) => ({ ...old, [k]: v }));
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
  const p = 'stk-org';
  return (
    <form
      className="form"
      onSubmit={submit}
      noValidate
      data-testid="stakeholder-org-form"
      aria-labelledby={`${p}-h`}
    >
      <h3 id={`${p}-h`}>{org ? fmt(t.forms.orgEdit, { name: org.name }) : t.forms.orgNew}</h3>
      <Input
        id={`${p}-name`}
        label={t.forms.name}
        required
        value={d.name}
        onChange={set('name')}
        errors={fields.name}
        testId="stakeholder-org-name"
      />
      <div className="two-col">
        <Select
          id={`${p}-type`}
          label={t.forms.type}
          value={d.type}
          onChange={(v) => set('type')(v as OrgDraft['type'])}
          options={STAKEHOLDER_TYPES.map((v) => ({ value: v, label: t.types[v] ?? v }))}
          errors={fields.type}
          testId="stakeholder-org-type"
        />
        <Input
          id={`${p}-country`}
          label={t.forms.country}
          hint={t.forms.countryHint}
          required
          value={d.country}
          onChange={set('country')}
          errors={fields.country}
          testId="stakeholder-org-country"
        />
      </div>
      <Checkboxes
        id={`${p}-roles`}
        label={t.forms.roles}
        values={d.ehdsRoles}
        onChange={set('ehdsRoles')}
        options={EHDS_ROLES.map((v) => ({ value: v, label: t.roles[v] ?? v }))}
        errors={fields.ehdsRoles}
        testId="stakeholder-org-roles"
      />
      <div className="two-col">
        <Input
          id={`${p}-interest`}
          label={t.forms.interest}
          type="number"
          min={1}
          max={5}
          required
          value={d.interest}
          onChange={set('interest')}
          errors={fields.interest}
          testId="stakeholder-org-interest"
        />
        <Input
          id={`${p}-influence`}
          label={t.forms.influence}
          type="number"
          min={1}
          max={5}
          required
          value={d.influence}
          onChange={set('influence')}
          errors={fields.influence}
          testId="stakeholder-org-influence"
        />
      </div>
      {d.type === 'ai_factory' && (
        <fieldset className="field" aria-describedby={fields.aiCapabilities ? `${p}-ai-err` : undefined}>
          <legend>{t.details.compute}</legend>
          <Area
            id={`${p}-gpus`}
            label={t.forms.gpus}
            hint={t.forms.gpusHint}
            value={d.gpus}
            onChange={set('gpus')}
            errors={fields.gpus}
            testId="stakeholder-org-gpus"
          />
          <Input
            id={`${p}-partitions`}
            label={t.forms.partitions}
            hint={t.forms.listHint}
            value={d.partitions}
            onChange={set('partitions')}
            errors={fields.partitions}
            testId="stakeholder-org-partitions"
          />
          <Input
            id={`${p}-services`}
            label={t.forms.services}
            hint={t.forms.listHint}
            value={d.services}
            onChange={set('services')}
            errors={fields.services}
            testId="stakeholder-org-services"
          />
          {fields.aiCapabilities && (
            <ul id={`${p}-ai-err`} className="field-errors">
              {fields.aiCapabilities.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          )}
        </fieldset>
      )}
      <Input
        id={`${p}-website`}
        label={t.forms.website}
        type="url"
        value={d.website}
        onChange={set('website')}
        errors={fields.website}
        testId="stakeholder-org-website"
      />
      <Area
        id={`${p}-description`}
        label={t.forms.description}
        value={d.description}
        onChange={set('description')}
        errors={fields.description}
        testId="stakeholder-org-description"
      />
      {platformOrgs.length > 0 && (
        <Select
          id={`${p}-platform`}
          label={t.forms.platformOrg}
          value={d.organisationId}
          onChange={set('organisationId')}
          options={[
            { value: '', label: t.forms.noPlatformOrg },
            ...platformOrgs.map((o) => ({ value: o.id, label: o.name })),
          ]}
          errors={fields.organisationId}
          testId="stakeholder-org-platform"
        />
      )}
      {error != null && <ErrorBox error={error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={busy} data-testid="stakeholder-org-save">
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
