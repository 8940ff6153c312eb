import type { StakeholderOrgJson } from '@openehds/client';
import { fmt, nameOf } from '../i18n/format';
import { stakeholdersText as t } from './strings';

/** The organisations shown, each with a button that selects it. */
export function OrgTable({
  orgs,
  selectedId,
  onSelect,
}: {
  orgs: StakeholderOrgJson[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  if (!orgs.length) return <p data-testid="stakeholder-list-empty">{t.list.none}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="stakeholder-list">
        <caption className="visually-hidden">{t.list.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.list.name}</th>
            <th scope="col">{t.list.type}</th>
            <th scope="col">{t.list.country}</th>
            <th scope="col">{t.list.roles}</th>
            <th scope="col">{t.list.scores}</th>
          </tr>
        </thead>
        <tbody>
          {orgs.map((o) => (
            <tr
              key={o.id}
              data-testid={`stakeholder-row-${o.id}`}
              aria-current={o.id === selectedId || undefined}
            >
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  aria-label={fmt(t.list.show, { name: o.name })}
                  data-testid={`stakeholder-select-${o.id}`}
                  onClick={() => onSelect(o.id)}
                >
                  {o.name}
                </button>
              </th>
              <td>{nameOf(t.types, o.type)}</td>
              <td>{o.country}</td>
              <td>{o.ehdsRoles.map((r) => nameOf(t.roles, r)).join(', ')}</td>
              <td className="num">
                {o.interest} · {o.influence}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
