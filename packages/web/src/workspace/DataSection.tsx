import { useId } from 'react';
import { ui } from '../i18n/ui';
import { fmt, formatDate, formatNumber, nameOf } from '../i18n/format';
import { workspaceText as t } from './strings';
import type { WorkspaceView } from './types';
import { labelOf, periodText } from './workspace-text';

/** What data the permit makes available: datasets, variables, period, and each node's extract. */
export function DataSection({ view }: { view: WorkspaceView }) {
  const id = useId();
  const { permit, extracts } = view;
  const period = periodText(permit.period, t.data.periodWords);
  const persons = Array.isArray(permit.persons)
    ? permit.persons.map(labelOf).join(', ')
    : labelOf(permit.persons ?? '');
  return (
    <section aria-labelledby={`${id}-title`} className="card" data-testid="workspace-data">
      <h2 id={`${id}-title`}>{t.data.title}</h2>
      <p className="muted">{t.data.intro}</p>
      <dl className="fz-facts">
        <dt>{t.data.status}</dt>
        <dd>{permit.status}</dd>
        <dt>{t.data.validity}</dt>
        <dd>
          {fmt(t.data.validityValue, {
            from: formatDate(permit.validFrom),
            until: formatDate(permit.validUntil),
          })}
        </dd>
        <dt>{t.data.datasets}</dt>
        <dd data-testid="workspace-datasets">
          {permit.datasets.length ? permit.datasets.map(labelOf).join(', ') : t.data.none}
        </dd>
        <dt>{t.data.variables}</dt>
        <dd>{permit.variables?.length ? permit.variables.map(labelOf).join(', ') : t.data.allVariables}</dd>
        {period && (
          <>
            <dt>{t.data.period}</dt>
            <dd>{period}</dd>
          </>
        )}
        {persons && (
          <>
            <dt>{t.data.persons}</dt>
            <dd>{persons}</dd>
          </>
        )}
      </dl>
      <h3>{t.data.extracts}</h3>
      {extracts.length === 0 ? (
        <p>{t.data.noExtracts}</p>
      ) : (
        <div className="table-wrap">
          <table data-testid="workspace-extracts">
            <caption className="visually-hidden">{t.data.extractsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.data.node}</th>
                <th scope="col">{t.data.datasets}</th>
                <th scope="col">{t.data.extractStatus}</th>
                <th scope="col" className="num">
                  {t.data.extractPersons}
                </th>
              </tr>
            </thead>
            <tbody>
              {extracts.map((x, i) => (
                <tr key={x.nodeId ?? i}>
                  <th scope="row">
                    {x.nodeName ?? x.nodeId}
                    {x.country && <div className="muted small">{nameOf(ui.countries, x.country)}</div>}
                  </th>
                  <td>{(x.datasets ?? []).join(', ')}</td>
                  <td>{x.status ?? ''}</td>
                  <td className="num">
                    {typeof x.persons === 'number' ? (
                      formatNumber(x.persons)
                    ) : (
                      <span className="muted">{t.data.withheld}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
