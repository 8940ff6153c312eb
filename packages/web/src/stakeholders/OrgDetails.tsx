import type {
  StakeholderOrgDetailJson,
  StakeholderPersonJson,
  StakeholderRelationshipJson,
} from '@openehds/client';
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
      <section aria-labelledby="stk-details-people">
        <h4 id="stk-details-people">{t.details.people}</h4>
        {org.people.length === 0 ? (
          <p className="muted">{t.details.noPeople}</p>
        ) : (
          <ul className="plain-list" data-testid="stakeholder-details-people">
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
                  <>
                    {' '}
                    <button
                      type="button"
                      className="button small secondary"
                      onClick={() => actions.editPerson(p)}
                    >
                      {fmt(t.details.editPerson, { name: p.name })}
                    </button>{' '}
                    <button
                      type="button"
                      className="button small danger"
                      onClick={() => actions.removePerson(p)}
                    >
                      {fmt(t.details.removePerson, { name: p.name })}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="stk-details-rels">
        <h4 id="stk-details-rels">{t.details.relationships}</h4>
        {org.relationships.length === 0 ? (
          <p className="muted">{t.details.noRelationships}</p>
        ) : (
          <ul className="plain-list" data-testid="stakeholder-details-relationships">
            {org.relationships.map((r) => {
              const other = r.fromOrgId === org.id ? [r.toOrgId, r.toOrgName] : [r.fromOrgId, r.fromOrgName];
              return (
                <li key={r.id}>
                  {r.fromOrgId === org.id ? org.name : r.fromOrgName} {nameOf(t.kinds, r.kind)}{' '}
                  <button type="button" className="link-button" onClick={() => onSelect(other[0]!)}>
                    {r.toOrgId === org.id ? org.name : r.toOrgName}
                  </button>
                  {r.note && <span className="muted"> ({r.note})</span>}
                  {actions && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="button small secondary"
                        aria-label={`${t.details.editRelationship}: ${r.fromOrgName} ${nameOf(t.kinds, r.kind)} ${r.toOrgName}`}
                        onClick={() => actions.editRelationship(r)}
                      >
                        {t.details.editRelationship}
                      </button>{' '}
                      <button
                        type="button"
                        className="button small danger"
                        aria-label={`${t.details.removeRelationship}: ${r.fromOrgName} ${nameOf(t.kinds, r.kind)} ${r.toOrgName}`}
                        onClick={() => actions.removeRelationship(r)}
                      >
                        {t.details.removeRelationship}
                      </button>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
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
