import { useState } from 'react';
import type {
  StakeholderFilter,
  StakeholderOrgJson,
  StakeholderPersonJson,
  StakeholderRelationshipJson,
} from '@openehds/client';
import { useAuth } from '../auth/AuthContext';
import { identity } from '../auth/identity-api';
import { ErrorBox } from '../components/ErrorBox';
import { Loading } from '../components/Loading';
import { fmt } from '../i18n/format';
import { useTitle } from '../layout/use-title';
import { useAsync } from '../lib/use-async';
import { stakeholders } from './api';
import { effectiveFilter } from './effective-filter';
import { OrgForm } from './OrgForm';
import { PersonForm } from './PersonForm';
import { RelationshipForm } from './RelationshipForm';
import { StakeholdersView } from './StakeholdersView';
import { stakeholdersText as t } from './strings';

export { effectiveFilter };

type Editing =
  | { kind: 'org'; org: StakeholderOrgJson }
  | { kind: 'person'; person: StakeholderPersonJson }
  | { kind: 'rel'; rel: StakeholderRelationshipJson }
  | null;

const STAFF = ['hdab_staff', 'admin'];

/** The stakeholder map (issue 6 §1), for every signed-in account; staff also add, edit and import. */
export function StakeholdersPage() {
  useTitle(t.title);
  const { principal } = useAuth();
  const staff = principal ? STAFF.includes(principal.role) : false;
  const [filter, setFilter] = useState<StakeholderFilter>({});
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [tick, setTick] = useState(0);
  const reload = () => setTick((n) => n + 1);
  const f = effectiveFilter(filter);

  const orgs = useAsync((s) => stakeholders.organisations(f, s), [f.type, f.country, f.q, tick]);
  const allOrgs = useAsync((s) => stakeholders.organisations({}, s), [tick]);
  const rels = useAsync((s) => stakeholders.relationships(s), [tick]);
  const stats = useAsync((s) => stakeholders.stats(f, s), [f.type, f.country, f.q, tick]);
  const detail = useAsync(
    (s) => (selectedId ? stakeholders.organisation(selectedId, s) : Promise.resolve(null)),
    [selectedId, tick],
  );
  const platformOrgs = useAsync(
    async () => (staff ? (await identity.listOrganisations()).map((o) => ({ id: o.id, name: o.name })) : []),
    [staff],
  );

  const remove = async (question: string, action: () => Promise<void>) => {
    if (!window.confirm(question)) return;
    await action();
    reload();
  };
  const org = detail.data ?? null;
  const actions =
    staff && org
      ? {
          editOrg: () => setEditing({ kind: 'org', org }),
          removeOrg: () =>
            void remove(fmt(t.details.confirmRemove, { name: org.name }), async () => {
              await stakeholders.deleteOrganisation(org.id);
              setSelectedId(null);
            }),
          editPerson: (person: StakeholderPersonJson) => setEditing({ kind: 'person', person }),
          removePerson: (p: StakeholderPersonJson) =>
            void remove(fmt(t.details.removePerson, { name: p.name }), () => stakeholders.deletePerson(p.id)),
          editRelationship: (rel: StakeholderRelationshipJson) => setEditing({ kind: 'rel', rel }),
          removeRelationship: (r: StakeholderRelationshipJson) =>
            void remove(t.details.removeRelationship, () => stakeholders.deleteRelationship(r.id)),
        }
      : undefined;
  const done = () => {
    setEditing(null);
    reload();
  };
  const every = allOrgs.data ?? [];
  const forms = staff ? (
    <div className="form-columns">
      {editing?.kind === 'org' ? (
        <OrgForm
          key={`e-${editing.org.id}`}
          org={editing.org}
          platformOrgs={platformOrgs.data ?? []}
          onSaved={done}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <OrgForm
          key="new-org"
          platformOrgs={platformOrgs.data ?? []}
          onSaved={(o) => (setSelectedId(o.id), done())}
        />
      )}
      {editing?.kind === 'person' ? (
        <PersonForm
          key={`e-${editing.person.id}`}
          person={editing.person}
          orgs={every}
          onSaved={done}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <PersonForm key={`new-person-${selectedId ?? ''}`} orgs={every} orgId={selectedId} onSaved={done} />
      )}
      {editing?.kind === 'rel' ? (
        <RelationshipForm
          key={`e-${editing.rel.id}`}
          rel={editing.rel}
          orgs={every}
          onSaved={done}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <RelationshipForm
          key={`new-rel-${selectedId ?? ''}`}
          orgs={every}
          fromOrgId={selectedId}
          onSaved={done}
        />
      )}
    </div>
  ) : undefined;
  const failed = [orgs, rels, stats, detail].find((a) => a.error != null);

  return (
    <StakeholdersView
      filter={filter}
      onFilter={setFilter}
      orgs={orgs.data}
      relationships={rels.data ?? []}
      stats={stats.data}
      selectedId={selectedId}
      onSelect={setSelectedId}
      detail={detail.data}
      staff={staff}
      actions={actions}
      forms={forms}
      onImported={reload}
      status={
        <>
          {orgs.loading && !orgs.data && <Loading />}
          {failed && <ErrorBox error={failed.error} onRetry={failed.reload} />}
        </>
      }
    />
  );
}
