import { PERSON_ROLES, type NamedPerson, type PersonRole } from '@openehds/client';
import { fmt } from '../../i18n/format';
import { Group, SelectInput, TextBox, TextInput } from '../form-fields';
import { applicationsText as t } from '../strings';
import { useEditor } from './editor-context';

const ROLE_OPTIONS = PERSON_ROLES.map((r) => ({ value: r, label: t.personRoles[r] }));

/** Art. 67(2)(a) / 69(2)(a): the title, the applicant's activities and (applications) the persons. */
export function StepApplicant() {
  const { kind, content, set, msgs } = useEditor();
  return (
    <>
      <TextInput
        path="title"
        label={t.fields.title}
        hint={t.fields.titleHint}
        value={content.title ?? ''}
        onChange={(v) => set('title', v)}
        required
        maxLength={300}
        {...msgs('title')}
      />
      <TextBox
        path="applicantActivities"
        label={t.fields.activities}
        hint={t.fields.activitiesHint}
        value={content.applicantActivities ?? ''}
        onChange={(v) => set('applicantActivities', v)}
        required
        {...msgs('applicantActivities')}
      />
      {kind === 'application' && <Persons />}
    </>
  );
}

function Persons() {
  const { content, update, msgs } = useEditor();
  const persons = content.persons ?? [];
  const change = (i: number, patch: Partial<NamedPerson>) =>
    update((c) => ({
      ...c,
      persons: (c.persons ?? []).map((p, n) => (n === i ? { ...p, ...patch } : p)),
    }));
  const add = () =>
    update((c) => {
      const list = c.persons ?? [];
      // The first person named is most often the principal investigator; there must be exactly one.
      const role: PersonRole = list.some((p) => p.role === 'principal_investigator')
        ? 'researcher'
        : 'principal_investigator';
      return { ...c, persons: [...list, { name: '', email: '', role }] };
    });
  const remove = (i: number) =>
    update((c) => ({ ...c, persons: (c.persons ?? []).filter((_, n) => n !== i) }));

  return (
    <Group path="persons" legend={t.fields.persons} hint={t.fields.personsHint} {...msgs('persons')}>
      {persons.map((p, i) => (
        <fieldset key={i} className="app-group" data-testid={`person-${i}`}>
          <legend>{fmt(t.fields.personN, { n: i + 1 })}</legend>
          <div className="two-col">
            <TextInput
              path={`persons.${i}.name`}
              label={t.fields.personName}
              value={p.name}
              onChange={(v) => change(i, { name: v })}
              autoComplete="off"
              required
              {...msgs(`persons.${i}.name`)}
            />
            <TextInput
              path={`persons.${i}.email`}
              type="email"
              label={t.fields.personEmail}
              value={p.email}
              onChange={(v) => change(i, { email: v })}
              autoComplete="off"
              required
              {...msgs(`persons.${i}.email`)}
            />
            <SelectInput
              path={`persons.${i}.role`}
              label={t.fields.personRole}
              value={p.role}
              options={ROLE_OPTIONS}
              allowEmpty={false}
              onChange={(v) => v && change(i, { role: v })}
              {...msgs(`persons.${i}.role`)}
            />
            <TextInput
              path={`persons.${i}.affiliation`}
              label={t.fields.personAffiliation}
              value={p.affiliation ?? ''}
              onChange={(v) => change(i, { affiliation: v })}
              {...msgs(`persons.${i}.affiliation`)}
            />
            <TextInput
              path={`persons.${i}.orcid`}
              label={t.fields.personOrcid}
              hint={t.fields.personOrcidHint}
              value={p.orcid ?? ''}
              onChange={(v) => change(i, { orcid: v })}
              {...msgs(`persons.${i}.orcid`)}
            />
          </div>
          <button type="button" className="button secondary small" onClick={() => remove(i)}>
            {fmt(t.fields.removePerson, { name: p.name.trim() || fmt(t.fields.personN, { n: i + 1 }) })}
          </button>
        </fieldset>
      ))}
      <button type="button" className="button secondary" onClick={add} data-testid="add-person">
        {t.fields.addPerson}
      </button>
    </Group>
  );
}
