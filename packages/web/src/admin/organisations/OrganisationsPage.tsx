import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Organisation } from '@openehds/client';
import { useAuth } from '../../auth/AuthContext';
import { identity } from '../../auth/identity-api';
import { ErrorBox } from '../../components/ErrorBox';
import { Loading } from '../../components/Loading';
import { ui } from '../../i18n/ui';
import { fmt, nameOf } from '../../i18n/format';
import { useTitle } from '../../layout/use-title';
import { useAsync } from '../../lib/use-async';
import { NewOrganisationForm } from './NewOrganisationForm';
import { organisationsText as t } from './strings';
import '../../account/account.css';

const l = t.list;

/**
 * Organisations (`GET /api/organisations`: HDAB staff and administrators), with their kind, country,
 * Art. 53(2) status and member count; administrators also create them here.
 */
export function OrganisationsPage() {
  useTitle(l.title);
  const { principal } = useAuth();
  const isAdmin = principal?.role === 'admin';
  const organisations = useAsync(() => identity.listOrganisations(), []);
  const [created, setCreated] = useState<Organisation | null>(null);
  const status = useRef<HTMLParagraphElement>(null);

  // After a create, the keyboard goes to the confirmation, which links to the new organisation.
  useEffect(() => {
    if (created) status.current?.focus();
  }, [created]);

  const list = organisations.data ?? [];
  return (
    <div className="org-admin" data-testid="organisations-page">
      <p>
        <Link to="/admin">{l.back}</Link>
      </p>
      <h1>{l.title}</h1>
      <p>{l.intro}</p>
      {!isAdmin && <p className="muted">{l.staffNote}</p>}
      {created && (
        <p
          ref={status}
          tabIndex={-1}
          className="alert alert-ok form-status"
          role="status"
          data-testid="organisation-created"
        >
          {fmt(t.create.created, { name: created.name })}{' '}
          <Link to={`/admin/organisations/${created.id}`} data-testid="organisation-created-link">
            {t.create.open}
          </Link>
        </p>
      )}
      {organisations.loading && !organisations.data && <Loading />}
      {organisations.error != null && <ErrorBox error={organisations.error} onRetry={organisations.reload} />}
      {organisations.data && list.length === 0 && <p>{l.empty}</p>}
      {list.length > 0 && (
        <div className="table-wrap">
          <table data-testid="organisations-table">
            <caption className="visually-hidden">{l.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{l.name}</th>
                <th scope="col">{l.kind}</th>
                <th scope="col">{l.country}</th>
                <th scope="col">{l.publicBody}</th>
                <th scope="col" className="num">
                  {l.members}
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((o) => (
                <tr key={o.id} data-testid={`organisation-row-${o.id}`}>
                  <th scope="row">
                    <Link to={`/admin/organisations/${o.id}`}>{o.name}</Link>
                  </th>
                  <td>{nameOf(t.kinds, o.kind)}</td>
                  <td>
                    {nameOf(ui.countries, o.country)} <span className="muted">({o.country})</span>
                  </td>
                  <td>{o.publicBodyVerified ? l.yes : l.no}</td>
                  <td className="num">{o.memberCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {isAdmin && (
        <NewOrganisationForm
          onCreated={(org) => {
            organisations.setData([...list, org].sort((a, b) => a.name.localeCompare(b.name)));
            setCreated(org);
          }}
        />
      )}
    </div>
  );
}
