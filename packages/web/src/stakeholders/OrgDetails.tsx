import type {
  StakeholderOrgDetailJson,
  StakeholderPersonJson,
  StakeholderRelationshipJson,
} from '@openehds/client';
import type { ReactNode } from 'react';
import { fmt, formatNumber, nameOf } from '../i18n/format';
import { stakeholdersText as t } from './strings';

/** What staff can do from the details (absent for readers). */
export interface DetailActions {
  editOrg(): void;
  removeOrg(): void;
  editPerson(p: StakeholderPersonJson): void;
  removePerson(p: StakeholderPersonJson): void;
  editRelationship(r: StakeholderRelationshipJson): void;
  removeRelationship(r: StakeholderRelationshipJson): void;
}

/** A titled list of the details (named by its heading `id`), or the muted `empty` note when there is none. */
function DetailList(props: {
  id: string;
  title: string;
  empty: string | null;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={props.id}>
      <h4 id={props.id}>{props.title}</h4>
      {props.empty !== null ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul className="plain-list" data-testid={props.testId}>
          {props.children}
        </ul>
      )}
    </section>
  );
}

/** Staff's Edit and Remove buttons after an entry (`editName`/`removeName`: accessible names, where the text is short). */
function EditRemove(props: {
  edit: string;
  remove: string;
  editName?: string;
  removeName?: string;
  onEdit: () => void;
  onRemove: () => void;
}) {
  return (
    <>
      {' '}
      <button
        type="button"
        className="button small secondary"
        aria-label={props.editName}
        onClick={props.onEdit}
      >
        {props.edit}
      </button>{' '}
      <button
        type="button"
        className="button small danger"
        aria-label={props.removeName}
        onClick={props.onRemove}
      >
        {props.remove}
      </button>
    </>
  );
}

/** One organisation: its facts, AI Factory capabilities, people (emails for staff) and relationships. */
export function OrgDetails({
  org,
  onSelect,
  actions,
}: {
  org: StakeholderOrgDetailJson;
  onSelect: (id: string) => void;
  actions?: DetailActions;
}) {
  const ai = org.aiCapabilities;
  return (
    <article
      className="stakeholder-details"
      data-testid="stakeholder-details"
      aria-labelledby="stk-details-name"
    >
      <h3 id="stk-details-name">{org.name}</h3>
      <p className="muted">{nameOf(t.types, org.type)}</p>
      {org.description && <p>{org.description}</p>}
      <dl className="facts">
        <dt>{t.details.country}</dt>
        <dd>{org.country}</dd>
        <dt>{t.details.roles}</dt>
        <dd>
          {org.ehdsRoles.length ? org.ehdsRoles.map((r) => nameOf(t.roles, r)).join(', ') : t.details.noRoles}
        </dd>
        <dt>{t.details.interest}</dt>
        <dd>{org.interest} / 5</dd>
        <dt>{t.details.influence}</dt>
        <dd>{org.influence} / 5</dd>
        {org.website && (
          <>
            <dt>{t.details.website}</dt>
            <dd>
              <a href={org.website} rel="noopener noreferrer" target="_blank">
                {org.website}
              </a>
            </dd>
          </>
        )}
        {org.organisationName && (
          <>
            <dt>{t.details.platform}</dt>
            <dd>{org.organisationName}</dd>
          </>
        )}
      </dl>
      {ai && (
        <section aria-labelledby="stk-details-ai">
          <h4 id="stk-details-ai">{t.details.compute}</h4>
          <dl className="facts" data-testid="stakeholder-details-ai">
            <dt>{t.details.gpus}</dt>
            <dd>{ai.gpus.map((g) => `${g.model} × ${formatNumber(g.count)}`).join(', ') || '–'}</dd>
            <dt>{t.details.partitions}</dt>
            <dd>{ai.partitions.join(', ') || '–'}</dd>
            <dt>{t.details.services}</dt>
            <dd>{ai.services.join(', ') || '–'}</dd>
          </dl>
        </section>
      )}
      <DetailList
        id="stk-details-people"
        title={t.details.people}
        empty={org.people.length === 0 ? t.details.noPeople : null}
        testId="stakeholder-details-people"
      >
        {org.people.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>
            {p.title && <>, {p.title}</>}
            {p.email && (
              <>
                {' '}
                · <a href={`mailto:${p.email}`}>{p.email}</a>
              </>
            )}
            {actions && (
              <EditRemove
                edit={fmt(t.details.editPerson, { name: p.name })}
                remove={fmt(t.details.removePerson, { name: p.name })}
                onEdit={() => actions.editPerson(p)}
                onRemove={() => actions.removePerson(p)}
              />
            )}
          </li>
        ))}
      </DetailList>
      <DetailList
        id="stk-details-rels"
        title={t.details.relationships}
        empty={org.relationships.length === 0 ? t.details.noRelationships : null}
        testId="stakeholder-details-relationships"
      >
        {org.relationships.map((r) => {
          const other = r.fromOrgId === org.id ? [r.toOrgId, r.toOrgName] : [r.fromOrgId, r.fromOrgName];
          const named = `${r.fromOrgName} ${nameOf(t.kinds, r.kind)} ${r.toOrgName}`;
          return (
            <li key={r.id}>
              {r.fromOrgId === org.id ? org.name : r.fromOrgName} {nameOf(t.kinds, r.kind)}{' '}
              <button type="button" className="link-button" onClick={() => onSelect(other[0]!)}>
                {r.toOrgId === org.id ? org.name : r.toOrgName}
              </button>
              {r.note && <span className="muted"> ({r.note})</span>}
              {actions && (
                <EditRemove
                  edit={t.details.editRelationship}
                  remove={t.details.removeRelationship}
                  editName={`${t.details.editRelationship}: ${named}`}
                  removeName={`${t.details.removeRelationship}: ${named}`}
                  onEdit={() => actions.editRelationship(r)}
                  onRemove={() => actions.removeRelationship(r)}
                />
              )}
            </li>
          );
        })}
      </DetailList>
      {actions && (
        <div className="actions">
          <button
            type="button"
            className="button secondary"
            data-testid="stakeholder-edit"
            onClick={actions.editOrg}
          >
            {fmt(t.details.edit, { name: org.name })}
          </button>
          <button
            type="button"
            className="button danger"
            data-testid="stakeholder-delete"
            onClick={actions.removeOrg}
          >
            {fmt(t.details.remove, { name: org.name })}
          </button>
        </div>
      )}
    </article>
  );
}
